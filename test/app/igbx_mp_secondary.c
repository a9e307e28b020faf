/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_mp_secondary.c - the secondary of the multi-process test:
 * attaches to the ports igbx_mp_primary.c runs, reads stats and xstats, and
 * bursts on queue 1, which the primary leaves alone.
 *
 * Runs inside the same igbx-sim run as the primary:
 *   igbx_mp_secondary --proc-type=secondary EAL-ARGS [-- NB_FRAMES]
 * It sends NB_FRAMES IPv4 frames, each of its own flow chosen (from the RSS
 * key and RETA read back from port 1) to land on queue 1, on port 0 queue 1
 * and receives them on port 1 queue 1 (wire pair 0 <-> 1), checking count,
 * contents, RSS hash and the counters; then 8 frames of flows that land on
 * the primary's queue 0 (the primary reflects them back to port 0). Prints
 * "secondary stats port P ..." lines (the primary prints the same at exit)
 * and "N passed, N failed".
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_thash.h>

#define PORT_TX		0
#define PORT_RX		1
#define QUEUE		1	/* the secondary's queue on both ports */
#define PRIMARY_QUEUE	0	/* port 1 reflects it, port 0 counts it */
#define NB_TO_PRIMARY	8
#define MP_POOL_NAME	"igbx_mp_pool"	/* created by the primary */
#define MAX_FRAMES	256	/* for queue 1; NB_TO_PRIMARY more for queue 0 */
#define FRAME_LEN	128	/* without FCS */
#define IP_PROTO_TEST	253	/* RFC 3692 experimental: hashed on addresses only */
#define RSS_KEY_LEN	40
#define RETA_MAX	512
#define RX_WAIT_MS	3000

struct flow {
	uint32_t src, dst;	/* host order */
	uint32_t hash;
};

static unsigned int n_passed, n_failed;
static struct flow flows[MAX_FRAMES + NB_TO_PRIMARY];

static void __attribute__((format(printf, 2, 3)))
check(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (ok)
		n_passed++;
	else
		n_failed++;
}

/* Which queue RSS sends a hash to: the low bits index the RETA (7.1.2.8). */
static int read_rss(uint16_t port, uint8_t *key, uint16_t *reta, uint16_t *reta_size)
{
	struct rte_eth_rss_reta_entry64 conf[RETA_MAX / RTE_ETH_RETA_GROUP_SIZE];
	struct rte_eth_rss_conf rss = { .rss_key = key, .rss_key_len = RSS_KEY_LEN };
	struct rte_eth_dev_info info;
	unsigned int i;
	int ret;

	ret = rte_eth_dev_info_get(port, &info);
	if (ret == 0)
		ret = rte_eth_dev_rss_hash_conf_get(port, &rss);
	if (ret != 0 || info.reta_size == 0 || info.reta_size > RETA_MAX)
		return ret != 0 ? ret : -1;
	memset(conf, 0, sizeof(conf));
	for (i = 0; i < info.reta_size / RTE_ETH_RETA_GROUP_SIZE; i++)
		conf[i].mask = UINT64_MAX;
	ret = rte_eth_dev_rss_reta_query(port, conf, info.reta_size);
	for (i = 0; ret == 0 && i < info.reta_size; i++)
		reta[i] = conf[i / RTE_ETH_RETA_GROUP_SIZE].reta[i % RTE_ETH_RETA_GROUP_SIZE];
	*reta_size = info.reta_size;
	return ret;
}

/* flows[first..first+nb): distinct address pairs RSS maps to queue. */
static unsigned int choose_flows(uint16_t port, uint16_t queue, unsigned int first,
				 unsigned int nb)
{
	uint8_t key[RSS_KEY_LEN];
	uint16_t reta[RETA_MAX], reta_size;
	uint32_t tuple[2], i, found = 0;
	struct flow *f = &flows[first];

	if (read_rss(port, key, reta, &reta_size) != 0) {
		check(false, "port %u: RSS key and RETA readable", port);
		return 0;
	}
	for (i = 0; found < nb && i < 65536; i++) {
		tuple[0] = RTE_IPV4(198, 18, queue, 1 + (i & 0xff));
		tuple[1] = RTE_IPV4(198, 19, i >> 8, 1);
		f[found].hash = rte_softrss(tuple, 2, key);
		if (reta[f[found].hash % reta_size] != queue)
			continue;
		f[found].src = tuple[0];
		f[found].dst = tuple[1];
		found++;
	}
	check(found == nb, "%u flows hash to queue %u (%u wanted)", found, queue, nb);
	return found;
}

/* Ethernet + IPv4 (flow i) + payload: i, then a byte pattern of i. */
static void build_frame(uint8_t *buf, unsigned int i, const struct rte_ether_addr *src,
			const struct rte_ether_addr *dst)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)buf;
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	uint8_t *payload = (uint8_t *)(ip + 1);
	unsigned int k, len = FRAME_LEN - sizeof(*eth) - sizeof(*ip);

	memset(buf, 0, FRAME_LEN);
	rte_ether_addr_copy(dst, &eth->dst_addr);
	rte_ether_addr_copy(src, &eth->src_addr);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16(FRAME_LEN - sizeof(*eth));
	ip->time_to_live = 64;
	ip->next_proto_id = IP_PROTO_TEST;
	ip->src_addr = rte_cpu_to_be_32(flows[i].src);
	ip->dst_addr = rte_cpu_to_be_32(flows[i].dst);
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	memcpy(payload, &i, sizeof(i));
	for (k = sizeof(i); k < len; k++)
		payload[k] = (uint8_t)(i + k);
}

/* Frames of flows[first..first+nb) on port 0 queue 1. */
static unsigned int send_frames(struct rte_mempool *pool, unsigned int first,
				unsigned int nb)
{
	struct rte_ether_addr src, dst;
	struct rte_mbuf *m;
	unsigned int i, sent = 0;
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz();

	rte_eth_macaddr_get(PORT_TX, &src);
	rte_eth_macaddr_get(PORT_RX, &dst);
	for (i = 0; i < nb; i++) {
		m = rte_pktmbuf_alloc(pool);
		if (m == NULL)
			break;
		build_frame((uint8_t *)rte_pktmbuf_append(m, FRAME_LEN), first + i, &src,
			    &dst);
		while (rte_eth_tx_burst(PORT_TX, QUEUE, &m, 1) == 0) {
			if (rte_get_timer_cycles() > deadline) {
				rte_pktmbuf_free(m);
				return sent;
			}
		}
		sent++;
	}
	return sent;
}

/* One received frame: a frame we sent, not seen before, intact. */
static bool check_frame(struct rte_mbuf *m, unsigned int nb, bool *seen)
{
	struct rte_ether_addr src, dst;
	uint8_t want[FRAME_LEN];
	const uint8_t *got;
	unsigned int i;

	got = rte_pktmbuf_mtod_offset(m, const uint8_t *,
				      sizeof(struct rte_ether_hdr) + sizeof(struct rte_ipv4_hdr));
	memcpy(&i, got, sizeof(i));
	if (m->pkt_len != FRAME_LEN || m->nb_segs != 1 || i >= nb || seen[i]) {
		printf("unexpected frame: len %u segs %u index %u\n", m->pkt_len, m->nb_segs, i);
		return false;
	}
	seen[i] = true;
	rte_eth_macaddr_get(PORT_TX, &src);
	rte_eth_macaddr_get(PORT_RX, &dst);
	build_frame(want, i, &src, &dst);
	if (memcmp(want, rte_pktmbuf_mtod(m, const uint8_t *), FRAME_LEN) != 0) {
		printf("frame %u: contents differ\n", i);
		return false;
	}
	if ((m->ol_flags & RTE_MBUF_F_RX_RSS_HASH) && m->hash.rss != flows[i].hash) {
		printf("frame %u: RSS hash 0x%08x, computed 0x%08x\n", i, m->hash.rss,
		       flows[i].hash);
		return false;
	}
	return true;
}

static void receive_frames(unsigned int nb)
{
	static bool seen[MAX_FRAMES];
	struct rte_mbuf *pkts[32];
	unsigned int got = 0, good = 0, hashed = 0;
	uint64_t deadline = rte_get_timer_cycles() + rte_get_timer_hz() * RX_WAIT_MS / 1000;
	uint16_t n, k;

	while (rte_get_timer_cycles() < deadline) {
		n = rte_eth_rx_burst(PORT_RX, QUEUE, pkts, RTE_DIM(pkts));
		for (k = 0; k < n; k++) {
			good += check_frame(pkts[k], nb, seen);
			hashed += !!(pkts[k]->ol_flags & RTE_MBUF_F_RX_RSS_HASH);
			rte_pktmbuf_free(pkts[k]);
		}
		got += n;
		if (got >= nb)	/* then linger a little: nothing more may come */
			deadline = RTE_MIN(deadline, rte_get_timer_cycles() +
					   rte_get_timer_hz() / 5);
		rte_delay_us(50);
	}
	check(got == nb, "port %u queue %u received %u of %u frames", PORT_RX, QUEUE, got, nb);
	check(good == got, "%u of %u received frames intact, each once", good, got);
	check(hashed == got, "%u of %u received frames carry the RSS hash", hashed, got);
}

static void get_stats(uint16_t port, struct rte_eth_stats *st)
{
	memset(st, 0, sizeof(*st));
	check(rte_eth_stats_get(port, st) == 0, "port %u: stats_get", port);
}

/* The generic xstats equal the basic stats; the driver adds its own. */
static void check_xstats(uint16_t port, const struct rte_eth_stats *st)
{
	static const char *const names[] = { "rx_good_packets", "tx_good_packets",
					     "rx_good_bytes", "tx_good_bytes" };
	const uint64_t want[] = { st->ipackets, st->opackets, st->ibytes, st->obytes };
	struct rte_eth_xstat_name *xnames;
	struct rte_eth_xstat *xstats;
	int nb, i, j;

	nb = rte_eth_xstats_get_names(port, NULL, 0);
	xnames = calloc(nb > 0 ? nb : 1, sizeof(*xnames));
	xstats = calloc(nb > 0 ? nb : 1, sizeof(*xstats));
	check(nb > 0 && xnames && xstats && rte_eth_xstats_get_names(port, xnames, nb) == nb &&
	      rte_eth_xstats_get(port, xstats, nb) == nb, "port %u: %d xstats read", port, nb);
	for (j = 0; j < (int)RTE_DIM(names) && nb > 0 && xnames && xstats; j++) {
		for (i = 0; i < nb && strcmp(xnames[xstats[i].id].name, names[j]); i++)
			;
		check(i < nb && xstats[i].value == want[j],
		      "port %u: xstat %s %" PRIu64 ", stats say %" PRIu64, port, names[j],
		      i < nb ? xstats[i].value : UINT64_MAX, want[j]);
	}
	free(xnames);
	free(xstats);
}

/* Counters move with the engines: wait until port TX saw nb frames leave. */
static void check_counters(const struct rte_eth_stats *before, unsigned int nb)
{
	struct rte_eth_stats tx, rx;
	int ms;

	for (ms = 0; ms < 2000; ms += 50) {
		get_stats(PORT_TX, &tx);
		get_stats(PORT_RX, &rx);
		if (tx.opackets - before[PORT_TX].opackets >= nb &&
		    rx.ipackets - before[PORT_RX].ipackets >= nb)
			break;
		rte_delay_ms(50);
	}
	check(tx.opackets - before[PORT_TX].opackets == nb &&
	      tx.obytes - before[PORT_TX].obytes == (uint64_t)nb * FRAME_LEN,
	      "port %u sent %" PRIu64 " frames %" PRIu64 " bytes, want %u and %u", PORT_TX,
	      tx.opackets - before[PORT_TX].opackets, tx.obytes - before[PORT_TX].obytes,
	      nb, nb * FRAME_LEN);
	check(rx.ipackets - before[PORT_RX].ipackets == nb &&
	      rx.ibytes - before[PORT_RX].ibytes == (uint64_t)nb * FRAME_LEN &&
	      rx.ierrors == before[PORT_RX].ierrors,
	      "port %u received %" PRIu64 " frames %" PRIu64 " bytes, want %u and %u", PORT_RX,
	      rx.ipackets - before[PORT_RX].ipackets, rx.ibytes - before[PORT_RX].ibytes,
	      nb, nb * FRAME_LEN);
	check_xstats(PORT_TX, &tx);
	check_xstats(PORT_RX, &rx);
}

/* Frames for the primary's queue 0 while it runs: port 1 reflects them to
 * port 0, and none of them reaches queue 1. */
static void send_to_primary(struct rte_mempool *pool, unsigned int first)
{
	struct rte_eth_stats before, st;
	struct rte_mbuf *pkts[32];
	unsigned int sent, stray = 0;
	uint16_t n;
	int ms;

	get_stats(PORT_TX, &before);
	sent = send_frames(pool, first, NB_TO_PRIMARY);
	for (ms = 0; ms < 3000; ms += 50) {
		get_stats(PORT_TX, &st);
		if (st.ipackets - before.ipackets >= sent)
			break;
		rte_delay_ms(50);
	}
	rte_delay_ms(100);
	get_stats(PORT_TX, &st);
	for (n = 1; n > 0; stray += n) {
		n = rte_eth_rx_burst(PORT_RX, QUEUE, pkts, RTE_DIM(pkts));
		n += rte_eth_rx_burst(PORT_TX, QUEUE, pkts + n, RTE_DIM(pkts) - n);
		rte_pktmbuf_free_bulk(pkts, n);
	}
	check(sent == NB_TO_PRIMARY && st.ipackets - before.ipackets == sent &&
	      st.opackets - before.opackets == sent && stray == 0,
	      "%u of %u frames for queue 0 sent, %" PRIu64 " came back to port %u, "
	      "%u on queue %u", sent, NB_TO_PRIMARY, st.ipackets - before.ipackets,
	      PORT_TX, stray, QUEUE);
}

static void print_stats(uint16_t port)
{
	struct rte_eth_stats st;

	get_stats(port, &st);
	printf("secondary stats port %u ipackets %" PRIu64 " opackets %" PRIu64
	       " ibytes %" PRIu64 " obytes %" PRIu64 " ierrors %" PRIu64 "\n", port,
	       st.ipackets, st.opackets, st.ibytes, st.obytes, st.ierrors);
}

static void check_ports(void)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	uint16_t port;

	check(rte_eal_process_type() == RTE_PROC_SECONDARY, "running as a secondary");
	check(rte_eth_dev_count_avail() == 2, "%u ports attached", rte_eth_dev_count_avail());
	for (port = 0; port < 2; port++) {
		memset(&info, 0, sizeof(info));
		memset(&link, 0, sizeof(link));
		check(rte_eth_dev_info_get(port, &info) == 0, "port %u: device info", port);
		check(rte_eth_link_get_nowait(port, &link) == 0, "port %u: link query", port);
		check(info.nb_rx_queues == 2 && info.nb_tx_queues == 2 && link.link_status,
		      "port %u driver %s: %u/%u queues configured, link %s", port,
		      info.driver_name ? info.driver_name : "?", info.nb_rx_queues,
		      info.nb_tx_queues, link.link_status ? "up" : "down");
	}
}

int main(int argc, char **argv)
{
	struct rte_eth_stats before[2];
	struct rte_mempool *pool;
	unsigned int nb = 32, sent;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		printf("rte_eal_init failed: %s\n", rte_strerror(rte_errno));
		return 2;
	}
	if (argc - ret >= 2)
		nb = (unsigned int)strtoul(argv[ret + 1], NULL, 0);
	if (nb == 0 || nb > MAX_FRAMES) {
		printf("NB_FRAMES %u: allowed 1..%u\n", nb, MAX_FRAMES);
		return 2;
	}
	check_ports();
	pool = rte_mempool_lookup(MP_POOL_NAME);
	check(pool != NULL, "the primary's pool %s found", MP_POOL_NAME);
	if (pool != NULL && choose_flows(PORT_RX, QUEUE, 0, nb) == nb &&
	    choose_flows(PORT_RX, PRIMARY_QUEUE, nb, NB_TO_PRIMARY) == NB_TO_PRIMARY) {
		get_stats(PORT_TX, &before[PORT_TX]);
		get_stats(PORT_RX, &before[PORT_RX]);
		sent = send_frames(pool, 0, nb);
		check(sent == nb, "port %u queue %u sent %u of %u frames", PORT_TX, QUEUE, sent, nb);
		receive_frames(nb);
		check_counters(before, nb);
		send_to_primary(pool, nb);
	}
	print_stats(0);
	print_stats(1);
	printf("%u passed, %u failed\n", n_passed, n_failed);
	fflush(stdout);
	rte_eal_cleanup();
	return n_failed ? 1 : 0;
}
