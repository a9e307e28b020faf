/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vf.c - SR-IOV virtual functions of a port (datasheet 7.8): each VF's own
 * register map (8.24), the PF/VF mailbox (7.8.2: VMBMEM, P2VMAILBOX,
 * V2PMAILBOX, MBVFICR, MBVFIMR, ICR.VMMB), the VF function level reset
 * (VTCTRL.RST, VFLRE) and the PF reset handshake (RSTI/RSTD, PFRSTD).
 *
 * A VF keeps nothing of its own in its BAR file: its queue registers are
 * views of the port's pool queues (vf and vf + 8), so that the engines,
 * which run on the port, need not know about VFs; they only count the
 * VF's statistics.
 * The state lives in the port's shared state, under the port's lock.
 */
#include <string.h>

#include "model.h"

#define SIM_MBX_HELD	(SIM_MBX_VFU | SIM_MBX_PFU)
#define SIM_MBX_V2P_RC	(SIM_MBX_PFSTS | SIM_MBX_PFACK | SIM_MBX_RSTD)
#define SIM_MBX_V2P_SEEN (SIM_MBX_HELD | SIM_MBX_V2P_RC | SIM_MBX_RSTI)
#define SIM_VF_QBLOCK	0x100u		/* VF queue block stride */

static struct sim_vf_state *vf_state(struct sim_port *p, unsigned int vf)
{
	return &p->sh->vf[vf];
}

static uint32_t vf_mbmem_off(unsigned int vf, unsigned int word)
{
	return SIM_REG_AT(VMBMEM, vf * SIM_MBX_WORDS + word);
}

/* A mailbox event for the VF: its mailbox cause goes to the vector
 * VTIVAR_MISC names (byte 0: valid bit 7, vector 1:0).
 */
static void vf_mailbox_event(struct sim_port *p, unsigned int vf)
{
	struct sim_vf_state *s = vf_state(p, vf);

	if (s->ivar_misc & SIM_IVAR_VALID)
		s->eicr |= 1u << (s->ivar_misc & 3u);
}

/* A mailbox or reset event for the PF: ICR.VMMB when the VF's MBVFIMR bit
 * is set. Despite the register's name a set bit enables the VF's
 * interrupt, and all eight are set at reset (0xFF), so a PF driver that
 * never writes MBVFIMR (DPDK's igb host only adds VMMB to IMS) hears every
 * VF. The bit covers the VF's requests, acks and resets (VFLRE) alike.
 */
static void vf_pf_event(struct sim_port *p, unsigned int vf)
{
	if (sim_reg_peek(p, SIM_MBVFIMR) & (1u << vf))
		sim_irq_raise(p, SIM_ICR_VMMB);
}

/* ---- the VF side -------------------------------------------------------- */

static uint32_t vf_v2p_read(struct sim_port *p, unsigned int vf)
{
	struct sim_vf_state *s = vf_state(p, vf);
	uint32_t v = s->mbx & SIM_MBX_V2P_SEEN;

	s->mbx &= ~SIM_MBX_V2P_RC;
	return v;
}

static void vf_v2p_write(struct sim_port *p, unsigned int vf, uint32_t val)
{
	struct sim_vf_state *s = vf_state(p, vf);

	/* VFU: the VF takes the buffer unless the PF holds it; a write
	 * without VFU gives it back
	 */
	if (!(val & SIM_MBX_VFU))
		s->mbx &= ~SIM_MBX_VFU;
	else if (!(s->mbx & SIM_MBX_PFU))
		s->mbx |= SIM_MBX_VFU;
	if (val & SIM_MBX_REQ)
		sim_reg_poke(p, SIM_MBVFICR,
			     sim_reg_peek(p, SIM_MBVFICR) | SIM_MBVFICR_VFREQ(vf));
	if (val & SIM_MBX_ACK)
		sim_reg_poke(p, SIM_MBVFICR,
			     sim_reg_peek(p, SIM_MBVFICR) | SIM_MBVFICR_VFACK(vf));
	if (val & (SIM_MBX_REQ | SIM_MBX_ACK))
		vf_pf_event(p, vf);
}

/* Register r of the pool queue behind VF queue i, or 0 when off is not in
 * a VF queue block.
 */
static uint32_t vf_queue_reg(unsigned int vf, uint32_t off)
{
	uint32_t base, r;
	unsigned int i;
	bool tx;

	if (off >= SIM_VF_RXQ && off < SIM_VF_RXQ + SIM_VF_QUEUES * SIM_VF_QBLOCK)
		tx = false;
	else if (off >= SIM_VF_TXQ &&
		 off < SIM_VF_TXQ + SIM_VF_QUEUES * SIM_VF_QBLOCK)
		tx = true;
	else
		return 0;
	base = tx ? SIM_VF_TXQ : SIM_VF_RXQ;
	i = (off - base) / SIM_VF_QBLOCK;
	r = (off - base) % SIM_VF_QBLOCK;
	if (r >= SIM_Q_BLOCK)
		return 0;
	if (!tx && r >= SIM_Q_TDWBAL)
		return 0;
	return tx ? SIM_TXQ_REG(SIM_VF_POOL_QUEUE(vf, i), r) :
		    SIM_RXQ_REG(SIM_VF_POOL_QUEUE(vf, i), r);
}

/* Back to the defaults: the pool's queues stop, their registers go back
 * to their reset values (the table's), as after a device reset.
 */
static void vf_queues_reset(struct sim_port *p, unsigned int vf)
{
	unsigned int i, tx;
	uint32_t r;

	for (i = 0; i < SIM_VF_QUEUES; i++) {
		for (tx = 0; tx < 2; tx++) {
			unsigned int q = SIM_VF_POOL_QUEUE(vf, i);

			for (r = 0; r < SIM_Q_BLOCK; r += 4) {
				uint32_t off = tx ? SIM_TXQ_REG(q, r) :
						    SIM_RXQ_REG(q, r);
				const struct sim_reg_desc *d = sim_reg_lookup(off);

				if (d && d->mode != SIM_RC && d->mode != SIM_RO)
					sim_reg_write(p, off, d->dflt, 4);
			}
		}
	}
}

/* VTCTRL.RST (7.8.2, VF function level reset): the VF's interrupt
 * registers and queues to defaults, its RX/TX enables (VFRE/VFTE) off,
 * its mailbox ownership dropped; the PF learns of it through VFLRE.
 */
static void vf_flr(struct sim_port *p, unsigned int vf)
{
	struct sim_vf_state *s = vf_state(p, vf);
	uint32_t keep = s->mbx & SIM_MBX_RSTI;
	uint64_t resets = s->resets;

	memset(s, 0, sizeof(*s));
	s->mbx = keep;
	s->resets = resets + 1;
	vf_queues_reset(p, vf);
	sim_reg_poke(p, SIM_VFRE, sim_reg_peek(p, SIM_VFRE) & ~(1u << vf));
	sim_reg_poke(p, SIM_VFTE, sim_reg_peek(p, SIM_VFTE) & ~(1u << vf));
	sim_reg_poke(p, SIM_VFLRE, sim_reg_peek(p, SIM_VFLRE) | (1u << vf));
	vf_pf_event(p, vf);
}

/* STATUS as the VF sees it: link, speed and duplex of the port. */
static uint32_t vf_status(struct sim_port *p)
{
	return sim_reg_read(p, SIM_STATUS, 4) &
	       (SIM_STATUS_FD | SIM_STATUS_LU | SIM_STATUS_SPEED_MASK);
}

static uint32_t vf_read32(struct sim_port *p, unsigned int vf, uint32_t off)
{
	struct sim_vf_state *s = vf_state(p, vf);
	uint32_t q, v;

	if (off >= SIM_VF_MBMEM && off < SIM_VF_MBMEM + 4 * SIM_MBX_WORDS)
		return sim_reg_peek(p, vf_mbmem_off(vf, (off - SIM_VF_MBMEM) / 4));
	if (off >= SIM_VF_EITR(0) && off < SIM_VF_EITR(SIM_VF_VECTORS))
		return s->eitr[(off - SIM_VF_EITR(0)) / 4];
	q = vf_queue_reg(vf, off);
	if (q)
		return sim_reg_read(p, q, 4);
	switch (off) {
	case SIM_VF_CTRL:
		return 0;
	case SIM_VF_STATUS:
		return vf_status(p);
	case SIM_VF_EIMS:
		return s->eims;
	case SIM_VF_EIAC:
		return s->eiac;
	case SIM_VF_EIAM:
		return s->eiam;
	case SIM_VF_EICR:
		v = s->eicr;
		s->eicr = 0;
		return v;
	case SIM_VF_IVAR:
		return s->ivar;
	case SIM_VF_IVAR_MISC:
		return s->ivar_misc;
	case SIM_VF_V2PMAILBOX:
		return vf_v2p_read(p, vf);
	case SIM_VF_GPRC:
		return s->gprc;
	case SIM_VF_GPTC:
		return s->gptc;
	case SIM_VF_GORC:
		return s->gorc;
	case SIM_VF_GOTC:
		return s->gotc;
	case SIM_VF_MPRC:
		return s->mprc;
	case SIM_VF_GPRLBC:
		return s->gprlbc;
	case SIM_VF_GPTLBC:
		return s->gptlbc;
	case SIM_VF_GORLBC:
		return s->gorlbc;
	case SIM_VF_GOTLBC:
		return s->gotlbc;
	default:
		return 0;
	}
}

static void vf_write32(struct sim_port *p, unsigned int vf, uint32_t off,
		       uint32_t val)
{
	struct sim_vf_state *s = vf_state(p, vf);
	uint32_t q;

	if (off >= SIM_VF_MBMEM && off < SIM_VF_MBMEM + 4 * SIM_MBX_WORDS) {
		/* the buffer is the owner's to write */
		if (s->mbx & SIM_MBX_VFU)
			sim_reg_poke(p, vf_mbmem_off(vf, (off - SIM_VF_MBMEM) / 4),
				     val);
		return;
	}
	if (off >= SIM_VF_EITR(0) && off < SIM_VF_EITR(SIM_VF_VECTORS)) {
		s->eitr[(off - SIM_VF_EITR(0)) / 4] = val & 0x7ffcu;
		return;
	}
	q = vf_queue_reg(vf, off);
	if (q) {
		sim_reg_write(p, q, val, 4);
		return;
	}
	switch (off) {
	case SIM_VF_CTRL:
		if (val & SIM_VF_CTRL_RST)
			vf_flr(p, vf);
		break;
	case SIM_VF_EICS:
		s->eicr |= val & SIM_VF_EICR_MASK;
		break;
	case SIM_VF_EIMS:
		s->eims |= val & SIM_VF_EICR_MASK;
		break;
	case SIM_VF_EIMC:
		s->eims &= ~val;
		break;
	case SIM_VF_EIAC:
		s->eiac = val & SIM_VF_EICR_MASK;
		break;
	case SIM_VF_EIAM:
		s->eiam = val & SIM_VF_EICR_MASK;
		break;
	case SIM_VF_EICR:
		s->eicr &= ~val;
		break;
	case SIM_VF_IVAR:
		s->ivar = val & 0x8383u;	/* RX and TX entries */
		break;
	case SIM_VF_IVAR_MISC:
		s->ivar_misc = val & 0x83u;
		break;
	case SIM_VF_V2PMAILBOX:
		vf_v2p_write(p, vf, val);
		break;
	default:
		break;		/* read-only or not a VF register */
	}
}

uint32_t sim_vf_reg_read(struct sim_port *p, unsigned int vf, uint32_t off,
			 unsigned int size)
{
	uint32_t v;

	if (vf >= p->nb_vfs || off >= SIM_VF_BAR0_SIZE)
		return 0xffffffffu;
	v = vf_read32(p, vf, off & ~3u);
	if (size < 4)
		v = (v >> ((off & 3u) * 8)) & (size == 1 ? 0xffu : 0xffffu);
	return v;
}

void sim_vf_reg_write(struct sim_port *p, unsigned int vf, uint32_t off,
		      uint32_t val, unsigned int size)
{
	uint32_t shift, mask, word = off & ~3u;

	if (vf >= p->nb_vfs || off >= SIM_VF_BAR0_SIZE)
		return;
	if (size < 4) {
		/* a narrow write merges into the word, except where a
		 * write is a command (mailbox, causes, masks)
		 */
		shift = (off & 3u) * 8;
		mask = (size == 1 ? 0xffu : 0xffffu) << shift;
		val = (val << shift) & mask;
		if (word != SIM_VF_V2PMAILBOX && word != SIM_VF_CTRL &&
		    (word < SIM_VF_EICS || word > SIM_VF_EICR))
			val |= vf_read32(p, vf, word) & ~mask;
	}
	vf_write32(p, vf, word, val);
}

/* ---- the PF side -------------------------------------------------------- */

/* Which VF a P2VMAILBOX or VMBMEM offset is for; -1 when none. */
static int pf_mbx_vf(uint32_t off, uint32_t first, uint32_t span)
{
	if (off < first || off >= first + span * SIM_MAX_VFS)
		return -1;
	return (int)((off - first) / span);
}

bool sim_vf_pf_read(struct sim_port *p, uint32_t off, uint32_t *val)
{
	int vf = pf_mbx_vf(off, SIM_P2VMAILBOX_0, SIM_P2VMAILBOX_STRIDE);

	if (vf >= 0) {
		*val = vf_state(p, (unsigned int)vf)->mbx & SIM_MBX_HELD;
		return true;
	}
	return false;	/* VMBMEM and the cause registers read as stored */
}

bool sim_vf_pf_write(struct sim_port *p, uint32_t off, uint32_t val)
{
	struct sim_vf_state *s;
	int vf = pf_mbx_vf(off, SIM_P2VMAILBOX_0, SIM_P2VMAILBOX_STRIDE);

	if (vf >= 0) {
		s = vf_state(p, (unsigned int)vf);
		if (!(val & SIM_MBX_PFU))
			s->mbx &= ~SIM_MBX_PFU;
		else if (!(s->mbx & SIM_MBX_VFU))
			s->mbx |= SIM_MBX_PFU;
		if (val & SIM_P2V_RVFU)
			s->mbx &= ~SIM_MBX_VFU;
		if (val & SIM_P2V_STS)
			s->mbx |= SIM_MBX_PFSTS;
		if (val & SIM_P2V_ACK)
			s->mbx |= SIM_MBX_PFACK;
		if (val & (SIM_P2V_STS | SIM_P2V_ACK))
			vf_mailbox_event(p, (unsigned int)vf);
		return true;
	}
	vf = pf_mbx_vf(off, SIM_VMBMEM_0, 4 * SIM_MBX_WORDS);
	if (vf >= 0) {
		/* the buffer is the owner's to write */
		if (vf_state(p, (unsigned int)vf)->mbx & SIM_MBX_PFU)
			sim_reg_poke(p, off, val);
		return true;
	}
	return false;
}

/* The VF whose pool queue q is, or -1 (the PF's pools, or no VFs). */
static int vf_of_queue(const struct sim_port *p, unsigned int q)
{
	return (q & 7u) < p->nb_vfs ? (int)(q & 7u) : -1;
}

void sim_vf_count_rx(struct sim_port *p, unsigned int q, uint32_t bytes,
		     bool mcast)
{
	int vf = vf_of_queue(p, q);

	if (vf < 0)
		return;
	vf_state(p, (unsigned int)vf)->gprc++;
	vf_state(p, (unsigned int)vf)->gorc += bytes;
	if (mcast)
		vf_state(p, (unsigned int)vf)->mprc++;
}

void sim_vf_count_tx(struct sim_port *p, unsigned int q, uint32_t pkts,
		     uint32_t bytes)
{
	int vf = vf_of_queue(p, q);

	if (vf < 0)
		return;
	vf_state(p, (unsigned int)vf)->gptc += pkts;
	vf_state(p, (unsigned int)vf)->gotc += bytes;
}

void sim_vf_count_loopback(struct sim_port *p, unsigned int from,
			   unsigned int to, uint32_t bytes)
{
	int vf = vf_of_queue(p, from);

	if (vf >= 0) {
		vf_state(p, (unsigned int)vf)->gptlbc++;
		vf_state(p, (unsigned int)vf)->gotlbc += bytes;
	}
	vf = vf_of_queue(p, to);
	if (vf >= 0) {
		vf_state(p, (unsigned int)vf)->gprlbc++;
		vf_state(p, (unsigned int)vf)->gorlbc += bytes;
	}
}

void sim_vf_pf_reset(struct sim_port *p)
{
	unsigned int vf;

	/* the VFs see the PF in reset until its driver sets PFRSTD */
	for (vf = 0; vf < SIM_MAX_VFS; vf++) {
		struct sim_vf_state *s = vf_state(p, vf);
		uint64_t resets = s->resets;

		memset(s, 0, sizeof(*s));
		s->resets = resets;
		s->mbx = SIM_MBX_RSTI;
	}
}

void sim_vf_pf_reset_done(struct sim_port *p)
{
	unsigned int vf;

	for (vf = 0; vf < p->nb_vfs && vf < SIM_MAX_VFS; vf++) {
		struct sim_vf_state *s = vf_state(p, vf);

		if (!(s->mbx & SIM_MBX_RSTI))
			continue;
		s->mbx = (s->mbx & ~SIM_MBX_RSTI) | SIM_MBX_RSTD;
		vf_mailbox_event(p, vf);
	}
}
