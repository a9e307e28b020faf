/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_vmdq.c - VMDq pools (datasheet 7.10.3): the pool helpers (VLVF, VMOLR,
 * VMVIR, RAH.POOLSEL) and, on top of them, the VMDq-only receive mode of the
 * ethdev API (RTE_ETH_MQ_RX_VMDQ_ONLY: 8 pools, pool n on queue n).
 */
#include <errno.h>

#include "igbx_ethdev.h"
#include "igbx_vmdq.h"

#define IGBX_VMDQ_ALL_POOLS	((1u << IGBX_VMDQ_POOLS) - 1u)
#define IGBX_VMDQ_VLAN_ID_MAX	4095u
#define IGBX_STD_FRAME_TAGGED	1522u	/* 8.10: VMOLR.LPE clear takes these */

/* ---- pool helpers ----------------------------------------------------------- */

static int
igbx_vlvf_find(struct igbx_hw *hw, uint16_t vid, int *free_slot)
{
	unsigned int i;

	*free_slot = -1;
	for (i = 0; i < IGBX_VLVF_ENTRIES; i++) {
		uint32_t v = igbx_read(hw, IGBX_VLVF(i));

		if (!(v & IGBX_VLVF_VI_EN)) {
			if (*free_slot < 0)
				*free_slot = (int)i;
			continue;
		}
		if ((v & IGBX_VLVF_VLANID_MASK) == vid)
			return (int)i;
	}
	return -1;
}

int
igbx_vmdq_pool_vlan(struct igbx_hw *hw, uint16_t vid, uint8_t pool_mask, bool on)
{
	int free_slot, i = igbx_vlvf_find(hw, vid, &free_slot);
	uint32_t pools = 0;

	if (i >= 0)
		pools = (igbx_read(hw, IGBX_VLVF(i)) & IGBX_VLVF_POOLSEL_MASK) >>
			IGBX_VLVF_POOLSEL_SHIFT;
	else if (!on)
		return 0;		/* nothing to remove */
	else if (free_slot < 0)
		return -ENOSPC;
	else
		i = free_slot;
	pools = on ? pools | pool_mask : pools & ~(uint32_t)pool_mask;
	/* an entry without pools is freed: the VLAN then selects nothing */
	igbx_write(hw, IGBX_VLVF(i), pools == 0 ? 0 :
		   IGBX_VLVF_VI_EN | pools << IGBX_VLVF_POOLSEL_SHIFT |
		   (vid & IGBX_VLVF_VLANID_MASK));
	return 0;
}

uint8_t
igbx_vmdq_vlan_pools(struct igbx_hw *hw, uint16_t vid)
{
	int free_slot, i = igbx_vlvf_find(hw, vid, &free_slot);

	if (i < 0)
		return 0;
	return (uint8_t)((igbx_read(hw, IGBX_VLVF(i)) & IGBX_VLVF_POOLSEL_MASK) >>
			 IGBX_VLVF_POOLSEL_SHIFT);
}

void
igbx_vmdq_pool_rx_mode(struct igbx_hw *hw, unsigned int pool, uint32_t set,
		       uint32_t clear)
{
	uint32_t v = igbx_read(hw, IGBX_VMOLR(pool));

	igbx_write(hw, IGBX_VMOLR(pool), (v | set) & ~clear);
}

/* 8.10 VMOLR: without LPE a pool takes standard frames (1522 with a tag). */
void
igbx_vmdq_pool_frame_limit(struct igbx_hw *hw, unsigned int pool, uint32_t frame)
{
	uint32_t v = igbx_read(hw, IGBX_VMOLR(pool)) &
		     ~(IGBX_VMOLR_LPE | IGBX_VMOLR_RLPML_MASK);

	if (frame > IGBX_STD_FRAME_TAGGED)
		v |= IGBX_VMOLR_LPE | (frame & IGBX_VMOLR_RLPML_MASK);
	igbx_write(hw, IGBX_VMOLR(pool), v);
}

void
igbx_vmdq_pool_vlan_insert(struct igbx_hw *hw, unsigned int pool, uint32_t vlana,
			   uint16_t tci)
{
	igbx_write(hw, IGBX_VMVIR(pool), vlana == 0 ? 0 : vlana | tci);
}

void
igbx_vmdq_rar_pools(struct igbx_hw *hw, unsigned int index, uint8_t pools)
{
	uint32_t rah = igbx_read(hw, IGBX_RAH(index)) & ~IGBX_RAH_POOLSEL_MASK;

	igbx_write(hw, IGBX_RAH(index),
		   rah | (uint32_t)pools << IGBX_RAH_POOLSEL_SHIFT);
}

/* ---- VMDq-only receive: checks ------------------------------------------------ */

static bool
igbx_vmdq_on(const struct rte_eth_dev *dev)
{
	return dev->data->dev_conf.rxmode.mq_mode == RTE_ETH_MQ_RX_VMDQ_ONLY;
}

static int
igbx_vmdq_check_maps(const struct rte_eth_vmdq_rx_conf *c)
{
	uint8_t i;

	if (c->nb_pool_maps > IGBX_VLVF_ENTRIES) {
		IGBX_LOG(ERR, "vmdq_rx_conf.nb_pool_maps %u: allowed 0..%u (VLVF entries)",
			 c->nb_pool_maps, IGBX_VLVF_ENTRIES);
		return -EINVAL;
	}
	for (i = 0; i < c->nb_pool_maps; i++) {
		uint16_t vid = c->pool_map[i].vlan_id;
		uint64_t pools = c->pool_map[i].pools;

		if (vid > IGBX_VMDQ_VLAN_ID_MAX) {
			IGBX_LOG(ERR, "vmdq_rx_conf.pool_map[%u].vlan_id %u: allowed 0..%u",
				 i, vid, IGBX_VMDQ_VLAN_ID_MAX);
			return -EINVAL;
		}
		if (pools == 0 || (pools & ~(uint64_t)IGBX_VMDQ_ALL_POOLS)) {
			IGBX_LOG(ERR, "vmdq_rx_conf.pool_map[%u].pools 0x%" PRIx64
				 ": allowed a non-empty subset of 0x%x (8 pools)",
				 i, pools, IGBX_VMDQ_ALL_POOLS);
			return -EINVAL;
		}
	}
	return 0;
}

int
igbx_vmdq_check_conf(const struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;
	const struct rte_eth_vmdq_rx_conf *c = &conf->rx_adv_conf.vmdq_rx_conf;

	if (!igbx_vmdq_on(dev))
		return 0;
	if (c->nb_queue_pools != RTE_ETH_8_POOLS) {
		IGBX_LOG(ERR, "vmdq_rx_conf.nb_queue_pools %d: allowed %d (the 82576 has 8 pools)",
			 c->nb_queue_pools, RTE_ETH_8_POOLS);
		return -EINVAL;
	}
	if (c->enable_default_pool && c->default_pool >= IGBX_VMDQ_POOLS) {
		IGBX_LOG(ERR, "vmdq_rx_conf.default_pool %u: allowed 0..%u",
			 c->default_pool, IGBX_VMDQ_POOLS - 1);
		return -EINVAL;
	}
	/* rx_mode bits other than the five VMOLR has are ignored, and queues
	 * 8-15 may be set up (DPDK's vmdq example sets up max_rx_queues) but
	 * receive nothing: only pool n's first queue, n, is used
	 */
	return igbx_vmdq_check_maps(c);
}

int
igbx_vmdq_check_pool(const struct rte_eth_dev *dev, uint32_t pool)
{
	if (pool == 0 || (igbx_vmdq_on(dev) && pool < IGBX_VMDQ_POOLS))
		return 0;
	if (igbx_vmdq_on(dev))
		IGBX_LOG(ERR, "pool %u invalid: allowed 0..%u", pool, IGBX_VMDQ_POOLS - 1);
	else
		IGBX_LOG(ERR, "pool %u invalid: only pool 0 without VMDq (mq_mode VMDQ_ONLY)",
			 pool);
	return -EINVAL;
}

void
igbx_vmdq_info(struct rte_eth_dev_info *info)
{
	/* 7.10.3: in VMDq mode pool n receives on queue n */
	info->max_vmdq_pools = RTE_ETH_8_POOLS;
	info->vmdq_queue_base = 0;
	info->vmdq_queue_num = IGBX_VMDQ_POOLS;
	info->vmdq_pool_base = 0;
}

/* ---- VMDq-only receive: the registers at start ---------------------------------- */

static uint32_t
igbx_vmdq_vmolr_bits(uint32_t rx_mode)
{
	uint32_t v = 0;

	if (rx_mode & RTE_ETH_VMDQ_ACCEPT_UNTAG)
		v |= IGBX_VMOLR_AUPE;
	if (rx_mode & RTE_ETH_VMDQ_ACCEPT_HASH_MC)
		v |= IGBX_VMOLR_ROMPE;
	if (rx_mode & RTE_ETH_VMDQ_ACCEPT_HASH_UC)
		v |= IGBX_VMOLR_ROPE;
	if (rx_mode & RTE_ETH_VMDQ_ACCEPT_BROADCAST)
		v |= IGBX_VMOLR_BAM;
	if (rx_mode & RTE_ETH_VMDQ_ACCEPT_MULTICAST)
		v |= IGBX_VMOLR_MPME;
	return v;
}

void
igbx_vmdq_set_frame_limit(struct rte_eth_dev *dev, uint32_t frame)
{
	unsigned int pool;

	if (!igbx_vmdq_on(dev))
		return;
	for (pool = 0; pool < IGBX_VMDQ_POOLS; pool++)
		igbx_vmdq_pool_frame_limit(IGBX_DEV_HW(dev), pool, frame);
}

/*
 * Replication on (7.10.3): a frame goes to every pool that takes its
 * address (a broadcast to all pools with BAM) and its VLAN (VLVF for a tagged
 * frame, VMOLR.AUPE for an untagged one). The port's own address (RAR 0)
 * belongs to every pool, so its VLAN alone picks the pools; an address added
 * with a pool belongs to that pool. What no pool takes goes to the default
 * pool, or is dropped without one.
 */
void
igbx_vmdq_start(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;
	const struct rte_eth_vmdq_rx_conf *c = &conf->rx_adv_conf.vmdq_rx_conf;
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_hw *hw = &ad->hw;
	uint32_t vmolr = igbx_vmdq_vmolr_bits(c->rx_mode), vt_ctl;
	unsigned int i;

	if (!igbx_vmdq_on(dev))
		return;
	if (conf->rxmode.offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP)
		vmolr |= IGBX_VMOLR_STRVLAN;
	for (i = 0; i < IGBX_VMDQ_POOLS; i++) {
		igbx_write(hw, IGBX_VMOLR(i), vmolr);
		igbx_vmdq_pool_frame_limit(hw, i, igbx_mtu_to_frame(conf->rxmode.offloads,
								     dev->data->mtu));
	}
	for (i = 0; i < IGBX_VLVF_ENTRIES; i++)
		igbx_write(hw, IGBX_VLVF(i), 0);
	for (i = 0; i < c->nb_pool_maps; i++)
		igbx_vmdq_pool_vlan(hw, c->pool_map[i].vlan_id,
				    (uint8_t)c->pool_map[i].pools, true);
	ad->vmdq.rar_pools[0] = IGBX_VMDQ_ALL_POOLS;
	for (i = 0; i < IGBX_RAR_ENTRIES; i++)
		if (ad->vmdq.rar_pools[i] != 0)
			igbx_vmdq_rar_pools(hw, i, ad->vmdq.rar_pools[i]);
	/* VFRE/VFTE gate the pools in IOV mode; without VFs all are open */
	igbx_write(hw, IGBX_VFRE, IGBX_VMDQ_ALL_POOLS);
	igbx_write(hw, IGBX_VFTE, IGBX_VMDQ_ALL_POOLS);
	vt_ctl = IGBX_VT_CTL_VM_REPL_EN;
	if (c->enable_default_pool)
		vt_ctl |= (uint32_t)c->default_pool << IGBX_VT_CTL_DEF_PL_SHIFT;
	else
		vt_ctl |= IGBX_VT_CTL_DIS_DEF_PL;
	igbx_write(hw, IGBX_VT_CTL, vt_ctl);
	/* MRQC last: the pools are ready when selection starts */
	igbx_write(hw, IGBX_MRQC, IGBX_MRQC_MRQE_VMDQ);
}

void
igbx_vmdq_rar_add_pool(struct rte_eth_dev *dev, unsigned int index, uint32_t pool)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);

	if (!igbx_vmdq_on(dev))
		return;
	if (index == 0)
		ad->vmdq.rar_pools[0] = IGBX_VMDQ_ALL_POOLS;
	else
		ad->vmdq.rar_pools[index] |= (uint8_t)(1u << pool);
	igbx_vmdq_rar_pools(&ad->hw, index, ad->vmdq.rar_pools[index]);
}

void
igbx_vmdq_rar_forget(struct rte_eth_dev *dev, unsigned int index)
{
	IGBX_DEV_ADAPTER(dev)->vmdq.rar_pools[index] = 0;
}
