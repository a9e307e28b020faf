/* SPDX-License-Identifier: BSD-3-Clause */
/* test_igbx_rx.c - the igbx scalar receive path against rings in plain memory (the
 * harness plays the 82576): queue setup and registers, bursts, checksums, tags. */
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
#include "igbx_rxtx_harness.h"

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
	igbx_set_rx_function(dev);
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
	igbx_set_rx_function(dev);
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

/*
 * IPv6 TCP and UDP as the 82576 writes them back (7.1.5.2: L4I, plus UDPCS for
 * UDP; no IPCS, IPv6 has no header checksum): L4 GOOD or BAD by L4E, and the
 * IPv6 header reported GOOD, as DTS's checksum_offload expects.
 */
static void
test_rx_ipv6_cksum(void)
{
	static const struct {
		uint32_t staterr;
		uint16_t pkt_info;
		uint64_t ol;
	} cases[] = {
		{ IGBX_RXD_STAT_L4I, IGBX_RXD_PKTTYPE_IPV6 | IGBX_RXD_PKTTYPE_TCP,
		  RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD },
		{ IGBX_RXD_STAT_L4I | IGBX_RXD_ERR_L4E, IGBX_RXD_PKTTYPE_IPV6 | IGBX_RXD_PKTTYPE_TCP,
		  RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD },
		{ IGBX_RXD_STAT_L4I | IGBX_RXD_STAT_UDPCS,
		  IGBX_RXD_PKTTYPE_IPV6 | IGBX_RXD_PKTTYPE_UDP,
		  RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD },
		{ IGBX_RXD_STAT_L4I | IGBX_RXD_STAT_UDPCS | IGBX_RXD_ERR_L4E,
		  IGBX_RXD_PKTTYPE_IPV6 | IGBX_RXD_PKTTYPE_IPV6_EX | IGBX_RXD_PKTTYPE_UDP,
		  RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD },
		/* IPv6 in IPv4: the outer IPv4 header's own result */
		{ IGBX_RXD_STAT_IPCS | IGBX_RXD_ERR_IPE | IGBX_RXD_STAT_L4I,
		  IGBX_RXD_PKTTYPE_IPV4 | IGBX_RXD_PKTTYPE_IPV6 | IGBX_RXD_PKTTYPE_TCP,
		  RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_GOOD },
		/* no L3 header: nothing known */
		{ 0, 0, 0 },
	};
	struct igbx_rx_queue *rxq = start_rx(32, 0, RTE_ETHER_MTU);
	struct rte_mbuf *pkts[RTE_DIM(cases)];
	uint8_t frame[80] = { 0 };
	unsigned int i;

	for (i = 0; i < RTE_DIM(cases); i++)
		hw_rx_write(rxq, frame, sizeof(frame), IGBX_RXD_STAT_EOP | cases[i].staterr,
			    cases[i].pkt_info, 0, 0);
	UNIT_CHECK_EQ(igbx_recv_pkts(rxq, pkts, RTE_DIM(cases)), RTE_DIM(cases));
	for (i = 0; i < RTE_DIM(cases); i++) {
		UNIT_CHECK_EQ(pkts[i]->ol_flags, cases[i].ol);
		rte_pktmbuf_free(pkts[i]);
	}
	igbx_rxtx_stop(dev);
	igbx_rx_queue_release(dev, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
}

int
main(int argc, char **argv)
{
	static const struct harness_test tests[] = {
		HARNESS_TEST(test_rx_setup_validation),
		HARNESS_TEST(test_rx_init_registers),
		HARNESS_TEST(test_rx_single),
		HARNESS_TEST(test_rx_wrap_refill),
		HARNESS_TEST(test_rx_alloc_failure),
		HARNESS_TEST(test_rx_scattered),
		HARNESS_TEST(test_rx_deferred),
		HARNESS_TEST(test_rx_ieee1588),
		HARNESS_TEST(test_rx_sctp_cksum),
		HARNESS_TEST(test_rx_ipv6_cksum),
		HARNESS_TEST(test_rx_qinq),
		HARNESS_TEST(test_rx_qinq_sw_strip),
		HARNESS_TEST(test_rx_queue_vlan_strip),
	};

	(void)argc;
	return harness_main(argv[0], tests, RTE_DIM(tests));
}
