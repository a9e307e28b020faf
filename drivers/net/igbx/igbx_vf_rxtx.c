/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_vf_rxtx.c - the queues of net_igbx_vf: the PF driver's rings and
 * bursts behind the VF's own queue registers (8.24), the burst chosen by the
 * PF's chooser, and the frame size the VF asks of the PF (SET_LPE, 7.8.2).
 */
#include <errno.h>
#include <string.h>

#include <rte_cycles.h>
#include <ethdev_driver.h>

#include "igbx_logs.h"
#include "igbx_rxtx.h"
#include "igbx_vf.h"
#include "igbx_vf_regs.h"

#define IGBX_VF_ENABLE_TIMEOUT_US	10000

/*
 * What a VF's descriptors carry. RX: the IP/L4 checksum status (RXCSUM is
 * the PF's, its driver enables the checks), scattered frames; VLAN_STRIP is
 * done by the scalar burst in software: the 82576 strips per pool
 * (VMOLR.STRVLAN), a register only the PF writes. No RSS: in SR-IOV mode the
 * 82576 gives each pool no hash (7.8.1, MRQC.Multiple_Receive_Queues = VMDq
 * only). TX: the advanced context and data descriptors are the PF's format
 * (7.2.2), so checksums, TSO, VLAN insertion and chains are the same.
 */
#define IGBX_VF_RX_CAPA (RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | RTE_ETH_RX_OFFLOAD_UDP_CKSUM |	\
	RTE_ETH_RX_OFFLOAD_TCP_CKSUM | RTE_ETH_RX_OFFLOAD_SCATTER |			\
	RTE_ETH_RX_OFFLOAD_VLAN_FILTER | RTE_ETH_RX_OFFLOAD_VLAN_STRIP)
#define IGBX_VF_TX_CAPA (RTE_ETH_TX_OFFLOAD_VLAN_INSERT | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |	\
	RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM |			\
	RTE_ETH_TX_OFFLOAD_SCTP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_TSO |			\
	RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)

void
igbx_vf_offload_info(struct rte_eth_dev_info *info)
{
	info->rx_queue_offload_capa = RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	info->rx_offload_capa = IGBX_VF_RX_CAPA;
	info->tx_queue_offload_capa = IGBX_VF_TX_CAPA;
	info->tx_offload_capa = IGBX_VF_TX_CAPA;
	info->max_rx_pktlen = IGBX_VF_MAX_JUMBO_FRAME;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = IGBX_VF_MAX_JUMBO_FRAME - IGBX_VF_FRAME_OVERHEAD;
	/* no RSS in this mode: no key, no table, no hash types */
	info->hash_key_size = 0;
	info->reta_size = 0;
	info->flow_type_rss_offloads = 0;
}

int
igbx_vf_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		       unsigned int socket_id, const struct rte_eth_rxconf *conf,
		       struct rte_mempool *mp)
{
	struct igbx_rx_queue *rxq;
	int ret;

	if (dev->data->dev_started) {
		IGBX_LOG(ERR, "rx queue %u: setup while started invalid: stop the port first", qid);
		return -EBUSY;
	}
	ret = igbx_rx_queue_setup(dev, qid, nb_desc, socket_id, conf, mp);
	if (ret != 0)
		return ret;
	rxq = dev->data->rx_queues[qid];
	rxq->rdt_addr = igbx_reg_addr(IGBX_DEV_HW(dev), IGBX_VF_RXQ_REG(qid, IGBX_VF_Q_TAIL));
	return 0;
}

int
igbx_vf_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		       unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct igbx_tx_queue *txq;
	int ret;

	if (dev->data->dev_started) {
		IGBX_LOG(ERR, "tx queue %u: setup while started invalid: stop the port first", qid);
		return -EBUSY;
	}
	ret = igbx_tx_queue_setup(dev, qid, nb_desc, socket_id, conf);
	if (ret != 0)
		return ret;
	txq = dev->data->tx_queues[qid];
	txq->tdt_addr = igbx_reg_addr(IGBX_DEV_HW(dev), IGBX_VF_TXQ_REG(qid, IGBX_VF_Q_TAIL));
	return 0;
}

/* 4.5.9 / 4.5.10: the queue's ENABLE bit latches (or clears) when it took effect. */
static int
igbx_vf_ring_switch(struct igbx_hw *hw, uint32_t dctl, bool on)
{
	uint32_t want = on ? IGBX_RXDCTL_ENABLE : 0;
	unsigned int t;

	RTE_BUILD_BUG_ON(IGBX_RXDCTL_ENABLE != IGBX_TXDCTL_ENABLE);
	if (on)
		igbx_write(hw, dctl, igbx_read(hw, dctl) | IGBX_RXDCTL_ENABLE);
	else
		igbx_write(hw, dctl, igbx_read(hw, dctl) & ~IGBX_RXDCTL_ENABLE);
	for (t = 0; t < IGBX_VF_ENABLE_TIMEOUT_US; t += 10) {
		if ((igbx_read(hw, dctl) & IGBX_RXDCTL_ENABLE) == want)
			return 0;
		rte_delay_us(10);
	}
	IGBX_LOG(ERR, "VF queue register 0x%x: ENABLE did not %s", dctl,
		 on ? "latch" : "clear");
	return -EIO;
}

/* 7.1.4 / 7.2.1: queue off, base, length in bytes, head = tail = 0. */
static void
igbx_vf_ring_program(struct igbx_hw *hw, uint32_t base, uint64_t iova, uint16_t nb_desc)
{
	igbx_write(hw, base + IGBX_VF_Q_DCTL, 0);
	igbx_write(hw, base + IGBX_VF_Q_BAL, (uint32_t)iova);
	igbx_write(hw, base + IGBX_VF_Q_BAH, (uint32_t)(iova >> 32));
	igbx_write(hw, base + IGBX_VF_Q_LEN, nb_desc * sizeof(union igbx_adv_rx_desc));
	igbx_write(hw, base + IGBX_VF_Q_HEAD, 0);
	igbx_write(hw, base + IGBX_VF_Q_TAIL, 0);
}

static uint32_t
igbx_vf_dctl_thresh(uint8_t p, uint8_t h, uint8_t w)
{
	return (uint32_t)p << IGBX_RXDCTL_PTHRESH_SHIFT | (uint32_t)h << IGBX_RXDCTL_HTHRESH_SHIFT |
	       (uint32_t)w << IGBX_RXDCTL_WTHRESH_SHIFT;
}

/*
 * What the burst needs to know: the PF host strips the CRC for the whole
 * port (SECRC) and gives no RSS hash. Whether the VF's pool strips VLAN tags
 * (VMOLR.STRVLAN) is the PF host's choice, which the VF cannot read: Linux
 * igb strips them for a VF that added a VLAN, another host may not. A
 * descriptor's VP says the tag was stripped into it (7.1.5.2), so
 * every VF queue reports VP as VLAN | VLAN_STRIPPED (vlan_strip), and a
 * queue with VLAN_STRIP has a tag the pool left cut out by the scalar burst.
 */
static void
igbx_vf_rx_derive(struct rte_eth_dev *dev, struct igbx_rx_queue *rxq)
{
	rxq->offloads = rxq->queue_offloads | dev->data->dev_conf.rxmode.offloads;
	rxq->crc_len = 0;
	rxq->rss_hash = 0;
	rxq->vlan_strip = 1;
	rxq->sw_strip = (rxq->offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) ?
		IGBX_RX_SW_STRIP_VLAN : 0;
}

static int
igbx_vf_rx_start(struct rte_eth_dev *dev, struct igbx_rx_queue *rxq)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t base = IGBX_VF_RXQ_REG(rxq->queue_id, 0);
	struct rte_mbuf m = { .buf_addr = NULL };
	uint16_t i;

	igbx_vf_rx_derive(dev, rxq);
	m.data_off = RTE_PKTMBUF_HEADROOM;
	m.nb_segs = 1;
	m.port = rxq->port_id;
	rte_mbuf_refcnt_set(&m, 1);
	rxq->mbuf_rearm = *igbx_rearm_word_ptr(&m);
	if (rte_mempool_get_bulk(rxq->mp, (void **)rxq->sw_ring, rxq->nb_desc) != 0) {
		memset(rxq->sw_ring, 0, sizeof(*rxq->sw_ring) * rxq->nb_desc);
		IGBX_LOG(ERR, "rx queue %u: mempool %s cannot supply %u mbufs",
			 rxq->queue_id, rxq->mp->name, rxq->nb_desc);
		return -ENOMEM;
	}
	for (i = 0; i < rxq->nb_desc; i++)
		igbx_rx_post(&rxq->ring[i], rxq->sw_ring[i]);
	igbx_rx_iova_setup(rxq, rxq->mp->socket_id);
	rxq->next = 0;
	rxq->nb_hold = 0;
	rxq->rdt = rxq->nb_desc - 1;
	igbx_vf_ring_program(hw, base, rxq->ring_iova, rxq->nb_desc);
	igbx_write(hw, base + IGBX_VF_Q_SRRCTL, IGBX_SRRCTL_DESCTYPE_ADV_ONEBUF |
		   (rxq->drop_en ? IGBX_SRRCTL_DROP_EN : 0) |
		   ((rxq->buf_size / IGBX_RX_BUF_UNIT) & IGBX_SRRCTL_BSIZEPACKET_MASK));
	igbx_write(hw, base + IGBX_VF_Q_DCTL,
		   igbx_vf_dctl_thresh(rxq->pthresh, rxq->hthresh, rxq->wthresh));
	if (igbx_vf_ring_switch(hw, base + IGBX_VF_Q_DCTL, true) != 0) {
		igbx_rx_free_mbufs(rxq);
		return -EIO;
	}
	rte_io_wmb();
	igbx_write(hw, base + IGBX_VF_Q_TAIL, rxq->rdt);
	rxq->started = 1;
	dev->data->rx_queue_state[rxq->queue_id] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

static int
igbx_vf_tx_start(struct rte_eth_dev *dev, struct igbx_tx_queue *txq)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t base = IGBX_VF_TXQ_REG(txq->queue_id, 0);

	igbx_tx_reset(txq);
	igbx_vf_ring_program(hw, base, txq->ring_iova, txq->nb_desc);
	igbx_write(hw, base + IGBX_VF_Q_TDWBAL, 0);	/* completions from DD */
	igbx_write(hw, base + IGBX_VF_Q_TDWBAH, 0);
	igbx_write(hw, base + IGBX_VF_Q_DCTL,
		   igbx_vf_dctl_thresh(txq->pthresh, txq->hthresh, txq->wthresh));
	if (igbx_vf_ring_switch(hw, base + IGBX_VF_Q_DCTL, true) != 0)
		return -EIO;
	txq->started = 1;
	dev->data->tx_queue_state[txq->queue_id] = RTE_ETH_QUEUE_STATE_STARTED;
	return 0;
}

void
igbx_vf_queues_stop(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		struct igbx_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq == NULL || !rxq->started)
			continue;
		igbx_vf_ring_switch(hw, IGBX_VF_RXQ_REG(i, IGBX_VF_Q_DCTL), false);
		igbx_rx_free_mbufs(rxq);
		rxq->started = 0;
		dev->data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		struct igbx_tx_queue *txq = dev->data->tx_queues[i];

		if (txq == NULL || !txq->started)
			continue;
		igbx_vf_ring_switch(hw, IGBX_VF_TXQ_REG(i, IGBX_VF_Q_DCTL), false);
		igbx_tx_reset(txq);
		txq->started = 0;
		dev->data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
	}
}

/*
 * 7.8.2 SET_LPE: the PF writes the VF's largest frame (with FCS and a VLAN
 * tag) into the pool's VMOLR.RLPML and sets VMOLR.LPE; a NACK means the PF
 * host allows less.
 */
int
igbx_vf_set_lpe(struct rte_eth_dev *dev, uint16_t mtu)
{
	uint32_t frame = (uint32_t)mtu + IGBX_VF_FRAME_OVERHEAD;
	uint32_t msg[2] = { IGBX_MBX_SET_LPE, frame };
	int ret;

	ret = igbx_vf_call(IGBX_VF_ADAPTER(dev), msg, 2, 1);
	if (ret != 0)
		IGBX_LOG(ERR, "mtu=%u (frame %u): PF host refused SET_LPE or did not answer "
			 "(%d): allowed what it accepts, at most %u", mtu, frame, ret,
			 IGBX_VF_MAX_JUMBO_FRAME - IGBX_VF_FRAME_OVERHEAD);
	return ret == -EPROTO ? -EINVAL : ret;
}

int
igbx_vf_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	uint32_t frame = (uint32_t)mtu + IGBX_VF_FRAME_OVERHEAD;
	uint16_t i;

	if (frame > IGBX_VF_MAX_JUMBO_FRAME || mtu < RTE_ETHER_MIN_MTU) {
		IGBX_LOG(ERR, "mtu=%u invalid: allowed %u..%u (frames up to %u bytes)", mtu,
			 RTE_ETHER_MIN_MTU, IGBX_VF_MAX_JUMBO_FRAME - IGBX_VF_FRAME_OVERHEAD,
			 IGBX_VF_MAX_JUMBO_FRAME);
		return -EINVAL;
	}
	for (i = 0; dev->data->dev_started && i < dev->data->nb_rx_queues; i++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq->buf_size < frame && !dev->data->scattered_rx) {
			IGBX_LOG(ERR, "mtu=%u: frames of %u bytes need scattered RX; "
				 "stop the port first", mtu, frame);
			return -EBUSY;
		}
	}
	return igbx_vf_set_lpe(dev, mtu);
}

/* Rings up, SET_LPE for the MTU, then the bursts the PF's chooser picks. */
int
igbx_vf_queues_start(struct rte_eth_dev *dev)
{
	uint32_t frame = dev->data->mtu + IGBX_VF_FRAME_OVERHEAD;
	bool scatter = !!(dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_SCATTER);
	uint16_t i;
	int ret;

	/* every start: an earlier, larger limit goes back down; a host that
	 * refuses SET_LPE still takes standard frames */
	ret = igbx_vf_set_lpe(dev, dev->data->mtu);
	if (ret != 0 && dev->data->mtu <= RTE_ETHER_MTU)
		ret = 0;
	for (i = 0; i < dev->data->nb_tx_queues && ret == 0; i++)
		ret = igbx_vf_tx_start(dev, dev->data->tx_queues[i]);
	for (i = 0; i < dev->data->nb_rx_queues && ret == 0; i++) {
		struct igbx_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq->buf_size < frame)
			scatter = true;
		ret = igbx_vf_rx_start(dev, rxq);
	}
	if (ret != 0) {
		igbx_vf_queues_stop(dev);
		return ret;
	}
	dev->data->scattered_rx = scatter;
	igbx_set_rx_function(dev);
	igbx_set_tx_function(dev);
	return 0;
}
