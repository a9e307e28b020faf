/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_vf_ethdev.c: net_igbx_vf, the driver of an 82576 virtual function
 * (8086:10CA, datasheet 7.8). The VF owns two queue pairs and a few
 * registers; its address, filters and link belong to the PF, which it asks
 * through the mailbox (igbx_mbx.c). Queues, descriptors and bursts are the
 * PF driver's, behind the VF's ring registers: igbx_vf_rxtx.c.
 */
#include <errno.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_cycles.h>
#include <rte_spinlock.h>
#include <rte_ether.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>
#include <bus_pci_driver.h>

#include <rte_kvargs.h>

#include "igbx_compat.h"
#include "igbx_ethdev.h"
#include "igbx_mbx.h"
#include "igbx_vf_mbx.h"
#include "igbx_rxtx.h"
#include "igbx_vf.h"
#include "igbx_vf_regs.h"

#define IGBX_VF_RESET_TIMEOUT_US	2000000	/* a PF's reset and restart */
#define IGBX_VF_WATCH_US		100000	/* PF reset watch period */
#define IGBX_VF_DEVARG_RX_PATH		"rx_path"	/* as the PF's */
#define IGBX_VF_DEVARG_TX_PATH		"tx_path"

static const uint32_t igbx_vf_stat_regs[IGBX_VF_NB_STATS] = {
	IGBX_VF_GPRC, IGBX_VF_GPTC, IGBX_VF_GORC, IGBX_VF_GOTC, IGBX_VF_MPRC,
};

enum { VF_GPRC, VF_GPTC, VF_GORC, VF_GOTC, VF_MPRC };

static const struct rte_pci_id igbx_vf_pci_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, IGBX_VF_DEVICE_ID) },
	{ .vendor_id = 0 },
};

/* ---- reset and mailbox requests ---------------------------------------- */

/* A request/reply exchange, serialised against the PF reset watch. */
int
igbx_vf_call(struct igbx_vf_adapter *vf, uint32_t *msg, unsigned int n_out,
	     unsigned int n_in)
{
	int ret;

	rte_spinlock_lock(&vf->mbx_lock);
	ret = igbx_mbx_call(&vf->pf_like.hw, &vf->mbx, msg, n_out, n_in);
	rte_spinlock_unlock(&vf->mbx_lock);
	return ret;
}

/*
 * 7.8.2 VF reset: VTCTRL.RST resets the VF's queues and interrupt state;
 * then the RESET message makes the PF set up the VF's pool and answer with
 * the address it assigned (words 1-2), or NACK when it assigned none.
 */
static int igbx_vf_reset_locked(struct rte_eth_dev *dev, struct igbx_hw *hw,
				struct igbx_vf_adapter *vf, uint32_t *msg);

static int
igbx_vf_reset(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	struct igbx_hw *hw = &vf->pf_like.hw;
	uint32_t msg[3] = { IGBX_MBX_RESET, 0, 0 };
	int ret;

	rte_spinlock_lock(&vf->mbx_lock);
	ret = igbx_vf_reset_locked(dev, hw, vf, msg);
	if (ret == 0 && (msg[0] & IGBX_MBX_ACK))
		igbx_vf_mbx_negotiate(dev);	/* igbx_vf_mbx.c */
	rte_spinlock_unlock(&vf->mbx_lock);
	if (ret != 0)
		return ret;
	if ((msg[0] & IGBX_MBX_ID_MASK) != IGBX_MBX_RESET) {
		IGBX_INIT_LOG(ERR, "VF %s: PF answered 0x%08x to RESET", dev->device->name,
			      msg[0]);
		return -EPROTO;
	}
	if (msg[0] & IGBX_MBX_ACK)
		memcpy(mac->addr_bytes, &msg[1], RTE_ETHER_ADDR_LEN);
	else
		memset(mac, 0, sizeof(*mac));
	memset(vf->stat_last, 0, sizeof(vf->stat_last));
	vf->pf_reset = false;
	return 0;
}

static int
igbx_vf_reset_locked(struct rte_eth_dev *dev, struct igbx_hw *hw,
		     struct igbx_vf_adapter *vf, uint32_t *msg)
{
	unsigned int t;
	int ret;

	igbx_write(hw, IGBX_VF_CTRL, IGBX_VF_CTRL_RST);
	vf->mbx.seen = 0;
	/* a PF still resetting (RSTI) answers nothing */
	for (t = 0; igbx_mbx_status(hw, &vf->mbx) & IGBX_V2P_RSTI; t += 100) {
		if (t >= IGBX_VF_RESET_TIMEOUT_US) {
			IGBX_INIT_LOG(ERR, "VF %s: PF reset in progress (RSTI) for %u us",
				      dev->device->name, t);
			return -EAGAIN;
		}
		rte_delay_us(100);
	}
	ret = igbx_mbx_send(hw, &vf->mbx, msg, 1);
	if (ret == 0)
		ret = igbx_mbx_recv(hw, &vf->mbx, msg, 3);
	if (ret != 0)
		IGBX_INIT_LOG(ERR, "VF %s: no answer to RESET from the PF", dev->device->name);
	return ret;
}

static int
igbx_vf_set_mac(struct rte_eth_dev *dev, const struct rte_ether_addr *mac)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	uint32_t msg[3] = { IGBX_MBX_SET_MAC_ADDR, 0, 0 };
	int ret;

	memcpy(&msg[1], mac->addr_bytes, RTE_ETHER_ADDR_LEN);
	rte_spinlock_lock(&vf->mbx_lock);
	ret = igbx_vf_mbx_ask(&vf->pf_like.hw, &vf->mbx, msg, 3, 1);
	rte_spinlock_unlock(&vf->mbx_lock);
	if (ret == -EPROTO)
		ret = -EPERM;	/* the PF refused this address: callers log it */
	return ret;
}

static int
igbx_vf_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	int ret;

	if (!rte_is_valid_assigned_ether_addr(mac)) {
		rte_ether_format_addr(buf, sizeof(buf), mac);
		IGBX_LOG(ERR, "mac_addr=%s invalid: allowed a unicast, non-zero address", buf);
		return -EINVAL;
	}
	ret = igbx_vf_set_mac(dev, mac);
	/* A PF host that assigned the address itself may refuse any SET_MAC,
	 * even of that same address (Linux igb does, for an untrusted VF);
	 * ethdev replays the port's address on every start: it is in effect. */
	if (ret == -EPERM && rte_is_same_ether_addr(mac, &dev->data->mac_addrs[0]))
		return 0;
	if (ret != 0) {
		rte_ether_format_addr(buf, sizeof(buf), mac);
		IGBX_LOG(ERR, "mac_addr=%s: PF refused or did not answer (%d)", buf, ret);
	}
	return ret;
}

/* 12-bit MTA hash of the PF's default filter type (MO = 0: bits 47:36). */
static uint16_t
igbx_vf_mc_hash(const struct rte_ether_addr *a)
{
	return ((a->addr_bytes[4] >> 4) | ((uint16_t)a->addr_bytes[5] << 4)) & 0xFFF;
}

static int
igbx_vf_set_mc_addr_list(struct rte_eth_dev *dev, struct rte_ether_addr *list,
			 uint32_t nb)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	uint32_t msg[IGBX_VF_MBX_WORDS] = { 0 };
	uint16_t *hash = (uint16_t *)&msg[1];
	uint32_t i;

	if (nb > IGBX_MBX_MAX_MC) {
		IGBX_LOG(ERR, "nb_mc_addr=%u invalid: allowed 0..%u (one mailbox message)",
			 nb, IGBX_MBX_MAX_MC);
		return -EINVAL;
	}
	for (i = 0; i < nb; i++) {
		if (!rte_is_multicast_ether_addr(&list[i])) {
			IGBX_LOG(ERR, "mc_addr[%u] invalid: allowed multicast addresses only", i);
			return -EINVAL;
		}
		hash[i] = igbx_vf_mc_hash(&list[i]);
	}
	msg[0] = IGBX_MBX_SET_MULTICAST | (nb << IGBX_MBX_INFO_SHIFT);
	return igbx_vf_call(vf, msg, 1 + (nb + 1) / 2, 1);
}

/* SET_VLAN: the PF adds the VLAN to (or drops it from) its VLAN filter table
 * for the VF; word 0's argument says which, word 1 is the VLAN id. */
static int
igbx_vf_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vid, int on)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	uint32_t msg[2] = { IGBX_MBX_SET_VLAN | ((uint32_t)!!on << IGBX_MBX_INFO_SHIFT), vid };

	if (vid > RTE_ETHER_MAX_VLAN_ID) {
		IGBX_LOG(ERR, "vlan_id=%u invalid: allowed 0..%u", vid, RTE_ETHER_MAX_VLAN_ID);
		return -EINVAL;
	}
	return igbx_vf_call(vf, msg, 2, 1);
}

/* ---- link and statistics ------------------------------------------------- */

static int
igbx_vf_link_update(struct rte_eth_dev *dev, int wait __rte_unused)
{
	static const uint32_t speeds[4] = {
		RTE_ETH_SPEED_NUM_10M, RTE_ETH_SPEED_NUM_100M,
		RTE_ETH_SPEED_NUM_1G, RTE_ETH_SPEED_NUM_1G,
	};
	uint32_t status = igbx_read(&IGBX_VF_ADAPTER(dev)->pf_like.hw, IGBX_VF_STATUS);
	struct rte_eth_link link = { .link_autoneg = RTE_ETH_LINK_AUTONEG };

	if (status & IGBX_VF_STATUS_LU) {
		link.link_status = RTE_ETH_LINK_UP;
		link.link_speed = speeds[(status & IGBX_VF_STATUS_SPEED_MASK) >>
					 IGBX_VF_STATUS_SPEED_SHIFT];
		link.link_duplex = (status & IGBX_VF_STATUS_FD) ?
			RTE_ETH_LINK_FULL_DUPLEX : RTE_ETH_LINK_HALF_DUPLEX;
	}
	return rte_eth_linkstatus_set(dev, &link);
}

/* The counters run on from the VF's reset and wrap at 32 bits: add deltas. */
static void
igbx_vf_stats_update(struct igbx_vf_adapter *vf)
{
	unsigned int i;

	for (i = 0; i < IGBX_VF_NB_STATS; i++) {
		uint32_t v = igbx_read(&vf->pf_like.hw, igbx_vf_stat_regs[i]);

		vf->stat_sum[i] += (uint32_t)(v - vf->stat_last[i]);
		vf->stat_last[i] = v;
	}
}

static int
igbx_vf_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *st IGBX_QSTATS_PARAM)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);

	RTE_SET_USED(IGBX_QSTATS(st));	/* no per-queue counters on a VF */
	igbx_vf_stats_update(vf);
	st->ipackets = vf->stat_sum[VF_GPRC];
	st->opackets = vf->stat_sum[VF_GPTC];
	st->ibytes = vf->stat_sum[VF_GORC];
	st->obytes = vf->stat_sum[VF_GOTC];
	return 0;
}

static int
igbx_vf_stats_reset(struct rte_eth_dev *dev)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);

	igbx_vf_stats_update(vf);
	memset(vf->stat_sum, 0, sizeof(vf->stat_sum));
	return 0;
}

static const char *const igbx_vf_xstat_names[IGBX_VF_NB_STATS] = {
	"rx_good_packets_vf", "tx_good_packets_vf", "rx_good_bytes_vf",
	"tx_good_bytes_vf", "rx_multicast_packets",
};

static int
igbx_vf_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
			 struct rte_eth_xstat_name *names, unsigned int n)
{
	unsigned int i;

	if (names != NULL && n >= IGBX_VF_NB_STATS)
		for (i = 0; i < IGBX_VF_NB_STATS; i++)
			strlcpy(names[i].name, igbx_vf_xstat_names[i], sizeof(names[i].name));
	return IGBX_VF_NB_STATS;
}

static int
igbx_vf_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xs, unsigned int n)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	unsigned int i;

	if (xs == NULL || n < IGBX_VF_NB_STATS)
		return IGBX_VF_NB_STATS;
	igbx_vf_stats_update(vf);
	for (i = 0; i < IGBX_VF_NB_STATS; i++) {
		xs[i].id = i;
		xs[i].value = vf->stat_sum[i];
	}
	return IGBX_VF_NB_STATS;
}

/* ---- configuration --------------------------------------------------------- */

static int
igbx_vf_infos_get(struct rte_eth_dev *dev __rte_unused, struct rte_eth_dev_info *info)
{
	info->max_rx_queues = IGBX_VF_QUEUES;
	info->max_tx_queues = IGBX_VF_QUEUES;
	info->max_mac_addrs = 1;
	info->min_rx_bufsize = IGBX_RX_BUF_UNIT;
	igbx_vf_offload_info(info);
	info->rx_desc_lim = (struct rte_eth_desc_lim){ .nb_max = IGBX_MAX_RING_DESC,
		.nb_min = IGBX_MIN_RING_DESC, .nb_align = IGBX_RING_DESC_ALIGN };
	info->tx_desc_lim = info->rx_desc_lim;
	info->tx_desc_lim.nb_seg_max = IGBX_TX_MAX_SEGS;	/* the PF's TX burst */
	info->tx_desc_lim.nb_mtu_seg_max = IGBX_TX_MAX_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_1G;
	return 0;
}

static int
igbx_vf_configure(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *c = &dev->data->dev_conf;

	if (c->rxmode.mq_mode != RTE_ETH_MQ_RX_NONE) {
		IGBX_LOG(ERR, "rxmode.mq_mode=%d invalid: allowed NONE (an 82576 VF has no RSS)",
			 c->rxmode.mq_mode);
		return -EINVAL;
	}
	if (c->txmode.mq_mode != RTE_ETH_MQ_TX_NONE) {
		IGBX_LOG(ERR, "txmode.mq_mode=%d invalid: allowed NONE", c->txmode.mq_mode);
		return -EINVAL;
	}
	return 0;
}

static int
igbx_vf_dev_start(struct rte_eth_dev *dev)
{
	int ret = igbx_vf_queues_start(dev);

	if (ret == 0)
		igbx_vf_link_update(dev, 0);
	return ret;
}

static int
igbx_vf_dev_stop(struct rte_eth_dev *dev)
{
	igbx_vf_queues_stop(dev);
	dev->data->dev_started = 0;
	return 0;
}

/*
 * A PF reset (7.8.2.3) drops the VF's pool, queues and filters: the PF
 * shows RSTI while it resets and RSTD once its driver is back. The VF has
 * no interrupt here, so an alarm looks every 100 ms and raises
 * RTE_ETH_EVENT_INTR_RESET once; the application answers with
 * rte_eth_dev_reset() (igbx_vf_dev_reset), then configures and starts again.
 */
static void
igbx_vf_watch(void *arg)
{
	struct rte_eth_dev *dev = arg;
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	bool event = false, link_event = false;

	if (rte_spinlock_trylock(&vf->mbx_lock)) {
		uint32_t st = igbx_mbx_status(&vf->pf_like.hw, &vf->mbx);

		if ((st & (IGBX_V2P_RSTI | IGBX_V2P_RSTD)) && !vf->pf_reset) {
			vf->mbx.seen &= ~IGBX_V2P_RSTD;
			vf->pf_reset = true;
			event = true;
		}
		link_event = igbx_vf_mbx_notice(&vf->pf_like.hw, &vf->mbx);
		rte_spinlock_unlock(&vf->mbx_lock);
	}
	if (link_event) {
		IGBX_LOG(NOTICE, "VF %s: the PF reports its link %s", dev->device->name,
			 vf->mbx.pf_link_up ? "up" : "down");
		igbx_vf_link_update(dev, 0);
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	}
	if (event) {
		IGBX_LOG(WARNING, "VF %s: PF reset, the port needs rte_eth_dev_reset()",
			 dev->device->name);
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_RESET, NULL);
	}
	if (rte_eal_alarm_set(IGBX_VF_WATCH_US, igbx_vf_watch, dev) != 0)
		vf->watching = false;
}

static void
igbx_vf_watch_stop(struct rte_eth_dev *dev)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);

	if (vf->watching)
		rte_eal_alarm_cancel(igbx_vf_watch, dev);
	vf->watching = false;
}

/* After a PF reset: the VF reset handshake again; the address the PF gives
 * back (or the one we had) becomes the port's. */
static int
igbx_vf_dev_reset(struct rte_eth_dev *dev)
{
	struct rte_ether_addr mac;
	int ret;

	ret = igbx_vf_reset(dev, &mac);
	if (ret != 0)
		return ret;
	if (rte_is_zero_ether_addr(&mac)) {
		rte_ether_addr_copy(&dev->data->mac_addrs[0], &mac);
		ret = igbx_vf_set_mac(dev, &mac);
		if (ret != 0) {
			IGBX_LOG(ERR, "VF %s: PF refused the port's address after reset (%d)",
				 dev->device->name, ret);
			return ret;
		}
	}
	rte_ether_addr_copy(&mac, &dev->data->mac_addrs[0]);
	return 0;
}

static int
igbx_vf_dev_close(struct rte_eth_dev *dev)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	uint16_t i;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	igbx_vf_watch_stop(dev);
	if (dev->data->dev_started)
		igbx_vf_dev_stop(dev);
	for (i = 0; i < dev->data->nb_rx_queues; i++)
		igbx_rx_queue_release(dev, i);
	for (i = 0; i < dev->data->nb_tx_queues; i++)
		igbx_tx_queue_release(dev, i);
	if (vf->hw_ready) {
		/* the VF's queues off and its pool closed until the next probe */
		igbx_write(&vf->pf_like.hw, IGBX_VF_CTRL, IGBX_VF_CTRL_RST);
		vf->hw_ready = false;
	}
	return 0;
}

/* For igbx_vf_mbx.c: the mailbox and the lock that guards it. */
struct igbx_mbx *
igbx_vf_mbx_of(struct rte_eth_dev *dev, struct igbx_hw **hw, rte_spinlock_t **lock)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);

	*hw = &vf->pf_like.hw;
	*lock = &vf->mbx_lock;
	return &vf->mbx;
}

static const struct eth_dev_ops igbx_vf_ops = {
	.dev_reset = igbx_vf_dev_reset,
	.dev_configure = igbx_vf_configure,
	.dev_infos_get = igbx_vf_infos_get,
	.dev_start = igbx_vf_dev_start,
	.dev_stop = igbx_vf_dev_stop,
	.dev_close = igbx_vf_dev_close,
	.link_update = igbx_vf_link_update,
	.promiscuous_enable = igbx_vf_promiscuous_enable,	/* igbx_vf_mbx.c */
	.promiscuous_disable = igbx_vf_promiscuous_disable,
	.allmulticast_enable = igbx_vf_allmulticast_enable,
	.allmulticast_disable = igbx_vf_allmulticast_disable,
	.stats_get = igbx_vf_stats_get,
	.stats_reset = igbx_vf_stats_reset,
	.xstats_get = igbx_vf_xstats_get,
	.xstats_get_names = igbx_vf_xstats_get_names,
	.xstats_reset = igbx_vf_stats_reset,
	.mac_addr_set = igbx_vf_mac_addr_set,
	.set_mc_addr_list = igbx_vf_set_mc_addr_list,
	.vlan_filter_set = igbx_vf_vlan_filter_set,
	.rx_queue_setup = igbx_vf_rx_queue_setup,
	.rx_queue_release = igbx_rx_queue_release,
	.tx_queue_setup = igbx_vf_tx_queue_setup,
	.tx_queue_release = igbx_tx_queue_release,
	.rxq_info_get = igbx_rxq_info_get,
	.txq_info_get = igbx_txq_info_get,
	.rx_burst_mode_get = igbx_rx_burst_mode_get,
	.tx_burst_mode_get = igbx_tx_burst_mode_get,
	.mtu_set = igbx_vf_mtu_set,
};

/* rx_path/tx_path force a burst (scalar, sse, avx2) as on the PF. */
static int
igbx_vf_parse_devargs(struct rte_eth_dev *dev)
{
	static const char *const keys[] = { IGBX_VF_DEVARG_RX_PATH, IGBX_VF_DEVARG_TX_PATH,
					    NULL };
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_devargs *da = dev->device->devargs;
	struct rte_kvargs *kv;
	int ret;

	if (da == NULL || da->args == NULL || da->args[0] == '\0')
		return 0;
	kv = rte_kvargs_parse(da->args, keys);
	if (kv == NULL) {
		IGBX_INIT_LOG(ERR, "devargs \"%s\": allowed keys %s, %s", da->args, keys[0],
			      keys[1]);
		return -EINVAL;
	}
	ret = rte_kvargs_process(kv, IGBX_VF_DEVARG_RX_PATH, igbx_rxtx_path_devarg,
				 &ad->forced_rx_path);
	if (ret == 0)
		ret = rte_kvargs_process(kv, IGBX_VF_DEVARG_TX_PATH, igbx_rxtx_path_devarg,
					 &ad->forced_tx_path);
	rte_kvargs_free(kv);
	return ret;
}

/* The bursts and queue queries, in the primary and in a secondary process. */
static void
igbx_vf_set_burst_functions(struct rte_eth_dev *dev)
{
	igbx_set_rx_function(dev);
	igbx_set_tx_function(dev);
	dev->rx_queue_count = igbx_rx_queue_count;
	dev->rx_descriptor_status = igbx_rx_descriptor_status;
	dev->tx_descriptor_status = igbx_tx_descriptor_status;
}

/* ---- probe ------------------------------------------------------------------- */

static int
igbx_vf_dev_init(struct rte_eth_dev *dev)
{
	struct igbx_vf_adapter *vf = IGBX_VF_ADAPTER(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct rte_ether_addr mac;
	int ret;

	dev->dev_ops = &igbx_vf_ops;
	igbx_vf_set_burst_functions(dev);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	rte_eth_copy_pci_info(dev, pci);
	ret = igbx_vf_parse_devargs(dev);
	if (ret != 0)
		return ret;
	vf->pf_like.hw.hw_addr = pci->mem_resource[0].addr;
	vf->pf_like.hw.device_id = pci->id.device_id;
	vf->pf_like.hw.vendor_id = pci->id.vendor_id;
	if (vf->pf_like.hw.hw_addr == NULL) {
		IGBX_INIT_LOG(ERR, "%s: BAR0 is not mapped", pci->device.name);
		return -ENODEV;
	}
	rte_spinlock_init(&vf->mbx_lock);
	ret = igbx_vf_reset(dev, &mac);
	if (ret != 0)
		return ret;
	if (rte_is_zero_ether_addr(&mac)) {
		/* the PF assigned none: a random one, which it must accept */
		rte_eth_random_addr(mac.addr_bytes);
		ret = igbx_vf_set_mac(dev, &mac);
		if (ret != 0) {
			IGBX_INIT_LOG(ERR, "%s: PF assigned no address and refused a random one",
				      pci->device.name);
			return ret;
		}
	}
	dev->data->mac_addrs = rte_zmalloc("igbx_vf_mac", RTE_ETHER_ADDR_LEN, 0);
	if (dev->data->mac_addrs == NULL) {
		IGBX_INIT_LOG(ERR, "no memory for the VF's address");
		return -ENOMEM;
	}
	rte_ether_addr_copy(&mac, &dev->data->mac_addrs[0]);
	igbx_vf_stats_update(vf);
	memset(vf->stat_sum, 0, sizeof(vf->stat_sum));
	vf->hw_ready = true;
	igbx_vf_link_update(dev, 0);
	vf->watching = rte_eal_alarm_set(IGBX_VF_WATCH_US, igbx_vf_watch, dev) == 0;
	if (!vf->watching)
		IGBX_INIT_LOG(WARNING, "%s: no alarm: a PF reset will go unnoticed",
			      pci->device.name);
	return 0;
}

static int
igbx_vf_dev_uninit(struct rte_eth_dev *dev)
{
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	igbx_vf_dev_close(dev);
	return 0;
}

static int
igbx_vf_pci_probe(struct rte_pci_driver *drv __rte_unused, struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_probe(pci, sizeof(struct igbx_vf_adapter),
					     igbx_vf_dev_init);
}

static int
igbx_vf_pci_remove(struct rte_pci_device *pci)
{
	return rte_eth_dev_pci_generic_remove(pci, igbx_vf_dev_uninit);
}

static struct rte_pci_driver igbx_vf_pmd = {
	.id_table = igbx_vf_pci_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING,
	.probe = igbx_vf_pci_probe,
	.remove = igbx_vf_pci_remove,
};

RTE_PMD_REGISTER_PCI(net_igbx_vf, igbx_vf_pmd);
RTE_PMD_REGISTER_PCI_TABLE(net_igbx_vf, igbx_vf_pci_ids);
RTE_PMD_REGISTER_KMOD_DEP(net_igbx_vf, "* igb_uio | vfio-pci");
RTE_PMD_REGISTER_PARAM_STRING(net_igbx_vf, IGBX_VF_DEVARG_RX_PATH "=auto|scalar|sse|avx2 "
			      IGBX_VF_DEVARG_TX_PATH "=auto|scalar|sse|avx2");
