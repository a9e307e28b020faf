/* SPDX-License-Identifier: BSD-3-Clause */
/* fuzz_filter.c - libFuzzer harness: the multicast, MAC, VLAN and flow control programming
 * of igbx_filter.c and the RSS key/RETA of igbx_rss.c with random arguments on a fake BAR0 (128 KiB
 * of malloc'd memory: ASan flags a register offset outside the window). */
#include <stdlib.h>
#include <string.h>

#include "igbx_ethdev.h"
#include "igbx_filter.h"
#include "fuzz_common.h"

/*
 * Input: a queue-count byte, then operations of one byte each followed by
 * their arguments. Arrays the ethdev API hands over (RSS key, RETA groups,
 * multicast list) are allocated with exactly the size their length says.
 */
#define RETA_GROUP	RTE_ETH_RETA_GROUP_SIZE

static struct rte_eth_dev *dev;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_eal_init();
	dev = fuzz_dev_create("igbx_fuzz_filter");
	return 0;
}

static void
take_addr(struct fuzz_in *in, struct rte_ether_addr *a)
{
	unsigned int i;

	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		a->addr_bytes[i] = fuzz_u8(in);
}

static void
op_pure_helpers(struct fuzz_in *in)
{
	struct rte_ether_addr a;
	uint8_t e[4], back[4];
	unsigned int i, mo;
	uint16_t h;

	take_addr(in, &a);
	mo = fuzz_u8(in) & 3;	/* RCTL.MO is two bits */
	h = igbx_mta_hash_index(&a, mo);
	if (h >= 4096)
		fuzz_fail("MTA hash %u of mo %u outside 0..4095", h, mo);
	for (i = 0; i < 4; i++)
		e[i] = fuzz_u8(in) & 0xf;	/* 16 queues */
	igbx_reta_unpack(igbx_reta_pack(e), back);
	if (memcmp(e, back, 4) != 0)
		fuzz_fail("RETA pack/unpack of %u %u %u %u gives %u %u %u %u",
			  e[0], e[1], e[2], e[3], back[0], back[1], back[2], back[3]);
	h = fuzz_u16(in);
	if (igbx_vfta_index(h & 0xfff) >= IGBX_VFTA_WORDS)
		fuzz_fail("VFTA index of vlan %u out of the table", h & 0xfff);
}

static void
op_rss_hash(struct fuzz_in *in)
{
	uint8_t len = fuzz_u8(in), flags = fuzz_u8(in);
	struct rte_eth_rss_conf conf = { .rss_hf = fuzz_u64(in), .rss_key_len = len };
	uint8_t *key = (flags & 1) ? malloc(len ? len : 1) : NULL;
	/* a key buffer of rss_key_len bytes; 0 means the legacy 40 (rte_ethdev.h) */
	uint8_t *got = malloc(len ? len : IGBX_RSS_KEY_SIZE);
	int ret;

	if (key != NULL)
		memcpy(key, in->p, RTE_MIN((size_t)len, in->n));
	conf.rss_key = key;
	if (flags & 2)
		conf.rss_hf &= igbx_rss_offload_types();
	ret = igbx_rss_hash_update(dev, &conf);
	conf.rss_key = got;
	conf.rss_key_len = len;
	if (igbx_rss_hash_conf_get(dev, &conf) == 0 && ret == 0 && key != NULL &&
	    len == IGBX_RSS_KEY_SIZE && memcmp(key, got, len) != 0)
		fuzz_fail("RSS key accepted by hash_update does not read back");
	free(key);
	free(got);
}

static void
op_reta(struct fuzz_in *in)
{
	uint16_t size = fuzz_u16(in) % 1024 + 1, groups = (size + RETA_GROUP - 1) / RETA_GROUP, g;
	struct rte_eth_rss_reta_entry64 *conf = calloc(groups, sizeof(*conf));
	unsigned int i;

	for (g = 0; g < groups; g++) {
		conf[g].mask = fuzz_u64(in);
		for (i = 0; i < RETA_GROUP; i++)
			conf[g].reta[i] = fuzz_u8(in) & 0x1f;
	}
	if (fuzz_u8(in) & 1)
		igbx_reta_update(dev, conf, size);
	else
		igbx_reta_query(dev, conf, size);
	free(conf);
}

static void
op_mc_list(struct fuzz_in *in)
{
	uint32_t nb = fuzz_u16(in) % 5000, i;
	uint8_t flags = fuzz_u8(in);
	struct rte_ether_addr *list = nb ? malloc(nb * sizeof(*list)) : NULL;

	for (i = 0; i < nb; i++) {
		take_addr(in, &list[i]);
		if (flags & 1)
			list[i].addr_bytes[0] |= 1;	/* mostly valid: multicast */
	}
	igbx_set_mc_addr_list(dev, (flags & 2) ? NULL : list, nb);
	free(list);
}

static void
op_mac(struct fuzz_in *in)
{
	struct rte_ether_addr a;
	uint8_t kind = fuzz_u8(in), index = fuzz_u8(in);

	take_addr(in, &a);
	if (kind & 1)
		a.addr_bytes[0] &= 0xfe;
	switch (kind >> 1 & 3) {
	case 0:
		igbx_mac_addr_add(dev, &a, index, kind >> 3 & 1);
		break;
	case 1:
		igbx_mac_addr_remove(dev, index);
		break;
	case 2:
		igbx_mac_addr_set(dev, &a);
		break;
	default:
		igbx_vlan_filter_set(dev, fuzz_u16(in), index & 1);
		break;
	}
}

static void
op_modes(struct fuzz_in *in)
{
	struct rte_eth_fc_conf fc;
	uint8_t which = fuzz_u8(in);

	dev->data->dev_conf.rxmode.offloads = fuzz_u64(in);
	switch (which & 7) {
	case 0: igbx_promiscuous_enable(dev); break;
	case 1: igbx_promiscuous_disable(dev); break;
	case 2: igbx_allmulticast_enable(dev); break;
	case 3: igbx_allmulticast_disable(dev); break;
	case 4: igbx_vlan_offload_set(dev, fuzz_u8(in)); break;
	case 5: igbx_vlan_tpid_set(dev, fuzz_u8(in) % 4, fuzz_u16(in)); break;
	case 6:
		memset(&fc, 0, sizeof(fc));
		fc.high_water = fuzz_u32(in);
		fc.low_water = fuzz_u32(in);
		fc.pause_time = fuzz_u16(in);
		fc.send_xon = fuzz_u8(in) & 1;
		fc.mode = (enum rte_eth_fc_mode)(fuzz_u8(in) % 6);
		fc.autoneg = fuzz_u8(in) & 1;
		igbx_flow_ctrl_set(dev, &fc);
		igbx_flow_ctrl_get(dev, &fc);
		break;
	default:
		igbx_filter_restore(dev);
		igbx_rss_configure(dev);
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = { data, size };
	uint8_t q = fuzz_u8(&in);
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);

	memset(ad->hw.hw_addr, 0, FUZZ_BAR0_SIZE);
	memset(&ad->filter, 0, sizeof(ad->filter));
	memset(&dev->data->dev_conf, 0, sizeof(dev->data->dev_conf));
	dev->data->nb_rx_queues = q % 16 + 1;
	dev->data->dev_conf.rxmode.mq_mode = (q & 0x80) ? RTE_ETH_MQ_RX_RSS : RTE_ETH_MQ_RX_NONE;
	igbx_filter_init(dev);
	while (fuzz_more(&in)) {
		switch (fuzz_u8(&in) % 6) {
		case 0: op_pure_helpers(&in); break;
		case 1: op_rss_hash(&in); break;
		case 2: op_reta(&in); break;
		case 3: op_mc_list(&in); break;
		case 4: op_mac(&in); break;
		default: op_modes(&in); break;
		}
	}
	return 0;
}
