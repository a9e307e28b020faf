# SPDX-License-Identifier: BSD-3-Clause
# test_packet_capture.py - DTS packet_capture: Debian's dpdk-dumpcap, a
# secondary process of the running testpmd, writes what port 0 receives.
"""dumpcap joins the run's private mount namespace (hugepages, /var/run/dpdk)
with nsenter and gets the simulator's environment, so that its EAL attaches
to testpmd's as a secondary; pdump's callbacks then copy every frame port 0
receives to dumpcap, which writes a pcapng file.

Two things a secondary must share with its primary, and that dumpcap (no
EAL options of its own, so no -d) does not get by itself:

- The mempool handlers, registered in the same order. A pool records its
  handler as an index into the table of the process that created it, and
  pdump's copy in testpmd allocates from dumpcap's pool through that index.
  Debian's dpdk-testpmd is linked with librte_mempool_dpaa, so "dpaa" is
  entry 0 of its table, before every handler from the plugin directory;
  dpdk-dumpcap is not, so its table is the directory's alone, one entry
  earlier: dumpcap's "ring_mp_mc" (2) is "dpaa2" (2) in testpmd, which fails
  ("mempool/dpaa2: Failed to allocate IO portal") and nothing is captured.
  DPDK's mempool guide asks for handlers "in the same order for all
  processes": dumpcap gets the handlers the primary is linked with in
  LD_PRELOAD, so both tables are that list, then the same directory.
- The driver. dumpcap loads only EAL's default plugin directory, where the
  stock e1000 PMD takes the 82576; with igbx, a directory holding every stock
  PMD but e1000, and igbx, is bind-mounted over it in the run's namespace
  before testpmd starts (as test_ecosystem does): both processes load it.
"""
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from scapy.utils import rdpcap

import confhelp as ch
import igbxsim
from scenarios import idle

DUMPCAP = shutil.which('dpdk-dumpcap')
# EAL's compiled-in plugin directory (RTE_EAL_PMD_PATH of Debian's DPDK 22.11)
PLUGIN_DIR = Path('/usr/lib/x86_64-linux-gnu/dpdk/pmds-23.0')
POOL_OPS = 'ring_mp_mc'     # the handler dumpcap creates its pool with
COUNT = 5


def mempool_handlers(binary):
    """Mempool handler libraries `binary` is linked with (their constructors
    register before any plugin), in ldd's order."""
    out = subprocess.run(['ldd', binary], check=True, capture_output=True,
                         text=True).stdout
    return re.findall(r'=> (\S+/librte_mempool_\w+\.so\S*) \(', out)


def igbx_plugin_dir(scratch):
    """A default plugin directory with igbx instead of the stock e1000 PMD;
    returns the shell commands mounting it over PLUGIN_DIR. The stock files
    are reached through a second bind mount, the first one hides them; igbx
    is a link to the file testpmd's -d names, so EAL opens it once."""
    stock, pmds = scratch / 'stock', scratch / 'pmds'
    stock.mkdir()
    pmds.mkdir()
    for entry in PLUGIN_DIR.iterdir():
        if not entry.name.startswith('librte_net_e1000.'):
            (pmds / entry.name).symlink_to(stock / entry.name)
    plugin = igbxsim.IGBX_PLUGIN.resolve()
    (pmds / plugin.name).symlink_to(plugin)
    return 'mount --bind %s %s && mount --bind %s %s' % (
        PLUGIN_DIR, stock, pmds, PLUGIN_DIR)


@pytest.fixture
def primary(log_path):
    """Factory as conftest's testpmd, but igbx runs with igbx_plugin_dir()
    mounted in its namespace."""
    started = []
    # EAL refuses plugins below a world-writable directory (so not /tmp)
    scratch = Path(tempfile.mkdtemp(prefix='pcap-', dir=igbxsim.BUILD))
    os.chmod(scratch, 0o755)

    def start(driver, args=(), **kw):
        tp = igbxsim.Testpmd(driver, args=args, log_path=log_path, **kw)
        if driver == 'igbx':
            tp.sim.app = ['sh', '-c', igbx_plugin_dir(scratch) +
                          ' && exec "$@"', 'sh'] + tp.sim.app
        started.append(tp)
        return tp.start()

    yield start
    for tp in started:
        tp.close()
    # the bind mounts went away with the run's namespace
    shutil.rmtree(scratch, ignore_errors=True)


def dumpcap(tp, out, count):
    app = tp.sim.app
    prefix = app[app.index('--file-prefix') + 1]
    run = str(tp.sim.run_dir)
    preload = [str(igbxsim.BUILD / 'app' / 'igbx-sim' /
                   'libigbx_sim_preload.so')]
    preload += mempool_handlers(igbxsim.TESTPMD_BIN)
    env = dict(os.environ,
               SYSFS_PCI_DEVICES=run + '/sys/bus/pci/devices',
               IGBX_SIM_RUN_DIR=run, LD_PRELOAD=' '.join(preload))
    # nsenter enters no PID namespace, so it execs dumpcap without forking:
    # the Popen's pid is dumpcap's
    cmd = ['nsenter', '-t', str(tp.sim.child.pid), '-m', '--', DUMPCAP,
           '--file-prefix=%s' % prefix, '-i', igbxsim.PCI_ADDRS[0],
           '-c', str(count), '-p', '-q', '-w', '-']
    tp.sim.note('dumpcap: LD_PRELOAD=%s %s' % (env['LD_PRELOAD'],
                                                ' '.join(cmd)))
    # the pcapng goes to stdout: a file we opened, whatever dumpcap's view
    # of the file system
    with open(out, 'wb') as fh:
        return subprocess.Popen(cmd, env=env, stdout=fh,
                                stderr=subprocess.PIPE, text=True)


def pool_ops(tp, name):
    """Name of the handler the primary resolves pool `name`'s index to."""
    start = len(tp.sim.buf)
    try:
        tp.cmd('dump_mempool %s' % name, check=False)
    except EOFError:
        pass    # the dump calls the handler: a wrong one may crash testpmd
    m = re.search(r'ops_name: <([^>]*)>', tp.sim.buf[start:])
    return m.group(1) if m else None


@pytest.mark.skipif(DUMPCAP is None, reason='dpdk-dumpcap not installed')
def test_packet_capture(driver, primary):
    """packet_capture: dpdk-dumpcap -i <port 0> -c 5 while io forwarding
    runs: the primary sees dumpcap's pool with dumpcap's handler, the pcapng
    holds the 5 frames port 0 received, byte for byte, in order, and
    forwarding goes on (port 1 sends every frame injected)."""
    tp = ch.start(primary, driver)
    assert tp.port_info(0)['driver'] == tp.driver_name
    for line in ('set fwd io', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    out = tp.sim.base / 'capture.pcapng'
    proc = dumpcap(tp, out, COUNT)
    try:
        # EAL init of the secondary, then it creates its pool
        ops, deadline = None, time.monotonic() + 10
        while ops is None and proc.poll() is None and \
                time.monotonic() < deadline:
            idle(tp, 0.2)
            ops = pool_ops(tp, 'capture_%d' % proc.pid)
        assert proc.poll() is None, 'dumpcap exited: %s' % proc.stderr.read()
        assert ops == POOL_OPS, 'testpmd sees dumpcap\'s %s pool as %s: ' \
            'their mempool handler tables differ' % (POOL_OPS, ops)
        mac0 = tp.port_info(0)['mac']
        # capture starts when the primary has run pdump's enable request:
        # frames keep coming until dumpcap has its COUNT
        sent = []
        deadline = time.monotonic() + 8
        while proc.poll() is None and time.monotonic() < deadline:
            f, _ = ch.tagged(mac0, size=64 + 50 * (len(sent) % 8))
            sent.append(f)
            tp.sim.inject(0, f)
            idle(tp, 0.3)
        _, text = proc.communicate(timeout=5)
        tp.sim.note('dumpcap output:\n' + text)
        assert proc.returncode == 0, text
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    pkts = [bytes(p) for p in rdpcap(str(out))]
    assert len(pkts) == COUNT and pkts[0] in sent, [len(p) for p in pkts]
    first = sent.index(pkts[0])
    assert pkts == sent[first:first + COUNT], 'not the frames sent, in order'
    forwarded = ch.collect(tp, 1, len(sent))
    assert forwarded == sent, 'forwarding lost or changed frames ' \
        'while dumpcap ran (%d of %d)' % (len(forwarded), len(sent))
