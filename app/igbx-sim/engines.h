/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * engines.h - what the RX/TX engines of the simulated 82576 share: descriptor
 * layouts (datasheet 7.1.4-7.1.5, 7.2.2-7.2.3) and the pure helpers of
 * filter.c and offload.c (checksums, CRCs, header parsing, TSO, RSS).
 */
#ifndef IGBX_SIM_ENGINES_H
#define IGBX_SIM_ENGINES_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/* ---- register bits model.h does not name ------------------------------ */
#define SIM_CTRL_EXT_EXT_VLAN	(1u << 26)	/* double VLAN: outer tag always */
#define SIM_RCTL_BSEX		(1u << 25)	/* RCTL.BSIZE x16 */
/* SRRCTL */
#define  SIM_SRRCTL_DESCTYPE_SPLIT_ALWAYS 5u	/* header split, always use hdr */
#define SIM_RETA_QUEUE_MASK	0x7u		/* 82576: 3-bit queue per entry */

/* ---- receive descriptors ---------------------------------------------- */
/* Legacy (7.1.4): written back in place of the read format. */
struct sim_rx_legacy_desc {
	uint64_t addr;
	uint16_t length;
	uint16_t csum;
	uint8_t status;
	uint8_t errors;
	uint16_t vlan;
};

/* Advanced write-back (7.1.5.2), as four little-endian dwords. */
struct sim_rx_adv_wb {
	uint32_t info;		/* RSS type 3:0, packet type 16:4, HDR_LEN, SPH */
	uint32_t hash;		/* RSS hash, or IP id 15:0 and checksum 31:16 */
	uint32_t staterr;	/* extended status 19:0, extended errors 31:20 */
	uint32_t len_vlan;	/* PKT_LEN 15:0, VLAN tag 31:16 */
};

#define SIM_RXD_STAT_DD		(1u << 0)
#define SIM_RXD_STAT_EOP	(1u << 1)
#define SIM_RXD_STAT_IXSM	(1u << 2)	/* legacy only: checksum ignored */
#define SIM_RXD_STAT_VP		(1u << 3)
#define SIM_RXD_STAT_UDPCS	(1u << 4)
#define SIM_RXD_STAT_L4CS	(1u << 5)	/* TCPCS / L4I */
#define SIM_RXD_STAT_IPCS	(1u << 6)
#define SIM_RXD_STAT_PIF	(1u << 7)
#define SIM_RXD_STAT_VEXT	(1u << 9)	/* advanced: outer VLAN present */
#define SIM_RXD_ERR_CE		(1u << 0)	/* legacy errors byte */
#define SIM_RXD_ERR_L4E		(1u << 5)
#define SIM_RXD_ERR_IPE		(1u << 6)
#define SIM_RXD_ERR_RXE		(1u << 7)
#define SIM_RXADV_ERR_HBO	(1u << 23)	/* header buffer overflow */
#define SIM_RXADV_ERR_L4E	(1u << 29)
#define SIM_RXADV_ERR_IPE	(1u << 30)
#define SIM_RXADV_ERR_RXE	(1u << 31)
#define SIM_RXADV_PTYPE_SHIFT	4
#define SIM_RXADV_HDRLEN_SHIFT	21
#define SIM_RXADV_HDRLEN_MASK	0x3ffu
#define SIM_RXADV_SPH		(1u << 31)

/* Packet type field bits (7.1.5.2, before the shift). */
#define SIM_PTYPE_IPV4		(1u << 0)
#define SIM_PTYPE_IPV4_EXT	(1u << 1)
#define SIM_PTYPE_IPV6		(1u << 2)
#define SIM_PTYPE_IPV6_EXT	(1u << 3)
#define SIM_PTYPE_TCP		(1u << 4)
#define SIM_PTYPE_UDP		(1u << 5)
#define SIM_PTYPE_SCTP		(1u << 6)
#define SIM_PTYPE_NFS		(1u << 7)

/* RSS type field (7.1.5.2). */
enum sim_rss_type {
	SIM_RSS_NONE = 0,
	SIM_RSS_IPV4_TCP = 1,
	SIM_RSS_IPV4 = 2,
	SIM_RSS_IPV6_TCP = 3,
	SIM_RSS_IPV6_EX = 4,
	SIM_RSS_IPV6 = 5,
	SIM_RSS_IPV6_TCP_EX = 6,
	SIM_RSS_IPV4_UDP = 7,
	SIM_RSS_IPV6_UDP = 8,
	SIM_RSS_IPV6_UDP_EX = 9,
};

/* ---- transmit descriptors --------------------------------------------- */
/* Both formats are two qwords: buffer address (or context) then commands. */
struct sim_tx_desc {
	uint64_t addr;
	uint32_t cmd;		/* dword 2 */
	uint32_t sta;		/* dword 3 */
};

/* Legacy (7.2.2.2): dword 2 = length 15:0, CSO 23:16, CMD 31:24;
 * dword 3 = STA 3:0, CSS 15:8, VLAN 31:16.
 */
#define SIM_TXD_LEN_MASK	0xffffu
#define SIM_TXD_CSO_SHIFT	16
#define SIM_TXD_CMD_EOP		(1u << 24)
#define SIM_TXD_CMD_IFCS	(1u << 25)
#define SIM_TXD_CMD_IC		(1u << 26)
#define SIM_TXD_CMD_RS		(1u << 27)
#define SIM_TXD_CMD_DEXT	(1u << 29)
#define SIM_TXD_CMD_VLE		(1u << 30)
#define SIM_TXD_CMD_TSE		(1u << 31)	/* advanced data only */
#define SIM_TXD_STA_DD		(1u << 0)
#define SIM_TXD_CSS_SHIFT	8
#define SIM_TXD_VLAN_SHIFT	16

/* Advanced (7.2.3): DTYP in dword 2 bits 23:20. */
#define SIM_TXD_DTYP_SHIFT	20
#define SIM_TXD_DTYP_MASK	(0xfu << 20)
#define SIM_TXD_DTYP_CTXT	0x2u
#define SIM_TXD_DTYP_DATA	0x3u
/* data descriptor dword 3 */
#define SIM_TXD_IDX_SHIFT	4
#define SIM_TXD_POPTS_IXSM	(1u << 8)
#define SIM_TXD_POPTS_TXSM	(1u << 9)
#define SIM_TXD_PAYLEN_SHIFT	14
/* context descriptor: dword 0 = IPLEN 8:0, MACLEN 15:9, VLAN 31:16;
 * dword 2 = TUCMD (IPV4 bit 10, L4T bits 12:11); dword 3 = IDX 6:4,
 * L4LEN 15:8, MSS 31:16.
 */
#define SIM_TXC_IPLEN_MASK	0x1ffu
#define SIM_TXC_MACLEN_SHIFT	9
#define SIM_TXC_MACLEN_MASK	0x7fu
#define SIM_TXC_TUCMD_IPV4	(1u << 10)
#define SIM_TXC_L4T_SHIFT	11
#define SIM_TXC_L4T_MASK	3u
#define SIM_TXC_L4T_UDP		0u
#define SIM_TXC_L4T_TCP		1u
#define SIM_TXC_L4T_SCTP	2u
#define SIM_TXC_L4LEN_SHIFT	8
#define SIM_TXC_MSS_SHIFT	16

/* ---- offload.c: checksums and CRCs ------------------------------------ */
/* Adds data to a running one's complement sum (big-endian 16-bit words;
 * an odd length is padded with a zero byte).
 */
uint32_t sim_csum_add(uint32_t sum, const void *data, uint32_t len);
/* Folds a running sum to 16 bits (not complemented). */
uint16_t sim_csum_fold(uint32_t sum);
/* Ethernet FCS (IEEE 802.3 CRC-32, sent least significant byte first).
 * crc is 0 to start, or the result for the bytes before data.
 */
uint32_t sim_crc32_eth(uint32_t crc, const uint8_t *data, uint32_t len);
/* CRC-32c (Castagnoli) for SCTP (RFC 3309), chained the same way. */
uint32_t sim_crc32c(uint32_t crc, const uint8_t *data, uint32_t len);

/* ---- offload.c: header parsing ---------------------------------------- */
enum sim_l3 { SIM_L3_NONE, SIM_L3_IPV4, SIM_L3_IPV6 };
enum sim_l4 { SIM_L4_NONE, SIM_L4_TCP, SIM_L4_UDP, SIM_L4_SCTP };

struct sim_hdrs {
	uint16_t vlan_off;	/* offset of the VLAN tag's TPID, 0 if none */
	uint16_t vlan_tci;
	uint8_t nb_vlans;	/* tags found, outer one included */
	bool outer_vlan;	/* an outer (VET EXT) tag precedes the VLAN */
	uint8_t l3;		/* enum sim_l3 */
	uint8_t l4;		/* enum sim_l4 */
	bool l3_ext;		/* IPv4 options or IPv6 extension headers */
	bool frag;		/* IP fragment: L4 not parsed */
	uint16_t l3_off;
	uint16_t l4_off;	/* 0 when no L4 header */
	uint16_t hdr_len;	/* end of the last header parsed */
	uint32_t ip_end;	/* end of the IP datagram (its length field) */
	uint16_t frag6_off;	/* IPv6 fragment header's offset, 0 if none */
};

/* Parses L2 (up to 2 VLAN tags with ethertypes vet and vet_outer, the
 * outer tag only when ext_vlan), IPv4/IPv6 and TCP/UDP/SCTP headers.
 */
void sim_parse_headers(const uint8_t *f, uint32_t len, uint16_t vet,
		       uint16_t vet_outer, bool ext_vlan, struct sim_hdrs *h);
/* One's complement sum of the IPv4/IPv6 pseudo-header for an L4 length. */
uint32_t sim_pseudo_sum(const uint8_t *f, const struct sim_hdrs *h,
			uint8_t proto, uint32_t l4_len);

/* ---- offload.c: transmit offloads and TSO ----------------------------- */
struct sim_tx_offload {
	uint16_t l3_off;	/* MACLEN */
	uint16_t l4_off;	/* MACLEN + IPLEN */
	uint16_t l4_len;	/* L4LEN (TSO only) */
	uint16_t mss;
	bool ipv4;		/* TUCMD.IPV4 */
	uint8_t l4t;		/* SIM_TXC_L4T_* */
	bool ip_csum;		/* POPTS.IXSM */
	bool l4_csum;		/* POPTS.TXSM */
	uint16_t tcp_mask_first, tcp_mask_mid, tcp_mask_last;
};

/* Applies IP and L4 checksum insertion to a complete frame in place. */
void sim_tx_checksum(uint8_t *f, uint32_t len, const struct sim_tx_offload *o,
		     bool tso);
/* Number of segments TSO makes of paylen payload bytes. */
uint32_t sim_tso_count(uint32_t paylen, uint16_t mss);
/* Builds TSO segment seg of the frame pkt (headers + payload) into out:
 * replicated headers with lengths, IP id, sequence number and flags fixed,
 * checksums as the offload asks. Returns the segment's length.
 */
uint32_t sim_tso_segment(const uint8_t *pkt, uint32_t pkt_len,
			 const struct sim_tx_offload *o, uint32_t seg,
			 uint8_t *out);

/* ---- filter.c --------------------------------------------------------- */
/* Microsoft RSS Toeplitz hash of data with a 40-byte key. */
uint32_t sim_toeplitz(const uint8_t key[40], const uint8_t *data,
		      uint32_t len);
/* MTA bit index (0-4095) of a multicast address for RCTL.MO. */
uint32_t sim_mta_index(const uint8_t mac[6], unsigned int mo);

/* What the receive filters decided for one frame. */
struct sim_rx_verdict {
	bool accept;
	bool inexact;		/* passed a hash or promiscuous filter (PIF) */
	bool bcast, mcast;
	bool timestamp;		/* RX time stamp latched for it (status TS) */
	uint8_t queue;
	uint8_t rss_type;
	uint8_t etqf;		/* 1 + ETQF index that matched, 0 if none */
	int8_t rar;		/* receive address entry it matched, -1 none */
	uint8_t pools;		/* VMDq: the pools it goes to (more than one
				 * when replicated), 0 outside VMDq */
	uint32_t rss_hash;
};

/* The receive address entry (RAL/RAH with AV, ASEL 00) that matches da,
 * or -1.
 */
int sim_rx_rar_find(struct sim_port *p, const uint8_t *da);
/* VMDq receive (vmdq.c): the pools a frame the L2 filters judged in v
 * goes to, 0 to drop it. A frame v does not accept may still go to pools
 * whose VMOLR asks for it (replication mode).
 */
uint32_t sim_vmdq_rx_pools(struct sim_port *p, const uint8_t *f, uint32_t len,
			   const struct sim_hdrs *h,
			   const struct sim_rx_verdict *v);
/* The pools VLVF makes members of VLAN vid, 0 if no valid entry has it. */
uint32_t sim_vmdq_vlan_pools(struct sim_port *p, uint16_t vid);
/* VMDq mode and VMOLR.STRVLAN of queue q's pool: strip the tag. */
bool sim_vmdq_strips(struct sim_port *p, unsigned int q);
/* VMVIR of queue q's pool on transmit: 1 when it overrides the
 * descriptor's VLAN insertion (*vle, *tci set), 0 when the descriptor
 * decides.
 */
int sim_vmdq_tx_vlan(struct sim_port *p, unsigned int q, bool *vle,
		     uint16_t *tci);
/* A frame pool from_pool sends through the internal switch (vmdq.c):
 * received like one from the wire, into the pools that take it other than
 * from_pool (rx.c). Returns those pools.
 */
uint32_t sim_rx_frame_switched(struct sim_port *p, const uint8_t *frame,
			       uint32_t len, unsigned int from_pool);
/* The internal switch (vmdq.c), with VFs: a frame TX queue q sends is
 * dropped by anti-spoofing or looped back to another pool; true when it
 * does not go on the wire.
 */
bool sim_vmdq_tx_switch(struct sim_port *p, unsigned int q, const uint8_t *f,
			uint32_t len);

/* Address, VLAN and queue filters for a frame of len bytes (no FCS). */
void sim_rx_filter(struct sim_port *p, const uint8_t *f, uint32_t len,
		   const struct sim_hdrs *h, struct sim_rx_verdict *v);
/* Length and CRC checks; counts RUC/ROC/CRCERRS. False drops the frame. */
bool sim_rx_length_ok(struct sim_port *p, uint32_t len, bool tagged,
		      bool crc_ok);

/* ---- qfilter.c: queue assignment filters (datasheet 7.1.2) ------------ */
#define SIM_QF_NB_ETYPE		8
#define SIM_QF_NB_TUPLE		8
/* FTQF (5-tuple queue filter) fields */
#define SIM_FTQF_PROTO_MASK	0xffu
#define SIM_FTQF_QUEUE_EN	(1u << 8)
#define SIM_FTQF_QUEUE_SHIFT	16
#define SIM_FTQF_QUEUE_MASK	0xfu		/* 16 queues */
#define SIM_FTQF_1588		(1u << 27)	/* time stamp matching packets */
#define SIM_FTQF_BP_PROTO	(1u << 28)	/* mask: do not compare ... */
#define SIM_FTQF_BP_SRC_ADDR	(1u << 29)
#define SIM_FTQF_BP_DST_ADDR	(1u << 30)
#define SIM_FTQF_BP_SRC_PORT	(1u << 31)
/* IMIR / IMIREXT: destination port, priority, TCP flags, size */
#define SIM_IMIR_PORT_MASK	0xffffu
#define SIM_IMIR_PORT_IM_EN	(1u << 16)	/* immediate interrupt (not modelled) */
#define SIM_IMIR_PORT_BP	(1u << 17)	/* do not compare the port */
#define SIM_IMIR_PRIO_SHIFT	29
#define SIM_IMIREXT_SIZE_MASK	0xfffu
#define SIM_IMIREXT_SIZE_BP	(1u << 12)
#define SIM_IMIREXT_CTRL_SHIFT	13		/* URG ACK PSH RST SYN FIN */
#define SIM_IMIREXT_CTRL_BP	(1u << 19)
/* SYNQF and RFCTL.SYNQFP */
#define SIM_SYNQF_EN		(1u << 0)
#define SIM_SYNQF_QUEUE_SHIFT	1
#define SIM_SYNQF_QUEUE_MASK	0x7u
#define SIM_RFCTL_SYNQFP	(1u << 19)	/* SYN filter before 5-tuple */
#define SIM_TCP_FLAG_SYN	0x02u

/* The filter registers, read once per frame. */
struct sim_qfilter_regs {
	uint32_t etqf[SIM_QF_NB_ETYPE];
	uint32_t synqf, rfctl;
	uint32_t ftqf[SIM_QF_NB_TUPLE], saqf[SIM_QF_NB_TUPLE];
	uint32_t daqf[SIM_QF_NB_TUPLE], spqf[SIM_QF_NB_TUPLE];
	uint32_t imir[SIM_QF_NB_TUPLE], imirext[SIM_QF_NB_TUPLE];
};

enum sim_qfilter_by { SIM_QF_BY_NONE, SIM_QF_BY_ETYPE, SIM_QF_BY_SYN,
		      SIM_QF_BY_TUPLE };

/* What the queue filters say about one frame. */
struct sim_qfilter_hit {
	uint8_t by;		/* enum sim_qfilter_by: who chose the queue */
	uint8_t index;		/* that filter's index */
	uint8_t queue;
	uint8_t etqf;		/* 1 + index of the ETQF that matched, 0 none */
	bool ts_l2;		/* matched an ETQF with its 1588 bit */
	bool ts_l4;		/* matched a 5-tuple filter with its 1588 bit */
};

/* Reads the filter registers; false when none of them is in use. */
bool sim_qfilter_load(const struct sim_port *p, struct sim_qfilter_regs *r);
/* The queue filters in the datasheet's order of precedence (pure). */
void sim_qfilter_match(const struct sim_qfilter_regs *r, const uint8_t *f,
		       uint32_t len, const struct sim_hdrs *h,
		       struct sim_qfilter_hit *hit);

/* ---- ptp.c: IEEE 1588 time stamping (datasheet 7.9) ------------------- */
/* TIMINCA */
#define  SIM_TIMINCA_INCVALUE_MASK 0xffffffu
#define  SIM_TIMINCA_INCPERIOD_SHIFT 24		/* in 16 ns units */
/* TIMADJH */
#define  SIM_TIMADJH_SIGN	(1u << 31)	/* 1: subtract */
/* TSYNCRXCTL and TSYNCTXCTL */
#define  SIM_TSYNC_VALID	(1u << 0)	/* RXTT / TXTT: registers latched */
#define  SIM_TSYNC_EN		(1u << 4)
/* TSYNCRXCTL */
#define  SIM_TSYNCRXCTL_TYPE_SHIFT 1
#define  SIM_TSYNCRXCTL_TYPE_MASK 0x7u
#define SIM_PTP_ETHERTYPE	0x88f7
#define SIM_RXD_STAT_TS		(1u << 16)	/* advanced: packet time stamped */
#define SIM_RXADV_PTYPE_ETQF	(1u << 11)	/* packet type: ETQF index 2:0 */
#define SIM_TXD_MAC_TSTAMP	(1u << 19)	/* advanced data: time stamp it */

/* Register side effects: true when off is a 1588 register it handled. */
bool sim_ptp_read(struct sim_port *p, uint32_t off, uint32_t *val);
bool sim_ptp_write(struct sim_port *p, uint32_t off, uint32_t val);
/* A received frame: latches RXSTMP/RXSATR if it is to be time stamped
 * and the registers are free; true if it was (descriptor TS bit).
 */
bool sim_ptp_rx_stamp(struct sim_port *p, const uint8_t *f, uint32_t len,
		      const struct sim_hdrs *h, const struct sim_qfilter_hit *q);
/* A frame whose descriptor asked for a time stamp leaves: TXSTMP. */
void sim_ptp_tx_stamp(struct sim_port *p);
/* Pure: SYSTIM after elapsed_ns with TIMINCA timinca, and the ns of the
 * last tick not yet counted (carried to the next call).
 */
uint64_t sim_ptp_advance(uint64_t systim, uint32_t timinca,
			 uint64_t elapsed_ns, uint64_t *left_ns);
/* Pure: whether TSYNCRXCTL/TSYNCRXCFG select this frame for a time stamp. */
bool sim_ptp_rx_selected(uint32_t rxctl, uint32_t rxcfg, const uint8_t *f,
			 uint32_t len, const struct sim_hdrs *h,
			 const struct sim_qfilter_hit *q);

/* ---- flow control (IEEE 802.3x PAUSE, datasheet 3.7.5 and 8.5) ------- */
#define SIM_FCRTH_RTH_MASK	0x3fff0u	/* bytes, 16-byte granules */
#define SIM_FCRTL_RTL_MASK	0x3fff0u
#define SIM_FCRTL_XONE		(1u << 31)	/* send XON below FCRTL */
#define SIM_FCTTV_TTV_MASK	0xffffu		/* pause time sent in XOFF */
#define SIM_FCRTV_MASK		0xffffu		/* XOFF refresh, in quanta */
#define SIM_MAC_CTRL_ETYPE	0x8808u
#define SIM_PAUSE_OPCODE	0x0001u
#define SIM_PAUSE_FRAME_LEN	60u		/* minimum frame, no FCS */

/* CLOCK_MONOTONIC in ns (tx.c). */
uint64_t sim_mono_ns(void);
/* Nanoseconds of n pause quanta (512 bit times) at the link speed. */
uint64_t sim_pause_quanta_ns(const struct sim_port *p, uint32_t n);
/* A PAUSE frame was received with CTRL.RFCE set: the TX engine stops
 * fetching for quanta x 512 bit times; 0 (XON) resumes at once (tx.c).
 */
void sim_tx_pause(struct sim_port *p, uint16_t quanta);
/* Builds a PAUSE frame from FCAL/FCAH, RAR0 and FCT into f (60 bytes). */
void sim_fc_build_pause(const struct sim_port *p, uint16_t quanta,
			uint8_t f[SIM_PAUSE_FRAME_LEN]);
/* Pure: what the RX packet buffer's fill level asks of the flow control
 * generator: 1 XOFF, 2 XON, 0 nothing. *xoff is the XOFF state kept
 * between calls; refresh_due says the FCRTV interval has passed.
 */
enum sim_fc_action { SIM_FC_NONE, SIM_FC_XOFF, SIM_FC_XON };
enum sim_fc_action sim_fc_decide(uint32_t used, uint32_t fcrth,
				 uint32_t fcrtl, bool refresh_due,
				 bool *xoff);

/* The device thread, with p locked, inside a TX poll (before the wire is
 * flushed): sends XOFF/XON as the RX packet buffer's fill asks (rx.c).
 */
void sim_rx_flow_control(struct sim_port *p);

/* ---- rx.c / tx.c shared ----------------------------------------------- */
/* Counts a frame of len bytes (FCS included) in the 64..1522 size bins
 * starting at the register first (PRC64 or PTC64).
 */
void sim_stat_size_bin(struct sim_port *p, uint32_t first, uint32_t len);

/* wb.c: the store that carries DD of one completed descriptor, made at
 * once or, on wthresh-batch boards, held until WTHRESH are complete.
 */
void sim_wb_store(struct sim_port *p, bool tx, unsigned int q,
		  volatile uint32_t *dst, uint32_t val);

#endif /* IGBX_SIM_ENGINES_H */
