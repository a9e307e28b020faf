/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hsplit.h - header split of the simulated 82576 (datasheet 7.1.6): which
 * header layouts PSRTYPE enables and how SRRCTL.DESCTYPE shares a frame
 * between the header buffer and the packet buffer.
 */
#ifndef IGBX_SIM_HSPLIT_H
#define IGBX_SIM_HSPLIT_H

#include <stdbool.h>
#include <stdint.h>

#include "engines.h"

/* PSRTYPE (8.10): one enable bit per header layout the parser knows.
 * Not modelled: bits 4-6 (IPv6 in IPv4: such frames are not split) and the
 * NFS layouts 11-18 (NFS over TCP/UDP is split as plain TCP/UDP).
 */
#define SIM_PSRTYPE_L2		(1u << 0)	/* MAC (VLAN/SNAP) only */
#define SIM_PSRTYPE_IPV4	(1u << 1)	/* MAC, IPv4: fragments */
#define SIM_PSRTYPE_IPV4_TCP	(1u << 2)
#define SIM_PSRTYPE_IPV4_UDP	(1u << 3)
#define SIM_PSRTYPE_IPV6	(1u << 7)	/* MAC, IPv6: fragments */
#define SIM_PSRTYPE_IPV6_TCP	(1u << 8)
#define SIM_PSRTYPE_IPV6_UDP	(1u << 9)
/* HDR_LEN is 10 bits: longer headers are never split. */
#define SIM_HSPLIT_HDR_MAX	1023u

/* How the first descriptor of a frame shares it (one row of the table). */
struct sim_hsplit {
	uint32_t hb;		/* bytes DMA'd to the header buffer */
	uint32_t hdr_field;	/* HDR_LEN and SPH of write-back dword 0 */
	uint32_t hbo;		/* SIM_RXADV_ERR_HBO or 0 */
};

/* Pure: the header length the parser finds for the layouts psrtype
 * enables (frame offsets), 0 when the header "cannot be decoded".
 */
uint32_t sim_hsplit_header_len(uint32_t psrtype, const struct sim_hdrs *h);

/* Pure: the split of a frame of total bytes (as DMA'd) in mode dtype
 * (SRRCTL.DESCTYPE 2 or 5) with a header buffer of hsize bytes; hdr_len
 * is 0 when the header cannot be decoded.
 */
void sim_hsplit_plan(unsigned int dtype, uint32_t hsize, uint32_t hdr_len,
		     uint32_t total, struct sim_hsplit *out);

/* The PSRTYPE register that applies to RX queue q: the queue's pool's in
 * VMDq modes (pool n owns queues n and n + 8), PSRTYPE[0] otherwise.
 */
uint32_t sim_hsplit_psrtype(struct sim_port *p, unsigned int q);

#endif /* IGBX_SIM_HSPLIT_H */
