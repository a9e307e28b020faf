/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_flow_parse.c: rte_flow attributes, pattern and actions turned into one of the 82576
 * receive filters (7.1.2) as struct igbx_flow_rule, or refused with the reason. */
#include <string.h>

#include <rte_flow.h>
#include <rte_flow_driver.h>

#include "igbx_ethdev.h"
#include "igbx_flow.h"

/* Filter priority as rte_flow counts it (0 first) against IMIR.Priority (7 first). */
#define IGBX_NTUPLE_PRIO_LEVELS	7
/* ETQF and SYNQF hold a 3-bit queue number (8.11). */
#define IGBX_FILTER_QUEUE3_MAX	7

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
	if (rss->key_len != 0 && rss->key_len != IGBX_RSS_KEY_SIZE)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS key must be 40 bytes (or none)");
	if (rss->key_len != 0 && rss->key == NULL)
		return rte_flow_error_set(error, EINVAL, RTE_FLOW_ERROR_TYPE_ACTION_CONF, act,
					  "RSS key_len set but key missing");
	if (rss->queue_num > IGBX_MAX_RX_QUEUES)
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
		memcpy(rule->rss.key, rss->key, IGBX_RSS_KEY_SIZE);
	else	/* no key: the one the port hashes with now */
		memcpy(rule->rss.key, igbx_rss_port_key(dev), IGBX_RSS_KEY_SIZE);
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

int
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
