# SPDX-License-Identifier: BSD-3-Clause
# test_rx_intr_msix.py - per-queue RX interrupts on MSI-X vectors: DPDK's
# l3fwd-power in interrupt-only mode with two RX queues per port, the ports
# shown bound to vfio-pci by the simulator (--kdrv vfio-pci), igbx and the
# stock igb driver.
"""Under vfio-pci the 82576 runs in MSI-X mode (GPIE.Multiple_MSIX, 7.3.1):
IVAR maps each RX queue's cause to its own vector (7.3.3) and EIAC clears a
vector's EICR bit when its message goes out (7.3.4), so an application can
sleep on each queue's eventfd apart. l3fwd-power gives each queue of port 0
its own lcore; a frame that lands on queue q must wake queue q's lcore only,
and the simulator counts one message on queue q's vector and none on the
other queue's.
"""
import re
import time

import pytest

import frames
import igbxsim

WAKE = re.compile(r'lcore (\d+) is waked up from rx interrupt on port (\d+) '
                  r'queue (\d+)')
SLEEP = re.compile(r'lcore (\d+) sleeps until interrupt triggers')

# 82576 registers (datasheet 8.8)
GPIE = 0x1514
EIAC = 0x152C
EIAM = 0x1530
IVAR0 = 0x1700
IVAR_MISC = 0x1740
GPIE_MSIX_MODE = 1 << 4
GPIE_EIAME = 1 << 30
GPIE_PBA = 1 << 31
IVAR_VALID = 0x80
EITR0 = 0x1680


@pytest.fixture(scope='module')
def l3fwd_power_bin():
    """dpdk-l3fwd-power, built once per DPDK version into the cache."""
    return igbxsim.build_example('l3fwd-power')


def rx_vector(s, port, q):
    """IVAR entry of RX queue q (q < 8: byte 0 of IVAR[q], 7.3.3): its MSI-X
    vector, or None when not valid."""
    entry = s.peek(port, IVAR0 + 4 * q) & 0xFF
    return entry & 0x1F if entry & IVAR_VALID else None


def msix_counts(s, port):
    """Messages per MSI-X vector, as the simulator sent them."""
    line = s.ctl('msix %d' % port)[0]
    return [int(item.split('=')[1]) for item in line.split()
            if item.startswith('v')]


def rx_heads(s, port, nb):
    return [s.queue(port, 'rx', q)['head'] for q in range(nb)]


def wait_asleep(s, lcores, timeout=10):
    """Until each lcore in `lcores` sleeps again after its last wake-up
    (l3fwd-power says so only after a wake-up: one never woken sleeps)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        last_sleep = {int(m.group(1)): m.end() for m in SLEEP.finditer(s.buf)}
        last_wake = {int(m.group(1)): m.end() for m in WAKE.finditer(s.buf)}
        if all(c not in last_wake or last_sleep.get(c, -1) > last_wake[c]
               for c in lcores):
            return
        s.pump(0.1)
    raise AssertionError('lcores %s not asleep: %s' % (lcores, s.buf[-1500:]))


def test_each_queue_wakes_its_own_vector(driver, sim, l3fwd_power_bin):
    app = [l3fwd_power_bin, '-l', '0,1', '-n', '1', '-m', '256'] + \
        igbxsim.port_args(driver, 2) + \
        ['--', '-p', '0x3', '-P', '--interrupt-only', '--config',
         '(0,0,0),(0,1,1),(1,0,0),(1,1,1)']
    s = sim(app, ports=2, wire='none', sim_args=['--kdrv', 'vfio-pci'],
            name='rx-intr-msix-%s' % driver)
    for p in (0, 1):
        s.link(p, True)
    s.read_until(r'entering main interrupt loop', timeout=60)
    s.read_until(r'portid=1 rxqueueid=1', timeout=10)

    # MSI-X mode as the datasheet sets it up (7.3.1): one vector per
    # RX queue, none shared with the other causes (IVAR_MISC), auto-cleared
    gpie = s.peek(0, GPIE)
    assert gpie & GPIE_MSIX_MODE, 'GPIE 0x%08x: not in MSI-X mode' % gpie
    vec = [rx_vector(s, 0, q) for q in (0, 1)]
    assert None not in vec and vec[0] != vec[1], 'RX queue vectors %s' % vec
    misc = (s.peek(0, IVAR_MISC) >> 8) & 0xFF
    if misc & IVAR_VALID:
        assert misc & 0x1F not in vec, \
            'other causes share vector %d with an RX queue' % (misc & 0x1F)
    eiac = s.peek(0, EIAC)
    for v in vec:
        assert eiac & (1 << v), 'EIAC 0x%08x: vector %d not auto-cleared' % (
            eiac, v)
    if driver == 'igbx':
        # igbx moderates each queue's vector to one interrupt per 50 us
        # (EITR interval, bits 14:2 in microseconds)
        for v in vec:
            eitr = s.peek(0, EITR0 + 4 * v)
            assert (eitr >> 2) & 0x1FFF == 50, 'EITR[%d] 0x%08x' % (v, eitr)
        # one message per arming: GPIE.EIAME with EIAM masks it as it fires
        eiam = s.peek(0, EIAM)
        assert gpie & GPIE_EIAME and all(eiam & (1 << v) for v in vec), \
            'GPIE 0x%08x EIAM 0x%08x' % (gpie, eiam)

    # idle: nothing wakes either lcore
    time.sleep(0.5)
    start = len(s.buf)
    before = msix_counts(s, 0)
    time.sleep(1.5)
    s.pump(0.2)
    assert WAKE.findall(s.buf[start:]) == [], s.buf[start:][-1000:]
    assert [msix_counts(s, 0)[v] for v in vec] == [before[v] for v in vec]

    # frames with different UDP ports: RSS spreads them; each must wake the
    # lcore of the queue it landed on, through that queue's vector only
    woken = set()
    for sport in range(1024, 1024 + 32):
        if woken == {0, 1}:
            break
        heads = rx_heads(s, 0, 2)
        counts = msix_counts(s, 0)
        mark = len(s.buf)
        s.inject(0, frames.udp(b'\xff' * 6, sport=sport))
        m = s.read_until(WAKE.pattern, start=mark, timeout=10)
        lcore, port, q = (int(x) for x in m.groups())
        moved = [i for i, (a, b) in enumerate(zip(heads, rx_heads(s, 0, 2)))
                 if a != b]
        assert moved == [q], 'frame on queue(s) %s, woke queue %d' % (moved, q)
        assert (port, lcore) == (0, q), m.group(0)
        after = msix_counts(s, 0)
        assert after[vec[q]] == counts[vec[q]] + 1, (counts, after)
        assert after[vec[1 - q]] == counts[vec[1 - q]], (counts, after)
        s.pump(0.3)
        assert len(WAKE.findall(s.buf[mark:])) == 1, s.buf[mark:][-1000:]
        woken.add(q)
        wait_asleep(s, (0, 1), timeout=10)
    assert woken == {0, 1}, 'RSS never used queue(s) %s' % ({0, 1} - woken)
