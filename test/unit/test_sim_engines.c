/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_engines.c - unit tests of the simulated 82576's RX/TX engines:
 * the pure helpers, then rings in plain memory driven through the registers.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engines.h"
#include "hsplit.h"
#include "unit.h"

/* ---- platform stubs: IOVA is the virtual address ---------------------- */
struct sim_port sim_ports[SIM_MAX_PORTS];
unsigned int sim_nb_ports;

#define WIRE_MAX	64
static uint8_t wire_frame[WIRE_MAX][SIM_MAX_FRAME];
static uint32_t wire_len[WIRE_MAX];
static unsigned int wire_count, irq_count;

void *sim_dma_ptr(uint64_t iova, uint32_t len)
{
	(void)len;
	return (void *)(uintptr_t)iova;
}

int sim_dma_read(uint64_t iova, void *dst, uint32_t len)
{
	memcpy(dst, (void *)(uintptr_t)iova, len);
	return 0;
}

int sim_dma_write(uint64_t iova, const void *src, uint32_t len)
{
	memcpy((void *)(uintptr_t)iova, src, len);
	return 0;
}

/* Host ranges the engines say they touched through pointers (dma mode). */
#define NOTE_MAX	64
static const volatile void *note_va[NOTE_MAX];
static uint32_t note_len[NOTE_MAX];
static unsigned int note_count;

void sim_dma_note(const volatile void *va, uint32_t len)
{
	if (note_count < NOTE_MAX) {
		note_va[note_count] = va;
		note_len[note_count] = len;
	}
	note_count++;
}

void sim_wire_send(struct sim_port *p, const uint8_t *frame, uint32_t len)
{
	(void)p;
	if (wire_count < WIRE_MAX) {
		memcpy(wire_frame[wire_count], frame, len);
		wire_len[wire_count] = len;
	}
	wire_count++;
}

void sim_platform_signal_irq(struct sim_port *p)
{
	(void)p;
	irq_count++;
}

void sim_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("igbx-sim: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* ---- helpers ---------------------------------------------------------- */
static const uint8_t port_mac[6] = { 0x00, 0x1b, 0x21, 0x00, 0x00, 0x01 };
static const uint8_t peer_mac[6] = { 0x00, 0x1b, 0x21, 0x00, 0x00, 0x02 };

/* An independent RFC 1071 sum, so the engines are not checked by themselves. */
static uint16_t ref_sum(uint32_t seed, const uint8_t *b, uint32_t len)
{
	uint32_t s = seed;

	for (uint32_t i = 0; i + 1 < len; i += 2)
		s += (uint32_t)b[i] << 8 | b[i + 1];
	if (len & 1)
		s += (uint32_t)b[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static uint16_t get16(const uint8_t *b)
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

static uint32_t get32(const uint8_t *b)
{
	return (uint32_t)get16(b) << 16 | get16(b + 2);
}

static void put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static void put32(uint8_t *b, uint32_t v)
{
	put16(b, (uint16_t)(v >> 16));
	put16(b + 2, (uint16_t)v);
}

static void reg_write(struct sim_port *p, uint32_t off, uint32_t v)
{
	sim_reg_write(p, off, v, 4);
}

static uint32_t reg_read(struct sim_port *p, uint32_t off)
{
	return sim_reg_read(p, off, 4);
}

static struct sim_port *port_new(void)
{
	static uint32_t bar[SIM_BAR0_SIZE / 4];
	static struct sim_shared sh;
	struct sim_port *p = &sim_ports[0];

	free(p->rxfifo);
	memset(p, 0, sizeof(*p));
	memset(&sh, 0, sizeof(sh));
	p->bar = bar;
	p->sh = &sh;
	p->primary = true;
	p->irq_fd = p->cfg_fd = p->tap_fd = -1;
	p->wire = SIM_WIRE_PAIR;
	p->rxfifo = calloc(1, SIM_RXFIFO_BYTES);
	memcpy(sh.mac, port_mac, 6);
	sim_nb_ports = 1;
	sim_port_power_on(p);
	/* RAR[0] holds the port's address, as a driver would program it */
	reg_write(p, SIM_RAL(0), 0x00211b00);
	reg_write(p, SIM_RAH(0), 0x0100 | SIM_RAH_AV);
	wire_count = 0;
	return p;
}

/* IPv4/UDP or IPv4/TCP frame with a valid checksum; returns its length. */
static uint32_t frame_ip4(uint8_t *f, const uint8_t *dst, uint8_t proto,
			  uint32_t payload, uint16_t sport)
{
	uint32_t l4len = (proto == 6 ? 20 : 8) + payload, sum;
	uint8_t *ip = f + 14, *l4 = ip + 20;

	memset(f, 0, 14 + 20 + l4len);
	memcpy(f, dst, 6);
	memcpy(f + 6, peer_mac, 6);
	put16(f + 12, 0x0800);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + l4len));
	put16(ip + 4, 0x1234);
	ip[8] = 64;
	ip[9] = proto;
	put32(ip + 12, 0x0a000001);
	put32(ip + 16, 0x0a000002);
	put16(ip + 10, (uint16_t)~ref_sum(0, ip, 20));
	put16(l4, sport);
	put16(l4 + 2, 80);
	if (proto == 6) {
		put32(l4 + 4, 1000);
		l4[12] = 5 << 4;
		l4[13] = 0x18;	/* PSH ACK */
	} else {
		put16(l4 + 4, (uint16_t)l4len);
	}
	for (uint32_t i = 0; i < payload; i++)
		l4[l4len - payload + i] = (uint8_t)i;
	sum = ref_sum(proto + l4len, ip + 12, 8);
	sum = ref_sum(sum, l4, l4len);
	put16(l4 + (proto == 6 ? 16 : 6), (uint16_t)~sum);
	return 14 + 20 + l4len;
}

static bool l4_sum_ok(const uint8_t *f, uint32_t len, uint8_t proto)
{
	const uint8_t *ip = f + 14;
	uint32_t l4len = len - 34;

	return ref_sum(ref_sum(proto + l4len, ip + 12, 8), ip + 20, l4len) ==
	       0xffff;
}

/* ---- pure helpers ----------------------------------------------------- */
static const uint8_t ms_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/* Microsoft's RSS verification suite, IPv4 and IPv4/TCP tables. */
static const struct {
	uint8_t dst[4], src[4];
	uint16_t dport, sport;
	uint32_t ip, tcp;
} ms_v4[] = {
	{ { 161, 142, 100, 80 }, { 66, 9, 149, 187 }, 1766, 2794,
	  0x323e8fc2, 0x51ccc178 },
	{ { 65, 69, 140, 83 }, { 199, 92, 111, 2 }, 4739, 14230,
	  0xd718262a, 0xc626b0ea },
	{ { 12, 22, 207, 184 }, { 24, 19, 198, 95 }, 38024, 12898,
	  0xd2d0a5de, 0x5c2b394a },
	{ { 209, 142, 163, 6 }, { 38, 27, 205, 30 }, 2217, 48228,
	  0x82989176, 0xafc7327f },
	{ { 202, 188, 127, 2 }, { 153, 39, 163, 191 }, 1303, 44251,
	  0x5d1809c5, 0x10e828a2 },
};

static void test_toeplitz(void)
{
	for (unsigned int i = 0; i < sizeof(ms_v4) / sizeof(ms_v4[0]); i++) {
		uint8_t in[12];

		memcpy(in, ms_v4[i].src, 4);
		memcpy(in + 4, ms_v4[i].dst, 4);
		put16(in + 8, ms_v4[i].sport);
		put16(in + 10, ms_v4[i].dport);
		UNIT_CHECK_EQ(sim_toeplitz(ms_key, in, 8), ms_v4[i].ip);
		UNIT_CHECK_EQ(sim_toeplitz(ms_key, in, 12), ms_v4[i].tcp);
	}
}

static void test_mta_index(void)
{
	static const uint8_t mac[6] = { 0x01, 0x23, 0x45, 0x67, 0x89, 0xab };
	/* the address as a 48-bit number, first byte least significant */
	uint64_t a = 0;

	for (int i = 5; i >= 0; i--)
		a = a << 8 | mac[i];
	UNIT_CHECK_EQ(sim_mta_index(mac, 0), (a >> 36) & 0xfff);
	UNIT_CHECK_EQ(sim_mta_index(mac, 1), (a >> 35) & 0xfff);
	UNIT_CHECK_EQ(sim_mta_index(mac, 2), (a >> 34) & 0xfff);
	UNIT_CHECK_EQ(sim_mta_index(mac, 3), (a >> 32) & 0xfff);
	UNIT_CHECK_EQ(sim_mta_index(mac, 0), 0xab8);
	UNIT_CHECK_EQ(sim_mta_index(mac, 3), 0xb89);
}

static void test_checksums(void)
{
	static const uint8_t rfc1071[8] = { 0x00, 0x01, 0xf2, 0x03,
					    0xf4, 0xf5, 0xf6, 0xf7 };
	static const uint8_t ip[20] = {
		0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		0x00, 0x00, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
	};
	const uint8_t *digits = (const uint8_t *)"123456789";

	UNIT_CHECK_EQ(sim_csum_fold(sim_csum_add(0, rfc1071, 8)), 0xddf2);
	UNIT_CHECK_EQ(sim_csum_fold(sim_csum_add(0, rfc1071, 7)),
		      ref_sum(0, rfc1071, 7));
	UNIT_CHECK_EQ((uint16_t)~sim_csum_fold(sim_csum_add(0, ip, 20)),
		      0xb861);
	UNIT_CHECK_EQ(sim_crc32_eth(0, digits, 9), 0xcbf43926);
	UNIT_CHECK_EQ(sim_crc32c(0, digits, 9), 0xe3069283);
	/* chaining gives the same result as one pass */
	UNIT_CHECK_EQ(sim_crc32c(sim_crc32c(0, digits, 4), digits + 4, 5),
		      0xe3069283);
}

static void test_parse(void)
{
	uint8_t f[256];
	uint32_t len = frame_ip4(f, port_mac, 6, 10, 1234);
	struct sim_hdrs h;

	sim_parse_headers(f, len, 0x8100, 0x88a8, false, &h);
	UNIT_CHECK_EQ(h.l3, SIM_L3_IPV4);
	UNIT_CHECK_EQ(h.l4, SIM_L4_TCP);
	UNIT_CHECK_EQ(h.l3_off, 14);
	UNIT_CHECK_EQ(h.l4_off, 34);
	UNIT_CHECK_EQ(h.hdr_len, 54);
	UNIT_CHECK_EQ(h.ip_end, len);
	/* IPv6 with a hop-by-hop header, then UDP */
	memset(f, 0, sizeof(f));
	put16(f + 12, 0x86dd);
	f[14] = 0x60;
	put16(f + 18, 8 + 8 + 4);
	f[20] = 0;		/* next: hop-by-hop */
	f[54] = 17;		/* hop-by-hop's next: UDP, length 8 */
	sim_parse_headers(f, 14 + 40 + 20, 0x8100, 0x88a8, false, &h);
	UNIT_CHECK_EQ(h.l3, SIM_L3_IPV6);
	UNIT_CHECK(h.l3_ext);
	UNIT_CHECK_EQ(h.l4, SIM_L4_UDP);
	UNIT_CHECK_EQ(h.l4_off, 14 + 40 + 8);
}

/* ---- rings in plain memory -------------------------------------------- */
#define RING_N		16
#define BUF_SIZE	16384

struct ring {
	uint8_t *desc;
	uint8_t *buf[RING_N];
	uint8_t *hbuf[RING_N];
};

static struct ring rxr[SIM_NUM_QUEUES], txr;

static void ring_alloc(struct ring *r)
{
	if (!r->desc) {
		r->desc = aligned_alloc(128, RING_N * 16);
		for (int i = 0; i < RING_N; i++) {
			r->buf[i] = malloc(BUF_SIZE);
			r->hbuf[i] = malloc(1024);
		}
	}
	memset(r->desc, 0, RING_N * 16);
}

static void rx_arm(struct ring *r, unsigned int i)
{
	uint64_t *d = (uint64_t *)(r->desc + 16 * i);

	memset(r->buf[i], 0xee, BUF_SIZE);
	d[0] = (uintptr_t)r->buf[i];
	d[1] = (uintptr_t)r->hbuf[i];
}

/* Queue q enabled with RING_N descriptors, RING_N - 1 of them given. */
static struct ring *rx_ring(struct sim_port *p, unsigned int q,
			    uint32_t srrctl)
{
	struct ring *r = &rxr[q];
	uint64_t base;

	ring_alloc(r);
	for (int i = 0; i < RING_N; i++)
		rx_arm(r, i);
	base = (uintptr_t)r->desc;
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_BAL), (uint32_t)base);
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_BAH), (uint32_t)(base >> 32));
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_LEN), RING_N * 16);
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_SRRCTL), srrctl);
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_HEAD), 0);
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_DCTL), SIM_DCTL_ENABLE);
	sim_port_tick(p);
	reg_write(p, SIM_RXQ_REG(q, SIM_Q_TAIL), RING_N - 1);
	return r;
}

static const struct sim_rx_adv_wb *rx_wb(const struct ring *r, unsigned int i)
{
	return (const struct sim_rx_adv_wb *)(r->desc + 16 * i);
}

#define SRRCTL_ADV(kb)	((SIM_SRRCTL_DESCTYPE_ADV_1BUF << \
			  SIM_SRRCTL_DESCTYPE_SHIFT) | (kb))
#define RCTL_ON		(SIM_RCTL_EN | SIM_RCTL_BAM | SIM_RCTL_SECRC)
#define ST_GOOD_UDP	(SIM_RXD_STAT_DD | SIM_RXD_STAT_EOP | \
			 SIM_RXD_STAT_IPCS | SIM_RXD_STAT_L4CS | \
			 SIM_RXD_STAT_UDPCS)

static struct sim_port *rx_port(void)
{
	struct sim_port *p = port_new();

	rx_ring(p, 0, SRRCTL_ADV(2));
	reg_write(p, SIM_RXCSUM, SIM_RXCSUM_IPOFLD | SIM_RXCSUM_TUOFLD |
		  SIM_RXCSUM_CRCOFL | SIM_RXCSUM_PCSD);
	reg_write(p, SIM_RCTL, RCTL_ON);
	return p;
}

static void test_rx_basic(void)
{
	struct sim_port *p = rx_port();
	const struct sim_rx_adv_wb *wb = rx_wb(&rxr[0], 0);
	uint8_t f[256];
	uint32_t len = frame_ip4(f, port_mac, 17, 100, 7);

	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(wb->staterr, ST_GOOD_UDP);
	UNIT_CHECK_EQ(wb->len_vlan, len);
	UNIT_CHECK_EQ((wb->info >> SIM_RXADV_PTYPE_SHIFT) & 0x7f,
		      SIM_PTYPE_IPV4 | SIM_PTYPE_UDP);
	UNIT_CHECK_EQ(wb->info & 0xf, SIM_RSS_NONE);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f, len) == 0);
	UNIT_CHECK_EQ(rxr[0].buf[0][len], 0xee);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_ALIAS(0, SIM_Q_HEAD)), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPRC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_GORCL), len + 4);
	UNIT_CHECK_EQ(reg_read(p, SIM_TPR), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_PRC127 + 4), 1);	/* 150 bytes */
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(0)), 1);
	/* bad TCP checksum, then bad IP header checksum */
	len = frame_ip4(f, port_mac, 6, 20, 7);
	f[len - 1] ^= 0xff;
	sim_rx_frame(p, f, len, true);
	wb = rx_wb(&rxr[0], 1);
	UNIT_CHECK_EQ(wb->staterr, SIM_RXD_STAT_DD | SIM_RXD_STAT_EOP |
		      SIM_RXD_STAT_IPCS | SIM_RXD_STAT_L4CS |
		      SIM_RXADV_ERR_L4E);
	UNIT_CHECK_EQ((wb->info >> SIM_RXADV_PTYPE_SHIFT) & 0x7f,
		      SIM_PTYPE_IPV4 | SIM_PTYPE_TCP);
	len = frame_ip4(f, port_mac, 6, 20, 7);
	f[14 + 8] = 3;	/* TTL changed, header checksum now wrong */
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(rx_wb(&rxr[0], 2)->staterr & SIM_RXADV_ERR_IPE);
	UNIT_CHECK(!(rx_wb(&rxr[0], 2)->staterr & SIM_RXADV_ERR_L4E));
}

static uint32_t frame_tag(uint8_t *f, uint32_t len, uint16_t tci)
{
	memmove(f + 16, f + 12, len - 12);
	put16(f + 12, 0x8100);
	put16(f + 14, tci);
	return len + 4;
}

static void test_rx_vlan(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[256], plain[256];
	uint32_t plen = frame_ip4(plain, port_mac, 17, 40, 7), len;

	memcpy(f, plain, plen);
	len = frame_tag(f, plen, 0x2005);
	reg_write(p, SIM_CTRL, reg_read(p, SIM_CTRL) | SIM_CTRL_VME);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->staterr, ST_GOOD_UDP |
		      SIM_RXD_STAT_VP);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->len_vlan, plen | 0x2005u << 16);
	UNIT_CHECK(memcmp(rxr[0].buf[0], plain, plen) == 0);
	/* VLAN filter: id 5 in the table passes, id 6 is dropped */
	reg_write(p, SIM_VFTA(0), 1u << 5);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_VFE);
	sim_rx_frame(p, f, len, true);
	put16(f + 14, 0x2006);
	sim_rx_frame(p, f, len, true);
	sim_rx_frame(p, plain, plen, true);	/* untagged: not filtered */
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 3);
	UNIT_CHECK(!(rx_wb(&rxr[0], 2)->staterr & SIM_RXD_STAT_VP));
	/* without VME the tag stays in the data and VP is clear */
	reg_write(p, SIM_CTRL, reg_read(p, SIM_CTRL) & ~SIM_CTRL_VME);
	reg_write(p, SIM_RCTL, RCTL_ON);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 3)->len_vlan, len);
	UNIT_CHECK(!(rx_wb(&rxr[0], 3)->staterr & SIM_RXD_STAT_VP));
}

/* Sends a frame to dst and says whether it reached the ring. */
static bool rx_passes(struct sim_port *p, const uint8_t *dst)
{
	uint32_t before = reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD));
	uint8_t f[128];
	uint32_t len = frame_ip4(f, dst, 17, 20, 9);

	sim_rx_frame(p, f, len, true);
	return reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)) != before;
}

static void test_rx_filters(void)
{
	struct sim_port *p = rx_port();
	static const uint8_t other[6] = { 0x00, 0x1b, 0x21, 0x00, 0x00, 0x99 };
	static const uint8_t mc[6] = { 0x01, 0x00, 0x5e, 0x12, 0x34, 0x56 };
	static const uint8_t bc[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint32_t idx = sim_mta_index(mc, 0);
	unsigned int head;

	UNIT_CHECK(rx_passes(p, port_mac));
	UNIT_CHECK(!(rx_wb(&rxr[0], 0)->staterr & SIM_RXD_STAT_PIF));
	UNIT_CHECK(!rx_passes(p, other));
	reg_write(p, SIM_RAL(5), 0x00211b00);		/* second address */
	reg_write(p, SIM_RAH(5), 0x9900 | SIM_RAH_AV);
	UNIT_CHECK(rx_passes(p, other));
	reg_write(p, SIM_RAH(5), 0x9900);		/* not valid any more */
	UNIT_CHECK(!rx_passes(p, other));
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_UPE);
	UNIT_CHECK(rx_passes(p, other));
	head = reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)) - 1;
	UNIT_CHECK(rx_wb(&rxr[0], head)->staterr & SIM_RXD_STAT_PIF);
	reg_write(p, SIM_RCTL, RCTL_ON);
	UNIT_CHECK(!rx_passes(p, mc));
	reg_write(p, SIM_MTA(idx >> 5), 1u << (idx & 31));
	UNIT_CHECK(rx_passes(p, mc));
	reg_write(p, SIM_RCTL, RCTL_ON | (1u << SIM_RCTL_MO_SHIFT));
	UNIT_CHECK(!rx_passes(p, mc));		/* other bits with MO = 01 */
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_MPE);
	UNIT_CHECK(rx_passes(p, mc));
	UNIT_CHECK(rx_passes(p, bc));
	reg_write(p, SIM_RCTL, SIM_RCTL_EN | SIM_RCTL_SECRC);
	UNIT_CHECK(!rx_passes(p, bc));
	UNIT_CHECK_EQ(reg_read(p, SIM_BPRC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_MPRC), 2);
}

static void test_rx_pause(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[60] = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x01 };

	put16(f + 12, 0x8808);
	put16(f + 14, 1);
	put16(f + 16, 0xffff);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_MPE | SIM_RCTL_DPF);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 0);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_MPE);
	put16(f + 16, 0);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XONRXC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 1);
	put16(f + 14, 2);	/* another MAC control opcode: needs PMCF */
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 1);
}

static void test_rx_multi_desc(void)
{
	struct sim_port *p = rx_port();
	static uint8_t f[4000];
	uint32_t len = frame_ip4(f, port_mac, 17, 2958, 7);	/* 3000 */

	rx_ring(p, 0, SRRCTL_ADV(1));
	reg_write(p, SIM_RLPML, 9018);
	/* too long without RCTL.LPE: ROC and dropped */
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_ROC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 0);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_LPE);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 3);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->len_vlan, 1024);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 1)->len_vlan, 1024);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 2)->len_vlan, len - 2048);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->staterr & 3, SIM_RXD_STAT_DD);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 1)->staterr & 3, SIM_RXD_STAT_DD);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 2)->staterr, ST_GOOD_UDP);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f, 1024) == 0);
	UNIT_CHECK(memcmp(rxr[0].buf[1], f + 1024, 1024) == 0);
	UNIT_CHECK(memcmp(rxr[0].buf[2], f + 2048, len - 2048) == 0);
	/* 3 free descriptors left before the tail: a 4-buffer frame waits */
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 6);
	len = frame_ip4(f, port_mac, 17, 3500, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 3);
	UNIT_CHECK_EQ(reg_read(p, SIM_RNBC), 1);
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 10);
	UNIT_CHECK_EQ(sim_rx_poll(p), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 7);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 6)->len_vlan, len - 3072);
}

#define SRRCTL_SPLIT(dtype, hdr64, kb) \
	(((dtype) << SIM_SRRCTL_DESCTYPE_SHIFT) | \
	 ((hdr64) << SIM_SRRCTL_BSIZEHDR_SHIFT) | (kb))

/* Header split end to end: bytes in both buffers, the write-back fields. */
static void test_rx_header_split(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[512];
	uint32_t len = frame_ip4(f, port_mac, 6, 200, 7);
	const struct sim_rx_adv_wb *wb = rx_wb(&rxr[0], 0);

	/* PSRTYPE 0 (reset): no layout enabled, the frame is not split */
	rx_ring(p, 0, SRRCTL_SPLIT(SIM_SRRCTL_DESCTYPE_HDR_SPLIT, 4u, 2));
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(!(wb->info & SIM_RXADV_SPH));
	UNIT_CHECK_EQ(wb->len_vlan, len);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f, len) == 0);
	/* IPv4/TCP enabled: 54 header bytes, 200 payload bytes */
	reg_write(p, SIM_PSRTYPE(0), 1u << 2);
	rx_ring(p, 0, SRRCTL_SPLIT(SIM_SRRCTL_DESCTYPE_HDR_SPLIT, 4u, 2));
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(wb->info & SIM_RXADV_SPH);
	UNIT_CHECK_EQ((wb->info >> SIM_RXADV_HDRLEN_SHIFT) &
		      SIM_RXADV_HDRLEN_MASK, 54);
	UNIT_CHECK_EQ(wb->len_vlan, 200);
	UNIT_CHECK(memcmp(rxr[0].hbuf[0], f, 54) == 0);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f + 54, 200) == 0);
	/* a header-only frame (TCP with 12 option bytes): PKT_LEN 0 */
	len = frame_ip4(f, port_mac, 6, 12, 7);
	f[46] = 8 << 4;
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 1)->len_vlan, 0);
	UNIT_CHECK(rx_wb(&rxr[0], 1)->info & SIM_RXADV_SPH);
	UNIT_CHECK_EQ((rx_wb(&rxr[0], 1)->info >> SIM_RXADV_HDRLEN_SHIFT) &
		      SIM_RXADV_HDRLEN_MASK, 66);
	UNIT_CHECK(memcmp(rxr[0].hbuf[1], f, 66) == 0);
	/* header bigger than the 64-byte header buffer: SPH and HBO, HDR_LEN
	 * the header's size, all of it in the packet buffer
	 */
	len = frame_ip4(f, port_mac, 6, 200, 7);
	rx_ring(p, 0, SRRCTL_SPLIT(SIM_SRRCTL_DESCTYPE_HDR_SPLIT, 1u, 2));
	f[46] = 0xf0;		/* TCP data offset 15: a 60-byte header */
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(wb->info & SIM_RXADV_SPH);
	UNIT_CHECK_EQ((wb->info >> SIM_RXADV_HDRLEN_SHIFT) &
		      SIM_RXADV_HDRLEN_MASK, 94);
	UNIT_CHECK(wb->staterr & SIM_RXADV_ERR_HBO);
	UNIT_CHECK_EQ(wb->len_vlan, len);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f, len) == 0);
	/* split always, same frame: 64 bytes to the header buffer, the rest
	 * to the packet buffer
	 */
	rx_ring(p, 0, SRRCTL_SPLIT(SIM_SRRCTL_DESCTYPE_SPLIT_ALWAYS, 1u, 2));
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(wb->staterr & SIM_RXADV_ERR_HBO);
	UNIT_CHECK_EQ(wb->len_vlan, len - 64);
	UNIT_CHECK(memcmp(rxr[0].hbuf[0], f, 64) == 0);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f + 64, len - 64) == 0);
	/* split always, UDP (not enabled): BSIZEHEADER bytes, SPH 0 */
	len = frame_ip4(f, port_mac, 17, 200, 7);
	rx_ring(p, 0, SRRCTL_SPLIT(SIM_SRRCTL_DESCTYPE_SPLIT_ALWAYS, 2u, 2));
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK(!(wb->info & SIM_RXADV_SPH));
	UNIT_CHECK_EQ((wb->info >> SIM_RXADV_HDRLEN_SHIFT) &
		      SIM_RXADV_HDRLEN_MASK, 128);
	UNIT_CHECK_EQ(wb->len_vlan, len - 128);
	UNIT_CHECK(memcmp(rxr[0].hbuf[0], f, 128) == 0);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f + 128, len - 128) == 0);
	/* split always, a frame shorter than the header buffer: all in it */
	len = frame_ip4(f, port_mac, 17, 30, 7);
	sim_rx_frame(p, f, len, true);
	wb = rx_wb(&rxr[0], 1);
	UNIT_CHECK_EQ(wb->len_vlan, 0);
	UNIT_CHECK_EQ((wb->info >> SIM_RXADV_HDRLEN_SHIFT) &
		      SIM_RXADV_HDRLEN_MASK, len);
	UNIT_CHECK(memcmp(rxr[0].hbuf[1], f, len) == 0);
	/* VMDq: queue 1 is pool 1, whose PSRTYPE[1] enables UDP */
	reg_write(p, SIM_PSRTYPE(0), 0);
	reg_write(p, SIM_PSRTYPE(1), 1u << 3);
	reg_write(p, SIM_MRQC, SIM_MRQC_MRQE_VMDQ);
	UNIT_CHECK_EQ(sim_hsplit_psrtype(p, 1), 1u << 3);
	UNIT_CHECK_EQ(sim_hsplit_psrtype(p, 9), 1u << 3);
	UNIT_CHECK_EQ(sim_hsplit_psrtype(p, 0), 0);
	reg_write(p, SIM_MRQC, 0);
	UNIT_CHECK_EQ(sim_hsplit_psrtype(p, 1), 0);
	reg_write(p, SIM_PSRTYPE(1), 0);
}

static void test_rx_legacy_crc(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[256];
	uint32_t len = frame_ip4(f, port_mac, 6, 30, 7), crc;
	const uint8_t *d = rxr[0].desc, *b = rxr[0].buf[0];

	rx_ring(p, 0, 0);	/* legacy descriptors, RCTL.BSIZE 2048 */
	reg_write(p, SIM_RCTL, SIM_RCTL_EN | SIM_RCTL_BAM);
	sim_rx_frame(p, f, len, true);
	crc = sim_crc32_eth(0, f, len);
	UNIT_CHECK_EQ(d[8] | d[9] << 8, len + 4);
	UNIT_CHECK_EQ(d[12], SIM_RXD_STAT_DD | SIM_RXD_STAT_EOP |
		      SIM_RXD_STAT_IPCS | SIM_RXD_STAT_L4CS);
	UNIT_CHECK_EQ(d[13], 0);
	UNIT_CHECK(memcmp(b, f, len) == 0);
	UNIT_CHECK_EQ(b[len] | b[len + 1] << 8 | b[len + 2] << 16 |
		      (uint32_t)b[len + 3] << 24, crc);
	/* bad CRC: counted and dropped, stored with RXE under RCTL.SBP */
	sim_rx_frame(p, f, len, false);
	UNIT_CHECK_EQ(reg_read(p, SIM_CRCERRS), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 1);
	reg_write(p, SIM_RCTL, SIM_RCTL_EN | SIM_RCTL_BAM | SIM_RCTL_SBP);
	sim_rx_frame(p, f, len, false);
	UNIT_CHECK_EQ(d[16 + 13], SIM_RXD_ERR_RXE);
	/* runt */
	sim_rx_frame(p, f, 40, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RUC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_TPR), 4);
}

static void test_rx_no_desc(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[256];
	uint32_t len = frame_ip4(f, port_mac, 17, 60, 7), n = 0, mpc;

	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 0);
	sim_rx_frame(p, f, len, true);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RNBC), 1);	/* 2nd waits behind */
	UNIT_CHECK_EQ(sim_rx_poll(p), 0);
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 1);
	UNIT_CHECK_EQ(sim_rx_poll(p), 1);
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 5);
	UNIT_CHECK_EQ(sim_rx_poll(p), 1);
	UNIT_CHECK_EQ(p->rxfifo_used, 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPRC), 2);
	/* SRRCTL.DROP_EN drops at once */
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 2);
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_SRRCTL),
		  SRRCTL_ADV(2) | SIM_SRRCTL_DROP_EN);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_RQDPC)), 1);
	UNIT_CHECK_EQ(p->rxfifo_used, 0);
	/* a full packet buffer misses frames: MPC */
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_SRRCTL), SRRCTL_ADV(2));
	reg_read(p, SIM_GPRC);
	for (unsigned int i = 0; i < SIM_RXFIFO_BYTES / len + 2; i++, n++)
		sim_rx_frame(p, f, len, true);
	mpc = reg_read(p, SIM_MPC);
	UNIT_CHECK(mpc > 0);
	UNIT_CHECK_EQ(mpc + reg_read(p, SIM_GPRC), n);
	/* the rx_starve fault: the next frame behaves as if none were free */
	p = rx_port();
	p->sh->faults.rx_starve = 1;
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RNBC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 0);
	UNIT_CHECK_EQ(sim_rx_poll(p), 1);
	p->sh->faults.crc_errors = 1;
	sim_rx_frame(p, f, len, true);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_CRCERRS), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 2);
}

static void test_rx_rss(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[256];
	uint32_t len;

	for (unsigned int q = 1; q < 4; q++)
		rx_ring(p, q, SRRCTL_ADV(2));
	for (unsigned int i = 0; i < SIM_RSSRK_COUNT; i++)
		reg_write(p, SIM_RSSRK(i), ms_key[4 * i] |
			  ms_key[4 * i + 1] << 8 | ms_key[4 * i + 2] << 16 |
			  (uint32_t)ms_key[4 * i + 3] << 24);
	for (unsigned int i = 0; i < SIM_RETA_COUNT; i++)
		reg_write(p, SIM_RETA(i), 0x02020202);
	/* entry 120 = 0x78, the low bits of the first vector's TCP hash */
	reg_write(p, SIM_RETA(30), 0x02020203);
	reg_write(p, SIM_MRQC, SIM_MRQC_MRQE_RSS | SIM_MRQC_RSS_TCPV4 |
		  SIM_MRQC_RSS_IPV4);
	len = frame_ip4(f, port_mac, 6, 10, ms_v4[0].sport);
	memcpy(f + 26, ms_v4[0].src, 4);
	memcpy(f + 30, ms_v4[0].dst, 4);
	put16(f + 36, ms_v4[0].dport);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(3, SIM_Q_HEAD)), 1);
	UNIT_CHECK_EQ(rx_wb(&rxr[3], 0)->hash, ms_v4[0].tcp);
	UNIT_CHECK_EQ(rx_wb(&rxr[3], 0)->info & 0xf, SIM_RSS_IPV4_TCP);
	/* UDP hashing not enabled: IPv4 addresses only */
	f[23] = 17;
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(2, SIM_Q_HEAD)), 1);
	UNIT_CHECK_EQ(rx_wb(&rxr[2], 0)->hash, ms_v4[0].ip);
	UNIT_CHECK_EQ(rx_wb(&rxr[2], 0)->info & 0xf, SIM_RSS_IPV4);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(2)), 1);
}

/* ---- transmit --------------------------------------------------------- */
static unsigned int tx_tail;

static void tx_ring(struct sim_port *p)
{
	uint64_t base;

	ring_alloc(&txr);
	base = (uintptr_t)txr.desc;
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_BAL), (uint32_t)base);
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_BAH), (uint32_t)(base >> 32));
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_LEN), RING_N * 16);
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_HEAD), 0);
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_DCTL), SIM_DCTL_ENABLE);
	sim_port_tick(p);
	reg_write(p, SIM_TCTL, SIM_TCTL_EN | SIM_TCTL_PSP);
	tx_tail = 0;
	wire_count = 0;
}

static volatile uint32_t *tx_put(uint64_t qw0, uint32_t cmd, uint32_t sta)
{
	uint8_t *d = txr.desc + 16 * tx_tail;

	memcpy(d, &qw0, 8);
	memcpy(d + 8, &cmd, 4);
	memcpy(d + 12, &sta, 4);
	tx_tail = (tx_tail + 1) % RING_N;
	return (volatile uint32_t *)d;
}

static unsigned int tx_kick(struct sim_port *p)
{
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_TAIL), tx_tail);
	return sim_tx_poll(p);
}

#define LEG_CMD(len)	((len) | SIM_TXD_CMD_EOP | SIM_TXD_CMD_IFCS | \
			 SIM_TXD_CMD_RS)
#define ADV_DATA	(SIM_TXD_CMD_DEXT | SIM_TXD_CMD_IFCS | \
			 SIM_TXD_DTYP_DATA << SIM_TXD_DTYP_SHIFT)
#define ADV_CTXT	(SIM_TXD_CMD_DEXT | \
			 SIM_TXD_DTYP_CTXT << SIM_TXD_DTYP_SHIFT)

static void test_tx_legacy(void)
{
	struct sim_port *p = port_new();
	uint8_t *b = txr.buf[0];
	volatile uint32_t *d;
	uint32_t len;

	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, peer_mac, 17, 18, 7);	/* 60 bytes */
	d = tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 1);
	UNIT_CHECK_EQ(wire_len[0], 60);
	UNIT_CHECK(memcmp(wire_frame[0], b, len) == 0);
	UNIT_CHECK_EQ(d[3] & SIM_TXD_STA_DD, SIM_TXD_STA_DD);
	UNIT_CHECK_EQ(reg_read(p, SIM_TXQ_REG(0, SIM_Q_HEAD)), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_TXQ_ALIAS(0, SIM_Q_HEAD)), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPTC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_GOTCL), 64);
	UNIT_CHECK_EQ(reg_read(p, SIM_PTC64), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_TPT), 1);
	/* short frame padded (PSP); two buffers; VLAN and checksum insert */
	tx_put((uintptr_t)b, LEG_CMD(42), 0);
	len = frame_ip4(b, peer_mac, 17, 100, 7);
	put16(b + 40, ref_sum(17 + 108, b + 26, 8));	/* pseudo-header */
	memcpy(txr.buf[1], b + 50, len - 50);
	tx_put((uintptr_t)b, 50, 0);
	tx_put((uintptr_t)txr.buf[1], LEG_CMD(len - 50) | SIM_TXD_CMD_IC |
	       SIM_TXD_CMD_VLE | 40u << SIM_TXD_CSO_SHIFT,
	       34u << SIM_TXD_CSS_SHIFT | 0x0123u << SIM_TXD_VLAN_SHIFT);
	UNIT_CHECK_EQ(tx_kick(p), 2);
	UNIT_CHECK_EQ(wire_len[1], 60);
	UNIT_CHECK_EQ(wire_frame[1][59], 0);
	UNIT_CHECK_EQ(wire_len[2], len + 4);
	UNIT_CHECK_EQ(get32(wire_frame[2] + 12), 0x81000123);
	memmove(wire_frame[2] + 12, wire_frame[2] + 16, len - 12);
	UNIT_CHECK(l4_sum_ok(wire_frame[2], len, 17));
	/* the tx_stall fault stops fetching */
	p->sh->faults.tx_stall = true;
	tx_put((uintptr_t)b, LEG_CMD(60), 0);
	UNIT_CHECK_EQ(tx_kick(p), 0);
	p->sh->faults.tx_stall = false;
	UNIT_CHECK_EQ(sim_tx_poll(p), 1);
}

/* Context: VLAN, MACLEN 14, IPLEN, TUCMD, MSS, L4LEN, slot idx. */
static void tx_context(uint16_t vlan, uint32_t iplen, uint32_t tucmd,
		       uint32_t mss, uint32_t l4len, uint32_t idx)
{
	tx_put((uint64_t)vlan << 16 | 14u << SIM_TXC_MACLEN_SHIFT | iplen,
	       ADV_CTXT | tucmd, mss << SIM_TXC_MSS_SHIFT |
	       l4len << SIM_TXC_L4LEN_SHIFT | idx << SIM_TXD_IDX_SHIFT);
}

#define TUCMD_TCP4	(SIM_TXC_TUCMD_IPV4 | SIM_TXC_L4T_TCP << SIM_TXC_L4T_SHIFT)

static void test_tx_adv_offload(void)
{
	struct sim_port *p = port_new();
	uint8_t *b;
	uint32_t len, cmd;
	volatile uint32_t *d;

	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, peer_mac, 6, 500, 7);
	b[24] = b[25] = 0;				/* IP checksum */
	put16(b + 50, ref_sum(6 + len - 34, b + 26, 8));	/* pseudo */
	memcpy(txr.buf[1], b + 54, len - 54);
	tx_context(0x0064, 20, TUCMD_TCP4, 0, 20, 1);
	tx_context(0x0999, 20, 0, 0, 0, 0);		/* the other slot */
	cmd = ADV_DATA | SIM_TXD_CMD_VLE;
	tx_put((uintptr_t)b, cmd | 54, (len - 54) << SIM_TXD_PAYLEN_SHIFT |
	       SIM_TXD_POPTS_IXSM | SIM_TXD_POPTS_TXSM | 1 << SIM_TXD_IDX_SHIFT);
	d = tx_put((uintptr_t)txr.buf[1], cmd | (len - 54) | SIM_TXD_CMD_EOP |
		   SIM_TXD_CMD_RS, 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_len[0], len + 4);
	UNIT_CHECK_EQ(get32(wire_frame[0] + 12), 0x81000064);
	memmove(wire_frame[0] + 12, wire_frame[0] + 16, len - 12);
	UNIT_CHECK_EQ(ref_sum(0, wire_frame[0] + 14, 20), 0xffff);
	UNIT_CHECK(l4_sum_ok(wire_frame[0], len, 6));
	UNIT_CHECK(memcmp(wire_frame[0] + 54, txr.buf[1], len - 54) == 0);
	UNIT_CHECK(d[3] & SIM_TXD_STA_DD);
	UNIT_CHECK_EQ(reg_read(p, SIM_TXQ_REG(0, SIM_Q_HEAD)), 4);
}

static void test_tx_tso(void)
{
	struct sim_port *p = port_new();
	uint8_t *b, *w;
	uint32_t len, pay = 2500;

	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, peer_mac, 6, pay, 7);
	b[47] = 0x19;					/* FIN PSH ACK */
	b[24] = b[25] = 0;
	put16(b + 50, ref_sum(6, b + 26, 8));	/* pseudo, no length */
	tx_context(0, 20, TUCMD_TCP4, 1000, 20, 0);
	tx_put((uintptr_t)b, ADV_DATA | SIM_TXD_CMD_TSE | SIM_TXD_CMD_EOP |
	       SIM_TXD_CMD_RS | len, pay << SIM_TXD_PAYLEN_SHIFT |
	       SIM_TXD_POPTS_IXSM | SIM_TXD_POPTS_TXSM);
	UNIT_CHECK_EQ(tx_kick(p), 3);
	for (unsigned int s = 0; s < 3; s++) {
		uint32_t n = s < 2 ? 1000 : 500;

		w = wire_frame[s];
		UNIT_CHECK_EQ(wire_len[s], 54 + n);
		UNIT_CHECK_EQ(get16(w + 16), 40 + n);
		UNIT_CHECK_EQ(get16(w + 18), 0x1234 + s);
		UNIT_CHECK_EQ(ref_sum(0, w + 14, 20), 0xffff);
		UNIT_CHECK_EQ(get32(w + 38), 1000 + 1000 * s);
		UNIT_CHECK_EQ(w[47], s < 2 ? 0x10 : 0x19);
		UNIT_CHECK(l4_sum_ok(w, 54 + n, 6));
		UNIT_CHECK(memcmp(w + 54, b + 54 + 1000 * s, n) == 0);
	}
	UNIT_CHECK_EQ(reg_read(p, SIM_TSCTC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPTC), 3);
	UNIT_CHECK_EQ(reg_read(p, SIM_GOTCL), 2 * 1058 + 558);
}

static void test_tx_tso_ipv6(void)
{
	struct sim_port *p = port_new();
	uint8_t *b, *w;
	uint32_t pay = 1500, len = 14 + 40 + 20 + pay;

	tx_ring(p);
	b = txr.buf[0];
	memset(b, 0, len);
	memcpy(b, peer_mac, 6);
	put16(b + 12, 0x86dd);
	b[14] = 0x60;
	b[20] = 6;
	b[21] = 64;
	for (int i = 0; i < 32; i++)
		b[22 + i] = (uint8_t)(0x20 + i);
	put32(b + 54 + 4, 0xfffffc00);		/* sequence wraps */
	b[54 + 12] = 5 << 4;
	b[54 + 13] = 0x18;
	for (uint32_t i = 0; i < pay; i++)
		b[74 + i] = (uint8_t)(i * 7);
	put16(b + 54 + 16, ref_sum(6, b + 22, 32));
	tx_context(0, 40, SIM_TXC_L4T_TCP << SIM_TXC_L4T_SHIFT, 1000, 20, 0);
	tx_put((uintptr_t)b, ADV_DATA | SIM_TXD_CMD_TSE | SIM_TXD_CMD_EOP |
	       len, pay << SIM_TXD_PAYLEN_SHIFT | SIM_TXD_POPTS_TXSM);
	UNIT_CHECK_EQ(tx_kick(p), 2);
	for (unsigned int s = 0; s < 2; s++) {
		uint32_t n = s ? 500 : 1000;

		w = wire_frame[s];
		UNIT_CHECK_EQ(wire_len[s], 74 + n);
		UNIT_CHECK_EQ(get16(w + 18), 20 + n);
		UNIT_CHECK_EQ(get32(w + 58), 0xfffffc00 + 1000 * s);
		UNIT_CHECK_EQ(ref_sum(ref_sum(6 + 20 + n, w + 22, 32),
				      w + 54, 20 + n), 0xffff);
	}
}

static void test_tx_head_wb_loopback(void)
{
	struct sim_port *p = rx_port();
	static uint32_t hw_head;
	volatile uint32_t *d;
	uint8_t *b;
	uint32_t len;

	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, port_mac, 17, 64, 7);
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_TDWBAL),
		  (uint32_t)(uintptr_t)&hw_head | SIM_TDWBAL_HEAD_WB_EN);
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_TDWBAH),
		  (uint32_t)((uintptr_t)&hw_head >> 32));
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_LBM_MAC);
	d = tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(hw_head, 1);
	UNIT_CHECK_EQ(d[3] & SIM_TXD_STA_DD, 0);
	/* MAC loopback: nothing on the wire, the frame is in our RX ring */
	UNIT_CHECK_EQ(wire_count, 0);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->staterr, ST_GOOD_UDP);
	UNIT_CHECK(memcmp(rxr[0].buf[0], b, len) == 0);
}

/* ---- the host lines the engines touch (the benchmark's dma mode) ------ */
static bool noted(const void *va, uint32_t len)
{
	for (unsigned int i = 0; i < note_count && i < NOTE_MAX; i++)
		if (note_va[i] == va && note_len[i] == len)
			return true;
	return false;
}

/* What a DMA-ing device would leave out of the CPU caches: the descriptors
 * and frames it read on TX, the buffer and write-back it wrote on RX.
 */
static void test_dma_notes(void)
{
	struct sim_port *p = port_new();
	uint8_t f[256], *b;
	uint32_t len;

	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, peer_mac, 17, 18, 7);	/* 60 bytes: sent in place */
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	note_count = 0;
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK(noted(txr.desc, 16));
	UNIT_CHECK(noted(b, len));
	UNIT_CHECK_EQ(note_count, 2);

	p = rx_port();
	len = frame_ip4(f, port_mac, 17, 100, 7);
	note_count = 0;
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->staterr, ST_GOOD_UDP);
	UNIT_CHECK(noted(rxr[0].desc, 16));
	UNIT_CHECK(noted(rxr[0].buf[0], len));
	UNIT_CHECK_EQ(note_count, 2);
}

/* ---- flow control (802.3x PAUSE) -------------------------------------- */
static void test_fc_decide(void)
{
	bool xoff = false;

	UNIT_CHECK_EQ(sim_fc_decide(100, 200, 50, false, &xoff), SIM_FC_NONE);
	UNIT_CHECK_EQ(sim_fc_decide(201, 200, 50, false, &xoff), SIM_FC_XOFF);
	UNIT_CHECK(xoff);
	UNIT_CHECK_EQ(sim_fc_decide(300, 200, 50, false, &xoff), SIM_FC_NONE);
	/* refresh while above the low mark, even below the high one */
	UNIT_CHECK_EQ(sim_fc_decide(100, 200, 50, true, &xoff), SIM_FC_XOFF);
	UNIT_CHECK_EQ(sim_fc_decide(49, 200, 50, true, &xoff), SIM_FC_XON);
	UNIT_CHECK(!xoff);
	UNIT_CHECK_EQ(sim_fc_decide(49, 200, 50, true, &xoff), SIM_FC_NONE);
}

static void pause_frame(uint8_t f[60], uint16_t quanta)
{
	static const uint8_t dst[6] = { 0x01, 0x80, 0xc2, 0x00, 0x00, 0x01 };

	memset(f, 0, 60);
	memcpy(f, dst, 6);
	memcpy(f + 6, peer_mac, 6);
	put16(f + 12, 0x8808);
	put16(f + 14, 1);
	put16(f + 16, quanta);
}

static void test_fc_honoured(void)
{
	struct sim_port *p = port_new();
	uint8_t f[60], *b;
	uint32_t len;

	tx_ring(p);
	reg_write(p, SIM_RCTL, RCTL_ON);
	reg_write(p, SIM_CTRL, sim_reg_peek(p, SIM_CTRL) | SIM_CTRL_RFCE);
	pause_frame(f, 0xffff);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK(sim_reg_peek(p, SIM_STATUS) & SIM_STATUS_TXOFF);
	b = txr.buf[0];
	len = frame_ip4(b, peer_mac, 17, 18, 7);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 0);
	UNIT_CHECK_EQ(wire_count, 0);
	pause_frame(f, 0);		/* XON resumes at once */
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(sim_tx_poll(p), 1);
	UNIT_CHECK(!(sim_reg_peek(p, SIM_STATUS) & SIM_STATUS_TXOFF));
	/* without RFCE a PAUSE is counted, not acted on */
	reg_write(p, SIM_CTRL, sim_reg_peek(p, SIM_CTRL) & ~SIM_CTRL_RFCE);
	pause_frame(f, 0xffff);
	sim_rx_frame(p, f, sizeof(f), true);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 2);
}

static void test_fc_generated(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[256];
	uint32_t len = frame_ip4(f, port_mac, 17, 200, 7);

	reg_write(p, SIM_TCTL, SIM_TCTL_EN);
	reg_write(p, SIM_FCRTH, 0x400);
	reg_write(p, SIM_FCRTL, 0x200 | SIM_FCRTL_XONE);
	reg_write(p, SIM_FCTTV, 0x1234);
	reg_write(p, SIM_CTRL, sim_reg_peek(p, SIM_CTRL) | SIM_CTRL_TFCE);
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), 0);	/* no descriptors */
	while (p->rxfifo_used <= 0x400)
		sim_rx_frame(p, f, len, true);
	sim_rx_flow_control(p);
	UNIT_CHECK_EQ(wire_count, 1);
	UNIT_CHECK_EQ(wire_len[0], 60);
	UNIT_CHECK_EQ(wire_frame[0][0], 0x01);
	UNIT_CHECK_EQ(wire_frame[0][5], 0x01);
	UNIT_CHECK(memcmp(wire_frame[0] + 6, port_mac, 6) == 0);
	UNIT_CHECK_EQ(get16(wire_frame[0] + 12), 0x8808);
	UNIT_CHECK_EQ(get16(wire_frame[0] + 14), 1);
	UNIT_CHECK_EQ(get16(wire_frame[0] + 16), 0x1234);
	sim_rx_flow_control(p);		/* FCRTV 0: no refresh */
	UNIT_CHECK_EQ(wire_count, 1);
	reg_write(p, SIM_RXQ_REG(0, SIM_Q_TAIL), RING_N - 1);
	sim_rx_poll(p);
	UNIT_CHECK_EQ(p->rxfifo_used, 0);
	sim_rx_flow_control(p);
	UNIT_CHECK_EQ(wire_count, 2);
	UNIT_CHECK_EQ(get16(wire_frame[1] + 16), 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFTXC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_XONTXC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPTC), 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_TPT), 2);
}

static void test_sctp(void)
{
	struct sim_port *p = rx_port();
	uint8_t *b, f[256];
	uint32_t len = 14 + 20 + 12 + 16, crc;

	tx_ring(p);
	b = txr.buf[0];
	frame_ip4(b, port_mac, 17, 20, 7);
	b[23] = 132;
	put16(b + 16, 20 + 28);
	b[24] = b[25] = 0;
	for (int i = 0; i < 16; i++)
		b[46 + i] = (uint8_t)(i + 1);
	tx_context(0, 20, SIM_TXC_TUCMD_IPV4 |
		   SIM_TXC_L4T_SCTP << SIM_TXC_L4T_SHIFT, 0, 12, 0);
	tx_put((uintptr_t)b, ADV_DATA | SIM_TXD_CMD_EOP | len,
	       len << SIM_TXD_PAYLEN_SHIFT | SIM_TXD_POPTS_IXSM |
	       SIM_TXD_POPTS_TXSM);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	memcpy(f, wire_frame[0], len);
	crc = f[42] | f[43] << 8 | f[44] << 16 | (uint32_t)f[45] << 24;
	memset(f + 42, 0, 4);
	UNIT_CHECK_EQ(sim_crc32c(0, f + 34, len - 34), crc);
	sim_rx_frame(p, wire_frame[0], len, true);
	UNIT_CHECK_EQ(rx_wb(&rxr[0], 0)->staterr, SIM_RXD_STAT_DD |
		      SIM_RXD_STAT_EOP | SIM_RXD_STAT_IPCS | SIM_RXD_STAT_L4CS);
	UNIT_CHECK_EQ((rx_wb(&rxr[0], 0)->info >> SIM_RXADV_PTYPE_SHIFT) &
		      0x7f, SIM_PTYPE_IPV4 | SIM_PTYPE_SCTP);
	wire_frame[0][50] ^= 1;
	sim_rx_frame(p, wire_frame[0], len, true);
	UNIT_CHECK(rx_wb(&rxr[0], 1)->staterr & SIM_RXADV_ERR_L4E);
}

int main(void)
{
	UNIT_RUN(test_toeplitz);
	UNIT_RUN(test_mta_index);
	UNIT_RUN(test_checksums);
	UNIT_RUN(test_parse);
	UNIT_RUN(test_rx_basic);
	UNIT_RUN(test_rx_vlan);
	UNIT_RUN(test_rx_filters);
	UNIT_RUN(test_rx_pause);
	UNIT_RUN(test_rx_multi_desc);
	UNIT_RUN(test_rx_header_split);
	UNIT_RUN(test_rx_legacy_crc);
	UNIT_RUN(test_rx_no_desc);
	UNIT_RUN(test_rx_rss);
	UNIT_RUN(test_tx_legacy);
	UNIT_RUN(test_tx_adv_offload);
	UNIT_RUN(test_tx_tso);
	UNIT_RUN(test_tx_tso_ipv6);
	UNIT_RUN(test_tx_head_wb_loopback);
	UNIT_RUN(test_dma_notes);
	UNIT_RUN(test_sctp);
	UNIT_RUN(test_fc_decide);
	UNIT_RUN(test_fc_honoured);
	UNIT_RUN(test_fc_generated);
	return unit_report();
}
