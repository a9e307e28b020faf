/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * launcher.c - the igbx-sim command: builds a run directory (sysfs tree,
 * state files, config), runs a DPDK application in a private mount namespace
 * with the preload library, and the `igbx-sim ctl` control-socket client.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <mntent.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "board.h"
#include "vfio.h"
#include "pci.h"
#include "platform.h"

#ifndef IGBX_SIM_PRELOAD
#define IGBX_SIM_PRELOAD "libigbx_sim_preload.so"
#endif

struct launch_opts {
	struct sim_config cfg;
	char run_dir[1024];
	bool run_dir_given;
	bool keep;
	char **cmd;
};

static pid_t child_pid = -1;

static void usage(void)
{
	fprintf(stderr,
		"usage: igbx-sim [--ports N] [--wire pair|tap|none] [--tap-name FMT]\n"
		"                [--pcap-in P:FILE] [--pcap-out P:FILE] [--run-dir DIR]\n"
		"                [--board [P:]TRAIT[+TRAIT...]] [--vfs P:N]\n"
		"                [--kdrv [P:]uio_pci_generic|vfio-pci] [--keep]\n"
		"                -- CMD ARGS...\n"
		"       igbx-sim ctl RUN-DIR COMMAND...\n"
		"board traits (without P: for every port):\n");
	for (unsigned int i = 0; i < sim_board_nb_traits; i++)
		fprintf(stderr, "  %-14s %s\n", sim_board_traits[i].name,
			sim_board_traits[i].what);
}

/* "[P:]uio_pci_generic|vfio-pci" for --kdrv: the kernel driver the port's
 * function is shown bound to (uio_pci_generic when not given).
 */
static int parse_kdrv_opt(const char *arg, struct sim_config *cfg)
{
	const char *name = strchr(arg, ':');
	unsigned int port = 0, i;
	bool vfio;
	char *end;

	if (name) {
		port = strtoul(arg, &end, 10);
		if (end != name || end == arg || port >= SIM_MAX_PORTS)
			return -1;
		name++;
	} else {
		name = arg;
	}
	if (!strcmp(name, "vfio-pci"))
		vfio = true;
	else if (!strcmp(name, "uio_pci_generic"))
		vfio = false;
	else
		return -1;
	for (i = 0; i < SIM_MAX_PORTS; i++)
		if (strchr(arg, ':') ? i == port : true)
			cfg->vfio[i] = vfio;
	return 0;
}

/* "[P:]trait[+trait...]" for --board: checked here, resolved per process
 * from the config file.
 */
static int parse_board_opt(const char *arg, struct sim_config *cfg)
{
	const char *colon = strchr(arg, ':'), *spec = arg, *bad = NULL;
	struct sim_board b = { 0 };
	unsigned int first = 0, last = SIM_MAX_PORTS - 1, i;
	uint64_t port;
	char num[16];

	if (colon) {
		if (colon == arg || (size_t)(colon - arg) >= sizeof(num))
			return -1;
		memcpy(num, arg, colon - arg);
		num[colon - arg] = '\0';
		if (!sim_parse_u64(num, &port) || port >= SIM_MAX_PORTS)
			return -1;
		first = last = port;
		spec = colon + 1;
	}
	if (!*spec || strlen(spec) >= sizeof(cfg->board[0]) ||
	    sim_board_parse(spec, &b, &bad)) {
		if (bad)
			fprintf(stderr, "igbx-sim: --board: unknown trait \"%.*s\"\n",
				(int)strcspn(bad, "+"), bad);
		return -1;
	}
	for (i = first; i <= last; i++)
		snprintf(cfg->board[i], sizeof(cfg->board[i]), "%s", spec);
	return 0;
}

static int die(const char *what, int err)
{
	fprintf(stderr, "igbx-sim: %s: %s\n", what, strerror(err));
	return 1;
}

/* "P:N" for --vfs: port P gets N virtual functions */
static int parse_vfs_opt(const char *arg, struct sim_config *cfg)
{
	const char *colon = strchr(arg, ':');
	char num[16];
	uint64_t port, n;

	if (!colon || colon == arg || (size_t)(colon - arg) >= sizeof(num))
		return -1;
	memcpy(num, arg, colon - arg);
	num[colon - arg] = '\0';
	if (!sim_parse_u64(num, &port) || port >= SIM_MAX_PORTS ||
	    !sim_parse_u64(colon + 1, &n) || n > SIM_MAX_VFS)
		return -1;
	cfg->vfs[port] = (unsigned int)n;
	return 0;
}

/* "P:FILE" for --pcap-in/--pcap-out */
static int parse_pcap_opt(const char *arg, struct sim_config *cfg, bool in)
{
	const char *colon = strchr(arg, ':');
	char num[16], cwd[PATH_MAX] = "";
	uint64_t port;
	int n;

	if (!colon || colon == arg || (size_t)(colon - arg) >= sizeof(num) ||
	    !colon[1])
		return -1;
	memcpy(num, arg, colon - arg);
	num[colon - arg] = '\0';
	if (!sim_parse_u64(num, &port) || port >= SIM_MAX_PORTS)
		return -1;
	/* absolute, since the application may change its directory */
	if (colon[1] != '/' && !getcwd(cwd, sizeof(cwd)))
		return -1;
	n = snprintf(in ? cfg->pcap_in[port] : cfg->pcap_out[port],
		     sizeof(cfg->pcap_in[0]), "%s%s%s", cwd, cwd[0] ? "/" : "",
		     colon + 1);
	return n < (int)sizeof(cfg->pcap_in[0]) ? 0 : -1;
}

static int parse_wire(const char *arg, enum sim_wire_kind *w)
{
	if (!strcmp(arg, "pair"))
		*w = SIM_WIRE_PAIR;
	else if (!strcmp(arg, "tap"))
		*w = SIM_WIRE_TAP;
	else if (!strcmp(arg, "none"))
		*w = SIM_WIRE_NONE;
	else
		return -1;
	return 0;
}

/* One option of the run; -1 (after saying why) when its value is bad. */
static int apply_option(int c, const char *arg, struct launch_opts *o)
{
	uint64_t n;

	switch (c) {
	case 'p':
		if (!sim_parse_u64(arg, &n) || n < 1 || n > SIM_MAX_PORTS) {
			fprintf(stderr, "igbx-sim: --ports %s: 1 to %d\n", arg,
				SIM_MAX_PORTS);
			return -1;
		}
		o->cfg.nb_ports = n;
		return 0;
	case 'w':
		if (!parse_wire(arg, &o->cfg.wire))
			return 0;
		fprintf(stderr, "igbx-sim: --wire %s: pair, tap or none\n", arg);
		return -1;
	case 't':
		snprintf(o->cfg.tap_name, sizeof(o->cfg.tap_name), "%s", arg);
		return 0;
	case 'i':
	case 'o':
		if (!parse_pcap_opt(arg, &o->cfg, c == 'i'))
			return 0;
		fprintf(stderr, "igbx-sim: --pcap-%s %s: want PORT:FILE\n",
			c == 'i' ? "in" : "out", arg);
		return -1;
	case 'r':
		if (strlen(arg) >= sizeof(o->run_dir) - 64) {
			fprintf(stderr, "igbx-sim: --run-dir too long\n");
			return -1;
		}
		snprintf(o->run_dir, sizeof(o->run_dir), "%s", arg);
		o->run_dir_given = true;
		return 0;
	case 'k':
		o->keep = true;
		return 0;
	case 'v':
		if (!parse_vfs_opt(arg, &o->cfg))
			return 0;
		fprintf(stderr, "igbx-sim: --vfs %s: want PORT:N, N 0 to %d\n",
			arg, SIM_MAX_VFS);
		return -1;
	case 'd':
		if (!parse_kdrv_opt(arg, &o->cfg))
			return 0;
		fprintf(stderr, "igbx-sim: --kdrv %s: want [PORT:]uio_pci_generic|vfio-pci\n",
			arg);
		return -1;
	case 'b':
		if (!parse_board_opt(arg, &o->cfg))
			return 0;
		fprintf(stderr, "igbx-sim: --board %s: want [PORT:]TRAIT[+TRAIT...]\n",
			arg);
		return -1;
	}
	usage();
	return -1;
}

static int parse_options(int argc, char **argv, struct launch_opts *o)
{
	static const struct option longopts[] = {
		{ "ports", required_argument, NULL, 'p' },
		{ "wire", required_argument, NULL, 'w' },
		{ "tap-name", required_argument, NULL, 't' },
		{ "pcap-in", required_argument, NULL, 'i' },
		{ "pcap-out", required_argument, NULL, 'o' },
		{ "run-dir", required_argument, NULL, 'r' },
		{ "keep", no_argument, NULL, 'k' },
		{ "board", required_argument, NULL, 'b' },
		{ "vfs", required_argument, NULL, 'v' },
		{ "kdrv", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	o->cfg.nb_ports = 2;
	o->cfg.wire = SIM_WIRE_PAIR;
	snprintf(o->cfg.tap_name, sizeof(o->cfg.tap_name), "igbxs%%u");
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1)
		if (apply_option(c, optarg, o))
			return -1;
	if (optind >= argc) {
		usage();
		return -1;
	}
	for (c = 0; c < SIM_MAX_PORTS; c++) {
		if (o->cfg.vfs[c] && (unsigned int)c >= o->cfg.nb_ports) {
			fprintf(stderr, "igbx-sim: --vfs %d:%u: with --ports %u "
				"the port is 0 to %u\n", c, o->cfg.vfs[c],
				o->cfg.nb_ports, o->cfg.nb_ports - 1);
			return -1;
		}
	}
	o->cmd = argv + optind;
	return 0;
}

static const char *preload_path(void)
{
	const char *env = getenv("IGBX_SIM_PRELOAD");

	return env && *env ? env : IGBX_SIM_PRELOAD;
}

static int check_host(void)
{
	FILE *f;
	long pages = 0;

	if (geteuid() != 0) {
		fprintf(stderr, "igbx-sim: must run as root (mount namespace, hugetlbfs, pagemap)\n");
		return -1;
	}
	f = fopen("/proc/sys/vm/nr_hugepages", "r");
	if (!f || fscanf(f, "%ld", &pages) != 1)
		pages = 0;
	if (f)
		fclose(f);
	if (access(preload_path(), R_OK) != 0) {
		fprintf(stderr, "igbx-sim: preload library %s: %s\n",
			preload_path(), strerror(errno));
		return -1;
	}
	if (pages <= 0) {
		fprintf(stderr, "igbx-sim: no hugepages reserved (/proc/sys/vm/nr_hugepages is 0); "
			"try: echo 1024 > /proc/sys/vm/nr_hugepages\n");
		return -1;
	}
	return 0;
}

static int mkdir_parents(const char *path)
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

static int write_config(const struct launch_opts *o)
{
	char path[PATH_MAX];
	unsigned int i;
	FILE *f;

	snprintf(path, sizeof(path), "%s/" SIM_CONFIG_FILE, o->run_dir);
	f = fopen(path, "w");
	if (!f)
		return -errno;
	fprintf(f, "ports %u\nwire %s\ntap_name %s\n", o->cfg.nb_ports,
		sim_wire_name(o->cfg.wire), o->cfg.tap_name);
	for (i = 0; i < SIM_MAX_PORTS; i++) {
		if (o->cfg.pcap_in[i][0])
			fprintf(f, "pcap_in %u %s\n", i, o->cfg.pcap_in[i]);
		if (o->cfg.pcap_out[i][0])
			fprintf(f, "pcap_out %u %s\n", i, o->cfg.pcap_out[i]);
		if (o->cfg.board[i][0])
			fprintf(f, "board %u %s\n", i, o->cfg.board[i]);
		if (o->cfg.vfs[i])
			fprintf(f, "vfs %u %u\n", i, o->cfg.vfs[i]);
		if (o->cfg.vfio[i])
			fprintf(f, "kdrv %u vfio-pci\n", i);
	}
	return fclose(f) ? -errno : 0;
}

/* portN.state: struct sim_shared with its process-shared robust lock; the
 * magic stays 0 so that the first process to attach powers the port on.
 */
static int create_state(const char *run, unsigned int port)
{
	pthread_mutexattr_t attr;
	struct sim_shared *sh;
	char path[PATH_MAX];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "%s/port%u.state", run, port);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -errno;
	if (ftruncate(fd, sizeof(*sh)) != 0) {
		close(fd);
		return -errno;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (sh == MAP_FAILED)
		return -errno;
	pthread_mutexattr_init(&attr);
	if (pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED) ||
	    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST) ||
	    pthread_mutex_init(&sh->lock, &attr))
		ret = -EINVAL;
	pthread_mutexattr_destroy(&attr);
	sh->port_id = port;
	munmap(sh, sizeof(*sh));
	return ret;
}

/* The preload library appends (each primary of the run continues the
 * file), so a run starts every output empty.
 */
static int truncate_pcap_outputs(const struct sim_config *cfg)
{
	unsigned int i;
	int fd;

	for (i = 0; i < SIM_MAX_PORTS; i++) {
		if (!cfg->pcap_out[i][0])
			continue;
		fd = open(cfg->pcap_out[i], O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0) {
			fprintf(stderr, "igbx-sim: %s: %s\n", cfg->pcap_out[i],
				strerror(errno));
			return -errno;
		}
		close(fd);
	}
	return 0;
}

static int prepare_run_dir(struct launch_opts *o)
{
	char path[PATH_MAX];
	unsigned int i;
	int ret, fd;

	if (!o->run_dir_given)
		snprintf(o->run_dir, sizeof(o->run_dir), "/run/igbx-sim/%d",
			 (int)getpid());
	ret = mkdir_parents(o->run_dir);
	if (ret)
		return die(o->run_dir, -ret);
	sim_fn_layout(o->cfg.nb_ports, o->cfg.board, o->cfg.vfs);
	for (i = 0; i < sim_nb_fns && !ret; i++)
		ret = sim_pci_create(o->run_dir, &sim_fns[i]);
	for (i = 0; i < o->cfg.nb_ports && !ret; i++)
		if (o->cfg.vfio[i])
			ret = sim_vfio_bind(o->run_dir, sim_fn_of_port(i));
	for (i = 0; i < o->cfg.nb_ports && !ret; i++)
		ret = create_state(o->run_dir, i);
	if (!ret)
		ret = write_config(o);
	if (!ret)
		ret = truncate_pcap_outputs(&o->cfg);
	if (ret)
		return die("creating the run directory", -ret);
	snprintf(path, sizeof(path), "%s/" SIM_PRIMARY_LOCK, o->run_dir);
	fd = open(path, O_RDWR | O_CREAT, 0600);
	if (fd < 0)
		return die(path, errno);
	close(fd);
	snprintf(path, sizeof(path), "%s/huge", o->run_dir);
	if (mkdir(path, 0755) != 0 && errno != EEXIST)
		return die(path, errno);
	return 0;
}

/* Other hugetlbfs mounts would let DPDK put its page files where another
 * run's are; in our private namespace only the run's own mount is left.
 */
static void unmount_other_hugetlbfs(void)
{
	char *dirs[32];
	struct mntent *m;
	int n = 0, i;
	FILE *f;

	f = setmntent("/proc/self/mounts", "r");
	if (!f)
		return;
	while ((m = getmntent(f)) != NULL && n < 32)
		if (!strcmp(m->mnt_type, "hugetlbfs"))
			dirs[n++] = strdup(m->mnt_dir);
	endmntent(f);
	for (i = n - 1; i >= 0; i--) {
		umount2(dirs[i], MNT_DETACH);
		free(dirs[i]);
	}
}

static int enter_namespace(const char *run)
{
	char path[PATH_MAX];

	if (unshare(CLONE_NEWNS) != 0)
		return die("unshare(CLONE_NEWNS)", errno);
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
		return die("mount --make-rprivate /", errno);
	unmount_other_hugetlbfs();
	snprintf(path, sizeof(path), "%s/huge", run);
	if (mount("nodev", path, "hugetlbfs", 0, "pagesize=2M") != 0)
		return die("mount hugetlbfs", errno);
	if (mkdir_parents("/var/run/dpdk") != 0)
		return die("mkdir /var/run/dpdk", errno);
	if (mount("tmpfs", "/var/run/dpdk", "tmpfs", 0, "mode=0755") != 0)
		return die("mount tmpfs on /var/run/dpdk", errno);
	return 0;
}

/* Signals sent to the launcher go on to the application; those the
 * terminal sends (si_code SI_KERNEL) already reached its process group.
 */
static void forward_signal(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (child_pid > 0 && si->si_code != SI_KERNEL)
		kill(child_pid, sig);
}

static void exec_child(const struct launch_opts *o)
{
	char path[PATH_MAX];

	prctl(PR_SET_PDEATHSIG, SIGTERM);
	sim_pci_dev_path(path, sizeof(path), o->run_dir, &sim_fns[0], NULL);
	*strrchr(path, '/') = '\0';
	setenv("SYSFS_PCI_DEVICES", path, 1);
	setenv("IGBX_SIM_RUN_DIR", o->run_dir, 1);
	setenv("LD_PRELOAD", preload_path(), 1);
	execvp(o->cmd[0], o->cmd);
	fprintf(stderr, "igbx-sim: %s: %s\n", o->cmd[0], strerror(errno));
	_exit(127);
}

static int run_child(const struct launch_opts *o)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa = { .sa_sigaction = forward_signal,
				.sa_flags = SA_SIGINFO | SA_RESTART };
	unsigned int i;
	int status;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	fflush(NULL);
	child_pid = fork();
	if (child_pid < 0)
		return die("fork", errno);
	if (child_pid == 0)
		exec_child(o);
	while (waitpid(child_pid, &status, 0) < 0)
		if (errno != EINTR)
			return die("waitpid", errno);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void cleanup(const struct launch_opts *o)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/huge", o->run_dir);
	umount2(path, MNT_DETACH);
	if (!o->keep)
		nftw(o->run_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* ---- igbx-sim ctl ------------------------------------------------------ */

/* The socket appears when the application's first process attaches to the
 * device, so wait a little for it.
 */
static int ctl_connect(const char *run)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	int fd, tries;

	if (snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/" SIM_CTL_SOCK,
		     run) >= (int)sizeof(sa.sun_path)) {
		fprintf(stderr, "igbx-sim: run directory path too long\n");
		return -1;
	}
	for (tries = 0; tries < 100; tries++) {
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			break;
		if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
			return fd;
		close(fd);
		if (errno != ENOENT && errno != ECONNREFUSED)
			break;
		nanosleep(&ts, NULL);
	}
	fprintf(stderr, "igbx-sim: %s: %s\n", sa.sun_path, strerror(errno));
	return -1;
}

static int ctl_client(int argc, char **argv)
{
	char line[1 << 16];
	size_t n = 0;
	int fd, i, ret = 1;
	FILE *f;

	if (argc < 2) {
		usage();
		return 2;
	}
	for (i = 1; i < argc; i++)
		n += snprintf(line + n, sizeof(line) - n, "%s%s", i > 1 ? " " : "",
			      argv[i]);
	if (n + 1 >= sizeof(line))
		return die("command", E2BIG);
	line[n++] = '\n';
	fd = ctl_connect(argv[0]);
	if (fd < 0)
		return 1;
	if (write(fd, line, n) != (ssize_t)n) {
		close(fd);
		return die("ctl write", errno);
	}
	f = fdopen(fd, "r");
	while (f && fgets(line, sizeof(line), f)) {
		if (!strcmp(line, "ok\n")) {
			ret = 0;
			break;
		}
		if (!strncmp(line, "error", 5)) {
			fputs(line, stderr);
			break;
		}
		fputs(line, stdout);
	}
	if (f)
		fclose(f);
	return ret;
}

int main(int argc, char **argv)
{
	struct launch_opts o;
	int ret;

	if (argc > 1 && !strcmp(argv[1], "ctl"))
		return ctl_client(argc - 2, argv + 2);
	memset(&o, 0, sizeof(o));
	if (parse_options(argc, argv, &o))
		return 2;
	if (check_host())
		return 1;
	if (prepare_run_dir(&o))
		return 1;
	ret = enter_namespace(o.run_dir);
	if (!ret)
		ret = run_child(&o);
	cleanup(&o);
	return ret;
}
