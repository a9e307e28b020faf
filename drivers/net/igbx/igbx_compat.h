/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_compat.h: every difference between the DPDK APIs igbx builds against
 * (the 22.11 LTS of Debian 12, the 24.11 LTS of Debian 13 and the 25.11 LTS)
 * lives here, keyed on RTE_VERSION. */
#ifndef IGBX_COMPAT_H
#define IGBX_COMPAT_H

#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_version.h>

/* The oldest and newest DPDK releases this driver is built and tested with. */
#if RTE_VERSION < RTE_VERSION_NUM(22, 11, 0, 0)
#error "igbx needs DPDK 22.11 or later"
#endif

/*
 * dev_supported_ptypes_get: 24.03 added an out parameter for the number of
 * entries, and ethdev stops reading the table there instead of at a
 * RTE_PTYPE_UNKNOWN terminator. The op is declared as
 *	igbx_supported_ptypes_get(struct rte_eth_dev *dev IGBX_PTYPES_COUNT_PARAM)
 * and reports the count of real entries (terminator excluded) through
 * igbx_ptypes_count_report(n); the terminator stays for 22.11.
 */
#if RTE_VERSION >= RTE_VERSION_NUM(24, 3, 0, 0)
#define IGBX_PTYPES_COUNT_PARAM , size_t *no_of_elements
#define igbx_ptypes_count_report(n) (*no_of_elements = (n))
#else
#define IGBX_PTYPES_COUNT_PARAM
#define igbx_ptypes_count_report(n) RTE_SET_USED(n)
#endif

/*
 * rx_queue_count: the callback returns int (room for a negative errno) in
 * 25.11, uint32_t up to 24.11.
 */
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
typedef int igbx_rx_count_t;
#else
typedef uint32_t igbx_rx_count_t;
#endif

/*
 * stats_get: 25.11 moved the per-queue counters (q_ipackets, q_opackets,
 * q_ibytes, q_obytes, q_errors) out of struct rte_eth_stats into struct
 * eth_queue_stats, which ethdev passes as a third argument, NULL when it
 * wants none. The op is declared
 *	igbx_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats
 *		       IGBX_QSTATS_PARAM)
 * and fills the queue counters in *IGBX_QSTATS(stats) (same field names in
 * both structures) unless that is NULL.
 */
#if RTE_VERSION >= RTE_VERSION_NUM(25, 11, 0, 0)
#define IGBX_QSTATS_PARAM , struct eth_queue_stats *qstats
#define IGBX_QSTATS(stats) (qstats)
typedef struct eth_queue_stats igbx_queue_stats_t;
#else
#define IGBX_QSTATS_PARAM
#define IGBX_QSTATS(stats) (stats)
typedef struct rte_eth_stats igbx_queue_stats_t;
#endif

#endif /* IGBX_COMPAT_H */
