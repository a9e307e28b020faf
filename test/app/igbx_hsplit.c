/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_hsplit.c - RX buffer split (RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT) on one port
 * in MAC loopback, for test/sim/test_hsplit.py: frames with headers of several
 * sizes go out and come back as header + data segments from two mempools.
 *
 * Runs inside igbx-sim on port 0:
 *   igbx-sim --ports 1 --wire none -- igbx_hsplit <EAL args> -- <scenario>
 * Scenarios: proto (split after Ethernet/IPv4/TCP), length (split at 128
 * bytes), refill (many bursts through small pools), runtime (a stopped
 * queue set up again with another split), bad (invalid set-ups).
 * Prints "RESULT <what> key=value ..." lines, the RX descriptors as the
 * device wrote them back (rte_eth_rx_descriptor_dump), and at "PAUSE <tag>"
 * waits for a line on stdin so that the test can read the device registers.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "scenario_app.h"

#define P		0
#define NB_DESC		512
#define HDR_ROOM	128	/* header segment bytes after the headroom */
#define POOL_N		1023	/* mbufs in each RX pool: two rings' worth */
#define SMALL_POOL_N	700	/* refill scenario: little beyond one ring */
#define REFILL_ROUNDS	300	/* of 32 frames */

static struct rte_mempool *tx_pool, *hdr_pool, *data_pool;

/* What a frame looks like: protocol, IPv4 option and TCP option bytes, payload. */
struct frame_spec {
	uint8_t proto;		/* IPPROTO_TCP, IPPROTO_UDP, or 0 (not IP) */
	uint8_t ip_opt;
	uint8_t tcp_opt;
	uint16_t payload;
};

static uint16_t
frame_hdr_len(const struct frame_spec *s)
{
	if (s->proto == IPPROTO_TCP)
		return RTE_ETHER_HDR_LEN + 20 + s->ip_opt + 20 + s->tcp_opt;
	if (s->proto == IPPROTO_UDP)
		return RTE_ETHER_HDR_LEN + 20 + s->ip_opt + 8;
	return RTE_ETHER_HDR_LEN;
}

/* Builds the frame into buf (to our own address, payload a pattern of seq). */
static uint16_t
frame_build(const struct frame_spec *s, uint16_t seq, uint8_t *buf)
{
	struct rte_ether_hdr *eh = (struct rte_ether_hdr *)buf;
	uint16_t hl = frame_hdr_len(s), len = hl + s->payload, i;

	memset(buf, 0, len);
	rte_eth_macaddr_get(P, &eh->dst_addr);
	eh->src_addr = (struct rte_ether_addr){ .addr_bytes = { 0x02, 0, 0, 0, 0, 0x01 } };
	if (s->proto == 0) {
		eh->ether_type = rte_cpu_to_be_16(0x88B5);
	} else {
		struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eh + 1);
		uint8_t *l4 = (uint8_t *)ip + 20 + s->ip_opt;

		eh->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
		ip->version_ihl = (uint8_t)(0x40 | (20 + s->ip_opt) / 4);
		ip->total_length = rte_cpu_to_be_16((uint16_t)(len - RTE_ETHER_HDR_LEN));
		ip->packet_id = rte_cpu_to_be_16(seq);
		ip->time_to_live = 64;
		ip->next_proto_id = s->proto;
		ip->src_addr = rte_cpu_to_be_32(0x0a000001);
		ip->dst_addr = rte_cpu_to_be_32(0x0a000002);
		memset(ip + 1, 1, s->ip_opt);		/* NOP options */
		ip->hdr_checksum = rte_ipv4_cksum(ip);
		l4[0] = 0x12;
		l4[1] = 0x34;
		l4[3] = 80;
		if (s->proto == IPPROTO_TCP) {
			l4[12] = (uint8_t)(((20 + s->tcp_opt) / 4) << 4);
			l4[13] = 0x18;
			memset(l4 + 20, 1, s->tcp_opt);
		} else {
			l4[5] = (uint8_t)(8 + s->payload);
			l4[4] = (uint8_t)((8 + s->payload) >> 8);
		}
	}
	for (i = 0; i < s->payload; i++)
		buf[hl + i] = (uint8_t)(seq * 7 + i);
	return len;
}

static int
send_frame(const struct frame_spec *s, uint16_t seq)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(tx_pool);
	uint8_t buf[RTE_ETHER_MAX_LEN];
	uint16_t len = frame_build(s, seq, buf);
	char *p;

	if (m == NULL)
		return -ENOMEM;
	p = rte_pktmbuf_append(m, len);
	if (p == NULL) {
		rte_pktmbuf_free(m);
		return -ENOSPC;
	}
	memcpy(p, buf, len);
	while (rte_eth_tx_burst(P, 0, &m, 1) == 0)
		;
	return 0;
}

/* Does the chain m hold exactly the frame (bytes of all segments in order)? */
static int
chain_matches(const struct rte_mbuf *m, const uint8_t *want, uint16_t len)
{
	uint32_t off = 0;

	if (m->pkt_len != len)
		return 0;
	for (; m != NULL; m = m->next) {
		if (off + m->data_len > len ||
		    memcmp(rte_pktmbuf_mtod(m, const uint8_t *), want + off, m->data_len) != 0)
			return 0;
		off += m->data_len;
	}
	return off == len;
}

static int
wait_rx_count(unsigned int n, unsigned int ms)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() * ms / 1000;
	int c = 0;

	while (rte_get_timer_cycles() < end) {
		c = rte_eth_rx_queue_count(P, 0);
		if (c >= (int)n)
			break;
		rte_delay_us(100);
	}
	return c;
}

static uint16_t
receive(struct rte_mbuf **m, uint16_t n, unsigned int ms)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() * ms / 1000;
	uint16_t got = 0;

	while (got < n && rte_get_timer_cycles() < end) {
		uint16_t nb = rte_eth_rx_burst(P, 0, m + got, n - got);

		got += nb;
		if (nb == 0)
			rte_delay_us(50);
	}
	return got;
}

/* MAC loopback forces the link up; frames sent before it is would wait. */
static void
wait_link_up(void)
{
	struct rte_eth_link link;
	unsigned int i;

	for (i = 0; i < 100; i++) {
		if (rte_eth_link_get_nowait(P, &link) == 0 && link.link_status)
			return;
		rte_delay_ms(50);
	}
}

/* One port, one queue pair, MAC loopback, RX split as rx_seg says. */
static int
port_start_split(union rte_eth_rxseg *seg, uint16_t nseg, uint64_t extra_offloads)
{
	struct rte_eth_conf conf;
	struct rte_eth_rxconf rxconf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.lpbk_mode = 1;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT | extra_offloads;
	ret = rte_eth_dev_configure(P, 1, 1, &conf);
	memset(&rxconf, 0, sizeof(rxconf));
	rxconf.offloads = conf.rxmode.offloads;
	rxconf.rx_seg = seg;
	rxconf.rx_nseg = nseg;
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rxconf, NULL);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(P);
	if (ret == 0)
		wait_link_up();
	printf("RESULT start ret=%d\n", ret);
	return ret;
}

static void
seg_proto(union rte_eth_rxseg seg[2], uint32_t proto_hdr)
{
	memset(seg, 0, 2 * sizeof(*seg));
	seg[0].split.mp = hdr_pool;
	seg[0].split.proto_hdr = proto_hdr;
	seg[1].split.mp = data_pool;
}

static void
seg_length(union rte_eth_rxseg seg[2], uint16_t length)
{
	memset(seg, 0, 2 * sizeof(*seg));
	seg[0].split.mp = hdr_pool;
	seg[0].split.length = length;
	seg[1].split.mp = data_pool;
}

/* Sends the frames, dumps their write-backs, receives and reports each chain. */
static int
run_frames(const char *what, const struct frame_spec *spec, unsigned int n)
{
	struct rte_mbuf *m[32];
	uint8_t want[RTE_ETHER_MAX_LEN];
	unsigned int i, got, bad = 0;
	uint16_t len;

	for (i = 0; i < n; i++)
		if (send_frame(&spec[i], (uint16_t)i) != 0)
			return 1;
	printf("RESULT %s queued=%d\n", what, wait_rx_count(n, 10000));
	printf("DUMP BEGIN\n");
	rte_eth_rx_descriptor_dump(P, 0, 0, (uint16_t)n, stdout);
	printf("DUMP END\n");
	got = receive(m, (uint16_t)n, 10000);
	for (i = 0; i < got; i++) {
		len = frame_build(&spec[i], (uint16_t)i, want);
		printf("RESULT %s-%u len=%u hdr=%u pkt_len=%u nb_segs=%u seg0=%u seg1=%u "
		       "pool0=%d pool1=%d match=%d\n", what, i, len, frame_hdr_len(&spec[i]),
		       m[i]->pkt_len, m[i]->nb_segs, m[i]->data_len,
		       m[i]->next != NULL ? m[i]->next->data_len : 0,
		       m[i]->pool == hdr_pool,
		       m[i]->next != NULL && m[i]->next->pool == data_pool,
		       chain_matches(m[i], want, len));
		bad += !chain_matches(m[i], want, len);
		rte_pktmbuf_free(m[i]);
	}
	printf("RESULT %s sent=%u received=%u bad=%u\n", what, n, got, bad);
	return 0;
}

static void
report_pools(const char *what)
{
	printf("RESULT %s hdr_avail=%u hdr_size=%u data_avail=%u data_size=%u\n", what,
	       rte_mempool_avail_count(hdr_pool), hdr_pool->size,
	       rte_mempool_avail_count(data_pool), data_pool->size);
}

static int
scenario_proto(void)
{
	static const struct frame_spec spec[] = {
		{ IPPROTO_TCP, 0, 0, 100 },	/* header 54 */
		{ IPPROTO_TCP, 0, 20, 300 },	/* 74 */
		{ IPPROTO_TCP, 0, 40, 1000 },	/* 94 */
		{ IPPROTO_TCP, 40, 40, 200 },	/* 134 > 128: HBO, not split */
		{ IPPROTO_UDP, 0, 0, 200 },	/* layout not enabled: not split */
		{ IPPROTO_TCP, 0, 20, 0 },	/* header only: empty data segment */
		{ 0, 0, 0, 100 },		/* not IP */
	};
	union rte_eth_rxseg seg[2];

	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	if (port_start_split(seg, 2, 0) != 0)
		return 1;
	pause_for_test("proto");
	if (run_frames("proto", spec, RTE_DIM(spec)) != 0)
		return 1;
	rte_eth_dev_stop(P);
	report_pools("proto-stopped");
	return 0;
}

static int
scenario_length(void)
{
	static const struct frame_spec spec[] = {
		{ 0, 0, 0, 46 },		/* 60 bytes: all in the header buffer */
		{ 0, 0, 0, 114 },		/* 128: exactly the header buffer */
		{ 0, 0, 0, 115 },		/* 129: one byte of data */
		{ IPPROTO_TCP, 0, 0, 246 },	/* 300 */
		{ IPPROTO_UDP, 0, 0, 1472 },	/* 1514 */
	};
	union rte_eth_rxseg seg[2];

	seg_length(seg, HDR_ROOM);
	if (port_start_split(seg, 2, 0) != 0)
		return 1;
	pause_for_test("length");
	if (run_frames("length", spec, RTE_DIM(spec)) != 0)
		return 1;
	rte_eth_dev_stop(P);
	report_pools("length-stopped");
	return 0;
}

/* Many bursts through pools barely larger than the ring: both refill. Each
 * round sends 32 frames of one header size; a frame is checked against the
 * round its IP id names, so a late one is still judged right.
 */
static void
refill_spec(unsigned int round, struct frame_spec *s)
{
	static const uint16_t payloads[4] = { 18, 200, 700, 1400 };

	s->proto = IPPROTO_TCP;
	s->ip_opt = 0;
	s->tcp_opt = (uint8_t)(4 * (round % 11));
	s->payload = payloads[round % 4];
}

static int
scenario_refill(void)
{
	union rte_eth_rxseg seg[2];
	struct rte_mbuf *m[32];
	uint8_t want[RTE_ETHER_MAX_LEN];
	unsigned int round, i, got, ok = 0, total = 0, split_ok = 0;
	struct rte_eth_stats st;
	struct frame_spec s;

	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	if (port_start_split(seg, 2, 0) != 0)
		return 1;
	for (round = 0; round < REFILL_ROUNDS; round++) {
		refill_spec(round, &s);
		for (i = 0; i < 32; i++)
			send_frame(&s, (uint16_t)(round * 32 + i));
		got = receive(m, 32, 10000);
		for (i = 0; i < got; i++) {
			const struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(m[i],
				const struct rte_ipv4_hdr *, RTE_ETHER_HDR_LEN);
			uint16_t seq = m[i]->data_len >= RTE_ETHER_HDR_LEN + 20 ?
				rte_be_to_cpu_16(ip->packet_id) : 0;
			uint16_t len;

			refill_spec(seq / 32u, &s);
			len = frame_build(&s, seq, want);
			ok += chain_matches(m[i], want, len);
			split_ok += m[i]->nb_segs == 2 && m[i]->data_len == frame_hdr_len(&s);
			rte_pktmbuf_free(m[i]);
		}
		total += got;
	}
	rte_eth_stats_get(P, &st);
	printf("RESULT refill sent=%u received=%u matched=%u split=%u alloc_failed=%" PRIu64
	       " ipackets=%" PRIu64 "\n", REFILL_ROUNDS * 32, total, ok, split_ok,
	       st.rx_nombuf, st.ipackets);
	rte_eth_dev_stop(P);
	report_pools("refill-stopped");
	return 0;
}

/* A stopped queue of the running port set up again with another split. */
static int
scenario_runtime(void)
{
	static const struct frame_spec spec[] = {
		{ IPPROTO_UDP, 0, 0, 200 },	/* header 42: split now */
		{ IPPROTO_TCP, 0, 0, 200 },	/* no longer split */
	};
	union rte_eth_rxseg seg[2];
	struct rte_eth_rxconf rxconf;
	int ret;

	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	if (port_start_split(seg, 2, 0) != 0)
		return 1;
	pause_for_test("runtime-tcp");
	ret = rte_eth_dev_rx_queue_stop(P, 0);
	memset(&rxconf, 0, sizeof(rxconf));
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT;
	rxconf.rx_seg = seg;
	rxconf.rx_nseg = 2;
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_UDP);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rxconf, NULL);
	if (ret == 0)
		ret = rte_eth_dev_rx_queue_start(P, 0);
	printf("RESULT runtime-setup ret=%d\n", ret);
	if (ret != 0)
		return 1;
	pause_for_test("runtime-udp");
	if (run_frames("runtime", spec, RTE_DIM(spec)) != 0)
		return 1;
	/* the running port splits: a queue without split does not fit it */
	ret = rte_eth_dev_rx_queue_stop(P, 0);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, data_pool);
	printf("RESULT runtime-nosplit ret=%d\n", ret);
	rte_eth_dev_stop(P);
	report_pools("runtime-stopped");
	return 0;
}

/* One invalid set-up: the queue setup's return value. */
static int
bad_setup(const char *name, uint16_t nb_rxq, union rte_eth_rxseg *seg, uint16_t nseg,
	  struct rte_mempool *mp, uint64_t offloads)
{
	struct rte_eth_conf conf;
	struct rte_eth_rxconf rxconf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = offloads;
	ret = rte_eth_dev_configure(P, nb_rxq, 1, &conf);
	memset(&rxconf, 0, sizeof(rxconf));
	rxconf.offloads = offloads;
	rxconf.rx_seg = seg;
	rxconf.rx_nseg = nseg;
	if (ret == 0 && nb_rxq == 2) {	/* queue 0 splits after TCP, queue 1 after UDP */
		union rte_eth_rxseg ok[2];

		seg_proto(ok, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN |
			  RTE_PTYPE_L4_TCP);
		rxconf.rx_seg = ok;
		ret = rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rxconf, NULL);
		rxconf.rx_seg = seg;
		if (ret == 0)
			ret = rte_eth_rx_queue_setup(P, 1, NB_DESC, SOCKET_ID_ANY, &rxconf, mp);
	} else if (ret == 0) {
		ret = rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rxconf, mp);
	}
	printf("RESULT bad-%s ret=%d\n", name, ret);
	fflush(stdout);
	return ret;
}

static int
scenario_bad(void)
{
	const uint64_t split = RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT;
	struct rte_mempool *tiny;
	union rte_eth_rxseg seg[3];
	int fails = 0;

	tiny = rte_pktmbuf_pool_create("tiny_hdr", 511, 0, 0, RTE_PKTMBUF_HEADROOM + 32,
				       SOCKET_ID_ANY);
	if (tiny == NULL)
		return 1;
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	seg[2] = seg[1];
	fails += bad_setup("nseg3", 1, seg, 3, NULL, split) >= 0;
	fails += bad_setup("nseg1", 1, seg, 1, NULL, split) >= 0;
	seg_length(seg, 0);
	fails += bad_setup("zero-length", 1, seg, 2, NULL, split) >= 0;
	seg_length(seg, 100);
	fails += bad_setup("length-not-64", 1, seg, 2, NULL, split) >= 0;
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	seg[0].split.mp = tiny;
	fails += bad_setup("hdr-pool-small", 1, seg, 2, NULL, split) >= 0;
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	fails += bad_setup("no-offload", 1, seg, 2, NULL, 0) >= 0;
	fails += bad_setup("offload-no-seg", 1, NULL, 0, data_pool, split) >= 0;
	fails += bad_setup("keep-crc", 1, seg, 2, NULL,
			   split | RTE_ETH_RX_OFFLOAD_KEEP_CRC) >= 0;
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN);
	fails += bad_setup("proto-l3", 1, seg, 2, NULL, split) >= 0;
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_UDP);
	fails += bad_setup("psrtype-mismatch", 2, seg, 2, NULL, split) >= 0;
	/* a good set-up still works after all that */
	seg_proto(seg, RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT_UNKNOWN | RTE_PTYPE_L4_TCP);
	if (port_start_split(seg, 2, 0) != 0)
		fails++;
	rte_eth_dev_stop(P);
	rte_eth_dev_close(P);
	report_pools("bad-closed");
	printf("RESULT bad accepted=%d tiny_avail=%u\n", fails, rte_mempool_avail_count(tiny));
	return 0;
}

int
main(int argc, char **argv)
{
	const char *scenario;
	unsigned int n = POOL_N;
	struct rte_eth_dev_info info;
	int ret;

	scenario = scenario_init(argc, argv, "igbx_hsplit <EAL args> -- "
				 "proto|length|refill|runtime|bad");
	if (scenario == NULL)
		return 2;
	if (strcmp(scenario, "refill") == 0)
		n = SMALL_POOL_N;
	tx_pool = rte_pktmbuf_pool_create("tx", 2047, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	hdr_pool = rte_pktmbuf_pool_create("hdr", n, 32, 0, RTE_PKTMBUF_HEADROOM + HDR_ROOM,
					   SOCKET_ID_ANY);
	data_pool = rte_pktmbuf_pool_create("data", n, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					    SOCKET_ID_ANY);
	if (tx_pool == NULL || hdr_pool == NULL || data_pool == NULL)
		return 2;
	if (scenario_driver_info(P, &info) != 0)
		return 2;
	printf("RESULT capa split=%d max_nseg=%u multi_pools=%u offset_allowed=%u\n",
	       !!(info.rx_offload_capa & RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT),
	       info.rx_seg_capa.max_nseg, info.rx_seg_capa.multi_pools,
	       info.rx_seg_capa.offset_allowed);
	fflush(stdout);
	if (strcmp(scenario, "proto") == 0)
		ret = scenario_proto();
	else if (strcmp(scenario, "length") == 0)
		ret = scenario_length();
	else if (strcmp(scenario, "refill") == 0)
		ret = scenario_refill();
	else if (strcmp(scenario, "bad") == 0)
		ret = scenario_bad();
	else if (strcmp(scenario, "runtime") == 0)
		ret = scenario_runtime();
	else
		ret = 2;
	printf("DONE %s status %d\n", scenario, ret);
	fflush(stdout);
	rte_eal_cleanup();
	return ret;
}
