/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_compat.h: every difference between the DPDK APIs igbx builds against
 * (22.11, Debian 12, and the 24.11 LTS) lives here, keyed on RTE_VERSION. */
#ifndef IGBX_COMPAT_H
#define IGBX_COMPAT_H

#include <stddef.h>

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

#endif /* IGBX_COMPAT_H */
