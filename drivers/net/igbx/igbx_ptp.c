/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_ptp.c: IEEE 1588 on the 82576 (7.9, 8.17): SYSTIM run by TIMINCA, PTP frames marked
 * by an ETQF with its 1588 bit, RX/TX stamps latched in RXSTMP/TXSTMP until read. */
#include <rte_time.h>

#include "igbx_ethdev.h"
#include "igbx_devops.h"
#include "igbx_flow.h"
#include "igbx_ptp.h"
#include "igbx_rxtx.h"

#define IGBX_NS_PER_S	1000000000L

static inline struct igbx_ptp_state *
igbx_ptp_of(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->ptp;
}

/* 8.17: reading the low word latches the high word, so low goes first. */
static uint64_t
igbx_read_stamp(struct igbx_hw *hw, uint32_t reg_low, uint32_t reg_high)
{
	uint64_t low = igbx_read(hw, reg_low);

	return low | (uint64_t)igbx_read(hw, reg_high) << 32;
}

static int64_t
igbx_ptp_to_ns(const struct igbx_ptp_state *ps, uint64_t systim)
{
	return ps->epoch_ns + (int64_t)(systim >> IGBX_PTP_SYSTIM_SHIFT);
}

static void
igbx_ns_to_ts(int64_t ns, struct timespec *ts)
{
	*ts = rte_ns_to_timespec(ns < 0 ? 0 : (uint64_t)ns);
}

/* Registers of an enabled port; SYSTIM starts again from 0. */
static void
igbx_ptp_program(struct rte_eth_dev *dev)
{
	struct igbx_ptp_state *ps = igbx_ptp_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t rx;

	igbx_write(hw, IGBX_TIMINCA, 0);		/* clock stopped while set */
	igbx_write(hw, IGBX_SYSTIML, 0);
	igbx_write(hw, IGBX_SYSTIMH, 0);
	igbx_write(hw, IGBX_TIMINCA, (IGBX_PTP_INCPERIOD << IGBX_TIMINCA_INCPERIOD_SHIFT) |
		   (IGBX_PTP_INCVALUE & IGBX_TIMINCA_INCVALUE_MASK));
	/* filter enable and the 1588 bit, no queue: PTP frames keep their queue */
	igbx_write(hw, IGBX_ETQF(ps->etqf_slot),
		   IGBX_PTP_ETHERTYPE | IGBX_ETQF_FILTER_ENABLE | IGBX_ETQF_1588);
	/* a stamp latched earlier would block new ones until read: unlock both */
	(void)igbx_read_stamp(hw, IGBX_RXSTMPL, IGBX_RXSTMPH);
	(void)igbx_read_stamp(hw, IGBX_TXSTMPL, IGBX_TXSTMPH);
	rx = igbx_read(hw, IGBX_TSYNCRXCTL) & ~IGBX_TSYNCRXCTL_TYPE_MASK;
	igbx_write(hw, IGBX_TSYNCRXCTL, rx | IGBX_TSYNCRXCTL_TYPE_L2_V2 |
		   IGBX_TSYNCRXCTL_ENABLED);
	igbx_set_bits(hw, IGBX_TSYNCTXCTL, IGBX_TSYNCTXCTL_ENABLED);
}

int
igbx_timesync_enable(struct rte_eth_dev *dev)
{
	struct igbx_ptp_state *ps = igbx_ptp_of(dev);
	int slot;

	if (!ps->enabled) {
		slot = igbx_flow_etqf_claim(dev, IGBX_PTP_ETHERTYPE);
		if (slot == -EEXIST) {
			IGBX_LOG(ERR, "port %u: ethertype 0x%04x has a flow rule: destroy it first",
				 dev->data->port_id, IGBX_PTP_ETHERTYPE);
			return -EBUSY;
		}
		if (slot < 0) {
			IGBX_LOG(ERR, "port %u: all %u ethertype filters are in use by flow rules",
				 dev->data->port_id, IGBX_ETYPE_FILTERS);
			return slot;
		}
		ps->etqf_slot = slot;
	}
	ps->epoch_ns = 0;
	ps->enabled = true;
	igbx_ptp_program(dev);
	/* the RX burst marks frames of this ETQF as PTP */
	igbx_rx_set_ptp_etqf(dev, (uint8_t)ps->etqf_slot);
	if (dev->data->dev_started &&
	    (dev->rx_pkt_burst != igbx_recv_pkts && dev->rx_pkt_burst != igbx_recv_scattered_pkts))
		IGBX_LOG(NOTICE, "port %u: IEEE 1588 frame flags and TX time stamps need the "
			 "scalar bursts: restart the port or use rx_path/tx_path=scalar",
			 dev->data->port_id);
	return 0;
}

static void
igbx_ptp_stop(struct rte_eth_dev *dev)
{
	struct igbx_ptp_state *ps = igbx_ptp_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	igbx_clear_bits(hw, IGBX_TSYNCTXCTL, IGBX_TSYNCTXCTL_ENABLED);
	igbx_clear_bits(hw, IGBX_TSYNCRXCTL, IGBX_TSYNCRXCTL_ENABLED);
	igbx_write(hw, IGBX_ETQF(ps->etqf_slot), 0);
	igbx_write(hw, IGBX_TIMINCA, 0);
	igbx_flow_etqf_free(dev, (unsigned int)ps->etqf_slot);
	igbx_rx_set_ptp_etqf(dev, IGBX_PTP_ETQF_NONE);
	ps->enabled = false;
}

int
igbx_timesync_disable(struct rte_eth_dev *dev)
{
	if (igbx_ptp_of(dev)->enabled)
		igbx_ptp_stop(dev);
	return 0;
}

/* -EINVAL when nothing is latched (the rte_eth_timesync_* convention). */
int
igbx_timesync_read_rx_timestamp(struct rte_eth_dev *dev, struct timespec *ts, uint32_t flags)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	(void)flags;	/* one RX stamp register for every queue */
	if (!(igbx_read(hw, IGBX_TSYNCRXCTL) & IGBX_TSYNCRXCTL_VALID))
		return -EINVAL;
	igbx_ns_to_ts(igbx_ptp_to_ns(igbx_ptp_of(dev),
				     igbx_read_stamp(hw, IGBX_RXSTMPL, IGBX_RXSTMPH)), ts);
	return 0;
}

int
igbx_timesync_read_tx_timestamp(struct rte_eth_dev *dev, struct timespec *ts)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (!(igbx_read(hw, IGBX_TSYNCTXCTL) & IGBX_TSYNCTXCTL_VALID))
		return -EINVAL;
	igbx_ns_to_ts(igbx_ptp_to_ns(igbx_ptp_of(dev),
				     igbx_read_stamp(hw, IGBX_TXSTMPL, IGBX_TXSTMPH)), ts);
	return 0;
}

/* The hardware clock runs untouched; the epoch absorbs changes, so that stamps
 * already latched convert with the same offset as the clock. */
int
igbx_timesync_adjust_time(struct rte_eth_dev *dev, int64_t delta)
{
	igbx_ptp_of(dev)->epoch_ns += delta;
	return 0;
}

int
igbx_timesync_read_time(struct rte_eth_dev *dev, struct timespec *ts)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	igbx_ns_to_ts(igbx_ptp_to_ns(igbx_ptp_of(dev),
				     igbx_read_stamp(hw, IGBX_SYSTIML, IGBX_SYSTIMH)), ts);
	return 0;
}

int
igbx_timesync_write_time(struct rte_eth_dev *dev, const struct timespec *ts)
{
	struct igbx_ptp_state *ps = igbx_ptp_of(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint64_t systim;

	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= IGBX_NS_PER_S) {
		IGBX_LOG(ERR, "time tv_sec=%lld tv_nsec=%ld: allowed tv_sec >= 0, tv_nsec 0..999999999",
			 (long long)ts->tv_sec, ts->tv_nsec);
		return -EINVAL;
	}
	systim = igbx_read_stamp(hw, IGBX_SYSTIML, IGBX_SYSTIMH);
	ps->epoch_ns = (int64_t)rte_timespec_to_ns(ts) -
		       (int64_t)(systim >> IGBX_PTP_SYSTIM_SHIFT);
	return 0;
}

void
igbx_ptp_save(struct rte_eth_dev *dev)
{
	struct igbx_ptp_state *ps = igbx_ptp_of(dev);

	if (ps->enabled)
		ps->epoch_ns = igbx_ptp_to_ns(ps, igbx_read_stamp(IGBX_DEV_HW(dev),
							  IGBX_SYSTIML, IGBX_SYSTIMH));
}

void
igbx_ptp_restore(struct rte_eth_dev *dev)
{
	/* the epoch, saved before the reset, carries the time across */
	if (igbx_ptp_of(dev)->enabled)
		igbx_ptp_program(dev);
}

void
igbx_ptp_release(struct rte_eth_dev *dev)
{
	igbx_timesync_disable(dev);
}

/*
 * read_clock: the device clock in nanoseconds, SYSTIM without its 16-bit
 * fraction. SYSTIM advances only while TIMINCA is programmed (8.17), which
 * timesync_enable does; a stopped clock would read the same value forever.
 */
int
igbx_read_clock(struct rte_eth_dev *dev, uint64_t *clock)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (igbx_read(hw, IGBX_TIMINCA) == 0) {
		IGBX_LOG(ERR, "port %u: read_clock: SYSTIM is stopped (TIMINCA 0); "
			 "allowed once rte_eth_timesync_enable() runs it", dev->data->port_id);
		return -EAGAIN;
	}
	*clock = igbx_read_stamp(hw, IGBX_SYSTIML, IGBX_SYSTIMH) >> IGBX_PTP_SYSTIM_SHIFT;
	return 0;
}
