/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * stats.c - the simulated 82576's statistics counters (datasheet 8.19): they
 * live in the register file, saturate, and clear on read without losing adds.
 */
#include "model.h"

static uint32_t *sim_stat_word(struct sim_port *p, uint32_t off)
{
	/* the BAR is shared memory; atomics need the plain pointer */
	return (uint32_t *)(uintptr_t)&p->bar[off >> 2];
}

/* 32-bit counters stick at 0xFFFFFFFF rather than wrap (8.19). */
void sim_stat_add(struct sim_port *p, uint32_t off, uint32_t n)
{
	uint32_t *w, old, sum;

	if (n == 0 || off >= SIM_BAR0_SIZE)
		return;
	w = sim_stat_word(p, off);
	old = __atomic_load_n(w, __ATOMIC_RELAXED);
	do {
		sum = old + n;
		if (sum < old)
			sum = 0xffffffffu;
	} while (!__atomic_compare_exchange_n(w, &old, sum, true,
					      __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
}

/*
 * Octet counters are 64 bits over a low/high pair (GORCL/GORCH...), each
 * half read to clear on its own: a carry out of the low word goes to the
 * high word, so a reader that takes low then high loses nothing.
 */
void sim_stat_add64(struct sim_port *p, uint32_t off_lo, uint64_t n)
{
	uint32_t add = (uint32_t)n, old, carry;
	uint32_t *lo, *hi;

	if (off_lo + 4 >= SIM_BAR0_SIZE)
		return;
	lo = sim_stat_word(p, off_lo);
	hi = sim_stat_word(p, off_lo + 4);
	old = __atomic_fetch_add(lo, add, __ATOMIC_RELAXED);
	carry = (uint32_t)(old + add) < old;
	if ((n >> 32) + carry)
		__atomic_fetch_add(hi, (uint32_t)(n >> 32) + carry,
				   __ATOMIC_RELAXED);
}

uint32_t sim_stat_read_clear(struct sim_port *p, uint32_t off)
{
	return __atomic_exchange_n(sim_stat_word(p, off), 0, __ATOMIC_RELAXED);
}
