/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_mbx.h: messages a VF sends its PF through the mailbox (7.8.2), the
 * words the PF driver (Linux igb, DPDK's igb PF host) understands. */
#ifndef IGBX_MBX_H
#define IGBX_MBX_H

#include <stdbool.h>
#include <stdint.h>

#include "igbx_hw.h"

/* word 0: message id in bits 15:0, a small argument in 23:16, and the
 * PF's verdict in the top bits of its reply */
#define IGBX_MBX_RESET		0x01
#define IGBX_MBX_SET_MAC_ADDR	0x02
#define IGBX_MBX_SET_MULTICAST	0x03
#define IGBX_MBX_SET_VLAN	0x04
#define IGBX_MBX_SET_LPE	0x05
/* Beyond the five messages of the stock pair: an igbx PF host answers
 * these, a stock PF NACKs them (so a VF falls back to API 1.0). */
#define IGBX_MBX_SET_PROMISC	0x06	/* info: IGBX_MBX_PROMISC_* wanted */
#define IGBX_MBX_API_NEGOTIATE	0x08	/* word 1: IGBX_MBX_API_*; ACK = agreed */
#define IGBX_MBX_PF_CONTROL	0x0100	/* PF -> VF notice; word 1: IGBX_MBX_LINK_UP */
#define IGBX_MBX_PROMISC_UNICAST	0x01
#define IGBX_MBX_PROMISC_MULTICAST	0x02
#define IGBX_MBX_LINK_UP	UINT32_C(1)
/* API versions: 1.0 is the stock pair's messages (and Linux igb's
 * SET_PROMISC); 1.1 adds the PF's link notices. */
#define IGBX_MBX_API_10		0
#define IGBX_MBX_API_11		1
#define IGBX_MBX_API_LATEST	IGBX_MBX_API_11
#define IGBX_MBX_ID_MASK	UINT32_C(0xFFFF)
#define IGBX_MBX_INFO_SHIFT	16
#define IGBX_MBX_INFO_MASK	(UINT32_C(0xFF) << 16)
#define IGBX_MBX_ACK		(UINT32_C(1) << 31)
#define IGBX_MBX_NACK		(UINT32_C(1) << 30)
#define IGBX_MBX_CTS		(UINT32_C(1) << 29)	/* PF clear to send */

#define IGBX_MBX_MAX_MC		30	/* 16-bit hashes in words 1..15 */

struct igbx_mbx {
	uint32_t seen;		/* read-to-clear bits read but not yet used */
	uint8_t api;		/* IGBX_MBX_API_* the PF agreed to */
	bool pf_link_up;	/* the PF's last link notice (API 1.1) */
};

/* Post msg (n words) and wait for the PF's ack; 0 or -ETIMEDOUT/-EBUSY. */
int igbx_mbx_send(struct igbx_hw *hw, struct igbx_mbx *mbx, const uint32_t *msg,
		  unsigned int n);
/* Wait for a PF message and take it (n words); 0 or -ETIMEDOUT/-EBUSY. */
int igbx_mbx_recv(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t *msg,
		  unsigned int n);
/* send, then the reply into msg; -EPROTO if the PF NACKs or answers another id. */
int igbx_mbx_call(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t *msg,
		  unsigned int n_out, unsigned int n_in);
/* The V2P word, with the read-to-clear bits of earlier reads folded in. */
uint32_t igbx_mbx_status(struct igbx_hw *hw, struct igbx_mbx *mbx);

/* ---- the PF end (igbx_pf_mbx.c); vf is the VF's number ---- */
#define IGBX_MBX_PF_WORDS	16	/* VMBMEM words per VF */
/* Take VF vf's message (all IGBX_MBX_PF_WORDS words) and ACK it; 0 or -EBUSY
 * when the VF holds the buffer. */
int igbx_mbx_pf_read(struct igbx_hw *hw, unsigned int vf, uint32_t *msg);
/* Post n words to VF vf (STS); 0 or -EBUSY when the VF holds the buffer. */
int igbx_mbx_pf_write(struct igbx_hw *hw, unsigned int vf, const uint32_t *msg,
		      unsigned int n);

#endif /* IGBX_MBX_H */
