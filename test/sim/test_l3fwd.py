# SPDX-License-Identifier: BSD-3-Clause
# test_l3fwd.py - DPDK's l3fwd example (built by buildtools/build-example.sh)
# routing between two simulated 82576 ports, igbx and the stock igb driver.
"""l3fwd on the simulated 82576, LPM and EM lookups.

Routing checks run on ``--wire none`` with both cables plugged by the test:
what a port transmits is captured and goes nowhere, so every forwarded frame is seen exactly once. Frames are
injected on a port's wire; the captured copies must leave by the port that
l3fwd's default tables name (main.c ipv4_l3fwd_route_array: 198.18.P.0/24 ->
port P, routes to ports not in -p are not installed; l3fwd_em.c: the 5-tuple
dst 198.18.P.0, src 198.18.P.1, UDP 9 -> 9 -> port P; a lookup miss or a
non-IP frame goes back out of the ingress port), with TTL - 1, a valid IPv4
checksum, destination MAC = the port's --eth-dest and source MAC = the
egress port's own address, the rest of the frame untouched.

The rate run uses the pair wire: frames routed to port 1 come back on port
0 and are routed to port 1 again (l3fwd never drops on TTL), so a burst
circulates and port 1's wire counter gives l3fwd's forwarding rate on one
lcore, simulator included.
"""
import re
import socket
import time

import pytest
from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import ARP, Ether

import frames
import igbxsim

# --eth-dest for port 1; port 0 keeps l3fwd's default 02:00:00:00:00:<port>
ETH_DEST_1 = '02:11:22:33:44:55'
DEFAULT_ETH_DEST = '02:00:00:00:00:%02x'
SENDER = '02:5e:00:00:0f:01'
TTL = 64
RATE_BURST = 512       # frames circulating in the rate run (rings: 1024)
RATE_SECONDS = 3.0

_PORT_LINE = re.compile(r'Initializing port (\d+) \.\.\..*?'
                        r'Address:([0-9A-Fa-f:]{17}), '
                        r'Destination:([0-9A-Fa-f:]{17})', re.S)


@pytest.fixture(scope='module')
def l3fwd_bin():
    """dpdk-l3fwd, built once per DPDK version into the cache."""
    return igbxsim.build_example('l3fwd')


def l3fwd_app(binary, driver, mode):
    eal = [binary, '-l', '1', '-n', '1', '-m', '256'] + \
        igbxsim.port_args(driver, 2)
    return eal + ['--', '-p', '0x3', '--config', '(0,0,1),(1,0,1)', '-P',
                  '--lookup=%s' % mode, '--eth-dest=1,%s' % ETH_DEST_1]


def start_l3fwd(sim, binary, driver, mode, wire):
    """Started l3fwd; returns (Sim, {port: (own mac, eth-dest mac)})."""
    s = sim(l3fwd_app(binary, driver, mode), ports=2, wire=wire,
            name='l3fwd-%s-%s' % (driver, mode))
    if wire == 'none':
        # no cable at start on this wire kind: plug both (a link with no
        # peer), before l3fwd's link check gives up waiting
        for p in (0, 1):
            s.link(p, True)
    s.read_until(r'Port 1 Link up', timeout=60)
    s.read_until(r'entering main loop', timeout=10)
    ports = {int(m.group(1)): (m.group(2).lower(), m.group(3).lower())
             for m in _PORT_LINE.finditer(s.buf)}
    assert sorted(ports) == [0, 1], s.buf[-2000:]
    return s, ports


# ---- frames ----------------------------------------------------------------

def ipv4(ident, dip, sip='192.0.2.1', proto='udp', sport=9, dport=9,
         iplen=None):
    l4 = UDP(sport=sport, dport=dport) if proto == 'udp' else \
        TCP(sport=sport, dport=dport, flags='A')
    pkt = Ether(dst='ff:ff:ff:ff:ff:ff', src=SENDER) / \
        IP(src=sip, dst=dip, ttl=TTL, id=ident, len=iplen) / l4
    return frames.pad(pkt, 64)


def ipv6(flow, dip):
    pkt = Ether(dst='ff:ff:ff:ff:ff:ff', src=SENDER) / \
        IPv6(src='2001:db8::1', dst=dip, hlim=TTL, fl=flow) / UDP(sport=9,
                                                                  dport=9)
    return frames.pad(pkt, 80)


def arp(ident):
    """Not IP: l3fwd sends it back out of its ingress port, new MACs only."""
    pkt = Ether(dst='ff:ff:ff:ff:ff:ff', src=SENDER) / \
        ARP(op=1, psrc='192.0.2.%d' % (ident & 0xff), pdst='192.0.2.254')
    return frames.pad(pkt, 60)


def frame_key(frame):
    """What identifies an injected frame among the captured ones: the IPv4
    id, the IPv6 flow label, or (for anything else) the frame from byte 12."""
    pkt = Ether(frame)
    if IP in pkt:
        return ('ip', pkt[IP].id)
    if IPv6 in pkt:
        return ('ip6', pkt[IPv6].fl)
    return ('raw', bytes(frame[12:]))


def ip_checksum(header):
    total = sum(int.from_bytes(header[i:i + 2], 'big')
                for i in range(0, len(header), 2))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return total


# One case: (ingress port, frame, egress port or None for dropped, why).
def lpm_cases():
    return [
        (0, ipv4(1, '198.18.1.1'), 1, '198.18.1.0/24 -> port 1'),
        (0, ipv4(2, '198.18.1.200', proto='tcp', sport=4000, dport=80), 1,
         'any host and protocol in 198.18.1.0/24'),
        (0, ipv4(3, '198.18.0.7'), 0, '198.18.0.0/24 -> port 0 (hairpin)'),
        (0, ipv4(4, '10.9.8.7'), 0, 'no route: back out of the ingress port'),
        (0, ipv4(5, '198.18.5.1'), 0, 'route to port 5 not installed (-p 0x3)'),
        (1, ipv4(6, '198.18.0.9'), 0, 'from port 1 to 198.18.0.0/24'),
        (1, ipv4(7, '198.18.1.9'), 1, 'from port 1 to its own subnet'),
        (0, ipv6(8, '2001:200:0:1::5'), 1, '2001:200:0:1::/64 -> port 1'),
        (0, ipv4(9, '198.18.1.3', iplen=10), None,
         'IPv4 total length < 20: RFC 1812 5.2.2, dropped'),
        (0, arp(10), 0, 'not IP: back out of the ingress port'),
    ]


def em_cases():
    return [
        (0, ipv4(21, '198.18.1.0', '198.18.1.1'), 1,
         '5-tuple (198.18.1.0, 198.18.1.1, 9, 9, UDP) -> port 1'),
        (0, ipv4(22, '198.18.0.0', '198.18.0.1'), 0,
         '5-tuple of port 0 (hairpin)'),
        (1, ipv4(23, '198.18.0.0', '198.18.0.1'), 0, 'from port 1 to port 0'),
        (0, ipv4(24, '198.18.1.0', '198.18.1.1', dport=10), 0,
         'other UDP port: no match, back out of the ingress port'),
        (0, ipv4(25, '198.18.1.0', '198.18.1.1', proto='tcp'), 0,
         'TCP: no match'),
        (0, ipv4(26, '198.18.1.1', '198.18.1.0'), 0,
         'source and destination swapped: no match'),
        (0, ipv4(27, '10.9.8.7'), 0, 'unknown flow: back out of the ingress'),
        (0, ipv4(28, '198.18.1.0', '198.18.1.1', iplen=10), None,
         'IPv4 total length < 20: RFC 1812 5.2.2, dropped'),
    ]


def expected_out(frame, ports, egress):
    """The frame as l3fwd must put it on egress's wire."""
    own, dest = ports[egress]
    out = bytearray(frame)
    out[0:6] = igbxsim.mac_from_str(dest)
    out[6:12] = igbxsim.mac_from_str(own)
    if frame[12:14] == b'\x08\x00':
        out[22] -= 1                    # TTL
        out[24:26] = b'\0\0'
        csum = 0xffff - ip_checksum(out[14:34])
        out[24:26] = csum.to_bytes(2, 'big')
    return bytes(out)


def inject_many(s, port, burst):
    """All of burst over one control connection (Sim.ctl opens one per
    command, too slow to build a burst): every line must answer ok."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
        c.settimeout(10)
        c.connect(str(s.run_dir / 'ctl.sock'))
        c.sendall(''.join('inject %d %s\n' % (port, bytes(f).hex())
                          for f in burst).encode())
        replies = b''
        while replies.count(b'\n') < len(burst):
            chunk = c.recv(65536)
            assert chunk, 'control socket closed after %r' % replies[-200:]
            replies += chunk
    assert replies.split() == [b'ok'] * len(burst), replies[-200:]
    s.note('injected %d frames on port %d' % (len(burst), port))


def collect(s, want, timeout=10):
    """Captured frames of both ports until `want` of them have arrived (and
    a short quiet time after, so extra frames would be seen too)."""
    got = {0: [], 1: []}
    deadline = time.monotonic() + timeout
    while sum(len(v) for v in got.values()) < want and \
            time.monotonic() < deadline:
        time.sleep(0.1)
        for p in got:
            got[p] += s.captured(p)
    time.sleep(0.5)
    for p in got:
        got[p] += s.captured(p)
    return got


# ---- tests -----------------------------------------------------------------

@pytest.mark.parametrize('mode', ['lpm', 'em'])
def test_l3fwd_routes(driver, mode, sim, l3fwd_bin):
    s, ports = start_l3fwd(sim, l3fwd_bin, driver, mode, 'none')
    for p in (0, 1):
        assert ports[p][0] == s.nvm_mac(p), 'port %d address' % p
    assert ports[0][1] == DEFAULT_ETH_DEST % 0
    assert ports[1][1] == ETH_DEST_1
    cases = lpm_cases() if mode == 'lpm' else em_cases()
    for p in (0, 1):
        s.capture(p, True)
    for ingress, frame, _, _ in cases:
        s.inject(ingress, frame)
    want = sum(1 for c in cases if c[2] is not None)
    got = collect(s, want)
    by_key = {}
    for p, outs in got.items():
        for out in outs:
            by_key.setdefault(frame_key(out), []).append((p, out))
    problems = []
    for ingress, frame, egress, why in cases:
        seen = by_key.pop(frame_key(frame), [])
        if egress is None:
            if seen:
                problems.append('%s: left by port %s' %
                                (why, [p for p, _ in seen]))
            continue
        if [p for p, _ in seen] != [egress]:
            problems.append('%s (in on %d): left by ports %s, expected %d' %
                            (why, ingress, [p for p, _ in seen], egress))
            continue
        want_frame = expected_out(frame, ports, egress)
        if seen[0][1] != want_frame:
            problems.append('%s: sent\n  %s\nexpected\n  %s' %
                            (why, seen[0][1].hex(), want_frame.hex()))
    if by_key:
        problems.append('frames nobody injected: %s' % list(by_key))
    assert not problems, '\n'.join(problems)
    ip_out = [out for outs in got.values() for out in outs
              if out[12:14] == b'\x08\x00']
    assert ip_out and all(ip_checksum(o[14:34]) == 0xffff for o in ip_out)


def test_l3fwd_rate(driver, sim, l3fwd_bin, record_property):
    """A burst to 198.18.1.0/24 circulates port 0 -> port 1 -> wire -> port 0;
    port 1's wire counter over a few seconds is the forwarding rate."""
    s, _ = start_l3fwd(sim, l3fwd_bin, driver, 'lpm', None)
    inject_many(s, 0, [ipv4(i, '198.18.1.%d' % (1 + i % 250))
                       for i in range(RATE_BURST)])
    time.sleep(0.5)
    before = s.counters(1)['wire_tx_frames']
    t0 = time.monotonic()
    time.sleep(RATE_SECONDS)
    after = s.counters(1)['wire_tx_frames']
    elapsed = time.monotonic() - t0
    rate = (after - before) / elapsed
    record_property('l3fwd_pps', int(rate))
    s.note('l3fwd %s lpm: %.0f frames/s through port 1' % (driver, rate))
    print('\nl3fwd %s lpm, %d frames circulating: %.3f Mpps' %
          (driver, RATE_BURST, rate / 1e6))
    # the burst is still going round, not lost on the way
    assert rate > 10 * RATE_BURST, 'l3fwd forwarded %.0f frames/s' % rate
