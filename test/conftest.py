# SPDX-License-Identifier: BSD-3-Clause
# Fixtures of the system tests: the driver parameter (stock referee / igbx),
# testpmd and simulator runs that always get cleaned up, a log file per test.
"""Run as root from the repository: `pytest-3` (or `/usr/bin/python3 -m
pytest`), e.g. `pytest-3 -x test/sim -k stock`. Environment: IGBX_BUILD (build
dir, default build/), IGBX_TEST_LOGS (default <build>/test-logs, one log per
test: everything the application printed, commands and ctl replies),
IGBX_API_TEST (igbx_api_test binary), IGBX_TEST_TIMEOUT (seconds per test)."""
import os
import re
import signal
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / 'lib'))

import igbxsim  # noqa: E402

# Per-test wall-clock limit: a hung application must not hang the suite.
TEST_TIMEOUT = int(os.environ.get('IGBX_TEST_TIMEOUT', '240'))

DRIVERS = [pytest.param('stock', marks=pytest.mark.stock),
           pytest.param('igbx', marks=pytest.mark.igbx)]


need_driver = igbxsim.need_driver


@pytest.fixture(params=DRIVERS)
def driver(request):
    need_driver(request.param)
    return request.param


@pytest.fixture
def log_path(request):
    name = re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.nodeid)
    igbxsim.LOG_DIR.mkdir(parents=True, exist_ok=True)
    path = igbxsim.LOG_DIR / (name[-150:] + '.log')
    if path.exists():
        path.unlink()
    return path


@pytest.fixture(autouse=True)
def _time_limit():
    def expired(signum, frame):
        raise TimeoutError('test exceeded %ss (IGBX_TEST_TIMEOUT)' %
                           TEST_TIMEOUT)
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TEST_TIMEOUT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


@pytest.fixture
def testpmd(log_path):
    """Factory: testpmd(driver, args=[...]) -> started Testpmd; every one is
    quit (or killed) and its run dir removed at teardown."""
    started = []

    def start(driver, args=(), **kw):
        tp = igbxsim.Testpmd(driver, args=args, log_path=log_path, **kw)
        started.append(tp)
        return tp.start()

    yield start
    for tp in started:
        tp.close()


@pytest.fixture
def sim(log_path):
    """Factory: sim(app_argv, ports=2) -> started Sim, always cleaned up."""
    started = []

    def start(app, **kw):
        s = igbxsim.Sim(app, log_path=log_path, **kw)
        started.append(s)
        return s.start()

    yield start
    for s in started:
        s.close()


def pytest_report_header(config):
    """Which igbx datapath this run forces (IGBX_TEST_PATH), for CI logs."""
    return 'igbx datapath: %s' % (igbxsim.FORCED_PATH or
                                  'auto (the widest the CPU allows)')


def pytest_sessionstart(session):
    if os.geteuid() != 0:
        pytest.exit('the system tests need root (igbx-sim mounts, hugepages)',
                    returncode=2)
