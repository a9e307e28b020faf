# SPDX-License-Identifier: BSD-3-Clause
# test_soak.py - soak: io forwarding over the simulated wire pair for
# IGBX_SOAK_SECONDS (30 by default; `make soak` runs 600) with zero errors.
"""Every SAMPLE seconds both ports must have received more frames (no
stall); at the end: no RX/TX error, miss or nombuf, no forwarding drop, every
port's RX equals its peer's TX within what was in flight, and after `port
stop all` every mbuf is back in the pool. IGBX_SOAK_DRIVERS chooses the
drivers (default igbx; `stock igbx` for both)."""
import os
import re
import signal
import time

import pytest

import igbxsim
import scenarios
from relhelp import assert_pool_full, progress, stats_all
from scenarios import idle

SECONDS = int(os.environ.get('IGBX_SOAK_SECONDS', '30'))
SAMPLE = 10 if SECONDS >= 60 else 5
DRIVERS = os.environ.get('IGBX_SOAK_DRIVERS', 'igbx').split()


@pytest.mark.parametrize('soak_driver', DRIVERS)
def test_soak_io_forwarding(soak_driver, testpmd):
    if soak_driver == 'igbx' and not igbxsim.IGBX_PLUGIN.exists():
        pytest.skip('%s not built' % igbxsim.IGBX_PLUGIN)
    # test/conftest.py armed SIGALRM with the per-test limit: a soak needs more
    signal.alarm(SECONDS + 180)
    tp = testpmd(soak_driver)
    for p in range(2):
        scenarios.wait_link_up(tp, p)
    tp.cmd('set fwd io')
    tp.cmd('clear port stats all')
    out = tp.cmd('start tx_first')
    streams = int(re.search(r'streams=(\d+)', out).group(1))
    burst = int(re.search(r'packets/burst=(\d+)', out).group(1))
    end = time.monotonic() + SECONDS
    samples = []
    while time.monotonic() < end:
        d = progress(tp, min(SAMPLE, max(1, end - time.monotonic())))
        samples.append([x['rx_packets'] for x in d])
        for p in range(2):
            assert d[p]['rx_packets'] > 0, \
                'port %d stalled after %d samples: %s' % (p, len(samples), d)
            for key in ('rx_errors', 'rx_missed', 'rx_nombuf', 'tx_errors'):
                assert d[p][key] == 0, 'port %d %s +%d: %s' % (
                    p, key, d[p][key], d)
    stop = tp.cmd('stop', check=False)
    idle(tp, 0.3)
    st = stats_all(tp)
    tp.sim.note('soak samples (rx per %ss): %s' % (SAMPLE, samples))
    assert scenarios.fwd_dropped(stop) == 0, stop
    for rx, tx in ((0, 1), (1, 0)):
        assert abs(st[tx]['tx_packets'] - st[rx]['rx_packets']) <= \
            2 * streams * burst, st
    total = sum(s['rx_packets'] for s in st)
    print('soak %s: %ds, %d frames forwarded, %.0f frames/s' % (
        soak_driver, SECONDS, total, total / SECONDS))
    assert_pool_full(tp, 'soak')
    scenarios.close_and_quit(tp)
