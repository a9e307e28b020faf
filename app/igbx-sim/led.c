/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * led.c - what the simulated 82576's four LED outputs show (datasheet 7.5,
 * LEDCTL 8.2): each LED's MODE selects the condition that asserts it,
 * IVRT inverts the output, BLINK makes an asserted LED blink. Tests read it
 * with `igbx-sim ctl <run> leds <port>`; nothing in the datapath uses it.
 */
#include "model.h"

/* LEDCTL modes (one nibble per LED). */
enum sim_led_mode {
	SIM_LED_LINK_10_1000 = 0x0,
	SIM_LED_LINK_100_1000 = 0x1,
	SIM_LED_LINK_UP = 0x2,
	SIM_LED_FILTER_ACTIVITY = 0x3,
	SIM_LED_LINK_ACTIVITY = 0x4,
	SIM_LED_LINK_10 = 0x5,
	SIM_LED_LINK_100 = 0x6,
	SIM_LED_LINK_1000 = 0x7,
	SIM_LED_FULL_DUPLEX = 0x9,
	SIM_LED_COLLISION = 0xa,
	SIM_LED_ACTIVITY = 0xb,
	SIM_LED_PAUSED = 0xd,
	SIM_LED_ON = 0xe,
	SIM_LED_OFF = 0xf,
};

/*
 * Whether the mode's condition holds now. Activity modes would flash with
 * traffic; the model shows them as idle (a steady state is what a test can
 * check), and so are collision (full duplex only here) and the reserved ones.
 */
static bool sim_led_condition(const struct sim_port *p, unsigned int mode)
{
	uint32_t status = sim_reg_peek(p, SIM_STATUS);
	uint32_t speed = status & SIM_STATUS_SPEED_MASK;
	bool up = status & SIM_STATUS_LU;

	switch (mode) {
	case SIM_LED_LINK_10_1000:
		return up && (speed == 0 || speed >= SIM_STATUS_SPEED_1000);
	case SIM_LED_LINK_100_1000:
		return up && speed != 0;
	case SIM_LED_LINK_UP:
	case SIM_LED_LINK_ACTIVITY:
		return up;
	case SIM_LED_LINK_10:
		return up && speed == 0;
	case SIM_LED_LINK_100:
		return up && speed == SIM_STATUS_SPEED_100;
	case SIM_LED_LINK_1000:
		return up && speed >= SIM_STATUS_SPEED_1000;
	case SIM_LED_FULL_DUPLEX:
		return up && (status & SIM_STATUS_FD);
	case SIM_LED_PAUSED:
		return status & SIM_STATUS_TXOFF;
	case SIM_LED_ON:
		return true;
	default:	/* activity, collision, reserved, SIM_LED_OFF */
		return false;
	}
}

void sim_led_state(const struct sim_port *p, unsigned int led, bool *lit,
		   bool *blink)
{
	uint32_t b = (sim_reg_peek(p, SIM_LEDCTL) >> (8 * led)) & 0xffu;

	*lit = sim_led_condition(p, b & SIM_LEDCTL_MODE_MASK) !=
	       !!(b & SIM_LEDCTL_IVRT);
	*blink = *lit && (b & SIM_LEDCTL_BLINK);
}
