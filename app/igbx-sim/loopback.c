/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * loopback.c - MAC loopback (RCTL.LBM = 01b): the TX engine hands frames to
 * this port's own RX path instead of the wire (tx.c); here, the link the MAC
 * reports while looped back. The MAC does not need the PHY then: software
 * forces its link (CTRL.SLU with FRCSPD and FRCDPLX), and STATUS shows that
 * forced link, at CTRL.SPEED and CTRL.FD, whatever the cable does.
 */
#include "model.h"

bool sim_mac_loopback(const struct sim_port *p)
{
	return (sim_reg_peek(p, SIM_RCTL) & SIM_RCTL_LBM_MASK) == SIM_RCTL_LBM_MAC;
}

bool sim_loopback_link(const struct sim_port *p, uint32_t *speed_bits, bool *fd)
{
	const uint32_t forced = SIM_CTRL_SLU | SIM_CTRL_FRCSPD | SIM_CTRL_FRCDPLX;
	uint32_t ctrl = sim_reg_peek(p, SIM_CTRL);

	if (!sim_mac_loopback(p) || (ctrl & forced) != forced)
		return false;
	/* CTRL.SPEED and STATUS.SPEED share the encoding (00 10, 01 100, 1x 1000) */
	*speed_bits = ((ctrl & SIM_CTRL_SPEED_MASK) >> 8) << 6;
	*fd = ctrl & SIM_CTRL_FD;
	return true;
}
