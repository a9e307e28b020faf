/* SPDX-License-Identifier: BSD-3-Clause */
/* fuzz_alloc.h - forced (-include) into igbx_rxtx*.c for the fuzzers only: ring zones
 * and queue arrays come from malloc, so ASan sees every byte past their ends. */
#ifndef FUZZ_ALLOC_H
#define FUZZ_ALLOC_H

/* The renames also rename the SDK prototypes, which keeps the types checked. */
#define rte_eth_dma_zone_reserve	fuzz_dma_zone_reserve
#define rte_memzone_free		fuzz_memzone_free
#define rte_zmalloc_socket		fuzz_zmalloc_socket
#define rte_free			fuzz_free

#endif /* FUZZ_ALLOC_H */
