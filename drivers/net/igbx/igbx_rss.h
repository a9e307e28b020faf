/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rss.h: receive side scaling of the 82576 (MRQC, RSSRK, RETA): the port's configuration,
 * the one rte_flow RSS rule that overrides it while it exists, and the ethdev ops. */
#ifndef IGBX_RSS_H
#define IGBX_RSS_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <ethdev_driver.h>

#include "igbx_regs.h"

/* What an rte_flow RSS action asks for (igbx_flow_parse.c fills it). */
struct igbx_rss_rule {
	uint64_t types;			/* RTE_ETH_RSS_* */
	uint8_t key[IGBX_RSS_KEY_SIZE];
	uint16_t queues[IGBX_MAX_RX_QUEUES];
	uint16_t nb_queues;
};

/*
 * The device has one hash and one table, so this is the only owner of MRQC,
 * RSSRK and RETA: the registers always show the flow rule if there is one,
 * else the port's configuration, whatever order the ops were called in.
 */
struct igbx_rss_state {
	/* The port's RSS: seeded from dev_conf, then rss_hash_update/reta_update. */
	uint8_t key[IGBX_RSS_KEY_SIZE];
	uint64_t hf;
	uint8_t reta[IGBX_RETA_SIZE];
	uint16_t reta_nb_queues;	/* reta valid for this queue count */
	/* The dev_conf rss_conf the port's RSS was seeded from. */
	uint8_t conf_key[IGBX_RSS_KEY_SIZE];
	uint64_t conf_hf;
	bool conf_key_given;
	bool seeded;
	/* The rte_flow RSS rule, which holds the hardware while it exists. */
	bool rule_active;
	struct igbx_rss_rule rule;
};

/* Pure helpers: no register access, unit tested. */
uint32_t igbx_reta_pack(const uint8_t entries[4]);
void igbx_reta_unpack(uint32_t word, uint8_t entries[4]);
uint32_t igbx_rss_key_pack(const uint8_t key[IGBX_RSS_KEY_SIZE], unsigned int word);
uint32_t igbx_rss_hf_to_mrqc(uint64_t rss_hf);
uint64_t igbx_rss_mrqc_to_hf(uint32_t mrqc);
uint64_t igbx_rss_offload_types(void);

/* Probe: the default key, no rule. */
void igbx_rss_init(struct rte_eth_dev *dev);
/* dev_start, after the reset: validate dev_conf's rss_conf, program the hardware. */
int igbx_rss_configure(struct rte_eth_dev *dev);
/* igbx_flow.c: the RSS rule takes the hardware / gives it back to the port. */
void igbx_rss_rule_set(struct rte_eth_dev *dev, const struct igbx_rss_rule *rule);
void igbx_rss_rule_clear(struct rte_eth_dev *dev);
bool igbx_rss_rule_active(struct rte_eth_dev *dev);
/* The key a rule without its own key hashes with: the port's. */
const uint8_t *igbx_rss_port_key(struct rte_eth_dev *dev);

/* ethdev ops (signatures of struct eth_dev_ops). */
int igbx_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf);
int igbx_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf);
int igbx_reta_update(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta_conf,
		     uint16_t reta_size);
int igbx_reta_query(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta_conf,
		    uint16_t reta_size);

#endif /* IGBX_RSS_H */
