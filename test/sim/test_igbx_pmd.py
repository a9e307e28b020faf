# SPDX-License-Identifier: BSD-3-Clause
# test_igbx_pmd.py - the igbx plugin's PMD info, its
# life cycle under dpdk-testpmd, and bad input through the ethdev API.
"""RSS over 4 queues is
test_device.py::test_rss_spreads_flows_over_4_queues[igbx]. The life cycle
and API tests also run with the stock driver where it defines the behaviour,
so that a failure there points at the simulator."""
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

import frames
import igbxsim
import scenarios
from scenarios import idle

# Every 82576 physical function (e1000_hw.h: copper, fiber, serdes, quad
# copper, quad copper ET2, NS, NS serdes, serdes quad).
IDS_82576 = {'10c9', '10e6', '10e7', '10e8', '1526', '150a', '1518', '150d'}
API_TEST = Path(os.environ.get('IGBX_API_TEST',
                               igbxsim.BUILD / 'test' / 'app' /
                               'igbx_api_test'))


def test_pmdinfo_lists_82576_ids():
    if not igbxsim.IGBX_PLUGIN.exists():
        pytest.skip('%s not built' % igbxsim.IGBX_PLUGIN)
    out = subprocess.run(['dpdk-pmdinfo.py', str(igbxsim.IGBX_PLUGIN)],
                         check=True, capture_output=True, text=True).stdout
    pmds = {p['name']: p for p in json.loads(out)}
    assert 'net_igbx' in pmds, 'drivers listed: %s' % sorted(pmds)
    pmd = pmds['net_igbx']
    ids = {(i['vendor'].lower(), i['device'].lower())
           for i in pmd.get('pci_ids', [])}
    assert ids == {('8086', d) for d in IDS_82576}, sorted(ids)
    kmods = set(re.findall(r'[\w-]+', pmd.get('kmod', '')))
    assert {'igb_uio', 'uio_pci_generic', 'vfio-pci'} <= kmods, pmd.get('kmod')


def rx_queue_stop_start(tp, mac):
    """Queue 0 of port 0 stopped then started again: after the restart it
    receives (testpmd disables forwarding streams of stopped queues)."""
    tp.cmd('set fwd rxonly')
    tp.cmd('set verbose 1')
    tp.cmd('port 0 rxq 0 stop')
    tp.cmd('port 0 txq 0 stop')
    tp.cmd('start')
    while_stopped = frames.udp(mac)
    tp.sim.inject(0, while_stopped)
    idle(tp, 0.5)
    assert tp.received(frames.src_of(while_stopped)) == [], \
        'frame delivered by a stopped queue'
    tp.cmd('stop', check=False)
    tp.cmd('port 0 rxq 0 start')
    tp.cmd('port 0 txq 0 start')
    tp.cmd('start')
    after = frames.udp(mac)
    tp.sim.inject(0, after)
    pkt, = tp.wait_rx(frames.src_of(after), port=0)
    assert pkt.queue == 0 and pkt.length == 60, pkt.line
    tp.cmd('stop', check=False)
    tp.cmd('set verbose 0')
    tp.cmd('set fwd io')


def test_lifecycle(driver, testpmd):
    """probe, forwarding, restart of forwarding, of all ports, of one port,
    of one queue (igbx: the stock driver has no queue start/stop), close
    with every mbuf back in the pool, exit status 0."""
    tp = testpmd(driver)
    macs = scenarios.check_probe(tp)
    scenarios.check_io_forwarding(tp, seconds=2)
    scenarios.check_io_forwarding(tp, seconds=2)     # stop / start
    tp.cmd('port stop all')
    tp.cmd('port start all')
    scenarios.wait_link_up(tp, 0)
    scenarios.wait_link_up(tp, 1)
    scenarios.check_io_forwarding(tp, seconds=2)
    tp.cmd('port stop 0')
    tp.cmd('port start 0')
    scenarios.wait_link_up(tp, 0)
    scenarios.check_io_forwarding(tp, seconds=2)
    if driver == 'igbx':
        rx_queue_stop_start(tp, macs[0])
        scenarios.check_io_forwarding(tp, seconds=2)
    tp.cmd('port stop all')
    tp.cmd('port close all')
    size, avail = tp.mempool_avail('mb_pool_0')
    assert avail == size, 'after close %d of %d mbufs in the pool' % (avail,
                                                                      size)
    assert tp.quit() == 0, 'testpmd exit status %s' % tp.sim.exitstatus


def test_api_bad_input(driver, sim):
    """test/app/igbx_api_test: each bad input's errno, then the port still
    forwards and returns every mbuf (stock: only what the stock defines)."""
    if not API_TEST.exists():
        pytest.fail('%s not built: test/meson.build needs subdir(\'app\') '
                    '(or set IGBX_API_TEST)' % API_TEST)
    app = [API_TEST, '-l', '0', '-n', '1', '-m', '256',
           '--file-prefix', 'igbxapi%d' % os.getpid()] + \
        igbxsim.port_args(driver, 2)
    run = sim(app, name='api-%s' % driver)
    status = run.wait(120)
    fails = [line for line in run.buf.splitlines() if line.startswith('FAIL')]
    summary = re.search(r'(\d+) passed, (\d+) failed', run.buf)
    assert summary, 'no summary; exit status %s:\n%s' % (status,
                                                          run.buf[-3000:])
    assert 'driver %s' % igbxsim.DRIVER_NAMES[driver] in run.buf
    assert (status, summary.group(2)) == (0, '0'), '\n'.join(fails)
    assert int(summary.group(1)) >= 30, summary.group(0)
