/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_stats.h - statistics counters of the 82576 (one table gives basic stats
 * and xstats), register dump, NVM (EEPROM) access and firmware version ops.
 */
#ifndef IGBX_STATS_H
#define IGBX_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_ethdev.h>
#include <ethdev_driver.h>

#include "igbx_compat.h"

struct igbx_adapter;

/* Capacity of the accumulator array; the counter table is checked against it. */
#define IGBX_STATS_MAX_COUNTERS		96

/* One statistics counter of the hardware. */
struct igbx_stat_desc {
	const char *name;		/* xstats name (DPDK conventions) */
	uint32_t reg;			/* offset; low word for 64-bit pairs */
	uint8_t is64;			/* low/high pair, read low then high */
};

/*
 * igbx_stat_table[0 .. igbx_xstat_count - 1] are the xstats; the entries after
 * them (GPRC, GPTC, GORC, GOTC) feed rte_eth_stats only, because ethdev already
 * prints those as rx_good_packets and friends.
 */

/*
 * All statistics registers clear on read (datasheet 8.19), so every read is
 * added to a 64-bit accumulator; value[i] belongs to igbx_stat_table[i].
 */
struct igbx_stats_state {
	uint64_t value[IGBX_STATS_MAX_COUNTERS];
};

extern const struct igbx_stat_desc igbx_stat_table[];
extern const unsigned int igbx_stat_count;
extern const unsigned int igbx_xstat_count;

/* Registers of the get_regs dump (no read-to-clear register among them):
 * count registers from reg, stride bytes apart. */
struct igbx_reg_desc {
	const char *name;
	uint32_t reg;
	uint16_t count;
	uint16_t stride;
};
extern const struct igbx_reg_desc igbx_dump_table[];
extern const unsigned int igbx_dump_count;

/* Read every counter and add it to the accumulators. */
void igbx_stats_update(struct igbx_adapter *ad);
/* Forget the accumulators (e.g. after a global reset at probe). */
void igbx_stats_clear(struct igbx_adapter *ad);

int igbx_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats IGBX_QSTATS_PARAM);
int igbx_stats_reset(struct rte_eth_dev *dev);
int igbx_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
		    unsigned int n);
int igbx_xstats_get_names(struct rte_eth_dev *dev,
			  struct rte_eth_xstat_name *names, unsigned int size);
int igbx_xstats_get_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
			  uint64_t *values, unsigned int n);
int igbx_xstats_get_names_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
				struct rte_eth_xstat_name *names,
				unsigned int size);
int igbx_xstats_reset(struct rte_eth_dev *dev);

int igbx_get_regs(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs);
int igbx_get_eeprom_length(struct rte_eth_dev *dev);
int igbx_get_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *eeprom);
int igbx_fw_version_get(struct rte_eth_dev *dev, char *fw_version,
			size_t fw_size);

#endif /* IGBX_STATS_H */
