/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_intr.c: receive queue interrupts (intr_conf.rxq): IVAR maps each RX queue's cause to
 * an EICR bit, EIMS/EIMC arm and disarm it, EITR moderates; one shared interrupt (INTx/MSI). */
#include <rte_interrupts.h>
#include <bus_pci_driver.h>
#include <ethdev_pci.h>

#include "igbx_ethdev.h"
#include "igbx_devops.h"
#include "igbx_link.h"

/*
 * Interrupt moderation (7.3.4, EITR): at most one interrupt per interval,
 * causes that come sooner wait for its end. 50 us keeps a busy port under
 * 20000 interrupts/s while a sleeping application still wakes within
 * microseconds of the first frame.
 */
#define IGBX_RXQ_ITR_US		50

static struct rte_intr_handle *
igbx_intr_handle(struct rte_eth_dev *dev)
{
	return RTE_ETH_DEV_TO_PCI(dev)->intr_handle;
}

/* In INTx/MSI mode (not MSI-X) queue q's cause goes to EICR bit q. */
static uint32_t
igbx_rxq_eicr_bit(uint16_t q)
{
	return IGBX_BIT(q);
}

/*
 * dev_configure: the shared interrupt (uio, INTx or MSI) carries every RX
 * queue's cause; per-queue MSI-X vectors (vfio-pci) are not implemented.
 */
int
igbx_rxq_intr_check(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;

	if (!conf->intr_conf.rxq)
		return 0;
	if (rte_intr_type_get(igbx_intr_handle(dev)) == RTE_INTR_HANDLE_VFIO_MSIX) {
		IGBX_LOG(ERR, "intr_conf.rxq %u: allowed with a shared interrupt only "
			 "(uio_pci_generic/igb_uio), not MSI-X (vfio-pci)", conf->intr_conf.rxq);
		return -ENOTSUP;
	}
	if (conf->intr_conf.lsc)
		IGBX_LOG(NOTICE, "port %u: RX interrupts take the port's only interrupt: "
			 "link changes are not signalled (link_update still reads them)",
			 dev->data->port_id);
	return 0;
}

/* IVAR (7.3.3): queue q's RX byte is byte 0 of IVAR(q) for q < 8, byte 2 of
 * IVAR(q - 8) above; valid bit and the EICR bit to set. */
static void
igbx_rxq_map(struct igbx_hw *hw, uint16_t q)
{
	uint32_t reg = IGBX_IVAR(q & 7), shift = IGBX_IVAR_RX_SHIFT(q);
	uint32_t ivar = igbx_read(hw, reg) & ~(UINT32_C(0xFF) << shift);

	igbx_write(hw, reg, ivar | (uint32_t)(q | IGBX_IVAR_VALID) << shift);
}

/*
 * dev_start, after the port's interrupts are set: the application waits on
 * the port's one interrupt fd for every queue, so EAL's interrupt thread
 * must not read it (the link callback is unregistered) and no legacy cause
 * (link change) may assert it.
 */
int
igbx_rxq_intr_start(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_intr_handle *handle = igbx_intr_handle(dev);
	struct igbx_hw *hw = &ad->hw;
	uint16_t q, nb = dev->data->nb_rx_queues;
	int ret;

	if (!dev->data->dev_conf.intr_conf.rxq)
		return 0;
	rte_intr_disable(handle);
	igbx_intr_unregister(dev);
	ret = rte_intr_efd_enable(handle, nb);
	if (ret == 0)
		ret = rte_intr_vec_list_alloc(handle, "igbx_intr_vec", nb);
	if (ret != 0) {
		IGBX_LOG(ERR, "port %u: RX interrupt vectors for %u queues: %d",
			 dev->data->port_id, nb, ret);
		return ret;
	}
	ad->intr_mask = 0;
	igbx_write(hw, IGBX_IMC, IGBX_IMS_ALL);
	igbx_write(hw, IGBX_EIMC, IGBX_EICR_ALL);
	for (q = 0; q < nb; q++) {
		igbx_rxq_map(hw, q);
		rte_intr_vec_list_index_set(handle, q, RTE_INTR_VEC_RXTX_OFFSET);
	}
	igbx_write(hw, IGBX_EITR(0), IGBX_RXQ_ITR_US << IGBX_EITR_INTERVAL_SHIFT);
	igbx_write(hw, IGBX_EICR, IGBX_EICR_ALL);	/* write 1 to clear */
	igbx_write_flush(hw);
	return rte_intr_enable(handle);
}

/* dev_stop: causes masked, vectors released, the link callback back. */
void
igbx_rxq_intr_stop(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_intr_handle *handle = igbx_intr_handle(dev);

	if (!dev->data->dev_conf.intr_conf.rxq || ad->intr_registered)
		return;
	igbx_write(&ad->hw, IGBX_EIMC, IGBX_EICR_ALL);
	rte_intr_disable(handle);
	rte_intr_efd_disable(handle);
	rte_intr_vec_list_free(handle);
	if (igbx_intr_register(dev) != 0)
		IGBX_LOG(WARNING, "port %u: link callback not registered again",
			 dev->data->port_id);
}

/* Arm queue_id's cause; the interrupt line (masked by the kernel since it
 * last fired) is opened again. ethdev checked queue_id. */
int
igbx_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (!dev->data->dev_conf.intr_conf.rxq) {
		IGBX_LOG(ERR, "port %u queue %u: RX interrupts need intr_conf.rxq = 1",
			 dev->data->port_id, queue_id);
		return -EINVAL;
	}
	igbx_write(hw, IGBX_EIMS, igbx_rxq_eicr_bit(queue_id));
	igbx_write_flush(hw);
	return rte_intr_ack(igbx_intr_handle(dev));
}

/* Disarm queue_id and forget its pending cause: the application polls the
 * queue from here on, and the next enable must not fire for frames it has
 * already received before that. */
int
igbx_rx_queue_intr_disable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (!dev->data->dev_conf.intr_conf.rxq) {
		IGBX_LOG(ERR, "port %u queue %u: RX interrupts need intr_conf.rxq = 1",
			 dev->data->port_id, queue_id);
		return -EINVAL;
	}
	igbx_write(hw, IGBX_EIMC, igbx_rxq_eicr_bit(queue_id));
	igbx_write(hw, IGBX_EICR, igbx_rxq_eicr_bit(queue_id));
	igbx_write_flush(hw);
	return 0;
}
