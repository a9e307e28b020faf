/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_bench.c - the driver's own CPU cost of io forwarding between two ports: rx_burst then
 * tx_burst, timed with the TSC around those calls only (the device works outside them). */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_udp.h>
#ifdef IGBX_BENCH_HAVE_CALLGRIND
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT do { } while (0)
#endif

#define BENCH_PORTS	2
#define BENCH_MAX_RUNS	32
#define BENCH_WAIT_TSC_MS 20	/* waiting for a full burst gives up after this */

struct bench_opts {
	uint64_t packets;	/* forwarded packets per run */
	unsigned int runs;
	uint16_t burst;
	uint16_t prime;		/* frames put in flight before forwarding */
	uint16_t desc;
	uint16_t frame;		/* frame length without FCS */
	uint16_t tx_free_thresh;	/* 0: the driver's default */
	int callgrind;		/* toggle callgrind collection around the bursts */
	int full_bursts;	/* wait (untimed) until a full burst is ready */
	int sync_device;	/* run the simulated device on this thread, untimed */
	int dma_device;		/* and then evict the lines it touched from the caches */
	int split;		/* also time rx_burst and tx_burst apart (a third TSC read) */
	const char *hold;	/* primary only: set up, touch this file, run until it goes */
};

struct bench_run {
	uint64_t cycles, packets, bursts, empty_polls, empty_cycles;
	uint32_t *burst_cpp_x100;	/* cycles/packet x 100 of each non-empty burst */
	uint32_t *rx_cpp_x100, *tx_cpp_x100;	/* --split: the same for each part */
	uint64_t nb_samples, max_samples;
};

static struct bench_opts opts = {
	.packets = 200000, .runs = 5, .burst = 32, .prime = 256, .desc = 512, .frame = 60,
	.full_bursts = 1,
};

/* every packet forwarded while callgrind collected, warm-up included */
static uint64_t collected_packets;

/*
 * --sync-device: the simulator's device thread is held and its engines run
 * here, between the timed bursts, until they have nothing left to do. The
 * timed code then meets the device's work only as memory the device wrote,
 * never as a device writing concurrently on another CPU (whose cache-line
 * transfers cost both drivers alike and vary with where the VM's vCPUs run).
 */
static int (*sim_hold)(int on);
static unsigned int (*sim_step)(void);

/*
 * --dma-device: as --sync-device, and after each stepping the device's
 * DMA is completed as a real NIC's would be: every line it wrote
 * (descriptor write-backs, frames) or read (TX descriptors, frames) is
 * flushed from the CPU caches (igbx_sim_dma_track/evict), so the timed
 * bursts pay the misses the driver takes on a real 82576.
 */
static void (*sim_dma_track)(int on);
static unsigned int (*sim_dma_evict)(void);
static uint64_t dma_lines;	/* lines evicted while timing */

static int
sync_device_start(void)
{
	sim_hold = (int (*)(int))dlsym(RTLD_DEFAULT, "igbx_sim_hold");
	sim_step = (unsigned int (*)(void))dlsym(RTLD_DEFAULT, "igbx_sim_step");
	if (sim_hold == NULL || sim_step == NULL) {
		fprintf(stderr, "--sync-device: not running under igbx-sim\n");
		return -1;
	}
	if (opts.dma_device) {
		sim_dma_track = (void (*)(int))dlsym(RTLD_DEFAULT, "igbx_sim_dma_track");
		sim_dma_evict = (unsigned int (*)(void))dlsym(RTLD_DEFAULT, "igbx_sim_dma_evict");
		if (sim_dma_track == NULL || sim_dma_evict == NULL) {
			fprintf(stderr, "--dma-device: this igbx-sim cannot evict\n");
			return -1;
		}
	}
	if (sim_hold(1) != 0)
		return -1;
	if (opts.dma_device)
		sim_dma_track(1);
	return 0;
}

static void
sync_device_stop(void)
{
	if (opts.dma_device)
		sim_dma_track(0);
	sim_hold(0);
}

static void
sync_device_run(void)
{
	unsigned int i;

	for (i = 0; i < 64 && sim_step() != 0; i++)
		;
	if (opts.dma_device)
		dma_lines += sim_dma_evict();
}

static void
usage(const char *prog)
{
	fprintf(stderr, "usage: %s <EAL args> -- [--packets N] [--runs R] [--burst B] "
		"[--prime P] [--desc D] [--callgrind] [--no-wait] [--hold FILE]\n"
		"  [--tx-free-thresh N] [--sync-device] [--dma-device] [--split]\n"
		"  --sync-device: hold the simulated device and run it between the timed\n"
		"  bursts, on this thread\n"
		"  --dma-device: as --sync-device, then evict every line the device wrote\n"
		"  or read from the CPU caches, as its DMA would\n"
		"  --split: also report rx_burst and tx_burst apart (medians; the extra\n"
		"  TSC read adds to both)\n"
		"  --hold FILE: set the ports up, create FILE, keep them until FILE is removed\n"
		"  (a secondary process, e.g. under valgrind, then forwards with no setup)\n",
		prog);
}

static int
parse_opts(int argc, char **argv)
{
	static const struct option longs[] = {
		{ "packets", required_argument, NULL, 'n' }, { "runs", required_argument, NULL, 'r' },
		{ "burst", required_argument, NULL, 'b' }, { "prime", required_argument, NULL, 'p' },
		{ "desc", required_argument, NULL, 'd' }, { "callgrind", no_argument, NULL, 'c' },
		{ "no-wait", no_argument, NULL, 'w' }, { "hold", required_argument, NULL, 'h' },
		{ "tx-free-thresh", required_argument, NULL, 'f' },
		{ "sync-device", no_argument, NULL, 's' },
		{ "dma-device", no_argument, NULL, 'D' },
		{ "split", no_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		switch (c) {
		case 'n': opts.packets = strtoull(optarg, NULL, 0); break;
		case 'r': opts.runs = (unsigned int)atoi(optarg); break;
		case 'b': opts.burst = (uint16_t)atoi(optarg); break;
		case 'p': opts.prime = (uint16_t)atoi(optarg); break;
		case 'd': opts.desc = (uint16_t)atoi(optarg); break;
		case 'c': opts.callgrind = 1; break;
		case 'w': opts.full_bursts = 0; break;
		case 'h': opts.hold = optarg; break;
		case 'f': opts.tx_free_thresh = (uint16_t)atoi(optarg); break;
		case 's': opts.sync_device = 1; break;
		case 'D': opts.sync_device = 1; opts.dma_device = 1; break;
		case 'S': opts.split = 1; break;
		default: return -1;
		}
	}
	if (opts.runs == 0 || opts.runs > BENCH_MAX_RUNS || opts.burst == 0 ||
	    opts.burst > 512 || opts.packets == 0)
		return -1;
	return 0;
}

static int
setup_port(uint16_t port, struct rte_mempool *mp)
{
	struct rte_eth_conf conf = { 0 };
	struct rte_eth_dev_info info;
	struct rte_eth_txconf txconf;
	int ret;

	ret = rte_eth_dev_info_get(port, &info);
	if (ret != 0)
		return ret;
	/* as testpmd: fast free whenever the driver offers it */
	if (info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE)
		conf.txmode.offloads |= RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	txconf = info.default_txconf;
	txconf.offloads = conf.txmode.offloads;
	if (opts.tx_free_thresh != 0)
		txconf.tx_free_thresh = opts.tx_free_thresh;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, opts.desc, rte_socket_id(), NULL, mp);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, opts.desc, rte_socket_id(), &txconf);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		return ret;
	rte_eth_promiscuous_enable(port);
	return 0;
}

/* Both ends of the simulated wire must be up before frames flow. */
static void
wait_links(void)
{
	struct rte_eth_link link;
	uint16_t port;
	int i;

	for (port = 0; port < BENCH_PORTS; port++) {
		for (i = 0; i < 100; i++) {
			if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status)
				break;
			rte_delay_ms(100);
		}
		if (i == 100)
			fprintf(stderr, "port %u: link still down\n", port);
	}
}

static void
print_port(uint16_t port)
{
	struct rte_eth_burst_mode rx = { 0 }, tx = { 0 };
	struct rte_eth_rxq_info rxq = { 0 };
	struct rte_eth_txq_info txq = { 0 };
	struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(port, &info) != 0) {
		printf("port %u: no device info\n", port);
		return;
	}
	if (rte_eth_rx_burst_mode_get(port, 0, &rx) != 0)
		snprintf(rx.info, sizeof(rx.info), "n/a");
	if (rte_eth_tx_burst_mode_get(port, 0, &tx) != 0)
		snprintf(tx.info, sizeof(tx.info), "n/a");
	/* the thresholds the queues took (0: the driver did not say) */
	rte_eth_rx_queue_info_get(port, 0, &rxq);
	rte_eth_tx_queue_info_get(port, 0, &txq);
	printf("port %u: driver %s rx \"%s\" tx \"%s\" fast_free %s rx_free_thresh %u "
	       "tx_free_thresh %u tx_rs_thresh %u\n", port, info.driver_name, rx.info, tx.info,
	       (info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE) ? "yes" : "no",
	       rxq.conf.rx_free_thresh, txq.conf.tx_free_thresh, txq.conf.tx_rs_thresh);
}

/* An IPv4/UDP frame from port to its peer. */
static void
build_frame(struct rte_mbuf *m, uint16_t port, uint16_t seq)
{
	struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(ip + 1);

	memset(eth, 0, opts.frame);
	rte_eth_macaddr_get(port ^ 1, &eth->dst_addr);
	rte_eth_macaddr_get(port, &eth->src_addr);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16(opts.frame - sizeof(*eth));
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(0xC0A80001 + port);
	ip->dst_addr = rte_cpu_to_be_32(0xC0A80001 + (port ^ 1));
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp->src_port = rte_cpu_to_be_16(seq);
	udp->dst_port = rte_cpu_to_be_16(9);
	udp->dgram_len = rte_cpu_to_be_16(opts.frame - sizeof(*eth) - sizeof(*ip));
	m->data_len = opts.frame;
	m->pkt_len = opts.frame;
}

/* tx_first: opts.prime frames, half from each port. */
static int
prime_ports(struct rte_mempool *mp)
{
	struct rte_mbuf *m[512];
	uint16_t port, i, sent, half = opts.prime / BENCH_PORTS;

	for (port = 0; port < BENCH_PORTS; port++) {
		if (half > RTE_DIM(m) || rte_pktmbuf_alloc_bulk(mp, m, half) != 0)
			return -ENOMEM;
		for (i = 0; i < half; i++)
			build_frame(m[i], port, i);
		for (sent = 0, i = 0; sent < half && i < 1000; i++) {
			sent += rte_eth_tx_burst(port, 0, m + sent, half - sent);
			if (sent < half)
				rte_delay_us(100);
		}
		if (sent < half)
			rte_pktmbuf_free_bulk(m + sent, half - sent);
	}
	return 0;
}

/* Untimed: let the device fill a whole burst (or give up after a while). */
static void
wait_full_burst(uint16_t port)
{
	uint64_t give_up = rte_rdtsc() + rte_get_tsc_hz() / 1000 * BENCH_WAIT_TSC_MS;

	while (rte_eth_rx_descriptor_status(port, 0, opts.burst - 1) != RTE_ETH_RX_DESC_DONE &&
	       rte_rdtsc() < give_up)
		rte_pause();
}

/* TSC cost of the timing itself, subtracted from each timed iteration. */
static uint64_t
tsc_overhead(void)
{
	uint64_t best = UINT64_MAX;
	int i;

	for (i = 0; i < 10000; i++) {
		uint64_t t0 = rte_rdtsc_precise(), t1 = rte_rdtsc_precise();

		best = RTE_MIN(best, t1 - t0);
	}
	return best;
}

/* One forwarding step on port p: rx_burst there, tx_burst to its peer. */
static inline void
forward_once(uint16_t p, uint64_t overhead, struct bench_run *r)
{
	struct rte_mbuf *pkts[512];
	uint64_t t0, tm = 0, t1;
	uint16_t nb, sent = 0;

	if (opts.sync_device)
		sync_device_run();
	else if (opts.full_bursts)
		wait_full_burst(p);
	if (opts.callgrind)
		CALLGRIND_TOGGLE_COLLECT;
	t0 = rte_rdtsc_precise();
	nb = rte_eth_rx_burst(p, 0, pkts, opts.burst);
	if (opts.split)
		tm = rte_rdtsc_precise();
	if (nb != 0)
		sent = rte_eth_tx_burst(p ^ 1, 0, pkts, nb);
	t1 = rte_rdtsc_precise();
	if (opts.callgrind)
		CALLGRIND_TOGGLE_COLLECT;
	if (nb == 0) {
		r->empty_polls++;
		r->empty_cycles += t1 - t0 - overhead;
		return;
	}
	r->cycles += t1 - t0 - overhead;
	if (r->nb_samples < r->max_samples && sent != 0) {
		if (opts.split) {
			r->rx_cpp_x100[r->nb_samples] =
				(uint32_t)RTE_MIN((tm - t0 - overhead) * 100 / sent, UINT32_MAX);
			r->tx_cpp_x100[r->nb_samples] =
				(uint32_t)RTE_MIN((t1 - tm - overhead) * 100 / sent, UINT32_MAX);
		}
		r->burst_cpp_x100[r->nb_samples++] =
			(uint32_t)RTE_MIN((t1 - t0 - overhead) * 100 / sent, UINT32_MAX);
	}
	r->packets += sent;
	collected_packets += sent;
	r->bursts++;
	if (sent < nb)
		rte_pktmbuf_free_bulk(pkts + sent, nb - sent);
}

static void
run_once(uint64_t overhead, struct bench_run *r)
{
	uint32_t *samples = r->burst_cpp_x100, *rx = r->rx_cpp_x100, *tx = r->tx_cpp_x100;
	uint64_t max = r->max_samples;

	memset(r, 0, sizeof(*r));
	r->burst_cpp_x100 = samples;
	r->rx_cpp_x100 = rx;
	r->tx_cpp_x100 = tx;
	r->max_samples = max;
	while (r->packets < opts.packets) {
		forward_once(0, overhead, r);
		forward_once(1, overhead, r);
	}
}

/*
 * The simulated device's threads live in this process (started by the
 * preload before EAL pinned us): keep them off our CPU so they never
 * preempt a timed burst.
 */
static void
move_other_threads(void)
{
	pid_t self = (pid_t)syscall(SYS_gettid);
	int mine = sched_getcpu(), cpu, moved = 0;
	struct dirent *e;
	cpu_set_t others;
	DIR *d;

	CPU_ZERO(&others);
	for (cpu = 0; cpu < CPU_SETSIZE && cpu < (int)sysconf(_SC_NPROCESSORS_ONLN); cpu++)
		if (cpu != mine)
			CPU_SET(cpu, &others);
	if (CPU_COUNT(&others) == 0)
		return;
	d = opendir("/proc/self/task");
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		pid_t tid = (pid_t)atoi(e->d_name);

		if (tid > 0 && tid != self &&
		    sched_setaffinity(tid, sizeof(others), &others) == 0)
			moved++;
	}
	closedir(d);
	printf("timing on cpu %d; %d other threads moved off it\n", mine, moved);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Median over a run's bursts: immune to the odd interrupt or VM exit in a burst. */
static uint64_t
median_x100(uint32_t *samples, uint64_t n)
{
	if (n == 0 || samples == NULL)
		return 0;
	qsort(samples, n, sizeof(uint32_t), cmp_u32);
	return samples[n / 2];
}

static void
report(struct bench_run *runs, unsigned int n)
{
	uint64_t cpp_x100[BENCH_MAX_RUNS], mean_x100[BENCH_MAX_RUNS];
	uint64_t rx_x100[BENCH_MAX_RUNS], tx_x100[BENCH_MAX_RUNS];
	uint64_t total = 0, bursts = 0, empties = 0, empty_cyc = 0;
	double cpp, mean, hz = (double)rte_get_tsc_hz();
	unsigned int i;

	for (i = 0; i < n; i++) {
		cpp_x100[i] = median_x100(runs[i].burst_cpp_x100, runs[i].nb_samples);
		rx_x100[i] = median_x100(runs[i].rx_cpp_x100, runs[i].nb_samples);
		tx_x100[i] = median_x100(runs[i].tx_cpp_x100, runs[i].nb_samples);
		mean_x100[i] = runs[i].cycles * 100 / runs[i].packets;
		total += runs[i].packets;
		bursts += runs[i].bursts;
		empties += runs[i].empty_polls;
		empty_cyc += runs[i].empty_cycles;
		printf("run %u: median burst %.2f cycles/pkt, mean %.2f, over %" PRIu64
		       " packets\n", i, cpp_x100[i] / 100.0, mean_x100[i] / 100.0,
		       runs[i].packets);
	}
	qsort(cpp_x100, n, sizeof(cpp_x100[0]), cmp_u64);
	qsort(mean_x100, n, sizeof(mean_x100[0]), cmp_u64);
	cpp = cpp_x100[n / 2] / 100.0;
	mean = mean_x100[n / 2] / 100.0;
	if (opts.split) {
		qsort(rx_x100, n, sizeof(rx_x100[0]), cmp_u64);
		qsort(tx_x100, n, sizeof(tx_x100[0]), cmp_u64);
		printf("SPLIT rx_cycles_per_pkt=%.2f tx_cycles_per_pkt=%.2f\n",
		       rx_x100[n / 2] / 100.0, tx_x100[n / 2] / 100.0);
	}
	printf("RESULT cycles_per_pkt=%.2f mean_cycles_per_pkt=%.2f packets=%" PRIu64
	       " avg_burst=%.1f "
	       "empty_polls=%" PRIu64 " empty_poll_cycles=%.1f mpps_per_core=%.2f tsc_hz=%.0f "
	       "collected_packets=%" PRIu64 " dma_lines_per_pkt=%.2f\n",
	       cpp, mean, total, bursts ? (double)total / bursts : 0.0, empties,
	       empties ? (double)empty_cyc / empties : 0.0, hz / cpp / 1e6, hz,
	       collected_packets, total ? (double)dma_lines / total : 0.0);
}

/* Keep the ports (and the simulated device, in this process) until hold_file is removed. */
static int
hold_ports(const char *hold_file)
{
	FILE *f = fopen(hold_file, "w");
	uint16_t i;

	if (f == NULL)
		return 1;
	fclose(f);
	while (access(hold_file, F_OK) == 0)
		rte_delay_ms(50);
	for (i = 0; i < BENCH_PORTS; i++) {
		rte_eth_dev_stop(i);
		rte_eth_dev_close(i);
	}
	rte_eal_cleanup();
	return 0;
}

int
main(int argc, char **argv)
{
	struct bench_run runs[BENCH_MAX_RUNS];
	struct rte_mempool *mp;
	uint64_t overhead;
	unsigned int i;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0) {
		fprintf(stderr, "rte_eal_init failed\n");
		return 1;
	}
	argc -= ret;
	argv += ret;
	if (parse_opts(argc, argv) != 0) {
		usage(argv[0]);
		return 2;
	}
	if (rte_eth_dev_count_avail() < BENCH_PORTS) {
		fprintf(stderr, "need %u ports, have %u\n", BENCH_PORTS, rte_eth_dev_count_avail());
		return 1;
	}
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		/* valgrind cannot run the simulator's register traps: the primary set up */
		mp = rte_mempool_lookup("bench_pool");
		if (mp == NULL)
			return 1;
		for (i = 0; i < BENCH_PORTS; i++)
			print_port(i);
	} else {
		mp = rte_pktmbuf_pool_create("bench_pool", 8191, 256, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
		if (mp == NULL)
			return 1;
		/* IOVA-contiguous chunks: 1 with EAL --legacy-mem (run-bench.sh) */
		printf("pool: %u chunks\n", mp->nb_mem_chunks);
		for (i = 0; i < BENCH_PORTS; i++) {
			ret = setup_port(i, mp);
			if (ret != 0) {
				fprintf(stderr, "port %u setup failed: %s\n", i, strerror(-ret));
				return 1;
			}
			print_port(i);
		}
		wait_links();
		if (opts.hold != NULL)
			return hold_ports(opts.hold);
	}
	move_other_threads();
	if (prime_ports(mp) != 0)
		return 1;
	overhead = opts.callgrind ? 0 : tsc_overhead();
	for (i = 0; i < opts.runs; i++) {
		runs[i].max_samples = opts.packets + 2 * opts.burst;
		runs[i].burst_cpp_x100 = calloc(runs[i].max_samples, sizeof(uint32_t));
		runs[i].rx_cpp_x100 = opts.split ?
			calloc(runs[i].max_samples, sizeof(uint32_t)) : NULL;
		runs[i].tx_cpp_x100 = opts.split ?
			calloc(runs[i].max_samples, sizeof(uint32_t)) : NULL;
		if (runs[i].burst_cpp_x100 == NULL ||
		    (opts.split && (runs[i].rx_cpp_x100 == NULL || runs[i].tx_cpp_x100 == NULL)))
			return 1;
	}
	if (opts.sync_device && sync_device_start() != 0)
		return 1;
	/* A warm-up run (caches, mempool caches), then the measured ones. */
	run_once(overhead, &runs[0]);
	dma_lines = 0;
	for (i = 0; i < opts.runs; i++)
		run_once(overhead, &runs[i]);
	if (opts.sync_device)
		sync_device_stop();
	report(runs, opts.runs);
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		return 0;
	for (i = 0; i < BENCH_PORTS; i++) {
		rte_eth_dev_stop(i);
		rte_eth_dev_close(i);
	}
	rte_eal_cleanup();
	return 0;
}
