/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_pf_api.c - igbx's private SR-IOV host API (rte_pmd_igbx.h) from an
 * application linked to librte_net_igbx.so: bad input to every function
 * (its errno), then settings for VF 0 and VF 1 of port 0, which the test
 * checks in the device's registers and in a VF process.
 *
 * Runs inside igbx-sim with port 0 hosting two VFs, for example:
 *   igbx-sim --vfs 0:2 -- igbx_pf_api -l 0 -n 1 -m 256
 *            -a 0000:01:00.0 -a 0000:01:00.1
 * Prints "N passed, N failed", "PAUSE vfs" (the settings are in place; the
 * test runs its VFs, then sends a line), and "DONE status <n>".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "rte_pmd_igbx.h"
#include "scenario_app.h"

static unsigned int n_passed, n_failed;

static void
expect(int got, int want, const char *what)
{
	if (got == want) {
		n_passed++;
		return;
	}
	n_failed++;
	printf("FAIL %s: got %d, want %d\n", what, got, want);
}

static int
port_up(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	if (rte_eth_dev_configure(port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port, 0, 256, 0, NULL, mp) != 0 ||
	    rte_eth_tx_queue_setup(port, 0, 256, 0, NULL) != 0)
		return -1;
	return rte_eth_dev_start(port);
}

/* Every function: a bad port, a port without VFs, a VF out of range. */
static void
bad_doors(void)
{
	const struct rte_ether_addr mac = {{ 0x02, 0, 0, 0, 0, 0x30 }};
	const uint16_t bad[][3] = {	/* port, vf, errno */
		{ RTE_MAX_ETHPORTS, 0, ENODEV },
		{ 1, 0, ENOTSUP },	/* port 1 has no VFs */
		{ 0, 2, EINVAL },	/* port 0 has VFs 0 and 1 */
		{ 0, 0xffff, EINVAL },
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(bad); i++) {
		int want = -(int)bad[i][2];

		expect(rte_pmd_igbx_set_vf_trust(bad[i][0], bad[i][1], 1), want, "trust door");
		expect(rte_pmd_igbx_set_vf_mac_anti_spoof(bad[i][0], bad[i][1], 1), want,
		       "anti_spoof door");
		expect(rte_pmd_igbx_set_vf_vlan_insert(bad[i][0], bad[i][1], 5), want,
		       "vlan_insert door");
		expect(rte_pmd_igbx_set_vf_rate_limit(bad[i][0], bad[i][1], 10), want,
		       "rate_limit door");
		expect(rte_pmd_igbx_set_vf_mac(bad[i][0], bad[i][1], &mac), want, "mac door");
	}
}

static void
bad_values(void)
{
	const struct rte_ether_addr mcast = {{ 0x01, 0, 0x5e, 0, 0, 1 }};
	const struct rte_ether_addr zero = {{ 0 }};

	expect(rte_pmd_igbx_set_vf_trust(0, 0, 2), -EINVAL, "trust on=2");
	expect(rte_pmd_igbx_set_vf_mac_anti_spoof(0, 0, 7), -EINVAL, "anti_spoof on=7");
	expect(rte_pmd_igbx_set_vf_vlan_insert(0, 0, 4096), -EINVAL, "vlan 4096");
	expect(rte_pmd_igbx_set_vf_rate_limit(0, 0, 1001), -EINVAL, "rate 1001");
	expect(rte_pmd_igbx_set_vf_mac(0, 0, NULL), -EINVAL, "mac NULL");
	expect(rte_pmd_igbx_set_vf_mac(0, 0, &mcast), -EINVAL, "mac multicast");
	expect(rte_pmd_igbx_set_vf_mac(0, 0, &zero), -EINVAL, "mac zero");
}

/* VF 0 trusted with a fixed address; VF 1 without anti-spoofing, with VLAN
 * 100 inserted and 100 Mb/s. */
static void
settings(void)
{
	const struct rte_ether_addr mac = {{ 0x02, 0, 0, 0, 0, 0x20 }};

	expect(rte_pmd_igbx_set_vf_trust(0, 0, 1), 0, "trust vf 0");
	expect(rte_pmd_igbx_set_vf_mac(0, 0, &mac), 0, "mac vf 0");
	expect(rte_pmd_igbx_set_vf_mac_anti_spoof(0, 1, 0), 0, "anti_spoof off vf 1");
	expect(rte_pmd_igbx_set_vf_vlan_insert(0, 1, 100), 0, "vlan 100 vf 1");
	expect(rte_pmd_igbx_set_vf_rate_limit(0, 1, 100), 0, "rate 100 vf 1");
}

int
main(int argc, char **argv)
{
	struct rte_eth_dev_info info;
	struct rte_mempool *mp;
	uint16_t port;

	if (rte_eal_init(argc, argv) < 0 || rte_eth_dev_count_avail() < 2) {
		fprintf(stderr, "usage: igbx_pf_api <EAL args: two igbx ports>\n");
		return 2;
	}
	mp = rte_pktmbuf_pool_create("pf_api", 2047, 64, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     rte_socket_id());
	if (mp == NULL || scenario_driver_info(0, &info) != 0)
		return 2;
	for (port = 0; port < 2; port++)
		if (port_up(port, mp) != 0) {
			fprintf(stderr, "port %u does not start\n", port);
			return 2;
		}
	printf("max_vfs %u\n", info.max_vfs);
	bad_doors();
	bad_values();
	settings();
	printf("%u passed, %u failed\n", n_passed, n_failed);
	pause_for_test("vfs");
	for (port = 0; port < 2; port++) {
		rte_eth_dev_stop(port);
		rte_eth_dev_close(port);
	}
	printf("DONE status %d\n", n_failed ? 1 : 0);
	rte_eal_cleanup();
	return n_failed ? 1 : 0;
}
