# SPDX-License-Identifier: BSD-3-Clause
# test_dpdk_apps.py - DPDK's own test programs (Debian's dpdk package) on
# simulated ports, with igbx and with the stock igb driver.
"""- dpdk-test pmd_perf_autotest: configures both ports with its own queue
  thresholds (TX PTHRESH 32), forwards, reports cycles per packet (printed
  here, never asserted) and "Test OK".
- dpdk-test-flow-perf: 5-tuple rules (ingress, eth / ipv4 src / udp, queue)
  up to what the 82576's eight 5-tuple filters hold.
- dpdk-proc-info and dpdk-pdump as secondary processes of a running
  testpmd: they enter the run's mount namespace (nsenter) with the
  simulator's environment, as test/conformance/test_packet_capture.py does
  for dpdk-dumpcap, and load the same driver with -d.
"""
import os
import re
import shutil
import signal
import subprocess
import time

import pytest
from scapy.utils import rdpcap

import frames
import igbxsim
import scenarios

DPDK_TEST = shutil.which('dpdk-test')
FLOW_PERF = shutil.which('dpdk-test-flow-perf')
PROC_INFO = shutil.which('dpdk-proc-info')
PDUMP = shutil.which('dpdk-pdump')
FIVE_TUPLE_FILTERS = 8      # 82576: FTQF/DAQF/SAQF/SPQF/IMIR 0-7


def eal(binary, driver, prefix, mem=512):
    return [binary, '-l', '0-1', '-n', '1', '-m', str(mem),
            '--file-prefix', prefix] + igbxsim.port_args(driver)


def run_to_end(sim, app, name, timeout):
    run = sim(app, name=name)
    status = run.wait(timeout)
    return run.buf, status


@pytest.mark.skipif(DPDK_TEST is None, reason='dpdk-test not installed')
def test_pmd_perf_autotest(driver, sim):
    """pmd_perf_autotest completes on both ports; its cycles/packet figure is
    reported (test log and -s output), not asserted."""
    app = ['env', 'DPDK_TEST=pmd_perf_autotest'] + \
        eal(DPDK_TEST, driver, 'pmdperf%s' % driver)
    out, status = run_to_end(sim, app, 'pmd-perf-%s' % driver, 180)
    assert 'Test OK' in out and status == 0, out[-3000:]
    assert re.search(r'Port 0 Link up at 1 Gbps FDX', out), out[-3000:]
    m = re.search(r'Result: (\d+) cycles per packet', out)
    assert m, out[-3000:]
    print('pmd_perf_autotest %s: %s cycles per packet' % (driver, m.group(1)))
    if driver == 'igbx':
        # the thresholds it passes are clamped, not refused
        assert 'tx queue 0: thresholds pthresh=32' in out, out[-3000:]


@pytest.mark.skipif(FLOW_PERF is None, reason='dpdk-test-flow-perf not installed')
def test_flow_perf_five_tuple(driver, sim):
    """flow-perf inserts 8 rules ingress / eth / ipv4 (source address) / udp
    -> queue on port 0: every one is created and deleted (the rates are
    printed, not asserted); 10 rules fail at the ninth, the 82576 having 8
    5-tuple filters. Its mbufs are 2048 bytes with the headroom inside, which
    leaves 1920 bytes, one 1 KB SRRCTL unit: without the scatter offload
    igbx refuses such a pool for 1518-byte frames, so the pool is sized like
    RTE_MBUF_DEFAULT_BUF_SIZE. The stock driver cannot run it: flow-perf asks
    RSS hash types (IPv4/IPv6 fragments, other) that stock igb does not
    offer, and ethdev refuses the configure."""
    def flow_perf(rules, *extra):
        app = eal(FLOW_PERF, driver, 'flowperf%s' % driver) + [
            '--', '--ingress', '--ether', '--ipv4', '--udp', '--queue',
            '--rules-count=%d' % rules, '--rules-batch=%d' % (rules // 2),
            '--portmask=0x1', '--mbuf-size=2176'] + list(extra)
        return run_to_end(sim, app, 'flow-perf-%s' % driver, 120)

    out, status = flow_perf(FIVE_TUPLE_FILTERS, '--deletion-rate')
    if driver == 'stock':
        assert re.search(r'invalid rss_hf', out) and status != 0, out[-3000:]
        pytest.xfail('stock net_e1000_igb: flow-perf\'s RSS hash types are '
                     'not in its flow_type_rss_offloads, configure fails')
    assert status == 0, out[-3000:]
    assert re.search(r'The time for creating %d rules' % FIVE_TUPLE_FILTERS,
                     out), out[-3000:]
    assert re.search(r'The time for deleting %d rules' % FIVE_TUPLE_FILTERS,
                     out), out[-3000:]
    assert not re.search(r'(?i)error|failed|can\'t', out), out[-3000:]
    m = re.search(r'Total flows insertion rate -> ([\d.]+) K Rules/Sec', out)
    print('flow-perf %s: %s K rules/s' % (driver, m.group(1) if m else '?'))
    # the rules took the hardware filters: one more than there are is
    # refused with the reason
    out, status = flow_perf(FIVE_TUPLE_FILTERS + 2)
    assert status != 0, out[-3000:]
    assert re.search(r"Flow can't be created .*all %d 5-tuple filters are in "
                     r"use" % FIVE_TUPLE_FILTERS, out), out[-3000:]


def secondary_cmd(tp, driver, binary, app_args, preload_handlers=True,
                  own_eal=True):
    """argv and environment of a secondary process of tp's testpmd, run in
    the simulator run's mount namespace with the simulator's preload.
    own_eal=False: the program adds -c, -n and --proc-type=secondary itself
    (dpdk-proc-info)."""
    app = tp.sim.app
    prefix = app[app.index('--file-prefix') + 1]
    run = str(tp.sim.run_dir)
    preload = [str(igbxsim.BUILD / 'app' / 'igbx-sim' /
                   'libigbx_sim_preload.so')]
    if preload_handlers:
        # mempool handlers registered in the primary's order (see
        # test_packet_capture.py): a pool one process creates is used by
        # the other through its handler index
        ldd = subprocess.run(['ldd', igbxsim.TESTPMD_BIN], check=True,
                             capture_output=True, text=True).stdout
        preload += re.findall(r'=> (\S+/librte_mempool_\w+\.so\S*) \(', ldd)
    env = dict(os.environ, SYSFS_PCI_DEVICES=run + '/sys/bus/pci/devices',
               IGBX_SIM_RUN_DIR=run, LD_PRELOAD=' '.join(preload))
    eal = ['--proc-type=secondary', '-l', '1', '-n', '1'] if own_eal else []
    cmd = ['nsenter', '-t', str(tp.sim.child.pid), '-m', '--', binary,
           '--file-prefix=%s' % prefix] + eal + igbxsim.port_args(driver) + \
        ['--'] + app_args
    tp.sim.note('secondary: LD_PRELOAD=%s %s' % (env['LD_PRELOAD'],
                                                  ' '.join(cmd)))
    return cmd, env


def forward_some(tp, count=20):
    """io forwarding of `count` frames injected on port 0 (sent out of
    port 1), then stopped: the counters stand still."""
    mac = tp.port_info(0)['mac']
    tp.cmd('set fwd io')
    tp.cmd('start')
    sent = [frames.udp(mac, size=64 + 8 * i) for i in range(count)]
    for f in sent:
        tp.sim.inject(0, f)
    scenarios.idle(tp, 1.0)
    tp.cmd('stop')
    return sent


@pytest.mark.skipif(PROC_INFO is None, reason='dpdk-proc-info not installed')
def test_proc_info_secondary(driver, testpmd):
    """dpdk-proc-info --stats and --xstats from a secondary: the counters it
    prints are the ones the primary shows."""
    tp = testpmd(driver)
    scenarios.check_probe(tp)
    forward_some(tp)
    primary = {p: tp.port_stats(p) for p in (0, 1)}
    assert primary[0]['rx_packets'] >= 20, primary
    out = proc_info(tp, driver, '--stats')
    for port in (0, 1):
        block = re.search(r'NIC statistics for port %d\s+#+\n(.*?)#{10}' % port,
                          out, re.S)
        assert block, out[-3000:]
        rx = int(re.search(r'RX-packets:\s*(\d+)', block.group(1)).group(1))
        tx = int(re.search(r'TX-packets:\s*(\d+)', block.group(1)).group(1))
        assert (rx, tx) == (primary[port]['rx_packets'],
                            primary[port]['tx_packets']), (port, block.group(1))
    # --stats and --xstats are one or the other in proc-info: a second run
    out = proc_info(tp, driver, '--xstats')
    for port in (0, 1):
        # header, a line of #, the counters, a line of #
        block = re.search(r'extended statistics for port %d\s+#+\n#+\n(.*?)#{10}'
                          % port, out, re.S)
        assert block, out[-3000:]
        xstats = dict(re.findall(r'(?m)^\s*(\w+):\s*(\d+)', block.group(1)))
        assert (int(xstats['rx_good_packets']),
                int(xstats['tx_good_packets'])) == \
            (primary[port]['rx_packets'], primary[port]['tx_packets']), \
            (port, block.group(1)[:2000])


def proc_info(tp, driver, what):
    cmd, env = secondary_cmd(tp, driver, PROC_INFO, [what], own_eal=False)
    res = subprocess.run(cmd, env=env, capture_output=True, text=True,
                         timeout=60)
    tp.sim.note('proc-info %s output:\n%s%s' % (what, res.stdout, res.stderr))
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    return res.stdout


@pytest.mark.skipif(PDUMP is None, reason='dpdk-pdump not installed')
def test_pdump_secondary(driver, testpmd):
    """dpdk-pdump captures what port 0 receives into a pcap file while the
    primary receives (rxonly: with io forwarding over the wire pair every
    frame would come back to port 0 again and again): the frames, byte for
    byte, in order."""
    tp = testpmd(driver)
    scenarios.check_probe(tp)
    mac = tp.port_info(0)['mac']
    tp.cmd('set fwd rxonly')
    tp.cmd('start')
    out = tp.sim.base / 'rx.pcap'
    cmd, env = secondary_cmd(tp, driver, PDUMP, [
        '--pdump', 'port=0,queue=*,rx-dev=%s' % out])
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        # the capture starts once the primary has served pdump's request:
        # keep sending until frames reach the file
        sent, deadline = [], time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            f = frames.udp(mac, size=64 + 4 * (len(sent) % 16))
            sent.append(f)
            tp.sim.inject(0, f)
            scenarios.idle(tp, 0.2)
            if len(sent) >= 25 and out.exists() and out.stat().st_size > 24 + 16 * 10:
                break
        proc.send_signal(signal.SIGINT)
        text, _ = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    tp.sim.note('pdump output:\n' + text)
    assert proc.returncode == 0, text[-3000:]
    pkts = [bytes(p) for p in rdpcap(str(out))]
    assert len(pkts) >= 10 and pkts[0] in sent, (len(pkts), text[-2000:])
    first = sent.index(pkts[0])
    assert pkts == sent[first:first + len(pkts)], 'not the frames sent, in order'
    tp.cmd('stop')
