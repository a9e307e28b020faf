/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx.h - receive/transmit queue structures and the datapath entry points
 * (queue setup/release/start/stop, scalar bursts, tx_prepare, queue info). */
#ifndef IGBX_RXTX_H
#define IGBX_RXTX_H

#include <assert.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>
#include <rte_memzone.h>
#include <ethdev_driver.h>
#ifdef RTE_ARCH_X86
#include <emmintrin.h>
#endif

#include "igbx_compat.h"
#include "igbx_desc.h"
#include "igbx_hw.h"

/*
 * Our own cap on descriptors per packet: it keeps one packet well below the
 * free threshold so a burst never waits on a packet that cannot fit.
 */
#define IGBX_TX_MAX_SEGS	40
/* TSO: MSS must let a segment carry data and stay under the max frame. */
#define IGBX_TSO_MSS_MIN	64
#define IGBX_TSO_MSS_MAX	9216

/* mbuf offload requests the transmit path honours. */
#define IGBX_TX_OL_CTX (RTE_MBUF_F_TX_VLAN | RTE_MBUF_F_TX_IP_CKSUM |		\
	RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)
/* What a cached context depends on: the offloads and the L3 family. */
#define IGBX_TX_OL_CTX_KEY (IGBX_TX_OL_CTX | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)
#define IGBX_TX_OL_SUPPORTED (IGBX_TX_OL_CTX_KEY | RTE_MBUF_F_TX_IEEE1588_TMST)
#define IGBX_TX_OL_UNSUPPORTED (RTE_MBUF_F_TX_OFFLOAD_MASK & ~IGBX_TX_OL_SUPPORTED)

#define IGBX_RX_BUF_UNIT		1024u	/* SRRCTL.BSIZEPACKET granularity */
/* RX refill every other burst of 32: one mempool get and RDT write per 64
 * buffers halves the refill set-up (callgrind, run-bench.sh avx2: 57.8 ->
 * 55.7 instructions per packet) */
#define IGBX_RX_FREE_THRESH_DEFAULT	64
/* TX (each at most a quarter of the ring): one RS group and one reclaim per
 * 128 descriptors, so that with bursts of 32 the reclaim's set-up (mempool
 * cache lookup, RS bookkeeping) is paid every fourth burst (callgrind,
 * run-bench.sh avx2: 52.5 -> 48.7 instructions per packet; 64: 50.1) */
#define IGBX_TX_FREE_THRESH_DEFAULT	128
#define IGBX_TX_RS_THRESH_DEFAULT	128

/* rxq->ptp_etqf while time sync is off: no ETQF index (0..7) equals it. */
#define IGBX_PTP_ETQF_NONE		0xFF

/*
 * Header/buffer split of one RX queue (igbx_rx_split.c): every descriptor
 * carries a header mbuf (hdr_ring, from hdr_mp) beside the data mbuf of
 * sw_ring. hdr_mp NULL: the queue does not split.
 */
struct igbx_rx_split {
	struct rte_mempool *hdr_mp;
	struct rte_mbuf **hdr_ring;
	uint32_t psrtype;	/* header layouts split on (port-wide register) */
	uint16_t hdr_size;	/* SRRCTL.BSIZEHEADER in bytes */
	uint8_t always;		/* DESCTYPE "split always": split at hdr_size */
};

/*
 * Receive queue. The first cache line holds what igbx_recv_pkts touches, in
 * the order it touches it. Per-queue software counters for the stats ops:
 * packets, bytes (without CRC), errors (frames dropped because the descriptor
 * reported RXE).
 */
struct igbx_rx_queue {
	volatile union igbx_adv_rx_desc *ring;
	struct rte_mbuf **sw_ring;	/* mbuf posted in each descriptor or NULL; then
					 * IGBX_RX_SW_PAD NULL slots */
	struct rte_mempool *mp;
	volatile void *rdt_addr;	/* RDT doorbell, see igbx_reg_addr() */
	uint16_t nb_desc;
	uint16_t next;			/* next descriptor to look at */
	uint16_t nb_hold;		/* consumed, waiting for a new mbuf */
	uint16_t rdt;			/* shadow of RDT: posted but not given */
	uint16_t free_thresh;
	uint16_t port_id;
	uint8_t crc_len;		/* 4 with KEEP_CRC (counted out of bytes) */
	uint8_t vlan_strip;		/* CTRL.VME or queue offload on */
	uint8_t rss_hash;		/* report hash.rss */
	uint8_t discard;		/* dropping the rest of a broken frame */
	uint64_t mbuf_rearm;		/* data_off, refcnt, nb_segs, port */
	struct rte_mbuf *seg_first;	/* scattered RX: frame being assembled */
	struct rte_mbuf *seg_last;
	uint64_t packets;
	uint64_t bytes;
	uint64_t errors;
	/* igbx_rx_iova.c: where the refill takes the address it posts for m */
	uint8_t post_from;		/* enum igbx_rx_post_from */
	int64_t iova_delta;		/* IGBX_RX_POST_DELTA: m + iova_delta */
	/* IGBX_RX_POST_TABLE: m + the int64_t at iova_tbl + (m >> IGBX_RX_IOVA_SHIFT) * 8 */
	uintptr_t iova_tbl;
	/* cold: configuration */
	int64_t *iova_mem;		/* the table iova_tbl indexes */
	const struct rte_memzone *mz;
	uint64_t ring_iova;
	uint64_t offloads;
	uint16_t queue_id;
	uint16_t reg_idx;		/* its registers' index: queue_id, or its pool's (SR-IOV) */
	uint16_t buf_size;		/* SRRCTL.BSIZEPACKET bytes */
	uint8_t pthresh, hthresh, wthresh;
	uint8_t drop_en;
	uint8_t deferred_start;
	uint8_t started;
	/* ETQF index of the IEEE 1588 filter or IGBX_PTP_ETQF_NONE; a copy of the
	 * adapter's, so the burst (which reads it only for ETQF matches) stays
	 * inside the queue. */
	uint8_t ptp_etqf;
	/* IGBX_RX_SW_STRIP_*: tags the scalar burst removes from the frame in
	 * software (igbx_rx_burst.c); the SIMD bursts do not, so a queue
	 * with sw_strip != 0 runs the scalar burst. */
	uint8_t sw_strip;
	uint64_t queue_offloads;	/* what rx_queue_setup asked for this queue */
	struct igbx_rx_split split;
};

/* The queue strips the 802.1Q tag itself (per-queue VLAN_STRIP, CTRL.VME off). */
#define IGBX_RX_SW_STRIP_VLAN	0x1
/* QINQ_STRIP: the 82576 strips only the inner tag (7.4.5), the outer goes in software. */
#define IGBX_RX_SW_STRIP_OUTER	0x2

/* Software state of one transmit descriptor. */
struct igbx_tx_entry {
	struct rte_mbuf *mbuf;		/* segment to free when done, or NULL */
};

/* One cached offload context (the 82576 holds IGBX_TX_CTX_SLOTS per queue). */
struct igbx_tx_ctx {
	uint64_t flags;			/* offload flags the context serves */
	uint64_t lens;			/* l2/l3/l4 lengths, tso_segsz, vlan */
};

/*
 * Transmit queue, hot fields first. RS is set on the last descriptor of a
 * packet once rs_thresh descriptors accumulated since the previous RS; the
 * indices of RS descriptors wait in rs_fifo until their DD comes back.
 * Counters for the stats ops: packets, bytes.
 */
struct igbx_tx_queue {
	volatile union igbx_adv_tx_desc *ring;
	struct igbx_tx_entry *sw_ring;
	volatile void *tdt_addr;	/* TDT doorbell */
	uint16_t nb_desc;
	uint16_t tail;			/* next descriptor to fill */
	uint16_t nb_free;		/* descriptors software may fill */
	uint16_t clean_next;		/* oldest descriptor not yet reclaimed */
	uint16_t since_rs;		/* descriptors used since the last RS */
	uint16_t rs_thresh;
	uint16_t free_thresh;
	uint16_t rs_head, rs_count;	/* rs_fifo: oldest slot, entries */
	uint16_t *rs_fifo;		/* descriptor index of each pending RS */
	uint8_t ctx_next;		/* context slot to overwrite next */
	uint8_t fast_free;		/* MBUF_FAST_FREE: one pool, refcnt 1 */
	uint16_t holes;			/* NULL slots (context descriptors) in flight;
					 * never below the true count */
	struct igbx_tx_ctx ctx[IGBX_TX_CTX_SLOTS];
	uint64_t packets;
	uint64_t bytes;
	/* cold */
	const struct rte_memzone *mz;
	uint64_t ring_iova;
	uint64_t offloads;
	uint16_t queue_id;
	uint16_t reg_idx;		/* its registers' index: queue_id, or its pool's (SR-IOV) */
	uint16_t port_id;
	uint8_t pthresh, hthresh, wthresh;
	uint8_t deferred_start;
	uint8_t started;
};

/*
 * A real 82576 writes descriptors back (and reads TX descriptors) by DMA: the
 * lines it touched since the last burst are not in this core's caches, and
 * a burst that walks them in turn waits out one miss after the other. The
 * bursts ask for all the lines they will touch first, so that the misses
 * overlap (run-bench.sh's dma mode measures it). 4 descriptors per line.
 */
#define IGBX_DESC_PER_LINE	4

/* Pages of igbx_rx_iova.c's table: 2 MB, the hugepages mempools live in. */
#define IGBX_RX_IOVA_SHIFT	21

/*
 * How the refill finds the address to post for mbuf m (buf_iova + headroom),
 * chosen per queue from its mempool by igbx_rx_iova_setup():
 * DELTA: m plus one constant, when all the pool's memory has one IOVA - VA
 * offset (every pool with IOVA as VA, one IOVA-contiguous chunk with IOVA as
 * PA); TABLE: m plus its 2 MB page's constant; MBUF: m->buf_iova is read.
 * DELTA and TABLE never touch m, which is out of the L1 cache by then.
 */
enum igbx_rx_post_from {
	IGBX_RX_POST_MBUF,
	IGBX_RX_POST_DELTA,
	IGBX_RX_POST_TABLE,
};

/* NULL slots past the RX sw_ring's end: a SIMD burst prefetches the mbufs of
 * the group after next without checking for the end (prefetching NULL is
 * harmless). */
#define IGBX_RX_SW_PAD		16

static inline void
igbx_ring_prefetch(const volatile void *ring, uint16_t nb_desc, uint16_t from, uint16_t n,
		   int write)
{
	const volatile uint8_t *base = ring, *ring_end = base + (uint32_t)nb_desc * 16u;
	const volatile uint8_t *p = base + (from & ~(IGBX_DESC_PER_LINE - 1u)) * 16u;
	const volatile uint8_t *end = base + ((uint32_t)from + RTE_MIN(n, nb_desc)) * 16u;

	if (unlikely(end > ring_end)) {		/* the run wraps: its head first */
		igbx_ring_prefetch(ring, nb_desc, 0, (uint16_t)((end - ring_end) / 16u), write);
		end = ring_end;
	}
	for (; p < end; p += RTE_CACHE_LINE_SIZE) {
		if (write)
			rte_prefetch0_write((const void *)(uintptr_t)p);
		else
			rte_prefetch0(p);
	}
}

/*
 * Descriptors are written whole, one 16-byte store each where the CPU has
 * one (x86-64: SSE2), not field by field. The ring's lines were last
 * written or read by the device, so each is first owned elsewhere; a store
 * per field holds two or three store-queue entries per descriptor while that
 * ownership is fetched, and a burst's worth filled the queue and stalled
 * the core (run-bench.sh, scalar, concurrent mode: TX 28 -> 19 cycles per
 * packet, see the commit). The fallback writes the fields in order.
 */
static inline void
igbx_tx_desc_store(volatile union igbx_adv_tx_desc *d, uint64_t addr, uint32_t cmd_type_len,
		   uint32_t olinfo_status)
{
#ifdef RTE_ARCH_X86
	_mm_store_si128((__m128i *)(uintptr_t)d,
			_mm_set_epi64x((long long)((uint64_t)olinfo_status << 32 | cmd_type_len),
				       (long long)addr));
#else
	d->data.buffer_addr = rte_cpu_to_le_64(addr);
	d->data.cmd_type_len = rte_cpu_to_le_32(cmd_type_len);
	d->data.olinfo_status = rte_cpu_to_le_32(olinfo_status);
#endif
}

/* A read-format RX descriptor: the buffer at addr, no header buffer (which
 * also clears DD of the write-back form). */
static inline void
igbx_rx_desc_store(volatile union igbx_adv_rx_desc *d, uint64_t addr)
{
#ifdef RTE_ARCH_X86
	_mm_store_si128((__m128i *)(uintptr_t)d, _mm_cvtsi64_si128((long long)addr));
#else
	d->read.pkt_addr = rte_cpu_to_le_64(addr);
	d->read.hdr_addr = 0;
#endif
}

/* The address to post for mbuf m from igbx_rx_iova.c's table (no access to m). */
static inline uint64_t
igbx_rx_iova_of(uintptr_t tbl, const struct rte_mbuf *m)
{
	uintptr_t a = (uintptr_t)m;

	return a + *(const int64_t *)(tbl + (a >> IGBX_RX_IOVA_SHIFT) * sizeof(int64_t));
}

/* n mbufs posted from the table: the scalar and SSE refill (AVX2 gathers). */
static inline void
igbx_rx_post_table(volatile union igbx_adv_rx_desc *ring, struct rte_mbuf *const *ms,
		   uint16_t n, uintptr_t tbl)
{
	size_t i;

	for (i = 0; i < n; i++)
		igbx_rx_desc_store(&ring[i], igbx_rx_iova_of(tbl, ms[i]));
}

/* n mbufs posted at m + delta: the scalar and SSE refill, the AVX2 run's tail. */
static inline void
igbx_rx_post_delta(volatile union igbx_adv_rx_desc *ring, struct rte_mbuf *const *ms,
		   uint16_t n, int64_t delta)
{
	size_t i;

	for (i = 0; i < n; i++)
		igbx_rx_desc_store(&ring[i], (uint64_t)((uintptr_t)ms[i] + delta));
}

/* Hand one mbuf to the device in a read-format descriptor (scalar and SIMD refill). */
static inline void
igbx_rx_post(volatile union igbx_adv_rx_desc *d, struct rte_mbuf *m)
{
	igbx_rx_desc_store(d, rte_mbuf_data_iova_default(m));
}

/*
 * A refill run posted from each mbuf's buf_iova (pools without igbx_rx_iova.c's
 * table): the scalar and SSE refill, and the AVX2 run's tail. Four per step:
 * the loop's own cost was a third of a one-by-one post.
 */
static inline void
igbx_rx_post_run(volatile union igbx_adv_rx_desc *ring, struct rte_mbuf *const *ms, uint16_t n)
{
	size_t i;	/* not 16-bit: no zero-extension and address computation per step */

	for (i = 0; i + 4 <= n; i += 4) {
		igbx_rx_post(&ring[i], ms[i]);
		igbx_rx_post(&ring[i + 1], ms[i + 1]);
		igbx_rx_post(&ring[i + 2], ms[i + 2]);
		igbx_rx_post(&ring[i + 3], ms[i + 3]);
	}
	for (; i < n; i++)
		igbx_rx_post(&ring[i], ms[i]);
}

/* rearm_data is a zero-length marker: the 8 bytes it starts, as one word
 * (data_off, refcnt, nb_segs, port: rxq->mbuf_rearm is written there). */
static inline uint64_t *
igbx_rearm_word_ptr(struct rte_mbuf *m)
{
	return RTE_PTR_ADD(m, offsetof(struct rte_mbuf, rearm_data));
}

/*
 * n mbufs for a refill run into to[]: straight from this lcore's mempool
 * cache with one copy when it holds enough (rte_mempool_get_bulk() copies
 * the pointers one at a time to hand them out in LIFO order, which a refill
 * does not need), else through rte_mempool_get_bulk(). Returns as it does.
 */
static inline int
igbx_rx_mbufs_get(struct rte_mempool *mp, struct rte_mbuf **to, uint16_t n)
{
	struct rte_mempool_cache *cache = rte_mempool_default_cache(mp, rte_lcore_id());

	if (cache == NULL || cache->len < n)
		return rte_mempool_get_bulk(mp, (void **)to, n);
	cache->len -= n;
	rte_memcpy(to, &cache->objs[cache->len], sizeof(*to) * n);
	return 0;
}

/*
 * Refill shared by the scalar and SIMD bursts. The consumed slots
 * [rdt + 1, next) may wrap, so they are refilled in up to two runs:
 * igbx_rx_refill_start() gives the first slot, igbx_rx_refill_get() fills
 * sw_ring for the next run (done slots already refilled) and returns its
 * length and *pos (0: the pool is short, one failure counted in
 * rx_mbuf_alloc_failed);
 * the caller posts the run's descriptors, then igbx_rx_refill_commit()
 * hands the done slots to the device with one RDT write.
 */
static inline uint16_t
igbx_rx_refill_start(const struct igbx_rx_queue *rxq)
{
	return rxq->rdt + 1 == rxq->nb_desc ? 0 : rxq->rdt + 1;
}

static inline uint16_t
igbx_rx_refill_get(struct igbx_rx_queue *rxq, uint16_t start, uint16_t done, uint16_t *pos)
{
	uint16_t p = start + done >= rxq->nb_desc ? start + done - rxq->nb_desc : start + done;
	uint16_t n = RTE_MIN(rxq->nb_hold - done, rxq->nb_desc - p);

	if (igbx_rx_mbufs_get(rxq->mp, &rxq->sw_ring[p], n) != 0) {
		/* one failed refill, however many buffers it wanted */
		rte_eth_devices[rxq->port_id].data->rx_mbuf_alloc_failed++;
		return 0;
	}
	*pos = p;
	return n;
}

static inline void
igbx_rx_refill_commit(struct igbx_rx_queue *rxq, uint16_t start, uint16_t done)
{
	uint16_t last = start + done - 1;

	if (done == 0)
		return;
	rxq->nb_hold -= done;
	rxq->rdt = last >= rxq->nb_desc ? last - rxq->nb_desc : last;
	rte_io_wmb();
	igbx_write_relaxed(rxq->rdt_addr, rxq->rdt);
}

/*
 * The refill loop of every burst: each run is posted by post_delta(ring, ms,
 * n, delta), post_table(ring, ms, n, tbl) or post(ring, ms, n), as the
 * queue's post_from says. A macro, as IGBX_VEC_XMIT: the SIMD bursts' posts
 * are target-attributed, and so must be the function they are inlined into.
 */
#define IGBX_RX_REFILL(rxq, post_delta, post_table, post) do {			\
	struct igbx_rx_queue *rq_ = (rxq);					\
	uint16_t start_ = igbx_rx_refill_start(rq_), done_ = 0, pos_ = 0, n_;	\
										\
	while (done_ < rq_->nb_hold &&						\
	       (n_ = igbx_rx_refill_get(rq_, start_, done_, &pos_)) != 0) {	\
		volatile union igbx_adv_rx_desc *d_ = &rq_->ring[pos_];		\
		struct rte_mbuf **m_ = &rq_->sw_ring[pos_];			\
										\
		if (likely(rq_->post_from == IGBX_RX_POST_DELTA))		\
			post_delta(d_, m_, n_, rq_->iova_delta);		\
		else if (rq_->post_from == IGBX_RX_POST_TABLE)			\
			post_table(d_, m_, n_, rq_->iova_tbl);			\
		else								\
			post(d_, m_, n_);					\
		done_ += n_;							\
	}									\
	igbx_rx_refill_commit(rq_, start_, done_);				\
} while (0)

int igbx_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			unsigned int socket_id, const struct rte_eth_rxconf *conf,
			struct rte_mempool *mp);
int igbx_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
			unsigned int socket_id, const struct rte_eth_txconf *conf);
void igbx_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid);
/* Queue stop and release: free the posted mbufs / give back the in-flight
 * ones and empty the ring (igbx_rxtx_setup.c). */
void igbx_rx_free_mbufs(struct igbx_rx_queue *rxq);
/* igbx_rx_iova.c: how the refill finds the addresses of rxq->mp's mbufs */
void igbx_rx_iova_setup(struct igbx_rx_queue *rxq, int socket_id);
void igbx_rx_iova_free(struct igbx_rx_queue *rxq);
void igbx_tx_reset(struct igbx_tx_queue *txq);
void igbx_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid);

/* RCTL.LPE and RLPML for the largest frame (bytes with CRC) the port accepts. */
void igbx_rx_set_frame_limit(struct rte_eth_dev *dev, uint32_t frame);

/* vlan_offload_set's hook, once the registers are programmed: after VLAN_STRIP,
 * VLAN_EXTEND or QINQ_STRIP changed in rxmode.offloads, recompute each queue's tag
 * handling (vlan_strip, sw_strip) and, on a started port, the frame limit (QinQ
 * adds a tag to the MTU) and the RX burst. */
void igbx_rx_vlan_refresh(struct rte_eth_dev *dev);

/* dev_start: program rings and queue registers, fill, enable (the bursts are
 * chosen afterwards). igbx_rx_init leaves RCTL.EN to the caller (after filters). */
int igbx_rx_init(struct rte_eth_dev *dev);
int igbx_tx_init(struct rte_eth_dev *dev);

int igbx_rx_queue_start(struct rte_eth_dev *dev, uint16_t qid);
int igbx_rx_queue_stop(struct rte_eth_dev *dev, uint16_t qid);
int igbx_tx_queue_start(struct rte_eth_dev *dev, uint16_t qid);
int igbx_tx_queue_stop(struct rte_eth_dev *dev, uint16_t qid);

/* dev_stop: disable every queue and free posted/in-flight mbufs. */
void igbx_rxtx_stop(struct rte_eth_dev *dev);
/* dev_close: release every queue. */
void igbx_rxtx_release_all(struct rte_eth_dev *dev);

/* timesync enable/disable: the ETQF index PTP frames match (or
 * IGBX_PTP_ETQF_NONE), copied into every RX queue. */
void igbx_rx_set_ptp_etqf(struct rte_eth_dev *dev, uint8_t etqf);

igbx_rx_count_t igbx_rx_queue_count(void *rxq);
int igbx_rx_descriptor_status(void *rxq, uint16_t offset);
int igbx_tx_descriptor_status(void *txq, uint16_t offset);
struct rte_power_monitor_cond;
int igbx_get_monitor_addr(void *queue, struct rte_power_monitor_cond *pmc);
int igbx_tx_done_cleanup(void *txq, uint32_t free_cnt);

void igbx_rxq_info_get(struct rte_eth_dev *dev, uint16_t qid,
		       struct rte_eth_rxq_info *qinfo);
void igbx_txq_info_get(struct rte_eth_dev *dev, uint16_t qid,
		       struct rte_eth_txq_info *qinfo);
int igbx_rx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid,
			   struct rte_eth_burst_mode *mode);
int igbx_tx_burst_mode_get(struct rte_eth_dev *dev, uint16_t qid,
			   struct rte_eth_burst_mode *mode);
const uint32_t *igbx_supported_ptypes_get(struct rte_eth_dev *dev
					  IGBX_PTYPES_COUNT_PARAM);

uint64_t igbx_rx_offload_capa(void);
uint64_t igbx_rx_queue_offload_capa(void);
uint64_t igbx_tx_offload_capa(void);
uint64_t igbx_tx_queue_offload_capa(void);

/* ---- receive decode shared by the scalar and SIMD bursts ---------------------------- */

/*
 * packet_type's L3 by the four L3 bits of pkt_info (bits 7:4: IPv4, IPv4 with
 * options, IPv6, IPv6 with extensions; 7.1.5.2), 0 when none is set. An IPv6 in
 * IPv4 tunnel sets both families: the outer IPv4 wins, options before plain.
 */
#define IGBX_PTYPE_L3_OF(i)	((i) & 2 ? RTE_PTYPE_L3_IPV4_EXT : (i) & 1 ? RTE_PTYPE_L3_IPV4 : \
				 (i) & 8 ? RTE_PTYPE_L3_IPV6_EXT : (i) & 4 ? RTE_PTYPE_L3_IPV6 : 0)
/* packet_type's L4 by the TCP/UDP/SCTP bits (10:8); two bits set is no valid header. */
#define IGBX_PTYPE_L4_OF(i)	((i) == 1 ? RTE_PTYPE_L4_TCP : (i) == 2 ? RTE_PTYPE_L4_UDP : \
				 (i) == 4 ? RTE_PTYPE_L4_SCTP : 0)

/*
 * IPv6 has no header checksum, so an IPv6 header has nothing to fail: the
 * 82576 sets IPCS for IPv4 headers only (7.1.5.2), and a frame whose L3 is
 * IPv6 reports its IP header as checked (IP_CKSUM_GOOD unless IPE), as DPDK's
 * other Intel drivers do and DTS's checksum_offload expects. packet_type's
 * IPv6 bit (also set in IPV6_EXT; clear for IPv4, for IPv6 tunnelled in IPv4
 * and for ETQF matches) sits where IPCS sits in status_error, so "IP header
 * checked" is status_error | packet_type in bit 6, in any lane width.
 */
#define IGBX_RX_IP_CHECKED(staterr, ptype)	((staterr) | ((ptype) & RTE_PTYPE_L3_IPV6))
static_assert(RTE_PTYPE_L3_IPV6 == IGBX_RXD_STAT_IPCS &&
	      (RTE_PTYPE_L3_IPV6_EXT & RTE_PTYPE_L3_IPV6) &&
	      !((RTE_PTYPE_L3_IPV4_EXT | RTE_PTYPE_L2_ETHER_TIMESYNC) & RTE_PTYPE_L3_IPV6),
	      "packet_type's IPv6 bit is status_error's IPCS bit");

/* ---- the bursts and the one place that chooses them ------------------------------- */

/* Paths a port may be forced to with the rx_path / tx_path devargs. */
enum igbx_rxtx_path {
	IGBX_PATH_AUTO = 0,
	IGBX_PATH_SCALAR,
	IGBX_PATH_SSE,
	IGBX_PATH_AVX2,
};

/* "auto|scalar|sse|avx2" (any case) -> enum igbx_rxtx_path, or -1 for anything else. */
int igbx_rxtx_path_parse(const char *s);
/* rte_kvargs handler of rx_path/tx_path: stores the path as uint8_t at opaque;
 * -EINVAL (logged with the allowed names) for an unknown one. */
int igbx_rxtx_path_devarg(const char *key, const char *value, void *opaque);

/*
 * Choose and install the RX (TX) burst of a port from the CPU, the EAL SIMD
 * limit, the devargs and the queues' configuration; on a started port the
 * choice is also published to rte_eth_fp_ops. Called at probe (primary and
 * secondary), at dev_start, and when a VLAN offload changes at run time.
 */
void igbx_set_rx_function(struct rte_eth_dev *dev);
void igbx_set_tx_function(struct rte_eth_dev *dev);

uint16_t igbx_recv_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
/* The offload results of a completed write-back into m (scalar bursts). */
void igbx_rx_complete_mbuf(const struct igbx_rx_queue *rxq, struct rte_mbuf *m,
			   volatile union igbx_adv_rx_desc *d, uint32_t staterr);

/* igbx_rx_split.c: RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT on the 82576's header split */
void igbx_rx_split_info(struct rte_eth_dev_info *info);
const uint32_t *igbx_buffer_split_hdr_ptypes(struct rte_eth_dev *dev IGBX_PTYPES_COUNT_PARAM);
/* rx_queue_setup: validates rx_seg/rx_nseg against offloads; fills *s and
 * *data_mp (the pool of the packet buffers) when the queue splits. */
int igbx_rx_split_check(struct rte_eth_dev *dev, uint16_t qid, const struct rte_eth_rxconf *conf,
			uint64_t offloads, struct igbx_rx_split *s, struct rte_mempool **data_mp);
int igbx_rx_split_alloc(struct igbx_rx_queue *rxq, const struct igbx_rx_split *s,
			unsigned int socket_id);
void igbx_rx_split_release(struct igbx_rx_queue *rxq);
int igbx_rx_split_fill(struct igbx_rx_queue *rxq);	/* header mbufs in every descriptor */
void igbx_rx_split_free_mbufs(struct igbx_rx_queue *rxq);
uint32_t igbx_rx_split_srrctl(const struct igbx_rx_queue *rxq);
void igbx_rx_split_program(struct rte_eth_dev *dev);	/* PSRTYPE, at rx init */
int igbx_rx_split_any(const struct rte_eth_dev *dev);
uint16_t igbx_recv_split_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_recv_scattered_pkts(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_xmit_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_recv_pkts_vec_sse(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_recv_scattered_pkts_vec_sse(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_xmit_pkts_vec_sse(void *txq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_recv_pkts_vec_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_recv_scattered_pkts_vec_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n);
uint16_t igbx_xmit_pkts_vec_avx2(void *txq, struct rte_mbuf **pkts, uint16_t n);
/* Name burst_mode_get reports for a burst ("Scalar", "Vector SSE"...), NULL if not ours. */
const char *igbx_rx_burst_name(eth_rx_burst_t fn);
const char *igbx_tx_burst_name(eth_tx_burst_t fn);

/*
 * Reclaim done RS groups, oldest first, until want descriptors are free;
 * full: every sw_ring slot holds an mbuf (no context descriptors, as on the
 * SIMD bursts), so a fast-free reclaim needs no compaction.
 */
void igbx_tx_reclaim_burst(struct igbx_tx_queue *txq, uint16_t want, int full);

/*
 * Every TX burst (scalar and SIMD) starts here: reclaim only when the burst
 * does not fit (up to max(n, tx_free_thresh) descriptors, no more, see
 * igbx_tx_reclaim_groups); the usual reclaim waits for igbx_tx_burst_done(),
 * after the descriptor writes, so that reading the oldest RS descriptor's
 * DD (a miss when the device wrote it by DMA) overlaps with them instead of
 * holding the burst up at its start.
 */
static inline void
igbx_tx_make_room(struct igbx_tx_queue *txq, uint16_t n, int full, int ring_prefetch)
{
	/* the descriptors this burst writes (unless the write loop asks for them
	 * itself), and the next one whose DD a reclaim reads */
	if (ring_prefetch)
		igbx_ring_prefetch(txq->ring, txq->nb_desc, txq->tail, n, 1);
	if (txq->rs_count != 0)
		rte_prefetch0(&txq->ring[txq->rs_fifo[txq->rs_head]]);
	if (n > txq->nb_free)
		igbx_tx_reclaim_burst(txq, RTE_MAX(n, txq->free_thresh), full);
}

/* Every TX burst ends here, after its doorbell: keep tx_free_thresh descriptors free. */
static inline void
igbx_tx_burst_done(struct igbx_tx_queue *txq, int full)
{
	if (txq->nb_free < txq->free_thresh)
		igbx_tx_reclaim_burst(txq, txq->free_thresh, full);
}
uint16_t igbx_prep_pkts(void *txq, struct rte_mbuf **pkts, uint16_t n);

/* ---- transmit bookkeeping shared by the scalar and SIMD bursts --------------------- */

/* cmd_type_len of a one-descriptor packet without offloads (DTALEN ORed in). */
#define IGBX_TX_CMD_PLAIN	(IGBX_TXD_DTYP_DATA | IGBX_TXD_DCMD_DEXT |	\
				 IGBX_TXD_DCMD_IFCS | IGBX_TXD_DCMD_EOP)

/* Remember RS descriptor idx: its DD tells the reclaim its group is done. */
static inline void
igbx_tx_rs_fifo_push(struct igbx_tx_queue *txq, uint16_t idx)
{
	uint32_t slot = (uint32_t)txq->rs_head + txq->rs_count++;

	/* head and count are each below nb_desc: one subtraction, not a division */
	txq->rs_fifo[slot >= txq->nb_desc ? slot - txq->nb_desc : slot] = idx;
}

/* Set RS on the already written descriptor idx and remember it. */
static inline void
igbx_tx_set_rs(struct igbx_tx_queue *txq, uint16_t idx)
{
	txq->ring[idx].data.cmd_type_len |= rte_cpu_to_le_32(IGBX_TXD_DCMD_RS);
	igbx_tx_rs_fifo_push(txq, idx);
}

/*
 * n one-descriptor packets were written from first: RS on every rs_thresh-th
 * descriptor, counting on from since_rs across bursts (set after the writes,
 * so the write loops count nothing per packet).
 */
static inline void
igbx_tx_rs_every(struct igbx_tx_queue *txq, uint16_t first, uint16_t n)
{
	uint32_t k;

	for (k = txq->rs_thresh - txq->since_rs - 1u; k < n; k += txq->rs_thresh) {
		uint32_t idx = first + k;

		igbx_tx_set_rs(txq, idx >= txq->nb_desc ? idx - txq->nb_desc : idx);
	}
	/* k is the next RS position past the burst: (since_rs + n) % rs_thresh
	 * without a division (two per burst were tens of cycles) */
	txq->since_rs = txq->rs_thresh - 1u - (k - n);
}

/*
 * Before ringing the doorbell with a nearly full ring, make sure the last
 * packet (it ends just before the tail) reports status: otherwise descriptors
 * without a following RS could never be reclaimed and the queue would stall.
 * Nearly full: the largest packet (IGBX_TX_MAX_SEGS segments and a context)
 * might not fit the next burst; while it does, that burst writes on and asks
 * here again. Forcing RS with free_thresh descriptors still free, as before,
 * did so on every burst once the ring was in use whenever tx_free_thresh was
 * at or above a burst, and cut every RS group down to one burst.
 */
static inline void
igbx_tx_force_rs(struct igbx_tx_queue *txq)
{
	if (txq->since_rs == 0 || txq->nb_free >= IGBX_TX_MAX_SEGS + 2)
		return;
	igbx_tx_set_rs(txq, txq->tail == 0 ? txq->nb_desc - 1 : txq->tail - 1);
	txq->since_rs = 0;
}

/* After a TX burst wrote nb_tx packets: RS, counters, doorbell. */
static inline void
igbx_tx_ring_doorbell(struct igbx_tx_queue *txq, uint16_t nb_tx, uint64_t bytes)
{
	igbx_tx_force_rs(txq);
	txq->packets += nb_tx;
	txq->bytes += bytes;
	rte_io_wmb();
	igbx_write_relaxed(txq->tdt_addr, txq->tail);
}

/* End of every TX burst that wrote nb_tx packets: RS, counters, doorbell, reclaim. */
static inline void
igbx_tx_doorbell(struct igbx_tx_queue *txq, uint16_t nb_tx, uint64_t bytes, int full)
{
	igbx_tx_ring_doorbell(txq, nb_tx, bytes);
	igbx_tx_burst_done(txq, full);
}

#endif /* IGBX_RXTX_H */
