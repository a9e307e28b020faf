/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_vec_sse.c - SSE4.1 bursts: four RX descriptors per loop, TX descriptors built
 * in registers. */
#include <smmintrin.h>

#include <rte_common.h>

#include "igbx_rxtx_vec_common.h"

#define IGBX_SSE_TARGET __attribute__((target("sse4.1")))
#define IGBX_SSE_GROUP	4

/* Per-burst constants of the RX decode. */
struct igbx_sse_rx_consts {
	__m128i rearm;		/* mbuf_rearm in the low 64 bits, ol_flags 0 */
	__m128i vlan_ol;	/* VLAN flags when the queue strips, else 0 */
	__m128i rss_ol;		/* RSS flag when the queue hashes, else 0 */
};

/* What one decoded group tells the burst loop. */
struct igbx_sse_group {
	unsigned int done;	/* leading descriptors with DD */
	unsigned int plain;	/* bit i: EOP without RXE (a whole good frame) */
	__m128i status;		/* status_error of the four */
	__m128i lengths;	/* their write-back lengths */
};

/* ol_flags of four descriptors, in 32-bit lanes, from status_error and pkt_info. */
static inline IGBX_SSE_TARGET __m128i
igbx_sse_ol_flags(__m128i st, __m128i pi, __m128i pt, const struct igbx_sse_rx_consts *c)
{
	const __m128i csum_tbl = _mm_load_si128((const __m128i *)igbx_vec_csum_table);
	const __m128i vp = _mm_set1_epi32(IGBX_RXD_STAT_VP);
	const __m128i rsstype = _mm_set1_epi32(IGBX_RXD_RSSTYPE_MASK);
	__m128i l4chk, idx, vlan, rss, csum;

	/* The index of igbx_vec_csum_index(), four lanes at once. */
	l4chk = _mm_or_si128(st, _mm_srli_epi32(st, 1));
	idx = _mm_or_si128(
		_mm_or_si128(_mm_and_si128(_mm_srli_epi32(_mm_or_si128(st, pt), 6),
					   _mm_set1_epi32(1)),
			     _mm_and_si128(_mm_srli_epi32(l4chk, 3), _mm_set1_epi32(2))),
		_mm_and_si128(_mm_srli_epi32(st, 27), _mm_set1_epi32(0xC)));
	/* Bytes 1..3 of each lane index entry 0, which is 0: no stray flags. */
	csum = _mm_slli_epi32(_mm_shuffle_epi8(csum_tbl, idx), IGBX_VEC_CSUM_SHIFT);
	vlan = _mm_and_si128(_mm_cmpeq_epi32(_mm_and_si128(st, vp), vp), c->vlan_ol);
	rss = _mm_andnot_si128(_mm_cmpeq_epi32(_mm_and_si128(pi, rsstype), _mm_setzero_si128()),
			       c->rss_ol);
	return _mm_or_si128(csum, _mm_or_si128(vlan, rss));
}

/* packet_type of four descriptors, in 32-bit lanes, from pkt_info (bits 15:0 only). */
static inline IGBX_SSE_TARGET __m128i
igbx_sse_ptypes(__m128i pi)
{
	const __m128i l3_tbl = _mm_load_si128((const __m128i *)igbx_vec_l3_table);
	const __m128i l4_tbl = _mm_load_si128((const __m128i *)igbx_vec_l4_table);
	const __m128i etqf = _mm_set1_epi32(IGBX_RXD_PKTTYPE_ETQF);
	const __m128i zero = _mm_setzero_si128();
	__m128i l3, l4, pt, is_etqf;

	l3 = _mm_shuffle_epi8(l3_tbl, _mm_and_si128(_mm_srli_epi32(pi, IGBX_RXD_PKTTYPE_L3_SHIFT),
						      _mm_set1_epi32(0xF)));
	l4 = _mm_shuffle_epi8(l4_tbl, _mm_and_si128(_mm_srli_epi32(pi, IGBX_RXD_PKTTYPE_L4_SHIFT),
						      _mm_set1_epi32(0x7)));
	/* No L4 type without a known L3 header; an ETQF match reports L2 only. */
	l4 = _mm_andnot_si128(_mm_cmpeq_epi32(l3, zero), l4);
	pt = _mm_or_si128(l3, _mm_slli_epi32(l4, 8));
	is_etqf = _mm_cmpeq_epi32(_mm_and_si128(pi, etqf), etqf);
	return _mm_or_si128(_mm_andnot_si128(is_etqf, pt), _mm_set1_epi32(RTE_PTYPE_L2_ETHER));
}

/* Write rearm word + ol_flags and the descriptor fields block of one mbuf. */
static inline IGBX_SSE_TARGET void
igbx_sse_store_mbuf(struct rte_mbuf *m, __m128i rearm_ol, __m128i desc, __m128i ptype0)
{
	/* write-back bytes -> packet_type(0, blended)/pkt_len/data_len/vlan_tci/hash.rss */
	const __m128i to_fields = _mm_setr_epi8(-1, -1, -1, -1, 12, 13, -1, -1,
						12, 13, 14, 15, 4, 5, 6, 7);
	__m128i fields = _mm_blend_epi16(_mm_shuffle_epi8(desc, to_fields), ptype0, 0x03);

	_mm_storeu_si128((__m128i *)&m->rearm_data, rearm_ol);
	_mm_storeu_si128((__m128i *)&m->rx_descriptor_fields1, fields);
}

/*
 * Decode the four descriptors at rd into the mbufs mb[0..3] (all four are
 * written; only the leading ones with DD are handed out). They are loaded
 * last to first: the device writes them in order, so a DD seen in a later
 * descriptor implies the earlier ones are complete when read afterwards.
 */
static inline IGBX_SSE_TARGET void
igbx_sse_decode(volatile union igbx_adv_rx_desc *rd, struct rte_mbuf **mb,
		const struct igbx_sse_rx_consts *c, struct igbx_sse_group *g)
{
	const __m128i zero = _mm_setzero_si128();
	__m128i d0, d1, d2, d3, hi01, hi23, lo01, lo23, st, pi, ol, pt, olo, ohi;
	unsigned int dd;

	d3 = _mm_load_si128((const __m128i *)(uintptr_t)&rd[3]);
	rte_compiler_barrier();
	d2 = _mm_load_si128((const __m128i *)(uintptr_t)&rd[2]);
	rte_compiler_barrier();
	d1 = _mm_load_si128((const __m128i *)(uintptr_t)&rd[1]);
	rte_compiler_barrier();
	d0 = _mm_load_si128((const __m128i *)(uintptr_t)&rd[0]);

	hi01 = _mm_unpackhi_epi32(d0, d1);	/* st0 st1 len/vlan0 len/vlan1 */
	hi23 = _mm_unpackhi_epi32(d2, d3);
	lo01 = _mm_unpacklo_epi32(d0, d1);	/* info0 info1 hash0 hash1 */
	lo23 = _mm_unpacklo_epi32(d2, d3);
	st = _mm_unpacklo_epi64(hi01, hi23);
	pi = _mm_and_si128(_mm_unpacklo_epi64(lo01, lo23), _mm_set1_epi32(0xFFFF));
	g->lengths = _mm_and_si128(_mm_unpackhi_epi64(hi01, hi23), _mm_set1_epi32(0xFFFF));
	g->status = st;

	dd = (unsigned int)_mm_movemask_ps(_mm_castsi128_ps(_mm_slli_epi32(st, 31)));
	g->done = (unsigned int)__builtin_ctz(~dd);	/* DD bits are 0..3: ctz <= 4 */
	/* EOP is bit 1, RXE bit 31: "plain" = EOP and not RXE. */
	g->plain = (unsigned int)_mm_movemask_ps(_mm_castsi128_ps(
		_mm_andnot_si128(st, _mm_slli_epi32(st, 30))));

	pt = igbx_sse_ptypes(pi);
	ol = igbx_sse_ol_flags(st, pi, pt, c);
	olo = _mm_unpacklo_epi32(ol, zero);	/* ol0 in bits 63:0, ol1 in 127:64 */
	ohi = _mm_unpackhi_epi32(ol, zero);
	igbx_sse_store_mbuf(mb[0], _mm_blend_epi16(c->rearm, _mm_slli_si128(olo, 8), 0xF0),
			    d0, pt);
	igbx_sse_store_mbuf(mb[1], _mm_blend_epi16(c->rearm, olo, 0xF0),
			    d1, _mm_srli_si128(pt, 4));
	igbx_sse_store_mbuf(mb[2], _mm_blend_epi16(c->rearm, _mm_slli_si128(ohi, 8), 0xF0),
			    d2, _mm_srli_si128(pt, 8));
	igbx_sse_store_mbuf(mb[3], _mm_blend_epi16(c->rearm, ohi, 0xF0),
			    d3, _mm_srli_si128(pt, 12));
}

/* Lane masks keeping the first k of four 32-bit lanes. */
static const uint32_t igbx_sse_lane_keep[5][4] __rte_aligned(16) = {
	{ 0, 0, 0, 0 }, { ~0u, 0, 0, 0 }, { ~0u, ~0u, 0, 0 }, { ~0u, ~0u, ~0u, 0 },
	{ ~0u, ~0u, ~0u, ~0u },
};

/*
 * Hand out the g->done decoded mbufs: straight into pkts when they are all
 * whole good frames and no frame is pending, else through the scalar
 * bookkeeping. Returns frames written to pkts; on the straight path adds
 * their lengths to *bytes and their number to *straight (the other path
 * counts rxq->bytes itself).
 */
static inline IGBX_SSE_TARGET uint16_t
igbx_sse_hand_out(struct igbx_rx_queue *rxq, struct rte_mbuf **mb,
		  const struct igbx_sse_group *g, int scatter, struct rte_mbuf **pkts,
		  __m128i *bytes, uint16_t *straight)
{
	unsigned int want = (1u << g->done) - 1, i;
	uint32_t st[IGBX_SSE_GROUP];
	uint16_t out = 0;

	if (likely((g->plain & want) == want && !rxq->discard && rxq->seg_first == NULL)) {
		for (i = 0; i < IGBX_SSE_GROUP; i++)
			pkts[i] = mb[i];
		*bytes = _mm_add_epi32(*bytes, _mm_and_si128(g->lengths,
			_mm_load_si128((const __m128i *)igbx_sse_lane_keep[g->done])));
		*straight += g->done;
		return g->done;
	}
	_mm_storeu_si128((__m128i *)st, g->status);
	for (i = 0; i < g->done; i++)
		out += igbx_vec_rx_finish(rxq, mb[i], st[i], scatter, &pkts[out]);
	return out;
}

static inline IGBX_SSE_TARGET uint16_t
igbx_sse_recv(struct igbx_rx_queue *rxq, struct rte_mbuf **pkts, uint16_t n, int scatter)
{
	struct igbx_sse_rx_consts c;
	__m128i bytes = _mm_setzero_si128();
	uint32_t lens[IGBX_SSE_GROUP];
	uint16_t nb_rx = 0, fast = 0;

	IGBX_VEC_CHECK_MBUF_LAYOUT();
	c.rearm = _mm_set_epi64x(0, (int64_t)rxq->mbuf_rearm);
	c.vlan_ol = _mm_set1_epi32((int)igbx_vec_vlan_ol(rxq));
	c.rss_ol = _mm_set1_epi32((int)igbx_vec_rss_ol(rxq));
	igbx_ring_prefetch(rxq->ring, rxq->nb_desc, rxq->next, n, 0);
	while (nb_rx < n) {
		uint16_t idx = rxq->next, got;
		struct igbx_sse_group g;
		struct rte_mbuf **mb = &rxq->sw_ring[idx];

		if (igbx_vec_rx_groups(rxq, n - nb_rx, IGBX_SSE_GROUP) == 0) {
			int r = igbx_vec_rx_step(rxq, scatter, &pkts[nb_rx]);

			if (r < 0)
				break;
			nb_rx += r;
			continue;
		}
		if (idx + 2 * IGBX_SSE_GROUP <= rxq->nb_desc)
			rte_prefetch0(mb[IGBX_SSE_GROUP]);
		igbx_sse_decode(&rxq->ring[idx], mb, &c, &g);
		if (g.done == 0)
			break;
		got = igbx_sse_hand_out(rxq, mb, &g, scatter, &pkts[nb_rx], &bytes, &fast);
		nb_rx += got;
		igbx_vec_rx_consume(rxq, g.done);
		if (g.done < IGBX_SSE_GROUP)
			break;
	}
	_mm_storeu_si128((__m128i *)lens, bytes);
	rxq->bytes += (uint64_t)lens[0] + lens[1] + lens[2] + lens[3] -
		(uint64_t)fast * rxq->crc_len;
	igbx_vec_rx_end(rxq, nb_rx);
	return nb_rx;
}

uint16_t IGBX_SSE_TARGET
igbx_recv_pkts_vec_sse(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{
	return igbx_sse_recv(rxq, pkts, n, 0);
}

uint16_t IGBX_SSE_TARGET
igbx_recv_scattered_pkts_vec_sse(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{
	return igbx_sse_recv(rxq, pkts, n, 1);
}

/* ---- TX ------------------------------------------------------------------------------- */

/*
 * The data descriptor of a one-segment mbuf without offloads: buf_iova plus
 * data_off (read with the 16 bytes the RX burst stored at rearm_data, so the
 * load is forwarded from that store) gives the address, [.., pkt_len,
 * data_len, ..] the lengths. DTALEN = data_len, PAYLEN = pkt_len (equal for one segment; a
 * segment is below 64 KiB, so shifting it left by 16 then right by 2 is << 14).
 */
static inline IGBX_SSE_TARGET __m128i
igbx_sse_tx_desc(const struct rte_mbuf *m)
{
	const __m128i data_off = _mm_setr_epi8(0, 1, -1, -1, -1, -1, -1, -1,
					       -1, -1, -1, -1, -1, -1, -1, -1);
	const __m128i dtalen = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1,
					     8, 9, -1, -1, -1, -1, -1, -1);
	const __m128i paylen = _mm_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1,
					     -1, -1, -1, -1, -1, -1, 4, 5);
	const __m128i cmd = _mm_setr_epi32(0, 0, (int)IGBX_TX_CMD_PLAIN, 0);
	__m128i a = _mm_loadl_epi64((const __m128i *)&m->buf_iova);
	__m128i r = _mm_loadu_si128((const __m128i *)&m->rearm_data);
	__m128i f = _mm_loadu_si128((const __m128i *)&m->rx_descriptor_fields1);
	__m128i addr = _mm_add_epi64(a, _mm_shuffle_epi8(r, data_off));
	__m128i hi = _mm_or_si128(_mm_or_si128(_mm_shuffle_epi8(f, dtalen), cmd),
				  _mm_srli_epi32(_mm_shuffle_epi8(f, paylen),
						 16 - IGBX_TXD_PAYLEN_SHIFT));

	return _mm_blend_epi16(addr, hi, 0xF0);
}

/* n descriptors from ring index idx, no wrap; returns the sum of their lengths. */
static inline IGBX_SSE_TARGET uint64_t
igbx_sse_tx_run(struct igbx_tx_queue *txq, uint16_t idx, struct rte_mbuf **pkts, uint16_t n)
{
	volatile union igbx_adv_tx_desc *ring = &txq->ring[idx];
	struct igbx_tx_entry *sw = &txq->sw_ring[idx];
	__m128i sum = _mm_setzero_si128(), d;
	uint32_t lanes[4];
	size_t i = 0;	/* not 16-bit: no zero-extension per step */

	for (; i + IGBX_SSE_GROUP <= n; i += IGBX_SSE_GROUP) {
		unsigned int k;

		for (k = 0; k < IGBX_SSE_GROUP; k++) {
			d = igbx_sse_tx_desc(pkts[i + k]);
			sum = _mm_add_epi32(sum, d);
			_mm_store_si128((__m128i *)(uintptr_t)&ring[i + k], d);
		}
		_mm_storeu_si128((__m128i *)&sw[i], _mm_loadu_si128((const __m128i *)&pkts[i]));
		_mm_storeu_si128((__m128i *)&sw[i + 2],
				 _mm_loadu_si128((const __m128i *)&pkts[i + 2]));
	}
	for (; i < n; i++) {
		d = igbx_sse_tx_desc(pkts[i]);
		sum = _mm_add_epi32(sum, d);
		_mm_store_si128((__m128i *)(uintptr_t)&ring[i], d);
		sw[i].mbuf = pkts[i];
	}
	/* Lane 2 summed cmd_type_len: n commands plus the lengths in bits 15:0 and up. */
	_mm_storeu_si128((__m128i *)lanes, sum);
	return (uint32_t)(lanes[2] - (uint32_t)n * IGBX_TX_CMD_PLAIN);
}

uint16_t IGBX_SSE_TARGET
igbx_xmit_pkts_vec_sse(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	return IGBX_VEC_XMIT(queue, pkts, n, igbx_sse_tx_run, 1, igbx_vec_tx_reclaim);
}
