# SPDX-License-Identifier: BSD-3-Clause
# test_mtu.py - DTS mtu, jumboframes (82576 plan) and pmd_buffer_scatter:
# frames at and past the configured limit, io-forwarded port 0 -> port 1.
"""Lengths: the simulator's frames carry no FCS; the device counts it (4
bytes). Both drivers program the receive limit (RLPML, RCTL.LPE set) as MTU
+ 26: the Ethernet header, FCS and room for two VLAN tags - so the largest
untagged frame accepted is MTU + 22 bytes without FCS. With an MTU of 1500
the long-packet bit stays clear and the 802.3 limit applies: 1518 bytes with
FCS, 1522 with a VLAN tag (82576 datasheet 7.1.1, 8.10.1 RCTL.LPE)."""
import pytest

import confhelp as ch


def mtu_testpmd(testpmd, driver, args=()):
    tp = ch.start(testpmd, driver, args=list(args))
    for line in ('set fwd io', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    return tp


def sizes_through(tp, sizes, vlan=None):
    """{size: forwarded intact?} for frames of these sizes (without FCS)."""
    mac0 = tp.port_info(0)['mac']
    sent = [(n, ch.tagged(mac0, size=n, vlan=vlan)) for n in sizes]
    out = ch.exchange(tp, [f for _, (f, _) in sent], ch.tagged(mac0),
                      timeout=10)
    result = {}
    for n, (f, tag) in sent:
        got = ch.find(out, tag)
        assert got in ([], [f]), 'frame of %d bytes changed: %d out' % (
            n, len(got))
        result[n] = bool(got)
    return result


def set_mtu(tp, mtu):
    tp.cmd('stop', check=False)
    for line in ('port stop all', 'port config mtu 0 %d' % mtu,
                 'port config mtu 1 %d' % mtu, 'port start all', 'start'):
        tp.cmd(line)
    ch.scenarios.wait_link_up(tp, 0)
    ch.capture_on(tp, 1)
    assert 'MTU: %d' % mtu in tp.cmd('show port info 0', check=False)


def test_mtu(request, driver, testpmd):
    """mtu: for MTU 1500, 2000 and 9000 (scatter on) a full-MTU IP packet
    and the largest frame the limit allows are forwarded intact, one byte
    more is dropped and counted in rx_oversize_errors (ROC)."""
    tp = mtu_testpmd(testpmd, driver, ['--enable-scatter'])
    wrong = []
    for mtu in (1500, 2000, 9000):
        if mtu != 1500:
            set_mtu(tp, mtu)
        tp.cmd('clear port xstats 0')
        top = 1514 if mtu == 1500 else mtu + 18
        want = {mtu + 14: True, top: True, top + 1: False, mtu + 100: False}
        if mtu != 1500:
            want[mtu + 22] = False
        have = sizes_through(tp, sorted(want))
        if have != want:
            wrong.append('MTU %d: %s, want %s' % (mtu, have, want))
        if mtu == 1500:
            want = {1518: True, 1519: False}
            have = sizes_through(tp, [1518, 1519], vlan=5)
            if have != want:
                wrong.append('MTU 1500, tagged: %s' % have)
        roc = tp.xstats(0)['rx_oversize_errors']
        dropped = 3
        if roc != dropped:
            wrong.append('MTU %d: ROC %d, want %d' % (mtu, roc, dropped))
    assert not wrong, wrong


def test_jumboframes(driver, testpmd):
    """jumboframes (82576 plan): without jumbo, 1518-byte frames (FCS
    included) pass and 1519 do not; with --max-pkt-len=9600 (scatter),
    1519, 6000 and 9600 pass, 9601 does not."""
    tp = mtu_testpmd(testpmd, driver, ['--enable-scatter'])
    have = sizes_through(tp, [1517 - 4, 1518 - 4, 1519 - 4])
    assert have == {1513: True, 1514: True, 1515: False}, have
    tp.cmd('stop', check=False)
    tp.cmd('port stop all')
    tp.cmd('port config all max-pkt-len 9600')
    tp.cmd('port start all')
    tp.cmd('start')
    ch.scenarios.wait_link_up(tp, 0)
    ch.capture_on(tp, 1)
    have = sizes_through(tp, [1519 - 4, 6000 - 4, 9600 - 4, 9601 - 4])
    assert have == {1515: True, 5996: True, 9596: True, 9597: False}, have
    assert tp.xstats(0)['rx_oversize_errors'] == 2     # 1515 and 9597


@pytest.mark.parametrize('buf', [1024, 2048])
def test_pmd_buffer_scatter(driver, testpmd, buf):
    """pmd_buffer_scatter: RX buffers of `buf` bytes (--mbuf-size = buf +
    128 of headroom), scatter on, max packet 9000: frames around one, two
    and several buffers are forwarded intact."""
    tp = mtu_testpmd(testpmd, driver, ['--mbuf-size=%d' % (buf + 128),
                                       '--max-pkt-len=9000',
                                       '--enable-scatter'])
    info = tp.cmd('show rxq info 0 0')
    assert 'RX scattered packets: on' in info, info
    sizes = [buf + d for d in (-1, 0, 1, 4, 5)] + [2 * buf + 1, 4 * buf + 7]
    have = sizes_through(tp, sizes)
    assert have == {n: True for n in sizes}, have
    st = ch.stats(tp)
    assert st[0]['rx_errors'] == 0 and st[1]['tx_errors'] == 0, st
