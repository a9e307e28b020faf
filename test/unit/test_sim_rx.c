/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_rx.c - unit tests of the simulated 82576's receive
 * engine: descriptors, offloads, filters, RSS and drops, on rings in plain
 * memory driven through the registers.
 */
#include <stdlib.h>
#include <string.h>

#include "hsplit.h"
#include "sim_fixture.h"
#include "unit.h"

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
	UNIT_CHECK_EQ(reg_read(p, SIM_FCRUC), 1);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_MPE | SIM_RCTL_PMCF);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 2);
	UNIT_CHECK_EQ(reg_read(p, SIM_FCRUC), 1);
}

/*
 * A flow control frame is one that passes three comparisons (datasheet
 * 3.7.5): destination FCAH:FCAL or the station address, type FCT, and
 * then its opcode. A type 0x8808 frame that fails the first two is an
 * ordinary frame: not counted, not acted on, and RCTL.DPF does not drop it.
 */
static void test_rx_pause_addressing(void)
{
	struct sim_port *p = rx_port();
	uint8_t f[60] = { 0 };

	put16(f + 12, 0x8808);
	put16(f + 14, 1);
	put16(f + 16, 0x10);
	/* to the station address (receive address 0, loaded from the NVM) */
	memcpy(f, port_mac, 6);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_DPF);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 0);
	/* to another unicast address, in promiscuous mode: delivered despite DPF */
	f[5] ^= 0x40;
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_DPF | SIM_RCTL_UPE);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 1);
	/* to the flow control address, with FCAH:FCAL moved elsewhere */
	memcpy(f, (const uint8_t[]){ 0x01, 0x80, 0xc2, 0x00, 0x00, 0x01 }, 6);
	reg_write(p, SIM_FCAL, 0x00c28101);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_DPF | SIM_RCTL_MPE);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 2);
	/* back at the multicast address but another type in FCT */
	reg_write(p, SIM_FCAL, 0x00c28001);
	reg_write(p, SIM_FCT, 0x8809);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 3);
	reg_write(p, SIM_FCT, 0x8808);
	sim_rx_frame(p, f, sizeof(f), true);
	UNIT_CHECK_EQ(reg_read(p, SIM_XOFFRXC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_RXQ_REG(0, SIM_Q_HEAD)), 3);
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

int main(void)
{
	UNIT_RUN(test_rx_basic);
	UNIT_RUN(test_rx_vlan);
	UNIT_RUN(test_rx_filters);
	UNIT_RUN(test_rx_pause);
	UNIT_RUN(test_rx_pause_addressing);
	UNIT_RUN(test_rx_multi_desc);
	UNIT_RUN(test_rx_header_split);
	UNIT_RUN(test_rx_legacy_crc);
	UNIT_RUN(test_rx_no_desc);
	UNIT_RUN(test_rx_rss);
	return unit_report();
}
