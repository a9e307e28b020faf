/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vmdq.c - the 82576's pools (datasheet 7.10.3): which pools a received
 * frame goes to (RAH.POOLSEL, VLVF, VMOLR, VT_CTL, replication) and the
 * internal switch on transmit (VMVIR tag insertion, MAC and VLAN
 * anti-spoofing, DTXSWC loopback from one pool to another).
 */
#include "engines.h"
#include "model.h"

#define SIM_FCS_BYTES		4u
#define SIM_POOL_MAX_UNTAGGED	1518u	/* with FCS, VMOLR.LPE clear */
#define SIM_ALL_POOLS		((1u << SIM_NUM_POOLS) - 1u)

/* The pools RAH.POOLSEL of an exact match for mac names, 0 if none. */
static uint32_t sim_vmdq_pools_of(struct sim_port *p, const uint8_t *mac)
{
	int rar = sim_rx_rar_find(p, mac);

	if (rar < 0)
		return 0;
	return (sim_reg_peek(p, SIM_RAH((unsigned int)rar)) &
		SIM_RAH_POOL_MASK) >> SIM_RAH_POOL_SHIFT;
}

/* The pools whose VMOLR has any of bits set. */
static uint32_t sim_vmdq_pools_with(struct sim_port *p, uint32_t bits)
{
	uint32_t pools = 0;

	for (unsigned int i = 0; i < SIM_NUM_POOLS; i++)
		if (sim_reg_peek(p, SIM_VMOLR(i)) & bits)
			pools |= 1u << i;
	return pools;
}

uint32_t sim_vmdq_vlan_pools(struct sim_port *p, uint16_t vid)
{
	for (unsigned int i = 0; i < SIM_VLVF_COUNT; i++) {
		uint32_t vlvf = sim_reg_peek(p, SIM_VLVF(i));

		if ((vlvf & SIM_VLVF_VI_EN) &&
		    (vlvf & SIM_VLVF_VLANID_MASK) == (vid & 0xfffu))
			return (vlvf & SIM_VLVF_POOL_MASK) >> SIM_VLVF_POOL_SHIFT;
	}
	return 0;
}

/* The unicast hash table (UTA, 8.10) is indexed like the MTA (RCTL.MO). */
static bool sim_vmdq_uta_match(struct sim_port *p, const uint8_t *da)
{
	uint32_t mo = (sim_reg_peek(p, SIM_RCTL) & SIM_RCTL_MO_MASK) >>
		      SIM_RCTL_MO_SHIFT;
	uint32_t idx = sim_mta_index(da, mo);

	return (sim_reg_peek(p, SIM_UTA(idx >> 5)) >> (idx & 31)) & 1u;
}

static bool sim_vmdq_mta_match(struct sim_port *p, const uint8_t *da)
{
	uint32_t mo = (sim_reg_peek(p, SIM_RCTL) & SIM_RCTL_MO_MASK) >>
		      SIM_RCTL_MO_SHIFT;
	uint32_t idx = sim_mta_index(da, mo);

	return (sim_reg_peek(p, SIM_MTA(idx >> 5)) >> (idx & 31)) & 1u;
}

/* The pools among pools whose long packet limit the frame fits: VMOLR.LPE
 * with its RLPML, else a standard frame (one tag more when tagged).
 */
static uint32_t sim_vmdq_len_filter(struct sim_port *p, uint32_t pools,
				    uint32_t wire_len, bool tagged)
{
	uint32_t max_std = SIM_POOL_MAX_UNTAGGED + (tagged ? 4u : 0u);

	if (wire_len <= max_std)
		return pools;
	for (unsigned int i = 0; i < SIM_NUM_POOLS; i++) {
		uint32_t vmolr = sim_reg_peek(p, SIM_VMOLR(i));
		uint32_t max = max_std;

		if (!(pools & (1u << i)))
			continue;
		if (vmolr & SIM_VMOLR_LPE)
			max = vmolr & SIM_VMOLR_RLPML_MASK;
		if (wire_len > max)
			pools &= ~(1u << i);
	}
	return pools;
}

/* Replication on (VT_CTL.REPL_EN, 7.10.3): every pool that asks for the
 * frame by address (exact RAH.POOLSEL match; broadcast with VMOLR.BAM;
 * multicast with MPME, or ROMPE and an MTA hit; unicast with ROPE and a
 * UTA hit), then kept only where the VLAN lets it in: a tagged frame in
 * the pools of its VLVF entry, an untagged one in pools with AUPE.
 * VT_CTL.IGNORE_MAC makes an exact match count for every pool.
 */
static uint32_t sim_vmdq_replicated(struct sim_port *p, const uint8_t *da,
				    const struct sim_hdrs *h,
				    const struct sim_rx_verdict *v,
				    uint32_t vt)
{
	uint32_t pools = 0;

	if (v->rar >= 0)
		pools = (vt & SIM_VT_CTL_IGNORE_MAC) ? SIM_ALL_POOLS :
			sim_vmdq_pools_of(p, da);
	if (v->bcast) {
		pools |= sim_vmdq_pools_with(p, SIM_VMOLR_BAM);
	} else if (da[0] & 1) {
		pools |= sim_vmdq_pools_with(p, SIM_VMOLR_MPME);
		if (sim_vmdq_mta_match(p, da))
			pools |= sim_vmdq_pools_with(p, SIM_VMOLR_ROMPE);
	} else if (v->rar < 0 && sim_vmdq_uta_match(p, da)) {
		pools |= sim_vmdq_pools_with(p, SIM_VMOLR_ROPE);
	}
	if (!pools)
		return 0;
	if (h->vlan_off)
		return pools & sim_vmdq_vlan_pools(p, h->vlan_tci);
	return pools & sim_vmdq_pools_with(p, SIM_VMOLR_AUPE);
}

/* Replication off (7.10.3): one pool, from the exact unicast match's
 * RAH.POOLSEL, or with VT_CTL.IGNORE_MAC from the tag's VLVF entry; the
 * lowest pool when software named several. Others: the default pool.
 */
static uint32_t sim_vmdq_single(struct sim_port *p, const uint8_t *da,
				const struct sim_hdrs *h,
				const struct sim_rx_verdict *v, uint32_t vt)
{
	uint32_t pools = 0;

	if (!v->accept)
		return 0;
	if (vt & SIM_VT_CTL_IGNORE_MAC) {
		if (h->vlan_off)
			pools = sim_vmdq_vlan_pools(p, h->vlan_tci);
	} else if (v->rar >= 0 && !(da[0] & 1)) {
		pools = sim_vmdq_pools_of(p, da);
	}
	return pools & (0u - pools);	/* the lowest bit */
}

uint32_t sim_vmdq_rx_pools(struct sim_port *p, const uint8_t *f, uint32_t len,
			   const struct sim_hdrs *h,
			   const struct sim_rx_verdict *v)
{
	uint32_t vt = sim_reg_peek(p, SIM_VT_CTL), pools;

	if (vt & SIM_VT_CTL_REPL_EN)
		pools = sim_vmdq_replicated(p, f, h, v, vt);
	else
		pools = sim_vmdq_single(p, f, h, v, vt);
	pools = sim_vmdq_len_filter(p, pools, len + SIM_FCS_BYTES,
				    h->vlan_off != 0);
	/* the default pool takes what passed the L2 filters but no pool */
	if (!pools && v->accept && !(vt & SIM_VT_CTL_DIS_DEF_PL))
		pools = 1u << ((vt >> SIM_VT_CTL_DEF_PL_SHIFT) & 7u);
	/* with VFs (IOV mode) a pool receives only while VFRE enables it */
	if (p->nb_vfs)
		pools &= sim_reg_peek(p, SIM_VFRE);
	return pools;
}

bool sim_vmdq_strips(struct sim_port *p, unsigned int q)
{
	return (sim_reg_peek(p, SIM_MRQC) & SIM_MRQC_MRQE_MASK) ==
	       SIM_MRQC_MRQE_VMDQ &&
	       (sim_reg_peek(p, SIM_VMOLR(q & 7u)) & SIM_VMOLR_STRVLAN);
}

/* ---- transmit ---------------------------------------------------------- */
int sim_vmdq_tx_vlan(struct sim_port *p, unsigned int q, bool *vle,
		     uint16_t *tci)
{
	uint32_t vmvir = sim_reg_peek(p, SIM_VMVIR(q & 7u));

	switch (vmvir & SIM_VMVIR_VLANA_MASK) {
	case SIM_VMVIR_VLANA_ALWAYS:
		*vle = true;
		*tci = (uint16_t)(vmvir & SIM_VMVIR_VID_MASK);
		return 1;
	case SIM_VMVIR_VLANA_NEVER:
		*vle = false;
		return 1;
	default:
		return 0;
	}
}

/* VLAN anti-spoofing (DTXSWC bits 15:8): a tagged frame leaves the pool
 * only for a VLAN whose VLVF entry has the pool as a member.
 */
static bool sim_vmdq_vlan_spoofed(struct sim_port *p, unsigned int pool,
				  const uint8_t *f, uint32_t len)
{
	uint16_t vet = (uint16_t)(sim_reg_peek(p, SIM_VET) & SIM_VET_VET_MASK);
	uint16_t vid;

	if (len < 18 || (uint16_t)(f[12] << 8 | f[13]) != vet)
		return false;
	vid = (uint16_t)((f[14] << 8 | f[15]) & 0xfffu);
	return !(sim_vmdq_vlan_pools(p, vid) & (1u << pool));
}

/* Loopback of a broadcast or multicast frame: the wire gets it, and so
 * does every other pool that takes it as if it came from the wire.
 */
static void sim_vmdq_tx_flood(struct sim_port *p, unsigned int pool,
			      const uint8_t *f, uint32_t len)
{
	uint32_t to = sim_rx_frame_switched(p, f, len, pool);

	while (to) {
		sim_vf_count_loopback(p, pool, (unsigned int)__builtin_ctz(to),
				      len + SIM_FCS_BYTES);
		to &= to - 1;
	}
}

/*
 * Anti-spoofing: with DTXSWC's MAC anti-spoof bit of the sending pool, a
 * frame whose source address is not one of the pool's is dropped; with its
 * VLAN anti-spoof bit, a frame tagged for a VLAN the pool is not in.
 * Loopback (DTXSWC.LOOPBACK_EN, VMDq receive): a unicast frame for another
 * pool's address goes to that pool and not to the wire; one for the sending
 * pool itself to the wire only; broadcast and multicast to the wire and to
 * the other pools that take them. Not modelled: LVMMC/MDD reporting.
 */
bool sim_vmdq_tx_switch(struct sim_port *p, unsigned int q, const uint8_t *f,
			uint32_t len)
{
	uint32_t dtxswc = sim_reg_peek(p, SIM_DTXSWC), pools;
	unsigned int pool = q & 7u, to;

	if (len < 14)
		return false;
	if ((dtxswc & SIM_DTXSWC_MAC_SPOOF(pool)) &&
	    !(sim_vmdq_pools_of(p, f + 6) & (1u << pool)))
		return true;
	if ((dtxswc & SIM_DTXSWC_VLAN_SPOOF(pool)) &&
	    sim_vmdq_vlan_spoofed(p, pool, f, len))
		return true;
	if (!(dtxswc & SIM_DTXSWC_LOOPBACK_EN) ||
	    (sim_reg_peek(p, SIM_MRQC) & SIM_MRQC_MRQE_MASK) !=
	    SIM_MRQC_MRQE_VMDQ)
		return false;
	if (f[0] & 1) {
		sim_vmdq_tx_flood(p, pool, f, len);
		return false;
	}
	pools = sim_vmdq_pools_of(p, f);
	if (!pools)
		return false;
	to = (unsigned int)__builtin_ctz(pools);
	if (to == pool)
		return false;
	sim_vf_count_loopback(p, pool, to, len + SIM_FCS_BYTES);
	sim_rx_frame(p, f, len, true);
	return true;
}
