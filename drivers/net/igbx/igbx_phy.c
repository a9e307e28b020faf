/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_phy.c: the internal copper PHY through MDIC (8.2.4) under its SW_FW_SYNC semaphore:
 * register read/write, identification, reset, power and the autonegotiation advertisement. */
#include <rte_cycles.h>

#include "igbx_hw.h"
#include "igbx_logs.h"

#define IGBX_MDIC_TIMEOUT_US	10000	/* an MDIO frame takes ~64 us at 2.5 MHz */
#define IGBX_PHY_RESET_US	500000	/* IEEE 802.3 22.2.4.1.1: reset within 0.5 s */

/* 8.2.4 MDIC: one access at a time; READY marks its end and E an MDIO error
 * (no PHY answered). Caller holds the PHY semaphore. */
static int
igbx_mdic_access(struct igbx_hw *hw, uint32_t op, uint8_t reg, uint16_t *val)
{
	uint32_t mdic = op | ((uint32_t)reg << IGBX_MDIC_REGADD_SHIFT) |
			((uint32_t)hw->phy_addr << IGBX_MDIC_PHYADD_SHIFT);

	if (op == IGBX_MDIC_OP_WRITE)
		mdic |= *val;
	igbx_write(hw, IGBX_MDIC, mdic);
	if (igbx_poll_bits(hw, IGBX_MDIC, IGBX_MDIC_READY, IGBX_MDIC_READY,
			   IGBX_MDIC_TIMEOUT_US) != 0) {
		IGBX_LOG(ERR, "MDIC access to PHY register %u timed out", reg);
		return -ETIMEDOUT;
	}
	mdic = igbx_read(hw, IGBX_MDIC);
	if (mdic & IGBX_MDIC_E) {
		IGBX_LOG(ERR, "MDIC error on PHY %u register %u", hw->phy_addr, reg);
		return -EIO;
	}
	if (op == IGBX_MDIC_OP_READ)
		*val = (uint16_t)(mdic & IGBX_MDIC_DATA_MASK);
	return 0;
}

static int
igbx_phy_access(struct igbx_hw *hw, uint32_t op, uint8_t reg, uint16_t *val)
{
	int ret;

	if (reg > 31) {
		IGBX_LOG(ERR, "PHY register %u: MDIO clause 22 has registers 0..31", reg);
		return -EINVAL;
	}
	ret = igbx_swfw_acquire(hw, hw->swfw_phy_mask);
	if (ret != 0)
		return ret;
	ret = igbx_mdic_access(hw, op, reg, val);
	igbx_swfw_release(hw, hw->swfw_phy_mask);
	return ret;
}

int
igbx_phy_read(struct igbx_hw *hw, uint8_t reg, uint16_t *val)
{
	return igbx_phy_access(hw, IGBX_MDIC_OP_READ, reg, val);
}

int
igbx_phy_write(struct igbx_hw *hw, uint8_t reg, uint16_t val)
{
	return igbx_phy_access(hw, IGBX_MDIC_OP_WRITE, reg, &val);
}

/* Read-modify-write of one PHY register. */
static int
igbx_phy_update(struct igbx_hw *hw, uint8_t reg, uint16_t clear, uint16_t set)
{
	uint16_t val;
	int ret;

	ret = igbx_phy_read(hw, reg, &val);
	if (ret != 0)
		return ret;
	return igbx_phy_write(hw, reg, (uint16_t)((val & ~clear) | set));
}

int
igbx_phy_identify(struct igbx_hw *hw)
{
	uint16_t id1, id2;
	int ret;

	ret = igbx_phy_read(hw, IGBX_PHY_ID1, &id1);
	if (ret == 0)
		ret = igbx_phy_read(hw, IGBX_PHY_ID2, &id2);
	if (ret != 0)
		return ret;
	hw->phy_id = ((uint32_t)id1 << 16) | id2;
	/* an absent PHY leaves MDIO pulled up (all ones) or reads as zero */
	if (hw->phy_id == 0 || hw->phy_id == UINT32_C(0xFFFFFFFF)) {
		IGBX_INIT_LOG(ERR, "no PHY at MDIO address %u (id 0x%08x)",
			      hw->phy_addr, hw->phy_id);
		return -ENODEV;
	}
	return 0;
}

/* IEEE 802.3 22.2.4.1.1: PHY_CTRL.RESET self-clears when the reset is over. */
int
igbx_phy_reset(struct igbx_hw *hw)
{
	unsigned int waited;
	uint16_t ctrl;
	int ret;

	ret = igbx_phy_update(hw, IGBX_PHY_CTRL, 0, IGBX_PHY_CTRL_RESET);
	if (ret != 0)
		return ret;
	for (waited = 0; waited < IGBX_PHY_RESET_US; waited += 1000) {
		rte_delay_us(1000);
		ret = igbx_phy_read(hw, IGBX_PHY_CTRL, &ctrl);
		if (ret != 0)
			return ret;
		if (!(ctrl & IGBX_PHY_CTRL_RESET))
			return 0;
	}
	IGBX_LOG(ERR, "PHY_CTRL.RESET did not self-clear");
	return -ETIMEDOUT;
}

int
igbx_phy_power(struct igbx_hw *hw, bool on)
{
	return igbx_phy_update(hw, IGBX_PHY_CTRL, on ? IGBX_PHY_CTRL_POWER_DOWN : 0,
			       on ? 0 : IGBX_PHY_CTRL_POWER_DOWN);
}

/* IEEE 802.3 28.2.4.1.3 and 40.5.1.1: the ANAR and 1000BASE-T control words
 * that advertise adv_mask. The 82576 has no 1000BASE-T half duplex, so
 * 1000 HD is never advertised. */
static void
igbx_phy_adv_words(uint32_t adv_mask, bool pause, bool asym_pause, uint16_t *anar,
		   uint16_t *gctrl)
{
	*anar = IGBX_PHY_ANAR_SELECTOR;
	*gctrl = 0;
	if (adv_mask & IGBX_ADV_10_HD)
		*anar |= IGBX_PHY_ANAR_10T_HD;
	if (adv_mask & IGBX_ADV_10_FD)
		*anar |= IGBX_PHY_ANAR_10T_FD;
	if (adv_mask & IGBX_ADV_100_HD)
		*anar |= IGBX_PHY_ANAR_100TX_HD;
	if (adv_mask & IGBX_ADV_100_FD)
		*anar |= IGBX_PHY_ANAR_100TX_FD;
	if (pause)
		*anar |= IGBX_PHY_ANAR_PAUSE;
	if (asym_pause)
		*anar |= IGBX_PHY_ANAR_ASM_DIR;
	if (adv_mask & IGBX_ADV_1000_FD)
		*gctrl |= IGBX_PHY_1000T_CTRL_FD;
}

/* 4.5.7.2: advertise the abilities in adv_mask and restart autonegotiation. */
int
igbx_phy_setup_autoneg(struct igbx_hw *hw, uint32_t adv_mask, bool pause, bool asym_pause)
{
	uint16_t anar, gctrl;
	int ret;

	igbx_phy_adv_words(adv_mask, pause, asym_pause, &anar, &gctrl);
	ret = igbx_phy_write(hw, IGBX_PHY_ANAR, anar);
	if (ret == 0)
		ret = igbx_phy_update(hw, IGBX_PHY_1000T_CTRL,
				      IGBX_PHY_1000T_CTRL_FD | IGBX_PHY_1000T_CTRL_HD, gctrl);
	if (ret == 0)
		ret = igbx_phy_update(hw, IGBX_PHY_CTRL,
				      IGBX_PHY_CTRL_POWER_DOWN | IGBX_PHY_CTRL_ISOLATE,
				      IGBX_PHY_CTRL_AN_ENABLE | IGBX_PHY_CTRL_RESTART_AN);
	return ret;
}

/*
 * True when the PHY holds a link that autonegotiation completed with exactly
 * this advertisement: powered, not isolated, autonegotiation enabled, and
 * PHY_STATUS showing link and AN complete. Anything else (a PHY the MAC reset
 * took back to its defaults, a cable that was pulled, a powered-down PHY)
 * needs a restart. PHY_STATUS.LINK latches low (IEEE 802.3 22.2.4.2.13):
 * the second read gives the present state.
 */
bool
igbx_phy_autoneg_settled(struct igbx_hw *hw, uint32_t adv_mask, bool pause, bool asym_pause)
{
	const uint16_t adv_bits = IGBX_PHY_ANAR_10T_HD | IGBX_PHY_ANAR_10T_FD |
		IGBX_PHY_ANAR_100TX_HD | IGBX_PHY_ANAR_100TX_FD | IGBX_PHY_ANAR_PAUSE |
		IGBX_PHY_ANAR_ASM_DIR;
	const uint16_t gbits = IGBX_PHY_1000T_CTRL_FD | IGBX_PHY_1000T_CTRL_HD;
	uint16_t anar, gctrl, ctrl, status, want_anar, want_gctrl;

	igbx_phy_adv_words(adv_mask, pause, asym_pause, &want_anar, &want_gctrl);
	if (igbx_phy_read(hw, IGBX_PHY_CTRL, &ctrl) != 0 ||
	    igbx_phy_read(hw, IGBX_PHY_ANAR, &anar) != 0 ||
	    igbx_phy_read(hw, IGBX_PHY_1000T_CTRL, &gctrl) != 0 ||
	    igbx_phy_read(hw, IGBX_PHY_STATUS, &status) != 0 ||
	    igbx_phy_read(hw, IGBX_PHY_STATUS, &status) != 0)
		return false;
	if ((ctrl & (IGBX_PHY_CTRL_POWER_DOWN | IGBX_PHY_CTRL_ISOLATE)) ||
	    !(ctrl & IGBX_PHY_CTRL_AN_ENABLE))
		return false;
	if ((anar & adv_bits) != (want_anar & adv_bits) || (gctrl & gbits) != want_gctrl)
		return false;
	return (status & (IGBX_PHY_STATUS_LINK | IGBX_PHY_STATUS_AN_COMPLETE)) ==
	       (IGBX_PHY_STATUS_LINK | IGBX_PHY_STATUS_AN_COMPLETE);
}
