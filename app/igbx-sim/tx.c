/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * tx.c - the 82576's transmit path (datasheet 7.2): descriptors from head to
 * tail, legacy and advanced formats, checksum and VLAN offloads, TSO, wire.
 */
#include <string.h>
#include <time.h>

#include "engines.h"

#define SIM_TX_DESC_SIZE	16u
#define SIM_TX_BUDGET		256u		/* packets per queue per poll */
#define SIM_TX_MIN_FRAME	60u		/* TCTL.PSP pads to this (no FCS) */
#define SIM_TX_PAYLEN_MAX	(1u << 18)	/* PAYLEN is 18 bits */
#define SIM_TX_BUF_SIZE		(SIM_TX_PAYLEN_MAX + 1024u)
#define SIM_FCS_LEN		4u
#define SIM_CTX_PER_QUEUE	2u

/* A context descriptor as stored in one of a queue's two slots. */
struct sim_tx_ctx {
	uint32_t vlan_macip;	/* VLAN 31:16, MACLEN 15:9, IPLEN 8:0 */
	uint32_t tucmd;		/* dword 2 */
	uint32_t mss_l4len;	/* dword 3 */
};

/* Where a queue's ring is in host memory. */
struct sim_tx_ring {
	struct sim_port *p;
	unsigned int q;
	uint64_t base;
	uint8_t *va;		/* the whole ring mapped, or NULL */
	uint32_t count;
	bool vmvir_always;	/* the pool's VMVIR inserts a tag in every frame */
};

/* Counters gathered over one poll of a queue, added once at its end. */
struct sim_tx_tally {
	unsigned int q;			/* the queue sending */
	uint32_t pkts, bcast, mcast, tso, tso_fail;
	uint32_t bins[6];
	uint64_t bytes;
};

/* Device-thread private: contexts and the staging buffers. */
static struct sim_tx_ctx sim_tx_ctxs[SIM_MAX_PORTS][SIM_NUM_QUEUES]
				    [SIM_CTX_PER_QUEUE];
static uint8_t sim_tx_buf[SIM_TX_BUF_SIZE + 4];
static uint8_t sim_tx_seg[SIM_MAX_FRAME + 4];

static volatile uint32_t *sim_tx_desc(const struct sim_tx_ring *r,
				      uint32_t i)
{
	if (r->va)
		return (volatile uint32_t *)(r->va + i * SIM_TX_DESC_SIZE);
	return sim_dma_ptr(r->base + (uint64_t)i * SIM_TX_DESC_SIZE,
			   SIM_TX_DESC_SIZE);
}

static uint32_t sim_tx_next(const struct sim_tx_ring *r, uint32_t i)
{
	return i + 1 == r->count ? 0 : i + 1;
}

/* ---- frames onto the wire --------------------------------------------- */
static void sim_tx_tally_frame(struct sim_tx_tally *t, const uint8_t *f,
			       uint32_t len)
{
	static const uint16_t top[6] = { 64, 127, 255, 511, 1023, 1522 };
	uint32_t wire_len = len + SIM_FCS_LEN;

	t->pkts++;
	t->bytes += wire_len;
	if (f[0] & 1) {
		if ((f[0] & f[1] & f[2] & f[3] & f[4] & f[5]) == 0xff)
			t->bcast++;
		else
			t->mcast++;
	}
	for (unsigned int i = 0; i < 6; i++) {
		if (wire_len <= top[i]) {
			t->bins[i] += wire_len >= 64;
			break;
		}
	}
}

static void sim_tx_tally_flush(struct sim_port *p, unsigned int q,
			       const struct sim_tx_tally *t)
{
	if (t->tso)
		sim_stat_add(p, SIM_TSCTC, t->tso);
	if (t->tso_fail)
		sim_stat_add(p, SIM_TSCTFC, t->tso_fail);
	if (!t->pkts)
		return;
	sim_stat_add(p, SIM_GPTC, t->pkts);
	sim_stat_add(p, SIM_TPT, t->pkts);
	sim_stat_add64(p, SIM_GOTCL, t->bytes);
	sim_stat_add64(p, SIM_TOTL, t->bytes);
	sim_stat_add(p, SIM_PQGPTC(q), t->pkts);
	sim_stat_add(p, SIM_PQGOTC(q), (uint32_t)t->bytes);
	if (p->nb_vfs)
		sim_vf_count_tx(p, q, t->pkts, (uint32_t)t->bytes);
	if (t->bcast)
		sim_stat_add(p, SIM_BPTC, t->bcast);
	if (t->mcast)
		sim_stat_add(p, SIM_MPTC, t->mcast);
	for (unsigned int i = 0; i < 6; i++)
		if (t->bins[i])
			sim_stat_add(p, SIM_PTC64 + 4 * i, t->bins[i]);
}

/* MAC loopback (RCTL.LBM = 01) turns the frame back to this port's RX;
 * with VFs the internal switch may keep it (vmdq.c).
 */
static void sim_tx_emit(struct sim_port *p, const uint8_t *f, uint32_t len,
			struct sim_tx_tally *t)
{
	if (sim_mac_loopback(p))
		sim_rx_frame(p, f, len, true);
	else if (!p->nb_vfs || !sim_vmdq_tx_switch(p, t->q, f, len))
		sim_wire_send(p, f, len);
	sim_tx_tally_frame(t, f, len);
}

/* VLAN insertion, then padding of short frames (TCTL.PSP), in place: buf
 * has room for 4 more bytes and the padding.
 */
static uint32_t sim_tx_finish(struct sim_port *p, unsigned int q,
			      uint8_t *buf, uint32_t len, bool vle,
			      uint16_t tci)
{
	/* the pool's VMVIR may insert its own tag or none (7.10.3) */
	sim_vmdq_tx_vlan(p, q, &vle, &tci);
	if (vle && len >= 12) {
		uint16_t tpid = (uint16_t)(sim_reg_peek(p, SIM_VET) &
					   SIM_VET_VET_MASK);

		memmove(buf + 16, buf + 12, len - 12);
		buf[12] = (uint8_t)(tpid >> 8);
		buf[13] = (uint8_t)tpid;
		buf[14] = (uint8_t)(tci >> 8);
		buf[15] = (uint8_t)tci;
		len += 4;
	}
	if (len < SIM_TX_MIN_FRAME &&
	    (sim_reg_peek(p, SIM_TCTL) & SIM_TCTL_PSP)) {
		memset(buf + len, 0, SIM_TX_MIN_FRAME - len);
		len = SIM_TX_MIN_FRAME;
	}
	return len;
}

/* Copies the buffers of descriptors first..first+nb-1 into sim_tx_buf. */
static uint32_t sim_tx_gather(const struct sim_tx_ring *r, uint32_t first,
			      uint32_t nb)
{
	uint32_t len = 0, i = first;

	for (uint32_t k = 0; k < nb; k++, i = sim_tx_next(r, i)) {
		volatile uint32_t *d = sim_tx_desc(r, i);
		uint64_t addr = d[0] | (uint64_t)d[1] << 32;
		uint32_t n = d[2] & SIM_TXD_LEN_MASK;

		if (len + n > SIM_TX_BUF_SIZE)
			return 0;
		if (n && sim_dma_read(addr, sim_tx_buf + len, n) != 0)
			return 0;
		len += n;
	}
	return len;
}

/* A single-buffer frame that needs no change goes out straight from host
 * memory: no copy on the way to the wire.
 */
static bool sim_tx_direct(const struct sim_tx_ring *r, uint32_t i,
			  struct sim_tx_tally *t)
{
	volatile uint32_t *d = sim_tx_desc(r, i);
	uint64_t addr = d[0] | (uint64_t)d[1] << 32;
	uint32_t len = d[2] & SIM_TXD_LEN_MASK;
	const uint8_t *f;

	if (len < SIM_TX_MIN_FRAME &&
	    (sim_reg_peek(r->p, SIM_TCTL) & SIM_TCTL_PSP))
		return false;
	if (r->vmvir_always)
		return false;
	f = sim_dma_ptr(addr, len);
	if (!f || len < 6)
		return false;
	sim_dma_note(f, len);
	sim_tx_emit(r->p, f, len, t);
	return true;
}

/* ---- legacy descriptors (datasheet 7.2.2.2) --------------------------- */
/* IC, CSO, CSS, VLE and VLAN are taken from the EOP descriptor. */
static void sim_tx_legacy(const struct sim_tx_ring *r, uint32_t first,
			  uint32_t nb, uint32_t eop, struct sim_tx_tally *t)
{
	volatile uint32_t *e = sim_tx_desc(r, eop);
	uint32_t cmd = e[2], sta = e[3], len;
	uint32_t css = (sta >> SIM_TXD_CSS_SHIFT) & 0xff;
	uint32_t cso = (cmd >> SIM_TXD_CSO_SHIFT) & 0xff;

	if (nb == 1 && !(cmd & (SIM_TXD_CMD_IC | SIM_TXD_CMD_VLE)) &&
	    sim_tx_direct(r, first, t))
		return;
	len = sim_tx_gather(r, first, nb);
	if (len == 0)
		return;
	/* the checksum field holds the driver's seed; the sum covers it */
	if ((cmd & SIM_TXD_CMD_IC) && css < len && cso + 2 <= len) {
		uint16_t c = (uint16_t)~sim_csum_fold(
			sim_csum_add(0, sim_tx_buf + css, len - css));

		sim_tx_buf[cso] = (uint8_t)(c >> 8);
		sim_tx_buf[cso + 1] = (uint8_t)c;
	}
	len = sim_tx_finish(r->p, r->q, sim_tx_buf, len, cmd & SIM_TXD_CMD_VLE,
			    (uint16_t)(sta >> SIM_TXD_VLAN_SHIFT));
	sim_tx_emit(r->p, sim_tx_buf, len, t);
}

/* ---- advanced descriptors (datasheet 7.2.3) --------------------------- */
static struct sim_tx_ctx *sim_tx_ctx_slot(const struct sim_tx_ring *r,
					  uint32_t idx_field)
{
	/* two contexts per queue: only the low bit of IDX selects one */
	return &sim_tx_ctxs[r->p->id % SIM_MAX_PORTS][r->q]
			   [(idx_field >> SIM_TXD_IDX_SHIFT) & 1];
}

static void sim_tx_offload_from(struct sim_port *p,
				const struct sim_tx_ctx *c, uint32_t sta,
				struct sim_tx_offload *o)
{
	uint32_t flg_lo = sim_reg_peek(p, SIM_DTXTCPFLGL);

	o->l3_off = (c->vlan_macip >> SIM_TXC_MACLEN_SHIFT) &
		    SIM_TXC_MACLEN_MASK;
	o->l4_off = o->l3_off + (c->vlan_macip & SIM_TXC_IPLEN_MASK);
	o->l4_len = (c->mss_l4len >> SIM_TXC_L4LEN_SHIFT) & 0xff;
	o->mss = (uint16_t)(c->mss_l4len >> SIM_TXC_MSS_SHIFT);
	o->ipv4 = c->tucmd & SIM_TXC_TUCMD_IPV4;
	o->l4t = (c->tucmd >> SIM_TXC_L4T_SHIFT) & SIM_TXC_L4T_MASK;
	o->ip_csum = sta & SIM_TXD_POPTS_IXSM;
	o->l4_csum = sta & SIM_TXD_POPTS_TXSM;
	o->tcp_mask_first = flg_lo & 0xfff;
	o->tcp_mask_mid = (flg_lo >> 16) & 0xfff;
	o->tcp_mask_last = sim_reg_peek(p, SIM_DTXTCPFLGH) & 0xfff;
}

/* TSO (datasheet 7.2.4): one frame per MSS of payload, headers copied. */
static void sim_tx_tso(struct sim_port *p, uint32_t len,
		       const struct sim_tx_offload *o, bool vle, uint16_t tci,
		       struct sim_tx_tally *t)
{
	uint32_t hdr = o->l4_off + o->l4_len, nb;

	if (o->mss == 0 || hdr > len || hdr + o->mss + 4 > SIM_MAX_FRAME ||
	    o->l4_off < o->l3_off + 20 || o->l4_len == 0) {
		t->tso_fail++;
		return;
	}
	nb = sim_tso_count(len - hdr, o->mss);
	for (uint32_t s = 0; s < nb; s++) {
		uint32_t n = sim_tso_segment(sim_tx_buf, len, o, s, sim_tx_seg);

		n = sim_tx_finish(p, t->q, sim_tx_seg, n, vle, tci);
		sim_tx_emit(p, sim_tx_seg, n, t);
	}
	t->tso++;
}

/* PAYLEN, POPTS and IDX are read from the first data descriptor. */
static void sim_tx_advanced(const struct sim_tx_ring *r, uint32_t first,
			    uint32_t nb, struct sim_tx_tally *t)
{
	volatile uint32_t *d = sim_tx_desc(r, first);
	uint32_t cmd = d[2], sta = d[3], len;
	bool vle = cmd & SIM_TXD_CMD_VLE, tse = cmd & SIM_TXD_CMD_TSE;
	bool sums = sta & (SIM_TXD_POPTS_IXSM | SIM_TXD_POPTS_TXSM);
	const struct sim_tx_ctx *c = sim_tx_ctx_slot(r, sta);
	struct sim_tx_offload o;

	/* 7.9: the 1588 unit samples SYSTIM as the frame goes out */
	if (cmd & SIM_TXD_MAC_TSTAMP)
		sim_ptp_tx_stamp(r->p);
	if (nb == 1 && !vle && !tse && !sums && sim_tx_direct(r, first, t))
		return;
	len = sim_tx_gather(r, first, nb);
	if (len == 0)
		return;
	sim_tx_offload_from(r->p, c, sta, &o);
	if (tse) {
		sim_tx_tso(r->p, len, &o, vle, (uint16_t)(c->vlan_macip >> 16),
			   t);
		return;
	}
	if (sums)
		sim_tx_checksum(sim_tx_buf, len, &o, false);
	len = sim_tx_finish(r->p, r->q, sim_tx_buf, len, vle,
			    (uint16_t)(c->vlan_macip >> 16));
	sim_tx_emit(r->p, sim_tx_buf, len, t);
}

/* ---- the queue -------------------------------------------------------- */
static bool sim_tx_is_context(uint32_t cmd)
{
	return (cmd & SIM_TXD_CMD_DEXT) &&
	       ((cmd & SIM_TXD_DTYP_MASK) >> SIM_TXD_DTYP_SHIFT) ==
	       SIM_TXD_DTYP_CTXT;
}

/* Descriptors from i to the EOP one, or 0 if the tail comes first. */
static uint32_t sim_tx_span(const struct sim_tx_ring *r, uint32_t i,
			    uint32_t tail, uint32_t *eop)
{
	uint32_t nb = 0;

	while (i != tail) {
		volatile uint32_t *d = sim_tx_desc(r, i);

		if (!d)
			return 0;
		sim_dma_note(d, SIM_TX_DESC_SIZE);
		nb++;
		if (d[2] & SIM_TXD_CMD_EOP) {
			*eop = i;
			return nb;
		}
		i = sim_tx_next(r, i);
	}
	return 0;
}

/* Status write-back: DD in every descriptor that asked for it with RS
 * (not with head write-back, which replaces it). True if any asked.
 */
static bool sim_tx_report(const struct sim_tx_ring *r, uint32_t first,
			  uint32_t nb, bool head_wb)
{
	bool rs = false;

	for (uint32_t k = 0, i = first; k < nb; k++, i = sim_tx_next(r, i)) {
		volatile uint32_t *d = sim_tx_desc(r, i);

		if (!(d[2] & SIM_TXD_CMD_RS) || sim_tx_is_context(d[2]))
			continue;
		rs = true;
		if (!head_wb)
			sim_wb_store(r->p, true, r->q, &d[3], d[3] | SIM_TXD_STA_DD);
	}
	return rs;
}

static void sim_tx_head_write_back(struct sim_port *p, unsigned int q,
				   uint32_t head)
{
	uint32_t lo = sim_qreg_read(p, SIM_TXQ_REG(q, SIM_Q_TDWBAL));
	uint64_t hi = sim_qreg_read(p, SIM_TXQ_REG(q, SIM_Q_TDWBAH));

	sim_dma_write(hi << 32 | (lo & ~3u), &head, sizeof(head));
}

/* One step from head: a context descriptor stored, or a whole packet sent.
 * Returns the descriptors used, 0 when the packet's EOP is not in yet.
 */
static uint32_t sim_tx_step(const struct sim_tx_ring *r, uint32_t head,
			    uint32_t tail, struct sim_tx_tally *t)
{
	volatile uint32_t *d = sim_tx_desc(r, head);
	uint32_t eop = head, nb, cmd;

	if (!d) {
		sim_log("port %u txq %u: descriptor %u not in host memory",
			r->p->id, r->q, head);
		return 0;
	}
	cmd = d[2];
	if (sim_tx_is_context(cmd)) {
		struct sim_tx_ctx *c = sim_tx_ctx_slot(r, d[3]);

		sim_dma_note(d, SIM_TX_DESC_SIZE);
		c->vlan_macip = d[0];
		c->tucmd = cmd;
		c->mss_l4len = d[3];
		return 1;
	}
	nb = sim_tx_span(r, head, tail, &eop);
	if (nb == 0)
		return 0;
	if (!(cmd & SIM_TXD_CMD_DEXT))
		sim_tx_legacy(r, head, nb, eop, t);
	else if (((cmd & SIM_TXD_DTYP_MASK) >> SIM_TXD_DTYP_SHIFT) ==
		 SIM_TXD_DTYP_DATA)
		sim_tx_advanced(r, head, nb, t);
	return nb;
}

static unsigned int sim_tx_queue(struct sim_port *p, unsigned int q)
{
	struct sim_queue_state *qs = &p->sh->txq[q];
	struct sim_tx_ring r = {
		.p = p, .q = q, .base = qs->base,
		.count = qs->len / SIM_TX_DESC_SIZE,
	};
	struct sim_tx_tally t = { .q = q };
	uint32_t head = qs->head, tail, budget = SIM_TX_BUDGET;
	bool head_wb, rs = false;

	if (r.count == 0 || head >= r.count)
		return 0;
	tail = sim_qreg_read(p, SIM_TXQ_REG(q, SIM_Q_TAIL));
	if (tail == head || tail >= r.count)
		return 0;
	/* the descriptors the driver wrote before moving the tail */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	r.va = sim_dma_ptr(r.base, r.count * SIM_TX_DESC_SIZE);
	r.vmvir_always = (sim_reg_peek(p, SIM_VMVIR(q & 7u)) &
			  SIM_VMVIR_VLANA_MASK) == SIM_VMVIR_VLANA_ALWAYS;
	head_wb = sim_qreg_read(p, SIM_TXQ_REG(q, SIM_Q_TDWBAL)) &
		  SIM_TDWBAL_HEAD_WB_EN;
	while (head != tail && budget-- && sim_ratelim_may_send(p, q)) {
		uint32_t pkts = t.pkts;
		uint64_t bytes = t.bytes;
		uint32_t n = sim_tx_step(&r, head, tail, &t);

		if (n == 0)
			break;
		sim_ratelim_sent(p, q, t.pkts - pkts, t.bytes - bytes);
		rs |= sim_tx_report(&r, head, n, head_wb);
		head = (head + n) % r.count;
	}
	if (head == qs->head)
		return 0;
	qs->head = head;
	sim_qreg_write(p, SIM_TXQ_REG(q, SIM_Q_HEAD), head);
	if (rs && head_wb)
		sim_tx_head_write_back(p, q, head);
	sim_tx_tally_flush(p, q, &t);
	if (rs)
		sim_irq_queue(p, q, true);
	return t.pkts;
}

/* ---- flow control: PAUSE frames honoured (datasheet 3.7.5) ----------- */
uint64_t sim_mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* 802.3 31B: a quantum is 512 bit times; 512 ns at 1000 Mb/s. */
uint64_t sim_pause_quanta_ns(const struct sim_port *p, uint32_t n)
{
	static const uint64_t quantum_ns[3] = { 51200, 5120, 512 };
	uint32_t speed = p->sh->model.phy.link_speed;

	return (uint64_t)n * quantum_ns[speed < 3 ? speed : 2];
}

/* STATUS.TXOFF shows the pause; the model keeps the bit when it rebuilds
 * STATUS on a driver read, and the engine clears it when the pause ends.
 */
static void sim_tx_show_txoff(struct sim_port *p, bool paused)
{
	uint32_t st = sim_reg_peek(p, SIM_STATUS);

	if (paused != !!(st & SIM_STATUS_TXOFF))
		sim_reg_poke(p, SIM_STATUS, paused ? st | SIM_STATUS_TXOFF :
			     st & ~SIM_STATUS_TXOFF);
}

void sim_tx_pause(struct sim_port *p, uint16_t quanta)
{
	struct sim_fc_state *fc = &p->sh->engine.fc;

	fc->pause_end_ns = quanta ? sim_mono_ns() +
				    sim_pause_quanta_ns(p, quanta) : 0;
	fc->pause_resets = p->sh->reset_count;
	sim_tx_show_txoff(p, quanta != 0);
}

/* True while a received XOFF holds the transmitter; a device reset or the
 * end of the pause time releases it.
 */
static bool sim_tx_paused(struct sim_port *p)
{
	struct sim_fc_state *fc = &p->sh->engine.fc;

	if (!fc->pause_end_ns)
		return false;
	if (fc->pause_resets == p->sh->reset_count &&
	    sim_mono_ns() < fc->pause_end_ns) {
		sim_tx_show_txoff(p, true);
		return true;
	}
	fc->pause_end_ns = 0;
	sim_tx_show_txoff(p, false);
	return false;
}

/* 802.3 31B.1: destination FCAH:FCAL, source the station address (RAR0),
 * type FCT, opcode PAUSE, the pause time, zero padding.
 */
void sim_fc_build_pause(const struct sim_port *p, uint16_t quanta,
			uint8_t f[SIM_PAUSE_FRAME_LEN])
{
	uint32_t fcal = sim_reg_peek(p, SIM_FCAL), fcah = sim_reg_peek(p, SIM_FCAH);
	uint32_t ral = sim_reg_peek(p, SIM_RAL(0)), rah = sim_reg_peek(p, SIM_RAH(0));
	uint16_t type = (uint16_t)sim_reg_peek(p, SIM_FCT);

	memset(f, 0, SIM_PAUSE_FRAME_LEN);
	for (unsigned int i = 0; i < 4; i++) {
		f[i] = (uint8_t)(fcal >> (8 * i));
		f[6 + i] = (uint8_t)(ral >> (8 * i));
	}
	f[4] = (uint8_t)fcah;
	f[5] = (uint8_t)(fcah >> 8);
	f[10] = (uint8_t)rah;
	f[11] = (uint8_t)(rah >> 8);
	f[12] = (uint8_t)(type >> 8);
	f[13] = (uint8_t)type;
	f[14] = (uint8_t)(SIM_PAUSE_OPCODE >> 8);
	f[15] = (uint8_t)SIM_PAUSE_OPCODE;
	f[16] = (uint8_t)(quanta >> 8);
	f[17] = (uint8_t)quanta;
}

unsigned int sim_tx_poll(struct sim_port *p)
{
	unsigned int sent = 0;
	uint32_t vfte;

	if (!(sim_reg_peek(p, SIM_TCTL) & SIM_TCTL_EN) || p->sh->faults.tx_stall)
		return 0;
	if (sim_tx_paused(p))
		return 0;
	/* with VFs (IOV mode), queue q belongs to pool q mod 8, which
	 * transmits only while its VFTE bit is set (7.10.3.x)
	 */
	vfte = p->nb_vfs ? sim_reg_peek(p, SIM_VFTE) : 0xffu;
	for (unsigned int q = 0; q < SIM_NUM_QUEUES; q++)
		if (p->sh->txq[q].enabled && (vfte >> (q & 7u) & 1u))
			sent += sim_tx_queue(p, q);
	return sent;
}
