/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_hw.c: register polling, the software/firmware semaphores and the 82576 bring-up:
 * global reset and wait, then NVM, MAC address and PHY, in the datasheet's order (4.5). */
#include <stdio.h>

#include <rte_cycles.h>

#include "igbx_hw.h"
#include "igbx_logs.h"

#define IGBX_POLL_STEP_US	10
#define IGBX_MASTER_DISABLE_US	10000	/* GIO master disable: requests drain */
#define IGBX_RESET_SETTLE_US	1000	/* 4.3.1: no register access for 1 ms */
#define IGBX_RESET_DONE_US	10000
#define IGBX_AUTO_READ_US	10000	/* 4.3.1: NVM auto-read after reset */
#define IGBX_CFG_DONE_US	100000	/* EEMNGCTL.CFG_DONE: PHY/NVM config of our port */
#define IGBX_SEMAPHORE_TRIES	2000	/* x 50 us for SWSM */
#define IGBX_SWFW_TRIES		200	/* x 5 ms for SW_FW_SYNC */

int
igbx_poll_bits(struct igbx_hw *hw, uint32_t reg, uint32_t mask, uint32_t want,
	       unsigned int timeout_us)
{
	unsigned int waited = 0;

	for (;;) {
		if ((igbx_read(hw, reg) & mask) == want)
			return 0;
		if (waited >= timeout_us)
			return -ETIMEDOUT;
		rte_delay_us(IGBX_POLL_STEP_US);
		waited += IGBX_POLL_STEP_US;
	}
}

/* Software/firmware synchronization through SWSM: SMBI is set by the read
 * that finds it clear, which makes that reader the owner; SWESMBI then
 * arbitrates between software and firmware, held only if it reads back set. */
static int
igbx_swsm_acquire(struct igbx_hw *hw)
{
	unsigned int i;

	for (i = 0; i < IGBX_SEMAPHORE_TRIES; i++) {
		if (!(igbx_read(hw, IGBX_SWSM) & IGBX_SWSM_SMBI))
			break;
		rte_delay_us(50);
	}
	if (i == IGBX_SEMAPHORE_TRIES) {
		IGBX_LOG(ERR, "SWSM.SMBI stays set: another driver holds the semaphore");
		return -EBUSY;
	}
	for (i = 0; i < IGBX_SEMAPHORE_TRIES; i++) {
		igbx_set_bits(hw, IGBX_SWSM, IGBX_SWSM_SWESMBI);
		if (igbx_read(hw, IGBX_SWSM) & IGBX_SWSM_SWESMBI)
			return 0;
		rte_delay_us(50);
	}
	igbx_clear_bits(hw, IGBX_SWSM, IGBX_SWSM_SMBI | IGBX_SWSM_SWESMBI);
	IGBX_LOG(ERR, "SWSM.SWESMBI not granted: firmware holds the semaphore");
	return -EBUSY;
}

static void
igbx_swsm_release(struct igbx_hw *hw)
{
	igbx_clear_bits(hw, IGBX_SWSM, IGBX_SWSM_SMBI | IGBX_SWSM_SWESMBI);
}

/* SW_FW_SYNC: a resource is free when neither its software bit
 * nor its firmware bit (bit + 16) is set; the register itself is only
 * touched while SWSM is held. */
int
igbx_swfw_acquire(struct igbx_hw *hw, uint16_t mask)
{
	uint32_t both = (uint32_t)mask | ((uint32_t)mask << IGBX_SW_FW_SYNC_FW_SHIFT);
	unsigned int i;
	uint32_t sync;
	int ret;

	for (i = 0; i < IGBX_SWFW_TRIES; i++) {
		ret = igbx_swsm_acquire(hw);
		if (ret != 0)
			return ret;
		sync = igbx_read(hw, IGBX_SW_FW_SYNC);
		if (!(sync & both)) {
			igbx_write(hw, IGBX_SW_FW_SYNC, sync | mask);
			igbx_swsm_release(hw);
			return 0;
		}
		igbx_swsm_release(hw);
		rte_delay_ms(5);
	}
	IGBX_LOG(ERR, "SW_FW_SYNC resource 0x%x busy (0x%08x)", mask, sync);
	return -EBUSY;
}

void
igbx_swfw_release(struct igbx_hw *hw, uint16_t mask)
{
	/* Releasing must not fail: on a stuck SWSM we clear our bit anyway. */
	int ret = igbx_swsm_acquire(hw);

	igbx_clear_bits(hw, IGBX_SW_FW_SYNC, mask);
	if (ret == 0)
		igbx_swsm_release(hw);
}

/* 4.5.4: no interrupt may fire while the device is being set up. */
void
igbx_hw_disable_interrupts(struct igbx_hw *hw)
{
	igbx_write(hw, IGBX_IMC, IGBX_IMS_ALL);
	igbx_write(hw, IGBX_EIMC, IGBX_EICR_ALL);
	igbx_write(hw, IGBX_EIAC, 0);
	igbx_write_flush(hw);
	(void)igbx_read(hw, IGBX_ICR);	/* read to clear what was pending */
}

/* CTRL.GIO_MASTER_DISABLE: stop issuing DMA before a reset, so none is cut
 * in half; STATUS.GIO_MASTER_ENABLE clears once nothing is pending. */
static void
igbx_hw_disable_master(struct igbx_hw *hw)
{
	igbx_set_bits(hw, IGBX_CTRL, IGBX_CTRL_GIO_MASTER_DISABLE);
	if (igbx_poll_bits(hw, IGBX_STATUS, IGBX_STATUS_GIO_MASTER_ENABLE, 0,
			   IGBX_MASTER_DISABLE_US) != 0)
		IGBX_INIT_LOG(WARNING, "GIO master requests still pending, resetting anyway");
}

/* 4.3.1: after a reset the device reloads its NVM words; EECD.AUTO_RD and
 * EEMNGCTL.CFG_DONE of our port say the reload (and the PHY configuration
 * it carries) is over, STATUS.PF_RST_DONE that the function left reset.
 * Only CTRL.RST is fatal: a board without an NVM (or an implementation that
 * does not model the auto-read) never sets the other bits, and the reset is
 * done all the same; the NVM is judged by its checksum afterwards. */
static void
igbx_hw_reset_quirk(struct igbx_hw *hw, uint8_t quirk, const char *what)
{
	/* a property of the board: worth a warning at probe, not at each start */
	if (hw->reset_quirks_seen & quirk) {
		IGBX_INIT_LOG(DEBUG, "%s not set after reset, continuing", what);
		return;
	}
	hw->reset_quirks_seen |= quirk;
	IGBX_INIT_LOG(WARNING, "%s not set after reset, continuing", what);
}

static int
igbx_hw_wait_reset_done(struct igbx_hw *hw)
{
	char cfg_done[24];

	if (igbx_poll_bits(hw, IGBX_CTRL, IGBX_CTRL_RST, 0, IGBX_RESET_DONE_US) != 0) {
		IGBX_INIT_LOG(ERR, "CTRL.RST did not self-clear");
		return -ETIMEDOUT;
	}
	if (igbx_poll_bits(hw, IGBX_EECD, IGBX_EECD_AUTO_RD, IGBX_EECD_AUTO_RD,
			   IGBX_AUTO_READ_US) != 0)
		igbx_hw_reset_quirk(hw, IGBX_RESET_NO_AUTO_RD,
				    "EECD.AUTO_RD (no NVM auto-read)");
	/* Some images carry no configuration for the port: go on. */
	if (igbx_poll_bits(hw, IGBX_EEMNGCTL, IGBX_EEMNGCTL_CFG_DONE(hw->lan_id),
			   IGBX_EEMNGCTL_CFG_DONE(hw->lan_id), IGBX_CFG_DONE_US) != 0) {
		snprintf(cfg_done, sizeof(cfg_done), "EEMNGCTL.CFG_DONE%u", hw->lan_id);
		igbx_hw_reset_quirk(hw, IGBX_RESET_NO_CFG_DONE, cfg_done);
	}
	if (igbx_poll_bits(hw, IGBX_STATUS, IGBX_STATUS_PF_RST_DONE, IGBX_STATUS_PF_RST_DONE,
			   IGBX_RESET_DONE_US) != 0)
		igbx_hw_reset_quirk(hw, IGBX_RESET_NO_PF_RST_DONE, "STATUS.PF_RST_DONE");
	return 0;
}

/* 4.5.5: global reset and general configuration. */
int
igbx_hw_reset(struct igbx_hw *hw)
{
	int ret;

	/* 4.5.4: mask interrupts, 4.5.9/4.5.10: stop RX and TX */
	igbx_hw_disable_interrupts(hw);
	igbx_write(hw, IGBX_RCTL, 0);
	igbx_write(hw, IGBX_TCTL, IGBX_TCTL_PSP);
	igbx_write_flush(hw);
	igbx_hw_disable_master(hw);

	/* 4.3.1: CTRL.RST resets this function only (DEV_RST would reset every port) */
	igbx_set_bits(hw, IGBX_CTRL, IGBX_CTRL_RST);
	rte_delay_us(IGBX_RESET_SETTLE_US);
	ret = igbx_hw_wait_reset_done(hw);
	if (ret != 0)
		return ret;

	/* 4.5.4: the reset unmasked nothing, but clear what it latched */
	igbx_hw_disable_interrupts(hw);
	return 0;
}

void
igbx_hw_set_driver_loaded(struct igbx_hw *hw, bool loaded)
{
	/* 8.2.3 CTRL_EXT.DRV_LOAD: tells the manageability firmware a driver runs */
	if (loaded)
		igbx_set_bits(hw, IGBX_CTRL_EXT, IGBX_CTRL_EXT_DRV_LOAD);
	else
		igbx_clear_bits(hw, IGBX_CTRL_EXT, IGBX_CTRL_EXT_DRV_LOAD);
}

/* Quiesce the port: RX, TX and every queue off, interrupts masked. */
void
igbx_hw_stop(struct igbx_hw *hw)
{
	igbx_hw_disable_interrupts(hw);
	igbx_clear_bits(hw, IGBX_RCTL, IGBX_RCTL_EN);
	igbx_clear_bits(hw, IGBX_TCTL, IGBX_TCTL_EN);
	igbx_write_flush(hw);
}

/* SW_FW_SYNC: one PHY semaphore per LAN function. */
static const uint16_t igbx_phy_semaphore[4] = {
	IGBX_SW_FW_SYNC_SW_PHY_SM0, IGBX_SW_FW_SYNC_SW_PHY_SM1,
	IGBX_SW_FW_SYNC_SW_PHY_SM2, IGBX_SW_FW_SYNC_SW_PHY_SM3,
};

static void
igbx_hw_identify(struct igbx_hw *hw)
{
	uint32_t mode;

	hw->lan_id = (igbx_read(hw, IGBX_STATUS) & IGBX_STATUS_LAN_ID_MASK) >>
		     IGBX_STATUS_LAN_ID_SHIFT;
	mode = igbx_read(hw, IGBX_CTRL_EXT) & IGBX_CTRL_EXT_LINK_MODE_MASK;
	switch (hw->device_id) {
	case IGBX_DEV_ID_82576_FIBER:
	case IGBX_DEV_ID_82576_SERDES:
	case IGBX_DEV_ID_82576_NS_SERDES:
	case IGBX_DEV_ID_82576_SERDES_QUAD:
		hw->media = IGBX_MEDIA_SERDES;
		break;
	default:
		hw->media = mode == IGBX_CTRL_EXT_LINK_MODE_COPPER ?
			    IGBX_MEDIA_COPPER : IGBX_MEDIA_SERDES;
		break;
	}
	hw->swfw_phy_mask = igbx_phy_semaphore[hw->lan_id & 3];
	hw->phy_addr = IGBX_PHY_ADDR;
}

/* 4.5.3: the initialisation sequence up to link setup; RX/TX and
 * interrupts come later, at dev_start. */
int
igbx_hw_init(struct igbx_hw *hw)
{
	int ret;

	igbx_hw_identify(hw);
	ret = igbx_hw_reset(hw);
	if (ret != 0)
		return ret;
	/* 6.1: the checksum makes the rest of the NVM trustworthy; a board
	 * without a valid NVM still has the address RAR0 was given (6.2.1) */
	ret = igbx_nvm_validate_checksum(hw) == 0 ? igbx_nvm_read_mac_addr(hw) : -ENODATA;
	if (ret != 0)
		ret = igbx_mac_addr_from_rar0(hw);
	if (ret != 0)
		return ret;
	if (!hw->nvm_checksum_ok || igbx_nvm_read_version(hw, &hw->nvm_image_version) != 0)
		hw->nvm_image_version = 0;
	if (hw->media == IGBX_MEDIA_COPPER) {
		ret = igbx_phy_identify(hw);
		if (ret != 0)
			return ret;
	}
	igbx_hw_set_driver_loaded(hw, true);
	IGBX_INIT_LOG(INFO, "82576 %04x LAN%u %s, NVM version 0x%04x, PHY id 0x%08x",
		      hw->device_id, hw->lan_id,
		      hw->media == IGBX_MEDIA_COPPER ? "copper" : "serdes",
		      hw->nvm_image_version, hw->phy_id);
	return 0;
}
