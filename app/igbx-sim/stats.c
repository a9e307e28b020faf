/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * stats.c - the simulated 82576's statistics counters (datasheet 8.19): they
 * live in the register file, saturate, and clear on read without losing adds.
 */
#include "model.h"

/*
 * Every add (the engines, under the port lock in the device thread or the
 * control thread) and every read to clear (sim_reg_read(), under the same
 * process-shared lock in a trap handler) is serialised by p->sh->lock: plain
 * loads and stores are enough, and a locked instruction per counter per
 * frame was the largest single cost of the datapath.
 */
static volatile uint32_t *sim_stat_word(struct sim_port *p, uint32_t off)
{
	return &p->bar[off >> 2];
}

/* 32-bit counters stick at 0xFFFFFFFF rather than wrap (8.19). */
void sim_stat_add(struct sim_port *p, uint32_t off, uint32_t n)
{
	volatile uint32_t *w;
	uint32_t sum;

	if (n == 0 || off >= SIM_BAR0_SIZE)
		return;
	w = sim_stat_word(p, off);
	sum = *w + n;
	*w = sum < n ? 0xffffffffu : sum;
}

/*
 * Octet counters are 64 bits over a low/high pair (GORCL/GORCH...), each
 * half read to clear on its own: a carry out of the low word goes to the
 * high word, so a reader that takes low then high loses nothing.
 */
void sim_stat_add64(struct sim_port *p, uint32_t off_lo, uint64_t n)
{
	uint32_t add = (uint32_t)n, old, carry;
	volatile uint32_t *lo, *hi;

	if (off_lo + 4 >= SIM_BAR0_SIZE)
		return;
	lo = sim_stat_word(p, off_lo);
	hi = sim_stat_word(p, off_lo + 4);
	old = *lo;
	*lo = old + add;
	carry = (uint32_t)(old + add) < old;
	if ((n >> 32) + carry)
		*hi += (uint32_t)(n >> 32) + carry;
}

uint32_t sim_stat_read_clear(struct sim_port *p, uint32_t off)
{
	volatile uint32_t *w = sim_stat_word(p, off);
	uint32_t v = *w;

	*w = 0;
	return v;
}
