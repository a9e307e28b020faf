# SPDX-License-Identifier: BSD-3-Clause
# test_vlan.py - DTS vlan (filter, strip, insert), dual_vlan (extended VLAN)
# and qinq, frames in on port 0 and io-forwarded out of port 1.
"""Extended VLAN (82576 datasheet 7.4.5, CTRL_EXT.EXT_VLAN): every frame is
taken to carry an outer tag first; filtering and stripping then apply to the
inner tag, and the outer one stays in the frame."""
from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Dot1AD, Dot1Q, Ether

import confhelp as ch


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


def test_qinq_forwarding(driver, testpmd):
    """qinq: a 802.1ad (0x88a8, VLAN 100) / 802.1Q (VLAN 200) frame is
    forwarded with both tags as sent (VLAN filter off)."""
    tp = io_fwd(testpmd, driver, 'vlan set filter off 0')
    mac0 = tp.port_info(0)['mac']
    f, tag = double('ff:ff:ff:ff:ff:ff', 100, 200, outer_type=0x88a8)
    out = through(tp, f, tag, mac0)
    assert out == f, 'QinQ frame changed or lost'
    pkt = Ether(out)
    assert pkt[Dot1AD].vlan == 100 and pkt[Dot1Q].vlan == 200, pkt.summary()


def test_qinq_strip(request, driver, testpmd):
    """qinq strip (gate: QINQ_STRIP): with extend, qinq_strip and strip on,
    single 0x8100 and 0x88a8 tags and 0x88a8/0x8100 pairs lose all tags,
    a 0x8100/0x8100 pair keeps the inner tag (VLAN 200)."""
    ch.igbx_gap(request, driver, 'the DTS expectations do not fit the '
                '82576: in extended mode the first tag is the outer one '
                'whatever its TPID (7.4.5), so 0x8100/0x8100 loses both tags, '
                'and the outer TPID stays 0x8100 unless `vlan set outer tpid` '
                'is given; the cases need rewriting for this chip')
    tp = ch.start(testpmd, driver)
    ch.gate(tp, [('rx', 'VLAN_EXTEND'), ('rx', 'QINQ_STRIP')])
    mac0 = tp.port_info(0)['mac']
    for line in ('vlan set extend on 0', 'vlan set qinq_strip on 0',
                 'vlan set strip on 0', 'set fwd io', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    cases = [(ch.tagged(mac0, vlan=1, size=80), None),
             (double(mac0, 100, 200), 200),
             (double(mac0, 100, 200, outer_type=0x88a8), None)]
    for (f, tag), keep in cases:
        out = through(tp, f, tag, mac0)
        assert out is not None, 'dropped'
        pkt = Ether(out)
        if keep is None:
            assert Dot1Q not in pkt and Dot1AD not in pkt, pkt.summary()
        else:
            assert pkt[Dot1Q].vlan == keep, pkt.summary()
        assert IP in pkt and UDP in pkt, pkt.summary()
