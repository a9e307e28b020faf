/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfio_sysfs.c - the launcher's half of a vfio-pci binding: the driver link
 * EAL classifies the function by, its iommu_group link (EAL takes the group
 * number from the link's last component) and the no-IOMMU mode parameter.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pci.h"
#include "vfio.h"

static int vfio_link(const char *target, const char *dir, const char *name)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path))
		return -ENAMETOOLONG;
	if (unlink(path) != 0 && errno != ENOENT)
		return -errno;
	return symlink(target, path) != 0 ? -errno : 0;
}

int sim_vfio_bind(const char *run, const struct sim_fn *fn)
{
	char dir[PATH_MAX], path[PATH_MAX], target[64];
	int fd, ret;

	snprintf(path, sizeof(path), "%s/sys/bus/pci/drivers/vfio-pci", run);
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return -errno;
	snprintf(path, sizeof(path), "%s/sys/kernel", run);
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return -errno;
	snprintf(path, sizeof(path), "%s/sys/kernel/iommu_groups", run);
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return -errno;
	snprintf(path, sizeof(path), "%s/sys/kernel/iommu_groups/%u", run,
		 SIM_VFIO_GROUP_BASE + fn->index);
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return -errno;
	sim_pci_dev_path(dir, sizeof(dir), run, fn, NULL);
	ret = vfio_link("../../drivers/vfio-pci", dir, "driver");
	if (ret)
		return ret;
	snprintf(target, sizeof(target), "../../../kernel/iommu_groups/%u",
		 SIM_VFIO_GROUP_BASE + fn->index);
	ret = vfio_link(target, dir, "iommu_group");
	if (ret)
		return ret;
	/* vfio's enable_unsafe_noiommu_mode parameter, as the kernel shows it */
	snprintf(path, sizeof(path), "%s/" SIM_VFIO_NOIOMMU_FILE, run);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	ret = write(fd, "Y\n", 2) == 2 ? 0 : -EIO;
	close(fd);
	return ret;
}
