/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_rss.c - receive side scaling (RSSRK, RETA, MRQC): the port's RSS from dev_conf and the
 * reta/hash ops, and the rte_flow RSS rule that overrides it while it exists.
 *
 * Every path changes struct igbx_rss_state and then calls igbx_rss_write, the one function
 * that writes the three register sets, so what the device hashes with never depends on the
 * order in which dev_start, the ethdev ops and rte_flow ran. The pure helpers at the top do
 * no register I/O; test_igbx_filter.c checks them.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>

#include "igbx_ethdev.h"
#include "igbx_rss.h"

/* ---- pure helpers --------------------------------------------------------- */

/* 8.10 RETA: register n holds entries 4n..4n+3, entry 4n+k in byte k. */
uint32_t
igbx_reta_pack(const uint8_t entries[4])
{
	return entries[0] | (uint32_t)entries[1] << 8 |
	       (uint32_t)entries[2] << 16 | (uint32_t)entries[3] << 24;
}

void
igbx_reta_unpack(uint32_t word, uint8_t entries[4])
{
	unsigned int k;

	for (k = 0; k < 4; k++)
		entries[k] = (uint8_t)(word >> (8 * k));
}

/* 8.10.21 RSSRK: register n holds key bytes 4n..4n+3, byte 4n in bits 7:0. */
uint32_t
igbx_rss_key_pack(const uint8_t key[IGBX_RSS_KEY_SIZE], unsigned int word)
{
	return igbx_reta_pack(&key[4 * word]);
}

/*
 * Flow types and the MRQC hash field that serves them. The IPv4 (IPv6) field
 * hashes the addresses of every IPv4 (IPv6) packet the TCP/UDP fields do not
 * take, fragments included, hence the fragment and "other" types on it.
 */
static const struct {
	uint64_t flow_types;
	uint32_t mrqc_field;
} igbx_rss_fields[] = {
	{ RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 |
	  RTE_ETH_RSS_NONFRAG_IPV4_OTHER, IGBX_MRQC_RSS_IPV4 },
	{ RTE_ETH_RSS_NONFRAG_IPV4_TCP, IGBX_MRQC_RSS_TCPIPV4 },
	{ RTE_ETH_RSS_NONFRAG_IPV4_UDP, IGBX_MRQC_RSS_UDPIPV4 },
	{ RTE_ETH_RSS_IPV6 | RTE_ETH_RSS_FRAG_IPV6 |
	  RTE_ETH_RSS_NONFRAG_IPV6_OTHER, IGBX_MRQC_RSS_IPV6 },
	{ RTE_ETH_RSS_NONFRAG_IPV6_TCP, IGBX_MRQC_RSS_TCPIPV6 },
	{ RTE_ETH_RSS_NONFRAG_IPV6_UDP, IGBX_MRQC_RSS_UDPIPV6 },
	{ RTE_ETH_RSS_IPV6_EX, IGBX_MRQC_RSS_IPV6EX },
	{ RTE_ETH_RSS_IPV6_TCP_EX, IGBX_MRQC_RSS_TCPIPV6EX },
	{ RTE_ETH_RSS_IPV6_UDP_EX, IGBX_MRQC_RSS_UDPIPV6EX },
};

uint64_t
igbx_rss_offload_types(void)
{
	uint64_t all = 0;
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_rss_fields); i++)
		all |= igbx_rss_fields[i].flow_types;
	return all;
}

/* MRQC hash fields for a set of flow types (MRQE bits left to the caller). */
uint32_t
igbx_rss_hf_to_mrqc(uint64_t rss_hf)
{
	uint32_t mrqc = 0;
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_rss_fields); i++)
		if (rss_hf & igbx_rss_fields[i].flow_types)
			mrqc |= igbx_rss_fields[i].mrqc_field;
	return mrqc;
}

uint64_t
igbx_rss_mrqc_to_hf(uint32_t mrqc)
{
	uint64_t hf = 0;
	unsigned int i;

	for (i = 0; i < RTE_DIM(igbx_rss_fields); i++)
		if (mrqc & igbx_rss_fields[i].mrqc_field)
			hf |= igbx_rss_fields[i].flow_types;
	return hf;
}

/* ---- state and the one writer --------------------------------------------- */

/* The key of the RSS verification suite (Microsoft RSS specification). */
static const uint8_t igbx_rss_default_key[IGBX_RSS_KEY_SIZE] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

static struct igbx_rss_state *
igbx_rss_of(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->rss;
}

static void
igbx_reta_fill_round_robin(struct igbx_rss_state *rs, uint16_t nb_queues)
{
	unsigned int i;

	for (i = 0; i < IGBX_RETA_SIZE; i++)
		rs->reta[i] = nb_queues ? (uint8_t)(i % nb_queues) : 0;
	rs->reta_nb_queues = nb_queues;
}

/* A port table spread over another queue count than now configured is stale. */
static void
igbx_reta_fit(struct rte_eth_dev *dev)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);

	if (rs->reta_nb_queues != dev->data->nb_rx_queues)
		igbx_reta_fill_round_robin(rs, dev->data->nb_rx_queues);
}

/*
 * The port's RSS is (re)seeded from dev_conf when nothing was seeded yet or the
 * application configured a different rss_conf since; rss_hash_update and
 * reta_update then change it, and it outlives dev_stop/dev_start.
 */
static void
igbx_rss_seed(struct rte_eth_dev *dev)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);
	const struct rte_eth_conf *conf = &dev->data->dev_conf;
	const struct rte_eth_rss_conf *rc = &conf->rx_adv_conf.rss_conf;
	bool key_given = rc->rss_key != NULL && rc->rss_key_len == IGBX_RSS_KEY_SIZE;
	uint64_t hf = 0;

	if (conf->rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG)
		hf = rc->rss_hf & igbx_rss_offload_types();
	if (rs->seeded && hf == rs->conf_hf && key_given == rs->conf_key_given &&
	    (!key_given || memcmp(rc->rss_key, rs->conf_key, sizeof(rs->conf_key)) == 0))
		return;
	rs->conf_hf = hf;
	rs->conf_key_given = key_given;
	memcpy(rs->conf_key, key_given ? rc->rss_key : igbx_rss_default_key,
	       sizeof(rs->conf_key));
	memcpy(rs->key, rs->conf_key, sizeof(rs->key));
	rs->hf = hf;
	rs->seeded = true;
	igbx_reta_fill_round_robin(rs, dev->data->nb_rx_queues);
}

/*
 * The hardware from the state: the flow rule's key, table and types while the
 * rule exists, else the port's. RSSRK and RETA first, MRQC last, so the hash
 * never runs on a half-written table (8.10).
 */
static void
igbx_rss_write(struct rte_eth_dev *dev)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	const struct igbx_rss_rule *rule = &rs->rule;
	uint8_t reta[IGBX_RETA_SIZE];
	const uint8_t *key = rs->key;
	uint64_t hf = rs->hf;
	uint32_t mrqc = IGBX_MRQC_MRQE_NONE;
	unsigned int i;

	igbx_reta_fit(dev);
	memcpy(reta, rs->reta, sizeof(reta));
	if (rs->rule_active) {
		key = rule->key;
		hf = rule->types;
		for (i = 0; i < IGBX_RETA_SIZE; i++)
			reta[i] = (uint8_t)rule->queues[i % rule->nb_queues];
	}
	for (i = 0; i < IGBX_RSS_KEY_WORDS; i++)
		igbx_write(hw, IGBX_RSSRK(i), igbx_rss_key_pack(key, i));
	for (i = 0; i < IGBX_RETA_WORDS; i++)
		igbx_write(hw, IGBX_RETA(i), igbx_reta_pack(&reta[4 * i]));
	if (hf != 0)
		mrqc = IGBX_MRQC_MRQE_RSS | igbx_rss_hf_to_mrqc(hf);
	igbx_write(hw, IGBX_MRQC, mrqc);
}

void
igbx_rss_init(struct rte_eth_dev *dev)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);

	memset(rs, 0, sizeof(*rs));
	memcpy(rs->key, igbx_rss_default_key, sizeof(rs->key));
}

int
igbx_rss_configure(struct rte_eth_dev *dev)
{
	const struct rte_eth_rss_conf *rc = &dev->data->dev_conf.rx_adv_conf.rss_conf;

	if ((dev->data->dev_conf.rxmode.mq_mode & RTE_ETH_MQ_RX_RSS_FLAG) &&
	    rc->rss_key != NULL && rc->rss_key_len != IGBX_RSS_KEY_SIZE) {
		IGBX_LOG(ERR, "rss_key_len %u invalid: must be %u",
			 rc->rss_key_len, IGBX_RSS_KEY_SIZE);
		return -EINVAL;
	}
	igbx_rss_seed(dev);
	igbx_rss_write(dev);
	return 0;
}

/* igbx_flow_parse.c checked the rule: 1..16 queues, each configured. */
void
igbx_rss_rule_set(struct rte_eth_dev *dev, const struct igbx_rss_rule *rule)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);

	rs->rule = *rule;
	rs->rule_active = true;
	igbx_rss_write(dev);
}

void
igbx_rss_rule_clear(struct rte_eth_dev *dev)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);

	rs->rule_active = false;
	igbx_rss_seed(dev);
	igbx_rss_write(dev);
}

bool
igbx_rss_rule_active(struct rte_eth_dev *dev)
{
	return igbx_rss_of(dev)->rule_active;
}

const uint8_t *
igbx_rss_port_key(struct rte_eth_dev *dev)
{
	return igbx_rss_of(dev)->key;
}

/* ---- ethdev ops: the port's RSS (a flow rule keeps the hardware meanwhile) -- */

int
igbx_rss_hash_update(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);
	uint64_t allowed = igbx_rss_offload_types();

	if (rss_conf->rss_key != NULL && rss_conf->rss_key_len != IGBX_RSS_KEY_SIZE) {
		IGBX_LOG(ERR, "rss_key_len %u invalid: must be %u (or key NULL)",
			 rss_conf->rss_key_len, IGBX_RSS_KEY_SIZE);
		return -EINVAL;
	}
	if (rss_conf->rss_hf & ~allowed) {
		IGBX_LOG(ERR, "rss_hf 0x%" PRIx64 " invalid: allowed subset of 0x%"
			 PRIx64, rss_conf->rss_hf, allowed);
		return -EINVAL;
	}
	igbx_rss_seed(dev);
	if (rss_conf->rss_key != NULL)
		memcpy(rs->key, rss_conf->rss_key, sizeof(rs->key));
	rs->hf = rss_conf->rss_hf;
	igbx_rss_write(dev);
	return 0;
}

int
igbx_rss_hash_conf_get(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);

	if (rss_conf->rss_key != NULL && rss_conf->rss_key_len != 0 &&
	    rss_conf->rss_key_len < IGBX_RSS_KEY_SIZE) {
		IGBX_LOG(ERR, "rss_key_len %u invalid: at least %u",
			 rss_conf->rss_key_len, IGBX_RSS_KEY_SIZE);
		return -EINVAL;
	}
	igbx_rss_seed(dev);
	if (rss_conf->rss_key != NULL) {
		memcpy(rss_conf->rss_key, rs->key, sizeof(rs->key));
		rss_conf->rss_key_len = IGBX_RSS_KEY_SIZE;
	}
	rss_conf->rss_hf = rs->hf;
	return 0;
}

static int
igbx_reta_check_size(uint16_t reta_size)
{
	if (reta_size == IGBX_RETA_SIZE)
		return 0;
	IGBX_LOG(ERR, "reta_size %u invalid: must be %u", reta_size, IGBX_RETA_SIZE);
	return -EINVAL;
}

static inline bool
igbx_reta_selected(const struct rte_eth_rss_reta_entry64 *conf, unsigned int i)
{
	return (conf[i / RTE_ETH_RETA_GROUP_SIZE].mask >>
		(i % RTE_ETH_RETA_GROUP_SIZE)) & 1;
}

static inline uint16_t
igbx_reta_conf_entry(const struct rte_eth_rss_reta_entry64 *conf, unsigned int i)
{
	return conf[i / RTE_ETH_RETA_GROUP_SIZE].reta[i % RTE_ETH_RETA_GROUP_SIZE];
}

int
igbx_reta_update(struct rte_eth_dev *dev,
		 struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);
	uint16_t nb_rxq = dev->data->nb_rx_queues;
	unsigned int i;
	int ret;

	ret = igbx_reta_check_size(reta_size);
	if (ret != 0)
		return ret;
	for (i = 0; i < IGBX_RETA_SIZE; i++) {
		if (!igbx_reta_selected(reta_conf, i) ||
		    igbx_reta_conf_entry(reta_conf, i) < nb_rxq)
			continue;
		IGBX_LOG(ERR, "reta[%u] %u invalid: queues are 0..%d", i,
			 igbx_reta_conf_entry(reta_conf, i), (int)nb_rxq - 1);
		return -EINVAL;
	}
	igbx_rss_seed(dev);
	igbx_reta_fit(dev);
	for (i = 0; i < IGBX_RETA_SIZE; i++)
		if (igbx_reta_selected(reta_conf, i))
			rs->reta[i] = (uint8_t)igbx_reta_conf_entry(reta_conf, i);
	igbx_rss_write(dev);
	return 0;
}

int
igbx_reta_query(struct rte_eth_dev *dev,
		struct rte_eth_rss_reta_entry64 *reta_conf, uint16_t reta_size)
{
	struct igbx_rss_state *rs = igbx_rss_of(dev);
	unsigned int i;
	int ret;

	ret = igbx_reta_check_size(reta_size);
	if (ret != 0)
		return ret;
	igbx_rss_seed(dev);
	igbx_reta_fit(dev);
	for (i = 0; i < IGBX_RETA_SIZE; i++)
		if (igbx_reta_selected(reta_conf, i))
			reta_conf[i / RTE_ETH_RETA_GROUP_SIZE]
				.reta[i % RTE_ETH_RETA_GROUP_SIZE] = rs->reta[i];
	return 0;
}
