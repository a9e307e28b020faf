/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_vec_avx2.c - AVX2 bursts: eight RX descriptors decoded per loop (two per 256-bit
 * register), TX descriptors built and stored two per 256-bit register. */
#include <immintrin.h>

#include <rte_common.h>

#include "igbx_rxtx_vec_common.h"

#define IGBX_AVX2_TARGET __attribute__((target("avx2")))
#define IGBX_AVX2_GROUP	8
/* descriptor groups the RX decode prefetches ahead */
#define IGBX_AVX2_PF_GROUPS	4

struct igbx_avx2_kt;

struct igbx_avx2_rx_consts {
	__m256i rearm;		/* mbuf_rearm in bits 63:0 of each 128-bit lane */
	__m256i vlan_ol;
	__m256i rss_ol;
	const struct igbx_avx2_kt *k;	/* igbx_avx2_k, seen through an opaque pointer */
};

/*
 * The decode's constants, in memory: the instructions take them as memory
 * operands. Built in registers instead (set1 and table broadcasts), they
 * cost three instructions each per group and push the working values out
 * to the stack.
 */
union igbx_avx2_k {
	__m256i v;
	uint32_t d[8];
	uint8_t b[32];
};

#define IGBX_K8(x)	{ .d = { x, x, x, x, x, x, x, x } }
#define IGBX_K2(t)	{ .b = { t(0), t(1), t(2), t(3), t(4), t(5), t(6), t(7), t(8), t(9), \
	t(10), t(11), t(12), t(13), t(14), t(15), t(0), t(1), t(2), t(3), t(4), t(5), t(6), \
	t(7), t(8), t(9), t(10), t(11), t(12), t(13), t(14), t(15) } }
/* mbuf field order of a descriptor lane: packet_type (filled in later),
 * pkt_len = data_len = length, vlan_tci, hash.rss */
#define IGBX_K_FIELDS(i) ((i) < 4 ? 0xFF : (i) < 6 ? 12 + (i) - 4 : (i) < 8 ? 0xFF : \
			  (i) < 10 ? 12 + (i) - 8 : (i) < 12 ? 14 + (i) - 10 : 4 + (i) - 12)

static const struct igbx_avx2_kt {
	union igbx_avx2_k one, two, twelve, nibble, three_bits, low16;
	union igbx_avx2_k vp, rsstype, etqf, l2_ether;
	union igbx_avx2_k csum, l3, l4, to_fields;
	union igbx_avx2_k in_order;	/* after the 32-bit unpacks: 0 2 4 6 1 3 5 7 */
	union igbx_avx2_k lane;		/* descriptor of each dword in that order */
} igbx_avx2_k __rte_aligned(32) = {
	.one = IGBX_K8(1), .two = IGBX_K8(2), .twelve = IGBX_K8(0xC),
	.nibble = IGBX_K8(0xF), .three_bits = IGBX_K8(7), .low16 = IGBX_K8(0xFFFF),
	.vp = IGBX_K8(IGBX_RXD_STAT_VP), .rsstype = IGBX_K8(IGBX_RXD_RSSTYPE_MASK),
	.etqf = IGBX_K8(IGBX_RXD_PKTTYPE_ETQF), .l2_ether = IGBX_K8(RTE_PTYPE_L2_ETHER),
	.csum = IGBX_K2(IGBX_VEC_CSUM), .l3 = IGBX_K2(IGBX_VEC_L3), .l4 = IGBX_K2(IGBX_VEC_L4),
	.to_fields = IGBX_K2(IGBX_K_FIELDS),
	.in_order = { .d = { 0, 4, 1, 5, 2, 6, 3, 7 } },
	.lane = { .d = { 0, 2, 4, 6, 1, 3, 5, 7 } },
};

/*
 * IGBX_AVX2_HIDE_TABLE: the decode reaches igbx_avx2_k through a pointer the
 * compiler cannot see through (an empty asm that "changes" it), so every
 * constant stays a memory operand. Seen through, GCC folds the known values
 * back into immediates and broadcasts, and the working values spill to the
 * stack: callgrind (run-bench.sh, avx2) 69.1 instructions per packet with the
 * asm, 72.2 with IGBX_AVX2_HIDE_TABLE(p) defined as nothing.
 */
#define IGBX_AVX2_HIDE_TABLE(p)	__asm__("" : "+r" (p))
#define IGBX_K(name)	(c->k->name.v)

struct igbx_avx2_group {
	unsigned int done;	/* leading descriptors with DD */
	unsigned int plain;	/* bit i: EOP without RXE */
	unsigned int good;	/* bit i: DD and EOP without RXE */
	__m256i status;		/* status_error, descriptor i in 32-bit lane i */
	__m256i lengths;	/* in the unpacks' order, as igbx_avx2_k.lane */
};

/* ol_flags of eight descriptors, lane by lane (any order); mirrors igbx_vec_csum_index(). */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_ol_flags(__m256i st, __m256i pi, __m256i pt, const struct igbx_avx2_rx_consts *c)
{
	__m256i l4chk = _mm256_or_si256(st, _mm256_srli_epi32(st, 1));
	__m256i idx, csum, vlan, rss;

	idx = _mm256_or_si256(
		_mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(_mm256_or_si256(st, pt), 6),
						 IGBX_K(one)),
				_mm256_and_si256(_mm256_srli_epi32(l4chk, 3), IGBX_K(two))),
		_mm256_and_si256(_mm256_srli_epi32(st, 27), IGBX_K(twelve)));
	csum = _mm256_slli_epi32(_mm256_shuffle_epi8(IGBX_K(csum), idx), IGBX_VEC_CSUM_SHIFT);
	vlan = _mm256_and_si256(_mm256_cmpeq_epi32(_mm256_and_si256(st, IGBX_K(vp)), IGBX_K(vp)),
				c->vlan_ol);
	rss = _mm256_andnot_si256(_mm256_cmpeq_epi32(_mm256_and_si256(pi, IGBX_K(rsstype)),
						     _mm256_setzero_si256()), c->rss_ol);
	return _mm256_or_si256(csum, _mm256_or_si256(vlan, rss));
}

static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_ptypes(__m256i pi, const struct igbx_avx2_rx_consts *c)
{
	__m256i l3, l4, pt, is_etqf;

	l3 = _mm256_shuffle_epi8(IGBX_K(l3), _mm256_and_si256(
		_mm256_srli_epi32(pi, IGBX_RXD_PKTTYPE_L3_SHIFT), IGBX_K(nibble)));
	l4 = _mm256_shuffle_epi8(IGBX_K(l4), _mm256_and_si256(
		_mm256_srli_epi32(pi, IGBX_RXD_PKTTYPE_L4_SHIFT), IGBX_K(three_bits)));
	l4 = _mm256_andnot_si256(_mm256_cmpeq_epi32(l3, _mm256_setzero_si256()), l4);
	pt = _mm256_or_si256(l3, _mm256_slli_epi32(l4, 8));
	is_etqf = _mm256_cmpeq_epi32(_mm256_and_si256(pi, IGBX_K(etqf)), IGBX_K(etqf));
	return _mm256_or_si256(_mm256_andnot_si256(is_etqf, pt), IGBX_K(l2_ether));
}

/*
 * Store mbufs 2k and 2k+1 from the descriptor pair p (2k low lane); pt2 holds
 * their packet types in dwords 0 and 4, ol2 their ol_flags in dwords 2 and 6.
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_store_pair(struct rte_mbuf *ma, struct rte_mbuf *mb, __m256i p,
		     __m256i ol2, __m256i pt2, const struct igbx_avx2_rx_consts *c)
{
	__m256i fields = _mm256_blend_epi32(_mm256_shuffle_epi8(p, IGBX_K(to_fields)), pt2, 0x11);
	/* dwords 3 and 7 come from rearm, where they are 0: ol_flags bits 63:32 */
	__m256i rearm_ol = _mm256_blend_epi32(c->rearm, ol2, 0x44);

	_mm_storeu_si128((__m128i *)&ma->rearm_data, _mm256_castsi256_si128(rearm_ol));
	_mm_storeu_si128((__m128i *)&mb->rearm_data, _mm256_extracti128_si256(rearm_ol, 1));
	_mm_storeu_si128((__m128i *)&ma->rx_descriptor_fields1, _mm256_castsi256_si128(fields));
	_mm_storeu_si128((__m128i *)&mb->rx_descriptor_fields1, _mm256_extracti128_si256(fields, 1));
}

/*
 * Descriptors i and i+1 in one register, each read with one 16-byte load,
 * i+1 first: broadcast into both lanes, then i loaded over the low lane (two
 * instructions; two loads and an insert of registers were three).
 */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_load_pair(volatile union igbx_adv_rx_desc *rd, unsigned int i)
{
	__m256i hi = _mm256_broadcastsi128_si256(
		_mm_load_si128((const __m128i *)(uintptr_t)&rd[i + 1]));

	rte_compiler_barrier();
	return _mm256_inserti128_si256(hi,
		_mm_load_si128((const __m128i *)(uintptr_t)&rd[i]), 0);
}

/*
 * Decode eight descriptors into mb[0..7], loaded last to first so that a DD
 * seen late in the group implies the earlier write-backs are complete.
 * The unpacks leave the descriptors' dwords in the order 0 2 4 6 | 1 3 5 7:
 * only the status the masks read is put in order. The packet types and
 * ol_flags stay so, and pair k's (descriptors 2k and 2k+1, dword k of each
 * half) reach the dwords the mbuf stores take with one byte shift per lane:
 * one per pair permute and its index load fewer.
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_decode(volatile union igbx_adv_rx_desc *rd, struct rte_mbuf **mb,
		 const struct igbx_avx2_rx_consts *c, struct igbx_avx2_group *g)
{
	__m256i p0, p1, p2, p3, h01, h23, l01, l23, st, st_raw, pi, ol, pt;
	struct rte_mbuf *m0, *m1, *m2, *m3, *m4, *m5, *m6, *m7;
	unsigned int dd;

	p3 = igbx_avx2_load_pair(rd, 6);
	rte_compiler_barrier();
	p2 = igbx_avx2_load_pair(rd, 4);
	rte_compiler_barrier();
	p1 = igbx_avx2_load_pair(rd, 2);
	rte_compiler_barrier();
	p0 = igbx_avx2_load_pair(rd, 0);

	h01 = _mm256_unpackhi_epi32(p0, p1);	/* st0 st2 lv0 lv2 | st1 st3 lv1 lv3 */
	h23 = _mm256_unpackhi_epi32(p2, p3);
	l01 = _mm256_unpacklo_epi32(p0, p1);	/* info / hash, same pattern */
	l23 = _mm256_unpacklo_epi32(p2, p3);
	st_raw = _mm256_unpacklo_epi64(h01, h23);
	st = _mm256_permutevar8x32_epi32(st_raw, IGBX_K(in_order));
	pi = _mm256_and_si256(_mm256_unpacklo_epi64(l01, l23), IGBX_K(low16));
	g->lengths = _mm256_and_si256(_mm256_unpackhi_epi64(h01, h23), IGBX_K(low16));
	g->status = st;

	dd = (unsigned int)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(st, 31)));
	g->done = (unsigned int)__builtin_ctz(~dd);
	g->plain = (unsigned int)_mm256_movemask_ps(_mm256_castsi256_ps(
		_mm256_andnot_si256(st, _mm256_slli_epi32(st, 30))));
	g->good = dd & g->plain;

	pt = igbx_avx2_ptypes(pi, c);
	ol = igbx_avx2_ol_flags(st_raw, pi, pt, c);
	/* the stores could alias sw_ring for all the compiler knows: read it first */
	m0 = mb[0], m1 = mb[1], m2 = mb[2], m3 = mb[3];
	m4 = mb[4], m5 = mb[5], m6 = mb[6], m7 = mb[7];
	igbx_avx2_store_pair(m0, m1, p0, _mm256_bslli_epi128(ol, 8), pt, c);
	igbx_avx2_store_pair(m2, m3, p1, _mm256_bslli_epi128(ol, 4), _mm256_bsrli_epi128(pt, 4), c);
	igbx_avx2_store_pair(m4, m5, p2, ol, _mm256_bsrli_epi128(pt, 8), c);
	igbx_avx2_store_pair(m6, m7, p3, _mm256_bsrli_epi128(ol, 4), _mm256_bsrli_epi128(pt, 12), c);
}

/* As igbx_sse_hand_out(), for a group of eight. */
static inline IGBX_AVX2_TARGET uint16_t
igbx_avx2_hand_out(struct igbx_rx_queue *rxq, struct rte_mbuf **mb,
		   const struct igbx_avx2_group *g, int scatter, struct rte_mbuf **pkts,
		   __m256i *bytes, uint16_t *straight, const struct igbx_avx2_rx_consts *c)
{
	unsigned int want = (1u << g->done) - 1, i;
	uint32_t st[IGBX_AVX2_GROUP];
	uint16_t out = 0;

	if (likely((g->plain & want) == want && !rxq->discard && rxq->seg_first == NULL)) {
		__m256i keep = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)g->done), IGBX_K(lane));

		_mm256_storeu_si256((__m256i *)pkts, _mm256_loadu_si256((const __m256i *)mb));
		_mm256_storeu_si256((__m256i *)(pkts + 4),
				    _mm256_loadu_si256((const __m256i *)(mb + 4)));
		*bytes = _mm256_add_epi32(*bytes, _mm256_and_si256(g->lengths, keep));
		*straight += g->done;
		return g->done;
	}
	_mm256_storeu_si256((__m256i *)st, g->status);
	for (i = 0; i < g->done; i++)
		out += igbx_vec_rx_finish(rxq, mb[i], st[i], scatter, &pkts[out]);
	return out;
}

/*
 * As igbx_rx_post_run(), two descriptors per 32-byte store: per four
 * buffers four loads of buf_iova, two inserts, two adds and two stores
 * (callgrind, run-bench.sh avx2: 53.0 -> 52.5 instructions per packet).
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_rx_post_run(volatile union igbx_adv_rx_desc *ring, struct rte_mbuf **ms, uint16_t n)
{
	const __m256i hr = _mm256_set_epi64x(0, RTE_PKTMBUF_HEADROOM, 0, RTE_PKTMBUF_HEADROOM);
	size_t i;

	for (i = 0; i + 4 <= n; i += 4) {
		__m256i a = _mm256_inserti128_si256(_mm256_castsi128_si256(
			_mm_loadl_epi64((const __m128i *)&ms[i]->buf_iova)),
			_mm_loadl_epi64((const __m128i *)&ms[i + 1]->buf_iova), 1);
		__m256i b = _mm256_inserti128_si256(_mm256_castsi128_si256(
			_mm_loadl_epi64((const __m128i *)&ms[i + 2]->buf_iova)),
			_mm_loadl_epi64((const __m128i *)&ms[i + 3]->buf_iova), 1);

		_mm256_storeu_si256((__m256i *)(uintptr_t)&ring[i], _mm256_add_epi64(a, hr));
		_mm256_storeu_si256((__m256i *)(uintptr_t)&ring[i + 2], _mm256_add_epi64(b, hr));
	}
	igbx_rx_post_run(&ring[i], &ms[i], (uint16_t)(n - i));
}

/* Four read descriptors at ring for the buffer addresses in a (two per store). */
static inline IGBX_AVX2_TARGET void
igbx_avx2_rx_store4(volatile union igbx_adv_rx_desc *ring, __m256i a)
{
	a = _mm256_permute4x64_epi64(a, 0xD8);	/* 0 2 1 3: two per lane */
	_mm256_storeu_si256((__m256i *)(uintptr_t)&ring[0],
			    _mm256_unpacklo_epi64(a, _mm256_setzero_si256()));
	_mm256_storeu_si256((__m256i *)(uintptr_t)&ring[2],
			    _mm256_unpackhi_epi64(a, _mm256_setzero_si256()));
}

/*
 * As igbx_avx2_rx_post_run() with igbx_rx_iova.c's table: the addresses come
 * from the mbuf pointers alone, four per gather, and the refill touches no
 * mbuf. The mbuf posted was last touched a ring's worth of packets ago and
 * is out of the L1 cache: the read of buf_iova was a miss per buffer, and
 * the decode that writes the mbuf when the buffer comes back takes another
 * (run-bench.sh, igbx-bench --split: the refill went from about 8 to 4
 * cycles per packet; avx2 48.8 -> 47.8 instructions per packet).
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_rx_post_table(volatile union igbx_adv_rx_desc *ring, struct rte_mbuf **ms,
			uint16_t n, uintptr_t tbl)
{
	const long long *t = (const long long *)tbl;
	size_t i;

	for (i = 0; i + 4 <= n; i += 4) {
		__m256i p = _mm256_loadu_si256((const __m256i *)&ms[i]);

		igbx_avx2_rx_store4(&ring[i], _mm256_add_epi64(p, _mm256_i64gather_epi64(t,
					_mm256_srli_epi64(p, IGBX_RX_IOVA_SHIFT), 8)));
	}
	igbx_rx_post_table(&ring[i], &ms[i], (uint16_t)(n - i), tbl);
}

/*
 * The pool's one offset: four addresses per add and no gather, which was
 * most of what the table's refill still cost (igbx-bench --split, the same
 * IOVA-contiguous pool posted from the table and at its offset, medians of
 * 4 rounds: RX 19.7 -> 14.7 cycles per packet in sync, 19.4 -> 15.0 in dma).
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_rx_post_delta(volatile union igbx_adv_rx_desc *ring, struct rte_mbuf **ms,
			uint16_t n, int64_t delta)
{
	const __m256i d = _mm256_set1_epi64x(delta);
	size_t i;

	for (i = 0; i + 4 <= n; i += 4)
		igbx_avx2_rx_store4(&ring[i], _mm256_add_epi64(
			_mm256_loadu_si256((const __m256i *)&ms[i]), d));
	igbx_rx_post_delta(&ring[i], &ms[i], (uint16_t)(n - i), delta);
}

/* igbx_vec_rx_end() with the posts above. */
static inline IGBX_AVX2_TARGET void
igbx_avx2_rx_end(struct igbx_rx_queue *rxq, uint16_t nb_rx)
{
	rxq->packets += nb_rx;
	if (rxq->nb_hold >= rxq->free_thresh)
		IGBX_RX_REFILL(rxq, igbx_avx2_rx_post_delta, igbx_avx2_rx_post_table,
			       igbx_avx2_rx_post_run);
}

/* The two descriptor lines of the group at rd + from. */
static inline void
igbx_avx2_ring_prefetch(const volatile union igbx_adv_rx_desc *rd, unsigned int from)
{
	rte_prefetch0((const void *)(uintptr_t)&rd[from]);
	rte_prefetch0((const void *)(uintptr_t)&rd[from + IGBX_DESC_PER_LINE]);
}

static inline IGBX_AVX2_TARGET uint16_t
igbx_avx2_recv(struct igbx_rx_queue *rxq, struct rte_mbuf **pkts, uint16_t n, int scatter)
{
	struct igbx_avx2_rx_consts c;
	__m256i bytes = _mm256_setzero_si256();
	uint32_t lens[IGBX_AVX2_GROUP];
	uint16_t nb_rx = 0, fast = 0;
	unsigned int i;
	uint64_t sum = 0;

	IGBX_VEC_CHECK_MBUF_LAYOUT();
	c.rearm = _mm256_set_epi64x(0, (int64_t)rxq->mbuf_rearm, 0, (int64_t)rxq->mbuf_rearm);
	c.vlan_ol = _mm256_set1_epi32((int)igbx_vec_vlan_ol(rxq));
	c.rss_ol = _mm256_set1_epi32((int)igbx_vec_rss_ol(rxq));
	c.k = &igbx_avx2_k;
	IGBX_AVX2_HIDE_TABLE(c.k);
	/*
	 * The descriptor lines of the first IGBX_AVX2_PF_GROUPS groups (a
	 * burst of 32) now, each later group's in the loop as many groups
	 * ahead: two prefetches per group, where one call for the burst's run
	 * cost a loop and its set-up (callgrind, run-bench.sh avx2: 61.1 ->
	 * 57.8 instructions per packet, with the TX side). Four groups, not
	 * two: in the dma mode every write-back line is a miss, and the
	 * decode of two groups is shorter than one miss; the four extra
	 * prefetches per burst cost 0.1 instructions per packet, and the dma
	 * cycles went from 0.45-0.46x stock to 0.41x (two alternating A/B
	 * runs of 5 rounds each). Past the ring's end they fall on other
	 * memory, which a prefetch does not fault on.
	 */
	for (i = 0; i < IGBX_AVX2_PF_GROUPS; i++)
		igbx_avx2_ring_prefetch(&rxq->ring[rxq->next], i * IGBX_AVX2_GROUP);
	while (nb_rx < n) {
		uint16_t idx = rxq->next, nb_desc = rxq->nb_desc;
		/* the groups that fit are counted first, so that the loop over
		 * them keeps its state in registers */
		unsigned int groups = igbx_vec_rx_groups(rxq, n - nb_rx, IGBX_AVX2_GROUP);
		struct rte_mbuf **mb = &rxq->sw_ring[idx];
		volatile union igbx_adv_rx_desc *rd = &rxq->ring[idx];
		unsigned int k, whole = 0, part = 0;
		struct igbx_avx2_group g;
		/* frame state: changes only in igbx_avx2_hand_out() */
		int plain_ok = !rxq->discard && rxq->seg_first == NULL;

		if (groups == 0) {
			int r = igbx_vec_rx_step(rxq, scatter, &pkts[nb_rx]);

			if (r < 0)
				break;
			nb_rx += r;
			continue;
		}
		for (k = 0; k < groups; k++, mb += IGBX_AVX2_GROUP, rd += IGBX_AVX2_GROUP) {
			/* the next group's mbufs (NULL past the end: IGBX_RX_SW_PAD) */
			rte_prefetch0(mb[IGBX_AVX2_GROUP]);
			rte_prefetch0(mb[IGBX_AVX2_GROUP + 4]);
			igbx_avx2_ring_prefetch(rd, IGBX_AVX2_PF_GROUPS * IGBX_AVX2_GROUP);
			igbx_avx2_decode(rd, mb, &c, &g);
			/*
			 * The common group: all eight done, each a whole frame
			 * without error, on a queue not inside a frame. Handed
			 * out here with no per-descriptor count or mask (what
			 * igbx_avx2_hand_out() needs for a part of a group):
			 * callgrind, run-bench.sh avx2: 55.7 -> 53.6 a packet.
			 */
			if (likely(g.good == 0xFF && plain_ok)) {
				_mm256_storeu_si256((__m256i *)&pkts[nb_rx],
						    _mm256_loadu_si256((const __m256i *)mb));
				_mm256_storeu_si256((__m256i *)&pkts[nb_rx + 4],
						    _mm256_loadu_si256((const __m256i *)(mb + 4)));
				bytes = _mm256_add_epi32(bytes, g.lengths);
				nb_rx += IGBX_AVX2_GROUP;
				fast += IGBX_AVX2_GROUP;
				_mm256_storeu_si256((__m256i *)mb, _mm256_setzero_si256());
				_mm256_storeu_si256((__m256i *)(mb + 4), _mm256_setzero_si256());
				whole++;
				continue;
			}
			if (g.done == 0)
				break;
			nb_rx += igbx_avx2_hand_out(rxq, mb, &g, scatter, &pkts[nb_rx], &bytes,
						    &fast, &c);
			if (g.done < IGBX_AVX2_GROUP) {
				part = g.done;
				break;
			}
			/* the whole group: clear its eight slots in one store, move on */
			_mm256_storeu_si256((__m256i *)mb, _mm256_setzero_si256());
			_mm256_storeu_si256((__m256i *)(mb + 4), _mm256_setzero_si256());
			whole++;
			plain_ok = !rxq->discard && rxq->seg_first == NULL;
		}
		idx += whole * IGBX_AVX2_GROUP;
		rxq->next = idx == nb_desc ? 0 : idx;
		rxq->nb_hold += whole * IGBX_AVX2_GROUP;
		if (part != 0)
			igbx_vec_rx_consume(rxq, part);
		if (k < groups)		/* a group was not all done: nothing more to take */
			break;
	}
	_mm256_storeu_si256((__m256i *)lens, bytes);
	for (i = 0; i < IGBX_AVX2_GROUP; i++)
		sum += lens[i];
	rxq->bytes += sum - (uint64_t)fast * rxq->crc_len;
	igbx_avx2_rx_end(rxq, nb_rx);
	return nb_rx;
}

uint16_t IGBX_AVX2_TARGET
igbx_recv_pkts_vec_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{
	return igbx_avx2_recv(rxq, pkts, n, 0);
}

uint16_t IGBX_AVX2_TARGET
igbx_recv_scattered_pkts_vec_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{
	return igbx_avx2_recv(rxq, pkts, n, 1);
}

/* ---- TX ------------------------------------------------------------------------------- */

/*
 * Data descriptors of two one-segment mbufs without offloads (m0 low lane).
 * Address = buf_iova + data_off; DTALEN = data_len; PAYLEN = pkt_len, shifted
 * per lane with vpsllvd. data_off is read with the 16 bytes the RX burst
 * stored at rearm_data: a load that straddled that store would not be
 * forwarded from it and would wait for the store to reach the cache.
 */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_tx_desc2(const struct rte_mbuf *m0, const struct rte_mbuf *m1)
{
	const __m256i data_off = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		0, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1));
	const __m256i lens = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		-1, -1, -1, -1, -1, -1, -1, -1, 8, 9, -1, -1, 4, 5, 6, 7));
	const __m256i cmd = _mm256_setr_epi32(0, 0, (int)IGBX_TX_CMD_PLAIN, 0,
					      0, 0, (int)IGBX_TX_CMD_PLAIN, 0);
	const __m256i shift = _mm256_setr_epi32(0, 0, 0, IGBX_TXD_PAYLEN_SHIFT,
						0, 0, 0, IGBX_TXD_PAYLEN_SHIFT);
	__m256i a = _mm256_inserti128_si256(_mm256_castsi128_si256(
		_mm_loadl_epi64((const __m128i *)&m0->buf_iova)),
		_mm_loadl_epi64((const __m128i *)&m1->buf_iova), 1);
	__m256i r = _mm256_inserti128_si256(_mm256_castsi128_si256(
		_mm_loadu_si128((const __m128i *)&m0->rearm_data)),
		_mm_loadu_si128((const __m128i *)&m1->rearm_data), 1);
	__m256i f = _mm256_inserti128_si256(_mm256_castsi128_si256(
		_mm_loadu_si128((const __m128i *)&m0->rx_descriptor_fields1)),
		_mm_loadu_si128((const __m128i *)&m1->rx_descriptor_fields1), 1);
	__m256i addr = _mm256_add_epi64(a, _mm256_shuffle_epi8(r, data_off));
	__m256i hi = _mm256_or_si256(_mm256_sllv_epi32(_mm256_shuffle_epi8(f, lens), shift), cmd);

	return _mm256_blend_epi32(addr, hi, 0xCC);
}

/* n descriptors from ring index idx, no wrap; returns the sum of their lengths. */
static inline IGBX_AVX2_TARGET uint64_t
igbx_avx2_tx_run(struct igbx_tx_queue *txq, uint16_t idx, struct rte_mbuf **pkts, uint16_t n)
{
	volatile union igbx_adv_tx_desc *ring = &txq->ring[idx];
	struct igbx_tx_entry *sw = &txq->sw_ring[idx];
	__m256i sum = _mm256_setzero_si256(), d;
	uint32_t lanes[8];
	size_t i = 0;	/* not 16-bit: see igbx_rx_post_run() */

	/* the lines each group writes, one group ahead (see igbx_avx2_recv) */
	rte_prefetch0_write((const void *)(uintptr_t)&ring[0]);
	rte_prefetch0_write((const void *)(uintptr_t)&ring[IGBX_DESC_PER_LINE]);
	for (; i + IGBX_AVX2_GROUP <= n; i += IGBX_AVX2_GROUP) {
		unsigned int k;

		rte_prefetch0_write((const void *)(uintptr_t)&ring[i + IGBX_AVX2_GROUP]);
		rte_prefetch0_write((const void *)(uintptr_t)
				    &ring[i + IGBX_AVX2_GROUP + IGBX_DESC_PER_LINE]);

		/* unrolled: the inner loop's own cost was 4 of 23 instructions a pair */
#pragma GCC unroll 4
		for (k = 0; k < IGBX_AVX2_GROUP; k += 2) {
			d = igbx_avx2_tx_desc2(pkts[i + k], pkts[i + k + 1]);
			sum = _mm256_add_epi32(sum, d);
			_mm256_storeu_si256((__m256i *)(uintptr_t)&ring[i + k], d);
		}
		_mm256_storeu_si256((__m256i *)&sw[i],
				    _mm256_loadu_si256((const __m256i *)&pkts[i]));
		_mm256_storeu_si256((__m256i *)&sw[i + 4],
				    _mm256_loadu_si256((const __m256i *)&pkts[i + 4]));
	}
	for (; i + 2 <= n; i += 2) {
		d = igbx_avx2_tx_desc2(pkts[i], pkts[i + 1]);
		sum = _mm256_add_epi32(sum, d);
		_mm256_storeu_si256((__m256i *)(uintptr_t)&ring[i], d);
		sw[i].mbuf = pkts[i];
		sw[i + 1].mbuf = pkts[i + 1];
	}
	if (i < n) {
		/* the odd one: build it as a pair with itself, store the low lane */
		d = igbx_avx2_tx_desc2(pkts[i], pkts[i]);
		sum = _mm256_add_epi32(sum, _mm256_blend_epi32(d, _mm256_setzero_si256(), 0xF0));
		_mm_storeu_si128((__m128i *)(uintptr_t)&ring[i], _mm256_castsi256_si128(d));
		sw[i].mbuf = pkts[i];
	}
	/* Lanes 2 and 6 summed cmd_type_len: n commands plus the lengths. */
	_mm256_storeu_si256((__m256i *)lanes, sum);
	return (uint32_t)(lanes[2] + lanes[6] - (uint32_t)n * IGBX_TX_CMD_PLAIN);
}

/*
 * n mbufs of one pool back to it: straight into this lcore's mempool cache
 * with 32-byte copies when they fit under its flush threshold (what
 * rte_mempool_put_bulk() then does with rte_memcpy), else through
 * rte_mempool_put_bulk().
 */
static __rte_always_inline IGBX_AVX2_TARGET void
igbx_avx2_mbufs_put(void **objs, unsigned int n)
{
	struct rte_mempool *mp = ((struct rte_mbuf *)objs[0])->pool;
	struct rte_mempool_cache *cache = rte_mempool_default_cache(mp, rte_lcore_id());
	unsigned int i;
	void **to;

	if (unlikely(cache == NULL || cache->len + n > cache->flushthresh)) {
		rte_mempool_put_bulk(mp, objs, n);
		return;
	}
	to = &cache->objs[cache->len];
	cache->len += n;
	for (i = n; i >= 8; i -= 8, to += 8, objs += 8) {
		_mm256_storeu_si256((__m256i *)to, _mm256_loadu_si256((const __m256i *)objs));
		_mm256_storeu_si256((__m256i *)(to + 4),
				    _mm256_loadu_si256((const __m256i *)(objs + 4)));
	}
	while (i-- != 0)
		*to++ = *objs++;
}

/*
 * The AVX2 burst's reclaim on a fast-free queue without MULTI_SEGS (every
 * slot of a done group holds a one-segment mbuf of the one pool, as in
 * igbx_tx_reclaim_full()), inline, with the queue's indices in locals and
 * the mbufs put as above; any other queue takes the shared reclaim.
 * callgrind, run-bench.sh avx2: 53.6 -> 53.0 instructions per packet.
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_tx_reclaim(struct igbx_tx_queue *txq, uint16_t want)
{
	void **slots = (void **)txq->sw_ring;
	unsigned int nb_desc = txq->nb_desc, from = txq->clean_next, head = txq->rs_head;
	unsigned int left = txq->rs_count, nb_free = txq->nb_free;

	if (unlikely(!txq->fast_free || (txq->offloads & RTE_ETH_TX_OFFLOAD_MULTI_SEGS))) {
		igbx_vec_tx_reclaim(txq, want);
		return;
	}
	while (nb_free < want && left != 0) {
		unsigned int rs = txq->rs_fifo[head];

		if (!(txq->ring[rs].data.olinfo_status & rte_cpu_to_le_32(IGBX_TXD_STAT_DD)))
			break;
		if (rs >= from) {
			igbx_avx2_mbufs_put(&slots[from], rs - from + 1);
			nb_free += rs - from + 1;
		} else {
			igbx_avx2_mbufs_put(&slots[from], nb_desc - from);
			igbx_avx2_mbufs_put(slots, rs + 1);
			nb_free += nb_desc - from + rs + 1;
		}
		from = rs + 1 == nb_desc ? 0 : rs + 1;
		head = head + 1 == nb_desc ? 0 : head + 1;
		left--;
	}
	txq->clean_next = from;
	txq->rs_head = head;
	txq->rs_count = left;
	txq->nb_free = nb_free;
}

uint16_t IGBX_AVX2_TARGET
igbx_xmit_pkts_vec_avx2(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	return IGBX_VEC_XMIT(queue, pkts, n, igbx_avx2_tx_run, 0, igbx_avx2_tx_reclaim);
}
