/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_filter.h - receive filtering of the 82576 (RAR, MTA, VFTA, VLAN, flow
 * control): the software shadow kept in the adapter and the ethdev ops.
 *
 * Multicast list policy: set_mc_addr_list hashes up to IGBX_MC_ADDR_MAX
 * addresses into the MTA (datasheet 7.1.1.2). A longer list would fill most of
 * the table anyway, so up to IGBX_MC_ADDR_LIMIT the port falls back to
 * multicast promiscuous (RCTL.MPE) - a superset, never a lost frame. A list
 * longer than the MTA has buckets (4096) is refused with -EINVAL, as is any
 * address that is not multicast.
 */
#ifndef IGBX_FILTER_H
#define IGBX_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ether.h>
#include <rte_ethdev.h>
#include <ethdev_driver.h>

#include "igbx_regs.h"

/* Multicast addresses hashed exactly; above this RCTL.MPE is used instead. */
#define IGBX_MC_ADDR_MAX		512
/* Longest list accepted at all: one address per MTA bucket. */
#define IGBX_MC_ADDR_LIMIT		4096

/* Software copy of every filter setting, reprogrammed by igbx_filter_restore. */
struct igbx_filter_state {
	struct rte_ether_addr rar[IGBX_RAR_ENTRIES];
	uint32_t rar_in_use;			/* bit i: RAR[i] valid */
	uint32_t mta[IGBX_MTA_WORDS];
	uint32_t vfta[IGBX_VFTA_WORDS];
	uint32_t nb_mc_addr;			/* last set_mc_addr_list size */
	bool mc_overflow;			/* list > IGBX_MC_ADDR_MAX: MPE */
	bool promisc;
	bool allmulti;
	uint16_t tpid_outer;			/* VET.VET_EXT */
	uint16_t tpid_inner;			/* VET.VET */
	bool extend_by_qinq;			/* VLAN_EXTEND on for QINQ_STRIP */
	/* Flow control as last set (or the defaults from igbx_filter_init). */
	struct rte_eth_fc_conf fc;
};

/* Pure helpers: no register access, unit tested. */
uint16_t igbx_mta_hash_index(const struct rte_ether_addr *a, unsigned int mo);
void igbx_mta_hash_set(uint32_t *mta, uint16_t hash);
void igbx_rar_encode(const struct rte_ether_addr *a, uint32_t *ral, uint32_t *rah);
unsigned int igbx_vfta_index(uint16_t vlan_id);
uint32_t igbx_vfta_bit(uint16_t vlan_id);

/* ethdev ops (signatures of struct eth_dev_ops). */
int igbx_promiscuous_enable(struct rte_eth_dev *dev);
int igbx_promiscuous_disable(struct rte_eth_dev *dev);
int igbx_allmulticast_enable(struct rte_eth_dev *dev);
int igbx_allmulticast_disable(struct rte_eth_dev *dev);
int igbx_mac_addr_add(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr,
		      uint32_t index, uint32_t vmdq);
void igbx_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index);
int igbx_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr);
int igbx_set_mc_addr_list(struct rte_eth_dev *dev,
			  struct rte_ether_addr *mc_addr_set, uint32_t nb_mc_addr);
int igbx_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
int igbx_vlan_offload_set(struct rte_eth_dev *dev, int mask);
int igbx_qinq_extend_sync(struct rte_eth_dev *dev);
int igbx_vlan_tpid_set(struct rte_eth_dev *dev, enum rte_vlan_type type,
		       uint16_t tpid);
int igbx_flow_ctrl_get(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf);
int igbx_flow_ctrl_set(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf);
/* Link came up: apply the autonegotiated pause directions (fc.autoneg on). */
void igbx_flow_ctrl_refresh(struct rte_eth_dev *dev);
/* igbx_fc.c, for igbx_filter_init/restore: the probe defaults (from the
 * packet buffer size) and writing the current settings to the device. */
void igbx_fc_defaults(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc);
void igbx_fc_apply(struct rte_eth_dev *dev);

/* Probe: software defaults, RAR0 = permanent MAC (hw->mac_perm). */
void igbx_filter_init(struct rte_eth_dev *dev);
/* After reset / at dev_start: RAR, MTA, VFTA, RCTL filter bits, VLAN, FC. */
int igbx_filter_restore(struct rte_eth_dev *dev);

#endif /* IGBX_FILTER_H */
