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
#include "igbx_regs.h"

struct igbx_adapter;

/* Per queue: PQGPRC, PQGORC, PQMPRC, PQGPTC, PQGOTC. */
#define IGBX_PQ_COUNTERS		5

/*
 * The statistics counters (datasheet 8.19), one table for the ids below and
 * igbx_stat_table in igbx_stats.c: X(register name, width, xstats name). The
 * xstats are, in this order, IGBX_STATS_MAC, then per queue the drop counter
 * (RQDPC) and the IGBX_PQ_COUNTERS hardware counters of IGBX_STATS_QUEUES;
 * IGBX_STATS_BASIC feeds rte_eth_stats only, because ethdev already prints
 * those as rx_good_packets and friends.
 */
#define IGBX_STATS_MAC(X) \
	X(CRCERRS, 32, "rx_crc_errors") \
	X(ALGNERRC, 32, "rx_align_errors") \
	X(SYMERRS, 32, "rx_symbol_errors") \
	X(RXERRC, 32, "rx_phy_errors") \
	X(MPC, 32, "rx_missed_packets") \
	X(SCC, 32, "tx_single_collision_packets") \
	X(ECOL, 32, "tx_excessive_collision_packets") \
	X(MCC, 32, "tx_multiple_collision_packets") \
	X(LATECOL, 32, "tx_late_collisions") \
	X(COLC, 32, "tx_total_collisions") \
	X(DC, 32, "tx_deferred_packets") \
	X(TNCRS, 32, "tx_no_carrier_sense_packets") \
	X(SEC, 32, "rx_sequence_errors") \
	X(HTDPMC, 32, "tx_host_discarded_packets") \
	X(RLEC, 32, "rx_length_errors") \
	X(XONRXC, 32, "rx_xon_packets") \
	X(XONTXC, 32, "tx_xon_packets") \
	X(XOFFRXC, 32, "rx_xoff_packets") \
	X(XOFFTXC, 32, "tx_xoff_packets") \
	X(FCRUC, 32, "rx_flow_control_unsupported_packets") \
	X(PRC64, 32, "rx_size_64_packets") \
	X(PRC127, 32, "rx_size_65_to_127_packets") \
	X(PRC255, 32, "rx_size_128_to_255_packets") \
	X(PRC511, 32, "rx_size_256_to_511_packets") \
	X(PRC1023, 32, "rx_size_512_to_1023_packets") \
	X(PRC1522, 32, "rx_size_1024_to_max_packets") \
	X(BPRC, 32, "rx_broadcast_packets") \
	X(MPRC, 32, "rx_multicast_packets") \
	X(RNBC, 32, "rx_no_buffer_count") \
	X(RUC, 32, "rx_undersize_errors") \
	X(RFC, 32, "rx_fragment_errors") \
	X(ROC, 32, "rx_oversize_errors") \
	X(RJC, 32, "rx_jabber_errors") \
	X(MGTPRC, 32, "rx_management_packets") \
	X(MGTPDC, 32, "rx_management_dropped") \
	X(MGTPTC, 32, "tx_management_packets") \
	X(TOR, 64, "rx_total_bytes") \
	X(TOT, 64, "tx_total_bytes") \
	X(TPR, 32, "rx_total_packets") \
	X(TPT, 32, "tx_total_packets") \
	X(PTC64, 32, "tx_size_64_packets") \
	X(PTC127, 32, "tx_size_65_to_127_packets") \
	X(PTC255, 32, "tx_size_128_to_255_packets") \
	X(PTC511, 32, "tx_size_256_to_511_packets") \
	X(PTC1023, 32, "tx_size_512_to_1023_packets") \
	X(PTC1522, 32, "tx_size_1024_to_max_packets") \
	X(MPTC, 32, "tx_multicast_packets") \
	X(BPTC, 32, "tx_broadcast_packets") \
	X(TSCTC, 32, "tx_tso_packets") \
	X(TSCTFC, 32, "tx_tso_errors") \
	X(IAC, 32, "interrupt_assert_count") \
	/* 0x4104 and 0x4118 count host traffic on the 82576 (older parts used \
	 * them for interrupt-cause counters). */ \
	X(RPTHC, 32, "rx_sent_to_host_packets") \
	X(ICRXATC, 32, "interrupt_rx_abs_timer_expired") \
	X(ICTXPTC, 32, "interrupt_tx_pkt_timer_expired") \
	X(ICTXATC, 32, "interrupt_tx_abs_timer_expired") \
	X(HGPTC, 32, "tx_sent_by_host_packets") \
	X(ICTXQMTC, 32, "interrupt_tx_queue_min_thresh") \
	X(ICRXDMTC, 32, "interrupt_rx_desc_min_thresh") \
	X(ICRXOC, 32, "interrupt_rx_overrun") \
	X(HGORC, 64, "rx_host_good_bytes") \
	X(HGOTC, 64, "tx_host_good_bytes") \
	X(LENERRS, 32, "rx_length_field_errors") \
	X(SCVPC, 32, "rx_code_violation_packets")
#define IGBX_STATS_BASIC(X) \
	X(GPRC, 32, "rx_good_packets_mac") \
	X(GPTC, 32, "tx_good_packets_mac") \
	X(GORC, 64, "rx_good_bytes_mac") \
	X(GOTC, 64, "tx_good_bytes_mac")
/* Q(n) for every queue n < IGBX_MAX_RX_QUEUES (the names need the literal). */
#define IGBX_STATS_QUEUES(Q) \
	Q(0) Q(1) Q(2) Q(3) Q(4) Q(5) Q(6) Q(7) \
	Q(8) Q(9) Q(10) Q(11) Q(12) Q(13) Q(14) Q(15)

/* Index of each counter in igbx_stat_table and the accumulators. */
#define IGBX_STAT_ID(id, width, nm)	IGBX_STAT_ ## id,
#define IGBX_STAT_QDROP_ID(q)		IGBX_STAT_RQDPC_ ## q,
#define IGBX_STAT_PQ_ID(q)		IGBX_STAT_PQ_ ## q, \
	IGBX_STAT_PQ_ ## q ## _LAST = IGBX_STAT_PQ_ ## q + IGBX_PQ_COUNTERS - 1,
enum igbx_stat_id {
	IGBX_STATS_MAC(IGBX_STAT_ID)
	IGBX_STATS_QUEUES(IGBX_STAT_QDROP_ID)
	IGBX_STATS_QUEUES(IGBX_STAT_PQ_ID)
	IGBX_STATS_BASIC(IGBX_STAT_ID)
	IGBX_STAT_NB,
	IGBX_STAT_RQDPC0 = IGBX_STAT_RQDPC_0,
	IGBX_STAT_PQ0 = IGBX_STAT_PQ_0,
	IGBX_STAT_PQ_END = IGBX_STAT_PQ_15_LAST + 1,
};
#undef IGBX_STAT_ID
#undef IGBX_STAT_QDROP_ID
#undef IGBX_STAT_PQ_ID

/* One statistics counter of the hardware. */
struct igbx_stat_desc {
	const char *name;		/* xstats name (DPDK conventions) */
	uint32_t reg;			/* offset; low word for 64-bit pairs */
	uint8_t is64;			/* low/high pair, read low then high */
};

/*
 * All statistics registers clear on read (datasheet 8.19), so every read is
 * added to a 64-bit accumulator; value[i] belongs to igbx_stat_table[i].
 */
struct igbx_stats_state {
	uint64_t value[IGBX_STAT_NB];
};

/* Queue to counter set (rte_eth_stats q_*) mapping, and for how many queues the
 * hardware counters are read (those dev_configure set up). */
struct igbx_qstat_map {
	uint8_t rx[IGBX_MAX_RX_QUEUES];
	uint8_t tx[IGBX_MAX_TX_QUEUES];
	uint16_t hw_queues;
};

extern const struct igbx_stat_desc igbx_stat_table[];
extern const unsigned int igbx_stat_count;
extern const unsigned int igbx_xstat_count;

/* Registers of the get_regs dump (no read-to-clear register among them):
 * count registers from reg, stride bytes apart; the brief ones also head
 * dev_priv_dump (igbx_dump.c). */
struct igbx_reg_desc {
	const char *name;
	uint32_t reg;
	uint16_t count;
	uint16_t stride;
	bool brief;
};
extern const struct igbx_reg_desc igbx_dump_table[];
extern const unsigned int igbx_dump_count;

/* Read every counter and add it to the accumulators. */
void igbx_stats_update(struct igbx_adapter *ad);
/* Forget the accumulators (e.g. after a global reset at probe). */
void igbx_stats_clear(struct igbx_adapter *ad);

void igbx_qstats_init(struct igbx_adapter *ad);
void igbx_qstats_configure(struct rte_eth_dev *dev);
int igbx_queue_stats_mapping_set(struct rte_eth_dev *dev, uint16_t queue_id,
				 uint8_t stat_idx, uint8_t is_rx);
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
