# SPDX-License-Identifier: BSD-3-Clause
# relhelp.py - helpers of the reliability tests: forwarding progress,
# mempool accounting, frame bursts from the wire, C programs built with pkg-config.
"""Shared by test_faults.py, test_soak.py, test_badinput.py, test_fuzz.py and
test_sanitize.py. Everything here builds on test/lib/igbxsim.py and
test/lib/scenarios.py (counter reading and deltas are shared from there)."""
import os
import re
import subprocess
import time
from pathlib import Path

import igbxsim
import scenarios
from scenarios import idle

REPO = igbxsim.REPO
# Private outputs (C programs, fuzzers) go under the build dir, never /tmp:
# EAL refuses plugins under world-writable directories.
OUT = igbxsim.BUILD / 'reliability'
RX_COUNTERS = ('rx_packets', 'tx_packets', 'rx_errors', 'rx_missed',
               'rx_nombuf', 'tx_errors')


stats_all = scenarios.port_stats_all


def progress(tp, seconds):
    """Port counter increments over `seconds` of forwarding (still running)."""
    before = stats_all(tp)
    idle(tp, seconds)
    return scenarios.stats_delta(stats_all(tp), before)


def assert_forwarding(tp, seconds=1.0, min_packets=200, what=''):
    """Both ports keep receiving while forwarding runs."""
    d = progress(tp, seconds)
    for p in range(2):
        assert d[p]['rx_packets'] >= min_packets, \
            '%s: port %d received %d packets in %ss (want >= %d): %s' % (
                what, p, d[p]['rx_packets'], seconds, min_packets, d)
    return d


def pool_after_stop(tp, pool='mb_pool_0'):
    """`port stop all`, then (size, available) of the mbuf pool: every mbuf
    the driver held in its rings must be back."""
    tp.cmd('stop', check=False)
    tp.cmd('port stop all')
    idle(tp, 0.2)
    return tp.mempool_avail(pool)


def assert_pool_full(tp, what=''):
    size, avail = pool_after_stop(tp)
    assert avail == size, '%s: after port stop %d of %d mbufs in the pool ' \
        '(%d lost)' % (what, avail, size, size - avail)


def inject_burst(tp, port, frames_list, badcrc=False):
    for f in frames_list:
        tp.sim.inject(port, f, badcrc=badcrc)


def start_ports_and_wait(tp):
    tp.cmd('port start all')
    for p in range(tp.nb_ports):
        info = scenarios.wait_link_up(tp, p)
        assert info['link_status'] == 'up', info


def pkg_config(*args):
    return subprocess.run(['pkg-config'] + list(args), check=True,
                          capture_output=True, text=True).stdout.split()


def build_c_program(src, out, cc='gcc', extra=()):
    """Compile one C program against Debian's libdpdk (pkg-config) unless
    the binary is newer than its source; returns the binary's path."""
    src, out = Path(src), Path(out)
    if out.exists() and out.stat().st_mtime >= src.stat().st_mtime:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [cc, '-O1', '-g', '-std=gnu11', '-Wall', '-Wextra', '-Werror',
           '-DALLOW_EXPERIMENTAL_API', str(src), '-o', str(out)] + \
        list(extra) + pkg_config('--cflags', '--libs', 'libdpdk')
    res = subprocess.run(cmd, capture_output=True, text=True)
    assert res.returncode == 0, 'build of %s failed:\n%s\n%s' % (
        src, ' '.join(cmd), res.stderr[-4000:])
    return out


def eal_args(prefix, driver, ports=2, lcores='0'):
    args = ['-l', lcores, '-n', '1', '-m', '256',
            '--file-prefix', '%s%d' % (prefix, os.getpid())]
    return args + igbxsim.port_args(driver, ports)


def summary_of(buf):
    """(passed, failed) from a C program's `N passed, N failed` line."""
    m = re.search(r'(\d+) passed, (\d+) failed', buf)
    return (int(m.group(1)), int(m.group(2))) if m else None


def wait_for(pred, timeout=10, step=0.2, tp=None):
    deadline = time.monotonic() + timeout
    while True:
        value = pred()
        if value or time.monotonic() > deadline:
            return value
        if tp is not None:
            idle(tp, step)
        else:
            time.sleep(step)
