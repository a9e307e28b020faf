/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_badinput.c - the bad-input catalogue: every eth_dev_ops
 * member igbx implements, called through the ethdev API with each parameter
 * out of range, NULL where the API lets a NULL through, and in the wrong
 * port state; each case names the errno the ethdev layer or igbx's own
 * validation must return. After the catalogue the port still forwards and
 * every mbuf is back in its pool.
 *
 * Runs inside igbx-sim with the igbx plugin on the wire pair 0 <-> 1:
 *   igbx-sim -- igbx_badinput -l 0 -n 1 -m 256 -a 0000:00:10.0
 *             -a 0000:00:10.1 -d build/drivers/net/igbx/librte_net_igbx.so
 * Prints one line per case, then "N cases: N passed, N failed".
 * With IGBX_BADINPUT_MODULE_ONLY set (igbx-sim --board fiber) it runs the
 * module EEPROM cases of an SFP port alone, then the forwarding check.
 * With IGBX_BADINPUT_VFIO set (igbx-sim --kdrv vfio-pci) it also checks the
 * MSI-X limit of RX interrupts (one vector per queue, vector 0 for link
 * changes: 9 queues at most).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define P		0	/* the port under test */
#define PEER		1	/* its wire peer */
#define NB_DESC		256
#define POOL_SIZE	4095
#define NB_QUEUES	4
#define RETA_SIZE	128
#define KEY_LEN		40
#define TINY_ROOM	(RTE_PKTMBUF_HEADROOM + 256)

static unsigned int n_pass, n_fail;
static struct rte_mempool *pool, *tiny_pool;

static void __attribute__((format(printf, 3, 4)))
report(bool ok, int line, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d: ", ok ? "PASS" : "FAIL", line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (ok)
		n_pass++;
	else
		n_fail++;
}

/* One case: the call is evaluated once, its return compared with want. */
#define EXPECT(call, want) do { \
	int got_ = (call); \
	report(got_ == (want), __LINE__, "%s -> %d (%s), want %d", #call, \
	       got_, got_ < 0 ? strerror(-got_) : "ok", (int)(want)); \
} while (0)
#define EXPECT_TRUE(cond, ...) report(!!(cond), __LINE__, __VA_ARGS__)

/* ---- set-up helpers -------------------------------------------------------- */

static struct rte_eth_conf
rss_conf(void)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IP;
	return conf;
}

static int
configure(uint16_t port, uint16_t nb_q, uint64_t rx_offloads)
{
	struct rte_eth_conf conf = rss_conf();

	conf.rxmode.offloads = rx_offloads;
	return rte_eth_dev_configure(port, nb_q, nb_q, &conf);
}

static int
setup_queues(uint16_t port, uint16_t nb_q)
{
	uint16_t q;
	int ret = 0;

	for (q = 0; q < nb_q && ret == 0; q++) {
		ret = rte_eth_rx_queue_setup(port, q, NB_DESC, SOCKET_ID_ANY, NULL, pool);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, NB_DESC, SOCKET_ID_ANY, NULL);
	}
	return ret;
}

static int
bring_up(uint16_t port, uint16_t nb_q, uint64_t rx_offloads)
{
	int ret = configure(port, nb_q, rx_offloads);

	if (ret == 0)
		ret = setup_queues(port, nb_q);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	return ret;
}

/* ---- dev_configure ------------------------------------------------------------ */

static void
cases_configure(void)
{
	struct rte_eth_conf conf = rss_conf();

	EXPECT(rte_eth_dev_configure(RTE_MAX_ETHPORTS, 1, 1, &conf), -ENODEV);
	EXPECT(rte_eth_dev_configure(P, 1, 1, NULL), -EINVAL);
	EXPECT(rte_eth_dev_configure(P, 17, 1, &conf), -EINVAL);
	EXPECT(rte_eth_dev_configure(P, 1, 17, &conf), -EINVAL);
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_VMDQ_ONLY;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.txmode.mq_mode = RTE_ETH_MQ_TX_DCB;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MACSEC_INSERT;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_L2_PAYLOAD;
	EXPECT(rte_eth_dev_configure(P, 4, 4, &conf), -EINVAL);
	conf = rss_conf();
	conf.rx_adv_conf.rss_conf.rss_key = (uint8_t [52]){ 0 };
	conf.rx_adv_conf.rss_conf.rss_key_len = 52;
	EXPECT(rte_eth_dev_configure(P, 4, 4, &conf), -EINVAL);
	conf = rss_conf();
	conf.rxmode.mtu = 9729;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.link_speeds = RTE_ETH_LINK_SPEED_10G;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf.link_speeds = RTE_ETH_LINK_SPEED_FIXED | RTE_ETH_LINK_SPEED_1G |
			   RTE_ETH_LINK_SPEED_100M;
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.lpbk_mode = 2;		/* 0 none, 1 MAC loopback */
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	conf = rss_conf();
	conf.intr_conf.rmv = 1;		/* ethdev: no RTE_ETH_DEV_INTR_RMV flag */
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EINVAL);
	/* zero queues: ethdev takes the driver's default (1 each) */
	conf = rss_conf();
	EXPECT(rte_eth_dev_configure(P, 0, 0, &conf), 0);
	EXPECT(configure(P, 1, 0), 0);
}

/* RX interrupts with MSI-X: 10 queues need 11 vectors of the port's 10. */
static void
cases_rxq_intr_msix(void)
{
	struct rte_eth_conf conf = rss_conf();
	uint16_t q;

	conf.intr_conf.rxq = 1;
	EXPECT(rte_eth_dev_configure(P, 10, 10, &conf), -EINVAL);
	EXPECT(rte_eth_dev_configure(P, 9, 9, &conf), 0);
	EXPECT(setup_queues(P, 9), 0);
	EXPECT(rte_eth_dev_start(P), 0);
	for (q = 0; q < 9; q++) {
		EXPECT(rte_eth_dev_rx_intr_enable(P, q), 0);
		EXPECT(rte_eth_dev_rx_intr_disable(P, q), 0);
	}
	EXPECT(rte_eth_dev_stop(P), 0);
	EXPECT(configure(P, 1, 0), 0);
}

/* ---- queue setup ------------------------------------------------------------ */

static void
cases_rx_queue_setup(void)
{
	struct rte_eth_rxconf rc = { 0 };

	EXPECT(configure(P, 1, 0), 0);
	EXPECT(rte_eth_rx_queue_setup(RTE_MAX_ETHPORTS, 0, NB_DESC, SOCKET_ID_ANY, NULL, pool),
	       -ENODEV);
	EXPECT(rte_eth_rx_queue_setup(P, 1, NB_DESC, SOCKET_ID_ANY, NULL, pool), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, UINT16_MAX, NB_DESC, SOCKET_ID_ANY, NULL, pool),
	       -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, NULL), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, 4097, SOCKET_ID_ANY, NULL, pool), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, 8192, SOCKET_ID_ANY, NULL, pool), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, 7, SOCKET_ID_ANY, NULL, pool), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, 100, SOCKET_ID_ANY, NULL, pool), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, 77, NULL, pool), -EINVAL);
	/* descriptor thresholds are tuning hints: clamped (RXDCTL fields, erratum), not refused */
	rc.rx_thresh.pthresh = 255;
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rc, pool), 0);
	rc.rx_thresh.pthresh = 0;
	rc.rx_free_thresh = NB_DESC;
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rc, pool), -EINVAL);
	rc.rx_free_thresh = 0;
	rc.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &rc, pool), -EINVAL);
	rc.offloads = 0;
	/* 256-byte buffers are below min_rx_bufsize (1 KB, SRRCTL units) */
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, tiny_pool), -EINVAL);
	EXPECT(rte_eth_rx_queue_setup(P, 0, 0, SOCKET_ID_ANY, NULL, pool), 0);
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, pool), 0);
	EXPECT_TRUE(rte_mempool_avail_count(pool) == POOL_SIZE,
		    "rx setup takes no mbuf before start: %u of %u free",
		    rte_mempool_avail_count(pool), POOL_SIZE);
}

static void
cases_tx_queue_setup(void)
{
	struct rte_eth_txconf tc = { 0 };

	EXPECT(rte_eth_tx_queue_setup(RTE_MAX_ETHPORTS, 0, NB_DESC, SOCKET_ID_ANY, NULL),
	       -ENODEV);
	EXPECT(rte_eth_tx_queue_setup(P, 1, NB_DESC, SOCKET_ID_ANY, NULL), -EINVAL);
	EXPECT(rte_eth_tx_queue_setup(P, 0, 4097, SOCKET_ID_ANY, NULL), -EINVAL);
	EXPECT(rte_eth_tx_queue_setup(P, 0, 12, SOCKET_ID_ANY, NULL), -EINVAL);
	EXPECT(rte_eth_tx_queue_setup(P, 0, 36, SOCKET_ID_ANY, NULL), -EINVAL);
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, 77, NULL), -EINVAL);
	tc.tx_free_thresh = NB_DESC;
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &tc), -EINVAL);
	tc.tx_free_thresh = 32;
	tc.tx_rs_thresh = 64;
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &tc), -EINVAL);
	tc.tx_rs_thresh = 0;
	tc.tx_free_thresh = 0;
	tc.tx_thresh.wthresh = 255;	/* clamped to the 82576 erratum's 1, not refused */
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &tc), 0);
	tc.tx_thresh.wthresh = 0;
	tc.offloads = RTE_ETH_TX_OFFLOAD_MACSEC_INSERT;
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, &tc), -EINVAL);
	EXPECT(rte_eth_tx_queue_setup(P, 0, 0, SOCKET_ID_ANY, NULL), 0);
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL), 0);
}

/* ---- wrong state ---------------------------------------------------------------- */

static void
cases_state_unconfigured(void)
{
	/* a configured port without queues set up must not start, and stays stopped */
	EXPECT(configure(P, 2, 0), 0);
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, pool), 0);
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL), 0);
	EXPECT_TRUE(rte_eth_dev_start(P) < 0, "start with rx/tx queue 1 not set up fails");
	EXPECT_TRUE(rte_mempool_avail_count(pool) == POOL_SIZE,
		    "failed start leaks no mbuf: %u of %u free",
		    rte_mempool_avail_count(pool), POOL_SIZE);
	EXPECT(rte_eth_dev_rx_queue_start(P, 0), -EINVAL);	/* port stopped */
	EXPECT(rte_eth_dev_tx_queue_start(P, 0), -EINVAL);
	EXPECT(rte_eth_dev_rx_queue_stop(P, 0), 0);	/* ethdev: already stopped */
	EXPECT(rte_eth_dev_tx_queue_stop(P, 0), 0);
	EXPECT(rte_eth_dev_stop(P), 0);			/* stopping a stopped port */
}

static void
cases_state_started(void)
{
	struct rte_eth_conf conf = rss_conf();

	EXPECT(bring_up(P, NB_QUEUES, 0), 0);
	EXPECT(rte_eth_dev_start(P), 0);		/* already started: no-op */
	EXPECT(rte_eth_dev_configure(P, 1, 1, &conf), -EBUSY);
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, pool), -EBUSY);
	EXPECT(rte_eth_tx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL), -EBUSY);
	EXPECT(rte_eth_dev_rx_queue_start(P, NB_QUEUES), -EINVAL);
	EXPECT(rte_eth_dev_tx_queue_start(P, NB_QUEUES), -EINVAL);
	EXPECT(rte_eth_dev_rx_queue_stop(P, 16), -EINVAL);
	EXPECT(rte_eth_dev_tx_queue_stop(P, 16), -EINVAL);
	EXPECT(rte_eth_dev_rx_queue_stop(P, 1), 0);
	EXPECT(rte_eth_dev_rx_queue_stop(P, 1), 0);		/* twice */
	/* a stopped queue of a started port may be set up again (runtime setup),
	 * a started one may not */
	EXPECT(rte_eth_rx_queue_setup(P, 0, NB_DESC, SOCKET_ID_ANY, NULL, pool), -EBUSY);
	EXPECT(rte_eth_rx_queue_setup(P, 1, NB_DESC, SOCKET_ID_ANY, NULL, pool), 0);
	EXPECT(rte_eth_dev_rx_queue_start(P, 1), 0);
	EXPECT(rte_eth_dev_rx_queue_start(P, 1), 0);		/* twice */
	EXPECT(rte_eth_dev_tx_queue_stop(P, 2), 0);
	EXPECT(rte_eth_dev_tx_queue_start(P, 2), 0);
	/* frames too big for the 2 KB buffers: the port must be stopped to
	 * switch to the scattered burst */
	EXPECT(rte_eth_dev_set_mtu(P, 9000), -EBUSY);
	EXPECT(rte_eth_dev_set_mtu(P, 67), -EINVAL);
	EXPECT(rte_eth_dev_set_mtu(P, 9711), -EINVAL);
	EXPECT(rte_eth_dev_set_mtu(P, 1500), 0);
}

/* ---- link ------------------------------------------------------------------------ */

static void
cases_link(void)
{
	struct rte_eth_link link;

	EXPECT(rte_eth_link_get_nowait(P, NULL), -EINVAL);
	EXPECT(rte_eth_link_get(P, NULL), -EINVAL);
	EXPECT(rte_eth_link_get_nowait(RTE_MAX_ETHPORTS, &link), -ENODEV);
	EXPECT(rte_eth_link_get_nowait(P, &link), 0);
	EXPECT(rte_eth_dev_set_link_down(RTE_MAX_ETHPORTS), -ENODEV);
	EXPECT(rte_eth_dev_set_link_down(P), 0);
	EXPECT(rte_eth_dev_set_link_down(P), 0);		/* twice */
	EXPECT(rte_eth_dev_set_link_up(P), 0);
	EXPECT(rte_eth_dev_set_link_up(P), 0);
}

/* ---- MAC filters -------------------------------------------------------------------- */

static void
cases_mac(void)
{
	struct rte_ether_addr zero = { { 0 } };
	struct rte_ether_addr mc = { { 0x01, 0x00, 0x5e, 0, 0, 1 } };
	struct rte_ether_addr uc = { { 0x02, 0, 0, 0, 0, 0x10 } };
	struct rte_ether_addr own, after;
	unsigned int i;
	int ret = 0;

	EXPECT(rte_eth_macaddr_get(P, &own), 0);
	EXPECT(rte_eth_macaddr_get(P, NULL), -EINVAL);
	EXPECT(rte_eth_dev_mac_addr_add(P, NULL, 0), -EINVAL);
	EXPECT(rte_eth_dev_mac_addr_add(P, &zero, 0), -EINVAL);
	EXPECT(rte_eth_dev_mac_addr_add(P, &uc, RTE_ETH_64_POOLS), -EINVAL);
	EXPECT(rte_eth_dev_mac_addr_add(P, &uc, 1), -EINVAL);	/* no VMDq pools */
	EXPECT(rte_eth_dev_mac_addr_add(P, &mc, 0), -EINVAL);
	EXPECT(rte_eth_dev_mac_addr_remove(P, NULL), -EINVAL);
	EXPECT(rte_eth_dev_mac_addr_remove(P, &own), -EADDRINUSE);
	EXPECT(rte_eth_dev_mac_addr_remove(P, &uc), 0);		/* not present */
	/* fill the 24-entry RAR table: entry 0 holds the port address */
	for (i = 1; i < 24 && ret == 0; i++) {
		uc.addr_bytes[5] = 0x10 + i;
		ret = rte_eth_dev_mac_addr_add(P, &uc, 0);
	}
	EXPECT(ret, 0);
	uc.addr_bytes[5] = 0x80;
	EXPECT(rte_eth_dev_mac_addr_add(P, &uc, 0), -ENOSPC);
	uc.addr_bytes[5] = 0x11;
	EXPECT(rte_eth_dev_mac_addr_add(P, &uc, 0), 0);		/* duplicate */
	for (i = 1; i < 24; i++) {
		uc.addr_bytes[5] = 0x10 + i;
		rte_eth_dev_mac_addr_remove(P, &uc);
	}
	EXPECT(rte_eth_dev_default_mac_addr_set(P, NULL), -EINVAL);
	EXPECT(rte_eth_dev_default_mac_addr_set(P, &mc), -EINVAL);
	EXPECT(rte_eth_dev_default_mac_addr_set(P, &zero), -EINVAL);
	EXPECT(rte_eth_macaddr_get(P, &after), 0);
	EXPECT_TRUE(rte_is_same_ether_addr(&own, &after), "rejected sets keep the address");
}

static void
cases_mc_list(void)
{
	struct rte_ether_addr list[4] = {
		{ { 0x01, 0x00, 0x5e, 0, 0, 1 } }, { { 0x01, 0x00, 0x5e, 0, 0, 2 } },
		{ { 0x33, 0x33, 0, 0, 0, 1 } }, { { 0x02, 0, 0, 0, 0, 1 } },
	};

	EXPECT(rte_eth_dev_set_mc_addr_list(RTE_MAX_ETHPORTS, list, 3), -ENODEV);
	EXPECT(rte_eth_dev_set_mc_addr_list(P, NULL, 3), -EINVAL);
	EXPECT(rte_eth_dev_set_mc_addr_list(P, list, 4), -EINVAL);	/* a unicast one */
	EXPECT(rte_eth_dev_set_mc_addr_list(P, list, 3), 0);
	EXPECT(rte_eth_dev_set_mc_addr_list(P, NULL, 0), 0);		/* flush */
	EXPECT(rte_eth_promiscuous_enable(RTE_MAX_ETHPORTS), -ENODEV);
	EXPECT(rte_eth_promiscuous_enable(P), 0);
	EXPECT(rte_eth_promiscuous_enable(P), 0);
	EXPECT(rte_eth_promiscuous_disable(P), 0);
	EXPECT(rte_eth_allmulticast_enable(P), 0);
	EXPECT(rte_eth_allmulticast_disable(P), 0);
	EXPECT(rte_eth_allmulticast_disable(P), 0);
}

/* ---- VLAN ----------------------------------------------------------------------- */

static void
cases_vlan(void)
{
	EXPECT(rte_eth_dev_vlan_filter(P, 100, 1), -ENOSYS);	/* filter offload off */
	EXPECT(rte_eth_dev_set_vlan_offload(P, RTE_ETH_VLAN_FILTER_OFFLOAD), 0);
	EXPECT(rte_eth_dev_vlan_filter(P, 4096, 1), -EINVAL);
	EXPECT(rte_eth_dev_vlan_filter(P, UINT16_MAX, 1), -EINVAL);
	EXPECT(rte_eth_dev_vlan_filter(P, 4095, 1), 0);
	EXPECT(rte_eth_dev_vlan_filter(P, 4095, 0), 0);
	EXPECT(rte_eth_dev_vlan_filter(P, 0, 1), 0);
	EXPECT(rte_eth_dev_vlan_filter(P, 0, 0), 0);
	/* QinQ strip alone brings double VLAN mode (extend) with it, and takes
	 * it away again */
	EXPECT(rte_eth_dev_set_vlan_offload(P, RTE_ETH_QINQ_STRIP_OFFLOAD), 0);
	EXPECT(rte_eth_dev_get_vlan_offload(P),
	       RTE_ETH_QINQ_STRIP_OFFLOAD | RTE_ETH_VLAN_EXTEND_OFFLOAD);
	EXPECT(rte_eth_dev_set_vlan_offload(P, 0), 0);
	EXPECT(rte_eth_dev_get_vlan_offload(P), 0);
	EXPECT(rte_eth_dev_set_vlan_ether_type(P, RTE_ETH_VLAN_TYPE_UNKNOWN, 0x8100), -EINVAL);
	EXPECT(rte_eth_dev_set_vlan_ether_type(P, RTE_ETH_VLAN_TYPE_MAX, 0x8100), -EINVAL);
	EXPECT(rte_eth_dev_set_vlan_ether_type(P, RTE_ETH_VLAN_TYPE_INNER, 0x9100), -ENOTSUP);
}

/* ---- RSS ------------------------------------------------------------------------- */

static void
cases_rss(void)
{
	struct rte_eth_rss_reta_entry64 reta[RETA_SIZE / RTE_ETH_RETA_GROUP_SIZE];
	uint8_t key[64] = { 0 };
	struct rte_eth_rss_conf rc = { .rss_hf = RTE_ETH_RSS_IP };
	unsigned int i;

	memset(reta, 0, sizeof(reta));
	for (i = 0; i < RTE_DIM(reta); i++)
		reta[i].mask = UINT64_MAX;
	EXPECT(rte_eth_dev_rss_hash_update(P, NULL), -EINVAL);
	rc.rss_hf = RTE_ETH_RSS_L2_PAYLOAD;
	EXPECT(rte_eth_dev_rss_hash_update(P, &rc), -EINVAL);
	rc.rss_hf = RTE_ETH_RSS_IP;
	rc.rss_key = key;
	rc.rss_key_len = 52;
	EXPECT(rte_eth_dev_rss_hash_update(P, &rc), -EINVAL);
	rc.rss_key_len = 39;
	EXPECT(rte_eth_dev_rss_hash_update(P, &rc), -EINVAL);
	rc.rss_key = NULL;
	EXPECT(rte_eth_dev_rss_hash_update(P, &rc), 0);		/* keep the key */
	EXPECT(rte_eth_dev_rss_hash_conf_get(P, NULL), -EINVAL);
	rc.rss_key = key;
	rc.rss_key_len = 16;
	EXPECT(rte_eth_dev_rss_hash_conf_get(P, &rc), -EINVAL);	/* key buffer short */
	rc.rss_key_len = KEY_LEN;
	EXPECT(rte_eth_dev_rss_hash_conf_get(P, &rc), 0);
	EXPECT(rte_eth_dev_rss_reta_update(P, NULL, RETA_SIZE), -EINVAL);
	EXPECT(rte_eth_dev_rss_reta_update(P, reta, 0), -EINVAL);
	EXPECT(rte_eth_dev_rss_reta_update(P, reta, 64), -EINVAL);
	EXPECT(rte_eth_dev_rss_reta_update(P, reta, 512), -EINVAL);
	reta[1].reta[5] = NB_QUEUES;					/* no such queue */
	EXPECT(rte_eth_dev_rss_reta_update(P, reta, RETA_SIZE), -EINVAL);
	reta[1].reta[5] = UINT16_MAX;
	EXPECT(rte_eth_dev_rss_reta_update(P, reta, RETA_SIZE), -EINVAL);
	reta[1].reta[5] = NB_QUEUES - 1;
	EXPECT(rte_eth_dev_rss_reta_update(P, reta, RETA_SIZE), 0);
	EXPECT(rte_eth_dev_rss_reta_query(P, NULL, RETA_SIZE), -EINVAL);
	EXPECT(rte_eth_dev_rss_reta_query(P, reta, 64), -EINVAL);
	EXPECT(rte_eth_dev_rss_reta_query(P, reta, RETA_SIZE), 0);
	EXPECT_TRUE(reta[1].reta[5] == NB_QUEUES - 1 && reta[0].reta[0] == 0,
		    "RETA reads back: [69]=%u [0]=%u", reta[1].reta[5], reta[0].reta[0]);
}

/* ---- flow control ----------------------------------------------------------------- */

static void
cases_flow_ctrl(void)
{
	struct rte_eth_fc_conf fc, orig;

	EXPECT(rte_eth_dev_flow_ctrl_get(P, NULL), -EINVAL);
	EXPECT(rte_eth_dev_flow_ctrl_get(P, &orig), 0);
	EXPECT(rte_eth_dev_flow_ctrl_set(P, NULL), -EINVAL);
	fc = orig;
	fc.send_xon = 2;
	EXPECT(rte_eth_dev_flow_ctrl_set(P, &fc), -EINVAL);
	fc = orig;
	fc.mode = (enum rte_eth_fc_mode)7;
	EXPECT(rte_eth_dev_flow_ctrl_set(P, &fc), -EINVAL);
	fc = orig;
	fc.mode = RTE_ETH_FC_FULL;	/* water marks matter when we send pause */
	fc.high_water = fc.low_water;
	EXPECT(rte_eth_dev_flow_ctrl_set(P, &fc), -EINVAL);
	fc = orig;
	fc.mode = RTE_ETH_FC_TX_PAUSE;
	fc.high_water = UINT32_MAX;
	EXPECT(rte_eth_dev_flow_ctrl_set(P, &fc), -EINVAL);
	fc = orig;
	EXPECT(rte_eth_dev_flow_ctrl_set(P, &fc), 0);
	EXPECT(rte_eth_dev_flow_ctrl_get(P, &fc), 0);
	EXPECT_TRUE(fc.mode == orig.mode && fc.high_water == orig.high_water &&
		    fc.low_water == orig.low_water,
		    "rejected settings left flow control as it was (mode %d hw %u lw %u)",
		    fc.mode, fc.high_water, fc.low_water);
}

/* ---- statistics ------------------------------------------------------------------ */

static void
cases_stats(void)
{
	struct rte_eth_stats st;
	struct rte_eth_xstat xs[4];
	struct rte_eth_xstat_name names[4];
	uint64_t ids[2] = { 0, 100000 }, vals[2];
	int n;

	EXPECT(rte_eth_stats_get(P, NULL), -EINVAL);
	EXPECT(rte_eth_stats_get(RTE_MAX_ETHPORTS, &st), -ENODEV);
	EXPECT(rte_eth_stats_reset(P), 0);
	n = rte_eth_xstats_get(P, NULL, 0);
	EXPECT_TRUE(n > 40, "xstats_get(NULL, 0) returns the count: %d", n);
	EXPECT(rte_eth_xstats_get(P, xs, 4), n);		/* too small: the count */
	EXPECT(rte_eth_xstats_get_names(P, NULL, 0), n);
	EXPECT(rte_eth_xstats_get_names(P, names, 4), n);
	/* ethdev 22.11 answers an unknown id with -1, not -EINVAL */
	EXPECT(rte_eth_xstats_get_by_id(P, ids, vals, 2), -1);
	ids[1] = n;
	EXPECT(rte_eth_xstats_get_by_id(P, ids, vals, 2), -1);
	ids[1] = n - 1;
	EXPECT(rte_eth_xstats_get_by_id(P, ids, vals, 2), 2);
	EXPECT(rte_eth_xstats_get_by_id(P, ids, NULL, 2), -EINVAL);
	ids[1] = 100000;
	EXPECT(rte_eth_xstats_get_names_by_id(P, names, 2, ids), -1);
	EXPECT(rte_eth_xstats_reset(P), 0);
}

/* ---- device information ------------------------------------------------------------ */

static void
cases_info(void)
{
	struct rte_eth_dev_info info;
	struct rte_eth_rxq_info rqi;
	struct rte_eth_txq_info tqi;
	struct rte_eth_burst_mode bm;
	char fw[64];
	int n;

	EXPECT(rte_eth_dev_info_get(P, NULL), -EINVAL);
	EXPECT(rte_eth_dev_info_get(RTE_MAX_ETHPORTS, &info), -ENODEV);
	EXPECT(rte_eth_rx_queue_info_get(P, NB_QUEUES, &rqi), -EINVAL);
	EXPECT(rte_eth_rx_queue_info_get(P, 0, NULL), -EINVAL);
	EXPECT(rte_eth_tx_queue_info_get(P, NB_QUEUES, &tqi), -EINVAL);
	EXPECT(rte_eth_tx_queue_info_get(P, 0, NULL), -EINVAL);
	EXPECT(rte_eth_rx_queue_info_get(P, 0, &rqi), 0);
	EXPECT_TRUE(rqi.nb_desc == NB_DESC && rqi.mp == pool,
		    "rxq info: nb_desc %u (want %u), mempool %s", rqi.nb_desc, NB_DESC,
		    rqi.mp ? rqi.mp->name : "NULL");
	EXPECT(rte_eth_rx_burst_mode_get(P, NB_QUEUES, &bm), -EINVAL);
	EXPECT(rte_eth_rx_burst_mode_get(P, 0, NULL), -EINVAL);
	EXPECT(rte_eth_tx_burst_mode_get(P, NB_QUEUES, &bm), -EINVAL);
	EXPECT(rte_eth_tx_burst_mode_get(P, 0, NULL), -EINVAL);
	EXPECT(rte_eth_rx_burst_mode_get(P, 0, &bm), 0);
	EXPECT(rte_eth_tx_burst_mode_get(P, 0, &bm), 0);
	EXPECT(rte_eth_dev_fw_version_get(P, NULL, 8), -EINVAL);
	n = rte_eth_dev_fw_version_get(P, fw, 2);
	EXPECT_TRUE(n > 2, "fw_version_get into 2 bytes asks for more: %d", n);
	EXPECT(rte_eth_dev_fw_version_get(P, fw, sizeof(fw)), 0);
	n = rte_eth_dev_get_supported_ptypes(P, RTE_PTYPE_ALL_MASK, NULL, 0);
	EXPECT_TRUE(n > 0, "supported ptypes count %d", n);
	EXPECT(rte_eth_dev_get_supported_ptypes(P, RTE_PTYPE_ALL_MASK, NULL, 4), -EINVAL);
}

static void
cases_regs_eeprom(void)
{
	struct rte_dev_reg_info ri;
	struct rte_dev_eeprom_info ei;
	uint8_t nvm[8];
	uint32_t *regs;
	int len;

	EXPECT(rte_eth_dev_get_reg_info(P, NULL), -EINVAL);
	memset(&ri, 0, sizeof(ri));
	EXPECT(rte_eth_dev_get_reg_info(P, &ri), 0);	/* data NULL: the size */
	EXPECT_TRUE(ri.length > 0 && ri.width == 4, "reg dump %u x %u bytes",
		    ri.length, ri.width);
	regs = calloc(ri.length, sizeof(*regs));
	ri.data = regs;
	ri.offset = 4;
	EXPECT(rte_eth_dev_get_reg_info(P, &ri), -ENOTSUP);
	ri.offset = 0;
	EXPECT(rte_eth_dev_get_reg_info(P, &ri), 0);
	free(regs);
	len = rte_eth_dev_get_eeprom_length(P);
	EXPECT_TRUE(len >= 128, "eeprom length %d", len);
	EXPECT(rte_eth_dev_get_eeprom(P, NULL), -EINVAL);
	memset(&ei, 0, sizeof(ei));
	ei.length = 8;
	EXPECT(rte_eth_dev_get_eeprom(P, &ei), -EINVAL);		/* data NULL */
	ei.data = nvm;
	ei.offset = len;
	EXPECT(rte_eth_dev_get_eeprom(P, &ei), -EINVAL);
	ei.offset = len - 4;
	EXPECT(rte_eth_dev_get_eeprom(P, &ei), -EINVAL);
	ei.offset = UINT32_MAX - 2;
	EXPECT(rte_eth_dev_get_eeprom(P, &ei), -EINVAL);
	ei.offset = 0;
	EXPECT(rte_eth_dev_get_eeprom(P, &ei), 0);
}

/* ---- module EEPROM: refused on copper, bounded by the module's map on fiber ---- */

static void
cases_module(bool on_fiber)
{
	struct rte_eth_dev_module_info mi;
	struct rte_dev_eeprom_info ei;
	uint8_t buf[RTE_ETH_MODULE_SFF_8472_LEN + 8];
	int ret;

	EXPECT(rte_eth_dev_get_module_info(P, NULL), -EINVAL);
	EXPECT(rte_eth_dev_get_module_eeprom(P, NULL), -EINVAL);
	memset(&ei, 0, sizeof(ei));
	ei.length = 8;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -EINVAL);	/* data NULL */
	ei.data = buf;
	ei.length = 0;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -EINVAL);
	memset(&mi, 0, sizeof(mi));
	ret = rte_eth_dev_get_module_info(P, &mi);
	if (!on_fiber) {		/* copper: no SFP cage */
		EXPECT_TRUE(ret == -ENOTSUP, "module info on copper %d, want %d", ret, -ENOTSUP);
		ei.length = 8;
		EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -ENOTSUP);
		return;
	}
	EXPECT_TRUE(ret == 0 && mi.type == RTE_ETH_MODULE_SFF_8472 &&
		    mi.eeprom_len == RTE_ETH_MODULE_SFF_8472_LEN,
		    "module info %d: type %#x, %u bytes", ret, mi.type, mi.eeprom_len);
	ei.offset = mi.eeprom_len;
	ei.length = 1;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -EINVAL);
	ei.offset = mi.eeprom_len - 4;
	ei.length = 8;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -EINVAL);
	ei.offset = UINT32_MAX - 2;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -EINVAL);
	ei.offset = 0;
	ei.length = mi.eeprom_len + 1;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), -EINVAL);
	memset(buf, 0xa5, sizeof(buf));
	ei.length = mi.eeprom_len;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), 0);
	EXPECT_TRUE(buf[0] == 0x03 && buf[mi.eeprom_len] == 0xa5,
		    "identifier %#x, byte after the map %#x untouched", buf[0],
		    buf[mi.eeprom_len]);
	/* odd offset across the A0h/A2h boundary: the same bytes as the full read */
	ei.data = buf + RTE_ETH_MODULE_SFF_8472_LEN;
	ei.offset = 255;
	ei.length = 3;
	EXPECT(rte_eth_dev_get_module_eeprom(P, &ei), 0);
	EXPECT_TRUE(memcmp(buf + RTE_ETH_MODULE_SFF_8472_LEN, buf + 255, 3) == 0,
		    "bytes 255-257 read alone equal the full read");
}

/* ---- datapath queries ------------------------------------------------------------- */

static void
cases_datapath_queries(void)
{
	EXPECT(rte_eth_rx_descriptor_status(P, 0, NB_DESC), -EINVAL);
	EXPECT(rte_eth_rx_descriptor_status(P, 0, UINT16_MAX), -EINVAL);
	EXPECT(rte_eth_tx_descriptor_status(P, 0, NB_DESC), -EINVAL);
	EXPECT(rte_eth_tx_descriptor_status(P, 0, UINT16_MAX), -EINVAL);
	EXPECT_TRUE(rte_eth_rx_descriptor_status(P, 0, 0) >= 0, "rx desc 0 status");
	EXPECT_TRUE(rte_eth_rx_queue_count(P, 0) >= 0, "rx queue count");
	/* Release builds of ethdev 22.11 pass tx_queues[qid] unchecked: for a
	 * queue that is not set up the driver gets NULL (fuzz-found, fixed). */
	EXPECT(rte_eth_tx_done_cleanup(P, NB_QUEUES, 0), -ENODEV);
	EXPECT_TRUE(rte_eth_tx_done_cleanup(P, 0, 0) >= 0, "tx_done_cleanup of an idle queue");
}

/* ---- clock, dumps, rate limit --------------------------------------------------------------- */

static void
cases_clock_dumps(void)
{
	uint64_t clock;
	FILE *f = fopen("/dev/null", "w");

	/* SYSTIM runs only once time sync is enabled */
	EXPECT(rte_eth_read_clock(P, &clock), -EAGAIN);
	EXPECT(rte_eth_rx_descriptor_dump(P, 0, NB_DESC, 1, f), -EINVAL);
	EXPECT(rte_eth_rx_descriptor_dump(P, 0, 0, NB_DESC + 1, f), -EINVAL);
	EXPECT(rte_eth_rx_descriptor_dump(P, 0, UINT16_MAX, UINT16_MAX, f), -EINVAL);
	EXPECT(rte_eth_tx_descriptor_dump(P, 0, NB_DESC, 1, f), -EINVAL);
	EXPECT(rte_eth_tx_descriptor_dump(P, 0, 0, NB_DESC + 1, f), -EINVAL);
	EXPECT(rte_eth_rx_descriptor_dump(P, 0, NB_DESC - 1, NB_DESC, f), 0);	/* wraps */
	EXPECT(rte_eth_tx_descriptor_dump(P, 0, 0, NB_DESC, f), 0);
	EXPECT(rte_eth_dev_priv_dump(P, f), 0);
	fclose(f);
	/* RX interrupts of a port configured without intr_conf.rxq */
	EXPECT(rte_eth_dev_rx_intr_enable(P, 0), -EINVAL);
	EXPECT(rte_eth_dev_rx_intr_disable(P, 0), -EINVAL);
	/* ethdev lets queue_idx == nb_tx_queues through: the driver refuses it */
	EXPECT(rte_eth_set_queue_rate_limit(P, NB_QUEUES, 100), -EINVAL);
	EXPECT(rte_eth_set_queue_rate_limit(P, 0, 0), 0);
}

/* tx_prepare: each bad mbuf stops the burst at its index with rte_errno set. */
static void
cases_tx_prepare(void)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(pool);
	uint16_t n;

	if (m == NULL) {
		EXPECT_TRUE(false, "mbuf for tx_prepare");
		return;
	}
	rte_pktmbuf_append(m, 200);
	m->ol_flags = RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM;
	m->l2_len = 14;
	m->l3_len = 20;
	m->l4_len = 20;
	m->tso_segsz = 0;
	n = rte_eth_tx_prepare(P, 0, &m, 1);
	EXPECT_TRUE(n == 0 && rte_errno == EINVAL, "TSO with MSS 0: prepared %u, rte_errno %d",
		    n, rte_errno);
	m->tso_segsz = 100;
	m->l4_len = 4;
	n = rte_eth_tx_prepare(P, 0, &m, 1);
	EXPECT_TRUE(n == 0 && rte_errno == EINVAL, "TSO with a 4-byte TCP header: %u, %d",
		    n, rte_errno);
	m->ol_flags = RTE_MBUF_F_TX_IEEE1588_TMST | RTE_MBUF_F_TX_SEC_OFFLOAD;
	n = rte_eth_tx_prepare(P, 0, &m, 1);
	EXPECT_TRUE(n == 0 && rte_errno == ENOTSUP, "unsupported TX flags: %u, %d", n,
		    rte_errno);
	m->ol_flags = 0;
	EXPECT(rte_eth_tx_prepare(P, 0, &m, 1), 1);
	rte_pktmbuf_free(m);
}

/* ---- after the catalogue: the port still forwards, nothing leaked ---------------- */

static bool
wait_link_up(uint16_t port)
{
	struct rte_eth_link link;
	int i;

	for (i = 0; i < 100; i++) {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status)
			return true;
		rte_delay_ms(100);
	}
	return false;
}

static unsigned int
forward_burst(uint16_t from, uint16_t to, unsigned int count)
{
	struct rte_mbuf *m[32];
	unsigned int i, sent, got = 0;
	uint16_t q;

	for (i = 0; i < count; i++) {
		m[i] = rte_pktmbuf_alloc(pool);
		if (m[i] == NULL)
			return 0;
		memset(rte_pktmbuf_append(m[i], 64), 0xff, 12);	/* broadcast */
	}
	sent = rte_eth_tx_burst(from, 0, m, count);
	if (sent < count)
		rte_pktmbuf_free_bulk(m + sent, count - sent);
	for (i = 0; i < 200 && got < sent; i++) {
		for (q = 0; q < NB_QUEUES; q++) {
			uint16_t n = rte_eth_rx_burst(to, q, m, 32);

			got += n;
			rte_pktmbuf_free_bulk(m, n);
		}
		rte_delay_ms(5);
	}
	return got;
}

static void
check_forwarding_and_pool(void)
{
	rte_eth_dev_stop(P);
	EXPECT(bring_up(P, NB_QUEUES, 0), 0);
	EXPECT(bring_up(PEER, NB_QUEUES, 0), 0);
	EXPECT_TRUE(wait_link_up(P) && wait_link_up(PEER), "links up after the catalogue");
	EXPECT(forward_burst(P, PEER, 32), 32);
	EXPECT(forward_burst(PEER, P, 32), 32);
	EXPECT(rte_eth_dev_stop(P), 0);
	EXPECT(rte_eth_dev_stop(PEER), 0);
	EXPECT_TRUE(rte_mempool_avail_count(pool) == POOL_SIZE,
		    "after stop %u of %u mbufs in the pool", rte_mempool_avail_count(pool),
		    POOL_SIZE);
	EXPECT(rte_eth_dev_reset(P), 0);
	EXPECT(rte_eth_dev_start(P), -EINVAL);	/* reset: must be configured again */
	EXPECT(bring_up(P, 1, 0), 0);
	EXPECT(rte_eth_dev_stop(P), 0);
	EXPECT(rte_eth_dev_close(P), 0);
	EXPECT(rte_eth_dev_close(PEER), 0);
	EXPECT(rte_eth_dev_close(P), -ENODEV);		/* closed: released */
	EXPECT(rte_eth_dev_configure(P, 1, 1, &(struct rte_eth_conf){ 0 }), -ENODEV);
	EXPECT(rte_eth_stats_reset(P), -ENODEV);
	EXPECT_TRUE(rte_mempool_avail_count(pool) == POOL_SIZE,
		    "after close %u of %u mbufs in the pool", rte_mempool_avail_count(pool),
		    POOL_SIZE);
}

static bool
port_is_igbx(uint16_t port)
{
	struct rte_eth_dev_info info;

	return rte_eth_dev_info_get(port, &info) == 0 &&
	       strcmp(info.driver_name, "net_igbx") == 0;
}

int
main(int argc, char **argv)
{
	if (rte_eal_init(argc, argv) < 0) {
		fprintf(stderr, "rte_eal_init: %s\n", rte_strerror(rte_errno));
		return 2;
	}
	if (rte_eth_dev_count_avail() < 2 || !port_is_igbx(P) || !port_is_igbx(PEER)) {
		fprintf(stderr, "need ports 0 and 1 driven by net_igbx\n");
		return 2;
	}
	pool = rte_pktmbuf_pool_create("badinput", POOL_SIZE, 0, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	tiny_pool = rte_pktmbuf_pool_create("badinput_tiny", 511, 0, 0, TINY_ROOM,
					    SOCKET_ID_ANY);
	if (pool == NULL || tiny_pool == NULL) {
		fprintf(stderr, "mempools: %s\n", rte_strerror(rte_errno));
		return 2;
	}
	printf("driver net_igbx\n");
	if (getenv("IGBX_BADINPUT_MODULE_ONLY") != NULL) {
		/* on a fiber board: the module's range cases alone */
		cases_module(true);
	} else {
		cases_configure();
		if (getenv("IGBX_BADINPUT_VFIO") != NULL)
			cases_rxq_intr_msix();
		cases_rx_queue_setup();
		cases_tx_queue_setup();
		cases_state_unconfigured();
		cases_state_started();
		cases_link();
		cases_mac();
		cases_mc_list();
		cases_vlan();
		cases_rss();
		cases_flow_ctrl();
		cases_stats();
		cases_info();
		cases_regs_eeprom();
		cases_module(false);
		cases_datapath_queries();
		cases_clock_dumps();
		cases_tx_prepare();
	}
	check_forwarding_and_pool();
	printf("%u cases: %u passed, %u failed\n", n_pass + n_fail, n_pass, n_fail);
	rte_eal_cleanup();
	return n_fail ? 1 : 0;
}
