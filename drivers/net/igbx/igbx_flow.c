/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_flow.c: rte_flow for the 82576: rules parsed into the receive filters the chip has
 * (7.1.2: ethertype, SYN, 5-tuple, RSS), programmed, kept across dev_stop, refused otherwise. */
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

/* Filter priority as rte_flow counts it (0 first) against IMIR.Priority (7 first). */
#define IGBX_NTUPLE_PRIO_LEVELS	7
/* ETQF and SYNQF hold a 3-bit queue number (8.10.x). */
#define IGBX_FILTER_QUEUE3_MAX	7

static inline struct igbx_flow_state *
igbx_flow_of(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->flow;
}

static bool
igbx_is_zero(const void *p, size_t n)
{
	const uint8_t *b = p;

	while (n--)
		if (*b++)
			return false;
	return true;
}

/* ---- attributes ------------------------------------------------------------- */

static int
igbx_flow_parse_attr(const struct rte_flow_attr *attr, struct rte_flow_error *error)
{
	if (attr == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ATTR, NULL,
					  "attributes missing");
	if (attr->egress)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ATTR_EGRESS,
					  attr, "82576 filters are receive only");
	if (attr->transfer)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ATTR_TRANSFER,
					  attr, "no switch domain (transfer) on the 82576");
	if (!attr->ingress)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ATTR_INGRESS,
					  attr, "rule must be ingress");
	if (attr->group != 0)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ATTR_GROUP,
					  attr, "only group 0 (one flat table)");
	return 0;
}

/* ---- actions ---------------------------------------------------------------- */

static int
igbx_flow_parse_rss(struct rte_eth_dev *dev, const struct rte_flow_action *act,
		    struct igbx_flow_rule *rule, struct rte_flow_error *error)
{
	const struct rte_flow_action_rss *rss = act->conf;
	uint64_t allowed = igbx_rss_offload_types();
	unsigned int i;

	/* 7.1.2: RSS places the frames no filter claimed; it has no match of its own */
	if (rule->kind != 0)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION, act,
					  "RSS rule must match every frame: pattern empty or ETH alone");
	if (rss == NULL || rss->queue_num == 0 || rss->queue == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS action needs a queue list");
	if (rss->func != RTE_ETH_HASH_FUNCTION_DEFAULT &&
	    rss->func != RTE_ETH_HASH_FUNCTION_TOEPLITZ)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS hash function: only Toeplitz");
	if (rss->level > 1)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS level: only the outer headers");
	if ((rss->types & ~allowed) ||
	    (rss->types != 0 && igbx_rss_hf_to_mrqc(rss->types) == 0))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS types outside what MRQC can hash");
	if (rss->key_len != 0 && rss->key_len != IGBX_FLOW_RSS_KEY_SIZE)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS key must be 40 bytes (or none)");
	if (rss->key_len != 0 && rss->key == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS key_len set but key missing");
	if (rss->queue_num > IGBX_FLOW_RSS_MAX_QUEUES)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS over at most 16 queues");
	for (i = 0; i < rss->queue_num; i++)
		if (rss->queue[i] >= dev->data->nb_rx_queues)
			return rte_flow_error_set(error, EINVAL,
						  RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
						  "RSS queue index beyond the RX queues configured");
	rule->kind = IGBX_FLOW_RSS;
	rule->rss.types = rss->types != 0 ? rss->types : allowed;
	if (rss->key_len != 0)
		memcpy(rule->rss.key, rss->key, IGBX_FLOW_RSS_KEY_SIZE);
	else	/* no key: the one the port hashes with now */
		memcpy(rule->rss.key, IGBX_DEV_ADAPTER(dev)->filter.rss_key,
		       IGBX_FLOW_RSS_KEY_SIZE);
	memcpy(rule->rss.queues, rss->queue, rss->queue_num * sizeof(rss->queue[0]));
	rule->rss.nb_queues = rss->queue_num;
	return 0;
}

static int
igbx_flow_parse_fate(struct rte_eth_dev *dev, const struct rte_flow_action *act,
		     struct igbx_flow_rule *rule, struct rte_flow_error *error)
{
	const struct rte_flow_action_queue *q = act->conf;

	switch (act->type) {
	case RTE_FLOW_ACTION_TYPE_QUEUE:
		if (q == NULL)
			return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF,
						  act, "QUEUE action needs an index");
		if (q->index >= dev->data->nb_rx_queues)
			return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF,
						  act, "queue index beyond the RX queues configured");
		rule->queue = q->index;
		return 0;
	case RTE_FLOW_ACTION_TYPE_RSS:
		return igbx_flow_parse_rss(dev, act, rule, error);
	case RTE_FLOW_ACTION_TYPE_DROP:
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION, act,
					  "82576 filters steer to a queue, they cannot drop");
	default:
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION, act,
					  "action not supported: only QUEUE or RSS");
	}
}

/* Exactly one of QUEUE or RSS, VOIDs anywhere. */
static int
igbx_flow_parse_actions(struct rte_eth_dev *dev, const struct rte_flow_action actions[],
			struct igbx_flow_rule *rule, struct rte_flow_error *error)
{
	const struct rte_flow_action *act;
	bool have_fate = false;
	int ret;

	if (actions == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_NUM, NULL,
					  "actions missing");
	for (act = actions; act->type != RTE_FLOW_ACTION_TYPE_END; act++) {
		if (act->type == RTE_FLOW_ACTION_TYPE_VOID)
			continue;
		if (have_fate)
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION, act,
						  "one action only (QUEUE or RSS)");
		ret = igbx_flow_parse_fate(dev, act, rule, error);
		if (ret != 0)
			return ret;
		have_fate = true;
	}
	if (!have_fate)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_NUM, actions,
					  "a QUEUE or RSS action is required");
	return 0;
}

/* ---- pattern items ---------------------------------------------------------- */

/* The items of a pattern without VOIDs; END not counted. */
#define IGBX_FLOW_MAX_ITEMS	3

struct igbx_items {
	const struct rte_flow_item *item[IGBX_FLOW_MAX_ITEMS];
	unsigned int n;
	const struct rte_flow_item *end;
};

static int
igbx_flow_collect_items(const struct rte_flow_item pattern[], struct igbx_items *it,
			struct rte_flow_error *error)
{
	const struct rte_flow_item *p;

	if (pattern == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ITEM_NUM, NULL,
					  "pattern missing");
	memset(it, 0, sizeof(*it));
	for (p = pattern; p->type != RTE_FLOW_ITEM_TYPE_END; p++) {
		if (p->type == RTE_FLOW_ITEM_TYPE_VOID)
			continue;
		if (it->n == IGBX_FLOW_MAX_ITEMS)
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, p,
						  "pattern too deep: at most ETH / IPV4 / L4");
		if (p->last != NULL)
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_LAST,
						  p, "ranges (last) are not supported");
		if (p->spec == NULL && p->mask != NULL)
			return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ITEM_MASK,
						  p, "mask without spec");
		it->item[it->n++] = p;
	}
	it->end = p;
	return 0;
}

/* A field is compared entirely or not at all: the filters have bypass bits, no masks. */
static int
igbx_field_mask(const void *mask, size_t len, bool *compare, const struct rte_flow_item *item,
		struct rte_flow_error *error)
{
	const uint8_t *m = mask;
	size_t i, ones = 0;

	for (i = 0; i < len; i++)
		ones += m[i] == 0xFF;
	if (ones != len && !igbx_is_zero(mask, len))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_MASK, item,
					  "partial field mask: the 82576 compares a field fully or not at all");
	*compare = ones == len;
	return 0;
}

/* ETH item inside a 5-tuple rule: nothing of the MAC header can be matched. */
static int
igbx_parse_eth_any(const struct rte_flow_item *item, struct rte_flow_error *error)
{
	const struct rte_flow_item_eth *m = item->mask;

	if (item->spec == NULL)
		return 0;
	if (m == NULL)
		m = &rte_flow_item_eth_mask;
	if (!igbx_is_zero(m, sizeof(*m)))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  "MAC addresses cannot be matched; the ethertype only alone (ETH type / END)");
	return 0;
}

static int
igbx_parse_ipv4(const struct rte_flow_item *item, struct igbx_ntuple_rule *nt,
		struct rte_flow_error *error)
{
	const struct rte_flow_item_ipv4 *spec = item->spec;
	struct rte_flow_item_ipv4 m;
	bool cmp = false;
	int ret;

	if (spec == NULL)
		return 0;
	m = item->mask != NULL ? *(const struct rte_flow_item_ipv4 *)item->mask :
				 rte_flow_item_ipv4_mask;
	ret = igbx_field_mask(&m.hdr.src_addr, 4, &cmp, item, error);
	if (ret != 0)
		return ret;
	if (cmp) {
		nt->compare |= IGBX_NTUPLE_CMP_SRC_IP;
		nt->src_ip = spec->hdr.src_addr;
	}
	ret = igbx_field_mask(&m.hdr.dst_addr, 4, &cmp, item, error);
	if (ret != 0)
		return ret;
	if (cmp) {
		nt->compare |= IGBX_NTUPLE_CMP_DST_IP;
		nt->dst_ip = spec->hdr.dst_addr;
	}
	ret = igbx_field_mask(&m.hdr.next_proto_id, 1, &cmp, item, error);
	if (ret != 0)
		return ret;
	if (cmp) {
		nt->compare |= IGBX_NTUPLE_CMP_PROTO;
		nt->proto = spec->hdr.next_proto_id;
	}
	m.hdr.src_addr = 0;
	m.hdr.dst_addr = 0;
	m.hdr.next_proto_id = 0;
	if (!igbx_is_zero(&m, sizeof(m)))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_MASK, item,
					  "IPv4: only src, dst and proto can be matched");
	return 0;
}

/* L4 ports (TCP, UDP, SCTP headers all start with source then destination port). */
static int
igbx_parse_ports(const struct rte_flow_item *item, const rte_be16_t spec[2],
		 const rte_be16_t mask[2], struct igbx_ntuple_rule *nt,
		 struct rte_flow_error *error)
{
	bool cmp = false;
	int ret;

	ret = igbx_field_mask(&mask[0], 2, &cmp, item, error);
	if (ret != 0)
		return ret;
	if (cmp) {
		nt->compare |= IGBX_NTUPLE_CMP_SRC_PORT;
		nt->src_port = spec[0];
	}
	ret = igbx_field_mask(&mask[1], 2, &cmp, item, error);
	if (ret != 0)
		return ret;
	if (cmp) {
		nt->compare |= IGBX_NTUPLE_CMP_DST_PORT;
		nt->dst_port = spec[1];
	}
	return 0;
}

/* TCP with only the SYN flag matched is the SYN filter; anything else a 5-tuple. */
static int
igbx_parse_tcp(const struct rte_flow_item *item, struct igbx_flow_rule *rule,
	       struct rte_flow_error *error)
{
	const struct rte_flow_item_tcp *spec = item->spec;
	rte_be16_t ports[2], mask[2];
	struct rte_flow_item_tcp m;
	int ret;

	if (spec == NULL)
		return 0;
	m = item->mask != NULL ? *(const struct rte_flow_item_tcp *)item->mask :
				 rte_flow_item_tcp_mask;
	if (m.hdr.tcp_flags != 0) {
		if (m.hdr.tcp_flags != RTE_TCP_SYN_FLAG ||
		    spec->hdr.tcp_flags != RTE_TCP_SYN_FLAG)
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
						  "TCP flags: only SYN set (spec and mask 0x02)");
		m.hdr.tcp_flags = 0;
		if (!igbx_is_zero(&m, sizeof(m)))
			return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
						  "the SYN filter matches the SYN flag only");
		rule->kind = IGBX_FLOW_TCP_SYN;
		return 0;
	}
	ports[0] = spec->hdr.src_port;
	ports[1] = spec->hdr.dst_port;
	mask[0] = m.hdr.src_port;
	mask[1] = m.hdr.dst_port;
	ret = igbx_parse_ports(item, ports, mask, &rule->ntuple, error);
	m.hdr.src_port = 0;
	m.hdr.dst_port = 0;
	if (ret == 0 && !igbx_is_zero(&m, sizeof(m)))
		ret = rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_MASK, item,
					 "TCP: only src and dst port can be matched");
	return ret;
}

static int
igbx_parse_udp_sctp(const struct rte_flow_item *item, struct igbx_ntuple_rule *nt,
		    struct rte_flow_error *error)
{
	const char *msg = "UDP: only src and dst port can be matched";
	rte_be16_t ports[2], mask[2];
	uint8_t rest[16];
	size_t size;
	int ret;

	if (item->spec == NULL)
		return 0;
	if (item->type == RTE_FLOW_ITEM_TYPE_UDP) {
		const struct rte_flow_item_udp *s = item->spec;
		const struct rte_flow_item_udp *m = item->mask ? item->mask :
						    &rte_flow_item_udp_mask;

		size = sizeof(*m);
		memcpy(rest, m, size);
		ports[0] = s->hdr.src_port;
		ports[1] = s->hdr.dst_port;
	} else {
		const struct rte_flow_item_sctp *s = item->spec;
		const struct rte_flow_item_sctp *m = item->mask ? item->mask :
						     &rte_flow_item_sctp_mask;

		size = sizeof(*m);
		memcpy(rest, m, size);
		ports[0] = s->hdr.src_port;
		ports[1] = s->hdr.dst_port;
		msg = "SCTP: only src and dst port can be matched";
	}
	/* both headers begin with the two ports */
	memcpy(mask, rest, sizeof(mask));
	ret = igbx_parse_ports(item, ports, mask, nt, error);
	if (ret != 0)
		return ret;
	memset(rest, 0, sizeof(mask));
	if (!igbx_is_zero(rest, size))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_MASK, item,
					  msg);
	return 0;
}

static uint8_t
igbx_l4_proto(enum rte_flow_item_type type)
{
	switch (type) {
	case RTE_FLOW_ITEM_TYPE_TCP:
		return IPPROTO_TCP;
	case RTE_FLOW_ITEM_TYPE_UDP:
		return IPPROTO_UDP;
	default:
		return IPPROTO_SCTP;
	}
}

/* The L4 item names the protocol: the IPv4 proto field must agree with it. */
static int
igbx_parse_l4(const struct rte_flow_item *item, struct igbx_flow_rule *rule,
	      struct rte_flow_error *error)
{
	struct igbx_ntuple_rule *nt = &rule->ntuple;
	uint8_t proto = igbx_l4_proto(item->type);

	if ((nt->compare & IGBX_NTUPLE_CMP_PROTO) && nt->proto != proto)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  "IPv4 proto contradicts the L4 item");
	nt->compare |= IGBX_NTUPLE_CMP_PROTO;
	nt->proto = proto;
	if (item->type == RTE_FLOW_ITEM_TYPE_TCP)
		return igbx_parse_tcp(item, rule, error);
	return igbx_parse_udp_sctp(item, nt, error);
}

/* ETH with its type fully masked, nothing else matched, then END: an ETQF rule. */
static int
igbx_parse_ethertype(const struct igbx_items *it, struct igbx_flow_rule *rule,
		     struct rte_flow_error *error)
{
	const struct rte_flow_item *item = it->item[0];
	const struct rte_flow_item_eth *spec = item->spec;
	struct rte_flow_item_eth m;
	uint16_t type;

	m = item->mask != NULL ? *(const struct rte_flow_item_eth *)item->mask :
				 rte_flow_item_eth_mask;
	if (m.hdr.ether_type != RTE_BE16(0xFFFF))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_MASK, item,
					  "ethertype must be matched fully (mask 0xffff)");
	m.hdr.ether_type = 0;
	if (!igbx_is_zero(&m, sizeof(m)))
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  "ethertype filters cannot match MAC addresses or VLAN");
	if (it->n != 1)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, it->item[1],
					  "an ethertype rule is ETH type / END: nothing may follow");
	type = rte_be_to_cpu_16(spec->hdr.ether_type);
	/* an ETQF on IP would take every IP frame away from the 5-tuple filters and RSS */
	if (type == RTE_ETHER_TYPE_IPV4 || type == RTE_ETHER_TYPE_IPV6)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  "IPv4/IPv6 ethertypes: use 5-tuple or RSS rules");
	if (type == RTE_ETHER_TYPE_VLAN || type == RTE_ETHER_TYPE_QINQ)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  "VLAN TPIDs are not ethertypes ETQF compares");
	rule->kind = IGBX_FLOW_ETHERTYPE;
	rule->ether_type = type;
	return 0;
}

static bool
igbx_item_is_ethertype(const struct rte_flow_item *item)
{
	const struct rte_flow_item_eth *m = item->mask;

	if (item->spec == NULL)
		return false;
	if (m == NULL)
		m = &rte_flow_item_eth_mask;
	return m->hdr.ether_type != 0;
}

/* [ETH] / IPV4 / [TCP|UDP|SCTP] / END, ETH type / END, or empty (kind left 0). */
static int
igbx_flow_parse_pattern(const struct rte_flow_item pattern[], struct igbx_flow_rule *rule,
			struct rte_flow_error *error)
{
	const struct rte_flow_item *item;
	struct igbx_items it;
	unsigned int i = 0;
	int ret;

	ret = igbx_flow_collect_items(pattern, &it, error);
	if (ret != 0 || it.n == 0)
		return ret;
	if (it.item[0]->type == RTE_FLOW_ITEM_TYPE_ETH) {
		if (igbx_item_is_ethertype(it.item[0]))
			return igbx_parse_ethertype(&it, rule, error);
		ret = igbx_parse_eth_any(it.item[0], error);
		if (ret != 0 || it.n == 1)
			return ret;
		i = 1;
	}
	item = it.item[i];
	if (item->type != RTE_FLOW_ITEM_TYPE_IPV4)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  item->type == RTE_FLOW_ITEM_TYPE_IPV6 ?
					  "IPv6 cannot be matched: the 5-tuple filters are IPv4 only" :
					  "item not supported: expected ETH, IPV4, TCP, UDP or SCTP");
	ret = igbx_parse_ipv4(item, &rule->ntuple, error);
	if (ret != 0)
		return ret;
	rule->kind = IGBX_FLOW_NTUPLE;
	if (++i == it.n)
		return 0;
	item = it.item[i];
	if (item->type != RTE_FLOW_ITEM_TYPE_TCP && item->type != RTE_FLOW_ITEM_TYPE_UDP &&
	    item->type != RTE_FLOW_ITEM_TYPE_SCTP)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, item,
					  "after IPV4 only TCP, UDP or SCTP");
	ret = igbx_parse_l4(item, rule, error);
	if (ret == 0 && ++i < it.n)
		ret = rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, it.item[i],
					 "nothing can follow the L4 item");
	if (ret == 0 && rule->kind == IGBX_FLOW_TCP_SYN &&
	    (rule->ntuple.compare & ~IGBX_NTUPLE_CMP_PROTO) != 0)
		ret = rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM, it.item[i - 1],
					 "the SYN filter matches the SYN flag only, no address or port");
	return ret;
}

/* ---- rule as a whole: priority and queue limits per filter kind -------------- */

static int
igbx_flow_check_kind(const struct rte_flow_attr *attr, const struct rte_flow_action actions[],
		     struct igbx_flow_rule *rule, struct rte_flow_error *error)
{
	switch (rule->kind) {
	case IGBX_FLOW_NTUPLE:
		if (attr->priority >= IGBX_NTUPLE_PRIO_LEVELS)
			return rte_flow_error_set(error, ENOTSUP,
						  RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY, attr,
						  "5-tuple priority 0..6 (0 first)");
		rule->ntuple.priority = IGBX_NTUPLE_PRIO_LEVELS - attr->priority;
		return 0;
	case IGBX_FLOW_TCP_SYN:
		if (attr->priority > 1)
			return rte_flow_error_set(error, ENOTSUP,
						  RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY, attr,
						  "SYN priority 0 (before 5-tuple rules) or 1 (after)");
		rule->syn_first = attr->priority == 0;
		break;
	case IGBX_FLOW_ETHERTYPE:
		if (attr->priority != 0)
			return rte_flow_error_set(error, ENOTSUP,
						  RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY, attr,
						  "ethertype filters always come first: priority 0");
		break;
	case IGBX_FLOW_RSS:
		if (attr->priority != 0)
			return rte_flow_error_set(error, ENOTSUP,
						  RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY, attr,
						  "RSS comes after every filter: priority 0");
		return 0;
	default:
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ITEM_NUM, NULL,
					  "a QUEUE rule needs a pattern: ETH type, IPV4 [/ L4] or TCP SYN");
	}
	if (rule->queue > IGBX_FILTER_QUEUE3_MAX)
		return rte_flow_error_set(error, ENOTSUP, RTE_FLOW_ERROR_TYPE_ACTION, actions,
					  "ethertype and SYN filters reach queues 0..7 only");
	return 0;
}

static int
igbx_flow_parse(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		struct igbx_flow_rule *rule, struct rte_flow_error *error)
{
	int ret;

	memset(rule, 0, sizeof(*rule));
	ret = igbx_flow_parse_attr(attr, error);
	if (ret == 0)
		ret = igbx_flow_parse_pattern(pattern, rule, error);
	if (ret == 0)
		ret = igbx_flow_parse_actions(dev, actions, rule, error);
	if (ret == 0)
		ret = igbx_flow_check_kind(attr, actions, rule, error);
	return ret;
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

	TAILQ_FOREACH(f, &fs->flows, next)
		if (f->rule.kind == IGBX_FLOW_NTUPLE &&
		    igbx_ntuple_same(&f->rule.ntuple, &rule->ntuple))
			return rte_flow_error_set(error, EEXIST, RTE_FLOW_ERROR_TYPE_HANDLE, NULL,
						  "a 5-tuple rule with the same match exists");
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
		if (fs->rss_used)
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
		fs->rss_used = used;
		break;
	}
}

/* ---- hardware ----------------------------------------------------------------- */

/*
 * 7.1.2.x: a 5-tuple filter is FTQF, SAQF, DAQF, SPQF, IMIR and IMIREXT of one index.
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

/* RSSRK and RETA first, MRQC last, so the hash never runs on a half-written table. */
static void
igbx_rss_rule_write(struct igbx_hw *hw, const struct igbx_rss_rule *rss)
{
	uint8_t entries[4];
	unsigned int i, k;

	for (i = 0; i < IGBX_FILTER_RSS_KEY_WORDS; i++)
		igbx_write(hw, IGBX_RSSRK(i), igbx_rss_key_pack(rss->key, i));
	for (i = 0; i < IGBX_FILTER_RETA_WORDS; i++) {
		for (k = 0; k < 4; k++)
			entries[k] = (uint8_t)rss->queues[(4 * i + k) % rss->nb_queues];
		igbx_write(hw, IGBX_RETA(i), igbx_reta_pack(entries));
	}
	igbx_write(hw, IGBX_MRQC, IGBX_MRQC_MRQE_RSS | igbx_rss_hf_to_mrqc(rss->types));
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
		igbx_rss_rule_write(hw, &f->rule.rss);
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
		/* back to the port's own RSS configuration (or none) */
		if (igbx_rss_configure(dev) != 0)
			IGBX_LOG(WARNING, "port %u: port RSS not restored after the RSS rule",
				 dev->data->port_id);
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

void
igbx_flow_restore(struct rte_eth_dev *dev)
{
	struct igbx_flow_state *fs = igbx_flow_of(dev);
	const struct rte_flow *f;

	if (!fs->ready)
		return;
	TAILQ_FOREACH(f, &fs->flows, next) {
		if (f->rule.kind != IGBX_FLOW_RSS && f->rule.queue >= dev->data->nb_rx_queues)
			IGBX_LOG(WARNING, "port %u: a flow rule steers to queue %u, only %u configured",
				 dev->data->port_id, f->rule.queue, dev->data->nb_rx_queues);
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
