# SPDX-License-Identifier: BSD-3-Clause
# test_versions.py - igbx on the DPDK LTS releases after Debian 12's 22.11:
# built and run inside a Debian root of each, with that release's binaries.
"""Version matrix: for DPDK 24.11 (Debian 13) and 25.11 (Debian sid),
buildtools/release-build.sh makes (once, cached in /var/cache/igbx) a Debian
root holding the release's dpdk packages and builds this checkout there,
warnings as errors. Then, with that release's own testpmd, pmdinfo and
telemetry client, run through buildtools/in-root.sh:

- the plugin names the release's ethdev ABI, dpdk-pmdinfo.py lists igbx's
  device ids;
- testpmd forwards with igbx over two simulated ports, counted by testpmd
  and by the simulated wire on both sides, while the release's stock e1000
  plugin is loaded from its plugin directory and takes no port; the stock
  net_e1000_igb forwards too (the simulator's referee under that release);
- telemetry's /ethdev/xstats shows igbx's counters, per queue included;
- the unit tests and a selection of the system tests (the simulated-device
  and driver tests that run applications only through igbx-sim) run again,
  inside the root (igbxsim.RUNNER).

A release whose root cannot be had (Debian's archive unreachable, the
release not installable) or whose SDK headers are missing is skipped with
the reason. IGBX_RELEASES="24.11" narrows the matrix, "" empties it.
"""
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import igbxsim
import scenarios

RELEASE_BUILD = igbxsim.REPO / 'buildtools' / 'release-build.sh'
IN_ROOT = igbxsim.REPO / 'buildtools' / 'in-root.sh'
GUIDE = igbxsim.REPO / 'doc' / 'guides' / 'nics' / 'igbx.rst'
# The release's ethdev ABI (librte_ethdev.so.N, plugin dir pmds-N.0).
ABI = {'24.11': 25, '25.11': 26}
RELEASES = os.environ.get('IGBX_RELEASES', ' '.join(ABI)).split()
# release-build.sh: archive unreachable, root not makeable, no SDK headers.
SKIP_STATUS = {3: 'Debian archive unreachable', 4: 'root cannot be made',
               5: 'driver-SDK headers missing'}
LIBDIR = Path('/usr/lib/x86_64-linux-gnu')
# The system tests run again inside each root: every one runs its
# applications through igbx-sim, none builds or runs a host DPDK tool.
SUITE = ['test/sim/test_igbx_pmd.py', 'test/sim/test_device.py',
         'test/conformance/test_l2.py', 'test/conformance/test_vlan.py']
SUITE_ARGS = ['-m', 'igbx', '-k', 'not tap']


@dataclass
class Release:
    name: str
    root: Path
    build: Path

    @property
    def plugin(self):
        return self.build / 'drivers' / 'net' / 'igbx' / 'librte_net_igbx.so'

    @property
    def runner(self):
        """The in-root.sh prefix that runs a command inside the root with
        the build tree at its own path."""
        return [str(IN_ROOT), str(self.root), '-b', str(self.build), '--']

    def run(self, cmd, timeout=120, **kw):
        return subprocess.run(self.runner + cmd, capture_output=True,
                              text=True, timeout=timeout, **kw)


@pytest.fixture(scope='module', params=RELEASES)
def release(request):
    """The release's root and igbx's build in it (built on first use)."""
    rel = request.param
    proc = subprocess.run([str(RELEASE_BUILD), rel], capture_output=True,
                          text=True, timeout=2400)
    if proc.returncode in SKIP_STATUS:
        why = [line for line in proc.stderr.splitlines()
               if line.startswith(('release-root:', 'release-build:', 'E:'))]
        pytest.skip('DPDK %s: %s: %s' % (rel, SKIP_STATUS[proc.returncode],
                                         ' / '.join(why[-3:])))
    assert proc.returncode == 0, 'igbx does not build against DPDK %s:\n%s' % (
        rel, proc.stderr[-6000:])
    root, build = proc.stdout.split()[-2:]
    return Release(rel, Path(root), Path(build))


@pytest.fixture
def in_release(release, monkeypatch):
    """igbxsim runs its simulator and applications inside the release's
    root, with the binaries built there."""
    monkeypatch.setattr(igbxsim, 'RUNNER', release.runner)
    monkeypatch.setattr(igbxsim, 'BUILD', release.build)
    monkeypatch.setattr(igbxsim, 'SIM_BIN',
                        release.build / 'app' / 'igbx-sim' / 'igbx-sim')
    monkeypatch.setattr(igbxsim, 'IGBX_PLUGIN', release.plugin)
    return release


def test_builds_against_release(release):
    """Warning-free under -Werror, linked to the release's ethdev ABI, and
    configured against that release's libdpdk."""
    log = Path(str(release.build) + '.log').read_text()
    assert 'warning:' not in log, log[-4000:]
    ver = release.run(['pkg-config', '--modversion', 'libdpdk'])
    assert ver.stdout.startswith(release.name + '.'), ver
    info = json.loads((release.build / 'meson-info' /
                       'intro-buildoptions.json').read_text())
    werror = {o['name']: o['value'] for o in info}['werror']
    assert werror is True
    needed = subprocess.run(['readelf', '-d', str(release.plugin)],
                            capture_output=True, text=True).stdout
    assert 'librte_ethdev.so.%d]' % ABI[release.name] in needed, needed


def test_pmdinfo_lists_igbx(release):
    """The release's dpdk-pmdinfo.py reads the plugin: net_igbx with the
    82576 ids the guide documents, its kernel modules and devargs."""
    out = release.run(['dpdk-pmdinfo.py', str(release.plugin)])
    assert out.returncode == 0, out.stderr
    pmd = {p['name']: p for p in json.loads(out.stdout)}['net_igbx']
    ids = {(i['vendor'], i['device'].lower()) for i in pmd['pci_ids']}
    documented = {m.lower() for m in
                  re.findall(r'``0x([0-9A-Fa-f]{4})``', GUIDE.read_text())}
    assert ('8086', '10c9') in ids
    assert {d for _, d in ids} <= documented, ids
    assert 'vfio-pci' in pmd['kmod']
    assert 'rx_path=' in pmd['params']


def stock_plugin(release):
    return (release.root / LIBDIR.relative_to('/') / 'dpdk' /
            ('pmds-%d.0' % ABI[release.name]) / 'librte_net_e1000.so')


def check_forwarding_counted(tp):
    """io forwarding 0 <-> 1: testpmd's counters (the driver) and the
    simulated wire's (the device) on both ports."""
    before = [tp.sim.counters(p) for p in range(2)]
    st = scenarios.check_io_forwarding(tp, seconds=2, min_packets=1000)
    scenarios.check_byte_counters(st)
    after = [tp.sim.counters(p) for p in range(2)]
    for p in range(2):
        sent = after[p]['wire_tx_frames'] - before[p]['wire_tx_frames']
        got = after[p]['wire_rx_frames'] - before[p]['wire_rx_frames']
        assert sent >= st[p]['tx_packets'] >= 1000, (p, sent, st)
        assert got >= st[p]['rx_packets'] >= 1000, (p, got, st)


def test_testpmd_forwards_with_igbx(in_release, testpmd):
    """The release's testpmd with igbx (-d) on two simulated ports: probe,
    io forwarding counted on both sides, clean exit. EAL also loaded the
    release's stock e1000 plugin from its default directory (its debug log
    says so), and it took no port."""
    stock = stock_plugin(in_release)
    assert stock.exists(), stock
    tp = testpmd('igbx', eal_args=['--log-level=lib.eal:debug'])
    scenarios.check_probe(tp)
    assert re.search(r'open shared lib \S*/%s/librte_net_e1000\.so' %
                     stock.parent.name, tp.sim.buf), tp.sim.buf[:3000]
    for p in range(2):
        assert tp.port_info(p)['driver'] == 'net_igbx'
    check_forwarding_counted(tp)
    scenarios.close_and_quit(tp)


def test_testpmd_forwards_with_stock(in_release, testpmd):
    """The referee: the release's own net_e1000_igb drives the simulated
    82576 the same way."""
    tp = testpmd('stock')
    scenarios.check_probe(tp)
    check_forwarding_counted(tp)
    scenarios.close_and_quit(tp)


def test_telemetry_xstats(in_release, testpmd):
    """The release's dpdk-telemetry.py, in the run's mount namespace and
    root: /ethdev/xstats of an igbx port has igbx's counters and the
    per-queue ones (25.11 takes those through stats_get's queue argument)."""
    tp = testpmd('igbx', args=['--forward-mode=io'])
    tp.cmd('start tx_first 4')
    scenarios.idle(tp, 1.0)
    tp.cmd('stop', check=False)
    scenarios.idle(tp, 0.5)
    before = tp.xstats(0)
    prefix = tp.sim.app[tp.sim.app.index('--file-prefix') + 1]
    out = subprocess.run(['nsenter', '-t', str(tp.sim.child.pid), '-m', '-r',
                          'dpdk-telemetry.py', '-f', prefix],
                         input='/ethdev/list\n/ethdev/xstats,0\n',
                         capture_output=True, text=True, timeout=30)
    tp.sim.note('telemetry -> %s %s' % (out.stdout[-2000:], out.stderr[-500:]))
    assert out.returncode == 0, out.stderr
    rep = {}
    for line in out.stdout.splitlines():
        if line.startswith('{'):
            rep.update(json.loads(line))
    assert rep['/ethdev/list'] == [0, 1]
    xs = rep['/ethdev/xstats']
    assert set(xs) == set(before)
    assert {'rx_crc_errors', 'tx_total_packets', 'rx_q0_packets'} <= set(xs)
    assert xs['rx_good_packets'] > 0
    # the queue counts what the driver took from the ring; the MAC also
    # what still sat in it when forwarding stopped
    assert 0 < xs['rx_q0_packets'] <= xs['rx_good_packets']
    assert xs['tx_total_packets'] == before['tx_total_packets']
    scenarios.close_and_quit(tp)


def test_unit_tests(release):
    """The C unit tests, built against the release, pass inside its root."""
    out = release.run(['meson', 'test', '-C', str(release.build), '--suite',
                       'unit', '--no-rebuild', '--print-errorlogs'],
                      timeout=600)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_system_tests_in_root(release, tmp_path):
    """SUITE (igbx variants) again, every application inside the root."""
    env = dict(os.environ, IGBX_BUILD=str(release.build),
               IGBX_RUNNER=shlex.join(release.runner),
               IGBX_TEST_LOGS=str(release.build / 'test-logs'),
               IGBX_RELEASES='')
    cmd = [sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider',
           '--junitxml', str(tmp_path / 'junit.xml')] + SUITE + SUITE_ARGS
    out = subprocess.run(cmd, cwd=str(igbxsim.REPO), env=env,
                         capture_output=True, text=True, timeout=1200)
    summary = out.stdout.strip().splitlines()[-1:] or ['']
    assert out.returncode == 0, out.stdout[-8000:] + out.stderr[-2000:]
    assert re.search(r'\d+ passed', summary[0]), out.stdout[-3000:]
