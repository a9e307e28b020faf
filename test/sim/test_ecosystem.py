# SPDX-License-Identifier: BSD-3-Clause
# test_ecosystem.py - igbx seen by the usual DPDK tools (log types,
# telemetry, pmdinfo), the three ways EAL loads it, and the docs build.
"""How a DPDK user meets igbx, checked on the simulated 82576.

Loading: ``-d <file>``, ``-d <directory>`` and EAL's default plugin
directory (inside the igbx-sim mount namespace a directory holding igbx and
the stock PMDs is bind-mounted over Debian's pmds-23.0). The stock e1000
plugin, always loaded from the default directory, must not take the ports.
Telemetry sockets live in the run's private /var/run/dpdk, so the client
runs in the launcher's mount namespace (nsenter). The guide and features
matrix are checked against the plugin's pmdinfo and DPDK's default.ini.
"""
import configparser
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import igbxsim

GUIDE = igbxsim.REPO / 'doc' / 'guides' / 'nics' / 'igbx.rst'
FEATURES = igbxsim.REPO / 'doc' / 'guides' / 'nics' / 'features' / 'igbx.ini'
BUILD_DOCS = igbxsim.REPO / 'buildtools' / 'build-docs.sh'
# EAL's compiled-in plugin directory (RTE_EAL_PMD_PATH of Debian's DPDK 22.11)
PLUGIN_DIR = Path('/usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0')
STOCK_E1000 = PLUGIN_DIR / 'librte_net_e1000.so'
DPDK_SRC = Path(os.environ.get('IGBX_DPDK_SRC',
                               '/var/cache/igbx/src/dpdk-stable-22.11.11'))
LOG_TYPES = ['pmd.net.igbx.%s' % t for t in ('init', 'driver', 'rx', 'tx')]


def need_plugin():
    if not igbxsim.IGBX_PLUGIN.exists():
        pytest.skip('%s not built' % igbxsim.IGBX_PLUGIN)


@pytest.fixture
def scratch():
    """A directory EAL accepts plugins from: not below a world-writable
    directory (so not /tmp), hence inside the build tree."""
    need_plugin()
    path = Path(tempfile.mkdtemp(prefix='eco-', dir=igbxsim.BUILD))
    os.chmod(path, 0o755)
    yield path
    # a bind mount made in a run's namespace is gone with the run
    shutil.rmtree(path, ignore_errors=True)


def start_testpmd(log_path, eal_args, wrap=None, ports=2, args=(),
                  devargs=''):
    """Interactive testpmd on simulated ports with exactly eal_args for
    plugins (the 'stock' variant of igbxsim.Testpmd adds no -d); wrap: a
    shell snippet run in the run's namespace before testpmd; devargs: for
    port 0, e.g. ',rx_path=scalar'."""
    tp = igbxsim.Testpmd('stock', ports=ports, eal_args=eal_args, args=args,
                         log_path=log_path, name='testpmd-eco')
    if devargs:
        tp.sim.app = [a + devargs if a == igbxsim.PCI_ADDRS[0] else a
                      for a in tp.sim.app]
    if wrap:
        tp.sim.app = ['sh', '-c', wrap + ' && exec "$@"', 'sh'] + tp.sim.app
    return tp


def file_prefix(tp):
    return tp.sim.app[tp.sim.app.index('--file-prefix') + 1]


def log_levels(tp):
    out = tp.cmd('dump_log_types', check=False)
    return dict(re.findall(r'id \d+: (\S+), level is (\w+)', out))


# ---- observability -------------------------------------------------------

@pytest.mark.igbx
def test_pmdinfo_matches_guide():
    """dpdk-pmdinfo.py: name, ids, kmod and devargs; the guide lists the same
    device ids and every devarg the plugin declares."""
    need_plugin()
    out = subprocess.run(['dpdk-pmdinfo.py', str(igbxsim.IGBX_PLUGIN)],
                         check=True, capture_output=True, text=True).stdout
    pmd = {p['name']: p for p in json.loads(out)}['net_igbx']
    ids = {i['device'].lower() for i in pmd['pci_ids']}
    assert {i['vendor'] for i in pmd['pci_ids']} == {'8086'}
    assert 'uio_pci_generic' in pmd['kmod'] and 'vfio-pci' in pmd['kmod']
    guide = GUIDE.read_text()
    documented = {m.lower() for m in
                  re.findall(r'``0x([0-9A-Fa-f]{4})``', guide)}
    assert ids <= documented, 'ids missing from the guide: %s' % (
        ids - documented)
    keys = re.findall(r'(\w+)=', pmd.get('params', ''))
    assert keys, pmd
    for key in keys:
        assert '``%s``' % key in guide, 'devarg %s not documented' % key


@pytest.mark.igbx
def test_log_types_registered(log_path):
    """The four dynamic log types exist at NOTICE and follow --log-level."""
    need_plugin()
    tp = start_testpmd(log_path, ['-d', str(igbxsim.IGBX_PLUGIN),
                                  '--log-level=pmd.net.igbx.*:debug'])
    try:
        tp.start()
        levels = log_levels(tp)
        assert [levels.get(t) for t in LOG_TYPES] == ['debug'] * 4, levels
    finally:
        tp.close()
    tp = start_testpmd(log_path, ['-d', str(igbxsim.IGBX_PLUGIN)])
    try:
        tp.start()
        levels = log_levels(tp)
        assert [levels.get(t) for t in LOG_TYPES] == ['notice'] * 4, levels
    finally:
        tp.close()



def call_graph(lib):
    """{function: names it calls directly} from objdump's disassembly."""
    out = subprocess.run(['objdump', '-d', '--no-show-raw-insn', str(lib)],
                         check=True, capture_output=True, text=True).stdout
    graph, cur = {}, None
    for line in out.splitlines():
        m = re.match(r'[0-9a-f]+ <([^>]+)>:$', line)
        if m:
            cur = graph.setdefault(m.group(1), set())
        elif cur is not None:
            m = re.search(r'\b(?:call|jmp)\s+[0-9a-f]+ <([^>+]+)', line)
            if m:
                cur.add(m.group(1).split('@')[0])
    return graph


@pytest.mark.igbx
def test_datapath_does_not_log():
    """Release build: nothing the RX/TX bursts call, directly or through
    igbx's own helpers, reaches rte_log (IGBX_RX_LOG/IGBX_TX_LOG compile out
    unless RTE_ETHDEV_DEBUG_RX/TX is defined)."""
    need_plugin()
    if not shutil.which('objdump'):
        pytest.skip('objdump missing (binutils)')
    graph = call_graph(igbxsim.IGBX_PLUGIN)
    roots = [f for f in graph if re.match(r'igbx_(recv|xmit|prep)_\w*pkts', f)]
    assert 'igbx_recv_pkts' in roots and 'igbx_xmit_pkts' in roots, roots
    seen, todo = set(), list(roots)
    while todo:
        fn = todo.pop()
        if fn in seen:
            continue
        seen.add(fn)
        todo.extend(c for c in graph.get(fn, ()) if c.startswith('igbx_'))
        logs = graph.get(fn, set()) & {'rte_log', 'rte_vlog'}
        assert not logs, '%s (reached from a burst) calls %s' % (fn, logs)

def telemetry(tp, *commands):
    """dpdk-telemetry.py in the run's mount namespace; one reply a command."""
    cmd = ['nsenter', '-t', str(tp.sim.child.pid), '-m',
           'dpdk-telemetry.py', '-f', file_prefix(tp)]
    out = subprocess.run(cmd, input=''.join(c + '\n' for c in commands),
                         capture_output=True, text=True, timeout=30)
    tp.sim.note('telemetry %s -> %s %s' % (commands, out.stdout[-2000:],
                                            out.stderr[-500:]))
    assert out.returncode == 0, out.stderr
    replies = {}
    for line in out.stdout.splitlines():
        if line.startswith('{'):
            replies.update(json.loads(line))
    return replies


@pytest.mark.igbx
def test_telemetry_shows_igbx(testpmd):
    """/ethdev/list, /ethdev/info and /ethdev/xstats through dpdk-telemetry.py
    while testpmd forwards over igbx: xstats are the driver's own names and
    counts. (22.11's /ethdev/info carries the device, not the driver, name:
    the driver is checked through testpmd for the same port.)"""
    need_plugin()
    tp = testpmd('igbx', args=['--forward-mode=io'])
    assert tp.port_info(0)['driver'] == 'net_igbx'
    tp.cmd('start tx_first 4')
    tp.sim.pump(1.0)
    tp.cmd('stop', check=False)
    tp.sim.pump(0.5)                    # let the device finish the rings
    before = tp.xstats(0)
    rep = telemetry(tp, '/ethdev/list', '/ethdev/info,0', '/ethdev/xstats,0')
    assert rep['/ethdev/list'] == [0, 1]
    info = rep['/ethdev/info']
    assert info['name'] == igbxsim.PCI_ADDRS[0]
    assert info['mac_addr'].lower() == tp.port_info(0)['mac']
    xs = rep['/ethdev/xstats']
    assert set(xs) == set(before)
    # igbx's own hardware counters (igbx_stats.c), in DPDK's naming
    assert {'rx_crc_errors', 'tx_total_packets', 'rx_q0_packets'} <= set(xs)
    assert xs['rx_good_packets'] > 0
    assert xs['tx_total_packets'] == before['tx_total_packets']



def cpu_has(flag):
    return re.search(r'(?m)^flags\s*:.*\b%s\b' % flag,
                     Path('/proc/cpuinfo').read_text()) is not None


# (port 0 devargs, EAL options, testpmd options, RX burst, TX burst) as the
# guide's "Burst functions" section says; None: the widest the CPU has.
BURST_CASES = [
    ('', [], [], None, None),
    (',rx_path=scalar,tx_path=sse', [], [], 'Scalar', 'Vector SSE'),
    ('', ['--force-max-simd-bitwidth=128'], [], 'Vector SSE', 'Vector SSE'),
    ('', ['--force-max-simd-bitwidth=64'], [], 'Scalar', 'Scalar'),
    (',rx_path=avx2', ['--force-max-simd-bitwidth=64'], [], 'Vector AVX2',
     'Scalar'),
    ('', [], ['--tx-offloads=0x2'], None, 'Scalar'),
    ('', [], ['--mbuf-size=1152', '--enable-scatter'], 'Scattered', 'Scalar'),
]


@pytest.mark.igbx
@pytest.mark.parametrize('devargs,eal,args,rx,tx', BURST_CASES,
                         ids=['auto', 'devargs', 'simd128', 'simd64',
                              'forced-avx2', 'tx-offload', 'scatter'])
def test_burst_path_selection(log_path, devargs, eal, args, rx, tx):
    """rx_path/tx_path devargs, --force-max-simd-bitwidth, TX offloads and
    scatter choose the bursts that `show rxq/txq info` (burst_mode_get)
    names."""
    need_plugin()
    widest = 'Vector AVX2' if cpu_has('avx2') else 'Vector SSE'
    if not cpu_has('sse4_1'):
        pytest.skip('CPU without SSE4.1: only the scalar bursts')
    if 'avx2' in devargs and not cpu_has('avx2'):
        pytest.skip('CPU without AVX2')
    tp = start_testpmd(log_path, ['-d', str(igbxsim.IGBX_PLUGIN)] + eal,
                       args=args, devargs=devargs)
    try:
        tp.start()
        got = [re.search(r'Burst mode: ([^\n]+)',
                         tp.cmd('show %s info 0 0' % q)).group(1).strip()
               for q in ('rxq', 'txq')]
    finally:
        tp.close()
    if rx == 'Scattered':
        rx = widest + ' Scattered'
    want = [rx or widest, tx or widest]
    assert got == want, (devargs, eal, args)


@pytest.mark.igbx
def test_bad_devarg_fails_probe_with_one_line(log_path):
    """A devarg value out of range: the port is not probed, one log line
    names the key, the value and what is allowed."""
    need_plugin()
    tp = start_testpmd(log_path, ['-d', str(igbxsim.IGBX_PLUGIN)], ports=1,
                       devargs=',rx_path=bogus')
    try:
        tp.start()
        assert 'devarg rx_path=bogus: allowed auto, scalar, sse, avx2' in \
            tp.sim.buf
        assert tp.port_info(0)['driver'] is None    # no port 0
    finally:
        tp.close()

# ---- loading ---------------------------------------------------------------

def assert_igbx_owns_ports(tp, nb_ports=2):
    tp.start()
    for p in range(nb_ports):
        assert tp.port_info(p)['driver'] == 'net_igbx'
    return log_levels(tp)


@pytest.mark.igbx
def test_load_by_file_stock_present(log_path):
    """-d <file>: igbx registers before the default plugin directory (which
    holds the stock e1000 PMD, loaded too) and so takes the 82576."""
    need_plugin()
    if not STOCK_E1000.exists():
        pytest.skip('no stock %s' % STOCK_E1000)
    tp = start_testpmd(log_path, ['-d', str(igbxsim.IGBX_PLUGIN)])
    try:
        levels = assert_igbx_owns_ports(tp)
        assert 'pmd.net.e1000.driver' in levels, 'stock e1000 not loaded'
    finally:
        tp.close()


@pytest.mark.igbx
def test_load_by_directory(log_path, scratch):
    """-d <directory> holding only librte_net_igbx.so (the stock e1000 PMD
    still loads from the default directory, after it)."""
    shutil.copy2(igbxsim.IGBX_PLUGIN, scratch / igbxsim.IGBX_PLUGIN.name)
    tp = start_testpmd(log_path, ['-d', str(scratch)])
    try:
        levels = assert_igbx_owns_ports(tp)
        assert ('pmd.net.e1000.driver' in levels) == STOCK_E1000.exists()
    finally:
        tp.close()


@pytest.mark.igbx
def test_load_from_default_plugin_dir(log_path, scratch):
    """EAL's default plugin path, as after installing igbx there: in the
    run's private mount namespace, a directory with igbx and every stock
    PMD except e1000 (the user's way to let only igbx bind the 82576) is
    bind-mounted over pmds-23.0. No -d at all. The stock files are reached
    through a second bind mount, since the first one hides them."""
    stock, pmds = scratch / 'stock', scratch / 'pmds'
    stock.mkdir()
    pmds.mkdir()
    for entry in PLUGIN_DIR.iterdir():
        if not entry.name.startswith('librte_net_e1000.'):
            (pmds / entry.name).symlink_to(stock / entry.name)
    shutil.copy2(igbxsim.IGBX_PLUGIN, pmds / igbxsim.IGBX_PLUGIN.name)
    wrap = 'mount --bind %s %s && mount --bind %s %s' % (
        PLUGIN_DIR, stock, pmds, PLUGIN_DIR)
    tp = start_testpmd(log_path, [], wrap=wrap)
    try:
        levels = assert_igbx_owns_ports(tp)
        assert 'pmd.net.e1000.driver' not in levels
        assert 'pmd.net.ixgbe.driver' in levels     # stock PMDs still load
    finally:
        tp.close()


@pytest.mark.igbx
def test_first_registered_driver_wins(log_path):
    """The rule the guide documents: the PCI bus offers a device to drivers
    in registration order, so e1000 named first with -d takes the 82576."""
    need_plugin()
    if not STOCK_E1000.exists():
        pytest.skip('no stock %s' % STOCK_E1000)
    tp = start_testpmd(log_path, ['-d', str(STOCK_E1000),
                                  '-d', str(igbxsim.IGBX_PLUGIN)], ports=1)
    try:
        tp.start()
        assert tp.port_info(0)['driver'] == 'net_e1000_igb'
    finally:
        tp.close()


# ---- documentation ----------------------------------------------------------

def test_features_matrix_format():
    """igbx.ini uses DPDK's row names, in default.ini's order, values Y/P."""
    default = DPDK_SRC / 'doc' / 'guides' / 'nics' / 'features' / \
        'default.ini'
    if not default.exists():
        pytest.skip('no %s' % default)

    def rows(path):
        cp = configparser.ConfigParser(delimiters=('=',))
        cp.optionxform = str
        cp.read(path)
        return {s: [(k.strip(), v.strip()) for k, v in cp.items(s)]
                for s in cp.sections()}

    ours, ref = rows(FEATURES), rows(default)
    assert ours, 'empty %s' % FEATURES
    for section, items in ours.items():
        names = [k for k, _ in ref[section]]
        keys = [k for k, _ in items]
        assert set(keys) <= set(names), set(keys) - set(names)
        assert keys == sorted(keys, key=names.index), section
        assert {v for _, v in items} <= {'Y', 'P'}, items


def test_docs_build_without_warnings(tmp_path):
    """buildtools/build-docs.sh: sphinx -W, so a broken reference fails."""
    if not shutil.which('sphinx-build'):
        pytest.skip('sphinx-build missing (python3-sphinx; make setup)')
    out = subprocess.run([str(BUILD_DOCS), str(tmp_path / 'html')],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert (tmp_path / 'html' / 'nics' / 'igbx.html').exists()


def test_docs_build_fails_on_broken_reference(tmp_path):
    """The same script on a copy of the guides with one dangling :ref: and
    one missing document must fail, naming both."""
    if not shutil.which('sphinx-build'):
        pytest.skip('sphinx-build missing (python3-sphinx; make setup)')
    src = tmp_path / 'guides'
    shutil.copytree(igbxsim.REPO / 'doc' / 'guides', src)
    with open(src / 'nics' / 'igbx.rst', 'a') as f:
        f.write('\nSee :ref:`no_such_label` and :doc:`no_such_page`.\n')
    out = subprocess.run([str(BUILD_DOCS), str(tmp_path / 'html'), str(src)],
                         capture_output=True, text=True, timeout=300)
    text = out.stdout + out.stderr
    assert out.returncode != 0, text
    assert 'no_such_label' in text and 'no_such_page' in text, text
