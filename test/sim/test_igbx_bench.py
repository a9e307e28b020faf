# SPDX-License-Identifier: BSD-3-Clause
# test_igbx_bench.py - the benchmark program keeps working (its
# figures are reported by app/igbx-bench/run-bench.sh, never asserted here).
"""igbx-bench forwards between two simulated ports with each driver and
path, with the device running concurrently, held and stepped between the
timed bursts (--sync-device, the simulator's igbx_sim_hold/step), and
stepped with the lines its DMA touched evicted from the caches afterwards
(--dma-device, igbx_sim_dma_track/evict). The checks are about function,
not speed: every packet asked for is forwarded, bursts are full, the ports
report the burst mode asked for, the dma mode evicts at least the lines a
forwarded 64-byte frame costs, and a bench run outside the simulator refuses
--sync-device with a clear message."""
import re
import subprocess

import pytest

import igbxsim

BENCH_BIN = igbxsim.BUILD / 'app' / 'igbx-bench' / 'igbx-bench'
RESULT = re.compile(r'^RESULT cycles_per_pkt=([0-9.]+) .*packets=(\d+) '
                    r'avg_burst=([0-9.]+) .*dma_lines_per_pkt=([0-9.]+)', re.M)
MODE_ARGS = {'concurrent': [], 'sync': ['--sync-device'], 'dma': ['--dma-device']}
PORT = re.compile(r'^port (\d): driver (\S+) rx "([^"]*)" tx "([^"]*)"', re.M)
PATH_NAMES = {'scalar': 'Scalar', 'sse': 'Vector SSE', 'avx2': 'Vector AVX2'}


def bench(driver, path, extra, log_path, packets=4000, runs=2, eal_extra=()):
    eal = ['-l', '1', '-n', '1', '--no-telemetry'] + list(eal_extra)
    if driver == 'igbx':
        eal += ['-d', str(igbxsim.IGBX_PLUGIN)]
        for bdf in igbxsim.PCI_ADDRS[:2]:
            eal += ['-a', '%s,rx_path=%s,tx_path=%s' % (bdf, path, path)]
    else:
        eal += ['-a', igbxsim.PCI_ADDRS[0], '-a', igbxsim.PCI_ADDRS[1]]
    cmd = [str(igbxsim.SIM_BIN), '--ports', '2', '--', str(BENCH_BIN)] + eal + \
        ['--', '--packets', str(packets), '--runs', str(runs)] + extra
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, timeout=120, check=False)
    with open(log_path, 'a') as log:
        log.write(' '.join(cmd) + '\n' + out.stdout)
    return out


@pytest.mark.parametrize('mode', ['concurrent', 'sync', 'dma'])
@pytest.mark.parametrize('driver,path', [('stock', None), ('igbx', 'scalar'),
                                         ('igbx', 'sse'), ('igbx', 'avx2')])
def test_bench_forwards(driver, path, mode, log_path):
    if not BENCH_BIN.exists():
        pytest.skip('%s not built' % BENCH_BIN)
    if path == 'avx2' and 'avx2' not in open('/proc/cpuinfo').read():
        pytest.skip('this CPU has no AVX2')
    out = bench(driver, path, MODE_ARGS[mode], log_path)
    assert out.returncode == 0, out.stdout[-3000:]
    ports = PORT.findall(out.stdout)
    assert len(ports) == 2, out.stdout[-3000:]
    for _, name, rx, tx in ports:
        assert name == igbxsim.DRIVER_NAMES[driver]
        if path is not None:
            assert rx == PATH_NAMES[path] and tx == PATH_NAMES[path], ports
    m = RESULT.search(out.stdout)
    assert m, out.stdout[-3000:]
    cycles, packets, avg_burst = float(m.group(1)), int(m.group(2)), \
        float(m.group(3))
    lines = float(m.group(4))
    assert packets >= 2 * 4000
    assert cycles > 0
    # the bench waits (untimed) for full bursts, or steps the device until
    # one is ready: a short burst means the forwarding loop lost frames
    assert avg_burst >= 31.5, 'average burst %.1f' % avg_burst
    if mode == 'dma':
        # a 64-byte frame: its buffer written on RX and read on TX (a line
        # each), and a quarter line of RX and of TX descriptors
        assert lines >= 2.0, 'evicted %.2f lines per packet' % lines
    else:
        assert lines == 0


REFILL = re.compile(r'rx queue (\d): (refill at one offset|refill from a \d+-page IOVA '
                    r'table|mempool \S+: refill reads buf_iova)')


@pytest.mark.parametrize('memory', ['legacy', 'dynamic'])
@pytest.mark.parametrize('path', ['scalar', 'avx2'])
def test_refill_addresses_follow_the_pool(path, memory, log_path):
    """Each RX queue says how its refill finds buffer addresses: a pool in one
    IOVA-contiguous chunk (EAL --legacy-mem, as run-bench.sh runs) is posted
    at one offset from the mbuf pointers; with a chunk per page the offsets
    differ and the queue uses its page table (or reads buf_iova). Either
    way every frame is forwarded."""
    if not BENCH_BIN.exists():
        pytest.skip('%s not built' % BENCH_BIN)
    if path == 'avx2' and 'avx2' not in open('/proc/cpuinfo').read():
        pytest.skip('this CPU has no AVX2')
    eal = ['--log-level=pmd.net.igbx*:debug']
    if memory == 'legacy':
        eal.append('--legacy-mem')
    out = bench('igbx', path, ['--sync-device'], log_path, eal_extra=eal)
    assert out.returncode == 0, out.stdout[-3000:]
    chunks = re.search(r'^pool: (\d+) chunks', out.stdout, re.M)
    assert chunks, out.stdout[-3000:]
    found = REFILL.findall(out.stdout)   # queue 0 of each port, one pool
    assert len(found) == 2 and len({kind for _, kind in found}) == 1, found
    if int(chunks.group(1)) == 1:
        assert found[0][1] == 'refill at one offset'
    else:
        assert found[0][1] != 'refill at one offset'
    m = RESULT.search(out.stdout)
    assert m and int(m.group(2)) >= 2 * 4000, out.stdout[-3000:]
    assert float(m.group(3)) >= 31.5


def test_sync_device_needs_the_simulator(log_path):
    """Without igbx-sim's preload there is no device to step."""
    if not BENCH_BIN.exists():
        pytest.skip('%s not built' % BENCH_BIN)
    out = subprocess.run([str(BENCH_BIN), '-l', '0', '-n', '1', '--no-telemetry',
                          '--no-pci', '--in-memory', '--vdev', 'net_null0', '--vdev',
                          'net_null1', '--', '--packets', '100',
                          '--sync-device'],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, timeout=60, check=False)
    with open(log_path, 'a') as log:
        log.write(out.stdout)
    assert out.returncode != 0
    assert '--sync-device: not running under igbx-sim' in out.stdout


SPLIT = re.compile(r'^SPLIT rx_cycles_per_pkt=([0-9.]+) tx_cycles_per_pkt=([0-9.]+)$',
                   re.M)


def test_bench_split(log_path):
    """--split reports the RX and the TX burst apart, next to the usual
    RESULT line; without it there is no SPLIT line."""
    if not BENCH_BIN.exists():
        pytest.skip('%s not built' % BENCH_BIN)
    out = bench('igbx', 'scalar', ['--sync-device', '--split'], log_path)
    assert out.returncode == 0, out.stdout[-3000:]
    m = SPLIT.search(out.stdout)
    assert m, out.stdout[-3000:]
    assert float(m.group(1)) > 0 and float(m.group(2)) > 0, m.group(0)
    assert RESULT.search(out.stdout), out.stdout[-3000:]
    plain = bench('igbx', 'scalar', ['--sync-device'], log_path)
    assert plain.returncode == 0 and not SPLIT.search(plain.stdout)
