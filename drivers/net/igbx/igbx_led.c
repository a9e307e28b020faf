/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_led.c: LED control for port identification (dev_led_on/off) on LEDCTL, and the
 * board's LED configuration (loaded from the NVM at reset) given back on close. */
#include "igbx_ethdev.h"
#include "igbx_devops.h"

/* The adapter keeps the LEDCTL the NVM gave, to restore on close. */
static uint32_t *
igbx_led_saved(struct rte_eth_dev *dev)
{
	return &IGBX_DEV_ADAPTER(dev)->ledctl_default;
}

void
igbx_led_save(struct rte_eth_dev *dev)
{
	*igbx_led_saved(dev) = igbx_read(IGBX_DEV_HW(dev), IGBX_LEDCTL);
}

void
igbx_led_restore(struct rte_eth_dev *dev)
{
	igbx_write(IGBX_DEV_HW(dev), IGBX_LEDCTL, *igbx_led_saved(dev));
}

/*
 * Every LED to one fixed mode. IVRT stays as the NVM set it: it matches the
 * board's wiring (active high or low), so LED_ON still means lit. BLINK is
 * cleared: a steady light identifies the port.
 */
static int
igbx_led_set_all(struct rte_eth_dev *dev, uint32_t mode)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t ledctl = igbx_read(hw, IGBX_LEDCTL);
	unsigned int led;

	for (led = 0; led < IGBX_LEDCTL_LEDS; led++) {
		uint32_t shift = IGBX_LEDCTL_SHIFT(led);

		ledctl &= ~((IGBX_LEDCTL_MODE_MASK | IGBX_LEDCTL_BLINK) << shift);
		ledctl |= mode << shift;
	}
	igbx_write(hw, IGBX_LEDCTL, ledctl);
	igbx_write_flush(hw);
	return 0;
}

int
igbx_dev_led_on(struct rte_eth_dev *dev)
{
	return igbx_led_set_all(dev, IGBX_LEDCTL_MODE_ON);
}

int
igbx_dev_led_off(struct rte_eth_dev *dev)
{
	return igbx_led_set_all(dev, IGBX_LEDCTL_MODE_OFF);
}
