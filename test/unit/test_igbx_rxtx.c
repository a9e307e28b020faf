/* SPDX-License-Identifier: BSD-3-Clause */
/* test_igbx_rxtx.c - the igbx scalar datapath against rings in plain memory: this
 * file plays the 82576 (writes RX write-backs, reads TX descriptors, sets DD). */
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
static void
teardown_dev(void)
{
	struct igbx_adapter *ad = dev->data->dev_private;

	dev->data->dev_private = NULL;
	free(ad->hw.hw_addr);
	free(ad);
}

static void
setup_dev(void)
{
	struct igbx_adapter *ad = calloc(1, sizeof(*ad));

	dev = rte_eth_dev_allocate("igbx_unit");
	ad->hw.hw_addr = calloc(1, BAR0_SIZE);
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

static uint16_t hw_rx_head;

/* Complete the next descriptor as the 82576 would: data, then write-back, DD last. */
static void
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
static unsigned int
hw_rx_owned(struct igbx_rx_queue *rxq)
{
	return (reg(IGBX_RDT(0)) + rxq->nb_desc - hw_rx_head) % rxq->nb_desc;
}

static struct igbx_rx_queue *
start_rx(uint16_t nb_desc, uint64_t offloads, uint16_t mtu)
{
	struct rte_eth_rxconf conf = { .offloads = offloads };

	dev->data->mtu = mtu;
	dev->data->dev_conf.rxmode.offloads = offloads;
	dev->data->dev_conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, nb_desc, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	hw_rx_head = 0;
	return dev->data->rx_queues[0];
}

static void
test_rx_setup_validation(void)
{
	struct rte_eth_rxconf conf = { 0 };

	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 1, 64, SOCKET_ID_ANY, &conf, pool), -EINVAL);
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 60, SOCKET_ID_ANY, &conf, pool), -EINVAL);
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 8192, SOCKET_ID_ANY, &conf, pool), -EINVAL);
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf, NULL), -EINVAL);
	/* thresholds are hints: clamped to the 5-bit fields and WTHRESH <= 1 */
	conf.rx_thresh = (struct rte_eth_thresh){ .pthresh = 40, .hthresh = 31, .wthresh = 8 };
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(((struct igbx_rx_queue *)dev->data->rx_queues[0])->pthresh, 31);
	UNIT_CHECK_EQ(((struct igbx_rx_queue *)dev->data->rx_queues[0])->hthresh, 31);
	UNIT_CHECK_EQ(((struct igbx_rx_queue *)dev->data->rx_queues[0])->wthresh, 1);
	igbx_rx_queue_release(dev, 0);
	conf.rx_thresh = (struct rte_eth_thresh){ 0 };
	conf.offloads = RTE_ETH_RX_OFFLOAD_TCP_LRO;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf, pool), -EINVAL);
	conf.offloads = 0;
	/* 2 KB buffers for 9000-byte frames: accepted without the scatter
	 * offload too (dev_start picks the scattered burst, as the stock
	 * driver does and DTS's mtu suite expects)
	 */
	dev->data->mtu = 9000;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK(((struct igbx_rx_queue *)dev->data->rx_queues[0])->buf_size <
		   igbx_mtu_to_frame(0, 9000));
	igbx_rx_queue_release(dev, 0);
	conf.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK(dev->data->rx_queues[0] != NULL);
	/* Re-setup replaces (and releases) the existing queue. */
	conf.offloads = 0;
	dev->data->mtu = RTE_ETHER_MTU;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 128, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(((struct igbx_rx_queue *)dev->data->rx_queues[0])->nb_desc, 128);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK(dev->data->rx_queues[0] == NULL);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

static void
test_rx_init_registers(void)
{
	struct igbx_rx_queue *rxq = start_rx(32, RTE_ETH_RX_OFFLOAD_VLAN_STRIP, RTE_ETHER_MTU);

	UNIT_CHECK_EQ(reg(IGBX_RDLEN(0)), 32 * 16);
	UNIT_CHECK_EQ(reg(IGBX_RDBAL(0)), (uint32_t)rxq->ring_iova);
	UNIT_CHECK_EQ(reg(IGBX_RDT(0)), 31);
	UNIT_CHECK_EQ(reg(IGBX_SRRCTL(0)), IGBX_SRRCTL_DESCTYPE_ADV_ONEBUF | 2);
	UNIT_CHECK(reg(IGBX_RXDCTL(0)) & IGBX_RXDCTL_ENABLE);
	UNIT_CHECK(reg(IGBX_RCTL) & IGBX_RCTL_SECRC);
	UNIT_CHECK(!(reg(IGBX_RCTL) & (IGBX_RCTL_LPE | IGBX_RCTL_EN)));
	UNIT_CHECK(reg(IGBX_RXCSUM) & IGBX_RXCSUM_PCSD);
	UNIT_CHECK(dev->rx_pkt_burst == igbx_recv_pkts);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS - 32);
	UNIT_CHECK_EQ(rxq->ring[5].read.pkt_addr,
		      rte_mbuf_data_iova_default(rxq->sw_ring[5]));
	igbx_rxtx_stop(dev);
	UNIT_CHECK(!(reg(IGBX_RXDCTL(0)) & IGBX_RXDCTL_ENABLE));
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
	igbx_rx_queue_release(dev, 0);
}

static void
test_rx_single(void)
{
	struct igbx_rx_queue *rxq = start_rx(32, RTE_ETH_RX_OFFLOAD_VLAN_STRIP, RTE_ETHER_MTU);
	struct rte_mbuf *pkts[8];
	uint8_t frame[100];
	uint16_t n;

	memset(frame, 0xab, sizeof(frame));
	UNIT_CHECK_EQ(igbx_recv_pkts(rxq, pkts, 8), 0);
	hw_rx_write(rxq, frame, 100, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_VP |
		    IGBX_RXD_STAT_IPCS | IGBX_RXD_STAT_L4I,
		    IGBX_RXD_PKTTYPE_IPV4 | IGBX_RXD_PKTTYPE_TCP | IGBX_RXD_RSSTYPE_IPV4_TCP,
		    0x12345678, 0x0123);
	hw_rx_write(rxq, frame, 64, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_IPCS |
		    IGBX_RXD_STAT_UDPCS | IGBX_RXD_ERR_IPE | IGBX_RXD_ERR_L4E,
		    IGBX_RXD_PKTTYPE_IPV6_EX | IGBX_RXD_PKTTYPE_UDP, 0, 0);
	hw_rx_write(rxq, frame, 60, IGBX_RXD_STAT_EOP, 0, 0, 0);
	n = igbx_recv_pkts(rxq, pkts, 8);
	UNIT_CHECK_EQ(n, 3);
	UNIT_CHECK_EQ(pkts[0]->pkt_len, 100);
	UNIT_CHECK_EQ(pkts[0]->data_len, 100);
	UNIT_CHECK_EQ(pkts[0]->nb_segs, 1);
	UNIT_CHECK_EQ(rte_pktmbuf_mtod(pkts[0], uint8_t *)[99], 0xab);
	UNIT_CHECK_EQ(pkts[0]->hash.rss, 0x12345678);
	UNIT_CHECK_EQ(pkts[0]->vlan_tci, 0x0123);
	UNIT_CHECK_EQ(pkts[0]->ol_flags, RTE_MBUF_F_RX_RSS_HASH | RTE_MBUF_F_RX_VLAN |
		      RTE_MBUF_F_RX_VLAN_STRIPPED | RTE_MBUF_F_RX_IP_CKSUM_GOOD |
		      RTE_MBUF_F_RX_L4_CKSUM_GOOD);
	UNIT_CHECK_EQ(pkts[0]->packet_type,
		      RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_TCP);
	UNIT_CHECK_EQ(pkts[1]->ol_flags,
		      RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_BAD);
	UNIT_CHECK_EQ(pkts[1]->packet_type,
		      RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV6_EXT | RTE_PTYPE_L4_UDP);
	UNIT_CHECK_EQ(pkts[2]->ol_flags, 0);
	UNIT_CHECK_EQ(pkts[2]->packet_type, RTE_PTYPE_L2_ETHER);
	UNIT_CHECK_EQ(pkts[2]->port, dev->data->port_id);
	UNIT_CHECK_EQ(rxq->packets, 3);
	UNIT_CHECK_EQ(rxq->bytes, 224);
	/* 3 consumed < free threshold 8: no refill yet, RDT unchanged. */
	UNIT_CHECK_EQ(reg(IGBX_RDT(0)), 31);
	UNIT_CHECK_EQ(igbx_rx_descriptor_status(rxq, 0), RTE_ETH_RX_DESC_AVAIL);
	rte_pktmbuf_free_bulk(pkts, n);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* Many frames through a 32-descriptor ring: wrap, refill in batches, RDT moves. */
static void
test_rx_wrap_refill(void)
{
	struct igbx_rx_queue *rxq = start_rx(32, 0, RTE_ETHER_MTU);
	struct rte_mbuf *pkts[32];
	uint8_t frame[64];
	unsigned int total = 0, round, i;
	int bad = 0;

	for (round = 0; round < 20; round++) {
		unsigned int k = hw_rx_owned(rxq) < 7 ? hw_rx_owned(rxq) : 7;
		uint16_t n;

		for (i = 0; i < k; i++) {
			frame[0] = (uint8_t)(total + i);
			hw_rx_write(rxq, frame, 64, IGBX_RXD_STAT_EOP, 0, 0, 0);
		}
		UNIT_CHECK_EQ(igbx_rx_queue_count(rxq), k);
		n = igbx_recv_pkts(rxq, pkts, 32);
		UNIT_CHECK_EQ(n, k);
		for (i = 0; i < n; i++)
			bad += rte_pktmbuf_mtod(pkts[i], uint8_t *)[0] != (uint8_t)(total + i);
		total += n;
		rte_pktmbuf_free_bulk(pkts, n);
		/* After a refill, RDT is the last refilled slot: next - 1. */
		if (rxq->nb_hold == 0)
			UNIT_CHECK_EQ(reg(IGBX_RDT(0)), (rxq->next + 31) % 32);
		UNIT_CHECK(rxq->nb_hold < rxq->free_thresh);
	}
	UNIT_CHECK_EQ(bad, 0);
	UNIT_CHECK(total > 64);	/* wrapped at least twice */
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS - 32 + rxq->nb_hold);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* A refill that cannot get mbufs leaves the slots empty and counts the failure. */
static void
test_rx_alloc_failure(void)
{
	struct igbx_rx_queue *rxq = start_rx(32, 0, RTE_ETHER_MTU);
	struct rte_mbuf *pkts[32], *hoard[NB_MBUFS];
	unsigned int held = rte_mempool_avail_count(pool), i;
	uint8_t frame[64] = { 0 };
	uint16_t n;

	UNIT_CHECK_EQ(rte_pktmbuf_alloc_bulk(pool, hoard, held), 0);
	for (i = 0; i < 10; i++)
		hw_rx_write(rxq, frame, 64, IGBX_RXD_STAT_EOP, 0, 0, 0);
	n = igbx_recv_pkts(rxq, pkts, 32);
	UNIT_CHECK_EQ(n, 10);
	UNIT_CHECK_EQ(rxq->nb_hold, 10);
	UNIT_CHECK_EQ(reg(IGBX_RDT(0)), 31);
	/* one failed bulk refill counts once, not once per wanted buffer */
	UNIT_CHECK_EQ(dev->data->rx_mbuf_alloc_failed, 1);
	rte_pktmbuf_free_bulk(hoard, held);
	UNIT_CHECK_EQ(igbx_recv_pkts(rxq, pkts + n, 32 - n), 0);	/* refills now */
	UNIT_CHECK_EQ(rxq->nb_hold, 0);
	UNIT_CHECK_EQ(reg(IGBX_RDT(0)), 9);
	rte_pktmbuf_free_bulk(pkts, n);
	dev->data->rx_mbuf_alloc_failed = 0;
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* A 5000-byte frame in three 2 KB buffers, its last buffer in a later burst. */
static void
test_rx_scattered(void)
{
	struct igbx_rx_queue *rxq = start_rx(64, RTE_ETH_RX_OFFLOAD_SCATTER |
					     RTE_ETH_RX_OFFLOAD_KEEP_CRC, 9000);
	static uint8_t frame[2048];
	struct rte_mbuf *pkts[4], *s;
	uint16_t n;

	UNIT_CHECK(dev->rx_pkt_burst == igbx_recv_scattered_pkts);
	UNIT_CHECK(dev->data->scattered_rx);
	UNIT_CHECK(reg(IGBX_RCTL) & IGBX_RCTL_LPE);
	UNIT_CHECK(!(reg(IGBX_RCTL) & IGBX_RCTL_SECRC));
	UNIT_CHECK_EQ(reg(IGBX_RLPML), igbx_mtu_to_frame(0, 9000));
	memset(frame, 1, sizeof(frame));
	hw_rx_write(rxq, frame, 2048, 0, 0, 0, 0);
	memset(frame, 2, sizeof(frame));
	hw_rx_write(rxq, frame, 2048, 0, 0, 0, 0);
	UNIT_CHECK_EQ(igbx_recv_scattered_pkts(rxq, pkts, 4), 0);
	UNIT_CHECK(rxq->seg_first != NULL);
	memset(frame, 3, sizeof(frame));
	hw_rx_write(rxq, frame, 904, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_IPCS,
		    IGBX_RXD_PKTTYPE_IPV4 | IGBX_RXD_RSSTYPE_IPV4, 0xcafe, 0);
	hw_rx_write(rxq, frame, 70, IGBX_RXD_STAT_EOP, 0, 0, 0);
	n = igbx_recv_scattered_pkts(rxq, pkts, 4);
	UNIT_CHECK_EQ(n, 2);
	UNIT_CHECK_EQ(pkts[0]->nb_segs, 3);
	UNIT_CHECK_EQ(pkts[0]->pkt_len, 5000);	/* CRC kept inside the data */
	s = pkts[0];
	UNIT_CHECK_EQ(s->data_len, 2048);
	UNIT_CHECK_EQ(rte_pktmbuf_mtod(s->next, uint8_t *)[0], 2);
	UNIT_CHECK_EQ(s->next->next->data_len, 904);
	UNIT_CHECK(s->next->next->next == NULL);
	UNIT_CHECK_EQ(s->hash.rss, 0xcafe);
	UNIT_CHECK_EQ(s->ol_flags, RTE_MBUF_F_RX_RSS_HASH | RTE_MBUF_F_RX_IP_CKSUM_GOOD);
	UNIT_CHECK_EQ(pkts[1]->nb_segs, 1);
	UNIT_CHECK_EQ(pkts[1]->pkt_len, 70);
	UNIT_CHECK(rxq->seg_first == NULL);
	UNIT_CHECK_EQ(rxq->bytes, 5000 - 4 + 70 - 4);
	rte_pktmbuf_free_bulk(pkts, n);
	/* A partial frame at stop is freed too. */
	hw_rx_write(rxq, frame, 2048, 0, 0, 0, 0);
	UNIT_CHECK_EQ(igbx_recv_scattered_pkts(rxq, pkts, 4), 0);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
	dev->data->mtu = RTE_ETHER_MTU;
}

/* Deferred queues are programmed only by queue_start. */
static void
test_rx_deferred(void)
{
	struct rte_eth_rxconf conf = { .rx_deferred_start = 1 };

	dev->data->dev_conf.rxmode.offloads = 0;
	memset(IGBX_DEV_HW(dev)->hw_addr, 0, BAR0_SIZE);
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 32, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	UNIT_CHECK_EQ(reg(IGBX_RDLEN(0)), 0);
	UNIT_CHECK_EQ(dev->data->rx_queue_state[0], RTE_ETH_QUEUE_STATE_STOPPED);
	UNIT_CHECK_EQ(igbx_rx_queue_start(dev, 0), 0);
	UNIT_CHECK_EQ(reg(IGBX_RDT(0)), 31);
	UNIT_CHECK_EQ(dev->data->rx_queue_state[0], RTE_ETH_QUEUE_STATE_STARTED);
	UNIT_CHECK_EQ(igbx_rx_queue_stop(dev, 0), 0);
	UNIT_CHECK_EQ(igbx_rx_queue_start(dev, 3), -EINVAL);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* IEEE 1588: TS -> TMST; an ETQF match on the time sync slot -> PTP + TIMESYNC. */
static void
test_rx_ieee1588(void)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_rx_queue *rxq;
	struct rte_mbuf *pkts[8];
	uint8_t frame[60] = { 0 };
	uint16_t n;

	/* A queue set up while time sync is on takes the slot from the adapter. */
	ad->ptp.enabled = true;
	ad->ptp.etqf_slot = 3;
	rxq = start_rx(32, 0, RTE_ETHER_MTU);
	UNIT_CHECK_EQ(rxq->ptp_etqf, 3);
	ad->ptp.enabled = false;
	hw_rx_write(rxq, frame, 60, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_TS,
		    IGBX_RXD_PKTTYPE_ETQF | 3 << IGBX_RXD_PKTTYPE_ETQF_SHIFT, 0, 0);
	hw_rx_write(rxq, frame, 60, IGBX_RXD_STAT_EOP,
		    IGBX_RXD_PKTTYPE_ETQF | 5 << IGBX_RXD_PKTTYPE_ETQF_SHIFT, 0, 0);
	hw_rx_write(rxq, frame, 60, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_TS,
		    IGBX_RXD_PKTTYPE_IPV4 | IGBX_RXD_PKTTYPE_UDP, 0, 0);
	n = igbx_recv_pkts(rxq, pkts, 8);
	UNIT_CHECK_EQ(n, 3);
	UNIT_CHECK_EQ(pkts[0]->ol_flags, RTE_MBUF_F_RX_IEEE1588_PTP | RTE_MBUF_F_RX_IEEE1588_TMST);
	UNIT_CHECK_EQ(pkts[0]->packet_type, RTE_PTYPE_L2_ETHER_TIMESYNC);
	UNIT_CHECK_EQ(pkts[1]->ol_flags, 0);	/* another ethertype filter */
	UNIT_CHECK_EQ(pkts[1]->packet_type, RTE_PTYPE_L2_ETHER);
	UNIT_CHECK_EQ(pkts[2]->ol_flags, RTE_MBUF_F_RX_IEEE1588_TMST);	/* 5-tuple 1588 */
	UNIT_CHECK_EQ(pkts[2]->packet_type,
		      RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_UDP);
	rte_pktmbuf_free_bulk(pkts, n);
	/* timesync disable: slot 3 is an ordinary ethertype filter again */
	igbx_rx_set_ptp_etqf(dev, IGBX_PTP_ETQF_NONE);
	hw_rx_write(rxq, frame, 60, IGBX_RXD_STAT_EOP,
		    IGBX_RXD_PKTTYPE_ETQF | 3 << IGBX_RXD_PKTTYPE_ETQF_SHIFT, 0, 0);
	igbx_rx_set_ptp_etqf(dev, 0);
	hw_rx_write(rxq, frame, 60, IGBX_RXD_STAT_EOP, IGBX_RXD_PKTTYPE_ETQF, 0, 0);
	n = igbx_recv_pkts(rxq, pkts, 8);
	UNIT_CHECK_EQ(n, 2);
	UNIT_CHECK_EQ(pkts[0]->ol_flags, 0);
	UNIT_CHECK_EQ(pkts[0]->packet_type, RTE_PTYPE_L2_ETHER);
	UNIT_CHECK_EQ(pkts[1]->ol_flags, RTE_MBUF_F_RX_IEEE1588_PTP);
	rte_pktmbuf_free_bulk(pkts, n);
	igbx_rx_set_ptp_etqf(dev, IGBX_PTP_ETQF_NONE);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* SCTP: RXCSUM.CRCOFL on, L4I with and without L4E, the SCTP packet type. */
static void
test_rx_sctp_cksum(void)
{
	struct igbx_rx_queue *rxq = start_rx(32, RTE_ETH_RX_OFFLOAD_SCTP_CKSUM, RTE_ETHER_MTU);
	uint16_t sctp = IGBX_RXD_PKTTYPE_IPV4 | IGBX_RXD_PKTTYPE_SCTP;
	struct rte_mbuf *pkts[4];
	uint8_t frame[80] = { 0 };
	uint16_t n;

	UNIT_CHECK(igbx_rx_offload_capa() & RTE_ETH_RX_OFFLOAD_SCTP_CKSUM);
	UNIT_CHECK(reg(IGBX_RXCSUM) & IGBX_RXCSUM_CRCOFL);
	hw_rx_write(rxq, frame, 80, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_IPCS |
		    IGBX_RXD_STAT_L4I, sctp, 0, 0);
	hw_rx_write(rxq, frame, 80, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_IPCS |
		    IGBX_RXD_STAT_L4I | IGBX_RXD_ERR_L4E, sctp, 0, 0);
	n = igbx_recv_pkts(rxq, pkts, 4);
	UNIT_CHECK_EQ(n, 2);
	UNIT_CHECK_EQ(pkts[0]->ol_flags, RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD);
	UNIT_CHECK_EQ(pkts[1]->ol_flags, RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD);
	UNIT_CHECK_EQ(pkts[0]->packet_type,
		      RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4 | RTE_PTYPE_L4_SCTP);
	rte_pktmbuf_free_bulk(pkts, n);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
}

/*
 * Double VLAN (7.4.5): the inner tag in the descriptor (VP), the outer one
 * (VEXT) still in the frame after the addresses; both reported, in the
 * single-buffer and the scattered burst.
 */
static void
test_rx_qinq(void)
{
	static const uint8_t hdr[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
				       0x88, 0xa8, 0x20, 0x0a, 0x08, 0x00 };
	struct igbx_rx_queue *rxq;
	struct rte_mbuf *pkts[4];
	uint8_t frame[64] = { 0 };
	uint16_t n;
	int pass;

	memcpy(frame, hdr, sizeof(hdr));
	UNIT_CHECK(igbx_rx_offload_capa() & RTE_ETH_RX_OFFLOAD_QINQ_STRIP);
	UNIT_CHECK(!(igbx_tx_offload_capa() & RTE_ETH_TX_OFFLOAD_QINQ_INSERT));
	for (pass = 0; pass < 2; pass++) {
		rxq = start_rx(32, RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_EXTEND |
			       (pass ? RTE_ETH_RX_OFFLOAD_SCATTER : 0), RTE_ETHER_MTU);
		hw_rx_write(rxq, frame, 64, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_VP |
			    IGBX_RXD_STAT_VEXT, IGBX_RXD_PKTTYPE_IPV4, 0, 0x0064);
		/* only an outer tag: nothing stripped, nothing reported */
		hw_rx_write(rxq, frame, 64, IGBX_RXD_STAT_EOP | IGBX_RXD_STAT_VEXT, 0, 0, 0);
		n = dev->rx_pkt_burst(rxq, pkts, 4);
		UNIT_CHECK_EQ(n, 2);
		UNIT_CHECK_EQ(pkts[0]->ol_flags, RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED |
			      RTE_MBUF_F_RX_QINQ | RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN);
		UNIT_CHECK_EQ(pkts[0]->vlan_tci, 0x0064);
		UNIT_CHECK_EQ(pkts[0]->vlan_tci_outer, 0x200a);
		UNIT_CHECK_EQ(pkts[0]->pkt_len, 64);	/* the outer tag stays */
		UNIT_CHECK_EQ(pkts[1]->ol_flags, 0);
		rte_pktmbuf_free_bulk(pkts, n);
		igbx_rxtx_stop(dev);
		igbx_rx_queue_release(dev, 0);
	}
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* One frame through the burst: 18-byte header hdr (rest zero), write-back as given. */
static struct rte_mbuf *
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
static int
rx_addrs_then(const struct rte_mbuf *m, uint16_t type)
{
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);
	int i;

	for (i = 0; i < 12; i++)
		if (p[i] != i)
			return 0;
	return (p[12] << 8 | p[13]) == type;
}

/*
 * QINQ_STRIP: the 82576 strips only the inner tag, the scalar burst cuts the
 * outer one out of the frame (data_off/data_len/pkt_len move by 4).
 */
static void
test_rx_qinq_sw_strip(void)
{
	static const uint8_t outer_ip[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
					    0x88, 0xa8, 0x20, 0x0a, 0x08, 0x00 };
	static const uint8_t both[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
					0x88, 0xa8, 0x20, 0x0a, 0x81, 0x00, 0x00, 0x64,
					0x08, 0x00 };
	const uint64_t vq = RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_QINQ;
	struct igbx_rx_queue *rxq;
	struct rte_mbuf *m;

	rxq = start_rx(32, RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_EXTEND |
		       RTE_ETH_RX_OFFLOAD_QINQ_STRIP, RTE_ETHER_MTU);
	UNIT_CHECK_EQ(rxq->sw_strip, IGBX_RX_SW_STRIP_OUTER);
	/* inner stripped by the device (VP), outer in the frame (VEXT): both gone */
	m = rx_one(rxq, outer_ip, sizeof(outer_ip), IGBX_RXD_STAT_VP | IGBX_RXD_STAT_VEXT, 0x64);
	UNIT_CHECK_EQ(m->ol_flags, vq | RTE_MBUF_F_RX_VLAN_STRIPPED | RTE_MBUF_F_RX_QINQ_STRIPPED);
	UNIT_CHECK_EQ(m->vlan_tci, 0x64);
	UNIT_CHECK_EQ(m->vlan_tci_outer, 0x200a);
	UNIT_CHECK_EQ(m->pkt_len, 60);
	UNIT_CHECK_EQ(m->data_len, 60);
	UNIT_CHECK_EQ(m->data_off, RTE_PKTMBUF_HEADROOM + 4);
	UNIT_CHECK(rx_addrs_then(m, 0x0800));
	rte_pktmbuf_free(m);
	/* only the outer tag: it is the frame's one VLAN, stripped */
	m = rx_one(rxq, outer_ip, sizeof(outer_ip), IGBX_RXD_STAT_VEXT, 0);
	UNIT_CHECK_EQ(m->ol_flags, RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED);
	UNIT_CHECK_EQ(m->vlan_tci, 0x200a);
	UNIT_CHECK_EQ(m->pkt_len, 60);
	UNIT_CHECK(rx_addrs_then(m, 0x0800));
	rte_pktmbuf_free(m);
	/* both tags left by the device: the outer goes, the inner stays */
	m = rx_one(rxq, both, sizeof(both), IGBX_RXD_STAT_VEXT, 0);
	UNIT_CHECK_EQ(m->ol_flags, vq | RTE_MBUF_F_RX_QINQ_STRIPPED);
	UNIT_CHECK_EQ(m->vlan_tci, 0x64);
	UNIT_CHECK_EQ(m->vlan_tci_outer, 0x200a);
	UNIT_CHECK_EQ(m->pkt_len, 60);
	UNIT_CHECK(rx_addrs_then(m, 0x8100));
	rte_pktmbuf_free(m);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	/* without QINQ_STRIP nothing is cut (the outer tag is only reported) */
	rxq = start_rx(32, RTE_ETH_RX_OFFLOAD_VLAN_STRIP | RTE_ETH_RX_OFFLOAD_VLAN_EXTEND,
		       RTE_ETHER_MTU);
	UNIT_CHECK_EQ(rxq->sw_strip, 0);
	m = rx_one(rxq, outer_ip, sizeof(outer_ip), IGBX_RXD_STAT_VP | IGBX_RXD_STAT_VEXT, 0x64);
	UNIT_CHECK_EQ(m->pkt_len, 64);
	UNIT_CHECK(rx_addrs_then(m, 0x88a8));
	rte_pktmbuf_free(m);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* VLAN_STRIP on one queue only: CTRL.VME is port-wide, the burst strips. */
static void
test_rx_queue_vlan_strip(void)
{
	static const uint8_t tagged[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
					  0x81, 0x00, 0x00, 0x07, 0x08, 0x00 };
	struct rte_eth_rxconf conf = { .offloads = RTE_ETH_RX_OFFLOAD_VLAN_STRIP };
	struct igbx_rx_queue *rxq;
	struct rte_mbuf *m;

	UNIT_CHECK_EQ(igbx_rx_queue_offload_capa(), RTE_ETH_RX_OFFLOAD_VLAN_STRIP);
	UNIT_CHECK_EQ(igbx_tx_queue_offload_capa(), igbx_tx_offload_capa());
	dev->data->dev_conf.rxmode.offloads = 0;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 32, SOCKET_ID_ANY, &conf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	hw_rx_head = 0;
	rxq = dev->data->rx_queues[0];
	UNIT_CHECK_EQ(rxq->sw_strip, IGBX_RX_SW_STRIP_VLAN);
	m = rx_one(rxq, tagged, sizeof(tagged), 0, 0);
	UNIT_CHECK_EQ(m->ol_flags, RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED);
	UNIT_CHECK_EQ(m->vlan_tci, 7);
	UNIT_CHECK_EQ(m->pkt_len, 60);
	UNIT_CHECK(rx_addrs_then(m, 0x0800));
	rte_pktmbuf_free(m);
	/* an untagged frame is left as it is */
	m = rx_one(rxq, tagged + 4, 0, 0, 0);
	UNIT_CHECK_EQ(m->ol_flags, 0);
	UNIT_CHECK_EQ(m->pkt_len, 64);
	rte_pktmbuf_free(m);
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* ---- TX ------------------------------------------------------------------- */

static struct igbx_tx_queue *
start_tx(uint16_t nb_desc, uint64_t offloads)
{
	struct rte_eth_txconf conf = { .offloads = offloads };

	dev->data->dev_conf.txmode.offloads = offloads;
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, nb_desc, SOCKET_ID_ANY, &conf), 0);
	UNIT_CHECK_EQ(igbx_tx_init(dev), 0);
	return dev->data->tx_queues[0];
}

static struct rte_mbuf *
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
static void
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

static void
test_tx_offload_descriptors(void)
{
	struct igbx_tx_queue *txq = start_tx(64, RTE_ETH_TX_OFFLOAD_VLAN_INSERT |
					     RTE_ETH_TX_OFFLOAD_TCP_CKSUM |
					     RTE_ETH_TX_OFFLOAD_MULTI_SEGS |
					     RTE_ETH_TX_OFFLOAD_TCP_TSO |
					     RTE_ETH_TX_OFFLOAD_IPV4_CKSUM);
	volatile union igbx_adv_tx_desc *r = txq->ring;
	struct rte_mbuf *p[4];
	uint32_t fixed = IGBX_TXD_DTYP_DATA | IGBX_TXD_DCMD_DEXT | IGBX_TXD_DCMD_IFCS;

	UNIT_CHECK(reg(IGBX_TXDCTL(0)) & IGBX_TXDCTL_ENABLE);
	UNIT_CHECK(reg(IGBX_TCTL) & IGBX_TCTL_EN);
	UNIT_CHECK_EQ(reg(IGBX_TDLEN(0)), 64 * 16);
	p[0] = make_pkt(200, 1);
	p[0]->ol_flags = RTE_MBUF_F_TX_VLAN | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
			 RTE_MBUF_F_TX_TCP_CKSUM;
	p[0]->vlan_tci = 0x0abc;
	p[0]->l2_len = 14;
	p[0]->l3_len = 20;
	p[1] = make_pkt(300, 1);	/* same offloads: reuses the context */
	p[1]->ol_flags = p[0]->ol_flags;
	p[1]->vlan_tci = 0x0abc;
	p[1]->tx_offload = p[0]->tx_offload;
	p[2] = make_pkt(60, 3);	/* no offload: no context, three data descriptors */
	p[3] = make_pkt(1954, 12);	/* TSO: 54 header + 3000 payload bytes */
	p[3]->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_TCP_SEG;
	p[3]->l2_len = 14;
	p[3]->l3_len = 20;
	p[3]->l4_len = 20;
	p[3]->tso_segsz = 1460;
	UNIT_CHECK_EQ(igbx_xmit_pkts(txq, p, 4), 4);

	/* 0: context, 1: data of p0 */
	UNIT_CHECK_EQ(r[0].ctx.vlan_macip_lens, 20 | 14 << 9 | 0x0abcu << 16);
	UNIT_CHECK_EQ(r[0].ctx.type_tucmd_mlhl, IGBX_TXD_DTYP_CTXT | IGBX_TXD_DCMD_DEXT |
		      IGBX_TXCTX_TUCMD_IPV4 | IGBX_TXCTX_TUCMD_L4T_TCP);
	UNIT_CHECK_EQ(r[0].ctx.mss_l4len_idx, 0);
	UNIT_CHECK_EQ(r[1].data.cmd_type_len, fixed | IGBX_TXD_DCMD_VLE | IGBX_TXD_DCMD_EOP | 200);
	UNIT_CHECK_EQ(r[1].data.olinfo_status, 200u << 14 | IGBX_TXD_CC |
		      IGBX_TXD_POPTS_IXSM | IGBX_TXD_POPTS_TXSM);
	UNIT_CHECK_EQ(r[1].data.buffer_addr, rte_mbuf_data_iova(p[0]));
	/* 2: p1 data, same context slot */
	UNIT_CHECK_EQ(r[2].data.cmd_type_len, fixed | IGBX_TXD_DCMD_VLE | IGBX_TXD_DCMD_EOP | 300);
	/* 3..5: p2, EOP only on the last segment, no CC */
	UNIT_CHECK_EQ(r[3].data.cmd_type_len, fixed | 60);
	UNIT_CHECK_EQ(r[4].data.cmd_type_len, fixed | 100);
	UNIT_CHECK_EQ(r[5].data.cmd_type_len, fixed | IGBX_TXD_DCMD_EOP | 100);
	UNIT_CHECK_EQ(r[3].data.olinfo_status, 260u << 14);
	/* 6: TSO context in slot 1, 7: data */
	UNIT_CHECK_EQ(r[6].ctx.mss_l4len_idx, 1u << 4 | 20u << 8 | 1460u << 16);
	UNIT_CHECK_EQ(r[6].ctx.type_tucmd_mlhl, IGBX_TXD_DTYP_CTXT | IGBX_TXD_DCMD_DEXT |
		      IGBX_TXCTX_TUCMD_IPV4 | IGBX_TXCTX_TUCMD_L4T_TCP);
	UNIT_CHECK_EQ(r[7].data.cmd_type_len, fixed | IGBX_TXD_DCMD_TSE | 1954);
	UNIT_CHECK_EQ(r[7].data.olinfo_status, 3000u << 14 | IGBX_TXD_CC | 1u << 4 |
		      IGBX_TXD_POPTS_IXSM | IGBX_TXD_POPTS_TXSM);
	UNIT_CHECK_EQ(r[18].data.cmd_type_len, fixed | IGBX_TXD_DCMD_TSE | IGBX_TXD_DCMD_EOP |
		      IGBX_TXD_DCMD_RS | 100);
	/* 19 descriptors used since the start >= rs_thresh 16: RS on the TSO EOP. */
	UNIT_CHECK(r[18].data.cmd_type_len & IGBX_TXD_DCMD_RS);
	UNIT_CHECK(!(r[5].data.cmd_type_len & IGBX_TXD_DCMD_RS));
	UNIT_CHECK_EQ(reg(IGBX_TDT(0)), 19);
	UNIT_CHECK_EQ(txq->nb_free, 63 - 19);
	UNIT_CHECK_EQ(txq->packets, 4);
	igbx_rxtx_stop(dev);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
	igbx_tx_queue_release(dev, 0);
}

/* RS every rs_thresh descriptors; completed mbufs go back once DD is seen. */
static void
test_tx_rs_and_free(void)
{
	struct igbx_tx_queue *txq = start_tx(64, RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE);
	struct rte_mbuf *p[64];
	unsigned int i, rs = 0, sent = 0;
	uint16_t n;

	UNIT_CHECK_EQ(txq->rs_thresh, 16);
	UNIT_CHECK_EQ(txq->free_thresh, 16);
	for (i = 0; i < 40; i++)
		p[i] = make_pkt(64, 1);
	n = igbx_xmit_pkts(txq, p, 40);
	UNIT_CHECK_EQ(n, 40);
	for (i = 0; i < 40; i++)
		rs += !!(txq->ring[i].data.cmd_type_len & IGBX_TXD_DCMD_RS);
	UNIT_CHECK(txq->ring[15].data.cmd_type_len & IGBX_TXD_DCMD_RS);
	UNIT_CHECK(txq->ring[31].data.cmd_type_len & IGBX_TXD_DCMD_RS);
	/* 23 free < 16 + 41: the last packet also asks for status. */
	UNIT_CHECK(txq->ring[39].data.cmd_type_len & IGBX_TXD_DCMD_RS);
	UNIT_CHECK_EQ(rs, 3);
	UNIT_CHECK_EQ(igbx_tx_descriptor_status(txq, 30), RTE_ETH_TX_DESC_FULL);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS - 40);
	hw_tx_complete(txq);
	UNIT_CHECK_EQ(igbx_tx_descriptor_status(txq, 30), RTE_ETH_TX_DESC_DONE);
	/* The ring fills: the burst reclaims the completed ones and continues. */
	sent = 40;
	for (i = 0; i < 60; i++)
		p[i] = make_pkt(64, 1);
	n = igbx_xmit_pkts(txq, p, 60);
	UNIT_CHECK_EQ(n, 60);
	sent += n;
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS - (sent - 40));
	UNIT_CHECK_EQ(reg(IGBX_TDT(0)), 100 % 64);
	/* Not completed yet: a full ring stops the burst. */
	for (i = 0; i < 10; i++)
		p[i] = make_pkt(64, 1);
	n = igbx_xmit_pkts(txq, p, 10);
	UNIT_CHECK_EQ(n, 3);
	rte_pktmbuf_free_bulk(p + n, 10 - n);
	hw_tx_complete(txq);
	UNIT_CHECK_EQ(igbx_tx_done_cleanup(txq, 0), 63);
	UNIT_CHECK_EQ(txq->nb_free, 63);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
	igbx_rxtx_stop(dev);
	igbx_tx_queue_release(dev, 0);
}

static void
test_tx_prepare(void)
{
	struct rte_mbuf *m = make_pkt(14 + 20 + 20 + 100, 1);
	struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, 14);
	struct rte_tcp_hdr *tcp = rte_pktmbuf_mtod_offset(m, struct rte_tcp_hdr *, 34);

	memset(ip, 0, 40);
	ip->version_ihl = 0x45;
	ip->next_proto_id = IPPROTO_TCP;
	ip->total_length = rte_cpu_to_be_16(140);
	m->l2_len = 14;
	m->l3_len = 20;
	m->l4_len = 20;
	m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_TCP_CKSUM;
	UNIT_CHECK_EQ(igbx_prep_pkts(NULL, &m, 1), 1);
	UNIT_CHECK_EQ(tcp->cksum, rte_ipv4_phdr_cksum(ip, m->ol_flags));
	m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_TCP_SEG;
	m->tso_segsz = 10;	/* below the minimum MSS */
	UNIT_CHECK_EQ(igbx_prep_pkts(NULL, &m, 1), 0);
	UNIT_CHECK_EQ(rte_errno, EINVAL);
	m->tso_segsz = 1000;
	UNIT_CHECK_EQ(igbx_prep_pkts(NULL, &m, 1), 1);
	m->ol_flags = RTE_MBUF_F_TX_OUTER_IP_CKSUM | RTE_MBUF_F_TX_OUTER_IPV4;
	UNIT_CHECK_EQ(igbx_prep_pkts(NULL, &m, 1), 0);
	UNIT_CHECK_EQ(rte_errno, ENOTSUP);
	rte_pktmbuf_free(m);
	m = make_pkt(64, IGBX_TX_MAX_SEGS + 1);
	m->ol_flags = 0;
	UNIT_CHECK_EQ(igbx_prep_pkts(NULL, &m, 1), 0);
	UNIT_CHECK_EQ(rte_errno, EINVAL);
	rte_pktmbuf_free(m);
}

static void
test_tx_setup_validation(void)
{
	struct rte_eth_txconf conf = { .tx_rs_thresh = 32, .tx_free_thresh = 16 };

	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf), -EINVAL);
	conf.tx_rs_thresh = 0;
	conf.tx_free_thresh = 62;
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf), -EINVAL);
	conf.tx_free_thresh = 0;
	conf.offloads = RTE_ETH_TX_OFFLOAD_MACSEC_INSERT;
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf), -EINVAL);
	conf.offloads = 0;
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 2, 64, SOCKET_ID_ANY, &conf), -EINVAL);
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 36, SOCKET_ID_ANY, &conf), -EINVAL);
	UNIT_CHECK(dev->data->tx_queues[0] == NULL);
	/* what dpdk-test's pmd_perf_autotest passes: clamped, not refused */
	conf.tx_thresh = (struct rte_eth_thresh){ .pthresh = 32, .hthresh = 0, .wthresh = 0 };
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf), 0);
	UNIT_CHECK_EQ(((struct igbx_tx_queue *)dev->data->tx_queues[0])->pthresh, 31);
	UNIT_CHECK_EQ(((struct igbx_tx_queue *)dev->data->tx_queues[0])->wthresh, 0);
	conf.tx_thresh = (struct rte_eth_thresh){ .pthresh = 8, .hthresh = 1, .wthresh = 16 };
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &conf), 0);
	UNIT_CHECK_EQ(((struct igbx_tx_queue *)dev->data->tx_queues[0])->pthresh, 8);
	UNIT_CHECK_EQ(((struct igbx_tx_queue *)dev->data->tx_queues[0])->wthresh, 1);
	igbx_tx_queue_release(dev, 0);
	UNIT_CHECK(dev->data->tx_queues[0] == NULL);
}

/* IEEE 1588: TMST sets the data descriptor's MAC.TSTAMP and needs no context. */
static void
test_tx_ieee1588(void)
{
	struct igbx_tx_queue *txq = start_tx(64, 0);
	uint32_t fixed = IGBX_TXD_DTYP_DATA | IGBX_TXD_DCMD_DEXT | IGBX_TXD_DCMD_IFCS;
	struct rte_mbuf *p[2];

	p[0] = make_pkt(60, 1);
	p[0]->ol_flags = RTE_MBUF_F_TX_IEEE1588_TMST;
	p[1] = make_pkt(60, 1);
	p[1]->ol_flags = 0;
	UNIT_CHECK_EQ(igbx_prep_pkts(txq, p, 2), 2);
	UNIT_CHECK_EQ(igbx_xmit_pkts(txq, p, 2), 2);
	UNIT_CHECK_EQ(txq->ring[0].data.cmd_type_len,
		      fixed | IGBX_TXD_MAC_TSTAMP | IGBX_TXD_DCMD_EOP | 60);
	UNIT_CHECK_EQ(txq->ring[0].data.olinfo_status, 60u << 14);
	UNIT_CHECK_EQ(txq->ring[1].data.cmd_type_len & IGBX_TXD_MAC_TSTAMP, 0);
	UNIT_CHECK_EQ(reg(IGBX_TDT(0)), 2);
	igbx_rxtx_stop(dev);
	igbx_tx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

/* Start/stop of both directions: the shared ring helpers, thresholds, bad ids. */
static void
test_queue_start_stop(void)
{
	struct igbx_tx_queue *txq = start_tx(64, 0);

	UNIT_CHECK_EQ(reg(IGBX_TXDCTL(0)), IGBX_TXDCTL_ENABLE | 8 | 1 << 8);
	UNIT_CHECK_EQ(igbx_tx_queue_stop(dev, 0), 0);
	UNIT_CHECK(!(reg(IGBX_TXDCTL(0)) & IGBX_TXDCTL_ENABLE));
	UNIT_CHECK_EQ(dev->data->tx_queue_state[0], RTE_ETH_QUEUE_STATE_STOPPED);
	UNIT_CHECK_EQ(igbx_tx_queue_stop(dev, 0), 0);	/* stopping twice is fine */
	UNIT_CHECK_EQ(igbx_tx_queue_start(dev, 0), 0);
	UNIT_CHECK_EQ(dev->data->tx_queue_state[0], RTE_ETH_QUEUE_STATE_STARTED);
	UNIT_CHECK_EQ(reg(IGBX_TDBAL(0)), (uint32_t)txq->ring_iova);
	UNIT_CHECK_EQ(reg(IGBX_TDT(0)), 0);
	UNIT_CHECK_EQ(igbx_tx_queue_start(dev, 1), -EINVAL);
	UNIT_CHECK_EQ(igbx_tx_queue_stop(dev, 7), -EINVAL);
	UNIT_CHECK_EQ(igbx_rx_queue_stop(dev, 0), -EINVAL);	/* no rx queue set up */
	igbx_rxtx_stop(dev);
	igbx_tx_queue_release(dev, 0);
}

/*
 * Runtime queue setup (RUNTIME_RX/TX_QUEUE_SETUP): with the port started, a
 * stopped queue is set up again and queue start programs its ring registers,
 * fills and enables it, as dev_start does.
 */
static void
test_runtime_queue_setup(void)
{
	struct rte_eth_rxconf rxconf = { .rx_deferred_start = 1 };
	struct rte_eth_txconf txconf = { .tx_deferred_start = 1 };
	struct igbx_rx_queue *rxq;
	struct igbx_tx_queue *txq;

	/* dev_start with queue 1 deferred (never programmed) */
	dev->data->nb_rx_queues = 2;
	dev->data->nb_tx_queues = 2;
	dev->data->dev_conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	dev->data->dev_conf.txmode.offloads = 0;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 32, SOCKET_ID_ANY, &rxconf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 1, 32, SOCKET_ID_ANY, &rxconf, pool), 0);
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &txconf), 0);
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 1, 64, SOCKET_ID_ANY, &txconf), 0);
	((struct igbx_rx_queue *)dev->data->rx_queues[0])->deferred_start = 0;
	((struct igbx_tx_queue *)dev->data->tx_queues[0])->deferred_start = 0;
	UNIT_CHECK_EQ(igbx_tx_init(dev), 0);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	UNIT_CHECK_EQ(dev->data->rx_queue_state[1], RTE_ETH_QUEUE_STATE_STOPPED);
	dev->data->dev_started = 1;
	rxconf = (struct rte_eth_rxconf){ .rx_thresh = { .pthresh = 4, .hthresh = 2 } };
	txconf.tx_deferred_start = 0;
	/* port-wide settings the started port cannot change are refused */
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_KEEP_CRC;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 1, 64, SOCKET_ID_ANY, &rxconf, pool), -EINVAL);
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	dev->data->mtu = 9000;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 1, 64, SOCKET_ID_ANY, &rxconf, pool), -EINVAL);
	dev->data->mtu = RTE_ETHER_MTU;
	rxconf.offloads = 0;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 1, 64, SOCKET_ID_ANY, &rxconf, pool), 0);
	rxq = dev->data->rx_queues[1];
	UNIT_CHECK_EQ(reg(IGBX_RDLEN(1)), 0);		/* nothing programmed yet */
	UNIT_CHECK_EQ(igbx_rx_queue_start(dev, 1), 0);
	UNIT_CHECK_EQ(reg(IGBX_RDBAL(1)), (uint32_t)rxq->ring_iova);
	UNIT_CHECK_EQ(reg(IGBX_RDBAH(1)), (uint32_t)(rxq->ring_iova >> 32));
	UNIT_CHECK_EQ(reg(IGBX_RDLEN(1)), 64 * 16);
	UNIT_CHECK_EQ(reg(IGBX_SRRCTL(1)), IGBX_SRRCTL_DESCTYPE_ADV_ONEBUF | 2);
	UNIT_CHECK_EQ(reg(IGBX_RXDCTL(1)), IGBX_RXDCTL_ENABLE | 4 | 2 << 8);
	UNIT_CHECK_EQ(reg(IGBX_RDT(1)), 63);
	UNIT_CHECK_EQ(dev->data->rx_queue_state[1], RTE_ETH_QUEUE_STATE_STARTED);
	UNIT_CHECK(rxq->vlan_strip && rxq->rss_hash && rxq->crc_len == 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS - 32 - 64);
	/* TX: stop, set up again with another ring, start */
	UNIT_CHECK_EQ(igbx_tx_queue_stop(dev, 1), 0);
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 1, 128, SOCKET_ID_ANY, &txconf), 0);
	txq = dev->data->tx_queues[1];
	UNIT_CHECK_EQ(igbx_tx_queue_start(dev, 1), 0);
	UNIT_CHECK_EQ(reg(IGBX_TDBAL(1)), (uint32_t)txq->ring_iova);
	UNIT_CHECK_EQ(reg(IGBX_TDLEN(1)), 128 * 16);
	UNIT_CHECK_EQ(reg(IGBX_TDT(1)), 0);
	UNIT_CHECK_EQ(reg(IGBX_TXDCTL(1)), IGBX_TXDCTL_ENABLE | 8 | 1 << 8);
	UNIT_CHECK_EQ(dev->data->tx_queue_state[1], RTE_ETH_QUEUE_STATE_STARTED);
	dev->data->dev_started = 0;
	igbx_rxtx_stop(dev);
	igbx_rxtx_release_all(dev);
	dev->data->nb_rx_queues = 1;
	dev->data->nb_tx_queues = 1;
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

int
main(int argc, char **argv)
{
	char *eal_args[] = { argv[0], "--no-huge", "--no-pci", "-m", "64", "--no-shconf",
			     "--iova-mode=va", "--no-telemetry", "--log-level=pmd.net.igbx.*:error", NULL };

	(void)argc;
	if (rte_eal_init(RTE_DIM(eal_args) - 1, eal_args) < 0) {
		fprintf(stderr, "rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 1;
	}
	setup_dev();
	UNIT_CHECK(pool != NULL && dev != NULL);
	if (pool == NULL || dev == NULL)
		return unit_report();
	UNIT_RUN(test_rx_setup_validation);
	UNIT_RUN(test_rx_init_registers);
	UNIT_RUN(test_rx_single);
	UNIT_RUN(test_rx_wrap_refill);
	UNIT_RUN(test_rx_alloc_failure);
	UNIT_RUN(test_rx_scattered);
	UNIT_RUN(test_rx_deferred);
	UNIT_RUN(test_rx_ieee1588);
	UNIT_RUN(test_rx_sctp_cksum);
	UNIT_RUN(test_rx_qinq);
	UNIT_RUN(test_rx_qinq_sw_strip);
	UNIT_RUN(test_rx_queue_vlan_strip);
	UNIT_RUN(test_tx_setup_validation);
	UNIT_RUN(test_tx_offload_descriptors);
	UNIT_RUN(test_tx_rs_and_free);
	UNIT_RUN(test_tx_prepare);
	UNIT_RUN(test_tx_ieee1588);
	UNIT_RUN(test_queue_start_stop);
	UNIT_RUN(test_runtime_queue_setup);
	teardown_dev();
	return unit_report();
}
