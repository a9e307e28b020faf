/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sfp.c - the SFP module in the cage of a fiber or SerDes 82576 board: its
 * two-wire ID EEPROM (SFF-8472 A0h) and diagnostics page (A2h), read through
 * the I2CCMD register (0x01028, "SFP I2C Command" in the datasheet's register
 * chapter).
 */
#include <string.h>

#include "model.h"

#define SFP_PAGE		256
/* 8-bit two-wire addresses: 1010 b3 b2 b1 R/W, I2CCMD.PHYADD gives b3:b1 */
#define SFP_ADDR_ID		0xa0u	/* serial ID (SFF-8472 table 4-1) */
#define SFP_ADDR_DIAG		0xa2u	/* digital diagnostics (table 9-5) */

/* A0h: a 1000BASE-SX LC module with internally calibrated diagnostics. */
static void sfp_fill_id(const struct sim_port *p, uint8_t *a0)
{
	unsigned int i, sum;

	memset(a0, 0, SFP_PAGE);
	a0[0] = 0x03;			/* identifier: SFP/SFP+ */
	a0[1] = 0x04;			/* ID defined by the two-wire interface */
	a0[2] = 0x07;			/* connector: LC */
	a0[6] = 0x01;			/* Ethernet compliance: 1000BASE-SX */
	a0[11] = 0x01;			/* encoding: 8B/10B */
	a0[12] = 13;			/* nominal rate 1300 MBd (100 MBd units) */
	a0[16] = 55;			/* 550 m on OM2 50 um (10 m units) */
	a0[17] = 27;			/* 270 m on OM1 62.5 um */
	memcpy(a0 + 20, "IGBX-SIM        ", 16);	/* vendor name */
	memcpy(a0 + 40, "SFP-1000SX      ", 16);	/* vendor part number */
	memcpy(a0 + 56, "A   ", 4);			/* vendor revision */
	a0[60] = 850 >> 8;		/* laser wavelength 850 nm */
	a0[61] = 850 & 0xff;
	for (sum = 0, i = 0; i < 63; i++)
		sum += a0[i];
	a0[63] = (uint8_t)sum;		/* CC_BASE: low byte of the sum 0-62 */
	a0[65] = 0x1a;			/* options: TX_DISABLE, TX_FAULT, LOS */
	memcpy(a0 + 68, "SIMSFP0000000000", 16);	/* serial number, per port */
	a0[68 + 15] = (uint8_t)('0' + p->id % 10);
	a0[68 + 14] = (uint8_t)('0' + p->id / 10 % 10);
	memcpy(a0 + 84, "261201  ", 8);		/* date code YYMMDD + lot */
	a0[92] = 0x68;			/* DDM, internally calibrated, avg power */
	a0[93] = 0x00;
	a0[94] = 0x03;			/* SFF-8472 revision 10.2 */
	for (sum = 0, i = 64; i < 95; i++)
		sum += a0[i];
	a0[95] = (uint8_t)sum;		/* CC_EXT: low byte of the sum 64-94 */
}

static void sfp_put16(uint8_t *b, unsigned int off, uint16_t v)
{
	b[off] = (uint8_t)(v >> 8);	/* SFF-8472: most significant byte first */
	b[off + 1] = (uint8_t)v;
}

/* A2h: alarm and warning thresholds (high alarm, low alarm, high warning,
 * low warning) and the live values of a healthy module.
 */
static void sfp_fill_diag(uint8_t *a2)
{
	static const uint16_t thresholds[20] = {
		0x4b00, 0xfb00, 0x4600, 0x0000,	/* temperature 75/-5/70/0 C */
		36000, 30000, 35000, 31000,	/* Vcc 3.6/3.0/3.5/3.1 V, 100 uV */
		6000, 500, 5000, 1000,		/* TX bias 12/1/10/2 mA, 2 uA */
		10000, 500, 8000, 1000,		/* TX power 1/0.05/0.8/0.1 mW */
		10000, 100, 8000, 200,		/* RX power 1/0.01/0.8/0.02 mW */
	};
	unsigned int i, sum;

	memset(a2, 0, SFP_PAGE);
	for (i = 0; i < 20; i++)
		sfp_put16(a2, 2 * i, thresholds[i]);
	for (sum = 0, i = 0; i < 95; i++)
		sum += a2[i];
	a2[95] = (uint8_t)sum;		/* CC_DMI */
	sfp_put16(a2, 96, 0x2380);	/* temperature 35.5 C (1/256 C) */
	sfp_put16(a2, 98, 33000);	/* Vcc 3.3 V */
	sfp_put16(a2, 100, 3000);	/* TX bias 6 mA */
	sfp_put16(a2, 102, 3000);	/* TX power 0.3 mW */
	sfp_put16(a2, 104, 2500);	/* RX power 0.25 mW */
}

/* The byte at (addr, reg), or -1 when no device acknowledges addr. */
static int sfp_byte(const struct sim_port *p, unsigned int addr,
		    unsigned int reg)
{
	uint8_t page[SFP_PAGE];

	if (!sim_board_has(&p->board, SIM_BOARD_SERDES))
		return -1;		/* copper boards have no SFP cage */
	if (addr == SFP_ADDR_ID)
		sfp_fill_id(p, page);
	else if (addr == SFP_ADDR_DIAG)
		sfp_fill_diag(page);
	else
		return -1;
	return page[reg % SFP_PAGE];
}

/*
 * I2CCMD: a command runs at once. A read fetches two bytes from REGADD on,
 * the first in DATA 7:0 and the next (the EEPROM's address counter wraps
 * within its 256-byte page) in 15:8. No acknowledge from the device sets
 * ERROR. READY is set at the end of either; RESET self-clears. The module's
 * EEPROM is write protected: a write completes and changes nothing.
 * Not modelled: the interrupt at the end of a command (I stays as written,
 * no cause is raised), and any gating by CTRL_EXT.I2C_ENA - commands run
 * whatever that bit holds (the stock igb driver leaves it clear after probe
 * and still reads the module).
 */
void sim_sfp_i2ccmd_write(struct sim_port *p, uint32_t val)
{
	unsigned int reg = (val >> SIM_I2CCMD_REG_SHIFT) & 0xffu;
	unsigned int addr = 0xa0u | (((val >> SIM_I2CCMD_PHY_SHIFT) & 0x7u) << 1);
	uint32_t res = (val & ~(SIM_I2CCMD_RESET | SIM_I2CCMD_READY |
				SIM_I2CCMD_ERROR)) | SIM_I2CCMD_READY;
	int lo = sfp_byte(p, addr, reg);

	if (lo < 0) {
		res |= SIM_I2CCMD_ERROR;
	} else if (val & SIM_I2CCMD_OP_READ) {
		res &= ~SIM_I2CCMD_DATA_MASK;
		res |= (uint32_t)lo | (uint32_t)sfp_byte(p, addr, reg + 1) << 8;
	}
	sim_reg_poke(p, SIM_I2CCMD, res);
}
