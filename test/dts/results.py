#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# results.py OUT-DIR DRIVER... : DTS's results.json of each driver's run
# (OUT-DIR/<driver>/results.json) side by side, per suite and per case, as a
# Markdown table; a suite's row gives its overall result and its counts.
# A case that did not pass is listed with DTS's reason and, where it is an
# expectation no 82576 can meet or a limit of this testbed, why (KNOWN).
import json
import sys
from pathlib import Path

STEPS = ('setup', 'teardown')

# {(suite, case or '*'): why}: what the logs of make dts showed (igbx and the
# stock driver alike), checked against the 82576 datasheet.
KNOWN = {
    ('l2fwd', '*'): 'testbed: DTS wants 4 cores per socket, the testbed has '
    '2 vCPUs',
    ('mtu', '*'): 'DTS: each frame carries 4 filler bytes ("CRC placeholder") '
    'after the MTU + 18, so the frame "equal to the MTU" is MTU + 22 bytes '
    'on the wire, over what the 82576 takes at that MTU (1518 bytes with '
    'RCTL.LPE off; RLPML = --max-pkt-len 9018 for MTU 8996)',
    ('dual_vlan', 'all_vlan_functions'): '82576: outside double VLAN mode '
    'the VLAN filter looks at the first tag (7.4); DTS puts only the inner '
    'VLAN in the table and expects the double-tagged frame to pass',
    ('qinq', 'test_qinq_strip'): '82576: in double VLAN mode the first tag '
    'is the outer one whatever its type (7.4.5), so a 0x8100/0x8100 frame '
    'loses both tags; DTS expects the second 0x8100 tag kept',
    ('pmd_rss', 'key_hash_algorithm'): '82576: RSS (MRQC, RETA) applies to '
    'every frame and hashes with Toeplitz only; DTS asks for RSS on '
    'eth / ipv4 / udp alone',
    ('pmd_rss', 'reta_key_reta_queues'): '82576: a RETA entry holds 3 bits, '
    'RSS spreads over queues 0-7; DTS also tests 9 and 16 queues',
    ('uni_pkt', 'vxlan_tunnel_packet_detect'): '82576: no UDP tunnel port '
    '(rx_vxlan_port add: ENOTSUP); DTS does not gate the case',
    ('rte_flow', '*'): '82576: a case skips at its first rule the filters '
    'cannot express: drop, egress, jump and modify actions (the 5-tuple, '
    'ethertype and SYN filters only pick a queue); MAC address, TTL, '
    'full-mask TCP flags, VLAN presence (byte matches only its flex '
    'filters could do; igbx does not offer them)',
    ('checksum_offload', 'validate_sctp_checksum'): 'DTS 25.11.2: the case '
    'calls TestPmd.csum_set_hw() without its required port_id argument',
    ('checksum_offload', 'vlan_checksum'): 'DTS wants the VLAN offload '
    'group among the per-port offloads; VLAN stripping is per queue',
    ('single_core_forward_perf', '*'): 'testbed: needs a TRex traffic '
    'generator',
}


def known(suite, case):
    return KNOWN.get((suite, case)) or KNOWN.get((suite, '*'))


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
                    if known(s, c):
                        print('  (%s)' % known(s, c))
    for d in drivers:
        if runs[d] is None:
            print('- %s: no results.json (see %s/%s/console.log)' % (d, out, d))
    errors = {d: (load(out, d) or {}).get('execution_errors') for d in drivers}
    for d, errs in errors.items():
        for e in errs or []:
            print('- %s execution error: %s' % (d, short(e, 200)))


main()
