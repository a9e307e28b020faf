/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_loopback.c: MAC loopback (dev_conf.lpbk_mode = 1): RCTL.LBM turns every transmitted
 * frame back into the receive path inside the MAC, so one port tests itself without a cable. */
#include "igbx_ethdev.h"
#include "igbx_devops.h"

int
igbx_loopback_check(const struct rte_eth_conf *conf)
{
	if (conf->lpbk_mode != IGBX_LPBK_NONE && conf->lpbk_mode != IGBX_LPBK_MAC) {
		IGBX_LOG(ERR, "lpbk_mode %u: allowed %u (none) or %u (MAC loopback)",
			 conf->lpbk_mode, IGBX_LPBK_NONE, IGBX_LPBK_MAC);
		return -EINVAL;
	}
	return 0;
}

static bool
igbx_loopback_on(const struct rte_eth_dev *dev)
{
	return dev->data->dev_conf.lpbk_mode == IGBX_LPBK_MAC;
}

/*
 * 3.7 MAC loopback: the MAC does not wait for the PHY, so its link is
 * forced up at 1000 Mb/s full duplex (CTRL.SLU with FRCSPD/FRCDPLX) and
 * STATUS reports that link whatever the cable does.
 */
void
igbx_loopback_force_link(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t ctrl;

	if (!igbx_loopback_on(dev))
		return;
	ctrl = igbx_read(hw, IGBX_CTRL);
	ctrl &= ~(IGBX_CTRL_SPEED_MASK | IGBX_CTRL_ASDE);
	ctrl |= IGBX_CTRL_SLU | IGBX_CTRL_FRCSPD | IGBX_CTRL_FRCDPX | IGBX_CTRL_FD |
		IGBX_CTRL_SPEED_1000;
	igbx_write(hw, IGBX_CTRL, ctrl);
}

/* RCTL.LBM = 01b; RX init cleared the field, receive is not enabled yet. */
void
igbx_loopback_enable_rx(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t rctl;

	if (!igbx_loopback_on(dev))
		return;
	rctl = igbx_read(hw, IGBX_RCTL) & ~IGBX_RCTL_LBM_MASK;
	igbx_write(hw, IGBX_RCTL, rctl | IGBX_RCTL_LBM_MAC);
	IGBX_LOG(INFO, "port %u: MAC loopback: transmitted frames come back to this port",
		 dev->data->port_id);
}
