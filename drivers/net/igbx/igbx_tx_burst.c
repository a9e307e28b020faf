/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_tx_burst.c - the scalar transmit burst: context descriptors for offloads, a short
 * path for one-segment packets without them, RS batching and reclaim (also behind
 * tx_done_cleanup). */
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

/* mbufs handed back to their pool per rte_mempool_put_bulk() */
#define IGBX_FREE_BATCH			64

/* Return mbufs to their pools, grouped so each run of one pool is one put. */
struct igbx_free_batch {
	void *objs[IGBX_FREE_BATCH];
	struct rte_mempool *pool;
	unsigned int n;
};

static inline void
igbx_batch_flush(struct igbx_free_batch *b)
{
	if (b->n != 0)
		rte_mempool_put_bulk(b->pool, b->objs, b->n);
	b->n = 0;
}

static inline void
igbx_batch_add(struct igbx_free_batch *b, struct rte_mbuf *m)
{
	if (b->n == IGBX_FREE_BATCH || (b->n != 0 && m->pool != b->pool))
		igbx_batch_flush(b);
	b->pool = m->pool;
	b->objs[b->n++] = m;
}

/*
 * MBUF_FAST_FREE promises one pool and refcnt 1; without MULTI_SEGS every
 * mbuf in the ring is also a whole one-segment packet (next NULL, nb_segs 1),
 * which is what the pool takes back as it is (rte_mbuf_raw_free contract).
 * With MULTI_SEGS a segment's next must be cleared first: the per-mbuf path.
 */
static inline int
igbx_tx_raw_free_ok(const struct igbx_tx_queue *txq)
{
	return txq->fast_free && !(txq->offloads & RTE_ETH_TX_OFFLOAD_MULTI_SEGS);
}

/* Free the descriptors [clean_next, last] mbuf by mbuf; returns how many packets ended there. */
static uint32_t
igbx_tx_free_range(struct igbx_tx_queue *txq, uint16_t last)
{
	struct igbx_free_batch b = { .n = 0 };
	uint16_t idx = txq->clean_next, count = 0;
	int raw = igbx_tx_raw_free_ok(txq);
	uint32_t packets = 0;

	for (;;) {
		struct rte_mbuf *m = txq->sw_ring[idx].mbuf;

		if (m != NULL) {
			txq->sw_ring[idx].mbuf = NULL;
			packets += m->next == NULL;
			m = raw ? m : rte_pktmbuf_prefree_seg(m);
			if (m != NULL)
				igbx_batch_add(&b, m);
		}
		count++;
		if (idx == last)
			break;
		idx = idx + 1 == txq->nb_desc ? 0 : idx + 1;
	}
	igbx_batch_flush(&b);
	txq->clean_next = last + 1 == txq->nb_desc ? 0 : last + 1;
	txq->nb_free += count;
	return packets;
}

/*
 * igbx_tx_raw_free_ok(): the slots [from, from + cnt) go back to the pool in
 * one put straight from sw_ring, without reading the mbufs (but one, for
 * the pool). Context descriptors leave NULL slots: unless the caller knows
 * every slot holds an mbuf (the SIMD bursts write no context descriptors),
 * those runs are compacted first. struct igbx_tx_entry is one pointer, so
 * the slots are a pointer array.
 */
static void
igbx_tx_put_run(struct igbx_tx_queue *txq, uint16_t from, uint16_t cnt, int full)
{
	void **slots = (void **)&txq->sw_ring[from];
	uint16_t i = cnt, k = cnt;

	RTE_BUILD_BUG_ON(sizeof(struct igbx_tx_entry) != sizeof(void *));
	/*
	 * Without a context descriptor in flight (txq->holes 0) every slot
	 * holds an mbuf: no scan (callgrind, run-bench.sh scalar: see the
	 * commit). Only the holes found here are taken off the count; the
	 * other reclaim (igbx_tx_free_range) leaves it high, which only costs
	 * scans.
	 */
	if (!full && txq->holes != 0) {
		/* the common run has no hole: look for one four slots at a time */
		for (i = 0; i + 4 <= cnt; i += 4)
			if (slots[i] == NULL || slots[i + 1] == NULL ||
			    slots[i + 2] == NULL || slots[i + 3] == NULL)
				break;
		for (k = i; i < cnt; i++) {
			slots[k] = slots[i];
			k += slots[i] != NULL;
		}
		txq->holes -= RTE_MIN(txq->holes, (uint16_t)(cnt - k));
	}
	if (k != 0)
		rte_mempool_put_bulk(((struct rte_mbuf *)slots[0])->pool, slots, k);
	/* the slots keep their stale pointers: igbx_tx_reset() frees only
	 * [clean_next, tail), and every burst writes each slot it uses */
}

/* igbx_tx_free_range() for igbx_tx_raw_free_ok() queues, without counting packets. */
static void
igbx_tx_put_range(struct igbx_tx_queue *txq, uint16_t last, int full)
{
	uint16_t from = txq->clean_next;
	uint16_t count = last >= from ? last - from + 1 : txq->nb_desc - from + last + 1;

	if (last >= from) {
		igbx_tx_put_run(txq, from, count, full);
	} else {
		igbx_tx_put_run(txq, from, txq->nb_desc - from, full);
		igbx_tx_put_run(txq, 0, last + 1, full);
	}
	txq->clean_next = last + 1 == txq->nb_desc ? 0 : last + 1;
	txq->nb_free += count;
}

/*
 * Reclaim RS groups whose DD came back, oldest first, until max_packets
 * packets (0: no limit) were freed or want descriptors are free; count 0
 * (a burst, which does not need the number) lets raw-free queues skip the
 * mbufs, and full says every slot holds one (igbx_tx_put_run). The burst frees only what it needs: reclaiming the whole ring at
 * once overflows the mempool cache into the pool's ring, and the next
 * refill would take the coldest mbufs from there.
 */
static inline uint32_t
igbx_tx_reclaim_groups(struct igbx_tx_queue *txq, uint32_t max_packets, uint16_t want,
		       int count, int full)
{
	int put = !count && igbx_tx_raw_free_ok(txq);
	uint32_t packets = 0;

	while (txq->rs_count != 0 && (max_packets == 0 || packets < max_packets) &&
	       txq->nb_free < want) {
		uint16_t rs = txq->rs_fifo[txq->rs_head];

		if (!(txq->ring[rs].data.olinfo_status & rte_cpu_to_le_32(IGBX_TXD_STAT_DD)))
			break;
		if (put)
			igbx_tx_put_range(txq, rs, full);
		else
			packets += igbx_tx_free_range(txq, rs);
		txq->rs_head = txq->rs_head + 1 == txq->nb_desc ? 0 : txq->rs_head + 1;
		txq->rs_count--;
	}
	return packets;
}

static uint32_t
igbx_tx_reclaim(struct igbx_tx_queue *txq, uint32_t max_packets, uint16_t want)
{
	return igbx_tx_reclaim_groups(txq, max_packets, want, 1, 0);
}

/*
 * The SIMD bursts' reclaim on a fast-free queue: every slot of a done group
 * holds a one-segment mbuf of one pool, so each group goes back in one put
 * (two when it wraps) with no compaction, no count and no second function.
 */
static void
igbx_tx_reclaim_full(struct igbx_tx_queue *txq, uint16_t want)
{
	void **slots = (void **)txq->sw_ring;

	while (txq->nb_free < want && txq->rs_count != 0) {
		uint16_t rs = txq->rs_fifo[txq->rs_head], from = txq->clean_next;
		uint16_t count = rs >= from ? rs - from + 1 : txq->nb_desc - from + rs + 1;
		struct rte_mempool *mp;

		if (!(txq->ring[rs].data.olinfo_status & rte_cpu_to_le_32(IGBX_TXD_STAT_DD)))
			break;
		mp = ((struct rte_mbuf *)slots[from])->pool;
		if (rs >= from) {
			rte_mempool_put_bulk(mp, &slots[from], count);
		} else {
			rte_mempool_put_bulk(mp, &slots[from], txq->nb_desc - from);
			rte_mempool_put_bulk(mp, slots, rs + 1);
		}
		txq->clean_next = rs + 1 == txq->nb_desc ? 0 : rs + 1;
		txq->nb_free += count;
		txq->rs_head = txq->rs_head + 1 == txq->nb_desc ? 0 : txq->rs_head + 1;
		txq->rs_count--;
	}
}

/* The bursts' reclaim (scalar and SIMD, igbx_tx_make_room): until want
 * descriptors are free, no count. */
void
igbx_tx_reclaim_burst(struct igbx_tx_queue *txq, uint16_t want, int full)
{
	if (full && igbx_tx_raw_free_ok(txq))
		igbx_tx_reclaim_full(txq, want);
	else
		igbx_tx_reclaim_groups(txq, 0, want, 0, full);
}

/* Context key: the offload flags and the lengths/tag that matter for them. */
static inline void
igbx_tx_ctx_key(const struct rte_mbuf *m, uint64_t ol, struct igbx_tx_ctx *key)
{
	unsigned int bits = RTE_MBUF_L2_LEN_BITS + RTE_MBUF_L3_LEN_BITS;

	if (ol & RTE_MBUF_F_TX_TCP_SEG)
		bits += RTE_MBUF_L4_LEN_BITS + RTE_MBUF_TSO_SEGSZ_BITS;
	key->flags = ol;
	key->lens = m->tx_offload & ((UINT64_C(1) << bits) - 1);
	if (ol & RTE_MBUF_F_TX_VLAN)
		key->lens |= (uint64_t)m->vlan_tci << 48;
}

static inline void
igbx_tx_write_ctx(volatile union igbx_adv_tx_desc *d, const struct rte_mbuf *m,
		  uint64_t ol, uint32_t slot)
{
	uint32_t tucmd = IGBX_TXD_DTYP_CTXT | IGBX_TXD_DCMD_DEXT;
	uint32_t mss_l4 = slot << IGBX_TXCTX_IDX_SHIFT;
	uint32_t vlan = (ol & RTE_MBUF_F_TX_VLAN) ? m->vlan_tci : 0;
	uint64_t l4 = ol & RTE_MBUF_F_TX_L4_MASK;

	if (ol & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM))
		tucmd |= IGBX_TXCTX_TUCMD_IPV4;
	if ((ol & RTE_MBUF_F_TX_TCP_SEG) || l4 == RTE_MBUF_F_TX_TCP_CKSUM)
		tucmd |= IGBX_TXCTX_TUCMD_L4T_TCP;
	else if (l4 == RTE_MBUF_F_TX_SCTP_CKSUM)
		tucmd |= IGBX_TXCTX_TUCMD_L4T_SCTP;
	if (ol & RTE_MBUF_F_TX_TCP_SEG)
		mss_l4 |= (uint32_t)m->l4_len << IGBX_TXCTX_L4LEN_SHIFT |
			  (uint32_t)m->tso_segsz << IGBX_TXCTX_MSS_SHIFT;
	d->ctx.vlan_macip_lens = rte_cpu_to_le_32(m->l3_len |
		(uint32_t)m->l2_len << IGBX_TXCTX_MACLEN_SHIFT | vlan << IGBX_TXCTX_VLAN_SHIFT);
	d->ctx.seqnum_seed = 0;
	d->ctx.type_tucmd_mlhl = rte_cpu_to_le_32(tucmd);
	d->ctx.mss_l4len_idx = rte_cpu_to_le_32(mss_l4);
}

/*
 * Pick the context slot for this packet: a cached one if it matches, else the
 * next slot round robin, which then needs a context descriptor (*write = 1).
 */
static inline uint32_t
igbx_tx_ctx_pick(struct igbx_tx_queue *txq, const struct igbx_tx_ctx *key, int *write)
{
	uint32_t slot;

	for (slot = 0; slot < IGBX_TX_CTX_SLOTS; slot++) {
		if (txq->ctx[slot].flags == key->flags && txq->ctx[slot].lens == key->lens) {
			*write = 0;
			return slot;
		}
	}
	slot = txq->ctx_next;
	txq->ctx_next = (txq->ctx_next + 1) % IGBX_TX_CTX_SLOTS;
	txq->ctx[slot] = *key;
	*write = 1;
	return slot;
}

/* cmd_type_len bits common to all data descriptors of a packet, and olinfo. */
static inline void
igbx_tx_data_bits(const struct rte_mbuf *m, uint64_t ol, uint32_t *cmd, uint32_t *olinfo)
{
	uint32_t paylen = m->pkt_len;

	*cmd = IGBX_TXD_DTYP_DATA | IGBX_TXD_DCMD_DEXT | IGBX_TXD_DCMD_IFCS;
	if (ol & RTE_MBUF_F_TX_VLAN)
		*cmd |= IGBX_TXD_DCMD_VLE;
	/* 7.9: the MAC latches SYSTIM into TXSTMPL/H as the frame leaves. */
	if (unlikely(m->ol_flags & RTE_MBUF_F_TX_IEEE1588_TMST))
		*cmd |= IGBX_TXD_MAC_TSTAMP;
	if (ol & RTE_MBUF_F_TX_TCP_SEG) {
		*cmd |= IGBX_TXD_DCMD_TSE;
		paylen -= m->l2_len + m->l3_len + m->l4_len;
	}
	*olinfo |= paylen << IGBX_TXD_PAYLEN_SHIFT;
	if (ol & RTE_MBUF_F_TX_IP_CKSUM)
		*olinfo |= IGBX_TXD_POPTS_IXSM;
	if (ol & (RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG))
		*olinfo |= IGBX_TXD_POPTS_TXSM;
}

/* Write one packet at txq->tail: optional context, then one data descriptor per segment. */
static inline void
igbx_tx_write_pkt(struct igbx_tx_queue *txq, struct rte_mbuf *m, uint64_t ol,
		  int ctx_write, uint32_t slot)
{
	volatile union igbx_adv_tx_desc *ring = txq->ring;
	uint16_t idx = txq->tail, used = m->nb_segs + ctx_write;
	uint32_t cmd, olinfo = ol ? IGBX_TXD_CC | slot << IGBX_TXD_IDX_SHIFT : 0;
	struct rte_mbuf *seg;

	if (ctx_write) {
		igbx_tx_write_ctx(&ring[idx], m, ol, slot);
		txq->sw_ring[idx].mbuf = NULL;
		txq->holes++;
		idx = idx + 1 == txq->nb_desc ? 0 : idx + 1;
	}
	igbx_tx_data_bits(m, ol, &cmd, &olinfo);
	for (seg = m; seg != NULL; seg = seg->next) {
		uint32_t c = cmd | seg->data_len;

		if (seg->next == NULL) {
			c |= IGBX_TXD_DCMD_EOP;
			txq->since_rs += used;
			if (txq->since_rs >= txq->rs_thresh) {
				c |= IGBX_TXD_DCMD_RS;
				igbx_tx_rs_fifo_push(txq, idx);
				txq->since_rs = 0;
			}
		}
		igbx_tx_desc_store(&ring[idx], rte_mbuf_data_iova(seg), c, olinfo);
		txq->sw_ring[idx].mbuf = seg;
		idx = idx + 1 == txq->nb_desc ? 0 : idx + 1;
	}
	txq->tail = idx;
	txq->nb_free -= used;
}

/*
 * A chain on a queue whose reclaim puts mbufs back raw (fast free without
 * MULTI_SEGS: the application should not send one there). Its segments
 * become single mbufs once written, as the pool wants them back (next NULL,
 * nb_segs 1); the RX bursts rely on that and do not clear next.
 */
static void
igbx_tx_unchain(struct rte_mbuf *m)
{
	struct rte_mbuf *next;

	for (; m != NULL; m = next) {
		next = m->next;
		m->next = NULL;
		m->nb_segs = 1;
	}
}

/*
 * One packet through the general path (context offloads, chains, time
 * stamps): 0 when the ring has no room for it even after a reclaim.
 */
static int
igbx_tx_one(struct igbx_tx_queue *txq, struct rte_mbuf *m, uint16_t left)
{
	uint64_t ol = m->ol_flags & IGBX_TX_OL_CTX;
	struct igbx_tx_ctx key;
	int ctx_write = 0;
	uint32_t slot = 0;

	if (ol) {
		igbx_tx_ctx_key(m, m->ol_flags & IGBX_TX_OL_CTX_KEY, &key);
		slot = igbx_tx_ctx_pick(txq, &key, &ctx_write);
	}
	if (m->nb_segs + ctx_write > txq->nb_free) {
		igbx_tx_reclaim_burst(txq, (uint16_t)RTE_MIN(txq->nb_desc,
			RTE_MAX(txq->free_thresh, left) + m->nb_segs + ctx_write), 0);
		if (m->nb_segs + ctx_write > txq->nb_free) {
			/* The context was not written: forget it. */
			if (ctx_write)
				txq->ctx[slot].flags = UINT64_MAX;
			return 0;
		}
	}
	igbx_tx_write_pkt(txq, m, ol, ctx_write, slot);
	if (unlikely(m->nb_segs > 1) && igbx_tx_raw_free_ok(txq))
		igbx_tx_unchain(m);
	return 1;
}

/* Offload requests that need more than igbx_tx_simple()'s descriptor. */
#define IGBX_TX_OL_NOT_SIMPLE	(IGBX_TX_OL_CTX | RTE_MBUF_F_TX_IEEE1588_TMST)

/*
 * igbx_tx_rs_every() out of line: inlined into igbx_tx_simple() it costs the
 * per-packet loop a register spilled to the stack (callgrind, run-bench.sh
 * scalar: 139.0 inlined -> 137.2 instructions per packet out of line).
 */
static __rte_noinline void
igbx_tx_rs_marks(struct igbx_tx_queue *txq, uint16_t first, uint16_t n)
{
	igbx_tx_rs_every(txq, first, n);
}

/*
 * The common case, decided per packet with one flags test and one segment
 * count: a one-segment packet without context offloads or time stamp gets
 * the single data descriptor igbx_tx_write_pkt() would write for it (RS by
 * the same count), without the general path's per-packet work. Writes
 * packets from pkts until another kind comes or the ring is full (the
 * general path then reclaims); returns how many, their bytes into *bytes.
 */
static inline uint16_t
igbx_tx_simple(struct igbx_tx_queue *txq, struct rte_mbuf **pkts, uint16_t n,
	       uint64_t *bytes)
{
	/* locals: the sw_ring stores could alias any pointer in txq */
	volatile union igbx_adv_tx_desc *ring = txq->ring;
	struct igbx_tx_entry *sw_ring = txq->sw_ring;
	unsigned int idx = txq->tail, first = idx, nb_desc = txq->nb_desc;
	unsigned int max = RTE_MIN(n, txq->nb_free), i;
	uint64_t sum = 0;

	for (i = 0; i < max; i++) {
		struct rte_mbuf *m = pkts[i];

		if (unlikely((m->ol_flags & IGBX_TX_OL_NOT_SIMPLE) || m->nb_segs != 1))
			break;
		igbx_tx_desc_store(&ring[idx], rte_mbuf_data_iova(m), IGBX_TX_CMD_PLAIN | m->data_len,
				   m->pkt_len << IGBX_TXD_PAYLEN_SHIFT);
		sw_ring[idx].mbuf = m;
		sum += m->pkt_len;
		idx = idx + 1 == nb_desc ? 0 : idx + 1;
	}
	igbx_tx_rs_marks(txq, first, i);
	txq->tail = idx;
	txq->nb_free -= i;
	*bytes += sum;
	return i;
}

uint16_t
igbx_xmit_pkts(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igbx_tx_queue *txq = queue;
	uint16_t nb_tx = 0;
	uint64_t bytes = 0;

	igbx_tx_make_room(txq, n, 0, 1);
	for (;;) {
		nb_tx += igbx_tx_simple(txq, pkts + nb_tx, n - nb_tx, &bytes);
		if (nb_tx == n || !igbx_tx_one(txq, pkts[nb_tx], n - nb_tx))
			break;
		bytes += pkts[nb_tx++]->pkt_len;
	}
	if (nb_tx == 0)
		return 0;
	igbx_tx_doorbell(txq, nb_tx, bytes, 0);
	return nb_tx;
}

int
igbx_tx_done_cleanup(void *queue, uint32_t free_cnt)
{
	/* ethdev passes the queue pointer unchecked in release builds */
	if (queue == NULL)
		return -ENODEV;
	return (int)igbx_tx_reclaim(queue, free_cnt, UINT16_MAX);
}
