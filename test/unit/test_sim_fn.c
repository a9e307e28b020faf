/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_fn.c - the simulator's PCI functions: the layout every process
 * derives from the run's configuration (addresses, device ids, uio numbers,
 * BARs, the ports they belong to) and the BAR0 pages left untrapped.
 */
#include <string.h>

#include "pci.h"
#include "unit.h"

static const char boards[SIM_MAX_PORTS][128] = {
	"", "fiber", "serdes", "phy-reset+fiber",
};

static void test_layout(void)
{
	static const uint16_t ids[4] = { 0x10c9, 0x10e6, 0x10e7, 0x10e6 };
	char bdf[SIM_PCI_BDF_LEN], want[SIM_PCI_BDF_LEN];

	sim_fn_layout(4, boards, NULL);
	UNIT_CHECK_EQ(sim_nb_fns, 4);
	for (unsigned int i = 0; i < 4; i++) {
		const struct sim_fn *fn = sim_fn_of_port(i);

		UNIT_CHECK(fn != NULL);
		if (!fn)
			continue;
		/* one physical function per port, where it always was */
		snprintf(want, sizeof(want), "0000:00:10.%u", i);
		UNIT_CHECK(strcmp(sim_fn_bdf(fn, bdf), want) == 0);
		UNIT_CHECK(fn->kind == &sim_fn_pf);
		UNIT_CHECK_EQ(fn->port, i);
		UNIT_CHECK_EQ(fn->device_id, ids[i]);
		UNIT_CHECK(sim_fn_of_uio(SIM_UIO_BASE + i) == fn);
		UNIT_CHECK_EQ(sim_pci_bar0_addr(fn), 0xf0000000ull + 0x100000ull * i);
		UNIT_CHECK_EQ(sim_pci_bar3_addr(fn), sim_pci_bar0_addr(fn) + 0x80000);
	}
	UNIT_CHECK(sim_fn_of_port(4) == NULL);
	UNIT_CHECK(sim_fn_of_uio(SIM_UIO_BASE - 1) == NULL);
	UNIT_CHECK(sim_fn_of_uio(SIM_UIO_BASE + 4) == NULL);
}

static void test_layout_limits(void)
{
	char path[256];

	sim_fn_layout(SIM_MAX_PORTS + 3, NULL, NULL);
	UNIT_CHECK_EQ(sim_nb_fns, SIM_MAX_PORTS);
	UNIT_CHECK_EQ(sim_fns[SIM_MAX_PORTS - 1].device_id, SIM_DEVICE_ID_COPPER);
	sim_pci_dev_path(path, sizeof(path), "/run/x", &sim_fns[7], "resource0");
	UNIT_CHECK(strcmp(path, "/run/x/sys/bus/pci/devices/0000:00:10.7/"
			  "resource0") == 0);
	sim_pci_dev_path(path, sizeof(path), "/run/x", &sim_fns[0], NULL);
	UNIT_CHECK(strcmp(path, "/run/x/sys/bus/pci/devices/0000:00:10.0") == 0);
	sim_fn_layout(0, NULL, NULL);
	UNIT_CHECK_EQ(sim_nb_fns, 0);
	UNIT_CHECK(sim_fn_of_port(0) == NULL);
}

/* Virtual functions: after every PF (whose indexes, addresses and uio
 * numbers stay as without VFs), 8086:10CA, a 16 KiB BAR0, each port's on
 * a bus of its own, 2 routing IDs apart.
 */
static void test_layout_vfs(void)
{
	static const unsigned int vfs[SIM_MAX_PORTS] = { 3, 0, 8 };
	static const char *const want[] = {
		"0000:02:00.0", "0000:02:00.2", "0000:02:00.4",
		"0000:04:00.0", "0000:04:00.2", "0000:04:00.4", "0000:04:00.6",
		"0000:04:01.0", "0000:04:01.2", "0000:04:01.4", "0000:04:01.6",
	};
	char bdf[SIM_PCI_BDF_LEN];
	unsigned int i;

	sim_fn_layout(3, NULL, vfs);
	UNIT_CHECK_EQ(sim_nb_fns, 3 + 3 + 8);
	for (i = 0; i < 3; i++) {
		UNIT_CHECK(sim_fns[i].kind == &sim_fn_pf);
		UNIT_CHECK_EQ(sim_fns[i].index, i);
		UNIT_CHECK(sim_fn_of_port(i) == &sim_fns[i]);
	}
	for (i = 3; i < sim_nb_fns; i++) {
		const struct sim_fn *fn = &sim_fns[i];
		unsigned int port = i < 6 ? 0 : 2, vf = i < 6 ? i - 3 : i - 6;

		UNIT_CHECK(fn->kind == &sim_fn_vf);
		UNIT_CHECK_EQ(fn->port, port);
		UNIT_CHECK_EQ(fn->vf, vf);
		UNIT_CHECK_EQ(fn->device_id, 0x10ca);
		UNIT_CHECK(strcmp(sim_fn_bdf(fn, bdf), want[i - 3]) == 0);
		UNIT_CHECK(sim_fn_of_vf(port, vf) == fn);
		UNIT_CHECK(sim_fn_of_uio(SIM_UIO_BASE + i) == fn);
	}
	UNIT_CHECK(sim_fn_of_vf(0, 3) == NULL);
	UNIT_CHECK(sim_fn_of_vf(1, 0) == NULL);
	UNIT_CHECK_EQ(sim_fn_vf.bar0_size, 16 * 1024);
	/* the VF's queue doorbells are views of the PF's: all trapped */
	UNIT_CHECK(!sim_fn_vf.page_polled(0x2000));
	UNIT_CHECK(!sim_fn_vf.page_polled(0x3000));
}

/* The physical function's doorbells: RDT and TDT, both copies. */
static void test_pf_pages(void)
{
	const struct sim_fn_kind *k = &sim_fn_pf;

	UNIT_CHECK_EQ(k->bar0_size, 128 * 1024);
	UNIT_CHECK(k->page_polled(0x2818));	/* RDT[0] alias */
	UNIT_CHECK(k->page_polled(0x3818));	/* TDT[0] alias */
	UNIT_CHECK(k->page_polled(0xc018));	/* RDT[0] */
	UNIT_CHECK(k->page_polled(0xe3d8));	/* TDT[15] */
	UNIT_CHECK(!k->page_polled(0x0000));	/* CTRL */
	UNIT_CHECK(!k->page_polled(0x1000));
	UNIT_CHECK(!k->page_polled(0x4000));	/* statistics */
	UNIT_CHECK(!k->page_polled(0x5000));
	UNIT_CHECK(!k->page_polled(0xb600));	/* SYSTIML */
	UNIT_CHECK(!k->page_polled(0x10000));	/* per-queue statistics */
}

int main(void)
{
	UNIT_RUN(test_layout);
	UNIT_RUN(test_layout_limits);
	UNIT_RUN(test_pf_pages);
	UNIT_RUN(test_layout_vfs);
	return unit_report();
}
