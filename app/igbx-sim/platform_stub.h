/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * platform_stub.h - the platform half of the simulator for a program that
 * runs the model library in its own process, without DPDK or the preload
 * library: the unit tests and the benchmark. Host memory is the process's
 * own (an IOVA is a virtual address); frames put on the wire, host lines the
 * engines touch and interrupts go to hooks and counters the program reads.
 * Include it in exactly one file of the program, after defining what it
 * wants of these:
 *   SIM_STUB_NO_HOST_MEMORY  every DMA fails (register-only tests)
 *   SIM_STUB_NOTE_HOOK       sim_dma_note() calls sim_stub_note_hook
 *   SIM_STUB_OWN_WIRE        the program defines sim_wire_send() itself
 * The benchmark's hot path meets no hook it does not use.
 */
#ifndef IGBX_SIM_PLATFORM_STUB_H
#define IGBX_SIM_PLATFORM_STUB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "sim.h"

struct sim_port sim_ports[SIM_MAX_PORTS];
unsigned int sim_nb_ports;

unsigned int sim_stub_irqs;		/* sim_platform_signal_irq() calls */

#ifdef SIM_STUB_NO_HOST_MEMORY
void *sim_dma_ptr(uint64_t iova, uint32_t len)
{
	(void)iova;
	(void)len;
	return NULL;
}

int sim_dma_read(uint64_t iova, void *dst, uint32_t len)
{
	(void)iova;
	(void)dst;
	(void)len;
	return -1;
}

int sim_dma_write(uint64_t iova, const void *src, uint32_t len)
{
	(void)iova;
	(void)src;
	(void)len;
	return -1;
}
#else
void *sim_dma_ptr(uint64_t iova, uint32_t len)
{
	(void)len;
	return (void *)(uintptr_t)iova;
}

int sim_dma_read(uint64_t iova, void *dst, uint32_t len)
{
	memcpy(dst, (const void *)(uintptr_t)iova, len);
	return 0;
}

int sim_dma_write(uint64_t iova, const void *src, uint32_t len)
{
	memcpy((void *)(uintptr_t)iova, src, len);
	return 0;
}
#endif

/* The benchmark's dma mode is the platform's (dma.c); here a host range
 * the engines touched through a pointer only goes to the hook, if any.
 */
#ifdef SIM_STUB_NOTE_HOOK
void (*sim_stub_note_hook)(const volatile void *va, uint32_t len);

void sim_dma_note(const volatile void *va, uint32_t len)
{
	if (sim_stub_note_hook)
		sim_stub_note_hook(va, len);
}
#else
void sim_dma_note(const volatile void *va, uint32_t len)
{
	(void)va;
	(void)len;
}
#endif

/* A frame a port sends: to the hook if set, else counted. */
#ifndef SIM_STUB_OWN_WIRE
void (*sim_stub_wire_hook)(struct sim_port *p, const uint8_t *frame,
			   uint32_t len);
unsigned int sim_stub_wire_frames;

void sim_wire_send(struct sim_port *p, const uint8_t *frame, uint32_t len)
{
	if (sim_stub_wire_hook)
		sim_stub_wire_hook(p, frame, len);
	else
		sim_stub_wire_frames++;
}
#endif

void sim_platform_signal_irq(struct sim_port *p)
{
	(void)p;
	sim_stub_irqs++;
}

uint32_t sim_stub_msix_vectors;		/* OR of the MSI-X vectors sent */

void sim_platform_signal_msix(struct sim_port *p, uint32_t vectors)
{
	(void)p;
	sim_stub_irqs++;
	sim_stub_msix_vectors |= vectors;
}

void sim_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("igbx-sim: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

#endif /* IGBX_SIM_PLATFORM_STUB_H */
