/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_pf.h: the port as SR-IOV PF host (datasheet 7.8, 7.10): per-VF state kept by the
 * PF, pool set-up (igbx_pf.c) and the mailbox server (igbx_pf_mbx.c). */
#ifndef IGBX_PF_H
#define IGBX_PF_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ether.h>
#include <rte_spinlock.h>

#include "igbx_mbx.h"

/* 8 pools; the PF keeps the one after its VFs, so at most 7 VFs. */
#define IGBX_PF_POOLS		8
#define IGBX_PF_MAX_VFS		(IGBX_PF_POOLS - 1)
/* VF v's address lives in RAR[IGBX_RAR_ENTRIES - 1 - v], as Linux and DPDK hosts do. */
#define IGBX_PF_VF_RAR(vf)	(IGBX_RAR_ENTRIES - 1 - (vf))
#define IGBX_PF_VF_VLANS	8	/* VLANs one VF may join (VLVF entries) */
/* VMOLR.RLPML until SET_LPE: 1500 bytes, header, tag, CRC */
#define IGBX_PF_VF_FRAME_DEFAULT 1522

/* What the PF knows of one VF. */
struct igbx_pf_vf {
	struct rte_ether_addr mac;	/* the address RESET hands out */
	bool cts;			/* RESET done since the PF start or the VF's FLR */
	bool mac_by_pf;			/* set by the PF: the VF may not change it */
	bool trusted;			/* may ask for promiscuous/allmulticast */
	bool anti_spoof;		/* DTXSWC MAC anti-spoofing of its pool */
	uint8_t api;			/* IGBX_MBX_API_* agreed */
	uint8_t promisc;		/* IGBX_MBX_PROMISC_* in force */
	uint8_t nb_mc;
	uint8_t nb_vlans;
	uint16_t mc_hash[IGBX_MBX_MAX_MC];
	uint16_t vlans[IGBX_PF_VF_VLANS];
	uint16_t max_frame;		/* VMOLR.RLPML */
	uint16_t vlan_insert;		/* VMVIR tag, 0 none */
	uint32_t tx_rate_mbps;		/* 0 unlimited */
	uint32_t bad_msgs;		/* malformed or refused messages, for the log */
};

struct igbx_pf_state {
	uint16_t nb_vfs;		/* 0: not an SR-IOV host */
	bool started;			/* pools programmed: the server answers */
	bool link_up;			/* last link told the VFs */
	rte_spinlock_t lock;		/* interrupt thread vs private API */
	struct igbx_pf_vf vf[IGBX_PF_MAX_VFS];
};

struct rte_eth_dev;
struct rte_eth_dev_info;

/* igbx_pf.c */
int igbx_pf_init(struct rte_eth_dev *dev);		/* probe: VFs enabled? */
int igbx_pf_configure_check(struct rte_eth_dev *dev);	/* dev_configure */
void igbx_pf_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info);
/* probe; dev_start, after the datapath */
void igbx_pf_start(struct rte_eth_dev *dev);
void igbx_pf_stop(struct rte_eth_dev *dev);
uint16_t igbx_pf_queue_reg(struct rte_eth_dev *dev, uint16_t qid);
uint32_t igbx_pf_intr_causes(struct rte_eth_dev *dev);	/* ICR causes to enable */
bool igbx_pf_active(struct rte_eth_dev *dev);
/* igbx_filter.c: the PF's own filters change, the VFs' entries stay */
void igbx_pf_own_rar(struct rte_eth_dev *dev, unsigned int index);
void igbx_pf_mta_refresh(struct rte_eth_dev *dev);
uint32_t igbx_pf_vfta_bits(struct rte_eth_dev *dev, unsigned int idx);
/* Inner helpers for the mailbox server and the private API (lock held). */
void igbx_pf_vf_program(struct rte_eth_dev *dev, unsigned int vf);
void igbx_pf_mta_sync(struct rte_eth_dev *dev);
void igbx_pf_vf_forget(struct rte_eth_dev *dev, unsigned int vf);
int igbx_pf_vf_vlan(struct rte_eth_dev *dev, unsigned int vf, uint16_t vid, bool on);

/* igbx_pf_mbx.c */
void igbx_pf_mbx_intr(struct rte_eth_dev *dev);		/* ICR.VMMB */
void igbx_pf_link_notify(struct rte_eth_dev *dev);	/* link changed */

#endif /* IGBX_PF_H */
