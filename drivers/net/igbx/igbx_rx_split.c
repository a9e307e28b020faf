/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rx_split.c - RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT on the 82576's header split (7.1.6):
 * rx_seg validation, the PSRTYPE/SRRCTL settings, and the scalar burst that hands out
 * two-segment chains (header mbuf from the first pool, data mbuf from the second). */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"

/* SRRCTL.BSIZEHEADER: 64-byte units in a 4-bit field (8.10.2). */
#define IGBX_HDR_UNIT		64u
#define IGBX_HDR_MAX		(15u * IGBX_HDR_UNIT)

/*
 * Protocol split (rx_seg[0].proto_hdr): each header sequence the 82576 can cut
 * after, with its PSRTYPE layout (appendix A.1). The 82576 splits IPv4/IPv6
 * after L3 only for fragments, so "after L3" is offered as the L4_FRAG sequence.
 * Frames of another layout are not split: all of it goes to the data segment.
 */
static const struct {
	uint32_t ptype;
	uint32_t psrtype;
} igbx_split_layouts[] = {
	{ RTE_PTYPE_L2_ETHER, IGBX_PSRTYPE_L2 },
	{ RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_FRAG,
	  IGBX_PSRTYPE_IPV4_FRAG },
	{ RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP,
	  IGBX_PSRTYPE_IPV4_TCP },
	{ RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_UDP,
	  IGBX_PSRTYPE_IPV4_UDP },
	{ RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT_UNKNOWN | RTE_PTYPE_L4_FRAG,
	  IGBX_PSRTYPE_IPV6_FRAG },
	{ RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT_UNKNOWN | RTE_PTYPE_L4_TCP,
	  IGBX_PSRTYPE_IPV6_TCP },
	{ RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT_UNKNOWN | RTE_PTYPE_L4_UDP,
	  IGBX_PSRTYPE_IPV6_UDP },
};

static uint32_t igbx_split_ptypes[RTE_DIM(igbx_split_layouts) + 1];

RTE_INIT(igbx_split_ptypes_init)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_split_layouts); i++)
		igbx_split_ptypes[i] = igbx_split_layouts[i].ptype;
	igbx_split_ptypes[i] = RTE_PTYPE_UNKNOWN;	/* end of list (22.11) */
}

const uint32_t *
igbx_buffer_split_hdr_ptypes(struct rte_eth_dev *dev __rte_unused IGBX_PTYPES_COUNT_PARAM)
{
	igbx_ptypes_count_report(RTE_DIM(igbx_split_layouts));
	return igbx_split_ptypes;
}

/* Two segments (header, data) from two pools, no offsets. */
void
igbx_rx_split_info(struct rte_eth_dev_info *info)
{
	info->rx_seg_capa.max_nseg = 2;
	info->rx_seg_capa.multi_pools = 1;
	info->rx_seg_capa.offset_allowed = 0;
	info->rx_seg_capa.offset_align_log2 = 0;
}

/* ---- validation ----------------------------------------------------------- */

static uint32_t
igbx_pool_room(struct rte_mempool *mp)
{
	uint32_t room = rte_pktmbuf_data_room_size(mp);

	return room > RTE_PKTMBUF_HEADROOM ? room - RTE_PKTMBUF_HEADROOM : 0;
}

/* Header segment: a protocol layout (DESCTYPE split) or a length (split always). */
static int
igbx_rx_split_header(uint16_t qid, const struct rte_eth_rxseg_split *h, struct igbx_rx_split *s)
{
	uint32_t room = igbx_pool_room(h->mp);
	unsigned int i;

	if (h->proto_hdr != 0) {
		for (i = 0; i < RTE_DIM(igbx_split_layouts); i++)
			if (igbx_split_layouts[i].ptype == h->proto_hdr)
				break;
		if (i == RTE_DIM(igbx_split_layouts)) {
			IGBX_LOG(ERR, "rx queue %u: rx_seg[0].proto_hdr=0x%x invalid: allowed "
				 "rte_eth_buffer_split_get_supported_hdr_ptypes()",
				 qid, h->proto_hdr);
			return -EINVAL;
		}
		if (room < IGBX_HDR_UNIT) {
			IGBX_LOG(ERR, "rx queue %u: rx_seg[0] mempool %s buffer=%u bytes invalid: "
				 "header buffers need >= %u after the headroom",
				 qid, h->mp->name, room, IGBX_HDR_UNIT);
			return -EINVAL;
		}
		s->psrtype = igbx_split_layouts[i].psrtype;
		s->hdr_size = (uint16_t)RTE_MIN(RTE_ALIGN_FLOOR(room, IGBX_HDR_UNIT), IGBX_HDR_MAX);
		s->always = 0;
		return 0;
	}
	if (h->length == 0 || h->length % IGBX_HDR_UNIT != 0 || h->length > IGBX_HDR_MAX) {
		IGBX_LOG(ERR, "rx queue %u: rx_seg[0].length=%u invalid: allowed %u..%u in "
			 "steps of %u, or a proto_hdr", qid, h->length, IGBX_HDR_UNIT,
			 IGBX_HDR_MAX, IGBX_HDR_UNIT);
		return -EINVAL;
	}
	if (room < h->length) {
		IGBX_LOG(ERR, "rx queue %u: rx_seg[0] mempool %s buffer=%u bytes invalid: "
			 "allowed >= rx_seg[0].length %u after the headroom",
			 qid, h->mp->name, room, h->length);
		return -EINVAL;
	}
	/* no layout enabled: every frame "cannot be decoded" and splits at hdr_size */
	s->psrtype = 0;
	s->hdr_size = h->length;
	s->always = 1;
	return 0;
}

/* PSRTYPE[0] serves every queue without VMDq: split queues must agree on it. */
static int
igbx_rx_split_port_check(struct rte_eth_dev *dev, uint16_t qid, const struct igbx_rx_split *s)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct igbx_rx_queue *o = dev->data->rx_queues[q];

		if (q == qid || o == NULL || o->split.hdr_mp == NULL)
			continue;
		if (o->split.psrtype != s->psrtype) {
			IGBX_LOG(ERR, "rx queue %u: split PSRTYPE=0x%x invalid: allowed the "
				 "0x%x of queue %u (one PSRTYPE per port without VMDq)",
				 qid, s->psrtype, o->split.psrtype, q);
			return -EINVAL;
		}
	}
	return 0;
}

int
igbx_rx_split_check(struct rte_eth_dev *dev, uint16_t qid, const struct rte_eth_rxconf *conf,
		    uint64_t offloads, struct igbx_rx_split *s, struct rte_mempool **data_mp)
{
	const struct rte_eth_rxseg_split *seg;
	uint32_t frame;
	int ret;

	memset(s, 0, sizeof(*s));
	/* a started port keeps its burst: a queue set up at runtime must fit it */
	if (dev->data->dev_started &&
	    !!(offloads & RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT) !=
	    (dev->rx_pkt_burst == igbx_recv_split_pkts)) {
		IGBX_LOG(ERR, "rx queue %u: offload BUFFER_SPLIT=%d invalid while started: "
			 "allowed the running burst's (%d), or after a port restart", qid,
			 !!(offloads & RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT),
			 dev->rx_pkt_burst == igbx_recv_split_pkts);
		return -EINVAL;
	}
	if (!(offloads & RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT)) {
		if (conf->rx_nseg == 0)
			return 0;
		IGBX_LOG(ERR, "rx queue %u: rx_nseg=%u invalid without offload BUFFER_SPLIT: "
			 "allowed 0", qid, conf->rx_nseg);
		return -EINVAL;
	}
	if (conf->rx_nseg != 2 || conf->rx_seg == NULL) {
		IGBX_LOG(ERR, "rx queue %u: offload BUFFER_SPLIT with rx_nseg=%u invalid: "
			 "allowed 2 (header segment, data segment)", qid, conf->rx_nseg);
		return -EINVAL;
	}
	seg = &conf->rx_seg[0].split;
	if (seg[0].mp == NULL || seg[1].mp == NULL || seg[0].offset || seg[1].offset ||
	    seg[1].proto_hdr != 0) {
		IGBX_LOG(ERR, "rx queue %u: rx_seg mp=%p/%p offset=%u/%u rx_seg[1].proto_hdr=0x%x "
			 "invalid: allowed two pools, offsets 0, rx_seg[1].proto_hdr 0", qid,
			 (void *)seg[0].mp, (void *)seg[1].mp, seg[0].offset, seg[1].offset,
			 seg[1].proto_hdr);
		return -EINVAL;
	}
	if (offloads & RTE_ETH_RX_OFFLOAD_KEEP_CRC) {
		IGBX_LOG(ERR, "rx queue %u: offload KEEP_CRC invalid with BUFFER_SPLIT: "
			 "allowed without it", qid);
		return -EINVAL;
	}
	/* the 82576 fills only the first descriptor's header buffer: one
	 * descriptor per frame keeps every chain two segments long */
	frame = igbx_mtu_to_frame(dev->data->dev_conf.rxmode.offloads, dev->data->mtu);
	if (RTE_ALIGN_FLOOR(igbx_pool_room(seg[1].mp), IGBX_RX_BUF_UNIT) < frame) {
		IGBX_LOG(ERR, "rx queue %u: rx_seg[1] mempool %s buffer=%u bytes invalid with "
			 "BUFFER_SPLIT: allowed >= max frame %u (whole KB)", qid, seg[1].mp->name,
			 igbx_pool_room(seg[1].mp), frame);
		return -EINVAL;
	}
	ret = igbx_rx_split_header(qid, &seg[0], s);
	if (ret == 0)
		ret = igbx_rx_split_port_check(dev, qid, s);
	if (ret != 0)
		return ret;
	s->hdr_mp = seg[0].mp;
	*data_mp = seg[1].mp;
	return 0;
}

/* ---- queue state ---------------------------------------------------------- */

int
igbx_rx_split_alloc(struct igbx_rx_queue *rxq, const struct igbx_rx_split *s,
		    unsigned int socket_id)
{
	rxq->split = *s;
	rxq->split.hdr_ring = NULL;
	if (s->hdr_mp == NULL)
		return 0;
	rxq->split.hdr_ring = rte_zmalloc_socket("igbx_rx_hdr_ring",
						 sizeof(struct rte_mbuf *) * rxq->nb_desc,
						 RTE_CACHE_LINE_SIZE, socket_id);
	return rxq->split.hdr_ring == NULL ? -ENOMEM : 0;
}

void
igbx_rx_split_free_mbufs(struct igbx_rx_queue *rxq)
{
	uint16_t i;

	if (rxq->split.hdr_ring == NULL)
		return;
	for (i = 0; i < rxq->nb_desc; i++) {
		if (rxq->split.hdr_ring[i] != NULL) {
			rte_pktmbuf_free_seg(rxq->split.hdr_ring[i]);
			rxq->split.hdr_ring[i] = NULL;
		}
	}
}

void
igbx_rx_split_release(struct igbx_rx_queue *rxq)
{
	igbx_rx_split_free_mbufs(rxq);
	rte_free(rxq->split.hdr_ring);
	rxq->split.hdr_ring = NULL;
}

static inline void
igbx_rx_post_hdr(volatile union igbx_adv_rx_desc *d, struct rte_mbuf *h)
{
	/* bit 0 of the header address is where DD lands: mbuf data is even */
	d->read.hdr_addr = rte_cpu_to_le_64(rte_mbuf_data_iova_default(h));
}

/* After igbx_rx_fill_ring posted the data mbufs: a header mbuf in every descriptor. */
int
igbx_rx_split_fill(struct igbx_rx_queue *rxq)
{
	uint16_t i;

	if (rte_mempool_get_bulk(rxq->split.hdr_mp, (void **)rxq->split.hdr_ring,
				 rxq->nb_desc) != 0) {
		IGBX_LOG(ERR, "rx queue %u: header mempool %s cannot supply %u mbufs",
			 rxq->queue_id, rxq->split.hdr_mp->name, rxq->nb_desc);
		memset(rxq->split.hdr_ring, 0, sizeof(struct rte_mbuf *) * rxq->nb_desc);
		return -ENOMEM;
	}
	for (i = 0; i < rxq->nb_desc; i++)
		igbx_rx_post_hdr(&rxq->ring[i], rxq->split.hdr_ring[i]);
	return 0;
}

/* SRRCTL (8.10.2) bits of the split: DESCTYPE and BSIZEHEADER. */
uint32_t
igbx_rx_split_srrctl(const struct igbx_rx_queue *rxq)
{
	if (rxq->split.hdr_mp == NULL)
		return IGBX_SRRCTL_DESCTYPE_ADV_ONEBUF;
	return (rxq->split.always ? IGBX_SRRCTL_DESCTYPE_HDR_SPLIT_ALWAYS :
		IGBX_SRRCTL_DESCTYPE_HDR_SPLIT) |
		((uint32_t)(rxq->split.hdr_size / IGBX_HDR_UNIT) << IGBX_SRRCTL_BSIZEHEADER_SHIFT);
}

int
igbx_rx_split_any(const struct rte_eth_dev *dev)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL && rxq->split.hdr_mp != NULL)
			return 1;
	}
	return 0;
}

/* PSRTYPE[0] (pool 0 serves every queue without VMDq): the split queues' layouts. */
void
igbx_rx_split_program(struct rte_eth_dev *dev)
{
	uint32_t psrtype = 0;
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL && rxq->split.hdr_mp != NULL)
			psrtype = rxq->split.psrtype;
	}
	igbx_write(IGBX_DEV_HW(dev), IGBX_PSRTYPE(0), psrtype);
}

/* ---- the burst ------------------------------------------------------------ */

/*
 * Both rings refilled over [rdt + 1, next), in up to two runs; a short pool
 * (either one) leaves the run's slots empty and counts one failure.
 */
static void
igbx_rx_split_refill(struct igbx_rx_queue *rxq)
{
	struct rte_mbuf **hdr = rxq->split.hdr_ring;
	uint16_t start = igbx_rx_refill_start(rxq), done = 0, pos, n, i;

	while (done < rxq->nb_hold) {
		pos = start + done >= rxq->nb_desc ? start + done - rxq->nb_desc : start + done;
		n = RTE_MIN(rxq->nb_hold - done, rxq->nb_desc - pos);
		if (rte_mempool_get_bulk(rxq->split.hdr_mp, (void **)&hdr[pos], n) != 0) {
			memset(&hdr[pos], 0, sizeof(*hdr) * n);
			goto short_pool;
		}
		if (rte_mempool_get_bulk(rxq->mp, (void **)&rxq->sw_ring[pos], n) != 0) {
			rte_mempool_put_bulk(rxq->split.hdr_mp, (void **)&hdr[pos], n);
			memset(&hdr[pos], 0, sizeof(*hdr) * n);
			memset(&rxq->sw_ring[pos], 0, sizeof(*hdr) * n);
			goto short_pool;
		}
		for (i = 0; i < n; i++) {
			igbx_rx_post(&rxq->ring[pos + i], rxq->sw_ring[pos + i]);
			igbx_rx_post_hdr(&rxq->ring[pos + i], hdr[pos + i]);
		}
		done += n;
	}
	igbx_rx_refill_commit(rxq, start, done);
	return;
short_pool:
	rte_eth_devices[rxq->port_id].data->rx_mbuf_alloc_failed++;
	igbx_rx_refill_commit(rxq, start, done);
}

/*
 * Bytes the device put in the header buffer (split/replicated header table):
 * HDR_LEN when SPH says the header was split off; with HBO, nothing in split
 * mode and BSIZEHEADER bytes in "split always"; without SPH, nothing in split
 * mode and HDR_LEN (the frame, or BSIZEHEADER of it) in "split always".
 */
static inline uint16_t
igbx_rx_split_hdr_len(const struct igbx_rx_split *s, uint16_t hdr_info, uint32_t staterr)
{
	uint16_t len = (hdr_info >> IGBX_RXD_HDR_LEN_SHIFT) & IGBX_RXD_HDR_LEN_MASK;

	if (staterr & IGBX_RXD_ERR_HBO && hdr_info & IGBX_RXD_HDR_SPH)
		return s->always ? s->hdr_size : 0;
	if (hdr_info & IGBX_RXD_HDR_SPH || s->always)
		return len;
	return 0;
}

static inline void
igbx_rx_split_drop(struct igbx_rx_queue *rxq, struct rte_mbuf *h, struct rte_mbuf *m,
		   uint32_t staterr)
{
	rxq->discard = !(staterr & IGBX_RXD_STAT_EOP);
	rxq->errors += !!(staterr & IGBX_RXD_STAT_EOP);
	rte_pktmbuf_free_seg(h);
	rte_pktmbuf_free_seg(m);
}

uint16_t
igbx_recv_split_pkts(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igbx_rx_queue *rxq = queue;
	struct rte_mbuf **hdr_ring = rxq->split.hdr_ring, *h, *m;
	volatile union igbx_adv_rx_desc *d;
	uint16_t nb_rx = 0, idx = rxq->next, hlen, plen;
	uint32_t staterr;

	while (nb_rx < n) {
		d = &rxq->ring[idx];
		staterr = rte_le_to_cpu_32(d->wb.status_error);
		if (!(staterr & IGBX_RXD_STAT_DD))
			break;
		rte_io_rmb();	/* DD first, then the rest of the write-back */
		h = hdr_ring[idx];
		m = rxq->sw_ring[idx];
		hdr_ring[idx] = NULL;
		rxq->sw_ring[idx] = NULL;
		idx = idx + 1 == rxq->nb_desc ? 0 : idx + 1;
		rxq->nb_hold++;
		hlen = igbx_rx_split_hdr_len(&rxq->split, rte_le_to_cpu_16(d->wb.hdr_info),
					     staterr);
		plen = rte_le_to_cpu_16(d->wb.length);
		/* a frame over several descriptors (MTU raised past the data
		 * buffer), RXE, or lengths beyond the posted buffers: dropped */
		if (unlikely(rxq->discard || hlen > rxq->split.hdr_size ||
			     plen > rxq->buf_size ||
			     (staterr & (IGBX_RXD_STAT_EOP | IGBX_RXD_ERR_RXE)) !=
			     IGBX_RXD_STAT_EOP)) {
			igbx_rx_split_drop(rxq, h, m, staterr);
			continue;
		}
		*igbx_rearm_word_ptr(h) = rxq->mbuf_rearm;
		*igbx_rearm_word_ptr(m) = rxq->mbuf_rearm;
		h->data_len = hlen;
		m->data_len = plen;
		h->next = m;
		h->nb_segs = 2;
		h->pkt_len = (uint32_t)hlen + plen;
		igbx_rx_complete_mbuf(rxq, h, d, staterr);
		rxq->bytes += h->pkt_len;
		pkts[nb_rx++] = h;
	}
	rxq->next = idx;
	rxq->packets += nb_rx;
	if (rxq->nb_hold >= rxq->free_thresh)
		igbx_rx_split_refill(rxq);
	return nb_rx;
}
