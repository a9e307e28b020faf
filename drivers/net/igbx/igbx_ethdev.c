/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_ethdev.c: the PCI driver (probe/remove, device ids) and the ethdev glue: argument
 * checks, then configure/info/start/stop/close/reset/mtu and the eth_dev_ops table. */
#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <bus_pci_driver.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>

#include "igbx_ethdev.h"
#include "igbx_devops.h"
#include "igbx_link.h"
#include "igbx_rxtx.h"

RTE_LOG_REGISTER(igbx_logtype_init, pmd.net.igbx.init, NOTICE);
RTE_LOG_REGISTER(igbx_logtype_driver, pmd.net.igbx.driver, NOTICE);
RTE_LOG_REGISTER(igbx_logtype_rx, pmd.net.igbx.rx, NOTICE);
RTE_LOG_REGISTER(igbx_logtype_tx, pmd.net.igbx.tx, NOTICE);

#define IGBX_DEVARG_LINK_WAIT_MS "link_wait_ms"
#define IGBX_DEVARG_RX_PATH	"rx_path"
#define IGBX_DEVARG_TX_PATH	"tx_path"

/* Every 82576 physical function (the VF, 0x10CA, is another driver). */
static const struct rte_pci_id igbx_pci_ids[] = {
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_FIBER) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_SERDES) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_QUAD_COPPER) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_QUAD_COPPER_ET2) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_NS) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_NS_SERDES) },
	{ RTE_PCI_DEVICE(IGBX_VENDOR_ID_INTEL, IGBX_DEV_ID_82576_SERDES_QUAD) },
	{ .vendor_id = 0 },
};

static int igbx_dev_init(struct rte_eth_dev *dev);
static int igbx_dev_uninit(struct rte_eth_dev *dev);

/* ---- configure ----------------------------------------------------------- */

static int
igbx_check_mq_modes(const struct rte_eth_conf *conf)
{
	if (conf->rxmode.mq_mode != RTE_ETH_MQ_RX_NONE &&
	    conf->rxmode.mq_mode != RTE_ETH_MQ_RX_RSS &&
	    conf->rxmode.mq_mode != RTE_ETH_MQ_RX_VMDQ_ONLY) {
		IGBX_LOG(ERR, "rxmode.mq_mode %d: allowed NONE (%d), RSS (%d) or VMDQ_ONLY (%d)",
			 conf->rxmode.mq_mode, RTE_ETH_MQ_RX_NONE, RTE_ETH_MQ_RX_RSS,
			 RTE_ETH_MQ_RX_VMDQ_ONLY);
		return -EINVAL;
	}
	if (conf->txmode.mq_mode != RTE_ETH_MQ_TX_NONE &&
	    conf->txmode.mq_mode != RTE_ETH_MQ_TX_VMDQ_ONLY) {
		IGBX_LOG(ERR, "txmode.mq_mode %d: allowed NONE (%d) or VMDQ_ONLY (%d)",
			 conf->txmode.mq_mode, RTE_ETH_MQ_TX_NONE, RTE_ETH_MQ_TX_VMDQ_ONLY);
		return -EINVAL;
	}
	return 0;
}

static int
igbx_check_offloads(const struct rte_eth_conf *conf)
{
	uint64_t rx_capa = igbx_rx_offload_capa() | igbx_rx_queue_offload_capa();
	uint64_t tx_capa = igbx_tx_offload_capa() | igbx_tx_queue_offload_capa();

	if (conf->rxmode.offloads & ~rx_capa) {
		IGBX_LOG(ERR, "rxmode.offloads 0x%" PRIx64 ": allowed bits 0x%" PRIx64,
			 conf->rxmode.offloads, rx_capa);
		return -EINVAL;
	}
	if (conf->txmode.offloads & ~tx_capa) {
		IGBX_LOG(ERR, "txmode.offloads 0x%" PRIx64 ": allowed bits 0x%" PRIx64,
			 conf->txmode.offloads, tx_capa);
		return -EINVAL;
	}
	return 0;
}

/*
 * QINQ_STRIP: in double VLAN mode the 82576 strips only the inner tag (7.4.5);
 * the scalar RX burst cuts the outer tag out of the frame in software. Asked
 * for without VLAN_EXTEND, it brings double VLAN mode with it.
 */
static void
igbx_configure_qinq(struct rte_eth_dev *dev)
{
	igbx_filter_of(dev)->extend_by_qinq = false;	/* the request is new */
	igbx_qinq_extend_sync(dev);
	if (dev->data->dev_conf.rxmode.offloads & RTE_ETH_RX_OFFLOAD_QINQ_STRIP)
		IGBX_LOG(NOTICE, "port %u: QINQ_STRIP: the 82576 strips only the inner "
			 "tag, the outer tag is stripped in software (scalar RX burst)",
			 dev->data->port_id);
}

static int
igbx_check_rss_conf(const struct rte_eth_conf *conf)
{
	const struct rte_eth_rss_conf *rss = &conf->rx_adv_conf.rss_conf;

	if (conf->rxmode.mq_mode != RTE_ETH_MQ_RX_RSS)
		return 0;
	if (rss->rss_key != NULL && rss->rss_key_len != IGBX_RSS_KEY_SIZE) {
		IGBX_LOG(ERR, "rss_conf.rss_key_len %u: allowed %u (or no key)",
			 rss->rss_key_len, IGBX_RSS_KEY_SIZE);
		return -EINVAL;
	}
	if (rss->rss_hf & ~igbx_rss_offload_types()) {
		IGBX_LOG(ERR, "rss_conf.rss_hf 0x%" PRIx64 ": allowed bits 0x%" PRIx64,
			 rss->rss_hf, igbx_rss_offload_types());
		return -EINVAL;
	}
	return 0;
}

static int
igbx_check_link_and_intr(const struct rte_eth_conf *conf)
{
	uint32_t speeds = conf->link_speeds & ~RTE_ETH_LINK_SPEED_FIXED;

	if (speeds & ~IGBX_SPEED_CAPA) {
		IGBX_LOG(ERR, "link_speeds 0x%x: allowed bits 0x%x (10M/100M half+full, 1G)",
			 conf->link_speeds, IGBX_SPEED_CAPA | RTE_ETH_LINK_SPEED_FIXED);
		return -EINVAL;
	}
	if ((conf->link_speeds & RTE_ETH_LINK_SPEED_FIXED) &&
	    (speeds == 0 || (speeds & (speeds - 1)) != 0)) {
		IGBX_LOG(ERR, "link_speeds 0x%x: a fixed link needs exactly one speed bit",
			 conf->link_speeds);
		return -EINVAL;
	}
	if (conf->intr_conf.rmv) {
		IGBX_LOG(ERR, "intr_conf.rmv %u: allowed 0 (no removal event)",
			 conf->intr_conf.rmv);
		return -ENOTSUP;
	}
	return 0;
}

static int
igbx_dev_configure(struct rte_eth_dev *dev)
{
	struct rte_eth_conf *conf = &dev->data->dev_conf;
	int ret;

	if (dev->data->nb_rx_queues > IGBX_MAX_RX_QUEUES ||
	    dev->data->nb_tx_queues > IGBX_MAX_TX_QUEUES) {
		IGBX_LOG(ERR, "%u RX / %u TX queues: allowed at most %u / %u",
			 dev->data->nb_rx_queues, dev->data->nb_tx_queues,
			 IGBX_MAX_RX_QUEUES, IGBX_MAX_TX_QUEUES);
		return -EINVAL;
	}
	ret = igbx_check_mq_modes(conf);
	if (ret == 0)
		ret = igbx_check_offloads(conf);
	if (ret == 0)
		ret = igbx_check_rss_conf(conf);
	if (ret == 0)
		ret = igbx_vmdq_check_conf(dev);
	if (ret == 0)
		ret = igbx_check_link_and_intr(conf);
	if (ret == 0)
		ret = igbx_loopback_check(conf);
	if (ret == 0)
		ret = igbx_rxq_intr_check(dev);
	if (ret == 0)
		ret = igbx_pf_configure_check(dev);
	if (ret != 0)
		return ret;
	igbx_qstats_configure(dev);
	igbx_configure_qinq(dev);
	/* with RSS the hash is computed anyway: report it (DPDK convention) */
	if (conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG)
		conf->rxmode.offloads |= RTE_ETH_RX_OFFLOAD_RSS_HASH &
					 (igbx_rx_offload_capa() | igbx_rx_queue_offload_capa());
	return 0;
}

/* ---- device info ------------------------------------------------------------ */

static void
igbx_info_queues(struct rte_eth_dev_info *info)
{
	info->max_rx_queues = IGBX_MAX_RX_QUEUES;
	info->max_tx_queues = IGBX_MAX_TX_QUEUES;
	info->rx_desc_lim = (struct rte_eth_desc_lim) {
		.nb_max = IGBX_MAX_RING_DESC,
		.nb_min = IGBX_MIN_RING_DESC,
		.nb_align = IGBX_RING_DESC_ALIGN,
	};
	info->tx_desc_lim = (struct rte_eth_desc_lim) {
		.nb_max = IGBX_MAX_RING_DESC,
		.nb_min = IGBX_MIN_RING_DESC,
		.nb_align = IGBX_RING_DESC_ALIGN,
		.nb_seg_max = IGBX_TX_MAX_SEGS,
		.nb_mtu_seg_max = IGBX_TX_MAX_SEGS,
	};
	/* zero thresholds: igbx_rxtx.c picks its RXDCTL/TXDCTL defaults */
	/*
	 * Thresholds 0: the queue picks its own from its ring size (rx_free_thresh
	 * min(64, nb_desc / 4), tx_free_thresh min(128, nb_desc / 4), tx_rs_thresh
	 * the same). One fixed number here would be invalid (>= nb_desc) for the
	 * small rings nb_min allows, and applications pass this conf as is.
	 */
	info->default_rxconf = (struct rte_eth_rxconf) {
		.rx_free_thresh = 0,
		.rx_drop_en = 0,
	};
	info->default_txconf = (struct rte_eth_txconf) {
		.tx_free_thresh = 0,
		.tx_rs_thresh = 0,
	};
	info->default_rxportconf.nb_queues = 1;
	info->default_txportconf.nb_queues = 1;
	info->default_rxportconf.ring_size = 512;
	info->default_txportconf.ring_size = 512;
}

static int
igbx_dev_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	igbx_info_queues(info);
	info->min_rx_bufsize = 1024;	/* SRRCTL.BSIZEPACKET counts 1 KB units */
	info->max_rx_pktlen = IGBX_MAX_FRAME;
	info->min_mtu = IGBX_MIN_MTU;
	info->max_mtu = igbx_max_mtu(dev->data->dev_conf.rxmode.offloads);
	info->max_mac_addrs = IGBX_RAR_ENTRIES;
	info->max_hash_mac_addrs = 0;
	info->max_vfs = 0;
	igbx_vmdq_info(info);
	info->rx_queue_offload_capa = igbx_rx_queue_offload_capa();
	info->rx_offload_capa = igbx_rx_offload_capa() | info->rx_queue_offload_capa;
	igbx_rx_split_info(info);
	info->tx_queue_offload_capa = igbx_tx_queue_offload_capa();
	info->tx_offload_capa = igbx_tx_offload_capa() | info->tx_queue_offload_capa;
	info->hash_key_size = IGBX_RSS_KEY_SIZE;
	info->reta_size = IGBX_RETA_SIZE;
	info->flow_type_rss_offloads = igbx_rss_offload_types();
	info->speed_capa = IGBX_SPEED_CAPA;
	/* igbx_flow_restore reprograms the rules after the reset of dev_start */
	info->dev_capa |= RTE_ETH_DEV_CAPA_FLOW_RULE_KEEP;
	/* a stopped queue of a started port may be set up again: queue start
	 * programs its ring registers and fills it (igbx_rxtx.c) */
	info->dev_capa |= RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP |
			  RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP;
	igbx_pf_info(dev, info);	/* SR-IOV host: one pool's queues */
	return 0;
}

/* ---- start / stop ------------------------------------------------------------- */

/* 4.5.9: receive goes on last, once filters, RSS and rings are in place. */
static int
igbx_start_datapath(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	int ret;

	ret = igbx_filter_restore(dev);
	if (ret == 0)
		ret = igbx_rss_configure(dev);
	if (ret == 0)
		igbx_vmdq_start(dev);			/* 7.10.3, VMDQ_ONLY */
	if (ret == 0)
		ret = igbx_tx_init(dev);		/* 4.5.10 */
	if (ret == 0)
		ret = igbx_rx_init(dev);		/* 4.5.9 */
	if (ret != 0)
		return ret;
	igbx_set_tx_function(dev);
	igbx_set_rx_function(dev);
	/* after RSS and RX init: a flow RSS rule overrides the port's RSS */
	igbx_flow_restore(dev);
	igbx_ptp_restore(dev);
	igbx_loopback_enable_rx(dev);
	igbx_rate_restore(dev);
	igbx_set_bits(hw, IGBX_RCTL, IGBX_RCTL_EN);
	igbx_write_flush(hw);
	return 0;
}

/* 4.5.3: reset, general configuration, link, statistics, RX/TX, interrupts. */
static int
igbx_dev_start(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_hw *hw = &ad->hw;
	int ret;

	/* the reset clears the counters (4.5.8): keep what they hold */
	igbx_stats_update(ad);
	igbx_ptp_save(dev);		/* and the time SYSTIM holds */
	ret = igbx_hw_reset(hw);					/* 4.5.5 */
	if (ret != 0)
		return ret;
	igbx_hw_set_driver_loaded(hw, true);
	/* dev_stop powered the copper PHY down; the MAC reset leaves the PHY
	 * as it is, so power it up again before the link setup */
	if (hw->media == IGBX_MEDIA_COPPER)
		ret = igbx_phy_power(hw, true);
	if (ret == 0)
		ret = igbx_link_setup(dev, false);			/* 4.5.7 */
	if (ret != 0)
		goto fail;
	igbx_loopback_force_link(dev);
	igbx_stats_update(ad);						/* 4.5.8 */
	ret = igbx_start_datapath(dev);
	if (ret != 0)
		goto fail;
	igbx_pf_start(dev);		/* 7.10: pools, then PFRSTD to the VFs */
	igbx_intr_enable(dev);						/* 4.5.4 */
	ret = igbx_rxq_intr_start(dev);
	if (ret != 0)
		goto fail;
	igbx_dev_link_update(dev, 0);
	return 0;
fail:
	IGBX_LOG(ERR, "port %u start failed: %d", dev->data->port_id, ret);
	igbx_rxtx_stop(dev);
	igbx_hw_stop(hw);
	return ret;
}

static int
igbx_dev_stop(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);

	igbx_intr_disable(dev);
	igbx_pf_stop(dev);		/* the VFs' mailbox stays served */
	igbx_rxq_intr_stop(dev);
	igbx_hw_stop(&ad->hw);		/* RCTL.EN, TCTL.EN off first */
	igbx_rxtx_stop(dev);		/* queues off, every mbuf back to its pool */
	igbx_stats_update(ad);
	/* A stopped port shows its link down, as the stock driver's does (and
	 * DTS's port_control expects): the copper PHY powers down, which drops
	 * the link at both ends (IEEE 802.3 22.2.4.1.5); dev_start powers it up.
	 */
	if (ad->hw.media == IGBX_MEDIA_COPPER)
		igbx_phy_power(&ad->hw, false);
	igbx_dev_link_update(dev, 0);
	return 0;
}

/* Close releases what init and queue setup took; ethdev then frees the port
 * (mac_addrs included). Safe to call twice: remove after close. */
static int
igbx_dev_close(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	if (!ad->hw_ready)
		return 0;
	igbx_intr_unregister(dev);
	igbx_ptp_release(dev);
	igbx_flow_release(dev);
	igbx_hw_stop(&ad->hw);
	igbx_rxtx_stop(dev);
	igbx_rxtx_release_all(dev);
	igbx_led_restore(dev);
	igbx_hw_set_driver_loaded(&ad->hw, false);
	ad->hw_ready = false;
	return 0;
}

/* Reset: back to the state right after probe (queues must be set up again). */
static int
igbx_dev_reset(struct rte_eth_dev *dev)
{
	int ret;

	ret = igbx_dev_uninit(dev);
	if (ret != 0)
		return ret;
	return igbx_dev_init(dev);
}

/* ---- MTU ------------------------------------------------------------------------ */

/* Smallest RX buffer over the configured queues (0 when none is set up). */
static uint32_t
igbx_min_rx_buf(const struct rte_eth_dev *dev)
{
	uint32_t min = 0;
	uint16_t i;

	for (i = 0; i < dev->data->nb_rx_queues; i++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[i];

		if (rxq != NULL && (min == 0 || rxq->buf_size < min))
			min = rxq->buf_size;
	}
	return min;
}

static int
igbx_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads;
	uint32_t frame = igbx_mtu_to_frame(offloads, mtu);
	uint32_t buf = igbx_min_rx_buf(dev);

	if (mtu < IGBX_MIN_MTU || mtu > igbx_max_mtu(offloads)) {
		IGBX_LOG(ERR, "mtu %u: allowed %u..%u", mtu, IGBX_MIN_MTU,
			 igbx_max_mtu(offloads));
		return -EINVAL;
	}
	/* A frame larger than one buffer needs the scattered burst, which is
	 * chosen at dev_start. A stopped port accepts the MTU: queue setup and
	 * dev_start check it against the buffers and the scatter offload then.
	 */
	if (!dev->data->dev_started)
		return 0;	/* ethdev records dev->data->mtu */
	if (buf != 0 && frame > buf && !dev->data->scattered_rx) {
		IGBX_LOG(ERR, "mtu %u: frames of %u bytes need scattered RX; stop the port first",
			 mtu, frame);
		return -EBUSY;
	}
	igbx_rx_set_frame_limit(dev, frame);	/* RCTL.LPE and RLPML, as rx_init */
	return 0;	/* ethdev records dev->data->mtu */
}

/* ---- ops table ------------------------------------------------------------------ */

static const struct eth_dev_ops igbx_eth_dev_ops = {
	.dev_configure		= igbx_dev_configure,
	.dev_start		= igbx_dev_start,
	.dev_stop		= igbx_dev_stop,
	.dev_set_link_up	= igbx_dev_set_link_up,
	.dev_set_link_down	= igbx_dev_set_link_down,
	.dev_close		= igbx_dev_close,
	.dev_reset		= igbx_dev_reset,
	.link_update		= igbx_dev_link_update,
	.promiscuous_enable	= igbx_promiscuous_enable,
	.promiscuous_disable	= igbx_promiscuous_disable,
	.allmulticast_enable	= igbx_allmulticast_enable,
	.allmulticast_disable	= igbx_allmulticast_disable,
	.mac_addr_remove	= igbx_mac_addr_remove,
	.mac_addr_add		= igbx_mac_addr_add,
	.mac_addr_set		= igbx_mac_addr_set,
	.set_mc_addr_list	= igbx_set_mc_addr_list,
	.mtu_set		= igbx_mtu_set,
	.stats_get		= igbx_stats_get,
	.stats_reset		= igbx_stats_reset,
	.xstats_get		= igbx_xstats_get,
	.xstats_reset		= igbx_xstats_reset,
	.xstats_get_names	= igbx_xstats_get_names,
	.xstats_get_by_id	= igbx_xstats_get_by_id,
	.xstats_get_names_by_id	= igbx_xstats_get_names_by_id,
	.queue_stats_mapping_set = igbx_queue_stats_mapping_set,
	.dev_infos_get		= igbx_dev_infos_get,
	.rxq_info_get		= igbx_rxq_info_get,
	.txq_info_get		= igbx_txq_info_get,
	.rx_burst_mode_get	= igbx_rx_burst_mode_get,
	.tx_burst_mode_get	= igbx_tx_burst_mode_get,
	.fw_version_get		= igbx_fw_version_get,
	.dev_supported_ptypes_get = igbx_supported_ptypes_get,
	.buffer_split_supported_hdr_ptypes_get = igbx_buffer_split_hdr_ptypes,
	.vlan_filter_set	= igbx_vlan_filter_set,
	.vlan_tpid_set		= igbx_vlan_tpid_set,
	.vlan_offload_set	= igbx_vlan_offload_set,
	.rx_queue_start		= igbx_rx_queue_start,
	.rx_queue_stop		= igbx_rx_queue_stop,
	.tx_queue_start		= igbx_tx_queue_start,
	.tx_queue_stop		= igbx_tx_queue_stop,
	.rx_queue_setup		= igbx_rx_queue_setup,
	.rx_queue_release	= igbx_rx_queue_release,
	.tx_queue_setup		= igbx_tx_queue_setup,
	.tx_queue_release	= igbx_tx_queue_release,
	.tx_done_cleanup	= igbx_tx_done_cleanup,
	.flow_ctrl_get		= igbx_flow_ctrl_get,
	.flow_ctrl_set		= igbx_flow_ctrl_set,
	.rss_hash_update	= igbx_rss_hash_update,
	.rss_hash_conf_get	= igbx_rss_hash_conf_get,
	.reta_update		= igbx_reta_update,
	.reta_query		= igbx_reta_query,
	.get_reg		= igbx_get_regs,
	.get_eeprom_length	= igbx_get_eeprom_length,
	.get_eeprom		= igbx_get_eeprom,
	.get_module_info	= igbx_get_module_info,
	.get_module_eeprom	= igbx_get_module_eeprom,
	.flow_ops_get		= igbx_flow_ops_get,
	.timesync_enable	= igbx_timesync_enable,
	.timesync_disable	= igbx_timesync_disable,
	.timesync_read_rx_timestamp = igbx_timesync_read_rx_timestamp,
	.timesync_read_tx_timestamp = igbx_timesync_read_tx_timestamp,
	.timesync_adjust_time	= igbx_timesync_adjust_time,
	.timesync_read_time	= igbx_timesync_read_time,
	.timesync_write_time	= igbx_timesync_write_time,
	.read_clock		= igbx_read_clock,
	.set_queue_rate_limit	= igbx_set_queue_rate_limit,
	.rx_queue_intr_enable	= igbx_rx_queue_intr_enable,
	.rx_queue_intr_disable	= igbx_rx_queue_intr_disable,
	.get_monitor_addr	= igbx_get_monitor_addr,
	.dev_led_on		= igbx_dev_led_on,
	.dev_led_off		= igbx_dev_led_off,
	.eth_rx_descriptor_dump	= igbx_rx_descriptor_dump,
	.eth_tx_descriptor_dump	= igbx_tx_descriptor_dump,
	.eth_dev_priv_dump	= igbx_dev_priv_dump,
};

/* ---- probe / remove ------------------------------------------------------------- */

static int
igbx_parse_link_wait(const char *key, const char *value, void *opaque)
{
	char *end = NULL;
	unsigned long ms = strtoul(value, &end, 0);

	if (end == value || *end != '\0' || ms > IGBX_LINK_WAIT_MS) {
		IGBX_INIT_LOG(ERR, "devarg %s=%s: allowed 0..%u (milliseconds)",
			      key, value, IGBX_LINK_WAIT_MS);
		return -EINVAL;
	}
	*(uint32_t *)opaque = (uint32_t)ms;
	return 0;
}

static int
igbx_parse_devargs(struct rte_eth_dev *dev)
{
	static const char *const keys[] = { IGBX_DEVARG_LINK_WAIT_MS, IGBX_DEVARG_RX_PATH,
					    IGBX_DEVARG_TX_PATH, NULL };
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_devargs *da = dev->device->devargs;
	struct rte_kvargs *kv;
	int ret;

	ad->link_wait_ms = IGBX_LINK_WAIT_MS;
	if (da == NULL || da->args == NULL || da->args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(da->args, keys);
	if (kv == NULL) {
		IGBX_INIT_LOG(ERR, "devargs \"%s\": allowed key %s", da->args, keys[0]);
		return -EINVAL;
	}
	ret = rte_kvargs_process(kv, IGBX_DEVARG_LINK_WAIT_MS, igbx_parse_link_wait,
				 &ad->link_wait_ms);
	if (ret == 0)
		ret = rte_kvargs_process(kv, IGBX_DEVARG_RX_PATH, igbx_rxtx_path_devarg,
					 &ad->forced_rx_path);
	if (ret == 0)
		ret = rte_kvargs_process(kv, IGBX_DEVARG_TX_PATH, igbx_rxtx_path_devarg,
					 &ad->forced_tx_path);
	rte_kvargs_free(kv);
	return ret;
}

static void
igbx_set_burst_functions(struct rte_eth_dev *dev)
{
	/* a secondary process sees the primary's queues: it chooses as the primary did */
	igbx_set_rx_function(dev);
	igbx_set_tx_function(dev);
	dev->rx_queue_count = igbx_rx_queue_count;
	dev->rx_descriptor_status = igbx_rx_descriptor_status;
	dev->tx_descriptor_status = igbx_tx_descriptor_status;
}

static int
igbx_init_hw_fields(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	memset(hw, 0, sizeof(*hw));
	hw->hw_addr = pci->mem_resource[0].addr;
	hw->vendor_id = pci->id.vendor_id;
	hw->device_id = pci->id.device_id;
	hw->subsystem_vendor_id = pci->id.subsystem_vendor_id;
	hw->subsystem_device_id = pci->id.subsystem_device_id;
	if (hw->hw_addr == NULL) {
		IGBX_INIT_LOG(ERR, "%s: BAR0 is not mapped", pci->device.name);
		return -ENODEV;
	}
	return 0;
}

static int
igbx_dev_init(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	int ret;

	dev->dev_ops = &igbx_eth_dev_ops;
	igbx_set_burst_functions(dev);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	rte_eth_copy_pci_info(dev, RTE_ETH_DEV_TO_PCI(dev));
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC | RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS;
	ret = igbx_parse_devargs(dev);
	if (ret == 0)
		ret = igbx_init_hw_fields(dev);
	if (ret == 0)
		ret = igbx_hw_init(&ad->hw);			/* 4.5.5, NVM, PHY */
	if (ret == 0)
		ret = igbx_pf_init(dev);			/* VFs enabled: their host */
	if (ret != 0)
		return ret;
	dev->data->mac_addrs = rte_zmalloc("igbx_mac_addrs",
					   RTE_ETHER_ADDR_LEN * IGBX_RAR_ENTRIES, 0);
	if (dev->data->mac_addrs == NULL) {
		IGBX_INIT_LOG(ERR, "no memory for %u MAC addresses", IGBX_RAR_ENTRIES);
		return -ENOMEM;
	}
	memcpy(&dev->data->mac_addrs[0], ad->hw.mac_perm, RTE_ETHER_ADDR_LEN);
	igbx_led_save(dev);
	memset(ad->tx_rate_factor, 0, sizeof(ad->tx_rate_factor));
	igbx_filter_init(dev);
	igbx_rss_init(dev);
	igbx_flow_init(dev);
	igbx_qstats_init(ad);
	igbx_stats_update(ad);			/* 4.5.8: start the counters at zero */
	igbx_stats_clear(ad);
	ad->link_adv = 0;
	ret = igbx_link_setup(dev, true);		/* 4.5.7: negotiate while we wait */
	if (ret == 0)
		ret = igbx_intr_register(dev);
	if (ret != 0) {
		rte_free(dev->data->mac_addrs);
		dev->data->mac_addrs = NULL;
		return ret;
	}
	ad->hw_ready = true;
	igbx_pf_start(dev);		/* VFs probed before dev_start get answers */
	igbx_dev_link_update(dev, 0);
	return 0;
}

static int
igbx_dev_uninit(struct rte_eth_dev *dev)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	igbx_dev_close(dev);
	rte_free(dev->data->mac_addrs);
	dev->data->mac_addrs = NULL;
	return 0;
}

static int
igbx_pci_probe(struct rte_pci_driver *drv, struct rte_pci_device *pci)
{
	(void)drv;
	return rte_eth_dev_pci_generic_probe(pci, sizeof(struct igbx_adapter), igbx_dev_init);
}

static int
igbx_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, igbx_dev_uninit);
}

static struct rte_pci_driver igbx_pmd = {
	.id_table = igbx_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
	.probe = igbx_pci_probe,
	.remove = igbx_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_igbx, igbx_pmd);
RTE_PMD_REGISTER_PCI_TABLE(net_igbx, igbx_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_igbx, "* igb_uio | uio_pci_generic | vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_igbx, IGBX_DEVARG_LINK_WAIT_MS "=<0-9000> "
			      IGBX_DEVARG_RX_PATH "=auto|scalar|sse|avx2 "
			      IGBX_DEVARG_TX_PATH "=auto|scalar|sse|avx2");
