/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_setup.c - what the queues offer and how they are made: offload capabilities,
 * packet types, RX/TX queue setup with its validation, and release. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"

/* RXDCTL/TXDCTL (8.10, 8.12): PTHRESH, HTHRESH and WTHRESH are 5-bit fields. */
#define IGBX_DCTL_THRESH_MAX		IGBX_RXDCTL_THRESH_MASK
/*
 * 82576 Specification Update (rev. 3.0, Aug 2015), erratum 26: the write-back
 * of completed descriptors when the interrupt throttling timer expires
 * (WB_on_EITR) has next to no effect on the 82576. With WTHRESH > 1 nothing
 * then flushes a partial batch: completed descriptors wait in the on-chip
 * cache until WTHRESH of them are done, so a lone received frame is not
 * reported and a lone sent one not reclaimed until more traffic comes.
 * WTHRESH is held at 1 or less in both directions.
 */
#define IGBX_WTHRESH_ERRATA_MAX		1
/*
 * Defaults of the descriptor prefetch/host/write-back thresholds (RXDCTL).
 * RX WTHRESH 1: a polled queue has no interrupt timer to flush a partial
 * write-back batch, so every descriptor is written back at once.
 */
#define IGBX_RX_PTHRESH_DEFAULT		8
#define IGBX_RX_HTHRESH_DEFAULT		8
#define IGBX_RX_WTHRESH_DEFAULT		1
#define IGBX_TX_PTHRESH_DEFAULT		8
#define IGBX_TX_HTHRESH_DEFAULT		1
/* WTHRESH 0: DD is written back for each RS descriptor as soon as it is done. */
#define IGBX_TX_WTHRESH_DEFAULT		0

/*
 * In double VLAN mode (CTRL_EXT.EXT_VLAN, 7.4.5) the 82576 strips and inserts
 * only the inner tag; the outer one stays in the frame. QINQ_STRIP is
 * therefore done by the scalar RX burst in software (the outer tag is cut
 * out of the mbuf); there is no QINQ_INSERT.
 */
#define IGBX_RX_CAPA (RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_FILTER | \
	RTE_ETH_RX_OFFLOAD_VLAN_EXTEND | RTE_ETH_RX_OFFLOAD_QINQ_STRIP |		\
	RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | RTE_ETH_RX_OFFLOAD_UDP_CKSUM |		\
	RTE_ETH_RX_OFFLOAD_TCP_CKSUM | RTE_ETH_RX_OFFLOAD_SCTP_CKSUM |		\
	RTE_ETH_RX_OFFLOAD_KEEP_CRC | RTE_ETH_RX_OFFLOAD_SCATTER |		\
	RTE_ETH_RX_OFFLOAD_RSS_HASH | RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT)
#define IGBX_TX_CAPA (RTE_ETH_TX_OFFLOAD_VLAN_INSERT | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM | \
	RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM |		\
	RTE_ETH_TX_OFFLOAD_SCTP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_TSO |		\
	RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)

/*
 * Per queue. RX: SECRC, RXCSUM and CTRL.VME are port-wide on the 82576; a
 * queue that asks for VLAN_STRIP alone has its tags removed by the scalar
 * burst (IGBX_RX_SW_STRIP_VLAN). TX: every offload is requested per packet
 * through the context and data descriptors (7.2.2), so each queue may
 * enable any of them; MBUF_FAST_FREE is read from the queue's offloads.
 */
#define IGBX_RXQ_CAPA	RTE_ETH_RX_OFFLOAD_VLAN_STRIP
#define IGBX_TXQ_CAPA	IGBX_TX_CAPA

uint64_t igbx_rx_offload_capa(void) { return IGBX_RX_CAPA; }
uint64_t igbx_rx_queue_offload_capa(void) { return IGBX_RXQ_CAPA; }
uint64_t igbx_tx_offload_capa(void) { return IGBX_TX_CAPA; }
uint64_t igbx_tx_queue_offload_capa(void) { return IGBX_TXQ_CAPA; }

/* ---- packet types ------------------------------------------------------- */

static const uint32_t igbx_ptypes[] = {
	RTE_PTYPE_L2_ETHER, RTE_PTYPE_L2_ETHER_TIMESYNC,
	RTE_PTYPE_L3_IPV4, RTE_PTYPE_L3_IPV4_EXT, RTE_PTYPE_L3_IPV6, RTE_PTYPE_L3_IPV6_EXT,
	RTE_PTYPE_L4_TCP, RTE_PTYPE_L4_UDP, RTE_PTYPE_L4_SCTP,
	RTE_PTYPE_UNKNOWN	/* end of list */
};

/* Every igbx RX burst (scalar, scattered, SIMD) reports the same packet types. */
const uint32_t *
igbx_supported_ptypes_get(struct rte_eth_dev *dev __rte_unused
			  IGBX_PTYPES_COUNT_PARAM)
{
	igbx_ptypes_count_report(RTE_DIM(igbx_ptypes) - 1);
	return igbx_ptypes;
}

/* ---- validation shared by both queue kinds -------------------------------- */

static int
igbx_check_nb_desc(const char *what, uint16_t nb_desc)
{
	if (nb_desc < IGBX_MIN_RING_DESC || nb_desc > IGBX_MAX_RING_DESC ||
	    nb_desc % IGBX_RING_DESC_ALIGN != 0) {
		IGBX_LOG(ERR, "%s nb_desc=%u invalid: allowed %u..%u, multiple of %u",
			 what, nb_desc, IGBX_MIN_RING_DESC, IGBX_MAX_RING_DESC,
			 IGBX_RING_DESC_ALIGN);
		return -EINVAL;
	}
	return 0;
}

static int
igbx_check_socket(const char *what, unsigned int socket_id)
{
	if (socket_id != (unsigned int)SOCKET_ID_ANY && socket_id >= RTE_MAX_NUMA_NODES) {
		IGBX_LOG(ERR, "%s socket_id=%u invalid: allowed SOCKET_ID_ANY or < %u",
			 what, socket_id, RTE_MAX_NUMA_NODES);
		return -EINVAL;
	}
	return 0;
}

/*
 * Prefetch/host/write-back thresholds are tuning hints (applications written
 * for other Intel NICs pass values this device cannot hold): each is clamped
 * to its field and WTHRESH to the erratum's limit, with one NOTICE line when
 * anything changed. All zero selects igbx's defaults.
 */
static void
igbx_clamp_hwthresh(const char *what, uint16_t qid, const struct rte_eth_thresh *t,
		    const struct rte_eth_thresh *dflt, uint8_t *p, uint8_t *h, uint8_t *w)
{
	if (t->pthresh == 0 && t->hthresh == 0 && t->wthresh == 0)
		t = dflt;
	*p = RTE_MIN(t->pthresh, IGBX_DCTL_THRESH_MAX);
	*h = RTE_MIN(t->hthresh, IGBX_DCTL_THRESH_MAX);
	*w = RTE_MIN(t->wthresh, IGBX_WTHRESH_ERRATA_MAX);
	if (*p != t->pthresh || *h != t->hthresh || *w != t->wthresh)
		IGBX_LOG(NOTICE, "%s queue %u: thresholds pthresh=%u hthresh=%u wthresh=%u "
			 "clamped to %u/%u/%u (fields hold 0..%u; WTHRESH <= %u, 82576 "
			 "erratum 26)", what, qid, t->pthresh, t->hthresh, t->wthresh,
			 *p, *h, *w, IGBX_DCTL_THRESH_MAX, IGBX_WTHRESH_ERRATA_MAX);
}

/* A ring zone sized for the largest ring, so a re-setup with more descriptors reuses it. */
static const struct rte_memzone *
igbx_ring_reserve(struct rte_eth_dev *dev, const char *name, uint16_t qid,
		  unsigned int socket_id)
{
	size_t size = RTE_ALIGN(IGBX_MAX_RING_DESC * sizeof(union igbx_adv_rx_desc),
				IGBX_RING_BASE_ALIGN);

	RTE_BUILD_BUG_ON(sizeof(union igbx_adv_rx_desc) != sizeof(union igbx_adv_tx_desc));
	return rte_eth_dma_zone_reserve(dev, name, qid, size, IGBX_RING_BASE_ALIGN,
					(int)socket_id);
}

/* ---- RX queue setup / release --------------------------------------------- */

void
igbx_rx_free_mbufs(struct igbx_rx_queue *rxq)
{
	uint16_t i;

	for (i = 0; i < rxq->nb_desc; i++) {
		if (rxq->sw_ring[i] != NULL) {
			rte_pktmbuf_free_seg(rxq->sw_ring[i]);
			rxq->sw_ring[i] = NULL;
		}
	}
	igbx_rx_split_free_mbufs(rxq);
	if (rxq->seg_first != NULL)
		rte_pktmbuf_free(rxq->seg_first);
	/* No stale write-back (DD) must be seen by queue_count after a stop. */
	memset((void *)(uintptr_t)rxq->ring, 0, sizeof(*rxq->ring) * rxq->nb_desc);
	rxq->seg_first = NULL;
	rxq->seg_last = NULL;
	rxq->discard = 0;
}

static void
igbx_rx_queue_free(struct igbx_rx_queue *rxq)
{
	if (rxq == NULL)
		return;
	igbx_rx_free_mbufs(rxq);
	igbx_rx_split_release(rxq);
	rte_memzone_free(rxq->mz);
	igbx_rx_iova_free(rxq);
	rte_free(rxq->sw_ring);
	rte_free(rxq);
}

void
igbx_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	igbx_rx_queue_free(dev->data->rx_queues[qid]);
	dev->data->rx_queues[qid] = NULL;
}

/* Usable bytes of one receive buffer: the data room rounded down to SRRCTL's 1 KB unit. */
static uint32_t
igbx_rx_buf_size(struct rte_mempool *mp)
{
	uint32_t room = rte_pktmbuf_data_room_size(mp);

	if (room <= RTE_PKTMBUF_HEADROOM)
		return 0;
	room -= RTE_PKTMBUF_HEADROOM;
	room = RTE_MIN(room, IGBX_SRRCTL_BSIZEPACKET_MASK * IGBX_RX_BUF_UNIT);
	return RTE_ALIGN_FLOOR(room, IGBX_RX_BUF_UNIT);
}

static int
igbx_rx_check_conf(struct rte_eth_dev *dev, uint16_t nb_desc,
		   const struct rte_eth_rxconf *conf, struct rte_mempool *mp,
		   uint64_t offloads)
{
	uint32_t frame = igbx_mtu_to_frame(dev->data->dev_conf.rxmode.offloads, dev->data->mtu);
	uint32_t buf;

	if (mp == NULL) {
		IGBX_LOG(ERR, "rx mempool=NULL invalid: a packet mbuf pool is required");
		return -EINVAL;
	}
	if (offloads & ~IGBX_RX_CAPA) {
		IGBX_LOG(ERR, "rx offloads=0x%" PRIx64 " invalid: allowed 0x%" PRIx64,
			 offloads, (uint64_t)IGBX_RX_CAPA);
		return -EINVAL;
	}
	buf = igbx_rx_buf_size(mp);
	if (buf < IGBX_RX_BUF_UNIT) {
		IGBX_LOG(ERR, "mempool %s data room=%u invalid: need >= %u + headroom %u",
			 mp->name, rte_pktmbuf_data_room_size(mp), IGBX_RX_BUF_UNIT,
			 RTE_PKTMBUF_HEADROOM);
		return -EINVAL;
	}
	/* A buffer smaller than the largest frame (SRRCTL.BSIZEPACKET counts
	 * whole KB, 8.10.2, so 9200-byte mbufs give 8 KB buffers) is accepted
	 * without RTE_ETH_RX_OFFLOAD_SCATTER: dev_start then picks the
	 * scattered burst, as DPDK's stock igb driver and DTS's mtu suite do.
	 */
	if (!(offloads & RTE_ETH_RX_OFFLOAD_SCATTER) && buf < frame)
		IGBX_LOG(INFO, "mempool %s buffer=%u bytes < max frame %u: "
			 "frames will span several buffers", mp->name, buf, frame);
	if (conf->rx_free_thresh >= nb_desc) {
		IGBX_LOG(ERR, "rx_free_thresh=%u invalid: allowed 0 (default) .. %u",
			 conf->rx_free_thresh, nb_desc - 1);
		return -EINVAL;
	}
	return 0;
}

/*
 * Runtime setup (port started, queue stopped): the port-wide settings stay
 * as dev_start made them, so the queue must fit them: the burst in use
 * (scattered or not, scalar when tags are removed in software) and SECRC.
 */
static int
igbx_rx_check_runtime(struct rte_eth_dev *dev, uint16_t qid, struct rte_mempool *mp,
		      uint64_t offloads)
{
	uint64_t port = dev->data->dev_conf.rxmode.offloads;
	uint32_t frame = igbx_mtu_to_frame(port, dev->data->mtu);
	bool keep_crc = !(igbx_read(IGBX_DEV_HW(dev), IGBX_RCTL) & IGBX_RCTL_SECRC);
	bool scalar = dev->rx_pkt_burst == igbx_recv_pkts ||
		dev->rx_pkt_burst == igbx_recv_scattered_pkts;

	if (igbx_rx_buf_size(mp) < frame && !dev->data->scattered_rx) {
		IGBX_LOG(ERR, "rx queue %u: mempool %s buffer=%u < frame %u needs scattered "
			 "RX, which the started port does not run: stop the port first",
			 qid, mp->name, igbx_rx_buf_size(mp), frame);
		return -EINVAL;
	}
	if (!!(offloads & RTE_ETH_RX_OFFLOAD_KEEP_CRC) != keep_crc) {
		IGBX_LOG(ERR, "rx queue %u: offload KEEP_CRC=%d invalid while started: "
			 "allowed the port's (%d, RCTL.SECRC is port-wide)", qid,
			 !!(offloads & RTE_ETH_RX_OFFLOAD_KEEP_CRC), keep_crc);
		return -EINVAL;
	}
	if ((offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) && !(port & RTE_ETH_RX_OFFLOAD_VLAN_STRIP) &&
	    !scalar) {
		IGBX_LOG(ERR, "rx queue %u: per-queue VLAN_STRIP invalid while a vector burst "
			 "runs: allowed after a port restart", qid);
		return -EINVAL;
	}
	return 0;
}

static void
igbx_rx_queue_apply_conf(struct igbx_rx_queue *rxq, const struct rte_eth_rxconf *conf)
{
	static const struct rte_eth_thresh dflt = { .pthresh = IGBX_RX_PTHRESH_DEFAULT,
		.hthresh = IGBX_RX_HTHRESH_DEFAULT, .wthresh = IGBX_RX_WTHRESH_DEFAULT };

	rxq->free_thresh = conf->rx_free_thresh ? conf->rx_free_thresh :
		RTE_MIN(IGBX_RX_FREE_THRESH_DEFAULT, rxq->nb_desc / 4);
	igbx_clamp_hwthresh("rx", rxq->queue_id, &conf->rx_thresh, &dflt,
			    &rxq->pthresh, &rxq->hthresh, &rxq->wthresh);
	rxq->drop_en = conf->rx_drop_en;
	rxq->deferred_start = conf->rx_deferred_start;
}

int
igbx_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf,
		    struct rte_mempool *mp)
{
	struct igbx_rx_split split;
	uint64_t offloads;
	struct igbx_rx_queue *rxq;
	int ret;

	if (qid >= dev->data->nb_rx_queues) {
		IGBX_LOG(ERR, "rx queue_id=%u invalid: port has %u rx queues",
			 qid, dev->data->nb_rx_queues);
		return -EINVAL;
	}
	offloads = conf->offloads | dev->data->dev_conf.rxmode.offloads;
	ret = igbx_check_nb_desc("rx", nb_desc);
	if (ret == 0)
		ret = igbx_check_socket("rx", socket_id);
	if (ret == 0)	/* with BUFFER_SPLIT, mp is rx_seg[1]'s pool */
		ret = igbx_rx_split_check(dev, qid, conf, offloads, &split, &mp);
	if (ret == 0)
		ret = igbx_rx_check_conf(dev, nb_desc, conf, mp, offloads);
	if (ret == 0 && dev->data->dev_started)
		ret = igbx_rx_check_runtime(dev, qid, mp, offloads);
	if (ret != 0)
		return ret;

	if (dev->data->rx_queues[qid] != NULL)
		igbx_rx_queue_release(dev, qid);

	rxq = rte_zmalloc_socket("igbx_rxq", sizeof(*rxq), RTE_CACHE_LINE_SIZE, socket_id);
	if (rxq == NULL)
		goto nomem;
	rxq->sw_ring = rte_zmalloc_socket("igbx_rx_sw_ring", sizeof(*rxq->sw_ring) *
					  (nb_desc + IGBX_RX_SW_PAD),
					  RTE_CACHE_LINE_SIZE, socket_id);
	rxq->mz = igbx_ring_reserve(dev, "igbx_rx_ring", qid, socket_id);
	if (rxq->sw_ring == NULL || rxq->mz == NULL)
		goto nomem;

	rxq->ring = rxq->mz->addr;
	rxq->ring_iova = rxq->mz->iova;
	rxq->mp = mp;
	rxq->nb_desc = nb_desc;
	if (igbx_rx_split_alloc(rxq, &split, socket_id) != 0)
		goto nomem;
	rxq->queue_id = qid;
	rxq->reg_idx = igbx_pf_queue_reg(dev, qid);
	rxq->port_id = dev->data->port_id;
	rxq->offloads = offloads;
	rxq->queue_offloads = conf->offloads;
	rxq->buf_size = igbx_rx_buf_size(mp);
	rxq->crc_len = (offloads & RTE_ETH_RX_OFFLOAD_KEEP_CRC) ? RTE_ETHER_CRC_LEN : 0;
	rxq->rdt_addr = igbx_reg_addr(IGBX_DEV_HW(dev), IGBX_RDT(rxq->reg_idx));
	rxq->ptp_etqf = IGBX_DEV_ADAPTER(dev)->ptp.enabled ?
		(uint8_t)IGBX_DEV_ADAPTER(dev)->ptp.etqf_slot : IGBX_PTP_ETQF_NONE;
	igbx_rx_queue_apply_conf(rxq, conf);
	dev->data->rx_queues[qid] = rxq;
	return 0;
nomem:
	IGBX_LOG(ERR, "rx queue %u: no memory for %u descriptors on socket %u",
		 qid, nb_desc, socket_id);
	if (rxq != NULL) {
		rte_free(rxq->split.hdr_ring);
		rte_memzone_free(rxq->mz);
		rte_free(rxq->sw_ring);
		rte_free(rxq);
	}
	return -ENOMEM;
}

void
igbx_rx_set_ptp_etqf(struct rte_eth_dev *dev, uint8_t etqf)
{
	struct igbx_rx_queue *rxq;
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		rxq = dev->data->rx_queues[q];
		if (rxq != NULL)
			rxq->ptp_etqf = etqf;
	}
}

/* ---- TX queue setup / release --------------------------------------------- */

/* Give back every in-flight mbuf and return the ring to its empty state. */
void
igbx_tx_reset(struct igbx_tx_queue *txq)
{
	uint16_t i;

	/* only [clean_next, tail) holds mbufs: a reclaim leaves stale pointers behind */
	for (i = txq->clean_next; i != txq->tail; i = i + 1 == txq->nb_desc ? 0 : i + 1) {
		if (txq->sw_ring[i].mbuf != NULL)
			rte_pktmbuf_free_seg(txq->sw_ring[i].mbuf);
	}
	memset(txq->sw_ring, 0, sizeof(*txq->sw_ring) * txq->nb_desc);
	memset((void *)(uintptr_t)txq->ring, 0, sizeof(*txq->ring) * txq->nb_desc);
	txq->tail = 0;
	txq->clean_next = 0;
	/* One descriptor stays empty: TDH == TDT means an empty ring (7.2.1). */
	txq->nb_free = txq->nb_desc - 1;
	txq->since_rs = 0;
	txq->rs_head = 0;
	txq->rs_count = 0;
	txq->ctx_next = 0;
	txq->holes = 0;
	memset(txq->ctx, 0xff, sizeof(txq->ctx));
}

static void
igbx_tx_queue_free(struct igbx_tx_queue *txq)
{
	if (txq == NULL)
		return;
	if (txq->sw_ring != NULL)
		igbx_tx_reset(txq);
	rte_memzone_free(txq->mz);
	rte_free(txq->sw_ring);
	rte_free(txq->rs_fifo);
	rte_free(txq);
}

void
igbx_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	igbx_tx_queue_free(dev->data->tx_queues[qid]);
	dev->data->tx_queues[qid] = NULL;
}

static int
igbx_tx_check_conf(uint16_t nb_desc, const struct rte_eth_txconf *conf, uint64_t offloads,
		   uint16_t *rs, uint16_t *fr)
{
	if (offloads & ~IGBX_TX_CAPA) {
		IGBX_LOG(ERR, "tx offloads=0x%" PRIx64 " invalid: allowed 0x%" PRIx64,
			 offloads, (uint64_t)IGBX_TX_CAPA);
		return -EINVAL;
	}
	*fr = conf->tx_free_thresh ? conf->tx_free_thresh :
		RTE_MIN(IGBX_TX_FREE_THRESH_DEFAULT, nb_desc / 4);
	*rs = conf->tx_rs_thresh ? conf->tx_rs_thresh : RTE_MIN(IGBX_TX_RS_THRESH_DEFAULT, *fr);
	/* The reclaim logic relies on both being smaller than the ring. */
	if (*fr >= nb_desc - 3) {
		IGBX_LOG(ERR, "tx_free_thresh=%u invalid: allowed 1..%u", *fr, nb_desc - 4);
		return -EINVAL;
	}
	if (*rs > *fr) {
		IGBX_LOG(ERR, "tx_rs_thresh=%u invalid: allowed 1..tx_free_thresh (%u)", *rs, *fr);
		return -EINVAL;
	}
	return 0;
}

static void
igbx_tx_queue_apply_conf(struct igbx_tx_queue *txq, const struct rte_eth_txconf *conf)
{
	static const struct rte_eth_thresh dflt = { .pthresh = IGBX_TX_PTHRESH_DEFAULT,
		.hthresh = IGBX_TX_HTHRESH_DEFAULT, .wthresh = IGBX_TX_WTHRESH_DEFAULT };

	igbx_clamp_hwthresh("tx", txq->queue_id, &conf->tx_thresh, &dflt,
			    &txq->pthresh, &txq->hthresh, &txq->wthresh);
	txq->deferred_start = conf->tx_deferred_start;
	txq->fast_free = !!(txq->offloads & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE);
}

int
igbx_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	uint64_t offloads;
	struct igbx_tx_queue *txq;
	uint16_t rs = 0, fr = 0;
	int ret;

	if (qid >= dev->data->nb_tx_queues) {
		IGBX_LOG(ERR, "tx queue_id=%u invalid: port has %u tx queues",
			 qid, dev->data->nb_tx_queues);
		return -EINVAL;
	}
	offloads = conf->offloads | dev->data->dev_conf.txmode.offloads;
	ret = igbx_check_nb_desc("tx", nb_desc);
	if (ret == 0)
		ret = igbx_check_socket("tx", socket_id);
	if (ret == 0)
		ret = igbx_tx_check_conf(nb_desc, conf, offloads, &rs, &fr);
	if (ret != 0)
		return ret;

	if (dev->data->tx_queues[qid] != NULL)
		igbx_tx_queue_release(dev, qid);

	txq = rte_zmalloc_socket("igbx_txq", sizeof(*txq), RTE_CACHE_LINE_SIZE, socket_id);
	if (txq == NULL)
		goto nomem;
	txq->sw_ring = rte_zmalloc_socket("igbx_tx_sw_ring", sizeof(*txq->sw_ring) * nb_desc,
					  RTE_CACHE_LINE_SIZE, socket_id);
	txq->rs_fifo = rte_zmalloc_socket("igbx_tx_rs", sizeof(*txq->rs_fifo) * nb_desc,
					  RTE_CACHE_LINE_SIZE, socket_id);
	txq->mz = igbx_ring_reserve(dev, "igbx_tx_ring", qid, socket_id);
	if (txq->sw_ring == NULL || txq->rs_fifo == NULL || txq->mz == NULL)
		goto nomem;

	txq->ring = txq->mz->addr;
	txq->ring_iova = txq->mz->iova;
	txq->nb_desc = nb_desc;
	txq->rs_thresh = rs;
	txq->free_thresh = fr;
	txq->queue_id = qid;
	txq->reg_idx = igbx_pf_queue_reg(dev, qid);
	txq->port_id = dev->data->port_id;
	txq->offloads = offloads;
	txq->tdt_addr = igbx_reg_addr(IGBX_DEV_HW(dev), IGBX_TDT(txq->reg_idx));
	igbx_tx_queue_apply_conf(txq, conf);
	igbx_tx_reset(txq);
	dev->data->tx_queues[qid] = txq;
	return 0;
nomem:
	IGBX_LOG(ERR, "tx queue %u: no memory for %u descriptors on socket %u",
		 qid, nb_desc, socket_id);
	if (txq != NULL) {
		rte_memzone_free(txq->mz);
		rte_free(txq->sw_ring);
		rte_free(txq->rs_fifo);
		rte_free(txq);
	}
	return -ENOMEM;
}
