/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_hsplit.c - the simulated 82576's header split against the
 * datasheet's split-header table (7.1.6), one check per row, and the
 * PSRTYPE header layouts of appendix A.1.
 */
#include <string.h>

#include "hsplit.h"
#include "unit.h"

#define SPLIT	SIM_SRRCTL_DESCTYPE_HDR_SPLIT
#define ALWAYS	SIM_SRRCTL_DESCTYPE_SPLIT_ALWAYS

static uint32_t hdr_len_of(const struct sim_hsplit *s)
{
	return (s->hdr_field >> SIM_RXADV_HDRLEN_SHIFT) & SIM_RXADV_HDRLEN_MASK;
}

static bool sph_of(const struct sim_hsplit *s)
{
	return (s->hdr_field & SIM_RXADV_SPH) != 0;
}

/* DESCTYPE 010b: the three rows of the split mode. */
static void test_split_rows(void)
{
	struct sim_hsplit s;

	/* header cannot be decoded: SPH 0, HBO 0, all in the packet buffer */
	sim_hsplit_plan(SPLIT, 128, 0, 300, &s);
	UNIT_CHECK_EQ(s.hb, 0);
	UNIT_CHECK(!sph_of(&s));
	UNIT_CHECK_EQ(s.hbo, 0);
	/* header <= BSIZEHEADER: SPH 1, HDR_LEN = header, header buffer used */
	sim_hsplit_plan(SPLIT, 128, 54, 300, &s);
	UNIT_CHECK_EQ(s.hb, 54);
	UNIT_CHECK(sph_of(&s));
	UNIT_CHECK_EQ(hdr_len_of(&s), 54);
	UNIT_CHECK_EQ(s.hbo, 0);
	/* header exactly BSIZEHEADER still fits */
	sim_hsplit_plan(SPLIT, 64, 64, 300, &s);
	UNIT_CHECK_EQ(s.hb, 64);
	UNIT_CHECK_EQ(s.hbo, 0);
	/* header > BSIZEHEADER: SPH 1, HBO 1, HDR_LEN = header size, the
	 * header stays in the packet buffer (header buffer not written)
	 */
	sim_hsplit_plan(SPLIT, 64, 94, 300, &s);
	UNIT_CHECK_EQ(s.hb, 0);
	UNIT_CHECK(sph_of(&s));
	UNIT_CHECK_EQ(hdr_len_of(&s), 94);
	UNIT_CHECK_EQ(s.hbo, SIM_RXADV_ERR_HBO);
	/* a short frame in split mode is still split by its header */
	sim_hsplit_plan(SPLIT, 128, 54, 60, &s);
	UNIT_CHECK_EQ(s.hb, 54);
	UNIT_CHECK(sph_of(&s));
}

/* DESCTYPE 101b: the four rows of "split, always use header buffer". */
static void test_always_rows(void)
{
	struct sim_hsplit s;

	/* packet length <= BSIZEHEADER: all of it in the header buffer,
	 * HDR_LEN = packet length, SPH 0 (whether or not it decodes)
	 */
	sim_hsplit_plan(ALWAYS, 128, 54, 100, &s);
	UNIT_CHECK_EQ(s.hb, 100);
	UNIT_CHECK(!sph_of(&s));
	UNIT_CHECK_EQ(hdr_len_of(&s), 100);
	UNIT_CHECK_EQ(s.hbo, 0);
	sim_hsplit_plan(ALWAYS, 128, 0, 128, &s);
	UNIT_CHECK_EQ(s.hb, 128);
	/* cannot be decoded, longer: BSIZEHEADER bytes to the header buffer,
	 * HDR_LEN = BSIZEHEADER, SPH 0
	 */
	sim_hsplit_plan(ALWAYS, 128, 0, 300, &s);
	UNIT_CHECK_EQ(s.hb, 128);
	UNIT_CHECK(!sph_of(&s));
	UNIT_CHECK_EQ(hdr_len_of(&s), 128);
	UNIT_CHECK_EQ(s.hbo, 0);
	/* header <= BSIZEHEADER: a normal split */
	sim_hsplit_plan(ALWAYS, 128, 66, 300, &s);
	UNIT_CHECK_EQ(s.hb, 66);
	UNIT_CHECK(sph_of(&s));
	UNIT_CHECK_EQ(hdr_len_of(&s), 66);
	UNIT_CHECK_EQ(s.hbo, 0);
	/* header > BSIZEHEADER: HBO, HDR_LEN = header, yet BSIZEHEADER bytes
	 * still fill the header buffer
	 */
	sim_hsplit_plan(ALWAYS, 64, 94, 300, &s);
	UNIT_CHECK_EQ(s.hb, 64);
	UNIT_CHECK(sph_of(&s));
	UNIT_CHECK_EQ(hdr_len_of(&s), 94);
	UNIT_CHECK_EQ(s.hbo, SIM_RXADV_ERR_HBO);
}

static struct sim_hdrs hdrs(uint8_t l3, uint8_t l4, bool frag, uint16_t l3_off,
			    uint16_t hdr_len)
{
	struct sim_hdrs h;

	memset(&h, 0, sizeof(h));
	h.l3 = l3;
	h.l4 = l4;
	h.frag = frag;
	h.l3_off = l3_off;
	h.hdr_len = hdr_len;
	return h;
}

/* PSRTYPE: a layout splits only when its bit is set; PSR_TYPE0 splits
 * anything else after the MAC header.
 */
static void test_psrtype_layouts(void)
{
	struct sim_hdrs tcp4 = hdrs(SIM_L3_IPV4, SIM_L4_TCP, false, 14, 54);
	struct sim_hdrs udp4 = hdrs(SIM_L3_IPV4, SIM_L4_UDP, false, 18, 46);
	struct sim_hdrs frag4 = hdrs(SIM_L3_IPV4, SIM_L4_NONE, true, 14, 34);
	struct sim_hdrs icmp4 = hdrs(SIM_L3_IPV4, SIM_L4_NONE, false, 14, 34);
	struct sim_hdrs tcp6 = hdrs(SIM_L3_IPV6, SIM_L4_TCP, false, 14, 74);
	struct sim_hdrs udp6 = hdrs(SIM_L3_IPV6, SIM_L4_UDP, false, 14, 62);
	struct sim_hdrs frag6 = hdrs(SIM_L3_IPV6, SIM_L4_NONE, true, 14, 70);
	struct sim_hdrs sctp4 = hdrs(SIM_L3_IPV4, SIM_L4_SCTP, false, 14, 46);
	struct sim_hdrs arp = hdrs(SIM_L3_NONE, SIM_L4_NONE, false, 14, 14);

	UNIT_CHECK_EQ(sim_hsplit_header_len(0, &tcp4), 0);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4_TCP, &tcp4), 54);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4_UDP, &tcp4), 0);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4_UDP, &udp4), 46);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4, &frag4), 34);
	/* A.1.3.1: an unfragmented IPv4 frame without TCP/UDP is not type 1 */
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4, &icmp4), 0);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4_TCP, &tcp6), 0);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV6_TCP, &tcp6), 74);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV6_UDP, &udp6), 62);
	/* hop-by-hop (8 bytes) then the fragment header: cut before it */
	frag6.frag6_off = 14 + 40 + 8;
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV6, &frag6), 62);
	UNIT_CHECK_EQ(sim_hsplit_header_len(0x3ff & ~SIM_PSRTYPE_L2, &sctp4), 0);
	/* PSR_TYPE0: after the MAC header (VLAN tag included) */
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_L2, &tcp4), 14);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_L2, &udp4), 18);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_L2, &arp), 14);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_L2, &sctp4), 14);
	/* a deeper layout wins over PSR_TYPE0 */
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_L2 | SIM_PSRTYPE_IPV4_TCP,
					    &tcp4), 54);
}

/* Parsed frames: IPv4 with options and TCP options, an IPv6 fragment behind a
 * hop-by-hop header, a tagged frame (PSR_TYPE0 keeps the tag with the MAC).
 */
static void test_parsed_frames(void)
{
	uint8_t f[256];
	struct sim_hdrs h;

	memset(f, 0, sizeof(f));
	f[12] = 0x08;				/* IPv4, IHL 6, TCP, doff 8 */
	f[14] = 0x46;
	f[17] = 100;
	f[23] = 6;
	f[14 + 24 + 12] = 8 << 4;
	sim_parse_headers(f, 114, 0x8100, 0x88a8, false, &h);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4_TCP, &h), 14 + 24 + 32);
	f[20] = 0x20;				/* MF: a first fragment */
	sim_parse_headers(f, 114, 0x8100, 0x88a8, false, &h);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4_TCP, &h), 0);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV4, &h), 14 + 24);

	memset(f, 0, sizeof(f));
	f[12] = 0x86;				/* IPv6, hop-by-hop, fragment */
	f[13] = 0xdd;
	f[14] = 0x60;
	f[19] = 60;
	f[20] = 0;				/* next: hop-by-hop */
	f[54] = 44;				/* hop-by-hop's next: fragment */
	f[62] = 17;				/* fragment's next: UDP */
	f[65] = 1;				/* M: more fragments */
	sim_parse_headers(f, 114, 0x8100, 0x88a8, false, &h);
	UNIT_CHECK(h.frag);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV6, &h), 14 + 40 + 8);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_IPV6_UDP, &h), 0);

	memset(f, 0, sizeof(f));
	f[12] = 0x81;				/* 802.1Q, then ARP */
	f[16] = 0x08;
	f[17] = 0x06;
	sim_parse_headers(f, 64, 0x8100, 0x88a8, false, &h);
	UNIT_CHECK_EQ(sim_hsplit_header_len(SIM_PSRTYPE_L2, &h), 18);
	UNIT_CHECK_EQ(sim_hsplit_header_len(0x3fe, &h), 0);
}

int main(void)
{
	UNIT_RUN(test_split_rows);
	UNIT_RUN(test_always_rows);
	UNIT_RUN(test_psrtype_layouts);
	UNIT_RUN(test_parsed_frames);
	return unit_report();
}
