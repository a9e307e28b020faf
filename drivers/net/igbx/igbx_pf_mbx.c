/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igbx_pf_mbx.c: the PF host's mailbox server (7.8.2.2). ICR.VMMB brings the
 * port's interrupt thread here: VFLRE names the VFs that reset themselves,
 * MBVFICR those with a message. Each message is read whole, checked, acted on
 * and answered ACK or NACK (CTS once the VF did its RESET). A message the
 * server cannot use is NACKed and logged; a VF can neither stop the server
 * nor change another VF's or the PF's settings.
 */
#include <string.h>

#include <ethdev_driver.h>

#include "igbx_ethdev.h"
#include "igbx_pf.h"
#include "igbx_pf_regs.h"

/* A handler's outcome: 0 ACK, a negative errno NACK; *n the words of the
 * answer (word 0 included). */
typedef int (*igbx_pf_msg_fn)(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg,
			      unsigned int *n);

static struct igbx_pf_vf *
igbx_pf_vf_of(struct rte_eth_dev *dev, unsigned int vf)
{
	return &IGBX_DEV_ADAPTER(dev)->pf.vf[vf];
}

static uint32_t
igbx_pf_msg_info(uint32_t w0)
{
	return (w0 & IGBX_MBX_INFO_MASK) >> IGBX_MBX_INFO_SHIFT;
}

/* RESET: the VF starts afresh with its address and its pool enabled. The
 * answer carries the address (words 1-2) and the multicast filter type
 * (word 3: RCTL.MO 0); no CTS bit, as VFs check the word exactly. */
static int
igbx_pf_msg_reset(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg, unsigned int *n)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);

	igbx_pf_vf_forget(dev, vf);
	v->cts = true;
	igbx_pf_vf_program(dev, vf);
	igbx_pf_mta_sync(dev);
	memset(&msg[1], 0, 3 * sizeof(msg[0]));
	memcpy(&msg[1], v->mac.addr_bytes, RTE_ETHER_ADDR_LEN);
	*n = 4;
	return 0;
}

/* SET_MAC_ADDR: words 1-2 the address; all zero takes the VF's address off
 * the filters (a VF closing), the assigned one stays for its next RESET. */
static int
igbx_pf_msg_set_mac(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg, unsigned int *n)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	struct rte_ether_addr a;

	(void)n;
	memcpy(a.addr_bytes, &msg[1], RTE_ETHER_ADDR_LEN);
	if (rte_is_zero_ether_addr(&a)) {
		igbx_write(hw, IGBX_RAH(IGBX_PF_VF_RAR(vf)), 0);
		return 0;
	}
	if (!rte_is_unicast_ether_addr(&a))
		return -EINVAL;
	if (v->mac_by_pf && !rte_is_same_ether_addr(&a, &v->mac))
		return -EPERM;
	v->mac = a;
	igbx_pf_vf_program(dev, vf);
	return 0;
}

/* SET_MULTICAST: info the count (at most IGBX_MBX_MAX_MC), 12-bit hashes in
 * the 16-bit halves of words 1..15; they replace the VF's list. */
static int
igbx_pf_msg_set_mc(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg, unsigned int *n)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);
	uint32_t nb = igbx_pf_msg_info(msg[0]), i;
	uint16_t hash[IGBX_MBX_MAX_MC];

	(void)n;
	if (nb > IGBX_MBX_MAX_MC)
		return -EINVAL;
	for (i = 0; i < nb; i++) {
		hash[i] = (uint16_t)(msg[1 + i / 2] >> (16 * (i & 1)));
		if (hash[i] >= IGBX_MTA_WORDS * 32)
			return -EINVAL;
	}
	memcpy(v->mc_hash, hash, nb * sizeof(hash[0]));
	v->nb_mc = (uint8_t)nb;
	igbx_pf_mta_sync(dev);
	return 0;
}

/* SET_VLAN: info 1 add, 0 remove; word 1 the VLAN id. */
static int
igbx_pf_msg_set_vlan(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg, unsigned int *n)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);
	uint32_t add = igbx_pf_msg_info(msg[0]), vid = msg[1];
	unsigned int i;
	int ret;

	(void)n;
	if (add > 1 || vid > RTE_ETHER_MAX_VLAN_ID)
		return -EINVAL;
	for (i = 0; i < v->nb_vlans && v->vlans[i] != vid; i++)
		;
	if (!add) {
		if (i == v->nb_vlans)
			return 0;
		v->vlans[i] = v->vlans[--v->nb_vlans];
		return igbx_pf_vf_vlan(dev, vf, (uint16_t)vid, false);
	}
	if (i < v->nb_vlans)
		return 0;
	if (v->nb_vlans == IGBX_PF_VF_VLANS)
		return -ENOSPC;
	ret = igbx_pf_vf_vlan(dev, vf, (uint16_t)vid, true);
	if (ret == 0)
		v->vlans[v->nb_vlans++] = (uint16_t)vid;
	return ret;
}

/* SET_LPE: word 1 the largest frame the VF receives (VMOLR.RLPML). */
static int
igbx_pf_msg_set_lpe(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg, unsigned int *n)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);

	(void)n;
	if (msg[1] < RTE_ETHER_MIN_LEN || msg[1] > IGBX_MAX_FRAME)
		return -EINVAL;
	v->max_frame = (uint16_t)msg[1];
	igbx_pf_vf_program(dev, vf);
	return 0;
}

/* SET_PROMISC (Linux igb's message; the stock DPDK host refuses it): info
 * the IGBX_MBX_PROMISC_* the VF wants; granted to trusted VFs only, none
 * may always be asked for. */
static int
igbx_pf_msg_set_promisc(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg,
			unsigned int *n)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);
	uint32_t want = igbx_pf_msg_info(msg[0]);

	(void)n;
	if (want & ~(uint32_t)(IGBX_MBX_PROMISC_UNICAST | IGBX_MBX_PROMISC_MULTICAST))
		return -EINVAL;
	if (want != 0 && !v->trusted)
		return -EPERM;
	v->promisc = (uint8_t)want;
	igbx_pf_vf_program(dev, vf);
	return 0;
}

/* API_NEGOTIATE: word 1 the version the VF speaks; ACK when we do too. */
static int
igbx_pf_msg_api(struct rte_eth_dev *dev, unsigned int vf, uint32_t *msg, unsigned int *n)
{
	(void)n;
	if (msg[1] > IGBX_MBX_API_LATEST)
		return -ENOTSUP;
	igbx_pf_vf_of(dev, vf)->api = (uint8_t)msg[1];
	return 0;
}

static const struct {
	uint16_t id;
	const char *name;
	igbx_pf_msg_fn fn;
} igbx_pf_msgs[] = {
	{ IGBX_MBX_RESET, "RESET", igbx_pf_msg_reset },
	{ IGBX_MBX_SET_MAC_ADDR, "SET_MAC_ADDR", igbx_pf_msg_set_mac },
	{ IGBX_MBX_SET_MULTICAST, "SET_MULTICAST", igbx_pf_msg_set_mc },
	{ IGBX_MBX_SET_VLAN, "SET_VLAN", igbx_pf_msg_set_vlan },
	{ IGBX_MBX_SET_LPE, "SET_LPE", igbx_pf_msg_set_lpe },
	{ IGBX_MBX_SET_PROMISC, "SET_PROMISC", igbx_pf_msg_set_promisc },
	{ IGBX_MBX_API_NEGOTIATE, "API_NEGOTIATE", igbx_pf_msg_api },
};

/* One line per refused message, thinned out for a VF that floods: the
 * 1st, 2nd, 4th, 8th... */
static void
igbx_pf_msg_refused(struct rte_eth_dev *dev, unsigned int vf, uint32_t w0, const char *name,
		    int ret)
{
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);

	v->bad_msgs++;
	if ((v->bad_msgs & (v->bad_msgs - 1)) != 0)
		return;
	IGBX_LOG(WARNING, "port %u VF %u: message 0x%08x (%s) refused: %s (%u refused so far)",
		 dev->data->port_id, vf, w0, name, strerror(-ret), v->bad_msgs);
}

/* One message of VF vf: read, handled, answered. */
static void
igbx_pf_vf_msg(struct rte_eth_dev *dev, unsigned int vf)
{
	struct igbx_hw *hw = IGBX_DEV_HW(dev);
	struct igbx_pf_vf *v = igbx_pf_vf_of(dev, vf);
	uint32_t msg[IGBX_MBX_PF_WORDS], id;
	const char *name = "unknown";
	unsigned int i, n = 1;
	int ret = -ENOTSUP;

	if (igbx_mbx_pf_read(hw, vf, msg) != 0) {
		igbx_pf_msg_refused(dev, vf, 0, "unread, VF holds the buffer", -EBUSY);
		return;
	}
	id = msg[0] & IGBX_MBX_ID_MASK;
	for (i = 0; i < RTE_DIM(igbx_pf_msgs); i++) {
		if (igbx_pf_msgs[i].id != id)
			continue;
		name = igbx_pf_msgs[i].name;
		if (msg[0] & (IGBX_MBX_ACK | IGBX_MBX_NACK | IGBX_MBX_CTS))
			ret = -EINVAL;		/* verdict bits are the PF's */
		else if (id != IGBX_MBX_RESET && !v->cts)
			ret = -EPERM;		/* RESET first */
		else
			ret = igbx_pf_msgs[i].fn(dev, vf, msg, &n);
		break;
	}
	if (ret != 0) {
		igbx_pf_msg_refused(dev, vf, msg[0], name, ret);
		n = 1;
	}
	msg[0] = (msg[0] & ~(IGBX_MBX_ACK | IGBX_MBX_NACK | IGBX_MBX_CTS)) |
		 (ret == 0 ? IGBX_MBX_ACK : IGBX_MBX_NACK);
	if (v->cts && id != IGBX_MBX_RESET)
		msg[0] |= IGBX_MBX_CTS;
	if (igbx_mbx_pf_write(hw, vf, msg, n) != 0)
		igbx_pf_msg_refused(dev, vf, msg[0], "unanswered, VF holds the buffer", -EBUSY);
}

/* VF function level reset (VFLRE): its pool is off until its next RESET. */
static void
igbx_pf_vf_flr(struct rte_eth_dev *dev, unsigned int vf)
{
	igbx_pf_vf_forget(dev, vf);
	igbx_pf_vf_of(dev, vf)->cts = false;
	igbx_pf_vf_program(dev, vf);
	igbx_pf_mta_sync(dev);
	IGBX_LOG(INFO, "port %u VF %u: function level reset", dev->data->port_id, vf);
}

/* Every VF's reset and message waiting (lock held). */
static void
igbx_pf_mbx_serve(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_pf_state *pf = &ad->pf;
	struct igbx_hw *hw = &ad->hw;
	uint32_t flr, icr, all = IGBX_BIT(pf->nb_vfs) - 1;
	unsigned int vf;

	flr = igbx_read(hw, IGBX_VFLRE) & all;
	if (flr != 0)
		igbx_write(hw, IGBX_VFLRE, flr);
	icr = igbx_read(hw, IGBX_MBVFICR);
	if (icr != 0)
		igbx_write(hw, IGBX_MBVFICR, icr);
	for (vf = 0; vf < pf->nb_vfs; vf++) {
		if (flr & IGBX_BIT(vf))
			igbx_pf_vf_flr(dev, vf);
		if (icr & IGBX_MBVFICR_VFREQ(vf))
			igbx_pf_vf_msg(dev, vf);
	}
}

void
igbx_pf_mbx_intr(struct rte_eth_dev *dev)
{
	struct igbx_pf_state *pf = &IGBX_DEV_ADAPTER(dev)->pf;

	if (pf->nb_vfs == 0)
		return;
	rte_spinlock_lock(&pf->lock);
	if (pf->started)
		igbx_pf_mbx_serve(dev);
	rte_spinlock_unlock(&pf->lock);
}

/* Link changed: VFs that speak API 1.1 get a PF control message with the
 * link (stock VFs do not expect unasked messages and are left alone). The
 * buffer is shared: requests waiting are answered first, so that the notice
 * does not overwrite one. */
void
igbx_pf_link_notify(struct rte_eth_dev *dev)
{
	struct igbx_adapter *ad = IGBX_DEV_ADAPTER(dev);
	struct igbx_pf_state *pf = &ad->pf;
	uint32_t msg[2];
	unsigned int vf;
	bool up = dev->data->dev_link.link_status != 0;

	if (pf->nb_vfs == 0)
		return;
	rte_spinlock_lock(&pf->lock);
	if (pf->started) {		/* called when the link changed */
		igbx_pf_mbx_serve(dev);
		pf->link_up = up;
		msg[0] = IGBX_MBX_PF_CONTROL | IGBX_MBX_CTS;
		msg[1] = up ? IGBX_MBX_LINK_UP : 0;
		for (vf = 0; vf < pf->nb_vfs; vf++)
			if (pf->vf[vf].cts && pf->vf[vf].api >= IGBX_MBX_API_11 &&
			    igbx_mbx_pf_write(&ad->hw, vf, msg, 2) != 0)
				igbx_pf_msg_refused(dev, vf, msg[0],
						    "link notice, VF holds the buffer", -EBUSY);
	}
	rte_spinlock_unlock(&pf->lock);
}
