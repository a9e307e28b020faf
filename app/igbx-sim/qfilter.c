/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * qfilter.c - the 82576's receive queue-assignment filters (datasheet 7.1.2):
 * 8 ethertype filters (ETQF), the TCP SYN filter (SYNQF), 8 5-tuple filters.
 */
#include <string.h>

#include "engines.h"

#define SIM_IPPROTO_TCP		6

/* ---- reading the registers -------------------------------------------- */
static void sim_qfilter_read_array(const struct sim_port *p, uint32_t base,
				   uint32_t *dst, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		dst[i] = sim_reg_peek(p, base + 4 * i);
}

/* A 5-tuple filter acts only when it assigns a queue or time stamps; the
 * immediate-interrupt use of IMIR is not modelled.
 */
static bool sim_tuple_in_use(uint32_t ftqf)
{
	return ftqf & (SIM_FTQF_QUEUE_EN | SIM_FTQF_1588);
}

bool sim_qfilter_load(const struct sim_port *p, struct sim_qfilter_regs *r)
{
	bool used = false;

	sim_qfilter_read_array(p, SIM_ETQF(0), r->etqf, SIM_QF_NB_ETYPE);
	sim_qfilter_read_array(p, SIM_FTQF(0), r->ftqf, SIM_QF_NB_TUPLE);
	r->synqf = sim_reg_peek(p, SIM_SYNQF);
	r->rfctl = sim_reg_peek(p, SIM_RFCTL);
	for (unsigned int i = 0; i < SIM_QF_NB_ETYPE; i++)
		used |= (r->etqf[i] & SIM_ETQF_FILTER_EN) != 0;
	for (unsigned int i = 0; i < SIM_QF_NB_TUPLE; i++)
		used |= sim_tuple_in_use(r->ftqf[i]);
	used |= (r->synqf & SIM_SYNQF_EN) != 0;
	if (!used)
		return false;
	sim_qfilter_read_array(p, SIM_SAQF(0), r->saqf, SIM_QF_NB_TUPLE);
	sim_qfilter_read_array(p, SIM_DAQF(0), r->daqf, SIM_QF_NB_TUPLE);
	sim_qfilter_read_array(p, SIM_SPQF(0), r->spqf, SIM_QF_NB_TUPLE);
	sim_qfilter_read_array(p, SIM_IMIR(0), r->imir, SIM_QF_NB_TUPLE);
	sim_qfilter_read_array(p, SIM_IMIREXT(0), r->imirext, SIM_QF_NB_TUPLE);
	return true;
}

/* ---- header fields ---------------------------------------------------- */
/* Address and port registers hold the field as it is on the wire: its
 * first byte in the register's least significant byte (network order).
 */
static uint32_t sim_wire32(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
}

static uint32_t sim_wire16(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8;
}

/* The L2 ethertype: after the VLAN tags the parser found. */
static int sim_l2_ethertype(const uint8_t *f, uint32_t len,
			    const struct sim_hdrs *h)
{
	uint32_t off = 12 + 4u * h->nb_vlans;

	if (off + 2 > len)
		return -1;
	return f[off] << 8 | f[off + 1];
}

/* TCP flags of a TCP header the parser found, or -1. */
static int sim_tcp_flags(const uint8_t *f, uint32_t len,
			 const struct sim_hdrs *h)
{
	if (h->l4 != SIM_L4_TCP || h->frag || (uint32_t)h->l4_off + 14 > len)
		return -1;
	return f[h->l4_off + 13] & 0x3f;
}

/* ---- the filters ------------------------------------------------------ */
/* Ethertype filters (7.1.2): the first enabled entry with the frame's
 * ethertype; it queues the frame only with its queue enable bit.
 */
static void sim_match_etype(const struct sim_qfilter_regs *r, int etype,
			    struct sim_qfilter_hit *hit)
{
	for (unsigned int i = 0; i < SIM_QF_NB_ETYPE && etype >= 0; i++) {
		uint32_t e = r->etqf[i];

		if (!(e & SIM_ETQF_FILTER_EN) ||
		    (e & SIM_ETQF_ETYPE_MASK) != (uint32_t)etype)
			continue;
		hit->etqf = (uint8_t)(i + 1);
		hit->ts_l2 = (e & SIM_ETQF_1588) != 0;
		if (e & SIM_ETQF_QUEUE_EN) {
			hit->by = SIM_QF_BY_ETYPE;
			hit->index = (uint8_t)i;
			hit->queue = (uint8_t)((e & SIM_ETQF_QUEUE_MASK) >>
					       SIM_ETQF_QUEUE_SHIFT);
		}
		return;
	}
}

/* IMIREXT control bits: with CTRL_BP clear, a TCP frame matches when one
 * of the selected flags is set in it (none selected: any TCP frame).
 */
static bool sim_tuple_flags_ok(uint32_t imirext, int flags)
{
	uint32_t want = (imirext >> SIM_IMIREXT_CTRL_SHIFT) & 0x3f;
	/* IMIREXT orders them URG ACK PSH RST SYN FIN from bit 13 up; the
	 * TCP header orders them FIN SYN RST PSH ACK URG from bit 0 up
	 */
	uint32_t tcp = 0;

	if (imirext & SIM_IMIREXT_CTRL_BP)
		return true;
	if (flags < 0)
		return false;
	for (unsigned int b = 0; b < 6; b++)
		if (want & (1u << b))
			tcp |= 1u << (5 - b);
	return tcp == 0 || (flags & tcp) != 0;
}

/* One 5-tuple filter against an IPv4 frame. */
static bool sim_tuple_match(const struct sim_qfilter_regs *r, unsigned int i,
			    const uint8_t *f, uint32_t len,
			    const struct sim_hdrs *h)
{
	uint32_t ftqf = r->ftqf[i], imir = r->imir[i], ext = r->imirext[i];
	const uint8_t *ip = f + h->l3_off;
	bool ports = h->l4_off && !h->frag && h->l4 != SIM_L4_NONE &&
		     (uint32_t)h->l4_off + 4 <= len;

	if (!(ftqf & SIM_FTQF_BP_PROTO) &&
	    ip[9] != (ftqf & SIM_FTQF_PROTO_MASK))
		return false;
	if (!(ftqf & SIM_FTQF_BP_SRC_ADDR) && sim_wire32(ip + 12) != r->saqf[i])
		return false;
	if (!(ftqf & SIM_FTQF_BP_DST_ADDR) && sim_wire32(ip + 16) != r->daqf[i])
		return false;
	if (!(ftqf & SIM_FTQF_BP_SRC_PORT) &&
	    (!ports || sim_wire16(f + h->l4_off) != (r->spqf[i] & 0xffff)))
		return false;
	if (!(imir & SIM_IMIR_PORT_BP) &&
	    (!ports || sim_wire16(f + h->l4_off + 2) !=
		       (imir & SIM_IMIR_PORT_MASK)))
		return false;
	/* size threshold: frames shorter than IMIREXT.SIZE match */
	if (!(ext & SIM_IMIREXT_SIZE_BP) && len >= (ext & SIM_IMIREXT_SIZE_MASK))
		return false;
	return sim_tuple_flags_ok(ext, sim_tcp_flags(f, len, h));
}

/* 5-tuple filters (IPv4 only): among the matching filters that queue, the
 * highest IMIR priority wins, then the lowest index.
 */
static void sim_match_tuples(const struct sim_qfilter_regs *r,
			     const uint8_t *f, uint32_t len,
			     const struct sim_hdrs *h, struct sim_qfilter_hit *t)
{
	int best_prio = -1;

	if (h->l3 != SIM_L3_IPV4 || (uint32_t)h->l3_off + 20 > len)
		return;
	for (unsigned int i = 0; i < SIM_QF_NB_TUPLE; i++) {
		uint32_t ftqf = r->ftqf[i];
		int prio = (int)(r->imir[i] >> SIM_IMIR_PRIO_SHIFT);

		if (!sim_tuple_in_use(ftqf) || !sim_tuple_match(r, i, f, len, h))
			continue;
		if (ftqf & SIM_FTQF_1588)
			t->ts_l4 = true;
		if (!(ftqf & SIM_FTQF_QUEUE_EN) || prio <= best_prio)
			continue;
		best_prio = prio;
		t->by = SIM_QF_BY_TUPLE;
		t->index = (uint8_t)i;
		t->queue = (uint8_t)((ftqf >> SIM_FTQF_QUEUE_SHIFT) &
				     SIM_FTQF_QUEUE_MASK);
	}
}

/* SYN filter: TCP frames (IPv4 or IPv6) with the SYN flag. */
static bool sim_match_syn(const struct sim_qfilter_regs *r, const uint8_t *f,
			  uint32_t len, const struct sim_hdrs *h,
			  struct sim_qfilter_hit *hit)
{
	int flags = sim_tcp_flags(f, len, h);

	if (!(r->synqf & SIM_SYNQF_EN) || flags < 0 ||
	    !(flags & SIM_TCP_FLAG_SYN))
		return false;
	hit->by = SIM_QF_BY_SYN;
	hit->index = 0;
	hit->queue = (uint8_t)((r->synqf >> SIM_SYNQF_QUEUE_SHIFT) &
			       SIM_SYNQF_QUEUE_MASK);
	return true;
}

/* Precedence (7.1.2): ethertype filters, then the SYN filter when
 * RFCTL.SYNQFP gives it priority, then the 5-tuple filters, then the SYN
 * filter; a frame no filter queues goes to RSS or the default queue.
 */
void sim_qfilter_match(const struct sim_qfilter_regs *r, const uint8_t *f,
		       uint32_t len, const struct sim_hdrs *h,
		       struct sim_qfilter_hit *hit)
{
	struct sim_qfilter_hit tuple;
	bool syn_first = r->rfctl & SIM_RFCTL_SYNQFP;

	memset(hit, 0, sizeof(*hit));
	memset(&tuple, 0, sizeof(tuple));
	sim_match_etype(r, sim_l2_ethertype(f, len, h), hit);
	/* the 5-tuple filters are evaluated for their 1588 bit even when an
	 * earlier filter chose the queue
	 */
	sim_match_tuples(r, f, len, h, &tuple);
	hit->ts_l4 = tuple.ts_l4;
	if (hit->by != SIM_QF_BY_NONE)
		return;
	if (syn_first && sim_match_syn(r, f, len, h, hit))
		return;
	if (tuple.by != SIM_QF_BY_NONE) {
		hit->by = tuple.by;
		hit->index = tuple.index;
		hit->queue = tuple.queue;
		return;
	}
	if (!syn_first)
		sim_match_syn(r, f, len, h, hit);
}
