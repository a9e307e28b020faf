/* SPDX-License-Identifier: BSD-3-Clause */
/* fuzz_common.h - what the igbx libFuzzer harnesses share: an input reader, EAL
 * without hugepages or PCI, and an ethdev whose BAR0 is 128 KiB of malloc'd memory. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_mempool.h>
#include <ethdev_driver.h>

#define FUZZ_BAR0_SIZE	(128 * 1024)

/* The fuzzer's bytes, consumed front to back; zeros once they run out. */
struct fuzz_in {
	const uint8_t *p;
	size_t n;
};

static inline bool
fuzz_more(const struct fuzz_in *in)
{
	return in->n > 0;
}

static inline uint64_t
fuzz_take(struct fuzz_in *in, unsigned int bytes)
{
	uint64_t v = 0;
	unsigned int i;

	for (i = 0; i < bytes && in->n > 0; i++, in->p++, in->n--)
		v |= (uint64_t)*in->p << (8 * i);
	return v;
}

#define fuzz_u8(in)	((uint8_t)fuzz_take(in, 1))
#define fuzz_u16(in)	((uint16_t)fuzz_take(in, 2))
#define fuzz_u32(in)	((uint32_t)fuzz_take(in, 4))
#define fuzz_u64(in)	fuzz_take(in, 8)

/* EAL once per process (--no-huge --no-pci, IOVA = VA, quiet logs). */
void fuzz_eal_init(void);
/* An ethdev named name with a calloc'd adapter and BAR0 (nb queue slots 16). */
struct rte_eth_dev *fuzz_dev_create(const char *name);
/* A register of the fake BAR0. */
uint32_t fuzz_reg(struct rte_eth_dev *dev, uint32_t off);
/* Print why and abort: libFuzzer keeps the input as a crash. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif /* FUZZ_COMMON_H */
