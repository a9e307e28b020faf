# SPDX-License-Identifier: BSD-3-Clause
# test_features.py - one port's optional features on the simulated 82576:
# MAC loopback (lpbk_mode), LED control, read_clock and the descriptor dumps,
# driven by test/app/igbx_features.c; the stock igb driver beside igbx where
# it has the feature.
"""The port has no cable (--wire none): loopback must work without one.
The application pauses at "PAUSE <tag>" so the test can read the device's
registers, wire counters and LEDs (`igbx-sim ctl ... leds`) in that state."""
import re
import shutil

import pytest

import igbxsim
import scenario_app

APP = igbxsim.BUILD / 'test' / 'app' / 'igbx_features'

REG_CTRL = 0x0000
REG_STATUS = 0x0008
REG_RCTL = 0x0100
REG_LEDCTL = 0x0E00
RCTL_LBM_MASK = 3 << 6
RCTL_LBM_MAC = 1 << 6
STATUS_LU = 1 << 1
LEDCTL_POWER_ON = 0x07068302     # the simulator's LEDCTL after reset


def start(sim, driver, scenario):
    return scenario_app.start(sim, APP, 'igbxfeat', driver, scenario,
                              'feat-%s-%s' % (scenario, driver))


at_pause = scenario_app.at_pause
resume = scenario_app.resume
result = scenario_app.result
finish = scenario_app.finish


def test_mac_loopback(driver, sim):
    """lpbk_mode 1: RCTL.LBM is MAC loopback, the link is up at 1000 full
    without a cable, every frame sent comes back byte for byte and none goes
    on the wire; lpbk_mode 0 again: frames leave on the wire, none come back.
    The stock driver ignores lpbk_mode: the device then never loops back."""
    run = start(sim, driver, 'loopback')
    out = at_pause(run, 'lpbk')
    rctl = run.peek(0, REG_RCTL)
    link = result(out, 'lpbk')
    resume(run)
    out = at_pause(run, 'lpbk-sent')
    lpbk = result(out, 'lpbk')
    wire_lpbk = run.counters(0)['wire_tx_frames']
    resume(run)
    out = at_pause(run, 'nolpbk')
    rctl_off = run.peek(0, REG_RCTL)
    resume(run)
    out = at_pause(run, 'nolpbk-sent')
    nolpbk = result(out, 'nolpbk')
    wire_total = run.counters(0)['wire_tx_frames']
    resume(run)
    finish(run, 'loopback')

    assert rctl_off & RCTL_LBM_MASK == 0, hex(rctl_off)
    assert nolpbk['received'] == '0', nolpbk
    if driver == 'stock':
        assert rctl & RCTL_LBM_MASK == 0, hex(rctl)
        assert lpbk['received'] == '0', lpbk
        assert wire_total == 32 + 16, wire_total
        return
    assert rctl & RCTL_LBM_MASK == RCTL_LBM_MAC, hex(rctl)
    assert (link['link'], link['speed'], link['duplex']) == \
        ('up', '1000', 'full'), link
    assert (lpbk['sent'], lpbk['received'], lpbk['matched']) == \
        ('32', '32', '32'), lpbk
    assert wire_lpbk == 0, 'looped-back frames reached the wire: %d' % \
        wire_lpbk
    assert wire_total == 16, wire_total
    assert result(out, 'nolpbk')['link'] == 'down', 'no cable, no loopback'


def leds(run):
    line, = run.ctl('leds 0')
    return dict(kv.split('=') for kv in line.split())


def test_led_on_off(driver, sim):
    """dev_led_on lights the port's identification LED(s), dev_led_off puts
    them out, as the simulator's LED outputs show (igbx: all four), and the
    board's LEDCTL is back when the port closes."""
    run = start(sim, driver, 'led')
    at_pause(run, 'led-started')
    before = leds(run)
    resume(run)
    out = at_pause(run, 'led-on')
    on, ledctl_on = leds(run), run.peek(0, REG_LEDCTL)
    resume(run)
    out = at_pause(run, 'led-off')
    off = leds(run)
    resume(run)
    out = at_pause(run, 'led-closed')
    closed = run.peek(0, REG_LEDCTL)
    resume(run)
    finish(run, 'led')

    assert [r['ret'] for r in (result(out, 'led_on'), result(out, 'led_off'))
            ] == ['0', '0'], out[-2000:]
    lit = {k for k, v in on.items() if v == 'on'}
    assert lit and all(off[k] == 'off' for k in lit), (before, on, off)
    assert closed == LEDCTL_POWER_ON, 'LEDCTL after close: %s' % hex(closed)
    if driver == 'igbx':
        assert set(on.values()) == {'on'}, (on, hex(ledctl_on))
        assert set(off.values()) == {'off'}, off


def test_read_clock(sim):
    """read_clock: refused (-EAGAIN) while SYSTIM is stopped; once time sync
    runs it, nanoseconds that advance with time and agree with
    timesync_read_time read between two clock reads."""
    igbxsim.need_driver('igbx')
    run = start(sim, 'igbx', 'clock')
    out = finish(run, 'clock')
    assert result(out, 'clock_stopped')['ret'] == '-11', out[-2000:]
    assert 'read_clock: SYSTIM is stopped' in out
    r = result(out, 'clock')
    assert (r['ret1'], r['ret2'], r['rt']) == ('0', '0', '0'), r
    c1, t, c2 = int(r['c1']), int(r['time']), int(r['c2'])
    assert c1 <= t <= c2, r
    # 20 ms slept between the reads: at least that, and not absurdly more
    assert 20_000_000 <= c2 - c1 < 60_000_000_000, r


def test_descriptor_dumps(sim):
    """Four frames looped back and not yet received: the RX dump from the
    driver's next descriptor shows them written back (DD, length 64); the TX
    dump of the four before the tail shows 64-byte end-of-packet data
    descriptors; the private dump names the control registers."""
    igbxsim.need_driver('igbx')
    run = start(sim, 'igbx', 'dump')
    out = finish(run, 'dump')
    rx = result(out, 'rxdump')
    assert (rx['ret'], rx['sent'], rx['lines']) == ('0', '4', '4'), rx
    for i in range(4):
        assert (rx['dd%d' % i], rx['len%d' % i]) == ('1', '64'), rx
    tx = result(out, 'txdump')
    assert (tx['ret'], tx['lines']) == ('0', '4'), tx
    for i in range(4):
        assert (tx['len%d' % i], tx['eop%d' % i]) == ('64', '1'), tx
    assert result(out, 'privdump') == {'ret': '0', 'rctl': 'yes'}, out[-2000:]


def test_queue_counters_and_mapping(sim):
    """10 frames on TX queue 0 and 20 on TX queue 1, looped back to RX queue
    0: the 82576's per-queue counters as xstats (tx_qN_hw_*, rx_qN_hw_*,
    bytes with the FCS as the device counts them), and rte_eth_stats' q_*
    sets following queue_stats_mapping (TX queue 1 -> set 5, RX 0 -> set 3)."""
    igbxsim.need_driver('igbx')
    run = start(sim, 'igbx', 'qstats')
    out = finish(run, 'qstats')
    m = {k: int(v) for k, v in result(out, 'qmap').items()}
    assert (m['ret_tx'], m['ret_rx'], m['received']) == (0, 0, 30), m
    assert (m['q_opackets0'], m['q_opackets1'], m['q_opackets5']) == \
        (10, 0, 20), m
    assert (m['q_ipackets0'], m['q_ipackets3']) == (0, 30), m
    hw = {k: int(v) for k, v in result(out, 'qhw').items()}
    frame = 64 + 4
    assert hw == {'tx0': 10, 'tx1': 20, 'tx0_bytes': 10 * frame,
                  'tx1_bytes': 20 * frame, 'rx0': 30, 'rx0_bytes': 30 * frame,
                  'rx1': 0, 'rx0_mc': 0}, hw


RTTBCNRC_RS_ENA = 1 << 31


def test_queue_rate_limit(sim):
    """set_queue_rate_limit on a 1 Gb/s (looped-back) link: the device holds
    each queue's factor link/rate in RTTBCNRC (300 Mb/s: 3 + 5461/16384,
    1 Mb/s: 1000), 0 turns the limit off; out-of-range queue and rate are
    refused; a port restart keeps the limit. Effect: with TX queue 1 at 1 Mb/s and queue 0 free, queue 0's
    64 frames are all back while queue 1's 192 (135 ms at 1 Mb/s) are not,
    and those arrive later."""
    igbxsim.need_driver('igbx')
    run = start(sim, 'igbx', 'ratelimit')
    out = at_pause(run, 'rate-set')
    rates = [run.queue(0, 'tx', q)['rate'] for q in (0, 1)]
    resume(run)
    at_pause(run, 'rate-slow')
    slow = run.queue(0, 'tx', 1)['rate']
    resume(run)
    out = at_pause(run, 'rate-restarted')
    restarted = run.queue(0, 'tx', 1)['rate']
    resume(run)
    out = at_pause(run, 'rate-off')
    off = run.queue(0, 'tx', 1)['rate']
    resume(run)
    out = finish(run, 'ratelimit')

    assert result(out, 'rate_set') == {'q0': '0', 'q1': '0'}, out[-2000:]
    assert result(out, 'rate_bad') == {'queue': '-22', 'rate': '-22'}
    assert rates == [0, RTTBCNRC_RS_ENA | 3 << 14 | 5461], [hex(r)
                                                           for r in rates]
    assert slow == RTTBCNRC_RS_ENA | 1000 << 14, hex(slow)
    assert restarted == slow, 'after stop/start: %s' % hex(restarted)
    assert result(out, 'rate_restart')['ret'] == '0', out[-2000:]
    assert off == 0, hex(off)
    e = {k: int(v) for k, v in result(out, 'rate_effect').items()}
    assert e['q0'] == 64 and e['q1'] == 192, e
    assert e['q1_when_q0_done'] < 192, e


def test_descriptor_status(driver, sim):
    """40 frames queued while the device's TX engine is held: the first and
    the last sent descriptor are FULL, the free one at the tail DONE. Once
    released, the first sent is DONE (its RS came back). igbx: looped back
    and not received, the 40 frames are the RX queue count, descriptor 0 is
    DONE and descriptor 40 AVAIL."""
    run = start(sim, driver, 'desc')
    at_pause(run, 'desc-stall')
    run.ctl('fault 0 txstall on')
    resume(run)
    at_pause(run, 'desc-release')
    run.ctl('fault 0 txstall off')
    resume(run)
    out = finish(run, 'desc')
    # RTE_ETH_TX_DESC_FULL 0, DONE 1; RTE_ETH_RX_DESC_AVAIL 0, DONE 1
    full, done, avail, rx_done = '0', '1', '0', '1'
    assert result(out, 'desc')['sent'] == '40', out[-2000:]
    stalled = result(out, 'desc_stalled')
    released = result(out, 'desc_released')
    assert (stalled['tx_free'], stalled['tx_first'], stalled['tx_last']) == \
        (done, full, full), stalled
    assert released['tx_first'] == done, released
    if driver == 'stock':
        return
    assert (stalled['rx_count'], stalled['rx0']) == ('0', avail), stalled
    assert (released['rx_count'], released['rx0'], released['rxn']) == \
        ('40', rx_done, avail), released


def test_keep_crc(driver, sim):
    """RX offload KEEP_CRC: four 60-byte frames arrive from the wire; igbx
    delivers 64 bytes, the last four their correct FCS. The stock driver
    leaves the FCS in the buffer but counts it out of the length (the
    descriptor's 64 less 4), which referees the device's 64."""
    run = start(sim, driver, 'crc')
    at_pause(run, 'crc-ready')
    mac = b'\xff' * 6
    for i in range(4):
        run.inject(0, mac + bytes([2, 0, 0, 0, 0, i]) + b'\x88\xb5' +
                   bytes(range(i, i + 46)))
    resume(run)
    out = finish(run, 'crc')
    want_len = '64' if driver == 'igbx' else '60'
    for i in range(4):
        assert result(out, 'crc_frame%d' % i)['len'] == want_len, out[-2000:]
    if driver == 'igbx':
        assert result(out, 'crc') == {'received': '4', 'fcs_ok': '4'}, \
            out[-2000:]


def test_power_monitor_address(sim):
    """get_monitor_addr: a 4-byte word whose callback lets a core sleep on
    an empty queue (0) and stops it (-1) once frames were written back
    there; after they are received the next descriptor is watched. The
    callback runs here without the CPU's monitor instruction, so this holds
    on any CPU (l3fwd-power --pmd-mgmt monitor needs WAITPKG or MONITORX)."""
    igbxsim.need_driver('igbx')
    run = start(sim, 'igbx', 'monitor')
    out = finish(run, 'monitor')
    assert result(out, 'monitor') == {
        'ret': '0', 'size': '4', 'before': '0', 'after': '-1',
        'received': '4', 'drained': '0'}, out[-2000:]


def test_pmd_perf_autotest_loopback(sim):
    """DPDK's pmd_perf_autotest asks for lpbk_mode 1 and counts what comes
    back: on one igbx port without a cable every packet it injects returns
    and the test reports OK (its cycle figures are not checked)."""
    igbxsim.need_driver('igbx')
    dpdk_test = shutil.which('dpdk-test')
    if dpdk_test is None:
        pytest.skip('no dpdk-test (Debian package dpdk-dev)')
    app = ['env', 'DPDK_TEST=pmd_perf_autotest', dpdk_test, '-l', '0-1',
           '-n', '1', '-m', '512', '--file-prefix', 'igbxperf',
           '--no-telemetry'] + igbxsim.port_args('igbx', 1)
    run = sim(app, ports=1, wire='none', name='pmd-perf-autotest')
    run.read_until(r'Test (OK|Failed)', timeout=180)
    run.send('quit')
    out = run.buf
    run.kill()
    assert 'Test OK' in out, out[-2000:]
    m = re.search(r'(\d+) packet, (\d+) drop', out)
    assert m and int(m.group(1)) > 0, out[-2000:]
