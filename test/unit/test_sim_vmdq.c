/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_vmdq.c - the simulated 82576's VMDq pools (datasheet 7.10.3):
 * pool selection by VLVF and RAH.POOLSEL, VMOLR's per-pool accept bits,
 * replication of one frame into several pools' queues with per-queue
 * counters, per-pool VLAN stripping and length limit, VMVIR tag insertion
 * and VLAN anti-spoofing on transmit.
 */
#include <string.h>

#include "sim_fixture.h"
#include "unit.h"

/* Bits as the datasheet numbers them (8.10, 8.12), written out here so
 * the model's own names are not checked against themselves.
 */
#define VT_DEF_PL(n)	((uint32_t)(n) << 7)
#define VT_IGNORE_MAC	(1u << 28)
#define VT_DIS_DEF_PL	(1u << 29)
#define VT_REPL_EN	(1u << 30)
#define VLVF_EN		(1u << 31)
#define VLVF(vid, pools) (VLVF_EN | (uint32_t)(pools) << 12 | (vid))
#define VMOLR_LPE	(1u << 16)
#define VMOLR_AUPE	(1u << 24)
#define VMOLR_ROMPE	(1u << 25)
#define VMOLR_ROPE	(1u << 26)
#define VMOLR_BAM	(1u << 27)
#define VMOLR_MPME	(1u << 28)
#define VMOLR_STRVLAN	(1u << 30)
#define VMVIR_ALWAYS	(1u << 30)
#define VMVIR_NEVER	(2u << 30)
#define DTXSWC_VLAN_SPOOF(pool) (1u << (8 + (pool)))
#define RAH_POOL(n)	(1u << (18 + (n)))
#define MRQE_VMDQ	0x3u
#define VFRE		0x0c8cu
#define VFTE		0x0c90u

static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
static const uint8_t mac_p1[6] = { 0x52, 0x54, 0, 0x12, 0, 0x01 };
static const uint8_t mac_p2[6] = { 0x52, 0x54, 0, 0x12, 0, 0x02 };
static const uint8_t stranger[6] = { 0x02, 0, 0, 0, 0, 0x33 };
static const uint8_t mcast[6] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x42 };

static uint32_t frame_tag(uint8_t *f, uint32_t len, uint16_t tci)
{
	memmove(f + 16, f + 12, len - 12);
	put16(f + 12, 0x8100);
	put16(f + 14, tci);
	return len + 4;
}

static void set_rar(struct sim_port *p, unsigned int i, const uint8_t *m,
		    uint32_t pools)
{
	reg_write(p, SIM_RAL(i), (uint32_t)m[0] | (uint32_t)m[1] << 8 |
		  (uint32_t)m[2] << 16 | (uint32_t)m[3] << 24);
	reg_write(p, SIM_RAH(i), (uint32_t)m[4] | (uint32_t)m[5] << 8 |
		  SIM_RAH_AV | pools);
}

/* How many frames queue q holds (DD set in its descriptors). */
static unsigned int rx_count(unsigned int q)
{
	unsigned int n = 0;

	for (unsigned int i = 0; i < RING_N - 1; i++)
		if (rx_wb(&rxr[q], i)->staterr & SIM_RXD_STAT_DD)
			n++;
	return n;
}

/* Four pools' queues, VMDq mode as a VMDq-only driver sets it up: VLAN
 * filter on with every VLAN let in, MAC addresses of pools 1 and 2.
 */
static struct sim_port *vmdq_port(uint32_t vt_ctl)
{
	struct sim_port *p = rx_port();

	for (unsigned int q = 1; q < 4; q++)
		rx_ring(p, q, SRRCTL_ADV(2));
	for (unsigned int i = 0; i < 128; i++)
		reg_write(p, SIM_VFTA(i), 0xffffffffu);
	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_VFE);
	reg_write(p, SIM_MRQC, MRQE_VMDQ);
	reg_write(p, SIM_VT_CTL, vt_ctl);
	set_rar(p, 1, mac_p1, RAH_POOL(1));
	set_rar(p, 2, mac_p2, RAH_POOL(2));
	return p;
}

static void send(struct sim_port *p, const uint8_t *da, int vid)
{
	uint8_t f[256];
	uint32_t len = frame_ip4(f, da, 17, 60, 7);

	if (vid >= 0)
		len = frame_tag(f, len, (uint16_t)vid);
	sim_rx_frame(p, f, len, true);
}

/* Replication off, IGNORE_MAC (how DPDK's VMDq-only setup leaves it): a
 * tagged frame goes to its VLVF entry's pool, the lowest if several; an
 * untagged or unknown-VLAN frame to the default pool, or nowhere.
 */
static void test_pool_by_vlan(void)
{
	struct sim_port *p = vmdq_port(VT_IGNORE_MAC | VT_DEF_PL(3));

	reg_write(p, SIM_VLVF(0), VLVF(100, 1u << 1));
	reg_write(p, SIM_VLVF(5), VLVF(200, 1u << 2 | 1u << 3));
	reg_write(p, SIM_VLVF(6), VLVF(300, 1u << 0) & ~VLVF_EN);
	send(p, port_mac, 100);
	send(p, port_mac, 200);
	send(p, port_mac, 300);		/* entry not enabled */
	send(p, port_mac, -1);
	send(p, bcast, 100);		/* broadcast: by its VLAN, one pool */
	UNIT_CHECK_EQ(rx_count(0), 0);
	UNIT_CHECK_EQ(rx_count(1), 2);
	UNIT_CHECK_EQ(rx_count(2), 1);
	UNIT_CHECK_EQ(rx_count(3), 2);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(1)), 2);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(3)), 2);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPRC), 5);
	/* no default pool: the untagged frame is dropped */
	reg_write(p, SIM_VT_CTL, VT_IGNORE_MAC | VT_DIS_DEF_PL);
	send(p, port_mac, -1);
	UNIT_CHECK_EQ(rx_count(0) + rx_count(3), 2);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPRC), 0);
}

/* Replication off, MAC selects: RAH.POOLSEL of an exact unicast match;
 * broadcast and multicast go to the default pool.
 */
static void test_pool_by_mac(void)
{
	struct sim_port *p = vmdq_port(VT_DEF_PL(0));

	send(p, mac_p1, -1);
	send(p, mac_p2, -1);
	send(p, bcast, -1);
	send(p, stranger, -1);		/* not promiscuous: filtered out */
	UNIT_CHECK_EQ(rx_count(0), 1);
	UNIT_CHECK_EQ(rx_count(1), 1);
	UNIT_CHECK_EQ(rx_count(2), 1);
	UNIT_CHECK(memcmp(rxr[1].buf[0], mac_p1, 6) == 0);
}

/* Replication on: broadcast into every pool with VMOLR.BAM, untagged only
 * where AUPE, tagged only into the VLVF members; the port counts the frame
 * once, each queue its copy, and the bytes are the same in each.
 */
static void test_replication(void)
{
	struct sim_port *p = vmdq_port(VT_REPL_EN | VT_DEF_PL(0));
	uint8_t f[256];
	uint32_t len;

	for (unsigned int i = 0; i < 4; i++)
		reg_write(p, SIM_VMOLR(i), VMOLR_BAM | VMOLR_AUPE);
	reg_write(p, SIM_VMOLR(3), VMOLR_BAM);	/* pool 3: tagged only */
	reg_write(p, SIM_VLVF(0), VLVF(100, 1u << 1 | 1u << 3));
	len = frame_ip4(f, bcast, 17, 60, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_count(0), 1);
	UNIT_CHECK_EQ(rx_count(1), 1);
	UNIT_CHECK_EQ(rx_count(2), 1);
	UNIT_CHECK_EQ(rx_count(3), 0);
	UNIT_CHECK(memcmp(rxr[0].buf[0], f, len) == 0);
	UNIT_CHECK(memcmp(rxr[2].buf[0], f, len) == 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_GPRC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_BPRC), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(0)), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGPRC(2)), 1);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQGORC(1)), len + 4);
	send(p, bcast, 100);		/* VLAN 100: pools 1 and 3 */
	UNIT_CHECK_EQ(rx_count(0), 1);
	UNIT_CHECK_EQ(rx_count(1), 2);
	UNIT_CHECK_EQ(rx_count(3), 1);
	/* a unicast whose RAR names two pools goes to both */
	set_rar(p, 4, stranger, RAH_POOL(0) | RAH_POOL(2));
	send(p, stranger, -1);
	UNIT_CHECK_EQ(rx_count(0), 2);
	UNIT_CHECK_EQ(rx_count(2), 2);
	UNIT_CHECK_EQ(rx_count(1), 2);
	/* BAM off everywhere, RCTL.BAM on: the default pool takes it */
	for (unsigned int i = 0; i < 4; i++)
		reg_write(p, SIM_VMOLR(i), VMOLR_AUPE);
	send(p, bcast, -1);
	UNIT_CHECK_EQ(rx_count(0), 3);
	UNIT_CHECK_EQ(rx_count(2), 2);
}

/* Multicast and unicast by pool: MPME takes every multicast, ROMPE those
 * the MTA hashes in, ROPE unicast the UTA hashes in, even with the port's
 * own filters (RCTL.MPE/UPE, MTA for the port) not taking them.
 */
static void test_pool_accept_bits(void)
{
	struct sim_port *p = vmdq_port(VT_REPL_EN | VT_DEF_PL(0));
	uint32_t idx = sim_mta_index(mcast, 0), uidx;

	reg_write(p, SIM_VMOLR(1), VMOLR_AUPE | VMOLR_MPME);
	reg_write(p, SIM_VMOLR(2), VMOLR_AUPE | VMOLR_ROMPE);
	reg_write(p, SIM_VMOLR(3), VMOLR_AUPE | VMOLR_ROPE);
	send(p, mcast, -1);
	UNIT_CHECK_EQ(rx_count(1), 1);
	UNIT_CHECK_EQ(rx_count(2), 0);
	reg_write(p, SIM_MTA(idx >> 5), 1u << (idx & 31));
	send(p, mcast, -1);
	UNIT_CHECK_EQ(rx_count(1), 2);
	UNIT_CHECK_EQ(rx_count(2), 1);
	UNIT_CHECK_EQ(rx_count(0), 0);
	UNIT_CHECK_EQ(reg_read(p, SIM_PQMPRC(1)), 2);
	send(p, stranger, -1);
	UNIT_CHECK_EQ(rx_count(3), 0);
	uidx = sim_mta_index(stranger, 0);
	reg_write(p, SIM_UTA(uidx >> 5), 1u << (uidx & 31));
	send(p, stranger, -1);
	UNIT_CHECK_EQ(rx_count(3), 1);
	UNIT_CHECK_EQ(rx_count(0), 0);
}

/* Per pool: STRVLAN strips the tag of that pool's copy only, and a frame
 * longer than 1522 bytes reaches only the pools with LPE and a RLPML that
 * fits it.
 */
static void test_pool_strip_and_length(void)
{
	struct sim_port *p = vmdq_port(VT_REPL_EN | VT_DEF_PL(0));
	uint8_t f[2100];
	uint32_t len;

	reg_write(p, SIM_RCTL, RCTL_ON | SIM_RCTL_VFE | SIM_RCTL_LPE);
	reg_write(p, SIM_RLPML, 9000);
	reg_write(p, SIM_VLVF(0), VLVF(7, 0xf));
	reg_write(p, SIM_VMOLR(1), VMOLR_BAM | VMOLR_STRVLAN);
	reg_write(p, SIM_VMOLR(2), VMOLR_BAM | VMOLR_LPE | 2000);
	reg_write(p, SIM_VMOLR(3), VMOLR_BAM | VMOLR_LPE | 1600);
	send(p, bcast, 7);
	UNIT_CHECK(rx_wb(&rxr[1], 0)->staterr & SIM_RXD_STAT_VP);
	UNIT_CHECK_EQ(rx_wb(&rxr[1], 0)->len_vlan >> 16, 7);
	UNIT_CHECK_EQ(get16(rxr[1].buf[0] + 12), 0x0800);
	UNIT_CHECK(!(rx_wb(&rxr[2], 0)->staterr & SIM_RXD_STAT_VP));
	UNIT_CHECK_EQ(get16(rxr[2].buf[0] + 12), 0x8100);
	len = frame_ip4(f, bcast, 17, 1800, 7);
	len = frame_tag(f, len, 7);
	sim_rx_frame(p, f, len, true);
	UNIT_CHECK_EQ(rx_count(1), 1);	/* no LPE: standard frames only */
	UNIT_CHECK_EQ(rx_count(2), 2);
	UNIT_CHECK_EQ(rx_count(3), 1);	/* RLPML 1600 < its length */
	UNIT_CHECK_EQ(rx_wb(&rxr[2], 1)->len_vlan & 0xffff, len);
}

/* VMVIR: ALWAYS puts the pool's tag on every frame, NEVER keeps the
 * descriptor's off; VLAN anti-spoofing drops a tag the pool is not in.
 */
static void test_tx_vlan(void)
{
	struct sim_port *p = port_new();
	uint8_t *b;
	uint32_t len;

	p->nb_vfs = 2;
	reg_write(p, VFTE, 0xff);
	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, peer_mac, 17, 40, 9);
	reg_write(p, SIM_VMVIR(0), VMVIR_ALWAYS | 0x2064);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 1);
	UNIT_CHECK_EQ(wire_len[0], len + 4);
	UNIT_CHECK_EQ(get16(wire_frame[0] + 12), 0x8100);
	UNIT_CHECK_EQ(get16(wire_frame[0] + 14), 0x2064);
	UNIT_CHECK(memcmp(wire_frame[0] + 16, b + 12, len - 12) == 0);
	/* NEVER: the descriptor's VLE is ignored */
	reg_write(p, SIM_VMVIR(0), VMVIR_NEVER | 0x2064);
	tx_put((uintptr_t)b, LEG_CMD(len) | SIM_TXD_CMD_VLE, 5u << 16);
	tx_kick(p);
	UNIT_CHECK_EQ(wire_count, 2);
	UNIT_CHECK_EQ(wire_len[1], len);
	/* default: the descriptor decides */
	reg_write(p, SIM_VMVIR(0), 0);
	tx_put((uintptr_t)b, LEG_CMD(len) | SIM_TXD_CMD_VLE, 5u << 16);
	tx_kick(p);
	UNIT_CHECK_EQ(get16(wire_frame[2] + 14), 5);
	/* VLAN anti-spoofing for pool 0: VLAN 5 is not pool 0's yet */
	reg_write(p, SIM_DTXSWC, DTXSWC_VLAN_SPOOF(0));
	tx_put((uintptr_t)b, LEG_CMD(len) | SIM_TXD_CMD_VLE, 5u << 16);
	tx_kick(p);
	UNIT_CHECK_EQ(wire_count, 3);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);	/* untagged passes */
	tx_kick(p);
	UNIT_CHECK_EQ(wire_count, 4);
	reg_write(p, SIM_VLVF(3), VLVF(5, 1u << 0));
	tx_put((uintptr_t)b, LEG_CMD(len) | SIM_TXD_CMD_VLE, 5u << 16);
	tx_kick(p);
	UNIT_CHECK_EQ(wire_count, 5);
}

/* Loopback on: a broadcast pool 0 sends goes to the wire and into the
 * other pools that take broadcasts, not back into pool 0.
 */
static void test_tx_loopback_flood(void)
{
	struct sim_port *p = vmdq_port(VT_REPL_EN | VT_DEF_PL(0));
	uint8_t *b;
	uint32_t len;

	p->nb_vfs = 2;
	reg_write(p, VFRE, 0xff);
	reg_write(p, VFTE, 0xff);
	for (unsigned int i = 0; i < 3; i++)
		reg_write(p, SIM_VMOLR(i), VMOLR_BAM | VMOLR_AUPE);
	reg_write(p, SIM_DTXSWC, 1u << 31);
	tx_ring(p);
	b = txr.buf[0];
	len = frame_ip4(b, bcast, 17, 40, 9);
	tx_put((uintptr_t)b, LEG_CMD(len), 0);
	UNIT_CHECK_EQ(tx_kick(p), 1);
	UNIT_CHECK_EQ(wire_count, 1);
	UNIT_CHECK_EQ(rx_count(0), 0);
	UNIT_CHECK_EQ(rx_count(1), 1);
	UNIT_CHECK_EQ(rx_count(2), 1);
	UNIT_CHECK_EQ(rx_count(3), 0);
	UNIT_CHECK(memcmp(rxr[2].buf[0], b, len) == 0);
	/* VF 1 (pool 1) counts the frame looped back to it */
	UNIT_CHECK_EQ(sim_vf_reg_read(p, 1, 0x0f40, 4), 1);	/* VFGPRLBC */
}

int main(void)
{
	UNIT_RUN(test_pool_by_vlan);
	UNIT_RUN(test_pool_by_mac);
	UNIT_RUN(test_replication);
	UNIT_RUN(test_pool_accept_bits);
	UNIT_RUN(test_pool_strip_and_length);
	UNIT_RUN(test_tx_vlan);
	UNIT_RUN(test_tx_loopback_flood);
	return unit_report();
}
