/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * board.c - the table of board and implementation traits a port can be
 * given (igbx-sim --board [P:]trait[+trait...]), each with what it models.
 */
#include <string.h>

#include "board.h"

/* PHY ANAR bits (IEEE 802.3 28.2.4.1.3) a partner may be limited to. */
#define ANAR_SELECTOR_PAUSE	0x0c01u		/* selector, pause, asym pause */
#define ANAR_10_100_HD		0x00a0u
#define ANAR_10_100_ALL		0x01e0u

const struct sim_board_trait sim_board_traits[] = {
	{ "no-autord", "NVM valid, but EECD.AUTO_RD never reports the auto-read "
	  "done (implementations that do not model it, e.g. QEMU's igb)",
	  { .flags = SIM_BOARD_NO_AUTO_RD } },
	{ "nvm-absent", "no NVM: EECD.EE_PRES clear, no auto-read (AUTO_RD never "
	  "set), EERD reads all ones, RAR0 not loaded",
	  { .flags = SIM_BOARD_NVM_ABSENT | SIM_BOARD_NO_AUTO_RD } },
	{ "nvm-blank", "NVM present but erased: every word 0xFFFF (bad checksum), "
	  "the auto-read finds no valid signature (AUTO_RD never set, RAR0 not "
	  "loaded)", { .flags = SIM_BOARD_NVM_BLANK | SIM_BOARD_NO_AUTO_RD } },
	{ "rar0-preset", "the platform puts the port's address in RAL0/RAH0 at "
	  "every reset whatever the NVM holds (an emulation's configured MAC)",
	  { .flags = SIM_BOARD_RAR0_PRESET } },
	{ "phy-reset", "CTRL.RST also returns the PHY to its reset state; link "
	  "comes back only after autonegotiation is restarted (QEMU's igb)",
	  { .flags = SIM_BOARD_PHY_RST_WITH_MAC } },
	{ "an-slow", "autonegotiation takes 3 s, as 1000BASE-T PHYs commonly do",
	  { .an_ms = 3000 } },
	{ "partner-100", "the link partner is a 10/100 device (no 1000BASE-T)",
	  { .partner_anar_mask = ANAR_SELECTOR_PAUSE | ANAR_10_100_ALL,
	    .partner_gcr_mask = 0xffffu & ~0x0300u } },
	{ "partner-half", "the link partner is a half-duplex 10/100 hub",
	  { .partner_anar_mask = ANAR_SELECTOR_PAUSE | ANAR_10_100_HD,
	    .partner_gcr_mask = 0xffffu & ~0x0300u } },
	{ "wthresh-batch", "RXDCTL/TXDCTL.WTHRESH honoured: descriptors are "
	  "written back WTHRESH at a time and, per 82576 specification update "
	  "erratum 26, no timer flushes a partial batch",
	  { .flags = SIM_BOARD_WTHRESH_BATCH } },
	{ "fiber", "82576 fiber (device 0x10E6): internal SerDes/PCS link, no "
	  "copper PHY", { .flags = SIM_BOARD_SERDES, .device_id = 0x10e6 } },
	{ "serdes", "82576 SerDes backplane (device 0x10E7): internal SerDes/PCS "
	  "link, no copper PHY", { .flags = SIM_BOARD_SERDES, .device_id = 0x10e7 } },
};

const unsigned int sim_board_nb_traits =
	sizeof(sim_board_traits) / sizeof(sim_board_traits[0]);

static const struct sim_board_trait *sim_board_find(const char *name, size_t len)
{
	unsigned int i;

	for (i = 0; i < sim_board_nb_traits; i++)
		if (strlen(sim_board_traits[i].name) == len &&
		    !strncmp(sim_board_traits[i].name, name, len))
			return &sim_board_traits[i];
	return NULL;
}

/* Partner masks combine by intersection; a zero mask is no limit. */
static uint16_t sim_board_mask_and(uint16_t a, uint16_t b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return a & b;
}

int sim_board_parse(const char *spec, struct sim_board *b, const char **bad)
{
	const char *s = spec;

	while (*s) {
		size_t len = strcspn(s, "+");
		const struct sim_board_trait *t = sim_board_find(s, len);

		if (!t) {
			*bad = s;
			return -1;
		}
		b->flags |= t->b.flags;
		if (t->b.an_ms)
			b->an_ms = t->b.an_ms;
		if (t->b.device_id)
			b->device_id = t->b.device_id;
		b->partner_anar_mask = sim_board_mask_and(b->partner_anar_mask,
							  t->b.partner_anar_mask);
		b->partner_gcr_mask = sim_board_mask_and(b->partner_gcr_mask,
							 t->b.partner_gcr_mask);
		s += len;
		if (*s == '+')
			s++;
	}
	return 0;
}
