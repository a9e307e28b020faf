/* SPDX-License-Identifier: BSD-3-Clause */
/* fuzz_rx_decode.c - libFuzzer harness: a device that writes garbage RX write-backs
 * (DD set) into the descriptors it owns; igbx_recv_pkts / igbx_recv_scattered_pkts
 * must stay inside the ring, hand out sane mbufs and leak none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_mbuf.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"
#include "fuzz_common.h"

/*
 * Input: one configuration byte (ring size, scatter, keep CRC, VLAN strip,
 * burst function), one free-threshold byte, then operations: a byte with the
 * top bit set is a burst of (byte & 63) packets; otherwise (byte & 63) + 1
 * write-backs follow, 12 bytes each (pkt_info, hdr_info, rss hash,
 * status_error, length, vlan), written only into descriptors the device owns
 * (from its head up to RDT - 1), as the 82576 would.
 */
#define NB_MBUFS	2048
/*
 * A chain never holds more mbufs than the pool has: the device may leave EOP
 * clear for as long as it likes and the chain grows across bursts. Walking
 * further than this means the chain loops.
 */
#define MAX_SEGS	NB_MBUFS

typedef uint16_t (*burst_fn)(void *, struct rte_mbuf **, uint16_t);

/* The vector bursts, when the driver has them (weak: absent is NULL). */
uint16_t igbx_recv_pkts_vec_sse(void *, struct rte_mbuf **, uint16_t) __attribute__((weak));
uint16_t igbx_recv_scattered_pkts_vec_sse(void *, struct rte_mbuf **, uint16_t)
	__attribute__((weak));

static struct rte_eth_dev *dev;
static struct rte_mempool *pool;
static uint16_t hw_head;
/*
 * FUZZ_RX_STRICT=1 also requires data_len to fit the buffer when the device
 * writes a length longer than the buffer it was given (the 82576 never does;
 * igbx, like the stock igb, trusts it today: test/fuzz/crashes/rx_decode/).
 */
static bool strict_len;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_eal_init();
	strict_len = getenv("FUZZ_RX_STRICT") != NULL;
	dev = fuzz_dev_create("igbx_fuzz_rx");
	pool = rte_pktmbuf_pool_create("fuzz_rx_pool", NB_MBUFS, 0, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (pool == NULL)
		fuzz_fail("no mbuf pool");
	return 0;
}

static unsigned int
hw_owned(const struct igbx_rx_queue *rxq)
{
	uint32_t rdt = fuzz_reg(dev, IGBX_RDT(0));

	if (rdt >= rxq->nb_desc)
		fuzz_fail("RDT %u outside a ring of %u", rdt, rxq->nb_desc);
	return (rdt + rxq->nb_desc - hw_head) % rxq->nb_desc;
}

static void
hw_write_backs(struct fuzz_in *in, struct igbx_rx_queue *rxq, unsigned int count)
{
	while (count-- > 0 && hw_owned(rxq) > 0) {
		volatile union igbx_adv_rx_desc *d = &rxq->ring[hw_head];

		d->wb.pkt_info = fuzz_u16(in);
		d->wb.hdr_info = fuzz_u16(in);
		d->wb.rss_hash = fuzz_u32(in);
		d->wb.length = fuzz_u16(in);
		d->wb.vlan = fuzz_u16(in);
		d->wb.status_error = fuzz_u32(in) | IGBX_RXD_STAT_DD;
		hw_head = (hw_head + 1) % rxq->nb_desc;
	}
}

/* What the application may rely on: every segment inside its buffer, the
 * chain as long as nb_segs says, pkt_len the sum of the data lengths. */
static void
check_packet(const struct rte_mbuf *m)
{
	const struct rte_mbuf *s = m;
	uint32_t sum = 0;
	unsigned int segs = 0;

	for (; s != NULL && segs <= MAX_SEGS; s = s->next, segs++) {
		if (s->pool != pool)
			fuzz_fail("segment %u of a packet is not from the pool", segs);
		if (strict_len && (uint32_t)s->data_off + s->data_len > s->buf_len)
			fuzz_fail("segment %u: data_off %u + data_len %u > buf_len %u", segs,
				  s->data_off, s->data_len, s->buf_len);
		sum += s->data_len;
	}
	if (segs != m->nb_segs)
		fuzz_fail("chain of %u segments, nb_segs %u", segs, m->nb_segs);
	if (sum != m->pkt_len)
		fuzz_fail("pkt_len %u, segments hold %u", m->pkt_len, sum);
}

static void
receive(burst_fn fn, struct igbx_rx_queue *rxq, uint16_t n)
{
	struct rte_mbuf *pkts[64];
	uint16_t got, i;

	got = fn(rxq, pkts, n);
	if (got > n)
		fuzz_fail("burst of %u returned %u", n, got);
	for (i = 0; i < got; i++) {
		check_packet(pkts[i]);
		rte_pktmbuf_free(pkts[i]);
	}
}

static burst_fn
pick_burst(uint8_t cfg, bool scatter)
{
	bool vec = (cfg & 0x20) && getenv("FUZZ_RX_VEC") != NULL;

	if (vec && scatter && igbx_recv_scattered_pkts_vec_sse != NULL)
		return igbx_recv_scattered_pkts_vec_sse;
	if (vec && !scatter && igbx_recv_pkts_vec_sse != NULL)
		return igbx_recv_pkts_vec_sse;
	return scatter ? igbx_recv_scattered_pkts : igbx_recv_pkts;
}

static struct igbx_rx_queue *
start_queue(uint8_t cfg, uint8_t thresh, bool scatter)
{
	uint16_t nb_desc = (uint16_t)(32u << (cfg & 3));
	uint64_t offloads = (scatter ? RTE_ETH_RX_OFFLOAD_SCATTER : 0) |
			    ((cfg & 8) ? RTE_ETH_RX_OFFLOAD_KEEP_CRC : 0) |
			    ((cfg & 16) ? RTE_ETH_RX_OFFLOAD_VLAN_STRIP : 0);
	struct rte_eth_rxconf conf = {
		.offloads = offloads,
		.rx_free_thresh = (uint16_t)(thresh % nb_desc),
	};

	dev->data->mtu = scatter ? 9000 : RTE_ETHER_MTU;
	dev->data->dev_conf.rxmode.offloads = offloads;
	dev->data->dev_conf.rxmode.mq_mode = (cfg & 0x40) ? RTE_ETH_MQ_RX_RSS : 0;
	if (igbx_rx_queue_setup(dev, 0, nb_desc, SOCKET_ID_ANY, &conf, pool) != 0)
		return NULL;
	if (igbx_rx_init(dev) != 0) {
		igbx_rx_queue_release(dev, 0);
		return NULL;
	}
	hw_head = 0;
	return dev->data->rx_queues[0];
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	uint8_t cfg = fuzz_u8(&in), thresh = fuzz_u8(&in);
	bool scatter = cfg & 4;
	struct igbx_rx_queue *rxq = start_queue(cfg, thresh, scatter);
	burst_fn fn = pick_burst(cfg, scatter);
	unsigned int i;

	if (rxq == NULL)
		return 0;
	while (fuzz_more(&in)) {
		uint8_t op = fuzz_u8(&in);

		if (op & 0x80)
			receive(fn, rxq, op & 63);
		else
			hw_write_backs(&in, rxq, (op & 63) + 1u);
	}
	for (i = 0; i < 4; i++)
		receive(fn, rxq, 64);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	if (rte_mempool_avail_count(pool) != NB_MBUFS)
		fuzz_fail("%u of %u mbufs back in the pool after release",
			  rte_mempool_avail_count(pool), NB_MBUFS);
	return 0;
}
