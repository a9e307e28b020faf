/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_pf_regs.h: the PF's SR-IOV registers (82576 datasheet 8.13 virtualization,
 * 7.8.2 mailbox, 7.10 pools): the mailbox and the switch's anti-spoofing, which only the PF host
 * (igbx_pf*.c) uses; the pool registers VMDq shares are in igbx_regs.h. */
#ifndef IGBX_PF_REGS_H
#define IGBX_PF_REGS_H

#include "igbx_regs.h"

/* Mailbox (7.8.2.2): VMBMEM is 16 words per VF, P2VMAILBOX one word per VF. */
#define IGBX_VMBMEM(vf, w)	(0x00800 + 0x40 * (vf) + 4 * (w))
#define IGBX_VMBMEM_WORDS	16
#define IGBX_P2VMAILBOX(vf)	(0x00C00 + 4 * (vf))
#define IGBX_P2V_STS		IGBX_BIT(0)	/* message for the VF */
#define IGBX_P2V_ACK		IGBX_BIT(1)	/* VF message taken */
#define IGBX_P2V_VFU		IGBX_BIT(2)	/* VF owns the buffer (RO) */
#define IGBX_P2V_PFU		IGBX_BIT(3)	/* PF owns the buffer */
#define IGBX_P2V_RVFU		IGBX_BIT(4)	/* take the buffer from the VF */
#define IGBX_MBVFICR		0x00C80		/* W1C: VFREQ bit vf, VFACK 16 + vf */
#define IGBX_MBVFICR_VFREQ(vf)	IGBX_BIT(vf)
#define IGBX_MBVFICR_VFACK(vf)	IGBX_BIT(16 + (vf))
#define IGBX_MBVFIMR		0x00C84		/* VFs whose events raise ICR.VMMB */
#define IGBX_VFLRE		0x00C88		/* W1C: VF function level reset seen */

/* DTXSWC (8.12.x): MAC anti-spoof per pool, VM to VM loopback. */
#define IGBX_DTXSWC_MAC_SPOOF(pool) IGBX_BIT(pool)
#define IGBX_DTXSWC_MAC_SPOOF_MASK UINT32_C(0xFF)
#define IGBX_DTXSWC_VLAN_SPOOF(pool) IGBX_BIT(8 + (pool))
#define IGBX_DTXSWC_LOOPBACK_EN	IGBX_BIT(31)

#endif /* IGBX_PF_REGS_H */
