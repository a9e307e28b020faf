# SPDX-License-Identifier: BSD-3-Clause
# test_smoke.py - DTS smoke_tests on the simulated 82576, beyond what DTS's
# smoke_tests cases check: driver bound, links up, the device information
# testpmd reports. (hello_world and blocklist: DTS's own suites in CI.)
import igbxsim
import scenarios


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
