/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ctl.c - the control socket <run>/ctl.sock: one command per line, replies
 * of zero or more lines closed by "ok" or "error <message>"; lets tests
 * plug cables, inject and capture frames, inject faults, look at queues.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "model.h"
#include "pci.h"
#include "platform.h"
#include "vfio.h"

#define CTL_MAX_ARGS	8
#define CTL_LINE_MAX	(2 * SIM_MAX_FRAME + 256)

/* A handler writes its reply lines to out and returns NULL, or returns the
 * error message.
 */
typedef const char *(*ctl_handler)(FILE *out, int argc, char **argv);

static const char *parse_port(const char *s, struct sim_port **p)
{
	uint64_t n;

	if (!sim_parse_u64(s, &n) || n >= sim_nb_ports)
		return "no such port";
	*p = &sim_ports[n];
	return NULL;
}

static const char *parse_on_off(const char *s, bool *on)
{
	if (!strcmp(s, "on") || !strcmp(s, "up"))
		*on = true;
	else if (!strcmp(s, "off") || !strcmp(s, "down"))
		*on = false;
	else
		return "expected on|off (up|down)";
	return NULL;
}

static const char *parse_reg(const char *s, uint32_t *off)
{
	uint64_t n;

	if (!sim_parse_u64(s, &n) || n >= SIM_BAR0_SIZE || (n & 3))
		return "register offset must be 4-aligned and below 0x20000";
	*off = n;
	return NULL;
}

static const char *cmd_ports(FILE *out, int argc, char **argv)
{
	unsigned int i;

	(void)argc;
	(void)argv;
	for (i = 0; i < sim_nb_ports; i++) {
		const struct sim_fn *fn = sim_fn_of_port(i);
		char bdf[SIM_PCI_BDF_LEN];

		fprintf(out, "%u %s wire=%s link=%s board=%s\n", i,
			fn ? sim_fn_bdf(fn, bdf) : "-",
			sim_wire_name(sim_ports[i].wire),
			sim_ports[i].sh->link_up ? "up" : "down",
			sim_cfg.board[i][0] ? sim_cfg.board[i] : "plain");
	}
	return NULL;
}

static const char *cmd_link(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	bool up;

	(void)out;
	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		err = parse_on_off(argv[2], &up);
	if (!err)
		sim_wire_plug(p, up);
	return err;
}

static const char *cmd_peek(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	uint32_t off;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		err = parse_reg(argv[2], &off);
	if (!err)
		fprintf(out, "0x%08x\n", sim_reg_peek(p, off));
	return err;
}

static const char *cmd_poke(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	uint32_t off;
	uint64_t v;

	(void)out;
	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		err = parse_reg(argv[2], &off);
	if (!err && (!sim_parse_u64(argv[3], &v) || v > UINT32_MAX))
		err = "value must fit 32 bits";
	if (!err) {
		sim_port_lock(p);
		sim_reg_poke(p, off, v);
		sim_port_unlock(p);
	}
	return err;
}

/* "vfpeek/vfpoke <p> <vf> <off> [val]": VF vf's register at off, read or
 * written as the VF's driver would through its BAR (vf.c), so a test can
 * play a VF that sends the PF malformed mailbox messages. */
static const char *parse_vf(struct sim_port *p, const char *vs, const char *os,
			    unsigned int *vf, uint32_t *off)
{
	uint64_t n, o;

	if (!sim_parse_u64(vs, &n) || n >= p->nb_vfs)
		return "vf must be one of the port's VFs";
	if (!sim_parse_u64(os, &o) || o >= SIM_VF_BAR0_SIZE || (o & 3))
		return "VF register offset must be 4-aligned and inside the VF BAR";
	*vf = (unsigned int)n;
	*off = (uint32_t)o;
	return NULL;
}

static const char *cmd_vfpeek(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	unsigned int vf;
	uint32_t off, v;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		err = parse_vf(p, argv[2], argv[3], &vf, &off);
	if (!err) {
		sim_port_lock(p);
		v = sim_vf_reg_read(p, vf, off, 4);
		sim_port_unlock(p);
		fprintf(out, "0x%08x\n", v);
	}
	return err;
}

static const char *cmd_vfpoke(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	unsigned int vf;
	uint32_t off;
	uint64_t v;

	(void)out;
	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		err = parse_vf(p, argv[2], argv[3], &vf, &off);
	if (!err && (!sim_parse_u64(argv[4], &v) || v > UINT32_MAX))
		err = "value must fit 32 bits";
	if (!err) {
		sim_port_lock(p);
		sim_vf_reg_write(p, vf, off, (uint32_t)v, 4);
		sim_port_unlock(p);
	}
	return err;
}

static int hex_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static const char *cmd_inject(FILE *out, int argc, char **argv)
{
	static uint8_t frame[SIM_MAX_FRAME];
	size_t len = strlen(argv[2]), i;
	struct sim_port *p;
	const char *err;
	bool crc_ok = true;

	(void)out;
	err = parse_port(argv[1], &p);
	if (err)
		return err;
	if (argc > 3 && strcmp(argv[3], "badcrc"))
		return "the only option is badcrc";
	crc_ok = argc <= 3;
	if ((len & 1) || len / 2 > SIM_MAX_FRAME || len == 0)
		return "frame must be an even number of hex digits, at most 16384 bytes";
	for (i = 0; i < len / 2; i++) {
		int hi = hex_nibble(argv[2][2 * i]), lo = hex_nibble(argv[2][2 * i + 1]);

		if (hi < 0 || lo < 0)
			return "frame is not hex";
		frame[i] = hi << 4 | lo;
	}
	sim_port_lock(p);
	sim_wire_deliver(p, frame, len / 2, crc_ok);
	sim_port_unlock(p);
	return NULL;
}

static const char *cmd_capture(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	bool on;

	(void)out;
	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		err = parse_on_off(argv[2], &on);
	if (!err)
		sim_wire_capture(p, on);
	return err;
}

static void print_frame(void *arg, const uint8_t *f, uint32_t len)
{
	FILE *out = arg;
	uint32_t i;

	for (i = 0; i < len; i++)
		fprintf(out, "%02x", f[i]);
	fputc('\n', out);
}

static const char *cmd_captured(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (!err)
		sim_wire_drain_capture(p, print_frame, out);
	return err;
}

static const char *cmd_fault(FILE *out, int argc, char **argv)
{
	struct sim_faults *f;
	struct sim_port *p;
	const char *err;
	uint64_t n = 0;
	bool on = false;

	(void)out;
	(void)argc;
	err = parse_port(argv[1], &p);
	if (err)
		return err;
	f = &p->sh->faults;
	if (!strcmp(argv[2], "txstall"))
		err = parse_on_off(argv[3], &on);
	else if (!strcmp(argv[2], "starve") || !strcmp(argv[2], "crc"))
		err = sim_parse_u64(argv[3], &n) && n <= UINT32_MAX ? NULL :
		      "count must be a number";
	else
		err = "fault is txstall, starve or crc";
	if (err)
		return err;
	sim_port_lock(p);
	if (!strcmp(argv[2], "txstall"))
		f->tx_stall = on;
	else if (!strcmp(argv[2], "starve"))
		f->rx_starve = n;
	else
		f->crc_errors = n;
	sim_port_unlock(p);
	return NULL;
}

static const char *cmd_queue(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	uint64_t q, base;
	uint32_t len, head, tail, blk, rate;
	bool tx, enabled;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (err)
		return err;
	if (strcmp(argv[2], "rx") && strcmp(argv[2], "tx"))
		return "queue kind is rx or tx";
	if (!sim_parse_u64(argv[3], &q) || q >= SIM_NUM_QUEUES)
		return "queue number is 0 to 15";
	tx = argv[2][0] == 't';
	blk = tx ? SIM_TXQ_REG(q, 0) : SIM_RXQ_REG(q, 0);
	sim_port_lock(p);
	/* what the device thread would see at its next loop (it may be napping) */
	sim_port_tick(p);
	base = sim_qreg_read(p, blk + 0x00) |
	       (uint64_t)sim_qreg_read(p, blk + 0x04) << 32;
	len = sim_qreg_read(p, blk + 0x08);
	head = sim_qreg_read(p, blk + 0x10);
	tail = sim_qreg_read(p, blk + 0x18);
	enabled = tx ? p->sh->txq[q].enabled : p->sh->rxq[q].enabled;
	rate = tx ? sim_ratelim_factor(p, (unsigned int)q) : 0;
	sim_port_unlock(p);
	fprintf(out, "base=0x%llx len=%u head=%u tail=%u enabled=%d",
		(unsigned long long)base, len, head, tail, enabled);
	if (tx)
		fprintf(out, " rate=0x%08x", rate);
	fputc('\n', out);
	return NULL;
}

static const char *cmd_counters(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (err)
		return err;
	fprintf(out, "wire_tx_frames %llu\nwire_rx_frames %llu\nreset_count %llu\n"
		"an_restarts %u\n",
		(unsigned long long)atomic_load(&p->wire_tx_frames),
		(unsigned long long)atomic_load(&p->wire_rx_frames),
		(unsigned long long)p->sh->reset_count,
		p->sh->model.phy.an_restarts);
	return NULL;
}

/* What the four LED outputs show (led.c): "led0=on led1=off led2=blink ..." */
static const char *cmd_leds(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	unsigned int i;
	bool lit, blink;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (err)
		return err;
	sim_port_lock(p);
	for (i = 0; i < SIM_LEDS; i++) {
		sim_led_state(p, i, &lit, &blink);
		fprintf(out, "%sled%u=%s", i ? " " : "", i,
			blink ? "blink" : lit ? "on" : "off");
	}
	sim_port_unlock(p);
	fputc('\n', out);
	return NULL;
}

/* Messages each MSI-X vector sent to a vfio-pci-bound port's eventfds,
 * then the INTx and MSI interrupts sent. */
static const char *cmd_msix(FILE *out, int argc, char **argv)
{
	struct sim_port *p;
	const char *err;
	unsigned int v;

	(void)argc;
	err = parse_port(argv[1], &p);
	if (err)
		return err;
	if (!sim_vfio_port(p->id))
		return "port not bound to vfio-pci (--kdrv)";
	for (v = 0; v < SIM_MSIX_VECTORS; v++)
		fprintf(out, "%sv%u=%llu", v ? " " : "", v,
			(unsigned long long)sim_vfio_vector_count(p->id, v));
	fprintf(out, " intx=%llu msi=%llu\n",
		(unsigned long long)sim_vfio_intx_count(p->id, false),
		(unsigned long long)sim_vfio_intx_count(p->id, true));
	return NULL;
}

static const struct ctl_command {
	const char *name;
	int min_args, max_args;	/* including the command name */
	ctl_handler fn;
	const char *usage;
} ctl_commands[] = {
	{ "ports", 1, 1, cmd_ports, "ports" },
	{ "link", 3, 3, cmd_link, "link <p> up|down" },
	{ "peek", 3, 3, cmd_peek, "peek <p> <off>" },
	{ "poke", 4, 4, cmd_poke, "poke <p> <off> <val>" },
	{ "vfpeek", 4, 4, cmd_vfpeek, "vfpeek <p> <vf> <off>" },
	{ "vfpoke", 5, 5, cmd_vfpoke, "vfpoke <p> <vf> <off> <val>" },
	{ "inject", 3, 4, cmd_inject, "inject <p> <hex> [badcrc]" },
	{ "capture", 3, 3, cmd_capture, "capture <p> on|off" },
	{ "captured", 2, 2, cmd_captured, "captured <p>" },
	{ "fault", 4, 4, cmd_fault, "fault <p> txstall on|off | starve <n> | crc <n>" },
	{ "queue", 4, 4, cmd_queue, "queue <p> rx|tx <q>" },
	{ "counters", 2, 2, cmd_counters, "counters <p>" },
	{ "leds", 2, 2, cmd_leds, "leds <p>" },
	{ "msix", 2, 2, cmd_msix, "msix <p>" },
};

static void ctl_execute(char *line, FILE *out)
{
	static char usage_err[128];
	char *argv[CTL_MAX_ARGS + 1], *save = NULL, *tok;
	const char *err = "unknown command";
	unsigned int i;
	int argc = 0;

	for (tok = strtok_r(line, " \t\r\n", &save); tok && argc <= CTL_MAX_ARGS;
	     tok = strtok_r(NULL, " \t\r\n", &save))
		argv[argc++] = tok;
	if (argc == 0) {
		fputs("error empty command\n", out);
		return;
	}
	for (i = 0; i < sizeof(ctl_commands) / sizeof(ctl_commands[0]); i++) {
		const struct ctl_command *c = &ctl_commands[i];

		if (strcmp(argv[0], c->name))
			continue;
		if (argc < c->min_args || argc > c->max_args) {
			snprintf(usage_err, sizeof(usage_err), "usage: %s", c->usage);
			err = usage_err;
		} else {
			err = c->fn(out, argc, argv);
		}
		break;
	}
	if (err)
		fprintf(out, "error %s\n", err);
	else
		fputs("ok\n", out);
}

static void *ctl_connection(void *arg)
{
	static pthread_mutex_t exec_lock = PTHREAD_MUTEX_INITIALIZER;
	int fd = (int)(intptr_t)arg;
	char *line = malloc(CTL_LINE_MAX), *reply;
	size_t reply_len;
	FILE *in = fdopen(fd, "r"), *out;

	while (line && in && fgets(line, CTL_LINE_MAX, in)) {
		out = open_memstream(&reply, &reply_len);
		if (!out)
			break;
		pthread_mutex_lock(&exec_lock);
		ctl_execute(line, out);
		pthread_mutex_unlock(&exec_lock);
		fclose(out);
		if (send(fd, reply, reply_len, MSG_NOSIGNAL) != (ssize_t)reply_len) {
			free(reply);
			break;
		}
		free(reply);
	}
	free(line);
	if (in)
		fclose(in);
	else
		close(fd);
	return NULL;
}

static void *ctl_listener(void *arg)
{
	int lfd = (int)(intptr_t)arg, fd;
	pthread_t tid;

	for (;;) {
		fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno == EINTR || errno == ECONNABORTED)
				continue;
			sim_log("control socket: %s", strerror(errno));
			return NULL;
		}
		if (pthread_create(&tid, NULL, ctl_connection,
				   (void *)(intptr_t)fd) != 0) {
			close(fd);
			continue;
		}
		pthread_detach(tid);
	}
}

int sim_ctl_start(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	pthread_t tid;
	int fd;

	if (snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/" SIM_CTL_SOCK,
		     sim_run_dir) >= (int)sizeof(sa.sun_path)) {
		sim_log("run directory too long for a socket path: %s", sim_run_dir);
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	unlink(sa.sun_path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(fd, 16)) {
		sim_log("%s: %s", sa.sun_path, strerror(errno));
		close(fd);
		return -1;
	}
	if (sim_thread_start(&tid, ctl_listener, (void *)(intptr_t)fd,
			     "igbx-sim-ctl")) {
		close(fd);
		return -1;
	}
	return 0;
}
