/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pci.h - how a simulated port presents itself on the PCI bus: its address,
 * BARs and the fake sysfs files that DPDK's PCI bus scan and UIO mapping read.
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
#define SIM_PCI_BDF_FMT		"0000:00:10.%u"
#define SIM_PCI_CFG_SIZE	4096u
#define SIM_BAR3_SIZE		(16u * 1024u)	/* MSI-X table and PBA */
#define SIM_SYSFS_DEVICES	"sys/bus/pci/devices"	/* under the run dir */

/* Bus addresses the fake firmware gave the BARs: 1 MiB apart per port. */
static inline uint64_t sim_pci_bar0_addr(unsigned int port)
{
	return 0xf0000000ull + 0x100000ull * port;
}

static inline uint64_t sim_pci_bar3_addr(unsigned int port)
{
	return sim_pci_bar0_addr(port) + 0x80000ull;
}

/* <run>/sys/bus/pci/devices/<bdf>[/name] */
static inline int sim_pci_dev_path(char *buf, size_t n, const char *run,
				   unsigned int port, const char *name)
{
	return snprintf(buf, n, "%s/" SIM_SYSFS_DEVICES "/" SIM_PCI_BDF_FMT
			"%s%s", run, port, name ? "/" : "", name ? name : "");
}

/* Builds the sysfs directory of one port (launcher), presenting PCI device
 * id device_id (the board's). 0 or -errno.
 */
int sim_pci_create(const char *run, unsigned int port, unsigned int uio,
		   uint16_t device_id);

#endif /* IGBX_SIM_PCI_H */
