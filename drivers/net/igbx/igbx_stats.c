/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_stats.c - the 82576 statistics counters as one table (basic stats and
 * xstats come from it), the register dump table, NVM read-out and version.
 *
 * Basic stats (rte_eth_stats) are built from the table as follows:
 *   ipackets = GPRC, opackets = GPTC, ibytes = GORC - 4 * GPRC,
 *   obytes = GOTC - 4 * GPTC (the MAC counts the FCS, 8.19; ethdev byte
 *   counts, like the mbufs' lengths, leave it out);
 *   imissed = MPC + sum of RQDPC (packet buffer full, or a queue without free
 *   descriptors dropping with SRRCTL.DROP_EN: each drop lands in one of them);
 *   ierrors = CRCERRS + ALGNERRC + RXERRC + RLEC (RUC/ROC are not added: RLEC
 *   already counts undersized and oversized frames);
 *   oerrors = ECOL + LATECOL (frames the MAC gave up on);
 *   rx_nombuf = dev->data->rx_mbuf_alloc_failed;
 *   q_* from the software counters of the queues, q_errors adding RQDPC.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>

#include "igbx_compat.h"
#include "igbx_ethdev.h"
#include "igbx_rxtx.h"
#include "igbx_stats.h"

/* Register of a counter: 32-bit, or the low word of a 64-bit pair. */
#define IGBX_STAT_REG_32(id)	IGBX_ ## id
#define IGBX_STAT_REG_64(id)	IGBX_ ## id ## L
#define IGBX_STAT_DESC(id, width, nm) \
	[IGBX_STAT_ ## id] = { nm, IGBX_STAT_REG_ ## width(id), (width) == 64 },
#define IGBX_STAT_QDROP(q) \
	[IGBX_STAT_RQDPC_ ## q] = { "rx_q" #q "_drop_packets", IGBX_RQDPC(q), 0 },
/* The 82576's own per-queue counters (8.19): beside the driver's software
 * counts (rx_qN_packets...), what the device counted for queue N. */
#define IGBX_PQ(q, k)	[IGBX_STAT_PQ_ ## q + (k)]
#define IGBX_STAT_PQ(q) \
	IGBX_PQ(q, 0) = { "rx_q" #q "_hw_packets", IGBX_PQGPRC(q), 0 }, \
	IGBX_PQ(q, 1) = { "rx_q" #q "_hw_bytes", IGBX_PQGORC(q), 0 }, \
	IGBX_PQ(q, 2) = { "rx_q" #q "_hw_multicast_packets", IGBX_PQMPRC(q), 0 }, \
	IGBX_PQ(q, 3) = { "tx_q" #q "_hw_packets", IGBX_PQGPTC(q), 0 }, \
	IGBX_PQ(q, 4) = { "tx_q" #q "_hw_bytes", IGBX_PQGOTC(q), 0 },

/* Datasheet 8.19; every one of them clears when read. */
const struct igbx_stat_desc igbx_stat_table[] = {
	IGBX_STATS_MAC(IGBX_STAT_DESC)
	IGBX_STATS_QUEUES(IGBX_STAT_QDROP)
	IGBX_STATS_QUEUES(IGBX_STAT_PQ)
	IGBX_STATS_BASIC(IGBX_STAT_DESC)
};

static_assert(RTE_DIM(igbx_stat_table) == IGBX_STAT_NB, "table and ids differ");
static_assert(IGBX_STAT_PQ0 - IGBX_STAT_RQDPC0 == IGBX_MAX_RX_QUEUES &&
	      IGBX_STAT_PQ_END - IGBX_STAT_PQ0 == IGBX_PQ_COUNTERS * IGBX_MAX_RX_QUEUES,
	      "IGBX_STATS_QUEUES lists every queue");

const unsigned int igbx_stat_count = IGBX_STAT_NB;
const unsigned int igbx_xstat_count = IGBX_STAT_GPRC;

/* ---- counters ----------------------------------------------------------- */

/* 64-bit pairs: low word first; reading the high word completes the pair. */
static uint64_t
igbx_stat_read(struct igbx_hw *hw, const struct igbx_stat_desc *d)
{
	uint64_t lo = igbx_read(hw, d->reg);

	if (!d->is64)
		return lo;
	return lo | (uint64_t)igbx_read(hw, d->reg + 4) << 32;
}

/*
 * Per-queue counters of queues the port does not use stay 0: they are not
 * read, which spares 5 register reads per unused queue on every update.
 */
static bool
igbx_stat_skipped(const struct igbx_adapter *ad, unsigned int i)
{
	return i >= IGBX_STAT_PQ0 && i < IGBX_STAT_PQ_END &&
	       (i - IGBX_STAT_PQ0) / IGBX_PQ_COUNTERS >= ad->qmap.hw_queues;
}

void
igbx_stats_update(struct igbx_adapter *ad)
{
	unsigned int i;

	for (i = 0; i < IGBX_STAT_NB; i++)
		if (!igbx_stat_skipped(ad, i))
			ad->stats.value[i] += igbx_stat_read(&ad->hw, &igbx_stat_table[i]);
}

void
igbx_stats_clear(struct igbx_adapter *ad)
{
	memset(&ad->stats, 0, sizeof(ad->stats));
}

/* q_* counters: each queue adds to the counter set its mapping names
 * (queue_stats_mapping_set; queue N to set N unless remapped). */
static void
igbx_stats_queues_get(struct rte_eth_dev *dev, igbx_queue_stats_t *stats)
{
	const struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	const uint64_t *v = ad->stats.value;
	unsigned int q, k;

	if (stats == NULL)
		return;
	for (q = 0; q < dev->data->nb_rx_queues && q < IGBX_MAX_RX_QUEUES; q++) {
		const struct igbx_rx_queue *rxq = dev->data->rx_queues[q];

		k = ad->qmap.rx[q];
		stats->q_errors[k] += v[IGBX_STAT_RQDPC0 + q];
		if (rxq == NULL)
			continue;
		stats->q_ipackets[k] += rxq->packets;
		stats->q_ibytes[k] += rxq->bytes;
		stats->q_errors[k] += rxq->errors;
	}
	for (q = 0; q < dev->data->nb_tx_queues && q < IGBX_MAX_TX_QUEUES; q++) {
		const struct igbx_tx_queue *txq = dev->data->tx_queues[q];

		if (txq == NULL)
			continue;
		k = ad->qmap.tx[q];
		stats->q_opackets[k] += txq->packets;
		stats->q_obytes[k] += txq->bytes;
	}
}

void
igbx_qstats_init(struct igbx_adapter *ad)
{
	unsigned int q;

	for (q = 0; q < IGBX_MAX_RX_QUEUES; q++)
		ad->qmap.rx[q] = (uint8_t)(q % RTE_ETHDEV_QUEUE_STAT_CNTRS);
	for (q = 0; q < IGBX_MAX_TX_QUEUES; q++)
		ad->qmap.tx[q] = (uint8_t)(q % RTE_ETHDEV_QUEUE_STAT_CNTRS);
	ad->qmap.hw_queues = 0;
}

/* Counters of the queues dev_configure set up are read from now on; the
 * hardware counts of the queues dropped are read once more, not lost. */
void
igbx_qstats_configure(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	uint16_t n = RTE_MAX(dev->data->nb_rx_queues, dev->data->nb_tx_queues);

	igbx_stats_update(ad);
	ad->qmap.hw_queues = RTE_MIN(n, (uint16_t)IGBX_MAX_RX_QUEUES);
}

/* ethdev checked queue_id and stat_idx against the queues and counter sets. */
int
igbx_queue_stats_mapping_set(struct rte_eth_dev *dev, uint16_t queue_id, uint8_t stat_idx,
			     uint8_t is_rx)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);

	if (queue_id >= IGBX_MAX_RX_QUEUES || stat_idx >= RTE_ETHDEV_QUEUE_STAT_CNTRS) {
		IGBX_LOG(ERR, "queue %u stat_idx %u: allowed queue < %u, stat_idx < %u",
			 queue_id, stat_idx, IGBX_MAX_RX_QUEUES, RTE_ETHDEV_QUEUE_STAT_CNTRS);
		return -EINVAL;
	}
	if (is_rx)
		ad->qmap.rx[queue_id] = stat_idx;
	else
		ad->qmap.tx[queue_id] = stat_idx;
	return 0;
}

int
igbx_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats IGBX_QSTATS_PARAM)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	const uint64_t *v = ad->stats.value;
	unsigned int q;

	igbx_stats_update(ad);
	stats->ipackets = v[IGBX_STAT_GPRC];
	stats->opackets = v[IGBX_STAT_GPTC];
	stats->ibytes = v[IGBX_STAT_GORC] - RTE_ETHER_CRC_LEN * v[IGBX_STAT_GPRC];
	stats->obytes = v[IGBX_STAT_GOTC] - RTE_ETHER_CRC_LEN * v[IGBX_STAT_GPTC];
	stats->imissed = v[IGBX_STAT_MPC];
	for (q = 0; q < IGBX_MAX_RX_QUEUES; q++)
		stats->imissed += v[IGBX_STAT_RQDPC0 + q];
	stats->ierrors = v[IGBX_STAT_CRCERRS] + v[IGBX_STAT_ALGNERRC] +
			 v[IGBX_STAT_RXERRC] + v[IGBX_STAT_RLEC];
	stats->oerrors = v[IGBX_STAT_ECOL] + v[IGBX_STAT_LATECOL];
	stats->rx_nombuf = dev->data->rx_mbuf_alloc_failed;
	igbx_stats_queues_get(dev, IGBX_QSTATS(stats));
	return 0;
}

/* Read (and so clear) the hardware, then forget hardware and queue counts. */
int
igbx_stats_reset(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	unsigned int q;

	igbx_stats_update(ad);
	igbx_stats_clear(ad);
	for (q = 0; q < dev->data->nb_rx_queues; q++) {
		struct igbx_rx_queue *rxq = dev->data->rx_queues[q];

		if (rxq != NULL)
			rxq->packets = rxq->bytes = rxq->errors = 0;
	}
	for (q = 0; q < dev->data->nb_tx_queues; q++) {
		struct igbx_tx_queue *txq = dev->data->tx_queues[q];

		if (txq != NULL)
			txq->packets = txq->bytes = 0;
	}
	return 0;
}

int
igbx_xstats_reset(struct rte_eth_dev *dev)
{
	return igbx_stats_reset(dev);
}

/* ---- xstats ------------------------------------------------------------- */

int
igbx_xstats_get(struct rte_eth_dev *dev, struct rte_eth_xstat *xstats,
		unsigned int n)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	unsigned int i;

	if (xstats == NULL || n < igbx_xstat_count)
		return (int)igbx_xstat_count;
	igbx_stats_update(ad);
	for (i = 0; i < igbx_xstat_count; i++) {
		xstats[i].id = i;
		xstats[i].value = ad->stats.value[i];
	}
	return (int)igbx_xstat_count;
}

int
igbx_xstats_get_names(struct rte_eth_dev *dev __rte_unused,
		      struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int i;

	if (names == NULL || size < igbx_xstat_count)
		return (int)igbx_xstat_count;
	for (i = 0; i < igbx_xstat_count; i++)
		strlcpy(names[i].name, igbx_stat_table[i].name, sizeof(names[i].name));
	return (int)igbx_xstat_count;
}

static int
igbx_xstats_check_ids(const uint64_t *ids, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (ids[i] < igbx_xstat_count)
			continue;
		IGBX_LOG(ERR, "ids[%u] %" PRIu64 " invalid: xstats ids are 0..%u",
			 i, ids[i], igbx_xstat_count - 1);
		return -EINVAL;
	}
	return 0;
}

int
igbx_xstats_get_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
		      uint64_t *values, unsigned int n)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	unsigned int i;
	int ret;

	if (ids == NULL) {
		if (values == NULL || n < igbx_xstat_count)
			return (int)igbx_xstat_count;
		igbx_stats_update(ad);
		for (i = 0; i < igbx_xstat_count; i++)
			values[i] = ad->stats.value[i];
		return (int)igbx_xstat_count;
	}
	ret = igbx_xstats_check_ids(ids, n);
	if (ret != 0)
		return ret;
	igbx_stats_update(ad);
	for (i = 0; i < n; i++)
		values[i] = ad->stats.value[ids[i]];
	return (int)n;
}

int
igbx_xstats_get_names_by_id(struct rte_eth_dev *dev, const uint64_t *ids,
			    struct rte_eth_xstat_name *names, unsigned int size)
{
	unsigned int i;
	int ret;

	if (ids == NULL)
		return igbx_xstats_get_names(dev, names, size);
	ret = igbx_xstats_check_ids(ids, size);
	if (ret != 0)
		return ret;
	for (i = 0; i < size; i++)
		strlcpy(names[i].name, igbx_stat_table[ids[i]].name,
			sizeof(names[i].name));
	return (int)size;
}

/* ---- register dump ------------------------------------------------------ */

#define IGBX_DUMP1(r)		{ #r, IGBX_ ## r, 1, 0, false }
#define IGBX_DUMP1B(r)		{ #r, IGBX_ ## r, 1, 0, true }	/* brief too */
#define IGBX_DUMPN(r, n, s)	{ #r, IGBX_ ## r(0), n, s, false }

/* Configuration and state; no read-to-clear (ICR, EICR, statistics) and no
 * read-to-set (SWSM.SMBI) register, so a dump changes nothing. */
const struct igbx_reg_desc igbx_dump_table[] = {
	IGBX_DUMP1B(CTRL), IGBX_DUMP1B(STATUS), IGBX_DUMP1(EECD),
	IGBX_DUMP1(CTRL_EXT), IGBX_DUMP1(MDIC), IGBX_DUMP1(FCAL),
	IGBX_DUMP1(FCAH), IGBX_DUMP1(FCT), IGBX_DUMP1(CONNSW), IGBX_DUMP1(VET),
	IGBX_DUMP1(FCTTV), IGBX_DUMP1B(LEDCTL), IGBX_DUMP1B(IMS),
	IGBX_DUMP1(IAM), IGBX_DUMP1B(GPIE), IGBX_DUMP1B(EIMS), IGBX_DUMP1(EIAC),
	IGBX_DUMP1(EIAM), IGBX_DUMPN(EITR, IGBX_MSIX_VECTORS, 4),
	IGBX_DUMPN(IVAR, 8, 4), IGBX_DUMP1(IVAR_MISC),
	IGBX_DUMP1B(RCTL), IGBX_DUMP1(FCRTL), IGBX_DUMP1(FCRTH),
	IGBX_DUMP1(RXPBS), IGBX_DUMP1(FCRTV), IGBX_DUMP1(RXCSUM),
	IGBX_DUMP1(RLPML), IGBX_DUMP1(RFCTL), IGBX_DUMP1(MRQC),
	IGBX_DUMP1(VT_CTL), IGBX_DUMP1(MANC), IGBX_DUMP1(WUC),
	IGBX_DUMP1B(TCTL), IGBX_DUMP1(TCTL_EXT), IGBX_DUMP1(TIPG),
	IGBX_DUMP1(TXPBS), IGBX_DUMP1(DTXCTL), IGBX_DUMP1(SW_FW_SYNC),
	{ "RAL0-15", IGBX_RAL(0), 16, 8, false }, { "RAH0-15", IGBX_RAH(0), 16, 8, false },
	{ "RAL16-23", IGBX_RAL(16), 8, 8, false },
	{ "RAH16-23", IGBX_RAH(16), 8, 8, false },
	IGBX_DUMPN(MTA, IGBX_MTA_WORDS, 4), IGBX_DUMPN(VFTA, IGBX_VFTA_WORDS, 4),
	IGBX_DUMPN(RETA, IGBX_RETA_WORDS, 4), IGBX_DUMPN(RSSRK, IGBX_RSS_KEY_WORDS, 4),
	IGBX_DUMPN(RDBAL, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(RDBAH, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(RDLEN, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(SRRCTL, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(RDH, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(RDT, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(RXDCTL, IGBX_MAX_RX_QUEUES, 0x40),
	IGBX_DUMPN(TDBAL, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TDBAH, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TDLEN, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TDH, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TDT, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TXDCTL, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TDWBAL, IGBX_MAX_TX_QUEUES, 0x40),
	IGBX_DUMPN(TDWBAH, IGBX_MAX_TX_QUEUES, 0x40),
};

const unsigned int igbx_dump_count = RTE_DIM(igbx_dump_table);

static uint32_t
igbx_dump_words(void)
{
	uint32_t n = 0;
	unsigned int i;

	for (i = 0; i < igbx_dump_count; i++)
		n += igbx_dump_table[i].count;
	return n;
}

/* Whole dump only: data NULL asks for its size, offset must be 0. */
int
igbx_get_regs(struct rte_eth_dev *dev, struct rte_dev_reg_info *regs)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t words = igbx_dump_words(), *out = regs->data, k = 0;
	unsigned int i, j;

	if (out == NULL) {
		regs->length = words;
		regs->width = sizeof(uint32_t);
		return 0;
	}
	if (regs->offset != 0 || (regs->length != 0 && regs->length != words)) {
		IGBX_LOG(ERR, "offset %u length %u invalid: only the whole dump "
			 "(offset 0, length 0 or %u)", regs->offset, regs->length, words);
		return -ENOTSUP;
	}
	for (i = 0; i < igbx_dump_count; i++)
		for (j = 0; j < igbx_dump_table[i].count; j++)
			out[k++] = igbx_read(hw, igbx_dump_table[i].reg +
					     j * igbx_dump_table[i].stride);
	regs->length = words;
	regs->width = sizeof(uint32_t);
	regs->version = (uint32_t)hw->vendor_id << 16 | hw->device_id;
	return 0;
}

/* ---- NVM ---------------------------------------------------------------- */

#define IGBX_NVM_SIZE_BASE_SHIFT	6	/* EECD.EE_SIZE 0 = 64 words */
#define IGBX_NVM_SIZE_MAX_SHIFT		14	/* EERD addresses 16 K words */
#define IGBX_NVM_READ_CHUNK		64	/* words per igbx_nvm_read call */

static uint32_t
igbx_nvm_words(struct igbx_hw *hw)
{
	uint32_t shift = (igbx_read(hw, IGBX_EECD) & IGBX_EECD_EE_SIZE_MASK) >>
			 IGBX_EECD_EE_SIZE_SHIFT;

	shift += IGBX_NVM_SIZE_BASE_SHIFT;
	return UINT32_C(1) << RTE_MIN(shift, (uint32_t)IGBX_NVM_SIZE_MAX_SHIFT);
}

int
igbx_get_eeprom_length(struct rte_eth_dev *dev)
{
	return (int)(igbx_nvm_words(IGBX_DEV_HW(dev)) * 2);
}

/* Words are little endian: byte 2w is the low byte of word w. */
static int
igbx_nvm_copy_bytes(struct igbx_hw *hw, uint32_t first, uint32_t len, uint8_t *out)
{
	uint16_t buf[IGBX_NVM_READ_CHUNK];
	uint32_t w = first / 2, end = first + len, pos = first;
	uint16_t count;
	int ret;

	while (pos < end) {
		count = (uint16_t)RTE_MIN((uint32_t)IGBX_NVM_READ_CHUNK,
					  (end + 1) / 2 - w);
		ret = igbx_nvm_read(hw, (uint16_t)w, count, buf);
		if (ret != 0)
			return ret;
		for (; pos < end && pos / 2 < w + count; pos++)
			out[pos - first] = (uint8_t)(buf[pos / 2 - w] >> (8 * (pos & 1)));
		w += count;
	}
	return 0;
}

int
igbx_get_eeprom(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *eeprom)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint32_t size = igbx_nvm_words(hw) * 2;

	if (eeprom->data == NULL && eeprom->length != 0) {
		IGBX_LOG(ERR, "data NULL invalid with length %u", eeprom->length);
		return -EINVAL;
	}
	if (eeprom->offset > size || eeprom->length > size - eeprom->offset) {
		IGBX_LOG(ERR, "offset %u length %u invalid: NVM is %u bytes",
			 eeprom->offset, eeprom->length, size);
		return -EINVAL;
	}
	eeprom->magic = (uint32_t)hw->vendor_id | (uint32_t)hw->device_id << 16;
	if (eeprom->length == 0)
		return 0;
	return igbx_nvm_copy_bytes(hw, eeprom->offset, eeprom->length, eeprom->data);
}

/*
 * NVM word 0x05: major 15:12, minor 11:4, image id 3:0; words 0x42/0x43: the
 * eTrack id. As ethdev asks, a too small buffer gets the size it needs (with
 * the terminating NUL) as a positive return value.
 */
int
igbx_fw_version_get(struct rte_eth_dev *dev, char *fw_version, size_t fw_size)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	uint16_t ver, etrack[2];
	char buf[48];
	int ret, len;

	ret = igbx_nvm_read(hw, IGBX_NVM_VERSION, 1, &ver);
	if (ret == 0)
		ret = igbx_nvm_read(hw, IGBX_NVM_ETRACK_LO, 2, etrack);
	if (ret != 0) {
		IGBX_LOG(ERR, "NVM version words unreadable: %d", ret);
		return -EIO;
	}
	len = snprintf(buf, sizeof(buf), "%u.%u-%u, 0x%04x%04x", ver >> 12,
		       (ver >> 4) & 0xFF, ver & 0xF, etrack[1], etrack[0]);
	if (fw_version == NULL || fw_size < (size_t)len + 1)
		return len + 1;
	memcpy(fw_version, buf, (size_t)len + 1);
	return 0;
}
