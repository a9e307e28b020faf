/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rx.c - the 82576's receive path (datasheet 7.1): frames from the wire go
 * through the filters into the RX packet buffer and out to host descriptors.
 */
#include <stdlib.h>
#include <string.h>

#include "engines.h"
#include "hsplit.h"

#define SIM_RX_DESC_SIZE	16u
#define SIM_FCS_LEN		4u

enum sim_rx_result { SIM_RX_DONE, SIM_RX_NO_DESC, SIM_RX_DROP };

/* The bytes a frame puts in host memory: the frame, without its VLAN tag
 * when it is stripped, then the FCS when RCTL.SECRC keeps it.
 */
struct sim_rx_src {
	const uint8_t *ptr[3];
	uint32_t len[3];
	unsigned int nb;
	uint32_t total;
	uint8_t fcs[SIM_FCS_LEN];
};

/* Everything the write-back needs, computed once per frame. */
struct sim_rx_job {
	struct sim_rx_src src;
	uint32_t hdr_len;	/* header split point in the DMA'd bytes, 0 if
				 * PSRTYPE enables no layout the frame has */
	uint32_t info;		/* advanced dword 0 without HDR_LEN and SPH */
	uint32_t hash;		/* advanced dword 1 */
	uint32_t staterr;	/* status and errors without DD and EOP */
	uint16_t vlan;
	uint16_t csum;		/* packet checksum (legacy, or PCSD clear) */
};

/* An entry of the RX packet buffer (p->rxfifo), followed by the frame. */
struct sim_rxfifo_entry {
	uint32_t len;
	uint32_t rss_hash;
	uint8_t queue;
	uint8_t rss_type;
	uint8_t etqf;
	bool crc_ok;
	bool inexact;
	bool timestamp;
};

/* ---- statistics ------------------------------------------------------- */
void sim_stat_size_bin(struct sim_port *p, uint32_t first, uint32_t len)
{
	/* 64, 65-127, 128-255, 256-511, 512-1023, 1024-1522 (FCS included) */
	static const uint16_t top[6] = { 64, 127, 255, 511, 1023, 1522 };

	for (unsigned int i = 0; i < 6; i++) {
		if (len <= top[i]) {
			if (len >= 64)
				sim_stat_add(p, first + 4 * i, 1);
			return;
		}
	}
}

/* A frame taken into queue v->queue: the queue's (and its pool's) counters,
 * and with port the port's, which count a replicated frame once.
 */
static void sim_rx_count_good(struct sim_port *p, uint32_t len,
			      const struct sim_rx_verdict *v, bool port)
{
	uint32_t wire_len = len + SIM_FCS_LEN;

	if (port) {
		sim_stat_add(p, SIM_GPRC, 1);
		sim_stat_add64(p, SIM_GORCL, wire_len);
		sim_stat_size_bin(p, SIM_PRC64, wire_len);
		if (v->bcast)
			sim_stat_add(p, SIM_BPRC, 1);
		else if (v->mcast)
			sim_stat_add(p, SIM_MPRC, 1);
	}
	sim_stat_add(p, SIM_PQGPRC(v->queue), 1);
	sim_stat_add(p, SIM_PQGORC(v->queue), wire_len);
	if (v->mcast)
		sim_stat_add(p, SIM_PQMPRC(v->queue), 1);
	if (p->nb_vfs)
		sim_vf_count_rx(p, v->queue, wire_len, v->mcast);
}

/* ---- what the descriptors will say ------------------------------------ */
static void sim_rx_src_build(struct sim_port *p, const uint8_t *f,
			     uint32_t len, bool crc_ok, bool strip,
			     const struct sim_hdrs *h, struct sim_rx_src *s)
{
	s->nb = 0;
	if (strip) {
		s->ptr[0] = f;
		s->len[0] = h->vlan_off;
		s->ptr[1] = f + h->vlan_off + 4;
		s->len[1] = len - h->vlan_off - 4;
		s->nb = 2;
	} else {
		s->ptr[0] = f;
		s->len[0] = len;
		s->nb = 1;
	}
	s->total = len - (strip ? 4 : 0);
	if (!(sim_reg_peek(p, SIM_RCTL) & SIM_RCTL_SECRC)) {
		uint32_t crc = sim_crc32_eth(0, f, len);

		if (!crc_ok)
			crc = ~crc;
		for (unsigned int i = 0; i < SIM_FCS_LEN; i++)
			s->fcs[i] = (uint8_t)(crc >> (8 * i));
		s->ptr[s->nb] = s->fcs;
		s->len[s->nb++] = SIM_FCS_LEN;
		s->total += SIM_FCS_LEN;
	}
}

/* IPv4 header and TCP/UDP/SCTP checksums (datasheet 7.1.9). */
static void sim_rx_check_sums(const uint8_t *f, const struct sim_hdrs *h,
			      uint32_t rxcsum, struct sim_rx_job *j)
{
	uint32_t l4 = h->l4_off, l4_len = h->ip_end - h->l4_off, sum;

	if (h->l3 == SIM_L3_IPV4 && (rxcsum & SIM_RXCSUM_IPOFLD)) {
		uint32_t ihl = (f[h->l3_off] & 0xf) * 4u;

		j->staterr |= SIM_RXD_STAT_IPCS;
		if (sim_csum_fold(sim_csum_add(0, f + h->l3_off, ihl)) != 0xffff)
			j->staterr |= SIM_RXADV_ERR_IPE;
	}
	if (h->l4 == SIM_L4_SCTP) {
		uint32_t crc, got;

		if (!(rxcsum & SIM_RXCSUM_CRCOFL))
			return;
		crc = sim_crc32c(0, f + l4, 8);
		crc = sim_crc32c(crc, (const uint8_t[4]){ 0 }, 4);
		crc = sim_crc32c(crc, f + l4 + 12, l4_len - 12);
		got = f[l4 + 8] | f[l4 + 9] << 8 | f[l4 + 10] << 16 |
		      (uint32_t)f[l4 + 11] << 24;
		j->staterr |= SIM_RXD_STAT_L4CS;
		if (crc != got)
			j->staterr |= SIM_RXADV_ERR_L4E;
		return;
	}
	if (h->l4 == SIM_L4_NONE || !(rxcsum & SIM_RXCSUM_TUOFLD))
		return;
	/* IPv4 UDP checksum 0: the sender did not compute one */
	if (h->l4 == SIM_L4_UDP && h->l3 == SIM_L3_IPV4 &&
	    f[l4 + 6] == 0 && f[l4 + 7] == 0)
		return;
	sum = sim_pseudo_sum(f, h, h->l4 == SIM_L4_TCP ? 6 : 17, l4_len);
	sum = sim_csum_add(sum, f + l4, l4_len);
	j->staterr |= SIM_RXD_STAT_L4CS;
	if (h->l4 == SIM_L4_UDP)
		j->staterr |= SIM_RXD_STAT_UDPCS;
	if (sim_csum_fold(sum) != 0xffff)
		j->staterr |= SIM_RXADV_ERR_L4E;
}

static uint32_t sim_rx_ptype(const struct sim_hdrs *h)
{
	static const uint8_t l4_bit[] = {
		[SIM_L4_NONE] = 0, [SIM_L4_TCP] = SIM_PTYPE_TCP,
		[SIM_L4_UDP] = SIM_PTYPE_UDP, [SIM_L4_SCTP] = SIM_PTYPE_SCTP,
	};
	uint32_t pt = 0;

	if (h->l3 == SIM_L3_IPV4)
		pt = SIM_PTYPE_IPV4 | (h->l3_ext ? SIM_PTYPE_IPV4_EXT : 0);
	else if (h->l3 == SIM_L3_IPV6)
		pt = SIM_PTYPE_IPV6 | (h->l3_ext ? SIM_PTYPE_IPV6_EXT : 0);
	return pt | l4_bit[h->l4];
}

/* Packet checksum (datasheet 7.1.4): one's complement sum from
 * RXCSUM.PCSS, or from the IP payload with RXCSUM.IPPCSE, to the end.
 */
static uint16_t sim_rx_packet_csum(const uint8_t *f, uint32_t len,
				   const struct sim_hdrs *h, uint32_t rxcsum)
{
	uint32_t start = rxcsum & SIM_RXCSUM_PCSS_MASK;

	if ((rxcsum & SIM_RXCSUM_IPPCSE) && h->l3 == SIM_L3_IPV4)
		start = h->l3_off + (f[h->l3_off] & 0xf) * 4u;
	if (start >= len)
		return 0;
	return sim_csum_fold(sim_csum_add(0, f + start, len - start));
}

static void sim_rx_prepare(struct sim_port *p, const uint8_t *f, uint32_t len,
			   bool crc_ok, const struct sim_hdrs *h,
			   const struct sim_rx_verdict *v, bool legacy,
			   struct sim_rx_job *j)
{
	uint32_t rxcsum = sim_reg_peek(p, SIM_RXCSUM);
	/* CTRL.VME, or in VMDq mode the pool's VMOLR.STRVLAN (7.10.3) */
	bool strip = h->vlan_off &&
		     ((sim_reg_peek(p, SIM_CTRL) & SIM_CTRL_VME) ||
		      sim_vmdq_strips(p, v->queue));

	memset(j, 0, sizeof(*j));
	sim_rx_src_build(p, f, len, crc_ok, strip, h, &j->src);
	j->hdr_len = sim_hsplit_header_len(sim_hsplit_psrtype(p, v->queue), h);
	if (j->hdr_len && strip)	/* the stripped tag precedes the split */
		j->hdr_len -= 4;
	if (strip) {
		j->staterr |= SIM_RXD_STAT_VP;
		j->vlan = h->vlan_tci;
	}
	if (h->outer_vlan)
		j->staterr |= SIM_RXD_STAT_VEXT;
	if (v->inexact)
		j->staterr |= SIM_RXD_STAT_PIF;
	if (!crc_ok)
		j->staterr |= SIM_RXADV_ERR_RXE;
	sim_rx_check_sums(f, h, rxcsum, j);
	if (legacy && !(rxcsum & (SIM_RXCSUM_IPOFLD | SIM_RXCSUM_TUOFLD)))
		j->staterr |= SIM_RXD_STAT_IXSM;
	j->info = v->rss_type | sim_rx_ptype(h) << SIM_RXADV_PTYPE_SHIFT;
	if (v->etqf)	/* 7.1.5.2: an ETQF match reports the filter index */
		j->info = v->rss_type | (SIM_RXADV_PTYPE_ETQF | (v->etqf - 1u))
					<< SIM_RXADV_PTYPE_SHIFT;
	if (v->timestamp)
		j->staterr |= SIM_RXD_STAT_TS;
	if (legacy || !(rxcsum & SIM_RXCSUM_PCSD)) {
		j->csum = sim_rx_packet_csum(f, len, h, rxcsum);
		j->hash = (uint32_t)j->csum << 16;
		if (h->l3 == SIM_L3_IPV4)
			j->hash |= (uint32_t)(f[h->l3_off + 4] << 8 |
					      f[h->l3_off + 5]);
	} else {
		j->hash = v->rss_hash;
	}
}

/* ---- DMA to host memory ----------------------------------------------- */
/* Copies n bytes from offset off of the frame's bytes to host memory. */
static void sim_rx_copy(const struct sim_rx_src *s, uint32_t off,
			uint64_t iova, uint32_t n)
{
	uint8_t *dst = n ? sim_dma_ptr(iova, n) : NULL;

	if (dst)
		sim_dma_note(dst, n);
	for (unsigned int i = 0; i < s->nb && n; i++) {
		uint32_t chunk;

		if (off >= s->len[i]) {
			off -= s->len[i];
			continue;
		}
		chunk = s->len[i] - off < n ? s->len[i] - off : n;
		if (dst) {
			memcpy(dst, s->ptr[i] + off, chunk);
			dst += chunk;
		} else {
			sim_dma_write(iova, s->ptr[i] + off, chunk);
		}
		iova += chunk;
		n -= chunk;
		off = 0;
	}
}

/* Buffer size: SRRCTL.BSIZEPACKET in KiB, or RCTL.BSIZE when it is 0. */
static uint32_t sim_rx_buf_size(struct sim_port *p, uint32_t srrctl)
{
	static const uint32_t sizes[2][4] = {
		{ 2048, 1024, 512, 256 }, { 2048, 16384, 8192, 4096 },
	};
	uint32_t rctl;

	if (srrctl & SIM_SRRCTL_BSIZEPKT_MASK)
		return (srrctl & SIM_SRRCTL_BSIZEPKT_MASK) * 1024u;
	rctl = sim_reg_peek(p, SIM_RCTL);
	return sizes[!!(rctl & SIM_RCTL_BSEX)]
		    [(rctl & SIM_RCTL_BSIZE_MASK) >> SIM_RCTL_BSIZE_SHIFT];
}

/* How one frame lays out over a queue's descriptors. */
struct sim_rx_plan {
	bool legacy;
	uint32_t bsize;		/* packet buffer bytes per descriptor */
	uint32_t hb;		/* bytes for the first header buffer */
	uint32_t hdr_field;	/* HDR_LEN and SPH of the first dword 0 */
	uint32_t hbo;		/* SIM_RXADV_ERR_HBO or 0 */
	uint32_t need;		/* descriptors */
};

/* Header split (datasheet 7.1.6): hsplit.c decides the first descriptor. */
static void sim_rx_plan_split(uint32_t srrctl, unsigned int dtype,
			      const struct sim_rx_job *j,
			      struct sim_rx_plan *pl)
{
	uint32_t hsize = ((srrctl & SIM_SRRCTL_BSIZEHDR_MASK) >>
			  SIM_SRRCTL_BSIZEHDR_SHIFT) * 64u;
	struct sim_hsplit hs;

	sim_hsplit_plan(dtype, hsize, j->hdr_len, j->src.total, &hs);
	pl->hb = hs.hb;
	pl->hdr_field = hs.hdr_field;
	pl->hbo = hs.hbo;
}

static void sim_rx_plan(struct sim_port *p, uint32_t srrctl,
			const struct sim_rx_job *j, struct sim_rx_plan *pl)
{
	unsigned int dtype = (srrctl & SIM_SRRCTL_DESCTYPE_MASK) >>
			     SIM_SRRCTL_DESCTYPE_SHIFT;
	uint32_t rest;

	memset(pl, 0, sizeof(*pl));
	pl->legacy = dtype == SIM_SRRCTL_DESCTYPE_LEGACY;
	pl->bsize = sim_rx_buf_size(p, srrctl);
	if (dtype == SIM_SRRCTL_DESCTYPE_HDR_SPLIT ||
	    dtype == SIM_SRRCTL_DESCTYPE_SPLIT_ALWAYS)
		sim_rx_plan_split(srrctl, dtype, j, pl);
	rest = j->src.total - pl->hb;
	pl->need = rest ? (rest + pl->bsize - 1) / pl->bsize : 1;
}

/* Writes one descriptor back; DD goes last, in its own store (which a
 * wthresh-batch board may hold back, wb.c).
 */
static void sim_rx_write_back(struct sim_port *p, unsigned int q,
			      volatile uint32_t *w, const struct sim_rx_job *j,
			      const struct sim_rx_plan *pl, uint32_t n,
			      bool first, bool last)
{
	uint32_t staterr = j->staterr | SIM_RXD_STAT_DD |
			   (last ? SIM_RXD_STAT_EOP : 0);

	if (pl->legacy) {
		w[2] = n | (uint32_t)j->csum << 16;
		/* status 7:0, errors 15:8 (the advanced error bits 31:24 moved
		 * down), VLAN 31:16: one store, so DD never shows alone
		 */
		sim_wb_store(p, false, q, &w[3], (staterr & 0xff) |
			     ((staterr >> 24) & 0xe0) << 8 | (uint32_t)j->vlan << 16);
		return;
	}
	w[0] = j->info | (first ? pl->hdr_field : 0);
	w[1] = j->hash;
	w[3] = n | (uint32_t)j->vlan << 16;
	sim_wb_store(p, false, q, &w[2], staterr | (first ? pl->hbo : 0));
}

static void sim_rx_fill(struct sim_port *p, unsigned int q,
			const struct sim_rx_job *j,
			const struct sim_rx_plan *pl)
{
	struct sim_queue_state *qs = &p->sh->rxq[q];
	uint32_t count = qs->len / SIM_RX_DESC_SIZE, head = qs->head, off = 0;

	for (uint32_t i = 0; i < pl->need; i++) {
		volatile uint32_t *w = sim_dma_ptr(qs->base + (uint64_t)head *
						   SIM_RX_DESC_SIZE,
						   SIM_RX_DESC_SIZE);
		uint64_t pkt, hdr;
		uint32_t n;

		if (!w) {
			sim_log("port %u rxq %u: descriptor %u not in host memory",
				p->id, q, head);
			break;
		}
		sim_dma_note(w, SIM_RX_DESC_SIZE);
		pkt = w[0] | (uint64_t)w[1] << 32;
		hdr = w[2] | (uint64_t)w[3] << 32;
		if (i == 0 && pl->hb) {
			/* bit 0 of the header address is where DD lands */
			sim_rx_copy(&j->src, 0, hdr & ~1ull, pl->hb);
			off = pl->hb;
		}
		n = j->src.total - off < pl->bsize ? j->src.total - off
						    : pl->bsize;
		sim_rx_copy(&j->src, off, pkt, n);
		off += n;
		sim_rx_write_back(p, q, w, j, pl, n, i == 0, i + 1 == pl->need);
		head = head + 1 == count ? 0 : head + 1;
	}
	qs->head = head;
	sim_qreg_write(p, SIM_RXQ_REG(q, SIM_Q_HEAD), head);
}

/* RCTL.RDMTS: interrupt when the free descriptors fall to 1/2, 1/4 or
 * 1/8 of the ring.
 */
static void sim_rx_check_threshold(struct sim_port *p, uint32_t count,
				   uint32_t before, uint32_t after)
{
	uint32_t rdmts = (sim_reg_peek(p, SIM_RCTL) & SIM_RCTL_RDMTS_MASK) >>
			 SIM_RCTL_RDMTS_SHIFT;
	uint32_t thr = count >> (1 + (rdmts > 2 ? 2 : rdmts));

	if (before > thr && after <= thr)
		sim_irq_raise(p, SIM_ICR_RXDMT0);
}

/* Puts a frame into queue q's descriptors if enough are free. */
static enum sim_rx_result sim_rx_deliver(struct sim_port *p, const uint8_t *f,
					 uint32_t len, bool crc_ok,
					 const struct sim_hdrs *h,
					 const struct sim_rx_verdict *v)
{
	unsigned int q = v->queue;
	struct sim_queue_state *qs = &p->sh->rxq[q];
	uint32_t count = qs->len / SIM_RX_DESC_SIZE, tail, avail, srrctl;
	struct sim_rx_plan pl;
	struct sim_rx_job j;

	if (!qs->enabled || count == 0)
		return SIM_RX_DROP;
	tail = sim_qreg_read(p, SIM_RXQ_REG(q, SIM_Q_TAIL));
	if (tail >= count || qs->head >= count)
		return SIM_RX_NO_DESC;
	avail = (tail + count - qs->head) % count;
	if (avail == 0)
		return SIM_RX_NO_DESC;
	/* the descriptors the driver wrote before moving the tail */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	srrctl = sim_qreg_read(p, SIM_RXQ_REG(q, SIM_Q_SRRCTL));
	sim_rx_prepare(p, f, len, crc_ok, h, v,
		       !(srrctl & SIM_SRRCTL_DESCTYPE_MASK), &j);
	sim_rx_plan(p, srrctl, &j, &pl);
	if (avail < pl.need)
		return SIM_RX_NO_DESC;
	sim_rx_fill(p, q, &j, &pl);
	sim_rx_check_threshold(p, count, avail, avail - pl.need);
	sim_irq_queue(p, q, false);
	return SIM_RX_DONE;
}

/* ---- the RX packet buffer --------------------------------------------- */
static uint32_t sim_rxfifo_entry_size(uint32_t len)
{
	return (uint32_t)sizeof(struct sim_rxfifo_entry) + ((len + 7u) & ~7u);
}

static bool sim_rxfifo_push(struct sim_port *p, const uint8_t *f,
			    uint32_t len, bool crc_ok,
			    const struct sim_rx_verdict *v)
{
	uint32_t size = sim_rxfifo_entry_size(len);
	struct sim_rxfifo_entry *e;

	if (!p->rxfifo) {
		/* once per port, on the first frame that has to wait */
		p->rxfifo = malloc(SIM_RXFIFO_BYTES);
		p->rxfifo_used = 0;
		if (!p->rxfifo)
			return false;
	}
	if (p->rxfifo_used + size > SIM_RXFIFO_BYTES)
		return false;
	e = (struct sim_rxfifo_entry *)(p->rxfifo + p->rxfifo_used);
	e->len = len;
	e->rss_hash = v->rss_hash;
	e->queue = v->queue;
	e->rss_type = v->rss_type;
	e->etqf = v->etqf;
	e->crc_ok = crc_ok;
	e->inexact = v->inexact;
	e->timestamp = v->timestamp;
	memcpy(e + 1, f, len);
	p->rxfifo_used += size;
	return true;
}

static void sim_rx_parse(struct sim_port *p, const uint8_t *f, uint32_t len,
			 struct sim_hdrs *h)
{
	uint32_t vet = sim_reg_peek(p, SIM_VET);
	bool ext = sim_reg_peek(p, SIM_CTRL_EXT) & SIM_CTRL_EXT_EXT_VLAN;

	sim_parse_headers(f, len, (uint16_t)(vet & SIM_VET_VET_MASK),
			  (uint16_t)(vet >> SIM_VET_EXT_SHIFT), ext, h);
}

/* A device reset (CTRL.RST) empties the packet buffer: the engines notice
 * it through the reset count they last saw (p->rxfifo_resets).
 */
static void sim_rxfifo_check_reset(struct sim_port *p)
{
	uint32_t seen = (uint32_t)p->sh->reset_count;

	if (p->rxfifo_resets != seen) {
		p->rxfifo_resets = seen;
		p->rxfifo_used = 0;
	}
}

/* ---- flow control: PAUSE frames generated (datasheet 3.7.5) ---------- */
/* Above FCRTH: XOFF. Once sent, XOFF is repeated every FCRTV while the
 * buffer stays above FCRTL; below FCRTL the state ends with an XON.
 */
enum sim_fc_action sim_fc_decide(uint32_t used, uint32_t fcrth,
				 uint32_t fcrtl, bool refresh_due,
				 bool *xoff)
{
	if (used > fcrth && !*xoff) {
		*xoff = true;
		return SIM_FC_XOFF;
	}
	if (!*xoff)
		return SIM_FC_NONE;
	if (used < fcrtl) {
		*xoff = false;
		return SIM_FC_XON;
	}
	return refresh_due ? SIM_FC_XOFF : SIM_FC_NONE;
}

/* MAC control frames bypass the TX queues (and a pause of our own TX);
 * 8.19: XONTXC/XOFFTXC and the totals count them, GPTC/GOTC do not.
 */
static void sim_fc_send(struct sim_port *p, uint16_t quanta)
{
	uint8_t f[SIM_PAUSE_FRAME_LEN];

	sim_fc_build_pause(p, quanta, f);
	sim_wire_send(p, f, sizeof(f));
	if (!(sim_reg_peek(p, SIM_TCTL) & SIM_TCTL_EN))
		return;
	sim_stat_add(p, quanta ? SIM_XOFFTXC : SIM_XONTXC, 1);
	sim_stat_add(p, SIM_TPT, 1);
	sim_stat_add64(p, SIM_TOTL, sizeof(f) + SIM_FCS_LEN);
}

void sim_rx_flow_control(struct sim_port *p)
{
	struct sim_fc_state *fc = &p->sh->engine.fc;
	uint32_t fcrtl, fcrtv;
	uint64_t now = 0;
	bool due = false;

	if (!(sim_reg_peek(p, SIM_CTRL) & SIM_CTRL_TFCE)) {
		fc->xoff = false;
		return;
	}
	fcrtl = sim_reg_peek(p, SIM_FCRTL);
	fcrtv = sim_reg_peek(p, SIM_FCRTV) & SIM_FCRTV_MASK;
	if (fc->xoff && fcrtv) {
		now = sim_mono_ns();
		due = now - fc->xoff_ns >= sim_pause_quanta_ns(p, fcrtv);
	}
	switch (sim_fc_decide(p->rxfifo_used,
			      sim_reg_peek(p, SIM_FCRTH) & SIM_FCRTH_RTH_MASK,
			      fcrtl & SIM_FCRTL_RTL_MASK, due, &fc->xoff)) {
	case SIM_FC_XOFF:
		fc->xoff_ns = now ? now : sim_mono_ns();
		sim_fc_send(p, (uint16_t)(sim_reg_peek(p, SIM_FCTTV) &
					  SIM_FCTTV_TTV_MASK));
		break;
	case SIM_FC_XON:
		if (fcrtl & SIM_FCRTL_XONE)
			sim_fc_send(p, 0);
		break;
	default:
		break;
	}
}

unsigned int sim_rx_poll(struct sim_port *p)
{
	uint32_t off = 0, used;
	unsigned int moved = 0;

	sim_rxfifo_check_reset(p);
	used = p->rxfifo_used;

	while (off < used) {
		const struct sim_rxfifo_entry *e =
			(const void *)(p->rxfifo + off);
		const uint8_t *f = (const uint8_t *)(e + 1);
		struct sim_rx_verdict v = {
			.accept = true, .inexact = e->inexact,
			.queue = e->queue, .rss_type = e->rss_type,
			.rss_hash = e->rss_hash, .etqf = e->etqf,
			.timestamp = e->timestamp,
		};
		struct sim_hdrs h;
		enum sim_rx_result r;

		sim_rx_parse(p, f, e->len, &h);
		r = sim_rx_deliver(p, f, e->len, e->crc_ok, &h, &v);
		/* one packet buffer: the oldest frame blocks the others */
		if (r == SIM_RX_NO_DESC)
			break;
		moved += r == SIM_RX_DONE;
		off += sim_rxfifo_entry_size(e->len);
	}
	if (off) {
		memmove(p->rxfifo, p->rxfifo + off, used - off);
		p->rxfifo_used = used - off;
	}
	return moved;
}

/* A frame that found no descriptor waits in the packet buffer, unless
 * SRRCTL.DROP_EN asks to drop it at once (datasheet 7.1.3).
 */
static bool sim_rx_wait(struct sim_port *p, const uint8_t *f, uint32_t len,
			bool crc_ok, const struct sim_rx_verdict *v,
			bool no_desc, bool count_port)
{
	if (no_desc) {
		sim_stat_add(p, SIM_RNBC, 1);
		if (sim_qreg_read(p, SIM_RXQ_REG(v->queue, SIM_Q_SRRCTL)) &
		    SIM_SRRCTL_DROP_EN) {
			sim_stat_add(p, SIM_RXQ_REG(v->queue, SIM_Q_RQDPC), 1);
			return false;
		}
	}
	if (!sim_rxfifo_push(p, f, len, crc_ok, v)) {
		sim_stat_add(p, SIM_MPC, 1);
		sim_irq_raise(p, SIM_ICR_RXO);
		return false;
	}
	sim_rx_count_good(p, len, v, count_port);
	return true;
}

/* Replication (7.10.3): one copy into each pool's queue, each delivered
 * or queued on its own; the port counts the frame once, each queue its
 * copy. Off the path of a frame for one queue.
 */
static void sim_rx_replicate(struct sim_port *p, const uint8_t *frame,
			     uint32_t len, bool crc_ok,
			     const struct sim_hdrs *h,
			     struct sim_rx_verdict *v, bool starved)
{
	uint32_t pools = v->pools;
	bool counted = false;

	while (pools) {
		bool wait = starved;

		v->queue = (uint8_t)__builtin_ctz(pools);
		pools &= pools - 1;
		if (p->rxfifo_used == 0 && !starved) {
			enum sim_rx_result r = sim_rx_deliver(p, frame, len,
							      crc_ok, h, v);

			if (r == SIM_RX_DONE) {
				sim_rx_count_good(p, len, v, !counted);
				counted = true;
			}
			if (r != SIM_RX_NO_DESC)
				continue;
			wait = true;
		}
		if (sim_rx_wait(p, frame, len, crc_ok, v, wait, !counted))
			counted = true;
	}
}

/* A frame from the wire, or from the internal switch with the sending pool
 * in not_pools (replicated to the other pools only). Inlined into both
 * callers, so the wire's path has no pool mask to apply.
 */
static inline __attribute__((always_inline)) uint32_t
sim_rx_frame_in(struct sim_port *p, const uint8_t *frame, uint32_t len,
		bool crc_ok, uint32_t not_pools)
{
	struct sim_faults *fl = &p->sh->faults;
	struct sim_rx_verdict v;
	struct sim_hdrs h;
	bool starved = false;

	if (!(sim_reg_peek(p, SIM_RCTL) & SIM_RCTL_EN))
		return 0;
	sim_rxfifo_check_reset(p);
	if (fl->crc_errors) {
		fl->crc_errors--;
		crc_ok = false;
	}
	sim_stat_add(p, SIM_TPR, 1);
	sim_stat_add64(p, SIM_TORL, (uint64_t)len + SIM_FCS_LEN);
	sim_rx_parse(p, frame, len, &h);
	if (!sim_rx_length_ok(p, len, h.nb_vlans != 0, crc_ok))
		return 0;
	sim_rx_filter(p, frame, len, &h, &v);
	if (!v.accept)
		return 0;
	if (not_pools) {
		v.pools &= (uint8_t)~not_pools;
		if (!v.pools)
			return 0;
		v.queue = (uint8_t)__builtin_ctz(v.pools);
	}
	if (fl->rx_starve) {
		fl->rx_starve--;
		starved = true;
	}
	if (__builtin_expect(v.pools & (v.pools - 1), 0)) {
		sim_rx_replicate(p, frame, len, crc_ok, &h, &v, starved);
		return v.pools;
	}
	if (p->rxfifo_used == 0 && !starved) {
		enum sim_rx_result r = sim_rx_deliver(p, frame, len, crc_ok,
						      &h, &v);

		if (r == SIM_RX_DONE)
			sim_rx_count_good(p, len, &v, true);
		if (r != SIM_RX_NO_DESC)
			return v.pools;
		starved = true;
	}
	sim_rx_wait(p, frame, len, crc_ok, &v, starved, true);
	return v.pools;
}

void sim_rx_frame(struct sim_port *p, const uint8_t *frame, uint32_t len,
		  bool crc_ok)
{
	sim_rx_frame_in(p, frame, len, crc_ok, 0);
}

uint32_t sim_rx_frame_switched(struct sim_port *p, const uint8_t *frame,
			       uint32_t len, unsigned int from_pool)
{
	return sim_rx_frame_in(p, frame, len, true, 1u << from_pool);
}
