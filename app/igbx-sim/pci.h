/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pci.h - how the simulated ports present themselves on the PCI bus: the
 * run's PCI functions, their addresses and BARs, and the fake sysfs files
 * that DPDK's PCI bus scan and UIO mapping read.
 */
#ifndef IGBX_SIM_PCI_H
#define IGBX_SIM_PCI_H

#include <stdint.h>
#include <stdio.h>

#include "sim.h"

#define SIM_PCI_VENDOR		0x8086u
#define SIM_PCI_SUBSYS_VENDOR	0x8086u
#define SIM_PCI_SUBSYS_DEVICE	0xa03cu
#define SIM_PCI_CLASS		0x020000u	/* Ethernet controller */
#define SIM_PCI_CFG_SIZE	4096u
#define SIM_BAR3_SIZE		(16u * 1024u)	/* MSI-X table and PBA */
#define SIM_SYSFS_DEVICES	"sys/bus/pci/devices"	/* under the run dir */
#define SIM_UIO_BASE		200u		/* /dev/uio<200 + function> */

/* ---- the run's PCI functions ------------------------------------------ */
/* A kind of PCI function: its default identity and its BAR0. */
struct sim_fn_kind {
	const char *name;
	uint16_t device_id;		/* unless the board names another */
	uint32_t bar0_size;
	/* BAR0 pages left mapped read/write (doorbells the device polls);
	 * every other page of a mapping is trapped
	 */
	bool (*page_polled)(uint32_t off);
};

/* The 82576 port itself: the physical function, the full register map. */
extern const struct sim_fn_kind sim_fn_pf;
/* A virtual function of a port (SR-IOV, datasheet 7.8): 8086:10CA, a
 * 16 KiB BAR0 with the VF register map, every page trapped.
 */
extern const struct sim_fn_kind sim_fn_vf;

#define SIM_VF_DEVICE_ID	0x10cau
/* VFs are 2 routing IDs apart (the 82576's SR-IOV VF stride, 9.6.4); each
 * port's VFs are on bus SIM_VF_BUS0 + port.
 */
#define SIM_VF_RID_STRIDE	2u
#define SIM_VF_BUS0		0x02u

/* One PCI function of the run. Every process lays the list out the same way
 * from the run's configuration, so an index names one function everywhere;
 * a function belongs to the device of one port, and a port may have more
 * than one.
 */
struct sim_fn {
	const struct sim_fn_kind *kind;
	unsigned int index;		/* uio number, BAR addresses */
	uint8_t bus, dev, func;		/* PCI address (domain 0) */
	uint16_t device_id;
	unsigned int port;		/* the port whose device it belongs to */
	unsigned int vf;		/* VF number inside the port (VFs only) */
};

#define SIM_MAX_FNS		(SIM_MAX_PORTS * (1 + SIM_MAX_VFS))
#define SIM_PCI_BDF_LEN		16	/* "0000:00:10.0" and its NUL */

extern struct sim_fn sim_fns[SIM_MAX_FNS];
extern unsigned int sim_nb_fns;

/* Lays out the functions of nb_ports ports, board[i] being port i's
 * --board traits and vfs[i] its number of VFs (vfs may be NULL: none):
 * port i's physical function is 0000:00:10.i, as it was when there was one
 * function per port, and keeps its index; the VFs come after every PF, at
 * the routing IDs the SR-IOV capability gives them.
 */
void sim_fn_layout(unsigned int nb_ports, const char board[][128],
		   const unsigned int *vfs);
/* The physical function of a port, or NULL. */
const struct sim_fn *sim_fn_of_port(unsigned int port);
/* VF vf of a port, or NULL. */
const struct sim_fn *sim_fn_of_vf(unsigned int port, unsigned int vf);
/* The function behind /dev/uio<k>, or NULL. */
const struct sim_fn *sim_fn_of_uio(unsigned int k);
/* "dddd:bb:dd.f" into buf (SIM_PCI_BDF_LEN bytes). */
const char *sim_fn_bdf(const struct sim_fn *fn, char *buf);

/* Bus addresses the fake firmware gave the BARs: 1 MiB apart per function. */
static inline uint64_t sim_pci_bar0_addr(const struct sim_fn *fn)
{
	return 0xf0000000ull + 0x100000ull * fn->index;
}

static inline uint64_t sim_pci_bar3_addr(const struct sim_fn *fn)
{
	return sim_pci_bar0_addr(fn) + 0x80000ull;
}

/* <run>/sys/bus/pci/devices/<bdf>[/name] */
static inline int sim_pci_dev_path(char *buf, size_t n, const char *run,
				   const struct sim_fn *fn, const char *name)
{
	char bdf[SIM_PCI_BDF_LEN];

	return snprintf(buf, n, "%s/" SIM_SYSFS_DEVICES "/%s%s%s", run,
			sim_fn_bdf(fn, bdf), name ? "/" : "", name ? name : "");
}

/* Builds the sysfs directory of one function (launcher). 0 or -errno. */
int sim_pci_create(const char *run, const struct sim_fn *fn);

#endif /* IGBX_SIM_PCI_H */
