# SPDX-License-Identifier: BSD-3-Clause
# test_bringup.py - bring-up on whatever the board and the application give the
# driver: descriptor thresholds clamped to what the 82576 holds (and its erratum).
"""Each test runs for both drivers; DPDK's stock igb driver referees what the
simulated device does with the registers."""
import re

RXDCTL0 = 0xC028
TXDCTL0 = 0xE028


def thresholds(dctl):
    """(PTHRESH, HTHRESH, WTHRESH) of an RXDCTL/TXDCTL value (8.10, 8.12)."""
    return dctl & 0x1F, (dctl >> 8) & 0x1F, (dctl >> 16) & 0x1F


def test_descriptor_thresholds_clamped(driver, testpmd):
    """What dpdk-test's pmd_perf_autotest and tuning guides for other Intel
    NICs pass (TX PTHRESH 32, WTHRESH 8; RX PTHRESH 40, WTHRESH 4): the port
    starts and forwards; the registers hold WTHRESH 1 (82576 specification
    update, erratum 26) with both drivers; igbx clamps PTHRESH to the 5-bit
    field and says so in one NOTICE line per queue."""
    tp = testpmd(driver, args=['--txpt=32', '--txht=0', '--txwt=8',
                               '--rxpt=40', '--rxht=8', '--rxwt=4'])
    tp.cmd('start')
    rx = thresholds(tp.sim.peek(0, RXDCTL0))
    tx = thresholds(tp.sim.peek(0, TXDCTL0))
    assert rx[2] == 1 and tx[2] == 1, (rx, tx)
    tp.cmd('stop')
    if driver == 'igbx':
        assert rx == (31, 8, 1), rx
        assert tx == (31, 0, 1), tx
        log = tp.sim.buf
        assert re.search(r'tx queue 0: thresholds pthresh=32 hthresh=0 '
                         r'wthresh=8 clamped to 31/0/1', log), log[-3000:]
        assert re.search(r'rx queue 0: thresholds pthresh=40 hthresh=8 '
                         r'wthresh=4 clamped to 31/8/1', log), log[-3000:]
        # one line per queue and port, not one per start
        assert len(re.findall(r'tx queue 0: thresholds', log)) == 2
    tp.cmd('start tx_first')
    tp.cmd('stop')
    st = tp.port_stats(1)
    assert st['rx_packets'] > 0, st
