/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_mbx.c: both ends of the PF/VF mailbox (82576 datasheet 7.8.2.2).
 * The VF takes the buffer with V2PMAILBOX.VFU, writes its words, and
 * hands them over with REQ (dropping VFU); PFACK says the PF read them.
 * A PF message shows as PFSTS; the VF takes the buffer, reads, and ACKs.
 * PFSTS, PFACK and RSTD clear on read, so each read keeps them in
 * mbx->seen until the step that waits for them uses them.
 * The PF end (bottom) takes the buffer with P2VMAILBOX.PFU instead.
 */
#include <errno.h>

#include <rte_cycles.h>

#include "igbx_logs.h"
#include "igbx_mbx.h"
#include "igbx_pf_regs.h"
#include "igbx_vf_regs.h"

#define IGBX_MBX_POLL_US	10
#define IGBX_MBX_TIMEOUT_US	2000000	/* the PF host answers from its interrupt handler */

uint32_t
igbx_mbx_status(struct igbx_hw *hw, struct igbx_mbx *mbx)
{
	uint32_t v = igbx_read(hw, IGBX_VF_V2PMAILBOX);

	mbx->seen |= v & IGBX_V2P_RC_BITS;
	return v | mbx->seen;
}

/* Wait for a read-to-clear bit, and use it up. */
static int
igbx_mbx_wait(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t bit)
{
	unsigned int t;

	for (t = 0; t < IGBX_MBX_TIMEOUT_US; t += IGBX_MBX_POLL_US) {
		if (igbx_mbx_status(hw, mbx) & bit) {
			mbx->seen &= ~bit;
			return 0;
		}
		rte_delay_us(IGBX_MBX_POLL_US);
	}
	return -ETIMEDOUT;
}

/* VFU: set it and read it back; the PF holding PFU keeps it from sticking. */
static int
igbx_mbx_lock(struct igbx_hw *hw, struct igbx_mbx *mbx)
{
	unsigned int t;

	for (t = 0; t < IGBX_MBX_TIMEOUT_US; t += IGBX_MBX_POLL_US) {
		igbx_write(hw, IGBX_VF_V2PMAILBOX, IGBX_V2P_VFU);
		if (igbx_mbx_status(hw, mbx) & IGBX_V2P_VFU)
			return 0;
		rte_delay_us(IGBX_MBX_POLL_US);
	}
	IGBX_LOG(ERR, "VF mailbox: PF holds the buffer (PFU) for %u us", IGBX_MBX_TIMEOUT_US);
	return -EBUSY;
}

int
igbx_mbx_send(struct igbx_hw *hw, struct igbx_mbx *mbx, const uint32_t *msg, unsigned int n)
{
	unsigned int i;
	int ret;

	ret = igbx_mbx_lock(hw, mbx);
	if (ret != 0)
		return ret;
	/* an ack or a message of an earlier exchange is stale from here on */
	mbx->seen &= ~(IGBX_V2P_PFACK | IGBX_V2P_PFSTS);
	for (i = 0; i < n; i++)
		igbx_write(hw, IGBX_VF_MBMEM(i), msg[i]);
	igbx_write(hw, IGBX_VF_V2PMAILBOX, IGBX_V2P_REQ);	/* VFU dropped */
	ret = igbx_mbx_wait(hw, mbx, IGBX_V2P_PFACK);
	if (ret != 0)
		IGBX_LOG(ERR, "VF mailbox: PF did not take message 0x%x", msg[0]);
	return ret;
}

int
igbx_mbx_recv(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t *msg, unsigned int n)
{
	unsigned int i;
	int ret;

	ret = igbx_mbx_wait(hw, mbx, IGBX_V2P_PFSTS);
	if (ret != 0) {
		IGBX_LOG(ERR, "VF mailbox: no PF reply within %u us", IGBX_MBX_TIMEOUT_US);
		return ret;
	}
	ret = igbx_mbx_lock(hw, mbx);
	if (ret != 0)
		return ret;
	for (i = 0; i < n; i++)
		msg[i] = igbx_read(hw, IGBX_VF_MBMEM(i));
	igbx_write(hw, IGBX_VF_V2PMAILBOX, IGBX_V2P_ACK);	/* VFU dropped */
	return 0;
}

int
igbx_mbx_call(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t *msg,
	      unsigned int n_out, unsigned int n_in)
{
	uint32_t id = msg[0] & IGBX_MBX_ID_MASK;
	int ret;

	ret = igbx_mbx_send(hw, mbx, msg, n_out);
	if (ret == 0)
		ret = igbx_mbx_recv(hw, mbx, msg, n_in);
	/* a PF notice came in between: noted, and the answer is still due */
	while (ret == 0 && (msg[0] & IGBX_MBX_ID_MASK) == IGBX_MBX_PF_CONTROL &&
	       id != IGBX_MBX_PF_CONTROL) {
		mbx->pf_link_up = (msg[1] & IGBX_MBX_LINK_UP) != 0;
		ret = igbx_mbx_recv(hw, mbx, msg, n_in);
	}
	if (ret != 0)
		return ret;
	if ((msg[0] & IGBX_MBX_ID_MASK) != id || !(msg[0] & IGBX_MBX_ACK)) {
		IGBX_LOG(ERR, "VF mailbox: PF answered 0x%08x to message 0x%x", msg[0], id);
		return -EPROTO;
	}
	return 0;
}

/* ---- the PF end (7.8.2.2): PFU in P2VMAILBOX(vf) is the PF's lock ---- */

#define IGBX_MBX_PF_LOCK_TRIES	100	/* 1 us apart: the VF holds VFU briefly */

/* PFU: set it and read it back; a VF holding VFU keeps it from sticking.
 * The interrupt thread must not wait on a VF that never lets go. */
static int
igbx_mbx_pf_lock(struct igbx_hw *hw, unsigned int vf)
{
	unsigned int t;

	for (t = 0; t < IGBX_MBX_PF_LOCK_TRIES; t++) {
		igbx_write(hw, IGBX_P2VMAILBOX(vf), IGBX_P2V_PFU);
		if (igbx_read(hw, IGBX_P2VMAILBOX(vf)) & IGBX_P2V_PFU)
			return 0;
		rte_delay_us(1);
	}
	return -EBUSY;
}

int
igbx_mbx_pf_read(struct igbx_hw *hw, unsigned int vf, uint32_t *msg)
{
	unsigned int i;

	if (igbx_mbx_pf_lock(hw, vf) != 0)
		return -EBUSY;
	for (i = 0; i < IGBX_MBX_PF_WORDS; i++)
		msg[i] = igbx_read(hw, IGBX_VMBMEM(vf, i));
	igbx_write(hw, IGBX_P2VMAILBOX(vf), IGBX_P2V_ACK);	/* PFU dropped */
	return 0;
}

int
igbx_mbx_pf_write(struct igbx_hw *hw, unsigned int vf, const uint32_t *msg, unsigned int n)
{
	unsigned int i;

	if (igbx_mbx_pf_lock(hw, vf) != 0)
		return -EBUSY;
	for (i = 0; i < n; i++)
		igbx_write(hw, IGBX_VMBMEM(vf, i), msg[i]);
	igbx_write(hw, IGBX_P2VMAILBOX(vf), IGBX_P2V_STS);	/* PFU dropped */
	return 0;
}
