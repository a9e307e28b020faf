/* SPDX-License-Identifier: BSD-3-Clause */
/* test_igbx_tx.c - the igbx scalar transmit path against rings in plain memory (the
 * harness plays the 82576), and queue start/stop/runtime setup of both directions. */
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
	/* 23 free < IGBX_TX_MAX_SEGS + 2: the last packet also asks for status. */
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

/*
 * Fast free with context descriptors in flight: their sw_ring slots hold no
 * mbuf, and the reclaim that puts the rest back in bulk must skip them while
 * any is in flight, and every mbuf must come back (none twice).
 */
static void
test_tx_fast_free_with_contexts(void)
{
	struct igbx_tx_queue *txq = start_tx(64, RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE |
					     RTE_ETH_TX_OFFLOAD_IPV4_CKSUM);
	struct rte_mbuf *p[48];
	unsigned int i, round;
	uint16_t n;

	for (round = 0; round < 4; round++) {
		for (i = 0; i < 24; i++) {
			p[i] = make_pkt(64, 1);
			/* rounds 0 and 2: every 8th packet asks for a checksum */
			if (round % 2 == 0 && i % 8 == 0) {
				p[i]->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM;
				p[i]->l2_len = RTE_ETHER_HDR_LEN;
				p[i]->l3_len = sizeof(struct rte_ipv4_hdr);
			}
		}
		n = igbx_xmit_pkts(txq, p, 24);
		UNIT_CHECK_EQ(n, 24);
		/* one context descriptor (the later packets reuse it) */
		if (round == 0)
			UNIT_CHECK_EQ(txq->holes, 1);
		hw_tx_complete(txq);
	}
	/* 97 descriptors went through a ring of 64: the reclaim that put the
	 * first groups back found the context's slot and took it off */
	UNIT_CHECK_EQ(txq->holes, 0);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool) + (unsigned int)(txq->nb_desc - 1 -
		      txq->nb_free), NB_MBUFS);
	igbx_rxtx_stop(dev);
	UNIT_CHECK_EQ(rte_mempool_avail_count(pool), NB_MBUFS);
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
	dev->data->dev_conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	dev->data->dev_conf.txmode.offloads = 0;
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 0, 32, SOCKET_ID_ANY, &rxconf, pool), 0);
	UNIT_CHECK_EQ(igbx_rx_queue_setup(dev, 1, 32, SOCKET_ID_ANY, &rxconf, pool), 0);
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 0, 64, SOCKET_ID_ANY, &txconf), 0);
	UNIT_CHECK_EQ(igbx_tx_queue_setup(dev, 1, 64, SOCKET_ID_ANY, &txconf), 0);
	((struct igbx_rx_queue *)dev->data->rx_queues[0])->deferred_start = 0;
	((struct igbx_tx_queue *)dev->data->tx_queues[0])->deferred_start = 0;
	UNIT_CHECK_EQ(igbx_tx_init(dev), 0);
	igbx_set_tx_function(dev);
	UNIT_CHECK_EQ(igbx_rx_init(dev), 0);
	igbx_set_rx_function(dev);
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
	static const struct harness_test tests[] = {
		HARNESS_TEST(test_tx_setup_validation),
		HARNESS_TEST(test_tx_offload_descriptors),
		HARNESS_TEST(test_tx_rs_and_free),
		HARNESS_TEST(test_tx_fast_free_with_contexts),
		HARNESS_TEST(test_tx_prepare),
		HARNESS_TEST(test_tx_ieee1588),
		HARNESS_TEST(test_queue_start_stop),
		HARNESS_TEST(test_runtime_queue_setup),
	};

	(void)argc;
	return harness_main(argv[0], tests, RTE_DIM(tests));
}
