# SPDX-License-Identifier: BSD-3-Clause
# test_vfio.py - the simulated ports shown bound to vfio-pci (igbx-sim
# --kdrv vfio-pci, no-IOMMU mode): EAL's VFIO path probes them, maps BAR0
# through the device fd and takes interrupts on MSI-X eventfds; igbx and the
# stock igb driver.
"""The same port under vfio-pci instead of uio_pci_generic: testpmd probes
both ports, sees link changes (the other causes' MSI-X vector 0, counted
by the simulator) and forwards."""
import os
import re
import time

import pytest

import igbxsim
import scenarios


def msix_counts(sim, port):
    line = sim.ctl('msix %d' % port)[0]
    return [int(item.split('=')[1]) for item in line.split()
            if item.startswith('v')]


def irq_counts(sim, port):
    """{'v': [per MSI-X vector], 'intx': n, 'msi': n} sent so far."""
    out = {'v': []}
    for item in sim.ctl('msix %d' % port)[0].split():
        name, value = item.split('=')
        if name.startswith('v'):
            out['v'].append(int(value))
        else:
            out[name] = int(value)
    return out


def test_probe_lsc_forward_under_vfio(driver, testpmd):
    tp = testpmd(driver, sim_args=['--kdrv', 'vfio-pci'])
    scenarios.check_probe(tp)
    before = msix_counts(tp.sim, 0)
    mark = len(tp.sim.buf)
    tp.sim.link(0, False)
    info = scenarios.wait_link(tp, 0, 'down')
    assert info['link_status'] == 'down', info
    tp.sim.read_until(r'Port 0: link state change event', start=mark,
                      timeout=5)
    mark = len(tp.sim.buf)
    tp.sim.link(0, True)
    info = scenarios.wait_link(tp, 0, 'up')
    assert info['link_status'] == 'up', info
    tp.sim.read_until(r'Port 0: link state change event', start=mark,
                      timeout=5)
    after = msix_counts(tp.sim, 0)
    assert after[0] >= before[0] + 2, (before, after)
    assert after[1:] == before[1:], (before, after)
    scenarios.check_io_forwarding(tp, seconds=1, min_packets=500)


@pytest.mark.parametrize('prog', ['igbx_api_test', 'igbx_badinput'])
def test_api_programs_under_vfio(sim, monkeypatch, prog):
    """igbx's ethdev API programs (test/app) with the ports under vfio-pci:
    the life-cycle test and the bad-input catalogue, the latter with the
    MSI-X limit of RX interrupts: 10 queues with intr_conf.rxq is -EINVAL
    (11 vectors of 10), 9 start and arm each queue."""
    igbxsim.need_driver('igbx')
    binary = igbxsim.BUILD / 'test' / 'app' / prog
    if not binary.exists():
        pytest.fail('%s not built (ninja -C %s)' % (binary, igbxsim.BUILD))
    monkeypatch.setenv('IGBX_BADINPUT_VFIO', '1')
    app = [binary, '-l', '0', '-n', '1', '-m', '256',
           '--file-prefix', 'igbxvfio%d' % os.getpid()] + \
        igbxsim.port_args('igbx', 2)
    run = sim(app, sim_args=['--kdrv', 'vfio-pci'], name='%s-vfio' % prog)
    status = run.wait(180)
    fails = [line for line in run.buf.splitlines() if line.startswith('FAIL')]
    summary = re.search(r'(\d+) passed, (\d+) failed', run.buf)
    assert summary, 'no summary; exit status %s:\n%s' % (status,
                                                          run.buf[-3000:])
    assert (status, summary.group(2)) == (0, '0'), '\n'.join(fails)
    assert 'Using IOMMU type 8 (No-IOMMU)' in run.buf
    if prog == 'igbx_badinput':
        assert 'nb_rx_queues 10 with intr_conf.rxq: at most 9' in run.buf


WAKE = re.compile(r'is waked up from rx interrupt on port (\d+) queue (\d+)')


@pytest.mark.parametrize('mode', ['legacy', 'msi'])
def test_l3fwd_power_single_vector(driver, sim, mode):
    """EAL's --vfio-intr legacy (INTx, masked by vfio-pci as it fires and
    unmasked by the ack) and msi: one shared vector, as under uio;
    l3fwd-power sleeps while idle and wakes on each port's frame."""
    import frames
    binary = igbxsim.build_example('l3fwd-power')
    app = [binary, '-l', '1', '-n', '1', '-m', '256', '--vfio-intr', mode] + \
        igbxsim.port_args(driver, 2) + \
        ['--', '-p', '0x3', '--config', '(0,0,1),(1,0,1)', '-P',
         '--interrupt-only']
    s = sim(app, ports=2, wire='none', sim_args=['--kdrv', 'vfio-pci'],
            name='l3fwd-power-%s-%s' % (mode, driver))
    for p in (0, 1):
        s.link(p, True)
    s.read_until(r'portid=1 rxqueueid=0', timeout=60)
    time.sleep(1.0)
    start = len(s.buf)
    time.sleep(1.0)
    s.pump(0.2)
    assert WAKE.findall(s.buf[start:]) == []
    key = {'legacy': 'intx', 'msi': 'msi'}[mode]
    for port in (0, 1):
        before = irq_counts(s, port)
        for _ in range(2):
            mark = len(s.buf)
            s.inject(port, frames.udp(b'\xff' * 6))
            m = s.read_until(WAKE.pattern, start=mark, timeout=10)
            assert (int(m.group(1)), int(m.group(2))) == (port, 0)
            s.read_until('sleeps until interrupt triggers', start=m.end(),
                         timeout=10)
            time.sleep(0.3)
        after = irq_counts(s, port)
        assert after[key] >= before[key] + 2, (before, after)
        assert after['v'] == before['v'] == [0] * 10, (before, after)
