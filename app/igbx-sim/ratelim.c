/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ratelim.c - the simulated 82576's per-queue transmit rate scheduler
 * (datasheet 8.15): RTTDQSEL selects a TX queue, RTTBCNRC is that queue's
 * rate factor (RS_ENA, link speed / rate as 10.14 fixed point), and the TX
 * engine spaces a limited queue's frames so that they leave at that rate.
 *
 * Known deviation: both registers sit on the 0x3000 page, which is left
 * untrapped for the TX doorbells, so the device sees them when its thread
 * looks (sim_ratelim_tick, every loop) rather than at the access: a write
 * to RTTBCNRC lands on the queue RTTDQSEL selects at that moment, and
 * reading RTTBCNRC after selecting another queue shows that queue's factor
 * once the device thread has run. Two selections and writes faster than
 * one device loop would lose the first.
 */
#include "engines.h"

#define  SIM_RTTBCNRC_RS_ENA	(1u << 31)
#define  SIM_RTTBCNRC_RF_MASK	0x00ffffffu	/* RF_INT 23:14, RF_DEC 13:0 */
#define SIM_RF_ONE		(1u << 14)	/* factor 1.0 */
/* Bytes a frame occupies on the wire beyond its data and FCS: preamble,
 * start delimiter and the inter-packet gap (IEEE 802.3 4.4.2). */
#define SIM_WIRE_OVERHEAD	20u

uint32_t sim_ratelim_factor(const struct sim_port *p, unsigned int q)
{
	return p->sh->model.rate.factor[q];
}

void sim_ratelim_tick(struct sim_port *p)
{
	struct sim_rate_state *r = &p->sh->model.rate;
	uint32_t sel = sim_reg_peek(p, SIM_RTTDQSEL) % SIM_NUM_QUEUES;
	uint32_t val = sim_reg_peek(p, SIM_RTTBCNRC);

	if (val != r->last) {
		/* written: the value belongs to the queue selected now */
		r->factor[sel] = val & (SIM_RTTBCNRC_RS_ENA | SIM_RTTBCNRC_RF_MASK);
	} else if (sel != r->sel) {
		/* another queue selected: RTTBCNRC reads as its factor */
		val = r->factor[sel];
		sim_reg_poke(p, SIM_RTTBCNRC, val);
	}
	r->sel = sel;
	r->last = val;
}

static uint32_t sim_link_mbps(const struct sim_port *p)
{
	switch (sim_reg_peek(p, SIM_STATUS) & SIM_STATUS_SPEED_MASK) {
	case 0:
		return 10;
	case SIM_STATUS_SPEED_100:
		return 100;
	default:
		return 1000;
	}
}

bool sim_ratelim_may_send(const struct sim_port *p, unsigned int q)
{
	uint32_t rf = sim_ratelim_factor(p, q);

	if (!(rf & SIM_RTTBCNRC_RS_ENA))
		return true;
	return sim_mono_ns() >= p->sh->engine.rate_next_ns[q];
}

/*
 * A limited queue sent pkts frames of bytes (with FCS): the next may leave
 * once they would have taken their time at link speed / factor.
 */
void sim_ratelim_sent(const struct sim_port *p, unsigned int q, uint32_t pkts,
		      uint64_t bytes)
{
	uint32_t rf = sim_ratelim_factor(p, q) & SIM_RTTBCNRC_RF_MASK;
	uint64_t bits, now, *next = &p->sh->engine.rate_next_ns[q];

	if (!(sim_ratelim_factor(p, q) & SIM_RTTBCNRC_RS_ENA) || pkts == 0)
		return;
	if (rf < SIM_RF_ONE)
		rf = SIM_RF_ONE;	/* a factor below 1 cannot beat the link */
	bits = (bytes + (uint64_t)pkts * SIM_WIRE_OVERHEAD) * 8;
	now = sim_mono_ns();
	if (*next < now)
		*next = now;
	/* ns per bit at the link is 1000 / Mb/s; the factor stretches it */
	*next += bits * 1000 * rf / ((uint64_t)SIM_RF_ONE * sim_link_mbps(p));
}
