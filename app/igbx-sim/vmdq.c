/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vmdq.c - the 82576's internal switch on transmit when the port has VFs
 * (datasheet 7.10.3.x): MAC anti-spoofing per pool and the loopback of a
 * frame from one pool to another (DTXSWC). The receive side of the pools
 * is filter.c's.
 */
#include "engines.h"
#include "model.h"

#define SIM_FCS_BYTES	4u

/* The pools RAH.POOLSEL of an exact match for mac names, 0 if none. */
static uint32_t sim_vmdq_pools_of(struct sim_port *p, const uint8_t *mac)
{
	int rar = sim_rx_rar_find(p, mac);

	if (rar < 0)
		return 0;
	return (sim_reg_peek(p, SIM_RAH((unsigned int)rar)) &
		SIM_RAH_POOL_MASK) >> SIM_RAH_POOL_SHIFT;
}

/*
 * Anti-spoofing: with DTXSWC's MAC anti-spoof bit of the sending pool, a
 * frame whose source address is not one of the pool's is dropped.
 * Loopback (DTXSWC.LOOPBACK_EN, VMDq receive): a unicast frame for another
 * pool's address goes to that pool and not to the wire; a frame for the
 * sending pool itself, broadcast and multicast go to the wire only.
 * Not modelled: replication of broadcast/multicast into the other pools,
 * VLAN anti-spoofing and the VLVF-based switching, LVMMC/MDD reporting.
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
	if (!(dtxswc & SIM_DTXSWC_LOOPBACK_EN) || (f[0] & 1) ||
	    (sim_reg_peek(p, SIM_MRQC) & SIM_MRQC_MRQE_MASK) !=
	    SIM_MRQC_MRQE_VMDQ)
		return false;
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
