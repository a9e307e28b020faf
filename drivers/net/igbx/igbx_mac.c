/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_mac.c: MAC side of the link: link setup (4.5.7), link state from STATUS (8.2.2)
 * and flow-control resolution from the autonegotiated pause abilities. */
#include "igbx_hw.h"
#include "igbx_logs.h"

/* 4.5.7.2 copper: the MAC takes speed and duplex from the internal PHY
 * when neither is forced; CTRL.SLU lets the MAC follow the PHY's link. */
void
igbx_mac_follow_phy(struct igbx_hw *hw)
{
	uint32_t ctrl = igbx_read(hw, IGBX_CTRL);

	if (hw->media == IGBX_MEDIA_SERDES) {
		igbx_write(hw, IGBX_CTRL, ctrl | IGBX_CTRL_SLU | IGBX_CTRL_FD);
		return;
	}
	ctrl &= ~(IGBX_CTRL_FRCSPD | IGBX_CTRL_FRCDPX | IGBX_CTRL_ILOS);
	ctrl |= IGBX_CTRL_SLU;
	igbx_write(hw, IGBX_CTRL, ctrl);
}

/* pause: symmetric and asymmetric are both advertised, so flow control can
 * be used in either direction (igbx_fc.c decides what is in effect) */
#define IGBX_ADV_PAUSE		true
#define IGBX_ADV_ASYM_PAUSE	true

static int
igbx_mac_setup_copper(struct igbx_hw *hw, uint32_t adv_mask)
{
	igbx_mac_follow_phy(hw);
	return igbx_phy_setup_autoneg(hw, adv_mask, IGBX_ADV_PAUSE, IGBX_ADV_ASYM_PAUSE);
}

/* Whether the link can be kept as it is: a serdes PCS has nothing to restart;
 * a copper PHY must hold a link negotiated with this advertisement. */
bool
igbx_mac_link_settled(struct igbx_hw *hw, uint32_t adv_mask)
{
	if (hw->media == IGBX_MEDIA_SERDES)
		return true;
	return igbx_phy_autoneg_settled(hw, adv_mask, IGBX_ADV_PAUSE, IGBX_ADV_ASYM_PAUSE);
}

/* 4.5.7.3 serdes: 1000BASE-X, the PCS does autonegotiation. */
static int
igbx_mac_setup_serdes(struct igbx_hw *hw)
{
	igbx_mac_follow_phy(hw);
	igbx_write_flush(hw);
	return 0;
}

int
igbx_mac_setup_link(struct igbx_hw *hw, uint32_t adv_mask)
{
	if (hw->media == IGBX_MEDIA_SERDES)
		return igbx_mac_setup_serdes(hw);
	return igbx_mac_setup_copper(hw, adv_mask);
}

/* 8.2.2 STATUS: LU, FD and SPEED (10b and 11b both mean 1000 Mb/s). */
void
igbx_mac_get_link(struct igbx_hw *hw, struct igbx_link *link)
{
	uint32_t status = igbx_read(hw, IGBX_STATUS);

	link->up = (status & IGBX_STATUS_LU) != 0;
	link->full_duplex = link->up && (status & IGBX_STATUS_FD) != 0;
	if (!link->up) {
		link->speed_mbps = 0;
		return;
	}
	switch (status & IGBX_STATUS_SPEED_MASK) {
	case IGBX_STATUS_SPEED_10:
		link->speed_mbps = 10;
		break;
	case IGBX_STATUS_SPEED_100:
		link->speed_mbps = 100;
		break;
	default:
		link->speed_mbps = 1000;
		break;
	}
}

/* IEEE 802.3 annex 28B.3: what pause both ends advertised decides who may
 * send and who honours PAUSE frames. Only meaningful on a full-duplex link. */
int
igbx_mac_fc_resolve(struct igbx_hw *hw, bool *rx_pause, bool *tx_pause)
{
	uint16_t local, partner;
	bool lp, la, pp, pa;
	int ret;

	*rx_pause = false;
	*tx_pause = false;
	if (hw->media != IGBX_MEDIA_COPPER)
		return -ENOTSUP;
	ret = igbx_phy_read(hw, IGBX_PHY_ANAR, &local);
	if (ret == 0)
		ret = igbx_phy_read(hw, IGBX_PHY_LPAR, &partner);
	if (ret != 0)
		return ret;
	lp = local & IGBX_PHY_ANAR_PAUSE;
	la = local & IGBX_PHY_ANAR_ASM_DIR;
	pp = partner & IGBX_PHY_ANAR_PAUSE;
	pa = partner & IGBX_PHY_ANAR_ASM_DIR;
	if (lp && pp) {
		*rx_pause = true;
		*tx_pause = true;
	} else if (!lp && la && pp && pa) {
		*tx_pause = true;
	} else if (lp && la && !pp && pa) {
		*rx_pause = true;
	}
	return 0;
}
