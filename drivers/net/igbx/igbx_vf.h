/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_vf.h - what the two halves of net_igbx_vf share: the adapter
 * (igbx_vf_ethdev.c: probe, mailbox, reset) and the queues (igbx_vf_rxtx.c). */
#ifndef IGBX_VF_H
#define IGBX_VF_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_spinlock.h>
#include <ethdev_driver.h>

#include "igbx_ethdev.h"
#include "igbx_mbx.h"

#define IGBX_VF_NB_STATS	5
/*
 * The 82576 takes frames up to 9.5 KB (9728 bytes with the FCS, 1.3); the
 * PF host writes the VF's limit into its pool's VMOLR.RLPML on SET_LPE.
 * Without SET_LPE the pool takes 1518 bytes, 1522 with a VLAN tag.
 */
#define IGBX_VF_MAX_JUMBO_FRAME	9728
#define IGBX_VF_STD_FRAME	(RTE_ETHER_MAX_LEN + RTE_VLAN_HLEN)
/* What SET_LPE adds to the MTU: header, FCS and one VLAN tag. */
#define IGBX_VF_FRAME_OVERHEAD	(RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN + RTE_VLAN_HLEN)

/* The PF driver's adapter comes first: its queue setup code and the burst
 * chooser (forced paths) read it. */
struct igbx_vf_adapter {
	struct igbx_adapter pf_like;
	struct igbx_mbx mbx;
	rte_spinlock_t mbx_lock;	/* the mailbox: control ops and the PF watch */
	bool hw_ready;
	bool watching;			/* the PF reset alarm is armed */
	bool pf_reset;			/* PF reset seen, rte_eth_dev_reset() not yet */
	uint32_t stat_last[IGBX_VF_NB_STATS];	/* counter values at the last read */
	uint64_t stat_sum[IGBX_VF_NB_STATS];	/* counted since probe or reset */
};

#define IGBX_VF_ADAPTER(dev)	((struct igbx_vf_adapter *)(dev)->data->dev_private)

/* igbx_vf_ethdev.c */
int igbx_vf_call(struct igbx_vf_adapter *vf, uint32_t *msg, unsigned int n_out,
		 unsigned int n_in);

/* igbx_vf_rxtx.c */
int igbx_vf_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			   unsigned int socket_id, const struct rte_eth_rxconf *conf,
			   struct rte_mempool *mp);
int igbx_vf_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			   unsigned int socket_id, const struct rte_eth_txconf *conf);
int igbx_vf_queues_start(struct rte_eth_dev *dev);
void igbx_vf_queues_stop(struct rte_eth_dev *dev);
int igbx_vf_set_lpe(struct rte_eth_dev *dev, uint16_t mtu);
int igbx_vf_mtu_set(struct rte_eth_dev *dev, uint16_t mtu);
void igbx_vf_offload_info(struct rte_eth_dev_info *info);

#endif /* IGBX_VF_H */
