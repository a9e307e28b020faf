/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * test_sim_trap.c - the simulator's MMIO trap decoder and emulator: lengths
 * and operands of the x86-64 forms compilers emit for volatile register
 * accesses, register-width rules and the flags of test/cmp.
 */
#include <string.h>

#include "platform.h"
#include "unit.h"

#define CF (1u << 0)
#define ZF (1u << 6)
#define SF (1u << 7)
#define OF (1u << 11)

struct fake_mem {
	uint64_t value;		/* what a read returns */
	uint64_t written;	/* what the last write stored */
	unsigned int reads, writes, size;
};

static uint64_t fake_read(void *ctx, unsigned int size)
{
	struct fake_mem *m = ctx;

	m->reads++;
	m->size = size;
	return m->value;
}

static void fake_write(void *ctx, uint64_t val, unsigned int size)
{
	struct fake_mem *m = ctx;

	m->writes++;
	m->size = size;
	m->written = val;
}

/* Decodes code, checks its length, runs it against one memory value. */
static int run(const uint8_t *code, unsigned int len, uint64_t regs[16],
	       uint64_t *rflags, struct fake_mem *m)
{
	struct sim_mem_ops ops = { fake_read, fake_write, m };
	struct sim_insn in;

	if (sim_insn_decode(code, &in))
		return -1;
	UNIT_CHECK_EQ(in.len, len);
	sim_insn_execute(&in, regs, rflags, &ops);
	return 0;
}

#define CODE(...) ((const uint8_t[16]){ __VA_ARGS__ })

static void test_lengths(void)
{
	static const struct {
		uint8_t code[16];
		unsigned int len;
	} cases[] = {
		{ { 0x8b, 0x00 }, 2 },				/* mov (%rax),%eax */
		{ { 0x8b, 0x40, 0x08 }, 3 },			/* disp8 */
		{ { 0x8b, 0x45, 0x00 }, 3 },			/* 0(%rbp) */
		{ { 0x8b, 0x44, 0x24, 0x08 }, 4 },		/* SIB rsp */
		{ { 0x41, 0x8b, 0x84, 0x24, 0, 1, 0, 0 }, 8 },	/* SIB disp32 */
		{ { 0x48, 0x8b, 0x05, 1, 2, 3, 4 }, 7 },	/* RIP-relative */
		{ { 0x8b, 0x04, 0x25, 0, 0x10, 0, 0 }, 7 },	/* SIB no base */
		{ { 0x64, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0 }, 8 },/* fs: */
		{ { 0xc7, 0x00, 0x78, 0x56, 0x34, 0x12 }, 6 },	/* movl $imm */
		{ { 0x66, 0xc7, 0x00, 0x34, 0x12 }, 5 },	/* movw $imm */
		{ { 0xc6, 0x40, 0x10, 0x12 }, 4 },		/* movb $imm */
		{ { 0x0f, 0xb7, 0x00 }, 3 },			/* movzwl */
		{ { 0x48, 0x0f, 0xbf, 0x00 }, 4 },		/* movswq */
		{ { 0xf7, 0x80, 0, 1, 0, 0, 0, 0, 0, 0x80 }, 10 }, /* testl */
		{ { 0x81, 0x78, 0x04, 0xff, 0, 0, 0 }, 7 },	/* cmpl $imm32 */
		{ { 0x83, 0x38, 0x05 }, 3 },			/* cmpl $imm8 */
		{ { 0xf0, 0x09, 0x10 }, 3 },			/* lock or */
	};
	struct sim_insn in;
	unsigned int i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		UNIT_CHECK_EQ(sim_insn_decode(cases[i].code, &in), 0);
		UNIT_CHECK_EQ(in.len, cases[i].len);
	}
}

static void test_rejects(void)
{
	struct sim_insn in;

	UNIT_CHECK_EQ(sim_insn_decode(CODE(0x0f, 0x10, 0x00), &in), -1);
	UNIT_CHECK_EQ(sim_insn_decode(CODE(0xff, 0x00), &in), -1);
	UNIT_CHECK_EQ(sim_insn_decode(CODE(0x8b, 0xc0), &in), -1);
	UNIT_CHECK_EQ(sim_insn_decode(CODE(0xc7, 0x08, 0, 0, 0, 0), &in), -1);
}

static void test_load_widths(void)
{
	struct fake_mem m = { .value = 0x1234 };
	uint64_t regs[16] = { 0 }, fl = 0;

	regs[0] = ~0ull;
	UNIT_CHECK_EQ(run(CODE(0x8b, 0x00), 2, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[0], 0x1234);		/* 32-bit zero-extends */
	regs[0] = ~0ull;
	UNIT_CHECK_EQ(run(CODE(0x66, 0x8b, 0x00), 3, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[0], 0xffffffffffff1234ull);
	UNIT_CHECK_EQ(m.size, 2);
	regs[0] = 0x1111;
	m.value = 0xab;
	UNIT_CHECK_EQ(run(CODE(0x8a, 0x20), 2, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[0], 0xab11);		/* AH */
	m.value = 0x8000;
	UNIT_CHECK_EQ(run(CODE(0x48, 0x0f, 0xbf, 0x00), 4, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[0], 0xffffffffffff8000ull);
	m.value = 0x80;
	UNIT_CHECK_EQ(run(CODE(0x44, 0x0f, 0xb6, 0x00), 4, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[8], 0x80);		/* movzbl into %r8d */
	m.value = 0x80000000u;
	UNIT_CHECK_EQ(run(CODE(0x48, 0x63, 0x89, 0x50, 0x40, 0, 0), 7, regs, &fl,
			  &m), 0);
	UNIT_CHECK_EQ(regs[1], 0xffffffff80000000ull);	/* movslq, e1000 stats */
	UNIT_CHECK_EQ(m.size, 4);
	m.value = 0x1122334455667788ull;
	UNIT_CHECK_EQ(run(CODE(0x4c, 0x8b, 0x38), 3, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[15], 0x1122334455667788ull);
	UNIT_CHECK_EQ(m.size, 8);
}

static void test_stores(void)
{
	struct fake_mem m = { 0 };
	uint64_t regs[16] = { 0 }, fl = 0;

	regs[2] = 0xffffffffdeadbeefull;
	UNIT_CHECK_EQ(run(CODE(0x89, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0xdeadbeef);
	UNIT_CHECK_EQ(m.size, 4);
	regs[15] = 0x55;
	UNIT_CHECK_EQ(run(CODE(0x44, 0x89, 0x38), 3, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0x55);
	regs[6] = 0x1234;
	UNIT_CHECK_EQ(run(CODE(0x40, 0x88, 0x30), 3, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0x34);		/* %sil, not %dh */
	UNIT_CHECK_EQ(m.size, 1);
	UNIT_CHECK_EQ(run(CODE(0xc7, 0x00, 0x78, 0x56, 0x34, 0x12), 6, regs, &fl,
			  &m), 0);
	UNIT_CHECK_EQ(m.written, 0x12345678);
	UNIT_CHECK_EQ(run(CODE(0x66, 0xc7, 0x00, 0x34, 0x12), 5, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0x1234);
	UNIT_CHECK_EQ(m.size, 2);
}

static void test_flags(void)
{
	struct fake_mem m = { .value = 5 };
	uint64_t regs[16] = { 0 }, fl = 0;

	UNIT_CHECK_EQ(run(CODE(0x83, 0x38, 0x05), 3, regs, &fl, &m), 0);
	UNIT_CHECK((fl & ZF) && !(fl & CF));
	UNIT_CHECK_EQ(m.writes, 0);		/* cmp does not write */
	m.value = 4;
	UNIT_CHECK_EQ(run(CODE(0x83, 0x38, 0x05), 3, regs, &fl, &m), 0);
	UNIT_CHECK((fl & CF) && (fl & SF) && !(fl & ZF));
	m.value = 0x80000000u;
	UNIT_CHECK_EQ(run(CODE(0xf7, 0x00, 0, 0, 0, 0x80), 6, regs, &fl, &m), 0);
	UNIT_CHECK(!(fl & ZF) && (fl & SF) && !(fl & CF) && !(fl & OF));
	m.value = 1;
	UNIT_CHECK_EQ(run(CODE(0xf7, 0x00, 0, 0, 0, 0x80), 6, regs, &fl, &m), 0);
	UNIT_CHECK(fl & ZF);
	regs[2] = 3;
	m.value = 5;
	UNIT_CHECK_EQ(run(CODE(0x3b, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK(fl & CF);			/* cmp (%rax),%edx: 3 - 5 */
	UNIT_CHECK_EQ(run(CODE(0x39, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK(!(fl & CF) && !(fl & ZF));	/* cmp %edx,(%rax): 5 - 3 */
	m.value = 0x7fffffff;
	regs[2] = ~0ull;
	UNIT_CHECK_EQ(run(CODE(0x39, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK(fl & OF);			/* 0x7fffffff - -1 overflows */
	regs[2] = 2;
	UNIT_CHECK_EQ(run(CODE(0x85, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK(!(fl & ZF));
}

static void test_read_modify_write(void)
{
	struct fake_mem m = { .value = 0xf0 };
	uint64_t regs[16] = { 0 }, fl = 0;

	regs[2] = 0x0f;
	UNIT_CHECK_EQ(run(CODE(0x09, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0xff);
	UNIT_CHECK_EQ(run(CODE(0x0b, 0x10), 2, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(regs[2], 0xff);		/* or (%rax),%edx */
	UNIT_CHECK_EQ(run(CODE(0x83, 0x20, 0x30), 3, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0x30);		/* andl $0x30 */
	m.value = 0x100;
	UNIT_CHECK_EQ(run(CODE(0x81, 0x08, 0x01, 0, 0, 0), 6, regs, &fl, &m), 0);
	UNIT_CHECK_EQ(m.written, 0x101);	/* orl $1 */
}

int main(void)
{
	UNIT_RUN(test_lengths);
	UNIT_RUN(test_rejects);
	UNIT_RUN(test_load_widths);
	UNIT_RUN(test_stores);
	UNIT_RUN(test_flags);
	UNIT_RUN(test_read_modify_write);
	return unit_report();
}
