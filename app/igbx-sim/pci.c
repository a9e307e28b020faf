/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pci.c - the fake sysfs PCI device of one PCI function: identity files,
 * the kernel's `resource` table, BAR files, a uio_pci_generic binding and the
 * 4 KiB configuration space (82576 datasheet section 9, PCI/PCIe registers).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pci.h"

#define SIM_IORESOURCE_MEM	0x00000200u
#define SIM_IORESOURCE_SIZEALIGN 0x00040000u
#define SIM_PCI_RESOURCES	13	/* lines in the kernel's resource file */

/* Capability offsets in configuration space (datasheet 9.1: PM at 0x40,
 * MSI at 0x50, MSI-X at 0x70, PCIe at 0xA0).
 */
#define CAP_PM		0x40
#define CAP_MSI		0x50
#define CAP_MSIX	0x70
#define CAP_PCIE	0xa0

static void put16(uint8_t *c, unsigned int off, uint16_t v)
{
	c[off] = v & 0xff;
	c[off + 1] = v >> 8;
}

static void put32(uint8_t *c, unsigned int off, uint32_t v)
{
	put16(c, off, v & 0xffff);
	put16(c, off + 2, v >> 16);
}

static void build_capabilities(uint8_t *c)
{
	/* Power management 1.2 (version 3), PME from D0/D3hot/D3cold. */
	c[CAP_PM] = 0x01;
	c[CAP_PM + 1] = CAP_MSI;
	put16(c, CAP_PM + 2, 0xc823);
	/* MSI: 64-bit address, per-vector masking, one message. */
	c[CAP_MSI] = 0x05;
	c[CAP_MSI + 1] = CAP_MSIX;
	put16(c, CAP_MSI + 2, 0x0180);
	/* MSI-X: 10 vectors (N-1 encoded), table BAR3+0, PBA BAR3+0x2000. */
	c[CAP_MSIX] = 0x11;
	c[CAP_MSIX + 1] = CAP_PCIE;
	put16(c, CAP_MSIX + 2, 10 - 1);
	put32(c, CAP_MSIX + 4, 0x00000000 | 3);
	put32(c, CAP_MSIX + 8, 0x00002000 | 3);
	/* PCI Express v2 endpoint, x4 at 2.5 GT/s. */
	c[CAP_PCIE] = 0x10;
	c[CAP_PCIE + 1] = 0x00;
	put16(c, CAP_PCIE + 2, 0x0002);		/* version 2, endpoint */
	put32(c, CAP_PCIE + 4, 0x00008002);	/* devcap: MPS 512, RBER */
	put16(c, CAP_PCIE + 8, 0x2810);		/* devctl: MRRS 512, RO, NS */
	put32(c, CAP_PCIE + 0x0c, 0x00000c41);	/* linkcap: x4, 2.5 GT/s */
	put16(c, CAP_PCIE + 0x12, 0x1041);	/* linksta: x4, 2.5 GT/s */
}

static void build_config(uint8_t *c, const struct sim_fn *fn)
{
	memset(c, 0, SIM_PCI_CFG_SIZE);
	put16(c, 0x00, SIM_PCI_VENDOR);
	put16(c, 0x02, fn->device_id);
	put16(c, 0x04, 0x0002);		/* memory space enabled by firmware */
	put16(c, 0x06, 0x0010);		/* capabilities list present */
	c[0x08] = 0x01;			/* revision */
	c[0x09] = SIM_PCI_CLASS & 0xff;
	c[0x0a] = (SIM_PCI_CLASS >> 8) & 0xff;
	c[0x0b] = SIM_PCI_CLASS >> 16;
	c[0x0e] = 0x00;			/* header type 0 */
	/* BAR0 and BAR3: 32-bit, non-prefetchable memory */
	put32(c, 0x10, (uint32_t)sim_pci_bar0_addr(fn));
	put32(c, 0x1c, (uint32_t)sim_pci_bar3_addr(fn));
	put16(c, 0x2c, SIM_PCI_SUBSYS_VENDOR);
	put16(c, 0x2e, SIM_PCI_SUBSYS_DEVICE);
	c[0x34] = CAP_PM;
	c[0x3c] = 0x0b;			/* interrupt line, informative */
	c[0x3d] = 0x01;			/* INTA# */
	build_capabilities(c);
}

static int write_file(const char *dir, const char *name, const void *data,
		      size_t len)
{
	char path[PATH_MAX];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -errno;
	if (write(fd, data, len) != (ssize_t)len)
		ret = -EIO;
	close(fd);
	return ret;
}

static int write_text(const char *dir, const char *name, const char *text)
{
	return write_file(dir, name, text, strlen(text));
}

/* A zero-filled file of the BAR's size: the shared register file. */
static int create_bar(const char *dir, const char *name, size_t len)
{
	char path[PATH_MAX];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, len) != 0)
		ret = -errno;
	close(fd);
	return ret;
}

/* One "start end flags" line per resource, as the kernel prints it. */
static int write_resource_table(const char *dir, const struct sim_fn *fn)
{
	char text[SIM_PCI_RESOURCES * 64], *t = text;
	uint64_t flags = SIM_IORESOURCE_MEM | SIM_IORESOURCE_SIZEALIGN;
	int i;

	for (i = 0; i < SIM_PCI_RESOURCES; i++) {
		uint64_t start = 0, end = 0, fl = 0;

		if (i == 0) {
			start = sim_pci_bar0_addr(fn);
			end = start + fn->kind->bar0_size - 1;
			fl = flags;
		} else if (i == 3) {
			start = sim_pci_bar3_addr(fn);
			end = start + SIM_BAR3_SIZE - 1;
			fl = flags;
		}
		t += sprintf(t, "0x%016llx 0x%016llx 0x%016llx\n",
			     (unsigned long long)start, (unsigned long long)end,
			     (unsigned long long)fl);
	}
	return write_text(dir, "resource", text);
}

static int mkdir_p(const char *path)
{
	char buf[PATH_MAX];
	char *s;

	snprintf(buf, sizeof(buf), "%s", path);
	for (s = buf + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return -errno;
		*s = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return -errno;
	return 0;
}

static int write_identity(const char *dir, uint16_t device_id)
{
	char v[32];
	int ret = 0;

	snprintf(v, sizeof(v), "0x%04x\n", SIM_PCI_VENDOR);
	ret |= write_text(dir, "vendor", v);
	snprintf(v, sizeof(v), "0x%04x\n", device_id);
	ret |= write_text(dir, "device", v);
	snprintf(v, sizeof(v), "0x%04x\n", SIM_PCI_SUBSYS_VENDOR);
	ret |= write_text(dir, "subsystem_vendor", v);
	snprintf(v, sizeof(v), "0x%04x\n", SIM_PCI_SUBSYS_DEVICE);
	ret |= write_text(dir, "subsystem_device", v);
	snprintf(v, sizeof(v), "0x%06x\n", SIM_PCI_CLASS);
	ret |= write_text(dir, "class", v);
	ret |= write_text(dir, "numa_node", "0\n");
	ret |= write_text(dir, "irq", "11\n");
	return ret ? -EIO : 0;
}

/* uio_pci_generic binding: the driver link DPDK classifies the device by,
 * and uio/uio<K>/ that names the /dev/uio<K> the preload library fakes.
 */
static int write_uio_binding(const char *run, const char *dir, unsigned int uio)
{
	char path[PATH_MAX], v[32];
	int ret;

	snprintf(path, sizeof(path), "%s/sys/bus/pci/drivers/uio_pci_generic",
		 run);
	ret = mkdir_p(path);
	if (ret)
		return ret;
	if (snprintf(path, sizeof(path), "%s/driver", dir) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	if (symlink("../../drivers/uio_pci_generic", path) != 0 &&
	    errno != EEXIST)
		return -errno;
	if (snprintf(path, sizeof(path), "%s/uio/uio%u", dir, uio) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	ret = mkdir_p(path);
	if (ret)
		return ret;
	snprintf(v, sizeof(v), "243:%u\n", uio);
	return write_text(path, "dev", v);
}

/* The SR-IOV files the kernel shows: on a PF sriov_totalvfs, sriov_numvfs
 * and a virtfn<n> link per VF; on a VF its physfn link.
 */
static int write_sriov(const char *dir, const struct sim_fn *fn)
{
	char path[PATH_MAX], target[64], bdf[SIM_PCI_BDF_LEN], v[16];
	unsigned int i, nb = 0;
	int ret;

	if (fn->kind == &sim_fn_vf) {
		snprintf(target, sizeof(target), "../%s",
			 sim_fn_bdf(sim_fn_of_port(fn->port), bdf));
		if (snprintf(path, sizeof(path), "%s/physfn", dir) >=
		    (int)sizeof(path))
			return -ENAMETOOLONG;
		return symlink(target, path) && errno != EEXIST ? -errno : 0;
	}
	for (i = 0; i < SIM_MAX_VFS; i++) {
		const struct sim_fn *vf = sim_fn_of_vf(fn->port, i);

		if (!vf)
			break;
		nb++;
		snprintf(target, sizeof(target), "../%s", sim_fn_bdf(vf, bdf));
		if (snprintf(path, sizeof(path), "%s/virtfn%u", dir, i) >=
		    (int)sizeof(path))
			return -ENAMETOOLONG;
		if (symlink(target, path) && errno != EEXIST)
			return -errno;
	}
	if (!nb)
		return 0;	/* a port without VFs looks as it always did */
	snprintf(v, sizeof(v), "%u\n", SIM_MAX_VFS);
	ret = write_text(dir, "sriov_totalvfs", v);
	snprintf(v, sizeof(v), "%u\n", nb);
	return ret ? ret : write_text(dir, "sriov_numvfs", v);
}

int sim_pci_create(const char *run, const struct sim_fn *fn)
{
	static uint8_t cfg[SIM_PCI_CFG_SIZE];
	char dir[PATH_MAX];
	int ret;

	sim_pci_dev_path(dir, sizeof(dir), run, fn, NULL);
	ret = mkdir_p(dir);
	if (ret)
		return ret;
	build_config(cfg, fn);
	ret = write_identity(dir, fn->device_id);
	if (!ret)
		ret = write_resource_table(dir, fn);
	if (!ret)
		ret = write_file(dir, "config", cfg, sizeof(cfg));
	if (!ret)
		ret = create_bar(dir, "resource0", fn->kind->bar0_size);
	if (!ret)
		ret = create_bar(dir, "resource3", SIM_BAR3_SIZE);
	if (!ret)
		ret = write_uio_binding(run, dir, SIM_UIO_BASE + fn->index);
	if (!ret)
		ret = write_sriov(dir, fn);
	return ret;
}
