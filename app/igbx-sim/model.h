/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * model.h - the simulated 82576's register bit fields as the datasheet
 * (chapter 8) defines them, plus the register model's internals. Offsets come
 * from the register table (regs.h); nothing here comes from a driver.
 */
#ifndef IGBX_SIM_MODEL_H
#define IGBX_SIM_MODEL_H

#include "sim.h"

/* ---- general (datasheet 8.2) ------------------------------------------ */
/* CTRL */
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
/* STATUS */
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
/* EECD */
#define  SIM_EECD_REQ		(1u << 6)
#define  SIM_EECD_GNT		(1u << 7)
#define  SIM_EECD_PRES		(1u << 8)
#define  SIM_EECD_AUTO_RD	(1u << 9)
#define  SIM_EECD_SIZE_SHIFT	11		/* bits 14:11 */
#define  SIM_EECD_SIZE_MASK	(0xfu << 11)
/* EERD and EEWR */
#define  SIM_EERW_START		(1u << 0)
#define  SIM_EERW_DONE		(1u << 1)
#define  SIM_EERW_ADDR_SHIFT	2		/* bits 15:2 */
#define  SIM_EERW_ADDR_MASK	(0x3fffu << 2)
#define  SIM_EERW_DATA_SHIFT	16
/* CTRL_EXT */
#define  SIM_CTRL_EXT_SDP3_DATA	(1u << 7)
#define  SIM_CTRL_EXT_EE_RST	(1u << 13)	/* reload from NVM, self-clearing */
#define  SIM_CTRL_EXT_PFRSTD	(1u << 14)
#define  SIM_CTRL_EXT_LINK_MODE_MASK (3u << 22)	/* 00 = internal copper PHY */
#define  SIM_CTRL_EXT_LINK_MODE_SERDES (3u << 22)	/* 11 = internal SerDes */
#define  SIM_CTRL_EXT_EIAME	(1u << 24)
#define  SIM_CTRL_EXT_IAME	(1u << 27)
#define  SIM_CTRL_EXT_DRV_LOAD	(1u << 28)
/* MDIC */
#define  SIM_MDIC_DATA_MASK	0xffffu
#define  SIM_MDIC_REG_SHIFT	16		/* bits 20:16 */
#define  SIM_MDIC_PHY_SHIFT	21		/* bits 25:21 */
#define  SIM_MDIC_OP_WRITE	(1u << 26)
#define  SIM_MDIC_OP_READ	(2u << 26)
#define  SIM_MDIC_OP_MASK	(3u << 26)
#define  SIM_MDIC_READY		(1u << 28)
#define  SIM_MDIC_IE		(1u << 29)
#define  SIM_MDIC_ERROR		(1u << 30)
/* VET */
#define  SIM_VET_VET_MASK	0xffffu		/* VLAN ethertype */
#define  SIM_VET_EXT_SHIFT	16		/* outer (double VLAN) ethertype */
/* LEDCTL */
#define  SIM_LEDCTL_MODE_MASK	0x0fu		/* per LED byte: mode 3:0 */
#define  SIM_LEDCTL_IVRT	0x40u		/* invert the output */
#define  SIM_LEDCTL_BLINK	0x80u
/* EEMNGCTL */
#define  SIM_EEMNGCTL_CFG_DONE0	(1u << 18)	/* port 0 config cycle done */
#define  SIM_EEMNGCTL_CFG_DONE1	(1u << 19)	/* port 1 */
/* I2CCMD */
#define  SIM_I2CCMD_DATA_MASK	0xffffu		/* first byte read in 7:0 */
#define  SIM_I2CCMD_REG_SHIFT	16		/* bits 23:16 */
#define  SIM_I2CCMD_PHY_SHIFT	24		/* bits 26:24: address bits 3:1 */
#define  SIM_I2CCMD_OP_READ	(1u << 27)
#define  SIM_I2CCMD_RESET	(1u << 28)	/* self-clearing */
#define  SIM_I2CCMD_READY	(1u << 29)
#define  SIM_I2CCMD_IE		(1u << 30)
#define  SIM_I2CCMD_ERROR	(1u << 31)
/* PCS_LSTAT */
#define  SIM_PCS_LSTS_LINK_OK	(1u << 0)
#define  SIM_PCS_LSTS_SPEED_1000 (2u << 1)	/* bits 2:1 */
#define  SIM_PCS_LSTS_DUPLEX_FULL (1u << 3)
#define  SIM_PCS_LSTS_SYNC_OK	(1u << 4)
#define  SIM_PCS_LSTS_AN_COMPLETE (1u << 16)
/* SWSM */
#define  SIM_SWSM_SMBI		(1u << 0)	/* software semaphore */
#define  SIM_SWSM_SWESMBI	(1u << 1)	/* software/firmware semaphore */
/* SW_FW_SYNC */
#define  SIM_SW_FW_SYNC_SW_MASK	0x0000ffffu	/* software-owned resource bits */

/* ---- interrupts (datasheet 8.8) --------------------------------------- */
/* ICR (ICS, IMS and IMC take the same bits) */
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
/* EICR */
#define  SIM_EICR_RXQ(q)	(1u << (q))		/* non-MSI-X mode */
#define  SIM_EICR_TXQ(q)	(1u << (8 + (q)))	/* non-MSI-X mode */
#define  SIM_EICR_TCP_TIMER	(1u << 30)
#define  SIM_EICR_OTHER		(1u << 31)
#define  SIM_EICR_MSIX_MASK	0x1ffffffu	/* 25 vectors in MSI-X mode */
/* GPIE */
#define  SIM_GPIE_NSICR		(1u << 0)	/* clear ICR on read only if INTA */
#define  SIM_GPIE_MSIX_MODE	(1u << 4)
#define  SIM_GPIE_EIAME		(1u << 30)
#define  SIM_GPIE_PBA		(1u << 31)
#define SIM_EITR(n)	SIM_REG_AT(EITR, n)
#define SIM_NUM_VECTORS		SIM_EITR_COUNT
#define SIM_IVAR(n)	SIM_REG_AT(IVAR, n)
#define  SIM_IVAR_VALID		0x80u		/* per byte: bit 7 valid, 4:0 vector */
#define  SIM_IVAR_VECTOR_MASK	0x1fu
/* IVAR_MISC */
#define  SIM_IVAR_MISC_TCP_SHIFT 0		/* byte 0: TCP timer vector */
#define  SIM_IVAR_MISC_OTHER_SHIFT 8		/* byte 1: other causes vector */

/* ---- virtualization (datasheet 7.8, 8.13, 8.24) ------------------------ */
/* Mailbox bits: V2PMAILBOX (VF side) and P2VMAILBOX (PF side) share the
 * ownership bits VFU and PFU; the others are each side's own.
 */
#define  SIM_MBX_REQ		(1u << 0)	/* V2P: message to the PF (WO) */
#define  SIM_MBX_ACK		(1u << 1)	/* V2P: PF message taken (WO) */
#define  SIM_MBX_VFU		(1u << 2)	/* VF owns the buffer */
#define  SIM_MBX_PFU		(1u << 3)	/* PF owns the buffer */
#define  SIM_MBX_PFSTS		(1u << 4)	/* V2P: PF wrote a message (RC) */
#define  SIM_MBX_PFACK		(1u << 5)	/* V2P: PF took the message (RC) */
#define  SIM_MBX_RSTI		(1u << 6)	/* V2P: PF reset in progress */
#define  SIM_MBX_RSTD		(1u << 7)	/* V2P: PF reset done (RC) */
#define  SIM_P2V_STS		(1u << 0)	/* P2V: message to the VF (WO) */
#define  SIM_P2V_ACK		(1u << 1)	/* P2V: VF message taken (WO) */
#define  SIM_P2V_RVFU		(1u << 4)	/* P2V: take VFU away (WO) */
#define  SIM_MBVFICR_VFREQ(n)	(1u << (n))
#define  SIM_MBVFICR_VFACK(n)	(1u << (16 + (n)))
#define SIM_MBX_WORDS		16		/* VMBMEM words per VF */
/* The VF register map (8.24): offsets in a VF's BAR0. */
#define SIM_VF_CTRL		0x0000u
#define  SIM_VF_CTRL_RST	(1u << 26)	/* function level reset */
#define SIM_VF_STATUS		0x0008u
#define SIM_VF_FRTIMER		0x1048u
#define SIM_VF_EICS		0x1520u
#define SIM_VF_EIMS		0x1524u
#define SIM_VF_EIMC		0x1528u
#define SIM_VF_EIAC		0x152cu
#define SIM_VF_EIAM		0x1530u
#define SIM_VF_EICR		0x1580u
#define SIM_VF_EITR(n)		(0x1680u + 4u * (n))
#define SIM_VF_IVAR		0x1700u
#define SIM_VF_IVAR_MISC	0x1740u
#define SIM_VF_MBMEM		0x0800u
#define SIM_VF_V2PMAILBOX	0x0c40u
#define SIM_VF_GPRC		0x0f10u
#define SIM_VF_GPTC		0x0f14u
#define SIM_VF_GORC		0x0f18u
#define SIM_VF_GOTC		0x0f34u
#define SIM_VF_MPRC		0x0f3cu
#define SIM_VF_GPRLBC		0x0f40u
#define SIM_VF_GPTLBC		0x0f44u
#define SIM_VF_GORLBC		0x0f48u
#define SIM_VF_GOTLBC		0x0f50u
#define  SIM_DTXSWC_MAC_SPOOF(pool)	(1u << (pool))	/* bits 7:0 */
#define  SIM_DTXSWC_VLAN_SPOOF(pool)	(1u << (8 + (pool)))	/* bits 15:8 */
#define  SIM_DTXSWC_LOOPBACK_EN	(1u << 31)	/* VM to VM switching */
/* Counts a frame the switch took from pool from into pool to. */
void sim_vf_count_loopback(struct sim_port *p, unsigned int from,
			   unsigned int to, uint32_t bytes);
#define SIM_VF_RXQ		0x2800u		/* queue blocks, 0x100 apart */
#define SIM_VF_TXQ		0x3800u
#define SIM_VF_QUEUES		2		/* queue pairs per VF */
#define  SIM_VF_EICR_MASK	0x7u		/* one bit per vector */
/* VF vf's queue i is the port's queue vf + 8 i (7.10.2, pool queues). */
#define SIM_VF_POOL_QUEUE(vf, i)	((vf) + 8u * (i))

/* ---- receive (datasheet 8.10) ----------------------------------------- */
/* RCTL */
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
/* RXCSUM */
#define  SIM_RXCSUM_PCSS_MASK	0xffu
#define  SIM_RXCSUM_IPOFLD	(1u << 8)
#define  SIM_RXCSUM_TUOFLD	(1u << 9)
#define  SIM_RXCSUM_CRCOFL	(1u << 11)	/* SCTP CRC32c offload */
#define  SIM_RXCSUM_IPPCSE	(1u << 12)
#define  SIM_RXCSUM_PCSD	(1u << 13)	/* RSS hash instead of checksum */
/* RLPML */
#define  SIM_RLPML_MASK		0x3fffu
#define SIM_MTA(n)	SIM_REG_AT(MTA, n)
/* receive addresses 0-15, then 16-23 at another place */
#define SIM_RAL(n)		((n) < SIM_RAL_X_FIRST ? SIM_REG_AT(RAL, n) : \
				 (uint32_t)SIM_RAL_X + SIM_RAL_STRIDE * \
				 ((uint32_t)(n) - SIM_RAL_X_FIRST))
#define SIM_RAH(n)		(SIM_RAL(n) + (uint32_t)(SIM_RAH_0 - SIM_RAL_0))
#define SIM_RAR_COUNT		(SIM_RAL_COUNT + SIM_RAL_X_COUNT)
/* RAH */
#define  SIM_RAH_ADDR_MASK	0xffffu
#define  SIM_RAH_ASEL_MASK	(3u << 16)	/* 00 = match destination */
#define  SIM_RAH_POOL_SHIFT	18		/* pool select, bits 25:18 */
#define  SIM_RAH_POOL_MASK	(0xffu << 18)
#define  SIM_RAH_AV		(1u << 31)
#define SIM_PSRTYPE(n)	SIM_REG_AT(PSRTYPE, n)
#define SIM_VFTA(n)	SIM_REG_AT(VFTA, n)
/* MRQC */
#define  SIM_MRQC_MRQE_MASK	0x7u
#define  SIM_MRQC_MRQE_NONE	0x0u
#define  SIM_MRQC_MRQE_RSS	0x2u		/* RSS only */
#define  SIM_MRQC_MRQE_VMDQ	0x3u		/* VMDq, default pool */
#define  SIM_MRQC_MRQE_VMDQ_RSS	0x5u		/* VMDq with RSS, 2 queues */
#define  SIM_VT_CTL_DEF_PL_SHIFT	7		/* default pool, bits 9:7 */
#define  SIM_VT_CTL_IGNORE_MAC	(1u << 28)	/* pools by VLAN only */
#define  SIM_VT_CTL_DIS_DEF_PL	(1u << 29)	/* no default pool: drop */
#define  SIM_VT_CTL_REPL_EN	(1u << 30)	/* replicate to several pools */
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
#define SIM_VMOLR(n)	SIM_REG_AT(VMOLR, n)	/* 8 pools */
#define SIM_NUM_POOLS		8
#define  SIM_VMOLR_RLPML_MASK	0x3fffu
#define  SIM_VMOLR_LPE		(1u << 16)
#define  SIM_VMOLR_AUPE		(1u << 24)
#define  SIM_VMOLR_ROMPE	(1u << 25)
#define  SIM_VMOLR_ROPE		(1u << 26)
#define  SIM_VMOLR_BAM		(1u << 27)
#define  SIM_VMOLR_MPME		(1u << 28)
#define  SIM_VMOLR_STRVLAN	(1u << 30)
#define SIM_RETA(n)	SIM_REG_AT(RETA, n)	/* 32 x 4 entries */
#define SIM_RSSRK(n)	SIM_REG_AT(RSSRK, n)	/* 40-byte key */
#define SIM_SAQF(n)	SIM_REG_AT(SAQF, n)	/* 8 five-tuple filters */
#define SIM_DAQF(n)	SIM_REG_AT(DAQF, n)
#define SIM_SPQF(n)	SIM_REG_AT(SPQF, n)
#define SIM_FTQF(n)	SIM_REG_AT(FTQF, n)
#define SIM_IMIR(n)	SIM_REG_AT(IMIR, n)	/* 2-tuple filters */
#define SIM_IMIREXT(n)	SIM_REG_AT(IMIREXT, n)
#define SIM_ETQF(n)	SIM_REG_AT(ETQF, n)	/* 8 ethertype filters */
#define  SIM_ETQF_ETYPE_MASK	0xffffu
#define  SIM_ETQF_QUEUE_SHIFT	16
#define  SIM_ETQF_QUEUE_MASK	(7u << 16)
#define  SIM_ETQF_FILTER_EN	(1u << 26)
#define  SIM_ETQF_1588		(1u << 30)
#define  SIM_ETQF_QUEUE_EN	(1u << 31)
#define SIM_VLVF(n)	SIM_REG_AT(VLVF, n)	/* 32 VLAN to pool entries */
#define  SIM_VLVF_VLANID_MASK	0xfffu
#define  SIM_VLVF_POOL_SHIFT	12		/* pool members, bits 19:12 */
#define  SIM_VLVF_POOL_MASK	(0xffu << 12)
#define  SIM_VLVF_VI_EN		(1u << 31)	/* entry valid */
#define SIM_VLVF_COUNT		32
#define SIM_UTA(n)	SIM_REG_AT(UTA, n)

/* Queue blocks: the offsets inside one (SIM_Q_*) are in regs.h.
 *
 * RQDPC (SIM_Q_RQDPC), RX queue drop count: read to clear on the 82576. Known
 * deviation: its copies (0xC030 + 0x40n, 0x2830 + 0x100n) sit on the RX
 * doorbell pages, which stay untrapped so that RDT writes cost nothing, and
 * a plain load there is invisible to the device. So a driver's load returns
 * the count since the last device reset (saturating, never clearing), and
 * only an access that goes through sim_reg_read() clears it. Trapping the
 * 0xC000 page instead would fault on every RDT write of a driver that uses
 * the 0xC000 copies for all queues (36 us a trapped store on our loaded VM),
 * and still leave 0x2830 (queues 0-3) on the 0x2000 doorbell page.
 */
/* SRRCTL */
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
/* RXDCTL and TXDCTL */
#define  SIM_DCTL_PTHRESH_MASK	0x1fu
#define  SIM_DCTL_HTHRESH_SHIFT	8
#define  SIM_DCTL_WTHRESH_SHIFT	16
#define  SIM_DCTL_WTHRESH_MASK	(0x1fu << 16)
#define  SIM_DCTL_ENABLE	(1u << 25)	/* RXDCTL/TXDCTL queue enable */
#define  SIM_DCTL_WTHRESH_SHIFT	16		/* bits 20:16, write-back threshold */
#define  SIM_DCTL_SWFLSH	(1u << 26)	/* flush written-back descriptors */
/* TDWBAL */
#define  SIM_TDWBAL_HEAD_WB_EN	(1u << 0)

/* ---- transmit (datasheet 8.12) ---------------------------------------- */
/* TCTL */
#define  SIM_TCTL_EN		(1u << 1)
#define  SIM_TCTL_PSP		(1u << 3)
#define  SIM_TCTL_CT_SHIFT	4
#define  SIM_TCTL_COLD_SHIFT	12
#define  SIM_TCTL_SWXOFF	(1u << 22)
#define  SIM_TCTL_RTLC		(1u << 24)
#define SIM_VMVIR(n)	SIM_REG_AT(VMVIR, n)	/* per pool */
#define  SIM_VMVIR_VID_MASK	0xffffu		/* default VLAN tag */
#define  SIM_VMVIR_VLANA_MASK	(3u << 30)	/* 00 per descriptor */
#define  SIM_VMVIR_VLANA_ALWAYS	(1u << 30)	/* insert the default tag */
#define  SIM_VMVIR_VLANA_NEVER	(2u << 30)	/* insert no tag */

/* ---- statistics (datasheet 8.19), all read-to-clear ------------------- */
/* per-queue counters (82576 8.19): queue n at base + 0x100 * n */
#define SIM_PQGPRC(n)	SIM_REG_AT(PQGPRC, n)
#define SIM_PQGPTC(n)	SIM_REG_AT(PQGPTC, n)
#define SIM_PQGORC(n)	SIM_REG_AT(PQGORC, n)
#define SIM_PQGOTC(n)	SIM_REG_AT(PQGOTC, n)
#define SIM_PQMPRC(n)	SIM_REG_AT(PQMPRC, n)

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
/* sim_phy_state.flags */
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
/* Virtualization (vf.c): the PF's view of the VF mailboxes and resets. */
bool sim_vf_pf_read(struct sim_port *p, uint32_t off, uint32_t *val);
bool sim_vf_pf_write(struct sim_port *p, uint32_t off, uint32_t val);
void sim_vf_pf_reset(struct sim_port *p);	/* PF reset: RSTI to each VF */
void sim_vf_pf_reset_done(struct sim_port *p);	/* CTRL_EXT.PFRSTD */
/* The VF statistics of the pool queue q belongs to, if a VF's. */
void sim_vf_count_rx(struct sim_port *p, unsigned int q, uint32_t bytes,
		     bool mcast);
void sim_vf_count_tx(struct sim_port *p, unsigned int q, uint32_t pkts,
		     uint32_t bytes);
/* Statistics (stats.c). */
uint32_t sim_stat_read_clear(struct sim_port *p, uint32_t off);

#endif /* IGBX_SIM_MODEL_H */
