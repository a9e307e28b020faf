/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_link.c: link state for ethdev (link_update, set_link_up/down) and the link status
 * change interrupt: callback on the PCI interrupt handle, ICR/IMS (INTx, MSI) or EIMS (MSI-X). */
#include <string.h>

#include <rte_cycles.h>
#include <rte_interrupts.h>
#include <bus_pci_driver.h>
#include <ethdev_pci.h>

#include "igbx_ethdev.h"
#include "igbx_link.h"

/* Link from STATUS into the rte_eth_link ethdev publishes. */
static void
igbx_link_to_eth(const struct rte_eth_dev *dev, const struct igbx_link *l,
		 struct rte_eth_link *link)
{
	memset(link, 0, sizeof(*link));
	link->link_status = l->up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN;
	link->link_speed = l->up ? l->speed_mbps : RTE_ETH_SPEED_NUM_NONE;
	link->link_duplex = l->full_duplex ? RTE_ETH_LINK_FULL_DUPLEX : RTE_ETH_LINK_HALF_DUPLEX;
	link->link_autoneg = (dev->data->dev_conf.link_speeds & RTE_ETH_LINK_SPEED_FIXED) ?
			     RTE_ETH_LINK_FIXED : RTE_ETH_LINK_AUTONEG;
}

/* ethdev link_update: 0 when the published link changed, -1 when not.
 * With wait_to_complete, give autonegotiation up to link_wait_ms. */
int
igbx_dev_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_eth_link link;
	unsigned int waited = 0;

	if (wait_to_complete != 0 && wait_to_complete != 1) {
		IGBX_LOG(ERR, "wait_to_complete %d: allowed 0 or 1", wait_to_complete);
		return -EINVAL;
	}
	for (;;) {
		igbx_mac_get_link(&ad->hw, &ad->link);
		if (ad->link.up || !wait_to_complete || waited >= ad->link_wait_ms)
			break;
		rte_delay_ms(IGBX_LINK_POLL_MS);
		waited += IGBX_LINK_POLL_MS;
	}
	igbx_link_to_eth(dev, &ad->link, &link);
	return rte_eth_linkstatus_set(dev, &link);
}

/* ethdev link_speeds -> what the PHY advertises. A fixed speed is still
 * negotiated, with that single ability advertised (1000BASE-T needs
 * autonegotiation anyway, IEEE 802.3 40.5.1). */
uint32_t
igbx_link_adv_from_conf(uint32_t link_speeds)
{
	uint32_t adv = 0;

	if ((link_speeds & ~RTE_ETH_LINK_SPEED_FIXED) == RTE_ETH_LINK_SPEED_AUTONEG)
		return IGBX_ADV_ALL;
	if (link_speeds & RTE_ETH_LINK_SPEED_10M_HD)
		adv |= IGBX_ADV_10_HD;
	if (link_speeds & RTE_ETH_LINK_SPEED_10M)
		adv |= IGBX_ADV_10_FD;
	if (link_speeds & RTE_ETH_LINK_SPEED_100M_HD)
		adv |= IGBX_ADV_100_HD;
	if (link_speeds & RTE_ETH_LINK_SPEED_100M)
		adv |= IGBX_ADV_100_FD;
	if (link_speeds & RTE_ETH_LINK_SPEED_1G)
		adv |= IGBX_ADV_1000_FD;
	return adv;
}

/* 4.5.7: program the link. Autonegotiation is kept only when the
 * advertisement is unchanged and the PHY still holds the link it negotiated,
 * so a dev_start does not flap a settled link; whatever else the reset left
 * (a PHY reset to its defaults with the MAC, no link, a powered-down PHY)
 * gets the advertisement written again and autonegotiation restarted. */
int
igbx_link_setup(struct rte_eth_dev *dev, bool force)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	uint32_t adv = igbx_link_adv_from_conf(dev->data->dev_conf.link_speeds);
	int ret;

	if (!force && adv == ad->link_adv && igbx_mac_link_settled(&ad->hw, adv)) {
		igbx_mac_follow_phy(&ad->hw);
		return 0;
	}
	ret = igbx_mac_setup_link(&ad->hw, adv);
	if (ret == 0)
		ad->link_adv = adv;
	return ret;
}

int
igbx_dev_set_link_up(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	int ret = 0;

	if (hw->media == IGBX_MEDIA_COPPER)
		ret = igbx_phy_power(hw, true);
	if (ret == 0)
		ret = igbx_link_setup(dev, true);
	return ret;
}

int
igbx_dev_set_link_down(struct rte_eth_dev *dev)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	int ret;

	if (hw->media != IGBX_MEDIA_COPPER) {
		IGBX_LOG(ERR, "set_link_down on serdes media: only copper ports can drop link");
		return -ENOTSUP;
	}
	/* a powered-down PHY drops the link at both ends (IEEE 802.3 22.2.4.1.5) */
	ret = igbx_phy_power(hw, false);
	if (ret == 0)
		igbx_dev_link_update(dev, 0);
	return ret;
}

static bool
igbx_intr_is_msix(const struct rte_eth_dev *dev)
{
	const struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);

	return rte_intr_type_get(pci->intr_handle) == RTE_INTR_HANDLE_VFIO_MSIX;
}

/* The interrupt thread: ICR is read to clear, then the link is
 * read again and the application told when it asked for LSC events. */
static void
igbx_intr_handler(void *param)
{
	struct rte_eth_dev *dev = param;
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	uint32_t icr = igbx_read(hw, IGBX_ICR);

	if (icr & IGBX_ICR_VMMB)
		igbx_pf_mbx_intr(dev);	/* a VF's message or reset */
	if (icr & IGBX_ICR_LSC) {
		if (igbx_dev_link_update(dev, 0) == 0) {
			/* pause directions follow what autonegotiation agreed */
			if (dev->data->dev_link.link_status)
				igbx_flow_ctrl_refresh(dev);
			if (dev->data->dev_conf.intr_conf.lsc)
				rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
			igbx_pf_link_notify(dev);
		}
	}
	if (igbx_intr_is_msix(dev))
		igbx_write(hw, IGBX_EIMS, IGBX_BIT(0));	/* EIAM auto-masked it */
	rte_intr_enable(pci->intr_handle);
}

int
igbx_intr_register(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	int ret;

	ret = rte_intr_callback_register(pci->intr_handle, igbx_intr_handler, dev);
	if (ret != 0) {
		IGBX_INIT_LOG(ERR, "cannot register the interrupt callback: %d", ret);
		return ret;
	}
	ad->intr_registered = true;
	if (rte_intr_enable(pci->intr_handle) != 0)
		IGBX_INIT_LOG(WARNING, "interrupt not enabled: link changes are seen by polling");
	return 0;
}

void
igbx_intr_unregister(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_pci_device *pci = RTE_ETH_DEV_TO_PCI(dev);
	int ret, tries;

	if (!ad->intr_registered)
		return;
	rte_intr_disable(pci->intr_handle);
	/* -EAGAIN: the handler is running right now; let it finish */
	for (tries = 0; tries < 100; tries++) {
		ret = rte_intr_callback_unregister(pci->intr_handle, igbx_intr_handler, dev);
		if (ret != -EAGAIN)
			break;
		rte_delay_ms(10);
	}
	ad->intr_registered = false;
}

/* 7.3: LSC is the cause we use (and VMMB, the VFs' mailbox, as SR-IOV host). With
 * MSI-X it is routed to vector 0 through IVAR_MISC and unmasked in EIMS; otherwise IMS
 * does it. */
void
igbx_intr_enable(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_hw *hw = &ad->hw;

	ad->intr_mask = IGBX_ICR_LSC | igbx_pf_intr_causes(dev);
	if (igbx_intr_is_msix(dev)) {
		igbx_write(hw, IGBX_GPIE, IGBX_GPIE_MULTIPLE_MSIX | IGBX_GPIE_PBA |
			   IGBX_GPIE_EIAME | IGBX_GPIE_NSICR);
		igbx_write(hw, IGBX_IVAR_MISC,
			   (0 | IGBX_IVAR_VALID) << IGBX_IVAR_MISC_OTHER_SHIFT);
		igbx_write(hw, IGBX_EIAC, 0);
		igbx_write(hw, IGBX_EIMS, IGBX_BIT(0));
	} else {
		igbx_write(hw, IGBX_GPIE, 0);
	}
	igbx_write(hw, IGBX_IMS, ad->intr_mask);
	igbx_write_flush(hw);
}

void
igbx_intr_disable(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);

	ad->intr_mask = 0;
	igbx_hw_disable_interrupts(&ad->hw);
}
