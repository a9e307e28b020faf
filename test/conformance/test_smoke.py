# SPDX-License-Identifier: BSD-3-Clause
# test_smoke.py - DTS smoke_tests, hello_world and blocklist on the simulated
# 82576: driver bound, links up, device information, EAL lcores, -b.
import os
import re
import subprocess

import pytest

import igbxsim
import scenarios

HELLO_SRC = ('/var/cache/igbx/src/dpdk-stable-22.11.11/examples/helloworld/'
             'main.c')
# Outputs go under the build dir: EAL refuses plugins under /tmp, and the
# build dir is where the other suites keep their programs too.
OUT = igbxsim.BUILD / 'conformance'


def test_smoke_tests(driver, testpmd):
    """smoke_tests: every port bound to the driver, link up at 1 Gb/s full
    duplex, MAC from the NVM, device info names the 82576 (8086:10c9)."""
    tp = testpmd(driver)
    scenarios.check_probe(tp)
    out = tp.cmd('show device info all', check=False)
    for p in range(2):
        assert ('Infos for device %s' % igbxsim.PCI_ADDRS[p]) in out, out
    assert out.count('vendor_id=8086, device_id=10c9') == 2, out
    assert out.count('Driver name: %s' % tp.driver_name) == 2, out
    info = tp.cmd('show port info 0', check=False)
    for line in ('Max possible RX queues: 16', 'Max possible TX queues: 16',
                 'Max possible number of RXDs per queue: 4096',
                 'Min possible number of RXDs per queue: 32',
                 'RXDs number alignment: 8', 'Hash key size in bytes: 40',
                 'Redirection table size: 128',
                 'Maximum number of MAC addresses: 24', 'MTU: 1500'):
        assert line in info, '%r missing:\n%s' % (line, info)
    summary = tp.cmd('show port summary all')
    assert 'Number of available ports: 2' in summary, summary
    scenarios.close_and_quit(tp)


def build_helloworld():
    OUT.mkdir(parents=True, exist_ok=True)
    exe = OUT / 'helloworld'
    if not os.path.exists(HELLO_SRC):
        pytest.skip('no DPDK source at %s' % HELLO_SRC)
    flags = subprocess.run(['pkg-config', '--cflags', '--libs', 'libdpdk'],
                           check=True, capture_output=True,
                           text=True).stdout.split()
    subprocess.run(['gcc', '-O1', '-o', str(exe), HELLO_SRC] + flags,
                   check=True, capture_output=True)
    return exe


def test_hello_world(driver, sim):
    """hello_world: DPDK's examples/helloworld (built against the installed
    libdpdk) runs a function on every lcore of -l 0-1, with the port probed
    by the driver under test."""
    exe = build_helloworld()
    app = [exe, '-l', '0-1', '-n', '1', '-m', '64', '--file-prefix',
           'hello%d' % os.getpid()] + igbxsim.port_args(driver, 1)
    s = sim(app, ports=1, name='hello-%s' % driver)
    assert s.wait(60) == 0, s.buf[-2000:]
    cores = sorted(int(c) for c in re.findall(r'hello from core (\d+)',
                                              s.buf))
    assert cores == [0, 1], s.buf[-2000:]
    assert re.search(r'Probe PCI driver: %s' % igbxsim.DRIVER_NAMES[driver],
                     s.buf), s.buf[-2000:]


def test_blocklist(driver, log_path):
    """blocklist: `-b 0000:00:10.1` on a two-port device: only port 0 is
    probed, testpmd has one port."""
    tp = igbxsim.Testpmd(driver, ports=2, log_path=log_path,
                         eal_args=['-b', igbxsim.PCI_ADDRS[1]])
    app = tp.sim.app
    for addr in igbxsim.PCI_ADDRS[:2]:          # -a and -b exclude each other
        i = app.index(addr + igbxsim.igbx_devargs(driver))
        assert app[i - 1] == '-a'
        del app[i - 1:i + 1]
    try:
        tp.start()
        out = tp.cmd('show port summary all')
        assert 'Number of available ports: 1' in out, out
        assert igbxsim.PCI_ADDRS[0] in out and igbxsim.PCI_ADDRS[1] not in out
        probed = re.findall(r'Probe PCI driver: \S+ \([0-9a-f:]+\) device: '
                            r'(\S+)', tp.sim.buf)
        assert probed == [igbxsim.PCI_ADDRS[0]], probed
        assert tp.port_info(0)['driver'] == tp.driver_name
        bad = tp.cmd('show port info 1', check=False)
        assert 'Invalid port 1' in bad or 'invalid' in bad.lower(), bad
    finally:
        tp.close()
