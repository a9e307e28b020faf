# SPDX-License-Identifier: BSD-3-Clause
# test_vmdq.py - VMDq-only receive pools (RTE_ETH_MQ_RX_VMDQ_ONLY) on the
# simulated 82576, driven by test/app/igbx_vmdq.c with igbx and stock igb.
"""The program gives port 0 eight pools of one queue each (pool p is queue p,
the 82576's VMDq queue mapping), VLAN 100+p -> pool p for p < 7, VLAN 200 ->
pools 2 and 3, default pool 7, and MAC 52:54:00:12:00:0p added to pool p.
Frames come in through `igbx-sim ctl inject`; the program prints the queue
each one reached.

Both drivers: a tagged frame for a pool's MAC and VLAN lands in that pool's
queue, a tagged broadcast in its VLAN's pool, a frame of an unmapped VLAN in
the default pool, a frame for an unknown MAC nowhere. Where they differ, by
the registers they choose (checked too): stock igb selects pools by VLAN
only (VT_CTL.IGNORE_MAC) without replication, so untagged frames go to the
default pool and a VLAN of two pools to the lower one; igbx replicates
(VT_CTL.REPL_EN) and selects by MAC and VLAN, so an untagged broadcast
reaches every pool, an untagged frame its MAC's pool, and a VLAN of two
pools both. A tagged frame for the port's own address goes to its VLAN's
pool with both (igbx puts that address in every pool).

DPDK's examples/vmdq runs too (both drivers: each pool's frames reach its
queue), and igbx's checks of a bad vmdq_rx_conf."""
import re
import signal
import time

import frames
import igbxsim
import scenario_app

APP = igbxsim.BUILD / 'test' / 'app' / 'igbx_vmdq'

NB_POOLS = 8
DEFAULT_POOL = 7
ALL = set(range(NB_POOLS))
REG_VT_CTL = 0x0581c
REG_MRQC = 0x05818
VT_CTL_IGNORE_MAC = 1 << 28
VT_CTL_REPL_EN = 1 << 30
REG_VLVF0 = 0x05d00
VLVF_EN = 1 << 31
REG_VMOLR0 = 0x05ad0
VMOLR_AUPE = 1 << 24
VMOLR_BAM = 1 << 27


def pool_mac(p):
    return '52:54:00:12:00:%02x' % p


def start(sim, driver, scenario):
    igbxsim.need_driver(driver)
    return scenario_app.start(sim, APP, 'igbxvmdq', driver, scenario,
                              'vmdq-%s-%s' % (driver, scenario))


def received(text):
    """{source MAC: [(queue, vlan), ...]} of the program's RX lines."""
    out = {}
    for q, src, vlan in re.findall(
            r'(?m)^RX q=(\d+) src=([0-9a-f:]+) vlan=(-?\d+)', text):
        out.setdefault(src, []).append((int(q), int(vlan)))
    return out


def check_registers(run, driver):
    """VT_CTL, VLVF and VMOLR as the program's configuration asks."""
    vt = run.peek(0, REG_VT_CTL)
    assert run.peek(0, REG_MRQC) & 7 == 3, 'MRQC.MRQE not VMDq'
    assert (vt >> 7) & 7 == DEFAULT_POOL, hex(vt)
    if driver == 'stock':
        assert vt & (VT_CTL_IGNORE_MAC | VT_CTL_REPL_EN) == \
            VT_CTL_IGNORE_MAC, hex(vt)
    else:
        assert vt & (VT_CTL_IGNORE_MAC | VT_CTL_REPL_EN) == \
            VT_CTL_REPL_EN, hex(vt)
    vlvf = {}
    for i in range(32):
        v = run.peek(0, REG_VLVF0 + 4 * i)
        if v & VLVF_EN:
            vlvf[v & 0xfff] = (v >> 12) & 0xff
    want = {100 + p: 1 << p for p in range(NB_POOLS - 1)}
    want[200] = 0x0c
    assert vlvf == want, vlvf
    for p in range(NB_POOLS):
        vmolr = run.peek(0, REG_VMOLR0 + 4 * p)
        assert vmolr & (VMOLR_AUPE | VMOLR_BAM) == VMOLR_AUPE | VMOLR_BAM, \
            (p, hex(vmolr))


def test_vmdq_pools(sim, driver):
    run = start(sim, driver, 'pools')
    scenario_app.at_pause(run, 'ready')
    info = scenario_app.result(run.buf, 'info', ints=True)
    assert info['max_vmdq_pools'] == NB_POOLS, info
    check_registers(run, driver)
    own = run.nvm_mac(0)
    cases = {
        # name: (frame, pools for stock, pools for igbx)
        'vlan101_mac1': (frames.udp(pool_mac(1), vlan=101), {1}, {1}),
        'vlan104_mac4': (frames.udp(pool_mac(4), vlan=104), {4}, {4}),
        'bcast_vlan105': (frames.udp('ff:ff:ff:ff:ff:ff', vlan=105),
                          {5}, {5}),
        'vlan300_mac1': (frames.udp(pool_mac(1), vlan=300),
                         {DEFAULT_POOL}, {DEFAULT_POOL}),
        'unknown_mac': (frames.udp('02:00:00:00:00:99', vlan=101),
                        set(), set()),
        'bcast_untagged': (frames.udp('ff:ff:ff:ff:ff:ff'),
                           {DEFAULT_POOL}, ALL),
        'untagged_mac3': (frames.udp(pool_mac(3)), {DEFAULT_POOL}, {3}),
        'vlan200_mac2': (frames.udp(pool_mac(2), vlan=200), {2}, {2}),
        'bcast_vlan200': (frames.udp('ff:ff:ff:ff:ff:ff', vlan=200),
                          {2}, {2, 3}),
        'vlan102_own_mac': (frames.udp(own, vlan=102), {2}, {2}),
    }
    for f, _, _ in cases.values():
        run.inject(0, f)
    scenario_app.resume(run)
    out = scenario_app.finish(run, 'pools')
    got = received(out)
    col = 1 if driver == 'stock' else 2
    for name, case in cases.items():
        src = frames.src_of(case[0])
        queues = [q for q, _ in got.get(src, [])]
        assert sorted(queues) == sorted(case[col]), (name, got.get(src))


BAD_CONF = {
    # case in igbx_vmdq.c: the parameter its log line names
    'pools16': 'vmdq_rx_conf.nb_queue_pools 16',
    'map_pool_beyond': 'vmdq_rx_conf.pool_map[0].pools 0x100',
    'maps33': 'vmdq_rx_conf.nb_pool_maps 33',
    'vlan_beyond': 'vmdq_rx_conf.pool_map[0].vlan_id 4096',
    'default_beyond': 'vmdq_rx_conf.default_pool 8',
}


def test_vmdq_bad_conf(sim):
    """Each invalid vmdq_rx_conf: -EINVAL from configure and one log line
    naming the parameter, its value and what is allowed; a good
    configuration starts afterwards. (Stock igb takes most of these without
    a word, so only igbx runs here.)"""
    run = start(sim, 'igbx', 'badconf')
    out = scenario_app.finish(run, 'badconf')
    res = {k: v for k, v in re.findall(r'(?m)^RESULT (\w+) rc=(-?\d+)', out)}
    for case, text in BAD_CONF.items():
        assert res.get(case) == '-22', (case, res)
        lines = [ln for ln in out.splitlines() if text in ln]
        assert len(lines) == 1 and 'allowed' in lines[0], (case, lines)
    assert res.get('good') == '0', res


def example_counts(text):
    """Per-queue receive counts of the vmdq example's statistics (printed
    on SIGHUP as "Pool <n>: <count of each of the pool's queues> ..."), in
    queue order from vmdq_queue_base."""
    body = text.rsplit('Pool 0:', 1)[1].split('Finished handling signal', 1)[0]
    return [int(n) for n in re.findall(r'(?<![:\w])(\d+)(?![:\w])',
                                       re.sub(r'Pool \d+:', ' ', body))]


def test_vmdq_example(sim, driver):
    """DPDK's examples/vmdq (8 pools, VLAN p -> pool p, MAC
    52:54:00:12:<port>:<pool> added to pool p) on two ports: p + 1 frames
    for pool p's MAC and VLAN reach queue p, the 82576's VMDq queue, with
    both drivers. (The example labels the queues by dev_info's
    vmdq_queue_num / max_vmdq_pools: stock igb reports 16 / 8, so its
    "Pool k" line shows queues 2k and 2k+1; igbx reports 8 / 8.)"""
    igbxsim.need_driver(driver)
    binary = igbxsim.build_example('vmdq')
    app = [binary, '-l', '0', '-n', '1', '-m', '256',
           '--file-prefix', 'igbxvmdqex'] + igbxsim.port_args(driver, 2) + \
        ['--', '-p', '0x3', '--nb-pools', str(NB_POOLS)]
    run = sim(app, ports=2, wire='none', name='vmdq-example-%s' % driver)
    run.read_until(r'reading queues', timeout=60)
    sent = {}
    for p in range(NB_POOLS):
        for _ in range(p + 1):
            f = frames.udp('52:54:00:12:00:%02x' % p, vlan=p)
            run.inject(0, f)
            sent[frames.src_of(f)] = p
    deadline = 20
    counts = []
    for _ in range(deadline):
        start_at = len(run.buf)
        run.child.kill(signal.SIGHUP)
        run.read_until(r'Finished handling signal', start=start_at,
                       timeout=10)
        counts = example_counts(run.buf[start_at:])
        if sum(counts) >= len(sent):
            break
        time.sleep(0.5)
    assert counts[:NB_POOLS] == [p + 1 for p in range(NB_POOLS)], counts
    assert sum(counts) == len(sent), counts
