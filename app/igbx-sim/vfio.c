/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * vfio.c - the VFIO user API of a port shown bound to vfio-pci, in no-IOMMU
 * mode: the container (/dev/vfio/vfio), the group (/dev/vfio/noiommu-<N>),
 * the device fd (regions: BAR0 mappable, BAR3 with the MSI-X table not,
 * configuration space) and its interrupts (INTx, MSI, MSI-X: one eventfd per
 * vector, signalled when the device sends that vector's message).
 * Region offsets: index << 40, as vfio-pci (EAL computes them itself). The
 * device fd is the function's config file: pread/pwrite of the configuration
 * region go to it, the BAR0 region maps the function's resource0.
 */
#undef _FILE_OFFSET_BITS
#undef _FORTIFY_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/vfio.h>

#include "pci.h"
#include "platform.h"
#include "vfio.h"

#define VFIO_MAX_FD		65536	/* EAL raises RLIMIT_NOFILE to 20000 */
#define VFIO_REGION_SHIFT	40
#define VFIO_MODULE_PARAM	"/sys/module/vfio/parameters/enable_unsafe_noiommu_mode"

enum vfio_fd_kind { VFD_NONE, VFD_CONTAINER, VFD_GROUP, VFD_DEVICE };

struct vfio_fd {
	enum vfio_fd_kind kind;
	unsigned int port;
	bool container_set;		/* group: VFIO_GROUP_SET_CONTAINER done */
	bool iommu_set;			/* container: VFIO_SET_IOMMU done */
};

/* Per port: the eventfds the application gave VFIO_DEVICE_SET_IRQS (our
 * own dup()s, closed when it takes them back) and what was delivered. */
struct vfio_irqs {
	pthread_mutex_t lock;
	int intx_fd, msi_fd, req_fd;
	int msix_fd[SIM_MSIX_VECTORS];
	bool intx_masked, intx_pending;	/* vfio-pci masks INTx when it fires */
	_Atomic uint64_t msix_count[SIM_MSIX_VECTORS];
	_Atomic uint64_t intx_count, msi_count;
};

static struct vfio_fd vfio_fds[VFIO_MAX_FD];
static struct vfio_irqs vfio_irq[SIM_MAX_PORTS];
static pthread_once_t vfio_once = PTHREAD_ONCE_INIT;
static int (*real_close)(int);
static int (*real_ioctl)(int, unsigned long, ...);
static int (*real_stat)(const char *, struct stat *);
static ssize_t (*real_pread)(int, void *, size_t, off_t);
static ssize_t (*real_pwrite)(int, const void *, size_t, off_t);

static void vfio_init(void)
{
	unsigned int i, v;

	real_close = dlsym(RTLD_NEXT, "close");
	real_ioctl = dlsym(RTLD_NEXT, "ioctl");
	real_stat = dlsym(RTLD_NEXT, "stat");
	real_pread = dlsym(RTLD_NEXT, "pread64");
	real_pwrite = dlsym(RTLD_NEXT, "pwrite64");
	for (i = 0; i < SIM_MAX_PORTS; i++) {
		pthread_mutex_init(&vfio_irq[i].lock, NULL);
		vfio_irq[i].intx_fd = vfio_irq[i].msi_fd = vfio_irq[i].req_fd = -1;
		for (v = 0; v < SIM_MSIX_VECTORS; v++)
			vfio_irq[i].msix_fd[v] = -1;
	}
}

static void vfio_ready(void)
{
	pthread_once(&vfio_once, vfio_init);
}

static bool vfio_any(void)
{
	unsigned int i;

	if (!sim_run_dir[0])
		return false;
	for (i = 0; i < sim_cfg.nb_ports && i < SIM_MAX_PORTS; i++)
		if (sim_cfg.vfio[i])
			return true;
	return false;
}

uint64_t sim_vfio_intx_count(unsigned int port, bool msi)
{
	if (port >= SIM_MAX_PORTS)
		return 0;
	return atomic_load(msi ? &vfio_irq[port].msi_count : &vfio_irq[port].intx_count);
}

bool sim_vfio_port(unsigned int port)
{
	return sim_run_dir[0] && port < SIM_MAX_PORTS && sim_cfg.vfio[port];
}

static struct vfio_fd *vfio_fd_of(int fd)
{
	if (fd < 0 || fd >= VFIO_MAX_FD || vfio_fds[fd].kind == VFD_NONE)
		return NULL;
	return &vfio_fds[fd];
}

static int vfio_track(int fd, enum vfio_fd_kind kind, unsigned int port)
{
	if (fd < 0)
		return fd;
	if (fd >= VFIO_MAX_FD) {
		real_close(fd);
		errno = EMFILE;
		return -1;
	}
	vfio_fds[fd] = (struct vfio_fd){ .kind = kind, .port = port };
	return fd;
}

/*
 * Container and group fds are named memfds, so that a process that
 * received one from another (EAL's secondary processes get them from the
 * primary over its multi-process socket) can tell what it is
 * (vfio_adopt): /proc/self/fd shows "/memfd:<name> (deleted)".
 */
#define VFIO_MEMFD_CONTAINER	"igbx-sim-vfio-container"
#define VFIO_MEMFD_GROUP	"igbx-sim-vfio-group-"

static int vfio_new_fd(enum vfio_fd_kind kind, unsigned int port, int flags)
{
	char name[64];

	if (kind == VFD_CONTAINER)
		snprintf(name, sizeof(name), VFIO_MEMFD_CONTAINER);
	else
		snprintf(name, sizeof(name), VFIO_MEMFD_GROUP "%u", port);
	return memfd_create(name, (flags & O_CLOEXEC) ? MFD_CLOEXEC : 0);
}

/* An fd this process did not open: a container or group fd passed from
 * another process of the run, or not VFIO's (NULL). */
static struct vfio_fd *vfio_adopt(int fd)
{
	char link[64], target[PATH_MAX];
	unsigned int port;
	ssize_t n;

	if (fd < 0 || fd >= VFIO_MAX_FD)
		return NULL;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return NULL;
	target[n] = '\0';
	if (!strncmp(target, "/memfd:" VFIO_MEMFD_CONTAINER " ",
		     strlen("/memfd:" VFIO_MEMFD_CONTAINER " ")))
		vfio_track(fd, VFD_CONTAINER, 0);
	else if (sscanf(target, "/memfd:" VFIO_MEMFD_GROUP "%u", &port) == 1 &&
		 sim_vfio_port(port))
		vfio_track(fd, VFD_GROUP, port);
	else
		return NULL;
	return &vfio_fds[fd];
}

/* The port whose function is in iommu group n and bound to vfio-pci. */
static int vfio_port_of_group(unsigned int n)
{
	unsigned int port;

	for (port = 0; port < sim_cfg.nb_ports; port++) {
		const struct sim_fn *fn = sim_fn_of_port(port);

		if (fn && sim_cfg.vfio[port] &&
		    SIM_VFIO_GROUP_BASE + fn->index == n)
			return (int)port;
	}
	return -1;
}

int sim_vfio_open(const char *path, int flags)
{
	char real[PATH_MAX];
	unsigned int n;
	int k = 0, port;

	if (!path || strncmp(path, "/dev/vfio/", 10) || !vfio_any()) {
		if (path && !strcmp(path, VFIO_MODULE_PARAM) && vfio_any()) {
			snprintf(real, sizeof(real), "%s/" SIM_VFIO_NOIOMMU_FILE,
				 sim_run_dir);
			return sim_real_open(real, flags, 0);
		}
		return -2;
	}
	vfio_ready();
	if (!strcmp(path, "/dev/vfio/vfio"))
		return vfio_track(vfio_new_fd(VFD_CONTAINER, 0, flags), VFD_CONTAINER, 0);
	/* no-IOMMU groups only: /dev/vfio/<N> does not exist */
	if (sscanf(path, "/dev/vfio/noiommu-%u%n", &n, &k) != 1 || path[k]) {
		errno = ENOENT;
		return -1;
	}
	port = vfio_port_of_group(n);
	if (port < 0) {
		errno = ENOENT;
		return -1;
	}
	return vfio_track(vfio_new_fd(VFD_GROUP, (unsigned int)port, flags),
			  VFD_GROUP, (unsigned int)port);
}

int sim_vfio_stat_path(const char *path, const char **redirect)
{
	if (!path || !vfio_any())
		return -2;
	if (!strcmp(path, "/sys/module/vfio") ||
	    !strcmp(path, "/sys/module/vfio_pci")) {
		*redirect = sim_run_dir;	/* a directory that exists */
		return 0;
	}
	return -2;
}

void sim_vfio_close(int fd)
{
	if (fd >= 0 && fd < VFIO_MAX_FD)
		vfio_fds[fd].kind = VFD_NONE;
}

int sim_vfio_mmap_fd(int fd, off_t off, unsigned int *port)
{
	struct vfio_fd *v = vfio_fd_of(fd);
	char path[PATH_MAX];

	if (!v || v->kind != VFD_DEVICE ||
	    (uint64_t)off != (uint64_t)VFIO_PCI_BAR0_REGION_INDEX << VFIO_REGION_SHIFT)
		return -2;
	*port = v->port;
	sim_pci_dev_path(path, sizeof(path), sim_run_dir, sim_fn_of_port(v->port),
			 "resource0");
	return sim_real_open(path, O_RDWR | O_CLOEXEC, 0);
}

/* ---- ioctls ------------------------------------------------------------ */

static int vfio_container_ioctl(struct vfio_fd *v, unsigned long req,
				unsigned long arg)
{
	switch (req) {
	case VFIO_GET_API_VERSION:
		return VFIO_API_VERSION;
	case VFIO_CHECK_EXTENSION:
		return arg == VFIO_NOIOMMU_IOMMU;
	case VFIO_SET_IOMMU:
		if (arg != VFIO_NOIOMMU_IOMMU) {
			errno = EINVAL;
			return -1;
		}
		v->iommu_set = true;
		return 0;
	default:
		errno = ENOTTY;
		return -1;
	}
}

static int vfio_group_ioctl(struct vfio_fd *v, unsigned long req, void *arg)
{
	struct vfio_group_status *st = arg;
	char bdf[SIM_PCI_BDF_LEN], path[PATH_MAX];
	struct vfio_fd *c;
	const struct sim_fn *fn = sim_fn_of_port(v->port);

	switch (req) {
	case VFIO_GROUP_GET_STATUS:
		st->flags = VFIO_GROUP_FLAGS_VIABLE |
			    (v->container_set ? VFIO_GROUP_FLAGS_CONTAINER_SET : 0);
		return 0;
	case VFIO_GROUP_SET_CONTAINER:
		c = vfio_fd_of(*(int *)arg);
		if (!c)
			c = vfio_adopt(*(int *)arg);
		if (!c || c->kind != VFD_CONTAINER) {
			errno = EINVAL;
			return -1;
		}
		v->container_set = true;
		return 0;
	case VFIO_GROUP_UNSET_CONTAINER:
		v->container_set = false;
		return 0;
	case VFIO_GROUP_GET_DEVICE_FD:
		if (!v->container_set || strcmp(arg, sim_fn_bdf(fn, bdf))) {
			errno = EINVAL;
			return -1;
		}
		sim_pci_dev_path(path, sizeof(path), sim_run_dir, fn, "config");
		return vfio_track(sim_real_open(path, O_RDWR | O_CLOEXEC, 0),
				  VFD_DEVICE, v->port);
	default:
		errno = ENOTTY;
		return -1;
	}
}

static int vfio_region_info(const struct sim_fn *fn, struct vfio_region_info *ri)
{
	uint32_t rw = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;

	if (ri->index >= VFIO_PCI_NUM_REGIONS) {
		errno = EINVAL;
		return -1;
	}
	ri->cap_offset = 0;
	ri->flags = 0;
	ri->size = 0;
	ri->offset = (uint64_t)ri->index << VFIO_REGION_SHIFT;
	switch (ri->index) {
	case VFIO_PCI_BAR0_REGION_INDEX:
		ri->size = fn->kind->bar0_size;
		ri->flags = rw | VFIO_REGION_INFO_FLAG_MMAP;
		break;
	case VFIO_PCI_BAR3_REGION_INDEX:
		/* the MSI-X table is the kernel's: not mappable, not modelled */
		ri->size = SIM_BAR3_SIZE;
		ri->flags = rw;
		break;
	case VFIO_PCI_CONFIG_REGION_INDEX:
		ri->size = SIM_PCI_CFG_SIZE;
		ri->flags = rw;
		break;
	}
	return 0;
}

static int vfio_irq_info(struct vfio_irq_info *ii)
{
	switch (ii->index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		ii->count = 1;
		ii->flags = VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_MASKABLE |
			    VFIO_IRQ_INFO_AUTOMASKED;
		return 0;
	case VFIO_PCI_MSI_IRQ_INDEX:
		ii->count = 1;
		ii->flags = VFIO_IRQ_INFO_EVENTFD;
		return 0;
	case VFIO_PCI_MSIX_IRQ_INDEX:
		ii->count = SIM_MSIX_VECTORS;
		ii->flags = VFIO_IRQ_INFO_EVENTFD | VFIO_IRQ_INFO_NORESIZE;
		return 0;
	case VFIO_PCI_REQ_IRQ_INDEX:
		/* the kernel's request to release the device: never sent here */
		ii->count = 1;
		ii->flags = VFIO_IRQ_INFO_EVENTFD;
		return 0;
	case VFIO_PCI_ERR_IRQ_INDEX:
		ii->count = 0;
		ii->flags = 0;
		return 0;
	default:
		errno = EINVAL;
		return -1;
	}
}

static void vfio_put_fd(int *slot, int fd)
{
	if (*slot >= 0)
		real_close(*slot);
	*slot = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 0) : -1;
}

static void vfio_intx_fire(struct vfio_irqs *q);
static void vfio_kick(int fd);

static int vfio_set_irqs(unsigned int port, struct vfio_irq_set *s)
{
	struct vfio_irqs *q = &vfio_irq[port];
	uint32_t data = s->flags & VFIO_IRQ_SET_DATA_TYPE_MASK;
	uint32_t action = s->flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;
	const int32_t *fds = (const int32_t *)s->data;
	uint32_t i, max;
	int *slots;

	switch (s->index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		slots = &q->intx_fd;
		max = 1;
		break;
	case VFIO_PCI_MSI_IRQ_INDEX:
		slots = &q->msi_fd;
		max = 1;
		break;
	case VFIO_PCI_REQ_IRQ_INDEX:
		slots = &q->req_fd;
		max = 1;
		break;
	case VFIO_PCI_MSIX_IRQ_INDEX:
		slots = q->msix_fd;
		max = SIM_MSIX_VECTORS;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	if (s->start + s->count > max && !(data == VFIO_IRQ_SET_DATA_NONE &&
					   s->count == 0)) {
		errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&q->lock);
	if (action == VFIO_IRQ_SET_ACTION_TRIGGER && data == VFIO_IRQ_SET_DATA_NONE &&
	    s->count == 0) {
		for (i = 0; i < max; i++)	/* disable the index */
			vfio_put_fd(&slots[i], -1);
	} else if (action == VFIO_IRQ_SET_ACTION_TRIGGER &&
		   data == VFIO_IRQ_SET_DATA_EVENTFD) {
		for (i = 0; i < s->count; i++)
			vfio_put_fd(&slots[s->start + i], fds[i]);
		if (s->index == VFIO_PCI_INTX_IRQ_INDEX)
			q->intx_masked = false;
	} else if (s->index == VFIO_PCI_INTX_IRQ_INDEX &&
		   data == VFIO_IRQ_SET_DATA_NONE) {
		q->intx_masked = action == VFIO_IRQ_SET_ACTION_MASK;
		if (!q->intx_masked && q->intx_pending)
			vfio_intx_fire(q);
	} else if (data == VFIO_IRQ_SET_DATA_NONE &&
		   action == VFIO_IRQ_SET_ACTION_TRIGGER) {
		/* the user triggers the vectors itself (loopback) */
		for (i = 0; i < s->count; i++)
			vfio_kick(slots[s->start + i]);
	}
	pthread_mutex_unlock(&q->lock);
	return 0;
}

static int vfio_device_ioctl(struct vfio_fd *v, unsigned long req, void *arg)
{
	const struct sim_fn *fn = sim_fn_of_port(v->port);
	struct vfio_device_info *di = arg;

	switch (req) {
	case VFIO_DEVICE_GET_INFO:
		di->flags = VFIO_DEVICE_FLAGS_PCI | VFIO_DEVICE_FLAGS_RESET;
		di->num_regions = VFIO_PCI_NUM_REGIONS;
		di->num_irqs = VFIO_PCI_NUM_IRQS;
		return 0;
	case VFIO_DEVICE_GET_REGION_INFO:
		return vfio_region_info(fn, arg);
	case VFIO_DEVICE_GET_IRQ_INFO:
		return vfio_irq_info(arg);
	case VFIO_DEVICE_SET_IRQS:
		return vfio_set_irqs(v->port, arg);
	case VFIO_DEVICE_RESET:
		/* function level reset: not modelled; the drivers reset the
		 * MAC themselves (CTRL.RST) right after */
		return 0;
	default:
		errno = ENOTTY;
		return -1;
	}
}

int sim_vfio_ioctl(int fd, unsigned long req, void *arg)
{
	struct vfio_fd *v = vfio_fd_of(fd);

	/* VFIO's ioctls are type ';' (VFIO_TYPE): other fds pay no lookup */
	if (!v && _IOC_TYPE(req) == VFIO_TYPE && vfio_any())
		v = vfio_adopt(fd);
	if (!v)
		return -2;
	switch (v->kind) {
	case VFD_CONTAINER:
		return vfio_container_ioctl(v, req, (unsigned long)arg);
	case VFD_GROUP:
		return vfio_group_ioctl(v, req, arg);
	case VFD_DEVICE:
		return vfio_device_ioctl(v, req, arg);
	default:
		return -2;
	}
}

/* ---- interrupt delivery ------------------------------------------------ */

static void vfio_kick(int fd)
{
	uint64_t one = 1;

	if (fd >= 0 && write(fd, &one, sizeof(one)) != sizeof(one))
		sim_debug_log("vfio: eventfd %d: %s", fd, strerror(errno));
}

static void vfio_intx_fire(struct vfio_irqs *q)
{
	if (q->intx_masked) {
		q->intx_pending = true;
		return;
	}
	q->intx_pending = false;
	q->intx_masked = true;	/* automasked until VFIO_IRQ_SET_ACTION_UNMASK */
	vfio_kick(q->intx_fd);
}

/*
 * With MSI-X enabled (the application gave MSI-X eventfds), GPIE's MSI-X
 * mode sends each fired EICR bit as its own vector's message; without it
 * the one interrupt goes out as vector 0 (7.3.1). Otherwise MSI, else INTx.
 */
bool sim_vfio_signal(struct sim_port *p, bool msix, uint32_t vectors)
{
	struct vfio_irqs *q;
	unsigned int v;
	bool msix_on = false;

	if (!sim_vfio_port(p->id))
		return false;
	vfio_ready();
	q = &vfio_irq[p->id];
	pthread_mutex_lock(&q->lock);
	for (v = 0; v < SIM_MSIX_VECTORS; v++)
		msix_on |= q->msix_fd[v] >= 0;
	if (msix_on) {
		if (!msix)
			vectors = 1;
		for (v = 0; v < SIM_MSIX_VECTORS; v++) {
			if (!(vectors & (1u << v)) || q->msix_fd[v] < 0)
				continue;
			atomic_fetch_add(&q->msix_count[v], 1);
			vfio_kick(q->msix_fd[v]);
		}
	} else if (q->msi_fd >= 0) {
		atomic_fetch_add(&q->msi_count, 1);
		vfio_kick(q->msi_fd);
	} else if (q->intx_fd >= 0) {
		atomic_fetch_add(&q->intx_count, 1);
		vfio_intx_fire(q);
	}
	pthread_mutex_unlock(&q->lock);
	return true;
}

uint64_t sim_vfio_vector_count(unsigned int port, unsigned int v)
{
	if (port >= SIM_MAX_PORTS || v >= SIM_MSIX_VECTORS)
		return 0;
	return atomic_load(&vfio_irq[port].msix_count[v]);
}

/* ---- interposers -------------------------------------------------------- */

int ioctl(int fd, unsigned long req, ...)
{
	va_list ap;
	void *arg;
	int ret;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	vfio_ready();
	ret = sim_vfio_ioctl(fd, req, arg);
	return ret != -2 ? ret : real_ioctl(fd, req, arg);
}

int close(int fd)
{
	vfio_ready();
	sim_vfio_close(fd);
	return real_close(fd);
}

int stat(const char *path, struct stat *st)
{
	const char *to = path;

	vfio_ready();
	sim_vfio_stat_path(path, &to);
	return real_stat(to, st);
}

int stat64(const char *path, struct stat64 *st)
{
	return stat(path, (struct stat *)st);
}

/* The device fd's configuration region: the config file from offset 0;
 * other regions are not read or written through the fd (BAR0 is mapped). */
static bool vfio_cfg_offset(int fd, off_t *off)
{
	struct vfio_fd *v = vfio_fd_of(fd);
	uint64_t base = (uint64_t)VFIO_PCI_CONFIG_REGION_INDEX << VFIO_REGION_SHIFT;

	if (!v || v->kind != VFD_DEVICE)
		return false;
	if ((uint64_t)*off < base || (uint64_t)*off >= base + SIM_PCI_CFG_SIZE)
		*off = -1;
	else
		*off -= base;
	return true;
}

ssize_t pread64(int fd, void *buf, size_t n, off_t off)
{
	vfio_ready();
	if (vfio_cfg_offset(fd, &off) && off < 0) {
		errno = EINVAL;
		return -1;
	}
	return real_pread(fd, buf, n, off);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return pread64(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	vfio_ready();
	if (vfio_cfg_offset(fd, &off) && off < 0) {
		errno = EINVAL;
		return -1;
	}
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return pwrite64(fd, buf, n, off);
}
