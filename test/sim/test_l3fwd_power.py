# SPDX-License-Identifier: BSD-3-Clause
# test_l3fwd_power.py - DPDK's l3fwd-power example (built by
# buildtools/build-example.sh) in interrupt-only mode on two simulated
# 82576 ports, igbx and the stock igb driver.
"""Receive interrupts as an application uses them: l3fwd-power polls, and
when its queues stay empty it arms their interrupts and sleeps in epoll
(10 ms naps). Its own log counts the wake-ups that an interrupt caused
("lcore N is waked up from rx interrupt on port P queue Q"): none while the
wire is idle, one as soon as a frame arrives, then it goes back to sleep
("lcore N sleeps until interrupt triggers"). The simulator's ports are
UIO-bound: one interrupt for the port, its RX queue causes behind it.
The ports' cables lead nowhere (--wire none, plugged), so a forwarded frame
leaves for good instead of coming back.
"""
import re
import time

import pytest

import frames
import igbxsim

WAKE = re.compile(r'is waked up from rx interrupt on port (\d+) queue (\d+)')
SLEEP = 'sleeps until interrupt triggers'


@pytest.fixture(scope='module')
def l3fwd_power_bin():
    """dpdk-l3fwd-power, built once per DPDK version into the cache."""
    return igbxsim.build_example('l3fwd-power')


def test_sleeps_when_idle_wakes_on_traffic(driver, sim, l3fwd_power_bin):
    app = [l3fwd_power_bin, '-l', '1', '-n', '1', '-m', '256'] + \
        igbxsim.port_args(driver, 2) + \
        ['--', '-p', '0x3', '--config', '(0,0,1),(1,0,1)', '-P',
         '--interrupt-only']
    # no pair wire: a forwarded frame would come back and circulate; the
    # cables are plugged into nothing, so what l3fwd-power sends is gone
    s = sim(app, ports=2, wire='none', name='l3fwd-power-%s' % driver)
    for p in (0, 1):
        s.link(p, True)
    s.read_until(r'entering main interrupt loop', timeout=60)
    s.read_until(r'portid=1 rxqueueid=0', timeout=10)
    # idle: l3fwd-power arms the interrupts and sleeps; nothing wakes it
    start = len(s.buf)
    time.sleep(2.0)
    s.pump(0.2)
    idle = WAKE.findall(s.buf[start:])
    assert idle == [], 'woken %d times by an idle wire' % len(idle)
    wakes = []
    for port in (0, 1):
        mark = len(s.buf)
        s.inject(port, frames.udp(b'\xff' * 6))
        m = s.read_until(WAKE.pattern, start=mark, timeout=10)
        wakes.append((int(m.group(1)), int(m.group(2))))
        s.read_until(SLEEP, start=m.end(), timeout=10)
        time.sleep(0.5)
    assert wakes == [(0, 0), (1, 0)], wakes
    # back to sleep: quiet again
    start = len(s.buf)
    time.sleep(1.0)
    s.pump(0.2)
    assert WAKE.findall(s.buf[start:]) == [], s.buf[start:][-1000:]


def cpu_monitor_instruction():
    """'waitpkg' (UMWAIT) or 'monitorx' (MWAITX): what DPDK's power monitor
    needs from the CPU, or None."""
    with open('/proc/cpuinfo', encoding='ascii', errors='replace') as f:
        flags = set()
        for line in f:
            if line.startswith('flags'):
                flags.update(line.split(':', 1)[1].split())
    return next((f for f in ('waitpkg', 'monitorx') if f in flags), None)


@pytest.mark.igbx
def test_pmd_mgmt_monitor_forwards(sim, l3fwd_power_bin):
    """--pmd-mgmt monitor: the lcore sleeps on igbx's monitor address
    (get_monitor_addr) and forwards what arrives: frames for 2.1.1.0/24
    (l3fwd-power's route to port 1) injected on port 0 leave on port 1."""
    igbxsim.need_driver('igbx')
    if cpu_monitor_instruction() is None:
        pytest.skip('this CPU has neither WAITPKG (UMWAIT) nor MONITORX '
                    '(MWAITX): no power monitor to test')
    app = [l3fwd_power_bin, '-l', '1', '-n', '1', '-m', '256'] + \
        igbxsim.port_args('igbx', 2) + \
        ['--', '-p', '0x3', '--config', '(0,0,1),(1,0,1)', '-P',
         '--pmd-mgmt', 'monitor']
    s = sim(app, ports=2, wire='none', name='l3fwd-power-monitor')
    for p in (0, 1):
        s.link(p, True)
    s.read_until(r'portid=1 rxqueueid=0', timeout=60)
    s.capture(1, True)
    for i in range(8):
        s.inject(0, frames.udp(b'\xff' * 6, dip='2.1.1.%d' % (i + 1)))
    deadline = time.monotonic() + 10
    got = []
    while time.monotonic() < deadline and len(got) < 8:
        got += s.captured(1)
        time.sleep(0.2)
    assert len(got) == 8, 'forwarded %d of 8' % len(got)
