/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * preload.c - the simulator inside the application: attaches to the run's
 * ports, elects the primary process, fakes /dev/uio<K> and the uio config
 * file, arms MMIO traps on BAR0 mappings, delivers INTx over the uio channel.
 */
/* The interposers define open/open64, mmap/mmap64... themselves: the
 * build's 64-bit file offset redirection and fortify wrappers must not
 * rename them.
 */
#undef _FILE_OFFSET_BITS
#undef _FORTIFY_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pci.h"
#include "platform.h"
#include "vfio.h"

struct sim_port sim_ports[SIM_MAX_PORTS];
unsigned int sim_nb_ports;
struct sim_config sim_cfg;
char sim_run_dir[1024];
bool sim_debug;
cpu_set_t sim_start_cpus;

static int (*real_open)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static void *(*real_mmap)(void *, size_t, int, int, int, off_t);
static int (*real_munmap)(void *, size_t);
static pthread_once_t attach_once = PTHREAD_ONCE_INIT;
static _Atomic bool irq_pending[SIM_MAX_PORTS];
static _Atomic uint32_t irq_count[SIM_MAX_PORTS];
static uint32_t irq_seq_seen[SIM_MAX_PORTS];

static void resolve_real(void)
{
	if (real_open)
		return;
	real_openat = dlsym(RTLD_NEXT, "openat");
	real_mmap = dlsym(RTLD_NEXT, "mmap");
	real_munmap = dlsym(RTLD_NEXT, "munmap");
	real_open = dlsym(RTLD_NEXT, "open");
}

static void log_va(const char *fmt, va_list ap)
{
	char buf[512];
	int n;

	n = snprintf(buf, sizeof(buf), "igbx-sim: ");
	n += vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
	if (n > (int)sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	if (buf[n - 1] != '\n')
		buf[n++] = '\n';
	if (write(STDERR_FILENO, buf, n) < 0)
		return;
}

void sim_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_va(fmt, ap);
	va_end(ap);
}

void sim_debug_log(const char *fmt, ...)
{
	va_list ap;

	if (!sim_debug)
		return;
	va_start(ap, fmt);
	log_va(fmt, ap);
	va_end(ap);
}

int sim_real_open(const char *path, int flags, int mode)
{
	resolve_real();
	return real_open(path, flags, mode);
}

void *sim_real_mmap(void *addr, size_t len, int prot, int flags, int fd,
		    long off)
{
	resolve_real();
	return real_mmap(addr, len, prot, flags, fd, off);
}

/* <run>/config, written by the launcher: "key value" lines. */
static void read_config(void)
{
	char path[PATH_MAX], line[512], key[32], val[256];
	unsigned int port;
	FILE *f;

	sim_cfg.nb_ports = 0;
	snprintf(path, sizeof(path), "%s/" SIM_CONFIG_FILE, sim_run_dir);
	f = fopen(path, "re");
	if (!f) {
		sim_log("%s: %s", path, strerror(errno));
		return;
	}
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "ports %u", &sim_cfg.nb_ports) == 1)
			continue;
		if (sscanf(line, "wire %31s", key) == 1) {
			sim_cfg.wire = !strcmp(key, "tap") ? SIM_WIRE_TAP :
				       !strcmp(key, "none") ? SIM_WIRE_NONE :
				       SIM_WIRE_PAIR;
		} else if (sscanf(line, "tap_name %63s", sim_cfg.tap_name) == 1) {
			continue;
		} else if (sscanf(line, "%31s %u %255[^\n]", key, &port, val) == 3 &&
			   port < SIM_MAX_PORTS) {
			if (!strcmp(key, "pcap_in"))
				snprintf(sim_cfg.pcap_in[port], 256, "%s", val);
			else if (!strcmp(key, "pcap_out"))
				snprintf(sim_cfg.pcap_out[port], 256, "%s", val);
			else if (!strcmp(key, "vfs"))
				sim_cfg.vfs[port] = (unsigned int)strtoul(val, NULL, 10);
			else if (!strcmp(key, "kdrv"))
				sim_cfg.vfio[port] = !strcmp(val, "vfio-pci");
			else if (!strcmp(key, "board"))
				snprintf(sim_cfg.board[port], sizeof(sim_cfg.board[0]),
					 "%.127s", val);
		}
	}
	fclose(f);
	if (sim_cfg.nb_ports > SIM_MAX_PORTS)
		sim_cfg.nb_ports = SIM_MAX_PORTS;
	for (port = 0; port < SIM_MAX_PORTS; port++)
		if (sim_cfg.vfs[port] > SIM_MAX_VFS)
			sim_cfg.vfs[port] = SIM_MAX_VFS;
	sim_fn_layout(sim_cfg.nb_ports, sim_cfg.board, sim_cfg.vfs);
}

__attribute__((constructor)) static void sim_preload_init(void)
{
	const char *run = getenv("IGBX_SIM_RUN_DIR");
	const char *dbg = getenv("IGBX_SIM_DEBUG");
	char canon[PATH_MAX];

	resolve_real();
	if (!run || !*run)
		return;
	if (sched_getaffinity(0, sizeof(sim_start_cpus), &sim_start_cpus))
		CPU_ZERO(&sim_start_cpus);
	if (!realpath(run, canon) || strlen(canon) >= sizeof(sim_run_dir)) {
		sim_log("IGBX_SIM_RUN_DIR %s: not usable", run);
		return;
	}
	memcpy(sim_run_dir, canon, strlen(canon) + 1);
	sim_debug = dbg && *dbg && strcmp(dbg, "0");
	read_config();
}

static void *map_file(const char *path, size_t len, int *fdp)
{
	void *va;
	int fd;

	fd = sim_real_open(path, O_RDWR | O_CLOEXEC, 0);
	if (fd < 0) {
		sim_log("%s: %s", path, strerror(errno));
		return NULL;
	}
	va = real_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (fdp)
		*fdp = fd;
	else
		close(fd);
	if (va == MAP_FAILED) {
		sim_log("mmap %s: %s", path, strerror(errno));
		return NULL;
	}
	return va;
}

static int map_port(struct sim_port *p, unsigned int id)
{
	const struct sim_fn *fn = sim_fn_of_port(id);
	char path[PATH_MAX];

	if (!fn)
		return -1;
	memset(p, 0, sizeof(*p));
	p->id = id;
	p->irq_fd = p->cfg_fd = p->tap_fd = -1;
	p->nb_vfs = sim_cfg.vfs[id];
	sim_pci_dev_path(path, sizeof(path), sim_run_dir, fn, "resource0");
	p->bar = map_file(path, fn->kind->bar0_size, NULL);
	snprintf(path, sizeof(path), "%s/port%u.state", sim_run_dir, id);
	p->sh = map_file(path, sizeof(struct sim_shared), NULL);
	sim_pci_dev_path(path, sizeof(path), sim_run_dir, fn, "config");
	p->cfg_fd = sim_real_open(path, O_RDWR | O_CLOEXEC, 0);
	if (!p->bar || !p->sh || p->cfg_fd < 0)
		return -1;
	p->wire = sim_cfg.pcap_in[id][0] || sim_cfg.pcap_out[id][0] ?
		  SIM_WIRE_PCAP : sim_cfg.wire;
	if (sim_cfg.board[id][0]) {
		const char *bad;

		if (sim_board_parse(sim_cfg.board[id], &p->board, &bad))
			sim_log("port %u: board trait %s unknown", id, bad);
	}
	return 0;
}

/* The first process of the run to reach the device runs it; the lock is
 * held until that process exits.
 */
static bool elect_primary(void)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/" SIM_PRIMARY_LOCK, sim_run_dir);
	fd = sim_real_open(path, O_RDWR | O_CLOEXEC, 0);
	if (fd < 0)
		return false;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return false;
	}
	return true;	/* fd stays open: the lock lives as long as we do */
}

static void start_primary(void)
{
	unsigned int i;

	for (i = 0; i < sim_nb_ports; i++) {
		struct sim_port *p = &sim_ports[i];

		p->primary = true;
		sim_port_lock(p);
		if (p->sh->magic == 0) {
			sim_port_power_on(p);
			if (p->sh->magic == 0)
				p->sh->magic = SIM_SHARED_MAGIC;
		}
		sim_port_unlock(p);
		sim_wire_open(p);
	}
	for (i = 0; i < sim_nb_ports; i++)
		sim_wire_plug(&sim_ports[i], sim_ports[i].wire != SIM_WIRE_NONE);
	if (sim_devthread_start() || sim_ctl_start())
		sim_log("cannot start the device: the run will not work");
}

static void attach(void)
{
	unsigned int i;

	for (i = 0; i < sim_cfg.nb_ports; i++) {
		if (map_port(&sim_ports[i], i)) {
			sim_log("cannot attach port %u", i);
			return;
		}
	}
	sim_nb_ports = sim_cfg.nb_ports;
	/* port 2k <-> 2k+1, when both ends are on the pair wire */
	for (i = 0; i < sim_nb_ports; i++)
		if ((i ^ 1) < sim_nb_ports && sim_ports[i].wire == SIM_WIRE_PAIR &&
		    sim_ports[i ^ 1].wire == SIM_WIRE_PAIR)
			sim_ports[i].peer = &sim_ports[i ^ 1];
	sim_trap_install();
	if (elect_primary())
		start_primary();
	sim_debug_log("attached %u ports as %s (pid %d)", sim_nb_ports,
		      sim_ports[0].primary ? "primary" : "secondary",
		      (int)getpid());
}

static void ensure_attached(void)
{
	pthread_once(&attach_once, attach);
}

int sim_thread_start(pthread_t *tid, void *(*fn)(void *), void *arg,
		     const char *name)
{
	pthread_attr_t attr;
	sigset_t all, old;
	int ret;

	pthread_attr_init(&attr);
	if (CPU_COUNT(&sim_start_cpus))
		pthread_attr_setaffinity_np(&attr, sizeof(sim_start_cpus),
					    &sim_start_cpus);
	sigfillset(&all);
	sigdelset(&all, SIGSEGV);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	ret = pthread_create(tid, &attr, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	pthread_attr_destroy(&attr);
	if (ret) {
		sim_log("%s thread: %s", name, strerror(ret));
		return -1;
	}
	pthread_setname_np(*tid, name);
	pthread_detach(*tid);
	return 0;
}

/* ---- interrupts: the uio channel ---------------------------------------- */

/* uio_pci_generic masks INTx (command register bit 10) when it forwards an
 * interrupt, and the application unmasks it through the config file; an
 * interrupt raised while masked waits for the unmask.
 */
void sim_irq_recheck(struct sim_port *p)
{
	uint32_t count, seq;
	uint8_t cmd_hi;

	/* an interrupt another process raised (a VF's mailbox write traps in
	 * the VF's process) reaches the process that holds the channel here
	 */
	seq = atomic_load_explicit(&p->sh->irq_seq, memory_order_relaxed);
	if (seq != irq_seq_seen[p->id]) {
		irq_seq_seen[p->id] = seq;
		if (p->irq_fd >= 0)
			atomic_store(&irq_pending[p->id], true);
	}
	if (!atomic_load_explicit(&irq_pending[p->id], memory_order_relaxed))
		return;
	if (p->irq_fd < 0 || pread(p->cfg_fd, &cmd_hi, 1, 5) != 1)
		return;
	p->sh->irq_enabled = !(cmd_hi & 0x4);
	if ((cmd_hi & 0x4) || !atomic_exchange(&irq_pending[p->id], false))
		return;
	cmd_hi |= 0x4;
	if (pwrite(p->cfg_fd, &cmd_hi, 1, 5) != 1)
		return;
	p->sh->irq_enabled = 0;
	count = atomic_fetch_add(&irq_count[p->id], 1) + 1;
	/* MSG_NOSIGNAL: an application that closed the device gets no SIGPIPE */
	if (send(p->irq_fd, &count, sizeof(count), MSG_NOSIGNAL) < 0)
		sim_debug_log("port %u: interrupt lost: %s", p->id,
			      strerror(errno));
}

/* One interrupt on the uio channel, whatever vector raised it; a process
 * that does not hold the channel bumps the shared count, which the holder
 * picks up in sim_irq_recheck(). */
static void signal_uio(struct sim_port *p)
{
	if (p->irq_fd < 0) {
		atomic_fetch_add(&p->sh->irq_seq, 1);
		return;
	}
	atomic_store(&irq_pending[p->id], true);
	sim_irq_recheck(p);
}

/* MSI-X messages reach vfio-pci's eventfds; under uio there is one
 * channel, and any vector is an interrupt on it. */
void sim_platform_signal_msix(struct sim_port *p, uint32_t vectors)
{
	if (!sim_vfio_signal(p, true, vectors))
		signal_uio(p);
}

void sim_platform_signal_irq(struct sim_port *p)
{
	if (!sim_vfio_signal(p, false, 0))
		signal_uio(p);
}

/* /dev/uio<K>: the application's end of a socketpair whose other end the
 * device writes 4-byte interrupt counts to.
 */
static int open_uio(struct sim_port *p, int flags)
{
	int sv[2], old;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0,
		       sv) != 0)
		return -1;
	if (!(flags & O_CLOEXEC))
		fcntl(sv[0], F_SETFD, 0);
	if (!(flags & O_NONBLOCK))
		fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) & ~O_NONBLOCK);
	old = __atomic_exchange_n(&p->irq_fd, sv[1], __ATOMIC_ACQ_REL);
	if (old >= 0)
		close(old);
	return sv[0];
}

/* A VF's /dev/uio<K>: VFs have no INTx and the model sends them no MSI-X,
 * so nothing is ever written to it; the device end stays open (one per
 * function) so that the application sees a quiet channel, not a hang-up.
 */
static int open_vf_uio(const struct sim_fn *fn, int flags)
{
	static int dev_end[SIM_MAX_FNS] = { [0 ... SIM_MAX_FNS - 1] = -1 };
	int sv[2], old;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	if (!(flags & O_CLOEXEC))
		fcntl(sv[0], F_SETFD, 0);
	if (flags & O_NONBLOCK)
		fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	old = __atomic_exchange_n(&dev_end[fn->index], sv[1], __ATOMIC_ACQ_REL);
	if (old >= 0)
		close(old);
	return sv[0];
}

/* Which function a path names: /dev/uio<K> (*cfg false) or the uio config
 * file (*cfg true); NULL when none.
 */
static const struct sim_fn *match_uio_path(const char *path, bool *cfg)
{
	unsigned int k;
	int n = 0;

	if (!sim_run_dir[0] || !path)
		return NULL;
	if (sscanf(path, "/dev/uio%u%n", &k, &n) == 1 && path[n] == '\0')
		*cfg = false;
	else if (sscanf(path, "/sys/class/uio/uio%u/device/config%n", &k,
			&n) == 1 && path[n] == '\0')
		*cfg = true;
	else
		return NULL;
	return sim_fn_of_uio(k);
}

/* Returns the fd to use, or -2 when the path is not ours. */
static int open_interposed(const char *path, int flags, int mode)
{
	const struct sim_fn *fn;
	char real[PATH_MAX];
	bool cfg;
	int fd;

	fd = sim_vfio_open(path, flags);
	if (fd != -2) {
		if (fd >= 0 || errno != ENOENT)
			ensure_attached();
		return fd;
	}
	fn = match_uio_path(path, &cfg);
	if (!fn)
		return -2;
	ensure_attached();
	if (fn->port >= sim_nb_ports) {
		errno = ENODEV;
		return -1;
	}
	if (!cfg && fn->kind == &sim_fn_vf)
		return open_vf_uio(fn, flags);
	if (!cfg)
		return open_uio(&sim_ports[fn->port], flags);
	sim_pci_dev_path(real, sizeof(real), sim_run_dir, fn, "config");
	return real_open(real, flags, mode);
}

static int mode_arg(int flags, va_list ap)
{
	return (flags & (O_CREAT | O_TMPFILE)) ? va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	int mode, fd;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	resolve_real();
	fd = open_interposed(path, flags, mode);
	return fd != -2 ? fd : real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	int mode, fd;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	resolve_real();
	fd = open_interposed(path, flags, mode);
	return fd != -2 ? fd : real_open(path, flags | O_LARGEFILE, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	int mode, fd = -2;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	resolve_real();
	if (path[0] == '/')
		fd = open_interposed(path, flags, mode);
	return fd != -2 ? fd : real_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	int mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return openat(dirfd, path, flags | O_LARGEFILE, mode);
}

int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);

int __open_2(const char *path, int flags)
{
	return open(path, flags);
}

int __open64_2(const char *path, int flags)
{
	return open64(path, flags);
}

int __openat_2(int dirfd, const char *path, int flags)
{
	return openat(dirfd, path, flags);
}

int __openat64_2(int dirfd, const char *path, int flags)
{
	return openat(dirfd, path, flags | O_LARGEFILE);
}

/* ---- BAR0 mappings --------------------------------------------------- */

/* The function whose resource0 file fd is, or NULL. */
static const struct sim_fn *resource0_fn(int fd)
{
	char link[64], target[PATH_MAX], want[PATH_MAX];
	unsigned int i;
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n <= 0)
		return NULL;
	target[n] = '\0';
	if (strncmp(target, sim_run_dir, strlen(sim_run_dir)))
		return NULL;
	for (i = 0; i < sim_nb_fns; i++) {
		sim_pci_dev_path(want, sizeof(want), sim_run_dir, &sim_fns[i],
				 "resource0");
		if (!strcmp(target, want))
			return &sim_fns[i];
	}
	return NULL;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	const struct sim_fn *fn;
	unsigned int port;
	void *va;
	int bar;

	resolve_real();
	bar = sim_run_dir[0] ? sim_vfio_mmap_fd(fd, off, &port) : -2;
	if (bar != -2) {
		/* a vfio-pci device fd's BAR0 region: the function's resource0 */
		if (bar < 0)
			return MAP_FAILED;
		va = real_mmap(addr, len, prot, flags, bar, 0);
		close(bar);
		ensure_attached();
		if (va != MAP_FAILED && port < sim_nb_ports) {
			sim_trap_add(va, len, &sim_ports[port], &sim_fn_pf, -1);
			sim_debug_log("port %u: BAR0 mapped at %p (vfio)", port, va);
		}
		return va;
	}
	va = real_mmap(addr, len, prot, flags, fd, off);
	if (va == MAP_FAILED || fd < 0 || !sim_run_dir[0] || off != 0)
		return va;
	fn = resource0_fn(fd);
	if (!fn)
		return va;
	ensure_attached();
	if (fn->port < sim_nb_ports) {
		bool vf = fn->kind == &sim_fn_vf;

		sim_trap_add(va, len, &sim_ports[fn->port], fn->kind,
			     vf ? (int)fn->vf : -1);
		sim_debug_log("port %u: %s%.0u BAR0 mapped at %p", fn->port,
			      vf ? "VF " : "PF", vf ? fn->vf : 0, va);
	}
	return va;
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return mmap(addr, len, prot, flags, fd, off);
}

int munmap(void *addr, size_t len)
{
	resolve_real();
	if (sim_run_dir[0])
		sim_trap_forget(addr, len);
	return real_munmap(addr, len);
}
