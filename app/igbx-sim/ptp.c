/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ptp.c - the 82576's IEEE 1588 unit (datasheet 7.9, registers 8.17): the
 * SYSTIM clock, its adjustment, and RX/TX time stamps latched for PTP frames.
 */
#include <string.h>
#include <time.h>

#include "engines.h"

#define SIM_PTP_TICK_NS		16u	/* TIMINCA.incperiod unit */
#define SIM_PTP_HDR_LEN		34u	/* common PTP header (V2) */
#define SIM_PTP_V1_CONTROL	32u	/* V1 "control" field offset */
#define SIM_PTP_SRC_ID		22u	/* 48 bits of source identity */
#define SIM_PTP_SEQ_ID		30u	/* sequenceId */

/* TSYNCRXCTL.Type (8.17). */
enum sim_ptp_rx_type {
	SIM_PTP_RX_L2_V2 = 0,		/* L2 (ETQF 1588) V2, MSGT message */
	SIM_PTP_RX_L4_V1 = 1,		/* L4 (5-tuple 1588) V1, CTRLT message */
	SIM_PTP_RX_L2_L4_V2 = 2,	/* L2 or L4 V2, MSGT message */
	SIM_PTP_RX_ALL = 4,		/* every received frame */
	SIM_PTP_RX_EVENT_V2 = 5,	/* L2 or L4 V2 event messages (0-3) */
};

/* ---- pure functions --------------------------------------------------- */
/* Every incperiod x 16 ns, incvalue is added to SYSTIM; a zero period or
 * value stops the clock (the drivers stop it by writing TIMINCA = 0).
 */
uint64_t sim_ptp_advance(uint64_t systim, uint32_t timinca,
			 uint64_t elapsed_ns, uint64_t *left_ns)
{
	uint64_t period = (uint64_t)(timinca >> SIM_TIMINCA_INCPERIOD_SHIFT) *
			  SIM_PTP_TICK_NS;
	uint32_t inc = timinca & SIM_TIMINCA_INCVALUE_MASK;

	if (period == 0 || inc == 0) {
		*left_ns = 0;
		return systim;
	}
	*left_ns = elapsed_ns % period;
	return systim + (elapsed_ns / period) * inc;
}

/* Offset of the PTP header: after the ethertype of an ETQF 1588 match,
 * or after the UDP header of a 5-tuple 1588 match; 0 if neither.
 */
static uint32_t sim_ptp_header(uint32_t len, const struct sim_hdrs *h,
			       const struct sim_qfilter_hit *q, bool *l2)
{
	uint32_t off = 0;

	*l2 = false;
	if (q->ts_l2) {
		off = 12 + 4u * h->nb_vlans + 2;
		*l2 = true;
	} else if (q->ts_l4 && h->l4 == SIM_L4_UDP && !h->frag) {
		off = h->l4_off + 8u;
	}
	if (off == 0 || off + SIM_PTP_HDR_LEN > len)
		return 0;
	return off;
}

bool sim_ptp_rx_selected(uint32_t rxctl, uint32_t rxcfg, const uint8_t *f,
			 uint32_t len, const struct sim_hdrs *h,
			 const struct sim_qfilter_hit *q)
{
	unsigned int type = (rxctl >> SIM_TSYNCRXCTL_TYPE_SHIFT) &
			    SIM_TSYNCRXCTL_TYPE_MASK;
	unsigned int version, msg;
	uint32_t off;
	bool l2;

	if (type == SIM_PTP_RX_ALL)
		return true;
	off = sim_ptp_header(len, h, q, &l2);
	if (off == 0)
		return false;
	version = f[off + 1] & 0xfu;
	msg = f[off] & 0xfu;
	/* TSYNCRXCFG: V1 control value 7:0, V2 message id 11:8 */
	switch (type) {
	case SIM_PTP_RX_L2_V2:
		return l2 && version == 2 && msg == ((rxcfg >> 8) & 0xfu);
	case SIM_PTP_RX_L4_V1:
		return !l2 && version == 1 &&
		       f[off + SIM_PTP_V1_CONTROL] == (rxcfg & 0xffu);
	case SIM_PTP_RX_L2_L4_V2:
		return version == 2 && msg == ((rxcfg >> 8) & 0xfu);
	case SIM_PTP_RX_EVENT_V2:
		return version == 2 && msg < 4;
	default:
		return false;
	}
}

/* ---- the clock -------------------------------------------------------- */
static uint64_t sim_ptp_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* SYSTIM now; the base moves to the last tick so nothing is lost when
 * TIMINCA or SYSTIM change next. A device reset (4.3.1) clears the clock.
 */
static uint64_t sim_ptp_systim(struct sim_port *p)
{
	struct sim_ptp_state *c = &p->sh->model.ptp;
	uint64_t now = sim_ptp_mono_ns(), left, systim;

	if (c->resets != (uint32_t)p->sh->reset_count) {
		c->resets = (uint32_t)p->sh->reset_count;
		c->base_systim = 0;
		c->base_ns = now;
	}
	systim = sim_ptp_advance(c->base_systim, sim_reg_peek(p, SIM_TIMINCA),
				 now - c->base_ns, &left);
	c->base_systim = systim;
	c->base_ns = now - left;
	return systim;
}

static void sim_ptp_set_systim(struct sim_port *p, uint64_t systim)
{
	p->sh->model.ptp.base_systim = systim;
}

/* ---- time stamps ------------------------------------------------------ */
static void sim_ptp_latch(struct sim_port *p, uint32_t lo_off)
{
	uint64_t t = sim_ptp_systim(p);

	sim_reg_poke(p, lo_off, (uint32_t)t);
	sim_reg_poke(p, lo_off + 4, (uint32_t)(t >> 32));
}

/* RXSATRL/H: source identity bytes 22-27 and sequenceId, first byte most
 * significant.
 */
static void sim_ptp_latch_attributes(struct sim_port *p, const uint8_t *f,
				     uint32_t off)
{
	const uint8_t *id = f + off + SIM_PTP_SRC_ID;
	const uint8_t *seq = f + off + SIM_PTP_SEQ_ID;

	if (off == 0) {
		sim_reg_poke(p, SIM_RXSATRL, 0);
		sim_reg_poke(p, SIM_RXSATRH, 0);
		return;
	}
	sim_reg_poke(p, SIM_RXSATRL, (uint32_t)id[0] << 24 |
		     (uint32_t)id[1] << 16 | (uint32_t)id[2] << 8 | id[3]);
	sim_reg_poke(p, SIM_RXSATRH, (uint32_t)id[4] << 8 | id[5] |
		     ((uint32_t)seq[0] << 8 | seq[1]) << 16);
}

/* 7.9: a selected frame latches RXSTMP and sets RXTT; the registers stay
 * locked (later frames are not stamped) until software reads RXSTMPH.
 */
bool sim_ptp_rx_stamp(struct sim_port *p, const uint8_t *f, uint32_t len,
		      const struct sim_hdrs *h, const struct sim_qfilter_hit *q)
{
	uint32_t ctl = sim_reg_peek(p, SIM_TSYNCRXCTL);
	bool l2;

	if (!(ctl & SIM_TSYNC_EN) || (ctl & SIM_TSYNC_VALID))
		return false;
	if (!sim_ptp_rx_selected(ctl, sim_reg_peek(p, SIM_TSYNCRXCFG), f, len,
				 h, q))
		return false;
	sim_ptp_latch(p, SIM_RXSTMPL);
	sim_ptp_latch_attributes(p, f, sim_ptp_header(len, h, q, &l2));
	sim_reg_poke(p, SIM_TSYNCRXCTL, ctl | SIM_TSYNC_VALID);
	return true;
}

/* The same for transmit: TXSTMP locked until TXSTMPH is read. */
void sim_ptp_tx_stamp(struct sim_port *p)
{
	uint32_t ctl = sim_reg_peek(p, SIM_TSYNCTXCTL);

	if (!(ctl & SIM_TSYNC_EN) || (ctl & SIM_TSYNC_VALID))
		return;
	sim_ptp_latch(p, SIM_TXSTMPL);
	sim_reg_poke(p, SIM_TSYNCTXCTL, ctl | SIM_TSYNC_VALID);
}

/* ---- register side effects -------------------------------------------- */
bool sim_ptp_read(struct sim_port *p, uint32_t off, uint32_t *val)
{
	uint64_t t;

	switch (off) {
	case SIM_SYSTIML:
		/* reading SYSTIML latches SYSTIMH for the read that follows */
		t = sim_ptp_systim(p);
		p->sh->model.ptp.systimh_latch = (uint32_t)(t >> 32);
		sim_reg_poke(p, SIM_SYSTIML, (uint32_t)t);
		sim_reg_poke(p, SIM_SYSTIMH, (uint32_t)(t >> 32));
		*val = (uint32_t)t;
		return true;
	case SIM_SYSTIMH:
		*val = p->sh->model.ptp.systimh_latch;
		return true;
	case SIM_RXSTMPH:
	case SIM_TXSTMPH: {
		uint32_t ctl = off == SIM_RXSTMPH ? SIM_TSYNCRXCTL
						  : SIM_TSYNCTXCTL;

		/* reading the high half frees the registers for the next */
		*val = sim_reg_peek(p, off);
		sim_reg_poke(p, ctl, sim_reg_peek(p, ctl) & ~SIM_TSYNC_VALID);
		return true;
	}
	default:
		return false;
	}
}

static void sim_ptp_adjust(struct sim_port *p, uint32_t timadjh)
{
	uint64_t adj = (uint64_t)(timadjh & ~SIM_TIMADJH_SIGN) << 32 |
		       sim_reg_peek(p, SIM_TIMADJL);
	uint64_t t = sim_ptp_systim(p);

	sim_ptp_set_systim(p, timadjh & SIM_TIMADJH_SIGN ? t - adj : t + adj);
	sim_reg_poke(p, SIM_TIMADJH, timadjh);
}

bool sim_ptp_write(struct sim_port *p, uint32_t off, uint32_t val)
{
	uint64_t t;

	switch (off) {
	case SIM_SYSTIML:
	case SIM_SYSTIMH:
		t = sim_ptp_systim(p);
		if (off == SIM_SYSTIML)
			t = (t & ~0xffffffffull) | val;
		else
			t = (t & 0xffffffffull) | (uint64_t)val << 32;
		sim_ptp_set_systim(p, t);
		sim_reg_poke(p, off, val);
		return true;
	case SIM_TIMINCA:
		sim_ptp_systim(p);	/* count the ticks of the old rate */
		sim_reg_poke(p, off, val);
		return true;
	case SIM_TIMADJH:
		/* writing the high half applies TIMADJH:TIMADJL, signed */
		sim_ptp_adjust(p, val);
		return true;
	case SIM_TSYNCRXCTL:
	case SIM_TSYNCTXCTL:
		/* RXTT/TXTT are the hardware's */
		sim_reg_poke(p, off, (val & ~SIM_TSYNC_VALID) |
			     (sim_reg_peek(p, off) & SIM_TSYNC_VALID));
		return true;
	case SIM_RXSTMPL:
	case SIM_RXSTMPH:
	case SIM_RXSATRL:
	case SIM_RXSATRH:
	case SIM_TXSTMPL:
	case SIM_TXSTMPH:
		return true;	/* read only */
	default:
		return false;
	}
}
