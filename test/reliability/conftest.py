# SPDX-License-Identifier: BSD-3-Clause
# Fixtures of the reliability tests; the helpers are in relhelp.py
# (a module of its own: test/conftest.py is also named conftest).
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scenarios  # noqa: E402


@pytest.fixture
def io_testpmd(testpmd):
    """Factory: testpmd(driver) with both links up and io forwarding set."""
    def start(driver, **kw):
        tp = testpmd(driver, **kw)
        for p in range(tp.nb_ports):
            scenarios.wait_link_up(tp, p)
        tp.cmd('set fwd io')
        return tp
    return start

