/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfio.h - a port presented as bound to vfio-pci (no-IOMMU mode): the sysfs
 * side the launcher builds and the VFIO user API the preload library emulates.
 */
#ifndef IGBX_SIM_VFIO_H
#define IGBX_SIM_VFIO_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "sim.h"

struct sim_fn;

#define SIM_VFIO_GROUP_BASE	100u	/* iommu group <100 + function> */
#define SIM_VFIO_NOIOMMU_FILE	"vfio-noiommu"	/* <run>/..., holds "Y" */
#define SIM_MSIX_VECTORS	10u	/* 82576 MSI-X table size (its capability) */

/* launcher: rebinds the function's sysfs directory to vfio-pci. */
int sim_vfio_bind(const char *run, const struct sim_fn *fn);

/* preload: the interposers ask these first. Each returns -2 when the path
 * or fd is not VFIO's. */
int sim_vfio_open(const char *path, int flags);
int sim_vfio_ioctl(int fd, unsigned long req, void *arg);
int sim_vfio_stat_path(const char *path, const char **redirect);
void sim_vfio_close(int fd);
/* A device fd's BAR0 region: the real resource0 fd to map instead, its
 * port in *port; -2 when fd/off is no BAR0 region. */
int sim_vfio_mmap_fd(int fd, off_t off, unsigned int *port);

/* Device side: an interrupt message. In MSI-X mode (GPIE) vectors is the
 * EICR bits that fired; otherwise the single interrupt (vectors ignored).
 * Returns false when the port is not bound to vfio-pci (uio delivers). */
bool sim_vfio_signal(struct sim_port *p, bool msix, uint32_t vectors);
/* Messages sent on MSI-X vector v of port (for the ctl `msix` command). */
uint64_t sim_vfio_vector_count(unsigned int port, unsigned int v);
/* Interrupts sent as INTx (msi false) or MSI. */
uint64_t sim_vfio_intx_count(unsigned int port, bool msi);
bool sim_vfio_port(unsigned int port);

#endif /* IGBX_SIM_VFIO_H */
