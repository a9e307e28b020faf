# SPDX-License-Identifier: BSD-3-Clause
# test_device.py - the simulated 82576 under
# dpdk-testpmd, with the stock net_e1000_igb driver (referee) and with igbx.
"""Each test runs for both drivers (`driver` fixture): a failure with stock
points at the simulator, a failure only with igbx points at our PMD."""
import collections
import os
import subprocess

import frames
import scenarios
from scenarios import idle

FOREIGN_MAC = '02:00:00:aa:bb:cc'
BROADCAST = 'ff:ff:ff:ff:ff:ff'
# Two groups whose MTA hash differs for every RCTL.MO setting (datasheet
# 7.1.1.2: the hash takes 12 bits of the last two address bytes):
# MO=0 0x030 vs 0x090, MO=1 0x060 vs 0x121, MO=2 0x0c0 vs 0x242,
# MO=3 0x302 vs 0x909. So accepting one never implies accepting the other.
GROUP_ADDED = '01:00:5e:01:02:03'
GROUP_OTHER = '01:00:5e:09:09:09'
RSS_FLOWS = 64


def rxonly(tp, *setup):
    """Single-port receive checks: verbose rxonly, promiscuous off."""
    for line in setup:
        tp.cmd(line)
    tp.cmd('set fwd rxonly')
    tp.cmd('set verbose 1')
    tp.cmd('start')


def send_and_sync(tp, port, mac, frames_):
    """Inject frames then a marker frame to the port's own MAC; once the
    marker is seen, every earlier frame was filtered (frames of one port
    pass the device in order). Returns {src: [packets]} for the frames."""
    for f in frames_:
        tp.sim.inject(port, f)
    marker = frames.udp(mac)
    tp.sim.inject(port, marker)
    tp.wait_rx(frames.src_of(marker), port=port)
    idle(tp, 0.2)
    return {frames.src_of(f): tp.received(frames.src_of(f), port=port)
            for f in frames_}


def test_probe_nvm_mac_link(driver, testpmd):
    tp = testpmd(driver)
    scenarios.check_probe(tp)
    scenarios.close_and_quit(tp)


def test_io_forward_tx_first(driver, testpmd):
    tp = testpmd(driver)
    scenarios.check_probe(tp)
    st = scenarios.check_io_forwarding(tp, seconds=3)
    scenarios.close_and_quit(tp)
    scenarios.check_byte_counters(st)


def test_rss_spreads_flows_over_4_queues(driver, testpmd):
    tp = testpmd(driver, args=['--rxq=4', '--txq=4', '--rss-udp'])
    scenarios.check_probe(tp)
    assert tp.port_info(0)['rxq'] == '4'
    scenarios.check_io_forwarding(tp, seconds=3)
    key = tp.rss_key(0)
    reta = tp.reta(0)
    assert key is not None and len(key) == 40, key
    assert reta is not None and set(reta) == {0, 1, 2, 3}, reta
    mac = tp.port_info(0)['mac']
    rxonly(tp)
    flows = {}
    for i in range(RSS_FLOWS):
        sip, dip = '10.%d.%d.1' % (i // 8, i % 8), '192.168.%d.2' % (i * 7 % 251)
        sport, dport = 1024 + 97 * i, 5000 + i
        f = frames.udp(mac, sip=sip, dip=dip, sport=sport, dport=dport)
        flows[frames.src_of(f)] = frames.rss_input_ipv4(sip, dip, sport,
                                                        dport)
        tp.sim.inject(0, f)
    per_queue = collections.Counter()
    for src, data in flows.items():
        pkt, = tp.wait_rx(src, port=0)
        want = frames.toeplitz(key, data)
        assert pkt.rss_hash == want, 'flow %s: RSS hash %s, Toeplitz %#x: %s' \
            % (src, pkt.rss_hash, want, pkt.line)
        assert pkt.queue == reta[want & 0x7f], \
            'flow %s hash %#x on queue %d, RETA[%d]=%d' % (
                src, want, pkt.queue, want & 0x7f, reta[want & 0x7f])
        assert 'RTE_MBUF_F_RX_RSS_HASH' in pkt.ol_flags, pkt.ol_flags
        per_queue[pkt.queue] += 1
    assert sorted(per_queue) == [0, 1, 2, 3], per_queue
    tp.cmd('stop', check=False)
    scenarios.close_and_quit(tp)


def test_unicast_filter_and_promiscuous(driver, testpmd):
    tp = testpmd(driver)
    mac = tp.port_info(0)['mac']
    rxonly(tp, 'set promisc 0 off')
    assert tp.port_info(0)['promisc'] == 'disabled'
    foreign, own, bcast = (frames.udp(FOREIGN_MAC), frames.udp(mac),
                           frames.udp(BROADCAST))
    got = send_and_sync(tp, 0, mac, [foreign, own, bcast])
    assert len(got[frames.src_of(foreign)]) == 0, 'foreign unicast accepted'
    assert len(got[frames.src_of(own)]) == 1, 'own unicast dropped'
    assert len(got[frames.src_of(bcast)]) == 1, 'broadcast dropped'
    tp.cmd('set promisc 0 on')
    foreign2 = frames.udp(FOREIGN_MAC)
    got = send_and_sync(tp, 0, mac, [foreign2])
    assert len(got[frames.src_of(foreign2)]) == 1, \
        'foreign unicast dropped in promiscuous mode'


def test_multicast_filter_and_allmulti(driver, testpmd):
    tp = testpmd(driver)
    mac = tp.port_info(0)['mac']
    rxonly(tp, 'set promisc 0 off')
    before = frames.udp(GROUP_ADDED)
    got = send_and_sync(tp, 0, mac, [before])
    assert len(got[frames.src_of(before)]) == 0, \
        'group accepted before mcast_addr add'
    tp.cmd('mcast_addr add 0 %s' % GROUP_ADDED)
    added, other = frames.udp(GROUP_ADDED), frames.udp(GROUP_OTHER)
    got = send_and_sync(tp, 0, mac, [added, other])
    assert len(got[frames.src_of(added)]) == 1, 'added group dropped'
    assert len(got[frames.src_of(other)]) == 0, 'other group accepted'
    tp.cmd('set allmulti 0 on')
    assert tp.port_info(0)['allmulti'] == 'enabled'
    groups = [frames.udp(g) for g in (GROUP_ADDED, GROUP_OTHER,
                                      '01:00:5e:7f:ff:fa', '33:33:00:00:00:01')]
    got = send_and_sync(tp, 0, mac, groups)
    for f in groups:
        assert len(got[frames.src_of(f)]) == 1, \
            'allmulti dropped %s' % frames.src_of(f)
    tp.cmd('set allmulti 0 off')
    other2 = frames.udp(GROUP_OTHER)
    got = send_and_sync(tp, 0, mac, [other2])
    assert len(got[frames.src_of(other2)]) == 0, \
        'other group accepted after allmulti off'


def test_vlan_filter_and_strip(driver, testpmd):
    tp = testpmd(driver)
    mac = tp.port_info(0)['mac']
    rxonly(tp, 'set promisc 0 off', 'vlan set filter on 0', 'rx_vlan add 100 0')
    v100, v200, untagged = (frames.udp(mac, vlan=100, size=64),
                            frames.udp(mac, vlan=200, size=64),
                            frames.udp(mac))
    got = send_and_sync(tp, 0, mac, [v100, v200, untagged])
    assert len(got[frames.src_of(v100)]) == 1, 'VLAN 100 (in table) dropped'
    assert len(got[frames.src_of(v200)]) == 0, 'VLAN 200 (not in table) kept'
    assert len(got[frames.src_of(untagged)]) == 1, 'untagged frame dropped'
    pkt = got[frames.src_of(v100)][0]
    assert (pkt.ethertype, pkt.length) == (0x8100, 64), pkt.line
    # Strip on: the tag moves to the descriptor (vlan_tci), 4 bytes shorter.
    tp.cmd('vlan set strip on 0')
    v100s = frames.udp(mac, vlan=100, size=64)
    pkt, = send_and_sync(tp, 0, mac, [v100s])[frames.src_of(v100s)]
    assert (pkt.ethertype, pkt.length, pkt.vlan_tci) == (0x0800, 60, 100), \
        pkt.line
    assert 'RTE_MBUF_F_RX_VLAN_STRIPPED' in pkt.ol_flags, pkt.ol_flags
    tp.cmd('rx_vlan rm 100 0')
    v100r = frames.udp(mac, vlan=100, size=64)
    got = send_and_sync(tp, 0, mac, [v100r])
    assert len(got[frames.src_of(v100r)]) == 0, 'VLAN 100 kept after rx_vlan rm'


CSUM_CASES = [
    # (name, builder, corrupt IP?, corrupt L4 offset or None, IP flag, L4 flag)
    ('tcp-good', frames.tcp, False, None, 'GOOD', 'GOOD'),
    ('tcp-bad-ip', frames.tcp, True, None, 'BAD', None),
    ('tcp-bad-l4', frames.tcp, False, frames.TCP_CSUM_OFF, 'GOOD', 'BAD'),
    ('udp-good', frames.udp, False, None, 'GOOD', 'GOOD'),
    ('udp-bad-ip', frames.udp, True, None, 'BAD', None),
    ('udp-bad-l4', frames.udp, False, frames.UDP_CSUM_OFF, 'GOOD', 'BAD'),
    ('udp-bad-both', frames.udp, True, frames.UDP_CSUM_OFF, 'BAD', 'BAD'),
]


def test_rx_checksum_flags(driver, testpmd):
    tp = testpmd(driver, args=['--enable-rx-cksum'])
    mac = tp.port_info(0)['mac']
    rxonly(tp)
    sent = []
    for name, build, bad_ip, l4_off, ip_flag, l4_flag in CSUM_CASES:
        f = build(mac, sip='10.1.1.1', dip='10.2.2.2', size=80)
        if bad_ip:
            f = frames.corrupt16(f, frames.IP_CSUM_OFF)
        if l4_off is not None:
            f = frames.corrupt16(f, l4_off)
        sent.append((name, f, ip_flag, l4_flag))
    got = send_and_sync(tp, 0, mac, [f for _, f, _, _ in sent])
    for name, f, ip_flag, l4_flag in sent:
        pkts = got[frames.src_of(f)]
        assert len(pkts) == 1, '%s: frame with bad checksum not delivered' % name
        flags = pkts[0].ol_flags
        assert 'RTE_MBUF_F_RX_IP_CKSUM_%s' % ip_flag in flags, (name, flags)
        if l4_flag:
            assert 'RTE_MBUF_F_RX_L4_CKSUM_%s' % l4_flag in flags, (name,
                                                                     flags)


def test_xstats_match_frames_sent(driver, testpmd):
    tp = testpmd(driver)
    mac = tp.port_info(0)['mac']
    rxonly(tp)
    tp.cmd('clear port stats 0')
    tp.cmd('clear port xstats 0')
    bad = [frames.udp(mac) for _ in range(2)]
    for f in bad:
        tp.sim.inject(0, f, badcrc=True)
    good = [frames.udp(mac) for _ in range(5)] + \
        [frames.udp(BROADCAST, size=100) for _ in range(2)] + \
        [frames.udp(GROUP_ADDED, size=100)]
    for f in good:
        tp.sim.inject(0, f)
    for f in good:
        tp.wait_rx(frames.src_of(f), port=0)
    idle(tp, 0.3)
    for f in bad:
        assert tp.received(frames.src_of(f)) == [], 'bad-CRC frame delivered'
    xs = tp.xstats(0)
    # 60- and 100-byte frames are 64 and 104 bytes on the wire with the FCS;
    # DPDK byte counters exclude the FCS: 5 * 60 + 3 * 100 = 600.
    want = {'rx_good_packets': 8, 'rx_good_bytes': 600, 'rx_errors': 2,
            'rx_crc_errors': 2, 'rx_size_64_packets': 5,
            'rx_size_65_to_127_packets': 3, 'rx_broadcast_packets': 2,
            'rx_multicast_packets': 1, 'rx_missed_errors': 0}
    have = {k: xs.get(k) for k in want}
    assert have == want, 'xstats %s, want %s' % (have, want)
    st = tp.port_stats(0)
    assert (st['rx_packets'], st['rx_bytes'], st['rx_errors']) == (8, 600, 2), st


def test_link_down_up_raises_lsc(driver, testpmd):
    """Unplugging port 0's cable takes the link down on both ends of the
    pair and raises a link state change; plugging it back brings 1000 Mb/s
    full duplex back."""
    tp = testpmd(driver)
    scenarios.check_probe(tp)
    mark = len(tp.sim.buf)
    tp.sim.link(0, False)
    for port in (0, 1):
        info = scenarios.wait_link(tp, port, 'down')
        assert info['link_status'] == 'down', info
    tp.sim.read_until(r'Port 0: link state change event', start=mark,
                      timeout=5)
    mark = len(tp.sim.buf)
    tp.sim.link(0, True)
    for port in (0, 1):
        info = scenarios.wait_link(tp, port, 'up')
        assert (info['link_status'], info['link_mbps'],
                info['link_duplex']) == ('up', 1000, 'full-duplex'), info
    tp.sim.read_until(r'Port 0: link state change event', start=mark,
                      timeout=5)
    scenarios.check_io_forwarding(tp, seconds=1, min_packets=500)


def tap_testpmd(testpmd, driver, args=()):
    """testpmd whose port 0 is wired to a host TAP interface; returns it and
    the interface name (unique per test process, IFNAMSIZ-safe)."""
    name = 'igbt%d_' % (os.getpid() % 100000)
    tp = testpmd(driver, args=args,
                 sim_args=['--wire', 'tap', '--tap-name', name + '%u'])
    tap = name + '0'
    subprocess.run(['sysctl', '-qw', 'net.ipv6.conf.%s.disable_ipv6=1' % tap],
                   check=False, capture_output=True)
    subprocess.run(['ip', 'link', 'set', 'dev', tap, 'up'], check=True)
    return tp, tap


def test_tap_peer_checksum_flags(driver, testpmd):
    """Good and bad checksums sent by scapy from the host's TAP peer."""
    from scapy.sendrecv import sendp
    tp, tap = tap_testpmd(testpmd, driver, args=['--enable-rx-cksum'])
    mac = scenarios.wait_link_up(tp, 0)['mac']
    rxonly(tp)
    good = frames.tcp(mac, size=80)
    bad_ip = frames.corrupt16(frames.tcp(mac, size=80), frames.IP_CSUM_OFF)
    bad_l4 = frames.corrupt16(frames.udp(mac, size=80), frames.UDP_CSUM_OFF)
    for f in (good, bad_ip, bad_l4):
        sendp(f, iface=tap, verbose=False)
    want = {frames.src_of(good): ('GOOD', 'GOOD'),
            frames.src_of(bad_ip): ('BAD', None),
            frames.src_of(bad_l4): ('GOOD', 'BAD')}
    for src, (ip_flag, l4_flag) in want.items():
        pkt, = tp.wait_rx(src, port=0)
        assert pkt.length == 80, pkt.line
        assert 'RTE_MBUF_F_RX_IP_CKSUM_%s' % ip_flag in pkt.ol_flags, pkt
        if l4_flag:
            assert 'RTE_MBUF_F_RX_L4_CKSUM_%s' % l4_flag in pkt.ol_flags, pkt


def test_tap_peer_sees_transmitted_frames(driver, testpmd):
    """Frames the port transmits (txonly) reach the host through the TAP."""
    from scapy.sendrecv import AsyncSniffer
    tp, tap = tap_testpmd(testpmd, driver)
    mac = scenarios.wait_link_up(tp, 0)['mac']
    sniffer = AsyncSniffer(iface=tap, store=True,
                           lfilter=lambda p: p.src.lower() == mac)
    sniffer.start()
    idle(tp, 0.5)
    tp.cmd('set fwd txonly')
    tp.cmd('start')
    idle(tp, 1)
    tp.cmd('stop', check=False)
    idle(tp, 0.5)
    got = sniffer.stop()
    assert len(got) >= 10, 'host saw %d frames from %s' % (len(got), mac)
    # txonly builds 64-byte mbufs (the device appends the FCS, the TAP
    # delivers the frame without it).
    assert {len(bytes(p)) for p in got} == {64}, \
        sorted({len(bytes(p)) for p in got})
