# SPDX-License-Identifier: BSD-3-Clause
# test_faults.py - fault injection through the simulated 82576, with
# igbx and with the stock igb driver as the referee of the device.
"""Each scenario runs dpdk-testpmd io forwarding over the wire pair 0 <-> 1,
injects one fault through the simulator's control socket (link, inject,
fault crc|starve|txstall), checks the fault is seen (event, counter, ring
state), that forwarding resumes, and that after `port stop all` every mbuf
is back in testpmd's pool (mb_pool_0)."""
import re

import pytest

import frames
import scenarios
from relhelp import (assert_forwarding, assert_pool_full, inject_burst,
                      progress, start_ports_and_wait)
from scenarios import idle

LSC_EVENT = r'Port %d: link state change event'
BURST = 32                      # testpmd's default packets/burst


def topup(tp, n=BURST):
    """io forwarding only re-sends what it receives: a fault that dropped
    frames shrinks the loops (port 0 RX -> port 1 TX -> port 0 RX and the
    other way round), so feed both from the wire again."""
    for port in (0, 1):
        mac = tp.port_info(port)['mac']
        inject_burst(tp, port, [frames.udp(mac) for _ in range(n)])


def xstat_delta(tp, port, before, names):
    after = tp.xstats(port)
    return {n: after.get(n, 0) - before.get(n, 0) for n in names}


def test_link_flap_during_forwarding(driver, io_testpmd):
    """Cable pulled and plugged back while forwarding: both ports report the
    link state change (LSC interrupt), link goes down then up, forwarding
    resumes without restarting it, no mbuf is lost."""
    tp = io_testpmd(driver)
    tp.cmd('start tx_first')
    assert_forwarding(tp, 1, what='before the flap')
    mark = len(tp.sim.buf)
    tp.sim.link(0, False)
    for p in (0, 1):        # the peer of a wire pair loses its link too
        tp.sim.read_until(LSC_EVENT % p, start=mark, timeout=10)
    assert scenarios.wait_link(tp, 0, 'down')['link_status'] == 'down'
    idle(tp, 0.5)
    mark = len(tp.sim.buf)
    tp.sim.link(0, True)
    for p in (0, 1):
        tp.sim.read_until(LSC_EVENT % p, start=mark, timeout=15)
    assert scenarios.wait_link_up(tp, 0)['link_status'] == 'up'
    assert scenarios.wait_link_up(tp, 1)['link_status'] == 'up'
    topup(tp)
    assert_forwarding(tp, 1, what='after the flap')
    assert_pool_full(tp, 'link flap')


def test_crc_runt_oversize_dropped(driver, io_testpmd):
    """Frames with a bad FCS, runts (< 64 bytes on the wire) and oversize
    frames (> 1518 with LPE off) are dropped and counted, good ones pass;
    then a burst of CRC errors in the middle of forwarding (fault crc)."""
    tp = io_testpmd(driver)
    mac = tp.port_info(0)['mac']
    tp.cmd('set fwd rxonly')
    tp.cmd('start')
    tp.cmd('clear port stats all')
    tp.cmd('clear port xstats all')
    inject_burst(tp, 0, [frames.udp(mac) for _ in range(5)])
    inject_burst(tp, 0, [frames.udp(mac) for _ in range(7)], badcrc=True)
    inject_burst(tp, 0, [frames.udp(mac)[:40] for _ in range(3)])
    inject_burst(tp, 0, [frames.udp(mac, size=1600) for _ in range(4)])
    idle(tp, 0.5)
    st = tp.port_stats(0)
    xs = tp.xstats(0)
    got = {k: xs.get(k) for k in ('rx_crc_errors', 'rx_undersize_errors',
                                  'rx_oversize_errors')}
    assert st['rx_packets'] == 5, st
    assert got == {'rx_crc_errors': 7, 'rx_undersize_errors': 3,
                   'rx_oversize_errors': 4}, got
    assert st['rx_errors'] >= 7, 'CRC errors missing from ierrors: %s' % st
    tp.cmd('stop', check=False)
    # CRC errors while forwarding: 10 of the looping frames are lost
    tp.cmd('set fwd io')
    tp.cmd('start tx_first')
    assert_forwarding(tp, 1, what='before fault crc')
    before = tp.xstats(0)
    tp.sim.ctl('fault 0 crc 10')
    idle(tp, 0.5)
    d = xstat_delta(tp, 0, before, ['rx_crc_errors'])
    assert d == {'rx_crc_errors': 10}, d
    assert_forwarding(tp, 1, what='after fault crc')
    assert_pool_full(tp, 'crc/runt/oversize')


def test_rx_descriptor_starvation(driver, io_testpmd):
    """fault starve: the device finds no free RX descriptor for the next
    200 frames (RNBC counts them; they wait in the packet buffer, none is
    missed since the loop holds far fewer frames than the buffer); then
    descriptors are found again and forwarding goes on."""
    tp = io_testpmd(driver)
    tp.cmd('start tx_first')
    assert_forwarding(tp, 1, what='before starvation')
    before = tp.xstats(0)
    tp.sim.ctl('fault 0 starve 200')
    idle(tp, 1)
    if driver == 'igbx':
        d = xstat_delta(tp, 0, before, ['rx_no_buffer_count'])
        assert d['rx_no_buffer_count'] >= 200, d
    else:   # the stock igb accumulates RNBC but has no xstat for it
        assert 'rx_no_buffer_count' not in before
    assert tp.port_stats(0)['rx_missed'] == 0
    assert_forwarding(tp, 1, what='after starvation')
    stop = tp.cmd('stop', check=False)
    assert scenarios.fwd_dropped(stop) == 0, stop
    assert_pool_full(tp, 'starvation')


def test_tx_stall_then_reset(driver, io_testpmd):
    """fault txstall on port 1: its TX engine stops fetching descriptors.
    The application sees it: port 0 receives nothing, port 1's ring fills
    (io forwarding drops what does not fit), tx_done_cleanup frees nothing.
    Stopping the stalled port must not hang and returns every mbuf; after
    the fault clears, `port reset` (dev_reset) and a restart forward again."""
    tp = io_testpmd(driver)
    mac = tp.port_info(0)['mac']
    tp.cmd('start tx_first')
    assert_forwarding(tp, 1, what='before the stall')
    tp.sim.ctl('fault 1 txstall on')
    idle(tp, 0.5)
    d = progress(tp, 1)
    assert d[0]['rx_packets'] == 0 and d[1]['tx_packets'] == 0, d
    # more than a ring (512) of frames towards the stalled port
    inject_burst(tp, 0, [frames.udp(mac) for _ in range(600)])
    idle(tp, 0.5)
    q = tp.sim.queue(1, 'tx', 0)
    assert q['head'] != q['tail'], 'stalled ring is empty: %s' % q
    out = tp.cmd('port cleanup 1 txq 0 0', check=False)
    m = re.search(r'mbuf nums: (\d+)', out)
    assert m is None or int(m.group(1)) == 0, out
    stop = tp.cmd('stop', check=False)
    assert scenarios.fwd_dropped(stop) > 0, \
        'no TX drop although the ring was full:\n' + stop
    assert_pool_full(tp, 'stopped while stalled')
    tp.sim.ctl('fault 1 txstall off')
    before = tp.sim.counters(1)['reset_count']
    tp.cmd('port reset 1')
    assert tp.sim.counters(1)['reset_count'] > before
    start_ports_and_wait(tp)
    scenarios.check_io_forwarding(tp, seconds=2, min_packets=500)
    assert_pool_full(tp, 'after reset')


def test_device_reset_between_bursts(driver, io_testpmd):
    """dev_reset of port 0 while port 1 keeps its configuration and rings
    (testpmd only resets a stopped port): the device resets (CTRL.RST), the
    port is reconfigured by `port start`, forwarding resumes on both."""
    tp = io_testpmd(driver)
    tp.cmd('start tx_first')
    assert_forwarding(tp, 1, what='before reset')
    tp.cmd('stop', check=False)
    tp.cmd('port stop 0')
    before = tp.sim.counters(0)['reset_count']
    tp.cmd('port reset 0')
    assert tp.sim.counters(0)['reset_count'] > before
    tp.cmd('port start 0')
    scenarios.wait_link_up(tp, 0)
    scenarios.wait_link_up(tp, 1)
    scenarios.check_io_forwarding(tp, seconds=2, min_packets=500)
    assert_pool_full(tp, 'after reset')


@pytest.mark.parametrize('cycles', [3])
def test_link_flaps_repeated_keep_pool(driver, io_testpmd, cycles):
    """Several quick flaps on both ports, then forwarding from a fresh start:
    no mbuf lost across the flaps."""
    tp = io_testpmd(driver)
    tp.cmd('start tx_first')
    for i in range(cycles):
        tp.sim.link(i % 2, False)
        idle(tp, 0.3)
        tp.sim.link(i % 2, True)
        scenarios.wait_link_up(tp, i % 2)
    tp.cmd('stop', check=False)
    scenarios.wait_link_up(tp, 0)
    scenarios.wait_link_up(tp, 1)
    scenarios.check_io_forwarding(tp, seconds=1, min_packets=200)
    assert_pool_full(tp, 'repeated flaps')


def test_rx_mbuf_exhaustion_recovers(driver, io_testpmd):
    """The mbuf pool runs dry: port 1's TX engine stalls while frames keep
    arriving on port 0 (io forwarding sends them to port 1), so its ring
    holds the mbufs and port 0 cannot refill its RX ring: rx_nombuf counts
    the failed allocations. When the stall ends, the mbufs return, port 0
    receives again, and after stop every mbuf is back in the pool."""
    # 2 x 512 RX descriptors hold ~1024 of the 1400 mbufs; no per-core cache
    tp = io_testpmd(driver, args=['--total-num-mbufs=1400', '--mbcache=0',
                                  '--rxd=512', '--txd=512'])
    mac = tp.port_info(0)['mac']
    tp.cmd('start')
    tp.cmd('clear port stats all')
    tp.sim.ctl('fault 1 txstall on')
    inject_burst(tp, 0, [frames.udp(mac) for _ in range(700)])
    idle(tp, 0.5)
    st = tp.port_stats(0)
    assert st['rx_nombuf'] > 0, 'pool never ran dry: %s' % st
    tp.sim.ctl('fault 1 txstall off')
    idle(tp, 1)
    # stop the loop the 700 frames run in, free what port 1 has sent
    tp.cmd('stop', check=False)
    idle(tp, 0.5)
    out = tp.cmd('port cleanup 1 txq 0 0', check=False)
    assert re.search(r'mbuf nums: \d+', out), out
    tp.cmd('set fwd rxonly')
    tp.cmd('start')
    idle(tp, 0.5)
    before = tp.port_stats(0)
    inject_burst(tp, 0, [frames.udp(mac) for _ in range(BURST)])
    idle(tp, 0.5)
    after = tp.port_stats(0)
    assert after['rx_packets'] - before['rx_packets'] == BURST, \
        'after the mbufs returned port 0 received %d of %d frames: %s' % (
            after['rx_packets'] - before['rx_packets'], BURST, after)
    assert after['rx_nombuf'] == before['rx_nombuf'], \
        'allocations still fail after recovery: %s -> %s' % (before, after)
    assert_pool_full(tp, 'mbuf exhaustion')
