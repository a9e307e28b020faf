/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_vf_mbx.c: net_igbx_vf's messages beyond the five of the stock pair.
 * API_NEGOTIATE after each RESET: an igbx PF host agrees to API 1.1 (link
 * notices), a stock host NACKs and the VF stays at 1.0. SET_PROMISC asks the
 * PF for promiscuous or all-multicast reception; a PF that does not trust
 * the VF, or does not know the message, refuses. PF_CONTROL notices arrive
 * unasked; the PF watch reads them.
 */
#include <errno.h>

#include "igbx_logs.h"
#include "igbx_vf_mbx.h"
#include "igbx_vf_regs.h"

/* A request whose NACK is an answer, not an error (igbx_mbx_call logs
 * those): 0 ACK, -EPROTO NACK or another reply, or the mailbox's error. */
int
igbx_vf_mbx_ask(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t *msg, unsigned int n_out,
		unsigned int n_in)
{
	uint32_t id = msg[0] & IGBX_MBX_ID_MASK;
	int ret;

	ret = igbx_mbx_send(hw, mbx, msg, n_out);
	if (ret == 0)
		ret = igbx_mbx_recv(hw, mbx, msg, n_in);
	while (ret == 0 && (msg[0] & IGBX_MBX_ID_MASK) == IGBX_MBX_PF_CONTROL) {
		mbx->pf_link_up = (msg[1] & IGBX_MBX_LINK_UP) != 0;
		ret = igbx_mbx_recv(hw, mbx, msg, n_in);
	}
	if (ret != 0)
		return ret;
	return (msg[0] & IGBX_MBX_ID_MASK) == id && (msg[0] & IGBX_MBX_ACK) ? 0 : -EPROTO;
}

void
igbx_vf_mbx_negotiate(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw;
	rte_spinlock_t *lock;
	struct igbx_mbx *mbx = igbx_vf_mbx_of(dev, &hw, &lock);
	uint32_t msg[2] = { IGBX_MBX_API_NEGOTIATE, IGBX_MBX_API_LATEST };

	/* a stock PF NACKs the message it does not know: API 1.0 */
	(void)lock;
	mbx->api = IGBX_MBX_API_10;
	if (igbx_vf_mbx_ask(hw, mbx, msg, 2, 2) == 0)
		mbx->api = IGBX_MBX_API_LATEST;
	IGBX_LOG(INFO, "VF %s: mailbox API 1.%u", dev->device->name, mbx->api);
}

bool
igbx_vf_mbx_notice(struct igbx_hw *hw, struct igbx_mbx *mbx)
{
	uint32_t msg[2];

	if (!(igbx_mbx_status(hw, mbx) & IGBX_V2P_PFSTS))
		return false;
	if (igbx_mbx_recv(hw, mbx, msg, 2) != 0 ||
	    (msg[0] & IGBX_MBX_ID_MASK) != IGBX_MBX_PF_CONTROL)
		return false;
	mbx->pf_link_up = (msg[1] & IGBX_MBX_LINK_UP) != 0;
	return true;	/* the PF sends one when its link changed */
}

/* SET_PROMISC with what the port wants after the change. */
static int
igbx_vf_promisc_request(struct rte_eth_dev *dev, bool unicast, bool multicast)
{
	struct igbx_hw *hw;
	rte_spinlock_t *lock;
	struct igbx_mbx *mbx = igbx_vf_mbx_of(dev, &hw, &lock);
	uint32_t want = (unicast ? IGBX_MBX_PROMISC_UNICAST : 0) |
			(multicast ? IGBX_MBX_PROMISC_MULTICAST : 0);
	uint32_t msg[1] = { IGBX_MBX_SET_PROMISC | want << IGBX_MBX_INFO_SHIFT };
	int ret;

	rte_spinlock_lock(lock);
	ret = igbx_vf_mbx_ask(hw, mbx, msg, 1, 1);
	rte_spinlock_unlock(lock);
	/* asking for nothing: a PF that refuses (or does not know the
	 * message) granted nothing either, which is what the port wants */
	if (ret == -EPROTO && want == 0)
		return 0;
	if (ret == -EPROTO) {
		IGBX_LOG(ERR, "VF %s: promiscuous=%u allmulticast=%u refused by the PF "
			 "(allowed only for a VF the PF host trusts)", dev->device->name,
			 unicast, multicast);
		return -EPERM;
	}
	return ret;
}

int
igbx_vf_promiscuous_enable(struct rte_eth_dev *dev)
{
	return igbx_vf_promisc_request(dev, true, true);
}

int
igbx_vf_promiscuous_disable(struct rte_eth_dev *dev)
{
	return igbx_vf_promisc_request(dev, false, dev->data->all_multicast != 0);
}

int
igbx_vf_allmulticast_enable(struct rte_eth_dev *dev)
{
	return igbx_vf_promisc_request(dev, dev->data->promiscuous != 0, true);
}

int
igbx_vf_allmulticast_disable(struct rte_eth_dev *dev)
{
	return igbx_vf_promisc_request(dev, dev->data->promiscuous != 0,
				       dev->data->promiscuous != 0);
}
