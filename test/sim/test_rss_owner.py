# SPDX-License-Identifier: BSD-3-Clause
# test_rss_owner.py - the port's RSS and an rte_flow RSS rule share one hash and one
# redirection table (MRQC, RSSRK, RETA): what the device holds must not depend on the
# order in which the port's RSS, the rule and dev_start were applied.
"""While an RSS rule exists the device hashes with the rule's types and table;
reta/hash updates made meanwhile change the port's configuration only, and the
device shows that configuration again once the rule is destroyed. Checked on
the registers of the simulated 82576 (RETA: four one-byte entries per register,
MRQC.MRQE 010b = RSS, bit 22 = UDP/IPv4 hashing; datasheet 8.10) and on the
queue each frame lands in. igbx only: which table wins is the driver's policy.
"""
import struct

import pytest

import frames
from igbxsim import need_driver

MRQC, RETA = 0x5818, 0x5C00
MRQE_MASK, MRQE_RSS = 0x7, 0x2
MRQC_UDPIPV4 = 1 << 22
NB_RXQ = 4
PORT = 0
RULE = 'ingress pattern end actions rss types ipv4-udp end queues 1 3 end / end'


@pytest.fixture
def tp(testpmd):
    need_driver('igbx')
    t = testpmd('igbx', args=['--rxq=%d' % NB_RXQ, '--txq=%d' % NB_RXQ])
    t.cmd('set fwd rxonly')
    t.cmd('set verbose 1')
    return t


def reta(tp):
    out = []
    for i in range(32):
        out += list(struct.pack('<I', tp.sim.peek(PORT, RETA + 4 * i)))
    return out


def mrqc(tp):
    return tp.sim.peek(PORT, MRQC)


def set_port_reta(tp, queue):
    """reta_update: every one of the 128 entries to `queue`, a few per command
    (testpmd's tokens hold 128 characters)."""
    for base in range(0, 128, 12):
        pairs = ','.join('(%d,%d)' % (i, queue) for i in range(base, min(base + 12, 128)))
        tp.cmd('port config %d rss reta %s' % (PORT, pairs))


def create_rule(tp):
    out = tp.cmd('flow create %d %s' % (PORT, RULE), check=False)
    assert 'created' in out, out
    return int(out.split('#')[1].split()[0])


def queues_of(tp, n=24):
    mac = tp.port_info(PORT)['mac']
    seen = set()
    for i in range(n):
        f = frames.udp(mac, sport=3000 + 17 * i, dport=4000 + i)
        tp.sim.inject(PORT, f)
        pkt, = tp.wait_rx(frames.src_of(f), port=PORT, timeout=5)
        seen.add(pkt.queue)
    return seen


def assert_rule_holds(tp):
    assert reta(tp) == [1, 3] * 64
    m = mrqc(tp)
    assert m & MRQE_MASK == MRQE_RSS and m & MRQC_UDPIPV4, 'MRQC 0x%08x' % m
    assert queues_of(tp) == {1, 3}


def test_rule_over_port_rss_then_back(tp):
    """port RSS -> rule -> port reta_update under the rule -> destroy."""
    tp.cmd('port config all rss udp')
    set_port_reta(tp, 2)
    tp.cmd('start')
    assert reta(tp) == [2] * 128
    port_mrqc = mrqc(tp)
    assert port_mrqc & MRQE_MASK == MRQE_RSS and port_mrqc & MRQC_UDPIPV4, \
        'MRQC 0x%08x' % port_mrqc
    assert queues_of(tp) == {2}

    rid = create_rule(tp)
    assert_rule_holds(tp)
    # the port's table changes while the rule holds the hardware: not applied yet
    set_port_reta(tp, 0)
    assert_rule_holds(tp)

    tp.cmd('flow destroy %d rule %d' % (PORT, rid))
    assert reta(tp) == [0] * 128, 'the port table set under the rule is lost'
    assert mrqc(tp) == port_mrqc
    assert queues_of(tp) == {0}


def test_rule_survives_dev_start_order(tp):
    """A rule created on the stopped port holds the table after dev_start
    reprograms the port's RSS; destroying it gives the port's table back."""
    tp.cmd('port config all rss udp')
    set_port_reta(tp, 2)
    tp.cmd('port stop %d' % PORT)
    rid = create_rule(tp)
    tp.cmd('port start %d' % PORT)
    tp.cmd('start')
    assert_rule_holds(tp)
    tp.cmd('flow destroy %d rule %d' % (PORT, rid))
    assert reta(tp) == [2] * 128
    assert queues_of(tp) == {2}
