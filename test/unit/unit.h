/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * unit.h - the smallest test harness that does the job: checks count passes
 * and failures, a failure prints where it happened, and main() ends with the
 * "N passed, N failed" line that CI reads.
 */
#ifndef IGBX_UNIT_H
#define IGBX_UNIT_H

#include <inttypes.h>
#include <stdio.h>

static unsigned int unit_passed, unit_failed;

#define UNIT_CHECK(cond) do {						\
	if (cond) {							\
		unit_passed++;						\
	} else {							\
		unit_failed++;						\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
			__FILE__, __LINE__, #cond);			\
	}								\
} while (0)

#define UNIT_CHECK_EQ(a, b) do {					\
	uint64_t unit_a_ = (uint64_t)(a), unit_b_ = (uint64_t)(b);	\
	if (unit_a_ == unit_b_) {					\
		unit_passed++;						\
	} else {							\
		unit_failed++;						\
		fprintf(stderr, "%s:%d: %s == %s failed: 0x%" PRIx64	\
			" != 0x%" PRIx64 "\n", __FILE__, __LINE__, #a, #b,	\
			unit_a_, unit_b_);				\
	}								\
} while (0)

#define UNIT_RUN(fn) do {						\
	unsigned int unit_before_ = unit_failed;			\
	fn();								\
	printf("%s %s\n", unit_failed == unit_before_ ? "ok  " : "FAIL", #fn); \
} while (0)

static inline int unit_report(void)
{
	printf("%u passed, %u failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif /* IGBX_UNIT_H */
