/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_hw.h: struct igbx_hw, the only door to the 82576 registers (read, write, set/clear
 * bits, poll), and the hardware services of igbx_hw.c, igbx_nvm.c, igbx_phy.c, igbx_mac.c. */
#ifndef IGBX_HW_H
#define IGBX_HW_H

#include <stdbool.h>
#include <stdint.h>
#include <errno.h>

#include <rte_io.h>

#include "igbx_regs.h"

#define IGBX_VENDOR_ID_INTEL		0x8086
#define IGBX_DEV_ID_82576		0x10C9	/* copper */
#define IGBX_DEV_ID_82576_FIBER		0x10E6
#define IGBX_DEV_ID_82576_SERDES	0x10E7
#define IGBX_DEV_ID_82576_QUAD_COPPER	0x10E8
#define IGBX_DEV_ID_82576_QUAD_COPPER_ET2 0x1526
#define IGBX_DEV_ID_82576_NS		0x150A
#define IGBX_DEV_ID_82576_NS_SERDES	0x1518
#define IGBX_DEV_ID_82576_SERDES_QUAD	0x150D

enum igbx_media {
	IGBX_MEDIA_COPPER = 0,		/* internal PHY behind MDIC */
	IGBX_MEDIA_SERDES,		/* fiber / serdes through the PCS */
};

/* Link as the MAC reports it in STATUS (8.2.2). */
struct igbx_link {
	uint32_t speed_mbps;		/* 0 when down */
	bool full_duplex;
	bool up;
};

struct igbx_hw {
	uint8_t *hw_addr;		/* BAR0 mapping */
	uint16_t device_id;
	uint16_t vendor_id;
	uint16_t subsystem_vendor_id;
	uint16_t subsystem_device_id;
	uint16_t lan_id;		/* LAN function, STATUS.LAN_ID */
	uint8_t mac_perm[6];		/* permanent address from the NVM */
	enum igbx_media media;
	uint32_t phy_id;		/* PHY_ID1 << 16 | PHY_ID2 */
	uint8_t phy_addr;		/* MDIO address of the internal PHY */
	uint16_t swfw_phy_mask;		/* SW_FW_SYNC bit guarding our PHY */
	uint16_t nvm_image_version;	/* NVM word 0x05 */
	bool nvm_checksum_ok;
	uint8_t reset_quirks_seen;	/* IGBX_RESET_NO_*: warned once per probe */
};

/* Completion bits a board or implementation may never set after a reset. */
#define IGBX_RESET_NO_AUTO_RD		(1u << 0)
#define IGBX_RESET_NO_CFG_DONE		(1u << 1)
#define IGBX_RESET_NO_PF_RST_DONE	(1u << 2)

/* ---- register access: plain 32-bit loads and stores ------------------- */
static inline volatile void *
igbx_reg_addr(const struct igbx_hw *hw, uint32_t reg)
{
	return (volatile void *)(hw->hw_addr + reg);
}

static inline uint32_t
igbx_read(const struct igbx_hw *hw, uint32_t reg)
{
	return rte_read32(igbx_reg_addr(hw, reg));
}

static inline void
igbx_write(struct igbx_hw *hw, uint32_t reg, uint32_t val)
{
	rte_write32(val, igbx_reg_addr(hw, reg));
}

/* Tail doorbells: the address is computed once at queue setup. */
static inline void
igbx_write_relaxed(volatile void *reg_addr, uint32_t val)
{
	rte_write32_relaxed(val, reg_addr);
}

static inline void
igbx_set_bits(struct igbx_hw *hw, uint32_t reg, uint32_t bits)
{
	igbx_write(hw, reg, igbx_read(hw, reg) | bits);
}

static inline void
igbx_clear_bits(struct igbx_hw *hw, uint32_t reg, uint32_t bits)
{
	igbx_write(hw, reg, igbx_read(hw, reg) & ~bits);
}

/* Posted writes reach the device before a read of STATUS returns. */
static inline void
igbx_write_flush(struct igbx_hw *hw)
{
	(void)igbx_read(hw, IGBX_STATUS);
}

/* Wait until (reg & mask) == want; 0 or -ETIMEDOUT. */
int igbx_poll_bits(struct igbx_hw *hw, uint32_t reg, uint32_t mask, uint32_t want,
		   unsigned int timeout_us);

/* igbx_hw.c: bring-up */
int igbx_hw_init(struct igbx_hw *hw);		/* reset, NVM, MAC address, PHY */
int igbx_hw_reset(struct igbx_hw *hw);		/* global reset and wait (4.3) */
void igbx_hw_disable_interrupts(struct igbx_hw *hw);
void igbx_hw_stop(struct igbx_hw *hw);		/* RX/TX off, interrupts masked */
void igbx_hw_set_driver_loaded(struct igbx_hw *hw, bool loaded);
int igbx_swfw_acquire(struct igbx_hw *hw, uint16_t mask);
void igbx_swfw_release(struct igbx_hw *hw, uint16_t mask);

/* igbx_nvm.c */
int igbx_nvm_read(struct igbx_hw *hw, uint16_t word, uint16_t count, uint16_t *data);
int igbx_nvm_validate_checksum(struct igbx_hw *hw);
int igbx_nvm_read_mac_addr(struct igbx_hw *hw);
int igbx_mac_addr_from_rar0(struct igbx_hw *hw);	/* no valid NVM: RAL0/RAH0 */
int igbx_nvm_read_version(struct igbx_hw *hw, uint16_t *version);

/* igbx_phy.c */
int igbx_phy_read(struct igbx_hw *hw, uint8_t reg, uint16_t *val);
int igbx_phy_write(struct igbx_hw *hw, uint8_t reg, uint16_t val);
int igbx_phy_identify(struct igbx_hw *hw);
int igbx_phy_reset(struct igbx_hw *hw);
int igbx_phy_setup_autoneg(struct igbx_hw *hw, uint32_t link_speeds_mask, bool pause,
			   bool asym_pause);
int igbx_phy_power(struct igbx_hw *hw, bool on);
bool igbx_phy_autoneg_settled(struct igbx_hw *hw, uint32_t adv_mask, bool pause,
			      bool asym_pause);

/* igbx_mac.c; speed bits for igbx_phy_setup_autoneg / igbx_mac_setup_link */
#define IGBX_ADV_10_HD		(1u << 0)
#define IGBX_ADV_10_FD		(1u << 1)
#define IGBX_ADV_100_HD		(1u << 2)
#define IGBX_ADV_100_FD		(1u << 3)
#define IGBX_ADV_1000_FD	(1u << 5)
#define IGBX_ADV_ALL		(IGBX_ADV_10_HD | IGBX_ADV_10_FD | IGBX_ADV_100_HD | \
				 IGBX_ADV_100_FD | IGBX_ADV_1000_FD)
int igbx_mac_setup_link(struct igbx_hw *hw, uint32_t adv_mask);	/* MAC + PHY autoneg */
bool igbx_mac_link_settled(struct igbx_hw *hw, uint32_t adv_mask);
void igbx_mac_follow_phy(struct igbx_hw *hw);	/* MAC side only, after a MAC reset */
void igbx_mac_get_link(struct igbx_hw *hw, struct igbx_link *link);
/* Resolve the pause configuration from our and the partner's advertisement
 * (IEEE 802.3 annex 28B); outputs whether RX/TX pause is in effect. */
int igbx_mac_fc_resolve(struct igbx_hw *hw, bool *rx_pause, bool *tx_pause);

#endif /* IGBX_HW_H */
