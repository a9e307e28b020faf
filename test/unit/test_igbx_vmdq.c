/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_igbx_vmdq.c - the driver's VMDq pool helpers (igbx_vmdq.h), which the
 * SR-IOV host shares, against a register file kept in plain memory: VLVF
 * entries taken, merged and freed; VMOLR bits and frame limit; VMVIR;
 * RAH.POOLSEL. Register offsets and bits are the datasheet's (8.10, 8.12),
 * written out here rather than taken from the driver's headers.
 */
#include <stdlib.h>

#include "igbx_ethdev.h"
#include "igbx_vmdq.h"
#include "unit.h"

#define VLVF(i)		(0x05D00u + 4u * (i))
#define VMOLR(i)	(0x05AD0u + 4u * (i))
#define VMVIR(i)	(0x03700u + 4u * (i))
#define RAH(i)		(0x05404u + 8u * (i))
#define VLVF_EN		0x80000000u

static struct igbx_hw hw;

static uint32_t rd(uint32_t off)
{
	return *(volatile uint32_t *)(hw.hw_addr + off);
}

static void wr(uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(hw.hw_addr + off) = v;
}

static void bar_reset(void)
{
	static uint8_t *bar;

	if (bar == NULL)
		bar = calloc(1, 0x20000);
	for (uint32_t i = 0; i < 0x20000; i += 4)
		*(uint32_t *)(bar + i) = 0;
	hw.hw_addr = bar;
}

static void test_pool_vlan(void)
{
	bar_reset();
	wr(VLVF(0), VLVF_EN | 1u << 12 | 5);	/* VLAN 5, pool 0, taken */
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 100, 1u << 3, true), 0);
	UNIT_CHECK_EQ(rd(VLVF(1)), VLVF_EN | 1u << 15 | 100);
	/* the same VLAN again: pools merged in its entry */
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 100, 1u << 5, true), 0);
	UNIT_CHECK_EQ(rd(VLVF(1)), VLVF_EN | (1u << 15 | 1u << 17) | 100);
	UNIT_CHECK_EQ(rd(VLVF(2)), 0);
	/* removing one pool keeps the entry, the last one frees it */
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 100, 1u << 3, false), 0);
	UNIT_CHECK_EQ(rd(VLVF(1)), VLVF_EN | 1u << 17 | 100);
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 100, 1u << 5, false), 0);
	UNIT_CHECK_EQ(rd(VLVF(1)), 0);
	UNIT_CHECK_EQ(rd(VLVF(0)), VLVF_EN | 1u << 12 | 5);
	/* removing from a VLAN without an entry: nothing happens */
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 7, 1, false), 0);
	UNIT_CHECK_EQ(rd(VLVF(1)), 0);
	/* all 32 entries in use: no room for another VLAN */
	for (unsigned int i = 1; i < 32; i++)
		UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, (uint16_t)(200 + i), 1,
						  true), 0);
	UNIT_CHECK_EQ(rd(VLVF(31)), VLVF_EN | 1u << 12 | 231);
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 4095, 1, true), -ENOSPC);
	UNIT_CHECK_EQ(igbx_vmdq_pool_vlan(&hw, 5, 1u << 1, true), 0);
	UNIT_CHECK_EQ(rd(VLVF(0)), VLVF_EN | 3u << 12 | 5);
}

static void test_pool_regs(void)
{
	bar_reset();
	wr(VMOLR(2), 0x2600);
	igbx_vmdq_pool_rx_mode(&hw, 2, IGBX_VMOLR_BAM | IGBX_VMOLR_AUPE, 0);
	UNIT_CHECK_EQ(rd(VMOLR(2)), 0x2600u | 1u << 27 | 1u << 24);
	igbx_vmdq_pool_rx_mode(&hw, 2, IGBX_VMOLR_MPME, IGBX_VMOLR_AUPE);
	UNIT_CHECK_EQ(rd(VMOLR(2)), 0x2600u | 1u << 27 | 1u << 28);
	/* a jumbo limit sets LPE and RLPML; a standard one clears both */
	igbx_vmdq_pool_frame_limit(&hw, 2, 9018);
	UNIT_CHECK_EQ(rd(VMOLR(2)), 9018u | 1u << 16 | 1u << 27 | 1u << 28);
	igbx_vmdq_pool_frame_limit(&hw, 2, 1522);
	UNIT_CHECK_EQ(rd(VMOLR(2)), 1u << 27 | 1u << 28);
	igbx_vmdq_pool_vlan_insert(&hw, 4, IGBX_VMVIR_VLANA_DEFAULT, 0x2064);
	UNIT_CHECK_EQ(rd(VMVIR(4)), 1u << 30 | 0x2064);
	igbx_vmdq_pool_vlan_insert(&hw, 4, IGBX_VMVIR_VLANA_NEVER, 0);
	UNIT_CHECK_EQ(rd(VMVIR(4)), 2u << 30);
	igbx_vmdq_pool_vlan_insert(&hw, 4, 0, 0x2064);
	UNIT_CHECK_EQ(rd(VMVIR(4)), 0);
	/* POOLSEL is bits 25:18; the address and AV stay */
	wr(RAH(3), 0x80001234u | 0xffu << 18);
	igbx_vmdq_rar_pools(&hw, 3, 0x05);
	UNIT_CHECK_EQ(rd(RAH(3)), 0x80001234u | 0x05u << 18);
}

int main(void)
{
	UNIT_RUN(test_pool_vlan);
	UNIT_RUN(test_pool_regs);
	return unit_report();
}
