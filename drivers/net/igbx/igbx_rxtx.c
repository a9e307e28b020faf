/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx.c - 82576 receive/transmit queues on the device: ring programming, queue
 * start/stop, port-level RX/TX init, the choice of bursts and queue info (setup:
 * igbx_rxtx_setup.c, bursts: igbx_rx_burst.c, igbx_tx_burst.c, igbx_rxtx_vec_*.c). */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_cpuflags.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_io.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_vect.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"

/* Datasheet 4.5.9: the ENABLE bit reflects the queue state once it took effect. */
#define IGBX_QUEUE_ENABLE_TIMEOUT_US	10000
#define IGBX_STD_FRAME			(RTE_ETHER_MAX_LEN)

/* ---- ring programming shared by both directions (4.5.9 / 4.5.10) ---------- */

/* The registers of one descriptor ring: RX and TX rings share their layout. */
struct igbx_ring_regs {
	const char *kind;	/* "rx" or "tx", for logs */
	uint32_t bal, bah, len, head, tail, dctl, enable;
};

static void
igbx_ring_regs_get(bool rx, uint16_t q, struct igbx_ring_regs *r)
{
	r->kind = rx ? "rx" : "tx";
	r->bal = rx ? IGBX_RDBAL(q) : IGBX_TDBAL(q);
	r->bah = rx ? IGBX_RDBAH(q) : IGBX_TDBAH(q);
	r->len = rx ? IGBX_RDLEN(q) : IGBX_TDLEN(q);
	r->head = rx ? IGBX_RDH(q) : IGBX_TDH(q);
	r->tail = rx ? IGBX_RDT(q) : IGBX_TDT(q);
	r->dctl = rx ? IGBX_RXDCTL(q) : IGBX_TXDCTL(q);
	r->enable = rx ? IGBX_RXDCTL_ENABLE : IGBX_TXDCTL_ENABLE;
}

/* 7.1.4 / 7.2.1: queue off, then base, length in bytes, head = tail = 0. */
static void
igbx_ring_program(struct igbx_hw *hw, const struct igbx_ring_regs *r, uint64_t iova,
		  uint16_t nb_desc)
{
	igbx_write(hw, r->dctl, 0);
	igbx_write(hw, r->bal, (uint32_t)iova);
	igbx_write(hw, r->bah, (uint32_t)(iova >> 32));
	igbx_write(hw, r->len, nb_desc * sizeof(union igbx_adv_rx_desc));
	igbx_write(hw, r->head, 0);
	igbx_write(hw, r->tail, 0);
}

/* RXDCTL and TXDCTL place PTHRESH, HTHRESH and WTHRESH alike. */
static uint32_t
igbx_dctl_thresh(uint8_t pthresh, uint8_t hthresh, uint8_t wthresh)
{
	RTE_BUILD_BUG_ON(IGBX_RXDCTL_HTHRESH_SHIFT != IGBX_TXDCTL_HTHRESH_SHIFT ||
			 IGBX_RXDCTL_WTHRESH_SHIFT != IGBX_TXDCTL_WTHRESH_SHIFT ||
			 IGBX_RXDCTL_PTHRESH_SHIFT != IGBX_TXDCTL_PTHRESH_SHIFT);
	return (uint32_t)pthresh << IGBX_RXDCTL_PTHRESH_SHIFT |
	       (uint32_t)hthresh << IGBX_RXDCTL_HTHRESH_SHIFT |
	       (uint32_t)wthresh << IGBX_RXDCTL_WTHRESH_SHIFT;
}

/* 4.5.9 / 4.5.10: set ENABLE, then wait until it reads back (the queue runs). */
static int
igbx_ring_enable(struct igbx_hw *hw, const struct igbx_ring_regs *r, uint16_t q)
{
	int ret;

	igbx_set_bits(hw, r->dctl, r->enable);
	ret = igbx_poll_bits(hw, r->dctl, r->enable, r->enable, IGBX_QUEUE_ENABLE_TIMEOUT_US);
	if (ret != 0)
		IGBX_LOG(ERR, "%s queue %u: ENABLE did not latch", r->kind, q);
	return ret;
}

/* 4.5.9 / 4.5.10: clear ENABLE, wait for it to read 0; then the buffers are ours again. */
static void
igbx_ring_disable(struct igbx_hw *hw, const struct igbx_ring_regs *r, uint16_t q)
{
	igbx_clear_bits(hw, r->dctl, r->enable);
	if (igbx_poll_bits(hw, r->dctl, r->enable, 0, IGBX_QUEUE_ENABLE_TIMEOUT_US) != 0)
		IGBX_LOG(WARNING, "%s queue %u: ENABLE did not clear", r->kind, q);
}

static void
igbx_queue_mark(struct rte_eth_dev *dev, bool rx, uint16_t q, uint8_t *started, bool on)
{
	uint8_t *state = rx ? dev->data->rx_queue_state : dev->data->tx_queue_state;

	*started = on;
	state[q] = on ? RTE_ETH_QUEUE_STATE_STARTED : RTE_ETH_QUEUE_STATE_STOPPED;
}

/* The queue a start/stop op names, or NULL (logged) when it is not set up. */
static void *
igbx_queue_of(struct rte_eth_dev *dev, bool rx, uint16_t qid)
{
	uint16_t nb = rx ? dev->data->nb_rx_queues : dev->data->nb_tx_queues;
	void **queues = rx ? dev->data->rx_queues : dev->data->tx_queues;

	if (qid >= nb || queues[qid] == NULL) {
		IGBX_LOG(ERR, "%s queue_id=%u invalid: not set up (port has %u)",
			 rx ? "rx" : "tx", qid, nb);
		return NULL;
	}
	return queues[qid];
}

/* ---- RX queue programming (7.1.4 / 4.5.9) --------------------------------- */

/* Post an mbuf in every descriptor; the ring is then full but for the RDT slot. */
static int
igbx_rx_fill_ring(struct igbx_rx_queue *rxq)
{
	uint16_t i;

	if (rte_mempool_get_bulk(rxq->mp, (void **)rxq->sw_ring, rxq->nb_desc) != 0) {
		IGBX_LOG(ERR, "rx queue %u: mempool %s cannot supply %u mbufs",
			 rxq->queue_id, rxq->mp->name, rxq->nb_desc);
		memset(rxq->sw_ring, 0, sizeof(*rxq->sw_ring) * rxq->nb_desc);
		return -ENOMEM;
	}
	for (i = 0; i < rxq->nb_desc; i++)
		igbx_rx_post(&rxq->ring[i], rxq->sw_ring[i]);
	/* at every start: the pool is complete by now */
	igbx_rx_iova_setup(rxq, rxq->mp->socket_id);
	if (rxq->split.hdr_mp != NULL && igbx_rx_split_fill(rxq) != 0) {
		rte_mempool_put_bulk(rxq->mp, (void **)rxq->sw_ring, rxq->nb_desc);
		memset(rxq->sw_ring, 0, sizeof(*rxq->sw_ring) * rxq->nb_desc);
		return -ENOMEM;
	}
	rxq->next = 0;
	rxq->nb_hold = 0;
	rxq->rdt = rxq->nb_desc - 1;
	return 0;
}

/* The 8 bytes at rearm_data of a freshly received single-segment mbuf. */
static uint64_t
igbx_rx_rearm_word(uint16_t port_id)
{
	struct rte_mbuf m = { .buf_addr = NULL };

	m.data_off = RTE_PKTMBUF_HEADROOM;
	m.nb_segs = 1;
	m.port = port_id;
	rte_mbuf_refcnt_set(&m, 1);
	return *igbx_rearm_word_ptr(&m);
}

/* SRRCTL (8.10.2): advanced descriptors (one buffer, or header split with its
 * header buffer size), packet buffer size in 1 KB units. */
static uint32_t
igbx_rx_srrctl(const struct igbx_rx_queue *rxq)
{
	uint32_t srrctl = igbx_rx_split_srrctl(rxq) |
		((rxq->buf_size / IGBX_RX_BUF_UNIT) & IGBX_SRRCTL_BSIZEPACKET_MASK);

	if (rxq->drop_en)
		srrctl |= IGBX_SRRCTL_DROP_EN;
	return srrctl;
}

/*
 * What the burst needs from the port's configuration, taken when the queue
 * starts (dev_start or a runtime rx_queue_start): port offloads apply to
 * every queue, CRC and RSS are port-wide, tags the 82576 leaves in the
 * frame are cut out in software.
 */
static void
igbx_rx_queue_derive(struct rte_eth_dev *dev, struct igbx_rx_queue *rxq)
{
	uint64_t port = dev->data->dev_conf.rxmode.offloads;
	uint32_t rctl = igbx_read(IGBX_DEV_HW(dev), IGBX_RCTL);

	rxq->offloads = rxq->queue_offloads | port;
	rxq->vlan_strip = !!(rxq->offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP);
	rxq->rss_hash = dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG ? 1 : 0;
	rxq->crc_len = (rctl & IGBX_RCTL_SECRC) ? 0 : RTE_ETHER_CRC_LEN;
	rxq->sw_strip = 0;
	if (rxq->vlan_strip && !(port & RTE_ETH_RX_OFFLOAD_VLAN_STRIP))
		rxq->sw_strip |= IGBX_RX_SW_STRIP_VLAN;
	if ((port & RTE_ETH_RX_OFFLOAD_QINQ_STRIP) && (port & RTE_ETH_RX_OFFLOAD_VLAN_EXTEND))
		rxq->sw_strip |= IGBX_RX_SW_STRIP_OUTER;
}

static int
igbx_rx_queue_enable(struct rte_eth_dev *dev, struct igbx_rx_queue *rxq)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint16_t q = rxq->reg_idx;
	struct igbx_ring_regs r;
	int ret;

	igbx_rx_queue_derive(dev, rxq);
	ret = igbx_rx_fill_ring(rxq);
	if (ret != 0)
		return ret;
	rxq->mbuf_rearm = igbx_rx_rearm_word(rxq->port_id);
	igbx_ring_regs_get(true, q, &r);
	igbx_ring_program(hw, &r, rxq->ring_iova, rxq->nb_desc);
	if (rxq->split.hdr_mp != NULL)	/* a runtime setup may change it */
		igbx_rx_split_program(dev);
	igbx_write(hw, IGBX_SRRCTL(q), igbx_rx_srrctl(rxq));
	igbx_write(hw, r.dctl, igbx_dctl_thresh(rxq->pthresh, rxq->hthresh, rxq->wthresh));
	/* 4.5.9: only once ENABLE reads back may the tail move. */
	ret = igbx_ring_enable(hw, &r, q);
	if (ret != 0) {
		igbx_rx_free_mbufs(rxq);
		return ret;
	}
	rte_io_wmb();
	igbx_write(hw, r.tail, rxq->rdt);
	igbx_queue_mark(dev, true, rxq->queue_id, &rxq->started, true);
	return 0;
}

static void
igbx_rx_queue_disable(struct rte_eth_dev *dev, struct igbx_rx_queue *rxq)
{
	struct igbx_ring_regs r;

	igbx_ring_regs_get(true, rxq->reg_idx, &r);
	igbx_ring_disable(IGBX_DEV_HW(dev), &r, rxq->reg_idx);
	igbx_rx_free_mbufs(rxq);
	igbx_queue_mark(dev, true, rxq->queue_id, &rxq->started, false);
}

/* RCTL/RLPML/RXCSUM: port-wide receive settings (8.10); RCTL.EN stays as is. */
static void
igbx_rx_program_port(struct rte_eth_dev *dev, uint64_t offloads, uint32_t frame)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t rctl, rxcsum;

	/*
	 * PCSD: the descriptor carries the RSS hash instead of IP id/checksum.
	 * The checks are always on (flags cost nothing when unused); CRCOFL
	 * adds SCTP's CRC32c to TUOFL's TCP/UDP checksums (8.10 RXCSUM).
	 */
	rxcsum = igbx_read(hw, IGBX_RXCSUM);
	rxcsum |= IGBX_RXCSUM_IPOFL | IGBX_RXCSUM_TUOFL | IGBX_RXCSUM_CRCOFL | IGBX_RXCSUM_PCSD;
	igbx_write(hw, IGBX_RXCSUM, rxcsum);

	rctl = igbx_read(hw, IGBX_RCTL);
	rctl &= ~(IGBX_RCTL_SECRC | IGBX_RCTL_BSIZE_MASK | IGBX_RCTL_LBM_MASK);
	if (!(offloads & RTE_ETH_RX_OFFLOAD_KEEP_CRC))
		rctl |= IGBX_RCTL_SECRC;
	igbx_write(hw, IGBX_RCTL, rctl);
	igbx_rx_set_frame_limit(dev, frame);
}

/*
 * Without RCTL.LPE the MAC takes frames up to 1518 bytes, 1522 with a VLAN
 * tag (8.10.1 RCTL.LPE); above that LPE is set and RLPML holds the limit.
 */
void
igbx_rx_set_frame_limit(struct rte_eth_dev *dev, uint32_t frame)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (frame > IGBX_STD_FRAME + RTE_VLAN_HLEN) {
		igbx_write(hw, IGBX_RLPML, frame & IGBX_RLPML_MASK);
		igbx_set_bits(hw, IGBX_RCTL, IGBX_RCTL_LPE);
	} else {
		igbx_clear_bits(hw, IGBX_RCTL, IGBX_RCTL_LPE);
	}
	igbx_vmdq_set_frame_limit(dev, frame);	/* the pools' own limits */
}

int
igbx_rx_init(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	uint64_t offloads = data->dev_conf.rxmode.offloads;
	uint32_t frame = igbx_mtu_to_frame(offloads, data->mtu);
	int scatter = !!(offloads & RTE_ETH_RX_OFFLOAD_SCATTER);
	uint16_t i;
	int ret;

	for (i = 0; i < data->nb_rx_queues; i++) {
		struct igbx_rx_queue *rxq = data->rx_queues[i];

		if (rxq == NULL) {
			IGBX_LOG(ERR, "rx queue %u not set up", i);
			return -EINVAL;
		}
		offloads |= rxq->offloads;
		if (rxq->buf_size < frame)
			scatter = 1;
	}
	igbx_rx_program_port(dev, offloads, frame);
	igbx_rx_split_program(dev);
	for (i = 0; i < data->nb_rx_queues; i++) {
		struct igbx_rx_queue *rxq = data->rx_queues[i];

		/* deferred queues too: queue info shows the port's offloads */
		igbx_rx_queue_derive(dev, rxq);
		if (rxq->started)	/* a second init without stop: start afresh */
			igbx_rx_queue_disable(dev, rxq);
		if (rxq->deferred_start) {
			data->rx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
			continue;
		}
		ret = igbx_rx_queue_enable(dev, rxq);
		if (ret != 0)
			return ret;
	}
	data->scattered_rx = scatter;
	return 0;
}

void
igbx_rx_vlan_refresh(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	uint16_t i;

	for (i = 0; i < data->nb_rx_queues; i++)
		if (data->rx_queues[i] != NULL)
			igbx_rx_queue_derive(dev, data->rx_queues[i]);
	if (data->dev_started) {
		igbx_rx_set_frame_limit(dev, igbx_mtu_to_frame(data->dev_conf.rxmode.offloads,
							       data->mtu));
		/* the vector bursts leave QinQ and software strips to the scalar one */
		igbx_set_rx_function(dev);
	}
}

/* ---- TX queue programming (7.2.1 / 4.5.10) -------------------------------- */

static int
igbx_tx_queue_enable(struct rte_eth_dev *dev, struct igbx_tx_queue *txq)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint16_t q = txq->reg_idx;
	struct igbx_ring_regs r;
	int ret;

	igbx_tx_reset(txq);
	igbx_ring_regs_get(false, q, &r);
	igbx_ring_program(hw, &r, txq->ring_iova, txq->nb_desc);
	/* No head write-back: completions are read from the descriptors' DD. */
	igbx_write(hw, IGBX_TDWBAL(q), 0);
	igbx_write(hw, IGBX_TDWBAH(q), 0);
	igbx_write(hw, r.dctl, igbx_dctl_thresh(txq->pthresh, txq->hthresh, txq->wthresh));
	ret = igbx_ring_enable(hw, &r, q);
	if (ret != 0)
		return ret;
	igbx_queue_mark(dev, false, txq->queue_id, &txq->started, true);
	return 0;
}

static void
igbx_tx_queue_disable(struct rte_eth_dev *dev, struct igbx_tx_queue *txq)
{
	struct igbx_ring_regs r;

	igbx_ring_regs_get(false, txq->reg_idx, &r);
	igbx_ring_disable(IGBX_DEV_HW(dev), &r, txq->reg_idx);
	igbx_tx_reset(txq);
	igbx_queue_mark(dev, false, txq->queue_id, &txq->started, false);
}

/* queue_start/stop ops: validated at the door; starting a started queue is a no-op. */
static int
igbx_queue_switch(struct rte_eth_dev *dev, bool rx, uint16_t qid, bool on)
{
	struct igbx_rx_queue *rxq = NULL;
	struct igbx_tx_queue *txq = NULL;
	void *queue = igbx_queue_of(dev, rx, qid);

	if (queue == NULL)
		return -EINVAL;
	if (rx)
		rxq = queue;
	else
		txq = queue;
	if ((rx ? rxq->started : txq->started) == on)
		return 0;
	if (on)
		return rx ? igbx_rx_queue_enable(dev, rxq) : igbx_tx_queue_enable(dev, txq);
	if (rx)
		igbx_rx_queue_disable(dev, rxq);
	else
		igbx_tx_queue_disable(dev, txq);
	return 0;
}

int
igbx_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	return igbx_queue_switch(dev, true, qid, true);
}

int
igbx_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	return igbx_queue_switch(dev, true, qid, false);
}

int
igbx_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid)
{
	return igbx_queue_switch(dev, false, qid, true);
}

int
igbx_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid)
{
	return igbx_queue_switch(dev, false, qid, false);
}

int
igbx_tx_init(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t tctl;
	uint16_t i;
	int ret;

	for (i = 0; i < data->nb_tx_queues; i++) {
		struct igbx_tx_queue *txq = data->tx_queues[i];

		if (txq == NULL) {
			IGBX_LOG(ERR, "tx queue %u not set up", i);
			return -EINVAL;
		}
		if (txq->deferred_start) {
			data->tx_queue_state[i] = RTE_ETH_QUEUE_STATE_STOPPED;
			continue;
		}
		ret = igbx_tx_queue_enable(dev, txq);
		if (ret != 0)
			return ret;
	}
	/* 4.5.10: pad short frames, retransmit on late collision, then enable. */
	tctl = igbx_read(hw, IGBX_TCTL);
	tctl |= IGBX_TCTL_EN | IGBX_TCTL_PSP | IGBX_TCTL_RTLC;
	igbx_write(hw, IGBX_TCTL, tctl);
	return 0;
}

void
igbx_rxtx_stop(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data = dev->data;
	uint16_t i;

	igbx_clear_bits(IGBX_DEV_HW(dev), IGBX_TCTL, IGBX_TCTL_EN);
	for (i = 0; i < data->nb_tx_queues; i++) {
		struct igbx_tx_queue *txq = data->tx_queues[i];

		if (txq != NULL && txq->started)
			igbx_tx_queue_disable(dev, txq);
	}
	for (i = 0; i < data->nb_rx_queues; i++) {
		struct igbx_rx_queue *rxq = data->rx_queues[i];

		if (rxq != NULL && rxq->started)
			igbx_rx_queue_disable(dev, rxq);
	}
}

void
igbx_rxtx_release_all(struct rte_eth_dev *dev)
{
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++)
		igbx_rx_queue_release(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		igbx_tx_queue_release(dev, i);
}

/* ---- queue queries -------------------------------------------------------- */

void
igbx_rxq_info_get(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_rxq_info *qinfo)
{
	struct igbx_rx_queue *rxq = dev->data->rx_queues[qid];

	qinfo->mp = rxq->mp;
	qinfo->scattered_rx = dev->data->scattered_rx;
	qinfo->nb_desc = rxq->nb_desc;
	qinfo->rx_buf_size = rxq->buf_size;
	qinfo->conf.rx_free_thresh = rxq->free_thresh;
	qinfo->conf.rx_drop_en = rxq->drop_en;
	qinfo->conf.rx_deferred_start = rxq->deferred_start;
	qinfo->conf.offloads = rxq->offloads;
	qinfo->conf.rx_thresh.pthresh = rxq->pthresh;
	qinfo->conf.rx_thresh.hthresh = rxq->hthresh;
	qinfo->conf.rx_thresh.wthresh = rxq->wthresh;
}

void
igbx_txq_info_get(struct rte_eth_dev *dev, uint16_t qid, struct rte_eth_txq_info *qinfo)
{
	struct igbx_tx_queue *txq = dev->data->tx_queues[qid];

	qinfo->nb_desc = txq->nb_desc;
	qinfo->conf.tx_free_thresh = txq->free_thresh;
	qinfo->conf.tx_rs_thresh = txq->rs_thresh;
	qinfo->conf.tx_deferred_start = txq->deferred_start;
	qinfo->conf.offloads = txq->offloads;
	qinfo->conf.tx_thresh.pthresh = txq->pthresh;
	qinfo->conf.tx_thresh.hthresh = txq->hthresh;
	qinfo->conf.tx_thresh.wthresh = txq->wthresh;
}

int
igbx_rx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid __rte_unused,
		       struct rte_eth_burst_mode *mode)
{
	const char *name = igbx_rx_burst_name(dev->rx_pkt_burst);

	if (name == NULL)
		return -EINVAL;
	snprintf(mode->info, sizeof(mode->info), "%s", name);
	return 0;
}

int
igbx_tx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid __rte_unused,
		       struct rte_eth_burst_mode *mode)
{
	const char *name = igbx_tx_burst_name(dev->tx_pkt_burst);

	if (name == NULL)
		return -EINVAL;
	snprintf(mode->info, sizeof(mode->info), "%s", name);
	return 0;
}

/* ---- choosing the bursts ------------------------------------------------------ */

static const char *const igbx_path_names[] = {
	[IGBX_PATH_AUTO] = "auto", [IGBX_PATH_SCALAR] = "scalar",
	[IGBX_PATH_SSE] = "sse", [IGBX_PATH_AVX2] = "avx2",
};

int
igbx_rxtx_path_parse(const char *s)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_path_names); i++)
		if (strcasecmp(s, igbx_path_names[i]) == 0)
			return (int)i;
	return -1;
}

int
igbx_rxtx_path_devarg(const char *key, const char *value, void *opaque)
{
	int path = igbx_rxtx_path_parse(value);

	if (path < 0) {
		IGBX_INIT_LOG(ERR, "devarg %s=%s: allowed auto, scalar, sse, avx2", key, value);
		return -EINVAL;
	}
	*(uint8_t *)opaque = (uint8_t)path;
	return 0;
}

static int
igbx_path_cpu_has(int path)
{
	if (path == IGBX_PATH_AVX2)
		return rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) == 1;
	if (path == IGBX_PATH_SSE)
		return rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) == 1;
	return 1;
}

/*
 * The instruction set for one direction: the forced one if the CPU has it (a
 * forced path overrides --force-max-simd-bitwidth, not the CPU), else the
 * widest the CPU and the EAL's SIMD limit allow.
 */
static int
igbx_path_pick(struct rte_eth_dev *dev, int rx)
{
	const struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	int forced = rx ? ad->forced_rx_path : ad->forced_tx_path;
	uint16_t width = rte_vect_get_max_simd_bitwidth();

	/* the vector bursts neither flag IEEE 1588 frames nor ask for TX stamps */
	if (ad->ptp.enabled)
		return IGBX_PATH_SCALAR;
	if (forced != IGBX_PATH_AUTO && igbx_path_cpu_has(forced))
		return forced;
	if (forced != IGBX_PATH_AUTO)
		IGBX_LOG(INFO, "port %u: %s_path=%s needs a CPU feature this CPU lacks: choosing",
			 dev->data->port_id, rx ? "rx" : "tx", igbx_path_names[forced]);
	if (width >= RTE_VECT_SIMD_256 && igbx_path_cpu_has(IGBX_PATH_AVX2))
		return IGBX_PATH_AVX2;
	if (width >= RTE_VECT_SIMD_128 && igbx_path_cpu_has(IGBX_PATH_SSE))
		return IGBX_PATH_SSE;
	return IGBX_PATH_SCALAR;
}

/* Every RX offload but the tag handling is honoured by the vector bursts. A
 * port not configured yet (at probe) keeps the scalar reference. */
static int
igbx_rx_vec_queues_ok(struct rte_eth_dev *dev)
{
	uint16_t i;

	if (dev->data->nb_rx_queues == 0)
		return 0;
	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq == NULL || rxq->split.hdr_mp != NULL)	/* split: scalar only */
			return 0;
		if (rxq->nb_desc % IGBX_RING_DESC_ALIGN != 0) {
			IGBX_LOG(INFO, "port %u rx queue %u: nb_desc=%u not a multiple of %u: "
				 "scalar rx", dev->data->port_id, i, rxq->nb_desc,
				 IGBX_RING_DESC_ALIGN);
			return 0;
		}
		/* Tags cut out in software (QINQ_STRIP, per-queue VLAN_STRIP) and the
		 * outer tag of VLAN_EXTEND are handled by the scalar burst only. */
		if (rxq->sw_strip != 0 ||
		    ((rxq->offloads | dev->data->dev_conf.rxmode.offloads) &
		     (RTE_ETH_RX_OFFLOAD_QINQ_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_EXTEND))) {
			IGBX_LOG(INFO, "port %u rx queue %u: QinQ or software VLAN strip: "
				 "scalar rx", dev->data->port_id, i);
			return 0;
		}
	}
	return 1;
}

/* The vector TX bursts write one data descriptor per packet and no context. */
static int
igbx_tx_vec_queues_ok(struct rte_eth_dev *dev)
{
	const uint64_t allowed = RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	uint16_t i;

	if (dev->data->nb_tx_queues == 0)
		return 0;
	for (i = 0; i < dev->data->nb_tx_queues; i++) {
		const struct igbx_tx_queue *txq = dev->data->tx_queues[i];

		if (txq == NULL)
			return 0;
		if (txq->offloads & ~allowed) {
			IGBX_LOG(INFO, "port %u tx queue %u: offloads 0x%" PRIx64 " need context "
				 "descriptors or chains: scalar tx (vector allows 0x%" PRIx64 ")",
				 dev->data->port_id, i, txq->offloads, allowed);
			return 0;
		}
	}
	/* Scattered RX and buffer split hand the application chains, which an
	 * application that forwards (testpmd, l3fwd) sends back: only the scalar
	 * TX walks them. */
	if (dev->data->scattered_rx ||
	    (dev->data->dev_conf.rxmode.offloads &
	     (RTE_ETH_RX_OFFLOAD_SCATTER | RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT))) {
		IGBX_LOG(INFO, "port %u: scattered RX or buffer split: scalar tx",
			 dev->data->port_id);
		return 0;
	}
	return 1;
}

/* burst_mode_get's names: a new burst adds its row. */
static const struct {
	eth_rx_burst_t fn;
	const char *name;
} igbx_rx_burst_names[] = {
	{ igbx_recv_pkts, "Scalar" },
	{ igbx_recv_scattered_pkts, "Scalar Scattered" },
	{ igbx_recv_split_pkts, "Scalar Header Split" },
	{ igbx_recv_pkts_vec_sse, "Vector SSE" },
	{ igbx_recv_scattered_pkts_vec_sse, "Vector SSE Scattered" },
	{ igbx_recv_pkts_vec_avx2, "Vector AVX2" },
	{ igbx_recv_scattered_pkts_vec_avx2, "Vector AVX2 Scattered" },
};

static const struct {
	eth_tx_burst_t fn;
	const char *name;
} igbx_tx_burst_names[] = {
	{ igbx_xmit_pkts, "Scalar" },
	{ igbx_xmit_pkts_vec_sse, "Vector SSE" },
	{ igbx_xmit_pkts_vec_avx2, "Vector AVX2" },
};

/* The RX path of the port: a vector one only when every queue allows it. */
static int
igbx_rx_path(struct rte_eth_dev *dev)
{
	int path = igbx_path_pick(dev, 1);

	switch (path) {
	case IGBX_PATH_SSE:
	case IGBX_PATH_AVX2:
		return igbx_rx_vec_queues_ok(dev) ? path : IGBX_PATH_SCALAR;
	default:
		return IGBX_PATH_SCALAR;
	}
}

static int
igbx_tx_path(struct rte_eth_dev *dev)
{
	int path = igbx_path_pick(dev, 0);

	switch (path) {
	case IGBX_PATH_SSE:
	case IGBX_PATH_AVX2:
		return igbx_tx_vec_queues_ok(dev) ? path : IGBX_PATH_SCALAR;
	default:
		return IGBX_PATH_SCALAR;
	}
}

/*
 * ethdev copies the burst pointers into rte_eth_fp_ops when the port starts;
 * a choice made on a running port (a VLAN offload changed) is published there
 * too. The bursts of one direction share the ring state, so the switch is
 * safe between two calls.
 */
static void
igbx_publish_bursts(struct rte_eth_dev *dev)
{
	struct rte_eth_fp_ops *fpo = &rte_eth_fp_ops[dev->data->port_id];

	if (!dev->data->dev_started)
		return;
	fpo->rx_pkt_burst = dev->rx_pkt_burst;
	fpo->tx_pkt_burst = dev->tx_pkt_burst;
	fpo->tx_pkt_prepare = dev->tx_pkt_prepare;
}

void
igbx_set_rx_function(struct rte_eth_dev *dev)
{
	int scatter = dev->data->scattered_rx;

	switch (igbx_rx_path(dev)) {
	case IGBX_PATH_AVX2:
		dev->rx_pkt_burst = scatter ? igbx_recv_scattered_pkts_vec_avx2 :
			igbx_recv_pkts_vec_avx2;
		break;
	case IGBX_PATH_SSE:
		dev->rx_pkt_burst = scatter ? igbx_recv_scattered_pkts_vec_sse :
			igbx_recv_pkts_vec_sse;
		break;
	default:
		/* header/buffer split: two-segment chains, a burst of its own */
		if (igbx_rx_split_any(dev))
			dev->rx_pkt_burst = igbx_recv_split_pkts;
		else
			dev->rx_pkt_burst = scatter ? igbx_recv_scattered_pkts : igbx_recv_pkts;
		break;
	}
	igbx_publish_bursts(dev);
}

void
igbx_set_tx_function(struct rte_eth_dev *dev)
{
	switch (igbx_tx_path(dev)) {
	case IGBX_PATH_AVX2:
		dev->tx_pkt_burst = igbx_xmit_pkts_vec_avx2;
		break;
	case IGBX_PATH_SSE:
		dev->tx_pkt_burst = igbx_xmit_pkts_vec_sse;
		break;
	default:
		dev->tx_pkt_burst = igbx_xmit_pkts;
		break;
	}
	dev->tx_pkt_prepare = igbx_prep_pkts;
	igbx_publish_bursts(dev);
}

const char *
igbx_rx_burst_name(eth_rx_burst_t fn)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_rx_burst_names); i++)
		if (fn == igbx_rx_burst_names[i].fn)
			return igbx_rx_burst_names[i].name;
	return NULL;
}

const char *
igbx_tx_burst_name(eth_tx_burst_t fn)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_tx_burst_names); i++)
		if (fn == igbx_tx_burst_names[i].fn)
			return igbx_tx_burst_names[i].name;
	return NULL;
}
