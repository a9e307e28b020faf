/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_pf_regs.h: the PF's SR-IOV registers (82576 datasheet 8.13 virtualization,
 * 7.8.2 mailbox, 7.10 pools): offsets and fields the PF host (igbx_pf*.c) uses. */
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
#define IGBX_VFRE		0x00C8C		/* pool n may receive (bit n) */
#define IGBX_VFTE		0x00C90		/* pool n may transmit (bit n) */

/* VT_CTL (8.10.x): default pool for frames no filter places. */
#define IGBX_VT_CTL_DEF_PL_SHIFT 7		/* bits 9:7 */
#define IGBX_VT_CTL_DEF_PL_MASK	(UINT32_C(7) << 7)
#define IGBX_VT_CTL_IGNORE_MAC	IGBX_BIT(28)
#define IGBX_VT_CTL_DIS_DEF_PL	IGBX_BIT(29)
#define IGBX_VT_CTL_VM_REPL_EN	IGBX_BIT(30)

/* VMOLR (8.10.x): per pool receive offloads and acceptance. */
#define IGBX_VMOLR_RLPML_MASK	UINT32_C(0x3FFF)
#define IGBX_VMOLR_LPE		IGBX_BIT(16)
#define IGBX_VMOLR_AUPE		IGBX_BIT(24)	/* untagged frames accepted */
#define IGBX_VMOLR_ROMPE	IGBX_BIT(25)	/* multicast by the MTA */
#define IGBX_VMOLR_ROPE		IGBX_BIT(26)	/* unicast by the UTA */
#define IGBX_VMOLR_BAM		IGBX_BIT(27)	/* broadcast */
#define IGBX_VMOLR_MPME		IGBX_BIT(28)	/* all multicast */
#define IGBX_VMOLR_STRVLAN	IGBX_BIT(30)

/* DTXSWC (8.12.x): MAC anti-spoof per pool, VM to VM loopback. */
#define IGBX_DTXSWC_MAC_SPOOF(pool) IGBX_BIT(pool)
#define IGBX_DTXSWC_MAC_SPOOF_MASK UINT32_C(0xFF)
#define IGBX_DTXSWC_VLAN_SPOOF(pool) IGBX_BIT(8 + (pool))
#define IGBX_DTXSWC_LOOPBACK_EN	IGBX_BIT(31)

/* VMVIR (8.12.x): per pool default VLAN insertion. */
#define IGBX_VMVIR(pool)	(0x03700 + 4 * (pool))
#define IGBX_VMVIR_VLAN_MASK	UINT32_C(0xFFFF)
#define IGBX_VMVIR_VLANA_DEFAULT (UINT32_C(1) << 30)	/* always insert VMVIR's tag */

/* VLVF (8.10.x): 32 VLAN filters with their pool select. */
#define IGBX_VLVF_ENTRIES	32
#define IGBX_VLVF_VLANID_MASK	UINT32_C(0xFFF)
#define IGBX_VLVF_POOLSEL_SHIFT	12		/* bits 19:12 */
#define IGBX_VLVF_POOLSEL_MASK	(UINT32_C(0xFF) << 12)
#define IGBX_VLVF_VI_EN		IGBX_BIT(31)

#endif /* IGBX_PF_REGS_H */
