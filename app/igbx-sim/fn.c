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

void sim_fn_layout(unsigned int nb_ports, const char board[][128])
{
	unsigned int i;

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
}

const struct sim_fn *sim_fn_of_port(unsigned int port)
{
	unsigned int i;

	for (i = 0; i < sim_nb_fns; i++)
		if (sim_fns[i].kind == &sim_fn_pf && sim_fns[i].port == port)
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
