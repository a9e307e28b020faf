/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * intr.c - the simulated 82576's interrupt logic (datasheet 7.3, 8.8): ICR/IMS
 * legacy causes, EICR/EIMS vectors, IVAR mapping, auto-clear and auto-mask.
 */
#include <string.h>

#include "engines.h"	/* sim_mono_ns */

static bool sim_intr_msix(const struct sim_port *p)
{
	return sim_reg_peek(p, SIM_GPIE) & SIM_GPIE_MSIX_MODE;
}

static bool *sim_intr_asserted(struct sim_port *p)
{
	return &p->sh->model.itr.asserted;
}

/* The BAR words mirror the state so that `peek` shows it. */
static void sim_intr_mirror(struct sim_port *p)
{
	sim_reg_poke(p, SIM_ICR, p->sh->icr);
	sim_reg_poke(p, SIM_IMS, p->sh->ims);
	sim_reg_poke(p, SIM_EICR, p->sh->eicr);
	sim_reg_poke(p, SIM_EIMS, p->sh->eims);
}

void sim_intr_reset(struct sim_port *p)
{
	p->sh->icr = p->sh->ims = p->sh->eicr = p->sh->eims = 0;
	*sim_intr_asserted(p) = false;
	p->sh->model.itr.vec_waiting = 0;
	memset(p->sh->model.itr.vec_next_ns, 0,
	       sizeof(p->sh->model.itr.vec_next_ns));
	sim_intr_mirror(p);
}

/* Unmasked causes: legacy ones and, in any mode, the extended vectors. */
static bool sim_intr_pending(const struct sim_port *p)
{
	return (p->sh->icr & p->sh->ims) || (p->sh->eicr & p->sh->eims);
}

/* EITR interval (bits 14:2, microseconds) of the INTx/MSI interrupt. */
static uint64_t sim_intr_itr_ns(const struct sim_port *p)
{
	return (uint64_t)((sim_reg_peek(p, SIM_EITR(0)) >> 2) & 0x1fffu) * 1000u;
}

static uint64_t sim_intr_next_ns(const struct sim_port *p)
{
	return p->sh->model.itr.next_ns;
}

/*
 * Interrupt moderation (7.3.4) of the INTx/MSI interrupt: after it asserts,
 * EITR[0]'s interval must pass before it asserts again; causes that come
 * sooner wait (sim_intr_tick fires them when the interval ends). MSI-X
 * vectors: sim_intr_msix_send.
 */
static bool sim_intr_moderated(struct sim_port *p)
{
	uint64_t itr = sim_intr_itr_ns(p), now, next;

	if (sim_intr_msix(p) || itr == 0)
		return false;
	now = sim_mono_ns();
	if (now < sim_intr_next_ns(p)) {
		p->sh->model.itr.waiting = true;
		return true;
	}
	next = now + itr;
	p->sh->model.itr.next_ns = next;
	p->sh->model.itr.waiting = false;
	return false;
}

/* EITR(v) interval (bits 14:2, microseconds) in ns. */
static uint64_t sim_intr_vec_itr_ns(const struct sim_port *p, unsigned int v)
{
	return (uint64_t)((sim_reg_peek(p, SIM_EITR(v)) >> 2) & 0x1fffu) * 1000u;
}

/*
 * MSI-X mode (7.3.1, 7.3.4): vectors are independent. A vector sends its
 * message when a cause mapped to it is signalled while its EIMS bit is set,
 * or when EIMS unmasks its pending EICR bit (`events`). EITR(v) moderates
 * each vector: a message due before the interval since the vector's last
 * one ended waits (sim_intr_tick sends it then, if still pending). A sent
 * vector's EICR bit is auto-cleared by EIAC and, with GPIE.EIAME, its EIMS
 * bit auto-masked by EIAM.
 */
static void sim_intr_msix_send(struct sim_port *p, uint32_t events)
{
	struct sim_shared *sh = p->sh;
	struct sim_itr_state *itr = &sh->model.itr;
	uint32_t due = events & sh->eicr & sh->eims, fired = 0;
	uint64_t now = 0, ival;
	unsigned int v;

	for (v = 0; v < SIM_MSIX_EITR; v++) {
		if (!(due & (1u << v)))
			continue;
		ival = sim_intr_vec_itr_ns(p, v);
		if (ival) {
			if (!now)
				now = sim_mono_ns();
			if (now < itr->vec_next_ns[v]) {
				itr->vec_waiting |= 1u << v;
				continue;
			}
			itr->vec_next_ns[v] = now + ival;
		}
		itr->vec_waiting &= ~(1u << v);
		fired |= 1u << v;
	}
	if (fired) {
		*sim_intr_asserted(p) = true;
		sim_stat_add(p, SIM_IAC, 1);
		sh->eicr &= ~(fired & sim_reg_peek(p, SIM_EIAC));
		if (sim_reg_peek(p, SIM_GPIE) & SIM_GPIE_EIAME)
			sh->eims &= ~(fired & sim_reg_peek(p, SIM_EIAM));
	}
	sim_intr_mirror(p);
	if (fired)
		sim_platform_signal_msix(p, fired);
}

/*
 * INTx/MSI: asserts the interrupt when an unmasked cause is pending and
 * something new became visible (a new cause or a mask bit set over a
 * pending cause), and moderation allows it now. In MSI-X mode `events` are
 * the vectors signalled (sim_intr_msix_send).
 */
static void sim_intr_evaluate(struct sim_port *p, bool news, uint32_t events)
{
	if (sim_intr_msix(p)) {
		sim_intr_msix_send(p, events);
		return;
	}
	if (!sim_intr_pending(p) || (!news && *sim_intr_asserted(p)) ||
	    sim_intr_moderated(p)) {
		sim_intr_mirror(p);
		return;
	}
	*sim_intr_asserted(p) = true;
	sim_stat_add(p, SIM_IAC, 1);
	sim_intr_mirror(p);
	sim_platform_signal_irq(p);
}

/* The "other causes" vector of IVAR_MISC, or -1 when not valid. */
static int sim_intr_other_vector(const struct sim_port *p)
{
	uint32_t b = (sim_reg_peek(p, SIM_IVAR_MISC) >>
		      SIM_IVAR_MISC_OTHER_SHIFT) & 0xffu;

	return (b & SIM_IVAR_VALID) ? (int)(b & SIM_IVAR_VECTOR_MASK) : -1;
}

static void sim_intr_set_causes(struct sim_port *p, uint32_t icr_bits)
{
	struct sim_shared *sh = p->sh;
	uint32_t before = sh->icr & sh->ims, ebefore = sh->eicr & sh->eims;
	uint32_t events = 0;
	int vec;

	sh->icr |= icr_bits & ~SIM_ICR_INT_ASSERTED;
	if (sim_intr_msix(p) && (icr_bits & sh->ims)) {
		vec = sim_intr_other_vector(p);
		if (vec >= 0) {
			sh->eicr |= 1u << vec;
			events = 1u << vec;
		}
	}
	sim_intr_evaluate(p, (sh->icr & sh->ims) != before ||
			  (sh->eicr & sh->eims) != ebefore, events);
}

void sim_irq_raise(struct sim_port *p, uint32_t icr_bits)
{
	sim_intr_set_causes(p, icr_bits);
}

void sim_irq_queue(struct sim_port *p, unsigned int q, bool tx)
{
	struct sim_shared *sh = p->sh;
	uint32_t ivar, entry, before = sh->eicr & sh->eims;
	uint32_t icr_before = sh->icr & sh->ims, events = 0;

	if (q >= SIM_NUM_QUEUES)
		return;
	/* IVAR[q & 7]: byte 0 RX q, 1 TX q, 2 RX q+8, 3 TX q+8 (7.3.3) */
	ivar = sim_reg_peek(p, SIM_IVAR(q & 7u));
	entry = (ivar >> (((q & 8u) ? 16 : 0) + (tx ? 8 : 0))) & 0xffu;
	if (entry & SIM_IVAR_VALID) {
		events = 1u << (entry & SIM_IVAR_VECTOR_MASK);
		sh->eicr |= events;
	}
	if (!sim_intr_msix(p))
		sh->icr |= tx ? SIM_ICR_TXDW : SIM_ICR_RXDW;
	sim_intr_evaluate(p, (sh->eicr & sh->eims) != before ||
			  (sh->icr & sh->ims) != icr_before, events);
}

/*
 * ICR read (8.8.1): returns the causes with INT_ASSERTED; clears them unless
 * MSI-X mode without GPIE.NSICR and no interrupt asserted. With
 * CTRL_EXT.IAME the read also auto-masks the IAM bits.
 */
static uint32_t sim_icr_read(struct sim_port *p)
{
	struct sim_shared *sh = p->sh;
	bool *asserted = sim_intr_asserted(p);
	uint32_t v = sh->icr | (*asserted ? SIM_ICR_INT_ASSERTED : 0);
	uint32_t gpie = sim_reg_peek(p, SIM_GPIE);

	if (!(gpie & SIM_GPIE_MSIX_MODE) || (gpie & SIM_GPIE_NSICR) ||
	    *asserted) {
		sh->icr = 0;
		*asserted = false;
	}
	if (v && (sim_reg_peek(p, SIM_CTRL_EXT) & SIM_CTRL_EXT_IAME))
		sh->ims &= ~sim_reg_peek(p, SIM_IAM);
	sim_intr_mirror(p);
	return v;
}

/* EICR read clears it; without GPIE.EIAME, EIAM masks on the read. */
static uint32_t sim_eicr_read(struct sim_port *p)
{
	struct sim_shared *sh = p->sh;
	uint32_t v = sh->eicr;

	sh->eicr = 0;
	if (!(sim_reg_peek(p, SIM_GPIE) & SIM_GPIE_EIAME))
		sh->eims &= ~(v & sim_reg_peek(p, SIM_EIAM));
	if (!sim_intr_pending(p))
		*sim_intr_asserted(p) = false;
	sim_intr_mirror(p);
	return v;
}

bool sim_intr_read(struct sim_port *p, uint32_t off, uint32_t *val)
{
	switch (off) {
	case SIM_ICR:
		*val = sim_icr_read(p);
		return true;
	case SIM_EICR:
		*val = sim_eicr_read(p);
		return true;
	case SIM_IMS:
		*val = p->sh->ims;
		return true;
	case SIM_EIMS:
		*val = p->sh->eims;
		return true;
	case SIM_ICS:
	case SIM_IMC:
	case SIM_EICS:
	case SIM_EIMC:
		*val = 0;	/* write-only */
		return true;
	default:
		return false;
	}
}

static void sim_intr_clear(struct sim_port *p, uint32_t *causes, uint32_t val)
{
	*causes &= ~val;
	if (!sim_intr_pending(p))
		*sim_intr_asserted(p) = false;
	sim_intr_mirror(p);
}

bool sim_intr_write(struct sim_port *p, uint32_t off, uint32_t val)
{
	struct sim_shared *sh = p->sh;
	uint32_t before, events;

	switch (off) {
	case SIM_ICR:
		sim_intr_clear(p, &sh->icr, val);	/* write 1 to clear */
		return true;
	case SIM_EICR:
		sim_intr_clear(p, &sh->eicr, val);
		return true;
	case SIM_IMC:
		sim_intr_clear(p, &sh->ims, val);
		return true;
	case SIM_EIMC:
		sim_intr_clear(p, &sh->eims, val);
		return true;
	case SIM_ICS:
		sim_intr_set_causes(p, val);
		return true;
	case SIM_EICS:
		before = sh->eicr & sh->eims;
		sh->eicr |= val;
		sim_intr_evaluate(p, (sh->eicr & sh->eims) != before, val);
		return true;
	case SIM_IMS:
		before = sh->icr & sh->ims;
		sh->ims |= val;
		sim_intr_evaluate(p, (sh->icr & sh->ims) != before, 0);
		return true;
	case SIM_EIMS:
		before = sh->eicr & sh->eims;
		events = val & ~sh->eims;	/* unmasked now */
		sh->eims |= val;
		sim_intr_evaluate(p, (sh->eicr & sh->eims) != before, events);
		return true;
	default:
		return false;
	}
}

/* Each device loop: a moderated interrupt whose interval ended fires now,
 * if its causes are still pending and unmasked. */
void sim_intr_tick(struct sim_port *p)
{
	struct sim_itr_state *itr = &p->sh->model.itr;

	if (itr->vec_waiting && sim_intr_msix(p)) {
		itr->vec_waiting &= p->sh->eicr & p->sh->eims;
		if (itr->vec_waiting)
			sim_intr_msix_send(p, itr->vec_waiting);
		return;
	}
	if (!p->sh->model.itr.waiting ||
	    sim_mono_ns() < sim_intr_next_ns(p))
		return;
	p->sh->model.itr.waiting = false;
	sim_intr_evaluate(p, true, 0);
}
