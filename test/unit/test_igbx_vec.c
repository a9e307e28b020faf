/* SPDX-License-Identifier: BSD-3-Clause */
/* test_igbx_vec.c - the igbx vector bursts equal the scalar ones: same randomized descriptor
 * rings in plain memory (this file plays the 82576), same mbufs out, same TX descriptors. */
#include <stdlib.h>
#include <string.h>

#include <rte_cpuflags.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_vect.h>
#include <ethdev_driver.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"
#include "igbx_rxtx_vec_common.h"
#include "unit.h"

/*
 * As test_igbx_rx.c: EAL without hugepages or PCI (IOVA == VA, so the
 * "device" dereferences descriptor addresses), an allocated ethdev whose
 * BAR0 is calloc'd memory.
 */
#define BAR0_SIZE	(128 * 1024)
#define NB_MBUFS	2048
#define ROUNDS		400
#define MAX_BURST	64

typedef uint16_t (*burst_fn)(void *q, struct rte_mbuf **pkts, uint16_t n);

static struct rte_eth_dev *dev;
static struct rte_mempool *pool;
static void *rxq_slots[1], *txq_slots[1];
static int have_avx2;

static uint32_t
reg(uint32_t off)
{
	return *(volatile uint32_t *)(IGBX_DEV_HW(dev)->hw_addr + off);
}

/* xorshift32: the same seed gives the same ring contents for every path. */
static uint32_t rng;

static uint32_t
rnd(uint32_t bound)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return bound ? rng % bound : rng;
}

/* ---- traces: everything observable, appended as bytes, compared with memcmp --------- */

struct trace {
	uint8_t *buf;
	size_t len, cap;
};

static void
trace_put(struct trace *t, const void *p, size_t n)
{
	if (t->len + n > t->cap) {
		t->cap = (t->len + n) * 2;
		t->buf = realloc(t->buf, t->cap);
	}
	memcpy(t->buf + t->len, p, n);
	t->len += n;
}

#define TRACE_VAL(t, v) do { uint64_t tv_ = (uint64_t)(v); trace_put(t, &tv_, 8); } while (0)

static void
trace_check_equal(const char *what, const struct trace *ref, const struct trace *t)
{
	size_t i, n = RTE_MIN(ref->len, t->len);

	for (i = 0; i < n && ref->buf[i] == t->buf[i]; i++)
		;
	if (i != n || ref->len != t->len)
		fprintf(stderr, "%s: trace differs at byte %zu of %zu/%zu\n",
			what, i, ref->len, t->len);
	UNIT_CHECK(i == n && ref->len == t->len);
}

/* ---- RX: the device side ------------------------------------------------------------ */

static uint16_t hw_rx_head;
static uint16_t hw_frame_left;	/* descriptors still to write for the current frame */

static unsigned int
hw_rx_owned(const struct igbx_rx_queue *rxq)
{
	return (reg(IGBX_RDT(0)) + rxq->nb_desc - hw_rx_head) % rxq->nb_desc;
}

/* Complete one descriptor with random data and random offload results, DD last. */
static void
hw_rx_write_random(struct igbx_rx_queue *rxq, int scatter)
{
	volatile union igbx_adv_rx_desc *d = &rxq->ring[hw_rx_head];
	uint8_t *buf = (uint8_t *)(uintptr_t)d->read.pkt_addr;
	uint32_t st = 0, i, len;
	static const uint32_t bits[] = {
		IGBX_RXD_STAT_VP, IGBX_RXD_STAT_IPCS, IGBX_RXD_STAT_L4I, IGBX_RXD_STAT_UDPCS,
		IGBX_RXD_ERR_IPE, IGBX_RXD_ERR_L4E, IGBX_RXD_STAT_PIF, IGBX_RXD_STAT_UDPV,
	};

	if (hw_frame_left == 0)	/* a new frame: 1 buffer mostly, up to 4 */
		hw_frame_left = rnd(8) == 0 ? 2 + rnd(3) : 1;
	if (hw_frame_left > 1) {
		len = scatter ? rxq->buf_size : 1 + rnd(rxq->buf_size);
	} else {
		/* a last buffer holds at least a minimum frame's worth (and the CRC) */
		st |= IGBX_RXD_STAT_EOP;
		len = 60 + rnd((scatter ? rxq->buf_size : 1518) - 59);
		if (rnd(30) == 0)
			st |= IGBX_RXD_ERR_RXE;
	}
	hw_frame_left--;
	for (i = 0; i < RTE_DIM(bits); i++)
		if (rnd(2))
			st |= bits[i];
	for (i = 0; i < len; i += 4)
		*(uint32_t *)(buf + i) = rnd(0);
	d->wb.pkt_info = (uint16_t)rnd(0);
	d->wb.hdr_info = 0;
	d->wb.rss_hash = rnd(0);
	d->wb.length = (uint16_t)len;
	d->wb.vlan = (uint16_t)rnd(0);
	rte_wmb();
	d->wb.status_error = st | IGBX_RXD_STAT_DD;
	hw_rx_head = (hw_rx_head + 1) % rxq->nb_desc;
}

struct rx_case {
	const char *name;
	uint16_t nb_desc;
	uint16_t mtu;
	uint64_t offloads;
	int rss;
};

static void
trace_rx_mbuf(struct trace *t, const struct rte_mbuf *m)
{
	const struct rte_mbuf *s;

	TRACE_VAL(t, m->nb_segs);
	TRACE_VAL(t, m->pkt_len);
	TRACE_VAL(t, m->ol_flags);
	TRACE_VAL(t, m->packet_type);
	TRACE_VAL(t, m->port);
	/* hash and tag are defined only when their flag says so */
	TRACE_VAL(t, (m->ol_flags & RTE_MBUF_F_RX_RSS_HASH) ? m->hash.rss : 0);
	TRACE_VAL(t, (m->ol_flags & RTE_MBUF_F_RX_VLAN) ? m->vlan_tci : 0);
	for (s = m; s != NULL; s = s->next) {
		TRACE_VAL(t, s->data_len);
		TRACE_VAL(t, s->data_off);
		TRACE_VAL(t, rte_mbuf_refcnt_read(s));
		trace_put(t, rte_pktmbuf_mtod(s, void *), s->data_len);
	}
}

static void
trace_rx_queue(struct trace *t, const struct igbx_rx_queue *rxq)
{
	TRACE_VAL(t, rxq->next);
	TRACE_VAL(t, rxq->nb_hold);
	TRACE_VAL(t, rxq->rdt);
	TRACE_VAL(t, reg(IGBX_RDT(0)));
	TRACE_VAL(t, rxq->packets);
	TRACE_VAL(t, rxq->bytes);
	TRACE_VAL(t, rxq->errors);
	TRACE_VAL(t, rxq->discard);
	TRACE_VAL(t, rxq->seg_first != NULL);
	TRACE_VAL(t, rte_mempool_avail_count(pool));
}

static struct igbx_rx_queue *
start_rx(const struct rx_case *c)
{
	struct rte_eth_rxconf conf = { .offloads = c->offloads };

	dev->data->mtu = c->mtu;
	dev->data->dev_conf.rxmode.offloads = c->offloads;
	dev->data->dev_conf.rxmode.mq_mode = c->rss ? RTE_ETH_MQ_RX_RSS : RTE_ETH_MQ_RX_NONE;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, c->nb_desc, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	hw_rx_head = 0;
	hw_frame_left = 0;
	return dev->data->rx_queues[0];
}

/*
 * Every descriptor the driver has posted (read format: header address 0)
 * names its mbuf's data room at the default headroom.
 */
static void
check_rx_posted(const struct igbx_rx_queue *rxq)
{
	unsigned int i, bad = 0;

	for (i = 0; i < rxq->nb_desc; i++) {
		const struct rte_mbuf *m = rxq->sw_ring[i];

		if (m != NULL && rxq->ring[i].read.hdr_addr == 0 &&
		    rxq->ring[i].read.pkt_addr != rte_mbuf_data_iova_default(m))
			bad++;
	}
	UNIT_CHECK_EQ(bad, 0);
}

/* One randomized run: device writes and bursts interleaved; all of it into t. */
static void
run_rx(const struct rx_case *c, burst_fn fn, uint32_t seed, struct trace *t)
{
	struct igbx_rx_queue *rxq = start_rx(c);
	int scatter = dev->data->scattered_rx;
	struct rte_mbuf *pkts[MAX_BURST];
	unsigned int round, i;

	rng = seed;
	for (round = 0; round < ROUNDS; round++) {
		unsigned int owned = hw_rx_owned(rxq);
		unsigned int k = rnd(4) == 0 ? owned : rnd(owned + 1);
		uint16_t want = (uint16_t)(1 + rnd(rnd(2) ? 8 : MAX_BURST)), n;

		for (i = 0; i < k; i++)
			hw_rx_write_random(rxq, scatter);
		n = fn(rxq, pkts, want);
		check_rx_posted(rxq);
		TRACE_VAL(t, n);
		for (i = 0; i < n; i++)
			trace_rx_mbuf(t, pkts[i]);
		trace_rx_queue(t, rxq);
		rte_pktmbuf_free_bulk(pkts, n);
	}
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

static void
check_rx_case(const struct rx_case *c, uint32_t seed)
{
	struct trace ref = { 0 }, t = { 0 };
	int scatter = !!(c->offloads & RTE_ETH_RX_OFFLOAD_SCATTER);
	burst_fn sse = scatter ? igbx_recv_scattered_pkts_vec_sse : igbx_recv_pkts_vec_sse;
	burst_fn avx2 = scatter ? igbx_recv_scattered_pkts_vec_avx2 : igbx_recv_pkts_vec_avx2;
	char what[96];

	run_rx(c, scatter ? igbx_recv_scattered_pkts : igbx_recv_pkts, seed, &ref);
	UNIT_CHECK(ref.len > 10000);
	run_rx(c, sse, seed, &t);
	snprintf(what, sizeof(what), "rx %s sse seed %u", c->name, seed);
	trace_check_equal(what, &ref, &t);
	if (have_avx2) {
		t.len = 0;
		run_rx(c, avx2, seed, &t);
		snprintf(what, sizeof(what), "rx %s avx2 seed %u", c->name, seed);
		trace_check_equal(what, &ref, &t);
	}
	free(ref.buf);
	free(t.buf);
}

static void
test_rx_equal(void)
{
	static const struct rx_case cases[] = {
		{ "plain", 512, RTE_ETHER_MTU, 0, 0 },
		{ "vlan-rss", 64, RTE_ETHER_MTU, RTE_ETH_RX_OFFLOAD_VLAN_STRIP, 1 },
		{ "crc-small-ring", 32, RTE_ETHER_MTU, RTE_ETH_RX_OFFLOAD_KEEP_CRC |
		  RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_RSS_HASH, 1 },
		{ "scatter", 128, 9000, RTE_ETH_RX_OFFLOAD_SCATTER |
		  RTE_ETH_RX_OFFLOAD_VLAN_STRIP, 1 },
		{ "scatter-crc", 40, 9000, RTE_ETH_RX_OFFLOAD_SCATTER |
		  RTE_ETH_RX_OFFLOAD_KEEP_CRC, 0 },
	};
	unsigned int i, s;

	for (i = 0; i < RTE_DIM(cases); i++)
		for (s = 1; s <= 3; s++)
			check_rx_case(&cases[i], s * 7919 + i);
}

/* ---- TX ------------------------------------------------------------------------------ */

static uint16_t hw_tx_head;

/* The device sends [head, head + k) and writes DD into those with RS. */
static void
hw_tx_complete(struct igbx_tx_queue *txq, unsigned int k)
{
	while (k-- > 0 && hw_tx_head != txq->tail) {
		volatile union igbx_adv_tx_desc *d = &txq->ring[hw_tx_head];

		if (d->data.cmd_type_len & IGBX_TXD_DCMD_RS)
			d->data.olinfo_status |= IGBX_TXD_STAT_DD;
		hw_tx_head = (hw_tx_head + 1) % txq->nb_desc;
	}
}

struct tx_case {
	const char *name;
	uint16_t nb_desc;
	uint16_t rs_thresh, free_thresh;
	uint64_t offloads;
};

static struct igbx_tx_queue *
start_tx(const struct tx_case *c)
{
	struct rte_eth_txconf conf = {
		.offloads = c->offloads,
		.tx_rs_thresh = c->rs_thresh,
		.tx_free_thresh = c->free_thresh,
	};

	dev->data->dev_conf.txmode.offloads = c->offloads;
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, c->nb_desc, SOCKET_ID_ANY, &conf), 0);
	UNIT_CHECK_EQ(igbx_tx_init(dev), 0);
	hw_tx_head = 0;
	return dev->data->tx_queues[0];
}

static void
make_tx_burst(struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	if (n != 0)
		UNIT_CHECK_EQ(rte_pktmbuf_alloc_bulk(pool, pkts, n), 0);
	for (i = 0; i < n; i++) {
		uint16_t len = (uint16_t)(60 + rnd(1455));

		pkts[i]->data_off = (uint16_t)(RTE_PKTMBUF_HEADROOM - rnd(64));
		pkts[i]->data_len = len;
		pkts[i]->pkt_len = len;
	}
}

static void
trace_tx_written(struct trace *t, struct igbx_tx_queue *txq, uint16_t from,
		 struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;

	for (i = 0; i < n; i++) {
		volatile union igbx_adv_tx_desc *d = &txq->ring[(from + i) % txq->nb_desc];

		TRACE_VAL(t, d->data.buffer_addr == rte_mbuf_data_iova(pkts[i]));
		TRACE_VAL(t, d->data.cmd_type_len);
		TRACE_VAL(t, d->data.olinfo_status);
	}
	TRACE_VAL(t, txq->tail);
	TRACE_VAL(t, txq->nb_free);
	TRACE_VAL(t, txq->rs_count);
	TRACE_VAL(t, txq->since_rs);
	TRACE_VAL(t, txq->packets);
	TRACE_VAL(t, txq->bytes);
	TRACE_VAL(t, reg(IGBX_TDT(0)));
	TRACE_VAL(t, rte_mempool_avail_count(pool));
}

static void
run_tx(const struct tx_case *c, burst_fn fn, uint32_t seed, struct trace *t)
{
	struct igbx_tx_queue *txq = start_tx(c);
	struct rte_mbuf *pkts[MAX_BURST];
	unsigned int round;

	rng = seed;
	for (round = 0; round < ROUNDS; round++) {
		uint16_t n = (uint16_t)rnd(MAX_BURST + 1), from = txq->tail, sent;

		make_tx_burst(pkts, n);
		sent = fn(txq, pkts, n);
		TRACE_VAL(t, sent);
		trace_tx_written(t, txq, from, pkts, sent);
		if (sent < n)
			rte_pktmbuf_free_bulk(pkts + sent, n - sent);
		hw_tx_complete(txq, rnd(4) == 0 ? 0 : rnd(MAX_BURST * 2));
	}
	/* Everything sent completes; reclaiming gives every mbuf back to the pool. */
	hw_tx_complete(txq, txq->nb_desc);
	igbx_tx_done_cleanup(txq, 0);
	TRACE_VAL(t, rte_mempool_avail_count(pool) + (txq->nb_desc - 1u - txq->nb_free));
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool) + (txq->nb_desc - 1u - txq->nb_free),
		      NB_MBUFS);
	igbx_rxtx_stop(dev);
	igbx_tx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

static void
test_tx_equal(void)
{
	static const struct tx_case cases[] = {
		{ "default", 512, 0, 0, 0 },
		{ "fast-free", 512, 32, 32, RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE },
		{ "small-ring", 64, 8, 16, 0 },
		{ "odd-thresh", 96, 7, 21, RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE },
	};
	unsigned int i, s;

	for (i = 0; i < RTE_DIM(cases); i++) {
		for (s = 1; s <= 3; s++) {
			struct trace ref = { 0 }, t = { 0 };
			uint32_t seed = s * 104729 + i;
			char what[96];

			run_tx(&cases[i], igbx_xmit_pkts, seed, &ref);
			run_tx(&cases[i], igbx_xmit_pkts_vec_sse, seed, &t);
			snprintf(what, sizeof(what), "tx %s sse seed %u", cases[i].name, seed);
			trace_check_equal(what, &ref, &t);
			if (have_avx2) {
				t.len = 0;
				run_tx(&cases[i], igbx_xmit_pkts_vec_avx2, seed, &t);
				snprintf(what, sizeof(what), "tx %s avx2 seed %u",
					 cases[i].name, seed);
				trace_check_equal(what, &ref, &t);
			}
			free(ref.buf);
			free(t.buf);
		}
	}
}

/* ---- selection -------------------------------------------------------------------- */

static void
test_select(void)
{
	struct rx_case rc = { "sel", 64, RTE_ETHER_MTU, 0, 0 };
	struct tx_case tc = { "sel", 64, 0, 0, 0 };

	start_rx(&rc);
	start_tx(&tc);
	UNIT_CHECK_EQ(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_DISABLED), 0);
	igbx_set_rx_function(dev);
	igbx_set_tx_function(dev);
	UNIT_CHECK(dev->rx_pkt_burst == igbx_recv_pkts);
	UNIT_CHECK(dev->tx_pkt_burst == igbx_xmit_pkts);
	UNIT_CHECK(strcmp(igbx_rx_burst_name(dev->rx_pkt_burst), "Scalar") == 0);
	UNIT_CHECK_EQ(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_128), 0);
	igbx_set_rx_function(dev);
	igbx_set_tx_function(dev);
	UNIT_CHECK(dev->rx_pkt_burst == igbx_recv_pkts_vec_sse);
	UNIT_CHECK(dev->tx_pkt_burst == igbx_xmit_pkts_vec_sse);
	UNIT_CHECK(strcmp(igbx_rx_burst_name(dev->rx_pkt_burst), "Vector SSE") == 0);
	UNIT_CHECK_EQ(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_256), 0);
	igbx_set_rx_function(dev);
	igbx_set_tx_function(dev);
	UNIT_CHECK(dev->rx_pkt_burst == (have_avx2 ? igbx_recv_pkts_vec_avx2 :
					 igbx_recv_pkts_vec_sse));
	UNIT_CHECK(strcmp(igbx_tx_burst_name(dev->tx_pkt_burst),
			  have_avx2 ? "Vector AVX2" : "Vector SSE") == 0);
	igbx_rxtx_stop(dev);
	igbx_tx_queue_release(dev, 0);
	/* Offloads that need a context descriptor keep the scalar TX burst. */
	tc.offloads = RTE_ETH_TX_OFFLOAD_VLAN_INSERT;
	start_tx(&tc);
	igbx_set_tx_function(dev);
	UNIT_CHECK(dev->tx_pkt_burst == igbx_xmit_pkts);
	igbx_rxtx_stop(dev);
	igbx_rxtx_release_all(dev);
	dev->data->dev_conf.txmode.offloads = 0;
	UNIT_CHECK_EQ(igbx_rxtx_path_parse("AVX2"), IGBX_PATH_AVX2);
	UNIT_CHECK_EQ(igbx_rxtx_path_parse("scalar"), IGBX_PATH_SCALAR);
	UNIT_CHECK_EQ(igbx_rxtx_path_parse("neon"), -1);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* ---- the refill's buffer addresses (igbx_rx_iova.c) ------------------------------------ */

#define IOVA_PAGE	(2u << 20)
/* more than the first 2 MB page holds (512: the mempool keeps an object inside
 * a 4 KB page when EAL runs without hugepages), so both pages are used */
#define IOVA_NB_MBUFS	700

/*
 * A pktmbuf pool over two 2 MB pages of our own whose IOVAs are made up
 * (iova[k] for page k): the "device" cannot write into its buffers, so
 * descriptors are completed without data. With split, page 0 is given as
 * two 1 MB chunks whose IOVAs are not contiguous: one page, two offsets.
 */
static struct rte_mempool *
iova_pool(const char *name, void *mem, const uint64_t iova[2], int split)
{
	struct rte_pktmbuf_pool_private priv = {
		.mbuf_data_room_size = RTE_MBUF_DEFAULT_BUF_SIZE, .mbuf_priv_size = 0 };
	struct rte_mempool *mp = rte_mempool_create_empty(name, IOVA_NB_MBUFS,
		sizeof(struct rte_mbuf) + RTE_MBUF_DEFAULT_BUF_SIZE, 0, sizeof(priv),
		SOCKET_ID_ANY, 0);
	uint8_t *va = mem;

	if (mp == NULL || rte_mempool_set_ops_byname(mp, rte_mbuf_best_mempool_ops(),
						      NULL) != 0)
		return NULL;
	rte_pktmbuf_pool_init(mp, &priv);
	if (split) {
		rte_mempool_populate_iova(mp, (char *)va, iova[0], IOVA_PAGE / 2, NULL, NULL);
		rte_mempool_populate_iova(mp, (char *)va + IOVA_PAGE / 2, iova[0] + 0x10000000,
					  IOVA_PAGE / 2, NULL, NULL);
	} else {
		rte_mempool_populate_iova(mp, (char *)va, iova[0], IOVA_PAGE, NULL, NULL);
	}
	rte_mempool_populate_iova(mp, (char *)va + IOVA_PAGE, iova[1], IOVA_PAGE, NULL, NULL);
	if (rte_mempool_avail_count(mp) != IOVA_NB_MBUFS) {
		rte_mempool_free(mp);
		return NULL;
	}
	rte_mempool_obj_iter(mp, rte_pktmbuf_init, NULL);
	return mp;
}

/* Complete the descriptors the driver posted, without touching their buffers. */
static void
hw_rx_complete_nodata(struct igbx_rx_queue *rxq)
{
	while (hw_rx_owned(rxq) != 0) {
		volatile union igbx_adv_rx_desc *d = &rxq->ring[hw_rx_head];

		d->wb.pkt_info = 0;
		d->wb.rss_hash = 0;
		d->wb.length = rte_cpu_to_le_16(60);
		d->wb.vlan = 0;
		d->wb.status_error = rte_cpu_to_le_32(IGBX_RXD_STAT_DD | IGBX_RXD_STAT_EOP);
		hw_rx_head = (uint16_t)((hw_rx_head + 1) % rxq->nb_desc);
	}
}

/* Every mbuf of the current pool goes round fn's refill (at least twice). */
static void
iova_rounds(const struct rx_case *c, burst_fn fn, enum igbx_rx_post_from want)
{
	struct igbx_rx_queue *rxq = start_rx(c);
	struct rte_mbuf *pkts[MAX_BURST];
	unsigned int round, taken = 0;

	UNIT_CHECK_EQ(rxq->post_from, want);
	for (round = 0; round < 40; round++) {
		uint16_t n;

		hw_rx_complete_nodata(rxq);
		n = fn(rxq, pkts, MAX_BURST);
		UNIT_CHECK(n > 0);
		check_rx_posted(rxq);
		taken += n;
		rte_pktmbuf_free_bulk(pkts, n);
	}
	/* every mbuf of the pool went round at least once: both pages posted */
	UNIT_CHECK(taken > 2 * IOVA_NB_MBUFS);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), IOVA_NB_MBUFS);
}

/*
 * Every refill (scalar, SSE, AVX2) posts m's buf_iova + headroom (what
 * rte_pktmbuf_init set from the mempool's chunks) whether it adds the pool's
 * one offset, looks the page up in the table, or reads the mbuf: two pages
 * at contiguous IOVAs have one offset; two at unrelated IOVAs need the
 * table; one page in two chunks at unrelated IOVAs needs a read per mbuf.
 */
static void
test_rx_iova(void)
{
	static const struct {
		const char *name;
		uint64_t iova[2];
		int split;
		enum igbx_rx_post_from want;
	} pools[] = {
		{ "iova_one", { 0x3456600000ull, 0x3456800000ull }, 0, IGBX_RX_POST_DELTA },
		{ "iova_table", { 0x3456600000ull, 0x1200000000ull }, 0, IGBX_RX_POST_TABLE },
		{ "iova_split", { 0x3456600000ull, 0x1200000000ull }, 1, IGBX_RX_POST_MBUF },
	};
	static const struct rx_case c = { "iova", 256, RTE_ETHER_MTU, 0, 0 };
	struct rte_mempool *saved = pool;
	unsigned int k;
	void *mem = aligned_alloc(IOVA_PAGE, 2 * IOVA_PAGE);

	UNIT_CHECK(mem != NULL);
	if (mem == NULL)
		return;
	for (k = 0; k < RTE_DIM(pools); k++) {
		pool = iova_pool(pools[k].name, mem, pools[k].iova, pools[k].split);
		UNIT_CHECK(pool != NULL);
		if (pool == NULL)
			break;
		iova_rounds(&c, igbx_recv_pkts, pools[k].want);
		iova_rounds(&c, igbx_recv_pkts_vec_sse, pools[k].want);
		if (have_avx2)
			iova_rounds(&c, igbx_recv_pkts_vec_avx2, pools[k].want);
		rte_mempool_free(pool);
	}
	pool = saved;
	free(mem);
	/* the ordinary pool (IOVA == VA here): one offset */
	{
		static const struct rx_case cv = { "iova-va", 64, RTE_ETHER_MTU, 0, 0 };
		struct igbx_rx_queue *rxq = start_rx(&cv);

		UNIT_CHECK_EQ(rxq->post_from, IGBX_RX_POST_DELTA);
		igbx_rxtx_stop(dev);
		igbx_rx_queue_release(dev, 0);
	}
}

int
main(int argc, char **argv)
{
	char *eal_args[] = { argv[0], "--no-huge", "--no-pci", "-m", "128", "--no-shconf",
			     "--iova-mode=va", "--no-telemetry", "--log-level=pmd.net.igbx.*:error",
			     NULL };
	struct igbx_adapter *ad;

	(void)argc;
	if (rte_eal_init(RTE_DIM(eal_args) - 1, eal_args) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	ad = calloc(1, sizeof(*ad));
	dev = rte_eth_dev_allocate("igbx_vec_unit");
	ad->hw.hw_addr = calloc(1, BAR0_SIZE);
	dev->data->dev_private = ad;
	dev->data->rx_queues = rxq_slots;
	dev->data->tx_queues = txq_slots;
	dev->data->nb_rx_queues = 1;
	dev->data->nb_tx_queues = 1;
	pool = rte_pktmbuf_pool_create("vec_unit_pool", NB_MBUFS, 0, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	UNIT_CHECK(pool != NULL && dev != NULL);
	if (pool == NULL || dev == NULL)
		return unit_report();
	have_avx2 = rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) == 1;
	if (!have_avx2)
		printf("skip AVX2 cases: this CPU has no AVX2\n");
	UNIT_RUN(test_rx_equal);
	UNIT_RUN(test_tx_equal);
	UNIT_RUN(test_select);
	UNIT_RUN(test_rx_iova);
	/* the fake device is ours (calloc), not ethdev's */
	dev->data->dev_private = NULL;
	free(ad->hw.hw_addr);
	free(ad);
	return unit_report();
}
