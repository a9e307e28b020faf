# SPDX-License-Identifier: BSD-3-Clause
# test_link_speed.py - link speed configuration (dev_conf.link_speeds through
# testpmd's "port config all speed S duplex D") on the simulated pair, with
# the plain board and link partners of other abilities (igbx-sim --board),
# igbx beside the stock igb driver.
"""Both ends of the wire run the same driver and configuration; a
partner-100 board gives each port a link partner limited to 10/100, and
partner-half one limited to half duplex 10/100. A fixed speed both ends share comes up at that speed and
duplex; a fixed 1000 against a 10/100 partner cannot come up; autonegotiation
settles on the best mode both offer."""
import time

import pytest

import scenarios

LINK_WAIT = 15


def link_after(tp, speed, duplex):
    """Reconfigure both ports, start them, return port 0's link after
    autonegotiation had its time (up, or down when nothing is common)."""
    tp.cmd('port stop all')
    tp.cmd('port config all speed %s duplex %s' % (speed, duplex))
    tp.cmd('port start all', timeout=60)
    deadline = time.monotonic() + LINK_WAIT
    while True:
        info = tp.port_info(0)
        if info['link_status'] == 'up' or time.monotonic() > deadline:
            return info
        scenarios.idle(tp, 0.3)


def state(info):
    if info['link_status'] != 'up':
        return 'down'
    return (info['link_mbps'], info['link_duplex'])


@pytest.mark.parametrize('board, speed, duplex, want', [
    ('', '100', 'full', (100, 'full-duplex')),
    ('', '10', 'half', (10, 'half-duplex')),
    ('', '1000', 'full', (1000, 'full-duplex')),
    ('partner-100', 'auto', 'full', (100, 'full-duplex')),
    ('partner-100', '1000', 'full', 'down'),
    ('partner-100', '10', 'full', (10, 'full-duplex')),
    ('partner-half', 'auto', 'full', (100, 'half-duplex')),
])
def test_link_speed(driver, testpmd, board, speed, duplex, want):
    """1000BASE-T has no forced mode (IEEE 802.3 40.5.1): igbx negotiates
    with 1000 full as the only ability; the stock driver's PHY code forces
    speed bits it has no 1000 case for, so both ends force 10 Mb/s full."""
    if driver == 'stock' and speed == '1000':
        want = (10, 'full-duplex')
    sim_args = ['--board', board] if board else []
    tp = testpmd(driver, sim_args=sim_args)
    scenarios.wait_link_up(tp, 0)
    got = state(link_after(tp, speed, duplex))
    assert got == want, '%s speed %s duplex %s: %s' % (board or 'plain',
                                                        speed, duplex, got)
    if want != 'down':
        scenarios.check_io_forwarding(tp, seconds=1, min_packets=100)
