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

# Suites of CI: those igbx passes (stock passes or its capability gates skip
# them), about 4 minutes per driver on the 2 vCPUs of CI with the root built
# (make dts runs all of test-run.yaml's). Of qinq and rte_flow only the cases
# an 82576 can pass, of checksum_offload those DTS can run (test/dts/results.py
# KNOWN says why the others fail).
CI_SUITES = ['smoke_tests:devices_listed_in_testpmd,device_bound_to_driver',
             'hello_world', 'blocklist', 'mac_filter', 'promisc_support',
             'port_stats', 'port_control', 'vlan', 'queue_start_stop',
             'dynamic_config', 'pmd_buffer_scatter', 'rx_tx_offload',
             'packet_capture', 'qinq:test_qinq_forwarding',
             'checksum_offload:insert_checksums,no_insert_checksums,'
             'l4_rx_checksum,l3_rx_checksum,validate_rx_checksum',
             'rte_flow:priority_attribute']
DRIVERS = ['igbx', 'stock']

# What the stock igb driver fails among CI's suites (the simulator is
# refereed by what stock passes; igbx must pass all): {suite: {case: why}}.
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
    got = {name: (c['result'], c.get('reason', ''))
           for name, c in node.items()
           if isinstance(c, dict) and 'result' in c}
    if not got and 'result' in node:     # skipped as a whole (its gates)
        got['(suite)'] = (node['result'], node.get('reason', ''))
    return got


@pytest.mark.parametrize('driver', DRIVERS)
@pytest.mark.parametrize('suite', [suite_name(s) for s in CI_SUITES])
def test_dts_suite(dts_results, driver, suite):
    got = case_results(dts_results[driver], suite)
    # igbx: every case passes. stock: a case its capability gates skip is
    # no failure (igbx advertises more), what it fails is listed above.
    allowed = ('PASS', 'SKIP') if driver == 'stock' else ('PASS',)
    known = STOCK_KNOWN.get(suite, {}) if driver == 'stock' else {}
    bad = {c: r for c, r in got.items()
           if r[0] not in allowed and c not in known}
    assert got, 'no DTS case ran in %s' % suite
    assert not bad, '%s with %s: %s' % (suite, driver, bad)
