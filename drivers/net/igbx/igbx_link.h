/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_link.h: link and interrupt services of igbx_link.c used by igbx_ethdev.c
 * (link_update itself is declared in igbx_ethdev.h for every igbx file). */
#ifndef IGBX_LINK_H
#define IGBX_LINK_H

#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>

uint32_t igbx_link_adv_from_conf(uint32_t link_speeds);
int igbx_link_setup(struct rte_eth_dev *dev, bool force);
int igbx_dev_set_link_up(struct rte_eth_dev *dev);
int igbx_dev_set_link_down(struct rte_eth_dev *dev);

int igbx_intr_register(struct rte_eth_dev *dev);
void igbx_intr_unregister(struct rte_eth_dev *dev);
void igbx_intr_enable(struct rte_eth_dev *dev);
void igbx_intr_disable(struct rte_eth_dev *dev);

#endif /* IGBX_LINK_H */
