/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * platform.h - what the platform files of the simulator share among
 * themselves: the run configuration, port locking, MMIO traps, wires, threads.
 */
#ifndef IGBX_SIM_PLATFORM_H
#define IGBX_SIM_PLATFORM_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <pthread.h>
#include <sched.h>

#include "sim.h"

#define SIM_SHARED_MAGIC	0x31584247u	/* "GBX1": state was powered on */
#define SIM_CONFIG_FILE		"config"
#define SIM_CTL_SOCK		"ctl.sock"
#define SIM_PRIMARY_LOCK	"primary.lock"
#define SIM_CAPTURE_MAX		4096u		/* frames kept by `capture` */

/* Run options the launcher hands to every process (<run>/config). */
struct sim_config {
	unsigned int nb_ports;
	enum sim_wire_kind wire;		/* default for ports without pcap */
	char tap_name[64];			/* printf format, %u = port */
	char pcap_in[SIM_MAX_PORTS][256];	/* "" when none */
	char pcap_out[SIM_MAX_PORTS][256];
	char board[SIM_MAX_PORTS][128];		/* --board traits, "" when none */
	unsigned int vfs[SIM_MAX_PORTS];	/* --vfs: virtual functions */
	bool vfio[SIM_MAX_PORTS];		/* --kdrv vfio-pci: shown bound to vfio-pci */
};

extern struct sim_config sim_cfg;
extern char sim_run_dir[1024];	/* canonical path of the run directory */
extern bool sim_debug;
/* CPUs the process could use before DPDK pinned its threads: the platform's
 * threads run there, not on the lcore of the thread that attached.
 */
extern cpu_set_t sim_start_cpus;

/* Port lock: robust, so a process that died holding it does not wedge the
 * run; the state it protects is plain registers, consistent enough to go on.
 */
static inline void sim_port_lock(struct sim_port *p)
{
	if (pthread_mutex_lock(&p->sh->lock) == EOWNERDEAD)
		pthread_mutex_consistent(&p->sh->lock);
}

static inline void sim_port_unlock(struct sim_port *p)
{
	pthread_mutex_unlock(&p->sh->lock);
}

static inline const char *sim_wire_name(enum sim_wire_kind w)
{
	static const char *const names[] = {
		[SIM_WIRE_PAIR] = "pair", [SIM_WIRE_TAP] = "tap",
		[SIM_WIRE_PCAP] = "pcap", [SIM_WIRE_NONE] = "none",
	};

	return (unsigned int)w < 4 ? names[w] : "?";
}

/* Numbers on the command line and the control socket: "0x.." hex or
 * decimal (a leading 0 is not octal); false on anything else.
 */
static inline bool sim_parse_u64(const char *s, uint64_t *out)
{
	int base = 10;
	char *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (*s < '0' || (*s > '9' && base == 10) || *s == '-')
		if (base == 10 || !((*s >= 'a' && *s <= 'f') ||
				    (*s >= 'A' && *s <= 'F')))
			return false;
	errno = 0;
	*out = strtoull(s, &end, base);
	return errno == 0 && *end == '\0';
}

/* preload.c: the real libc functions, for the platform's own use */
int sim_real_open(const char *path, int flags, int mode);
void *sim_real_mmap(void *addr, size_t len, int prot, int flags, int fd,
		    long off);
void sim_debug_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* dma.c: the benchmark's dma mode. While the calling thread tracks, every
 * host line the engines it runs touch is noted (sim_dma_note() and the copy
 * helpers); sim_dma_evict() flushes the noted lines from every CPU cache
 * and returns how many. One tracking thread at a time (the bench's).
 */
void sim_dma_track(bool on);
unsigned int sim_dma_evict(void);

/* trap.c: MMIO traps on the application's BAR0 mappings; the function's
 * kind says which pages stay untrapped; vf is the VF whose BAR0 it is, or
 * -1 for the port's own (the PF's).
 */
struct sim_fn_kind;
void sim_trap_install(void);
void sim_trap_add(void *va, size_t len, struct sim_port *p,
		  const struct sim_fn_kind *kind, int vf);
void sim_trap_forget(void *va, size_t len);

/* The instruction decoder, exposed for its unit test. */
enum sim_insn_kind {
	SIM_INSN_LOAD,		/* reg = mem (mov, movzx, movsx) */
	SIM_INSN_STORE,		/* mem = reg */
	SIM_INSN_STORE_IMM,	/* mem = imm */
	SIM_INSN_ALU_LOAD,	/* flags (and reg) = reg op mem */
	SIM_INSN_ALU_STORE,	/* flags (and mem) = mem op reg */
	SIM_INSN_ALU_IMM,	/* flags (and mem) = mem op imm */
};

enum sim_alu_op {
	SIM_ALU_ADD = 0, SIM_ALU_OR = 1, SIM_ALU_AND = 4, SIM_ALU_SUB = 5,
	SIM_ALU_XOR = 6, SIM_ALU_CMP = 7, SIM_ALU_TEST = 8,
};

struct sim_insn {
	enum sim_insn_kind kind;
	enum sim_alu_op alu;
	uint8_t len;		/* bytes to skip */
	uint8_t size;		/* memory operand: 1, 2, 4 or 8 */
	uint8_t reg_size;	/* register operand size */
	uint8_t reg;		/* register number 0-15 (x86 order) */
	bool high_byte;		/* 8-bit AH/CH/DH/BH (no REX, reg 4-7) */
	bool sign_extend;	/* movsx */
	int64_t imm;
};

/* Decodes the instruction at code (up to 15 bytes readable). Returns 0, or
 * -1 for an instruction the trap does not emulate.
 */
int sim_insn_decode(const uint8_t *code, struct sim_insn *in);

/* Runs a decoded instruction whose memory operand is emulated by the
 * callbacks; regs[16] in x86 order, *rflags updated for ALU forms.
 */
struct sim_mem_ops {
	uint64_t (*read)(void *ctx, unsigned int size);
	void (*write)(void *ctx, uint64_t val, unsigned int size);
	void *ctx;
};
void sim_insn_execute(const struct sim_insn *in, uint64_t regs[16],
		      uint64_t *rflags, const struct sim_mem_ops *mem);

/* wire.c */
void sim_wire_open(struct sim_port *p);
unsigned int sim_wire_poll(struct sim_port *p);	/* input from tap/pcap */
/* Ends a TX poll: releases the pair peer's lock taken by the first frame. */
void sim_wire_flush(struct sim_port *p);
void sim_wire_plug(struct sim_port *p, bool plugged);
void sim_wire_capture(struct sim_port *p, bool on);
/* Calls fn for every captured frame of p, oldest first, and clears them. */
void sim_wire_drain_capture(struct sim_port *p,
			    void (*fn)(void *arg, const uint8_t *f, uint32_t len),
			    void *arg);
/* A frame from the wire side: counted and handed to the RX engine. */
void sim_wire_deliver(struct sim_port *p, const uint8_t *frame, uint32_t len,
		      bool crc_ok);

/* preload.c: interrupts over the uio channel */
void sim_irq_recheck(struct sim_port *p);

/* devthread.c, ctl.c */
/* pthread_create with every signal blocked (the application's signals are
 * not ours) on sim_start_cpus.
 */
int sim_thread_start(pthread_t *tid, void *(*fn)(void *), void *arg,
		     const char *name);
int sim_devthread_start(void);
int sim_ctl_start(void);

#endif /* IGBX_SIM_PLATFORM_H */
