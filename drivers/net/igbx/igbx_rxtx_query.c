/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_query.c - what the rings say without consuming them: RX queue count and the
 * RX/TX descriptor status ethdev callbacks. */
#include <errno.h>

#include <rte_common.h>
#include <ethdev_driver.h>

#include "igbx_rxtx.h"

igbx_rx_count_t
igbx_rx_queue_count(void *queue)
{
	struct igbx_rx_queue *rxq = queue;
	uint16_t idx = rxq->next, limit = rxq->nb_desc - rxq->nb_hold - 1;
	uint32_t count = 0;

	while (count < limit &&
	       (rxq->ring[idx].wb.status_error & rte_cpu_to_le_32(IGBX_RXD_STAT_DD))) {
		count++;
		idx = idx + 1 == rxq->nb_desc ? 0 : idx + 1;
	}
	return count;
}

int
igbx_rx_descriptor_status(void *queue, uint16_t offset)
{
	struct igbx_rx_queue *rxq = queue;
	uint32_t idx;

	if (unlikely(offset >= rxq->nb_desc))
		return -EINVAL;
	/* Consumed slots waiting for a refill, and the RDT slot, are not the device's. */
	if (offset >= rxq->nb_desc - rxq->nb_hold - 1)
		return RTE_ETH_RX_DESC_UNAVAIL;
	idx = (uint32_t)rxq->next + offset;
	if (idx >= rxq->nb_desc)
		idx -= rxq->nb_desc;
	if (rxq->ring[idx].wb.status_error & rte_cpu_to_le_32(IGBX_RXD_STAT_DD))
		return RTE_ETH_RX_DESC_DONE;
	return RTE_ETH_RX_DESC_AVAIL;
}

int
igbx_tx_descriptor_status(void *queue, uint16_t offset)
{
	struct igbx_tx_queue *txq = queue;
	uint16_t used = txq->nb_desc - 1 - txq->nb_free, i;
	uint32_t idx, dist;

	if (unlikely(offset >= txq->nb_desc))
		return -EINVAL;
	idx = (uint32_t)txq->tail + offset;
	if (idx >= txq->nb_desc)
		idx -= txq->nb_desc;
	dist = (idx + txq->nb_desc - txq->clean_next) % txq->nb_desc;
	if (dist >= used)
		return RTE_ETH_TX_DESC_DONE;
	/* In flight: done when the first RS at or after it reported DD. */
	for (i = 0; i < txq->rs_count; i++) {
		uint16_t rs = txq->rs_fifo[(txq->rs_head + i) % txq->nb_desc];

		if ((uint32_t)(rs + txq->nb_desc - txq->clean_next) % txq->nb_desc >= dist)
			return (txq->ring[rs].data.olinfo_status &
				rte_cpu_to_le_32(IGBX_TXD_STAT_DD)) ?
				RTE_ETH_TX_DESC_DONE : RTE_ETH_TX_DESC_FULL;
	}
	return RTE_ETH_TX_DESC_FULL;
}
