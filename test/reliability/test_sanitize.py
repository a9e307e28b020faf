# SPDX-License-Identifier: BSD-3-Clause
# test_sanitize.py - the suite under ASan and UBSan: each step of
# buildtools/sanitize.sh (the ASan+UBSan build of the tree) as its own test.
"""The sanitized build takes minutes, so these run only with IGBX_SANITIZE=1
(a CI job of their own: `IGBX_SANITIZE=1 pytest-3 test/reliability/
test_sanitize.py`, or buildtools/sanitize.sh directly). ASAN_BUILD chooses
the build directory (default <repo>/build-asan)."""
import os
import signal
import subprocess

import pytest

from relhelp import REPO

SCRIPT = REPO / 'buildtools' / 'sanitize.sh'

pytestmark = pytest.mark.skipif(os.environ.get('IGBX_SANITIZE') != '1',
                                reason='ASan+UBSan build: set IGBX_SANITIZE=1')


def sanitize(step):
    signal.alarm(1800)      # the first call configures and builds the tree
    res = subprocess.run([str(SCRIPT), step], capture_output=True, text=True,
                         timeout=1800)
    out = res.stdout + res.stderr
    print(out[-6000:])
    assert res.returncode == 0, out[-6000:]
    return out


def test_sanitized_unit_tests():
    sanitize('unit')


def test_sanitized_badinput_under_sim():
    out = sanitize('badinput')
    assert ' 0 failed' in out


def test_sanitized_testpmd_forwarding():
    out = sanitize('testpmd')
    assert 'RX-dropped: 0' in out
