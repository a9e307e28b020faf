/* SPDX-License-Identifier: BSD-3-Clause */
/* fuzz_tx_prepare.c - libFuzzer harness: igbx_prep_pkts on random mbuf chains with
 * random offload flags and header lengths; buffers are malloc'd to their exact size
 * so ASan sees any header read or checksum write outside them. */
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_sctp.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"
#include "fuzz_common.h"

/*
 * Input, per packet (up to 8 per run): a segment count byte, ol_flags (8
 * bytes, either as is or masked to TX flags), tx_offload (8: l2/l3/l4 lens,
 * tso_segsz, outer lens), a pkt_len fix-up byte; per segment: headroom (1),
 * data_len (2), tail room (1), then the segment's bytes.
 */
#define MAX_PKTS	8
#define MAX_SEGS	48

static void *txq;
/*
 * By default the header lengths honour the mbuf API for the offloads asked
 * (l3_len at least the IP header, l4_len at least the L4 header), which
 * DPDK's checksum preparation relies on. FUZZ_TX_RAW=1 leaves them random:
 * igbx_prep_pkts then lets rte_net_intel_cksum_prepare write outside the
 * packet (test/fuzz/crashes/tx_prepare/).
 */
static bool raw_lens;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct rte_eth_dev *dev;

	(void)argc;
	(void)argv;
	fuzz_eal_init();
	raw_lens = getenv("FUZZ_TX_RAW") != NULL;
	dev = fuzz_dev_create("igbx_fuzz_tx");
	if (igbx_tx_queue_setup(dev, 0, 512, SOCKET_ID_ANY, &(struct rte_eth_txconf){ 0 }) != 0)
		fuzz_fail("tx queue setup");
	txq = dev->data->tx_queues[0];
	return 0;
}

static struct rte_mbuf *
new_segment(struct fuzz_in *in)
{
	struct rte_mbuf *m = NULL;
	uint16_t head = fuzz_u8(in), len = fuzz_u16(in) % 9800, tail = fuzz_u8(in) & 7;
	size_t n;
	uint8_t *buf;

	if (posix_memalign((void **)&m, RTE_CACHE_LINE_SIZE, sizeof(*m)) != 0)
		return NULL;
	memset(m, 0, sizeof(*m));
	buf = malloc((size_t)head + len + tail);
	n = RTE_MIN((size_t)len, in->n);
	memcpy(buf + head, in->p, n);
	memset(buf + head + n, 0, len - n + tail);
	memset(buf, 0, head);
	in->p += n;
	in->n -= n;
	m->buf_addr = buf;
	m->buf_iova = (rte_iova_t)(uintptr_t)buf;
	m->buf_len = (uint16_t)(head + len + tail);
	m->data_off = head;
	m->data_len = len;
	m->nb_segs = 1;
	rte_mbuf_refcnt_set(m, 1);
	return m;
}

static void
free_packet(struct rte_mbuf *m)
{
	while (m != NULL) {
		struct rte_mbuf *next = m->next;

		free(m->buf_addr);
		free(m);
		m = next;
	}
}

/* The smallest l3_len/l4_len the requested offloads let an application give. */
static void
honour_header_lens(struct rte_mbuf *m)
{
	uint64_t ol = m->ol_flags, l4 = ol & RTE_MBUF_F_TX_L4_MASK;
	uint32_t l3_min = 0, l4_min = 0;

	if (ol & RTE_MBUF_F_TX_IPV4)
		l3_min = sizeof(struct rte_ipv4_hdr);
	if (ol & RTE_MBUF_F_TX_IPV6)
		l3_min = sizeof(struct rte_ipv6_hdr);
	if (l4 == RTE_MBUF_F_TX_TCP_CKSUM || (ol & RTE_MBUF_F_TX_TCP_SEG))
		l4_min = sizeof(struct rte_tcp_hdr);
	else if (l4 == RTE_MBUF_F_TX_UDP_CKSUM || (ol & RTE_MBUF_F_TX_UDP_SEG))
		l4_min = sizeof(struct rte_udp_hdr);
	else if (l4 == RTE_MBUF_F_TX_SCTP_CKSUM)
		l4_min = sizeof(struct rte_sctp_hdr);
	if (m->l3_len < l3_min)
		m->l3_len = l3_min;
	if (m->l4_len < l4_min)
		m->l4_len = l4_min;
	if (ol & (RTE_MBUF_F_TX_OUTER_IPV4 | RTE_MBUF_F_TX_OUTER_IPV6)) {
		if (m->outer_l3_len < sizeof(struct rte_ipv4_hdr))
			m->outer_l3_len = sizeof(struct rte_ipv4_hdr);
		if (m->outer_l2_len < RTE_ETHER_HDR_LEN)
			m->outer_l2_len = RTE_ETHER_HDR_LEN;
	}
}

static struct rte_mbuf *
new_packet(struct fuzz_in *in)
{
	unsigned int nb = fuzz_u8(in) % MAX_SEGS + 1, i;
	uint64_t ol = fuzz_u64(in), lens = fuzz_u64(in);
	uint8_t fix = fuzz_u8(in);
	struct rte_mbuf *first = NULL, *last = NULL;
	uint32_t pkt_len = 0;

	for (i = 0; i < nb; i++) {
		struct rte_mbuf *s = new_segment(in);

		if (s == NULL)
			break;
		pkt_len += s->data_len;
		if (first == NULL)
			first = s;
		else
			last->next = s;
		last = s;
	}
	if (first == NULL)
		return NULL;
	first->nb_segs = (uint16_t)i;
	first->pkt_len = (fix & 0x80) ? pkt_len + (fix & 0x7f) - 64 : pkt_len;
	/* mostly TX flags (what an application sets), sometimes anything */
	first->ol_flags = (fix & 0x40) ? ol : (ol & RTE_MBUF_F_TX_OFFLOAD_MASK);
	first->tx_offload = lens;
	first->outer_l2_len = (uint16_t)(lens >> 56) & 0x7f;
	first->outer_l3_len = (uint16_t)(lens >> 48) & 0x1ff;
	if (!raw_lens)
		honour_header_lens(first);
	return first;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	struct rte_mbuf *pkts[MAX_PKTS];
	uint16_t n = 0, done, i;

	while (n < MAX_PKTS && fuzz_more(&in)) {
		pkts[n] = new_packet(&in);
		if (pkts[n] == NULL)
			break;
		n++;
	}
	rte_errno = 0;
	done = igbx_prep_pkts(txq, pkts, n);
	if (done > n)
		fuzz_fail("prepared %u of %u", done, n);
	if (done < n && rte_errno == 0)
		fuzz_fail("stopped at packet %u of %u without rte_errno", done, n);
	for (i = 0; i < n; i++)
		free_packet(pkts[i]);
	return 0;
}
