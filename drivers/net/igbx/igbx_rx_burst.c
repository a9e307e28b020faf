/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rx_burst.c - the scalar receive bursts (single and scattered buffers): write-back
 * decode through per-queue tables, software tag stripping, refill. */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_byteorder.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_io.h>
#include <rte_mbuf.h>
#include <rte_net.h>
#include <rte_prefetch.h>
#include <rte_ip.h>
#include <rte_sctp.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"

/* ---- packet types and offload flags: tables built once ------------------ */

/*
 * packet_type by pkt_info bits 10:4 (L3 and L4 header bits): one load per
 * frame instead of two lookups and a branch.
 */
#define IGBX_RX_PTYPE_SHIFT	IGBX_RXD_PKTTYPE_L3_SHIFT
#define IGBX_RX_PTYPE_MASK	((IGBX_RXD_PKTTYPE_L3_MASK | IGBX_RXD_PKTTYPE_L4_MASK) >> \
				 IGBX_RX_PTYPE_SHIFT)
/* An entry: packet_type in bits 31:0, the ol_flags it implies (an IPv6 header is
 * a good one, IGBX_RX_IP_CHECKED) in 63:32; one load gives both. */
#define IGBX_RX_PTYPE_OL_SHIFT	32

/*
 * ol_flags by the four contiguous status bits VP, UDPCS, L4I, IPCS (3..6),
 * as they are when no error bit is set (checksums good). Row 1 is for queues
 * that strip the tag (VP then means VLAN | VLAN_STRIPPED), row 0 for the
 * others. A checksum error takes igbx_rx_complete_rare().
 */
#define IGBX_RX_OL_SHIFT	3
#define IGBX_RX_OL_ENTRIES	16

/*
 * Both tables in one object, so that the burst addresses them from one base
 * register instead of materializing two addresses per frame (callgrind,
 * run-bench.sh scalar: 137.2 -> 135.2 instructions per packet).
 */
static struct {
	uint64_t ptype[IGBX_RX_PTYPE_MASK + 1];
	uint32_t ol[2][IGBX_RX_OL_ENTRIES];
} igbx_rx_tables;
#define igbx_rx_ptype_table	igbx_rx_tables.ptype
#define igbx_rx_ol_table	igbx_rx_tables.ol

static inline uint32_t
igbx_rx_ol_index(uint32_t staterr)
{
	return (staterr >> IGBX_RX_OL_SHIFT) & (IGBX_RX_OL_ENTRIES - 1);
}

static uint32_t
igbx_rx_ptype_of(uint32_t i)
{
	uint32_t l3 = IGBX_PTYPE_L3_OF(i & 0xF);

	return RTE_PTYPE_L2_ETHER | (l3 ? l3 | IGBX_PTYPE_L4_OF((i >> 4) & 7) : 0);
}

/* The checksum and tag results of status_error (7.1.5.2), as the table holds them. */
static uint32_t
igbx_rx_ol_of(uint32_t staterr, int vlan_strip)
{
	uint32_t ol = 0;

	if ((staterr & IGBX_RXD_STAT_VP) && vlan_strip)
		ol |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	if (staterr & IGBX_RXD_STAT_IPCS)
		ol |= (staterr & IGBX_RXD_ERR_IPE) ?
			RTE_MBUF_F_RX_IP_CKSUM_BAD : RTE_MBUF_F_RX_IP_CKSUM_GOOD;
	if (staterr & (IGBX_RXD_STAT_L4I | IGBX_RXD_STAT_UDPCS))
		ol |= (staterr & IGBX_RXD_ERR_L4E) ?
			RTE_MBUF_F_RX_L4_CKSUM_BAD : RTE_MBUF_F_RX_L4_CKSUM_GOOD;
	return ol;
}

RTE_INIT(igbx_rx_table_init)
{
	uint32_t i;
	int strip;

	RTE_BUILD_BUG_ON((RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED |
			  RTE_MBUF_F_RX_IP_CKSUM_MASK | RTE_MBUF_F_RX_L4_CKSUM_MASK) > UINT32_MAX);
	for (i = 0; i < RTE_DIM(igbx_rx_ptype_table); i++)
		igbx_rx_ptype_table[i] = igbx_rx_ptype_of(i) |
			(uint64_t)igbx_rx_ol_of(IGBX_RX_IP_CHECKED(0, igbx_rx_ptype_of(i)), 0) <<
			IGBX_RX_PTYPE_OL_SHIFT;
	for (strip = 0; strip < 2; strip++)
		for (i = 0; i < IGBX_RX_OL_ENTRIES; i++)
			igbx_rx_ol_table[strip][i] = igbx_rx_ol_of(i << IGBX_RX_OL_SHIFT, strip);
}

/* ---- RX burst ------------------------------------------------------------- */

/*
 * Give the consumed descriptors [rdt + 1, next) new mbufs, in at most two
 * runs (the range may wrap), and move RDT once. On a short pool the slots
 * stay empty and owned by software (one failure counted); the next burst
 * retries.
 */
static inline void
igbx_rx_refill(struct igbx_rx_queue *rxq)
{
	IGBX_RX_REFILL(rxq, igbx_rx_post_delta, igbx_rx_post_table, igbx_rx_post_run);
}

/*
 * Double VLAN (7.4.5): the 82576 strips the inner tag into the descriptor
 * and leaves the outer one (VEXT) in the frame, right after the addresses.
 */
static inline uint64_t
igbx_rx_outer_vlan(struct rte_mbuf *m)
{
	const uint8_t *tag = rte_pktmbuf_mtod_offset(m, const uint8_t *,
						     2 * RTE_ETHER_ADDR_LEN);

	m->vlan_tci_outer = (uint16_t)(tag[2] << 8 | tag[3]);
	return RTE_MBUF_F_RX_QINQ;
}

/* TCI of the tag at byte off of the frame, if its type is tpid; else -1. */
static inline int
igbx_rx_frame_tag(const struct rte_mbuf *m, uint16_t off, uint16_t tpid)
{
	const uint8_t *p = rte_pktmbuf_mtod_offset(m, const uint8_t *, off);

	if (m->data_len < off + RTE_VLAN_HLEN + 2 || (p[0] << 8 | p[1]) != tpid)
		return -1;
	return p[2] << 8 | p[3];
}

/* Cut the tag that follows the MAC addresses out of the frame: the 12 address
 * bytes move forward over it and the data starts 4 bytes later. */
static inline void
igbx_rx_tag_cut(struct rte_mbuf *m)
{
	uint8_t *p = rte_pktmbuf_mtod(m, uint8_t *);

	memmove(p + RTE_VLAN_HLEN, p, 2 * RTE_ETHER_ADDR_LEN);
	m->data_off += RTE_VLAN_HLEN;
	m->data_len -= RTE_VLAN_HLEN;
	m->pkt_len -= RTE_VLAN_HLEN;
}

/*
 * QINQ_STRIP in software: in double VLAN mode the 82576 strips at most the
 * inner tag (7.4.5) and VEXT says an outer tag is still in the frame. It is
 * cut out here; both TCIs are reported (vlan_tci inner, vlan_tci_outer).
 */
static inline uint64_t
igbx_rx_sw_strip_outer(struct rte_mbuf *m, uint64_t ol)
{
	const uint8_t *tag = rte_pktmbuf_mtod_offset(m, const uint8_t *,
						     2 * RTE_ETHER_ADDR_LEN);
	int inner;

	if (m->data_len < 2 * RTE_ETHER_ADDR_LEN + RTE_VLAN_HLEN + 2)
		return ol;
	if (ol & RTE_MBUF_F_RX_VLAN_STRIPPED) {	/* inner went to the descriptor */
		igbx_rx_tag_cut(m);
		return ol | RTE_MBUF_F_RX_QINQ_STRIPPED;
	}
	inner = igbx_rx_frame_tag(m, 2 * RTE_ETHER_ADDR_LEN + RTE_VLAN_HLEN,
				  RTE_ETHER_TYPE_VLAN);
	m->vlan_tci_outer = (uint16_t)(tag[2] << 8 | tag[3]);
	m->vlan_tci = inner < 0 ? m->vlan_tci_outer : (uint16_t)inner;
	igbx_rx_tag_cut(m);
	if (inner < 0)		/* the only tag: stripped like a single VLAN */
		return ol | RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
	/* the inner tag stays in the frame: QINQ_STRIPPED without VLAN_STRIPPED */
	return ol | RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_QINQ | RTE_MBUF_F_RX_QINQ_STRIPPED;
}

/*
 * Tags the hardware left in the frame and the queue's offloads want gone
 * (rxq->sw_strip): the outer tag of QINQ_STRIP, or the 802.1Q tag of a
 * queue with VLAN_STRIP while CTRL.VME (port-wide) is off.
 */
static inline uint64_t
igbx_rx_sw_strip(const struct igbx_rx_queue *rxq, struct rte_mbuf *m, uint32_t staterr,
		 uint64_t ol)
{
	int tci;

	if (staterr & IGBX_RXD_STAT_VEXT)
		return (rxq->sw_strip & IGBX_RX_SW_STRIP_OUTER) ?
			igbx_rx_sw_strip_outer(m, ol) : ol;
	if (!(rxq->sw_strip & IGBX_RX_SW_STRIP_VLAN) || !rxq->vlan_strip ||
	    (ol & RTE_MBUF_F_RX_VLAN_STRIPPED))
		return ol;
	tci = igbx_rx_frame_tag(m, 2 * RTE_ETHER_ADDR_LEN, RTE_ETHER_TYPE_VLAN);
	if (tci < 0)
		return ol;
	m->vlan_tci = (uint16_t)tci;
	igbx_rx_tag_cut(m);
	return ol | RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
}

/* A frame an ETQF matched (7.1.5.2): PTP if it is the time sync filter. */
static inline uint64_t
igbx_rx_etqf(const struct igbx_rx_queue *rxq, struct rte_mbuf *m, uint16_t pkt_info)
{
	uint16_t idx = (pkt_info & IGBX_RXD_PKTTYPE_ETQF_MASK) >> IGBX_RXD_PKTTYPE_ETQF_SHIFT;

	if (idx != rxq->ptp_etqf) {
		m->packet_type = RTE_PTYPE_L2_ETHER;
		return 0;
	}
	m->packet_type = RTE_PTYPE_L2_ETHER_TIMESYNC;
	return RTE_MBUF_F_RX_IEEE1588_PTP;
}

/* What igbx_rx_complete() needs from the queue, read once per burst. */
struct igbx_rx_flags {
	const uint32_t *ol_tbl;	/* the queue's row of igbx_rx_ol_table */
	uint32_t rare;		/* status_error bits for igbx_rx_complete_rare() */
	uint32_t rss_ol;	/* RSS_HASH if the queue reports the hash, else 0 */
};

static inline void
igbx_rx_flags_init(const struct igbx_rx_queue *rxq, struct igbx_rx_flags *f)
{
	f->ol_tbl = igbx_rx_ol_table[rxq->vlan_strip != 0];
	/* a queue stripping tags in software sends every frame there (DD is set) */
	f->rare = rxq->sw_strip ? UINT32_MAX : IGBX_RXD_STAT_VEXT | IGBX_RXD_STAT_TS |
		IGBX_RXD_ERR_L4E | IGBX_RXD_ERR_IPE;
	f->rss_ol = rxq->rss_hash ? RTE_MBUF_F_RX_RSS_HASH : 0;
}

/*
 * The uncommon write-back results: checksum errors, an outer tag (VEXT),
 * tags stripped in software, a time stamp, an ETQF match. ol holds the
 * fast path's flags, of which only RSS_HASH is kept.
 */
static uint64_t
igbx_rx_complete_rare(const struct igbx_rx_queue *rxq, struct rte_mbuf *m,
		      uint32_t staterr, uint16_t pkt_info, uint64_t ol)
{
	uint64_t etqf_ol = 0;

	/* an ETQF match has no L3 type: first, as the checksums depend on it */
	if (pkt_info & IGBX_RXD_PKTTYPE_ETQF)
		etqf_ol = igbx_rx_etqf(rxq, m, pkt_info);
	ol = (ol & RTE_MBUF_F_RX_RSS_HASH) | etqf_ol |
		igbx_rx_ol_of(IGBX_RX_IP_CHECKED(staterr, m->packet_type), rxq->vlan_strip);
	/* the hardware stripped the inner tag: the outer one is in the frame */
	if ((staterr & IGBX_RXD_STAT_VEXT) && (ol & RTE_MBUF_F_RX_VLAN_STRIPPED))
		ol |= igbx_rx_outer_vlan(m);
	if (rxq->sw_strip)
		ol = igbx_rx_sw_strip(rxq, m, staterr, ol);
	/* TS: RXSTMPL/H hold this frame's time until read (7.9.2.1). */
	if (staterr & IGBX_RXD_STAT_TS)
		ol |= RTE_MBUF_F_RX_IEEE1588_TMST;
	return ol;
}

/*
 * A frame is complete: the offload results of its (last) write-back
 * descriptor into the mbuf (7.1.5.2). hash.rss and vlan_tci are written
 * whatever the flags say (they are defined only with RSS_HASH / VLAN), as
 * the SIMD bursts do.
 */
static inline void
igbx_rx_complete(const struct igbx_rx_queue *rxq, const struct igbx_rx_flags *f,
		 struct rte_mbuf *m, volatile union igbx_adv_rx_desc *d, uint32_t staterr)
{
	uint16_t pkt_info = rte_le_to_cpu_16(d->wb.pkt_info);
	uint64_t ol = f->ol_tbl[igbx_rx_ol_index(staterr)];
	uint64_t ptype = igbx_rx_ptype_table[(pkt_info >> IGBX_RX_PTYPE_SHIFT) &
					     IGBX_RX_PTYPE_MASK];

	m->hash.rss = rte_le_to_cpu_32(d->wb.rss_hash);
	m->vlan_tci = rte_le_to_cpu_16(d->wb.vlan);
	if (pkt_info & IGBX_RXD_RSSTYPE_MASK)
		ol |= f->rss_ol;
	m->packet_type = (uint32_t)ptype;
	ol |= ptype >> IGBX_RX_PTYPE_OL_SHIFT;	/* IPE takes the rare path */
	if (unlikely((staterr & f->rare) || (pkt_info & IGBX_RXD_PKTTYPE_ETQF)))
		ol = igbx_rx_complete_rare(rxq, m, staterr, pkt_info, ol);
	m->ol_flags = ol;
}

void
igbx_rx_complete_mbuf(const struct igbx_rx_queue *rxq, struct rte_mbuf *m,
		      volatile union igbx_adv_rx_desc *d, uint32_t staterr)
{
	struct igbx_rx_flags f;

	igbx_rx_flags_init(rxq, &f);
	igbx_rx_complete(rxq, &f, m, d, staterr);
}

/*
 * The status of descriptor idx once the device wrote it back (DD), else 0.
 * The device writes DD last: the rest is read only after it.
 */
static inline uint32_t
igbx_rx_done(volatile union igbx_adv_rx_desc *d)
{
	uint32_t staterr = rte_le_to_cpu_32(d->wb.status_error);

	if (!(staterr & IGBX_RXD_STAT_DD))
		return 0;
	/* x86 keeps loads in order: DD, then the rest of the write-back; a
	 * compiler barrier is all it takes (an lfence here would wait out
	 * every descriptor's cache miss in turn). */
	rte_io_rmb();
	return staterr;
}

/* End of an RX burst: count the packets, refill once enough slots are consumed. */
static inline uint16_t
igbx_rx_burst_end(struct igbx_rx_queue *rxq, uint16_t nb_rx)
{
	rxq->packets += nb_rx;
	if (rxq->nb_hold >= rxq->free_thresh)
		igbx_rx_refill(rxq);
	return nb_rx;
}

/*
 * Take the mbuf of descriptor idx (the slot becomes empty: a queue stop
 * frees only posted mbufs) and reset its rearm word. next is not written:
 * an mbuf from the pool has next == NULL (rte_mbuf_raw_alloc contract).
 */
static inline struct rte_mbuf *
igbx_rx_take(struct rte_mbuf **sw_ring, uint64_t rearm, unsigned int idx, unsigned int next)
{
	struct rte_mbuf *m = sw_ring[idx];

	sw_ring[idx] = NULL;
	rte_prefetch0(sw_ring[next]);
	*igbx_rearm_word_ptr(m) = rearm;
	return m;
}

/*
 * Without scatter, a buffer that is not a whole good frame is dropped: a
 * frame spread over buffers (and the rest of it), a frame with RXE, or a
 * length beyond the posted buffer (SRRCTL), which the device never writes
 * unless the write-back is broken. One error per frame, at its last buffer.
 */
static void
igbx_rx_drop(struct igbx_rx_queue *rxq, struct rte_mbuf *m, uint32_t staterr)
{
	rxq->discard = !(staterr & IGBX_RXD_STAT_EOP);
	rxq->errors += !!(staterr & IGBX_RXD_STAT_EOP);
	rte_pktmbuf_free_seg(m);
}

uint16_t
igbx_recv_pkts(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igbx_rx_queue *rxq = queue;
	/* kept in registers: the barrier after DD makes the compiler reload
	 * anything it reads through rxq */
	volatile union igbx_adv_rx_desc *ring = rxq->ring, *d;
	struct rte_mbuf **sw_ring = rxq->sw_ring;
	const uint64_t rearm = rxq->mbuf_rearm;
	unsigned int idx = rxq->next, next, nb_desc = rxq->nb_desc, nb_rx = 0, len;
	/* a buffer is a whole good frame when its length is below limit and it
	 * ends the frame without RXE; while the queue discards the rest of a
	 * broken frame (rxq->discard), none is: limit 0 */
	unsigned int limit = rxq->discard ? 0 : rxq->buf_size + 1u;
	struct igbx_rx_flags f;
	uint64_t bytes = 0;
	struct rte_mbuf *m;
	uint32_t staterr;

	igbx_rx_flags_init(rxq, &f);
	igbx_ring_prefetch(ring, nb_desc, idx, n, 0);
	while (nb_rx < n && (staterr = igbx_rx_done(d = &ring[idx])) != 0) {
		len = rte_le_to_cpu_16(d->wb.length);
		next = idx + 1 == nb_desc ? 0 : idx + 1;
		m = igbx_rx_take(sw_ring, rearm, idx, next);
		idx = next;
		if (unlikely(len >= limit || (staterr & (IGBX_RXD_STAT_EOP | IGBX_RXD_ERR_RXE)) !=
			     IGBX_RXD_STAT_EOP)) {
			igbx_rx_drop(rxq, m, staterr);
			limit = rxq->discard ? 0 : rxq->buf_size + 1u;
			continue;
		}
		m->data_len = len;
		m->pkt_len = len;
		igbx_rx_complete(rxq, &f, m, d, staterr);
		bytes += len;	/* the CRC (KEEP_CRC) comes off once, after the loop */
		pkts[nb_rx++] = m;
	}
	rxq->nb_hold += (uint16_t)(idx - rxq->next + (idx < rxq->next ? nb_desc : 0));
	rxq->next = idx;
	rxq->bytes += bytes - (uint64_t)nb_rx * rxq->crc_len;
	return igbx_rx_burst_end(rxq, nb_rx);
}

/* Append one buffer to the frame being assembled; returns the frame's first mbuf. */
static inline struct rte_mbuf *
igbx_rx_chain(struct igbx_rx_queue *rxq, struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *first = rxq->seg_first;

	m->data_len = len;
	if (first == NULL) {
		first = m;
		first->pkt_len = len;
		rxq->seg_first = m;
	} else {
		rxq->seg_last->next = m;
		first->pkt_len += len;
		first->nb_segs++;
	}
	rxq->seg_last = m;
	return first;
}

uint16_t
igbx_recv_scattered_pkts(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igbx_rx_queue *rxq = queue;
	volatile union igbx_adv_rx_desc *d;
	struct rte_mbuf *first;
	uint16_t nb_rx = 0, idx = rxq->next, next;
	struct igbx_rx_flags f;
	uint32_t staterr;

	igbx_rx_flags_init(rxq, &f);
	while (nb_rx < n && (staterr = igbx_rx_done(d = &rxq->ring[idx])) != 0) {
		uint16_t len = rte_le_to_cpu_16(d->wb.length);

		/* a buffer longer than posted is a broken write-back: drop the frame */
		if (unlikely(len > rxq->buf_size)) {
			rxq->discard = 1;
			len = 0;
		}
		next = idx + 1 == rxq->nb_desc ? 0 : idx + 1;
		first = igbx_rx_chain(rxq, igbx_rx_take(rxq->sw_ring, rxq->mbuf_rearm, idx, next),
				      len);
		rxq->next = idx = next;
		rxq->nb_hold++;
		if (!(staterr & IGBX_RXD_STAT_EOP))
			continue;
		/* The last descriptor of a frame carries its status and offload results. */
		rxq->seg_first = NULL;
		rxq->seg_last = NULL;
		if (unlikely((staterr & IGBX_RXD_ERR_RXE) || rxq->discard)) {
			rxq->discard = 0;
			rxq->errors++;
			rte_pktmbuf_free(first);
			continue;
		}
		igbx_rx_complete(rxq, &f, first, d, staterr);
		rxq->bytes += first->pkt_len - rxq->crc_len;
		pkts[nb_rx++] = first;
	}
	return igbx_rx_burst_end(rxq, nb_rx);
}
