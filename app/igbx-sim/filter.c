/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * filter.c - the 82576's receive filters (datasheet 7.1.1-7.1.2): length and
 * CRC checks, address filters (RAR, MTA, promiscuous), VLAN filter, RSS.
 */
#include <string.h>

#include "engines.h"

#define SIM_FCS_LEN		4
#define SIM_MIN_FRAME		64	/* with FCS */
#define SIM_MAX_UNTAGGED	1518	/* with FCS, RCTL.LPE clear */
#define SIM_VLAN_LEN		4
#define SIM_MAC_CTRL_PAUSE	0x0001	/* 802.3x PAUSE opcode */

/* ---- pure functions --------------------------------------------------- */
uint32_t sim_toeplitz(const uint8_t key[40], const uint8_t *data,
		      uint32_t len)
{
	/* the 32-bit window of the key slides one bit per input bit */
	uint32_t window = (uint32_t)key[0] << 24 | (uint32_t)key[1] << 16 |
			  (uint32_t)key[2] << 8 | key[3];
	uint32_t hash = 0;

	for (uint32_t i = 0; i < len; i++) {
		uint8_t next = i + 4 < 40 ? key[i + 4] : 0;

		for (int b = 7; b >= 0; b--) {
			if (data[i] & (1u << b))
				hash ^= window;
			window = window << 1 | ((next >> b) & 1u);
		}
	}
	return hash;
}

/* RCTL.MO picks which 12 bits of the destination address index the
 * 4096-bit MTA (datasheet 8.10): 00 bits 47:36, 01 bits 46:35,
 * 10 bits 45:34, 11 bits 43:32 (bit 0 = first bit on the wire of byte 0).
 */
uint32_t sim_mta_index(const uint8_t mac[6], unsigned int mo)
{
	static const uint8_t shift[4] = { 4, 3, 2, 0 };
	uint32_t hi = (uint32_t)mac[4] | (uint32_t)mac[5] << 8;

	return (hi >> shift[mo & 3]) & 0xfffu;
}

/* ---- length and CRC checks (datasheet 7.1.1) ------------------------ */
bool sim_rx_length_ok(struct sim_port *p, uint32_t len, bool tagged,
		      bool crc_ok)
{
	uint32_t rctl = sim_reg_peek(p, SIM_RCTL), max;
	uint32_t wire_len = len + SIM_FCS_LEN;

	if (wire_len < SIM_MIN_FRAME) {
		sim_stat_add(p, SIM_RUC, 1);
		return false;
	}
	if (rctl & SIM_RCTL_LPE) {
		max = sim_reg_peek(p, SIM_RLPML) & SIM_RLPML_MASK;
		if (max == 0)
			max = SIM_MAX_FRAME;
	} else {
		max = SIM_MAX_UNTAGGED + (tagged ? SIM_VLAN_LEN : 0);
	}
	if (wire_len > max) {
		sim_stat_add(p, SIM_ROC, 1);
		return false;
	}
	if (!crc_ok) {
		sim_stat_add(p, SIM_CRCERRS, 1);
		/* RCTL.SBP: bad frames are stored, with RXE in the descriptor */
		return (rctl & SIM_RCTL_SBP) != 0;
	}
	return true;
}

/* ---- destination address filters (datasheet 7.1.1.1) ----------------- */
/* The receive address entry that matches da, or -1. */
int sim_rx_rar_find(struct sim_port *p, const uint8_t *da)
{
	uint32_t lo = (uint32_t)da[0] | (uint32_t)da[1] << 8 |
		      (uint32_t)da[2] << 16 | (uint32_t)da[3] << 24;
	uint32_t hi = (uint32_t)da[4] | (uint32_t)da[5] << 8;

	for (unsigned int i = 0; i < SIM_RAR_COUNT; i++) {
		uint32_t rah = sim_reg_peek(p, SIM_RAH(i));

		/* ASEL 00: the entry matches the destination address */
		if (!(rah & SIM_RAH_AV) || (rah & SIM_RAH_ASEL_MASK))
			continue;
		if ((rah & SIM_RAH_ADDR_MASK) == hi &&
		    sim_reg_peek(p, SIM_RAL(i)) == lo)
			return (int)i;
	}
	return -1;
}

static bool sim_mta_match(struct sim_port *p, const uint8_t *da, uint32_t rctl)
{
	uint32_t idx = sim_mta_index(da, (rctl & SIM_RCTL_MO_MASK) >>
					  SIM_RCTL_MO_SHIFT);

	return (sim_reg_peek(p, SIM_MTA(idx >> 5)) >> (idx & 31)) & 1u;
}

static void sim_filter_address(struct sim_port *p, const uint8_t *da,
			       uint32_t rctl, struct sim_rx_verdict *v)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

	if (memcmp(da, bcast, 6) == 0) {
		v->bcast = true;
		v->accept = (rctl & (SIM_RCTL_BAM | SIM_RCTL_MPE)) != 0;
		v->inexact = !(rctl & SIM_RCTL_BAM) && v->accept;
		return;
	}
	v->rar = (int8_t)sim_rx_rar_find(p, da);
	if (v->rar >= 0) {
		v->mcast = da[0] & 1;
		v->accept = true;
		return;
	}
	if (da[0] & 1) {
		v->mcast = true;
		v->accept = (rctl & SIM_RCTL_MPE) || sim_mta_match(p, da, rctl);
	} else {
		v->accept = (rctl & SIM_RCTL_UPE) != 0;
	}
	v->inexact = v->accept;
}

/* VFTA (datasheet 7.4): with RCTL.VFE a tagged frame passes only if its
 * VLAN id has its bit set; untagged frames are not VLAN filtered.
 */
static bool sim_filter_vlan(struct sim_port *p, const struct sim_hdrs *h,
			    uint32_t rctl)
{
	uint32_t vid = h->vlan_tci & 0xfffu;

	if (!(rctl & SIM_RCTL_VFE) || h->vlan_off == 0)
		return true;
	return (sim_reg_peek(p, SIM_VFTA(vid >> 5)) >> (vid & 31)) & 1u;
}

/* ---- RSS (datasheet 7.1.1.7) ------------------------------------------ */
/* Chooses the hash type from MRQC's enabled fields and builds the input:
 * source address, destination address, then source and destination ports.
 */
static uint8_t sim_rss_input(const uint8_t *f, const struct sim_hdrs *h,
			     uint32_t mrqc, uint8_t *in, uint32_t *in_len)
{
	bool tcp = h->l4 == SIM_L4_TCP, udp = h->l4 == SIM_L4_UDP;
	uint32_t alen = h->l3 == SIM_L3_IPV4 ? 4 : 16;
	uint8_t type = SIM_RSS_NONE;

	if (h->l3 == SIM_L3_IPV4) {
		if (tcp && (mrqc & SIM_MRQC_RSS_TCPV4))
			type = SIM_RSS_IPV4_TCP;
		else if (udp && (mrqc & SIM_MRQC_RSS_UDPV4))
			type = SIM_RSS_IPV4_UDP;
		else if (mrqc & SIM_MRQC_RSS_IPV4)
			type = SIM_RSS_IPV4;
		memcpy(in, f + h->l3_off + 12, 8);
	} else if (h->l3 == SIM_L3_IPV6) {
		if (tcp && (mrqc & SIM_MRQC_RSS_TCPV6_EX) && h->l3_ext)
			type = SIM_RSS_IPV6_TCP_EX;
		else if (tcp && (mrqc & SIM_MRQC_RSS_TCPV6))
			type = SIM_RSS_IPV6_TCP;
		else if (udp && (mrqc & SIM_MRQC_RSS_UDPV6_EX) && h->l3_ext)
			type = SIM_RSS_IPV6_UDP_EX;
		else if (udp && (mrqc & SIM_MRQC_RSS_UDPV6))
			type = SIM_RSS_IPV6_UDP;
		else if ((mrqc & SIM_MRQC_RSS_IPV6_EX) && h->l3_ext)
			type = SIM_RSS_IPV6_EX;
		else if (mrqc & SIM_MRQC_RSS_IPV6)
			type = SIM_RSS_IPV6;
		memcpy(in, f + h->l3_off + 8, 32);
	}
	*in_len = 2 * alen;
	if (type == SIM_RSS_IPV4_TCP || type == SIM_RSS_IPV4_UDP ||
	    type == SIM_RSS_IPV6_TCP || type == SIM_RSS_IPV6_TCP_EX ||
	    type == SIM_RSS_IPV6_UDP || type == SIM_RSS_IPV6_UDP_EX) {
		memcpy(in + *in_len, f + h->l4_off, 4);
		*in_len += 4;
	}
	return type;
}

static void sim_rss(struct sim_port *p, const uint8_t *f,
		    const struct sim_hdrs *h, uint32_t mrqc,
		    struct sim_rx_verdict *v)
{
	uint8_t key[40], in[36];
	uint32_t in_len, idx, reta;

	v->rss_type = sim_rss_input(f, h, mrqc, in, &in_len);
	if (v->rss_type == SIM_RSS_NONE)
		return;
	for (unsigned int i = 0; i < SIM_RSSRK_COUNT; i++) {
		uint32_t k = sim_reg_peek(p, SIM_RSSRK(i));

		/* key byte 4n is the least significant byte of RSSRK[n] */
		key[4 * i] = (uint8_t)k;
		key[4 * i + 1] = (uint8_t)(k >> 8);
		key[4 * i + 2] = (uint8_t)(k >> 16);
		key[4 * i + 3] = (uint8_t)(k >> 24);
	}
	v->rss_hash = sim_toeplitz(key, in, in_len);
	/* the 7 low bits of the hash index the 128-entry RETA */
	idx = v->rss_hash & 0x7f;
	reta = sim_reg_peek(p, SIM_RETA(idx >> 2)) >> (8 * (idx & 3));
	v->queue = reta & SIM_RETA_QUEUE_MASK;
}

/* Ethertype, SYN and 5-tuple filters (qfilter.c) override RSS and the
 * default queue (7.1.2); the RSS hash and type are still reported. The
 * 1588 unit looks at the frame here too, as it passes the filters.
 */
static void sim_queue_filters(struct sim_port *p, const uint8_t *f,
			      uint32_t len, const struct sim_hdrs *h,
			      struct sim_rx_verdict *v)
{
	struct sim_qfilter_regs r;
	struct sim_qfilter_hit hit;

	if (sim_qfilter_load(p, &r))
		sim_qfilter_match(&r, f, len, h, &hit);
	else
		memset(&hit, 0, sizeof(hit));
	if (hit.by != SIM_QF_BY_NONE)
		v->queue = hit.queue;
	v->etqf = hit.etqf;
	v->timestamp = sim_ptp_rx_stamp(p, f, len, h, &hit);
}

static void sim_select_queue(struct sim_port *p, const uint8_t *f,
			     uint32_t len, const struct sim_hdrs *h,
			     struct sim_rx_verdict *v)
{
	uint32_t mrqc = sim_reg_peek(p, SIM_MRQC);
	uint32_t mrqe = mrqc & SIM_MRQC_MRQE_MASK;

	v->queue = (mrqc >> SIM_MRQC_DEF_Q_SHIFT) & 7u;
	v->rss_type = SIM_RSS_NONE;
	v->rss_hash = 0;
	if (mrqe == SIM_MRQC_MRQE_VMDQ) {
		/* VMDq: pool n's queue is n (7.10.3); rx.c replicates */
		v->pools = (uint8_t)sim_vmdq_rx_pools(p, f, len, h, v);
		v->accept = v->pools != 0;
		if (!v->accept)
			return;
		v->queue = (uint8_t)__builtin_ctz(v->pools);
	}
	/* VMDq with RSS: pools are not modelled, it hashes like RSS only */
	if (mrqe == SIM_MRQC_MRQE_RSS || mrqe == SIM_MRQC_MRQE_VMDQ_RSS)
		sim_rss(p, f, h, mrqc, v);
	sim_queue_filters(p, f, len, h, v);
}

/* The three comparisons of a flow control frame (datasheet 3.7.5): the
 * destination is the flow control multicast address (FCAH:FCAL) or the
 * station address (receive address 0), and the type is FCT's. */
static bool sim_fc_frame(struct sim_port *p, const uint8_t *f)
{
	uint32_t lo = (uint32_t)f[0] | (uint32_t)f[1] << 8 |
		      (uint32_t)f[2] << 16 | (uint32_t)f[3] << 24;
	uint32_t hi = (uint32_t)f[4] | (uint32_t)f[5] << 8;
	uint32_t rah0 = sim_reg_peek(p, SIM_RAH(0));

	if ((uint32_t)(f[12] << 8 | f[13]) != (sim_reg_peek(p, SIM_FCT) & 0xffffu))
		return false;
	if (lo == sim_reg_peek(p, SIM_FCAL) && hi == (sim_reg_peek(p, SIM_FCAH) & 0xffffu))
		return true;
	return (rah0 & SIM_RAH_AV) && hi == (rah0 & SIM_RAH_ADDR_MASK) &&
	       lo == sim_reg_peek(p, SIM_RAL(0));
}

/* Flow control frames: PAUSE frames are counted and reach the host only
 * without RCTL.DPF; other opcodes are counted in FCRUC and reach it only
 * with RCTL.PMCF. A frame that fails a comparison (a type 0x8808 frame to
 * another address, say) is an ordinary frame to the filters.
 */
static bool sim_filter_mac_control(struct sim_port *p, const uint8_t *f,
				   uint32_t len, uint32_t rctl)
{
	uint16_t opcode;

	if (len < 18 || !sim_fc_frame(p, f))
		return true;
	opcode = (uint16_t)(f[14] << 8 | f[15]);
	if (opcode != SIM_MAC_CTRL_PAUSE) {
		sim_stat_add(p, SIM_FCRUC, 1);
		return (rctl & SIM_RCTL_PMCF) != 0;
	}
	if (f[16] == 0 && f[17] == 0)
		sim_stat_add(p, SIM_XONRXC, 1);
	else
		sim_stat_add(p, SIM_XOFFRXC, 1);
	/* 3.7.5: with RFCE the MAC acts on it, XON (time 0) included */
	if (sim_reg_peek(p, SIM_CTRL) & SIM_CTRL_RFCE)
		sim_tx_pause(p, (uint16_t)(f[16] << 8 | f[17]));
	return !(rctl & SIM_RCTL_DPF);
}

void sim_rx_filter(struct sim_port *p, const uint8_t *f, uint32_t len,
		   const struct sim_hdrs *h, struct sim_rx_verdict *v)
{
	uint32_t rctl = sim_reg_peek(p, SIM_RCTL);

	memset(v, 0, sizeof(*v));
	v->rar = -1;
	if (len < 14 || !sim_filter_mac_control(p, f, len, rctl))
		return;
	sim_filter_address(p, f, rctl, v);
	/* in VMDq mode a pool's VMOLR may take what the port filters do not */
	if (!v->accept && (sim_reg_peek(p, SIM_MRQC) & SIM_MRQC_MRQE_MASK) !=
	    SIM_MRQC_MRQE_VMDQ)
		return;
	if (!sim_filter_vlan(p, h, rctl)) {
		v->accept = false;
		return;
	}
	sim_select_queue(p, f, len, h, v);
}
