/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sim_fixture.h - the shared fixture of the engine unit tests (sim_fixture.c):
 * one port with its BAR and shared state in plain memory, the frames it put
 * on the wire, frame builders and rings.
 */
#ifndef IGBX_SIM_FIXTURE_H
#define IGBX_SIM_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

#include "engines.h"

/* Frames the port sent since port_new() or tx_ring() (the first WIRE_MAX). */
#define WIRE_MAX	64
extern uint8_t wire_frame[WIRE_MAX][SIM_MAX_FRAME];
extern uint32_t wire_len[WIRE_MAX];
extern unsigned int wire_count;

/* Host ranges the engines noted (sim_dma_note), the first NOTE_MAX. */
#define NOTE_MAX	64
extern const volatile void *note_va[NOTE_MAX];
extern uint32_t note_len[NOTE_MAX];
extern unsigned int note_count;

extern const uint8_t port_mac[6], peer_mac[6];

/* An independent RFC 1071 sum, so the engines are not checked by themselves. */
uint16_t ref_sum(uint32_t seed, const uint8_t *b, uint32_t len);
uint16_t get16(const uint8_t *b);
uint32_t get32(const uint8_t *b);
void put16(uint8_t *b, uint16_t v);
void put32(uint8_t *b, uint32_t v);
void reg_write(struct sim_port *p, uint32_t off, uint32_t v);
uint32_t reg_read(struct sim_port *p, uint32_t off);
/* Port 0 powered on, RAR[0] = port_mac, the wire emptied. */
struct sim_port *port_new(void);
/* IPv4/UDP or IPv4/TCP frame with a valid checksum; returns its length. */
uint32_t frame_ip4(uint8_t *f, const uint8_t *dst, uint8_t proto,
		   uint32_t payload, uint16_t sport);
bool l4_sum_ok(const uint8_t *f, uint32_t len, uint8_t proto);

/* Microsoft's RSS verification suite: key, IPv4 and IPv4/TCP tables. */
struct ms_rss_case {
	uint8_t dst[4], src[4];
	uint16_t dport, sport;
	uint32_t ip, tcp;
};
#define MS_V4_N		5
extern const uint8_t ms_key[40];
extern const struct ms_rss_case ms_v4[MS_V4_N];

/* ---- rings in plain memory -------------------------------------------- */
#define RING_N		16
#define BUF_SIZE	16384

struct ring {
	uint8_t *desc;
	uint8_t *buf[RING_N];
	uint8_t *hbuf[RING_N];
};

extern struct ring rxr[SIM_NUM_QUEUES], txr;

void ring_alloc(struct ring *r);
void rx_arm(struct ring *r, unsigned int i);
/* Queue q enabled with RING_N descriptors, RING_N - 1 of them given. */
struct ring *rx_ring(struct sim_port *p, unsigned int q, uint32_t srrctl);
const struct sim_rx_adv_wb *rx_wb(const struct ring *r, unsigned int i);

#define SRRCTL_ADV(kb)	((SIM_SRRCTL_DESCTYPE_ADV_1BUF << \
			  SIM_SRRCTL_DESCTYPE_SHIFT) | (kb))
#define RCTL_ON		(SIM_RCTL_EN | SIM_RCTL_BAM | SIM_RCTL_SECRC)
#define ST_GOOD_UDP	(SIM_RXD_STAT_DD | SIM_RXD_STAT_EOP | \
			 SIM_RXD_STAT_IPCS | SIM_RXD_STAT_L4CS | \
			 SIM_RXD_STAT_UDPCS)

/* A new port receiving on queue 0 with checksum offloads. */
struct sim_port *rx_port(void);

/* ---- transmit --------------------------------------------------------- */
extern unsigned int tx_tail;

/* TX queue 0 enabled on txr, TCTL.EN, the wire emptied. */
void tx_ring(struct sim_port *p);
volatile uint32_t *tx_put(uint64_t qw0, uint32_t cmd, uint32_t sta);
/* TDT to tx_tail and one TX poll; frames sent. */
unsigned int tx_kick(struct sim_port *p);

#define LEG_CMD(len)	((len) | SIM_TXD_CMD_EOP | SIM_TXD_CMD_IFCS | \
			 SIM_TXD_CMD_RS)
#define ADV_DATA	(SIM_TXD_CMD_DEXT | SIM_TXD_CMD_IFCS | \
			 SIM_TXD_DTYP_DATA << SIM_TXD_DTYP_SHIFT)
#define ADV_CTXT	(SIM_TXD_CMD_DEXT | \
			 SIM_TXD_DTYP_CTXT << SIM_TXD_DTYP_SHIFT)


/* Context: VLAN, MACLEN 14, IPLEN, TUCMD, MSS, L4LEN, slot idx. */
void tx_context(uint16_t vlan, uint32_t iplen, uint32_t tucmd, uint32_t mss,
		uint32_t l4len, uint32_t idx);
#define TUCMD_TCP4	(SIM_TXC_TUCMD_IPV4 | SIM_TXC_L4T_TCP << SIM_TXC_L4T_SHIFT)

#endif /* IGBX_SIM_FIXTURE_H */
