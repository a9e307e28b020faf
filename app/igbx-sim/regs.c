/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * regs.c - the simulated 82576's register file: the table, register reads and
 * writes with their side effects, device reset, and the queue register aliases.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "model.h"
#include "engines.h"	/* sim_ptp_read/write */

#define SIM_REG(n, o, c, s, d, m, t)	{ #n, o, c, s, 0, d, SIM_##m, t },
#define SIM_ARR(n, o, c, s, d, m, t)	{ #n, o, c, s, 0, d, SIM_##m, t },
#define SIM_ALIAS(n, o, c, s, d, m, t)	{ #n, o, c, s, 0, d, SIM_##m, t },
#define SIM_REGX(n, o, c, s, f, d, m, t) { #n, o, c, s, f, d, SIM_##m, t },
const struct sim_reg_desc sim_reg_table[] = {
#include "regs_table.h"
};
#undef SIM_REG
#undef SIM_ARR
#undef SIM_ALIAS
#undef SIM_REGX
const unsigned int sim_reg_table_len =
	sizeof(sim_reg_table) / sizeof(sim_reg_table[0]);

#define SIM_BAR_WORDS	(SIM_BAR0_SIZE / 4)

/* Table index + 1 of the register at each BAR word, 0 if none: one lookup
 * per trapped access instead of a search.
 */
static uint16_t sim_reg_index[SIM_BAR_WORDS];
static pthread_once_t sim_reg_index_once = PTHREAD_ONCE_INIT;

static void sim_reg_index_build(void)
{
	unsigned int i, k;

	for (i = 0; i < sim_reg_table_len; i++) {
		const struct sim_reg_desc *d = &sim_reg_table[i];

		for (k = 0; k < d->count; k++) {
			uint32_t off = d->off + k * d->stride;

			if (off < SIM_BAR0_SIZE)
				sim_reg_index[off >> 2] = (uint16_t)(i + 1);
		}
	}
}

const struct sim_reg_desc *sim_reg_lookup(uint32_t off)
{
	uint16_t i;

	if (off >= SIM_BAR0_SIZE)
		return NULL;
	pthread_once(&sim_reg_index_once, sim_reg_index_build);
	i = sim_reg_index[off >> 2];
	return i ? &sim_reg_table[i - 1] : NULL;
}

const char *sim_reg_name(uint32_t off, char *buf, size_t len)
{
	const struct sim_reg_desc *d = sim_reg_lookup(off & ~3u);

	if (!d)
		snprintf(buf, len, "0x%05x", off);
	else if (d->count == 1)
		snprintf(buf, len, "%s", d->name);
	else
		snprintf(buf, len, "%s[%u]", d->name,
			 d->first + ((off & ~3u) - d->off) / d->stride);
	return buf;
}

void sim_reg_dump(const struct sim_port *p, bool all_regs,
		  void (*fn)(void *arg, const char *line), void *arg)
{
	static const char *const modes[] = { "RW", "RO", "RC", "W1C", "WO", "SC" };
	char line[192], name[32];
	unsigned int i, k;
	uint32_t off, v;

	for (i = 0; i < sim_reg_table_len; i++) {
		const struct sim_reg_desc *d = &sim_reg_table[i];

		for (k = 0; k < d->count; k++) {
			off = d->off + k * d->stride;
			v = sim_reg_peek(p, off);
			if (!all_regs && v == d->dflt)
				continue;
			snprintf(line, sizeof(line), "0x%05x %-14s %-3s 0x%08x %s",
				 off, sim_reg_name(off, name, sizeof(name)),
				 modes[d->mode], v, d->desc);
			fn(arg, line);
		}
	}
}

/* ---- queue register aliases ------------------------------------------- */

uint32_t sim_qreg_canonical(uint32_t off)
{
	const uint32_t rx_end = SIM_RXQ_REG(SIM_NUM_QUEUES, 0);
	const uint32_t tx_end = SIM_TXQ_REG(SIM_NUM_QUEUES, 0);
	const uint32_t stride = SIM_RDBAL_ALIAS_STRIDE;
	uint32_t r = off % stride;

	if ((off >= SIM_RXQ_REG(0, 0) && off < rx_end) ||
	    (off >= SIM_TXQ_REG(0, 0) && off < tx_end))
		return off;
	if (off >= SIM_RXQ_ALIAS(0, 0) && off < SIM_RXQ_ALIAS(SIM_Q_ALIASED, 0) &&
	    r < SIM_Q_BLOCK)
		return SIM_RXQ_REG((off - SIM_RXQ_ALIAS(0, 0)) / stride, r);
	if (off >= SIM_TXQ_ALIAS(0, 0) && off < SIM_TXQ_ALIAS(SIM_Q_ALIASED, 0) &&
	    r < SIM_Q_BLOCK)
		return SIM_TXQ_REG((off - SIM_TXQ_ALIAS(0, 0)) / stride, r);
	return 0;
}

/* Splits a canonical queue offset: queue, TX or not, offset in the block.
 * The TX blocks start a whole number of 16-queue rounds after the RX ones,
 * so one modulo finds the queue of either (this runs on every engine
 * access to a queue register).
 */
_Static_assert(SIM_RXQ_REG(0, 0) % SIM_Q_BLOCK == 0 &&
	       (SIM_TXQ_REG(0, 0) - SIM_RXQ_REG(0, 0)) %
	       (SIM_Q_BLOCK * SIM_NUM_QUEUES) == 0,
	       "queue blocks must be aligned for sim_qreg_split");

static void sim_qreg_split(uint32_t c, unsigned int *q, bool *tx, uint32_t *r)
{
	*tx = c >= SIM_TXQ_REG(0, 0);
	*q = (c / SIM_Q_BLOCK) % SIM_NUM_QUEUES;
	*r = c % SIM_Q_BLOCK;
}

/* The shadow of one word of an aliased block (queues 0-3 only). */
static uint32_t *sim_qreg_shadow(struct sim_port *p, unsigned int q, bool tx,
				 uint32_t r)
{
	return &p->sh->model.q.block[tx][q][r / 4];
}

static uint32_t sim_qreg_alias(unsigned int q, bool tx, uint32_t r)
{
	return tx ? SIM_TXQ_ALIAS(q, r) : SIM_RXQ_ALIAS(q, r);
}

/* The application writes either copy of queues 0-3 directly (the pages are
 * not trapped): whichever copy differs from the shadow is the newer one.
 */
static void sim_qreg_sync(struct sim_port *p, unsigned int q, bool tx,
			  uint32_t r)
{
	uint32_t *sw = sim_qreg_shadow(p, q, tx, r);
	uint32_t a = sim_qreg_alias(q, tx, r);
	uint32_t c = tx ? SIM_TXQ_REG(q, r) : SIM_RXQ_REG(q, r);
	uint32_t av = p->bar[a >> 2], cv = p->bar[c >> 2];

	if (av != *sw) {
		p->bar[c >> 2] = av;
		*sw = av;
	} else if (cv != *sw) {
		p->bar[a >> 2] = cv;
		*sw = cv;
	}
}

static struct sim_queue_state *sim_qstate(struct sim_port *p, unsigned int q,
					  bool tx)
{
	return tx ? &p->sh->txq[q] : &p->sh->rxq[q];
}

static uint32_t *sim_qhead_shadow(struct sim_port *p, unsigned int q, bool tx)
{
	return &p->sh->model.q.head[tx][q];
}

uint32_t sim_qreg_read(struct sim_port *p, uint32_t canonical_off)
{
	unsigned int q;
	uint32_t r;
	bool tx;

	sim_qreg_split(canonical_off, &q, &tx, &r);
	if (q < SIM_Q_ALIASED)
		sim_qreg_sync(p, q, tx, r);
	return p->bar[canonical_off >> 2];
}

/* RQDPC is read to clear: both copies of queues 0-3 and their
 * shadow go to zero, or the next tick would take the old count back.
 * Only trapped reads get here: see SIM_Q_RQDPC in model.h.
 */
static uint32_t sim_qreg_read_clear(struct sim_port *p, uint32_t canonical_off)
{
	unsigned int q;
	uint32_t r;
	bool tx;

	sim_qreg_split(canonical_off, &q, &tx, &r);
	if (q < SIM_Q_ALIASED) {
		sim_qreg_sync(p, q, tx, r);
		p->bar[sim_qreg_alias(q, tx, r) >> 2] = 0;
		*sim_qreg_shadow(p, q, tx, r) = 0;
	}
	return sim_stat_read_clear(p, canonical_off);
}

void sim_qreg_write(struct sim_port *p, uint32_t canonical_off, uint32_t v)
{
	unsigned int q;
	uint32_t r;
	bool tx;

	sim_qreg_split(canonical_off, &q, &tx, &r);
	p->bar[canonical_off >> 2] = v;
	if (q < SIM_Q_ALIASED) {
		p->bar[sim_qreg_alias(q, tx, r) >> 2] = v;
		*sim_qreg_shadow(p, q, tx, r) = v;
	}
	if (r == SIM_Q_HEAD) {
		/* the device moved its head: not a software head write */
		*sim_qhead_shadow(p, q, tx) = v;
		sim_qstate(p, q, tx)->head = v;
	}
}

/* Takes the ring's registers as the device's own copy: base, length, head. */
static void sim_queue_latch(struct sim_port *p, unsigned int q, bool tx)
{
	uint32_t base = tx ? SIM_TXQ_REG(q, 0) : SIM_RXQ_REG(q, 0);
	struct sim_queue_state *qs = sim_qstate(p, q, tx);

	if (q < SIM_Q_ALIASED) {
		sim_qreg_sync(p, q, tx, SIM_Q_BAL);
		sim_qreg_sync(p, q, tx, SIM_Q_BAH);
		sim_qreg_sync(p, q, tx, SIM_Q_LEN);
		sim_qreg_sync(p, q, tx, SIM_Q_HEAD);
	}
	qs->base = (uint64_t)p->bar[(base + SIM_Q_BAH) >> 2] << 32 |
		   (p->bar[(base + SIM_Q_BAL) >> 2] & ~0x7fu);
	qs->len = p->bar[(base + SIM_Q_LEN) >> 2] & 0xfff80u;
	qs->head = p->bar[(base + SIM_Q_HEAD) >> 2];
	*sim_qhead_shadow(p, q, tx) = qs->head;
	qs->enabled = true;
}

/* RXDCTL/TXDCTL.ENABLE edges: latch the ring on enable (7.1.8, 7.2.1.2). */
static void sim_queue_check_enable(struct sim_port *p, unsigned int q, bool tx)
{
	uint32_t off = (tx ? SIM_TXQ_REG(q, 0) : SIM_RXQ_REG(q, 0)) + SIM_Q_DCTL;
	uint32_t *last = &p->sh->model.q.dctl[tx][q];
	uint32_t dctl = p->bar[off >> 2];

	if (dctl == *last)
		return;
	if (dctl & SIM_DCTL_SWFLSH) {
		/* descriptors are written back at once here: flush is done */
		dctl &= ~SIM_DCTL_SWFLSH;
		sim_qreg_write(p, off, dctl);
	}
	if (!((dctl ^ *last) & SIM_DCTL_ENABLE)) {
		*last = dctl;
		return;
	}
	*last = dctl;
	if (dctl & SIM_DCTL_ENABLE)
		sim_queue_latch(p, q, tx);
	else
		sim_qstate(p, q, tx)->enabled = false;
}

/* RCTL.EN / TCTL.EN rising: the unit starts on every queue already enabled
 * (a queue enabled before the unit, with no edge the tick could see).
 */
static void sim_unit_enable(struct sim_port *p, bool tx)
{
	unsigned int q;
	uint32_t off;

	for (q = 0; q < SIM_NUM_QUEUES; q++) {
		off = (tx ? SIM_TXQ_REG(q, 0) : SIM_RXQ_REG(q, 0)) + SIM_Q_DCTL;
		if (q < SIM_Q_ALIASED)
			sim_qreg_sync(p, q, tx, SIM_Q_DCTL);
		if ((p->bar[off >> 2] & SIM_DCTL_ENABLE) &&
		    !sim_qstate(p, q, tx)->enabled) {
			p->sh->model.q.dctl[tx][q] = p->bar[off >> 2];
			sim_queue_latch(p, q, tx);
		}
	}
}

/* Head of an enabled queue: software may write it (igb writes RDH after
 * enabling), the engines advance qs->head; mirror whichever moved.
 */
static void sim_queue_check_head(struct sim_port *p, unsigned int q, bool tx)
{
	uint32_t off = (tx ? SIM_TXQ_REG(q, 0) : SIM_RXQ_REG(q, 0)) + SIM_Q_HEAD;
	struct sim_queue_state *qs = sim_qstate(p, q, tx);
	uint32_t *sw = sim_qhead_shadow(p, q, tx);
	uint32_t reg = p->bar[off >> 2];

	if (!qs->enabled)
		return;
	if (reg != *sw) {
		qs->head = reg;
		*sw = reg;
	} else if (qs->head != *sw) {
		sim_qreg_write(p, off, qs->head);
	}
}

/* Whether either copy of an aliased block differs from its shadow: the
 * common answer is no, so compare 64 bits at a time before word by word.
 * The blocks are 64-byte aligned in the BAR, the shadow blocks 8-byte
 * aligned (sim.h).
 */
typedef uint64_t __attribute__((may_alias)) sim_u64_alias;
_Static_assert((offsetof(struct sim_shared, model) +
		offsetof(struct sim_model_state, q) +
		offsetof(struct sim_qshadow, block)) % 8 == 0 &&
	       sizeof(((struct sim_qshadow *)0)->block[0][0]) % 8 == 0,
	       "64-bit shadow loads must be aligned");

static bool sim_qblock_changed(struct sim_port *p, unsigned int q, bool tx)
{
	const sim_u64_alias *a = (const sim_u64_alias *)(uintptr_t)
		&p->bar[sim_qreg_alias(q, tx, 0) >> 2];
	const sim_u64_alias *c = (const sim_u64_alias *)(uintptr_t)
		&p->bar[(tx ? SIM_TXQ_REG(q, 0) : SIM_RXQ_REG(q, 0)) >> 2];
	const sim_u64_alias *sw =
		(const sim_u64_alias *)sim_qreg_shadow(p, q, tx, 0);
	uint64_t diff = 0;
	unsigned int i;

	for (i = 0; i < 8; i++)
		diff |= (a[i] ^ sw[i]) | (c[i] ^ sw[i]);
	return diff != 0;
}

static void sim_qblock_sync(struct sim_port *p, unsigned int q, bool tx)
{
	uint32_t r;

	if (sim_qblock_changed(p, q, tx))
		for (r = 0; r < SIM_Q_BLOCK; r += 4)
			sim_qreg_sync(p, q, tx, r);
}

void sim_port_tick(struct sim_port *p)
{
	unsigned int q;

	for (q = 0; q < SIM_Q_ALIASED; q++) {
		sim_qblock_sync(p, q, false);
		sim_qblock_sync(p, q, true);
	}
	for (q = 0; q < SIM_NUM_QUEUES; q++) {
		sim_queue_check_enable(p, q, false);
		sim_queue_check_enable(p, q, true);
		sim_queue_check_head(p, q, false);
		sim_queue_check_head(p, q, true);
	}
	sim_ratelim_tick(p);
	sim_intr_tick(p);
	/* autonegotiation timers, and the far end of a pair powering up/down */
	sim_link_update(p);
}

/* ---- reset ------------------------------------------------------------ */

/* Registers a device reset leaves alone: firmware-owned and wake-up state. */
static const uint32_t sim_reset_keep[] = { SIM_FWSM, SIM_SW_FW_SYNC, SIM_WUS };

void sim_regs_reset(struct sim_port *p)
{
	uint32_t keep[sizeof(sim_reset_keep) / sizeof(sim_reset_keep[0])];
	unsigned int i, k;

	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		keep[i] = p->bar[sim_reset_keep[i] >> 2];
	for (i = 0; i < SIM_BAR_WORDS; i++)
		p->bar[i] = 0;
	for (i = 0; i < sim_reg_table_len; i++) {
		const struct sim_reg_desc *d = &sim_reg_table[i];

		for (k = 0; k < d->count; k++)
			p->bar[(d->off + k * d->stride) >> 2] = d->dflt;
	}
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		p->bar[sim_reset_keep[i] >> 2] = keep[i];
	/* the RX packet buffer empties with the rest of the device (4.3.1);
	 * rxfifo is this process's: when the reset comes from another
	 * process, the engines see reset_count move and empty theirs
	 */
	p->rxfifo_used = 0;
	/* queue bookkeeping follows the registers back to their defaults */
	memset(p->sh->rxq, 0, sizeof(p->sh->rxq));
	memset(p->sh->txq, 0, sizeof(p->sh->txq));
	memset(&p->sh->model.q, 0, sizeof(p->sh->model.q));
	memset(&p->sh->model.rate, 0, sizeof(p->sh->model.rate));
	memset(&p->sh->model.itr, 0, sizeof(p->sh->model.itr));
	for (i = 0; i < SIM_NUM_QUEUES; i++) {
		p->sh->model.q.dctl[0][i] = p->bar[SIM_RXQ_REG(i, SIM_Q_DCTL) >> 2];
		p->sh->model.q.dctl[1][i] = p->bar[SIM_TXQ_REG(i, SIM_Q_DCTL) >> 2];
	}
	for (i = 0; i < SIM_Q_ALIASED; i++) {
		for (k = 0; k < SIM_Q_BLOCK / 4; k++) {
			p->sh->model.q.block[0][i][k] =
				p->bar[SIM_RXQ_REG(i, k * 4) >> 2];
			p->sh->model.q.block[1][i][k] =
				p->bar[SIM_TXQ_REG(i, k * 4) >> 2];
		}
	}
	sim_intr_reset(p);
	sim_vf_pf_reset(p);
	/* SerDes boards: the NVM's initialization control 3 word selects the
	 * internal SerDes (CTRL_EXT.LINK_MODE 11b) at every reset
	 */
	if (sim_board_has(&p->board, SIM_BOARD_SERDES))
		p->bar[SIM_CTRL_EXT >> 2] |= SIM_CTRL_EXT_LINK_MODE_SERDES;
	/* the NVM auto-read (4.3.1) loads the MAC address and completes */
	sim_nvm_load_mac(p);
	sim_status_read(p);	/* the STATUS word shows link and LAN id */
}

void sim_port_power_on(struct sim_port *p)
{
	struct sim_shared *sh = p->sh;

	pthread_once(&sim_reg_index_once, sim_reg_index_build);
	memset(&sh->model, 0, sizeof(sh->model));
	memset(&sh->engine, 0, sizeof(sh->engine));
	sh->port_id = p->id;
	sh->link_up = false;
	sh->link_wanted = p->wire != SIM_WIRE_NONE;
	sh->reset_count = 0;
	sh->icr = sh->ims = sh->eicr = sh->eims = 0;
	memset(&sh->faults, 0, sizeof(sh->faults));
	sim_nvm_build(p);
	sim_phy_reset(p);
	sim_regs_reset(p);
}

/* ---- register writes -------------------------------------------------- */

static void sim_ctrl_write(struct sim_port *p, uint32_t val)
{
	uint32_t old = sim_reg_peek(p, SIM_CTRL);

	if (val & SIM_CTRL_RST) {
		/* 4.3.1 software reset: self-clearing, registers to defaults,
		 * NVM reloaded; the PHY keeps its state unless PHY_RST is used.
		 */
		sim_regs_reset(p);
		sim_phy_reset_with_mac(p);
		p->sh->reset_count++;
		return;
	}
	sim_reg_poke(p, SIM_CTRL, val & ~SIM_CTRL_DEV_RST);
	sim_phy_ctrl_write(p, old, val);
}

static void sim_eecd_write(struct sim_port *p, uint32_t val)
{
	const uint32_t sw = 0x7u | SIM_EECD_REQ;	/* SK, CS, DI, REQ */
	uint32_t v = (sim_reg_peek(p, SIM_EECD) & ~(sw | SIM_EECD_GNT)) |
		     (val & sw);

	/* no other agent uses the NVM: a request is granted at once */
	if (v & SIM_EECD_REQ)
		v |= SIM_EECD_GNT;
	sim_reg_poke(p, SIM_EECD, v);
}

static void sim_ctrl_ext_write(struct sim_port *p, uint32_t val)
{
	if (val & SIM_CTRL_EXT_EE_RST)
		sim_nvm_load_mac(p);	/* reload from NVM, then self-clear */
	sim_reg_poke(p, SIM_CTRL_EXT, val & ~SIM_CTRL_EXT_EE_RST);
	/* the PF driver's "reset done" lets the VFs use their mailboxes */
	if (val & SIM_CTRL_EXT_PFRSTD)
		sim_vf_pf_reset_done(p);
}

static void sim_unit_ctl_write(struct sim_port *p, uint32_t off, uint32_t val)
{
	uint32_t en = off == SIM_RCTL ? SIM_RCTL_EN : SIM_TCTL_EN;
	uint32_t old = sim_reg_peek(p, off);

	sim_reg_poke(p, off, val);
	if ((val & en) && !(old & en))
		sim_unit_enable(p, off == SIM_TCTL);
}

static void sim_write_table(struct sim_port *p, uint32_t off, uint32_t val)
{
	const struct sim_reg_desc *d = sim_reg_lookup(off);
	uint32_t c = sim_qreg_canonical(off);

	if (c) {
		sim_qreg_write(p, c, val);
		return;
	}
	switch (d ? d->mode : SIM_RW) {
	case SIM_RO:
	case SIM_WO:
		break;
	case SIM_W1C:
		sim_reg_poke(p, off, sim_reg_peek(p, off) & ~val);
		break;
	default:
		sim_reg_poke(p, off, val);
		break;
	}
}

static void sim_reg_write32(struct sim_port *p, uint32_t off, uint32_t val)
{
	if (sim_intr_write(p, off, val) || sim_ptp_write(p, off, val) ||
	    sim_vf_pf_write(p, off, val))
		return;
	switch (off) {
	case SIM_CTRL:
		sim_ctrl_write(p, val);
		break;
	case SIM_EECD:
		sim_eecd_write(p, val);
		break;
	case SIM_EERD:
		sim_nvm_eerd_write(p, val);
		break;
	case SIM_EEWR:
		sim_nvm_eewr_write(p, val);
		break;
	case SIM_CTRL_EXT:
		sim_ctrl_ext_write(p, val);
		break;
	case SIM_MDIC:
		sim_phy_mdic_write(p, val);
		break;
	case SIM_I2CCMD:
		sim_sfp_i2ccmd_write(p, val);
		break;
	case SIM_RCTL:
	case SIM_TCTL:
		sim_unit_ctl_write(p, off, val);
		break;
	case SIM_SWSM:
		sim_reg_poke(p, off, val & 0xfu);
		break;
	case SIM_SW_FW_SYNC:
		/* bits 31:16 belong to the (absent) firmware */
		sim_reg_poke(p, off, val & SIM_SW_FW_SYNC_SW_MASK);
		break;
	default:
		sim_write_table(p, off, val);
		break;
	}
}

/* Registers where a narrow write means "these bits", not "merge". */
static bool sim_reg_is_command(uint32_t off)
{
	const struct sim_reg_desc *d = sim_reg_lookup(off);

	return d && (d->mode == SIM_WO || d->mode == SIM_W1C ||
		     off == SIM_ICR || off == SIM_IMS || off == SIM_EIMS ||
		     off == SIM_EICR);
}

void sim_reg_write(struct sim_port *p, uint32_t off, uint32_t val,
		   unsigned int size)
{
	uint32_t shift, mask, word = off & ~3u;

	if (off >= SIM_BAR0_SIZE)
		return;
	if (size < 4) {
		shift = (off & 3u) * 8;
		mask = (size == 1 ? 0xffu : 0xffffu) << shift;
		val = (val << shift) & mask;
		if (!sim_reg_is_command(word))
			val |= sim_reg_peek(p, word) & ~mask;
	}
	sim_reg_write32(p, word, val);
}

/* ---- register reads --------------------------------------------------- */

static uint32_t sim_reg_read32(struct sim_port *p, uint32_t off)
{
	const struct sim_reg_desc *d;
	uint32_t v, c;

	if (sim_intr_read(p, off, &v) || sim_ptp_read(p, off, &v) ||
	    sim_vf_pf_read(p, off, &v))
		return v;
	switch (off) {
	case SIM_STATUS:
		return sim_status_read(p);
	case SIM_PCS_LSTAT:
		return sim_pcs_lstat_read(p);
	case SIM_SWSM:
		/* 8.7: reading SWSM sets SMBI; the reader that saw it
		 * clear owns the semaphore
		 */
		v = sim_reg_peek(p, off);
		sim_reg_poke(p, off, v | SIM_SWSM_SMBI);
		return v;
	default:
		break;
	}
	c = sim_qreg_canonical(off);
	if (c && c < SIM_TXQ_REG(0, 0) && c % SIM_Q_BLOCK == SIM_Q_RQDPC)
		return sim_qreg_read_clear(p, c);
	if (c)
		return sim_qreg_read(p, c);
	d = sim_reg_lookup(off);
	if (d && d->mode == SIM_RC)
		return sim_stat_read_clear(p, off);
	if (d && d->mode == SIM_WO)
		return 0;
	return sim_reg_peek(p, off);
}

uint32_t sim_reg_read(struct sim_port *p, uint32_t off, unsigned int size)
{
	uint32_t v;

	if (off >= SIM_BAR0_SIZE)
		return 0xffffffffu;
	v = sim_reg_read32(p, off & ~3u);
	if (size < 4)
		v = (v >> ((off & 3u) * 8)) & (size == 1 ? 0xffu : 0xffffu);
	return v;
}
