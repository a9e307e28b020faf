/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_vf_mbx.h: what net_igbx_vf says to its PF beyond the stock pair's messages
 * (igbx_vf_mbx.c): API negotiation, promiscuous/all-multicast requests, PF notices. */
#ifndef IGBX_VF_MBX_H
#define IGBX_VF_MBX_H

#include <stdbool.h>

#include <rte_spinlock.h>
#include <ethdev_driver.h>

#include "igbx_mbx.h"

/* igbx_vf_ethdev.c: the port's mailbox, its registers and the lock that
 * serialises the mailbox between control ops and the PF watch. */
struct igbx_mbx *igbx_vf_mbx_of(struct rte_eth_dev *dev, struct igbx_hw **hw,
				rte_spinlock_t **lock);

/* After an acknowledged RESET (lock held): the newest API the PF speaks. */
void igbx_vf_mbx_negotiate(struct rte_eth_dev *dev);
/* One request and its answer, the caller holding the lock: 0 ACK, -EPROTO
 * NACK (not logged: the caller says what the refusal means). */
int igbx_vf_mbx_ask(struct igbx_hw *hw, struct igbx_mbx *mbx, uint32_t *msg,
		    unsigned int n_out, unsigned int n_in);
/* The PF watch (lock held): a PF notice waiting is read; true when one was
 * (the PF sends one per link change). */
bool igbx_vf_mbx_notice(struct igbx_hw *hw, struct igbx_mbx *mbx);

/* eth_dev_ops: SET_PROMISC requests, granted by a PF host that trusts the VF. */
int igbx_vf_promiscuous_enable(struct rte_eth_dev *dev);
int igbx_vf_promiscuous_disable(struct rte_eth_dev *dev);
int igbx_vf_allmulticast_enable(struct rte_eth_dev *dev);
int igbx_vf_allmulticast_disable(struct rte_eth_dev *dev);

#endif /* IGBX_VF_MBX_H */
