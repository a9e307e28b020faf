/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * model.h - the simulated 82576's register names: offsets and bit fields as
 * the datasheet (chapter 8) defines them, plus the register model's internals.
 * The RX/TX engines include it for offsets; nothing here comes from a driver.
 */
#ifndef IGBX_SIM_MODEL_H
#define IGBX_SIM_MODEL_H

#include "sim.h"

/* ---- general (datasheet 8.2) ------------------------------------------ */
#define SIM_CTRL		0x00000
#define  SIM_CTRL_FD		(1u << 0)
#define  SIM_CTRL_GIO_MASTER_DIS (1u << 2)
#define  SIM_CTRL_LRST		(1u << 3)
#define  SIM_CTRL_ASDE		(1u << 5)
#define  SIM_CTRL_SLU		(1u << 6)
#define  SIM_CTRL_ILOS		(1u << 7)
#define  SIM_CTRL_SPEED_MASK	(3u << 8)
#define  SIM_CTRL_SPEED_1000	(2u << 8)
#define  SIM_CTRL_FRCSPD	(1u << 11)
#define  SIM_CTRL_FRCDPLX	(1u << 12)
#define  SIM_CTRL_SDP0_DATA	(1u << 18)
#define  SIM_CTRL_SDP1_DATA	(1u << 19)
#define  SIM_CTRL_RST		(1u << 26)	/* device reset, self-clearing */
#define  SIM_CTRL_RFCE		(1u << 27)
#define  SIM_CTRL_TFCE		(1u << 28)
#define  SIM_CTRL_DEV_RST	(1u << 29)	/* not on 82576: reserved */
#define  SIM_CTRL_VME		(1u << 30)
#define  SIM_CTRL_PHY_RST	(1u << 31)
#define SIM_STATUS		0x00008
#define  SIM_STATUS_FD		(1u << 0)
#define  SIM_STATUS_LU		(1u << 1)
#define  SIM_STATUS_LAN_ID_SHIFT 2		/* bits 3:2, PCI function */
#define  SIM_STATUS_LAN_ID_MASK	(3u << 2)
#define  SIM_STATUS_TXOFF	(1u << 4)
#define  SIM_STATUS_SPEED_MASK	(3u << 6)
#define  SIM_STATUS_SPEED_100	(1u << 6)
#define  SIM_STATUS_SPEED_1000	(2u << 6)
#define  SIM_STATUS_ASDV_MASK	(3u << 8)
#define  SIM_STATUS_PHYRA	(1u << 10)
#define  SIM_STATUS_GIO_MASTER_EN (1u << 19)
#define  SIM_STATUS_PF_RST_DONE	(1u << 21)
#define SIM_EECD		0x00010
#define  SIM_EECD_REQ		(1u << 6)
#define  SIM_EECD_GNT		(1u << 7)
#define  SIM_EECD_PRES		(1u << 8)
#define  SIM_EECD_AUTO_RD	(1u << 9)
#define  SIM_EECD_SIZE_SHIFT	11		/* bits 14:11 */
#define  SIM_EECD_SIZE_MASK	(0xfu << 11)
#define SIM_EERD		0x00014
#define SIM_EEWR		0x0102c
#define  SIM_EERW_START		(1u << 0)
#define  SIM_EERW_DONE		(1u << 1)
#define  SIM_EERW_ADDR_SHIFT	2		/* bits 15:2 */
#define  SIM_EERW_ADDR_MASK	(0x3fffu << 2)
#define  SIM_EERW_DATA_SHIFT	16
#define SIM_CTRL_EXT		0x00018
#define  SIM_CTRL_EXT_SDP3_DATA	(1u << 7)
#define  SIM_CTRL_EXT_EE_RST	(1u << 13)	/* reload from NVM, self-clearing */
#define  SIM_CTRL_EXT_PFRSTD	(1u << 14)
#define  SIM_CTRL_EXT_LINK_MODE_MASK (3u << 22)	/* 00 = internal copper PHY */
#define  SIM_CTRL_EXT_LINK_MODE_SERDES (3u << 22)	/* 11 = internal SerDes */
#define  SIM_CTRL_EXT_EIAME	(1u << 24)
#define  SIM_CTRL_EXT_IAME	(1u << 27)
#define  SIM_CTRL_EXT_DRV_LOAD	(1u << 28)
#define SIM_FLA			0x0001c
#define SIM_MDIC		0x00020
#define  SIM_MDIC_DATA_MASK	0xffffu
#define  SIM_MDIC_REG_SHIFT	16		/* bits 20:16 */
#define  SIM_MDIC_PHY_SHIFT	21		/* bits 25:21 */
#define  SIM_MDIC_OP_WRITE	(1u << 26)
#define  SIM_MDIC_OP_READ	(2u << 26)
#define  SIM_MDIC_OP_MASK	(3u << 26)
#define  SIM_MDIC_READY		(1u << 28)
#define  SIM_MDIC_IE		(1u << 29)
#define  SIM_MDIC_ERROR		(1u << 30)
#define SIM_MDICNFG		0x00e04
#define SIM_SCTL		0x00024
#define SIM_FCAL		0x00028
#define SIM_FCAH		0x0002c
#define SIM_FCT			0x00030
#define SIM_CONNSW		0x00034
#define SIM_VET			0x00038
#define  SIM_VET_VET_MASK	0xffffu		/* VLAN ethertype */
#define  SIM_VET_EXT_SHIFT	16		/* outer (double VLAN) ethertype */
#define SIM_FCTTV		0x00170
#define SIM_LEDCTL		0x00e00
#define  SIM_LEDCTL_MODE_MASK	0x0fu		/* per LED byte: mode 3:0 */
#define  SIM_LEDCTL_IVRT	0x40u		/* invert the output */
#define  SIM_LEDCTL_BLINK	0x80u
#define SIM_PBA			0x01000
#define SIM_EEMNGCTL		0x01010
#define  SIM_EEMNGCTL_CFG_DONE0	(1u << 18)	/* port 0 config cycle done */
#define  SIM_EEMNGCTL_CFG_DONE1	(1u << 19)	/* port 1 */
#define SIM_I2CCMD		0x01028
#define  SIM_I2CCMD_DATA_MASK	0xffffu		/* first byte read in 7:0 */
#define  SIM_I2CCMD_REG_SHIFT	16		/* bits 23:16 */
#define  SIM_I2CCMD_PHY_SHIFT	24		/* bits 26:24: address bits 3:1 */
#define  SIM_I2CCMD_OP_READ	(1u << 27)
#define  SIM_I2CCMD_RESET	(1u << 28)	/* self-clearing */
#define  SIM_I2CCMD_READY	(1u << 29)
#define  SIM_I2CCMD_IE		(1u << 30)
#define  SIM_I2CCMD_ERROR	(1u << 31)
#define SIM_SWDSTS		0x01044
#define SIM_FRTIMER		0x01048
#define SIM_FCRTL		0x02160
#define SIM_FCRTH		0x02168
#define SIM_FCRTV		0x02460
#define SIM_RXPBS		0x02404
#define SIM_QDE			0x02408
#define SIM_TXPBS		0x03404
#define SIM_PCS_CFG0		0x04200
#define SIM_PCS_LCTL		0x04208
#define SIM_PCS_LSTAT		0x0420c
#define  SIM_PCS_LSTS_LINK_OK	(1u << 0)
#define  SIM_PCS_LSTS_SPEED_1000 (2u << 1)	/* bits 2:1 */
#define  SIM_PCS_LSTS_DUPLEX_FULL (1u << 3)
#define  SIM_PCS_LSTS_SYNC_OK	(1u << 4)
#define  SIM_PCS_LSTS_AN_COMPLETE (1u << 16)
#define SIM_SWSM		0x05b50
#define  SIM_SWSM_SMBI		(1u << 0)	/* software semaphore */
#define  SIM_SWSM_SWESMBI	(1u << 1)	/* software/firmware semaphore */
#define SIM_FWSM		0x05b54
#define SIM_SW_FW_SYNC		0x05b5c
#define  SIM_SW_FW_SYNC_SW_MASK	0x0000ffffu	/* software-owned resource bits */
#define SIM_MANC		0x05820
#define SIM_MANC2H		0x05860
#define SIM_WUC			0x05800
#define SIM_WUFC		0x05808
#define SIM_WUS			0x05810

/* ---- interrupts (datasheet 8.8) --------------------------------------- */
#define SIM_ICR			0x000c0
#define SIM_ITR			0x000c4
#define SIM_ICS			0x000c8
#define SIM_IMS			0x000d0
#define SIM_IMC			0x000d8
#define SIM_IAM			0x000e0
#define  SIM_ICR_TXDW		(1u << 0)	/* TX descriptor written back */
#define  SIM_ICR_LSC		(1u << 2)	/* link status change */
#define  SIM_ICR_RXDMT0		(1u << 4)	/* RX descriptor minimum threshold */
#define  SIM_ICR_RXO		(1u << 6)	/* receiver overrun (RX miss) */
#define  SIM_ICR_RXDW		(1u << 7)	/* RX descriptor written back */
#define  SIM_ICR_VMMB		(1u << 8)
#define  SIM_ICR_GPI_SDP0	(1u << 11)
#define  SIM_ICR_MNG		(1u << 18)
#define  SIM_ICR_TS		(1u << 19)	/* time sync */
#define  SIM_ICR_FER		(1u << 22)
#define  SIM_ICR_DOUTSYNC	(1u << 28)
#define  SIM_ICR_TCP_TIMER	(1u << 30)
#define  SIM_ICR_INT_ASSERTED	(1u << 31)
#define SIM_EICS		0x01520
#define SIM_EIMS		0x01524
#define SIM_EIMC		0x01528
#define SIM_EIAC		0x0152c
#define SIM_EIAM		0x01530
#define SIM_EICR		0x01580
#define  SIM_EICR_RXQ(q)	(1u << (q))		/* non-MSI-X mode */
#define  SIM_EICR_TXQ(q)	(1u << (8 + (q)))	/* non-MSI-X mode */
#define  SIM_EICR_TCP_TIMER	(1u << 30)
#define  SIM_EICR_OTHER		(1u << 31)
#define  SIM_EICR_MSIX_MASK	0x1ffffffu	/* 25 vectors in MSI-X mode */
#define SIM_GPIE		0x01514
#define  SIM_GPIE_NSICR		(1u << 0)	/* clear ICR on read only if INTA */
#define  SIM_GPIE_MSIX_MODE	(1u << 4)
#define  SIM_GPIE_EIAME		(1u << 30)
#define  SIM_GPIE_PBA		(1u << 31)
#define SIM_EITR(n)		(0x01680 + 4u * (n))
#define SIM_NUM_VECTORS		25
#define SIM_IVAR(n)		(0x01700 + 4u * (n))	/* 8 registers */
#define  SIM_IVAR_VALID		0x80u		/* per byte: bit 7 valid, 4:0 vector */
#define  SIM_IVAR_VECTOR_MASK	0x1fu
#define SIM_IVAR_MISC		0x01740
#define  SIM_IVAR_MISC_TCP_SHIFT 0		/* byte 0: TCP timer vector */
#define  SIM_IVAR_MISC_OTHER_SHIFT 8		/* byte 1: other causes vector */
#define SIM_MSIXBM(n)		(0x01600 + 4u * (n))
#define SIM_MBVFICR		0x00c80
#define SIM_MBVFIMR		0x00c84
#define SIM_VFLRE		0x00c88
#define SIM_VFRE		0x00c8c
#define SIM_VFTE		0x00c90

/* ---- receive (datasheet 8.10) ----------------------------------------- */
#define SIM_RCTL		0x00100
#define  SIM_RCTL_RST		(1u << 0)
#define  SIM_RCTL_EN		(1u << 1)
#define  SIM_RCTL_SBP		(1u << 2)
#define  SIM_RCTL_UPE		(1u << 3)
#define  SIM_RCTL_MPE		(1u << 4)
#define  SIM_RCTL_LPE		(1u << 5)
#define  SIM_RCTL_LBM_MASK	(3u << 6)
#define  SIM_RCTL_LBM_MAC	(1u << 6)
#define  SIM_RCTL_RDMTS_SHIFT	8
#define  SIM_RCTL_RDMTS_MASK	(3u << 8)
#define  SIM_RCTL_MO_SHIFT	12		/* multicast offset, bits 13:12 */
#define  SIM_RCTL_MO_MASK	(3u << 12)
#define  SIM_RCTL_BAM		(1u << 15)
#define  SIM_RCTL_BSIZE_SHIFT	16		/* bits 17:16 */
#define  SIM_RCTL_BSIZE_MASK	(3u << 16)
#define  SIM_RCTL_VFE		(1u << 18)
#define  SIM_RCTL_CFIEN		(1u << 19)
#define  SIM_RCTL_CFI		(1u << 20)
#define  SIM_RCTL_PSP		(1u << 21)
#define  SIM_RCTL_DPF		(1u << 22)
#define  SIM_RCTL_PMCF		(1u << 23)
#define  SIM_RCTL_SECRC		(1u << 26)
#define SIM_RXCSUM		0x05000
#define  SIM_RXCSUM_PCSS_MASK	0xffu
#define  SIM_RXCSUM_IPOFLD	(1u << 8)
#define  SIM_RXCSUM_TUOFLD	(1u << 9)
#define  SIM_RXCSUM_CRCOFL	(1u << 11)	/* SCTP CRC32c offload */
#define  SIM_RXCSUM_IPPCSE	(1u << 12)
#define  SIM_RXCSUM_PCSD	(1u << 13)	/* RSS hash instead of checksum */
#define SIM_RLPML		0x05004
#define  SIM_RLPML_MASK		0x3fffu
#define SIM_RFCTL		0x05008
#define SIM_MTA(n)		(0x05200 + 4u * (n))
#define SIM_MTA_COUNT		128
#define SIM_RAL(n)		((n) < 16 ? 0x05400 + 8u * (n) : 0x054e0 + 8u * ((n) - 16))
#define SIM_RAH(n)		(SIM_RAL(n) + 4u)
#define SIM_RAR_COUNT		24
#define  SIM_RAH_ADDR_MASK	0xffffu
#define  SIM_RAH_ASEL_MASK	(3u << 16)	/* 00 = match destination */
#define  SIM_RAH_POOL_SHIFT	18		/* pool select, bits 25:18 */
#define  SIM_RAH_POOL_MASK	(0xffu << 18)
#define  SIM_RAH_AV		(1u << 31)
#define SIM_PSRTYPE(n)		(0x05480 + 4u * (n))
#define SIM_VFTA(n)		(0x05600 + 4u * (n))
#define SIM_VFTA_COUNT		128
#define SIM_MRQC		0x05818
#define  SIM_MRQC_MRQE_MASK	0x7u
#define  SIM_MRQC_MRQE_NONE	0x0u
#define  SIM_MRQC_MRQE_RSS	0x2u		/* RSS only */
#define  SIM_MRQC_MRQE_VMDQ	0x3u		/* VMDq, default pool */
#define  SIM_MRQC_MRQE_VMDQ_RSS	0x5u		/* VMDq with RSS, 2 queues */
#define  SIM_MRQC_DEF_Q_SHIFT	3		/* bits 5:3, 82576: default queue */
#define  SIM_MRQC_RSS_TCPV4	(1u << 16)
#define  SIM_MRQC_RSS_IPV4	(1u << 17)
#define  SIM_MRQC_RSS_TCPV6_EX	(1u << 18)
#define  SIM_MRQC_RSS_IPV6_EX	(1u << 19)
#define  SIM_MRQC_RSS_IPV6	(1u << 20)
#define  SIM_MRQC_RSS_TCPV6	(1u << 21)
#define  SIM_MRQC_RSS_UDPV4	(1u << 22)
#define  SIM_MRQC_RSS_UDPV6	(1u << 23)
#define  SIM_MRQC_RSS_UDPV6_EX	(1u << 24)
#define SIM_VT_CTL		0x0581c
#define SIM_VMOLR(n)		(0x05ad0 + 4u * (n))	/* 8 pools */
#define  SIM_VMOLR_RLPML_MASK	0x3fffu
#define  SIM_VMOLR_LPE		(1u << 16)
#define  SIM_VMOLR_AUPE		(1u << 24)
#define  SIM_VMOLR_ROMPE	(1u << 25)
#define  SIM_VMOLR_ROPE		(1u << 26)
#define  SIM_VMOLR_BAM		(1u << 27)
#define  SIM_VMOLR_MPME		(1u << 28)
#define  SIM_VMOLR_STRVLAN	(1u << 30)
#define SIM_RETA(n)		(0x05c00 + 4u * (n))	/* 32 x 4 entries */
#define SIM_RETA_COUNT		32
#define SIM_RSSRK(n)		(0x05c80 + 4u * (n))	/* 40-byte key */
#define SIM_RSSRK_COUNT		10
#define SIM_SAQF(n)		(0x05980 + 4u * (n))	/* 8 five-tuple filters */
#define SIM_DAQF(n)		(0x059a0 + 4u * (n))
#define SIM_SPQF(n)		(0x059c0 + 4u * (n))
#define SIM_FTQF(n)		(0x059e0 + 4u * (n))
#define SIM_IMIR(n)		(0x05a80 + 4u * (n))	/* 2-tuple filters */
#define SIM_IMIREXT(n)		(0x05aa0 + 4u * (n))
#define SIM_SYNQF		0x055fc
#define SIM_ETQF(n)		(0x05cb0 + 4u * (n))	/* 8 ethertype filters */
#define  SIM_ETQF_ETYPE_MASK	0xffffu
#define  SIM_ETQF_QUEUE_SHIFT	16
#define  SIM_ETQF_QUEUE_MASK	(7u << 16)
#define  SIM_ETQF_FILTER_EN	(1u << 26)
#define  SIM_ETQF_1588		(1u << 30)
#define  SIM_ETQF_QUEUE_EN	(1u << 31)
#define SIM_VLVF(n)		(0x05d00 + 4u * (n))
#define SIM_UTA(n)		(0x0a000 + 4u * (n))

/* Queue blocks: offsets inside SIM_RXQ_REG / SIM_TXQ_REG (see sim.h). */
#define SIM_Q_BAL		0x00
#define SIM_Q_BAH		0x04
#define SIM_Q_LEN		0x08
#define SIM_Q_SRRCTL		0x0c		/* RX */
#define SIM_Q_HEAD		0x10
#define SIM_Q_DCA		0x14		/* DCA_RXCTRL / DCA_TXCTRL */
#define SIM_Q_TAIL		0x18
#define SIM_Q_DCTL		0x28		/* RXDCTL / TXDCTL */
/*
 * RQDPC, RX queue drop count: read to clear on the 82576. Known
 * deviation: its copies (0xC030 + 0x40n, 0x2830 + 0x100n) sit on the RX
 * doorbell pages, which stay untrapped so that RDT writes cost nothing, and
 * a plain load there is invisible to the device. So a driver's load returns
 * the count since the last device reset (saturating, never clearing), and
 * only an access that goes through sim_reg_read() clears it. Trapping the
 * 0xC000 page instead would fault on every RDT write of a driver that uses
 * the 0xC000 copies for all queues (36 us a trapped store on our loaded VM),
 * and still leave 0x2830 (queues 0-3) on the 0x2000 doorbell page.
 */
#define SIM_Q_RQDPC		0x30		/* RX: drop count */
#define SIM_Q_TDWBAL		0x38		/* TX: head write-back address */
#define SIM_Q_TDWBAH		0x3c
#define SIM_RXQ_ALIAS(q, r)	(0x02800u + 0x100u * (q) + (r))	/* q < 4 */
#define SIM_TXQ_ALIAS(q, r)	(0x03800u + 0x100u * (q) + (r))	/* q < 4 */
#define SIM_Q_ALIASED		4
#define  SIM_SRRCTL_BSIZEPKT_MASK 0x7fu		/* 1 KiB units */
#define  SIM_SRRCTL_BSIZEHDR_SHIFT 8		/* 64-byte units, bits 11:8 */
#define  SIM_SRRCTL_BSIZEHDR_MASK (0xfu << 8)
#define  SIM_SRRCTL_DESCTYPE_SHIFT 25		/* bits 27:25 */
#define  SIM_SRRCTL_DESCTYPE_MASK (7u << 25)
#define  SIM_SRRCTL_DESCTYPE_LEGACY 0u
#define  SIM_SRRCTL_DESCTYPE_ADV_1BUF 1u
#define  SIM_SRRCTL_DESCTYPE_HDR_SPLIT 2u
#define  SIM_SRRCTL_TIMESTAMP	(1u << 30)
#define  SIM_SRRCTL_DROP_EN	(1u << 31)
#define  SIM_DCTL_PTHRESH_MASK	0x1fu
#define  SIM_DCTL_HTHRESH_SHIFT	8
#define  SIM_DCTL_WTHRESH_SHIFT	16
#define  SIM_DCTL_WTHRESH_MASK	(0x1fu << 16)
#define  SIM_DCTL_ENABLE	(1u << 25)	/* RXDCTL/TXDCTL queue enable */
#define  SIM_DCTL_WTHRESH_SHIFT	16		/* bits 20:16, write-back threshold */
#define  SIM_DCTL_SWFLSH	(1u << 26)	/* flush written-back descriptors */
#define  SIM_TDWBAL_HEAD_WB_EN	(1u << 0)

/* ---- transmit (datasheet 8.12) ---------------------------------------- */
#define SIM_TCTL		0x00400
#define  SIM_TCTL_EN		(1u << 1)
#define  SIM_TCTL_PSP		(1u << 3)
#define  SIM_TCTL_CT_SHIFT	4
#define  SIM_TCTL_COLD_SHIFT	12
#define  SIM_TCTL_SWXOFF	(1u << 22)
#define  SIM_TCTL_RTLC		(1u << 24)
#define SIM_TCTL_EXT		0x00404
#define SIM_TIPG		0x00410
#define SIM_DTXCTL		0x03590
#define SIM_DTXSWC		0x03500
#define SIM_TXDMAC		0x03000
#define SIM_VMVIR(n)		(0x03700 + 4u * (n))

/* ---- statistics (datasheet 8.19), all read-to-clear ------------------- */
#define SIM_CRCERRS		0x04000
#define SIM_ALGNERRC		0x04004
#define SIM_SYMERRS		0x04008
#define SIM_RXERRC		0x0400c
#define SIM_MPC			0x04010
#define SIM_SCC			0x04014
#define SIM_ECOL		0x04018
#define SIM_MCC			0x0401c
#define SIM_LATECOL		0x04020
#define SIM_COLC		0x04028
#define SIM_DC			0x04030
#define SIM_TNCRS		0x04034
#define SIM_SEC			0x04038
#define SIM_HTDPMC		0x0403c
#define SIM_RLEC		0x04040
#define SIM_XONRXC		0x04048
#define SIM_XONTXC		0x0404c
#define SIM_XOFFRXC		0x04050
#define SIM_XOFFTXC		0x04054
#define SIM_FCRUC		0x04058
#define SIM_PRC64		0x0405c
#define SIM_PRC127		0x04060
#define SIM_PRC255		0x04064
#define SIM_PRC511		0x04068
#define SIM_PRC1023		0x0406c
#define SIM_PRC1522		0x04070
#define SIM_GPRC		0x04074
#define SIM_BPRC		0x04078
#define SIM_MPRC		0x0407c
#define SIM_GPTC		0x04080
#define SIM_GORCL		0x04088
#define SIM_GORCH		0x0408c
#define SIM_GOTCL		0x04090
#define SIM_GOTCH		0x04094
#define SIM_RNBC		0x040a0
#define SIM_RUC			0x040a4
#define SIM_RFC			0x040a8
#define SIM_ROC			0x040ac
#define SIM_RJC			0x040b0
#define SIM_MGTPRC		0x040b4
#define SIM_MGTPDC		0x040b8
#define SIM_MGTPTC		0x040bc
#define SIM_TORL		0x040c0
#define SIM_TORH		0x040c4
#define SIM_TOTL		0x040c8
#define SIM_TOTH		0x040cc
#define SIM_TPR			0x040d0
#define SIM_TPT			0x040d4
#define SIM_PTC64		0x040d8
#define SIM_PTC127		0x040dc
#define SIM_PTC255		0x040e0
#define SIM_PTC511		0x040e4
#define SIM_PTC1023		0x040e8
#define SIM_PTC1522		0x040ec
#define SIM_MPTC		0x040f0
#define SIM_BPTC		0x040f4
#define SIM_TSCTC		0x040f8
#define SIM_TSCTFC		0x040fc
#define SIM_IAC			0x04100
#define SIM_RPTHC		0x04104
#define SIM_ICRXATC		0x04108
#define SIM_ICTXPTC		0x0410c
#define SIM_ICTXATC		0x04110
#define SIM_HGPTC		0x04118
#define SIM_ICTXQMTC		0x0411c
#define SIM_ICRXDMTC		0x04120
#define SIM_ICRXOC		0x04124
#define SIM_HGORCL		0x04128
#define SIM_HGORCH		0x0412c
#define SIM_HGOTCL		0x04130
#define SIM_HGOTCH		0x04134
#define SIM_LENERRS		0x04138
#define SIM_SCVPC		0x04228
#define SIM_HRMPC		0x0a018
/* per-queue counters (82576 8.19): queue n at base + 0x100 * n */
#define SIM_PQGPRC(n)		(0x10010 + 0x100u * (n))
#define SIM_PQGPTC(n)		(0x10014 + 0x100u * (n))
#define SIM_PQGORC(n)		(0x10018 + 0x100u * (n))
#define SIM_PQGOTC(n)		(0x10034 + 0x100u * (n))
#define SIM_PQMPRC(n)		(0x10038 + 0x100u * (n))

/* ---- PHY registers (internal copper PHY, IEEE clause 22 + vendor) ------ */
#define SIM_PHY_ADDR		1		/* internal PHY's MDIO address */
#define SIM_PHY_ID		0x02a80391u	/* OUI/model/revision of the PHY */
#define SIM_PHY_CTRL		0x00
#define  SIM_PHY_CTRL_SPEED_MSB	(1u << 6)
#define  SIM_PHY_CTRL_FD	(1u << 8)
#define  SIM_PHY_CTRL_AN_RESTART (1u << 9)	/* self-clearing */
#define  SIM_PHY_CTRL_ISOLATE	(1u << 10)
#define  SIM_PHY_CTRL_POWER_DOWN (1u << 11)
#define  SIM_PHY_CTRL_AN_EN	(1u << 12)
#define  SIM_PHY_CTRL_SPEED_LSB	(1u << 13)
#define  SIM_PHY_CTRL_LOOPBACK	(1u << 14)
#define  SIM_PHY_CTRL_RESET	(1u << 15)	/* self-clearing */
#define SIM_PHY_STATUS		0x01
#define  SIM_PHY_STATUS_EXT_CAPS (1u << 0)
#define  SIM_PHY_STATUS_LINK	(1u << 2)	/* latched low */
#define  SIM_PHY_STATUS_AN_CAPS	(1u << 3)
#define  SIM_PHY_STATUS_AN_DONE	(1u << 5)
#define  SIM_PHY_STATUS_MF_PREAMBLE (1u << 6)
#define  SIM_PHY_STATUS_EXT_STATUS (1u << 8)
#define SIM_PHY_ID1		0x02
#define SIM_PHY_ID2		0x03
#define SIM_PHY_ANAR		0x04		/* autoneg advertisement */
#define SIM_PHY_ANLPAR		0x05		/* link partner ability */
#define SIM_PHY_ANER		0x06		/* autoneg expansion */
#define SIM_PHY_GCR		0x09		/* 1000BASE-T control */
#define  SIM_PHY_GCR_1000FD	(1u << 9)
#define  SIM_PHY_GCR_1000HD	(1u << 8)
#define SIM_PHY_GSR		0x0a		/* 1000BASE-T status */
#define  SIM_PHY_GSR_LP_1000FD	(1u << 11)
#define  SIM_PHY_GSR_LP_1000HD	(1u << 10)
#define  SIM_PHY_GSR_REMOTE_RX_OK (1u << 12)
#define  SIM_PHY_GSR_LOCAL_RX_OK (1u << 13)
#define SIM_PHY_EXT_STATUS	0x0f
#define SIM_PHY_PORT_CONFIG	0x10		/* vendor: port configuration */
#define SIM_PHY_PORT_STATUS	0x11		/* vendor: port status */
#define  SIM_PHY_PSTATUS_AN_DONE (1u << 4)
#define  SIM_PHY_PSTATUS_DUPLEX	(1u << 9)
#define  SIM_PHY_PSTATUS_LINK	(1u << 10)
#define  SIM_PHY_PSTATUS_SPEED_SHIFT 14		/* bits 15:14: 01 100, 11 1000 */
#define  SIM_PHY_PSTATUS_SPEED_100 (1u << 14)
#define  SIM_PHY_PSTATUS_SPEED_1000 (3u << 14)
#define SIM_PHY_PORT_CTRL	0x12
#define SIM_PHY_LINK_HEALTH	0x13
#define SIM_PHY_POWER_MGMT	0x19		/* LPLU, D0/D3 power states */
#define SIM_PHY_PAGE_SELECT	0x1f

/* ---- NVM words (datasheet 6.1) ---------------------------------------- */
#define SIM_NVM_MAC0		0x00		/* words 0-2: Ethernet address */
#define SIM_NVM_COMPAT		0x03
#define SIM_NVM_IMAGE_VERSION	0x05		/* NVM image version */
#define SIM_NVM_PBA0		0x08		/* words 8-9: PBA number */
#define SIM_NVM_INIT_CTRL1	0x0a
#define SIM_NVM_SUBSYS_ID	0x0b
#define SIM_NVM_SUBSYS_VENDOR	0x0c
#define SIM_NVM_DEVICE_ID	0x0d
#define SIM_NVM_VENDOR_ID	0x0e
#define SIM_NVM_INIT_CTRL2	0x0f
#define SIM_NVM_ETRACK_LOW	0x42
#define SIM_NVM_ETRACK_HIGH	0x43
#define SIM_NVM_CHECKSUM	0x3f
#define SIM_NVM_CHECKSUM_SUM	0xbabau		/* words 0x00-0x3F add up to it */
#define SIM_NVM_CHECKSUM_WORDS	0x40

/* ---- register table (regs_table.h) ------------------------------------ */
enum sim_reg_mode {
	SIM_RW,		/* read/write */
	SIM_RO,		/* read only: writes ignored */
	SIM_RC,		/* read to clear (statistics) */
	SIM_W1C,	/* write 1 to clear */
	SIM_WO,		/* write only: reads return 0 */
	SIM_SC,		/* read/write, some bits self-clear */
};

struct sim_reg_desc {
	const char *name;
	uint32_t off;		/* first instance */
	uint16_t count;		/* instances */
	uint16_t stride;	/* bytes between instances */
	uint16_t first;		/* index of the first instance (RAL 16-23) */
	uint32_t dflt;		/* value after power-on and device reset */
	enum sim_reg_mode mode;
	const char *desc;
};

/* The table of every modelled register (regs_table.h). */
extern const struct sim_reg_desc sim_reg_table[];
extern const unsigned int sim_reg_table_len;
/* Table entry covering off (any instance), or NULL if none. */
const struct sim_reg_desc *sim_reg_lookup(uint32_t off);
/* "NAME" or "NAME[i]" for the register at off, "0x....." if not in the table. */
const char *sim_reg_name(uint32_t off, char *buf, size_t len);
/* Register dump from the table, without side effects: one line per register
 * instance whose value is not its default (all with all_regs), as
 * "0x0c028 RXDCTL[0] RW 0x02010000 RX descriptor control...".
 */
void sim_reg_dump(const struct sim_port *p, bool all_regs,
		  void (*fn)(void *arg, const char *line), void *arg);

/* ---- model internals (shared by regs.c, nvm.c, phy.c, intr.c) --------- */
/* Words of sim_shared.model[] the register model keeps its state in. */
enum sim_model_word {
	SIM_MW_PHY_FLAGS,	/* SIM_PHYF_* */
	SIM_MW_AN_DEADLINE,	/* ms (CLOCK_MONOTONIC) when autoneg completes */
	SIM_MW_LINK_SPEED,	/* resolved: 0 10, 1 100, 2 1000 Mb/s */
	SIM_MW_LINK_FD,		/* resolved duplex: 1 full */
	SIM_MW_INT_ASSERTED,	/* interrupt asserted since last ICR clear */
	SIM_MW_AN_RESTARTS,	/* autonegotiation restarts (tests check it) */
	SIM_MW_QSHADOW = 16,	/* aliased blocks: RX 0-3 then TX 0-3, 16 words */
	SIM_MW_DCTL = SIM_MW_QSHADOW + 8 * 16,	/* RX 0-15, TX 0-15: last DCTL */
	SIM_MW_HEAD = SIM_MW_DCTL + 32,		/* RX 0-15, TX 0-15: last head */
	SIM_MW_RATE_SEL = SIM_MW_HEAD + 32,	/* RTTDQSEL as last seen */
	SIM_MW_RATE_LAST,			/* RTTBCNRC as last seen */
	SIM_MW_RATE,				/* TX 0-15: RTTBCNRC per queue */
	SIM_MW_ITR_WAITING = SIM_MW_RATE + 16,	/* a moderated interrupt waits */
	SIM_MW_ITR_NEXT_LO,			/* ns (CLOCK_MONOTONIC) it may */
	SIM_MW_ITR_NEXT_HI,			/* assert again */
	SIM_MW_END,
};
#define SIM_PHYF_AN_PENDING	(1u << 0)	/* restarted, not complete yet */
#define SIM_PHYF_AN_DONE	(1u << 1)	/* autoneg completed (configured) */
#define SIM_PHYF_IN_RESET	(1u << 2)	/* CTRL.PHY_RST held */
#define SIM_PHYF_LINK_LATCH	(1u << 3)	/* link dropped since status read */
#define SIM_AN_TIME_MS		150		/* autonegotiation duration (shortened) */

/* Device reset (CTRL.RST) or power-on: registers to their defaults. */
void sim_regs_reset(struct sim_port *p);
/* Canonical offset of a queue register, or 0 if off is no queue register. */
uint32_t sim_qreg_canonical(uint32_t off);
/* NVM (nvm.c). */
void sim_nvm_build(struct sim_port *p);
uint16_t sim_nvm_checksum(const uint16_t *words);
void sim_nvm_eerd_write(struct sim_port *p, uint32_t val);
void sim_nvm_eewr_write(struct sim_port *p, uint32_t val);
void sim_nvm_load_mac(struct sim_port *p);
unsigned int sim_lan_id(const struct sim_port *p);
/* PHY and link (phy.c). */
void sim_phy_reset(struct sim_port *p);
void sim_phy_reset_with_mac(struct sim_port *p);	/* phy-reset boards */
uint32_t sim_pcs_lstat_read(struct sim_port *p);
void sim_phy_mdic_write(struct sim_port *p, uint32_t val);
/* The SFP module's two-wire EEPROM behind I2CCMD (sfp.c). */
void sim_sfp_i2ccmd_write(struct sim_port *p, uint32_t val);
void sim_phy_ctrl_write(struct sim_port *p, uint32_t old, uint32_t val);
void sim_link_update(struct sim_port *p);
uint32_t sim_status_read(struct sim_port *p);
/* Interrupts (intr.c). */
void sim_intr_reset(struct sim_port *p);
bool sim_intr_read(struct sim_port *p, uint32_t off, uint32_t *val);
bool sim_intr_write(struct sim_port *p, uint32_t off, uint32_t val);
void sim_intr_tick(struct sim_port *p);	/* moderation timer, each loop */
/* MAC loopback (loopback.c): RCTL.LBM is MAC loopback; the link the MAC
 * forces then (STATUS speed bits and duplex), false when not forced. */
bool sim_mac_loopback(const struct sim_port *p);
bool sim_loopback_link(const struct sim_port *p, uint32_t *speed_bits, bool *fd);
/* TX rate scheduler (ratelim.c): RTTDQSEL/RTTBCNRC into the per-queue
 * factors (each device loop), and the pacing the TX engine asks about. */
void sim_ratelim_tick(struct sim_port *p);
bool sim_ratelim_may_send(const struct sim_port *p, unsigned int q);
void sim_ratelim_sent(const struct sim_port *p, unsigned int q, uint32_t pkts,
		      uint64_t bytes);
/* Statistics (stats.c). */
uint32_t sim_stat_read_clear(struct sim_port *p, uint32_t off);

#endif /* IGBX_SIM_MODEL_H */
