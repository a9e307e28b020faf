# SPDX-License-Identifier: BSD-3-Clause
# test_packet_capture.py - DTS packet_capture: Debian's dpdk-dumpcap, a
# secondary process of the running testpmd, writes what port 0 receives.
"""dumpcap joins the run's private mount namespace (hugepages, /var/run/dpdk)
with nsenter and gets the simulator's environment, so that its EAL attaches
to testpmd's as a secondary; pdump's callbacks then copy every frame port 0
receives to dumpcap, which writes a pcapng file."""
import os
import shutil
import subprocess
import time

import pytest
from scapy.utils import rdpcap

import confhelp as ch
import igbxsim
from scenarios import idle

DUMPCAP = shutil.which('dpdk-dumpcap')
COUNT = 5


def dumpcap(tp, out, count):
    app = tp.sim.app
    prefix = app[app.index('--file-prefix') + 1]
    run = str(tp.sim.run_dir)
    env = dict(os.environ,
               SYSFS_PCI_DEVICES=run + '/sys/bus/pci/devices',
               IGBX_SIM_RUN_DIR=run,
               LD_PRELOAD=str(igbxsim.BUILD / 'app' / 'igbx-sim' /
                              'libigbx_sim_preload.so'))
    cmd = ['nsenter', '-t', str(tp.sim.child.pid), '-m', '--', DUMPCAP,
           '--file-prefix=%s' % prefix, '-i', igbxsim.PCI_ADDRS[0],
           '-c', str(count), '-p', '-q', '-w', '-']
    tp.sim.note('dumpcap: ' + ' '.join(cmd))
    # the pcapng goes to stdout: a file we opened, whatever dumpcap's view
    # of the file system
    with open(out, 'wb') as fh:
        return subprocess.Popen(cmd, env=env, stdout=fh,
                                stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(DUMPCAP is None, reason='dpdk-dumpcap not installed')
@pytest.mark.xfail(strict=False, reason=(
    'stock: dumpcap attaches but captures 0 packets - testpmd logs '
    '"mempool/dpaa2: Failed to allocate IO portal" when pdump copies into '
    "dumpcap's pool: the two processes registered mempool ops in a "
    'different order (Debian plugin set), so the pool\'s ops index means '
    'dpaa2 in testpmd; igbx: dumpcap cannot take -d, its secondary probes '
    'the port with stock net_e1000_igb and pcapng_fdopen fails (ENOENT)'))
def test_packet_capture(driver, testpmd):
    """packet_capture: dpdk-dumpcap -i <port 0> -c 5 while io forwarding
    runs: the pcapng holds the 5 frames port 0 received, byte for byte, and
    forwarding goes on (port 1 sends them too)."""
    tp = ch.start(testpmd, driver)
    for line in ('set fwd io', 'start'):
        tp.cmd(line)
    ch.capture_on(tp, 1)
    out = tp.sim.base / 'capture.pcapng'
    proc = dumpcap(tp, out, COUNT)
    try:
        deadline = time.monotonic() + 4       # EAL init of the secondary
        while proc.poll() is None and time.monotonic() < deadline:
            idle(tp, 0.2)
        assert proc.poll() is None, 'dumpcap exited: %s' % proc.stderr.read()
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
    assert len(ch.collect(tp, 1, len(sent))) == len(sent), \
        'forwarding lost frames while dumpcap ran'
