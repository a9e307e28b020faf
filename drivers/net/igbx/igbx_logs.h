/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_logs.h: the driver's log types (pmd.net.igbx.init/.driver/.rx/.tx, registered in
 * igbx_ethdev.c) and the macros every igbx file logs through; no printf in the driver. */
#ifndef IGBX_LOGS_H
#define IGBX_LOGS_H

#include <rte_log.h>

extern int igbx_logtype_init;
extern int igbx_logtype_driver;
extern int igbx_logtype_rx;
extern int igbx_logtype_tx;

#define IGBX_LOG_TYPE(type, level, fmt, ...) \
	rte_log(RTE_LOG_ ## level, type, "%s(): " fmt "\n", __func__, ##__VA_ARGS__)

#define IGBX_LOG(level, fmt, ...) \
	IGBX_LOG_TYPE(igbx_logtype_driver, level, fmt, ##__VA_ARGS__)
#define IGBX_INIT_LOG(level, fmt, ...) \
	IGBX_LOG_TYPE(igbx_logtype_init, level, fmt, ##__VA_ARGS__)

/* The datapath logs nothing unless a debug build asks for it. */
#ifdef RTE_ETHDEV_DEBUG_RX
#define IGBX_RX_LOG(level, fmt, ...) \
	IGBX_LOG_TYPE(igbx_logtype_rx, level, fmt, ##__VA_ARGS__)
#else
#define IGBX_RX_LOG(level, fmt, ...) do { } while (0)
#endif

#ifdef RTE_ETHDEV_DEBUG_TX
#define IGBX_TX_LOG(level, fmt, ...) \
	IGBX_LOG_TYPE(igbx_logtype_tx, level, fmt, ##__VA_ARGS__)
#else
#define IGBX_TX_LOG(level, fmt, ...) do { } while (0)
#endif

#endif /* IGBX_LOGS_H */
