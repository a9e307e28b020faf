# SPDX-License-Identifier: BSD-3-Clause
# confhelp.py - helpers of the DTS-style conformance scenarios: the
# two-link topology (inject on one port, capture what the other sends),
# capability gates as DTS applies them, tagged frames that survive rewriting.
"""Builds on test/lib/igbxsim.py, frames.py and scenarios.py (whose
port_stats_all is also the reliability tests' counter reading). The topology is the one DTS uses between its traffic generator
and the system under test: the simulator runs with `--wire none`, so a frame
injected into port 0 arrives from "the generator", and what port 1 transmits
is read back with `capture` - nothing loops back through a wire pair."""
import itertools
import re
import time

import pytest
from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.l2 import Dot1Q, Ether
from scapy.packet import Raw

import frames
import scenarios
from scenarios import idle

WIRE_NONE = ('--wire', 'none')
_tags = itertools.count(1)


# ---- testpmd on the two-link topology ------------------------------------
def start(testpmd, driver, args=(), wire=WIRE_NONE, ports=2, **kw):
    """testpmd on `ports` ports of a --wire none simulator, links up."""
    tp = testpmd(driver, args=list(args), sim_args=list(wire), ports=ports,
                 **kw)
    if 'none' in wire:      # a port without a wire starts unplugged
        for p in range(ports):
            tp.sim.link(p, True)
    for p in range(ports):
        info = scenarios.wait_link_up(tp, p)
        assert info['link_status'] == 'up', info
    return tp


def macs(tp):
    return [tp.port_info(p)['mac'] for p in range(tp.nb_ports)]


# ---- frames carrying a tag that identifies them after any rewriting -------
def new_tag():
    return b'IGBXTAG%08d' % next(_tags)


def tagged(dst, size=64, l4='udp', vlan=None, src=None, tag=None,
           sip='10.0.0.1', dip='10.0.0.2', sport=1024, dport=4789, l2=None):
    """(frame, tag): an IPv4 frame of `size` bytes (no FCS) whose payload
    starts with a unique tag; `l2` replaces Ether()/Dot1Q() when given."""
    tag = tag or new_tag()
    if l2 is None:
        l2 = Ether(dst=dst, src=src or frames.new_src())
        if vlan is not None:
            l2 = l2 / Dot1Q(vlan=vlan)
    l4h = UDP(sport=sport, dport=dport) if l4 == 'udp' else \
        TCP(sport=sport, dport=dport, flags='A')
    pkt = l2 / IP(src=sip, dst=dip) / l4h / Raw(tag)
    body = size - len(pkt)
    if body > 0:
        pkt = pkt / Raw(bytes((i * 7) & 0xff for i in range(body)))
    return frames.pad(pkt, size), tag


def find(captured, tag):
    return [f for f in captured if tag in f]


def capture_on(tp, port):
    tp.sim.capture(port, True)
    tp.sim.captured(port)           # forget whatever came before


def exchange(tp, sends, marker, in_port=0, out_port=1, timeout=5):
    """Inject `sends` (frames) then `marker` (a (frame, tag) that must come
    out) into in_port; frames of one queue keep their order, so once the
    marker leaves out_port every earlier frame was forwarded or dropped.
    Returns what out_port transmitted, in order (marker excluded)."""
    got = []
    for f in sends:
        tp.sim.inject(in_port, f)
    tp.sim.inject(in_port, marker[0])
    deadline = time.monotonic() + timeout
    while True:
        got += tp.sim.captured(out_port)
        if find(got, marker[1]):
            return [f for f in got if marker[1] not in f]
        if time.monotonic() > deadline:
            raise TimeoutError('marker %r never left port %d (%d frames '
                               'captured)' % (marker[1], out_port, len(got)))
        idle(tp, 0.05)


def collect(tp, port, count, timeout=5):
    """Frames port transmits until `count` arrived (or timeout)."""
    got = []
    deadline = time.monotonic() + timeout
    while len(got) < count and time.monotonic() < deadline:
        idle(tp, 0.05)
        got += tp.sim.captured(port)
    return got


def deliver(tp, sends, port=0, timeout=10):
    """rxonly/verbose: inject frames, then a frame to the port's own MAC as
    marker; returns {src MAC: [RxPacket]} of the frames (empty: dropped)."""
    for f in sends:
        tp.sim.inject(port, f)
    marker = frames.udp(tp.port_info(port)['mac'])
    tp.sim.inject(port, marker)
    tp.wait_rx(frames.src_of(marker), port=port, timeout=timeout)
    idle(tp, 0.1)
    return {frames.src_of(f): tp.received(frames.src_of(f), port=port)
            for f in sends}


def verbose_rxonly(tp, *setup):
    for line in setup:
        tp.cmd(line)
    for line in ('set fwd rxonly', 'set verbose 1', 'start'):
        tp.cmd(line)


# ---- capability gates (DTS @requires / requires_nic_capability) -----------
def capabilities(tp, port=0):
    """{'rx': per-port set, 'rxq': per-queue set, 'tx', 'txq', 'dev'}."""
    caps = {}
    for kind in ('rx', 'tx'):
        out = tp.cmd('show port %d %s_offload capabilities' % (port, kind))
        q = re.search(r'Per Queue\s*:([^\n]*)', out).group(1).split()
        p = re.search(r'Per Port\s*:([^\n]*)', out).group(1).split()
        caps[kind + 'q'] = set(q)
        # a per-queue capability is a per-port one too (ethdev rule)
        caps[kind] = set(p) | set(q)
    out = tp.cmd('show port info %d' % port, check=False)
    m = re.search(r'Device capabilities: 0x[0-9a-f]+\(([^)]*)\)', out)
    caps['dev'] = set(m.group(1).split()) if m else set()
    return caps


# Capabilities DPDK 22.11's stock net_e1000_igb does not report for the
# 82576; the DTS suites gated on them skip on the stock driver.
STOCK_LACKS = {
    ('dev', 'RUNTIME_RX_QUEUE_SETUP'), ('dev', 'RUNTIME_TX_QUEUE_SETUP'),
    ('rx', 'VLAN_EXTEND'), ('rx', 'QINQ_STRIP'), ('rx', 'SCTP_CKSUM'),
    ('rxq', 'VLAN_STRIP'), ('txq', 'VLAN_INSERT'),
}


def gate(tp, need):
    """Apply a DTS capability gate: need = [(kind, NAME)], kind one of rx,
    rxq, tx, txq, dev. Stock missing a capability listed in STOCK_LACKS
    (and only then): assert that, and skip as DTS does. igbx must pass."""
    caps = capabilities(tp)
    missing = [(k, n) for k, n in need if n not in caps[k]]
    if tp.driver == 'stock':
        unexpected = [m for m in missing if m not in STOCK_LACKS]
        assert not unexpected, 'stock lacks %s: %s' % (unexpected, caps)
        expected_missing = [m for m in need if m in STOCK_LACKS]
        assert set(expected_missing) == set(missing), \
            'stock now reports %s: update STOCK_LACKS' % (
                set(expected_missing) - set(missing))
        if missing:
            pytest.skip('DTS capability gate: stock net_e1000_igb lacks %s' %
                        ', '.join('%s %s' % m for m in missing))
    assert not missing, '%s fails the capability gate, lacks %s (has %s)' % (
        tp.driver, missing, caps)
    return caps


def igbx_gap(request, driver, symptom):
    """Known igbx gap: the igbx variant is expected to fail (not strict)."""
    if driver == 'igbx':
        request.applymarker(pytest.mark.xfail(reason=symptom, strict=False))


# ---- port stats ------------------------------------------------------------
stats = scenarios.port_stats_all
