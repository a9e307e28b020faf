/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_regs.h: 82576 register offsets and bit fields, named as in the datasheet
 * (82576 datasheet chapter 8, "Programming Interface"), one block per register. */
#ifndef IGBX_REGS_H
#define IGBX_REGS_H

#include <stdint.h>

#define IGBX_BIT(n)		(UINT32_C(1) << (n))

/* ---- general control and status (8.2) ---------------------------------- */
#define IGBX_CTRL		0x00000
#define IGBX_CTRL_FD		IGBX_BIT(0)	/* full duplex */
#define IGBX_CTRL_GIO_MASTER_DISABLE IGBX_BIT(2)
#define IGBX_CTRL_LRST		IGBX_BIT(3)	/* link reset (serdes) */
#define IGBX_CTRL_ASDE		IGBX_BIT(5)	/* auto speed detection */
#define IGBX_CTRL_SLU		IGBX_BIT(6)	/* set link up */
#define IGBX_CTRL_ILOS		IGBX_BIT(7)	/* invert loss of signal */
#define IGBX_CTRL_SPEED_MASK	(UINT32_C(3) << 8)
#define IGBX_CTRL_SPEED_10	(UINT32_C(0) << 8)
#define IGBX_CTRL_SPEED_100	(UINT32_C(1) << 8)
#define IGBX_CTRL_SPEED_1000	(UINT32_C(2) << 8)
#define IGBX_CTRL_FRCSPD	IGBX_BIT(11)	/* force speed */
#define IGBX_CTRL_FRCDPX	IGBX_BIT(12)	/* force duplex */
#define IGBX_CTRL_SDP0_DATA	IGBX_BIT(18)
#define IGBX_CTRL_SDP1_DATA	IGBX_BIT(19)
#define IGBX_CTRL_SDP0_IODIR	IGBX_BIT(22)
#define IGBX_CTRL_SDP1_IODIR	IGBX_BIT(23)
#define IGBX_CTRL_RST		IGBX_BIT(26)	/* software (port) reset, self clearing */
#define IGBX_CTRL_RFCE		IGBX_BIT(27)	/* receive flow control enable */
#define IGBX_CTRL_TFCE		IGBX_BIT(28)	/* transmit flow control enable */
#define IGBX_CTRL_DEV_RST	IGBX_BIT(29)	/* device reset (all functions) */
#define IGBX_CTRL_VME		IGBX_BIT(30)	/* VLAN mode enable */
#define IGBX_CTRL_PHY_RST	IGBX_BIT(31)	/* PHY reset */

#define IGBX_STATUS		0x00008
#define IGBX_STATUS_FD		IGBX_BIT(0)
#define IGBX_STATUS_LU		IGBX_BIT(1)	/* link up */
#define IGBX_STATUS_LAN_ID_SHIFT 2		/* LAN function id, bits 3:2 */
#define IGBX_STATUS_LAN_ID_MASK	(UINT32_C(3) << 2)
#define IGBX_STATUS_TXOFF	IGBX_BIT(4)	/* transmission paused (XOFF) */
#define IGBX_STATUS_SPEED_SHIFT	6
#define IGBX_STATUS_SPEED_MASK	(UINT32_C(3) << 6)
#define IGBX_STATUS_SPEED_10	(UINT32_C(0) << 6)
#define IGBX_STATUS_SPEED_100	(UINT32_C(1) << 6)
#define IGBX_STATUS_SPEED_1000	(UINT32_C(2) << 6)	/* 11b also means 1000 */
#define IGBX_STATUS_LAN_INIT_DONE IGBX_BIT(9)
#define IGBX_STATUS_PHYRA	IGBX_BIT(10)	/* PHY reset asserted */
#define IGBX_STATUS_GIO_MASTER_ENABLE IGBX_BIT(19)
#define IGBX_STATUS_DEV_RST_SET	IGBX_BIT(20)
#define IGBX_STATUS_PF_RST_DONE	IGBX_BIT(21)

#define IGBX_EECD		0x00010
#define IGBX_EECD_SK		IGBX_BIT(0)
#define IGBX_EECD_CS		IGBX_BIT(1)
#define IGBX_EECD_DI		IGBX_BIT(2)
#define IGBX_EECD_DO		IGBX_BIT(3)
#define IGBX_EECD_EE_REQ	IGBX_BIT(6)
#define IGBX_EECD_EE_GNT	IGBX_BIT(7)
#define IGBX_EECD_EE_PRES	IGBX_BIT(8)	/* NVM present */
#define IGBX_EECD_AUTO_RD	IGBX_BIT(9)	/* NVM auto-read done */
#define IGBX_EECD_EE_SIZE_SHIFT	11		/* bits 14:11 */
#define IGBX_EECD_EE_SIZE_MASK	(UINT32_C(0xF) << 11)
#define IGBX_EECD_SEC1VAL	IGBX_BIT(22)

#define IGBX_EERD		0x00014
#define IGBX_EERD_START		IGBX_BIT(0)
#define IGBX_EERD_DONE		IGBX_BIT(1)
#define IGBX_EERD_ADDR_SHIFT	2		/* word address, bits 15:2 */
#define IGBX_EERD_DATA_SHIFT	16		/* data, bits 31:16 */

#define IGBX_CTRL_EXT		0x00018
#define IGBX_CTRL_EXT_SDP2_DATA	IGBX_BIT(6)
#define IGBX_CTRL_EXT_SDP3_DATA	IGBX_BIT(7)
#define IGBX_CTRL_EXT_EE_RST	IGBX_BIT(13)	/* reload NVM words */
#define IGBX_CTRL_EXT_PFRSTD	IGBX_BIT(14)	/* PF reset done (to VFs) */
#define IGBX_CTRL_EXT_SPD_BYPS	IGBX_BIT(15)
#define IGBX_CTRL_EXT_NS_DIS	IGBX_BIT(16)	/* no snoop disable */
#define IGBX_CTRL_EXT_RO_DIS	IGBX_BIT(17)	/* relaxed ordering disable */
#define IGBX_CTRL_EXT_LINK_MODE_SHIFT 22
#define IGBX_CTRL_EXT_LINK_MODE_MASK (UINT32_C(3) << 22)
#define IGBX_CTRL_EXT_LINK_MODE_COPPER (UINT32_C(0) << 22)	/* internal PHY */
#define IGBX_CTRL_EXT_LINK_MODE_SGMII (UINT32_C(2) << 22)
#define IGBX_CTRL_EXT_LINK_MODE_SERDES (UINT32_C(3) << 22)
#define IGBX_CTRL_EXT_EIAME	IGBX_BIT(24)
#define IGBX_CTRL_EXT_I2C_ENA	IGBX_BIT(25)	/* SFP/SGMII two-wire interface on */
#define IGBX_CTRL_EXT_EXT_VLAN	IGBX_BIT(26)	/* double VLAN: frames carry an outer tag */
#define IGBX_CTRL_EXT_IAME	IGBX_BIT(27)
#define IGBX_CTRL_EXT_DRV_LOAD	IGBX_BIT(28)	/* driver loaded, tells firmware */
#define IGBX_CTRL_EXT_PBA_CLR	IGBX_BIT(31)

#define IGBX_MDIC		0x00020
#define IGBX_MDIC_DATA_MASK	UINT32_C(0xFFFF)
#define IGBX_MDIC_REGADD_SHIFT	16		/* bits 20:16 */
#define IGBX_MDIC_PHYADD_SHIFT	21		/* bits 25:21 */
#define IGBX_MDIC_OP_WRITE	(UINT32_C(1) << 26)
#define IGBX_MDIC_OP_READ	(UINT32_C(2) << 26)
#define IGBX_MDIC_READY		IGBX_BIT(28)
#define IGBX_MDIC_I		IGBX_BIT(29)	/* interrupt at end of access */
#define IGBX_MDIC_E		IGBX_BIT(30)	/* error */
#define IGBX_MDICNFG		0x00E04
#define IGBX_MDICNFG_DESTINATION IGBX_BIT(31)	/* external MDIO */
#define IGBX_MDICNFG_PHY_SHIFT	21

#define IGBX_SCTL		0x00024		/* serdes control */

/* SFP module two-wire access (I2CCMD): the 8-bit device address is
 * 1010 PHYADD[2:0] R/W, so PHYADD 0 is the ID EEPROM (A0h), 1 the
 * diagnostics (A2h). A read returns two bytes, the first in DATA 7:0.
 */
#define IGBX_I2CCMD		0x01028
#define IGBX_I2CCMD_DATA_MASK	UINT32_C(0xFFFF)
#define IGBX_I2CCMD_REGADD_SHIFT 16		/* bits 23:16 */
#define IGBX_I2CCMD_PHYADD_SHIFT 24		/* bits 26:24 */
#define IGBX_I2CCMD_OP_READ	IGBX_BIT(27)
#define IGBX_I2CCMD_RESET	IGBX_BIT(28)
#define IGBX_I2CCMD_READY	IGBX_BIT(29)
#define IGBX_I2CCMD_I		IGBX_BIT(30)	/* interrupt at end of access */
#define IGBX_I2CCMD_E		IGBX_BIT(31)	/* error: no acknowledge */
#define IGBX_FCAL		0x00028
#define IGBX_FCAH		0x0002C
#define IGBX_FCT		0x00030
#define IGBX_CONNSW		0x00034
#define IGBX_VET		0x00038
#define IGBX_FCAL_VALUE		UINT32_C(0x00C28001)	/* 01:80:C2:00:00:01 low */
#define IGBX_FCAH_VALUE		UINT32_C(0x00000100)
#define IGBX_FCT_VALUE		UINT32_C(0x00008808)	/* MAC control ethertype */
#define IGBX_VET_VALUE		UINT32_C(0x00008100)
#define IGBX_FCTTV		0x00170		/* flow control transmit timer */
#define IGBX_TXCW		0x00178
#define IGBX_RXCW		0x00180
#define IGBX_LEDCTL		0x00E00
/* LEDCTL (8.2): one byte per LED 0-3: MODE bits 3:0, IVRT bit 6, BLINK bit 7 */
#define IGBX_LEDCTL_LEDS	4
#define IGBX_LEDCTL_SHIFT(led)	(8 * (led))
#define IGBX_LEDCTL_MODE_MASK	UINT32_C(0x0F)
#define IGBX_LEDCTL_IVRT	UINT32_C(0x40)
#define IGBX_LEDCTL_BLINK	UINT32_C(0x80)
#define IGBX_LEDCTL_MODE_ON	UINT32_C(0x0E)	/* always asserted */
#define IGBX_LEDCTL_MODE_OFF	UINT32_C(0x0F)	/* always de-asserted */
#define IGBX_FCRTV		0x02460		/* flow control refresh threshold */

/* ---- interrupts (8.8) ---------------------------------------------------- */
#define IGBX_ICR		0x000C0		/* read to clear */
#define IGBX_ITR		0x000C4
#define IGBX_ICS		0x000C8
#define IGBX_IMS		0x000D0
#define IGBX_IMC		0x000D8
#define IGBX_IAM		0x000E0
#define IGBX_ICR_TXDW		IGBX_BIT(0)
#define IGBX_ICR_TXQE		IGBX_BIT(1)
#define IGBX_ICR_LSC		IGBX_BIT(2)	/* link status change */
#define IGBX_ICR_RXSEQ		IGBX_BIT(3)
#define IGBX_ICR_RXDMT0		IGBX_BIT(4)
#define IGBX_ICR_RX_MISS	IGBX_BIT(6)
#define IGBX_ICR_RXDW		IGBX_BIT(7)	/* receive descriptor write back */
#define IGBX_ICR_VMMB		IGBX_BIT(8)
#define IGBX_ICR_MDAC		IGBX_BIT(9)	/* MDIO access complete */
#define IGBX_ICR_GPI_SDP0	IGBX_BIT(11)
#define IGBX_ICR_GPI_SDP1	IGBX_BIT(12)
#define IGBX_ICR_GPI_SDP2	IGBX_BIT(13)
#define IGBX_ICR_GPI_SDP3	IGBX_BIT(14)
#define IGBX_ICR_PTRAP		IGBX_BIT(15)
#define IGBX_ICR_MNG		IGBX_BIT(18)
#define IGBX_ICR_TIME_SYNC	IGBX_BIT(19)
#define IGBX_ICR_FER		IGBX_BIT(22)	/* fatal error */
#define IGBX_ICR_NFER		IGBX_BIT(23)	/* non fatal error */
#define IGBX_ICR_CSRTO		IGBX_BIT(24)
#define IGBX_ICR_SCE		IGBX_BIT(25)
#define IGBX_ICR_SW_WD		IGBX_BIT(26)
#define IGBX_ICR_OUTSYNC	IGBX_BIT(28)
#define IGBX_ICR_TCP_TIMER	IGBX_BIT(30)
#define IGBX_ICR_INT_ASSERTED	IGBX_BIT(31)
#define IGBX_IMS_ALL		UINT32_C(0xFFFFFFFF)

#define IGBX_GPIE		0x01514
#define IGBX_GPIE_NSICR		IGBX_BIT(0)	/* non selective ICR clear */
#define IGBX_GPIE_MULTIPLE_MSIX	IGBX_BIT(4)
#define IGBX_GPIE_LL_INTERVAL_SHIFT 7
#define IGBX_GPIE_EIAME		IGBX_BIT(30)
#define IGBX_GPIE_PBA		IGBX_BIT(31)
#define IGBX_EICS		0x01520
#define IGBX_EIMS		0x01524
#define IGBX_EIMC		0x01528
#define IGBX_EIAC		0x0152C
#define IGBX_EIAM		0x01530
#define IGBX_EICR		0x01580
#define IGBX_EICR_ALL		UINT32_C(0x01FFFFFF)	/* 25 MSI-X vectors */
#define IGBX_EITR(n)		(0x01680 + 4 * (n))	/* n = 0..24 */
#define IGBX_EITR_INTERVAL_SHIFT 2		/* bits 14:2, 1 us units */
#define IGBX_EITR_CNT_IGNR	IGBX_BIT(31)
#define IGBX_MSIX_VECTORS	25
/* IVAR(n): queue n in bytes 0 (RX) and 1 (TX), queue n + 8 in bytes 2 and 3 */
#define IGBX_IVAR0		0x01700
#define IGBX_IVAR(n)		(0x01700 + 4 * (n))	/* n = 0..7 */
#define IGBX_IVAR_VALID		UINT32_C(0x80)
#define IGBX_IVAR_RX_SHIFT(q)	((q) < 8 ? 0 : 16)
#define IGBX_IVAR_TX_SHIFT(q)	((q) < 8 ? 8 : 24)
#define IGBX_IVAR_MISC		0x01740
#define IGBX_IVAR_MISC_TCP_TIMER_SHIFT 0	/* byte 0: TCP timer */
#define IGBX_IVAR_MISC_OTHER_SHIFT 8		/* byte 1: other causes (LSC...) */

/* ---- receive (8.10) ----------------------------------------------------- */
#define IGBX_RCTL		0x00100
#define IGBX_RCTL_RST		IGBX_BIT(0)
#define IGBX_RCTL_EN		IGBX_BIT(1)
#define IGBX_RCTL_SBP		IGBX_BIT(2)	/* store bad packets */
#define IGBX_RCTL_UPE		IGBX_BIT(3)	/* unicast promiscuous */
#define IGBX_RCTL_MPE		IGBX_BIT(4)	/* multicast promiscuous */
#define IGBX_RCTL_LPE		IGBX_BIT(5)	/* long packet enable */
#define IGBX_RCTL_LBM_MASK	(UINT32_C(3) << 6)
#define IGBX_RCTL_LBM_MAC	(UINT32_C(1) << 6)
#define IGBX_RCTL_RDMTS_SHIFT	8
#define IGBX_RCTL_RDMTS_MASK	(UINT32_C(3) << 8)
#define IGBX_RCTL_MO_SHIFT	12		/* multicast offset, bits 13:12 */
#define IGBX_RCTL_MO_MASK	(UINT32_C(3) << 12)
#define IGBX_RCTL_BAM		IGBX_BIT(15)	/* broadcast accept */
#define IGBX_RCTL_BSIZE_SHIFT	16
#define IGBX_RCTL_BSIZE_MASK	(UINT32_C(3) << 16)
#define IGBX_RCTL_BSIZE_2048	(UINT32_C(0) << 16)
#define IGBX_RCTL_BSIZE_1024	(UINT32_C(1) << 16)
#define IGBX_RCTL_BSIZE_512	(UINT32_C(2) << 16)
#define IGBX_RCTL_BSIZE_256	(UINT32_C(3) << 16)
#define IGBX_RCTL_VFE		IGBX_BIT(18)	/* VLAN filter enable */
#define IGBX_RCTL_CFIEN		IGBX_BIT(19)
#define IGBX_RCTL_CFI		IGBX_BIT(20)
#define IGBX_RCTL_PSP		IGBX_BIT(21)	/* pad small packets */
#define IGBX_RCTL_DPF		IGBX_BIT(22)	/* discard pause frames */
#define IGBX_RCTL_PMCF		IGBX_BIT(23)	/* pass MAC control frames */
#define IGBX_RCTL_SECRC		IGBX_BIT(26)	/* strip ethernet CRC */

#define IGBX_FCRTL		0x02160
#define IGBX_FCRTL_RTL_MASK	UINT32_C(0x0000FFF0)	/* 16-byte units */
#define IGBX_FCRTL_XONE		IGBX_BIT(31)	/* send XON */
#define IGBX_FCRTH		0x02168
#define IGBX_FCRTH_RTH_MASK	UINT32_C(0x0000FFF0)
#define IGBX_RXPBS		0x02404		/* RX packet buffer size, KB */
#define IGBX_RXPBS_SIZE_MASK	UINT32_C(0x7F)
#define IGBX_RDFH		0x02410
#define IGBX_RDFT		0x02418
#define IGBX_RDFHS		0x02420
#define IGBX_RDFTS		0x02428
#define IGBX_RDFPC		0x02430
#define IGBX_RXCSUM		0x05000
#define IGBX_RXCSUM_PCSS_MASK	UINT32_C(0xFF)
#define IGBX_RXCSUM_IPOFL	IGBX_BIT(8)	/* IPv4 checksum offload */
#define IGBX_RXCSUM_TUOFL	IGBX_BIT(9)	/* TCP/UDP checksum offload */
#define IGBX_RXCSUM_CRCOFL	IGBX_BIT(11)	/* SCTP CRC offload */
#define IGBX_RXCSUM_IPPCSE	IGBX_BIT(12)
#define IGBX_RXCSUM_PCSD	IGBX_BIT(13)	/* RSS hash instead of checksum */
#define IGBX_RLPML		0x05004		/* long packet max length */
#define IGBX_RLPML_MASK		UINT32_C(0x3FFF)
#define IGBX_RFCTL		0x05008
#define IGBX_RFCTL_IPV6_EX_DIS	IGBX_BIT(16)
#define IGBX_RFCTL_NEW_IPV6_EXT_DIS IGBX_BIT(17)
#define IGBX_RFCTL_LEF		IGBX_BIT(18)
#define IGBX_RFCTL_SYNQFP	IGBX_BIT(19)	/* SYN filter before 5-tuple filters */
#define IGBX_MTA(i)		(0x05200 + 4 * (i))	/* i = 0..127 */
#define IGBX_MTA_WORDS		128
#define IGBX_RAL(i)		((i) < 16 ? 0x05400 + 8 * (i) : 0x054E0 + 8 * ((i) - 16))
#define IGBX_RAH(i)		((i) < 16 ? 0x05404 + 8 * (i) : 0x054E4 + 8 * ((i) - 16))
#define IGBX_RAH_ASEL_MASK	(UINT32_C(3) << 16)	/* 00b: destination */
#define IGBX_RAH_ASEL_SRC	(UINT32_C(1) << 16)
#define IGBX_RAH_POOLSEL_SHIFT	18		/* bits 25:18 */
#define IGBX_RAH_POOLSEL_MASK	(UINT32_C(0xFF) << 18)
#define IGBX_RAH_AV		IGBX_BIT(31)	/* address valid */
#define IGBX_RAR_ENTRIES	24
#define IGBX_PSRTYPE(i)		(0x05480 + 4 * (i))	/* per pool; 0 without VMDq */
/* PSRTYPE: header layouts header split recognises (8.10, appendix A.1) */
#define IGBX_PSRTYPE_L2		IGBX_BIT(0)	/* MAC (VLAN/SNAP) only */
#define IGBX_PSRTYPE_IPV4_FRAG	IGBX_BIT(1)	/* MAC, IPv4, fragments */
#define IGBX_PSRTYPE_IPV4_TCP	IGBX_BIT(2)
#define IGBX_PSRTYPE_IPV4_UDP	IGBX_BIT(3)
#define IGBX_PSRTYPE_IPV6_FRAG	IGBX_BIT(7)
#define IGBX_PSRTYPE_IPV6_TCP	IGBX_BIT(8)
#define IGBX_PSRTYPE_IPV6_UDP	IGBX_BIT(9)
#define IGBX_SYNQF(i)		(0x055FC + 4 * (i))
#define IGBX_SYNQF_QUEUE_ENABLE	IGBX_BIT(0)
#define IGBX_SYNQF_QUEUE_SHIFT	1
#define IGBX_SYNQF_QUEUE_MASK	(UINT32_C(7) << 1)
#define IGBX_VFTA(i)		(0x05600 + 4 * (i))	/* i = 0..127 */
#define IGBX_VFTA_WORDS		128
#define IGBX_WUC		0x05800
#define IGBX_WUFC		0x05808
#define IGBX_WUS		0x05810
#define IGBX_MRQC		0x05818
#define IGBX_MRQC_MRQE_MASK	UINT32_C(0x7)
#define IGBX_MRQC_MRQE_NONE	UINT32_C(0x0)
#define IGBX_MRQC_MRQE_RSS	UINT32_C(0x2)	/* RSS, up to 16 queues */
#define IGBX_MRQC_MRQE_VMDQ	UINT32_C(0x3)
#define IGBX_MRQC_MRQE_VMDQ_RSS	UINT32_C(0x5)
#define IGBX_MRQC_RSS_TCPIPV4	IGBX_BIT(16)
#define IGBX_MRQC_RSS_IPV4	IGBX_BIT(17)
#define IGBX_MRQC_RSS_TCPIPV6EX	IGBX_BIT(18)
#define IGBX_MRQC_RSS_IPV6EX	IGBX_BIT(19)
#define IGBX_MRQC_RSS_IPV6	IGBX_BIT(20)
#define IGBX_MRQC_RSS_TCPIPV6	IGBX_BIT(21)
#define IGBX_MRQC_RSS_UDPIPV4	IGBX_BIT(22)
#define IGBX_MRQC_RSS_UDPIPV6	IGBX_BIT(23)
#define IGBX_MRQC_RSS_UDPIPV6EX	IGBX_BIT(24)
#define IGBX_VT_CTL		0x0581C
#define IGBX_MANC		0x05820
#define IGBX_MANC_ARP_EN	IGBX_BIT(13)
#define IGBX_MANC2H		0x05860
/* 5-tuple queue filters: FTQF, SAQF, DAQF, SPQF and IMIR/IMIREXT of the same
 * index n form filter n (n = 0..7). */
#define IGBX_NTUPLE_FILTERS	8
#define IGBX_SAQF(i)		(0x05980 + 4 * (i))
#define IGBX_DAQF(i)		(0x059A0 + 4 * (i))
#define IGBX_SPQF(i)		(0x059C0 + 4 * (i))
#define IGBX_SPQF_SRC_PORT_MASK	UINT32_C(0xFFFF)
#define IGBX_FTQF(i)		(0x059E0 + 4 * (i))
#define IGBX_FTQF_PROTOCOL_MASK	UINT32_C(0xFF)
#define IGBX_FTQF_QUEUE_ENABLE	IGBX_BIT(8)
#define IGBX_FTQF_VF_BP		IGBX_BIT(15)	/* pool (VF) not compared */
#define IGBX_FTQF_QUEUE_SHIFT	16
#define IGBX_FTQF_QUEUE_MASK	(UINT32_C(0xF) << 16)
#define IGBX_FTQF_1588		IGBX_BIT(27)	/* time stamp matching frames */
#define IGBX_FTQF_MASK_PROTO_BP	IGBX_BIT(28)	/* bypass: protocol not compared */
#define IGBX_FTQF_MASK_SRC_ADDR_BP IGBX_BIT(29)
#define IGBX_FTQF_MASK_DST_ADDR_BP IGBX_BIT(30)
#define IGBX_FTQF_MASK_SRC_PORT_BP IGBX_BIT(31)
#define IGBX_IMIR(i)		(0x05A80 + 4 * (i))	/* i = 0..7 */
#define IGBX_IMIR_DST_PORT_MASK	UINT32_C(0xFFFF)
#define IGBX_IMIR_PORT_IM_EN	IGBX_BIT(16)	/* immediate interrupt */
#define IGBX_IMIR_PORT_BP	IGBX_BIT(17)	/* destination port not compared */
#define IGBX_IMIR_PRIORITY_SHIFT 29		/* bits 31:29, 7 wins */
#define IGBX_IMIR_PRIORITY_MASK	(UINT32_C(7) << 29)
#define IGBX_IMIREXT(i)		(0x05AA0 + 4 * (i))
#define IGBX_IMIREXT_SIZE_BP	IGBX_BIT(12)	/* size threshold not compared */
#define IGBX_IMIREXT_CTRL_BP	IGBX_BIT(19)	/* TCP flags not compared */
#define IGBX_IMIRVP		0x05AC0
#define IGBX_VMOLR(i)		(0x05AD0 + 4 * (i))
#define IGBX_RPLOLR		0x05AF0
#define IGBX_RETA(i)		(0x05C00 + 4 * (i))	/* i = 0..31, 4 entries each */
#define IGBX_RETA_SIZE		128			/* entries */
#define IGBX_RETA_WORDS		(IGBX_RETA_SIZE / 4)
#define IGBX_RSSRK(i)		(0x05C80 + 4 * (i))	/* i = 0..9 */
#define IGBX_RSS_KEY_SIZE	40			/* bytes */
#define IGBX_RSS_KEY_WORDS	(IGBX_RSS_KEY_SIZE / 4)
#define IGBX_ETQF(i)		(0x05CB0 + 4 * (i))	/* i = 0..7 */
#define IGBX_ETQF_ETYPE_MASK	UINT32_C(0xFFFF)
#define IGBX_ETQF_QUEUE_SHIFT	16
#define IGBX_ETQF_QUEUE_MASK	(UINT32_C(0x7) << 16)
#define IGBX_ETQF_FILTER_ENABLE	IGBX_BIT(26)
#define IGBX_ETQF_IMM_INT	IGBX_BIT(29)
#define IGBX_ETQF_1588		IGBX_BIT(30)
#define IGBX_ETQF_QUEUE_ENABLE	IGBX_BIT(31)
#define IGBX_ETYPE_FILTERS	8
#define IGBX_VLVF(i)		(0x05D00 + 4 * (i))
#define IGBX_UTA(i)		(0x0A000 + 4 * (i))

/* VMDq pools (7.10.3, 8.10): 8 pools, pool n receives on queue n. */
#define IGBX_VMDQ_POOLS		8
#define IGBX_VT_CTL_DEF_PL_SHIFT 7		/* default pool, bits 9:7 */
#define IGBX_VT_CTL_DEF_PL_MASK	(UINT32_C(7) << 7)
#define IGBX_VT_CTL_IGNORE_MAC	IGBX_BIT(28)	/* pools by VLAN only */
#define IGBX_VT_CTL_DIS_DEF_PL	IGBX_BIT(29)	/* no default pool: drop */
#define IGBX_VT_CTL_VM_REPL_EN	IGBX_BIT(30)	/* replicate to several pools */
#define IGBX_VMOLR_RLPML_MASK	UINT32_C(0x3FFF) /* pool's long packet limit */
#define IGBX_VMOLR_LPE		IGBX_BIT(16)
#define IGBX_VMOLR_AUPE		IGBX_BIT(24)	/* accept untagged frames */
#define IGBX_VMOLR_ROMPE	IGBX_BIT(25)	/* multicast hashed in the MTA */
#define IGBX_VMOLR_ROPE		IGBX_BIT(26)	/* unicast hashed in the UTA */
#define IGBX_VMOLR_BAM		IGBX_BIT(27)	/* broadcast */
#define IGBX_VMOLR_MPME		IGBX_BIT(28)	/* every multicast */
#define IGBX_VMOLR_STRVLAN	IGBX_BIT(30)	/* strip the VLAN tag */
#define IGBX_VLVF_ENTRIES	32
#define IGBX_VLVF_VLANID_MASK	UINT32_C(0xFFF)
#define IGBX_VLVF_POOLSEL_SHIFT	12		/* pool members, bits 19:12 */
#define IGBX_VLVF_POOLSEL_MASK	(UINT32_C(0xFF) << 12)
#define IGBX_VLVF_VI_EN		IGBX_BIT(31)	/* entry valid */
#define IGBX_UTA_WORDS		128
#define IGBX_VFRE		0x00C8C		/* pool receive enables */
#define IGBX_VFTE		0x00C90		/* pool transmit enables */
#define IGBX_VMVIR(pool)	(0x03700 + 4 * (pool))
#define IGBX_VMVIR_VLAN_MASK	UINT32_C(0xFFFF)	/* default tag */
#define IGBX_VMVIR_VLANA_DEFAULT (UINT32_C(1) << 30)	/* always insert the default */
#define IGBX_VMVIR_VLANA_NEVER	IGBX_BIT(31)	/* never insert a tag */

/* RX queue block (8.10): the 0xC000 + 0x40 * q form is valid for q = 0..15 */
#define IGBX_MAX_RX_QUEUES	16
#define IGBX_RXQ_REG(q, r)	(0x0C000 + 0x40 * (q) + (r))
#define IGBX_RDBAL(q)		IGBX_RXQ_REG(q, 0x00)
#define IGBX_RDBAH(q)		IGBX_RXQ_REG(q, 0x04)
#define IGBX_RDLEN(q)		IGBX_RXQ_REG(q, 0x08)	/* bytes, multiple of 128 */
#define IGBX_SRRCTL(q)		IGBX_RXQ_REG(q, 0x0C)
#define IGBX_RDH(q)		IGBX_RXQ_REG(q, 0x10)
#define IGBX_DCA_RXCTRL(q)	IGBX_RXQ_REG(q, 0x14)
#define IGBX_RDT(q)		IGBX_RXQ_REG(q, 0x18)
#define IGBX_RXDCTL(q)		IGBX_RXQ_REG(q, 0x28)
#define IGBX_RQDPC(q)		IGBX_RXQ_REG(q, 0x30)	/* queue drop count */
#define IGBX_SRRCTL_BSIZEPACKET_MASK UINT32_C(0x7F)	/* 1 KB units */
#define IGBX_SRRCTL_BSIZEPACKET_SHIFT 10		/* bytes >> 10 */
#define IGBX_SRRCTL_BSIZEHEADER_SHIFT 8		/* bits 11:8, 64-byte units */
#define IGBX_SRRCTL_BSIZEHEADER_MASK (UINT32_C(0xF) << 8)
#define IGBX_SRRCTL_RDMTS_SHIFT	20
#define IGBX_SRRCTL_DESCTYPE_SHIFT 25
#define IGBX_SRRCTL_DESCTYPE_MASK (UINT32_C(7) << 25)
#define IGBX_SRRCTL_DESCTYPE_LEGACY (UINT32_C(0) << 25)
#define IGBX_SRRCTL_DESCTYPE_ADV_ONEBUF (UINT32_C(1) << 25)
#define IGBX_SRRCTL_DESCTYPE_HDR_SPLIT (UINT32_C(2) << 25)
#define IGBX_SRRCTL_DESCTYPE_HDR_SPLIT_ALWAYS (UINT32_C(5) << 25)
#define IGBX_SRRCTL_TIMESTAMP	IGBX_BIT(30)
#define IGBX_SRRCTL_DROP_EN	IGBX_BIT(31)
#define IGBX_RXDCTL_PTHRESH_SHIFT 0		/* bits 4:0 */
#define IGBX_RXDCTL_HTHRESH_SHIFT 8		/* bits 12:8 */
#define IGBX_RXDCTL_WTHRESH_SHIFT 16		/* bits 20:16 */
#define IGBX_RXDCTL_THRESH_MASK	UINT32_C(0x1F)
#define IGBX_RXDCTL_ENABLE	IGBX_BIT(25)
#define IGBX_RXDCTL_SWFLSH	IGBX_BIT(26)

/* ---- transmit (8.12) ---------------------------------------------------- */
#define IGBX_TCTL		0x00400
#define IGBX_TCTL_EN		IGBX_BIT(1)
#define IGBX_TCTL_PSP		IGBX_BIT(3)	/* pad short packets */
#define IGBX_TCTL_CT_SHIFT	4		/* collision threshold */
#define IGBX_TCTL_CT_MASK	(UINT32_C(0xFF) << 4)
#define IGBX_TCTL_COLD_SHIFT	12		/* collision distance */
#define IGBX_TCTL_COLD_MASK	(UINT32_C(0x3FF) << 12)
#define IGBX_TCTL_SWXOFF	IGBX_BIT(22)
#define IGBX_TCTL_RTLC		IGBX_BIT(24)	/* retransmit on late collision */
#define IGBX_TCTL_EXT		0x00404
#define IGBX_TIPG		0x00410
#define IGBX_TIPG_IPGT_SHIFT	0
#define IGBX_TIPG_IPGR1_SHIFT	10
#define IGBX_TIPG_IPGR2_SHIFT	20
#define IGBX_TXPBS		0x03404		/* TX packet buffer size, KB */
#define IGBX_TDFH		0x03410
#define IGBX_TDFT		0x03418
#define IGBX_TDFHS		0x03420
#define IGBX_TDFTS		0x03428
#define IGBX_TDFPC		0x03430
/* Transmit rate limiting (8.15): RTTDQSEL selects the queue whose
 * RTTBCNRC the next access reaches; the factor is link speed / rate. */
#define IGBX_RTTDQSEL		0x03604
#define IGBX_RTTBCNRC		0x036B0
#define IGBX_RTTBCNRC_RF_DEC_MASK UINT32_C(0x3FFF)	/* bits 13:0, 1/16384 */
#define IGBX_RTTBCNRC_RF_INT_SHIFT 14			/* bits 23:14 */
#define IGBX_RTTBCNRC_RF_INT_MASK UINT32_C(0x3FF)
#define IGBX_RTTBCNRC_RS_ENA	IGBX_BIT(31)
#define IGBX_DTXCTL		0x03590
#define IGBX_DTXCTL_OUTOFSYNC	IGBX_BIT(2)
#define IGBX_DTXCTL_MDP_EN	IGBX_BIT(5)
#define IGBX_DTXMXSZRQ		0x03540
#define IGBX_DTXSWC		0x03500

/* TX queue block (8.12): the 0xE000 + 0x40 * q form is valid for q = 0..15 */
#define IGBX_MAX_TX_QUEUES	16
#define IGBX_TXQ_REG(q, r)	(0x0E000 + 0x40 * (q) + (r))
#define IGBX_TDBAL(q)		IGBX_TXQ_REG(q, 0x00)
#define IGBX_TDBAH(q)		IGBX_TXQ_REG(q, 0x04)
#define IGBX_TDLEN(q)		IGBX_TXQ_REG(q, 0x08)	/* bytes, multiple of 128 */
#define IGBX_TDH(q)		IGBX_TXQ_REG(q, 0x10)
#define IGBX_DCA_TXCTRL(q)	IGBX_TXQ_REG(q, 0x14)
#define IGBX_TDT(q)		IGBX_TXQ_REG(q, 0x18)
#define IGBX_TXDCTL(q)		IGBX_TXQ_REG(q, 0x28)
#define IGBX_TDWBAL(q)		IGBX_TXQ_REG(q, 0x38)	/* head write-back address */
#define IGBX_TDWBAH(q)		IGBX_TXQ_REG(q, 0x3C)
#define IGBX_TDWBAL_HEAD_WB_EN	IGBX_BIT(0)
#define IGBX_TXDCTL_PTHRESH_SHIFT 0		/* bits 4:0 */
#define IGBX_TXDCTL_HTHRESH_SHIFT 8		/* bits 12:8 */
#define IGBX_TXDCTL_WTHRESH_SHIFT 16		/* bits 20:16 */
#define IGBX_TXDCTL_THRESH_MASK	UINT32_C(0x1F)
#define IGBX_TXDCTL_ENABLE	IGBX_BIT(25)
#define IGBX_TXDCTL_SWFLSH	IGBX_BIT(26)
#define IGBX_DCA_TXCTRL_TX_WB_RO_EN IGBX_BIT(11)

/* ---- NVM, firmware, semaphores (8.4, 8.7, 4.7) -------------------------- */
#define IGBX_EEMNGCTL		0x01010
#define IGBX_EEMNGCTL_CFG_DONE(lan) (UINT32_C(1) << (18 + (lan)))	/* lan 0..3 */
#define IGBX_EEWR		0x0102C
#define IGBX_SW_FW_SYNC		0x05B5C
#define IGBX_SW_FW_SYNC_SW_EEP_SM IGBX_BIT(0)
#define IGBX_SW_FW_SYNC_SW_PHY_SM0 IGBX_BIT(1)
#define IGBX_SW_FW_SYNC_SW_PHY_SM1 IGBX_BIT(2)
#define IGBX_SW_FW_SYNC_SW_MAC_CSR_SM IGBX_BIT(3)
#define IGBX_SW_FW_SYNC_SW_FLASH_SM IGBX_BIT(4)
#define IGBX_SW_FW_SYNC_SW_PHY_SM2 IGBX_BIT(5)
#define IGBX_SW_FW_SYNC_SW_PHY_SM3 IGBX_BIT(6)
#define IGBX_SW_FW_SYNC_FW_SHIFT 16		/* firmware owns bit n + 16 */
#define IGBX_SWSM		0x05B50
#define IGBX_SWSM_SMBI		IGBX_BIT(0)	/* semaphore bit, set on read */
#define IGBX_SWSM_SWESMBI	IGBX_BIT(1)	/* software/firmware semaphore */
#define IGBX_SWSM_WMNG		IGBX_BIT(2)
#define IGBX_SWSM_DRV_LOAD	IGBX_BIT(3)
#define IGBX_FWSM		0x05B54
#define IGBX_GCR		0x05B00
#define IGBX_FACTPS		0x05B30

/* NVM words (6.1) */
#define IGBX_NVM_MAC_ADDR	0x00		/* words 0..2, LAN function 0 */
#define IGBX_NVM_INIT_CTRL_3	0x24
#define IGBX_NVM_ALT_MAC_PTR	0x37
#define IGBX_NVM_CHECKSUM_WORDS	0x40		/* words 0x00..0x3F */
#define IGBX_NVM_CHECKSUM_WORD	0x3F
#define IGBX_NVM_SUM		0xBABA
#define IGBX_NVM_VERSION	0x05		/* image version: major 15:12, minor 11:4 */
#define IGBX_NVM_ETRACK_LO	0x42
#define IGBX_NVM_ETRACK_HI	0x43
#define IGBX_NVM_LAN_BLOCK(lan)	((lan) == 0 ? 0x000 : (lan) == 1 ? 0x080 : \
				 (lan) == 2 ? 0x0C0 : 0x100)

/* ---- PCS / serdes (8.18) ------------------------------------------------ */
#define IGBX_PCS_CFG0		0x04200
#define IGBX_PCS_LCTL		0x04208
#define IGBX_PCS_LSTAT		0x0420C
#define IGBX_PCS_ANADV		0x04218
#define IGBX_PCS_LPAB		0x0421C

/* ---- statistics (8.19); read to clear unless noted ---------------------- */
#define IGBX_CRCERRS		0x04000
#define IGBX_ALGNERRC		0x04004
#define IGBX_SYMERRS		0x04008
#define IGBX_RXERRC		0x0400C
#define IGBX_MPC		0x04010		/* missed packets */
#define IGBX_SCC		0x04014
#define IGBX_ECOL		0x04018
#define IGBX_MCC		0x0401C
#define IGBX_LATECOL		0x04020
#define IGBX_COLC		0x04028
#define IGBX_DC			0x04030
#define IGBX_TNCRS		0x04034
#define IGBX_SEC		0x04038
#define IGBX_HTDPMC		0x0403C		/* host TX discarded by MAC */
#define IGBX_RLEC		0x04040
#define IGBX_XONRXC		0x04048
#define IGBX_XONTXC		0x0404C
#define IGBX_XOFFRXC		0x04050
#define IGBX_XOFFTXC		0x04054
#define IGBX_FCRUC		0x04058
#define IGBX_PRC64		0x0405C
#define IGBX_PRC127		0x04060
#define IGBX_PRC255		0x04064
#define IGBX_PRC511		0x04068
#define IGBX_PRC1023		0x0406C
#define IGBX_PRC1522		0x04070
#define IGBX_GPRC		0x04074
#define IGBX_BPRC		0x04078
#define IGBX_MPRC		0x0407C
#define IGBX_GPTC		0x04080
#define IGBX_GORCL		0x04088		/* low then high */
#define IGBX_GORCH		0x0408C
#define IGBX_GOTCL		0x04090
#define IGBX_GOTCH		0x04094
#define IGBX_RNBC		0x040A0		/* no buffers */
#define IGBX_RUC		0x040A4
#define IGBX_RFC		0x040A8
#define IGBX_ROC		0x040AC
#define IGBX_RJC		0x040B0
#define IGBX_MGTPRC		0x040B4
#define IGBX_MGTPDC		0x040B8
#define IGBX_MGTPTC		0x040BC
#define IGBX_TORL		0x040C0
#define IGBX_TORH		0x040C4
#define IGBX_TOTL		0x040C8
#define IGBX_TOTH		0x040CC
#define IGBX_TPR		0x040D0
#define IGBX_TPT		0x040D4
#define IGBX_PTC64		0x040D8
#define IGBX_PTC127		0x040DC
#define IGBX_PTC255		0x040E0
#define IGBX_PTC511		0x040E4
#define IGBX_PTC1023		0x040E8
#define IGBX_PTC1522		0x040EC
#define IGBX_MPTC		0x040F0
#define IGBX_BPTC		0x040F4
#define IGBX_TSCTC		0x040F8
#define IGBX_TSCTFC		0x040FC
#define IGBX_IAC		0x04100
#define IGBX_RPTHC		0x04104		/* RX packets to host */
#define IGBX_ICRXATC		0x04108
#define IGBX_ICTXPTC		0x0410C
#define IGBX_ICTXATC		0x04110
#define IGBX_HGPTC		0x04118		/* host good packets transmitted */
#define IGBX_ICTXQMTC		0x0411C
#define IGBX_ICRXDMTC		0x04120
#define IGBX_ICRXOC		0x04124
#define IGBX_HGORCL		0x04128
#define IGBX_HGORCH		0x0412C
#define IGBX_HGOTCL		0x04130
#define IGBX_HGOTCH		0x04134
#define IGBX_LENERRS		0x04138
#define IGBX_SSVPC		0x041A0
#define IGBX_SCVPC		0x04228
#define IGBX_HRMPC		0x0A018
/* per queue counters (8.19), not cleared on read */
#define IGBX_PQGPRC(q)		(0x10010 + 0x100 * (q))
#define IGBX_PQGPTC(q)		(0x10014 + 0x100 * (q))
#define IGBX_PQGORC(q)		(0x10018 + 0x100 * (q))
#define IGBX_PQGOTC(q)		(0x10034 + 0x100 * (q))
#define IGBX_PQMPRC(q)		(0x10038 + 0x100 * (q))

/* ---- time sync (8.17) --------------------------------------------------- */
#define IGBX_SYSTIML		0x0B600
#define IGBX_SYSTIMH		0x0B604
#define IGBX_TIMINCA		0x0B608
#define IGBX_TIMINCA_INCVALUE_MASK UINT32_C(0x00FFFFFF)
#define IGBX_TIMINCA_INCPERIOD_SHIFT 24	/* bits 31:24, in 16 ns ticks */
#define IGBX_TSYNCTXCTL		0x0B614
#define IGBX_TSYNCTXCTL_VALID	IGBX_BIT(0)	/* TXSTMP latched, until TXSTMPH read */
#define IGBX_TSYNCTXCTL_ENABLED	IGBX_BIT(4)
#define IGBX_TXSTMPL		0x0B618
#define IGBX_TXSTMPH		0x0B61C
#define IGBX_TSYNCRXCTL		0x0B620
#define IGBX_TSYNCRXCTL_VALID	IGBX_BIT(0)	/* RXSTMP latched, until RXSTMPH read */
#define IGBX_TSYNCRXCTL_TYPE_MASK (UINT32_C(7) << 1)
#define IGBX_TSYNCRXCTL_TYPE_L2_V2 (UINT32_C(0) << 1)
#define IGBX_TSYNCRXCTL_ENABLED	IGBX_BIT(4)
#define IGBX_RXSTMPL		0x0B624
#define IGBX_RXSTMPH		0x0B628
#define IGBX_RXSATRL		0x0B62C
#define IGBX_RXSATRH		0x0B630

/* ---- PHY registers behind MDIC (IEEE 802.3 clause 22, 8.25) -------------- */
#define IGBX_PHY_ADDR		1		/* internal PHY address */
#define IGBX_PHY_CTRL		0x00
#define IGBX_PHY_CTRL_SPEED_MSB	(UINT16_C(1) << 6)
#define IGBX_PHY_CTRL_FULL_DUPLEX (UINT16_C(1) << 8)
#define IGBX_PHY_CTRL_RESTART_AN (UINT16_C(1) << 9)
#define IGBX_PHY_CTRL_ISOLATE	(UINT16_C(1) << 10)
#define IGBX_PHY_CTRL_POWER_DOWN (UINT16_C(1) << 11)
#define IGBX_PHY_CTRL_AN_ENABLE	(UINT16_C(1) << 12)
#define IGBX_PHY_CTRL_SPEED_LSB	(UINT16_C(1) << 13)
#define IGBX_PHY_CTRL_LOOPBACK	(UINT16_C(1) << 14)
#define IGBX_PHY_CTRL_RESET	(UINT16_C(1) << 15)
#define IGBX_PHY_STATUS		0x01
#define IGBX_PHY_STATUS_LINK	(UINT16_C(1) << 2)
#define IGBX_PHY_STATUS_AN_COMPLETE (UINT16_C(1) << 5)
#define IGBX_PHY_ID1		0x02
#define IGBX_PHY_ID2		0x03
#define IGBX_PHY_ANAR		0x04		/* auto-negotiation advertisement */
#define IGBX_PHY_ANAR_SELECTOR	UINT16_C(0x0001)	/* IEEE 802.3 */
#define IGBX_PHY_ANAR_10T_HD	(UINT16_C(1) << 5)
#define IGBX_PHY_ANAR_10T_FD	(UINT16_C(1) << 6)
#define IGBX_PHY_ANAR_100TX_HD	(UINT16_C(1) << 7)
#define IGBX_PHY_ANAR_100TX_FD	(UINT16_C(1) << 8)
#define IGBX_PHY_ANAR_PAUSE	(UINT16_C(1) << 10)
#define IGBX_PHY_ANAR_ASM_DIR	(UINT16_C(1) << 11)
#define IGBX_PHY_LPAR		0x05		/* link partner ability */
#define IGBX_PHY_ANER		0x06
#define IGBX_PHY_1000T_CTRL	0x09
#define IGBX_PHY_1000T_CTRL_HD	(UINT16_C(1) << 8)
#define IGBX_PHY_1000T_CTRL_FD	(UINT16_C(1) << 9)
#define IGBX_PHY_1000T_STATUS	0x0A
#define IGBX_PHY_1000T_STATUS_LP_HD (UINT16_C(1) << 10)
#define IGBX_PHY_1000T_STATUS_LP_FD (UINT16_C(1) << 11)
#define IGBX_PHY_EXT_STATUS	0x0F

#endif /* IGBX_REGS_H */
