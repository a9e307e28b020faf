/* SPDX-License-Identifier: BSD-3-Clause */
/**
 * @file
 * rte_pmd_igbx.h: igbx's private API for a port that is SR-IOV PF host (its
 * PCI function has VFs enabled; the PF serves VFs 0..max_vfs-1 of
 * rte_eth_dev_info). Settings take effect at once and survive the port's
 * restart; a VF's RESET keeps them.
 *
 * Every function returns 0 or a negative errno, and logs one line naming the
 * parameter, its value and what is allowed:
 * - -ENODEV: port_id is not a valid port;
 * - -ENOTSUP: the port is not driven by net_igbx, or is not an SR-IOV host;
 * - -EINVAL: vf is not one of the port's VFs, or a value is out of range.
 *
 * An application links to librte_net_igbx.so (or loads it with -d and looks
 * the symbols up) and includes this header.
 */
#ifndef RTE_PMD_IGBX_H
#define RTE_PMD_IGBX_H

#include <stdint.h>

#include <rte_ether.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Trust a VF: a trusted VF's requests for promiscuous or all-multicast
 * reception (the mailbox's SET_PROMISC) are granted, an untrusted VF's
 * refused. VFs start untrusted. Taking trust away drops what was granted.
 * @param on 1 trusted, 0 not.
 */
int rte_pmd_igbx_set_vf_trust(uint16_t port_id, uint16_t vf, uint8_t on);

/**
 * MAC anti-spoofing of a VF's pool (DTXSWC): frames the VF sends with a
 * source address that is not its own are dropped. On by default.
 * @param on 1 check, 0 let any source address through.
 */
int rte_pmd_igbx_set_vf_mac_anti_spoof(uint16_t port_id, uint16_t vf, uint8_t on);

/**
 * VLAN insertion for a VF (VMVIR): every frame the VF sends gets this tag.
 * @param vlan_id 1..4095 the tag's VLAN id; 0 no insertion.
 */
int rte_pmd_igbx_set_vf_vlan_insert(uint16_t port_id, uint16_t vf, uint16_t vlan_id);

/**
 * Transmit rate limit of a VF: the 82576's rate scheduler on both of the
 * VF's queues, as a fraction of the link speed (the limit follows the link
 * when it renegotiates at another speed).
 * @param tx_rate_mbps 1..1000 Mb/s; 0 no limit.
 */
int rte_pmd_igbx_set_vf_rate_limit(uint16_t port_id, uint16_t vf, uint32_t tx_rate_mbps);

/**
 * The address a VF gets (in its RESET answer and its RAR entry), fixed by
 * the PF: the VF can no longer change it with SET_MAC_ADDR.
 * @param mac a unicast address, not all zero.
 */
int rte_pmd_igbx_set_vf_mac(uint16_t port_id, uint16_t vf, const struct rte_ether_addr *mac);

#ifdef __cplusplus
}
#endif

#endif /* RTE_PMD_IGBX_H */
