/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_flow.c: rte_flow ops for the 82576: the filter slots a parsed rule takes, their
 * registers (7.1.2: ethertype, SYN, 5-tuple, RSS), and the rule list kept across dev_stop. */
#include <string.h>

#include <rte_flow.h>
#include <rte_flow_driver.h>
#include <rte_malloc.h>

#include "igbx_ethdev.h"
#include "igbx_flow.h"

struct rte_flow {
	TAILQ_ENTRY(rte_flow) next;
	struct igbx_flow_rule rule;
	unsigned int slot;		/* filter index (5-tuple, ETQF) */
};

static inline struct igbx_flow_state *
igbx_flow_of(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->flow;
}

/* ---- filter slots ----------------------------------------------------------- */

static bool
igbx_ntuple_same(const struct igbx_ntuple_rule *a, const struct igbx_ntuple_rule *b)
{
	uint8_t c = a->compare;

	return c == b->compare &&
	       (!(c & IGBX_NTUPLE_CMP_PROTO) || a->proto == b->proto) &&
	       (!(c & IGBX_NTUPLE_CMP_SRC_IP) || a->src_ip == b->src_ip) &&
	       (!(c & IGBX_NTUPLE_CMP_DST_IP) || a->dst_ip == b->dst_ip) &&
	       (!(c & IGBX_NTUPLE_CMP_SRC_PORT) || a->src_port == b->src_port) &&
	       (!(c & IGBX_NTUPLE_CMP_DST_PORT) || a->dst_port == b->dst_port);
}

static int
igbx_free_slot(uint8_t used, unsigned int nb, bool from_top)
{
	unsigned int i;

	for (i = 0; i < nb; i++) {
		unsigned int n = from_top ? nb - 1 - i : i;

		if (!(used & (1u << n)))
			return (int)n;
	}
	return -ENOSPC;
}

static int
igbx_etqf_find(const struct igbx_flow_state *fs, uint16_t type, bool from_top)
{
	unsigned int n;

	for (n = 0; n < IGBX_ETYPE_FILTERS; n++)
		if ((fs->etqf_used & (1u << n)) && fs->etqf_type[n] == type)
			return -EEXIST;
	return igbx_free_slot(fs->etqf_used, IGBX_ETYPE_FILTERS, from_top);
}

static int
igbx_ntuple_find(const struct igbx_flow_state *fs, const struct igbx_flow_rule *rule,
		 struct rte_flow_error *error)
{
	const struct rte_flow *f;
	int slot;

	/* the same match at another priority is a rule of its own: of the filters
	 * a frame matches, the highest IMIR.Priority wins (7.1.2); at the same
	 * priority the lower index would, and the new rule could never apply */
	TAILQ_FOREACH(f, &fs->flows, next)
		if (f->rule.kind == IGBX_FLOW_NTUPLE &&
		    f->rule.ntuple.priority == rule->ntuple.priority &&
		    igbx_ntuple_same(&f->rule.ntuple, &rule->ntuple))
			return rte_flow_error_set(error, EEXIST, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
						  "a 5-tuple rule with the same match and priority exists");
	slot = igbx_free_slot(fs->ntuple_used, IGBX_NTUPLE_FILTERS, false);
	if (slot < 0)
		return rte_flow_error_set(error, ENOSPC, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
					  "all 8 5-tuple filters are in use");
	return slot;
}

/* The filter a new rule would take: its index (0 for single filters) or -errno. */
static int
igbx_flow_find_slot(struct rte_eth_dev *dev, const struct igbx_flow_rule *rule,
		    struct rte_flow_error *error)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	int slot;

	switch (rule->kind) {
	case IGBX_FLOW_NTUPLE:
		return igbx_ntuple_find(fs, rule, error);
	case IGBX_FLOW_ETHERTYPE:
		slot = igbx_etqf_find(fs, rule->ether_type, false);
		if (slot == -EEXIST)
			return rte_flow_error_set(error, EEXIST, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
						  "that ethertype already has a filter (rule or IEEE 1588)");
		if (slot < 0)
			return rte_flow_error_set(error, ENOSPC, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
						  "all 8 ethertype filters are in use");
		return slot;
	case IGBX_FLOW_TCP_SYN:
		if (fs->syn_used)
			return rte_flow_error_set(error, ENOSPC, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
						  "the one TCP SYN filter is in use");
		return 0;
	default:
		if (igbx_rss_rule_active(dev))
			return rte_flow_error_set(error, ENOSPC, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
						  "an RSS rule exists already (one RSS table)");
		return 0;
	}
}

static void
igbx_flow_mark(struct igbx_flow_state *fs, const struct rte_flow *f, bool used)
{
	switch (f->rule.kind) {
	case IGBX_FLOW_NTUPLE:
		if (used)
			fs->ntuple_used |= 1u << f->slot;
		else
			fs->ntuple_used &= ~(1u << f->slot);
		break;
	case IGBX_FLOW_ETHERTYPE:
		if (used) {
			fs->etqf_used |= 1u << f->slot;
			fs->etqf_type[f->slot] = f->rule.ether_type;
		} else {
			fs->etqf_used &= ~(1u << f->slot);
		}
		break;
	case IGBX_FLOW_TCP_SYN:
		fs->syn_used = used;
		break;
	default:
		break;		/* igbx_rss.c holds the RSS rule */
	}
}

/* ---- hardware ----------------------------------------------------------------- */

/*
 * 7.1.2: a 5-tuple filter is FTQF, SAQF, DAQF, SPQF, IMIR and IMIREXT of one index.
 * The addresses and ports are compared with the frame's bytes, so the registers hold
 * them in network order (first byte on the wire in bits 7:0). FTQF goes last: its
 * Queue Enable turns the filter on once every field is in place.
 */
static void
igbx_ntuple_write(struct igbx_hw *hw, unsigned int n, const struct igbx_flow_rule *r)
{
	const struct igbx_ntuple_rule *nt = &r->ntuple;
	uint32_t ftqf = IGBX_FTQF_VF_BP | IGBX_FTQF_QUEUE_ENABLE |
			(nt->proto & IGBX_FTQF_PROTOCOL_MASK) |
			(((uint32_t)r->queue << IGBX_FTQF_QUEUE_SHIFT) & IGBX_FTQF_QUEUE_MASK);
	uint32_t imir = ((uint32_t)nt->dst_port & IGBX_IMIR_DST_PORT_MASK) |
			((uint32_t)nt->priority << IGBX_IMIR_PRIORITY_SHIFT);

	if (!(nt->compare & IGBX_NTUPLE_CMP_PROTO))
		ftqf |= IGBX_FTQF_MASK_PROTO_BP;
	if (!(nt->compare & IGBX_NTUPLE_CMP_SRC_IP))
		ftqf |= IGBX_FTQF_MASK_SRC_ADDR_BP;
	if (!(nt->compare & IGBX_NTUPLE_CMP_DST_IP))
		ftqf |= IGBX_FTQF_MASK_DST_ADDR_BP;
	if (!(nt->compare & IGBX_NTUPLE_CMP_SRC_PORT))
		ftqf |= IGBX_FTQF_MASK_SRC_PORT_BP;
	if (!(nt->compare & IGBX_NTUPLE_CMP_DST_PORT))
		imir |= IGBX_IMIR_PORT_BP;
	igbx_write(hw, IGBX_FTQF(n), 0);
	igbx_write(hw, IGBX_SAQF(n), (uint32_t)nt->src_ip);
	igbx_write(hw, IGBX_DAQF(n), (uint32_t)nt->dst_ip);
	igbx_write(hw, IGBX_SPQF(n), (uint32_t)nt->src_port & IGBX_SPQF_SRC_PORT_MASK);
	igbx_write(hw, IGBX_IMIR(n), imir);
	/* no size threshold, no TCP flag check */
	igbx_write(hw, IGBX_IMIREXT(n), IGBX_IMIREXT_SIZE_BP | IGBX_IMIREXT_CTRL_BP);
	igbx_write(hw, IGBX_FTQF(n), ftqf);
}

static void
igbx_ntuple_clear(struct igbx_hw *hw, unsigned int n)
{
	igbx_write(hw, IGBX_FTQF(n), 0);	/* Queue Enable off first */
	igbx_write(hw, IGBX_SAQF(n), 0);
	igbx_write(hw, IGBX_DAQF(n), 0);
	igbx_write(hw, IGBX_SPQF(n), 0);
	igbx_write(hw, IGBX_IMIR(n), 0);
	igbx_write(hw, IGBX_IMIREXT(n), 0);
}

static void
igbx_syn_write(struct igbx_hw *hw, const struct igbx_flow_rule *r)
{
	/* RFCTL.SYNQFP: the SYN filter is consulted before the 5-tuple filters */
	if (r->syn_first)
		igbx_set_bits(hw, IGBX_RFCTL, IGBX_RFCTL_SYNQFP);
	else
		igbx_clear_bits(hw, IGBX_RFCTL, IGBX_RFCTL_SYNQFP);
	igbx_write(hw, IGBX_SYNQF(0), IGBX_SYNQF_QUEUE_ENABLE |
		   (((uint32_t)r->queue << IGBX_SYNQF_QUEUE_SHIFT) & IGBX_SYNQF_QUEUE_MASK));
}

static void
igbx_syn_clear(struct igbx_hw *hw)
{
	igbx_write(hw, IGBX_SYNQF(0), 0);
	igbx_clear_bits(hw, IGBX_RFCTL, IGBX_RFCTL_SYNQFP);
}

static void
igbx_flow_program(struct rte_eth_dev *dev, const struct rte_flow *f)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	switch (f->rule.kind) {
	case IGBX_FLOW_NTUPLE:
		igbx_ntuple_write(hw, f->slot, &f->rule);
		break;
	case IGBX_FLOW_ETHERTYPE:
		igbx_write(hw, IGBX_ETQF(f->slot), f->rule.ether_type |
			   IGBX_ETQF_FILTER_ENABLE | IGBX_ETQF_QUEUE_ENABLE |
			   (((uint32_t)f->rule.queue << IGBX_ETQF_QUEUE_SHIFT) &
			    IGBX_ETQF_QUEUE_MASK));
		break;
	case IGBX_FLOW_TCP_SYN:
		igbx_syn_write(hw, &f->rule);
		break;
	default:
		igbx_rss_rule_set(dev, &f->rule.rss);
		break;
	}
}

static void
igbx_flow_unprogram(struct rte_eth_dev *dev, const struct rte_flow *f)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	switch (f->rule.kind) {
	case IGBX_FLOW_NTUPLE:
		igbx_ntuple_clear(hw, f->slot);
		break;
	case IGBX_FLOW_ETHERTYPE:
		igbx_write(hw, IGBX_ETQF(f->slot), 0);
		break;
	case IGBX_FLOW_TCP_SYN:
		igbx_syn_clear(hw);
		break;
	default:
		igbx_rss_rule_clear(dev);	/* back to the port's own RSS (or none) */
		break;
	}
}

/* ---- rte_flow_ops ------------------------------------------------------------- */

static int
igbx_flow_validate(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		   const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		   struct rte_flow_error *error)
{
	struct igbx_flow_rule rule;
	int ret;

	ret = igbx_flow_parse(dev, attr, pattern, actions, &rule, error);
	if (ret != 0)
		return ret;
	ret = igbx_flow_find_slot(dev, &rule, error);
	return ret < 0 ? ret : 0;
}

static struct rte_flow *
igbx_flow_create(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		 const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		 struct rte_flow_error *error)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	struct igbx_flow_rule rule;
	struct rte_flow *f;
	int slot;

	if (igbx_flow_parse(dev, attr, pattern, actions, &rule, error) != 0)
		return NULL;
	slot = igbx_flow_find_slot(dev, &rule, error);
	if (slot < 0)
		return NULL;
	f = rte_zmalloc("igbx_flow", sizeof(*f), 0);
	if (f == NULL) {
		rte_flow_error_set(error, ENOMEM, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
				   "no memory for the rule");
		return NULL;
	}
	memcpy(&f->rule, &rule, sizeof(rule));
	f->slot = (unsigned int)slot;
	igbx_flow_program(dev, f);
	igbx_flow_mark(fs, f, true);
	TAILQ_INSERT_TAIL(&fs->flows, f, next);
	return f;
}

static void
igbx_flow_remove(struct rte_eth_dev *dev, struct rte_flow *f)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);

	TAILQ_REMOVE(&fs->flows, f, next);
	igbx_flow_mark(fs, f, false);
	igbx_flow_unprogram(dev, f);
	rte_free(f);
}

static int
igbx_flow_destroy(struct rte_eth_dev *dev, struct rte_flow *flow, struct rte_flow_error *error)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	struct rte_flow *f;

	TAILQ_FOREACH(f, &fs->flows, next)
		if (f == flow)
			break;
	if (f == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_HANDLE, flow,
					  "no such rule on this port");
	igbx_flow_remove(dev, f);
	return 0;
}

static int
igbx_flow_flush(struct rte_eth_dev *dev, struct rte_flow_error *error)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	struct rte_flow *f;

	(void)error;
	while ((f = TAILQ_FIRST(&fs->flows)) != NULL)
		igbx_flow_remove(dev, f);
	return 0;
}

static const struct rte_flow_ops igbx_flow_ops = {
	.validate = igbx_flow_validate,
	.create = igbx_flow_create,
	.destroy = igbx_flow_destroy,
	.flush = igbx_flow_flush,
};

int
igbx_flow_ops_get(struct rte_eth_dev *dev, const struct rte_flow_ops **ops)
{
	(void)dev;
	*ops = &igbx_flow_ops;
	return 0;
}

/* ---- life cycle --------------------------------------------------------------- */

void
igbx_flow_init(struct rte_eth_dev *dev)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);

	memset(fs, 0, sizeof(*fs));
	TAILQ_INIT(&fs->flows);
	fs->ready = true;
}

/* Highest queue a rule sends frames to. */
static uint16_t
igbx_flow_max_queue(const struct igbx_flow_rule *r)
{
	uint16_t max = 0;
	unsigned int i;

	if (r->kind != IGBX_FLOW_RSS)
		return r->queue;
	for (i = 0; i < r->rss.nb_queues; i++)
		max = RTE_MAX(max, r->rss.queues[i]);
	return max;
}

void
igbx_flow_restore(struct rte_eth_dev *dev)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	const struct rte_flow *f;

	if (!fs->ready)
		return;
	TAILQ_FOREACH(f, &fs->flows, next) {
		/* a reconfiguration may have taken the queue away: the frames it
		 * gets are then dropped by the disabled queue, say so */
		if (igbx_flow_max_queue(&f->rule) >= dev->data->nb_rx_queues)
			IGBX_LOG(WARNING, "port %u: a flow rule steers to queue %u, %u configured",
				 dev->data->port_id, igbx_flow_max_queue(&f->rule),
				 dev->data->nb_rx_queues);
		igbx_flow_program(dev, f);
	}
}

void
igbx_flow_release(struct rte_eth_dev *dev)
{
	if (igbx_flow_of(dev)->ready)
		igbx_flow_flush(dev, NULL);
}

int
igbx_flow_etqf_claim(struct rte_eth_dev *dev, uint16_t ether_type)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	int slot = igbx_etqf_find(fs, ether_type, true);

	if (slot < 0)
		return slot;
	fs->etqf_used |= 1u << slot;
	fs->etqf_type[slot] = ether_type;
	return slot;
}

void
igbx_flow_etqf_free(struct rte_eth_dev *dev, unsigned int slot)
{
	igbx_flow_of(dev)->etqf_used &= ~(1u << slot);
}
