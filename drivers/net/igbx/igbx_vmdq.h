/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_vmdq.h: VMDq pools (datasheet 7.10.3): the VMDq-only receive mode of
 * the ethdev API, and the pool helpers an SR-IOV PF host shares with it. */
#ifndef IGBX_VMDQ_H
#define IGBX_VMDQ_H

#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>

#include "igbx_hw.h"
#include "igbx_regs.h"

/* The pools each receive address entry feeds (RAH.POOLSEL), kept so that a
 * rewrite of the entry and a device reset do not lose them. */
struct igbx_vmdq_state {
	uint8_t rar_pools[IGBX_RAR_ENTRIES];
};

/* ---- pool helpers: register I/O only, arguments already checked --------- */

/* VLVF: adds (on) or removes the pools of pool_mask from VLAN vid's entry,
 * taking a free entry for a new VLAN and freeing one left without pools.
 * 0, or -ENOSPC when all 32 entries hold other VLANs. */
int igbx_vmdq_pool_vlan(struct igbx_hw *hw, uint16_t vid, uint8_t pool_mask,
			bool on);
/* The pools VLAN vid's VLVF entry names, 0 when it has none. */
uint8_t igbx_vmdq_vlan_pools(struct igbx_hw *hw, uint16_t vid);
/* VMOLR of pool: sets the bits in set, then clears those in clear
 * (IGBX_VMOLR_AUPE, _ROMPE, _ROPE, _BAM, _MPME, _STRVLAN). */
void igbx_vmdq_pool_rx_mode(struct igbx_hw *hw, unsigned int pool,
			    uint32_t set, uint32_t clear);
/* VMOLR.LPE/RLPML of pool: frames up to frame bytes (FCS included). */
void igbx_vmdq_pool_frame_limit(struct igbx_hw *hw, unsigned int pool,
				uint32_t frame);
/* VMVIR of pool: 0 the descriptor decides, IGBX_VMVIR_VLANA_DEFAULT always
 * insert tci, IGBX_VMVIR_VLANA_NEVER never insert. */
void igbx_vmdq_pool_vlan_insert(struct igbx_hw *hw, unsigned int pool,
				uint32_t vlana, uint16_t tci);
/* RAH.POOLSEL of receive address entry index := pools. */
void igbx_vmdq_rar_pools(struct igbx_hw *hw, unsigned int index,
			 uint8_t pools);

/* ---- the ethdev side (igbx_ethdev.c, igbx_filter.c) ----------------------- */

/* dev_configure: checks rx_adv_conf.vmdq_rx_conf when mq_mode is
 * VMDQ_ONLY; 0 or -EINVAL with one log line. */
int igbx_vmdq_check_conf(const struct rte_eth_dev *dev);
/* dev_infos_get: 8 pools of one queue each, queue n for pool n. */
void igbx_vmdq_info(struct rte_eth_dev_info *info);
/* dev_start, after the filters and RSS: VT_CTL, VMOLR, VLVF, MRQC.MRQE,
 * the pools of the receive addresses. Nothing outside VMDQ_ONLY. */
void igbx_vmdq_start(struct rte_eth_dev *dev);
/* mac_addr_add: pool checked against the mode; -EINVAL with a log line. */
int igbx_vmdq_check_pool(const struct rte_eth_dev *dev, uint32_t pool);
/* mac_addr_add / remove: entry index now feeds pool too (add), or nothing. */
void igbx_vmdq_rar_add_pool(struct rte_eth_dev *dev, unsigned int index,
			    uint32_t pool);
void igbx_vmdq_rar_forget(struct rte_eth_dev *dev, unsigned int index);
/* The port's frame limit changed: every pool's VMOLR follows in VMDq mode. */
void igbx_vmdq_set_frame_limit(struct rte_eth_dev *dev, uint32_t frame);

#endif /* IGBX_VMDQ_H */
