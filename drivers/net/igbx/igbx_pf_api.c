/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_pf_api.c: the private API of rte_pmd_igbx.h. Arguments are checked at the door
 * (one log line each), then the VF's state changes and igbx_pf.c reprograms its registers
 * under the PF's lock, which the mailbox server takes too. */
#include <string.h>

#include <rte_ethdev.h>
#include <ethdev_driver.h>

#include "igbx_ethdev.h"
#include "igbx_pf.h"
#include "rte_pmd_igbx.h"

#define IGBX_PF_RATE_MAX_MBPS	1000

/* The port's PF state when port_id is an igbx SR-IOV host and vf one of its VFs. */
static int
igbx_pf_api_door(const char *fn, uint16_t port_id, uint16_t vf, struct rte_eth_dev **devp)
{
	struct rte_eth_dev *dev;
	uint16_t nb;

	if (!rte_eth_dev_is_valid_port(port_id)) {
		IGBX_LOG(ERR, "%s: port_id=%u invalid: not a port", fn, port_id);
		return -ENODEV;
	}
	dev = &rte_eth_devices[port_id];
	if (dev->device == NULL || dev->device->driver == NULL ||
	    strcmp(dev->device->driver->name, "net_igbx") != 0) {
		IGBX_LOG(ERR, "%s: port_id=%u invalid: allowed a port of net_igbx", fn, port_id);
		return -ENOTSUP;
	}
	nb = IGBX_DEV_ADAPTER(dev)->pf.nb_vfs;
	if (nb == 0) {
		IGBX_LOG(ERR, "%s: port_id=%u invalid: not an SR-IOV host (no VFs enabled)",
			 fn, port_id);
		return -ENOTSUP;
	}
	if (vf >= nb) {
		IGBX_LOG(ERR, "%s: vf=%u invalid: allowed 0..%u", fn, vf, nb - 1);
		return -EINVAL;
	}
	*devp = dev;
	return 0;
}

static int
igbx_pf_api_check_bool(const char *fn, const char *what, uint8_t on)
{
	if (on > 1) {
		IGBX_LOG(ERR, "%s: %s=%u invalid: allowed 0 or 1", fn, what, on);
		return -EINVAL;
	}
	return 0;
}

/* The change made, the VF's registers follow. */
static void
igbx_pf_api_apply(struct rte_eth_dev *dev, uint16_t vf)
{
	igbx_pf_vf_program(dev, vf);
}

int
rte_pmd_igbx_set_vf_trust(uint16_t port_id, uint16_t vf, uint8_t on)
{
	struct rte_eth_dev *dev;
	struct igbx_pf_state *pf;
	int ret;

	ret = igbx_pf_api_door(__func__, port_id, vf, &dev);
	if (ret == 0)
		ret = igbx_pf_api_check_bool(__func__, "on", on);
	if (ret != 0)
		return ret;
	pf = &IGBX_DEV_ADAPTER(dev)->pf;
	rte_spinlock_lock(&pf->lock);
	pf->vf[vf].trusted = on;
	if (!on)
		pf->vf[vf].promisc = 0;
	igbx_pf_api_apply(dev, vf);
	rte_spinlock_unlock(&pf->lock);
	return 0;
}

int
rte_pmd_igbx_set_vf_mac_anti_spoof(uint16_t port_id, uint16_t vf, uint8_t on)
{
	struct rte_eth_dev *dev;
	struct igbx_pf_state *pf;
	int ret;

	ret = igbx_pf_api_door(__func__, port_id, vf, &dev);
	if (ret == 0)
		ret = igbx_pf_api_check_bool(__func__, "on", on);
	if (ret != 0)
		return ret;
	pf = &IGBX_DEV_ADAPTER(dev)->pf;
	rte_spinlock_lock(&pf->lock);
	pf->vf[vf].anti_spoof = on;
	igbx_pf_api_apply(dev, vf);
	rte_spinlock_unlock(&pf->lock);
	return 0;
}

int
rte_pmd_igbx_set_vf_vlan_insert(uint16_t port_id, uint16_t vf, uint16_t vlan_id)
{
	struct rte_eth_dev *dev;
	struct igbx_pf_state *pf;
	int ret;

	ret = igbx_pf_api_door(__func__, port_id, vf, &dev);
	if (ret != 0)
		return ret;
	if (vlan_id > RTE_ETHER_MAX_VLAN_ID) {
		IGBX_LOG(ERR, "%s: vlan_id=%u invalid: allowed 1..%u, 0 for none", __func__,
			 vlan_id, RTE_ETHER_MAX_VLAN_ID);
		return -EINVAL;
	}
	pf = &IGBX_DEV_ADAPTER(dev)->pf;
	rte_spinlock_lock(&pf->lock);
	pf->vf[vf].vlan_insert = vlan_id;
	igbx_pf_api_apply(dev, vf);
	rte_spinlock_unlock(&pf->lock);
	return 0;
}

int
rte_pmd_igbx_set_vf_rate_limit(uint16_t port_id, uint16_t vf, uint32_t tx_rate_mbps)
{
	struct rte_eth_dev *dev;
	struct igbx_pf_state *pf;
	int ret;

	ret = igbx_pf_api_door(__func__, port_id, vf, &dev);
	if (ret != 0)
		return ret;
	if (tx_rate_mbps > IGBX_PF_RATE_MAX_MBPS) {
		IGBX_LOG(ERR, "%s: tx_rate_mbps=%u invalid: allowed 1..%u, 0 for no limit",
			 __func__, tx_rate_mbps, IGBX_PF_RATE_MAX_MBPS);
		return -EINVAL;
	}
	pf = &IGBX_DEV_ADAPTER(dev)->pf;
	rte_spinlock_lock(&pf->lock);
	pf->vf[vf].tx_rate_mbps = tx_rate_mbps;
	igbx_pf_api_apply(dev, vf);
	rte_spinlock_unlock(&pf->lock);
	return 0;
}

int
rte_pmd_igbx_set_vf_mac(uint16_t port_id, uint16_t vf, const struct rte_ether_addr *mac)
{
	struct rte_eth_dev *dev;
	struct igbx_pf_state *pf;
	int ret;

	ret = igbx_pf_api_door(__func__, port_id, vf, &dev);
	if (ret != 0)
		return ret;
	if (mac == NULL || !rte_is_unicast_ether_addr(mac) || rte_is_zero_ether_addr(mac)) {
		char text[RTE_ETHER_ADDR_FMT_SIZE] = "NULL";

		if (mac != NULL)
			rte_ether_format_addr(text, sizeof(text), mac);
		IGBX_LOG(ERR, "%s: mac=%s invalid: allowed a unicast address, not all zero",
			 __func__, text);
		return -EINVAL;
	}
	pf = &IGBX_DEV_ADAPTER(dev)->pf;
	rte_spinlock_lock(&pf->lock);
	pf->vf[vf].mac = *mac;
	pf->vf[vf].mac_by_pf = true;
	igbx_pf_api_apply(dev, vf);
	rte_spinlock_unlock(&pf->lock);
	return 0;
}
