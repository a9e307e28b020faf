/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_filter.h - receive filtering of the 82576 (RAR, MTA, VFTA, VLAN, RSS,
 * flow control): the software shadow kept in the adapter and the ethdev ops.
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

/* Table sizes of the 82576 filters (datasheet 8.10, 8.11). */
#define IGBX_FILTER_RAR_ENTRIES		24
#define IGBX_FILTER_MTA_WORDS		128
#define IGBX_FILTER_VFTA_WORDS		128
#define IGBX_FILTER_RETA_SIZE		128
#define IGBX_FILTER_RETA_WORDS		32
#define IGBX_FILTER_RSS_KEY_SIZE	40
#define IGBX_FILTER_RSS_KEY_WORDS	10
/* Multicast addresses hashed exactly; above this RCTL.MPE is used instead. */
#define IGBX_MC_ADDR_MAX		512
/* Longest list accepted at all: one address per MTA bucket. */
#define IGBX_MC_ADDR_LIMIT		4096

/* Software copy of every filter setting, reprogrammed by igbx_filter_restore. */
struct igbx_filter_state {
	struct rte_ether_addr rar[IGBX_FILTER_RAR_ENTRIES];
	uint32_t rar_in_use;			/* bit i: RAR[i] valid */
	uint32_t mta[IGBX_FILTER_MTA_WORDS];
	uint32_t vfta[IGBX_FILTER_VFTA_WORDS];
	uint32_t nb_mc_addr;			/* last set_mc_addr_list size */
	bool mc_overflow;			/* list > IGBX_MC_ADDR_MAX: MPE */
	bool promisc;
	bool allmulti;
	uint16_t tpid_outer;			/* VET.VET_EXT */
	uint16_t tpid_inner;			/* VET.VET */
	bool extend_by_qinq;			/* VLAN_EXTEND on for QINQ_STRIP */
	/* RSS: what is programmed, and the dev_conf it was seeded from. */
	uint8_t rss_key[IGBX_FILTER_RSS_KEY_SIZE];
	uint64_t rss_hf;
	uint8_t conf_key[IGBX_FILTER_RSS_KEY_SIZE];
	uint64_t conf_hf;
	bool conf_key_given;
	bool rss_seeded;
	uint8_t reta[IGBX_FILTER_RETA_SIZE];
	uint16_t reta_nb_queues;		/* RETA valid for this queue count */
	/* Flow control as last set (or the defaults from igbx_filter_init). */
	struct rte_eth_fc_conf fc;
};

/* Pure helpers: no register access, unit tested. */
uint16_t igbx_mta_hash_index(const struct rte_ether_addr *a, unsigned int mo);
void igbx_mta_hash_set(uint32_t *mta, uint16_t hash);
void igbx_rar_encode(const struct rte_ether_addr *a, uint32_t *ral, uint32_t *rah);
uint32_t igbx_reta_pack(const uint8_t entries[4]);
void igbx_reta_unpack(uint32_t word, uint8_t entries[4]);
uint32_t igbx_rss_key_pack(const uint8_t key[IGBX_FILTER_RSS_KEY_SIZE],
			   unsigned int word);
unsigned int igbx_vfta_index(uint16_t vlan_id);
uint32_t igbx_vfta_bit(uint16_t vlan_id);
uint32_t igbx_rss_hf_to_mrqc(uint64_t rss_hf);
uint64_t igbx_rss_mrqc_to_hf(uint32_t mrqc);
uint64_t igbx_rss_offload_types(void);

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
int igbx_rss_hash_update(struct rte_eth_dev *dev,
			 struct rte_eth_rss_conf *rss_conf);
int igbx_rss_hash_conf_get(struct rte_eth_dev *dev,
			   struct rte_eth_rss_conf *rss_conf);
int igbx_reta_update(struct rte_eth_dev *dev,
		     struct rte_eth_rss_reta_entry64 *reta_conf,
		     uint16_t reta_size);
int igbx_reta_query(struct rte_eth_dev *dev,
		    struct rte_eth_rss_reta_entry64 *reta_conf,
		    uint16_t reta_size);
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
/* At dev_start: MRQC, RSSRK, RETA from dev_conf (or later updates). */
int igbx_rss_configure(struct rte_eth_dev *dev);

#endif /* IGBX_FILTER_H */
