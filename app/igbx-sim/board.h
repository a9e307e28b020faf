/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * board.h - what differs between the boards and implementations an 82576
 * driver meets: a table of traits (NVM, PHY reset scope, autonegotiation
 * time, link partner, write-back batching, media), combined per port.
 */
#ifndef IGBX_SIM_BOARD_H
#define IGBX_SIM_BOARD_H

#include <stdbool.h>
#include <stdint.h>

/* Trait flags; a zeroed struct sim_board is the plain copper 82576 board. */
#define SIM_BOARD_NO_AUTO_RD	(1u << 0)	/* EECD.AUTO_RD never set */
#define SIM_BOARD_NVM_ABSENT	(1u << 1)	/* EECD.EE_PRES clear, no NVM */
#define SIM_BOARD_NVM_BLANK	(1u << 2)	/* NVM present but erased */
#define SIM_BOARD_RAR0_PRESET	(1u << 3)	/* RAR0 set without the NVM */
#define SIM_BOARD_PHY_RST_WITH_MAC (1u << 4)	/* CTRL.RST resets the PHY */
#define SIM_BOARD_WTHRESH_BATCH	(1u << 5)	/* WTHRESH honoured, erratum 26 */
#define SIM_BOARD_SERDES	(1u << 6)	/* internal SerDes, no copper PHY */

struct sim_board {
	uint32_t flags;
	uint32_t an_ms;		/* autonegotiation time; 0: the default */
	/* abilities the link partner can have, in PHY ANAR and 1000BASE-T
	 * control bits; 0/0: no limit
	 */
	uint16_t partner_anar_mask, partner_gcr_mask;
	uint16_t device_id;	/* PCI device id; 0: SIM_DEVICE_ID_COPPER */
};

/* One row of the trait table. */
struct sim_board_trait {
	const char *name;
	const char *what;	/* one line for --help and the NIC guide */
	struct sim_board b;
};

extern const struct sim_board_trait sim_board_traits[];
extern const unsigned int sim_board_nb_traits;

/* "trait[+trait...]" into *b (added to what it holds). 0, or -1 with the
 * unknown name in *bad (points into spec).
 */
int sim_board_parse(const char *spec, struct sim_board *b, const char **bad);

/* 82576 copper (8086:10C9): the device id of a port without a board one. */
#define SIM_DEVICE_ID_COPPER	0x10c9u

/* The PCI device id the board's port presents. */
static inline uint16_t sim_board_device_id(const struct sim_board *b)
{
	return b && b->device_id ? b->device_id : SIM_DEVICE_ID_COPPER;
}

static inline bool sim_board_has(const struct sim_board *b, uint32_t flag)
{
	return b && (b->flags & flag);
}

#endif /* IGBX_SIM_BOARD_H */
