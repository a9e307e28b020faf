# SPDX-License-Identifier: BSD-3-Clause
# test_fuzz.py - the libFuzzer harnesses: test/fuzz/run.sh builds them
# (clang, ASan+UBSan, the driver sources) and runs each IGBX_FUZZ_SECONDS (20).
"""Each harness first replays its saved inputs (test/fuzz/corpus/<name>/:
inputs that once crashed it), then fuzzes. The inputs that exposed driver
bugs (now fixed) are kept in test/fuzz/crashes/<name>/ and replayed by the
regression tests below with the check that exposed them switched on."""
import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from relhelp import OUT, REPO

RUN = REPO / 'test' / 'fuzz' / 'run.sh'
SECONDS = int(os.environ.get('IGBX_FUZZ_SECONDS', '20'))
# A fixed seed: the suite explores the same inputs on every run, so a red CI
# is a regression, not a lucky draw. `make fuzz` draws a new seed each time.
SEED = os.environ.get('IGBX_FUZZ_SEED', '1')
FUZZ_OUT = Path(os.environ.get('FUZZ_OUT', OUT / 'fuzz'))
CRASHES = REPO / 'test' / 'fuzz' / 'crashes'


def need_clang():
    if not shutil.which(os.environ.get('FUZZ_CC', 'clang')):
        pytest.skip('clang not installed (apt-get install clang)')


def run_sh(*args, env_extra=None, timeout=900):
    env = dict(os.environ, FUZZ_SECONDS=str(SECONDS), FUZZ_OUT=str(FUZZ_OUT),
               FUZZ_SEED=SEED)
    env.update(env_extra or {})
    return subprocess.run([str(RUN)] + list(args), env=env, text=True,
                          capture_output=True, timeout=timeout)


def test_fuzz_harnesses():
    need_clang()
    signal.alarm(900)       # build (first time) + 3 harnesses
    res = run_sh()
    out = res.stdout + res.stderr
    print(out)
    lines = re.findall(r'fuzz (\w+): (\d+) execs in (\d+) s, (\d+) crash',
                       out)
    assert res.returncode == 0, out[-4000:]
    assert {name for name, *_ in lines} == {'rx_decode', 'tx_prepare',
                                            'filter'}, out
    for name, execs, _, crashes in lines:
        assert int(execs) > 0 and crashes == '0', (name, execs, crashes)


def replay_known(harness, env_extra):
    need_clang()
    signal.alarm(900)
    res = run_sh('--build-only', harness)
    assert res.returncode == 0, res.stdout + res.stderr
    inputs = sorted(str(p) for p in (CRASHES / harness).iterdir())
    env = dict(os.environ, **env_extra)
    env.setdefault('ASAN_OPTIONS', 'detect_leaks=1:leak_check_at_exit=0')
    run = subprocess.run([str(FUZZ_OUT / ('fuzz_' + harness)), '-runs=1'] +
                         inputs, env=env, text=True, capture_output=True,
                         timeout=120)
    finding = re.search(r'FUZZ FAILURE: .*|SUMMARY: .*', run.stderr)
    assert run.returncode == 0, finding.group(0) if finding else \
        run.stderr[-2000:]


def test_fuzz_rx_length_beyond_buffer():
    replay_known('rx_decode', {'FUZZ_RX_STRICT': '1'})


def test_fuzz_tx_prepare_short_headers():
    replay_known('tx_prepare', {'FUZZ_TX_RAW': '1'})
