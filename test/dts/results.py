#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# results.py OUT-DIR DRIVER... : DTS's results.json of each driver's run
# (OUT-DIR/<driver>/results.json) side by side, per suite and per case, as a
# Markdown table; a suite's row gives its overall result and its counts.
import json
import sys
from pathlib import Path

STEPS = ('setup', 'teardown')


def load(out, driver):
    path = Path(out) / driver / 'results.json'
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None


def cases(suite):
    """{case: (result, reason)} of one suite node, setup/teardown included
    when they did not pass (a suite whose set-up failed has no cases)."""
    got = {}
    for name, node in suite.items():
        if not isinstance(node, dict) or 'result' not in node:
            continue
        if name in STEPS and node['result'] == 'PASS':
            continue
        got[name] = (node['result'], node.get('reason', ''))
    if not got and 'result' in suite:    # skipped as a whole (its gates)
        got['(suite)'] = (suite['result'], suite.get('reason', ''))
    return got


def per_suite(res):
    if res is None:
        return None
    suites = res.get('test_suites', {})
    out = {}
    for name, node in suites.items():
        if isinstance(node, dict) and name not in STEPS:
            out[name] = cases(node)
        elif isinstance(node, dict) and node.get('result', 'PASS') != 'PASS':
            out['(test run %s)' % name] = {name: (node['result'],
                                                  node.get('reason', ''))}
    return out


def overall(cs):
    order = ['ERROR', 'FAIL', 'BLOCK', 'SKIP', 'PASS']
    results = [r for r, _ in cs.values()]
    for r in order:
        if r in results:
            if r == 'SKIP' and 'PASS' in results:
                return 'PASS'
            return r
    return 'none'


def counts(cs):
    n = {}
    for r, _ in cs.values():
        n[r] = n.get(r, 0) + 1
    return ' '.join('%s %d' % (k.lower(), v) for k, v in sorted(n.items()))


def short(reason, width=70):
    reason = ' '.join(str(reason).split())
    return reason if len(reason) <= width else reason[:width - 3] + '...'


def main():
    out, drivers = sys.argv[1], sys.argv[2:]
    runs = {d: per_suite(load(out, d)) for d in drivers}
    names = []
    for d in drivers:
        for s in runs[d] or {}:
            if s not in names:
                names.append(s)
    print('| suite | ' + ' | '.join(drivers) + ' |')
    print('|---' * (len(drivers) + 1) + '|')
    for s in names:
        row = []
        for d in drivers:
            cs = (runs[d] or {}).get(s)
            row.append('not run' if cs is None else
                       '%s (%s)' % (overall(cs), counts(cs)))
        print('| %s | %s |' % (s, ' | '.join(row)))
    print()
    print('Cases that did not pass:')
    print()
    for s in names:
        for d in drivers:
            for c, (r, why) in sorted(((runs[d] or {}).get(s) or {}).items()):
                if r != 'PASS':
                    print('- %s %s.%s: %s %s' % (d, s, c, r, short(why)))
    for d in drivers:
        if runs[d] is None:
            print('- %s: no results.json (see %s/%s/console.log)' % (d, out, d))
    errors = {d: (load(out, d) or {}).get('execution_errors') for d in drivers}
    for d, errs in errors.items():
        for e in errs or []:
            print('- %s execution error: %s' % (d, short(e, 200)))


main()
