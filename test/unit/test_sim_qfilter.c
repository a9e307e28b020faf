/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_qfilter.c - unit tests of the simulated 82576's queue filters
 * (ethertype, SYN, 5-tuple and their precedence) and of its IEEE 1588 unit.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engines.h"
#include "unit.h"

/* ---- what the model library takes from the platform ------------------- */
#include "platform_stub.h"

/* ---- frames ----------------------------------------------------------- */
#define F_LEN	64
#define P_TCP	6
#define P_UDP	17

struct tuple {
	uint8_t proto;
	uint8_t sip[4], dip[4];
	uint16_t sport, dport;
	uint8_t tcp_flags;
	bool frag;
};

static const struct tuple T_UDP = {
	P_UDP, { 10, 1, 1, 1 }, { 10, 2, 2, 2 }, 3000, 5000, 0, false,
};

static void put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

/* An untagged IPv4 TCP or UDP frame; returns its length. */
static uint32_t make_ipv4(uint8_t *f, const struct tuple *t)
{
	uint8_t *ip = f + 14, *l4 = ip + 20;

	memset(f, 0, F_LEN);
	memset(f, 0x02, 6);
	put16(f + 12, 0x0800);
	ip[0] = 0x45;
	put16(ip + 2, F_LEN - 14);
	if (t->frag)
		put16(ip + 6, 0x2001);		/* MF, offset 8 */
	ip[8] = 64;
	ip[9] = t->proto;
	memcpy(ip + 12, t->sip, 4);
	memcpy(ip + 16, t->dip, 4);
	put16(l4, t->sport);
	put16(l4 + 2, t->dport);
	if (t->proto == P_TCP) {
		l4[12] = 5 << 4;
		l4[13] = t->tcp_flags;
	} else {
		put16(l4 + 4, F_LEN - 34);
	}
	return F_LEN;
}

/* A PTP message over Ethernet, with a VLAN tag if vlan. */
static uint32_t make_ptp(uint8_t *f, unsigned int version, unsigned int msg,
			 bool vlan)
{
	uint32_t off = vlan ? 16 : 12;
	uint8_t *ptp;

	memset(f, 0, 80);
	memset(f, 0x01, 6);
	if (vlan) {
		put16(f + 12, 0x8100);
		put16(f + 14, 7);
	}
	put16(f + off, SIM_PTP_ETHERTYPE);
	ptp = f + off + 2;
	ptp[0] = (uint8_t)msg;
	ptp[1] = (uint8_t)version;
	for (unsigned int i = 20; i < 30; i++)
		ptp[i] = (uint8_t)(0xa0 + i);
	put16(ptp + 30, 0x4321);
	return 80;
}

static void parse(const uint8_t *f, uint32_t len, struct sim_hdrs *h)
{
	sim_parse_headers(f, len, 0x8100, 0x8100, false, h);
}

static struct sim_qfilter_hit match(const struct sim_qfilter_regs *r,
				    const uint8_t *f, uint32_t len)
{
	struct sim_qfilter_hit hit;
	struct sim_hdrs h;

	parse(f, len, &h);
	sim_qfilter_match(r, f, len, &h, &hit);
	return hit;
}

/* Register value of a field as on the wire: first byte lowest. */
static uint32_t wire32(const uint8_t b[4])
{
	return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint32_t wire16(uint16_t port)
{
	return (uint32_t)(port >> 8) | (uint32_t)(port & 0xff) << 8;
}

/* 5-tuple filter n: everything compared, queue q, priority prio. */
static void set_tuple(struct sim_qfilter_regs *r, unsigned int n,
		      const struct tuple *t, unsigned int q, unsigned int prio)
{
	r->ftqf[n] = t->proto | SIM_FTQF_QUEUE_EN | q << SIM_FTQF_QUEUE_SHIFT;
	r->saqf[n] = wire32(t->sip);
	r->daqf[n] = wire32(t->dip);
	r->spqf[n] = wire16(t->sport);
	r->imir[n] = wire16(t->dport) | prio << SIM_IMIR_PRIO_SHIFT;
	r->imirext[n] = SIM_IMIREXT_SIZE_BP | SIM_IMIREXT_CTRL_BP;
}

/* ---- ethertype filters ------------------------------------------------ */
static void test_etype(void)
{
	struct sim_qfilter_regs r = { 0 };
	struct sim_qfilter_hit hit;
	uint8_t f[128];
	uint32_t len = make_ptp(f, 2, 0, false);

	hit = match(&r, f, len);
	UNIT_CHECK_EQ(hit.by, SIM_QF_BY_NONE);
	UNIT_CHECK_EQ(hit.etqf, 0);
	/* without FILTER_EN an entry is ignored */
	r.etqf[1] = SIM_ETQF_QUEUE_EN | 4u << 16 | SIM_PTP_ETHERTYPE;
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
	r.etqf[2] = SIM_ETQF_FILTER_EN | SIM_ETQF_QUEUE_EN | 5u << 16 |
		    SIM_PTP_ETHERTYPE;
	hit = match(&r, f, len);
	UNIT_CHECK_EQ(hit.by, SIM_QF_BY_ETYPE);
	UNIT_CHECK_EQ(hit.queue, 5);
	UNIT_CHECK_EQ(hit.etqf, 3);
	UNIT_CHECK(!hit.ts_l2);
	/* the ethertype after a VLAN tag is the one compared */
	len = make_ptp(f, 2, 0, true);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 5);
	/* filter enable without queue enable: reported, time stamped, not queued */
	r.etqf[2] = SIM_ETQF_FILTER_EN | SIM_ETQF_1588 | SIM_PTP_ETHERTYPE;
	hit = match(&r, f, len);
	UNIT_CHECK_EQ(hit.by, SIM_QF_BY_NONE);
	UNIT_CHECK_EQ(hit.etqf, 3);
	UNIT_CHECK(hit.ts_l2);
	/* another ethertype does not match */
	len = make_ipv4(f, &T_UDP);
	UNIT_CHECK_EQ(match(&r, f, len).etqf, 0);
}

/* ---- SYN filter ------------------------------------------------------- */
static void test_syn(void)
{
	struct sim_qfilter_regs r = { 0 };
	struct tuple t = T_UDP;
	uint8_t f[128];
	uint32_t len;

	r.synqf = SIM_SYNQF_EN | 6u << SIM_SYNQF_QUEUE_SHIFT;
	t.proto = P_TCP;
	t.tcp_flags = 0x02;
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_SYN);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 6);
	t.tcp_flags = 0x12;	/* SYN+ACK still has SYN */
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 6);
	t.tcp_flags = 0x10;
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
	len = make_ipv4(f, &T_UDP);
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
	r.synqf = 6u << SIM_SYNQF_QUEUE_SHIFT;	/* disabled */
	t.tcp_flags = 0x02;
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
}

/* ---- 5-tuple filters -------------------------------------------------- */
static void check_tuple_miss(const struct sim_qfilter_regs *r,
			     const struct tuple *t)
{
	uint8_t f[128];
	uint32_t len = make_ipv4(f, t);

	UNIT_CHECK_EQ(match(r, f, len).by, SIM_QF_BY_NONE);
}

static void test_tuple_fields(void)
{
	struct sim_qfilter_regs r = { 0 };
	struct tuple t = T_UDP;
	uint8_t f[128];
	uint32_t len = make_ipv4(f, &t);

	set_tuple(&r, 4, &T_UDP, 9, 1);
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_TUPLE);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 9);
	UNIT_CHECK_EQ(match(&r, f, len).index, 4);
	t.proto = P_TCP;
	check_tuple_miss(&r, &t);
	t = T_UDP;
	t.sip[3] = 9;
	check_tuple_miss(&r, &t);
	t = T_UDP;
	t.dip[0] = 11;
	check_tuple_miss(&r, &t);
	t = T_UDP;
	t.sport++;
	check_tuple_miss(&r, &t);
	t = T_UDP;
	t.dport = 0x8813;	/* 5000 with its bytes swapped */
	check_tuple_miss(&r, &t);
	t = T_UDP;
	t.frag = true;		/* no ports to compare */
	check_tuple_miss(&r, &t);
	/* the bypass bits: each field is then anything */
	r.ftqf[4] |= SIM_FTQF_BP_PROTO | SIM_FTQF_BP_SRC_ADDR |
		     SIM_FTQF_BP_DST_ADDR | SIM_FTQF_BP_SRC_PORT;
	r.imir[4] |= SIM_IMIR_PORT_BP;
	t.proto = P_TCP;
	t.sip[3] = 9;
	t.dip[0] = 11;
	t.sport = 1;
	t.dport = 2;
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 9);
	/* without QUEUE_EN (and without 1588) a filter does nothing */
	r.ftqf[4] &= ~SIM_FTQF_QUEUE_EN;
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
}

static void test_tuple_priority(void)
{
	struct sim_qfilter_regs r = { 0 };
	uint8_t f[128];
	uint32_t len = make_ipv4(f, &T_UDP);

	set_tuple(&r, 1, &T_UDP, 1, 2);
	set_tuple(&r, 6, &T_UDP, 6, 5);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 6);	/* higher priority */
	r.imir[6] = (r.imir[6] & 0xffff) | 2u << SIM_IMIR_PRIO_SHIFT;
	UNIT_CHECK_EQ(match(&r, f, len).queue, 1);	/* tie: lower index */
	r.imir[1] = (r.imir[1] & 0xffff);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 6);
}

static void test_tuple_flags_size(void)
{
	struct sim_qfilter_regs r = { 0 };
	struct tuple t = T_UDP;
	uint8_t f[128];
	uint32_t len;

	t.proto = P_TCP;
	set_tuple(&r, 0, &t, 3, 1);
	/* IMIREXT bit 17 selects SYN (URG ACK PSH RST SYN FIN from bit 13) */
	r.imirext[0] = SIM_IMIREXT_SIZE_BP | 1u << 17;
	t.tcp_flags = 0x02;
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 3);
	t.tcp_flags = 0x10;
	len = make_ipv4(f, &t);
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
	r.imirext[0] = SIM_IMIREXT_SIZE_BP | 1u << 14;	/* ACK */
	UNIT_CHECK_EQ(match(&r, f, len).queue, 3);
	/* size threshold: frames shorter than SIZE match */
	r.imirext[0] = SIM_IMIREXT_CTRL_BP | F_LEN;
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_NONE);
	r.imirext[0] = SIM_IMIREXT_CTRL_BP | (F_LEN + 1);
	UNIT_CHECK_EQ(match(&r, f, len).queue, 3);
}

/* ---- precedence (7.1.2) ----------------------------------------------- */
static void test_precedence(void)
{
	struct sim_qfilter_regs r = { 0 };
	struct tuple t = T_UDP;
	uint8_t f[128];
	uint32_t len;

	t.proto = P_TCP;
	t.tcp_flags = 0x02;
	len = make_ipv4(f, &t);
	set_tuple(&r, 0, &t, 1, 1);
	r.synqf = SIM_SYNQF_EN | 3u << SIM_SYNQF_QUEUE_SHIFT;
	UNIT_CHECK_EQ(match(&r, f, len).queue, 1);	/* 5-tuple before SYN */
	r.rfctl = SIM_RFCTL_SYNQFP;
	UNIT_CHECK_EQ(match(&r, f, len).queue, 3);	/* SYNQFP: SYN first */
	r.etqf[7] = SIM_ETQF_FILTER_EN | SIM_ETQF_QUEUE_EN | 7u << 16 | 0x0800;
	UNIT_CHECK_EQ(match(&r, f, len).queue, 7);	/* ethertype first */
	UNIT_CHECK_EQ(match(&r, f, len).by, SIM_QF_BY_ETYPE);
	/* a 5-tuple filter that only time stamps still reports its 1588 bit */
	r.ftqf[0] = (r.ftqf[0] & ~SIM_FTQF_QUEUE_EN) | SIM_FTQF_1588;
	UNIT_CHECK(match(&r, f, len).ts_l4);
}

/* ---- 1588: pure functions --------------------------------------------- */
#define TIMINCA_82576	(1u << 24 | 16u << 16)

static void test_ptp_advance(void)
{
	uint64_t left;

	/* 1000 ns: 62 ticks of 16 ns, 8 ns carried */
	UNIT_CHECK_EQ(sim_ptp_advance(5, TIMINCA_82576, 1000, &left),
		      5 + 62ull * (16u << 16));
	UNIT_CHECK_EQ(left, 8);
	/* incperiod 3: one increment per 48 ns */
	UNIT_CHECK_EQ(sim_ptp_advance(0, 3u << 24 | 7, 100, &left), 14);
	UNIT_CHECK_EQ(left, 4);
	UNIT_CHECK_EQ(sim_ptp_advance(9, 0, 1000000, &left), 9);
	UNIT_CHECK_EQ(sim_ptp_advance(9, 1u << 24, 1000000, &left), 9);
}

static bool selected(uint32_t type, uint32_t rxcfg, const uint8_t *f,
		     uint32_t len, const struct sim_qfilter_hit *q)
{
	struct sim_hdrs h;

	parse(f, len, &h);
	return sim_ptp_rx_selected(type << SIM_TSYNCRXCTL_TYPE_SHIFT |
				   SIM_TSYNC_EN, rxcfg, f, len, &h, q);
}

static void test_ptp_selection(void)
{
	struct sim_qfilter_hit l2 = { .ts_l2 = true, .etqf = 4 }, none = { 0 };
	uint8_t f[128];
	uint32_t len = make_ptp(f, 2, 0, false);

	UNIT_CHECK(selected(0, 0, f, len, &l2));	/* L2 V2 Sync */
	UNIT_CHECK(!selected(0, 0, f, len, &none));	/* no ETQF 1588 match */
	UNIT_CHECK(!selected(0, 0x100, f, len, &l2));	/* MSGT asks Delay_Req */
	UNIT_CHECK(!selected(1, 0, f, len, &l2));	/* L4 V1 only */
	UNIT_CHECK(selected(2, 0, f, len, &l2));
	UNIT_CHECK(selected(4, 0, f, len, &none));	/* all packets */
	UNIT_CHECK(selected(5, 0, f, len, &l2));	/* V2 event */
	len = make_ptp(f, 2, 1, false);
	UNIT_CHECK(selected(0, 0x100, f, len, &l2));
	len = make_ptp(f, 2, 0xb, false);		/* Announce: general */
	UNIT_CHECK(!selected(5, 0, f, len, &l2));
	len = make_ptp(f, 1, 0, false);
	UNIT_CHECK(!selected(0, 0, f, len, &l2));	/* V1 on the L2 type */
}

static void test_ptp_selection_l4(void)
{
	struct sim_qfilter_hit l4 = { .ts_l4 = true };
	struct tuple t = T_UDP;
	uint8_t f[128];
	uint32_t len;

	t.dport = 319;
	memset(f, 0, sizeof(f));
	make_ipv4(f, &t);
	/* room for a V1 header: 100-byte frame */
	len = 100;
	put16(f + 16, (uint16_t)(len - 14));
	put16(f + 38, (uint16_t)(len - 34));
	/* PTP V1 header after the UDP header: versionPTP 1, control 0 */
	f[42] = 0;
	f[43] = 1;
	UNIT_CHECK(selected(1, 0, f, len, &l4));
	UNIT_CHECK(!selected(1, 1, f, len, &l4));	/* CTRLT wants Delay_Req */
	f[42 + 32] = 1;
	UNIT_CHECK(selected(1, 1, f, len, &l4));
	UNIT_CHECK(!selected(0, 0, f, len, &l4));
}

/* ---- 1588: registers of a port ---------------------------------------- */
static struct sim_port *port_make(void)
{
	struct sim_port *p = &sim_ports[0];

	memset(p, 0, sizeof(*p));
	p->bar = calloc(1, SIM_BAR0_SIZE);
	p->sh = calloc(1, sizeof(*p->sh));
	p->wire = SIM_WIRE_NONE;
	p->irq_fd = -1;
	sim_nb_ports = 1;
	sim_port_power_on(p);
	return p;
}

static uint32_t rd(struct sim_port *p, uint32_t off)
{
	return sim_reg_read(p, off, 4);
}

static void wr(struct sim_port *p, uint32_t off, uint32_t v)
{
	sim_reg_write(p, off, v, 4);
}

static uint64_t systim(struct sim_port *p)
{
	uint32_t lo = rd(p, SIM_SYSTIML);

	return (uint64_t)rd(p, SIM_SYSTIMH) << 32 | lo;
}

static void nap_us(long us)
{
	struct timespec ts = { 0, us * 1000 };

	nanosleep(&ts, NULL);
}

static void test_ptp_clock(void)
{
	struct sim_port *p = port_make();
	uint64_t t0, t1, t2;

	UNIT_CHECK_EQ(systim(p), 0);		/* TIMINCA 0: stopped */
	wr(p, SIM_SYSTIMH, 7);
	wr(p, SIM_SYSTIML, 0xfffff000u);
	UNIT_CHECK_EQ(systim(p), 0x7fffff000ull);
	wr(p, SIM_TIMINCA, TIMINCA_82576);
	t0 = systim(p);
	nap_us(2000);
	t1 = systim(p);
	UNIT_CHECK(((t1 - t0) >> 16) >= 2000000);
	/* SYSTIMH returns what the last SYSTIML read latched */
	(void)rd(p, SIM_SYSTIML);
	t2 = rd(p, SIM_SYSTIMH);
	nap_us(1000);
	UNIT_CHECK_EQ(rd(p, SIM_SYSTIMH), t2);
	/* TIMADJ: applied when TIMADJH is written; bit 31 subtracts */
	wr(p, SIM_TIMINCA, 0);
	t0 = systim(p);
	wr(p, SIM_TIMADJL, 0x1000);
	wr(p, SIM_TIMADJH, 2);
	UNIT_CHECK_EQ(systim(p), t0 + 0x200001000ull);
	wr(p, SIM_TIMADJL, 0x1000);
	wr(p, SIM_TIMADJH, SIM_TIMADJH_SIGN | 2);
	UNIT_CHECK_EQ(systim(p), t0);
	/* a device reset clears the clock */
	wr(p, SIM_CTRL, SIM_CTRL_RST);
	UNIT_CHECK_EQ(systim(p), 0);
	free((void *)(uintptr_t)p->bar);
	free(p->sh);
}

static bool rx_one(struct sim_port *p, const uint8_t *f, uint32_t len,
		   struct sim_rx_verdict *v)
{
	struct sim_hdrs h;

	parse(f, len, &h);
	sim_rx_filter(p, f, len, &h, v);
	return v->accept;
}

static void test_ptp_rx_tx_latch(void)
{
	struct sim_port *p = port_make();
	struct sim_rx_verdict v;
	uint8_t f[128];
	uint32_t len = make_ptp(f, 2, 0, false);
	uint32_t lo;

	wr(p, SIM_RCTL, SIM_RCTL_EN | SIM_RCTL_MPE);
	wr(p, SIM_SYSTIML, 0x1234);
	wr(p, SIM_ETQF(3), SIM_ETQF_FILTER_EN | SIM_ETQF_1588 |
			   SIM_PTP_ETHERTYPE);
	UNIT_CHECK(rx_one(p, f, len, &v));
	UNIT_CHECK(!v.timestamp);		/* TSYNCRXCTL.EN clear */
	UNIT_CHECK_EQ(v.etqf, 4);
	UNIT_CHECK_EQ(v.queue, 0);
	wr(p, SIM_TSYNCRXCTL, SIM_TSYNC_EN | SIM_TSYNC_VALID);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCRXCTL), SIM_TSYNC_EN);	/* RXTT is RO */
	UNIT_CHECK(rx_one(p, f, len, &v) && v.timestamp);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCRXCTL), SIM_TSYNC_EN | SIM_TSYNC_VALID);
	UNIT_CHECK_EQ(rd(p, SIM_RXSTMPL), 0x1234);
	UNIT_CHECK_EQ(rd(p, SIM_RXSATRL), 0xb6b7b8b9u);	/* id bytes 22-25 */
	UNIT_CHECK_EQ(rd(p, SIM_RXSATRH), 0x4321babbu);	/* seq, bytes 26-27 */
	/* locked until RXSTMPH is read */
	wr(p, SIM_SYSTIML, 0x5678);
	UNIT_CHECK(rx_one(p, f, len, &v) && !v.timestamp);
	UNIT_CHECK_EQ(rd(p, SIM_RXSTMPL), 0x1234);
	UNIT_CHECK_EQ(rd(p, SIM_RXSTMPH), 0);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCRXCTL), SIM_TSYNC_EN);
	UNIT_CHECK(rx_one(p, f, len, &v) && v.timestamp);
	UNIT_CHECK_EQ(rd(p, SIM_RXSTMPL), 0x5678);
	/* transmit: the same lock, released by TXSTMPH */
	sim_ptp_tx_stamp(p);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCTXCTL), 0);
	wr(p, SIM_TSYNCTXCTL, SIM_TSYNC_EN);
	sim_ptp_tx_stamp(p);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCTXCTL), SIM_TSYNC_EN | SIM_TSYNC_VALID);
	lo = rd(p, SIM_TXSTMPL);
	UNIT_CHECK_EQ(lo, 0x5678);
	wr(p, SIM_SYSTIML, 0x9999);
	sim_ptp_tx_stamp(p);
	UNIT_CHECK_EQ(rd(p, SIM_TXSTMPL), lo);
	(void)rd(p, SIM_TXSTMPH);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCTXCTL), SIM_TSYNC_EN);
	free((void *)(uintptr_t)p->bar);
	free(p->sh);
}

/* ---- through the engines: descriptors in (test) host memory ----------- */
#define RING	8	/* RDLEN/TDLEN are multiples of 128 bytes */

static void queue_enable(struct sim_port *p, uint32_t blk, const void *ring)
{
	uint64_t iova = (uint64_t)(uintptr_t)ring;

	wr(p, blk + SIM_Q_BAL, (uint32_t)iova);
	wr(p, blk + SIM_Q_BAH, (uint32_t)(iova >> 32));
	wr(p, blk + SIM_Q_LEN, RING * 16);
	wr(p, blk + SIM_Q_DCTL, SIM_DCTL_ENABLE);
	sim_port_tick(p);
}

static void test_ptp_engines(void)
{
	static uint32_t rx_ring[RING][4] __attribute__((aligned(128)));
	static uint32_t tx_ring[RING][4] __attribute__((aligned(128)));
	static uint8_t rx_buf[2048], frame[128];
	struct sim_port *p = port_make();
	uint32_t len = make_ptp(frame, 2, 0, false);

	wr(p, SIM_SYSTIML, 0xabc);
	wr(p, SIM_ETQF(3), SIM_ETQF_FILTER_EN | SIM_ETQF_1588 |
			   SIM_PTP_ETHERTYPE);
	wr(p, SIM_TSYNCRXCTL, SIM_TSYNC_EN);
	wr(p, SIM_TSYNCTXCTL, SIM_TSYNC_EN);
	/* RX queue 0: advanced one-buffer descriptors */
	for (unsigned int i = 0; i < RING; i++) {
		rx_ring[i][0] = (uint32_t)(uintptr_t)rx_buf;
		rx_ring[i][1] = (uint32_t)((uint64_t)(uintptr_t)rx_buf >> 32);
	}
	wr(p, SIM_RXQ_REG(0, SIM_Q_SRRCTL),
	   SIM_SRRCTL_DESCTYPE_ADV_1BUF << SIM_SRRCTL_DESCTYPE_SHIFT | 2);
	queue_enable(p, SIM_RXQ_REG(0, 0), rx_ring);
	wr(p, SIM_RCTL, SIM_RCTL_EN | SIM_RCTL_MPE | SIM_RCTL_SECRC);
	wr(p, SIM_RXQ_REG(0, SIM_Q_TAIL), RING - 1);
	sim_rx_frame(p, frame, len, true);
	UNIT_CHECK(rx_ring[0][2] & SIM_RXD_STAT_DD);
	UNIT_CHECK(rx_ring[0][2] & SIM_RXD_STAT_TS);
	/* packet type: ETQF match, index 3 */
	UNIT_CHECK_EQ((rx_ring[0][0] >> SIM_RXADV_PTYPE_SHIFT) & 0xfff,
		      SIM_RXADV_PTYPE_ETQF | 3);
	UNIT_CHECK_EQ(rd(p, SIM_RXSTMPL), 0xabc);
	sim_rx_frame(p, frame, len, true);	/* locked: no TS */
	UNIT_CHECK(rx_ring[1][2] & SIM_RXD_STAT_DD);
	UNIT_CHECK(!(rx_ring[1][2] & SIM_RXD_STAT_TS));
	/* TX queue 0: one advanced data descriptor asking for a stamp */
	tx_ring[0][0] = (uint32_t)(uintptr_t)frame;
	tx_ring[0][1] = (uint32_t)((uint64_t)(uintptr_t)frame >> 32);
	tx_ring[0][2] = len | SIM_TXD_DTYP_DATA << SIM_TXD_DTYP_SHIFT |
			SIM_TXD_CMD_DEXT | SIM_TXD_CMD_EOP | SIM_TXD_CMD_IFCS |
			SIM_TXD_CMD_RS | SIM_TXD_MAC_TSTAMP;
	tx_ring[0][3] = len << SIM_TXD_PAYLEN_SHIFT;
	wr(p, SIM_TCTL, SIM_TCTL_EN);
	queue_enable(p, SIM_TXQ_REG(0, 0), tx_ring);
	wr(p, SIM_SYSTIML, 0xdef);
	wr(p, SIM_TXQ_REG(0, SIM_Q_TAIL), 1);
	UNIT_CHECK_EQ(sim_tx_poll(p), 1);
	UNIT_CHECK_EQ(sim_stub_wire_frames, 1);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCTXCTL), SIM_TSYNC_EN | SIM_TSYNC_VALID);
	UNIT_CHECK_EQ(rd(p, SIM_TXSTMPL), 0xdef);
	/* without the bit: no stamp */
	(void)rd(p, SIM_TXSTMPH);
	tx_ring[1][0] = tx_ring[0][0];
	tx_ring[1][1] = tx_ring[0][1];
	tx_ring[1][2] = tx_ring[0][2] & ~SIM_TXD_MAC_TSTAMP;
	tx_ring[1][3] = tx_ring[0][3];
	wr(p, SIM_TXQ_REG(0, SIM_Q_TAIL), 2);
	UNIT_CHECK_EQ(sim_tx_poll(p), 1);
	UNIT_CHECK_EQ(rd(p, SIM_TSYNCTXCTL), SIM_TSYNC_EN);
	free((void *)(uintptr_t)p->bar);
	free(p->sh);
}

int main(void)
{
	UNIT_RUN(test_etype);
	UNIT_RUN(test_syn);
	UNIT_RUN(test_tuple_fields);
	UNIT_RUN(test_tuple_priority);
	UNIT_RUN(test_tuple_flags_size);
	UNIT_RUN(test_precedence);
	UNIT_RUN(test_ptp_advance);
	UNIT_RUN(test_ptp_selection);
	UNIT_RUN(test_ptp_selection_l4);
	UNIT_RUN(test_ptp_clock);
	UNIT_RUN(test_ptp_rx_tx_latch);
	UNIT_RUN(test_ptp_engines);
	return unit_report();
}
