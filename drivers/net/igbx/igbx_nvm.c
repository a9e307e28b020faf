/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_nvm.c: NVM (EEPROM) words through EERD, the 0xBABA checksum of words 0x00-0x3F,
 * the permanent MAC address of our LAN function and the NVM image version. */
#include <string.h>

#include <rte_ether.h>

#include "igbx_hw.h"
#include "igbx_logs.h"

#define IGBX_EERD_TIMEOUT_US	10000
/* EERD.ADDR is 14 bits wide: words 0 .. 0x3FFF can be addressed. */
#define IGBX_NVM_WORDS_MAX	0x4000
#define IGBX_NVM_PTR_NONE(p)	((p) == 0x0000 || (p) == 0xFFFF)

/* EERD: write the word address with START, wait for DONE, take the
 * data from bits 31:16. Caller holds the EEP semaphore. */
static int
igbx_nvm_read_word(struct igbx_hw *hw, uint16_t word, uint16_t *data)
{
	uint32_t eerd;

	igbx_write(hw, IGBX_EERD, ((uint32_t)word << IGBX_EERD_ADDR_SHIFT) | IGBX_EERD_START);
	if (igbx_poll_bits(hw, IGBX_EERD, IGBX_EERD_DONE, IGBX_EERD_DONE,
			   IGBX_EERD_TIMEOUT_US) != 0) {
		IGBX_LOG(ERR, "EERD read of NVM word 0x%04x timed out", word);
		return -ETIMEDOUT;
	}
	eerd = igbx_read(hw, IGBX_EERD);
	*data = (uint16_t)(eerd >> IGBX_EERD_DATA_SHIFT);
	return 0;
}

int
igbx_nvm_read(struct igbx_hw *hw, uint16_t word, uint16_t count, uint16_t *data)
{
	uint16_t i;
	int ret;

	if (data == NULL || count == 0 || (uint32_t)word + count > IGBX_NVM_WORDS_MAX) {
		IGBX_LOG(ERR, "NVM read of %u words at 0x%04x: must lie in 0..0x%x",
			 count, word, IGBX_NVM_WORDS_MAX - 1);
		return -EINVAL;
	}
	/* Firmware may read the NVM at any time: share it through SW_FW_SYNC. */
	ret = igbx_swfw_acquire(hw, IGBX_SW_FW_SYNC_SW_EEP_SM);
	if (ret != 0)
		return ret;
	for (i = 0; i < count && ret == 0; i++)
		ret = igbx_nvm_read_word(hw, word + i, &data[i]);
	igbx_swfw_release(hw, IGBX_SW_FW_SYNC_SW_EEP_SM);
	return ret;
}

/* 6.1: words 0x00..0x3F, checksum word included, add up to 0xBABA. An
 * absent or blank NVM is a board fact, not a failure: the caller then takes
 * the address from RAR0, so both are warnings. */
int
igbx_nvm_validate_checksum(struct igbx_hw *hw)
{
	uint16_t words[IGBX_NVM_CHECKSUM_WORDS];
	uint16_t sum = 0;
	unsigned int i;
	int ret;

	hw->nvm_checksum_ok = false;
	if (!(igbx_read(hw, IGBX_EECD) & IGBX_EECD_EE_PRES)) {
		IGBX_INIT_LOG(WARNING, "EECD.EE_PRES clear: no NVM attached");
		return -ENODEV;
	}
	ret = igbx_nvm_read(hw, 0, IGBX_NVM_CHECKSUM_WORDS, words);
	if (ret != 0)
		return ret;
	for (i = 0; i < IGBX_NVM_CHECKSUM_WORDS; i++)
		sum += words[i];
	if (sum != IGBX_NVM_SUM) {
		IGBX_INIT_LOG(WARNING, "NVM checksum 0x%04x, expected 0x%04x: NVM contents "
			      "not used", sum, IGBX_NVM_SUM);
		return -EIO;
	}
	hw->nvm_checksum_ok = true;
	return 0;
}

/* 6.2.1: an address is three little-endian words, byte 0 first on the wire. */
static int
igbx_nvm_read_addr(struct igbx_hw *hw, uint16_t word, uint8_t mac[RTE_ETHER_ADDR_LEN])
{
	uint16_t w[3];
	unsigned int i;
	int ret;

	ret = igbx_nvm_read(hw, word, 3, w);
	if (ret != 0)
		return ret;
	for (i = 0; i < 3; i++) {
		mac[2 * i] = (uint8_t)(w[i] & 0xFF);
		mac[2 * i + 1] = (uint8_t)(w[i] >> 8);
	}
	return 0;
}

/* Alternate MAC address block: word 0x37 points at a table of one
 * address per LAN function that overrides words 0..2 when it is valid. */
static bool
igbx_nvm_read_alt_addr(struct igbx_hw *hw, uint8_t mac[RTE_ETHER_ADDR_LEN])
{
	uint16_t ptr;

	if (igbx_nvm_read(hw, IGBX_NVM_ALT_MAC_PTR, 1, &ptr) != 0 || IGBX_NVM_PTR_NONE(ptr))
		return false;
	if ((uint32_t)ptr + 3u * hw->lan_id + 3 > IGBX_NVM_WORDS_MAX)
		return false;
	if (igbx_nvm_read_addr(hw, ptr + 3 * hw->lan_id, mac) != 0)
		return false;
	return rte_is_valid_assigned_ether_addr((const struct rte_ether_addr *)mac);
}

/* RAL0/RAH0 as six address bytes; false when RAH0.AV is clear. */
static bool
igbx_rar0_read(struct igbx_hw *hw, uint8_t rar[RTE_ETHER_ADDR_LEN])
{
	uint32_t ral = igbx_read(hw, IGBX_RAL(0));
	uint32_t rah = igbx_read(hw, IGBX_RAH(0));
	unsigned int i;

	for (i = 0; i < 4; i++)
		rar[i] = (uint8_t)(ral >> (8 * i));
	rar[4] = (uint8_t)rah;
	rar[5] = (uint8_t)(rah >> 8);
	return (rah & IGBX_RAH_AV) != 0;
}

/* The reset loaded RAR0 from the NVM by itself: a different value
 * means our reading of the NVM layout and the device disagree. */
static void
igbx_nvm_check_rar0(struct igbx_hw *hw)
{
	uint8_t rar[RTE_ETHER_ADDR_LEN];

	if (!igbx_rar0_read(hw, rar))
		return;
	if (memcmp(rar, hw->mac_perm, RTE_ETHER_ADDR_LEN) != 0)
		IGBX_INIT_LOG(NOTICE, "RAR0 after reset holds " RTE_ETHER_ADDR_PRT_FMT
			      ", NVM gives LAN%u " RTE_ETHER_ADDR_PRT_FMT ": using the NVM's",
			      rar[0], rar[1], rar[2], rar[3], rar[4], rar[5], hw->lan_id,
			      hw->mac_perm[0], hw->mac_perm[1], hw->mac_perm[2],
			      hw->mac_perm[3], hw->mac_perm[4], hw->mac_perm[5]);
}

/* No usable NVM: RAR0 keeps what the platform put there before us (boot
 * firmware, a pre-boot driver, an emulation's configured address; the
 * reset does not clear it, 6.2.1). Used only when it is a valid unicast. */
int
igbx_mac_addr_from_rar0(struct igbx_hw *hw)
{
	uint8_t rar[RTE_ETHER_ADDR_LEN];
	bool av = igbx_rar0_read(hw, rar);

	if (!av || !rte_is_valid_assigned_ether_addr((const struct rte_ether_addr *)rar)) {
		IGBX_INIT_LOG(ERR, "LAN%u has no MAC address: no valid NVM, and RAL0/RAH0 hold "
			      RTE_ETHER_ADDR_PRT_FMT " (AV=%d), not a valid unicast address",
			      hw->lan_id, rar[0], rar[1], rar[2], rar[3], rar[4], rar[5], av);
		return -EIO;
	}
	memcpy(hw->mac_perm, rar, RTE_ETHER_ADDR_LEN);
	IGBX_INIT_LOG(NOTICE, "LAN%u: no valid NVM, MAC address " RTE_ETHER_ADDR_PRT_FMT
		      " taken from RAL0/RAH0", hw->lan_id,
		      rar[0], rar[1], rar[2], rar[3], rar[4], rar[5]);
	return 0;
}

/* 6.2.1: words 0..2 hold LAN 0's address; the second function of an
 * 82576 uses the same address with the last bit of byte 5 inverted. */
int
igbx_nvm_read_mac_addr(struct igbx_hw *hw)
{
	uint8_t mac[RTE_ETHER_ADDR_LEN];
	int ret;

	if (!igbx_nvm_read_alt_addr(hw, mac)) {
		ret = igbx_nvm_read_addr(hw, IGBX_NVM_MAC_ADDR, mac);
		if (ret != 0)
			return ret;
		if (hw->lan_id & 1)
			mac[5] ^= 0x01;
	}
	if (!rte_is_valid_assigned_ether_addr((const struct rte_ether_addr *)mac)) {
		IGBX_INIT_LOG(WARNING, "NVM holds no valid unicast address for LAN%u: "
			      RTE_ETHER_ADDR_PRT_FMT, hw->lan_id,
			      mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
		return -EIO;
	}
	memcpy(hw->mac_perm, mac, RTE_ETHER_ADDR_LEN);
	igbx_nvm_check_rar0(hw);
	return 0;
}

/* Word 0x05, NVM image version: major in bits 15:12, minor 11:4, build 3:0. */
int
igbx_nvm_read_version(struct igbx_hw *hw, uint16_t *version)
{
	return igbx_nvm_read(hw, IGBX_NVM_VERSION, 1, version);
}
