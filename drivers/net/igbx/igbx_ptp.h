/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_ptp.h: IEEE 1588 time sync of the 82576 (7.9): the SYSTIM clock, the RX/TX time
 * stamp registers and the ETQF that marks PTP frames, as the ethdev timesync ops. */
#ifndef IGBX_PTP_H
#define IGBX_PTP_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <ethdev_driver.h>

/* PTP over Ethernet (IEEE 1588-2008 annex F). */
#define IGBX_PTP_ETHERTYPE	0x88F7

/*
 * SYSTIM counts in 2^-16 ns: every 16 ns period (TIMINCA.INCPERIOD = 1) it
 * advances by 16 << 16. The fraction leaves room for fine increments; the
 * 64-bit register therefore wraps after 2^48 ns (about 78 hours).
 */
#define IGBX_PTP_SYSTIM_SHIFT	16
#define IGBX_PTP_INCPERIOD	1
#define IGBX_PTP_INCVALUE	(16u << IGBX_PTP_SYSTIM_SHIFT)

/* Per port, in struct igbx_adapter. */
struct igbx_ptp_state {
	int64_t epoch_ns;	/* wall time = epoch_ns + SYSTIM in ns */
	int etqf_slot;		/* ETQF index of the PTP filter while enabled */
	bool enabled;
};

/* eth_dev_ops timesync_* */
int igbx_timesync_enable(struct rte_eth_dev *dev);
int igbx_timesync_disable(struct rte_eth_dev *dev);
int igbx_timesync_read_rx_timestamp(struct rte_eth_dev *dev, struct timespec *ts,
				    uint32_t flags);
int igbx_timesync_read_tx_timestamp(struct rte_eth_dev *dev, struct timespec *ts);
int igbx_timesync_adjust_time(struct rte_eth_dev *dev, int64_t delta);
int igbx_timesync_read_time(struct rte_eth_dev *dev, struct timespec *ts);
int igbx_timesync_write_time(struct rte_eth_dev *dev, const struct timespec *ts);

/* dev_start: before the reset, fold the running clock into the epoch ... */
void igbx_ptp_save(struct rte_eth_dev *dev);
/* ... and after it, start the clock and the time stamping again. */
void igbx_ptp_restore(struct rte_eth_dev *dev);
/* dev_close: time stamping off, ETQF slot back. */
void igbx_ptp_release(struct rte_eth_dev *dev);

#endif /* IGBX_PTP_H */
