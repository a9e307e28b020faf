/* SPDX-License-Identifier: BSD-3-Clause */
/* igbx_tx_prep.c - tx_prepare: what the 82576's transmit descriptors can express, checked
 * per packet, and the pseudo-header checksums its offloads start from. */
#include <errno.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_net.h>
#include <rte_sctp.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "igbx_ethdev.h"
#include "igbx_rxtx.h"

/*
 * The checksum offloads and rte_net_intel_cksum_prepare() read the headers at
 * l2_len and l3_len in the first segment: lengths shorter than the headers
 * they name, or headers beyond the first segment, would have both read and
 * write past them.
 */
static int
igbx_prep_check_headers(const struct rte_mbuf *m)
{
	uint64_t ol = m->ol_flags;
	uint32_t l3_min, l4_min;

	if (!(ol & (RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK |
		    RTE_MBUF_F_TX_TCP_SEG)))
		return 0;
	l3_min = (ol & RTE_MBUF_F_TX_IPV6) ? sizeof(struct rte_ipv6_hdr) :
					      sizeof(struct rte_ipv4_hdr);
	switch (ol & RTE_MBUF_F_TX_L4_MASK) {
	case RTE_MBUF_F_TX_TCP_CKSUM:
		l4_min = sizeof(struct rte_tcp_hdr);
		break;
	case RTE_MBUF_F_TX_UDP_CKSUM:
		l4_min = sizeof(struct rte_udp_hdr);
		break;
	case RTE_MBUF_F_TX_SCTP_CKSUM:
		l4_min = sizeof(struct rte_sctp_hdr);
		break;
	default:
		l4_min = 0;
	}
	if (ol & RTE_MBUF_F_TX_TCP_SEG)
		l4_min = sizeof(struct rte_tcp_hdr);
	if (m->l2_len < RTE_ETHER_HDR_LEN || m->l3_len < l3_min ||
	    (uint32_t)m->l2_len + m->l3_len + l4_min > rte_pktmbuf_data_len(m))
		return EINVAL;
	return 0;
}

/*
 * Reject what the descriptors cannot express; one packet, 0 or a positive
 * errno. MACLEN (7 bits), IPLEN (9) and L4LEN (8) are as wide as the mbuf
 * fields, so only TSO needs length checks.
 */
static int
igbx_prep_check(const struct rte_mbuf *m)
{
	uint64_t ol = m->ol_flags;
	uint32_t hdr;

	if (ol & IGBX_TX_OL_UNSUPPORTED)
		return ENOTSUP;
	if (m->nb_segs > IGBX_TX_MAX_SEGS || igbx_prep_check_headers(m) != 0)
		return EINVAL;
	if (!(ol & RTE_MBUF_F_TX_TCP_SEG))
		return m->pkt_len > IGBX_MAX_FRAME ? EINVAL : 0;
	hdr = (uint32_t)m->l2_len + m->l3_len + m->l4_len;
	if (m->tso_segsz < IGBX_TSO_MSS_MIN || m->tso_segsz > IGBX_TSO_MSS_MAX ||
	    m->l4_len < sizeof(struct rte_tcp_hdr) || hdr >= m->pkt_len ||
	    m->pkt_len - hdr > IGBX_TXD_PAYLEN_MAX)
		return EINVAL;
	return 0;
}

uint16_t
igbx_prep_pkts(void *queue __rte_unused, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;
	int ret;

	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];

		ret = igbx_prep_check(m);
		if (ret == 0)
			ret = -rte_validate_tx_offload(m);
		if (ret == 0)
			ret = -rte_net_intel_cksum_prepare(m);
		if (ret != 0) {
			rte_errno = ret;
			return i;
		}
	}
	return n;
}
