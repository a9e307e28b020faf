# SPDX-License-Identifier: BSD-3-Clause
# test_generic_flow.py - DTS generic_filter / generic_flow_api (82576 plans)
# and rte_flow: ethertype, 5-tuple and TCP SYN rules steering to a queue.
"""The rules go in through testpmd's `flow` commands; the 82576 holds them in
its ETQF, FTQF/SAQF/DAQF/SPQF/IMIR and SYNQF filters (datasheet 7.1.2).
Frames that match no rule follow RSS: queue = RETA[hash & 127]."""
import re

import pytest
from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw

import confhelp as ch
import frames

NB_Q = 4


def create(tp, rule, verb='create'):
    out = tp.cmd('flow %s 0 %s' % (verb, rule), check=False)
    ok = re.search(r'Flow rule #(\d+) created|Flow rule validated', out)
    if not ok and tp.driver == 'igbx':
        pytest.xfail('igbx refuses %r: %s' % (
            rule, out.strip().split('\n')[-1]))
    assert ok, 'rule refused: %s\n%s' % (rule, out)
    return int(ok.group(1)) if ok.group(1) else None


def flow_testpmd(testpmd, driver):
    tp = ch.start(testpmd, driver, ports=1,
                  args=['--rxq=%d' % NB_Q, '--txq=%d' % NB_Q])
    return tp


def queues_of(tp, sends):
    got = ch.deliver(tp, sends)
    out = []
    for f in sends:
        pkts = got[frames.src_of(f)]
        assert len(pkts) == 1, 'frame %s: %d received' % (frames.src_of(f),
                                                          len(pkts))
        out.append(pkts[0].queue)
    return out


def ether(mac, etype):
    return frames.pad(Ether(dst=mac, src=frames.new_src(), type=etype) /
                      Raw(b'\x00' * 46))


def syn(mac, flags, sport):
    return frames.pad(Ether(dst=mac, src=frames.new_src()) /
                      IP(src='10.0.0.1', dst='10.0.0.2') /
                      TCP(sport=sport, dport=80, flags=flags))


def test_generic_filter_ethertype(driver, testpmd):
    """generic_filter ethertype: 0x88b5 frames to queue 3, 0x88b6 not;
    after `flow destroy` 0x88b5 frames no longer go there."""
    tp = flow_testpmd(testpmd, driver)
    mac = tp.port_info(0)['mac']
    rid = create(tp, 'ingress pattern eth type is 0x88b5 / end '
                 'actions queue index 3 / end')
    ch.verbose_rxonly(tp)
    assert queues_of(tp, [ether(mac, 0x88b5), ether(mac, 0x88b6)]) == [3, 0]
    assert re.search(r'(?m)^%d\s+0\s+0\s+i-' % rid, tp.cmd('flow list 0')), \
        tp.cmd('flow list 0')
    tp.cmd('flow destroy 0 rule %d' % rid)
    assert queues_of(tp, [ether(mac, 0x88b5)]) == [0]


def test_generic_filter_5tuple(driver, testpmd):
    """generic_filter 5-tuple (ntuple): IPv4 UDP 10.0.0.1:1024 ->
    10.0.0.2:5000 to queue 2; other destination ports follow RSS."""
    tp = flow_testpmd(testpmd, driver)
    mac = tp.port_info(0)['mac']
    rule = ('ingress pattern eth / ipv4 src is 10.0.0.1 dst is 10.0.0.2 / '
            'udp src is 1024 dst is 5000 / end actions queue index 2 / end')
    create(tp, rule, verb='validate')
    create(tp, rule)
    tp.cmd('port config all rss udp')
    reta = tp.reta(0)
    key = tp.rss_key(0)
    ch.verbose_rxonly(tp)
    hit = [frames.udp(mac, dport=5000, sport=1024) for _ in range(3)]
    assert queues_of(tp, hit) == [2, 2, 2]
    miss = [frames.udp(mac, sport=1024, dport=5001 + i) for i in range(8)]
    want = [reta[frames.toeplitz(key, frames.rss_input_ipv4(
        '10.0.0.1', '10.0.0.2', 1024, 5001 + i)) & 0x7f] for i in range(8)]
    assert queues_of(tp, miss) == want


def test_generic_filter_syn(driver, testpmd):
    """generic_filter SYN: TCP segments with SYN set go to queue 1, others
    (ACK) follow RSS; `flow flush` removes the rule."""
    tp = flow_testpmd(testpmd, driver)
    mac = tp.port_info(0)['mac']
    create(tp, 'ingress pattern eth / ipv4 / tcp flags spec 0x02 '
           'flags mask 0x02 / end actions queue index 1 / end')
    tp.cmd('port config all rss tcp')
    reta, key = tp.reta(0), tp.rss_key(0)
    ch.verbose_rxonly(tp)
    sports = [3000 + 11 * i for i in range(6)]
    assert queues_of(tp, [syn(mac, 'S', s) for s in sports]) == [1] * 6
    rss = [reta[frames.toeplitz(key, frames.rss_input_ipv4(
        '10.0.0.1', '10.0.0.2', s, 80)) & 0x7f] for s in sports]
    assert queues_of(tp, [syn(mac, 'A', s) for s in sports]) == rss
    tp.cmd('flow flush 0')
    assert 'Flow rule' not in tp.cmd('flow list 0')
    assert queues_of(tp, [syn(mac, 'S', s) for s in sports]) == rss
