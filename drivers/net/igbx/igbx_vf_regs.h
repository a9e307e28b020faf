/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_vf_regs.h: the register map an 82576 virtual function sees in its own
 * BAR0 (datasheet 8.24) and the VF side of the PF/VF mailbox (7.8.2). */
#ifndef IGBX_VF_REGS_H
#define IGBX_VF_REGS_H

#include <stdint.h>

#define IGBX_VF_DEVICE_ID	0x10CA

#define IGBX_VF_CTRL		0x0000
#define IGBX_VF_CTRL_RST	(UINT32_C(1) << 26)	/* VF function level reset */
#define IGBX_VF_STATUS		0x0008
#define IGBX_VF_STATUS_FD	(UINT32_C(1) << 0)
#define IGBX_VF_STATUS_LU	(UINT32_C(1) << 1)
#define IGBX_VF_STATUS_SPEED_SHIFT 6			/* bits 7:6 */
#define IGBX_VF_STATUS_SPEED_MASK (UINT32_C(3) << 6)

/* Mailbox (7.8.2.2): 16 words shared with the PF, and the VF's control word. */
#define IGBX_VF_MBMEM(w)	(0x0800 + 4 * (w))
#define IGBX_VF_MBX_WORDS	16
#define IGBX_VF_V2PMAILBOX	0x0C40
#define IGBX_V2P_REQ		(UINT32_C(1) << 0)	/* message for the PF */
#define IGBX_V2P_ACK		(UINT32_C(1) << 1)	/* PF message taken */
#define IGBX_V2P_VFU		(UINT32_C(1) << 2)	/* VF owns the buffer */
#define IGBX_V2P_PFU		(UINT32_C(1) << 3)	/* PF owns the buffer */
#define IGBX_V2P_PFSTS		(UINT32_C(1) << 4)	/* PF wrote a message (RC) */
#define IGBX_V2P_PFACK		(UINT32_C(1) << 5)	/* PF took our message (RC) */
#define IGBX_V2P_RSTI		(UINT32_C(1) << 6)	/* PF reset in progress */
#define IGBX_V2P_RSTD		(UINT32_C(1) << 7)	/* PF reset done (RC) */
/* PFSTS, PFACK and RSTD clear when read: every read is kept, see igbx_mbx.c */
#define IGBX_V2P_RC_BITS	(IGBX_V2P_PFSTS | IGBX_V2P_PFACK | IGBX_V2P_RSTD)

/* Statistics (8.24): 32-bit, counting since the VF's reset, never cleared by a read. */
#define IGBX_VF_GPRC		0x0F10
#define IGBX_VF_GPTC		0x0F14
#define IGBX_VF_GORC		0x0F18
#define IGBX_VF_GOTC		0x0F34
#define IGBX_VF_MPRC		0x0F3C

/* Queue blocks: two RX and two TX queues, 0x100 apart, each laid out as the
 * PF's (RDBAL +0x00 ... RXDCTL +0x28; TDWBAL +0x38). */
#define IGBX_VF_QUEUES		2
#define IGBX_VF_RXQ_REG(q, r)	(0x2800 + 0x100 * (q) + (r))
#define IGBX_VF_TXQ_REG(q, r)	(0x3800 + 0x100 * (q) + (r))
#define IGBX_VF_Q_BAL		0x00
#define IGBX_VF_Q_BAH		0x04
#define IGBX_VF_Q_LEN		0x08
#define IGBX_VF_Q_SRRCTL	0x0C
#define IGBX_VF_Q_HEAD		0x10
#define IGBX_VF_Q_TAIL		0x18
#define IGBX_VF_Q_DCTL		0x28
#define IGBX_VF_Q_TDWBAL	0x38
#define IGBX_VF_Q_TDWBAH	0x3C

#endif /* IGBX_VF_REGS_H */
