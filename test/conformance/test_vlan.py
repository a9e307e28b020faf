# SPDX-License-Identifier: BSD-3-Clause
# test_vlan.py - DTS vlan (filter, strip, insert), dual_vlan (extended VLAN)
# and qinq strip, frames in on port 0 and io-forwarded out of port 1.
# (qinq forwarding: DTS's own case in CI.)
"""Extended VLAN (82576 datasheet 7.4.5, CTRL_EXT.EXT_VLAN): every frame is
taken to carry an outer tag first; filtering and stripping then apply to the
inner tag, and the outer one stays in the frame."""
import re
import struct

from scapy.layers.l2 import Dot1AD, Dot1Q, Ether

import confhelp as ch
import frames


def io_fwd(testpmd, driver, *setup):
    tp = ch.start(testpmd, driver)
    for line in setup:
        tp.cmd(line)
    for line in ('set fwd io', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    return tp


def untag(frame, off=12):
    """The frame without the 4-byte tag at off."""
    return frame[:off] + frame[off + 4:]


def through(tp, frame, tag, marker_dst):
    """What became of frame (identified by tag) after port 0 -> port 1:
    the frame port 1 sent, or None if dropped."""
    out = ch.exchange(tp, [frame], ch.tagged(marker_dst))
    got = ch.find(out, tag)
    assert len(got) <= 1, got
    return got[0] if got else None


def double(dst, outer, inner, size=80, outer_type=0x8100):
    l2 = Ether(dst=dst, src='02:00:00:00:00:0a', type=outer_type)
    l2 = l2 / (Dot1AD(vlan=outer) if outer_type == 0x88a8 else
               Dot1Q(vlan=outer)) / Dot1Q(vlan=inner)
    return ch.tagged(dst, size=size, l2=l2)


def test_vlan_filter_strip(driver, testpmd):
    """vlan: receipt without stripping (tag kept), with stripping (tag
    removed), no receipt of a VLAN outside the filter table; untagged frames
    pass the filter."""
    tp = io_fwd(testpmd, driver, 'vlan set filter on 0', 'rx_vlan add 1 0',
                'vlan set strip off 0')
    mac0 = tp.port_info(0)['mac']
    f, tag = ch.tagged(mac0, vlan=1, size=68)
    assert through(tp, f, tag, mac0) == f, 'VLAN 1 not forwarded intact'
    f, tag = ch.tagged(mac0, vlan=2, size=68)
    assert through(tp, f, tag, mac0) is None, 'VLAN 2 passed the filter'
    tp.cmd('vlan set strip on 0')
    f, tag = ch.tagged(mac0, vlan=1, size=68)
    assert through(tp, f, tag, mac0) == untag(f), 'VLAN 1 tag not stripped'
    tp.cmd('rx_vlan rm 1 0')
    f, tag = ch.tagged(mac0, vlan=1, size=68)
    assert through(tp, f, tag, mac0) is None, 'VLAN 1 passed after rx_vlan rm'
    tp.cmd('vlan set filter off 0')
    f, tag = ch.tagged(mac0, vlan=2, size=68)
    assert through(tp, f, tag, mac0) == untag(f), 'filter off: VLAN 2'


def test_vlan_insert(driver, testpmd):
    """vlan header insertion: `tx_vlan set 1 51` - untagged frames leave
    port 1 with a 802.1Q tag of VLAN 51 after the addresses (mac forwarding:
    testpmd's io engine passes mbufs without TX offload flags)."""
    tp = ch.start(testpmd, driver)
    mac0 = tp.port_info(0)['mac']
    for line in ('port stop all', 'tx_vlan set 1 51', 'port start all',
                 'set fwd mac', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    f, tag = ch.tagged(mac0, size=64)
    out = through(tp, f, tag, mac0)
    assert out is not None, 'frame lost'
    assert out[12:] == bytes.fromhex('81000033') + f[12:], out[:20].hex()
    tp.cmd('stop', check=False)
    for line in ('port stop all', 'tx_vlan reset 1', 'port start all',
                 'start'):
        tp.cmd(line)
    f, tag = ch.tagged(mac0, size=64)
    assert through(tp, f, tag, mac0)[12:] == f[12:], \
        'tag inserted after tx_vlan reset'


def test_dual_vlan(request, driver, testpmd):
    """dual_vlan (82576 test plan): `vlan set extend on` - the inner tag of
    a double-tagged frame is filtered and stripped, the outer one kept;
    off again, single tags behave as before."""
    tp = ch.start(testpmd, driver)
    ch.gate(tp, [('rx', 'VLAN_EXTEND'), ('rx', 'VLAN_FILTER'),
                 ('rx', 'VLAN_STRIP')])
    mac0 = tp.port_info(0)['mac']
    for line in ('vlan set extend on 0', 'vlan set filter on 0',
                 'rx_vlan add 200 0', 'vlan set strip off 0', 'set fwd io',
                 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    assert 'extend on' in tp.cmd('show port info 0', check=False)
    f, tag = double(mac0, 100, 200)
    assert through(tp, f, tag, mac0) == f, 'inner VLAN 200 not forwarded'
    f, tag = double(mac0, 200, 300)
    assert through(tp, f, tag, mac0) is None, \
        'inner VLAN 300 passed (the filter must look at the inner tag)'
    tp.cmd('vlan set strip on 0')
    f, tag = double(mac0, 100, 200)
    assert through(tp, f, tag, mac0) == untag(f, 16), \
        'inner tag not stripped / outer tag not kept'
    tp.cmd('vlan set extend off 0')
    f, tag = ch.tagged(mac0, vlan=200, size=68)
    assert through(tp, f, tag, mac0) == untag(f), 'single tag after extend off'
    f, tag = ch.tagged(mac0, vlan=100, size=68)
    assert through(tp, f, tag, mac0) is None, 'VLAN 100 passed the filter'


# ---- qinq_strip on the 82576 ------------------------------------------------
# Double VLAN mode (CTRL_EXT.EXT_VLAN, datasheet 7.4.5): the first tag of a
# frame is the outer one - its type is VET.VET_EXT (31:16, 0x8100 until
# `vlan set outer tpid`), and a frame with a single 802.1Q tag is taken to
# carry only the outer tag; the device strips (CTRL.VME) and filters the
# second, inner, tag (type VET.VET, 0x8100) and reports the outer one with
# RDESC.STATUS.VEXT. The outer tag is cut by igbx in software (QINQ_STRIP).
VLAN_FLAGS = {'RTE_MBUF_F_RX_VLAN', 'RTE_MBUF_F_RX_VLAN_STRIPPED',
              'RTE_MBUF_F_RX_QINQ', 'RTE_MBUF_F_RX_QINQ_STRIPPED'}
BOTH_STRIPPED = VLAN_FLAGS
ONE_STRIPPED = {'RTE_MBUF_F_RX_VLAN', 'RTE_MBUF_F_RX_VLAN_STRIPPED'}
OUTER_STRIPPED = {'RTE_MBUF_F_RX_VLAN', 'RTE_MBUF_F_RX_QINQ',
                  'RTE_MBUF_F_RX_QINQ_STRIPPED'}
INNER_STRIPPED = {'RTE_MBUF_F_RX_VLAN', 'RTE_MBUF_F_RX_VLAN_STRIPPED',
                  'RTE_MBUF_F_RX_QINQ'}
S_TAG, C_TAG = 0x88a8, 0x8100
OUTER, INNER, SINGLE = 0x2064, 0xa0c8, 0x612c   # PCP 1/5/3, VID 100/200/300


def with_tags(base, tags):
    """base (an untagged frame) with tags [(tpid, tci)], outermost first."""
    return base[:12] + b''.join(struct.pack('!HH', t, c) for t, c in tags) \
        + base[12:]


def rx_vlan_fields(pkt):
    """(flags, vlan_tci, vlan_tci_outer) of a verbose rx record; a TCI is
    None when testpmd does not print it (no RX_VLAN / RX_QINQ flag)."""
    flags = pkt.ol_flags & VLAN_FLAGS
    m = re.search(r'QinQ VLAN tci=0x([0-9a-f]+), VLAN tci outer=0x([0-9a-f]+)',
                  pkt.line)
    if m:
        return flags, int(m.group(1), 16), int(m.group(2), 16)
    m = re.search(r'VLAN tci=0x([0-9a-f]+)', pkt.line)
    return flags, (int(m.group(1), 16) if m else None), None


def check_mbuf_api(flags):
    """rte_mbuf_core.h: VLAN_STRIPPED needs RX_VLAN; RX_QINQ needs RX_VLAN;
    QINQ_STRIPPED needs RX_VLAN and RX_QINQ."""
    needs = {'RTE_MBUF_F_RX_VLAN_STRIPPED': {'RTE_MBUF_F_RX_VLAN'},
             'RTE_MBUF_F_RX_QINQ': {'RTE_MBUF_F_RX_VLAN'},
             'RTE_MBUF_F_RX_QINQ_STRIPPED': {'RTE_MBUF_F_RX_VLAN',
                                             'RTE_MBUF_F_RX_QINQ'}}
    for flag, need in needs.items():
        if flag in flags:
            assert need <= flags, '%s without %s' % (flag, need - flags)


def qinq_case(tp, mac0, name, tags_in, tags_out, flags, tci, tci_outer):
    """Inject a frame carrying tags_in into port 0: port 1 must send it with
    tags_out (what io forwarding leaves in the mbuf), and testpmd's verbose
    record must show the VLAN flags and the TCIs given."""
    base, tag = ch.tagged(mac0, size=68, src=frames.new_src())
    f = with_tags(base, tags_in)
    out = through(tp, f, tag, mac0)
    assert out == with_tags(base, tags_out), \
        '%s: frame out %s' % (name, out and out[:24].hex())
    pkt, = tp.wait_rx(frames.src_of(f), port=0)
    got = rx_vlan_fields(pkt)
    check_mbuf_api(got[0])
    assert got == (flags, tci, tci_outer), \
        '%s: got %s from %s' % (name, got, pkt.line)


def test_qinq_strip(driver, testpmd):
    """qinq strip (gate: QINQ_STRIP) as an 82576 does it in double VLAN mode
    (`vlan set extend on`): with qinq_strip and strip on, a frame loses its
    outer and inner tags (vlan_tci inner, vlan_tci_outer outer, VLAN_STRIPPED
    and QINQ_STRIPPED); the outer tag must have the outer TPID (0x8100 until
    `vlan set outer tpid 0x88a8`), else the frame is untagged to the device
    and passes as it came; a single tag is the outer one and is stripped as a
    plain VLAN; qinq_strip without strip cuts only the outer tag, strip
    without qinq_strip only the inner one."""
    tp = ch.start(testpmd, driver)
    ch.gate(tp, [('rx', 'VLAN_EXTEND'), ('rx', 'QINQ_STRIP')])
    mac0 = tp.port_info(0)['mac']
    for line in ('vlan set filter off 0', 'vlan set extend on 0',
                 'vlan set strip on 0', 'vlan set qinq_strip on 0',
                 'set fwd io', 'set verbose 1', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    s_c = [(S_TAG, OUTER), (C_TAG, INNER)]
    c_c = [(C_TAG, OUTER), (C_TAG, INNER)]
    # outer TPID 0x8100 (VET.VET_EXT after `vlan set extend on`)
    qinq_case(tp, mac0, '0x8100/0x8100', c_c, [], BOTH_STRIPPED, INNER, OUTER)
    qinq_case(tp, mac0, '0x88a8/0x8100, outer tpid 0x8100', s_c, s_c,
              set(), None, None)
    qinq_case(tp, mac0, 'single 0x8100', [(C_TAG, SINGLE)], [], ONE_STRIPPED,
              SINGLE, None)
    qinq_case(tp, mac0, 'untagged', [], [], set(), None, None)
    tp.cmd('vlan set outer tpid 0x88a8 0')
    qinq_case(tp, mac0, '0x88a8/0x8100', s_c, [], BOTH_STRIPPED, INNER, OUTER)
    qinq_case(tp, mac0, 'single 0x88a8', [(S_TAG, SINGLE)], [], ONE_STRIPPED,
              SINGLE, None)
    # a first tag of type VET (0x8100) is still the outer one
    qinq_case(tp, mac0, '0x8100/0x8100, outer tpid 0x88a8', c_c, [],
              BOTH_STRIPPED, INNER, OUTER)
    qinq_case(tp, mac0, 'untagged, outer tpid 0x88a8', [], [], set(), None,
              None)
    tp.cmd('vlan set strip off 0')
    qinq_case(tp, mac0, 'qinq_strip only', s_c, s_c[1:], OUTER_STRIPPED,
              INNER, OUTER)
    qinq_case(tp, mac0, 'qinq_strip only, single tag', [(S_TAG, SINGLE)], [],
              ONE_STRIPPED, SINGLE, None)
    for line in ('vlan set qinq_strip off 0', 'vlan set strip on 0'):
        tp.cmd(line)
    qinq_case(tp, mac0, 'strip only', s_c, s_c[:1], INNER_STRIPPED, INNER,
              OUTER)
    assert 'INVALID mbuf' not in tp.sim.buf


# QINQ_STRIP asked for alone (no `vlan set extend on`, as DTS's qinq suite
# does): the 82576 has an outer tag only in double VLAN mode, so igbx turns
# that mode on itself with the 802.1ad S-tag type, 0x88a8, as VET.VET_EXT.
REG_CTRL_EXT, CTRL_EXT_EXT_VLAN, REG_VET = 0x18, 1 << 26, 0x38


def test_qinq_strip_alone(driver, testpmd):
    """qinq_strip without extend: CTRL_EXT.EXT_VLAN goes on with
    VET.VET_EXT 0x88a8; a 0x88a8/0x8100 frame loses its outer tag only
    (inner tag kept in the frame, both TCIs reported, QINQ_STRIPPED without
    VLAN_STRIPPED), a single 0x88a8 tag is stripped as a plain VLAN; with
    strip on too both tags go. qinq_strip off takes double VLAN mode away:
    the 0x88a8 tag is then no tag and passes as it came."""
    tp = ch.start(testpmd, driver)
    ch.gate(tp, [('rx', 'QINQ_STRIP')])
    mac0 = tp.port_info(0)['mac']
    for line in ('vlan set filter off 0', 'vlan set qinq_strip on 0',
                 'set fwd io', 'set verbose 1', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    assert tp.sim.peek(0, REG_CTRL_EXT) & CTRL_EXT_EXT_VLAN, \
        'CTRL_EXT.EXT_VLAN clear with qinq_strip on'
    assert tp.sim.peek(0, REG_VET) >> 16 == S_TAG, \
        'VET 0x%08x' % tp.sim.peek(0, REG_VET)
    s_c = [(S_TAG, OUTER), (C_TAG, INNER)]
    qinq_case(tp, mac0, 'qinq_strip alone', s_c, s_c[1:], OUTER_STRIPPED,
              INNER, OUTER)
    qinq_case(tp, mac0, 'qinq_strip alone, single 0x88a8', [(S_TAG, SINGLE)],
              [], ONE_STRIPPED, SINGLE, None)
    qinq_case(tp, mac0, 'qinq_strip alone, untagged', [], [], set(), None,
              None)
    tp.cmd('vlan set strip on 0')
    qinq_case(tp, mac0, 'qinq_strip and strip', s_c, [], BOTH_STRIPPED,
              INNER, OUTER)
    tp.cmd('vlan set qinq_strip off 0')
    assert not tp.sim.peek(0, REG_CTRL_EXT) & CTRL_EXT_EXT_VLAN, \
        'CTRL_EXT.EXT_VLAN still set after qinq_strip off'
    qinq_case(tp, mac0, 'qinq_strip off', s_c, s_c, set(), None, None)
    assert 'INVALID mbuf' not in tp.sim.buf
