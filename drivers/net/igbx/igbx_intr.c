/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_intr.c: receive queue interrupts (intr_conf.rxq): IVAR maps each RX queue's cause to
 * an EICR bit, EIMS/EIMC arm and disarm it, EITR moderates. Under uio one shared interrupt
 * (INTx/MSI) carries every queue; under vfio-pci each queue has its own MSI-X vector, and
 * vector 0 stays with the other causes (link changes). */
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

/* The PF's MSI-X table has 10 entries (the MSI-X capability's Table
 * Size); EICR's 25 bits also cover the VFs' vectors. */
#define IGBX_PF_MSIX_VECTORS	10

static struct rte_intr_handle *
igbx_intr_handle(struct rte_eth_dev *dev)
{
	return RTE_ETH_DEV_TO_PCI(dev)->intr_handle;
}

static bool
igbx_rxq_intr_msix(struct rte_eth_dev *dev)
{
	return rte_intr_type_get(igbx_intr_handle(dev)) == RTE_INTR_HANDLE_VFIO_MSIX;
}

/*
 * The EICR bit (= vector in MSI-X mode) of queue q's cause. In INTx/MSI mode
 * it is bit q. With MSI-X, vector 0 belongs to the other causes and queue q
 * takes vector q + 1: EAL hands the application one event fd per vector
 * from vector 1 on (RTE_INTR_VEC_RXTX_OFFSET).
 */
static uint32_t
igbx_rxq_vector(struct rte_eth_dev *dev, uint16_t q)
{
	return igbx_rxq_intr_msix(dev) ? q + RTE_INTR_VEC_RXTX_OFFSET : q;
}

static uint32_t
igbx_rxq_eicr_bit(struct rte_eth_dev *dev, uint16_t q)
{
	return IGBX_BIT(igbx_rxq_vector(dev, q));
}

/*
 * dev_configure: the shared interrupt (uio, INTx or MSI) carries every RX
 * queue's cause; with MSI-X (vfio-pci) each queue needs its vector, vector 0
 * being the other causes'.
 */
int
igbx_rxq_intr_check(struct rte_eth_dev *dev)
{
	const struct rte_eth_conf *conf = &dev->data->dev_conf;
	uint16_t nb = dev->data->nb_rx_queues;

	if (!conf->intr_conf.rxq)
		return 0;
	if (igbx_rxq_intr_msix(dev)) {
		if (nb + RTE_INTR_VEC_RXTX_OFFSET > IGBX_PF_MSIX_VECTORS) {
			IGBX_LOG(ERR, "nb_rx_queues %u with intr_conf.rxq: at most %u "
				 "(one MSI-X vector each, vector 0 for link changes)",
				 nb, IGBX_PF_MSIX_VECTORS - RTE_INTR_VEC_RXTX_OFFSET);
			return -EINVAL;
		}
		return 0;
	}
	if (conf->intr_conf.lsc)
		IGBX_LOG(NOTICE, "port %u: RX interrupts take the port's only interrupt: "
			 "link changes are not signalled (link_update still reads them)",
			 dev->data->port_id);
	return 0;
}

/* IVAR (7.3.3): queue q's RX byte is byte 0 of IVAR(q) for q < 8, byte 2 of
 * IVAR(q - 8) above; valid bit and the EICR bit (MSI-X: vector) to set. */
static void
igbx_rxq_map(struct igbx_hw *hw, uint16_t q, uint32_t vector)
{
	uint32_t reg = IGBX_IVAR(q & 7), shift = IGBX_IVAR_RX_SHIFT(q);
	uint32_t ivar = igbx_read(hw, reg) & ~(UINT32_C(0xFF) << shift);

	igbx_write(hw, reg, ivar | (vector | IGBX_IVAR_VALID) << shift);
}

/* Both modes: one event fd per queue (with MSI-X, vectors 1..nb; without,
 * the shared interrupt's fd for all), queue q's intr_vec entry. */
static int
igbx_rxq_intr_vectors(struct rte_eth_dev *dev, uint16_t nb)
{
	struct rte_intr_handle *handle = igbx_intr_handle(dev);
	bool msix = igbx_rxq_intr_msix(dev);
	uint16_t q;
	int ret;

	ret = rte_intr_efd_enable(handle, nb);
	if (ret == 0)
		ret = rte_intr_vec_list_alloc(handle, "igbx_intr_vec", nb);
	for (q = 0; ret == 0 && q < nb; q++)
		ret = rte_intr_vec_list_index_set(handle, q, RTE_INTR_VEC_RXTX_OFFSET +
						  (msix ? q : 0));
	if (ret != 0)
		IGBX_LOG(ERR, "port %u: RX interrupt vectors for %u queues: %d",
			 dev->data->port_id, nb, ret);
	return ret;
}

/*
 * dev_start with MSI-X (7.3.1, 7.3.4): igbx_intr_enable set GPIE
 * (Multiple_MSIX, EIAME, PBA) and vector 0 for the other causes. Each
 * queue's cause goes to its own vector; a message auto-clears its EICR bit
 * (EIAC) and auto-masks it (EIAM), so the vector fires once until
 * rx_queue_intr_enable arms it again; EITR moderates each vector. VFIO is
 * told the new vector count: disabled, then enabled with every event fd.
 */
static int
igbx_rxq_intr_start_msix(struct rte_eth_dev *dev)
{
	struct rte_intr_handle *handle = igbx_intr_handle(dev);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint16_t q, nb = dev->data->nb_rx_queues;
	uint32_t mask = 0;
	int ret;

	rte_intr_disable(handle);
	ret = igbx_rxq_intr_vectors(dev, nb);
	if (ret != 0)
		return ret;
	for (q = 0; q < nb; q++) {
		uint32_t v = igbx_rxq_vector(dev, q);

		igbx_rxq_map(hw, q, v);
		igbx_write(hw, IGBX_EITR(v), IGBX_RXQ_ITR_US << IGBX_EITR_INTERVAL_SHIFT);
		mask |= IGBX_BIT(v);
	}
	igbx_write(hw, IGBX_EIMC, mask);
	igbx_write(hw, IGBX_EIAC, igbx_read(hw, IGBX_EIAC) | mask);
	igbx_write(hw, IGBX_EIAM, igbx_read(hw, IGBX_EIAM) | mask);
	igbx_write(hw, IGBX_EICR, mask);	/* write 1 to clear */
	igbx_write_flush(hw);
	return rte_intr_enable(handle);
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
	if (igbx_rxq_intr_msix(dev))
		return igbx_rxq_intr_start_msix(dev);
	rte_intr_disable(handle);
	igbx_intr_unregister(dev);
	ret = igbx_rxq_intr_vectors(dev, nb);
	if (ret != 0)
		return ret;
	ad->intr_mask = 0;
	igbx_write(hw, IGBX_IMC, IGBX_IMS_ALL);
	igbx_write(hw, IGBX_EIMC, IGBX_EICR_ALL);
	for (q = 0; q < nb; q++)
		igbx_rxq_map(hw, q, q);
	igbx_write(hw, IGBX_EITR(0), IGBX_RXQ_ITR_US << IGBX_EITR_INTERVAL_SHIFT);
	igbx_write(hw, IGBX_EICR, IGBX_EICR_ALL);	/* write 1 to clear */
	igbx_write_flush(hw);
	return rte_intr_enable(handle);
}

/* dev_stop: causes masked, vectors released, the link callback back (uio)
 * or its vector 0 alone enabled again (MSI-X). */
void
igbx_rxq_intr_stop(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct rte_intr_handle *handle = igbx_intr_handle(dev);

	if (!dev->data->dev_conf.intr_conf.rxq)
		return;
	if (igbx_rxq_intr_msix(dev)) {
		if (rte_intr_nb_efd_get(handle) <= 0)
			return;		/* start failed before the vectors */
		igbx_write(&ad->hw, IGBX_EIMC, IGBX_EICR_ALL & ~IGBX_BIT(0));
		rte_intr_disable(handle);
		rte_intr_efd_disable(handle);
		rte_intr_vec_list_free(handle);
		if (ad->intr_registered && rte_intr_enable(handle) != 0)
			IGBX_LOG(WARNING, "port %u: link interrupt not enabled again",
				 dev->data->port_id);
		return;
	}
	if (ad->intr_registered)
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
 * last fired) is opened again (an MSI-X vector is not masked: no-op). ethdev
 * checked queue_id. */
int
igbx_rx_queue_intr_enable(struct rte_eth_dev *dev, uint16_t queue_id)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);

	if (!dev->data->dev_conf.intr_conf.rxq) {
		IGBX_LOG(ERR, "port %u queue %u: RX interrupts need intr_conf.rxq = 1",
			 dev->data->port_id, queue_id);
		return -EINVAL;
	}
	igbx_write(hw, IGBX_EIMS, igbx_rxq_eicr_bit(dev, queue_id));
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
	igbx_write(hw, IGBX_EIMC, igbx_rxq_eicr_bit(dev, queue_id));
	igbx_write(hw, IGBX_EICR, igbx_rxq_eicr_bit(dev, queue_id));
	igbx_write_flush(hw);
	return 0;
}
