/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * hsplit.c - header split (datasheet 7.1.6, split/replicated header table,
 * and the packet types of appendix A.1): where the header of a frame ends
 * and which bytes go to the header buffer and which to the packet buffer.
 */
#include "hsplit.h"

uint32_t sim_hsplit_header_len(uint32_t psrtype, const struct sim_hdrs *h)
{
	uint32_t len = 0;

	if (h->l3 == SIM_L3_IPV4 && h->frag) {
		/* A.1.3.1: IPv4 is split after L3 only when fragmented */
		if (psrtype & SIM_PSRTYPE_IPV4)
			len = h->hdr_len;
	} else if (h->l3 == SIM_L3_IPV4 && h->l4 == SIM_L4_TCP) {
		if (psrtype & SIM_PSRTYPE_IPV4_TCP)
			len = h->hdr_len;
	} else if (h->l3 == SIM_L3_IPV4 && h->l4 == SIM_L4_UDP) {
		if (psrtype & SIM_PSRTYPE_IPV4_UDP)
			len = h->hdr_len;
	} else if (h->l3 == SIM_L3_IPV6 && h->frag) {
		/* A.1.4.1: the header ends before the fragment header */
		if (psrtype & SIM_PSRTYPE_IPV6)
			len = h->frag6_off;
	} else if (h->l3 == SIM_L3_IPV6 && h->l4 == SIM_L4_TCP) {
		if (psrtype & SIM_PSRTYPE_IPV6_TCP)
			len = h->hdr_len;
	} else if (h->l3 == SIM_L3_IPV6 && h->l4 == SIM_L4_UDP) {
		if (psrtype & SIM_PSRTYPE_IPV6_UDP)
			len = h->hdr_len;
	}
	/* A.1.2: with PSR_TYPE0 any frame not split deeper splits after its
	 * MAC header (VLAN tags included)
	 */
	if (len == 0 && (psrtype & SIM_PSRTYPE_L2) && h->l3_off)
		len = h->l3_off;
	return len > SIM_HSPLIT_HDR_MAX ? 0 : len;
}

static uint32_t sim_hsplit_field(uint32_t hdr_len, bool sph)
{
	return (hdr_len & SIM_RXADV_HDRLEN_MASK) << SIM_RXADV_HDRLEN_SHIFT |
	       (sph ? SIM_RXADV_SPH : 0);
}

void sim_hsplit_plan(unsigned int dtype, uint32_t hsize, uint32_t hdr_len,
		     uint32_t total, struct sim_hsplit *out)
{
	bool always = dtype == SIM_SRRCTL_DESCTYPE_SPLIT_ALWAYS;

	out->hb = 0;
	out->hdr_field = 0;
	out->hbo = 0;
	if (always && total <= hsize) {
		/* the whole frame fits: header buffer only, PKT_LEN 0, SPH 0 */
		out->hb = total;
		out->hdr_field = sim_hsplit_field(total, false);
		return;
	}
	if (hdr_len == 0) {
		/* cannot be decoded: split mode posts it all to the packet
		 * buffer; "always" fills the header buffer first
		 */
		if (always) {
			out->hb = hsize;
			out->hdr_field = sim_hsplit_field(hsize, false);
		}
		return;
	}
	out->hdr_field = sim_hsplit_field(hdr_len, true);
	if (hdr_len <= hsize) {
		out->hb = hdr_len;
		return;
	}
	/* HBO: HDR_LEN still says the header's size; split mode leaves the
	 * header buffer empty, "always" fills it with BSIZEHEADER bytes
	 */
	out->hbo = SIM_RXADV_ERR_HBO;
	if (always)
		out->hb = hsize;
}

uint32_t sim_hsplit_psrtype(struct sim_port *p, unsigned int q)
{
	uint32_t mrqe = sim_reg_peek(p, SIM_MRQC) & SIM_MRQC_MRQE_MASK;
	unsigned int pool = 0;

	if (mrqe == SIM_MRQC_MRQE_VMDQ || mrqe == SIM_MRQC_MRQE_VMDQ_RSS)
		pool = q % 8u;
	return sim_reg_peek(p, SIM_PSRTYPE(pool));
}
