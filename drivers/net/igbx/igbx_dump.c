/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_dump.c: debugging dumps: RX/TX descriptors as the device sees them (two 64-bit words
 * each) and the port's private state (control registers, queue heads and tails). */
#include <inttypes.h>

#include "igbx_ethdev.h"
#include "igbx_devops.h"
#include "igbx_rxtx.h"

/* offset counts from the descriptor the driver looks at next; num may wrap. */
static int
igbx_dump_check(const char *what, uint16_t queue_id, uint16_t nb_desc, uint16_t offset,
		uint16_t num)
{
	if (nb_desc == 0) {
		IGBX_LOG(ERR, "%s queue_id %u: the queue is not set up", what, queue_id);
		return -EINVAL;
	}
	if (offset >= nb_desc || num > nb_desc) {
		IGBX_LOG(ERR, "%s queue %u offset %u num %u: allowed offset < %u and num <= %u",
			 what, queue_id, offset, num, nb_desc, nb_desc);
		return -EINVAL;
	}
	return 0;
}

static void
igbx_dump_words(FILE *file, uint16_t index, const volatile uint64_t *words)
{
	fprintf(file, "%4u: 0x%016" PRIx64 " 0x%016" PRIx64 "\n", index,
		rte_le_to_cpu_64(words[0]), rte_le_to_cpu_64(words[1]));
}

int
igbx_rx_descriptor_dump(const struct rte_eth_dev *dev, uint16_t queue_id, uint16_t offset,
			uint16_t num, FILE *file)
{
	const struct igbx_rx_queue *rxq = dev->data->rx_queues[queue_id];
	uint16_t i, idx;
	int ret;

	ret = igbx_dump_check("rx", queue_id, rxq != NULL ? rxq->nb_desc : 0, offset, num);
	if (ret != 0)
		return ret;
	fprintf(file, "port %u rx queue %u: %u descriptors, next %u, RDH %u RDT %u\n",
		dev->data->port_id, queue_id, rxq->nb_desc, rxq->next,
		igbx_read(IGBX_DEV_HW(dev), IGBX_RDH(queue_id)),
		igbx_read(IGBX_DEV_HW(dev), IGBX_RDT(queue_id)));
	for (i = 0; i < num; i++) {
		idx = (uint16_t)((rxq->next + offset + i) % rxq->nb_desc);
		igbx_dump_words(file, idx, (const volatile uint64_t *)&rxq->ring[idx]);
	}
	return 0;
}

int
igbx_tx_descriptor_dump(const struct rte_eth_dev *dev, uint16_t queue_id, uint16_t offset,
			uint16_t num, FILE *file)
{
	const struct igbx_tx_queue *txq = dev->data->tx_queues[queue_id];
	uint16_t i, idx;
	int ret;

	ret = igbx_dump_check("tx", queue_id, txq != NULL ? txq->nb_desc : 0, offset, num);
	if (ret != 0)
		return ret;
	fprintf(file, "port %u tx queue %u: %u descriptors, tail %u, TDH %u TDT %u\n",
		dev->data->port_id, queue_id, txq->nb_desc, txq->tail,
		igbx_read(IGBX_DEV_HW(dev), IGBX_TDH(queue_id)),
		igbx_read(IGBX_DEV_HW(dev), IGBX_TDT(queue_id)));
	for (i = 0; i < num; i++) {
		idx = (uint16_t)((txq->tail + offset + i) % txq->nb_desc);
		igbx_dump_words(file, idx, (const volatile uint64_t *)&txq->ring[idx]);
	}
	return 0;
}

/* The registers that say how the port is set up (the brief entries of the
 * get_regs table), then each queue's state. */
int
igbx_dev_priv_dump(struct rte_eth_dev *dev, FILE *file)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	unsigned int i;
	uint16_t q;

	fprintf(file, "igbx port %u, device 0x%04x, started %u, lpbk_mode %u\n",
		dev->data->port_id, hw->device_id, dev->data->dev_started,
		dev->data->dev_conf.lpbk_mode);
	for (i = 0; i < igbx_dump_count; i++)
		if (igbx_dump_table[i].brief)
			fprintf(file, "  %-7s 0x%08x\n", igbx_dump_table[i].name,
				igbx_read(hw, igbx_dump_table[i].reg));
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL)
			fprintf(file, "  rxq %u: %u desc, next %u, RDH %u RDT %u RXDCTL 0x%08x\n",
				q, rxq->nb_desc, rxq->next, igbx_read(hw, IGBX_RDH(q)),
				igbx_read(hw, IGBX_RDT(q)), igbx_read(hw, IGBX_RXDCTL(q)));
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		const struct igbx_tx_queue *txq = dev->data->tx_queues[q];

		if (txq != NULL)
			fprintf(file, "  txq %u: %u desc, tail %u, free %u, TDH %u TDT %u\n",
				q, txq->nb_desc, txq->tail, txq->nb_free,
				igbx_read(hw, IGBX_TDH(q)), igbx_read(hw, IGBX_TDT(q)));
	}
	return 0;
}
