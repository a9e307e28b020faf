/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * nvm.c - the simulated 82576's NVM: the image (datasheet 6.1), EERD/EEWR
 * access (8.4) and the auto-read that loads the MAC address into RAR0.
 */
#include <string.h>

#include "model.h"

/* Intel OUI; the rest names the simulated device (one per port pair). */
static const uint8_t sim_mac_prefix[4] = { 0x00, 0x1b, 0x21, 0x5e };

/* The 82576 is a dual-port device: port pairs share one NVM image and LAN
 * function 1 is the second port of a pair (STATUS.LAN_ID).
 */
unsigned int sim_lan_id(const struct sim_port *p)
{
	return p->id & 1u;
}

uint16_t sim_nvm_checksum(const uint16_t *words)
{
	uint16_t sum = 0;
	unsigned int i;

	for (i = 0; i < SIM_NVM_CHECKSUM; i++)
		sum += words[i];
	return (uint16_t)(SIM_NVM_CHECKSUM_SUM - sum);
}

/* LAN 0's address: the one stored in NVM words 0-2. A port's permanent
 * address already set in the shared state (by the launcher) wins; LAN 1
 * flips bit 0 of the last byte (6.2.1), so store it flipped back.
 */
static void sim_nvm_base_mac(struct sim_port *p, uint8_t mac[6])
{
	static const uint8_t zero[6];

	if (memcmp(p->sh->mac, zero, 6) != 0) {
		memcpy(mac, p->sh->mac, 6);
		mac[5] ^= (uint8_t)sim_lan_id(p);
		return;
	}
	memcpy(mac, sim_mac_prefix, 4);
	mac[4] = (uint8_t)(0xd0 | (p->id >> 8));
	mac[5] = (uint8_t)(p->id & ~1u);
}

void sim_nvm_build(struct sim_port *p)
{
	uint16_t *w = p->sh->nvm;
	uint8_t mac[6];
	unsigned int i;

	/* no NVM, or an erased one: every word reads as all ones */
	if (sim_board_has(&p->board, SIM_BOARD_NVM_ABSENT | SIM_BOARD_NVM_BLANK)) {
		for (i = 0; i < SIM_NVM_WORDS; i++)
			w[i] = 0xffff;
		return;
	}
	for (i = 0; i < SIM_NVM_WORDS; i++)
		w[i] = i < SIM_NVM_CHECKSUM_WORDS ? 0x0000 : 0xffff;
	sim_nvm_base_mac(p, mac);
	for (i = 0; i < 3; i++)
		w[SIM_NVM_MAC0 + i] = (uint16_t)(mac[2 * i] | mac[2 * i + 1] << 8);
	w[SIM_NVM_IMAGE_VERSION] = 0x1120;	/* major 1, minor 12, id 0 */
	w[SIM_NVM_PBA0] = 0xe437;		/* PBA E43709-003 */
	w[SIM_NVM_PBA0 + 1] = 0x0903;
	w[SIM_NVM_INIT_CTRL1] = 0x0c23;
	w[SIM_NVM_SUBSYS_ID] = 0x0000;
	w[SIM_NVM_SUBSYS_VENDOR] = 0x8086;
	w[SIM_NVM_DEVICE_ID] = sim_board_device_id(&p->board);
	w[SIM_NVM_VENDOR_ID] = 0x8086;
	w[SIM_NVM_INIT_CTRL2] = 0x3000;		/* symmetric + asymmetric pause */
	w[SIM_NVM_ETRACK_LOW] = 0x0a8e;
	w[SIM_NVM_ETRACK_HIGH] = 0x8000;	/* ETRACK id valid */
	w[SIM_NVM_CHECKSUM] = sim_nvm_checksum(w);
}

static void sim_nvm_set_rar0(struct sim_port *p, const uint8_t mac[6])
{
	sim_reg_poke(p, SIM_RAL(0), (uint32_t)mac[0] | (uint32_t)mac[1] << 8 |
		     (uint32_t)mac[2] << 16 | (uint32_t)mac[3] << 24);
	sim_reg_poke(p, SIM_RAH(0), (uint32_t)mac[4] | (uint32_t)mac[5] << 8 |
		     SIM_RAH_AV);
}

/* Auto-read after reset (or CTRL_EXT.EE_RST): RAR0 gets the port's address
 * with the address valid bit, and the read reports done in EECD. Without a
 * valid NVM (absent, or erased so that its signature is not valid) nothing
 * is loaded and RAR0 stays clear; boards with the no-autord trait load it
 * but never report AUTO_RD; rar0-preset boards get an address in RAR0 from
 * the platform whatever the NVM holds.
 */
void sim_nvm_load_mac(struct sim_port *p)
{
	const uint16_t *w = p->sh->nvm;
	uint8_t *mac = p->sh->mac;
	uint32_t eecd = sim_reg_peek(p, SIM_EECD) | SIM_EECD_PRES | SIM_EECD_AUTO_RD;
	bool valid = !sim_board_has(&p->board, SIM_BOARD_NVM_ABSENT | SIM_BOARD_NVM_BLANK);
	unsigned int i;

	if (valid) {
		for (i = 0; i < 3; i++) {
			mac[2 * i] = (uint8_t)w[SIM_NVM_MAC0 + i];
			mac[2 * i + 1] = (uint8_t)(w[SIM_NVM_MAC0 + i] >> 8);
		}
		mac[5] ^= (uint8_t)sim_lan_id(p);
		sim_nvm_set_rar0(p, mac);
	}
	if (sim_board_has(&p->board, SIM_BOARD_RAR0_PRESET)) {
		uint8_t preset[6];

		sim_nvm_base_mac(p, preset);
		preset[5] ^= (uint8_t)sim_lan_id(p);
		sim_nvm_set_rar0(p, preset);
	}
	if (sim_board_has(&p->board, SIM_BOARD_NVM_ABSENT))
		eecd &= ~SIM_EECD_PRES;
	if (sim_board_has(&p->board, SIM_BOARD_NO_AUTO_RD))
		eecd &= ~SIM_EECD_AUTO_RD;
	sim_reg_poke(p, SIM_EECD, eecd);
}

static uint32_t sim_nvm_addr(uint32_t val)
{
	return (val & SIM_EERW_ADDR_MASK) >> SIM_EERW_ADDR_SHIFT;
}

/* EERD: a read started with START completes at once with DONE and data;
 * words past the device read as erased (0xFFFF).
 */
void sim_nvm_eerd_write(struct sim_port *p, uint32_t val)
{
	uint32_t addr = sim_nvm_addr(val);
	uint16_t data;

	if (!(val & SIM_EERW_START)) {
		sim_reg_poke(p, SIM_EERD, val & ~SIM_EERW_DONE);
		return;
	}
	data = addr < SIM_NVM_WORDS ? p->sh->nvm[addr] : 0xffff;
	sim_reg_poke(p, SIM_EERD, (uint32_t)data << SIM_EERW_DATA_SHIFT |
		     addr << SIM_EERW_ADDR_SHIFT | SIM_EERW_DONE);
}

void sim_nvm_eewr_write(struct sim_port *p, uint32_t val)
{
	uint32_t addr = sim_nvm_addr(val);

	if (!(val & SIM_EERW_START)) {
		sim_reg_poke(p, SIM_EEWR, val & ~SIM_EERW_DONE);
		return;
	}
	if (addr < SIM_NVM_WORDS)
		p->sh->nvm[addr] = (uint16_t)(val >> SIM_EERW_DATA_SHIFT);
	sim_reg_poke(p, SIM_EEWR, (val & ~SIM_EERW_START) | SIM_EERW_DONE);
}
