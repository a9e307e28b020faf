/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * devthread.c - the device loop of the primary process: for every port,
 * timers and queue bookkeeping, the TX and RX engines, wire input and
 * pending interrupts; spins while there is work, naps when idle.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"
#include "engines.h"

#define SIM_IDLE_SPINS		20000u	/* empty loops before napping */
#define SIM_NAP_MIN_NS		20000	/* first nap: 20 us */
#define SIM_NAP_MAX_NS		1000000	/* naps double up to 1 ms: a timer wake-up
					 * costs ~25 us of CPU on a VM */
#define SIM_HOUSEKEEP_EVERY	1024u	/* loops between slow checks */

/* Anything the application wrote into its end of the uio channel is of no
 * meaning for uio_pci_generic; drain it so the socket never fills.
 */
static void drain_uio(struct sim_port *p)
{
	char buf[64];
	int fd = p->irq_fd;

	if (fd >= 0)
		while (read(fd, buf, sizeof(buf)) > 0)
			;
}

static unsigned int run_port(struct sim_port *p)
{
	unsigned int work;

	sim_port_lock(p);
	sim_port_tick(p);
	work = sim_tx_poll(p);
	sim_rx_flow_control(p);		/* PAUSE frames go out with TX */
	sim_wire_flush(p);
	work += sim_rx_poll(p);
	sim_port_unlock(p);
	work += sim_wire_poll(p);
	sim_irq_recheck(p);
	return work;
}

/*
 * Stepping: a benchmark that wants the device's work out of its timed code
 * holds the device thread (it parks at the top of its loop) and runs the
 * engines itself, between the bursts it times: igbx_sim_hold(1), then
 * igbx_sim_step() until it returns 0, ..., igbx_sim_hold(0). The
 * application finds these with dlsym(); they are not part of the device.
 */
static atomic_int hold_req;
static atomic_int parked;

int igbx_sim_hold(int on);
unsigned int igbx_sim_step(void);
void igbx_sim_dma_track(int on);
unsigned int igbx_sim_dma_evict(void);

int igbx_sim_hold(int on)
{
	atomic_store(&hold_req, on != 0);
	if (!on)
		return 0;
	while (!atomic_load(&parked))
		usleep(100);
	return 0;
}

/* One pass of every port's engines on the caller's thread; the work done. */
unsigned int igbx_sim_step(void)
{
	unsigned int i, work = 0;

	if (!atomic_load(&parked))
		return 0;
	for (i = 0; i < sim_nb_ports; i++)
		work += run_port(&sim_ports[i]);
	return work;
}

/*
 * The benchmark's dma mode: a real 82576 reads and writes host memory by
 * DMA, so the driver's next access to a line the device wrote (a descriptor
 * write-back, a frame) or read (a TX descriptor, a frame) misses its caches.
 * igbx_sim_dma_track(1) on the stepping thread notes those lines as its
 * steps touch them; igbx_sim_dma_evict() flushes them (CLFLUSHOPT) and
 * returns how many.
 */
void igbx_sim_dma_track(int on)
{
	sim_dma_track(on != 0);
}

unsigned int igbx_sim_dma_evict(void)
{
	return sim_dma_evict();
}

static void park_while_held(void)
{
	if (!atomic_load(&hold_req))
		return;
	atomic_store(&parked, 1);
	while (atomic_load(&hold_req))
		usleep(200);
	atomic_store(&parked, 0);
}

static void *devthread_main(void *arg)
{
	struct timespec nap = { 0, SIM_NAP_MIN_NS };
	unsigned int idle = 0, loops = 0, i, work;

	(void)arg;
	/* naps as long as asked, not rounded up by the default 50 us slack */
	prctl(PR_SET_TIMERSLACK, 1000UL);
	for (;;) {
		park_while_held();
		work = 0;
		for (i = 0; i < sim_nb_ports; i++)
			work += run_port(&sim_ports[i]);
		if (++loops % SIM_HOUSEKEEP_EVERY == 0)
			for (i = 0; i < sim_nb_ports; i++)
				drain_uio(&sim_ports[i]);
		if (work) {
			idle = 0;
			nap.tv_nsec = SIM_NAP_MIN_NS;
		} else if (++idle > SIM_IDLE_SPINS) {
			nanosleep(&nap, NULL);
			idle = SIM_IDLE_SPINS;	/* check again after each nap */
			if (nap.tv_nsec < SIM_NAP_MAX_NS)
				nap.tv_nsec *= 2;
		}
	}
	return NULL;
}

int sim_devthread_start(void)
{
	pthread_t tid;

	return sim_thread_start(&tid, devthread_main, NULL, "igbx-sim-dev");
}
