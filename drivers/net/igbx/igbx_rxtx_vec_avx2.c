/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_vec_avx2.c - AVX2 bursts: eight RX descriptors decoded per loop (two per 256-bit
 * register), TX descriptors built and stored two per 256-bit register. */
#include <immintrin.h>

#include <rte_common.h>

#include "igbx_rxtx_vec_common.h"

#define IGBX_AVX2_TARGET __attribute__((target("avx2")))
#define IGBX_AVX2_GROUP	8

struct igbx_avx2_rx_consts {
	__m256i rearm;		/* mbuf_rearm in bits 63:0 of each 128-bit lane */
	__m256i vlan_ol;
	__m256i rss_ol;
};

struct igbx_avx2_group {
	unsigned int done;	/* leading descriptors with DD */
	unsigned int plain;	/* bit i: EOP without RXE */
	__m256i status;		/* status_error, descriptor i in 32-bit lane i */
	__m256i lengths;
};

/* 128-bit tables for vpshufb, which looks up within each lane. */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_table(const uint8_t *t)
{
	return _mm256_broadcastsi128_si256(_mm_load_si128((const __m128i *)t));
}

/* ol_flags of eight descriptors (lane i = descriptor i); mirrors igbx_vec_csum_index(). */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_ol_flags(__m256i st, __m256i pi, const struct igbx_avx2_rx_consts *c)
{
	const __m256i vp = _mm256_set1_epi32(IGBX_RXD_STAT_VP);
	const __m256i rsstype = _mm256_set1_epi32(IGBX_RXD_RSSTYPE_MASK);
	__m256i l4chk = _mm256_or_si256(st, _mm256_srli_epi32(st, 1));
	__m256i idx, csum, vlan, rss;

	idx = _mm256_or_si256(
		_mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(st, 6), _mm256_set1_epi32(1)),
				_mm256_and_si256(_mm256_srli_epi32(st, 29), _mm256_set1_epi32(2))),
		_mm256_or_si256(_mm256_and_si256(_mm256_srli_epi32(l4chk, 2), _mm256_set1_epi32(4)),
				_mm256_and_si256(_mm256_srli_epi32(st, 26), _mm256_set1_epi32(8))));
	csum = _mm256_slli_epi32(_mm256_shuffle_epi8(igbx_avx2_table(igbx_vec_csum_table), idx),
				 IGBX_VEC_CSUM_SHIFT);
	vlan = _mm256_and_si256(_mm256_cmpeq_epi32(_mm256_and_si256(st, vp), vp), c->vlan_ol);
	rss = _mm256_andnot_si256(_mm256_cmpeq_epi32(_mm256_and_si256(pi, rsstype),
						     _mm256_setzero_si256()), c->rss_ol);
	return _mm256_or_si256(csum, _mm256_or_si256(vlan, rss));
}

static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_ptypes(__m256i pi)
{
	const __m256i etqf = _mm256_set1_epi32(IGBX_RXD_PKTTYPE_ETQF);
	__m256i l3, l4, pt, is_etqf;

	l3 = _mm256_shuffle_epi8(igbx_avx2_table(igbx_vec_l3_table),
		_mm256_and_si256(_mm256_srli_epi32(pi, IGBX_RXD_PKTTYPE_L3_SHIFT),
				 _mm256_set1_epi32(0xF)));
	l4 = _mm256_shuffle_epi8(igbx_avx2_table(igbx_vec_l4_table),
		_mm256_and_si256(_mm256_srli_epi32(pi, IGBX_RXD_PKTTYPE_L4_SHIFT),
				 _mm256_set1_epi32(0x7)));
	l4 = _mm256_andnot_si256(_mm256_cmpeq_epi32(l3, _mm256_setzero_si256()), l4);
	pt = _mm256_or_si256(l3, _mm256_slli_epi32(l4, 8));
	is_etqf = _mm256_cmpeq_epi32(_mm256_and_si256(pi, etqf), etqf);
	return _mm256_or_si256(_mm256_andnot_si256(is_etqf, pt),
			       _mm256_set1_epi32(RTE_PTYPE_L2_ETHER));
}

/*
 * Store mbufs 2k and 2k+1 from the descriptor pair p (2k low lane), their
 * ol_flags and packet types taken from lanes 2k and 2k+1 of ol and pt.
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_store_pair(struct rte_mbuf **mb, unsigned int k, __m256i p, __m256i ol, __m256i pt,
		     const struct igbx_avx2_rx_consts *c)
{
	const __m256i to_fields = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		-1, -1, -1, -1, 12, 13, -1, -1, 12, 13, 14, 15, 4, 5, 6, 7));
	const int a = 2 * (int)k, b = 2 * (int)k + 1;
	__m256i pt2 = _mm256_permutevar8x32_epi32(pt, _mm256_setr_epi32(a, 0, 0, 0, b, 0, 0, 0));
	__m256i ol2 = _mm256_permutevar8x32_epi32(ol, _mm256_setr_epi32(0, 0, a, 0, 0, 0, b, 0));
	__m256i fields = _mm256_blend_epi32(_mm256_shuffle_epi8(p, to_fields), pt2, 0x11);
	/* dwords 3 and 7 come from rearm, where they are 0: ol_flags bits 63:32 */
	__m256i rearm_ol = _mm256_blend_epi32(c->rearm, ol2, 0x44);

	_mm_storeu_si128((__m128i *)&mb[a]->rearm_data, _mm256_castsi256_si128(rearm_ol));
	_mm_storeu_si128((__m128i *)&mb[b]->rearm_data, _mm256_extracti128_si256(rearm_ol, 1));
	_mm_storeu_si128((__m128i *)&mb[a]->rx_descriptor_fields1,
			 _mm256_castsi256_si128(fields));
	_mm_storeu_si128((__m128i *)&mb[b]->rx_descriptor_fields1,
			 _mm256_extracti128_si256(fields, 1));
}

/* Descriptors i and i+1 in one register, each read with one 16-byte load, i+1 first. */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_load_pair(volatile union igbx_adv_rx_desc *rd, unsigned int i)
{
	__m128i hi = _mm_load_si128((const __m128i *)(uintptr_t)&rd[i + 1]);
	__m128i lo;

	rte_compiler_barrier();
	lo = _mm_load_si128((const __m128i *)(uintptr_t)&rd[i]);
	return _mm256_inserti128_si256(_mm256_castsi128_si256(lo), hi, 1);
}

/*
 * Decode eight descriptors into mb[0..7], loaded last to first so that a DD
 * seen late in the group implies the earlier write-backs are complete.
 */
static inline IGBX_AVX2_TARGET void
igbx_avx2_decode(volatile union igbx_adv_rx_desc *rd, struct rte_mbuf **mb,
		 const struct igbx_avx2_rx_consts *c, struct igbx_avx2_group *g)
{
	/* after the 32-bit unpacks, lane order is 0 2 4 6 1 3 5 7 */
	const __m256i in_order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
	__m256i p0, p1, p2, p3, h01, h23, l01, l23, st, pi, ol, pt;
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
	st = _mm256_permutevar8x32_epi32(_mm256_unpacklo_epi64(h01, h23), in_order);
	pi = _mm256_and_si256(_mm256_permutevar8x32_epi32(_mm256_unpacklo_epi64(l01, l23),
							  in_order), _mm256_set1_epi32(0xFFFF));
	g->lengths = _mm256_and_si256(_mm256_permutevar8x32_epi32(
		_mm256_unpackhi_epi64(h01, h23), in_order), _mm256_set1_epi32(0xFFFF));
	g->status = st;

	dd = (unsigned int)_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_slli_epi32(st, 31)));
	g->done = (unsigned int)__builtin_ctz(~dd);
	g->plain = (unsigned int)_mm256_movemask_ps(_mm256_castsi256_ps(
		_mm256_andnot_si256(st, _mm256_slli_epi32(st, 30))));

	ol = igbx_avx2_ol_flags(st, pi, c);
	pt = igbx_avx2_ptypes(pi);
	igbx_avx2_store_pair(mb, 0, p0, ol, pt, c);
	igbx_avx2_store_pair(mb, 1, p1, ol, pt, c);
	igbx_avx2_store_pair(mb, 2, p2, ol, pt, c);
	igbx_avx2_store_pair(mb, 3, p3, ol, pt, c);
}

/* As igbx_sse_hand_out(), for a group of eight. */
static inline IGBX_AVX2_TARGET uint16_t
igbx_avx2_hand_out(struct igbx_rx_queue *rxq, struct rte_mbuf **mb,
		   const struct igbx_avx2_group *g, int scatter, struct rte_mbuf **pkts,
		   __m256i *bytes, uint16_t *straight)
{
	unsigned int want = (1u << g->done) - 1, i;
	uint32_t st[IGBX_AVX2_GROUP];
	uint16_t out = 0;

	if (likely((g->plain & want) == want && !rxq->discard && rxq->seg_first == NULL)) {
		const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
		__m256i keep = _mm256_cmpgt_epi32(_mm256_set1_epi32((int)g->done), lane);

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
	while (nb_rx < n) {
		uint16_t idx = rxq->next;
		struct igbx_avx2_group g;
		struct rte_mbuf **mb = &rxq->sw_ring[idx];

		/* As on the SSE path: singles near the ends and when slots wait for mbufs. */
		if (n - nb_rx < IGBX_AVX2_GROUP || idx + IGBX_AVX2_GROUP > rxq->nb_desc ||
		    rxq->nb_desc - rxq->nb_hold < IGBX_AVX2_GROUP) {
			int r = igbx_vec_rx_step(rxq, scatter, &pkts[nb_rx]);

			if (r < 0)
				break;
			nb_rx += r;
			continue;
		}
		if (idx + 2 * IGBX_AVX2_GROUP <= rxq->nb_desc) {
			rte_prefetch0(mb[IGBX_AVX2_GROUP]);
			rte_prefetch0(mb[IGBX_AVX2_GROUP + 4]);
		}
		igbx_avx2_decode(&rxq->ring[idx], mb, &c, &g);
		if (g.done == 0)
			break;
		nb_rx += igbx_avx2_hand_out(rxq, mb, &g, scatter, &pkts[nb_rx], &bytes, &fast);
		if (g.done < IGBX_AVX2_GROUP) {
			igbx_vec_rx_consume(rxq, g.done);
			break;
		}
		/* the whole group: clear its eight slots in one store, move on */
		_mm256_storeu_si256((__m256i *)mb, _mm256_setzero_si256());
		_mm256_storeu_si256((__m256i *)(mb + 4), _mm256_setzero_si256());
		idx += IGBX_AVX2_GROUP;
		rxq->next = idx == rxq->nb_desc ? 0 : idx;
		rxq->nb_hold += IGBX_AVX2_GROUP;
	}
	_mm256_storeu_si256((__m256i *)lens, bytes);
	for (i = 0; i < IGBX_AVX2_GROUP; i++)
		sum += lens[i];
	rxq->bytes += sum - (uint64_t)fast * rxq->crc_len;
	igbx_vec_rx_end(rxq, nb_rx);
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
 * per lane with vpsllvd.
 */
static inline IGBX_AVX2_TARGET __m256i
igbx_avx2_tx_desc2(const struct rte_mbuf *m0, const struct rte_mbuf *m1)
{
	const __m256i data_off = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		8, 9, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1));
	const __m256i lens = _mm256_broadcastsi128_si256(_mm_setr_epi8(
		-1, -1, -1, -1, -1, -1, -1, -1, 8, 9, -1, -1, 4, 5, 6, 7));
	const __m256i cmd = _mm256_setr_epi32(0, 0, (int)IGBX_VEC_TX_CMD, 0,
					      0, 0, (int)IGBX_VEC_TX_CMD, 0);
	const __m256i shift = _mm256_setr_epi32(0, 0, 0, IGBX_TXD_PAYLEN_SHIFT,
						0, 0, 0, IGBX_TXD_PAYLEN_SHIFT);
	__m256i a = _mm256_inserti128_si256(_mm256_castsi128_si256(
		_mm_loadu_si128((const __m128i *)&m0->buf_iova)),
		_mm_loadu_si128((const __m128i *)&m1->buf_iova), 1);
	__m256i f = _mm256_inserti128_si256(_mm256_castsi128_si256(
		_mm_loadu_si128((const __m128i *)&m0->rx_descriptor_fields1)),
		_mm_loadu_si128((const __m128i *)&m1->rx_descriptor_fields1), 1);
	__m256i addr = _mm256_add_epi64(a, _mm256_shuffle_epi8(a, data_off));
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
	uint16_t i = 0;

	for (; i + IGBX_AVX2_GROUP <= n; i += IGBX_AVX2_GROUP) {
		unsigned int k;

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
	return (uint32_t)(lanes[2] + lanes[6] - (uint32_t)n * IGBX_VEC_TX_CMD);
}

uint16_t IGBX_AVX2_TARGET
igbx_xmit_pkts_vec_avx2(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	struct igbx_tx_queue *txq = queue;
	uint16_t first, tail = txq->tail;
	uint64_t bytes;

	n = igbx_vec_tx_room(txq, n);
	if (n == 0)
		return 0;
	first = RTE_MIN(n, (uint16_t)(txq->nb_desc - tail));
	bytes = igbx_avx2_tx_run(txq, tail, pkts, first);
	if (first < n)
		bytes += igbx_avx2_tx_run(txq, 0, pkts + first, n - first);
	igbx_vec_tx_commit(txq, n, bytes);
	return n;
}
