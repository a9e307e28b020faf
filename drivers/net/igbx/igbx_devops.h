/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_devops.h: ethdev ops and start-time hooks of the files that own one smaller concern
 * each (loopback, LEDs, dumps, rate limits, RX interrupts), for the ops table in igbx_ethdev.c. */
#ifndef IGBX_DEVOPS_H
#define IGBX_DEVOPS_H

#include <stdint.h>
#include <stdio.h>

#include <ethdev_driver.h>

/* igbx_loopback.c: dev_conf.lpbk_mode */
#define IGBX_LPBK_NONE		0
#define IGBX_LPBK_MAC		1	/* TX turned back into RX inside the MAC */
int igbx_loopback_check(const struct rte_eth_conf *conf);
void igbx_loopback_force_link(struct rte_eth_dev *dev);	/* after the link set-up */
void igbx_loopback_enable_rx(struct rte_eth_dev *dev);	/* before RCTL.EN */

/* igbx_led.c */
void igbx_led_save(struct rte_eth_dev *dev);
void igbx_led_restore(struct rte_eth_dev *dev);
int igbx_dev_led_on(struct rte_eth_dev *dev);
int igbx_dev_led_off(struct rte_eth_dev *dev);

/* igbx_dump.c */
int igbx_rx_descriptor_dump(const struct rte_eth_dev *dev, uint16_t queue_id,
			    uint16_t offset, uint16_t num, FILE *file);
int igbx_tx_descriptor_dump(const struct rte_eth_dev *dev, uint16_t queue_id,
			    uint16_t offset, uint16_t num, FILE *file);
int igbx_dev_priv_dump(struct rte_eth_dev *dev, FILE *file);

/* igbx_ratelimit.c */
uint32_t igbx_rate_factor(uint32_t link_mbps, uint32_t rate_mbps);
int igbx_set_queue_rate_limit(struct rte_eth_dev *dev, uint16_t queue_idx, uint32_t tx_rate);
void igbx_rate_restore(struct rte_eth_dev *dev);			/* dev_start */

/* igbx_module.c: the SFP module's EEPROM (fiber and SerDes ports) */
int igbx_get_module_info(struct rte_eth_dev *dev, struct rte_eth_dev_module_info *modinfo);
int igbx_get_module_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);

/* igbx_intr.c: RX queue interrupts */
int igbx_rxq_intr_check(struct rte_eth_dev *dev);		/* dev_configure */
int igbx_rxq_intr_start(struct rte_eth_dev *dev);		/* dev_start */
void igbx_rxq_intr_stop(struct rte_eth_dev *dev);		/* dev_stop */
int igbx_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id);
int igbx_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id);

/* igbx_ptp.c: SYSTIM as the device clock */
int igbx_read_clock(struct rte_eth_dev *dev, uint64_t *clock);

#endif /* IGBX_DEVOPS_H */
