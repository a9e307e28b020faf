# SPDX-License-Identifier: BSD-3-Clause
# test_board_matrix.py - bring-up on every board/implementation variant the
# simulator knows (igbx-sim --board), with both drivers.
"""Each row is a board (a combination of igbx-sim traits, documented in the
NIC guide) given to both ports of the wire pair. Where DPDK's stock igb driver
copes, igbx must cope; where stock fails, the test checks that it fails the
way the board explains and reports xfail with that reason. A board no
driver can use (no NVM and no address anywhere) must make igbx refuse the
port with one clear line."""
import re
import subprocess
import time

import pytest

import frames
import igbxsim
import scenarios

# board -> (expected link (Mb/s, duplex) or None when no port may probe,
#           reason stock cannot use the board or None,
#           what igbx must log when it cannot either)
BOARDS = {
    'no-autord': ((1000, 'full-duplex'), None, None),
    'nvm-absent+rar0-preset': (
        (1000, 'full-duplex'),
        'stock reads the absent NVM as all ones and fails its checksum',
        None),
    'nvm-blank+rar0-preset': (
        (1000, 'full-duplex'),
        'stock refuses a blank NVM (checksum), though RAR0 holds an address',
        None),
    'nvm-absent': (None, 'no NVM and no address in RAR0',
                   r'LAN0 has no MAC address: no valid NVM, and RAL0/RAH0 hold'),
    'nvm-blank': (None, 'blank NVM and no address in RAR0',
                  r'LAN0 has no MAC address: no valid NVM, and RAL0/RAH0 hold'),
    'phy-reset': ((1000, 'full-duplex'), None, None),
    'no-autord+phy-reset': ((1000, 'full-duplex'), None, None),
    'an-slow': ((1000, 'full-duplex'), None, None),
    'partner-100': ((100, 'full-duplex'), None, None),
    'partner-half': ((100, 'half-duplex'), None, None),
    'wthresh-batch': ((1000, 'full-duplex'), None, None),
    'fiber': ((1000, 'full-duplex'), None, None),
    'serdes': ((1000, 'full-duplex'), None, None),
}
LINK_WAIT = 15      # an-slow negotiates for 3 s after every restart


def wait_link(tp, port, timeout=LINK_WAIT):
    deadline = time.monotonic() + timeout
    while True:
        info = tp.port_info(port)
        if info['link_status'] == 'up' or time.monotonic() > deadline:
            return info
        scenarios.idle(tp, 0.3)


def expected_mac(tp, port, board):
    """The NVM's address, or with rar0-preset what the platform put in RAR0."""
    if 'rar0-preset' in board:
        mac, valid = tp.sim.rar_mac(port)
        assert valid, 'rar0-preset board without RAH0.AV'
        return mac
    return tp.sim.nvm_mac(port)


def check_ports_up(tp, board, link):
    for port in (0, 1):
        info = wait_link(tp, port)
        assert info['driver'] == tp.driver_name, info
        assert info['mac'] == expected_mac(tp, port, board), info
        assert (info['link_mbps'], info['link_duplex']) == link, info


STOCK_REFUSAL = r'EEPROM checksum invalid'


def check_refused(tp, log_pattern):
    """No port probed, EAL says the devices cannot be used, and the driver
    said why."""
    out = tp.cmd('show port info 0', check=False)
    assert 'Invalid port' in out or 'Driver name' not in out, out
    log = tp.sim.buf
    assert re.search(r'Requested device 0000:00:10.0 cannot be used', log), \
        log[-3000:]
    assert re.search(log_pattern, log), log[-3000:]


@pytest.mark.parametrize('board', sorted(BOARDS))
def test_board_bringup(driver, testpmd, board):
    """probe, MAC, link speed/duplex, io forwarding, then a port stop/start
    (a reset) and forwarding again."""
    link, stock_fails, igbx_refusal = BOARDS[board]
    tp = testpmd(driver, sim_args=['--board', board])
    ports = tp.sim.ctl('ports')
    assert all(line.endswith(' board=%s' % board) for line in ports), ports
    if link is None or (driver == 'stock' and stock_fails):
        check_refused(tp, igbx_refusal if driver == 'igbx' else STOCK_REFUSAL)
        if driver == 'stock':
            pytest.xfail('stock net_e1000_igb cannot use this board: %s'
                         % stock_fails)
        return
    check_ports_up(tp, board, link)
    scenarios.check_io_forwarding(tp, seconds=2)
    tp.cmd('port stop 0')
    tp.cmd('port start 0')
    check_ports_up(tp, board, link)
    scenarios.check_io_forwarding(tp, seconds=2)
    if driver == 'igbx':
        # a board without the auto-read is warned about once per port (at
        # probe), not at every reset of dev_start
        warned = len(re.findall(r'EECD.AUTO_RD .*not set', tp.sim.buf))
        no_autord = any(t in board for t in ('no-autord', 'nvm-'))
        assert warned == (2 if no_autord else 0), warned


def start_ports_counting_autoneg(tp):
    """`port start all` on ports testpmd probed but did not start: the
    autonegotiation restarts of port 0 that the first dev_start made."""
    before = tp.sim.counters(0)
    tp.cmd('port start all')
    after = tp.sim.counters(0)
    assert after['reset_count'] > before['reset_count'], (before, after)
    return after['an_restarts'] - before['an_restarts']


def test_first_start_keeps_settled_link(testpmd):
    """igbx on the plain board: probe negotiated the link, the PHY kept it
    over the MAC reset of dev_start, so dev_start restarts nothing (no flap
    at the peer)."""
    tp = testpmd('igbx', args=['--disable-device-start'])
    assert wait_link(tp, 1)['link_status'] == 'up'
    assert start_ports_counting_autoneg(tp) == 0
    check_ports_up(tp, '', (1000, 'full-duplex'))


def test_phy_reset_board_restarts_autoneg(testpmd):
    """A board whose PHY goes back to its defaults with CTRL.RST: the reset
    of dev_start lost the link, and dev_start negotiates it again."""
    tp = testpmd('igbx', args=['--disable-device-start'],
                 sim_args=['--board', 'phy-reset'])
    assert start_ports_counting_autoneg(tp) == 1
    check_ports_up(tp, 'phy-reset', (1000, 'full-duplex'))


def test_stop_takes_link_down(driver, testpmd):
    """dev_stop powers the copper PHY down, so the partner sees the link
    drop (stock does the same; DTS's port_control checks it); dev_start
    brings it back."""
    tp = testpmd(driver)
    check_ports_up(tp, '', (1000, 'full-duplex'))
    tp.cmd('port stop 0')
    deadline = time.monotonic() + LINK_WAIT
    while tp.port_info(1)['link_status'] == 'up':
        assert time.monotonic() < deadline, 'port 1 still has link'
        scenarios.idle(tp, 0.3)
    assert tp.port_info(0)['link_status'] == 'down'
    tp.cmd('port start 0')
    check_ports_up(tp, '', (1000, 'full-duplex'))


RXDCTL0 = 0xC028


def test_wthresh_batch_board_holds_partial_batch(driver, testpmd):
    """The wthresh-batch board writes RX descriptors back WTHRESH at a time
    with no timer flush (82576 erratum 26): with WTHRESH 4 written into
    RXDCTL[0] a lone frame stays invisible to the driver until three more
    arrive; with WTHRESH 1 (what both drivers program) it shows at once."""
    tp = testpmd(driver, sim_args=['--board', 'wthresh-batch'])
    check_ports_up(tp, 'wthresh-batch', (1000, 'full-duplex'))
    mac = tp.port_info(0)['mac']
    tp.cmd('set fwd rxonly')
    tp.cmd('set verbose 1')
    tp.cmd('start')
    dctl = tp.sim.peek(0, RXDCTL0)
    assert (dctl >> 16) & 0x1F == 1, hex(dctl)
    lone = frames.udp(mac)
    tp.sim.inject(0, lone)
    tp.wait_rx(frames.src_of(lone), port=0)
    tp.sim.poke(0, RXDCTL0, (dctl & ~(0x1F << 16)) | 4 << 16)
    batch = [frames.udp(mac) for _ in range(4)]
    tp.sim.inject(0, batch[0])
    scenarios.idle(tp, 1.0)
    assert not tp.received(frames.src_of(batch[0]), port=0), \
        'a lone descriptor was written back with WTHRESH 4'
    for f in batch[1:]:
        tp.sim.inject(0, f)
    for f in batch:
        tp.wait_rx(frames.src_of(f), port=0)
    tp.cmd('stop')


def test_board_option_refuses_unknown_trait():
    """--board names the trait it does not know and the launcher stops
    before running anything."""
    res = subprocess.run([str(igbxsim.SIM_BIN), '--board', '1:no-autord+bogus',
                          '--', 'true'], capture_output=True, text=True,
                         timeout=30)
    assert res.returncode != 0, res
    assert 'unknown trait "bogus"' in res.stderr, res.stderr
