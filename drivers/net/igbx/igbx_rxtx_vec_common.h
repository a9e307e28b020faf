/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_vec_common.h - what the SIMD bursts share: offload lookup tables and the
 * scalar helpers they fall back on (one descriptor, frame assembly, RX ring refill, TX
 * room through the scalar reclaim, RS bookkeeping). */
#ifndef IGBX_RXTX_VEC_COMMON_H
#define IGBX_RXTX_VEC_COMMON_H

#include <stdint.h>
#include <string.h>
#include <emmintrin.h>

#include <rte_common.h>
#include <rte_io.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <ethdev_driver.h>

#include "igbx_hw.h"
#include "igbx_rxtx.h"

/* ---- offload lookup tables (one source for the scalar helper and the shuffles) ---- */

/*
 * The 16-byte mbuf stores assume DPDK 22.11's layout: rearm_data then
 * ol_flags, and packet_type/pkt_len/data_len/vlan_tci/hash.rss in one block.
 */
#define IGBX_VEC_CHECK_MBUF_LAYOUT() do {					\
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, ol_flags) !=			\
			 offsetof(struct rte_mbuf, rearm_data) + 8);		\
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, pkt_len) !=			\
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 4);	\
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, data_len) !=			\
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 8);	\
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, vlan_tci) !=			\
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 10);	\
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, hash) !=			\
			 offsetof(struct rte_mbuf, rx_descriptor_fields1) + 12);	\
	RTE_BUILD_BUG_ON(offsetof(struct rte_mbuf, buf_iova) !=			\
			 offsetof(struct rte_mbuf, buf_addr) + 8);		\
	RTE_BUILD_BUG_ON(sizeof(struct igbx_tx_entry) != sizeof(void *));	\
} while (0)

/* igbx_vec_l3_table / igbx_vec_l4_table: IGBX_PTYPE_L3_OF, IGBX_PTYPE_L4_OF for pshufb. */
#define IGBX_VEC_L3(i)	IGBX_PTYPE_L3_OF(i)
#define IGBX_VEC_L4(i)	(IGBX_PTYPE_L4_OF(i) >> 8)
static const uint8_t igbx_vec_l3_table[16] __rte_aligned(16) = {
	IGBX_VEC_L3(0), IGBX_VEC_L3(1), IGBX_VEC_L3(2), IGBX_VEC_L3(3),
	IGBX_VEC_L3(4), IGBX_VEC_L3(5), IGBX_VEC_L3(6), IGBX_VEC_L3(7),
	IGBX_VEC_L3(8), IGBX_VEC_L3(9), IGBX_VEC_L3(10), IGBX_VEC_L3(11),
	IGBX_VEC_L3(12), IGBX_VEC_L3(13), IGBX_VEC_L3(14), IGBX_VEC_L3(15),
};
static const uint8_t igbx_vec_l4_table[16] __rte_aligned(16) = {
	IGBX_VEC_L4(0), IGBX_VEC_L4(1), IGBX_VEC_L4(2), IGBX_VEC_L4(3),
	IGBX_VEC_L4(4), IGBX_VEC_L4(5), IGBX_VEC_L4(6), IGBX_VEC_L4(7),
};

/*
 * Checksum flags >> 3 (they span bits 3..8) by a 4-bit index: bit 0 IP header
 * checked (IGBX_RX_IP_CHECKED), bit 1 L4I|UDPCS (L4 checked), bit 2 L4E, bit 3
 * IPE; L4E and IPE are adjacent in status_error (29, 30), one shift brings both.
 */
#define IGBX_VEC_CSUM(i) ((uint8_t)(((((i) & 1) ? ((i) & 8 ? RTE_MBUF_F_RX_IP_CKSUM_BAD :	\
		RTE_MBUF_F_RX_IP_CKSUM_GOOD) : 0) |					\
	(((i) & 2) ? ((i) & 4 ? RTE_MBUF_F_RX_L4_CKSUM_BAD :				\
		RTE_MBUF_F_RX_L4_CKSUM_GOOD) : 0)) >> IGBX_VEC_CSUM_SHIFT))
#define IGBX_VEC_CSUM_SHIFT	3
static const uint8_t igbx_vec_csum_table[16] __rte_aligned(16) = {
	IGBX_VEC_CSUM(0), IGBX_VEC_CSUM(1), IGBX_VEC_CSUM(2), IGBX_VEC_CSUM(3),
	IGBX_VEC_CSUM(4), IGBX_VEC_CSUM(5), IGBX_VEC_CSUM(6), IGBX_VEC_CSUM(7),
	IGBX_VEC_CSUM(8), IGBX_VEC_CSUM(9), IGBX_VEC_CSUM(10), IGBX_VEC_CSUM(11),
	IGBX_VEC_CSUM(12), IGBX_VEC_CSUM(13), IGBX_VEC_CSUM(14), IGBX_VEC_CSUM(15),
};

#define IGBX_VEC_OL_VLAN	(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED)
#define IGBX_VEC_OL_RSS		RTE_MBUF_F_RX_RSS_HASH

/*
 * The index of igbx_vec_csum_table from status_error and the packet type
 * (the vector code mirrors it): IP header checked (IGBX_RX_IP_CHECKED).
 */
static inline uint32_t
igbx_vec_csum_index(uint32_t st, uint32_t ptype)
{
	uint32_t l4_checked = st | (st >> 1);	/* UDPCS (bit 4) or L4I (bit 5) */

	RTE_BUILD_BUG_ON(IGBX_RXD_ERR_IPE != IGBX_RXD_ERR_L4E << 1);
	return ((IGBX_RX_IP_CHECKED(st, ptype) >> 6) & 1) | ((l4_checked >> 3) & 2) |
	       ((st >> 27) & 0xC);
}

static inline uint32_t
igbx_vec_ptype(uint32_t pkt_info)
{
	uint32_t l3, l4;

	if (pkt_info & IGBX_RXD_PKTTYPE_ETQF)
		return RTE_PTYPE_L2_ETHER;
	l3 = igbx_vec_l3_table[(pkt_info >> IGBX_RXD_PKTTYPE_L3_SHIFT) & 0xF];
	l4 = l3 ? igbx_vec_l4_table[(pkt_info >> IGBX_RXD_PKTTYPE_L4_SHIFT) & 7] : 0;
	return RTE_PTYPE_L2_ETHER | l3 | l4 << 8;
}

/* ol_flags the vector bursts OR in per queue: VLAN when stripping, RSS when hashing. */
static inline uint32_t
igbx_vec_vlan_ol(const struct igbx_rx_queue *rxq)
{
	return rxq->vlan_strip ? IGBX_VEC_OL_VLAN : 0;
}

static inline uint32_t
igbx_vec_rss_ol(const struct igbx_rx_queue *rxq)
{
	return rxq->rss_hash ? IGBX_VEC_OL_RSS : 0;
}

/* ---- RX: one descriptor at a time, frame assembly, refill ------------------------ */

/* Fill every metadata field the vector decode writes, from one write-back. */
static inline void
igbx_vec_rx_fill_mbuf(const struct igbx_rx_queue *rxq, struct rte_mbuf *m,
		      uint32_t st, uint32_t pkt_info, uint32_t hash, uint32_t len_vlan)
{
	uint32_t ptype = igbx_vec_ptype(pkt_info & 0xFFFF);
	uint64_t ol = (uint64_t)igbx_vec_csum_table[igbx_vec_csum_index(st, ptype)] <<
		IGBX_VEC_CSUM_SHIFT;

	if (st & IGBX_RXD_STAT_VP)
		ol |= igbx_vec_vlan_ol(rxq);
	if (pkt_info & IGBX_RXD_RSSTYPE_MASK)
		ol |= igbx_vec_rss_ol(rxq);
	*(uint64_t *)RTE_PTR_ADD(m, offsetof(struct rte_mbuf, rearm_data)) = rxq->mbuf_rearm;
	m->ol_flags = ol;
	m->packet_type = ptype;
	m->pkt_len = len_vlan & 0xFFFF;
	m->data_len = len_vlan & 0xFFFF;
	m->vlan_tci = len_vlan >> 16;
	m->hash.rss = hash;
}

/*
 * Bookkeeping of one filled mbuf, exactly as the scalar bursts do it: without
 * scatter a frame that does not end in its buffer (and the rest of it) or a
 * frame with RXE is dropped; with scatter buffers chain until EOP and the last
 * descriptor's results go to the first segment. 1 when *out got a frame.
 */
static inline int
igbx_vec_rx_finish(struct igbx_rx_queue *rxq, struct rte_mbuf *m, uint32_t st,
		   int scatter, struct rte_mbuf **out)
{
	struct rte_mbuf *first = rxq->seg_first;
	uint32_t eop = st & IGBX_RXD_STAT_EOP;

	if (!scatter) {
		if (unlikely(rxq->discard || !eop || (st & IGBX_RXD_ERR_RXE))) {
			rxq->discard = !eop;
			rxq->errors += !!eop;
			rte_pktmbuf_free_seg(m);
			return 0;
		}
		first = m;
	} else if (first == NULL) {
		first = m;
		rxq->seg_first = m;
	} else {
		rxq->seg_last->next = m;
		first->pkt_len += m->data_len;
		first->nb_segs++;
	}
	if (scatter) {
		rxq->seg_last = m;
		if (!eop)
			return 0;
		rxq->seg_first = NULL;
		rxq->seg_last = NULL;
		if (unlikely(st & IGBX_RXD_ERR_RXE)) {
			rxq->errors++;
			rte_pktmbuf_free(first);
			return 0;
		}
		if (first != m) {
			first->ol_flags = m->ol_flags;
			first->packet_type = m->packet_type;
			first->hash.rss = m->hash.rss;
			first->vlan_tci = m->vlan_tci;
		}
	}
	rxq->bytes += first->pkt_len - rxq->crc_len;
	*out = first;
	return 1;
}

/* Consume the descriptor at rxq->next: -1 if not done yet, else 0/1 frames into *out. */
static inline int
igbx_vec_rx_step(struct igbx_rx_queue *rxq, int scatter, struct rte_mbuf **out)
{
	uint16_t idx = rxq->next;
	volatile union igbx_adv_rx_desc *d = &rxq->ring[idx];
	uint32_t st = d->wb.status_error;
	struct rte_mbuf *m;

	if (!(st & IGBX_RXD_STAT_DD))
		return -1;
	rte_io_rmb();	/* the rest of the write-back only after DD */
	m = rxq->sw_ring[idx];
	rxq->sw_ring[idx] = NULL;
	rxq->next = idx + 1 == rxq->nb_desc ? 0 : idx + 1;
	rxq->nb_hold++;
	igbx_vec_rx_fill_mbuf(rxq, m, st, d->wb.pkt_info, d->wb.rss_hash,
			      d->wb.length | (uint32_t)d->wb.vlan << 16);
	return igbx_vec_rx_finish(rxq, m, st, scatter, out);
}

/*
 * Whole groups of g descriptors a vector burst may decode from rxq->next:
 * within what the caller still wants, before the ring's end, and over slots
 * that hold mbufs. Every vector burst hands what is left (near those ends) to
 * igbx_vec_rx_step(), one descriptor at a time.
 */
static inline unsigned int
igbx_vec_rx_groups(const struct igbx_rx_queue *rxq, unsigned int want, unsigned int g)
{
	return RTE_MIN(RTE_MIN(want, (unsigned int)(rxq->nb_desc - rxq->next)),
		       (unsigned int)(rxq->nb_desc - rxq->nb_hold)) / g;
}

/*
 * Mark n descriptors from rxq->next consumed (their mbufs went to the caller);
 * a slot waiting for refill holds NULL so that a queue stop frees only posted
 * mbufs. A whole group of four clears its slots with two 16-byte stores.
 */
static inline void
igbx_vec_rx_consume(struct igbx_rx_queue *rxq, uint16_t n)
{
	uint16_t idx = rxq->next, i;

	if (n == 4) {
		_mm_storeu_si128((__m128i *)&rxq->sw_ring[idx], _mm_setzero_si128());
		_mm_storeu_si128((__m128i *)&rxq->sw_ring[idx + 2], _mm_setzero_si128());
	} else {
		for (i = 0; i < n; i++)
			rxq->sw_ring[idx + i] = NULL;
	}
	idx += n;
	rxq->next = idx == rxq->nb_desc ? 0 : idx;
	rxq->nb_hold += n;
}

/*
 * Give the consumed descriptors [rdt + 1, next) fresh mbufs (the range may
 * wrap: up to two runs) and move RDT once, like the scalar refill. A short
 * pool counts one failure and leaves the slots for the next burst.
 */
static inline void
igbx_vec_rx_refill(struct igbx_rx_queue *rxq)
{
	IGBX_RX_REFILL(rxq, igbx_rx_post_delta, igbx_rx_post_table, igbx_rx_post_run);
}

/* End of an RX burst: counters and refill. */
static inline void
igbx_vec_rx_end(struct igbx_rx_queue *rxq, uint16_t nb_rx)
{
	rxq->packets += nb_rx;
	if (rxq->nb_hold >= rxq->free_thresh)
		igbx_vec_rx_refill(rxq);
}

/* ---- TX: room (the scalar burst's reclaim), RS bookkeeping ------------------------- */

/*
 * Room for up to n one-descriptor packets: how many may be written now.
 * reclaim(txq, want) frees done groups until want descriptors are free
 * (igbx_vec_tx_reclaim, or an instruction set's own).
 */
#define IGBX_VEC_TX_ROOM(txq, n, ring_prefetch, reclaim) __extension__ ({	\
	if (ring_prefetch)							\
		igbx_ring_prefetch((txq)->ring, (txq)->nb_desc, (txq)->tail, (n), 1); \
	if ((txq)->rs_count != 0)						\
		rte_prefetch0(&(txq)->ring[(txq)->rs_fifo[(txq)->rs_head]]);	\
	if ((n) > (txq)->nb_free)						\
		reclaim((txq), RTE_MAX((n), (txq)->free_thresh));		\
	RTE_MIN((n), (txq)->nb_free);						\
})

static inline void
igbx_vec_tx_reclaim(struct igbx_tx_queue *txq, uint16_t want)
{
	igbx_tx_reclaim_burst(txq, want, 1);
}

/* After n descriptors were written from txq->tail: RS as the scalar path sets it, doorbell. */
static inline void
igbx_vec_tx_commit(struct igbx_tx_queue *txq, uint16_t n, uint64_t bytes)
{
	uint16_t tail = txq->tail;

	igbx_tx_rs_every(txq, tail, n);
	txq->tail = tail + n >= txq->nb_desc ? tail + n - txq->nb_desc : tail + n;
	txq->nb_free -= n;
	igbx_tx_ring_doorbell(txq, n, bytes);
}

/*
 * The TX burst of one instruction set: room, then run(txq, idx, pkts, n)
 * writes n descriptors from ring index idx without wrapping and returns their
 * bytes; a burst that wraps is two runs; ring_pf 0 when run prefetches the
 * descriptor lines it writes itself. A macro, not a function: run is
 * target-attributed, and so must be the function it is inlined into.
 */
#define IGBX_VEC_XMIT(queue, pkts, n, run, ring_pf, reclaim) __extension__ ({	\
	struct igbx_tx_queue *txq_ = (queue);					\
	uint16_t n_ = IGBX_VEC_TX_ROOM(txq_, (n), (ring_pf), reclaim), first_;	\
	uint16_t tail_ = txq_->tail;						\
										\
	if (n_ != 0) {								\
		uint64_t bytes_;						\
										\
		first_ = RTE_MIN(n_, (uint16_t)(txq_->nb_desc - tail_));	\
		bytes_ = run(txq_, tail_, (pkts), first_);			\
		if (first_ < n_)						\
			bytes_ += run(txq_, 0, (pkts) + first_, n_ - first_);	\
		igbx_vec_tx_commit(txq_, n_, bytes_);				\
		if (txq_->nb_free < txq_->free_thresh)	/* igbx_tx_burst_done() */ \
			reclaim(txq_, txq_->free_thresh);			\
	}									\
	n_;									\
})

#endif /* IGBX_RXTX_VEC_COMMON_H */
