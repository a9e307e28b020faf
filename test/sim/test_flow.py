# SPDX-License-Identifier: BSD-3-Clause
# test_flow.py - rte_flow and IEEE 1588 on igbx: the 82576 filter registers as
# testpmd's `flow` commands program them, refused rules, slots, flush, restart, timesync.
"""Register values are computed here from the 82576 datasheet's field layout
(7.1.2, 8.10): a 5-tuple filter n is FTQF/SAQF/DAQF/SPQF/IMIR/IMIREXT[n], ETQF[n]
an ethertype filter, SYNQF the SYN filter (RFCTL.SYNQFP: before the 5-tuple
filters), MRQC/RETA the RSS table. Addresses and ports sit in the registers in
network order (the frame's first byte in bits 7:0), as the stock driver writes
them. The steering tests check that the simulated device then delivers each
frame to the queue the rule names.

testpmd flushes its rules on `port stop`, so the restart test creates its rules
while the port is stopped: dev_start resets the device (CTRL.RST) and the driver
must put them back. Timesync has no testpmd command in Debian's build (no ieee1588
engine): those tests drive the ethdev API from Python (ctypes) under igbx-sim.
"""
import json
import re
import socket
import struct
import sys
import textwrap

import pytest
from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether

import frames
import igbxsim
from igbxsim import need_driver


# ---- registers (82576 datasheet 8.10, 8.17) ----------------------------------
FTQF, SAQF, DAQF, SPQF = 0x59E0, 0x5980, 0x59A0, 0x59C0
IMIR, IMIREXT = 0x5A80, 0x5AA0
ETQF, SYNQF, RFCTL = 0x5CB0, 0x55FC, 0x5008
MRQC, RETA, RSSRK = 0x5818, 0x5C00, 0x5C80
TSYNCRXCTL, TSYNCTXCTL, TIMINCA = 0xB620, 0xB614, 0xB608
SYSTIML, SYSTIMH = 0xB600, 0xB604
RXSTMPL, RXSTMPH, TXSTMPL, TXSTMPH = 0xB624, 0xB628, 0xB618, 0xB61C

FTQF_QUEUE_ENABLE = 1 << 8
FTQF_VF_BP = 1 << 15
FTQF_PROTO_BP, FTQF_SRC_ADDR_BP = 1 << 28, 1 << 29
FTQF_DST_ADDR_BP, FTQF_SRC_PORT_BP = 1 << 30, 1 << 31
IMIR_PORT_BP = 1 << 17
IMIREXT_SIZE_BP, IMIREXT_CTRL_BP = 1 << 12, 1 << 19
ETQF_FILTER_ENABLE, ETQF_1588, ETQF_QUEUE_ENABLE = 1 << 26, 1 << 30, 1 << 31
SYNQF_QUEUE_ENABLE = 1 << 0
RFCTL_SYNQFP = 1 << 19
MRQE_RSS = 0x2
TSYNC_VALID, TSYNC_ENABLED = 1 << 0, 1 << 4

NB_RXQ = 4
PORT = 0


def ip_reg(addr):
    """SAQF/DAQF: the address bytes as in the frame, first byte in bits 7:0."""
    return struct.unpack('<I', socket.inet_aton(addr))[0]


def port_reg(port):
    """SPQF / IMIR port field: the two bytes as in the frame."""
    return struct.unpack('<H', struct.pack('>H', port))[0]


def ntuple_regs(queue, proto=None, src=None, dst=None, sport=None, dport=None,
                prio=7):
    """(FTQF, SAQF, DAQF, SPQF, IMIR, IMIREXT) of a 5-tuple filter; None =
    field not compared (bypass bit set)."""
    ftqf = FTQF_VF_BP | FTQF_QUEUE_ENABLE | (queue << 16) | (proto or 0)
    ftqf |= FTQF_PROTO_BP if proto is None else 0
    ftqf |= FTQF_SRC_ADDR_BP if src is None else 0
    ftqf |= FTQF_DST_ADDR_BP if dst is None else 0
    ftqf |= FTQF_SRC_PORT_BP if sport is None else 0
    imir = (prio << 29) | (IMIR_PORT_BP if dport is None else port_reg(dport))
    return (ftqf, ip_reg(src) if src else 0, ip_reg(dst) if dst else 0,
            port_reg(sport) if sport is not None else 0, imir,
            IMIREXT_SIZE_BP | IMIREXT_CTRL_BP)


def read_ntuple(sim, n):
    return tuple(sim.peek(PORT, reg + 4 * n)
                 for reg in (FTQF, SAQF, DAQF, SPQF, IMIR, IMIREXT))


def flow(tp, rule, port=PORT):
    """`flow create`; returns the rule id."""
    out = tp.cmd('flow create %d %s' % (port, rule), check=False)
    m = re.search(r'Flow rule #(\d+) created', out)
    assert m, 'rule refused: %s\n%s' % (rule, out)
    return int(m.group(1))


def refused(tp, rule, port=PORT, verb='create'):
    """`flow create|validate` that must fail; returns testpmd's complaint."""
    out = tp.cmd('flow %s %d %s' % (verb, port, rule), check=False)
    assert 'created' not in out and 'validated' not in out, \
        'rule accepted: %s\n%s' % (rule, out)
    m = re.search(r'Caught PMD error type (\d+) \((.*?)\): (?:cause: \S+, )?'
                  r'(.*)', out)
    assert m, 'no PMD error for %s:\n%s' % (rule, out)
    return int(m.group(1)), m.group(3)


@pytest.fixture
def tp(testpmd):
    """igbx only: the register values below are the igbx driver's choices
    (slot order, priority mapping) on top of the datasheet layout."""
    need_driver('igbx')
    t = testpmd('igbx', args=['--rxq=%d' % NB_RXQ, '--txq=%d' % NB_RXQ])
    return t


# ---- register programming ----------------------------------------------------

def test_ntuple_rule_programs_filter(tp):
    rid = flow(tp, 'ingress pattern eth / ipv4 src is 10.0.0.1 dst is 10.0.0.2 '
               '/ udp src is 1024 dst is 4789 / end actions queue index 2 / end')
    assert read_ntuple(tp.sim, 0) == ntuple_regs(2, 17, '10.0.0.1', '10.0.0.2',
                                                 1024, 4789)
    # attr priority 3 -> IMIR.Priority 7 - 3; no addresses: both bypassed
    flow(tp, 'ingress priority 3 pattern eth / ipv4 / tcp dst is 80 / end '
         'actions queue index 3 / end')
    assert read_ntuple(tp.sim, 1) == ntuple_regs(3, 6, dport=80, prio=4)
    flow(tp, 'ingress pattern ipv4 proto is 132 dst is 192.168.1.1 / end '
         'actions queue index 1 / end')
    assert read_ntuple(tp.sim, 2) == ntuple_regs(1, 132, dst='192.168.1.1')
    tp.cmd('flow destroy %d rule %d' % (PORT, rid))
    assert read_ntuple(tp.sim, 0) == (0,) * 6
    assert read_ntuple(tp.sim, 1) == ntuple_regs(3, 6, dport=80, prio=4)


def test_ethertype_rule_programs_etqf(tp):
    rid = flow(tp, 'ingress pattern eth type is 0x88b5 / end '
               'actions queue index 3 / end')
    want = 0x88B5 | (3 << 16) | ETQF_FILTER_ENABLE | ETQF_QUEUE_ENABLE
    assert tp.sim.peek(PORT, ETQF) == want
    flow(tp, 'ingress pattern eth type is 0x88b6 / end actions queue index 1 / end')
    assert tp.sim.peek(PORT, ETQF + 4) == \
        0x88B6 | (1 << 16) | ETQF_FILTER_ENABLE | ETQF_QUEUE_ENABLE
    tp.cmd('flow destroy %d rule %d' % (PORT, rid))
    assert tp.sim.peek(PORT, ETQF) == 0


@pytest.mark.parametrize('prio,first', [(0, True), (1, False)])
def test_syn_rule_programs_synqf(tp, prio, first):
    rid = flow(tp, 'ingress priority %d pattern eth / ipv4 / tcp flags spec 0x02 '
               'flags mask 0x02 / end actions queue index 3 / end' % prio)
    assert tp.sim.peek(PORT, SYNQF) == SYNQF_QUEUE_ENABLE | (3 << 1)
    assert bool(tp.sim.peek(PORT, RFCTL) & RFCTL_SYNQFP) == first
    tp.cmd('flow destroy %d rule %d' % (PORT, rid))
    assert tp.sim.peek(PORT, SYNQF) == 0
    assert tp.sim.peek(PORT, RFCTL) & RFCTL_SYNQFP == 0


def reta_entries(sim):
    out = []
    for i in range(32):
        out += list(struct.pack('<I', sim.peek(PORT, RETA + 4 * i)))
    return out


def test_rss_action_programs_reta_and_mrqc(tp):
    before = (tp.sim.peek(PORT, MRQC), reta_entries(tp.sim))
    rid = flow(tp, 'ingress pattern end actions rss types ipv4-udp end '
               'queues 1 3 end / end')
    mrqc = tp.sim.peek(PORT, MRQC)
    assert mrqc & 0x7 == MRQE_RSS
    assert mrqc & (1 << 22), 'MRQC.UDPIPV4 off: 0x%08x' % mrqc
    assert reta_entries(tp.sim) == [1, 3] * 64
    tp.cmd('flow destroy %d rule %d' % (PORT, rid))
    assert (tp.sim.peek(PORT, MRQC), reta_entries(tp.sim)) == before, \
        'port RSS not restored after the RSS rule'


def test_flow_rule_keep_capability(tp):
    out = tp.cmd('show port info %d' % PORT, check=False)
    assert re.search(r'Device capabilities: 0x[0-9a-f]+\(.*FLOW_RULE_KEEP', out), out


# ---- refused rules -----------------------------------------------------------

# (rule, PMD error type, words the message must contain); error types from
# enum rte_flow_error_type: 3 attr group, 4 attr priority, 6 attr egress,
# 9 item num, 12 item mask, 13 item, 15 action conf, 16 action.
REFUSED = [
    ('ingress pattern eth / ipv6 / end actions queue index 1 / end',
     13, 'IPv4 only'),
    ('ingress pattern eth / ipv4 / end actions drop / end',
     16, 'cannot drop'),
    ('ingress pattern eth / ipv4 / end actions mark id 3 / end',
     16, 'only QUEUE or RSS'),
    ('egress pattern eth / ipv4 / end actions queue index 1 / end',
     6, 'receive only'),
    ('ingress group 1 pattern eth / ipv4 / end actions queue index 1 / end',
     3, 'group 0'),
    ('ingress pattern eth / ipv4 src spec 10.0.0.0 src mask 255.255.255.0 / '
     'end actions queue index 1 / end', 12, 'partial field mask'),
    ('ingress pattern eth / ipv4 tos is 4 / end actions queue index 1 / end',
     12, 'only src, dst and proto'),
    ('ingress pattern eth / ipv4 / udp src spec 80 src mask 0xff00 / end '
     'actions queue index 1 / end', 12, 'partial field mask'),
    ('ingress pattern eth dst is 02:00:00:00:00:01 / ipv4 / end actions '
     'queue index 1 / end', 13, 'MAC addresses'),
    ('ingress pattern eth / vlan vid is 5 / end actions queue index 1 / end',
     13, 'expected ETH, IPV4'),
    ('ingress pattern eth / ipv4 proto is 17 / tcp / end actions queue '
     'index 1 / end', 13, 'contradicts'),
    ('ingress pattern eth type is 0x0800 / end actions queue index 1 / end',
     13, '5-tuple or RSS'),
    ('ingress pattern eth type is 0x88b5 / end actions queue index 9 / end',
     15, 'beyond the RX queues'),
    ('ingress pattern eth / ipv4 / tcp flags spec 0x12 flags mask 0x12 / end '
     'actions queue index 1 / end', 13, 'only SYN'),
    ('ingress pattern eth / ipv4 / tcp dst is 80 flags spec 0x02 flags mask '
     '0x02 / end actions queue index 1 / end', 13, 'SYN flag only'),
    ('ingress priority 7 pattern eth / ipv4 / end actions queue index 1 / end',
     4, 'priority 0..6'),
    ('ingress pattern eth / ipv4 / udp / end actions rss queues 0 1 end / end',
     16, 'match every frame'),
    ('ingress pattern end actions queue index 1 / end', 9, 'needs a pattern'),
]


@pytest.mark.parametrize('rule,etype,words', REFUSED,
                         ids=['r%02d' % i for i in range(len(REFUSED))])
def test_unsupported_rule_refused(tp, rule, etype, words):
    """validate and create refuse it, with the offending object's error type and
    a message that says why; no filter register changes."""
    regs = [FTQF + 4 * n for n in range(8)] + [ETQF + 4 * n for n in range(8)]
    regs += [SYNQF, MRQC]
    before = [tp.sim.peek(PORT, r) for r in regs]
    for verb in ('validate', 'create'):
        got_type, msg = refused(tp, rule, verb=verb)
        assert words in msg, msg
        assert got_type == etype, (got_type, msg)
    assert [tp.sim.peek(PORT, r) for r in regs] == before


# ---- slots, flush, restart ---------------------------------------------------

def test_filter_slots_exhausted(tp):
    for n in range(8):
        flow(tp, 'ingress pattern eth / ipv4 / udp dst is %d / end '
             'actions queue index 1 / end' % (1000 + n))
    for n in range(8):
        assert read_ntuple(tp.sim, n) == ntuple_regs(1, 17, dport=1000 + n)
    etype, msg = refused(tp, 'ingress pattern eth / ipv4 / udp dst is 2000 / end '
                         'actions queue index 1 / end')
    assert 'all 8 5-tuple filters are in use' in msg and \
        'No space left' in msg, msg
    etype, msg = refused(tp, 'ingress pattern eth / ipv4 / udp dst is 1003 / end '
                         'actions queue index 2 / end')
    assert 'same match' in msg, msg
    for n in range(8):
        flow(tp, 'ingress pattern eth type is 0x%x / end actions queue index 2 '
             '/ end' % (0x9000 + n))
    etype, msg = refused(tp, 'ingress pattern eth type is 0x9100 / end actions '
                         'queue index 2 / end')
    assert 'all 8 ethertype filters are in use' in msg, msg
    flow(tp, 'ingress pattern eth / ipv4 / tcp flags spec 0x02 flags mask 0x02 '
         '/ end actions queue index 3 / end')
    etype, msg = refused(tp, 'ingress pattern eth / ipv4 / tcp flags spec 0x02 '
                         'flags mask 0x02 / end actions queue index 2 / end')
    assert 'SYN filter is in use' in msg, msg
    flow(tp, 'ingress pattern end actions rss queues 0 1 end / end')
    etype, msg = refused(tp, 'ingress pattern end actions rss queues 2 3 end / end')
    assert 'RSS rule exists' in msg, msg


def test_flush_clears_every_filter(tp):
    flow(tp, 'ingress pattern eth / ipv4 / udp dst is 53 / end actions queue '
         'index 1 / end')
    flow(tp, 'ingress pattern eth type is 0x88b5 / end actions queue index 1 / end')
    flow(tp, 'ingress pattern eth / ipv4 / tcp flags spec 0x02 flags mask 0x02 '
         '/ end actions queue index 2 / end')
    tp.cmd('flow flush %d' % PORT)
    assert read_ntuple(tp.sim, 0) == (0,) * 6
    assert tp.sim.peek(PORT, ETQF) == 0 and tp.sim.peek(PORT, SYNQF) == 0
    assert tp.cmd('flow list %d' % PORT, check=False).strip() == ''
    # slots are free again
    for n in range(8):
        flow(tp, 'ingress pattern eth / ipv4 / udp dst is %d / end '
             'actions queue index 1 / end' % (3000 + n))


def test_rules_survive_device_reset_at_start(tp):
    """Rules made while the port is stopped are in the filters at once, and are
    put back after the reset that dev_start performs."""
    tp.cmd('port stop %d' % PORT)
    flow(tp, 'ingress pattern eth / ipv4 dst is 10.1.1.1 / tcp dst is 443 / end '
         'actions queue index 3 / end')
    flow(tp, 'ingress pattern eth type is 0x88b5 / end actions queue index 2 / end')
    flow(tp, 'ingress priority 1 pattern eth / ipv4 / tcp flags spec 0x02 flags '
         'mask 0x02 / end actions queue index 1 / end')
    resets = tp.sim.counters(PORT)['reset_count']
    tp.cmd('port start %d' % PORT)
    assert tp.sim.counters(PORT)['reset_count'] > resets, 'no reset at start'
    assert read_ntuple(tp.sim, 0) == ntuple_regs(3, 6, dst='10.1.1.1', dport=443)
    assert tp.sim.peek(PORT, ETQF) == \
        0x88B5 | (2 << 16) | ETQF_FILTER_ENABLE | ETQF_QUEUE_ENABLE
    assert tp.sim.peek(PORT, SYNQF) == SYNQF_QUEUE_ENABLE | (1 << 1)
    assert tp.sim.peek(PORT, RFCTL) & RFCTL_SYNQFP == 0


def test_etqf_and_syn_reach_queues_0_to_7(testpmd):
    """ETQF and SYNQF hold a 3-bit queue number; the 5-tuple filters 4 bits."""
    need_driver('igbx')
    tp = testpmd('igbx', args=['--rxq=16', '--txq=16', '--rxd=128', '--txd=128'])
    for rule in ('ingress pattern eth type is 0x88b5 / end actions queue index 9 / end',
                 'ingress pattern eth / ipv4 / tcp flags spec 0x02 flags mask 0x02 / '
                 'end actions queue index 8 / end'):
        etype, msg = refused(tp, rule)
        assert etype == 16 and '0..7' in msg, msg
    flow(tp, 'ingress pattern eth / ipv4 / udp dst is 7 / end actions queue index 15 / end')
    assert read_ntuple(tp.sim, 0) == ntuple_regs(15, 17, dport=7)


def test_close_flushes_rules(tp):
    flow(tp, 'ingress pattern eth type is 0x88b5 / end actions queue index 2 / end')
    tp.cmd('port stop %d' % PORT)
    tp.cmd('port close %d' % PORT)
    assert tp.sim.peek(PORT, ETQF) == 0


# ---- steering on the wire (needs the simulator's filters) --------------------



def rx_queue_of(tp, frame):
    tp.sim.inject(PORT, frame)
    pkt, = tp.wait_rx(frames.src_of(frame), port=PORT, timeout=5)
    return pkt.queue


@pytest.fixture
def rxonly(testpmd, driver):
    """Both drivers: the stock igb driver programs the same filters, so its
    runs referee the simulated device's steering."""
    tp = testpmd(driver, args=['--rxq=%d' % NB_RXQ, '--txq=%d' % NB_RXQ])
    tp.cmd('set fwd rxonly')
    tp.cmd('set verbose 1')
    tp.cmd('start')
    return tp


def port_mac(tp):
    return tp.port_info(PORT)['mac']


def steer_check(tp, rule_fmt, make_frame):
    """A frame's queue without the rule (RSS or queue 0), then with a rule that
    names another queue: the filter, not the hash, must place it."""
    base = rx_queue_of(tp, make_frame())
    target = (base + 1) % NB_RXQ
    flow(tp, rule_fmt % target)
    assert rx_queue_of(tp, make_frame()) == target
    return target


def test_ntuple_rule_steers(rxonly):
    tp = rxonly
    mac = port_mac(tp)
    target = steer_check(tp, 'ingress pattern eth / ipv4 dst is 10.0.0.2 / udp dst '
                         'is 5000 / end actions queue index %d / end',
                         lambda: frames.udp(mac, dport=5000))
    # another destination port is not the rule's: never forced to its queue
    others = {rx_queue_of(tp, frames.udp(mac, dport=5001, sport=1024 + n))
              for n in range(16)}
    assert others != {target}, others


def test_ntuple_priority_decides(tp):
    """The same 5-tuple match at three priorities (DTS rte_flow
    priority_attribute): each new rule, of a higher priority (lower number),
    takes the frame to its queue; the same match at the same priority again
    is refused (the lower filter index would always win). igbx only: stock
    takes no 5-tuple rule without an L4 item."""
    for line in ('set fwd rxonly', 'set verbose 1', 'start'):
        tp.cmd(line)
    mac = port_mac(tp)
    rule = ('priority %d ingress pattern eth / ipv4 dst is 10.0.0.2 / end '
            'actions queue index %d / end')
    for prio, queue in ((3, 1), (2, 2), (1, 3)):
        flow(tp, rule % (prio, queue))
        assert rx_queue_of(tp, frames.udp(mac, dport=5000)) == queue, prio
    etype, msg = refused(tp, rule % (2, 0))
    assert 'same match' in msg, msg


def ether_frame(mac, etype=0x88B5):
    src = frames.new_src()
    return frames.pad(bytes.fromhex(mac.replace(':', '')) +
                      bytes.fromhex(src.replace(':', '')) +
                      struct.pack('>H', etype) + b'x' * 46)


def test_ethertype_rule_steers(rxonly):
    tp = rxonly
    mac = port_mac(tp)
    steer_check(tp, 'ingress pattern eth type is 0x88b5 / end actions queue index '
                '%d / end', lambda: ether_frame(mac))


def syn_frame(mac):
    """A TCP SYN (no ACK), checksums valid."""
    pkt = Ether(dst=mac, src=frames.new_src()) / IP(src='10.0.0.1', dst='10.0.0.2') / \
        TCP(sport=1024, dport=8080, flags='S')
    return frames.pad(pkt)


def test_syn_rule_steers(rxonly):
    tp = rxonly
    mac = port_mac(tp)
    steer_check(tp, 'ingress pattern eth / ipv4 / tcp flags spec 0x02 flags mask '
                '0x02 / end actions queue index %d / end', lambda: syn_frame(mac))


def test_rss_rule_uses_only_its_queues(rxonly):
    tp = rxonly
    mac = port_mac(tp)
    flow(tp, 'ingress pattern end actions rss types ipv4-udp end queues 1 3 end / end')
    seen = set()
    for n in range(32):
        seen.add(rx_queue_of(tp, frames.udp(mac, sport=2000 + n)))
    assert seen == {1, 3}, seen


# ---- IEEE 1588 and restart through the ethdev API (ctypes under igbx-sim) ----

API_SCRIPT = textwrap.dedent(r'''
    import ctypes, json, os, socket, sys
    ports = [a.encode() for a in sys.argv[1:]]     # -a <bdf>[,devargs] -d <plugin>
    eal = ctypes.CDLL('librte_eal.so', mode=ctypes.RTLD_GLOBAL)
    eth = ctypes.CDLL('librte_ethdev.so', mode=ctypes.RTLD_GLOBAL)
    mbuf = ctypes.CDLL('librte_mbuf.so', mode=ctypes.RTLD_GLOBAL)
    args = [b'api', b'-l', b'0', b'-n', b'1', b'-m', b'128', b'--file-prefix',
            b'flowapi%d' % os.getpid()] + ports
    argv = (ctypes.c_char_p * len(args))(*args)
    assert eal.rte_eal_init(len(args), argv) >= 0, 'rte_eal_init'

    class TS(ctypes.Structure):
        _fields_ = [('tv_sec', ctypes.c_long), ('tv_nsec', ctypes.c_long)]

    def ctl(cmd):
        path = os.path.join(os.environ['IGBX_SIM_RUN_DIR'], 'ctl.sock')
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(path)
        s.sendall((cmd + '\n').encode())
        data = b''
        while not data.endswith(b'ok\n') and b'error' not in data:
            data += s.recv(4096)
        s.close()
        return data.decode().split('\n')[:-2]

    def peek(off):
        return int(ctl('peek 0 0x%x' % off)[0], 16)

    def poke(off, val):
        ctl('poke 0 0x%x 0x%x' % (off, val))

    out = {}
    def note(key, val):
        out[key] = val

    mbuf.rte_pktmbuf_pool_create.restype = ctypes.c_void_p
    mp = mbuf.rte_pktmbuf_pool_create(b'mp', 2047, 64, 0, 2176, 0)
    conf = ctypes.create_string_buffer(4096)
    assert eth.rte_eth_dev_configure(0, 1, 1, conf) == 0, 'configure'
    assert eth.rte_eth_rx_queue_setup(0, 0, 256, 0, None, ctypes.c_void_p(mp)) == 0
    assert eth.rte_eth_tx_queue_setup(0, 0, 256, 0, None) == 0
    assert eth.rte_eth_dev_start(0) == 0, 'start'

    # an ethertype rule through rte_flow_create (item ETH, action QUEUE)
    class Attr(ctypes.Structure):
        _fields_ = [('group', ctypes.c_uint32), ('priority', ctypes.c_uint32),
                    ('bits', ctypes.c_uint32)]
    class Item(ctypes.Structure):
        _fields_ = [('type', ctypes.c_int), ('spec', ctypes.c_void_p),
                    ('last', ctypes.c_void_p), ('mask', ctypes.c_void_p)]
    class Action(ctypes.Structure):
        _fields_ = [('type', ctypes.c_int), ('conf', ctypes.c_void_p)]
    class Err(ctypes.Structure):
        _fields_ = [('type', ctypes.c_int), ('cause', ctypes.c_void_p),
                    ('message', ctypes.c_char_p)]
    ITEM_ETH, ACTION_QUEUE = @ITEM_ETH@, @ACTION_QUEUE@
    spec = ctypes.create_string_buffer(24)
    mask = ctypes.create_string_buffer(24)
    spec[12], spec[13] = 0x88, 0xb5
    mask[12], mask[13] = 0xff, 0xff
    items = (Item * 2)(Item(ITEM_ETH, ctypes.addressof(spec), None,
                            ctypes.addressof(mask)), Item(0, None, None, None))
    qconf = ctypes.c_uint16(0)
    acts = (Action * 2)(Action(ACTION_QUEUE, ctypes.addressof(qconf)),
                        Action(0, None))
    attr = Attr(0, 0, 1)
    err = Err()
    eth.rte_flow_create.restype = ctypes.c_void_p
    rule = eth.rte_flow_create(0, ctypes.byref(attr), items, acts,
                               ctypes.byref(err))
    note('flow_created', bool(rule))
    note('etqf_created', peek(0x5cb0))
    assert eth.rte_eth_dev_stop(0) == 0
    resets = [l for l in ctl('counters 0') if l.startswith('reset_count')]
    assert eth.rte_eth_dev_start(0) == 0
    note('resets', [resets, [l for l in ctl('counters 0')
                             if l.startswith('reset_count')]])
    note('etqf_restarted', peek(0x5cb0))

    # IEEE 1588
    note('enable', eth.rte_eth_timesync_enable(0))
    note('ptp_regs', [peek(0xb620), peek(0xb614), peek(0xb608),
                      [peek(0x5cb0 + 4 * n) for n in range(8)]])
    ts = TS()
    note('rx_none', eth.rte_eth_timesync_read_rx_timestamp(0, ctypes.byref(ts), 0))
    # the clock as the register holds it: SYSTIM in 2^-16 ns
    poke(0xb604, 0)
    poke(0xb600, 5000 << 16)
    assert eth.rte_eth_timesync_read_time(0, ctypes.byref(ts)) == 0
    note('time_5000', [ts.tv_sec, ts.tv_nsec])
    note('adjust', eth.rte_eth_timesync_adjust_time(0, ctypes.c_int64(3 * 10**9)))
    eth.rte_eth_timesync_read_time(0, ctypes.byref(ts))
    note('time_adjusted', [ts.tv_sec, ts.tv_nsec])
    w = TS(100, 250)
    poke(0xb600, 0)
    note('write', eth.rte_eth_timesync_write_time(0, ctypes.byref(w)))
    poke(0xb600, 1000 << 16)
    eth.rte_eth_timesync_read_time(0, ctypes.byref(ts))
    note('time_written', [ts.tv_sec, ts.tv_nsec])
    # a latched RX stamp (TSYNCRXCTL.VALID) converts with the same epoch
    poke(0xb624, 2000 << 16)
    poke(0xb628, 0)
    poke(0xb620, peek(0xb620) | 1)
    note('rx', eth.rte_eth_timesync_read_rx_timestamp(0, ctypes.byref(ts), 0))
    note('rx_ts', [ts.tv_sec, ts.tv_nsec])
    poke(0xb618, 3000 << 16)
    poke(0xb61c, 0)
    poke(0xb614, peek(0xb614) | 1)
    note('tx', eth.rte_eth_timesync_read_tx_timestamp(0, ctypes.byref(ts)))
    note('tx_ts', [ts.tv_sec, ts.tv_nsec])
    bad = TS(1, 1000000000)
    note('write_bad', eth.rte_eth_timesync_write_time(0, ctypes.byref(bad)))
    note('disable', eth.rte_eth_timesync_disable(0))
    note('ptp_off', [peek(0xb620) & 0x10, peek(0xb614) & 0x10, peek(0xb608),
                     [peek(0x5cb0 + 4 * n) for n in range(8)]])
    eth.rte_eth_dev_stop(0)
    eth.rte_eth_dev_close(0)
    print('RESULT ' + json.dumps(out), flush=True)
    eal.rte_eal_cleanup()
''')


def enum_value(header, name):
    """Value of an enumerator in a DPDK header (counted from the enum start)."""
    text = open(header, encoding='utf-8').read()
    m = re.search(r'enum %s \{(.*?)\};' % re.escape(name.split(':')[0]), text, re.S)
    body = re.sub(r'/\*.*?\*/', '', m.group(1), flags=re.S)
    names = [x.strip().split('=')[0].strip() for x in body.split(',') if x.strip()]
    return names.index(name.split(':')[1])


@pytest.fixture(scope='module')
def api_result(tmp_path_factory):
    need_driver('igbx')
    hdr = '/usr/include/dpdk/rte_flow.h'
    script = tmp_path_factory.mktemp('flowapi') / 'flow_api.py'
    text = API_SCRIPT.replace('@ITEM_ETH@', str(enum_value(
        hdr, 'rte_flow_item_type:RTE_FLOW_ITEM_TYPE_ETH')))
    text = text.replace('@ACTION_QUEUE@', str(enum_value(
        hdr, 'rte_flow_action_type:RTE_FLOW_ACTION_TYPE_QUEUE')))
    script.write_text(text)
    log = igbxsim.LOG_DIR / 'test_flow_api.log'
    s = igbxsim.Sim([sys.executable, str(script)] + igbxsim.port_args('igbx', 1),
                    ports=2, log_path=log, name='flowapi')
    try:
        s.start()
        m = s.read_until(r'RESULT (\{.*\})\n', timeout=120)
        return json.loads(m.group(1))
    finally:
        s.close()


def test_api_rule_survives_dev_stop_start(api_result):
    r = api_result
    want = 0x88B5 | ETQF_FILTER_ENABLE | ETQF_QUEUE_ENABLE
    assert r['flow_created'] and r['etqf_created'] == want, r
    before, after = r['resets']
    assert before != after, 'dev_start did not reset the device: %s' % r['resets']
    assert r['etqf_restarted'] == want, r


def test_timesync_enable_programs_registers(api_result):
    r = api_result
    assert r['enable'] == 0
    rxctl, txctl, timinca, etqf = r['ptp_regs']
    assert rxctl & TSYNC_ENABLED and rxctl & 0xE == 0, hex(rxctl)  # L2 V2
    assert txctl & TSYNC_ENABLED, hex(txctl)
    # 82576: every 16 ns (INCPERIOD 1) add 16 ns in 2^-16 ns units
    assert timinca == (1 << 24) | (16 << 16), hex(timinca)
    ptp = [v for v in etqf if v & 0xFFFF == 0x88F7]
    assert ptp == [0x88F7 | ETQF_FILTER_ENABLE | ETQF_1588], [hex(v) for v in etqf]
    assert etqf[0] & 0xFFFF == 0x88B5, 'the flow rule lost its ETQF'


def ts_ns(ts):
    return ts[0] * 10**9 + ts[1]


# SYSTIM may run (a device clock) or stand still (registers only) in the simulator:
# values are checked to within the few control-socket round trips between steps.
CLOCK_SLACK_NS = 200 * 10**6


def near(ts, want_ns):
    return abs(ts_ns(ts) - want_ns) < CLOCK_SLACK_NS


def test_timesync_time_ops(api_result):
    """SYSTIM poked to known values: the driver reads it low word first, in
    2^-16 ns, and keeps adjust/write as an epoch that applies to stamps too."""
    r = api_result
    assert r['rx_none'] < 0, 'RX stamp reported without TSYNCRXCTL.VALID'
    assert near(r['time_5000'], 5000), r['time_5000']
    assert r['adjust'] == 0
    assert 0 <= ts_ns(r['time_adjusted']) - ts_ns(r['time_5000']) - 3 * 10**9 \
        < CLOCK_SLACK_NS, (r['time_5000'], r['time_adjusted'])
    assert r['write'] == 0 and near(r['time_written'], 100 * 10**9 + 1250), r
    assert r['rx'] == 0 and near(r['rx_ts'], 100 * 10**9 + 2250), r
    assert r['tx'] == 0 and near(r['tx_ts'], 100 * 10**9 + 3250), r
    # both stamps converted with one epoch: exactly the poked 1000 ns apart
    assert ts_ns(r['tx_ts']) - ts_ns(r['rx_ts']) == 1000, r
    assert r['write_bad'] < 0


def test_timesync_disable_clears(api_result):
    r = api_result
    assert r['disable'] == 0
    rx_en, tx_en, timinca, etqf = r['ptp_off']
    assert (rx_en, tx_en, timinca) == (0, 0, 0)
    assert not [v for v in etqf if v & 0xFFFF == 0x88F7]


def _mark_igbx_only():
    """Tests on the `tp` or `api_result` fixtures run igbx only: mark them."""
    import inspect
    for name, fn in list(globals().items()):
        if name.startswith('test_') and callable(fn):
            params = inspect.signature(fn).parameters
            if 'tp' in params or 'api_result' in params or 'testpmd' in params:
                globals()[name] = pytest.mark.igbx(fn)


_mark_igbx_only()
