/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * trap.c - MMIO traps: the application's BAR0 pages are PROT_NONE, and the
 * SIGSEGV handler decodes the faulting x86-64 instruction, emulates its
 * memory operand with sim_reg_read()/sim_reg_write() and skips it.
 */
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

#include "pci.h"
#include "platform.h"

#define SIM_TRAP_MAPS	64
#define SIM_PAGE	4096u
#define EFLAGS_ARITH	0x8d5u	/* CF PF AF ZF SF OF */

struct trap_map {
	_Atomic uintptr_t va;	/* 0: free slot */
	size_t len;
	struct sim_port *port;
	int vf;			/* a VF's BAR0: its number; the PF's: -1 */
};

static struct trap_map trap_maps[SIM_TRAP_MAPS];
static pthread_mutex_t trap_maps_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sigaction trap_old_action;

/* ---- decoder ---------------------------------------------------------- */

static bool is_legacy_prefix(uint8_t b)
{
	return b == 0x66 || b == 0x67 || b == 0x2e || b == 0x3e ||
	       b == 0x26 || b == 0x36 || b == 0x64 || b == 0x65 || b == 0xf0;
}

/* ModRM, SIB and displacement bytes; -1 for a register operand, which
 * cannot have faulted on the BAR.
 */
static int skip_modrm(const uint8_t *c, unsigned int *i)
{
	uint8_t modrm = c[(*i)++];
	unsigned int mod = modrm >> 6, rm = modrm & 7;

	if (mod == 3)
		return -1;
	if (rm == 4 && mod == 0 && (c[*i] & 7) == 5)
		*i += 4;		/* SIB without base: disp32 */
	if (rm == 4)
		(*i)++;
	else if (mod == 0 && rm == 5)
		*i += 4;		/* RIP-relative disp32 */
	if (mod == 1)
		*i += 1;
	else if (mod == 2)
		*i += 4;
	return (modrm >> 3) & 7;
}

static int64_t read_imm(const uint8_t *c, unsigned int *i, unsigned int size)
{
	int64_t v;

	if (size == 1) {
		v = (int8_t)c[*i];
	} else if (size == 2) {
		v = (int16_t)(c[*i] | c[*i + 1] << 8);
	} else {
		v = (int32_t)((uint32_t)c[*i] | (uint32_t)c[*i + 1] << 8 |
			      (uint32_t)c[*i + 2] << 16 |
			      (uint32_t)c[*i + 3] << 24);
		size = 4;
	}
	*i += size;
	return v;
}

/* The arithmetic group 00-3F: op r/m,r and op r,r/m for add, or, and,
 * sub, xor, cmp (adc/sbb are not emulated), and test (84/85).
 */
static int decode_alu(uint8_t op, unsigned int osize, struct sim_insn *in)
{
	unsigned int group = op >> 3;

	if (op == 0x84 || op == 0x85) {
		in->kind = SIM_INSN_ALU_STORE;
		in->alu = SIM_ALU_TEST;
	} else if (op < 0x40 && (op & 7) < 4 && group != 2 && group != 3) {
		in->kind = (op & 2) ? SIM_INSN_ALU_LOAD : SIM_INSN_ALU_STORE;
		in->alu = (enum sim_alu_op)group;
	} else {
		return -1;
	}
	in->size = (op & 1) ? osize : 1;
	return 0;
}

static int decode_one_byte(const uint8_t *c, unsigned int *i, uint8_t op,
			   unsigned int osize, struct sim_insn *in)
{
	int regf;

	in->size = (op & 1) ? osize : 1;
	if (op == 0x88 || op == 0x89 || op == 0x8a || op == 0x8b) {
		in->kind = (op & 2) ? SIM_INSN_LOAD : SIM_INSN_STORE;
	} else if (op == 0x63) {	/* movsxd: 32-bit memory, sign-extended */
		in->kind = SIM_INSN_LOAD;
		in->size = 4;
		in->sign_extend = osize == 8;
	} else if (op == 0xc6 || op == 0xc7) {
		in->kind = SIM_INSN_STORE_IMM;
	} else if (op == 0x80 || op == 0x81 || op == 0x83) {
		in->kind = SIM_INSN_ALU_IMM;
		in->size = op == 0x80 ? 1 : osize;
	} else if (op == 0xf6 || op == 0xf7) {
		in->kind = SIM_INSN_ALU_IMM;
		in->alu = SIM_ALU_TEST;
	} else if (decode_alu(op, osize, in)) {
		return -1;
	}
	regf = skip_modrm(c, i);
	if (regf < 0)
		return -1;
	if (in->kind == SIM_INSN_STORE_IMM) {
		if (regf != 0)
			return -1;
		in->imm = read_imm(c, i, in->size);
	} else if (in->kind == SIM_INSN_ALU_IMM && (op == 0xf6 || op == 0xf7)) {
		if (regf != 0)
			return -1;
		in->imm = read_imm(c, i, in->size);
	} else if (in->kind == SIM_INSN_ALU_IMM) {
		if (regf == 2 || regf == 3)
			return -1;
		in->alu = (enum sim_alu_op)regf;
		in->imm = read_imm(c, i, op == 0x81 ? in->size : 1);
	} else {
		in->reg |= regf;
	}
	in->reg_size = op == 0x63 ? osize : in->size;
	return 0;
}

/* 0F B6/B7 movzx, 0F BE/BF movsx */
static int decode_two_byte(const uint8_t *c, unsigned int *i, uint8_t op,
			   unsigned int osize, struct sim_insn *in)
{
	int regf;

	if (op != 0xb6 && op != 0xb7 && op != 0xbe && op != 0xbf)
		return -1;
	in->kind = SIM_INSN_LOAD;
	in->size = (op & 1) ? 2 : 1;
	in->reg_size = osize;
	in->sign_extend = op >= 0xbe;
	regf = skip_modrm(c, i);
	if (regf < 0)
		return -1;
	in->reg |= regf;
	return 0;
}

int sim_insn_decode(const uint8_t *c, struct sim_insn *in)
{
	unsigned int i = 0, osize = 4;
	uint8_t rex = 0, op;
	int ret;

	memset(in, 0, sizeof(*in));
	for (; i < 14 && is_legacy_prefix(c[i]); i++)
		if (c[i] == 0x66)
			osize = 2;
	if ((c[i] & 0xf0) == 0x40)
		rex = c[i++];
	if (rex & 0x8)
		osize = 8;
	in->reg = (rex & 0x4) ? 8 : 0;
	op = c[i++];
	if (op == 0x0f)
		ret = decode_two_byte(c, &i, c[i++], osize, in);
	else
		ret = decode_one_byte(c, &i, op, osize, in);
	if (ret)
		return -1;
	/* without REX, byte registers 4-7 are AH, CH, DH, BH */
	if (in->reg_size == 1 && !rex && in->reg >= 4) {
		in->high_byte = true;
		in->reg -= 4;
	}
	in->len = i;
	return i <= 15 ? 0 : -1;
}

/* ---- execution ---------------------------------------------------------- */

static uint64_t size_mask(unsigned int size)
{
	return size >= 8 ? ~0ull : (1ull << (size * 8)) - 1;
}

static uint64_t reg_get(const struct sim_insn *in, const uint64_t *regs,
			unsigned int size)
{
	if (in->high_byte)
		return (regs[in->reg] >> 8) & 0xff;
	return regs[in->reg] & size_mask(size);
}

/* 32-bit results zero the upper half; 8/16-bit ones keep the rest. */
static void reg_set(const struct sim_insn *in, uint64_t *regs,
		    unsigned int size, uint64_t v)
{
	uint64_t *r = &regs[in->reg];

	if (in->high_byte)
		*r = (*r & ~0xff00ull) | ((v & 0xff) << 8);
	else if (size >= 4)
		*r = v & size_mask(size);
	else
		*r = (*r & ~size_mask(size)) | (v & size_mask(size));
}

static uint64_t alu_run(enum sim_alu_op op, uint64_t a, uint64_t b,
			unsigned int size, uint64_t *rflags)
{
	uint64_t m = size_mask(size), sign = 1ull << (size * 8 - 1), r;
	uint64_t cf = 0, of = 0, af = 0;

	a &= m;
	b &= m;
	switch (op) {
	case SIM_ALU_ADD:
		r = (a + b) & m;
		cf = r < a;
		of = ((a ^ r) & (b ^ r) & sign) != 0;
		af = ((a ^ b ^ r) >> 4) & 1;
		break;
	case SIM_ALU_SUB:
	case SIM_ALU_CMP:
		r = (a - b) & m;
		cf = a < b;
		of = ((a ^ b) & (a ^ r) & sign) != 0;
		af = ((a ^ b ^ r) >> 4) & 1;
		break;
	case SIM_ALU_OR:
		r = a | b;
		break;
	case SIM_ALU_XOR:
		r = a ^ b;
		break;
	default:	/* and, test */
		r = a & b;
		break;
	}
	*rflags = (*rflags & ~(uint64_t)EFLAGS_ARITH) | cf | af << 4 | of << 11 |
		  (uint64_t)!__builtin_parity(r & 0xff) << 2 |
		  (uint64_t)(r == 0) << 6 | (uint64_t)((r & sign) != 0) << 7;
	return r;
}

static bool alu_writes(enum sim_alu_op op)
{
	return op != SIM_ALU_CMP && op != SIM_ALU_TEST;
}

void sim_insn_execute(const struct sim_insn *in, uint64_t regs[16],
		      uint64_t *rflags, const struct sim_mem_ops *mem)
{
	uint64_t v, r;

	switch (in->kind) {
	case SIM_INSN_LOAD:
		v = mem->read(mem->ctx, in->size);
		if (in->sign_extend && (v & (1ull << (in->size * 8 - 1))))
			v |= ~size_mask(in->size);
		reg_set(in, regs, in->reg_size, v);
		break;
	case SIM_INSN_STORE:
		mem->write(mem->ctx, reg_get(in, regs, in->size), in->size);
		break;
	case SIM_INSN_STORE_IMM:
		mem->write(mem->ctx, (uint64_t)in->imm & size_mask(in->size),
			   in->size);
		break;
	case SIM_INSN_ALU_LOAD:
		v = mem->read(mem->ctx, in->size);
		r = alu_run(in->alu, reg_get(in, regs, in->size), v, in->size,
			    rflags);
		if (alu_writes(in->alu))
			reg_set(in, regs, in->size, r);
		break;
	case SIM_INSN_ALU_STORE:
	case SIM_INSN_ALU_IMM:
		v = in->kind == SIM_INSN_ALU_IMM ? (uint64_t)in->imm :
		    reg_get(in, regs, in->size);
		r = alu_run(in->alu, mem->read(mem->ctx, in->size), v, in->size,
			    rflags);
		if (alu_writes(in->alu))
			mem->write(mem->ctx, r, in->size);
		break;
	}
}

/* ---- the trap ------------------------------------------------------------ */

struct trap_access {
	struct sim_port *port;
	int vf;
	uint32_t off;
};

static uint32_t trap_reg_read(const struct trap_access *a, uint32_t off,
			      unsigned int size)
{
	return a->vf < 0 ? sim_reg_read(a->port, off, size) :
	       sim_vf_reg_read(a->port, (unsigned int)a->vf, off, size);
}

static void trap_reg_write(const struct trap_access *a, uint32_t off,
			   uint32_t val, unsigned int size)
{
	if (a->vf < 0)
		sim_reg_write(a->port, off, val, size);
	else
		sim_vf_reg_write(a->port, (unsigned int)a->vf, off, val, size);
}

static uint64_t trap_read(void *ctx, unsigned int size)
{
	struct trap_access *a = ctx;
	uint64_t v;

	if (size == 8) {
		v = trap_reg_read(a, a->off, 4);
		v |= (uint64_t)trap_reg_read(a, a->off + 4, 4) << 32;
	} else {
		v = trap_reg_read(a, a->off, size);
	}
	sim_debug_log("port %u rd%u 0x%05x -> 0x%llx", a->port->id, size * 8,
		      a->off, (unsigned long long)v);
	return v;
}

static void trap_write(void *ctx, uint64_t val, unsigned int size)
{
	struct trap_access *a = ctx;

	sim_debug_log("port %u wr%u 0x%05x <- 0x%llx", a->port->id, size * 8,
		      a->off, (unsigned long long)val);
	if (size == 8) {
		trap_reg_write(a, a->off, (uint32_t)val, 4);
		trap_reg_write(a, a->off + 4, (uint32_t)(val >> 32), 4);
	} else {
		trap_reg_write(a, a->off, (uint32_t)val, size);
	}
}

static const int greg_of[16] = {
	REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
	REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

static struct trap_map *trap_find(uintptr_t addr)
{
	unsigned int i;

	for (i = 0; i < SIM_TRAP_MAPS; i++) {
		uintptr_t va = atomic_load_explicit(&trap_maps[i].va,
						    memory_order_acquire);

		if (va && addr >= va && addr - va < trap_maps[i].len)
			return &trap_maps[i];
	}
	return NULL;
}

static void trap_chain(int sig, siginfo_t *si, void *uc)
{
	if (trap_old_action.sa_flags & SA_SIGINFO) {
		if (trap_old_action.sa_sigaction) {
			trap_old_action.sa_sigaction(sig, si, uc);
			return;
		}
	} else if (trap_old_action.sa_handler != SIG_DFL &&
		   trap_old_action.sa_handler != SIG_IGN) {
		trap_old_action.sa_handler(sig);
		return;
	}
	/* default action: the faulting instruction runs again and kills us */
	signal(sig, SIG_DFL);
}

static void trap_fail(const uint8_t *code, uint32_t off)
{
	sim_log("cannot emulate the instruction at %p touching BAR0+0x%05x: "
		"%02x %02x %02x %02x %02x %02x %02x %02x %02x %02x", code, off,
		code[0], code[1], code[2], code[3], code[4], code[5], code[6],
		code[7], code[8], code[9]);
	abort();
}

/* No SA_NODEFER: a fault inside the emulation itself is a bug, and the
 * kernel kills the process for it instead of recursing.
 */
static void trap_handler(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	greg_t *g = uc->uc_mcontext.gregs;
	uintptr_t addr = (uintptr_t)si->si_addr;
	struct trap_map *m = trap_find(addr);
	const uint8_t *code = (const uint8_t *)g[REG_RIP];
	struct trap_access acc;
	struct sim_mem_ops ops = { trap_read, trap_write, &acc };
	struct sim_insn in;
	uint64_t regs[16], rflags;
	unsigned int i;

	if (!m) {
		trap_chain(sig, si, ucv);
		return;
	}
	acc.port = m->port;
	acc.vf = m->vf;
	acc.off = addr - atomic_load(&m->va);
	if (sim_insn_decode(code, &in))
		trap_fail(code, acc.off);
	for (i = 0; i < 16; i++)
		regs[i] = g[greg_of[i]];
	rflags = g[REG_EFL];
	sim_port_lock(acc.port);
	sim_insn_execute(&in, regs, &rflags, &ops);
	sim_port_unlock(acc.port);
	for (i = 0; i < 16; i++)
		g[greg_of[i]] = regs[i];
	g[REG_EFL] = rflags;
	g[REG_RIP] += in.len;
}

void sim_trap_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = trap_handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSEGV, &sa, &trap_old_action) != 0)
		sim_log("cannot install the SIGSEGV handler: register traps off");
}

/* Every page but the doorbell pages faults, so each access is seen. */
static void protect_bar(uint8_t *va, size_t len,
			const struct sim_fn_kind *kind)
{
	uint32_t off, start = 0;
	bool run = false;

	if (len > kind->bar0_size)
		len = kind->bar0_size;
	for (off = 0; off <= len; off += SIM_PAGE) {
		bool trapped = off < len && !kind->page_polled(off);

		if (trapped && !run) {
			start = off;
			run = true;
		} else if (!trapped && run) {
			if (mprotect(va + start, off - start, PROT_NONE))
				sim_log("mprotect BAR0: %s", strerror(errno));
			run = false;
		}
	}
}

void sim_trap_add(void *va, size_t len, struct sim_port *p,
		  const struct sim_fn_kind *kind, int vf)
{
	unsigned int i;

	pthread_mutex_lock(&trap_maps_lock);
	for (i = 0; i < SIM_TRAP_MAPS; i++) {
		if (atomic_load(&trap_maps[i].va))
			continue;
		trap_maps[i].len = len;
		trap_maps[i].port = p;
		trap_maps[i].vf = vf;
		atomic_store_explicit(&trap_maps[i].va, (uintptr_t)va,
				      memory_order_release);
		break;
	}
	pthread_mutex_unlock(&trap_maps_lock);
	if (i == SIM_TRAP_MAPS) {
		sim_log("too many BAR0 mappings: port %u not trapped", p->id);
		return;
	}
	protect_bar(va, len, kind);
}

void sim_trap_forget(void *va, size_t len)
{
	uintptr_t lo = (uintptr_t)va, hi = lo + len;
	unsigned int i;

	pthread_mutex_lock(&trap_maps_lock);
	for (i = 0; i < SIM_TRAP_MAPS; i++) {
		uintptr_t m = atomic_load(&trap_maps[i].va);

		if (m && m < hi && lo < m + trap_maps[i].len)
			atomic_store(&trap_maps[i].va, 0);
	}
	pthread_mutex_unlock(&trap_maps_lock);
}
