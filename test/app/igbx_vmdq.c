/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_vmdq.c - VMDq-only receive (RTE_ETH_MQ_RX_VMDQ_ONLY) on port 0, run by
 * test/sim/test_vmdq.py with igbx or DPDK's stock igb. Scenarios:
 *   pools   8 pools, one queue each, VLAN 100+p -> pool p (p < 7), VLAN 200
 *           -> pools 2 and 3, default pool 7, MAC 52:54:00:12:00:0p added
 *           to pool p; after "PAUSE ready" the test injects frames and says
 *           go; every frame each queue received is printed as
 *           "RX q=<queue> src=<source MAC> vlan=<TCI or -1>".
 *   badconf each invalid vmdq_rx_conf in turn: "RESULT <case> rc=<errno>".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "scenario_app.h"

#define NB_POOLS	8
#define NB_DESC		128
#define DEFAULT_POOL	7

static struct rte_mempool *mp;

static void vmdq_conf(struct rte_eth_conf *conf)
{
	struct rte_eth_vmdq_rx_conf *v = &conf->rx_adv_conf.vmdq_rx_conf;
	unsigned int p;

	memset(conf, 0, sizeof(*conf));
	conf->rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_ONLY;
	conf->txmode.mq_mode = RTE_ETH_MQ_TX_NONE;
	v->nb_queue_pools = RTE_ETH_8_POOLS;
	v->enable_default_pool = 1;
	v->default_pool = DEFAULT_POOL;
	v->rx_mode = RTE_ETH_VMDQ_ACCEPT_UNTAG | RTE_ETH_VMDQ_ACCEPT_BROADCAST;
	for (p = 0; p < NB_POOLS - 1; p++) {
		v->pool_map[p].vlan_id = (uint16_t)(100 + p);
		v->pool_map[p].pools = 1ull << p;
	}
	v->pool_map[p].vlan_id = 200;
	v->pool_map[p].pools = 1ull << 2 | 1ull << 3;
	v->nb_pool_maps = p + 1;
}

static int setup(uint16_t port, const struct rte_eth_conf *conf)
{
	int rc = rte_eth_dev_configure(port, NB_POOLS, NB_POOLS, conf);

	if (rc != 0)
		return rc;
	for (uint16_t q = 0; q < NB_POOLS; q++) {
		rc = rte_eth_rx_queue_setup(port, q, NB_DESC, 0, NULL, mp);
		if (rc == 0)
			rc = rte_eth_tx_queue_setup(port, q, NB_DESC, 0, NULL);
		if (rc != 0)
			return rc;
	}
	return rte_eth_dev_start(port);
}

static void print_rx(uint16_t q, struct rte_mbuf *m)
{
	const uint8_t *e = rte_pktmbuf_mtod(m, const uint8_t *);
	int vlan = -1;

	if (m->ol_flags & RTE_MBUF_F_RX_VLAN_STRIPPED)
		vlan = m->vlan_tci;
	else if (e[12] == 0x81 && e[13] == 0x00)
		vlan = e[14] << 8 | e[15];
	printf("RX q=%u src=%02x:%02x:%02x:%02x:%02x:%02x vlan=%d\n", q,
	       e[6], e[7], e[8], e[9], e[10], e[11], vlan);
}

static int run_pools(uint16_t port)
{
	struct rte_eth_conf conf;
	struct rte_mbuf *pkts[32];
	uint64_t end;
	int rc;

	vmdq_conf(&conf);
	rc = setup(port, &conf);
	if (rc != 0) {
		printf("RESULT setup rc=%d\n", rc);
		return 1;
	}
	for (unsigned int p = 0; p < NB_POOLS; p++) {
		struct rte_ether_addr a = {
			.addr_bytes = { 0x52, 0x54, 0x00, 0x12, 0x00, (uint8_t)p },
		};

		rc = rte_eth_dev_mac_addr_add(port, &a, p);
		if (rc != 0) {
			printf("RESULT mac_add pool=%u rc=%d\n", p, rc);
			return 1;
		}
	}
	pause_for_test("ready");
	end = rte_get_timer_cycles() + rte_get_timer_hz() * 2;
	while (rte_get_timer_cycles() < end) {
		for (uint16_t q = 0; q < NB_POOLS; q++) {
			uint16_t n = rte_eth_rx_burst(port, q, pkts, 32);

			for (uint16_t i = 0; i < n; i++) {
				print_rx(q, pkts[i]);
				rte_pktmbuf_free(pkts[i]);
			}
		}
	}
	fflush(stdout);
	rte_eth_dev_stop(port);
	return 0;
}

/* Each invalid configuration must be refused by configure (or start). */
static int run_badconf(uint16_t port)
{
	static const char *const names[] = {
		"pools16", "map_pool_beyond", "maps33", "vlan_beyond",
		"default_beyond",
	};
	struct rte_eth_conf conf;
	int bad = 0;

	for (unsigned int c = 0; c < RTE_DIM(names); c++) {
		struct rte_eth_vmdq_rx_conf *v = &conf.rx_adv_conf.vmdq_rx_conf;
		int rc;

		vmdq_conf(&conf);
		switch (c) {
		case 0:
			v->nb_queue_pools = RTE_ETH_16_POOLS;
			break;
		case 1:
			v->pool_map[0].pools = 1ull << 8;
			break;
		case 2:
			for (unsigned int i = 0; i < 33; i++) {
				v->pool_map[i].vlan_id = (uint16_t)(300 + i);
				v->pool_map[i].pools = 1;
			}
			v->nb_pool_maps = 33;
			break;
		case 3:
			v->pool_map[0].vlan_id = 4096;
			break;
		default:
			v->default_pool = 8;
			break;
		}
		rc = rte_eth_dev_configure(port, NB_POOLS, NB_POOLS, &conf);
		printf("RESULT %s rc=%d\n", names[c], rc);
		bad += rc != -EINVAL;
	}
	/* a good one still works after all that */
	vmdq_conf(&conf);
	printf("RESULT good rc=%d\n", setup(port, &conf));
	rte_eth_dev_stop(port);
	return bad;
}

int main(int argc, char **argv)
{
	struct rte_eth_dev_info info;
	const char *scenario = scenario_init(argc, argv, "igbx_vmdq <eal> -- pools|badconf");
	int status;

	if (scenario == NULL || scenario_driver_info(0, &info) != 0)
		return 2;
	printf("RESULT info max_vmdq_pools=%u vmdq_queue_base=%u "
	       "vmdq_queue_num=%u vmdq_pool_base=%u max_rx_queues=%u\n",
	       info.max_vmdq_pools, info.vmdq_queue_base, info.vmdq_queue_num,
	       info.vmdq_pool_base, info.max_rx_queues);
	mp = rte_pktmbuf_pool_create("vmdq", 4095, 128, 0,
				     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	if (mp == NULL)
		return 2;
	if (strcmp(scenario, "pools") == 0)
		status = run_pools(0);
	else if (strcmp(scenario, "badconf") == 0)
		status = run_badconf(0);
	else
		status = 2;
	printf("DONE %s status %d\n", scenario, status);
	fflush(stdout);
	rte_eth_dev_close(0);
	rte_eal_cleanup();
	return status;
}
