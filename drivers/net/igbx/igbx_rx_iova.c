/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rx_iova.c - the buffer address of a receive mbuf from its pointer alone: one
 * (IOVA - VA) offset for the queue's mempool, or a table of them per 2 MB page, so the refill
 * need not read the mbuf. */
#include <stdbool.h>

#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "igbx_logs.h"
#include "igbx_rxtx.h"

/* pages a table may cover (8 GiB of address space, 32 KiB of table) */
#define IGBX_RX_IOVA_MAX_PAGES	4096u

void
igbx_rx_iova_free(struct igbx_rx_queue *rxq)
{
	rte_free(rxq->iova_mem);
	rxq->iova_mem = NULL;
	rxq->iova_tbl = 0;
	rxq->iova_delta = 0;
	rxq->post_from = IGBX_RX_POST_MBUF;
}

/* The offset every chunk of mp shares (IOVA - VA + off), or false. */
static bool
igbx_rx_iova_one_delta(struct rte_mempool *mp, uint64_t off, int64_t *delta)
{
	struct rte_mempool_memhdr *h;
	bool first = true;

	STAILQ_FOREACH(h, &mp->mem_list, next) {
		int64_t d = (int64_t)(h->iova - (uintptr_t)h->addr + off);

		if (!first && d != *delta)
			return false;
		*delta = d;
		first = false;
	}
	return !first;
}

/*
 * A pktmbuf pool's mbuf m has buf_iova = virt2iova(m) + sizeof(mbuf) +
 * priv_size (rte_pktmbuf_init), and the refill posts buf_iova + headroom.
 * The mempool's memory chunks (memhdrs) are each IOVA-contiguous and hold
 * whole objects, so within one chunk that address is m + a constant.
 * When every chunk has the same constant (IOVA as VA; one IOVA-contiguous
 * chunk) the queue posts m + that constant (IGBX_RX_POST_DELTA). Otherwise
 * each 2 MB page the chunks span gets its chunk's constant in a table
 * (IGBX_RX_POST_TABLE); the table is left out (the refill then reads
 * buf_iova) when a page would need two (chunks smaller than or not aligned
 * to 2 MB, e.g. 4 KB pages) or the chunks spread over more than 8 GiB.
 * Neither is used when a chunk has no IOVA, objects may straddle chunks
 * (RTE_MEMPOOL_F_NO_IOVA_CONTIG) or the pool's buffers are pinned external
 * memory (buf_addr is not after the mbuf).
 */
void
igbx_rx_iova_setup(struct igbx_rx_queue *rxq, int socket_id)
{
	struct rte_mempool *mp = rxq->mp;
	const uint64_t off = sizeof(struct rte_mbuf) + rte_pktmbuf_priv_size(mp) +
			     RTE_PKTMBUF_HEADROOM;
	struct rte_mempool_memhdr *h;
	uintptr_t lo = UINTPTR_MAX, hi = 0, pg;
	uint8_t *set = NULL;
	size_t nb;

	igbx_rx_iova_free(rxq);
	if (rte_pktmbuf_priv_flags(mp) & RTE_PKTMBUF_POOL_F_PINNED_EXT_BUF ||
	    (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG) || STAILQ_EMPTY(&mp->mem_list))
		return;
	STAILQ_FOREACH(h, &mp->mem_list, next) {
		if (h->iova == RTE_BAD_IOVA || h->len == 0)
			return;
	}
	if (igbx_rx_iova_one_delta(mp, off, &rxq->iova_delta)) {
		rxq->post_from = IGBX_RX_POST_DELTA;
		IGBX_LOG(DEBUG, "rx queue %u: refill at one offset from the mbufs of mempool %s",
			 rxq->queue_id, mp->name);
		return;
	}
	STAILQ_FOREACH(h, &mp->mem_list, next) {
		lo = RTE_MIN(lo, (uintptr_t)h->addr >> IGBX_RX_IOVA_SHIFT);
		hi = RTE_MAX(hi, ((uintptr_t)h->addr + h->len - 1) >> IGBX_RX_IOVA_SHIFT);
	}
	nb = hi - lo + 1;
	if (nb > IGBX_RX_IOVA_MAX_PAGES)
		return;
	rxq->iova_mem = rte_zmalloc_socket("igbx_rx_iova", nb * sizeof(int64_t),
					   RTE_CACHE_LINE_SIZE, socket_id);
	set = rte_zmalloc_socket("igbx_rx_iova_set", nb, 0, socket_id);
	if (rxq->iova_mem == NULL || set == NULL)
		goto out;
	STAILQ_FOREACH(h, &mp->mem_list, next) {
		uintptr_t a = (uintptr_t)h->addr;
		int64_t d = (int64_t)(h->iova - a + off);

		for (pg = a >> IGBX_RX_IOVA_SHIFT;
		     pg <= (a + h->len - 1) >> IGBX_RX_IOVA_SHIFT; pg++) {
			if (set[pg - lo] && rxq->iova_mem[pg - lo] != d)
				goto out;
			set[pg - lo] = 1;
			rxq->iova_mem[pg - lo] = d;
		}
	}
	/* indexed by the mbuf address's page: the table's start, minus lo pages */
	rxq->iova_tbl = (uintptr_t)rxq->iova_mem - lo * sizeof(int64_t);
	rxq->post_from = IGBX_RX_POST_TABLE;
	rte_free(set);
	IGBX_LOG(DEBUG, "rx queue %u: refill from a %zu-page IOVA table of mempool %s",
		 rxq->queue_id, nb, mp->name);
	return;
out:
	rte_free(set);
	igbx_rx_iova_free(rxq);
	IGBX_LOG(DEBUG, "rx queue %u: mempool %s: refill reads buf_iova", rxq->queue_id,
		 mp->name);
}
