/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_desc.h - the 82576 advanced RX/TX descriptor layouts and their bit fields
 * (82576 datasheet 7.1.5 receive descriptors, 7.2.2 transmit descriptors). */
#ifndef IGBX_DESC_H
#define IGBX_DESC_H

#include <stdint.h>

/*
 * Advanced receive descriptor, 16 bytes, little endian (7.1.5.1 / 7.1.5.2).
 * Software hands it over in "read" form; the device overwrites it with
 * the "write-back" form. hdr_addr and status_error share the same bytes,
 * so zeroing hdr_addr when refilling also clears DD.
 */
union igbx_adv_rx_desc {
	struct {
		uint64_t pkt_addr;	/* packet buffer DMA address */
		uint64_t hdr_addr;	/* header buffer (unused: one-buffer mode) */
	} read;
	struct {
		uint16_t pkt_info;	/* RSS type 3:0, packet type 15:4 */
		uint16_t hdr_info;	/* header length, SPH (split mode only) */
		union {
			uint32_t rss_hash;	/* RSS hash when RXCSUM.PCSD = 1 */
			struct {
				uint16_t ip_id;	/* when RXCSUM.PCSD = 0 */
				uint16_t csum;
			};
		};
		uint32_t status_error;	/* extended status 19:0, errors 31:20 */
		uint16_t length;	/* bytes written into this buffer */
		uint16_t vlan;		/* stripped 802.1Q tag when STAT_VP */
	} wb;
};

/* pkt_info: RSS type, bits 3:0 (7.1.5.2, table "RSS Type") */
#define IGBX_RXD_RSSTYPE_MASK		0x000Fu
#define IGBX_RXD_RSSTYPE_NONE		0x0u
#define IGBX_RXD_RSSTYPE_IPV4_TCP	0x1u
#define IGBX_RXD_RSSTYPE_IPV4		0x2u
#define IGBX_RXD_RSSTYPE_IPV6_TCP	0x3u
#define IGBX_RXD_RSSTYPE_IPV6_EX	0x4u
#define IGBX_RXD_RSSTYPE_IPV6		0x5u
#define IGBX_RXD_RSSTYPE_IPV6_TCP_EX	0x6u
#define IGBX_RXD_RSSTYPE_IPV4_UDP	0x7u
#define IGBX_RXD_RSSTYPE_IPV6_UDP	0x8u
#define IGBX_RXD_RSSTYPE_IPV6_UDP_EX	0x9u

/* pkt_info: packet type, one bit per recognised header */
#define IGBX_RXD_PKTTYPE_IPV4		0x0010u
#define IGBX_RXD_PKTTYPE_IPV4_EX	0x0020u	/* IPv4 with options */
#define IGBX_RXD_PKTTYPE_IPV6		0x0040u
#define IGBX_RXD_PKTTYPE_IPV6_EX	0x0080u	/* IPv6 with extension headers */
#define IGBX_RXD_PKTTYPE_TCP		0x0100u
#define IGBX_RXD_PKTTYPE_UDP		0x0200u
#define IGBX_RXD_PKTTYPE_SCTP		0x0400u
#define IGBX_RXD_PKTTYPE_NFS		0x0800u
#define IGBX_RXD_PKTTYPE_ETQF		0x8000u	/* bits 6:4 are an ETQF index */
#define IGBX_RXD_PKTTYPE_ETQF_MASK	0x0070u	/* index of the ETQF that matched */
#define IGBX_RXD_PKTTYPE_ETQF_SHIFT	4
#define IGBX_RXD_PKTTYPE_L3_MASK	0x00F0u
#define IGBX_RXD_PKTTYPE_L3_SHIFT	4
#define IGBX_RXD_PKTTYPE_L4_MASK	0x0700u
#define IGBX_RXD_PKTTYPE_L4_SHIFT	8

/* status_error: extended status, bits 19:0 */
#define IGBX_RXD_STAT_DD		(1u << 0)	/* descriptor done */
#define IGBX_RXD_STAT_EOP		(1u << 1)	/* end of packet */
#define IGBX_RXD_STAT_VP		(1u << 3)	/* 802.1Q packet, tag in vlan */
#define IGBX_RXD_STAT_UDPCS		(1u << 4)	/* UDP checksum computed */
#define IGBX_RXD_STAT_L4I		(1u << 5)	/* L4 integrity checked */
#define IGBX_RXD_STAT_IPCS		(1u << 6)	/* IPv4 header checksum computed */
#define IGBX_RXD_STAT_PIF		(1u << 7)	/* passed inexact filter */
#define IGBX_RXD_STAT_VEXT		(1u << 9)	/* outer VLAN found (double VLAN) */
#define IGBX_RXD_STAT_UDPV		(1u << 10)	/* UDP checksum field valid */
#define IGBX_RXD_STAT_LLINT		(1u << 11)	/* low latency interrupt */
#define IGBX_RXD_STAT_TS		(1u << 16)	/* IEEE 1588 time stamp */
#define IGBX_RXD_STAT_SECP		(1u << 17)	/* security processing */
#define IGBX_RXD_STAT_LB		(1u << 18)	/* VM to VM loopback */

/* hdr_info (dword 0 bits 31:16): HDR_LEN 14:5 and SPH 15 (7.1.5.2) */
#define IGBX_RXD_HDR_LEN_SHIFT		5
#define IGBX_RXD_HDR_LEN_MASK		0x3FFu
#define IGBX_RXD_HDR_SPH		(1u << 15)

/* status_error: errors, bits 31:20 */
#define IGBX_RXD_ERR_HBO		(1u << 23)	/* header buffer overflow */
#define IGBX_RXD_ERR_SECERR_MASK	(3u << 27)	/* security error code */
#define IGBX_RXD_ERR_L4E		(1u << 29)	/* TCP/UDP/SCTP checksum error */
#define IGBX_RXD_ERR_IPE		(1u << 30)	/* IPv4 header checksum error */
#define IGBX_RXD_ERR_RXE		(1u << 31)	/* CRC, symbol, length... error */

/*
 * Advanced transmit descriptors, 16 bytes (7.2.2.2 context, 7.2.2.3 data).
 * A data descriptor's write-back only sets DD in olinfo_status.
 */
struct igbx_adv_tx_data_desc {
	uint64_t buffer_addr;
	uint32_t cmd_type_len;	/* DTALEN 15:0, MAC 19:18, DTYP 23:20, DCMD 31:24 */
	uint32_t olinfo_status;	/* STA 3:0, IDX 6:4, CC 7, POPTS 13:8, PAYLEN 31:14 */
};

struct igbx_adv_tx_context_desc {
	uint32_t vlan_macip_lens;	/* IPLEN 8:0, MACLEN 15:9, VLAN 31:16 */
	uint32_t seqnum_seed;		/* IPsec only, zero here */
	uint32_t type_tucmd_mlhl;	/* TUCMD 19:9, DTYP 23:20, DEXT 29 */
	uint32_t mss_l4len_idx;		/* IDX 6:4, L4LEN 15:8, MSS 31:16 */
};

union igbx_adv_tx_desc {
	struct igbx_adv_tx_data_desc data;
	struct igbx_adv_tx_context_desc ctx;
};

/* cmd_type_len of a data descriptor */
#define IGBX_TXD_DTALEN_MASK		0x0000FFFFu
#define IGBX_TXD_MAC_TSTAMP		(1u << 19)	/* IEEE 1588: latch TXSTMP (7.9) */
#define IGBX_TXD_DTYP_CTXT		(0x2u << 20)
#define IGBX_TXD_DTYP_DATA		(0x3u << 20)
#define IGBX_TXD_DCMD_EOP		(1u << 24)	/* end of packet */
#define IGBX_TXD_DCMD_IFCS		(1u << 25)	/* insert FCS */
#define IGBX_TXD_DCMD_RS		(1u << 27)	/* report status (write DD) */
#define IGBX_TXD_DCMD_DEXT		(1u << 29)	/* advanced format */
#define IGBX_TXD_DCMD_VLE		(1u << 30)	/* insert VLAN tag of context */
#define IGBX_TXD_DCMD_TSE		(1u << 31)	/* TCP segmentation */

/* olinfo_status of a data descriptor */
#define IGBX_TXD_STAT_DD		(1u << 0)
#define IGBX_TXD_IDX_SHIFT		4
#define IGBX_TXD_CC			(1u << 7)	/* check context (use IDX) */
#define IGBX_TXD_POPTS_IXSM		(1u << 8)	/* insert IPv4 checksum */
#define IGBX_TXD_POPTS_TXSM		(1u << 9)	/* insert L4 checksum */
#define IGBX_TXD_PAYLEN_SHIFT		14
#define IGBX_TXD_PAYLEN_MAX		((1u << 18) - 1)

/* context descriptor fields */
#define IGBX_TXCTX_IPLEN_MAX		511u
#define IGBX_TXCTX_MACLEN_SHIFT		9
#define IGBX_TXCTX_MACLEN_MAX		127u
#define IGBX_TXCTX_VLAN_SHIFT		16
#define IGBX_TXCTX_TUCMD_IPV4		(1u << 10)	/* IPv4 (else IPv6) */
#define IGBX_TXCTX_TUCMD_L4T_UDP	(0u << 11)
#define IGBX_TXCTX_TUCMD_L4T_TCP	(1u << 11)
#define IGBX_TXCTX_TUCMD_L4T_SCTP	(2u << 11)
#define IGBX_TXCTX_IDX_SHIFT		4
#define IGBX_TXCTX_L4LEN_SHIFT		8
#define IGBX_TXCTX_L4LEN_MAX		255u
#define IGBX_TXCTX_MSS_SHIFT		16

/* The 82576 keeps two offload contexts per transmit queue (IDX 0 and 1). */
#define IGBX_TX_CTX_SLOTS		2

#endif /* IGBX_DESC_H */
