# SPDX-License-Identifier: BSD-3-Clause
# test_vfio.py - the simulated ports shown bound to vfio-pci (igbx-sim
# --kdrv vfio-pci, no-IOMMU mode): EAL's VFIO path probes them, maps BAR0
# through the device fd and takes interrupts on MSI-X eventfds; igbx and the
# stock igb driver.
"""The same port under vfio-pci instead of uio_pci_generic: testpmd probes
both ports, sees link changes (the other causes' MSI-X vector 0, counted
by the simulator) and forwards."""
import scenarios


def msix_counts(sim, port):
    line = sim.ctl('msix %d' % port)[0]
    return [int(item.split('=')[1]) for item in line.split()]


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
