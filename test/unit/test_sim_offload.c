/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_offload.c - unit tests of the simulated 82576's pure
 * helpers (RSS hash, multicast table index, checksums and CRCs, header
 * parsing) and of SCTP CRC offload end to end.
 */
#include <stdlib.h>
#include <string.h>

#include "sim_fixture.h"
#include "unit.h"

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
	UNIT_RUN(test_sctp);
	return unit_report();
}
