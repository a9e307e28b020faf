# SPDX-License-Identifier: BSD-3-Clause
# test_l2.py - DTS l2fwd, promisc_support, dynamic_config, mac_filter and
# port_stats: frames in on port 0, forwarded out of port 1 (two-link topology).
import os
import subprocess

import pytest

import confhelp as ch
import frames
from scenarios import idle

FOREIGN = '02:00:00:aa:bb:cc'
PEER1 = '00:11:22:33:44:55'
# DTS l2fwd frame sizes with the FCS; the simulator's frames carry none.
L2FWD_SIZES = [64, 128, 256, 512, 1024, 1280, 1518]


def io_fwd(testpmd, driver, *setup, args=()):
    tp = ch.start(testpmd, driver, args=args)
    for line in setup:
        tp.cmd(line)
    tp.cmd('set fwd io')
    tp.cmd('start')
    ch.capture_on(tp, 1)
    return tp


def passes(tp, dst, own):
    """Does a frame to dst get through port 0 (forwarded out of port 1)?"""
    f, tag = ch.tagged(dst)
    out = ch.exchange(tp, [f], ch.tagged(own))
    return len(ch.find(out, tag)) == 1


def test_l2fwd_mac_rewrite(driver, testpmd):
    """l2fwd: mac forwarding sends every frame out of port 1 with the source
    rewritten to port 1's MAC and the destination to port 1's peer address;
    frames of every DTS size arrive intact otherwise."""
    tp = ch.start(testpmd, driver)
    mac0, mac1 = ch.macs(tp)
    for line in ('set eth-peer 1 %s' % PEER1, 'set fwd mac', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    sent = [ch.tagged(mac0, size=s - 4) for s in L2FWD_SIZES]
    for f, _ in sent:
        tp.sim.inject(0, f)
    got = ch.collect(tp, 1, len(sent))
    assert len(got) == len(sent), (len(got), len(sent))
    for (f, tag), out in zip(sent, got):
        assert tag in out, 'frames reordered or lost'
        assert out[0:6] == frames.pad(bytes.fromhex(PEER1.replace(':', '')),
                                      6), out[:12].hex()
        assert out[6:12].hex(':') == mac1, out[:12].hex()
        assert (len(out), out[12:]) == (len(f), f[12:]), len(out)
    tp.cmd('stop', check=False)
    st = ch.stats(tp)
    assert (st[0]['rx_packets'], st[1]['tx_packets']) == (7, 7), st


def test_l2fwd_tap_peer(driver, testpmd):
    """l2fwd with a scapy peer on the host's TAP interfaces (the DTS traffic
    generator topology): sent on tap0, mac-forwarded, sniffed on tap1."""
    from scapy.sendrecv import AsyncSniffer, sendp
    name = 'igbc%d_' % (os.getpid() % 100000)
    tp = ch.start(testpmd, driver, wire=('--wire', 'tap', '--tap-name',
                                         name + '%u'))
    taps = [name + '0', name + '1']
    for tap in taps:
        subprocess.run(['sysctl', '-qw', 'net.ipv6.conf.%s.disable_ipv6=1' %
                        tap], check=False, capture_output=True)
        subprocess.run(['ip', 'link', 'set', 'dev', tap, 'up'], check=True)
    mac0, mac1 = ch.macs(tp)
    for line in ('set eth-peer 1 %s' % PEER1, 'set fwd mac', 'start'):
        tp.cmd(line)
    sniffer = AsyncSniffer(iface=taps[1], store=True,
                           lfilter=lambda p: p.src.lower() == mac1)
    sniffer.start()
    idle(tp, 0.5)
    sent = [ch.tagged(mac0, size=s) for s in (60, 500, 1514)]
    for f, _ in sent:
        sendp(f, iface=taps[0], verbose=False)
    idle(tp, 1.0)
    got = [bytes(p) for p in sniffer.stop()]
    for f, tag in sent:
        out = ch.find(got, tag)
        assert len(out) == 1, 'frame of %d bytes: %d copies' % (len(f),
                                                                len(out))
        assert out[0][:6].hex(':') == PEER1 and out[0][12:] == f[12:]


def test_promisc_support(driver, testpmd):
    """promisc_support: with promiscuous mode on (testpmd's default) a frame
    to a foreign unicast address is forwarded; off, it is dropped while the
    port's own address still passes."""
    tp = io_fwd(testpmd, driver)
    mac0 = tp.port_info(0)['mac']
    assert tp.port_info(0)['promisc'] == 'enabled'
    assert passes(tp, FOREIGN, mac0)
    tp.cmd('set promisc all off')
    assert tp.port_info(0)['promisc'] == 'disabled'
    assert not passes(tp, FOREIGN, mac0), 'foreign frame with promisc off'
    assert passes(tp, mac0, mac0)
    tp.cmd('set promisc all on')
    assert passes(tp, FOREIGN, mac0), 'foreign frame dropped, promisc on'


def test_dynamic_config(driver, testpmd):
    """dynamic_config: promiscuous and all-multicast modes changed while
    forwarding runs take effect on the next frame; broadcast always
    passes."""
    tp = io_fwd(testpmd, driver)
    mac0 = tp.port_info(0)['mac']
    group = '01:00:5e:00:00:01'
    bcast = 'ff:ff:ff:ff:ff:ff'
    want = [(FOREIGN, True), (group, True), (bcast, True)]
    assert [passes(tp, d, mac0) for d, _ in want] == [w for _, w in want]
    tp.cmd('set promisc 0 off')
    want = [(FOREIGN, False), (group, False), (bcast, True), (mac0, True)]
    assert [passes(tp, d, mac0) for d, _ in want] == [w for _, w in want]
    tp.cmd('set allmulti 0 on')
    want = [(FOREIGN, False), (group, True), ('01:00:5e:7f:00:09', True)]
    assert [passes(tp, d, mac0) for d, _ in want] == [w for _, w in want]
    tp.cmd('set allmulti 0 off')
    tp.cmd('set promisc 0 on')
    want = [(FOREIGN, True), (group, True)]
    assert [passes(tp, d, mac0) for d, _ in want] == [w for _, w in want]
    tp.cmd('stop', check=False)
    st = ch.stats(tp)
    assert st[0]['rx_errors'] == 0 and st[1]['tx_errors'] == 0, st


def test_mac_filter(driver, testpmd):
    """mac_filter: an added unicast address is accepted, a removed one no
    longer; invalid requests fail (zero address, removing the default,
    a 25th address); an added multicast group is accepted."""
    tp = io_fwd(testpmd, driver, 'set promisc all off')
    mac0 = tp.port_info(0)['mac']
    extra = '00:11:22:33:44:66'
    assert not passes(tp, extra, mac0)
    tp.cmd('mac_addr add 0 %s' % extra)
    assert passes(tp, extra, mac0), 'added address dropped'
    tp.cmd('mac_addr remove 0 %s' % extra)
    assert not passes(tp, extra, mac0), 'removed address accepted'
    with pytest.raises(Exception):
        tp.cmd('mac_addr add 0 00:00:00:00:00:00')
    with pytest.raises(Exception):
        tp.cmd('mac_addr remove 0 %s' % mac0)
    # 24 receive address registers: the default plus 23 more
    added = ['00:11:22:33:%02x:%02x' % (i // 256, i % 256)
             for i in range(1, 24)]
    for a in added:
        tp.cmd('mac_addr add 0 %s' % a)
    with pytest.raises(Exception):
        tp.cmd('mac_addr add 0 00:11:22:33:ff:ff')
    assert passes(tp, added[-1], mac0) and passes(tp, added[0], mac0)
    for a in added:
        tp.cmd('mac_addr remove 0 %s' % a)
    group = '01:00:5e:00:00:05'
    assert not passes(tp, group, mac0)
    tp.cmd('mcast_addr add 0 %s' % group)
    assert passes(tp, group, mac0), 'added multicast group dropped'
    tp.cmd('mcast_addr remove 0 %s' % group)
    assert not passes(tp, group, mac0), 'removed multicast group accepted'


def test_port_stats(driver, testpmd):
    """port_stats: N frames of S bytes in on port 0, out of port 1: packet
    and byte counters of both ports say exactly that (bytes without FCS)."""
    tp = io_fwd(testpmd, driver)
    mac0 = tp.port_info(0)['mac']
    tp.cmd('clear port stats all')
    before = tp.sim.counters(1)['wire_tx_frames']
    sent = [ch.tagged(mac0, size=100) for _ in range(25)]
    for f, _ in sent:
        tp.sim.inject(0, f)
    got = ch.collect(tp, 1, 25)
    assert len(got) == 25
    idle(tp, 0.2)
    st = ch.stats(tp)
    assert (st[0]['rx_packets'], st[0]['rx_bytes']) == (25, 2500), st
    assert (st[1]['tx_packets'], st[1]['tx_bytes']) == (25, 2500), st
    assert (st[0]['tx_packets'], st[1]['rx_packets']) == (0, 0), st
    for s in st:
        assert (s['rx_errors'], s['rx_missed'], s['tx_errors']) == (0, 0, 0)
    assert tp.sim.counters(1)['wire_tx_frames'] - before == 25
    tp.cmd('clear port stats all')
    st = ch.stats(tp)
    assert (st[0]['rx_packets'], st[1]['tx_packets']) == (0, 0), st
