/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_ethdev.h: the per-port adapter (hardware, filter, statistics, link and interrupt
 * state), device limits shared by every igbx file, and the accessors from an rte_eth_dev. */
#ifndef IGBX_ETHDEV_H
#define IGBX_ETHDEV_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ether.h>
#include <ethdev_driver.h>

#include "igbx_hw.h"
#include "igbx_logs.h"
#include "igbx_filter.h"
#include "igbx_stats.h"
#include "igbx_flow.h"
#include "igbx_rss.h"
#include "igbx_ptp.h"
#include "igbx_vmdq.h"
#include "igbx_pf.h"

/* Rings (8.10.3): RDLEN/TDLEN is a multiple of 128 bytes, i.e. 8 descriptors of
 * 16 bytes; we keep DPDK's customary range of 32..4096 descriptors. */
#define IGBX_RING_DESC_ALIGN	8
#define IGBX_MIN_RING_DESC	32
#define IGBX_MAX_RING_DESC	4096
#define IGBX_RING_BASE_ALIGN	128		/* base address alignment, bytes */

/* Frames (RLPML; 82576 feature list): jumbo frames up to 9.5 KB. */
#define IGBX_MAX_FRAME		9728
#define IGBX_MIN_FRAME		RTE_ETHER_MIN_LEN
/* DPDK's MTU convention: the frame adds the Ethernet header, the CRC and one
 * VLAN tag, or two tags when QinQ (VLAN_EXTEND) is on. */
#define IGBX_ETH_OVERHEAD	(RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN + RTE_VLAN_HLEN)
#define IGBX_ETH_OVERHEAD_QINQ	(IGBX_ETH_OVERHEAD + RTE_VLAN_HLEN)
#define IGBX_MIN_MTU		RTE_ETHER_MIN_MTU
#define IGBX_MAX_MTU		(IGBX_MAX_FRAME - IGBX_ETH_OVERHEAD)

/* Speeds this port can run (copper: 10/100 half/full, 1000 full). */
#define IGBX_SPEED_CAPA		(RTE_ETH_LINK_SPEED_10M_HD | RTE_ETH_LINK_SPEED_10M | \
				 RTE_ETH_LINK_SPEED_100M_HD | RTE_ETH_LINK_SPEED_100M | \
				 RTE_ETH_LINK_SPEED_1G)

/* Time budget of link_update with wait_to_complete (autoneg takes ~2-3 s). */
#define IGBX_LINK_WAIT_MS	9000
#define IGBX_LINK_POLL_MS	100

struct igbx_adapter {
	struct igbx_hw hw;
	struct igbx_filter_state filter;
	struct igbx_rss_state rss;	/* MRQC, RSSRK, RETA: igbx_rss.c */
	struct igbx_stats_state stats;
	struct igbx_qstat_map qmap;	/* queue stats mapping, igbx_stats.c */
	struct igbx_flow_state flow;	/* rte_flow rules, igbx_flow.c */
	struct igbx_ptp_state ptp;	/* IEEE 1588, igbx_ptp.c */
	struct igbx_vmdq_state vmdq;	/* VMDq pools, igbx_vmdq.c */
	struct igbx_pf_state pf;	/* SR-IOV host, igbx_pf.c */

	/* link and interrupt state, owned by igbx_ethdev.c */
	struct igbx_link link;		/* last link seen in STATUS */
	uint32_t intr_mask;		/* IMS causes we enable (LSC) */
	bool intr_registered;		/* callback on the PCI intr_handle */
	bool hw_ready;			/* igbx_hw_init succeeded, not closed */
	uint32_t link_adv;		/* IGBX_ADV_* last given to the PHY */
	uint32_t link_wait_ms;		/* devarg link_wait_ms */
	uint8_t forced_rx_path;		/* devarg rx_path: enum igbx_rxtx_path */
	uint8_t forced_tx_path;		/* devarg tx_path: enum igbx_rxtx_path */
	uint32_t ledctl_default;	/* LEDCTL from the NVM, igbx_led.c */
	uint32_t tx_rate_factor[IGBX_MAX_TX_QUEUES];	/* RTTBCNRC per queue, 0 none */
};

#define IGBX_DEV_ADAPTER(dev)	((struct igbx_adapter *)(dev)->data->dev_private)
#define IGBX_DEV_HW(dev)	(&IGBX_DEV_ADAPTER(dev)->hw)

/* The receive filter settings of a port (igbx_filter.c, igbx_fc.c). */
static inline struct igbx_filter_state *
igbx_filter_of(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->filter;
}

/* Bytes a frame adds to the MTU under these RX offloads (QinQ: two tags). */
static inline uint32_t
igbx_eth_overhead(uint64_t rx_offloads)
{
	return (rx_offloads & RTE_ETH_RX_OFFLOAD_VLAN_EXTEND) ?
		IGBX_ETH_OVERHEAD_QINQ : IGBX_ETH_OVERHEAD;
}

/* Largest MTU under these RX offloads. */
static inline uint32_t
igbx_max_mtu(uint64_t rx_offloads)
{
	return IGBX_MAX_FRAME - igbx_eth_overhead(rx_offloads);
}

/* Frame length for an MTU as RLPML and the RX buffer checks count it. */
static inline uint32_t
igbx_mtu_to_frame(uint64_t rx_offloads, uint32_t mtu)
{
	return mtu + igbx_eth_overhead(rx_offloads);
}

/* igbx_ethdev.c: link state into dev->data->dev_link; 0 changed, -1 unchanged. */
int igbx_dev_link_update(struct rte_eth_dev *dev, int wait_to_complete);

#endif /* IGBX_ETHDEV_H */
