/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_igbx_filter.c - unit tests of the driver's pure filter helpers (MTA
 * hash, RAR, RETA, RSS key, VFTA, MRQC fields), of the statistics tables, and
 * of the filter ops against a register file kept in plain memory.
 *
 * Expected values are worked out by hand from the datasheet's definitions,
 * never by calling the code under test.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>
#include <rte_ethdev.h>

#include "igbx_ethdev.h"
#include "igbx_filter.h"
#include "igbx_stats.h"
#include "unit.h"

static struct rte_ether_addr
mk_addr(uint8_t a, uint8_t b, uint8_t c, uint8_t d, uint8_t e, uint8_t f)
{
	struct rte_ether_addr x = { .addr_bytes = { a, b, c, d, e, f } };

	return x;
}

/*
 * 01:00:5e:00:00:01 - bytes 4,5 = 00 01, so DA[47:32] = 0x0100:
 * MO0 DA[47:36] = 0x010, MO1 DA[46:35] = 0x020, MO2 DA[45:34] = 0x040,
 * MO3 DA[43:32] = 0x100.
 */
static void
test_mta_ipv4_all_hosts(void)
{
	struct rte_ether_addr a = mk_addr(0x01, 0x00, 0x5e, 0x00, 0x00, 0x01);

	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 0), 0x010);
	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 1), 0x020);
	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 2), 0x040);
	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 3), 0x100);
}

/*
 * 33:33:ff:12:34:56 - DA[47:32] = 0x5634 = 0101 0110 0011 0100b:
 * MO0 >> 4 = 0x563, MO1 >> 3 = 0xac6, MO2 >> 2 = 0x158d -> 0x58d (12 bits),
 * MO3 = 0x634.
 */
static void
test_mta_ipv6_solicited(void)
{
	struct rte_ether_addr a = mk_addr(0x33, 0x33, 0xff, 0x12, 0x34, 0x56);

	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 0), 0x563);
	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 1), 0xac6);
	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 2), 0x58d);
	UNIT_CHECK_EQ(igbx_mta_hash_index(&a, 3), 0x634);
}

/* All-ones: every window is 0xfff, the last bit of the last MTA word. */
static void
test_mta_broadcast_and_set(void)
{
	struct rte_ether_addr b = mk_addr(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
	uint32_t mta[IGBX_MTA_WORDS];
	unsigned int mo, i, bits = 0;

	for (mo = 0; mo < 4; mo++)
		UNIT_CHECK_EQ(igbx_mta_hash_index(&b, mo), 0xfff);
	memset(mta, 0, sizeof(mta));
	igbx_mta_hash_set(mta, 0x563);		/* word 0x2b, bit 3 */
	igbx_mta_hash_set(mta, 0xfff);		/* word 127, bit 31 */
	igbx_mta_hash_set(mta, 0x000);		/* word 0, bit 0 */
	UNIT_CHECK_EQ(mta[0x2b], 0x00000008);
	UNIT_CHECK_EQ(mta[127], 0x80000000);
	UNIT_CHECK_EQ(mta[0], 0x00000001);
	for (i = 0; i < IGBX_MTA_WORDS; i++)
		bits += __builtin_popcount(mta[i]);
	UNIT_CHECK_EQ(bits, 3);
}

/* 00:1b:21:aa:bb:cc -> RAL 0xaa211b00, RAH 0x8000ccbb (AV = bit 31). */
static void
test_rar_encode(void)
{
	struct rte_ether_addr a = mk_addr(0x00, 0x1b, 0x21, 0xaa, 0xbb, 0xcc);
	struct rte_ether_addr b = mk_addr(0x02, 0x00, 0x00, 0x00, 0x00, 0x01);
	uint32_t ral, rah;

	igbx_rar_encode(&a, &ral, &rah);
	UNIT_CHECK_EQ(ral, 0xaa211b00);
	UNIT_CHECK_EQ(rah, 0x8000ccbb);
	igbx_rar_encode(&b, &ral, &rah);
	UNIT_CHECK_EQ(ral, 0x00000002);
	UNIT_CHECK_EQ(rah, 0x80000100);
	UNIT_CHECK_EQ(rah & 0x00030000, 0);	/* ASEL = destination */
}

/* RETA word n = entries 4n..4n+3, entry 4n in bits 7:0. */
static void
test_reta_pack(void)
{
	const uint8_t e[4] = { 1, 2, 3, 15 };
	uint8_t back[4];

	UNIT_CHECK_EQ(igbx_reta_pack(e), 0x0f030201);
	igbx_reta_unpack(0x0f030201, back);
	UNIT_CHECK(memcmp(e, back, sizeof(e)) == 0);
	igbx_reta_unpack(0x00010203, back);
	UNIT_CHECK_EQ(back[0], 3);
	UNIT_CHECK_EQ(back[3], 0);
}

/* RSSRK word n = key bytes 4n..4n+3, byte 4n in bits 7:0. */
static void
test_rss_key_pack(void)
{
	uint8_t key[IGBX_RSS_KEY_SIZE];
	unsigned int i;

	for (i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)i;
	UNIT_CHECK_EQ(igbx_rss_key_pack(key, 0), 0x03020100);
	UNIT_CHECK_EQ(igbx_rss_key_pack(key, 1), 0x07060504);
	UNIT_CHECK_EQ(igbx_rss_key_pack(key, 9), 0x27262524);
	key[0] = 0x6d;
	key[1] = 0x5a;
	key[2] = 0x56;
	key[3] = 0xda;
	UNIT_CHECK_EQ(igbx_rss_key_pack(key, 0), 0xda565a6d);
}

/* VLAN 100 = word 3, bit 4; VLAN 4095 = word 127, bit 31. */
static void
test_vfta(void)
{
	UNIT_CHECK_EQ(igbx_vfta_index(0), 0);
	UNIT_CHECK_EQ(igbx_vfta_bit(0), 1);
	UNIT_CHECK_EQ(igbx_vfta_index(100), 3);
	UNIT_CHECK_EQ(igbx_vfta_bit(100), 0x10);
	UNIT_CHECK_EQ(igbx_vfta_index(4095), 127);
	UNIT_CHECK_EQ(igbx_vfta_bit(4095), 0x80000000);
}

/* MRQC fields: TcpIPv4 16, IPv4 17, TcpIPv6Ex 18, IPv6Ex 19, IPv6 20,
 * TcpIPv6 21, UdpIPv4 22, UdpIPv6 23, UdpIPv6Ex 24. */
static void
test_rss_fields(void)
{
	uint64_t all = igbx_rss_offload_types();

	UNIT_CHECK_EQ(igbx_rss_hf_to_mrqc(RTE_ETH_RSS_IPV4), 1u << 17);
	UNIT_CHECK_EQ(igbx_rss_hf_to_mrqc(RTE_ETH_RSS_NONFRAG_IPV4_TCP |
					  RTE_ETH_RSS_IPV6), 1u << 16 | 1u << 20);
	UNIT_CHECK_EQ(igbx_rss_hf_to_mrqc(RTE_ETH_RSS_IPV6_UDP_EX), 1u << 24);
	UNIT_CHECK_EQ(igbx_rss_hf_to_mrqc(all), 0x01ff0000);
	UNIT_CHECK_EQ(igbx_rss_hf_to_mrqc(0), 0);
	UNIT_CHECK((all & RTE_ETH_RSS_L2_PAYLOAD) == 0);
	UNIT_CHECK_EQ(igbx_rss_mrqc_to_hf(0x01ff0000), all);
	UNIT_CHECK(igbx_rss_mrqc_to_hf(1u << 22) == RTE_ETH_RSS_NONFRAG_IPV4_UDP);
}

/* Every name once, every register (both halves of a pair) once. */
static void
test_stat_table(void)
{
	bool unique = true;
	unsigned int i, j;

	UNIT_CHECK(igbx_stat_count <= RTE_DIM(((struct igbx_stats_state *)NULL)->value));
	UNIT_CHECK(igbx_xstat_count <= igbx_stat_count);
	UNIT_CHECK(igbx_stat_count >= 70);
	for (i = 0; i < igbx_stat_count; i++) {
		const struct igbx_stat_desc *a = &igbx_stat_table[i];

		UNIT_CHECK(a->name != NULL && a->name[0] != '\0');
		if (a->name == NULL)
			continue;
		UNIT_CHECK(strlen(a->name) < RTE_ETH_XSTATS_NAME_SIZE);
		UNIT_CHECK((a->reg & 3) == 0);
		for (j = i + 1; j < igbx_stat_count; j++) {
			const struct igbx_stat_desc *b = &igbx_stat_table[j];
			bool same_reg;

			if (b->name == NULL)
				continue;
			same_reg = a->reg == b->reg ||
				   (a->is64 && a->reg + 4 == b->reg) ||
				   (b->is64 && b->reg + 4 == a->reg);
			if (strcmp(a->name, b->name) == 0 || same_reg) {
				fprintf(stderr, "%s and %s: same name or register\n",
					a->name, b->name);
				unique = false;
			}
		}
	}
	UNIT_CHECK(unique);
}

/* Spot checks of the table against the datasheet offsets. */
static uint32_t
stat_reg(const char *name)
{
	unsigned int i;

	for (i = 0; i < igbx_stat_count; i++)
		if (strcmp(igbx_stat_table[i].name, name) == 0)
			return igbx_stat_table[i].reg;
	return 0;
}

static void
test_stat_offsets(void)
{
	UNIT_CHECK_EQ(stat_reg("rx_crc_errors"), 0x4000);
	UNIT_CHECK_EQ(stat_reg("rx_missed_packets"), 0x4010);
	UNIT_CHECK_EQ(stat_reg("rx_xon_packets"), 0x4048);
	UNIT_CHECK_EQ(stat_reg("rx_size_64_packets"), 0x405c);
	UNIT_CHECK_EQ(stat_reg("tx_size_1024_to_max_packets"), 0x40ec);
	UNIT_CHECK_EQ(stat_reg("rx_total_bytes"), 0x40c0);
	UNIT_CHECK_EQ(stat_reg("rx_good_bytes_mac"), 0x4088);
	UNIT_CHECK_EQ(stat_reg("tx_good_packets_mac"), 0x4080);
	UNIT_CHECK_EQ(stat_reg("rx_q15_drop_packets"), 0xc000 + 0x40 * 15 + 0x30);
}

/* No statistics register (read to clear) and no ICR/EICR in the dump. */
static void
test_dump_table(void)
{
	unsigned int i, j, k;

	UNIT_CHECK(igbx_dump_count > 0);
	for (i = 0; i < igbx_dump_count; i++) {
		const struct igbx_reg_desc *d = &igbx_dump_table[i];
		bool clean = true;

		UNIT_CHECK(d->count >= 1);
		UNIT_CHECK(d->count == 1 || d->stride >= 4);
		for (k = 0; k < d->count; k++) {
			uint32_t r = d->reg + k * d->stride;

			clean &= r != 0x000c0 && r != 0x01580;
			clean &= r < 0x04000 || r >= 0x04200;
			for (j = 0; j < igbx_stat_count; j++)
				clean &= r != igbx_stat_table[j].reg;
		}
		if (!clean)
			fprintf(stderr, "dump entry %s reads a clear-on-read register\n",
				d->name);
		UNIT_CHECK(clean);
	}
}

/* ---- ops against a register file in plain memory (no device, no EAL) ---- */

#define BAR_SIZE	(128 * 1024)

static struct {
	struct rte_eth_dev dev;
	struct rte_eth_dev_data data;
	struct igbx_adapter ad;
	void *rxq[4];
	uint32_t bar[BAR_SIZE / 4];
} fx;

static uint32_t
reg(uint32_t off)
{
	return fx.bar[off / 4];
}

static struct rte_eth_dev *
fx_setup(void)
{
	static const uint8_t perm[6] = { 0x00, 0x1b, 0x21, 0x01, 0x02, 0x03 };

	memset(&fx, 0, sizeof(fx));
	fx.dev.data = &fx.data;
	fx.data.dev_private = &fx.ad;
	fx.data.nb_rx_queues = 4;
	fx.data.rx_queues = fx.rxq;
	fx.ad.hw.hw_addr = (uint8_t *)fx.bar;
	memcpy(fx.ad.hw.mac_perm, perm, sizeof(perm));
	fx.bar[0x38 / 4] = 0x81008100;		/* VET after reset */
	igbx_filter_init(&fx.dev);
	UNIT_CHECK_EQ(igbx_filter_restore(&fx.dev), 0);
	return &fx.dev;
}

static void
test_ops_rar_and_modes(void)
{
	struct rte_eth_dev *dev = fx_setup();
	struct rte_ether_addr mc = mk_addr(0x01, 0, 0x5e, 0, 0, 1);
	struct rte_ether_addr uc = mk_addr(0x02, 0, 0, 0, 0, 5);

	UNIT_CHECK_EQ(reg(0x5400), 0x01211b00);		/* RAL0 = permanent MAC */
	UNIT_CHECK_EQ(reg(0x5404), 0x80000302);
	UNIT_CHECK(reg(0x100) & (1u << 15));		/* RCTL.BAM */
	UNIT_CHECK_EQ(igbx_mac_addr_add(dev, &mc, 1, 0), -EINVAL);
	UNIT_CHECK_EQ(igbx_mac_addr_add(dev, &uc, 24, 0), -EINVAL);
	UNIT_CHECK_EQ(reg(0x5408 + 4), 0);
	UNIT_CHECK_EQ(igbx_mac_addr_add(dev, &uc, 20, 0), 0);
	UNIT_CHECK_EQ(reg(0x54e0 + 8 * 4), 0x00000002);	/* RAL20 */
	UNIT_CHECK_EQ(reg(0x54e4 + 8 * 4), 0x80000500);
	igbx_mac_addr_remove(dev, 20);
	UNIT_CHECK_EQ(reg(0x54e4 + 8 * 4), 0);
	UNIT_CHECK_EQ(igbx_promiscuous_enable(dev), 0);
	UNIT_CHECK_EQ(reg(0x100) & 0x18, 0x18);		/* UPE | MPE */
	UNIT_CHECK_EQ(igbx_allmulticast_enable(dev), 0);
	UNIT_CHECK_EQ(igbx_promiscuous_disable(dev), 0);
	UNIT_CHECK_EQ(reg(0x100) & 0x18, 0x10);		/* allmulti keeps MPE */
	UNIT_CHECK_EQ(igbx_allmulticast_disable(dev), 0);
	UNIT_CHECK_EQ(reg(0x100) & 0x18, 0);
}

static void
test_ops_mc_and_vlan(void)
{
	struct rte_eth_dev *dev = fx_setup();
	struct rte_ether_addr list[IGBX_MC_ADDR_MAX + 1];
	unsigned int i;

	list[0] = mk_addr(0x01, 0, 0x5e, 0, 0, 1);
	list[1] = mk_addr(0x02, 0, 0, 0, 0, 1);		/* unicast: refused */
	UNIT_CHECK_EQ(igbx_set_mc_addr_list(dev, list, 2), -EINVAL);
	UNIT_CHECK_EQ(reg(0x5200), 0);
	UNIT_CHECK_EQ(igbx_set_mc_addr_list(dev, list, 1), 0);
	UNIT_CHECK_EQ(reg(0x5200), 1u << 16);		/* hash 0x010 */
	for (i = 0; i < RTE_DIM(list); i++)
		list[i] = mk_addr(0x01, 0, 0x5e, 0, (uint8_t)(i >> 8), (uint8_t)i);
	UNIT_CHECK_EQ(igbx_set_mc_addr_list(dev, list, RTE_DIM(list)), 0);
	UNIT_CHECK(reg(0x100) & 0x10);			/* fell back to MPE */
	UNIT_CHECK_EQ(igbx_set_mc_addr_list(dev, NULL, 0), 0);
	UNIT_CHECK_EQ(reg(0x100) & 0x10, 0);
	UNIT_CHECK_EQ(igbx_vlan_filter_set(dev, 100, 1), 0);
	UNIT_CHECK_EQ(reg(0x5600 + 4 * 3), 0x10);
	UNIT_CHECK_EQ(igbx_vlan_filter_set(dev, 4096, 1), -EINVAL);
	fx.data.dev_conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_STRIP |
					   RTE_ETH_RX_OFFLOAD_VLAN_FILTER;
	UNIT_CHECK_EQ(igbx_vlan_offload_set(dev, RTE_ETH_VLAN_STRIP_MASK |
					    RTE_ETH_VLAN_FILTER_MASK), 0);
	UNIT_CHECK(reg(0x0) & (1u << 30));		/* CTRL.VME */
	UNIT_CHECK(reg(0x100) & (1u << 18));		/* RCTL.VFE */
	UNIT_CHECK_EQ(igbx_vlan_tpid_set(dev, RTE_ETH_VLAN_TYPE_OUTER, 0x88a8),
		      -ENOTSUP);
	fx.data.dev_conf.rxmode.offloads |= RTE_ETH_RX_OFFLOAD_VLAN_EXTEND;
	UNIT_CHECK_EQ(igbx_vlan_tpid_set(dev, RTE_ETH_VLAN_TYPE_OUTER, 0x88a8), 0);
	UNIT_CHECK_EQ(reg(0x38), 0x88a88100);
	/* everything comes back after a reset wiped the registers */
	memset(fx.bar, 0, sizeof(fx.bar));
	UNIT_CHECK_EQ(igbx_filter_restore(dev), 0);
	UNIT_CHECK_EQ(reg(0x5600 + 4 * 3), 0x10);
	UNIT_CHECK_EQ(reg(0x38), 0x88a88100);
	UNIT_CHECK(reg(0x18) & (1u << 26));		/* CTRL_EXT.EXT_VLAN */
}

static void
test_ops_rss(void)
{
	struct rte_eth_dev *dev = fx_setup();
	struct rte_eth_rss_reta_entry64 rc[2];
	struct rte_eth_rss_conf conf;
	uint8_t key[40];

	fx.data.dev_conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	fx.data.dev_conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IPV4;
	UNIT_CHECK_EQ(igbx_rss_configure(dev), 0);
	UNIT_CHECK_EQ(reg(0x5818), 0x2 | 1u << 17);
	UNIT_CHECK_EQ(reg(0x5c00), 0x03020100);		/* round robin, 4 queues */
	UNIT_CHECK_EQ(reg(0x5c80), 0xda565a6d);
	memset(rc, 0, sizeof(rc));
	rc[1].mask = UINT64_C(1) << 63;
	rc[1].reta[63] = 4;				/* queue 4 of 4: refused */
	UNIT_CHECK_EQ(igbx_reta_update(dev, rc, 128), -EINVAL);
	UNIT_CHECK_EQ(igbx_reta_update(dev, rc, 64), -EINVAL);
	rc[1].reta[63] = 2;
	UNIT_CHECK_EQ(igbx_reta_update(dev, rc, 128), 0);
	UNIT_CHECK_EQ(reg(0x5c00 + 4 * 31), 0x02020100);
	memset(&conf, 0, sizeof(conf));
	conf.rss_key = key;
	conf.rss_key_len = 39;
	UNIT_CHECK_EQ(igbx_rss_hash_update(dev, &conf), -EINVAL);
	conf.rss_key = NULL;
	conf.rss_hf = RTE_ETH_RSS_L2_PAYLOAD;
	UNIT_CHECK_EQ(igbx_rss_hash_update(dev, &conf), -EINVAL);
	conf.rss_hf = RTE_ETH_RSS_NONFRAG_IPV4_TCP;
	UNIT_CHECK_EQ(igbx_rss_hash_update(dev, &conf), 0);
	UNIT_CHECK_EQ(reg(0x5818), 0x2 | 1u << 16);
	/* dev_stop/dev_start: the update and the RETA entry survive */
	memset(fx.bar, 0, sizeof(fx.bar));
	UNIT_CHECK_EQ(igbx_rss_configure(dev), 0);
	UNIT_CHECK_EQ(reg(0x5818), 0x2 | 1u << 16);
	UNIT_CHECK_EQ(reg(0x5c00 + 4 * 31), 0x02020100);
	conf.rss_key = key;
	conf.rss_key_len = 40;
	UNIT_CHECK_EQ(igbx_rss_hash_conf_get(dev, &conf), 0);
	UNIT_CHECK_EQ(conf.rss_hf, RTE_ETH_RSS_NONFRAG_IPV4_TCP);
	UNIT_CHECK_EQ(key[0], 0x6d);
}

static void
test_ops_flow_ctrl(void)
{
	struct rte_eth_dev *dev = fx_setup();
	struct rte_eth_fc_conf fc;

	memset(&fc, 0, sizeof(fc));
	fc.mode = RTE_ETH_FC_FULL;
	fc.high_water = 0x1000;
	fc.low_water = 0x1000;
	UNIT_CHECK_EQ(igbx_flow_ctrl_set(dev, &fc), -EINVAL);
	fc.high_water = 0x20000;			/* above 64 KB buffer */
	UNIT_CHECK_EQ(igbx_flow_ctrl_set(dev, &fc), -EINVAL);
	fc.high_water = 0xa000;
	fc.low_water = 0x8000;
	fc.pause_time = 0x100;
	fc.send_xon = 1;
	UNIT_CHECK_EQ(igbx_flow_ctrl_set(dev, &fc), 0);
	UNIT_CHECK_EQ(reg(0x2168), 0xa000);
	UNIT_CHECK_EQ(reg(0x2160), 0x80008000);
	UNIT_CHECK_EQ(reg(0x170), 0x100);
	UNIT_CHECK_EQ(reg(0x0) & (3u << 27), 3u << 27);	/* RFCE | TFCE */
	UNIT_CHECK_EQ(reg(0x30), 0x8808);
	memset(&fc, 0, sizeof(fc));
	UNIT_CHECK_EQ(igbx_flow_ctrl_get(dev, &fc), 0);
	UNIT_CHECK_EQ(fc.mode, RTE_ETH_FC_FULL);
	UNIT_CHECK_EQ(fc.high_water, 0xa000);
	UNIT_CHECK_EQ(fc.low_water, 0x8000);
}

static void
test_ops_regs_dump(void)
{
	struct rte_eth_dev *dev = fx_setup();
	struct rte_dev_reg_info info;

	memset(&info, 0, sizeof(info));
	UNIT_CHECK_EQ(igbx_get_regs(dev, &info), 0);
	UNIT_CHECK_EQ(info.width, 4);
	UNIT_CHECK(info.length > 500);
	info.data = calloc(info.length, 4);
	info.offset = 4;
	UNIT_CHECK_EQ(igbx_get_regs(dev, &info), -ENOTSUP);
	info.offset = 0;
	UNIT_CHECK_EQ(igbx_get_regs(dev, &info), 0);
	UNIT_CHECK_EQ(((uint32_t *)info.data)[0], reg(0));
	free(info.data);
}

int
main(void)
{
	UNIT_RUN(test_mta_ipv4_all_hosts);
	UNIT_RUN(test_mta_ipv6_solicited);
	UNIT_RUN(test_mta_broadcast_and_set);
	UNIT_RUN(test_rar_encode);
	UNIT_RUN(test_reta_pack);
	UNIT_RUN(test_rss_key_pack);
	UNIT_RUN(test_vfta);
	UNIT_RUN(test_rss_fields);
	UNIT_RUN(test_stat_table);
	UNIT_RUN(test_stat_offsets);
	UNIT_RUN(test_dump_table);
	UNIT_RUN(test_ops_rar_and_modes);
	UNIT_RUN(test_ops_mc_and_vlan);
	UNIT_RUN(test_ops_rss);
	UNIT_RUN(test_ops_flow_ctrl);
	UNIT_RUN(test_ops_regs_dump);
	return unit_report();
}
