/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * wb.c - descriptor write-back batching of wthresh-batch boards: completed
 * descriptors reach host memory WTHRESH at a time (RXDCTL/TXDCTL bits 20:16).
 * The 82576 specification update, erratum 26, says the write-back on EITR
 * expiry (WB_on_EITR) has next to no effect, so nothing here flushes a
 * partial batch on a timer: it waits until the batch is full.
 */
#include "engines.h"

#define SIM_WB_MAX	32u		/* WTHRESH is 5 bits: at most 31 held */

/* One held status store: where it goes and what it writes (the dword that
 * carries DD; the rest of the descriptor is already in host memory, which
 * the driver does not read before DD).
 */
struct sim_wb_held {
	volatile uint32_t *dst;
	uint32_t val;
};

/* Device-thread private, per port, direction and queue; the ring the
 * stores belong to (base, reset count) is remembered so that stores for a
 * ring the driver has since torn down are dropped, never written.
 */
static struct sim_wb_queue {
	struct sim_wb_held held[SIM_WB_MAX];
	uint32_t n;
	uint64_t base, resets;
} sim_wb[SIM_MAX_PORTS][2][SIM_NUM_QUEUES];

static void sim_wb_release(struct sim_wb_queue *wq)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
	for (uint32_t i = 0; i < wq->n; i++)
		*wq->held[i].dst = wq->held[i].val;
	wq->n = 0;
}

void sim_wb_store(struct sim_port *p, bool tx, unsigned int q,
		  volatile uint32_t *dst, uint32_t val)
{
	const struct sim_queue_state *qs = tx ? &p->sh->txq[q] : &p->sh->rxq[q];
	uint32_t dctl, wthresh = 0;
	struct sim_wb_queue *wq;

	if (sim_board_has(&p->board, SIM_BOARD_WTHRESH_BATCH) &&
	    p->id < SIM_MAX_PORTS && q < SIM_NUM_QUEUES) {
		dctl = sim_qreg_read(p, tx ? SIM_TXQ_REG(q, SIM_Q_DCTL) :
					     SIM_RXQ_REG(q, SIM_Q_DCTL));
		wthresh = (dctl >> SIM_DCTL_WTHRESH_SHIFT) & 0x1fu;
	}
	if (wthresh <= 1) {
		__atomic_thread_fence(__ATOMIC_RELEASE);
		*dst = val;
		return;
	}
	wq = &sim_wb[p->id][tx][q];
	if (wq->n && (wq->base != qs->base || wq->resets != p->sh->reset_count))
		wq->n = 0;
	wq->base = qs->base;
	wq->resets = p->sh->reset_count;
	wq->held[wq->n].dst = dst;
	wq->held[wq->n].val = val;
	if (++wq->n >= wthresh || wq->n == SIM_WB_MAX)
		sim_wb_release(wq);
}
