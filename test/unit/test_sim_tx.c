/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_tx.c - unit tests of the simulated 82576's transmit
 * engine (legacy and advanced descriptors, offloads, TSO, head write-back),
 * the host lines it notes for the benchmark, and 802.3x flow control.
 */
#include <stdlib.h>
#include <string.h>

#include "sim_fixture.h"
#include "unit.h"

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

int main(void)
{
	UNIT_RUN(test_tx_legacy);
	UNIT_RUN(test_tx_adv_offload);
	UNIT_RUN(test_tx_tso);
	UNIT_RUN(test_tx_tso_ipv6);
	UNIT_RUN(test_tx_head_wb_loopback);
	UNIT_RUN(test_dma_notes);
	UNIT_RUN(test_fc_decide);
	UNIT_RUN(test_fc_honoured);
	UNIT_RUN(test_fc_generated);
	return unit_report();
}
