/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sim_bench.c - how fast the simulated 82576 forwards 64-byte frames over a
 * port pair on one core: the device loop timed alone, the driver side free.
 * Usage: sim_bench [frames each port sends first, default 64]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engines.h"

#define BENCH_RING	512		/* descriptors per ring, as testpmd's default */
#define BENCH_BUF	2048		/* bytes per host buffer (SRRCTL 2 KiB) */
#define BENCH_POOL	(4 * BENCH_RING)	/* host buffers, both ports */
#define BENCH_FRAME	60		/* 64 bytes on the wire with the FCS */
#define BENCH_RUNS	5
#define BENCH_INFLIGHT	64		/* frames each port sends first (2 bursts) */
#define BENCH_FRAMES	(2u << 20)	/* frames received per run */

/* ---- platform: host memory is this process's, IOVA == VA ------------- */
#define SIM_STUB_OWN_WIRE
#include "platform_stub.h"

/* the device thread holds a port's lock (robust, process-shared) around
 * its step; so do we, with the same kind of lock
 */
static pthread_mutex_t bench_lock[2];
static bool bench_peer_locked[2];

/* A back-to-back pair, as wire.c delivers it: under the peer's lock, taken
 * at the first frame of a TX poll and let go after it.
 */
void sim_wire_send(struct sim_port *p, const uint8_t *frame, uint32_t len)
{
	struct sim_port *peer = p->peer;

	atomic_fetch_add_explicit(&p->wire_tx_frames, 1, memory_order_relaxed);
	if (!bench_peer_locked[p->id]) {
		pthread_mutex_lock(&bench_lock[peer->id]);
		bench_peer_locked[p->id] = true;
	}
	atomic_fetch_add_explicit(&peer->wire_rx_frames, 1,
				  memory_order_relaxed);
	sim_rx_frame(peer, frame, len, true);
}

static void wire_flush(struct sim_port *p)
{
	if (bench_peer_locked[p->id]) {
		bench_peer_locked[p->id] = false;
		pthread_mutex_unlock(&bench_lock[p->peer->id]);
	}
}

/* ---- the "driver": rings in plain memory ------------------------------ */
struct bench_port {
	struct sim_port *p;
	uint8_t *rxd, *txd;		/* descriptor rings, 16 bytes each */
	uint8_t *rx_buf[BENCH_RING];	/* buffer behind each RX descriptor */
	uint8_t *tx_buf[BENCH_RING];
	uint32_t rx_next;		/* next RX descriptor to look at */
	uint32_t tx_tail, tx_clean;
	uint64_t received;
};

static struct bench_port bench_ports[2];
static uint8_t *pool[BENCH_POOL];
static unsigned int pool_free;

static void *bench_alloc(size_t len)
{
	void *v = aligned_alloc(4096, (len + 4095) & ~(size_t)4095);

	if (!v) {
		fprintf(stderr, "sim_bench: out of memory\n");
		exit(1);
	}
	memset(v, 0, len);
	return v;
}

static void desc_put(uint8_t *d, uint64_t qw0, uint32_t w2, uint32_t w3)
{
	memcpy(d, &qw0, 8);
	memcpy(d + 8, &w2, 4);
	__atomic_store_n((uint32_t *)(d + 12), w3, __ATOMIC_RELAXED);
}

static uint32_t desc_word(const uint8_t *d, unsigned int w)
{
	return __atomic_load_n((const uint32_t *)(d + 4 * w), __ATOMIC_ACQUIRE);
}

/* Stock igb's doorbells: queue 0 through the 0x2800/0x3800 copies. */
static void doorbell(struct bench_port *b, bool tx, uint32_t tail)
{
	__atomic_thread_fence(__ATOMIC_RELEASE);
	sim_reg_poke(b->p, tx ? SIM_TXQ_ALIAS(0, SIM_Q_TAIL) :
		     SIM_RXQ_ALIAS(0, SIM_Q_TAIL), tail);
}

static void rx_arm(struct bench_port *b, uint32_t i)
{
	b->rx_buf[i] = pool[--pool_free];
	desc_put(b->rxd + 16 * i, (uintptr_t)b->rx_buf[i], 0, 0);
}

/* Advanced data descriptor, one buffer, RS on every packet as igb does. */
static bool tx_post(struct bench_port *b, uint8_t *buf, uint32_t len)
{
	uint32_t cmd = len | SIM_TXD_CMD_DEXT | SIM_TXD_CMD_IFCS |
		       SIM_TXD_CMD_EOP | SIM_TXD_CMD_RS |
		       SIM_TXD_DTYP_DATA << SIM_TXD_DTYP_SHIFT;

	if ((b->tx_tail + 1) % BENCH_RING == b->tx_clean)
		return false;
	b->tx_buf[b->tx_tail] = buf;
	desc_put(b->txd + 16 * b->tx_tail, (uintptr_t)buf, cmd,
		 len << SIM_TXD_PAYLEN_SHIFT);
	b->tx_tail = (b->tx_tail + 1) % BENCH_RING;
	return true;
}

static void tx_clean(struct bench_port *b)
{
	while (b->tx_clean != b->tx_tail &&
	       (desc_word(b->txd + 16 * b->tx_clean, 3) & SIM_TXD_STA_DD)) {
		pool[pool_free++] = b->tx_buf[b->tx_clean];
		b->tx_clean = (b->tx_clean + 1) % BENCH_RING;
	}
}

/* io forwarding: what port i received leaves through port i ^ 1. */
static void driver_step(struct bench_port *b, struct bench_port *out)
{
	uint32_t n = 0, st, len;
	uint8_t *d;

	tx_clean(out);
	for (;;) {
		d = b->rxd + 16 * b->rx_next;
		st = desc_word(d, 2);
		if (!(st & SIM_RXD_STAT_DD))
			break;
		len = desc_word(d, 3) & 0xffffu;
		if (!tx_post(out, b->rx_buf[b->rx_next], len))
			pool[pool_free++] = b->rx_buf[b->rx_next];
		rx_arm(b, b->rx_next);
		b->rx_next = (b->rx_next + 1) % BENCH_RING;
		n++;
	}
	if (n) {
		b->received += n;
		doorbell(b, false, (b->rx_next + BENCH_RING - 1) % BENCH_RING);
		doorbell(out, true, out->tx_tail);
	}
}

/* ---- bring-up, in the order a driver does it -------------------------- */
static void port_rings(struct bench_port *b)
{
	struct sim_port *p = b->p;
	uint64_t rx = (uintptr_t)b->rxd, tx = (uintptr_t)b->txd;
	uint32_t i;

	for (i = 0; i < BENCH_RING; i++)
		rx_arm(b, i);
	/* queue registers sit on the polled pages: plain stores */
	sim_reg_poke(p, SIM_RXQ_ALIAS(0, SIM_Q_BAL), (uint32_t)rx);
	sim_reg_poke(p, SIM_RXQ_ALIAS(0, SIM_Q_BAH), (uint32_t)(rx >> 32));
	sim_reg_poke(p, SIM_RXQ_ALIAS(0, SIM_Q_LEN), BENCH_RING * 16);
	sim_reg_poke(p, SIM_RXQ_ALIAS(0, SIM_Q_SRRCTL),
		     SIM_SRRCTL_DESCTYPE_ADV_1BUF << SIM_SRRCTL_DESCTYPE_SHIFT |
		     BENCH_BUF / 1024);
	sim_reg_poke(p, SIM_RXQ_ALIAS(0, SIM_Q_DCTL), SIM_DCTL_ENABLE);
	sim_reg_poke(p, SIM_TXQ_ALIAS(0, SIM_Q_BAL), (uint32_t)tx);
	sim_reg_poke(p, SIM_TXQ_ALIAS(0, SIM_Q_BAH), (uint32_t)(tx >> 32));
	sim_reg_poke(p, SIM_TXQ_ALIAS(0, SIM_Q_LEN), BENCH_RING * 16);
	sim_reg_poke(p, SIM_TXQ_ALIAS(0, SIM_Q_DCTL), SIM_DCTL_ENABLE);
	sim_port_tick(p);
	doorbell(b, false, BENCH_RING - 1);
	/* trapped registers: through the model, with their side effects */
	sim_reg_write(p, SIM_RXCSUM, SIM_RXCSUM_IPOFLD | SIM_RXCSUM_TUOFLD, 4);
	sim_reg_write(p, SIM_RCTL, SIM_RCTL_EN | SIM_RCTL_BAM | SIM_RCTL_UPE |
		      SIM_RCTL_MPE | SIM_RCTL_SECRC, 4);
	sim_reg_write(p, SIM_TCTL, SIM_TCTL_EN | SIM_TCTL_PSP, 4);
}

static void port_setup(unsigned int id)
{
	struct bench_port *b = &bench_ports[id];
	struct sim_port *p = &sim_ports[id];
	static const uint8_t mac[6] = { 0x02, 0x00, 0x00, 0x00, 0x00, 0x00 };
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&bench_lock[id], &attr);
	pthread_mutexattr_destroy(&attr);
	p->id = id;
	p->bar = bench_alloc(SIM_BAR0_SIZE);
	p->sh = bench_alloc(sizeof(*p->sh));
	p->primary = true;
	p->irq_fd = p->cfg_fd = p->tap_fd = -1;
	p->wire = SIM_WIRE_PAIR;
	p->peer = &sim_ports[id ^ 1];
	memcpy(p->sh->mac, mac, sizeof(mac));
	p->sh->mac[5] = (uint8_t)id;
	sim_port_power_on(p);
	b->p = p;
	b->rxd = bench_alloc(BENCH_RING * 16);
	b->txd = bench_alloc(BENCH_RING * 16);
	port_rings(b);
}

/* 60 bytes: Ethernet, IPv4 (checksum right), UDP, zero payload. */
static void frame_build(uint8_t *f, unsigned int to)
{
	static const uint8_t ip[20] = {
		0x45, 0, 0, 46, 0, 1, 0, 0, 64, 17, 0, 0,
		198, 18, 0, 1, 198, 18, 0, 2,
	};
	uint32_t sum = 0;
	unsigned int i;

	memset(f, 0, BENCH_FRAME);
	memcpy(f, sim_ports[to].sh->mac, 6);
	memcpy(f + 6, sim_ports[to ^ 1].sh->mac, 6);
	f[12] = 0x08;
	memcpy(f + 14, ip, sizeof(ip));
	for (i = 0; i < sizeof(ip); i += 2)
		sum += (uint32_t)f[14 + i] << 8 | f[15 + i];
	sum = (sum & 0xffff) + (sum >> 16);
	sum = ~((sum & 0xffff) + (sum >> 16)) & 0xffff;
	f[24] = (uint8_t)(sum >> 8);
	f[25] = (uint8_t)sum;
	f[34] = 0x04;	/* UDP 1024 -> 1024, length 26, no checksum */
	f[36] = 0x04;
	f[39] = 26;
}

/* "start tx_first": each port sends its first frames. */
static void send_first(unsigned int inflight)
{
	unsigned int id, k;
	uint8_t *buf;

	for (id = 0; id < 2; id++) {
		for (k = 0; k < inflight; k++) {
			buf = pool[--pool_free];
			frame_build(buf, id ^ 1);
			if (!tx_post(&bench_ports[id], buf, BENCH_FRAME))
				pool[pool_free++] = buf;
		}
		doorbell(&bench_ports[id], true, bench_ports[id].tx_tail);
	}
}

/* ---- the measurement ---------------------------------------------------- */
static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static uint64_t thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* What devthread.c's loop does for each port. */
static void device_step(void)
{
	unsigned int id;

	for (id = 0; id < 2; id++) {
		struct sim_port *p = &sim_ports[id];

		pthread_mutex_lock(&bench_lock[id]);
		sim_port_tick(p);
		sim_tx_poll(p);
		wire_flush(p);
		sim_rx_poll(p);
		pthread_mutex_unlock(&bench_lock[id]);
	}
}

static uint64_t received(void)
{
	return bench_ports[0].received + bench_ports[1].received;
}

/*
 * Frames per microsecond of device time (Mpps), or a negative on a stall.
 * On a shared machine the thread is off the CPU for part of the wall time,
 * randomly inside the device step or the driver step: the device step is
 * charged its wall-clock share of the CPU time the thread really got.
 */
static double bench_run(uint64_t frames, double *wall_mpps)
{
	uint64_t start = received(), dev_ns = 0, t0, last = start;
	uint64_t wall0 = now_ns(), cpu0 = thread_cpu_ns(), wall, cpu;
	unsigned int idle = 0;

	while (received() - start < frames) {
		t0 = now_ns();
		device_step();
		dev_ns += now_ns() - t0;
		driver_step(&bench_ports[0], &bench_ports[1]);
		driver_step(&bench_ports[1], &bench_ports[0]);
		if (received() == last && ++idle > 100000)
			return -1;
		if (received() != last)
			idle = 0;
		last = received();
	}
	wall = now_ns() - wall0;
	cpu = thread_cpu_ns() - cpu0;
	*wall_mpps = dev_ns ? (double)(received() - start) * 1e3 /
		     (double)dev_ns : 0;
	if (cpu < wall)
		dev_ns = (uint64_t)((double)dev_ns * (double)cpu / (double)wall);
	return dev_ns ? (double)(received() - start) * 1e3 / (double)dev_ns : 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	unsigned int inflight = argc > 1 ? (unsigned int)atoi(argv[1]) : 0;
	double mpps[BENCH_RUNS], wall_mpps;
	unsigned int i;

	if (inflight == 0 || inflight > BENCH_RING / 2)
		inflight = BENCH_INFLIGHT;
	for (i = 0; i < BENCH_POOL; i++)
		pool[pool_free++] = bench_alloc(BENCH_BUF);
	sim_nb_ports = 2;
	port_setup(0);
	port_setup(1);
	send_first(inflight);
	if (bench_run(BENCH_FRAMES / 8, &wall_mpps) < 0) {	/* warm the caches up */
		fprintf(stderr, "sim_bench: frames stopped moving\n");
		return 1;
	}
	for (i = 0; i < BENCH_RUNS; i++) {
		mpps[i] = bench_run(BENCH_FRAMES, &wall_mpps);
		if (mpps[i] < 0) {
			fprintf(stderr, "sim_bench: frames stopped moving\n");
			return 1;
		}
		printf("sim_bench: run %u: %.3f Mpps (%.3f by wall clock)\n",
		       i + 1, mpps[i], wall_mpps);
	}
	qsort(mpps, BENCH_RUNS, sizeof(mpps[0]), cmp_double);
	printf("sim_bench: %.2f Mpps per port pair (64-byte frames, 1 core)\n",
	       mpps[BENCH_RUNS / 2]);
	return 0;
}
