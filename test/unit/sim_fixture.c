/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sim_fixture.c - what the unit tests of the simulated 82576's engines share:
 * the platform stub with a wire that keeps what it is given, frames built
 * with checksums of their own (so the engines are not checked by
 * themselves), and RX/TX rings in plain memory driven through the registers.
 */
#include <stdlib.h>
#include <string.h>

#define SIM_STUB_NOTE_HOOK
#include "platform_stub.h"
#include "sim_fixture.h"

/* ---- the wire and the host lines noted -------------------------------- */
uint8_t wire_frame[WIRE_MAX][SIM_MAX_FRAME];
uint32_t wire_len[WIRE_MAX];
unsigned int wire_count;

static void wire_keep(struct sim_port *p, const uint8_t *frame, uint32_t len)
{
	(void)p;
	if (wire_count < WIRE_MAX) {
		memcpy(wire_frame[wire_count], frame, len);
		wire_len[wire_count] = len;
	}
	wire_count++;
}

/* Host ranges the engines say they touched through pointers (dma mode). */
const volatile void *note_va[NOTE_MAX];
uint32_t note_len[NOTE_MAX];
unsigned int note_count;

static void note_keep(const volatile void *va, uint32_t len)
{
	if (note_count < NOTE_MAX) {
		note_va[note_count] = va;
		note_len[note_count] = len;
	}
	note_count++;
}

/* ---- frames ----------------------------------------------------------- */
const uint8_t port_mac[6] = { 0x00, 0x1b, 0x21, 0x00, 0x00, 0x01 };
const uint8_t peer_mac[6] = { 0x00, 0x1b, 0x21, 0x00, 0x00, 0x02 };


/* An independent RFC 1071 sum, so the engines are not checked by themselves. */
uint16_t ref_sum(uint32_t seed, const uint8_t *b, uint32_t len)
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

uint16_t get16(const uint8_t *b)
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

uint32_t get32(const uint8_t *b)
{
	return (uint32_t)get16(b) << 16 | get16(b + 2);
}

void put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

void put32(uint8_t *b, uint32_t v)
{
	put16(b, (uint16_t)(v >> 16));
	put16(b + 2, (uint16_t)v);
}

void reg_write(struct sim_port *p, uint32_t off, uint32_t v)
{
	sim_reg_write(p, off, v, 4);
}

uint32_t reg_read(struct sim_port *p, uint32_t off)
{
	return sim_reg_read(p, off, 4);
}


/* IPv4/UDP or IPv4/TCP frame with a valid checksum; returns its length. */
uint32_t frame_ip4(uint8_t *f, const uint8_t *dst, uint8_t proto,
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

bool l4_sum_ok(const uint8_t *f, uint32_t len, uint8_t proto)
{
	const uint8_t *ip = f + 14;
	uint32_t l4len = len - 34;

	return ref_sum(ref_sum(proto + l4len, ip + 12, 8), ip + 20, l4len) ==
	       0xffff;
}

struct sim_port *port_new(void)
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
	sim_stub_wire_hook = wire_keep;
	sim_stub_note_hook = note_keep;
	return p;
}

const uint8_t ms_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67,
	0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
	0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30,
	0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/* Microsoft's RSS verification suite, IPv4 and IPv4/TCP tables. */
const struct ms_rss_case ms_v4[MS_V4_N] = {
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

/* ---- rings in plain memory -------------------------------------------- */
struct ring rxr[SIM_NUM_QUEUES], txr;

void ring_alloc(struct ring *r)
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

void rx_arm(struct ring *r, unsigned int i)
{
	uint64_t *d = (uint64_t *)(r->desc + 16 * i);

	memset(r->buf[i], 0xee, BUF_SIZE);
	d[0] = (uintptr_t)r->buf[i];
	d[1] = (uintptr_t)r->hbuf[i];
}

/* Queue q enabled with RING_N descriptors, RING_N - 1 of them given. */
struct ring *rx_ring(struct sim_port *p, unsigned int q,
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

const struct sim_rx_adv_wb *rx_wb(const struct ring *r, unsigned int i)
{
	return (const struct sim_rx_adv_wb *)(r->desc + 16 * i);
}


struct sim_port *rx_port(void)
{
	struct sim_port *p = port_new();

	rx_ring(p, 0, SRRCTL_ADV(2));
	reg_write(p, SIM_RXCSUM, SIM_RXCSUM_IPOFLD | SIM_RXCSUM_TUOFLD |
		  SIM_RXCSUM_CRCOFL | SIM_RXCSUM_PCSD);
	reg_write(p, SIM_RCTL, RCTL_ON);
	return p;
}

/* ---- transmit --------------------------------------------------------- */
unsigned int tx_tail;

void tx_ring(struct sim_port *p)
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

volatile uint32_t *tx_put(uint64_t qw0, uint32_t cmd, uint32_t sta)
{
	uint8_t *d = txr.desc + 16 * tx_tail;

	memcpy(d, &qw0, 8);
	memcpy(d + 8, &cmd, 4);
	memcpy(d + 12, &sta, 4);
	tx_tail = (tx_tail + 1) % RING_N;
	return (volatile uint32_t *)d;
}

unsigned int tx_kick(struct sim_port *p)
{
	reg_write(p, SIM_TXQ_REG(0, SIM_Q_TAIL), tx_tail);
	return sim_tx_poll(p);
}

/* Context: VLAN, MACLEN 14, IPLEN, TUCMD, MSS, L4LEN, slot idx. */
void tx_context(uint16_t vlan, uint32_t iplen, uint32_t tucmd, uint32_t mss,
		uint32_t l4len, uint32_t idx)
{
	tx_put((uint64_t)vlan << 16 | 14u << SIM_TXC_MACLEN_SHIFT | iplen,
	       ADV_CTXT | tucmd, mss << SIM_TXC_MSS_SHIFT |
	       l4len << SIM_TXC_L4LEN_SHIFT | idx << SIM_TXD_IDX_SHIFT);
}
