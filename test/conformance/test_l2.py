# SPDX-License-Identifier: BSD-3-Clause
# test_l2.py - DTS l2fwd: frames in on port 0, forwarded out of port 1
# (two-link topology), MAC rewriting and a TAP peer. (promisc_support,
# dynamic_config, mac_filter and port_stats: DTS's own suites in CI.)
import os
import subprocess

import confhelp as ch
import frames
from scenarios import idle

PEER1 = '00:11:22:33:44:55'
# DTS l2fwd frame sizes with the FCS; the simulator's frames carry none.
L2FWD_SIZES = [64, 128, 256, 512, 1024, 1280, 1518]


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
