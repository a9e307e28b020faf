/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_api_test.c - bad input to the ethdev API on two simulated 82576 ports
 * (bad input): each rule's errno, then the port still forwards.
 *
 * Runs inside igbx-sim, EAL arguments on the command line, for example:
 *   igbx-sim -- igbx_api_test -l 0 -n 1 -m 256 -a 0000:00:10.0
 *            -a 0000:00:10.1 [-d librte_net_igbx.so]
 * Checks that DPDK's stock igb driver does not define (it accepts the input)
 * run only when the port is driven by net_igbx. Prints "N passed, N failed".
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define PORT_A		0	/* transmits */
#define PORT_B		1	/* receives (wire pair 0 <-> 1) */
#define NB_DESC		512
#define POOL_SIZE	4095
#define SMALL_ROOM	(RTE_PKTMBUF_HEADROOM + 1024)
#define BURST		32
#define RETA_SIZE	128
#define RSS_KEY_LEN	40
/* The multicast list limit igbx documents (igbx_filter.h policy). */
/* igbx hashes up to 512 groups, falls back to multicast promiscuous up to
 * 4096 (one per MTA bucket) and refuses longer lists. */
#define IGBX_MC_HASHED_MAX	512
#define IGBX_MC_LIST_MAX	4096

static unsigned int n_passed, n_failed;
static bool is_igbx;
static struct rte_mempool *pool, *small_pool;

#define CHECK(cond, ...) check_result(!!(cond), __LINE__, #cond, __VA_ARGS__)
/* Evaluates the call once: calls have side effects (start, setup...). */
#define CHECK_RET(call, want, what) do { \
	int got_ = (call); \
	check_result(got_ == (want), __LINE__, #call, \
		     "%s: returned %d (%s), want %d", what, got_, \
		     got_ < 0 ? strerror(-got_) : "ok", (int)(want)); \
} while (0)

static void __attribute__((format(printf, 4, 5)))
check_result(bool ok, int line, const char *expr, const char *fmt, ...)
{
	va_list ap;

	printf("%s line %d: ", ok ? "PASS" : "FAIL", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	if (!ok)
		printf("  [%s]", expr);
	printf("\n");
	fflush(stdout);
	if (ok)
		n_passed++;
	else
		n_failed++;
}

/* Configure port with nb_q queue pairs (RSS when more than one). */
static int configure(uint16_t port, uint16_t nb_q, uint64_t rx_offloads)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	if (rte_eth_dev_info_get(port, &info) != 0)
		return -EIO;
	conf.rxmode.offloads = rx_offloads;
	if (nb_q > 1) {
		conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
		conf.rx_adv_conf.rss_conf.rss_hf =
			RTE_ETH_RSS_IP & info.flow_type_rss_offloads;
	}
	return rte_eth_dev_configure(port, nb_q, nb_q, &conf);
}

static int setup_queues(uint16_t port, uint16_t nb_q)
{
	uint16_t q;
	int ret;

	for (q = 0; q < nb_q; q++) {
		ret = rte_eth_rx_queue_setup(port, q, NB_DESC, SOCKET_ID_ANY,
					     NULL, pool);
		if (ret != 0)
			return ret;
		ret = rte_eth_tx_queue_setup(port, q, NB_DESC, SOCKET_ID_ANY,
					     NULL);
		if (ret != 0)
			return ret;
	}
	return 0;
}

static void test_queue_ids(uint16_t port)
{
	struct rte_eth_dev_info info;

	CHECK_RET(rte_eth_dev_info_get(port, &info), 0, "dev_info_get");
	CHECK(info.max_rx_queues == 16 && info.max_tx_queues == 16,
	      "82576 has 16/16 queues: max_rx_queues %u max_tx_queues %u",
	      info.max_rx_queues, info.max_tx_queues);
	CHECK_RET(rte_eth_dev_configure(port, 17, 1,
		  &(struct rte_eth_conf){ .rxmode.mq_mode = RTE_ETH_MQ_RX_RSS }),
		  -EINVAL, "configure 17 rx queues");
	CHECK_RET(configure(port, 1, 0), 0, "configure 1 queue");
	CHECK_RET(rte_eth_rx_queue_setup(port, 1, NB_DESC, SOCKET_ID_ANY, NULL,
					 pool), -EINVAL, "rx queue id 1 of 1");
	CHECK_RET(rte_eth_tx_queue_setup(port, 1, NB_DESC, SOCKET_ID_ANY, NULL),
		  -EINVAL, "tx queue id 1 of 1");
	CHECK_RET(rte_eth_rx_queue_setup(port, 16, NB_DESC, SOCKET_ID_ANY, NULL,
					 pool), -EINVAL, "rx queue id 16");
}

static void test_desc_counts(uint16_t port)
{
	static const uint16_t bad[] = { 4, 16, NB_DESC + 4, 4096 + 8 };
	struct rte_eth_dev_info info;
	unsigned int i;
	char what[64];

	CHECK_RET(rte_eth_dev_info_get(port, &info), 0, "dev_info_get");
	/* RDLEN/TDLEN are multiples of 128 bytes: 8 descriptors (7.1.3). */
	CHECK(info.rx_desc_lim.nb_align == 8 && info.tx_desc_lim.nb_align == 8,
	      "descriptor alignment rx %u tx %u, want 8",
	      info.rx_desc_lim.nb_align, info.tx_desc_lim.nb_align);
	CHECK(info.rx_desc_lim.nb_max == 4096 && info.tx_desc_lim.nb_max == 4096,
	      "descriptor max rx %u tx %u, want 4096",
	      info.rx_desc_lim.nb_max, info.tx_desc_lim.nb_max);
	CHECK_RET(configure(port, 1, 0), 0, "configure 1 queue");
	for (i = 0; i < RTE_DIM(bad); i++) {
		if (bad[i] >= info.rx_desc_lim.nb_min &&
		    bad[i] <= info.rx_desc_lim.nb_max &&
		    bad[i] % info.rx_desc_lim.nb_align == 0)
			continue;	/* 16 is valid if the minimum is 8 or 16 */
		snprintf(what, sizeof(what), "rx nb_desc %u", bad[i]);
		CHECK_RET(rte_eth_rx_queue_setup(port, 0, bad[i], SOCKET_ID_ANY,
						 NULL, pool), -EINVAL, what);
		snprintf(what, sizeof(what), "tx nb_desc %u", bad[i]);
		CHECK_RET(rte_eth_tx_queue_setup(port, 0, bad[i], SOCKET_ID_ANY,
						 NULL), -EINVAL, what);
	}
	CHECK(rte_mempool_avail_count(pool) == POOL_SIZE,
	      "no mbuf kept by failed setups: %u of %u available",
	      rte_mempool_avail_count(pool), POOL_SIZE);
}

/* 1024-byte buffers cannot hold a 1518-byte frame unless RX scatters. */
static void test_small_mempool(uint16_t port)
{
	CHECK_RET(configure(port, 1, RTE_ETH_RX_OFFLOAD_SCATTER), 0,
		  "configure with scatter");
	CHECK_RET(rte_eth_rx_queue_setup(port, 0, NB_DESC, SOCKET_ID_ANY, NULL,
					 small_pool), 0,
		  "1024-byte buffers with scatter");
	/* without the offload too: both drivers turn scattered RX on by
	 * themselves when a frame needs more than one buffer (DTS's mtu suite
	 * relies on it)
	 */
	CHECK_RET(configure(port, 1, 0), 0, "configure without scatter");
	CHECK_RET(rte_eth_rx_queue_setup(port, 0, NB_DESC, SOCKET_ID_ANY, NULL,
					 small_pool), 0,
		  "1024-byte buffers, MTU 1500, no scatter");
}

static void test_offloads(uint16_t port)
{
	struct rte_eth_conf conf;
	struct rte_eth_rxconf rxconf;
	struct rte_eth_txconf txconf;
	struct rte_eth_dev_info info;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	CHECK_RET(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
		  "configure rx offload TCP_LRO");
	memset(&conf, 0, sizeof(conf));
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO;
	CHECK_RET(rte_eth_dev_configure(port, 1, 1, &conf), -EINVAL,
		  "configure tx offload VXLAN_TNL_TSO");
	CHECK_RET(configure(port, 1, 0), 0, "configure 1 queue");
	CHECK_RET(rte_eth_dev_info_get(port, &info), 0, "dev_info_get");
	rxconf = info.default_rxconf;
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	CHECK_RET(rte_eth_rx_queue_setup(port, 0, NB_DESC, SOCKET_ID_ANY,
					 &rxconf, pool), -EINVAL,
		  "rx queue offload TCP_LRO");
	txconf = info.default_txconf;
	txconf.offloads = RTE_ETH_TX_OFFLOAD_GENEVE_TNL_TSO;
	CHECK_RET(rte_eth_tx_queue_setup(port, 0, NB_DESC, SOCKET_ID_ANY,
					 &txconf), -EINVAL,
		  "tx queue offload GENEVE_TNL_TSO");
}

static void test_bad_rss_key(uint16_t port, uint8_t *key);

static void fill_reta(struct rte_eth_rss_reta_entry64 *reta, unsigned int n,
		      uint16_t nb_q)
{
	unsigned int i;

	memset(reta, 0, sizeof(*reta) * (n / RTE_ETH_RETA_GROUP_SIZE));
	for (i = 0; i < n; i++) {
		reta[i / RTE_ETH_RETA_GROUP_SIZE].mask |=
			1ULL << (i % RTE_ETH_RETA_GROUP_SIZE);
		reta[i / RTE_ETH_RETA_GROUP_SIZE].reta[i % RTE_ETH_RETA_GROUP_SIZE] =
			(nb_q - 1) - i % nb_q;
	}
}

static void test_reta_and_key(uint16_t port)
{
	struct rte_eth_rss_reta_entry64 reta[RETA_SIZE / RTE_ETH_RETA_GROUP_SIZE];
	struct rte_eth_rss_reta_entry64 back[RETA_SIZE / RTE_ETH_RETA_GROUP_SIZE];
	uint8_t key[RSS_KEY_LEN + 12], key_back[RSS_KEY_LEN];
	struct rte_eth_rss_conf rss;
	unsigned int i, same = 0;

	CHECK_RET(configure(port, 4, 0), 0, "configure 4 queues RSS");
	CHECK_RET(setup_queues(port, 4), 0, "setup 4 queue pairs");
	/* started: stock igb only takes RSS updates once MRQC enables RSS */
	CHECK_RET(rte_eth_dev_start(port), 0, "start with 4 queues");
	fill_reta(reta, RETA_SIZE, 4);
	CHECK_RET(rte_eth_dev_rss_reta_update(port, reta, 64), -EINVAL,
		  "reta_update size 64");
	CHECK_RET(rte_eth_dev_rss_reta_update(port, reta, RETA_SIZE), 0,
		  "reta_update size 128");
	fill_reta(back, RETA_SIZE, 4);
	CHECK_RET(rte_eth_dev_rss_reta_query(port, back, 64), -EINVAL,
		  "reta_query size 64");
	for (i = 0; i < RTE_DIM(back); i++)
		memset(back[i].reta, 0xff, sizeof(back[i].reta));
	CHECK_RET(rte_eth_dev_rss_reta_query(port, back, RETA_SIZE), 0,
		  "reta_query size 128");
	for (i = 0; i < RETA_SIZE; i++)
		same += back[i / 64].reta[i % 64] == reta[i / 64].reta[i % 64];
	CHECK(same == RETA_SIZE, "RETA read back: %u of %u entries as written",
	      same, RETA_SIZE);

	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(0x5a ^ (i * 37));
	rss = (struct rte_eth_rss_conf){ .rss_key = key, .rss_key_len = RSS_KEY_LEN,
		.rss_hf = RTE_ETH_RSS_IPV4 };
	CHECK_RET(rte_eth_dev_rss_hash_update(port, &rss), 0,
		  "rss_hash_update 40-byte key");
	memset(key_back, 0, sizeof(key_back));
	rss = (struct rte_eth_rss_conf){ .rss_key = key_back,
		.rss_key_len = RSS_KEY_LEN };
	CHECK_RET(rte_eth_dev_rss_hash_conf_get(port, &rss), 0,
		  "rss_hash_conf_get");
	CHECK(memcmp(key, key_back, RSS_KEY_LEN) == 0 &&
	      (rss.rss_hf & RTE_ETH_RSS_IPV4),
	      "RSS key and IPv4 hash type read back as written");
	if (is_igbx)	/* stock igb reads 40 bytes whatever the length says */
		test_bad_rss_key(port, key);
	CHECK_RET(rte_eth_dev_stop(port), 0, "stop");
}

static void test_bad_rss_key(uint16_t port, uint8_t *key)
{
	uint8_t key_back[RSS_KEY_LEN];
	struct rte_eth_rss_conf rss;

	key[0] ^= 0xff;
	rss = (struct rte_eth_rss_conf){ .rss_key = key, .rss_key_len = 20,
		.rss_hf = RTE_ETH_RSS_IPV4 };
	CHECK_RET(rte_eth_dev_rss_hash_update(port, &rss), -EINVAL,
		  "rss_hash_update 20-byte key");
	rss.rss_key_len = RSS_KEY_LEN + 12;
	CHECK_RET(rte_eth_dev_rss_hash_update(port, &rss), -EINVAL,
		  "rss_hash_update 52-byte key");
	key[0] ^= 0xff;
	memset(key_back, 0, sizeof(key_back));
	rss = (struct rte_eth_rss_conf){ .rss_key = key_back,
		.rss_key_len = RSS_KEY_LEN };
	CHECK_RET(rte_eth_dev_rss_hash_conf_get(port, &rss), 0,
		  "rss_hash_conf_get");
	CHECK(memcmp(key, key_back, RSS_KEY_LEN) == 0,
	      "RSS key unchanged by the rejected updates");
}

static void test_mac_addrs(uint16_t port)
{
	struct rte_ether_addr mc = {{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }};
	struct rte_ether_addr zero = {{ 0 }};
	struct rte_ether_addr uc = {{ 0x02, 0x00, 0x00, 0x12, 0x34, 0x56 }};
	struct rte_ether_addr before, after;

	CHECK_RET(configure(port, 1, 0), 0, "configure 1 queue");
	CHECK_RET(rte_eth_macaddr_get(port, &before), 0, "macaddr_get");
	CHECK_RET(rte_eth_dev_default_mac_addr_set(port, &mc), -EINVAL,
		  "default_mac_addr_set multicast");
	CHECK_RET(rte_eth_dev_mac_addr_add(port, &zero, 0), -EINVAL,
		  "mac_addr_add 00:00:00:00:00:00");
	if (is_igbx)
		CHECK_RET(rte_eth_dev_mac_addr_add(port, &mc, 0), -EINVAL,
			  "mac_addr_add multicast into a unicast RAR");
	CHECK_RET(rte_eth_macaddr_get(port, &after), 0, "macaddr_get");
	CHECK(rte_is_same_ether_addr(&before, &after),
	      "default MAC unchanged by rejected calls");
	CHECK_RET(rte_eth_dev_mac_addr_add(port, &uc, 0), 0,
		  "mac_addr_add unicast");
	CHECK_RET(rte_eth_dev_mac_addr_remove(port, &uc), 0,
		  "mac_addr_remove unicast");
}

static void test_mc_list(uint16_t port)
{
	static struct rte_ether_addr list[IGBX_MC_LIST_MAX + 1];
	unsigned int i;

	for (i = 0; i < RTE_DIM(list); i++)
		list[i] = (struct rte_ether_addr){{ 0x01, 0x00, 0x5e,
			(uint8_t)(i >> 16), (uint8_t)(i >> 8), (uint8_t)i }};
	CHECK_RET(configure(port, 1, 0), 0, "configure 1 queue");
	CHECK_RET(rte_eth_dev_set_mc_addr_list(port, list, 4), 0,
		  "set_mc_addr_list 4 groups");
	if (!is_igbx)
		return;	/* stock igb hashes any list, of any address */
	CHECK_RET(rte_eth_dev_set_mc_addr_list(port, list, IGBX_MC_HASHED_MAX), 0,
		  "set_mc_addr_list hashing every group");
	CHECK_RET(rte_eth_dev_set_mc_addr_list(port, list, IGBX_MC_HASHED_MAX + 1), 0,
		  "set_mc_addr_list falling back to multicast promiscuous");
	CHECK_RET(rte_eth_dev_set_mc_addr_list(port, list, RTE_DIM(list)),
		  -EINVAL, "set_mc_addr_list one above the limit");
	list[1] = (struct rte_ether_addr){{ 0x02, 0, 0, 0, 0, 1 }};
	CHECK_RET(rte_eth_dev_set_mc_addr_list(port, list, 4), -EINVAL,
		  "set_mc_addr_list with a unicast address");
	CHECK_RET(rte_eth_dev_set_mc_addr_list(port, NULL, 0), 0,
		  "set_mc_addr_list empty");
}

static int start_port(uint16_t port)
{
	int ret = configure(port, 1, 0);

	if (ret == 0)
		ret = setup_queues(port, 1);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	return ret;
}

static void test_setup_while_started(uint16_t port)
{
	CHECK_RET(start_port(port), 0, "start port");
	CHECK_RET(rte_eth_rx_queue_setup(port, 0, NB_DESC, SOCKET_ID_ANY, NULL,
					 pool), -EBUSY, "rx queue setup while started");
	CHECK_RET(rte_eth_tx_queue_setup(port, 0, NB_DESC, SOCKET_ID_ANY, NULL),
		  -EBUSY, "tx queue setup while started");
	CHECK_RET(configure(port, 1, 0), -EBUSY, "configure while started");
	CHECK_RET(rte_eth_dev_stop(port), 0, "stop port");
}

static bool wait_link(uint16_t port)
{
	struct rte_eth_link link;
	unsigned int i;

	for (i = 0; i < 100; i++) {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status)
			return true;
		rte_delay_ms(100);
	}
	return false;
}

/* One burst from A to B's own address; B gets every frame, in order. */
static void test_forward_burst(void)
{
	struct rte_mbuf *tx[BURST], *rx[BURST];
	struct rte_ether_addr mac_a, mac_b;
	struct rte_eth_stats st_a, st_b;
	unsigned int i, sent = 0, got = 0, in_order = 0;
	uint64_t deadline;

	CHECK_RET(start_port(PORT_A), 0, "start port A after bad input");
	CHECK_RET(start_port(PORT_B), 0, "start port B after bad input");
	CHECK(wait_link(PORT_A) && wait_link(PORT_B), "links up");
	rte_eth_stats_reset(PORT_A);
	rte_eth_stats_reset(PORT_B);
	rte_eth_macaddr_get(PORT_A, &mac_a);
	rte_eth_macaddr_get(PORT_B, &mac_b);
	CHECK(rte_pktmbuf_alloc_bulk(pool, tx, BURST) == 0, "alloc burst");
	for (i = 0; i < BURST; i++) {
		uint8_t *p = (uint8_t *)rte_pktmbuf_append(tx[i], 64);
		struct rte_ether_hdr *eh = (struct rte_ether_hdr *)p;

		memset(p, 0, 64);
		eh->dst_addr = mac_b;
		eh->src_addr = mac_a;
		eh->ether_type = rte_cpu_to_be_16(0x88b5);	/* local exp. */
		p[sizeof(*eh)] = (uint8_t)i;
	}
	deadline = rte_get_timer_cycles() + 2 * rte_get_timer_hz();
	while (sent < BURST && rte_get_timer_cycles() < deadline)
		sent += rte_eth_tx_burst(PORT_A, 0, tx + sent, BURST - sent);
	CHECK(sent == BURST, "tx_burst sent %u of %u", sent, BURST);
	rte_pktmbuf_free_bulk(tx + sent, BURST - sent);
	while (got < sent && rte_get_timer_cycles() < deadline) {
		uint16_t n = rte_eth_rx_burst(PORT_B, 0, rx, BURST);

		for (i = 0; i < n; i++) {
			const uint8_t *p = rte_pktmbuf_mtod(rx[i], const uint8_t *);

			in_order += rx[i]->pkt_len == 64 &&
				    p[sizeof(struct rte_ether_hdr)] == got + i;
		}
		got += n;
		rte_pktmbuf_free_bulk(rx, n);
	}
	CHECK(got == sent && in_order == sent,
	      "port B received %u of %u, %u intact and in order",
	      got, sent, in_order);
	rte_delay_ms(100);
	rte_eth_stats_get(PORT_A, &st_a);
	rte_eth_stats_get(PORT_B, &st_b);
	CHECK(st_a.opackets == BURST && st_b.ipackets == BURST &&
	      st_b.ierrors == 0 && st_b.imissed == 0,
	      "stats: A opackets %" PRIu64 ", B ipackets %" PRIu64
	      " ierrors %" PRIu64 " imissed %" PRIu64,
	      st_a.opackets, st_b.ipackets, st_b.ierrors, st_b.imissed);
}

static void test_close_returns_mbufs(void)
{
	CHECK_RET(rte_eth_dev_stop(PORT_A), 0, "stop A");
	CHECK_RET(rte_eth_dev_stop(PORT_B), 0, "stop B");
	CHECK_RET(rte_eth_dev_close(PORT_A), 0, "close A");
	CHECK_RET(rte_eth_dev_close(PORT_B), 0, "close B");
	CHECK(rte_mempool_avail_count(pool) == POOL_SIZE,
	      "after close the pool holds %u of %u mbufs",
	      rte_mempool_avail_count(pool), POOL_SIZE);
}

int main(int argc, char **argv)
{
	struct rte_eth_dev_info info;

	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "EAL init failed\n");
		return 2;
	}
	if (rte_eth_dev_count_avail() != 2) {
		fprintf(stderr, "want 2 ports, have %u\n",
			rte_eth_dev_count_avail());
		return 2;
	}
	pool = rte_pktmbuf_pool_create("api_pool", POOL_SIZE, 32, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	small_pool = rte_pktmbuf_pool_create("api_small", 1023, 0, 0,
					     SMALL_ROOM, SOCKET_ID_ANY);
	if (!pool || !small_pool || rte_eth_dev_info_get(PORT_A, &info) != 0) {
		fprintf(stderr, "set-up failed\n");
		return 2;
	}
	is_igbx = strcmp(info.driver_name, "net_igbx") == 0;
	printf("driver %s: %s checks\n", info.driver_name,
	       is_igbx ? "all" : "stock-defined");

	test_queue_ids(PORT_A);
	test_desc_counts(PORT_A);
	test_small_mempool(PORT_A);
	test_offloads(PORT_A);
	test_reta_and_key(PORT_A);
	test_mac_addrs(PORT_A);
	test_mc_list(PORT_A);
	test_setup_while_started(PORT_A);
	test_forward_burst();
	test_close_returns_mbufs();

	printf("%u passed, %u failed\n", n_passed, n_failed);
	rte_eal_cleanup();
	return n_failed ? 1 : 0;
}
