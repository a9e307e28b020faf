# SPDX-License-Identifier: BSD-3-Clause
# Conformance suite: DTS-style scenarios on the simulated 82576,
# each run with the stock net_e1000_igb driver (referee) and with igbx.
"""Run: IGBX_BUILD=<build> /usr/bin/python3 -m pytest -q test/conformance

Topology: as DTS, a traffic generator facing the ports: the simulator runs
with `--wire none` (frames injected into port 0, what port 1 sends is
captured) or `--wire tap` (a scapy peer on the host's TAP interfaces).
Capability gates follow DTS: where the stock driver lacks a capability the
scenario asserts that and skips ("gate"); igbx must pass every gate, and an
igbx gap is an expected failure (xfail) naming the symptom.

Scenarios (module: DTS suite or test plan it follows):
  test_smoke.py        smoke_tests (driver, link, device info), hello_world
                       (examples/helloworld built with pkg-config), blocklist
  test_l2.py           l2fwd (mac fwd rewrites addresses; TAP peer variant),
                       promisc_support, dynamic_config, mac_filter, port_stats
  test_vlan.py         vlan (filter, strip, insert), dual_vlan (extend),
                       qinq (forwarding; qinq_strip gate)
  test_offload.py      checksum_offload (RX flags, csum engine TX incl. SCTP,
                       SCTP RX gate), rx_tx_offload, tso, uni_pkt
  test_mtu.py          mtu (several MTUs, boundary frames, ROC), jumboframes,
                       pmd_buffer_scatter
  test_rss.py          pmd_rss (hash types, key), pmdrssreta (RETA update)
  test_port.py         port_control, port_restart_config_persistency,
                       shutdown_api, queue_start_stop, dynamic_queue_conf,
                       link status interrupt, single_core_forward_perf
  test_generic_flow.py generic_filter / generic_flow_api / rte_flow
                       (ethertype, 5-tuple, SYN, RSS; validate/list/destroy)
  test_packet_capture.py packet_capture (dpdk-dumpcap as a secondary process)
Skipped as another device class: virtio_fwd, softnic, os_udp (need virtio,
the softnic PMD or a kernel netdev), l3fwd (a separate helper's suite)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
