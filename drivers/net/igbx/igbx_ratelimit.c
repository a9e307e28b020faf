/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_ratelimit.c: per-queue transmit rate limiting (set_queue_rate_limit) on the 82576's
 * rate scheduler: RTTDQSEL picks the queue, RTTBCNRC holds its rate factor (8.15). */
#include "igbx_ethdev.h"
#include "igbx_devops.h"

/*
 * The factor is link speed / rate as a fixed-point number: 10 integer bits,
 * 14 fraction bits. The scheduler applies it to whatever speed the link runs
 * at, so the limit is a fraction of the link: a 100 Mb/s limit set on a
 * 1 Gb/s link becomes 10 Mb/s if the link comes back at 100 Mb/s.
 */
uint32_t
igbx_rate_factor(uint32_t link_mbps, uint32_t rate_mbps)
{
	uint32_t rf_int = link_mbps / rate_mbps;
	uint32_t rf_dec = (uint32_t)(((uint64_t)(link_mbps % rate_mbps) <<
				      IGBX_RTTBCNRC_RF_INT_SHIFT) / rate_mbps);

	return IGBX_RTTBCNRC_RS_ENA |
	       (rf_int & IGBX_RTTBCNRC_RF_INT_MASK) << IGBX_RTTBCNRC_RF_INT_SHIFT |
	       (rf_dec & IGBX_RTTBCNRC_RF_DEC_MASK);
}

static void
igbx_rate_program(struct igbx_hw *hw, uint16_t queue, uint32_t val)
{
	igbx_write(hw, IGBX_RTTDQSEL, queue);
	igbx_write(hw, IGBX_RTTBCNRC, val);
	igbx_write_flush(hw);
}

/* dev_start: the reset cleared the scheduler; the limits set before come
 * back, as factors of the link speed they were set against. */
void
igbx_rate_restore(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	uint16_t q;

	for (q = 0; q < dev->data->nb_tx_queues && q < IGBX_MAX_TX_QUEUES; q++)
		if (ad->tx_rate_factor[q] != 0)
			igbx_rate_program(&ad->hw, igbx_pf_queue_reg(dev, q),
					  ad->tx_rate_factor[q]);
}

/* ethdev checked queue_idx against the TX queues and tx_rate against the
 * link speed (a down link has none: any non-zero rate is refused there). */
int
igbx_set_queue_rate_limit(struct rte_eth_dev *dev, uint16_t queue_idx, uint32_t tx_rate)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t link = dev->data->dev_link.link_speed, val = 0;

	if (queue_idx >= dev->data->nb_tx_queues || queue_idx >= IGBX_MAX_TX_QUEUES) {
		IGBX_LOG(ERR, "queue_idx %u: allowed 0..%u (configured TX queues)", queue_idx,
			 RTE_MIN(dev->data->nb_tx_queues, IGBX_MAX_TX_QUEUES) - 1);
		return -EINVAL;
	}
	if (tx_rate != 0) {
		/* the factor's integer part has 10 bits: rate >= link / 1023 */
		if (link == 0 || tx_rate > link ||
		    link / tx_rate > IGBX_RTTBCNRC_RF_INT_MASK) {
			IGBX_LOG(ERR, "tx_rate %u Mb/s: allowed 0 (no limit) or %u..%u "
				 "(link at %u Mb/s)", tx_rate,
				 link / IGBX_RTTBCNRC_RF_INT_MASK + 1, link, link);
			return -EINVAL;
		}
		val = igbx_rate_factor(link, tx_rate);
	}
	igbx_rate_program(hw, igbx_pf_queue_reg(dev, queue_idx), val);
	IGBX_DEV_ADAPTER(dev)->tx_rate_factor[queue_idx] = val;
	return 0;
}
