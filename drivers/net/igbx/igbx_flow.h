/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_flow.h: rte_flow rules the 82576 carries in hardware (8 5-tuple filters, 8 ethertype
 * filters, the TCP SYN filter, one RSS action) and the per-port list that outlives dev_stop. */
#ifndef IGBX_FLOW_H
#define IGBX_FLOW_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_byteorder.h>
#include <rte_flow.h>
#include <ethdev_driver.h>

#include "igbx_regs.h"
#include "igbx_rss.h"

/* What igbx_flow.c made of a rule; struct rte_flow (igbx_flow.c) wraps one. */
enum igbx_flow_kind {
	IGBX_FLOW_NTUPLE = 1,		/* FTQF/SAQF/DAQF/SPQF/IMIR/IMIREXT[n] */
	IGBX_FLOW_ETHERTYPE,		/* ETQF[n] */
	IGBX_FLOW_TCP_SYN,		/* SYNQF, RFCTL.SYNQFP */
	IGBX_FLOW_RSS,			/* MRQC, RSSRK, RETA (igbx_rss.c) */
};

/* 5-tuple fields the filter compares (the others are bypassed). */
#define IGBX_NTUPLE_CMP_PROTO		(1u << 0)
#define IGBX_NTUPLE_CMP_SRC_IP		(1u << 1)
#define IGBX_NTUPLE_CMP_DST_IP		(1u << 2)
#define IGBX_NTUPLE_CMP_SRC_PORT	(1u << 3)
#define IGBX_NTUPLE_CMP_DST_PORT	(1u << 4)

struct igbx_ntuple_rule {
	rte_be32_t src_ip;		/* network order, as in the frame */
	rte_be32_t dst_ip;
	rte_be16_t src_port;
	rte_be16_t dst_port;
	uint8_t proto;			/* IPv4 next protocol */
	uint8_t compare;		/* IGBX_NTUPLE_CMP_* */
	uint8_t priority;		/* IMIR.Priority 1..7, 7 wins */
};

struct igbx_flow_rule {
	enum igbx_flow_kind kind;
	uint16_t queue;			/* QUEUE action (not RSS) */
	union {
		struct igbx_ntuple_rule ntuple;
		uint16_t ether_type;	/* host order */
		bool syn_first;		/* SYN filter wins over 5-tuple filters */
		struct igbx_rss_rule rss;	/* igbx_rss.h */
	};
};

struct rte_flow;
TAILQ_HEAD(igbx_flow_list, rte_flow);

/* Per port, in struct igbx_adapter; a zeroed struct is not initialised. */
struct igbx_flow_state {
	struct igbx_flow_list flows;	/* creation order */
	uint8_t ntuple_used;		/* bit n: 5-tuple filter n holds a rule */
	uint8_t etqf_used;		/* bit n: ETQF[n] (rules and IEEE 1588) */
	uint16_t etqf_type[IGBX_ETYPE_FILTERS];		/* ethertype held by ETQF[n] when used */
	bool syn_used;
	bool ready;			/* igbx_flow_init done */
};

/* igbx_flow_parse.c: a rule the hardware can carry, or -errno with error set. */
int igbx_flow_parse(struct rte_eth_dev *dev, const struct rte_flow_attr *attr,
		    const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		    struct igbx_flow_rule *rule, struct rte_flow_error *error);

/* eth_dev_ops.flow_ops_get */
int igbx_flow_ops_get(struct rte_eth_dev *dev, const struct rte_flow_ops **ops);
/* Probe: empty rule list. */
void igbx_flow_init(struct rte_eth_dev *dev);
/* dev_start, after the reset cleared them: every rule back into the filters. */
void igbx_flow_restore(struct rte_eth_dev *dev);
/* dev_close: every rule destroyed, the filters cleared. */
void igbx_flow_release(struct rte_eth_dev *dev);

/* ETQF slots shared with IEEE 1588 (igbx_ptp.c): rules take the lowest free
 * slot, 1588 the highest. Returns the slot, -EEXIST if a rule already owns
 * that ethertype, -ENOSPC if all 8 are in use. */
int igbx_flow_etqf_claim(struct rte_eth_dev *dev, uint16_t ether_type);
void igbx_flow_etqf_free(struct rte_eth_dev *dev, unsigned int slot);

#endif /* IGBX_FLOW_H */
