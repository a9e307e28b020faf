/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_harness.h - what the scalar datapath tests (test_igbx_rx.c, test_igbx_tx.c)
 * share: a fake port over rings in plain memory, and the 82576's side of the rings
 * (writes RX write-backs, reads TX descriptors, sets DD). */
#ifndef IGBX_RXTX_HARNESS_H
#define IGBX_RXTX_HARNESS_H

#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <ethdev_driver.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"
#include "unit.h"

/*
 * Setup: EAL without hugepages or PCI (memzones then live in malloc'd memory
 * and IOVA equals VA, so a descriptor address can be dereferenced), an
 * ethdev from rte_eth_dev_allocate() whose dev_private is our adapter, and
 * hw_addr pointing at a 128 KiB calloc'd "BAR0": register writes land in it.
 */
#define BAR0_SIZE	(128 * 1024)
#define NB_MBUFS	1024

static struct rte_eth_dev *dev;
static struct rte_mempool *pool;
static void *rxq_slots[4], *txq_slots[4];

static uint32_t
reg(uint32_t off)
{
	return *(volatile uint32_t *)(IGBX_DEV_HW(dev)->hw_addr + off);
}

/* The fake device is ours (calloc), not ethdev's: free it ourselves. */
static inline void
teardown_dev(void)
{
	struct igbx_adapter *ad = dev->data->dev_private;

	dev->data->dev_private = NULL;
	free(ad->hw.hw_addr);
	free(ad);
}

static inline void
setup_dev(void)
{
	struct igbx_adapter *ad = calloc(1, sizeof(*ad));

	dev = rte_eth_dev_allocate("igbx_unit");
	ad->hw.hw_addr = calloc(1, BAR0_SIZE);
	/* these files test the scalar bursts (test_igbx_vec.c compares the others) */
	ad->forced_rx_path = IGBX_PATH_SCALAR;
	ad->forced_tx_path = IGBX_PATH_SCALAR;
	dev->data->dev_private = ad;
	dev->data->rx_queues = rxq_slots;
	dev->data->tx_queues = txq_slots;
	dev->data->nb_rx_queues = 1;
	dev->data->nb_tx_queues = 1;
	dev->data->mtu = RTE_ETHER_MTU;
	pool = rte_pktmbuf_pool_create("unit_pool", NB_MBUFS, 0, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
}

/* ---- the "device" side of RX ---------------------------------------------- */

static uint16_t hw_rx_head __rte_unused;

/* Complete the next descriptor as the 82576 would: data, then write-back, DD last. */
static inline void
hw_rx_write(struct igbx_rx_queue *rxq, const void *data, uint16_t len, uint32_t staterr,
	    uint16_t pkt_info, uint32_t hash, uint16_t vlan)
{
	volatile union igbx_adv_rx_desc *d = &rxq->ring[hw_rx_head];
	void *buf = (void *)(uintptr_t)d->read.pkt_addr;

	memcpy(buf, data, len);
	d->wb.pkt_info = pkt_info;
	d->wb.hdr_info = 0;
	d->wb.rss_hash = hash;
	d->wb.length = len;
	d->wb.vlan = vlan;
	rte_wmb();
	d->wb.status_error = staterr | IGBX_RXD_STAT_DD;
	hw_rx_head = (hw_rx_head + 1) % rxq->nb_desc;
}

/* Descriptors the device may still fill: from its head up to RDT - 1. */
static inline unsigned int
hw_rx_owned(struct igbx_rx_queue *rxq)
{
	return (reg(IGBX_RDT(0)) + rxq->nb_desc - hw_rx_head) % rxq->nb_desc;
}

static inline struct igbx_rx_queue *
start_rx(uint16_t nb_desc, uint64_t offloads, uint16_t mtu)
{
	struct rte_eth_rxconf conf = { .offloads = offloads };

	dev->data->mtu = mtu;
	dev->data->dev_conf.rxmode.offloads = offloads;
	dev->data->dev_conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, nb_desc, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	igbx_set_rx_function(dev);
	hw_rx_head = 0;
	return dev->data->rx_queues[0];
}

/* One frame through the burst: 18-byte header hdr (rest zero), write-back as given. */
static inline struct rte_mbuf *
rx_one(struct igbx_rx_queue *rxq, const uint8_t *hdr, size_t hlen, uint32_t staterr,
       uint16_t vlan)
{
	uint8_t frame[64] = { 0 };
	struct rte_mbuf *m = NULL;

	memcpy(frame, hdr, hlen);
	hw_rx_write(rxq, frame, 64, IGBX_RXD_STAT_EOP | staterr, 0, 0, vlan);
	UNIT_CHECK_EQ(dev->rx_pkt_burst(rxq, &m, 1), 1);
	return m;
}

/* The 12 address bytes survived the cut and the frame goes on with type. */
static inline int
rx_addrs_then(const struct rte_mbuf *m, uint16_t type)
{
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);
	int i;

	for (i = 0; i < 12; i++)
		if (p[i] != i)
			return 0;
	return (p[12] << 8 | p[13]) == type;
}

/* ---- the "device" side of TX -------------------------------------------- */

static inline struct igbx_tx_queue *
start_tx(uint16_t nb_desc, uint64_t offloads)
{
	struct rte_eth_txconf conf = { .offloads = offloads };

	dev->data->dev_conf.txmode.offloads = offloads;
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, nb_desc, SOCKET_ID_ANY, &conf), 0);
	UNIT_CHECK_EQ(igbx_tx_init(dev), 0);
	igbx_set_tx_function(dev);
	return dev->data->tx_queues[0];
}

static inline struct rte_mbuf *
make_pkt(uint16_t len, unsigned int nb_segs)
{
	struct rte_mbuf *head = rte_pktmbuf_alloc(pool), *m;
	unsigned int i;

	memset(rte_pktmbuf_append(head, len), 0x5a, len);
	for (i = 1; i < nb_segs; i++) {
		m = rte_pktmbuf_alloc(pool);
		memset(rte_pktmbuf_append(m, 100), 0x5b, 100);
		rte_pktmbuf_chain(head, m);
	}
	return head;
}

/* The device completes everything up to TDT: DD on each RS descriptor. */
static inline void
hw_tx_complete(struct igbx_tx_queue *txq)
{
	uint16_t i;

	for (i = 0; i < txq->nb_desc; i++) {
		volatile union igbx_adv_tx_desc *d = &txq->ring[i];

		if ((d->data.cmd_type_len & IGBX_TXD_DCMD_RS) &&
		    (d->data.cmd_type_len & IGBX_TXD_DTYP_DATA) == IGBX_TXD_DTYP_DATA)
			d->data.olinfo_status |= IGBX_TXD_STAT_DD;
	}
}

/* EAL without hugepages or PCI, then the fake port; 0 when both are there. */
static inline int
harness_init(char *argv0)
{
	char *eal_args[] = { argv0, "--no-huge", "--no-pci", "-m", "64", "--no-shconf",
			     "--iova-mode=va", "--no-telemetry", "--log-level=pmd.net.igbx.*:error", NULL };

	if (rte_eal_init(RTE_DIM(eal_args) - 1, eal_args) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return -1;
	}
	setup_dev();
	UNIT_CHECK(pool != NULL && dev != NULL);
	return pool != NULL && dev != NULL ? 0 : -1;
}

struct harness_test {
	void (*fn)(void);
	const char *name;
};
#define HARNESS_TEST(fn) { fn, #fn }

/* main() of a datapath test file: the fake port, each test in order (one
 * "ok"/"FAIL" line each, as UNIT_RUN prints), then the report line. */
static inline int
harness_main(char *argv0, const struct harness_test *tests, unsigned int nb)
{
	unsigned int i, before;

	if (harness_init(argv0) != 0)
		return unit_report();
	for (i = 0; i < nb; i++) {
		before = unit_failed;
		tests[i].fn();
		printf("%s %s\n", unit_failed == before ? "ok  " : "FAIL", tests[i].name);
	}
	teardown_dev();
	return unit_report();
}

#endif /* IGBX_RXTX_HARNESS_H */
