# SPDX-License-Identifier: BSD-3-Clause
# DPDK's own DTS 25.11 on simulated 82576 ports, the suites that fit CI's
# time budget: one DTS run with igbx and one with the stock igb driver (the
# simulator's referee), then one test per driver and suite that reads DTS's
# results.json. make dts runs every suite (test/dts/run-dts.sh).
import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get('IGBX_BUILD', REPO / 'build'))
OUT = BUILD / 'dts-ci'
RUN = REPO / 'test' / 'dts' / 'run-dts.sh'
SKIPPED = 77

# Suites of CI (about 4 minutes per driver on 2 vCPUs, warm root).
CI_SUITES = ['smoke_tests:devices_listed_in_testpmd,device_bound_to_driver',
             'hello_world', 'mac_filter', 'port_stats', 'vlan', 'uni_pkt']
DRIVERS = ['igbx', 'stock']

# What the stock igb driver does not pass (the simulator is refereed by what
# stock passes; igbx must pass all): {suite: {case: why}}.
STOCK_KNOWN = {}


def suite_name(spec):
    return spec.split(':')[0]


@pytest.fixture(scope='module')
def dts_results():
    env = dict(os.environ, DTS_OUT=str(OUT), DTS_DRIVERS=' '.join(DRIVERS),
               DTS_SUITES=' '.join(CI_SUITES))
    proc = subprocess.run(['bash', str(RUN)], env=env, cwd=REPO,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=1500)
    if proc.returncode == SKIPPED:
        pytest.skip(proc.stdout.strip().splitlines()[-1])
    print(proc.stdout)
    results = {}
    for drv in DRIVERS:
        path = OUT / drv / 'results.json'
        assert path.exists(), ('DTS wrote no %s; console: %s\n%s' %
                               (path, OUT / drv / 'console.log',
                                proc.stdout[-3000:]))
        results[drv] = json.loads(path.read_text())
    return results


def case_results(res, suite):
    node = res['test_suites'].get(suite)
    assert node is not None, 'suite %s did not run: %s' % (
        suite, res.get('execution_errors'))
    return {name: (c['result'], c.get('reason', ''))
            for name, c in node.items()
            if isinstance(c, dict) and 'result' in c}


@pytest.mark.parametrize('driver', DRIVERS)
@pytest.mark.parametrize('suite', [suite_name(s) for s in CI_SUITES])
def test_dts_suite(dts_results, driver, suite):
    got = case_results(dts_results[driver], suite)
    known = STOCK_KNOWN.get(suite, {}) if driver == 'stock' else {}
    bad = {c: r for c, r in got.items()
           if r[0] != 'PASS' and c not in known}
    assert got, 'no DTS case ran in %s' % suite
    assert not bad, '%s with %s: %s' % (suite, driver, bad)
