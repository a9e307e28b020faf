/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * offload.c - the pure computations behind the 82576's offloads: one's
 * complement sums, Ethernet CRC-32 and CRC-32c, header parsing, TSO segments.
 */
#include <string.h>

#include "engines.h"

#define SIM_ETHERTYPE_IPV4	0x0800
#define SIM_ETHERTYPE_IPV6	0x86dd
#define SIM_PROTO_TCP		6
#define SIM_PROTO_UDP		17
#define SIM_PROTO_SCTP		132
#define SIM_TCP_FLAGS_MASK	0x0fffu

static inline uint16_t sim_get16(const uint8_t *b)
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

static inline void sim_put16(uint8_t *b, uint16_t v)
{
	b[0] = (uint8_t)(v >> 8);
	b[1] = (uint8_t)v;
}

static inline uint32_t sim_get32(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

static inline void sim_put32(uint8_t *b, uint32_t v)
{
	sim_put16(b, (uint16_t)(v >> 16));
	sim_put16(b + 2, (uint16_t)v);
}

/* ---- one's complement sums (RFC 1071) --------------------------------- */
uint32_t sim_csum_add(uint32_t sum, const void *data, uint32_t len)
{
	const uint8_t *b = data;
	uint64_t acc = sum;

	while (len >= 4) {
		acc += sim_get32(b);
		b += 4;
		len -= 4;
	}
	if (len >= 2) {
		acc += sim_get16(b);
		b += 2;
		len -= 2;
	}
	if (len)
		acc += (uint32_t)b[0] << 8;
	/* a 32-bit word adds two 16-bit words at once: fold twice */
	while (acc >> 16)
		acc = (acc & 0xffff) + (acc >> 16);
	return (uint32_t)acc;
}

uint16_t sim_csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* ---- CRCs: reflected, table driven, tables built once at load --------- */
static uint32_t sim_crc_eth_table[256];
static uint32_t sim_crc_c_table[256];

static void sim_crc_table_build(uint32_t *table, uint32_t poly)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t r = i;

		for (int k = 0; k < 8; k++)
			r = (r & 1) ? (r >> 1) ^ poly : r >> 1;
		table[i] = r;
	}
}

__attribute__((constructor))
static void sim_crc_tables_init(void)
{
	sim_crc_table_build(sim_crc_eth_table, 0xedb88320u);	/* 802.3 */
	sim_crc_table_build(sim_crc_c_table, 0x82f63b78u);	/* Castagnoli */
}

static uint32_t sim_crc_run(const uint32_t *table, uint32_t crc,
			    const uint8_t *data, uint32_t len)
{
	crc = ~crc;
	while (len--)
		crc = table[(crc ^ *data++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

uint32_t sim_crc32_eth(uint32_t crc, const uint8_t *data, uint32_t len)
{
	return sim_crc_run(sim_crc_eth_table, crc, data, len);
}

uint32_t sim_crc32c(uint32_t crc, const uint8_t *data, uint32_t len)
{
	return sim_crc_run(sim_crc_c_table, crc, data, len);
}

/* ---- header parsing --------------------------------------------------- */
static void sim_parse_l4(const uint8_t *f, uint32_t len, uint8_t proto,
			 struct sim_hdrs *h)
{
	uint32_t off = h->l4_off, hl;

	switch (proto) {
	case SIM_PROTO_TCP:
		if (len < off + 20)
			return;
		hl = (f[off + 12] >> 4) * 4u;
		if (hl < 20 || len < off + hl)
			return;
		h->l4 = SIM_L4_TCP;
		break;
	case SIM_PROTO_UDP:
		hl = 8;
		if (len < off + hl)
			return;
		h->l4 = SIM_L4_UDP;
		break;
	case SIM_PROTO_SCTP:
		hl = 12;	/* common header: ports, tag, checksum */
		if (len < off + hl)
			return;
		h->l4 = SIM_L4_SCTP;
		break;
	default:
		return;
	}
	h->hdr_len = (uint16_t)(off + hl);
}

static void sim_parse_ipv4(const uint8_t *f, uint32_t len, struct sim_hdrs *h)
{
	uint32_t off = h->l3_off, ihl, tot;

	if (len < off + 20 || (f[off] >> 4) != 4)
		return;
	ihl = (f[off] & 0xf) * 4u;
	if (ihl < 20 || len < off + ihl)
		return;
	h->l3 = SIM_L3_IPV4;
	h->l3_ext = ihl > 20;
	tot = sim_get16(f + off + 2);
	h->ip_end = (tot >= ihl && off + tot <= len) ? off + tot : len;
	/* more-fragments flag or a fragment offset: no L4 header to trust */
	h->frag = (sim_get16(f + off + 6) & 0x3fff) != 0;
	h->l4_off = (uint16_t)(off + ihl);
	h->hdr_len = h->l4_off;
	if (h->frag) {
		h->l4_off = 0;
		return;
	}
	sim_parse_l4(f, h->ip_end, f[off + 9], h);
	if (h->l4 == SIM_L4_NONE)
		h->l4_off = 0;
}

static bool sim_ipv6_is_ext(uint8_t nh)
{
	return nh == 0 || nh == 43 || nh == 44 || nh == 51 || nh == 60;
}

/* Walks the IPv6 extension headers the 82576 knows (datasheet 7.1.1):
 * hop-by-hop, routing, fragment, destination options and AH.
 */
static void sim_parse_ipv6(const uint8_t *f, uint32_t len, struct sim_hdrs *h)
{
	uint32_t off = h->l3_off, p = off + 40, plen;
	uint8_t nh;

	if (len < p || (f[off] >> 4) != 6)
		return;
	h->l3 = SIM_L3_IPV6;
	plen = sim_get16(f + off + 4);
	h->ip_end = p + plen <= len ? p + plen : len;
	nh = f[off + 6];
	for (int i = 0; i < 8 && sim_ipv6_is_ext(nh); i++) {
		uint32_t hl = 8;

		if (len < p + 8)
			return;
		if (nh == 0 || nh == 43 || nh == 60)
			hl = (f[p + 1] + 1u) * 8;
		else if (nh == 51)
			hl = (f[p + 1] + 2u) * 4;
		if (len < p + hl)
			return;
		if (nh == 44 && !h->frag) {
			h->frag = true;
			h->frag6_off = (uint16_t)p;
		}
		h->l3_ext = true;
		nh = f[p];
		p += hl;
	}
	h->l4_off = (uint16_t)p;
	h->hdr_len = (uint16_t)p;
	if (!h->frag)
		sim_parse_l4(f, h->ip_end, nh, h);
	if (h->l4 == SIM_L4_NONE)
		h->l4_off = 0;
}

void sim_parse_headers(const uint8_t *f, uint32_t len, uint16_t vet,
		       uint16_t vet_outer, bool ext_vlan, struct sim_hdrs *h)
{
	uint32_t off = 12;
	uint16_t etype;

	memset(h, 0, sizeof(*h));
	h->hdr_len = (uint16_t)(len < 14 ? len : 14);
	if (len < 14)
		return;
	etype = sim_get16(f + off);
	/* extended VLAN mode: every frame carries an outer tag first */
	if (ext_vlan && (etype == vet_outer || etype == vet) && len >= off + 6) {
		h->outer_vlan = true;
		h->nb_vlans++;
		off += 4;
		etype = sim_get16(f + off);
	}
	if (etype == vet && len >= off + 6) {
		h->vlan_off = (uint16_t)off;
		h->vlan_tci = sim_get16(f + off + 2);
		h->nb_vlans++;
		off += 4;
		etype = sim_get16(f + off);
	}
	h->l3_off = (uint16_t)(off + 2);
	h->hdr_len = h->l3_off;
	h->ip_end = len;
	if (etype == SIM_ETHERTYPE_IPV4)
		sim_parse_ipv4(f, len, h);
	else if (etype == SIM_ETHERTYPE_IPV6)
		sim_parse_ipv6(f, len, h);
}

uint32_t sim_pseudo_sum(const uint8_t *f, const struct sim_hdrs *h,
			uint8_t proto, uint32_t l4_len)
{
	uint32_t sum = proto + (l4_len & 0xffff) + (l4_len >> 16);

	if (h->l3 == SIM_L3_IPV4)
		return sim_csum_add(sum, f + h->l3_off + 12, 8);
	return sim_csum_add(sum, f + h->l3_off + 8, 32);
}

/* ---- transmit checksums (datasheet 7.2.5) ----------------------------- */
static uint32_t sim_l4_csum_off(uint8_t l4t)
{
	return l4t == SIM_TXC_L4T_TCP ? 16 : 6;
}

/* The driver leaves the pseudo-header sum in the checksum field (without
 * the length when segmenting); the hardware adds the L4 bytes to it and,
 * for TSO, the segment's L4 length.
 */
static void sim_tx_l4_csum(uint8_t *f, uint32_t len,
			   const struct sim_tx_offload *o, bool tso)
{
	uint32_t l4 = o->l4_off, sum, at;
	uint16_t c;

	if (o->l4t == SIM_TXC_L4T_SCTP) {
		uint32_t crc;

		if (len < l4 + 12)
			return;
		memset(f + l4 + 8, 0, 4);
		crc = sim_crc32c(0, f + l4, len - l4);
		/* RFC 3309: stored least significant byte first */
		f[l4 + 8] = (uint8_t)crc;
		f[l4 + 9] = (uint8_t)(crc >> 8);
		f[l4 + 10] = (uint8_t)(crc >> 16);
		f[l4 + 11] = (uint8_t)(crc >> 24);
		return;
	}
	at = l4 + sim_l4_csum_off(o->l4t);
	if (len < at + 2)
		return;
	sum = sim_csum_add(0, f + l4, len - l4);
	if (tso)
		sum += len - l4;
	c = (uint16_t)~sim_csum_fold(sum);
	if (c == 0 && o->l4t == SIM_TXC_L4T_UDP)
		c = 0xffff;	/* UDP: 0 means "no checksum" */
	sim_put16(f + at, c);
}

void sim_tx_checksum(uint8_t *f, uint32_t len, const struct sim_tx_offload *o,
		     bool tso)
{
	if (o->ip_csum && o->ipv4 && len >= o->l4_off &&
	    o->l4_off >= o->l3_off + 20) {
		uint8_t *ip = f + o->l3_off;

		ip[10] = ip[11] = 0;
		sim_put16(ip + 10, (uint16_t)~sim_csum_fold(
			sim_csum_add(0, ip, o->l4_off - o->l3_off)));
	}
	if (o->l4_csum)
		sim_tx_l4_csum(f, len, o, tso);
}

/* ---- TCP/UDP segmentation (datasheet 7.2.4) --------------------------- */
uint32_t sim_tso_count(uint32_t paylen, uint16_t mss)
{
	if (mss == 0)
		return 0;
	return paylen == 0 ? 1 : (paylen + mss - 1) / mss;
}

static void sim_tso_fix_tcp(uint8_t *out, const struct sim_tx_offload *o,
			    uint32_t seg, uint32_t nb_segs)
{
	uint8_t *tcp = out + o->l4_off;
	uint16_t flags = sim_get16(tcp + 12);
	uint16_t mask = o->tcp_mask_mid;

	sim_put32(tcp + 4, sim_get32(tcp + 4) + seg * (uint32_t)o->mss);
	/* DTXTCPFLGL/H: a single segment is the last one, FIN and PSH kept */
	if (seg + 1 == nb_segs)
		mask = o->tcp_mask_last;
	else if (seg == 0)
		mask = o->tcp_mask_first;
	flags &= (uint16_t)(~SIM_TCP_FLAGS_MASK | mask);
	sim_put16(tcp + 12, flags);
}

uint32_t sim_tso_segment(const uint8_t *pkt, uint32_t pkt_len,
			 const struct sim_tx_offload *o, uint32_t seg,
			 uint8_t *out)
{
	uint32_t hdr = o->l4_off + o->l4_len;
	uint32_t paylen = pkt_len - hdr, nb = sim_tso_count(paylen, o->mss);
	uint32_t from = seg * (uint32_t)o->mss, n, total;

	n = paylen - from < o->mss ? paylen - from : o->mss;
	total = hdr + n;
	memcpy(out, pkt, hdr);
	memcpy(out + hdr, pkt + hdr + from, n);
	if (o->ipv4) {
		uint8_t *ip = out + o->l3_off;

		sim_put16(ip + 2, (uint16_t)(total - o->l3_off));
		sim_put16(ip + 4, (uint16_t)(sim_get16(ip + 4) + seg));
	} else {
		sim_put16(out + o->l3_off + 4,
			  (uint16_t)(total - o->l3_off - 40));
	}
	if (o->l4t == SIM_TXC_L4T_TCP)
		sim_tso_fix_tcp(out, o, seg, nb);
	else if (o->l4t == SIM_TXC_L4T_UDP)
		sim_put16(out + o->l4_off + 4, (uint16_t)(total - o->l4_off));
	sim_tx_checksum(out, total, o, true);
	return total;
}
