/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_mp_primary.c - the primary of the multi-process test: sets
 * up two ports with two queue pairs, serves queue 0 only, leaves queue 1 to
 * igbx_mp_secondary.c.
 *
 * Runs inside igbx-sim: igbx_mp_primary EAL-ARGS -- READY-FILE. Once both
 * ports are started with their link up it creates READY-FILE, then serves
 * queue 0 (port 1 reflects, port 0 counts) until SIGINT/SIGTERM; then it
 * prints its view of the counters ("primary stats port P ipackets N ...")
 * and of queue 0, stops and closes the ports, and checks that every mbuf
 * came back. Exit status 0 when all went well.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define NB_PORTS	2
#define NB_QUEUES	2
#define NB_DESC		512
#define POOL_SIZE	8191
#define BURST		32
/* The secondary finds the pool under this name (rte_mempool_lookup). */
#define MP_POOL_NAME	"igbx_mp_pool"
#define LINK_WAIT_MS	9000

static volatile bool quit_requested;

static void on_signal(int sig)
{
	(void)sig;
	quit_requested = true;
}

/* RSS over both queues: the secondary reads the key and RETA back and picks
 * flows that land on queue 1, so neither process sees the other's frames. */
static int setup_port(uint16_t port, struct rte_mempool *pool)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0)
		return ret;
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IP & info.flow_type_rss_offloads;
	ret = rte_eth_dev_configure(port, NB_QUEUES, NB_QUEUES, &conf);
	for (q = 0; ret == 0 && q < NB_QUEUES; q++) {
		ret = rte_eth_rx_queue_setup(port, q, NB_DESC, SOCKET_ID_ANY, NULL, pool);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, NB_DESC, SOCKET_ID_ANY, NULL);
	}
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		printf("port %u: setup failed: %s\n", port, strerror(-ret));
	return ret;
}

static bool wait_link_up(uint16_t port)
{
	struct rte_eth_link link;
	int ms;

	for (ms = 0; ms < LINK_WAIT_MS; ms += 100) {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status)
			return true;
		rte_delay_ms(100);
	}
	printf("port %u: link still down after %d ms\n", port, LINK_WAIT_MS);
	return false;
}

/* Queue 0 is ours: port 1 reflects what it gets (MACs swapped) back to port
 * 0, where it is counted and dropped. The frames keep their addresses, so
 * they hash to queue 0 on port 0 too, and do not circle on the wire pair. */
static void serve_queue0(uint64_t *reflected, uint64_t *received)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_ether_hdr *eth;
	struct rte_ether_addr mac;
	uint16_t nb_rx, nb_tx, i;

	while (!quit_requested) {
		nb_rx = rte_eth_rx_burst(1, 0, pkts, BURST);
		for (i = 0; i < nb_rx; i++) {
			eth = rte_pktmbuf_mtod(pkts[i], struct rte_ether_hdr *);
			rte_ether_addr_copy(&eth->src_addr, &mac);
			rte_ether_addr_copy(&eth->dst_addr, &eth->src_addr);
			rte_ether_addr_copy(&mac, &eth->dst_addr);
		}
		nb_tx = nb_rx ? rte_eth_tx_burst(1, 0, pkts, nb_rx) : 0;
		*reflected += nb_tx;
		rte_pktmbuf_free_bulk(&pkts[nb_tx], nb_rx - nb_tx);
		nb_rx = rte_eth_rx_burst(0, 0, pkts, BURST);
		*received += nb_rx;
		rte_pktmbuf_free_bulk(pkts, nb_rx);
		rte_delay_us(10);
	}
}

static void print_stats(uint16_t port)
{
	struct rte_eth_stats st;

	if (rte_eth_stats_get(port, &st) != 0) {
		printf("port %u: stats_get failed\n", port);
		return;
	}
	printf("primary stats port %u ipackets %" PRIu64 " opackets %" PRIu64
	       " ibytes %" PRIu64 " obytes %" PRIu64 " ierrors %" PRIu64 "\n", port,
	       st.ipackets, st.opackets, st.ibytes, st.obytes, st.ierrors);
}

static int create_ready_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		printf("cannot create %s: %s\n", path, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct rte_mempool *pool;
	uint64_t reflected = 0, received = 0;
	uint16_t port;
	int ret, status = 0;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		printf("rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 2;
	}
	argc -= ret;
	argv += ret;
	if (argc != 2 || rte_eth_dev_count_avail() != NB_PORTS) {
		printf("usage: igbx_mp_primary EAL-ARGS -- READY-FILE (%u ports, %u found)\n",
		       NB_PORTS, rte_eth_dev_count_avail());
		return 2;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	pool = rte_pktmbuf_pool_create(MP_POOL_NAME, POOL_SIZE, 0, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (pool == NULL) {
		printf("mempool: %s\n", rte_strerror(rte_errno));
		return 2;
	}
	/* all ports first: a pair's link comes up only when both ends are on */
	for (port = 0; port < NB_PORTS; port++)
		if (setup_port(port, pool) != 0)
			return 1;
	for (port = 0; port < NB_PORTS; port++)
		if (!wait_link_up(port))
			return 1;
	if (create_ready_file(argv[1]) != 0)
		return 1;
	printf("primary ready\n");
	fflush(stdout);
	serve_queue0(&reflected, &received);
	for (port = 0; port < NB_PORTS; port++)
		print_stats(port);
	printf("primary reflected %" PRIu64 " on port 1 queue 0, received %" PRIu64
	       " on port 0 queue 0\n", reflected, received);
	for (port = 0; port < NB_PORTS; port++) {
		if (rte_eth_dev_stop(port) != 0 || rte_eth_dev_close(port) != 0)
			status = 1;
	}
	if (rte_mempool_avail_count(pool) != POOL_SIZE) {
		printf("mbufs leaked: %u of %u back in the pool\n",
		       rte_mempool_avail_count(pool), POOL_SIZE);
		status = 1;
	}
	printf("primary exit %d\n", status);
	fflush(stdout);
	rte_eal_cleanup();
	return status;
}
