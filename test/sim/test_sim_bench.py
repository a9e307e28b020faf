# SPDX-License-Identifier: BSD-3-Clause
# test_sim_bench.py - the simulated 82576 forwards at
# least 2 Mpps of 64-byte frames per port pair on one core (sim_bench).
"""A benchmark figure checked against a threshold, not a timing test of
correctness: sim_bench times the device loop alone (tick, TX and RX engines
of both ports) and prints the median of 5 runs. A busy machine lowers the
figure, so the test takes the best median of up to three invocations."""
import re
import subprocess

import pytest

import igbxsim

BENCH_BIN = igbxsim.BUILD / 'app' / 'igbx-sim' / 'bench' / 'sim_bench'
THRESHOLD_MPPS = 2.0
ATTEMPTS = 3
RESULT = re.compile(r'^sim_bench: ([0-9.]+) Mpps per port pair '
                    r'\(64-byte frames, 1 core\)$', re.M)


def run_bench(log_path):
    out = subprocess.run([str(BENCH_BIN)], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, text=True, timeout=120,
                         check=False)
    with open(log_path, 'a') as log:
        log.write(out.stdout)
    assert out.returncode == 0, out.stdout
    m = RESULT.search(out.stdout)
    assert m, 'no result line in:\n' + out.stdout
    return float(m.group(1))


def test_sim_forwards_2mpps(log_path):
    if not BENCH_BIN.exists():
        pytest.skip('%s not built' % BENCH_BIN)
    best = 0.0
    for _ in range(ATTEMPTS):
        best = max(best, run_bench(log_path))
        if best >= THRESHOLD_MPPS:
            break
    print('sim_bench: best median %.2f Mpps per port pair' % best)
    assert best >= THRESHOLD_MPPS, \
        'simulated device forwards %.2f Mpps < %.1f' % (best, THRESHOLD_MPPS)
