/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_filter.c - 82576 receive filters: unicast addresses (RAR), multicast
 * hash (MTA) and VLAN (VFTA, VME, VET); flow control, kept in the same state
 * and restored with it, is in igbx_fc.c, RSS in igbx_rss.c.
 *
 * Every setting lives first in struct igbx_filter_state and is then written
 * to the device, so igbx_filter_restore can replay it after a reset. The pure
 * helpers at the top do no register I/O; test_igbx_filter.c checks them.
 */
#include <errno.h>
#include <string.h>

#include <rte_ether.h>

#include "igbx_ethdev.h"
#include "igbx_filter.h"
#include "igbx_rxtx.h"

/* Multicast offset we run with: RCTL.MO = 00b, hash on DA[47:36]. */
#define IGBX_MO_USED		0u
#define IGBX_VLAN_ID_MAX	4095u

/* ---- pure helpers --------------------------------------------------------- */

/*
 * 7.1.1.2: the 12-bit hash is a window of the destination address, chosen by
 * RCTL.MO: DA[47:36], DA[46:35], DA[45:34] or DA[43:32]. DA bit 0 is bit 0 of
 * the first byte on the wire, so DA[47:32] are bytes 5 and 4.
 */
uint16_t
igbx_mta_hash_index(const struct rte_ether_addr *a, unsigned int mo)
{
	static const uint8_t window_lsb[4] = { 36, 35, 34, 32 };
	uint32_t da_47_32 = a->addr_bytes[4] | (uint32_t)a->addr_bytes[5] << 8;

	return (uint16_t)((da_47_32 >> (window_lsb[mo & 3] - 32)) & 0xFFF);
}

/* Hash bits 11:5 select one of the 128 MTA words, bits 4:0 the bit in it. */
void
igbx_mta_hash_set(uint32_t *mta, uint16_t hash)
{
	mta[(hash >> 5) & (IGBX_MTA_WORDS - 1)] |= UINT32_C(1) << (hash & 31);
}

/*
 * 8.10 RAL/RAH: the first four address bytes in RAL, lowest byte in bits
 * 7:0; the last two in RAH 15:0; AV (bit 31) makes the entry live. ASEL = 00b
 * (match destination), no pool bits (no VMDq).
 */
void
igbx_rar_encode(const struct rte_ether_addr *a, uint32_t *ral, uint32_t *rah)
{
	const uint8_t *b = a->addr_bytes;

	*ral = b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	       (uint32_t)b[3] << 24;
	*rah = b[4] | (uint32_t)b[5] << 8 | IGBX_RAH_AV;
}

/* VFTA: 128 words of 32 bits, one bit per VLAN id. */
unsigned int
igbx_vfta_index(uint16_t vlan_id)
{
	return (vlan_id >> 5) & (IGBX_VFTA_WORDS - 1);
}

uint32_t
igbx_vfta_bit(uint16_t vlan_id)
{
	return UINT32_C(1) << (vlan_id & 31);
}

/* ---- common ------------------------------------------------------------- */

static void
igbx_format_addr(char *buf, size_t len, const struct rte_ether_addr *a)
{
	rte_ether_format_addr(buf, (uint16_t)len, a);
}

/* ---- promiscuous and all-multicast (RCTL.UPE/MPE) ----------------------- */

/* MPE stays on while any of promisc, allmulti or a too long mc list wants it. */
static void
igbx_rctl_mode_apply(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t rctl = igbx_read(hw, IGBX_RCTL);

	rctl &= ~(IGBX_RCTL_UPE | IGBX_RCTL_MPE);
	if (fs->promisc)
		rctl |= IGBX_RCTL_UPE | IGBX_RCTL_MPE;
	if (fs->allmulti || fs->mc_overflow)
		rctl |= IGBX_RCTL_MPE;
	igbx_write(hw, IGBX_RCTL, rctl);
}

int
igbx_promiscuous_enable(struct rte_eth_dev *dev)
{
	igbx_filter_of(dev)->promisc = true;
	igbx_rctl_mode_apply(dev);
	return 0;
}

int
igbx_promiscuous_disable(struct rte_eth_dev *dev)
{
	igbx_filter_of(dev)->promisc = false;
	igbx_rctl_mode_apply(dev);
	return 0;
}

int
igbx_allmulticast_enable(struct rte_eth_dev *dev)
{
	igbx_filter_of(dev)->allmulti = true;
	igbx_rctl_mode_apply(dev);
	return 0;
}

int
igbx_allmulticast_disable(struct rte_eth_dev *dev)
{
	igbx_filter_of(dev)->allmulti = false;
	igbx_rctl_mode_apply(dev);
	return 0;
}

/* ---- unicast addresses (RAR) -------------------------------------------- */

/* RAL before RAH: the entry only becomes valid with the AV bit in RAH. */
static void
igbx_rar_write(struct igbx_hw *hw, unsigned int index,
	       const struct rte_ether_addr *a)
{
	uint32_t ral, rah;

	igbx_rar_encode(a, &ral, &rah);
	igbx_write(hw, IGBX_RAH(index), 0);
	igbx_write(hw, IGBX_RAL(index), ral);
	igbx_write(hw, IGBX_RAH(index), rah);
}

/* Clearing AV first retires the entry before its address goes away. */
static void
igbx_rar_clear(struct igbx_hw *hw, unsigned int index)
{
	igbx_write(hw, IGBX_RAH(index), 0);
	igbx_write(hw, IGBX_RAL(index), 0);
}

static int
igbx_check_unicast(const char *param, const struct rte_ether_addr *a)
{
	char buf[RTE_ETHER_ADDR_FMT_SIZE];

	if (a != NULL && !rte_is_zero_ether_addr(a) &&
	    !rte_is_multicast_ether_addr(a))
		return 0;
	if (a == NULL)
		snprintf(buf, sizeof(buf), "NULL");
	else
		igbx_format_addr(buf, sizeof(buf), a);
	IGBX_LOG(ERR, "%s %s invalid: a unicast, non-zero address is required",
		 param, buf);
	return -EINVAL;
}

static void
igbx_rar_set_entry(struct rte_eth_dev *dev, unsigned int index,
		   const struct rte_ether_addr *a)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);

	rte_ether_addr_copy(a, &fs->rar[index]);
	fs->rar_in_use |= UINT32_C(1) << index;
	igbx_rar_write(IGBX_DEV_HW(dev), index, a);
	igbx_pf_own_rar(dev, index);	/* SR-IOV host: the PF's pool */
}

int
igbx_mac_addr_add(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr,
		  uint32_t index, uint32_t vmdq)
{
	int ret;

	if (index >= IGBX_RAR_ENTRIES) {
		IGBX_LOG(ERR, "index %u invalid: RAR entries are 0..%u",
			 index, IGBX_RAR_ENTRIES - 1);
		return -EINVAL;
	}
	ret = igbx_vmdq_check_pool(dev, vmdq);
	if (ret != 0)
		return ret;
	ret = igbx_check_unicast("mac_addr", mac_addr);
	if (ret != 0)
		return ret;
	/* a new address at index feeds only the pool it is added for */
	if (!rte_is_same_ether_addr(&igbx_filter_of(dev)->rar[index], mac_addr))
		igbx_vmdq_rar_forget(dev, index);
	igbx_rar_set_entry(dev, index, mac_addr);
	igbx_vmdq_rar_add_pool(dev, index, vmdq);	/* RAH.POOLSEL, VMDq only */
	return 0;
}

void
igbx_mac_addr_remove(struct rte_eth_dev *dev, uint32_t index)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);

	if (index >= IGBX_RAR_ENTRIES) {
		IGBX_LOG(ERR, "index %u invalid: RAR entries are 0..%u",
			 index, IGBX_RAR_ENTRIES - 1);
		return;
	}
	memset(&fs->rar[index], 0, sizeof(fs->rar[index]));
	fs->rar_in_use &= ~(UINT32_C(1) << index);
	igbx_vmdq_rar_forget(dev, index);
	igbx_rar_clear(IGBX_DEV_HW(dev), index);
}

/* RAR[0] is the default address (the one the NVM loads after reset). */
int
igbx_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr)
{
	int ret = igbx_check_unicast("mac_addr", mac_addr);

	if (ret != 0)
		return ret;
	igbx_rar_set_entry(dev, 0, mac_addr);
	igbx_vmdq_rar_add_pool(dev, 0, 0);	/* every pool's, in VMDq mode */
	return 0;
}

/* ---- multicast hash (MTA) ----------------------------------------------- */

static void
igbx_mta_write_all(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	unsigned int i;

	for (i = 0; i < IGBX_MTA_WORDS; i++)
		igbx_write(hw, IGBX_MTA(i), fs->mta[i]);
	igbx_pf_mta_refresh(dev);	/* SR-IOV host: the VFs' groups too */
}

static int
igbx_mc_list_check(const struct rte_ether_addr *list, uint32_t nb)
{
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	uint32_t i;

	if (nb != 0 && list == NULL) {
		IGBX_LOG(ERR, "mc_addr_set NULL invalid with nb_mc_addr %u", nb);
		return -EINVAL;
	}
	if (nb > IGBX_MC_ADDR_LIMIT) {
		IGBX_LOG(ERR, "nb_mc_addr %u invalid: at most %u", nb, IGBX_MC_ADDR_LIMIT);
		return -EINVAL;
	}
	for (i = 0; i < nb; i++) {
		if (rte_is_multicast_ether_addr(&list[i]))
			continue;
		igbx_format_addr(buf, sizeof(buf), &list[i]);
		IGBX_LOG(ERR, "mc_addr_set[%u] %s invalid: multicast address required",
			 i, buf);
		return -EINVAL;
	}
	return 0;
}

/* See igbx_filter.h: beyond IGBX_MC_ADDR_MAX entries RCTL.MPE takes over. */
int
igbx_set_mc_addr_list(struct rte_eth_dev *dev,
		      struct rte_ether_addr *mc_addr_set, uint32_t nb_mc_addr)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	uint32_t i;
	int ret;

	ret = igbx_mc_list_check(mc_addr_set, nb_mc_addr);
	if (ret != 0)
		return ret;
	memset(fs->mta, 0, sizeof(fs->mta));
	fs->nb_mc_addr = nb_mc_addr;
	fs->mc_overflow = nb_mc_addr > IGBX_MC_ADDR_MAX;
	if (fs->mc_overflow)
		IGBX_LOG(NOTICE, "%u multicast addresses > %u: multicast promiscuous",
			 nb_mc_addr, IGBX_MC_ADDR_MAX);
	else
		for (i = 0; i < nb_mc_addr; i++)
			igbx_mta_hash_set(fs->mta,
				igbx_mta_hash_index(&mc_addr_set[i], IGBX_MO_USED));
	igbx_mta_write_all(dev);
	igbx_rctl_mode_apply(dev);
	return 0;
}

/* ---- VLAN (VFTA, CTRL.VME, RCTL.VFE, CTRL_EXT.EXT_VLAN, VET) ------------ */

int
igbx_vlan_filter_set(struct rte_eth_dev *dev, uint16_t vlan_id, int on)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	unsigned int idx;

	if (vlan_id > IGBX_VLAN_ID_MAX) {
		IGBX_LOG(ERR, "vlan_id %u invalid: allowed 0..%u",
			 vlan_id, IGBX_VLAN_ID_MAX);
		return -EINVAL;
	}
	idx = igbx_vfta_index(vlan_id);
	if (on)
		fs->vfta[idx] |= igbx_vfta_bit(vlan_id);
	else
		fs->vfta[idx] &= ~igbx_vfta_bit(vlan_id);
	igbx_write(IGBX_DEV_HW(dev), IGBX_VFTA(idx),
		   fs->vfta[idx] | igbx_pf_vfta_bits(dev, idx));	/* and the VFs' */
	return 0;
}

/*
 * VET.VET (15:0) is the ethertype of the only tag in single VLAN mode and of
 * the inner tag in double VLAN mode; VET.VET_EXT (31:16) the outer tag's.
 */
static void
igbx_vet_apply(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);

	igbx_write(IGBX_DEV_HW(dev), IGBX_VET,
		   (uint32_t)fs->tpid_outer << 16 | fs->tpid_inner);
}

/* CTRL.VME strips on every queue; the queues report it in mbuf flags. */
static void
igbx_vlan_strip_apply(struct rte_eth_dev *dev, uint64_t offloads)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (offloads & RTE_ETH_RX_OFFLOAD_VLAN_STRIP)
		igbx_set_bits(hw, IGBX_CTRL, IGBX_CTRL_VME);
	else
		igbx_clear_bits(hw, IGBX_CTRL, IGBX_CTRL_VME);
}

/* CFIEN stays clear: the CFI/DEI bit must not decide acceptance. */
static void
igbx_vlan_filter_apply(struct igbx_hw *hw, uint64_t offloads)
{
	uint32_t rctl = igbx_read(hw, IGBX_RCTL) & ~IGBX_RCTL_CFIEN;

	if (offloads & RTE_ETH_RX_OFFLOAD_VLAN_FILTER)
		rctl |= IGBX_RCTL_VFE;
	else
		rctl &= ~IGBX_RCTL_VFE;
	igbx_write(hw, IGBX_RCTL, rctl);
}

/* Double VLAN (QinQ) mode: frames carry an outer tag matched against VET_EXT. */
static void
igbx_vlan_extend_apply(struct igbx_hw *hw, uint64_t offloads)
{
	if (offloads & RTE_ETH_RX_OFFLOAD_VLAN_EXTEND)
		igbx_set_bits(hw, IGBX_CTRL_EXT, IGBX_CTRL_EXT_EXT_VLAN);
	else
		igbx_clear_bits(hw, IGBX_CTRL_EXT, IGBX_CTRL_EXT_EXT_VLAN);
}

/*
 * The 82576 sees an outer tag only in double VLAN mode (7.4.5), so QINQ_STRIP
 * asked for alone turns that mode on: VLAN_EXTEND joins the port's offloads
 * (ethdev accepts an offload enabled beyond the request) and the outer tag
 * type becomes 802.1ad's S-tag, 0x88a8, until `vlan_tpid_set` says otherwise.
 * The mode goes when QINQ_STRIP goes, unless the application asked for it.
 * Returns the RTE_ETH_VLAN_*_MASK bits whose offload this changed.
 */
int
igbx_qinq_extend_sync(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	uint64_t *offloads = &dev->data->dev_conf.rxmode.offloads;

	if ((*offloads & RTE_ETH_RX_OFFLOAD_QINQ_STRIP) &&
	    !(*offloads & RTE_ETH_RX_OFFLOAD_VLAN_EXTEND)) {
		*offloads |= RTE_ETH_RX_OFFLOAD_VLAN_EXTEND;
		fs->extend_by_qinq = true;
		fs->tpid_outer = RTE_ETHER_TYPE_QINQ;
		igbx_vet_apply(dev);
		IGBX_LOG(NOTICE, "port %u: QINQ_STRIP: double VLAN mode (VLAN_EXTEND) on, "
			 "outer tag type 0x%04x", dev->data->port_id, fs->tpid_outer);
		return RTE_ETH_VLAN_EXTEND_MASK;
	}
	if (!(*offloads & RTE_ETH_RX_OFFLOAD_QINQ_STRIP) && fs->extend_by_qinq) {
		fs->extend_by_qinq = false;
		*offloads &= ~RTE_ETH_RX_OFFLOAD_VLAN_EXTEND;
		return RTE_ETH_VLAN_EXTEND_MASK;
	}
	return 0;
}

int
igbx_vlan_offload_set(struct rte_eth_dev *dev, int mask)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint64_t offloads;

	/* the outer tag is cut out by the driver, and only exists in extend mode */
	if (mask & (RTE_ETH_QINQ_STRIP_MASK | RTE_ETH_VLAN_EXTEND_MASK))
		mask |= igbx_qinq_extend_sync(dev);
	offloads = dev->data->dev_conf.rxmode.offloads;
	if (mask & RTE_ETH_VLAN_STRIP_MASK)
		igbx_vlan_strip_apply(dev, offloads);
	if (mask & RTE_ETH_VLAN_FILTER_MASK)
		igbx_vlan_filter_apply(hw, offloads);
	if (mask & RTE_ETH_VLAN_EXTEND_MASK)
		igbx_vlan_extend_apply(hw, offloads);
	/* per-queue strip flags, frame limit and (when running) the burst */
	igbx_rx_vlan_refresh(dev);
	return 0;
}

/*
 * VET.VET is writable but must hold 0x8100, the 802.1Q type IEEE 802.3ac
 * requires (8.2), so the single tag and the inner tag of QinQ keep it; only
 * the outer tag of VLAN extend mode (VET.VET_EXT) takes another type.
 */
int
igbx_vlan_tpid_set(struct rte_eth_dev *dev, enum rte_vlan_type type,
		   uint16_t tpid)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	bool qinq = dev->data->dev_conf.rxmode.offloads &
		    RTE_ETH_RX_OFFLOAD_VLAN_EXTEND;

	if (type != RTE_ETH_VLAN_TYPE_OUTER && type != RTE_ETH_VLAN_TYPE_INNER) {
		IGBX_LOG(ERR, "vlan_type %d invalid: allowed inner, outer", type);
		return -EINVAL;
	}
	if (type == RTE_ETH_VLAN_TYPE_OUTER && qinq) {
		fs->tpid_outer = tpid;
		igbx_vet_apply(dev);
		return 0;
	}
	if (tpid == fs->tpid_inner)
		return 0;
	IGBX_LOG(ERR, "tpid 0x%04x invalid for this tag: fixed 0x%04x; only the "
		 "outer tag with VLAN extend (QinQ) on is configurable",
		 tpid, fs->tpid_inner);
	return -ENOTSUP;
}

/* ---- probe, restore ----------------------------------------------------- */

void
igbx_filter_init(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t vet = igbx_read(hw, IGBX_VET);

	memset(fs, 0, sizeof(*fs));
	memcpy(fs->rar[0].addr_bytes, hw->mac_perm, RTE_ETHER_ADDR_LEN);
	fs->rar_in_use = 1;
	fs->tpid_inner = (uint16_t)vet ? (uint16_t)vet : RTE_ETHER_TYPE_VLAN;
	fs->tpid_outer = (uint16_t)(vet >> 16) ? (uint16_t)(vet >> 16) :
			 RTE_ETHER_TYPE_VLAN;
	igbx_fc_defaults(dev, &fs->fc);
}

static void
igbx_rar_restore(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	unsigned int i;

	for (i = 0; i < IGBX_RAR_ENTRIES; i++) {
		if (fs->rar_in_use & (UINT32_C(1) << i))
			igbx_rar_write(hw, i, &fs->rar[i]);
		else
			igbx_rar_clear(hw, i);
	}
}

/* RCTL filter bits: MO fixed, broadcast accepted, UPE/MPE/VFE from shadow. */
static void
igbx_rctl_filter_restore(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t rctl = igbx_read(hw, IGBX_RCTL);

	rctl &= ~IGBX_RCTL_MO_MASK;
	rctl |= IGBX_MO_USED << IGBX_RCTL_MO_SHIFT | IGBX_RCTL_BAM;
	igbx_write(hw, IGBX_RCTL, rctl);
	igbx_rctl_mode_apply(dev);
}

int
igbx_filter_restore(struct rte_eth_dev *dev)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	uint64_t offloads = dev->data->dev_conf.rxmode.offloads;
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	unsigned int i;

	igbx_rar_restore(dev);
	igbx_mta_write_all(dev);
	for (i = 0; i < IGBX_VFTA_WORDS; i++)
		igbx_write(hw, IGBX_VFTA(i), fs->vfta[i]);
	igbx_rctl_filter_restore(dev);
	igbx_vet_apply(dev);
	igbx_vlan_strip_apply(dev, offloads);
	igbx_vlan_filter_apply(hw, offloads);
	igbx_vlan_extend_apply(hw, offloads);
	igbx_fc_apply(dev);
	return 0;
}
