/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * regs.h - the simulated 82576's register offsets, generated from the
 * register table (regs_table.h) so that every offset is written once:
 *   SIM_<name>                       a single register
 *   SIM_<name>_0, _COUNT, _STRIDE    an array: first instance, size, step
 *   SIM_<name>_ALIAS, _ALIAS_COUNT, _ALIAS_STRIDE   its low-numbered copies
 *   SIM_<name>_X, _X_FIRST, _X_COUNT                its later instances
 * and SIM_REG_AT(name, i) for instance i of an array.
 */
#ifndef IGBX_SIM_REGS_H
#define IGBX_SIM_REGS_H

#include <stdint.h>

enum sim_reg_offset {
#define SIM_REG(n, o, c, s, d, m, t)	SIM_##n = (o),
#define SIM_ARR(n, o, c, s, d, m, t) \
	SIM_##n##_0 = (o), SIM_##n##_COUNT = (c), SIM_##n##_STRIDE = (s),
#define SIM_ALIAS(n, o, c, s, d, m, t) \
	SIM_##n##_ALIAS = (o), SIM_##n##_ALIAS_COUNT = (c), \
	SIM_##n##_ALIAS_STRIDE = (s),
#define SIM_REGX(n, o, c, s, f, d, m, t) \
	SIM_##n##_X = (o), SIM_##n##_X_FIRST = (f), SIM_##n##_X_COUNT = (c),
#include "regs_table.h"
#undef SIM_REG
#undef SIM_ARR
#undef SIM_ALIAS
#undef SIM_REGX
};

/* Instance i of the array name. */
#define SIM_REG_AT(name, i) \
	((uint32_t)SIM_##name##_0 + (uint32_t)SIM_##name##_STRIDE * (uint32_t)(i))

/* ---- queue blocks ------------------------------------------------------ */
/* Queue q's registers form a block: RX at RDBAL[q], TX at TDBAL[q], with
 * queues 0-3 also at the alias blocks. Offsets inside a block, the same for
 * RX and TX where both have the register.
 */
enum sim_qblock_reg {
	SIM_Q_BAL = 0,
	SIM_Q_BAH = SIM_RDBAH_0 - SIM_RDBAL_0,
	SIM_Q_LEN = SIM_RDLEN_0 - SIM_RDBAL_0,
	SIM_Q_SRRCTL = SIM_SRRCTL_0 - SIM_RDBAL_0,	/* RX */
	SIM_Q_HEAD = SIM_RDH_0 - SIM_RDBAL_0,
	SIM_Q_DCA = SIM_DCA_RXCTRL_0 - SIM_RDBAL_0,	/* DCA_RXCTRL / DCA_TXCTRL */
	SIM_Q_TAIL = SIM_RDT_0 - SIM_RDBAL_0,
	SIM_Q_DCTL = SIM_RXDCTL_0 - SIM_RDBAL_0,	/* RXDCTL / TXDCTL */
	SIM_Q_RQDPC = SIM_RQDPC_0 - SIM_RDBAL_0,	/* RX: drop count */
	SIM_Q_TDWBAL = SIM_TDWBAL_0 - SIM_TDBAL_0,	/* TX: head write-back */
	SIM_Q_TDWBAH = SIM_TDWBAH_0 - SIM_TDBAL_0,
	SIM_Q_BLOCK = SIM_RDBAL_STRIDE,			/* bytes per block */
	SIM_Q_ALIASED = SIM_RDBAL_ALIAS_COUNT,		/* queues with a copy */
};

_Static_assert(SIM_TDBAH_0 - SIM_TDBAL_0 == (int)SIM_Q_BAH &&
	       SIM_TDLEN_0 - SIM_TDBAL_0 == (int)SIM_Q_LEN &&
	       SIM_TDH_0 - SIM_TDBAL_0 == (int)SIM_Q_HEAD &&
	       SIM_DCA_TXCTRL_0 - SIM_TDBAL_0 == (int)SIM_Q_DCA &&
	       SIM_TDT_0 - SIM_TDBAL_0 == (int)SIM_Q_TAIL &&
	       SIM_TXDCTL_0 - SIM_TDBAL_0 == (int)SIM_Q_DCTL &&
	       SIM_TDBAL_STRIDE == (int)SIM_Q_BLOCK &&
	       SIM_TDBAL_ALIAS_COUNT == (int)SIM_Q_ALIASED &&
	       SIM_TDBAL_ALIAS_STRIDE == SIM_RDBAL_ALIAS_STRIDE,
	       "RX and TX queue blocks share one layout");

/* Queue q's register r (a SIM_Q_* offset): canonical block, and alias (q < 4). */
#define SIM_RXQ_REG(q, r) \
	((uint32_t)SIM_RDBAL_0 + (uint32_t)SIM_Q_BLOCK * (q) + (uint32_t)(r))
#define SIM_TXQ_REG(q, r) \
	((uint32_t)SIM_TDBAL_0 + (uint32_t)SIM_Q_BLOCK * (q) + (uint32_t)(r))
#define SIM_RXQ_ALIAS(q, r) ((uint32_t)SIM_RDBAL_ALIAS + \
	(uint32_t)SIM_RDBAL_ALIAS_STRIDE * (q) + (uint32_t)(r))
#define SIM_TXQ_ALIAS(q, r) ((uint32_t)SIM_TDBAL_ALIAS + \
	(uint32_t)SIM_TDBAL_ALIAS_STRIDE * (q) + (uint32_t)(r))

#endif /* IGBX_SIM_REGS_H */
