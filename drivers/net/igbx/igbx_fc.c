/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_fc.c - 802.3x flow control: PAUSE address and type, refresh timer, packet buffer
 * thresholds and the RFCE/TFCE directions, forced or resolved from autonegotiation. */
#include <errno.h>
#include <string.h>

#include "igbx_ethdev.h"
#include "igbx_filter.h"

#define IGBX_PAUSE_TIME_DEFAULT	0x0680u		/* 512-bit-time quanta */
#define IGBX_RX_PB_DEFAULT_KB	64u		/* RXPBS after reset (8.3) */
#define IGBX_FC_GRANULE		16u		/* FCRTL/FCRTH in 16-byte units */

/* ---- flow control (FCAL/FCAH/FCT, FCTTV, FCRTL/FCRTH, CTRL.RFCE/TFCE) ---- */

/* Size of the receive packet buffer in bytes (RXPBS, KB units). */
static uint32_t
igbx_rx_pb_bytes(struct igbx_hw *hw)
{
	uint32_t kb = igbx_read(hw, IGBX_RXPBS) & IGBX_RXPBS_SIZE_MASK;

	return (kb ? kb : IGBX_RX_PB_DEFAULT_KB) * 1024;
}

/*
 * With autoneg, a direction is used only if the pause abilities both ends
 * advertised allow it (802.3 annex 28B); PAUSE needs a full-duplex link.
 * While the link is down the requested mode is programmed as is.
 */
static void
igbx_fc_negotiated(struct igbx_hw *hw, bool *rx, bool *tx)
{
	uint32_t status = igbx_read(hw, IGBX_STATUS);
	bool an_rx, an_tx;

	if (!(status & IGBX_STATUS_LU))
		return;
	if (!(status & IGBX_STATUS_FD)) {
		*rx = *tx = false;
		return;
	}
	if (igbx_mac_fc_resolve(hw, &an_rx, &an_tx) != 0)
		return;
	*rx = *rx && an_rx;
	*tx = *tx && an_tx;
}

void
igbx_fc_apply(struct rte_eth_dev *dev)
{
	const struct rte_eth_fc_conf *fc = &igbx_filter_of(dev)->fc;
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	bool rx = fc->mode == RTE_ETH_FC_FULL || fc->mode == RTE_ETH_FC_RX_PAUSE;
	bool tx = fc->mode == RTE_ETH_FC_FULL || fc->mode == RTE_ETH_FC_TX_PAUSE;
	uint32_t ctrl, rctl;

	if (fc->autoneg)
		igbx_fc_negotiated(hw, &rx, &tx);

	/* 3.7.5: the PAUSE frame's address and type, then thresholds. */
	igbx_write(hw, IGBX_FCAL, IGBX_FCAL_VALUE);
	igbx_write(hw, IGBX_FCAH, IGBX_FCAH_VALUE);
	igbx_write(hw, IGBX_FCT, IGBX_FCT_VALUE);
	igbx_write(hw, IGBX_FCTTV, fc->pause_time);
	igbx_write(hw, IGBX_FCRTV, fc->pause_time / 2);	/* refresh XOFF early */
	igbx_write(hw, IGBX_FCRTL, tx ? (fc->low_water & IGBX_FCRTL_RTL_MASK) |
		   (fc->send_xon ? IGBX_FCRTL_XONE : 0) : 0);
	igbx_write(hw, IGBX_FCRTH, tx ? fc->high_water & IGBX_FCRTH_RTH_MASK : 0);
	ctrl = igbx_read(hw, IGBX_CTRL) & ~(IGBX_CTRL_RFCE | IGBX_CTRL_TFCE);
	ctrl |= (rx ? IGBX_CTRL_RFCE : 0) | (tx ? IGBX_CTRL_TFCE : 0);
	igbx_write(hw, IGBX_CTRL, ctrl);
	rctl = igbx_read(hw, IGBX_RCTL) & ~IGBX_RCTL_PMCF;
	igbx_write(hw, IGBX_RCTL, rctl | (fc->mac_ctrl_frame_fwd ? IGBX_RCTL_PMCF : 0));
}

static int
igbx_fc_check(struct rte_eth_dev *dev, const struct rte_eth_fc_conf *fc)
{
	uint32_t pb = igbx_rx_pb_bytes(IGBX_DEV_HW(dev));

	if (fc->mode > RTE_ETH_FC_FULL) {
		IGBX_LOG(ERR, "mode %d invalid: allowed none, rx, tx, full", fc->mode);
		return -EINVAL;
	}
	if (fc->mode != RTE_ETH_FC_FULL && fc->mode != RTE_ETH_FC_TX_PAUSE)
		return 0;
	if (fc->high_water > pb || fc->high_water <= fc->low_water) {
		IGBX_LOG(ERR, "high_water %u / low_water %u invalid: need "
			 "low < high <= %u (RX packet buffer)",
			 fc->high_water, fc->low_water, pb);
		return -EINVAL;
	}
	if (fc->high_water - fc->low_water < IGBX_FC_GRANULE) {
		IGBX_LOG(ERR, "high_water %u invalid: at least %u above low_water",
			 fc->high_water, IGBX_FC_GRANULE);
		return -EINVAL;
	}
	return 0;
}

int
igbx_flow_ctrl_set(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf)
{
	struct igbx_filter_state *fs = igbx_filter_of(dev);
	struct rte_eth_fc_conf fc = *fc_conf;
	int ret;

	/* Both thresholds 0 (testpmd's "set flow_ctrl ... 0 0 0 0", as DTS
	 * sends it): no thresholds given, the port keeps the ones it has.
	 */
	if (fc.high_water == 0 && fc.low_water == 0) {
		fc.high_water = fs->fc.high_water;
		fc.low_water = fs->fc.low_water;
	}
	ret = igbx_fc_check(dev, &fc);
	if (ret != 0)
		return ret;
	fs->fc = fc;
	igbx_fc_apply(dev);
	return 0;
}

/* On link up: the partner's pause abilities are known now. */
void
igbx_flow_ctrl_refresh(struct rte_eth_dev *dev)
{
	if (igbx_filter_of(dev)->fc.autoneg)
		igbx_fc_apply(dev);
}

/* What is in effect, read back from the device; autoneg from the shadow. */
int
igbx_flow_ctrl_get(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t ctrl = igbx_read(hw, IGBX_CTRL);
	uint32_t fcrtl = igbx_read(hw, IGBX_FCRTL);
	bool rx = ctrl & IGBX_CTRL_RFCE, tx = ctrl & IGBX_CTRL_TFCE;

	memset(fc_conf, 0, sizeof(*fc_conf));
	fc_conf->mode = rx && tx ? RTE_ETH_FC_FULL : rx ? RTE_ETH_FC_RX_PAUSE :
			tx ? RTE_ETH_FC_TX_PAUSE : RTE_ETH_FC_NONE;
	fc_conf->high_water = igbx_read(hw, IGBX_FCRTH) & IGBX_FCRTH_RTH_MASK;
	fc_conf->low_water = fcrtl & IGBX_FCRTL_RTL_MASK;
	fc_conf->pause_time = (uint16_t)igbx_read(hw, IGBX_FCTTV);
	fc_conf->send_xon = !!(fcrtl & IGBX_FCRTL_XONE);
	fc_conf->mac_ctrl_frame_fwd = !!(igbx_read(hw, IGBX_RCTL) & IGBX_RCTL_PMCF);
	fc_conf->autoneg = igbx_filter_of(dev)->fc.autoneg;
	if (!tx) {
		/* thresholds are only programmed while TX pause is on */
		fc_conf->high_water = igbx_filter_of(dev)->fc.high_water;
		fc_conf->low_water = igbx_filter_of(dev)->fc.low_water;
	}
	return 0;
}

/*
 * Defaults: no pause frames (the application opts in with flow_ctrl_set);
 * XOFF when one maximum frame and a bit of slack are left in the buffer.
 */
void
igbx_fc_defaults(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc)
{
	uint32_t pb = igbx_rx_pb_bytes(IGBX_DEV_HW(dev));
	uint32_t high = (pb - IGBX_MAX_FRAME) & ~(IGBX_FC_GRANULE - 1);

	memset(fc, 0, sizeof(*fc));
	fc->mode = RTE_ETH_FC_NONE;
	fc->high_water = high;
	fc->low_water = high - 2 * 1024;
	fc->pause_time = IGBX_PAUSE_TIME_DEFAULT;
	fc->send_xon = 1;
	fc->autoneg = 1;
}
