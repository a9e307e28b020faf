/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fn.c - the run's PCI functions: which functions exist, their addresses and
 * device ids, and which port's device each belongs to. The launcher builds
 * their sysfs directories from this list and every attached process finds
 * BAR0 mappings and /dev/uio channels through it.
 */
#include <stdio.h>
#include <string.h>

#include "pci.h"

#define SIM_PF_DEV		0x10	/* PCI device number of the ports */

struct sim_fn sim_fns[SIM_MAX_FNS];
unsigned int sim_nb_fns;

const struct sim_fn_kind sim_fn_pf = {
	.name = "pf",
	.device_id = SIM_DEVICE_ID_COPPER,
	.bar0_size = SIM_BAR0_SIZE,
	.page_polled = sim_page_is_polled,
};

/* Every access to a VF's BAR0 is trapped: its queue registers are views of
 * the port's pool queues, kept in the physical function's register file.
 */
static bool sim_vf_page_polled(uint32_t off)
{
	(void)off;
	return false;
}

const struct sim_fn_kind sim_fn_vf = {
	.name = "vf",
	.device_id = SIM_VF_DEVICE_ID,
	.bar0_size = SIM_VF_BAR0_SIZE,
	.page_polled = sim_vf_page_polled,
};

static struct sim_fn *sim_fn_add(const struct sim_fn_kind *kind,
				 unsigned int port, uint16_t device_id)
{
	struct sim_fn *fn;

	if (sim_nb_fns >= SIM_MAX_FNS)
		return NULL;
	fn = &sim_fns[sim_nb_fns];
	memset(fn, 0, sizeof(*fn));
	fn->kind = kind;
	fn->index = sim_nb_fns++;
	fn->port = port;
	fn->device_id = device_id ? device_id : kind->device_id;
	return fn;
}

/* VF vf of port pf: the VFs of each port are on a bus of their own
 * (0x02 + port), vf * stride apart as the SR-IOV capability spaces them,
 * so that ports 0-7, all on one device number here, never share a VF
 * address.
 */
static void sim_fn_place_vf(struct sim_fn *fn, const struct sim_fn *pf,
			    unsigned int vf)
{
	unsigned int rid = vf * SIM_VF_RID_STRIDE;

	fn->bus = (uint8_t)(SIM_VF_BUS0 + pf->port);
	fn->dev = (rid >> 3) & 0x1f;
	fn->func = rid & 7;
	fn->vf = vf;
}

void sim_fn_layout(unsigned int nb_ports, const char board[][128],
		   const unsigned int *vfs)
{
	unsigned int i, v, nb_pfs;

	sim_nb_fns = 0;
	for (i = 0; i < nb_ports && i < SIM_MAX_PORTS; i++) {
		struct sim_board b = { 0 };
		struct sim_fn *fn;
		const char *bad;

		if (board && board[i][0])
			sim_board_parse(board[i], &b, &bad);
		fn = sim_fn_add(&sim_fn_pf, i, b.device_id);
		if (!fn)
			break;
		fn->bus = 0;
		fn->dev = SIM_PF_DEV;
		fn->func = (uint8_t)i;
	}
	nb_pfs = sim_nb_fns;
	for (i = 0; vfs && i < nb_pfs; i++) {
		for (v = 0; v < vfs[i] && v < SIM_MAX_VFS; v++) {
			struct sim_fn *fn = sim_fn_add(&sim_fn_vf, i, 0);

			if (!fn)
				return;
			sim_fn_place_vf(fn, &sim_fns[i], v);
		}
	}
}

const struct sim_fn *sim_fn_of_port(unsigned int port)
{
	unsigned int i;

	for (i = 0; i < sim_nb_fns; i++)
		if (sim_fns[i].kind == &sim_fn_pf && sim_fns[i].port == port)
			return &sim_fns[i];
	return NULL;
}

const struct sim_fn *sim_fn_of_vf(unsigned int port, unsigned int vf)
{
	unsigned int i;

	for (i = 0; i < sim_nb_fns; i++)
		if (sim_fns[i].kind == &sim_fn_vf && sim_fns[i].port == port &&
		    sim_fns[i].vf == vf)
			return &sim_fns[i];
	return NULL;
}

const struct sim_fn *sim_fn_of_uio(unsigned int k)
{
	if (k < SIM_UIO_BASE || k - SIM_UIO_BASE >= sim_nb_fns)
		return NULL;
	return &sim_fns[k - SIM_UIO_BASE];
}

const char *sim_fn_bdf(const struct sim_fn *fn, char *buf)
{
	snprintf(buf, SIM_PCI_BDF_LEN, "0000:%02x:%02x.%x", fn->bus, fn->dev,
		 fn->func);
	return buf;
}
