/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_pf.c: the port as SR-IOV PF host when its PCI function has VFs enabled
 * (EAL's rte_pci_device.max_vfs, from sysfs). Pools (7.10): VF n owns pool n
 * (its queues n and n + 8), the PF takes the pool after the last VF and its
 * queue 0 is that pool's first queue. This file programs the pools and the
 * per-VF registers from the state in struct igbx_pf_state; the mailbox server
 * that changes that state is igbx_pf_mbx.c.
 */
#include <string.h>

#include <rte_ether.h>
#include <bus_pci_driver.h>
#include <ethdev_driver.h>
#include <ethdev_pci.h>

#include "igbx_ethdev.h"
#include "igbx_devops.h"
#include "igbx_link.h"
#include "igbx_pf.h"
#include "igbx_pf_regs.h"

static struct igbx_pf_state *
igbx_pf_of(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->pf;
}

bool
igbx_pf_active(struct rte_eth_dev *dev)
{
	return igbx_pf_of(dev)->nb_vfs != 0;
}

/* Probe: with VFs the port is their host. Each VF gets a random locally
 * administered address, handed out by its RESET message. */
int
igbx_pf_init(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct igbx_pf_state *pf = igbx_pf_of(dev);
	unsigned int vf;

	memset(pf, 0, sizeof(*pf));
	rte_spinlock_init(&pf->lock);
	memset(&RTE_ETH_DEV_SRIOV(dev), 0, sizeof(RTE_ETH_DEV_SRIOV(dev)));
	if (pci->max_vfs == 0)
		return 0;
	pf->nb_vfs = RTE_MIN(pci->max_vfs, IGBX_PF_MAX_VFS);
	if (pci->max_vfs > IGBX_PF_MAX_VFS)
		IGBX_INIT_LOG(WARNING, "%s: %u VFs enabled, serving VFs 0..%u: pool %u is the PF's",
			      pci->device.name, pci->max_vfs, IGBX_PF_MAX_VFS - 1,
			      IGBX_PF_MAX_VFS);
	for (vf = 0; vf < pf->nb_vfs; vf++) {
		rte_eth_random_addr(pf->vf[vf].mac.addr_bytes);
		pf->vf[vf].anti_spoof = true;
		pf->vf[vf].max_frame = IGBX_PF_VF_FRAME_DEFAULT;
	}
	RTE_ETH_DEV_SRIOV(dev).active = IGBX_PF_POOLS;
	RTE_ETH_DEV_SRIOV(dev).nb_q_per_pool = 1;
	RTE_ETH_DEV_SRIOV(dev).def_vmdq_idx = pf->nb_vfs;
	RTE_ETH_DEV_SRIOV(dev).def_pool_q_idx = pf->nb_vfs;
	IGBX_INIT_LOG(INFO, "%s: SR-IOV host of %u VFs, the PF in pool %u",
		      pci->device.name, pf->nb_vfs, pf->nb_vfs);
	return 0;
}

/* The PF has one pool: one queue pair, no RSS, no per-queue interrupts. */
int
igbx_pf_configure_check(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;

	if (!igbx_pf_active(dev))
		return 0;
	if (conf->rxmode.mq_mode != RTE_ETH_MQ_RX_NONE) {
		IGBX_LOG(ERR, "rxmode.mq_mode %d: allowed NONE (%d) while the port hosts %u VFs",
			 conf->rxmode.mq_mode, RTE_ETH_MQ_RX_NONE, igbx_pf_of(dev)->nb_vfs);
		return -EINVAL;
	}
	if (conf->intr_conf.rxq) {
		IGBX_LOG(ERR, "intr_conf.rxq %u: allowed 0 while the port hosts VFs",
			 conf->intr_conf.rxq);
		return -ENOTSUP;
	}
	return 0;
}

void
igbx_pf_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	struct igbx_pf_state *pf = igbx_pf_of(dev);

	if (pf->nb_vfs == 0)
		return;
	info->max_vfs = pf->nb_vfs;
	info->max_rx_queues = 1;
	info->max_tx_queues = 1;
	/* the top RAR entries hold the VFs' addresses */
	info->max_mac_addrs = IGBX_RAR_ENTRIES - pf->nb_vfs;
}

/* PF queue qid is the qid-th queue of its pool: pool and pool + 8 (7.10.2). */
uint16_t
igbx_pf_queue_reg(struct rte_eth_dev *dev, uint16_t qid)
{
	struct igbx_pf_state *pf = igbx_pf_of(dev);

	return pf->nb_vfs == 0 ? qid : (uint16_t)(pf->nb_vfs + IGBX_PF_POOLS * qid);
}

uint32_t
igbx_pf_intr_causes(struct rte_eth_dev *dev)
{
	return igbx_pf_active(dev) ? IGBX_ICR_VMMB : 0;
}

/* MTA = the PF's own hashes and every VF's (the table is shared, 7.10.3.x). */
void
igbx_pf_mta_sync(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_pf_state *pf = &ad->pf;
	uint32_t mta[IGBX_MTA_WORDS];
	unsigned int vf, i;

	memcpy(mta, ad->filter.mta, sizeof(mta));
	for (vf = 0; vf < pf->nb_vfs; vf++)
		for (i = 0; pf->vf[vf].cts && i < pf->vf[vf].nb_mc; i++)
			igbx_mta_hash_set(mta, pf->vf[vf].mc_hash[i]);
	for (i = 0; i < IGBX_MTA_WORDS; i++)
		igbx_write(&ad->hw, IGBX_MTA(i), mta[i]);
}

/* The PF changed its own multicast list: the VFs' groups stay. */
void
igbx_pf_mta_refresh(struct rte_eth_dev *dev)
{
	struct igbx_pf_state *pf = igbx_pf_of(dev);

	if (pf->nb_vfs == 0)
		return;
	rte_spinlock_lock(&pf->lock);
	igbx_pf_mta_sync(dev);
	rte_spinlock_unlock(&pf->lock);
}

/* The VFTA bits of word idx that the VFs' VLANs need. */
uint32_t
igbx_pf_vfta_bits(struct rte_eth_dev *dev, unsigned int idx)
{
	struct igbx_pf_state *pf = igbx_pf_of(dev);
	uint32_t bits = 0;
	unsigned int vf, i;

	rte_spinlock_lock(&pf->lock);
	for (vf = 0; vf < pf->nb_vfs; vf++)
		for (i = 0; i < pf->vf[vf].nb_vlans; i++)
			if (igbx_vfta_index(pf->vf[vf].vlans[i]) == idx)
				bits |= igbx_vfta_bit(pf->vf[vf].vlans[i]);
	rte_spinlock_unlock(&pf->lock);
	return bits;
}

/* VMOLR of VF vf's pool: untagged, broadcast and hashed multicast accepted,
 * its frame limit; what a trusted VF asked for on top. */
static uint32_t
igbx_pf_vf_vmolr(const struct igbx_pf_vf *v)
{
	uint32_t vmolr = IGBX_VMOLR_AUPE | IGBX_VMOLR_BAM | IGBX_VMOLR_ROMPE |
			 IGBX_VMOLR_LPE | (v->max_frame & IGBX_VMOLR_RLPML_MASK);

	if (v->promisc & IGBX_MBX_PROMISC_MULTICAST)
		vmolr |= IGBX_VMOLR_MPME;
	if (v->promisc & IGBX_MBX_PROMISC_UNICAST)
		vmolr |= IGBX_VMOLR_ROPE | IGBX_VMOLR_MPME;
	return vmolr;
}

/* Per-VF TX rate: the rate scheduler of the VF's queues (8.15; the factor
 * is relative to the link speed). */
static void
igbx_pf_vf_rate_program(struct rte_eth_dev *dev, unsigned int vf)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	uint32_t mbps = ad->pf.vf[vf].tx_rate_mbps;
	uint32_t link = ad->link.speed_mbps ? ad->link.speed_mbps : 1000;
	uint32_t val = mbps ? igbx_rate_factor(link, mbps) : 0;
	unsigned int i;

	for (i = 0; i < 2; i++) {	/* queues vf and vf + 8 */
		igbx_write(&ad->hw, IGBX_RTTDQSEL, vf + IGBX_PF_POOLS * i);
		igbx_write(&ad->hw, IGBX_RTTBCNRC, val);
		igbx_write_flush(&ad->hw);	/* lands before the next select */
	}
}

/* Everything of VF vf the registers hold, from its state: address and
 * pool select, receive/transmit enables, VMOLR, VLAN insertion, anti-spoof,
 * rate. A VF that has not done its RESET gets nothing enabled. */
void
igbx_pf_vf_program(struct rte_eth_dev *dev, unsigned int vf)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_hw *hw = &ad->hw;
	struct igbx_pf_vf *v = &ad->pf.vf[vf];
	unsigned int rar = IGBX_PF_VF_RAR(vf);
	uint32_t ral, rah, bit = IGBX_BIT(vf);

	igbx_write(hw, IGBX_RAH(rar), 0);
	if (v->cts && !rte_is_zero_ether_addr(&v->mac)) {
		igbx_rar_encode(&v->mac, &ral, &rah);
		igbx_write(hw, IGBX_RAL(rar), ral);
		igbx_write(hw, IGBX_RAH(rar), rah | bit << IGBX_RAH_POOLSEL_SHIFT);
	}
	igbx_write(hw, IGBX_VMOLR(vf), igbx_pf_vf_vmolr(v));
	igbx_write(hw, IGBX_VMVIR(vf), v->vlan_insert ?
		   IGBX_VMVIR_VLANA_DEFAULT | v->vlan_insert : 0);
	if (v->anti_spoof)
		igbx_set_bits(hw, IGBX_DTXSWC, IGBX_DTXSWC_MAC_SPOOF(vf));
	else
		igbx_clear_bits(hw, IGBX_DTXSWC, IGBX_DTXSWC_MAC_SPOOF(vf));
	igbx_pf_vf_rate_program(dev, vf);
	if (v->cts) {
		igbx_set_bits(hw, IGBX_VFRE, bit);
		igbx_set_bits(hw, IGBX_VFTE, bit);
	} else {
		igbx_clear_bits(hw, IGBX_VFRE, bit);
		igbx_clear_bits(hw, IGBX_VFTE, bit);
	}
	igbx_write_flush(hw);
}

/* VF vf joins (on) or leaves VLAN vid: its pool bit in the VLAN's VLVF
 * entry, the VFTA bit while any pool or the PF keeps the VLAN. */
int
igbx_pf_vf_vlan(struct rte_eth_dev *dev, unsigned int vf, uint16_t vid, bool on)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_hw *hw = &ad->hw;
	int ret = igbx_vmdq_pool_vlan(hw, vid, (uint8_t)IGBX_BIT(vf), on);

	if (ret != 0)
		return ret;
	if (igbx_vmdq_vlan_pools(hw, vid) != 0)
		igbx_set_bits(hw, IGBX_VFTA(igbx_vfta_index(vid)), igbx_vfta_bit(vid));
	else if (!(ad->filter.vfta[igbx_vfta_index(vid)] & igbx_vfta_bit(vid)))
		igbx_clear_bits(hw, IGBX_VFTA(igbx_vfta_index(vid)), igbx_vfta_bit(vid));
	return 0;
}

/* A VF's RESET or FLR: what it asked for through the mailbox is void. */
void
igbx_pf_vf_forget(struct rte_eth_dev *dev, unsigned int vf)
{
	struct igbx_pf_vf *v = &IGBX_DEV_ADAPTER(dev)->pf.vf[vf];

	while (v->nb_vlans > 0)
		igbx_pf_vf_vlan(dev, vf, v->vlans[--v->nb_vlans], false);
	v->nb_mc = 0;
	v->promisc = 0;
	v->api = IGBX_MBX_API_10;
	v->max_frame = IGBX_PF_VF_FRAME_DEFAULT;
}

/* The PF's own address in RAR[index] goes to its pool (RAH.POOLSEL). */
void
igbx_pf_own_rar(struct rte_eth_dev *dev, unsigned int index)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	uint32_t pool = IGBX_BIT(ad->pf.nb_vfs) << IGBX_RAH_POOLSEL_SHIFT;
	uint32_t rah;

	if (ad->pf.nb_vfs == 0 || index >= IGBX_RAR_ENTRIES - (unsigned int)ad->pf.nb_vfs)
		return;
	rah = igbx_read(&ad->hw, IGBX_RAH(index));
	if (rah & IGBX_RAH_AV)
		igbx_write(&ad->hw, IGBX_RAH(index), (rah & ~IGBX_RAH_POOLSEL_MASK) | pool);
}

static void
igbx_pf_own_rars(struct rte_eth_dev *dev)
{
	unsigned int i;

	for (i = 0; i < IGBX_RAR_ENTRIES; i++)
		igbx_pf_own_rar(dev, i);
}

/*
 * Probe and dev_start, after the datapath (whose reset cleared every VF
 * register and told the VFs RSTI): 7.10.3 pools with the PF's the default, VM-to-VM
 * loopback, the PF's pool enabled; VFs wait for their RESET message. Last,
 * CTRL_EXT.PFRSTD tells the VFs the PF is ready (7.8.2.3).
 */
void
igbx_pf_start(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_pf_state *pf = &ad->pf;
	struct igbx_hw *hw = &ad->hw;
	uint32_t pf_pool = IGBX_BIT(pf->nb_vfs), all = IGBX_BIT(pf->nb_vfs) - 1;
	unsigned int vf;

	if (pf->nb_vfs == 0)
		return;
	rte_spinlock_lock(&pf->lock);
	igbx_write(hw, IGBX_MRQC, (igbx_read(hw, IGBX_MRQC) & ~IGBX_MRQC_MRQE_MASK) |
		   IGBX_MRQC_MRQE_VMDQ);
	igbx_write(hw, IGBX_VT_CTL, pf->nb_vfs << IGBX_VT_CTL_DEF_PL_SHIFT |
		   IGBX_VT_CTL_VM_REPL_EN);
	igbx_write(hw, IGBX_DTXSWC, IGBX_DTXSWC_LOOPBACK_EN);
	igbx_write(hw, IGBX_VMOLR(pf->nb_vfs), IGBX_VMOLR_AUPE | IGBX_VMOLR_BAM |
		   IGBX_VMOLR_ROMPE | IGBX_VMOLR_LPE |
		   (igbx_read(hw, IGBX_RLPML) & IGBX_VMOLR_RLPML_MASK));
	igbx_pf_own_rars(dev);
	for (vf = 0; vf < pf->nb_vfs; vf++) {
		pf->vf[vf].cts = false;
		pf->vf[vf].nb_vlans = 0;	/* the reset emptied VLVF */
		igbx_pf_vf_forget(dev, vf);
		igbx_pf_vf_program(dev, vf);
	}
	igbx_write(hw, IGBX_VFRE, pf_pool);
	igbx_write(hw, IGBX_VFTE, pf_pool);
	igbx_write(hw, IGBX_VFLRE, all);	/* write 1 to clear */
	igbx_write(hw, IGBX_MBVFICR, UINT32_C(0xFFFFFFFF));
	igbx_write(hw, IGBX_MBVFIMR, all);
	pf->link_up = false;
	pf->started = true;
	igbx_set_bits(hw, IGBX_CTRL_EXT, IGBX_CTRL_EXT_PFRSTD);
	igbx_write_flush(hw);
	rte_spinlock_unlock(&pf->lock);
	/* at probe too: the mailbox interrupt (and LSC; with MSI-X on vector 0) */
	igbx_intr_enable(dev);
}

/* dev_stop masked every cause: a stopped PF still answers its VFs (their
 * pools keep running, only the PF's own queues stop). */
void
igbx_pf_stop(struct rte_eth_dev *dev)
{
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (!igbx_pf_active(dev))
		return;
	/* GPIE and IVAR_MISC stay as dev_start left them (no reset here) */
	if (rte_intr_type_get(pci->intr_handle) == RTE_INTR_HANDLE_VFIO_MSIX)
		igbx_write(hw, IGBX_EIMS, IGBX_BIT(0));
	igbx_write(hw, IGBX_IMS, IGBX_ICR_VMMB);
}
