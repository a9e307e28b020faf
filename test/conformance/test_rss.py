# SPDX-License-Identifier: BSD-3-Clause
# test_rss.py - DTS pmd_rss and pmdrssreta (82576 plan): RSS hash types, the
# hash key and the redirection table, checked against a Toeplitz oracle.
"""The device's hash is Toeplitz over (source, destination address[, source,
destination port]) (82576 datasheet 7.1.2.10); the queue is RETA[hash & 127].
frames.toeplitz is the oracle; testpmd's verbose output gives the hash and
the queue of every packet."""
import ipaddress
import struct

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether

import confhelp as ch
import frames
from scenarios import idle

NB_Q = 4
FLOWS = 12
NEW_KEY = bytes(range(0x11, 0x11 + 40))


def frame(mac, l3, l4, i):
    if l3 == 'ipv4':
        sip, dip = '10.%d.1.%d' % (i, i * 3 + 1), '192.168.%d.9' % (i * 7)
        l3h = IP(src=sip, dst=dip)
    else:
        sip, dip = '2001:db8::%x' % (i * 5 + 1), '2001:db8:1::%x' % (i + 9)
        l3h = IPv6(src=sip, dst=dip)
    sport, dport = 1000 + 37 * i, 2000 + i
    l4h = {'udp': UDP(sport=sport, dport=dport),
           'tcp': TCP(sport=sport, dport=dport, flags='A')}[l4]
    f = frames.pad(Ether(dst=mac, src=frames.new_src()) / l3h / l4h)
    addrs = ipaddress.ip_address(sip).packed + ipaddress.ip_address(dip).packed
    return f, addrs, struct.pack('>HH', sport, dport)


# rss type configured -> {(l3, l4) of frame: hash input uses the ports?}
TYPES = {
    'ipv4': {('ipv4', 'udp'): False, ('ipv4', 'tcp'): False},
    'ipv4-tcp': {('ipv4', 'tcp'): True},
    'ipv4-udp': {('ipv4', 'udp'): True},
    'ipv6': {('ipv6', 'udp'): False, ('ipv6', 'tcp'): False},
    'ipv6-tcp': {('ipv6', 'tcp'): True},
    'ipv6-udp': {('ipv6', 'udp'): True},
}


def check_flows(tp, kinds, key, reta):
    """Inject FLOWS frames of each (l3, l4) kind; every one carries the
    Toeplitz hash of its input and sits on queue RETA[hash & 127]."""
    mac = tp.port_info(0)['mac']
    sent = []
    for (l3, l4), ports in kinds.items():
        for i in range(FLOWS):
            f, addrs, portb = frame(mac, l3, l4, i)
            sent.append(('%s-%s/%d' % (l3, l4, i), f,
                         addrs + (portb if ports else b'')))
    got = ch.deliver(tp, [f for _, f, _ in sent])
    queues = set()
    for name, f, data in sent:
        pkt, = got[frames.src_of(f)]
        want = frames.toeplitz(key, data)
        assert pkt.rss_hash == want, '%s: hash %s, Toeplitz %#x: %s' % (
            name, pkt.rss_hash, want, pkt.line)
        assert pkt.queue == reta[want & 0x7f], '%s: queue %d, RETA[%d]=%d' \
            % (name, pkt.queue, want & 0x7f, reta[want & 0x7f])
        queues.add(pkt.queue)
    return queues


def test_pmd_rss_hash_types(driver, testpmd):
    """pmd_rss: for each hash type (ipv4, ipv4-tcp, ipv4-udp, ipv6,
    ipv6-tcp, ipv6-udp) the hash is Toeplitz over the right fields and the
    queue follows the RETA; frames spread over all 4 queues."""
    tp = ch.start(testpmd, driver, ports=1,
                  args=['--rxq=%d' % NB_Q, '--txq=%d' % NB_Q])
    ch.verbose_rxonly(tp)
    key, reta = tp.rss_key(0), tp.reta(0)
    assert len(key) == 40 and set(reta) == set(range(NB_Q)), (key, reta)
    for rss, kinds in TYPES.items():
        tp.cmd('port config all rss %s' % rss)
        out = tp.cmd('show port 0 rss-hash')
        assert rss in out.split(), out
        queues = check_flows(tp, kinds, key, reta)
        assert len(queues) >= 3, '%s: %d flows on queues %s' % (
            rss, FLOWS * len(kinds), queues)


def test_pmd_rss_key(driver, testpmd):
    """pmd_rss key update: `port config 0 rss-hash-key ipv4-udp KEY` - the
    key reads back and the hash follows the new key."""
    tp = ch.start(testpmd, driver, ports=1,
                  args=['--rxq=%d' % NB_Q, '--txq=%d' % NB_Q, '--rss-udp'])
    ch.verbose_rxonly(tp)
    tp.cmd('port config 0 rss-hash-key ipv4-udp %s' % NEW_KEY.hex())
    assert tp.rss_key(0) == NEW_KEY
    check_flows(tp, {('ipv4', 'udp'): True}, NEW_KEY, tp.reta(0))


def set_reta(tp, reta):
    """A few entries per command: testpmd's tokens hold 128 characters."""
    for start in range(0, len(reta), 12):
        tp.cmd('port config 0 rss reta %s' % ','.join(
            '(%d,%d)' % (i, reta[i])
            for i in range(start, min(start + 12, len(reta)))))


def test_pmdrssreta(driver, testpmd):
    """pmdrssreta (82576 plan): RETA entries rewritten with `port config 0
    rss reta (i,q),...` read back and steer: queue = new RETA[hash & 127];
    entries all set to one queue send every flow there."""
    tp = ch.start(testpmd, driver, ports=1,
                  args=['--rxq=%d' % NB_Q, '--txq=%d' % NB_Q, '--rss-udp'])
    ch.verbose_rxonly(tp)
    key = tp.rss_key(0)
    new = [(NB_Q - 1) - (i * 3) % NB_Q for i in range(128)]
    set_reta(tp, new)
    assert tp.reta(0) == new
    check_flows(tp, {('ipv4', 'udp'): True}, key, new)
    set_reta(tp, [2] * 128)
    assert tp.reta(0) == [2] * 128
    queues = check_flows(tp, {('ipv4', 'udp'): True}, key, [2] * 128)
    assert queues == {2}, queues
    idle(tp, 0.1)
