# SPDX-License-Identifier: BSD-3-Clause
# test_sim_filters.py - the simulated 82576's queue-assignment filters
# (ethertype, TCP SYN, 5-tuple: datasheet 7.1.2) and its IEEE 1588 unit.
"""Rules go in through testpmd's `flow create`; frames come in through
`igbx-sim ctl inject`; testpmd's verbose rxonly output tells the queue each
one reached. The stock driver referees the device; igbx's rte_flow support is
being written, so an igbx refusal of a rule is an expected failure.

IEEE 1588: Debian's dpdk-testpmd is built without RTE_LIBRTE_IEEE1588 (no
`set fwd ieee1588`), so this file is also a small ctypes DPDK application
(`--ptp-app`) that calls the ethdev timesync API of the driver under test."""
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'lib'))

import pytest  # noqa: E402
from scapy.layers.inet import IP, TCP  # noqa: E402
from scapy.layers.l2 import Ether  # noqa: E402
from scapy.packet import Raw  # noqa: E402

import frames  # noqa: E402
import igbxsim  # noqa: E402
from igbxsim import TestpmdError  # noqa: E402
from scenarios import idle  # noqa: E402

NB_RXQ = 4
RETA_SIZE = 128
PTP_MCAST = '01:1b:19:00:00:00'
ETH_P_1588 = 0x88f7

# 82576 registers (datasheet 8.10 filters, 8.17 time sync)
REG_ETQF3 = 0x5cbc
REG_IMIR = 0x5a80
REG_FTQF = 0x59e0
REG_RFCTL = 0x5008
RFCTL_SYNQFP = 1 << 19
FTQF_QUEUE_EN = 1 << 8
REG_TSYNCRXCTL = 0xb620
TSYNC_VALID = 1 << 0
ETQF_1588 = 1 << 30


# ---- helpers -------------------------------------------------------------
def start_rxonly(testpmd, driver, rules=()):
    """testpmd with 4 RX queues, the rules created, verbose rxonly."""
    tp = testpmd(driver, args=['--rxq=%d' % NB_RXQ, '--txq=%d' % NB_RXQ])
    for rule in rules:
        create_rule(tp, rule)
    for line in ('set fwd rxonly', 'set verbose 1', 'start'):
        tp.cmd(line)
    return tp


def create_rule(tp, rule):
    out = tp.cmd('flow create 0 ' + rule)
    assert re.search(r'Flow rule #\d+ created', out), out


def port_mac(tp, port=0):
    return tp.port_info(port)['mac']


def deliver(tp, frames_, port=0):
    """Inject frames, then a marker; once the marker is seen every earlier
    frame has been through the device (one port keeps their order).
    Returns the packet each frame became, by source MAC (None: dropped)."""
    for f in frames_:
        tp.sim.inject(port, f)
    marker = frames.udp(port_mac(tp, port))
    tp.sim.inject(port, marker)
    tp.wait_rx(frames.src_of(marker), port=port)
    idle(tp, 0.2)
    out = {}
    for f in frames_:
        got = tp.received(frames.src_of(f), port=port)
        assert len(got) <= 1, got
        out[frames.src_of(f)] = got[0] if got else None
    return out


def rss_queue(reta, pkt):
    """The queue RSS alone gives a packet (7.1.2.10: hash bits 6:0 -> RETA)."""
    assert pkt.rss_hash is not None, pkt.line
    return reta[pkt.rss_hash % RETA_SIZE]


def tcp_frame(dst, sport, flags, sip='10.0.0.1', dip='10.0.0.2', dport=80):
    return frames.pad(Ether(dst=dst, src=frames.new_src()) /
                      IP(src=sip, dst=dip) /
                      TCP(sport=sport, dport=dport, flags=flags))


def ptp_sync(dst=PTP_MCAST, version=2, msg=0, seq=0x1234):
    """A PTP (IEEE 1588-2008) message over Ethernet: 44-byte header+body."""
    body = bytearray(44)
    body[0] = msg
    body[1] = version
    body[2:4] = (44).to_bytes(2, 'big')
    body[20:30] = bytes(range(0x10, 0x1a))      # sourcePortIdentity
    body[30:32] = seq.to_bytes(2, 'big')
    return frames.pad(Ether(dst=dst, src=frames.new_src(), type=ETH_P_1588) /
                      Raw(bytes(body)))


# ---- ethertype filter ----------------------------------------------------
def test_ethertype_filter(driver, testpmd):
    tp = start_rxonly(testpmd, driver, [
        'ingress pattern eth type is 0x88f7 / end '
        'actions queue index 2 / end'])
    mac = port_mac(tp)
    hit = [bytes(Ether(dst=mac, src=frames.new_src(), type=ETH_P_1588) /
                 Raw(bytes(46))) for _ in range(3)]
    miss = [bytes(Ether(dst=mac, src=frames.new_src(), type=0x88b5) /
                  Raw(bytes(46))) for _ in range(3)]
    got = deliver(tp, hit + miss)
    for f in hit:
        assert got[frames.src_of(f)].queue == 2, got[frames.src_of(f)].line
    # not IP: no RSS hash, so the default queue (MRQC.DEF_Q = 0)
    for f in miss:
        assert got[frames.src_of(f)].queue == 0, got[frames.src_of(f)].line


# ---- TCP SYN filter ------------------------------------------------------
def test_syn_filter(driver, testpmd):
    tp = start_rxonly(testpmd, driver, [
        'ingress pattern eth / ipv4 / tcp flags spec 0x02 flags mask 0x02 / '
        'end actions queue index 3 / end'])
    mac = port_mac(tp)
    reta = tp.reta(0)
    syn = [tcp_frame(mac, 1000 + i, 'S') for i in range(8)]
    synack = [tcp_frame(mac, 2000 + i, 'SA') for i in range(4)]
    ack = [tcp_frame(mac, 1000 + i, 'A') for i in range(8)]
    got = deliver(tp, syn + synack + ack)
    overridden = 0
    for f in syn + synack:
        pkt = got[frames.src_of(f)]
        assert pkt.queue == 3, pkt.line
        overridden += rss_queue(reta, pkt) != 3
    # the filter, not RSS, put them there
    assert overridden, 'every SYN hashed to queue 3 anyway: no evidence'
    for f in ack:
        pkt = got[frames.src_of(f)]
        assert pkt.queue == rss_queue(reta, pkt), pkt.line


# ---- 5-tuple filter ------------------------------------------------------
def test_5tuple_filter(driver, testpmd):
    tp = start_rxonly(testpmd, driver, [
        'ingress pattern eth / ipv4 src is 10.1.1.1 dst is 10.2.2.2 / '
        'udp dst is 5000 / end actions queue index 1 / end'])
    mac = port_mac(tp)
    reta = tp.reta(0)
    hit = [frames.udp(mac, sip='10.1.1.1', dip='10.2.2.2', sport=3000 + i,
                      dport=5000) for i in range(8)]
    miss = [frames.udp(mac, sip='10.1.1.1', dip='10.2.2.2', dport=5001),
            frames.udp(mac, sip='10.1.1.9', dip='10.2.2.2', dport=5000),
            frames.udp(mac, sip='10.1.1.1', dip='10.2.2.9', dport=5000)]
    # byte order: 5000 = 0x1388, so port 0x8813 (34835) must not match
    miss.append(frames.udp(mac, sip='10.1.1.1', dip='10.2.2.2', dport=0x8813))
    got = deliver(tp, hit + miss)
    overridden = 0
    for f in hit:
        pkt = got[frames.src_of(f)]
        assert pkt.queue == 1, pkt.line
        overridden += rss_queue(reta, pkt) != 1
    assert overridden, 'every flow hashed to queue 1 anyway: no evidence'
    for f in miss:
        pkt = got[frames.src_of(f)]
        assert pkt.queue == rss_queue(reta, pkt), pkt.line


def test_5tuple_priority(driver, testpmd):
    """Two 5-tuple filters match: the one whose IMIR priority field is
    higher wins (datasheet: 111b highest). Which rule got which priority
    is read back from the device, so the check holds whatever mapping of
    rte_flow priorities a driver picks."""
    tp = start_rxonly(testpmd, driver, [
        'priority 1 ingress pattern eth / ipv4 dst is 10.0.0.2 / '
        'udp dst is 6000 / end actions queue index 1 / end',
        'priority 2 ingress pattern eth / ipv4 src is 10.5.5.5 / '
        'udp src is 4000 / end actions queue index 2 / end'])
    mac = port_mac(tp)
    filters = []
    for i in range(8):
        ftqf = tp.sim.peek(0, REG_FTQF + 4 * i)
        if ftqf & FTQF_QUEUE_EN:
            filters.append((tp.sim.peek(0, REG_IMIR + 4 * i) >> 29,
                            -i, (ftqf >> 16) & 0xf))
    assert len(filters) == 2, filters
    want = max(filters)[2]
    both = [frames.udp(mac, sip='10.5.5.5', dip='10.0.0.2', sport=4000,
                       dport=6000) for i in range(4)]
    got = deliver(tp, both)
    for f in both:
        assert got[frames.src_of(f)].queue == want, got[frames.src_of(f)].line


def test_syn_vs_5tuple_priority(driver, testpmd):
    """RFCTL.SYNQFP (bit 19): a SYN that also matches a 5-tuple filter goes
    to the SYN queue when the bit is set, to the 5-tuple queue when not. The
    bit is read back from the device (the stock driver sets it for rte_flow
    priority ~0, another driver may map priorities otherwise); the two rule
    sets must give both settings."""
    tuple_rule = ('ingress pattern eth / ipv4 dst is 10.0.0.2 / tcp dst is '
                  '80 / end actions queue index 1 / end')
    syn_rule = ('ingress pattern eth / ipv4 / tcp flags spec 0x02 '
                'flags mask 0x02 / end actions queue index 3 / end')
    seen = set()
    # stock: 0 low, ~0 high; igbx (rte_flow: lower is first): 0 high, 1 low
    for prio in ('', 'priority 1 ', 'priority 4294967295 '):
        tp = start_rxonly(testpmd, driver, [tuple_rule])
        try:
            tp.cmd('flow create 0 ' + prio + syn_rule)
        except TestpmdError:
            tp.quit()
            continue
        for line in ('set fwd rxonly', 'set verbose 1', 'start'):
            tp.cmd(line)
        synqfp = bool(tp.sim.peek(0, REG_RFCTL) & RFCTL_SYNQFP)
        seen.add(synqfp)
        want = 3 if synqfp else 1
        mac = port_mac(tp)
        syn = [tcp_frame(mac, 1500 + i, 'S') for i in range(4)]
        got = deliver(tp, syn)
        for f in syn:
            assert got[frames.src_of(f)].queue == want, \
                (synqfp, got[frames.src_of(f)].line)
        tp.quit()
    assert seen == {False, True}, 'SYNQFP was %s for both rule sets' % seen


# ---- IEEE 1588 -----------------------------------------------------------
# Debian's dpdk-testpmd is built without RTE_LIBRTE_IEEE1588: it has no
# `set fwd ieee1588` (and no register or timesync commands), so this file is
# also a small DPDK application (python ctypes over the installed libraries):
# run with --ptp-app it probes one port with the chosen driver and serves the
# ethdev timesync calls one command line at a time, as testpmd's ieee1588
# engine would make them.
TX_IEEE1588_TMST = 1 << 51          # RTE_MBUF_F_TX_IEEE1588_TMST
MBUF_OL_FLAGS_OFF = 24              # struct rte_mbuf: after addr, iova, rearm
FP_OPS_SIZE = 128                   # struct rte_eth_fp_ops: two cache lines
FP_RX_BURST, FP_RXQ_DATA, FP_TX_BURST, FP_TXQ_DATA = 0, 24, 64, 88


class PtpApp:
    """The ctypes side: EAL, one port with one queue pair, timesync on."""

    def __init__(self, eal_args):
        import ctypes
        self.ct = ctypes
        load = lambda n: ctypes.CDLL(n, mode=ctypes.RTLD_GLOBAL)  # noqa
        self.eal = load('librte_eal.so.23')
        self.mbuf = load('librte_mbuf.so.23')
        self.eth = load('librte_ethdev.so.23')
        argv = [b'ptp-app'] + [a.encode() for a in eal_args]
        arr = (ctypes.c_char_p * len(argv))(*argv)
        if self.eal.rte_eal_init(len(argv), arr) < 0:
            raise SystemExit('rte_eal_init failed')
        self.mbuf.rte_pktmbuf_pool_create.restype = ctypes.c_void_p
        self.pool = self.mbuf.rte_pktmbuf_pool_create(
            b'ptp_pool', 2047, 32, 0, 2048 + 128, -1)
        conf = ctypes.create_string_buffer(8192)     # rte_eth_conf, zeroed
        self.check('configure', self.eth.rte_eth_dev_configure(0, 1, 1, conf))
        self.check('rxq', self.eth.rte_eth_rx_queue_setup(
            0, 0, 512, 0, None, ctypes.c_void_p(self.pool)))
        self.check('txq', self.eth.rte_eth_tx_queue_setup(0, 0, 512, 0,
                                                          None))
        self.check('start', self.eth.rte_eth_dev_start(0))
        # as testpmd: promiscuous, so the PTP multicast group passes
        self.check('promisc', self.eth.rte_eth_promiscuous_enable(0))
        self.check('timesync', self.eth.rte_eth_timesync_enable(0))

    @staticmethod
    def check(what, rc):
        if rc < 0:
            raise SystemExit('%s failed: %d' % (what, rc))

    def timespec(self):
        class Timespec(self.ct.Structure):
            _fields_ = [('sec', self.ct.c_long), ('nsec', self.ct.c_long)]
        return Timespec()

    def read(self, fn, *extra):
        ts = self.timespec()
        rc = fn(0, self.ct.byref(ts), *extra)
        return rc, ts.sec * 10**9 + ts.nsec

    def burst(self, off_fn, off_q, mbufs, n):
        ct = self.ct
        base = ct.addressof(ct.c_char.in_dll(self.eth, 'rte_eth_fp_ops'))
        fn = ct.c_void_p.from_address(base + off_fn).value
        qdata = ct.c_void_p.from_address(base + off_q).value
        queue = ct.c_void_p.from_address(qdata).value
        proto = ct.CFUNCTYPE(ct.c_uint16, ct.c_void_p, ct.c_void_p,
                             ct.c_uint16)
        return proto(fn)(queue, mbufs, n)

    def forward(self):
        """Like testpmd's ieee1588 engine: one frame in, sent back with the
        1588 time stamp request."""
        mbufs = (self.ct.c_void_p * 1)()
        deadline = time.monotonic() + 5
        while self.burst(FP_RX_BURST, FP_RXQ_DATA, mbufs, 1) == 0:
            if time.monotonic() > deadline:
                return 0
            time.sleep(0.001)
        flags = self.ct.c_uint64.from_address(mbufs[0] + MBUF_OL_FLAGS_OFF)
        flags.value |= TX_IEEE1588_TMST
        return self.burst(FP_TX_BURST, FP_TXQ_DATA, mbufs, 1)

    def serve(self):
        eth = self.eth
        print('ptp-app ready', flush=True)
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            cmd, args = words[0], [int(w, 0) for w in words[1:]]
            if cmd == 'time':
                out = self.read(eth.rte_eth_timesync_read_time)
            elif cmd == 'rxts':
                out = self.read(eth.rte_eth_timesync_read_rx_timestamp, 0)
            elif cmd == 'txts':
                out = self.read(eth.rte_eth_timesync_read_tx_timestamp)
            elif cmd == 'adjust':
                out = (eth.rte_eth_timesync_adjust_time(
                    0, self.ct.c_int64(args[0])), 0)
            elif cmd == 'write':
                ts = self.timespec()
                ts.sec, ts.nsec = divmod(args[0], 10**9)
                out = (eth.rte_eth_timesync_write_time(0, self.ct.byref(ts)),
                       0)
            elif cmd == 'fwd':
                out = (self.forward(), 0)
            else:
                break
            print('%s rc=%d value=%d' % (cmd, out[0], out[1]), flush=True)
        eth.rte_eth_dev_stop(0)
        eth.rte_eth_dev_close(0)
        print('ptp-app done', flush=True)


class PtpClient:
    """The test side: the app under igbx-sim, one command at a time."""

    def __init__(self, sim_factory, driver):
        eal = ['-l', '0', '-n', '1', '-m', '256', '--file-prefix',
               'igbxptp%d' % os.getpid(), '-a', igbxsim.PCI_ADDRS[0]]
        if driver == 'igbx':
            # 1588 flags and TX stamps are the scalar bursts' (see igbx.rst);
            # timesync is enabled after dev_start, as testpmd's ieee1588 does
            eal[-1] += ',rx_path=scalar,tx_path=scalar'
        if driver == 'igbx':
            eal += ['-d', str(igbxsim.IGBX_PLUGIN)]
        self.sim = sim_factory([sys.executable, __file__, '--ptp-app'] + eal,
                               name='ptp-%s' % driver)
        self.sim.read_until(r'ptp-app ready|failed: -?\d+', timeout=90)
        if 'ptp-app ready' not in self.sim.buf:
            raise AssertionError(self.sim.buf[-2000:])

    def call(self, cmd):
        start = len(self.sim.buf)
        self.sim.send(cmd)
        word = cmd.split()[0]
        m = self.sim.read_until(r'%s rc=(-?\d+) value=(-?\d+)' % word,
                                start=start, timeout=30)
        return int(m.group(1)), int(m.group(2))

    def quit(self):
        self.sim.send('quit')
        self.sim.read_until('ptp-app done')
        return self.sim.wait(30)


def ptp_app_main(argv):
    PtpApp(argv).serve()


def test_1588_clock(driver, sim):
    """SYSTIM runs at the rate TIMINCA sets (the stock driver's 82576
    setting gives ns << 16); adjust and write act on the time read back."""
    app = PtpClient(sim, driver)
    rc, t0 = app.call('time')
    w0 = time.monotonic()
    assert rc == 0
    time.sleep(0.5)
    rc, t1 = app.call('time')
    w1 = time.monotonic()
    assert 0.45e9 < t1 - t0 < (w1 - w0 + 0.05) * 1e9, (t0, t1)
    assert app.call('write %d' % (1000 * 10**9))[0] == 0
    rc, t2 = app.call('time')
    assert 1000 * 10**9 <= t2 < 1001 * 10**9
    assert app.call('adjust %d' % -10**9)[0] == 0
    rc, t3 = app.call('time')
    assert t2 - 10**9 <= t3 < t2, (t2, t3)
    assert app.quit() == 0


def test_1588_rx_timestamp(driver, sim):
    """ETQF[3] with its 1588 bit (the driver's timesync_enable) makes PTP
    V2 Sync frames latch RXSTMP; the registers stay locked until read."""
    app = PtpClient(sim, driver)
    assert app.call('rxts')[0] < 0               # nothing latched yet
    app.sim.inject(0, frames.udp('ff:ff:ff:ff:ff:ff'))
    idle_sim(app.sim, 0.2)
    assert app.call('rxts')[0] < 0               # not PTP: not stamped
    # the driver's timesync_enable put the PTP ethertype on an ETQF
    assert any(app.sim.peek(0, REG_ETQF3 - 12 + 4 * i) & ETQF_1588
               for i in range(8))
    t_before = app.call('time')[1]
    app.sim.inject(0, ptp_sync())
    idle_sim(app.sim, 0.2)
    assert app.sim.peek(0, REG_TSYNCRXCTL) & TSYNC_VALID   # RXTT
    app.sim.inject(0, ptp_sync(seq=2))           # locked: not stamped
    rc, stamp = app.call('rxts')
    t_after = app.call('time')[1]
    assert rc == 0
    assert t_before <= stamp <= t_after - 0.15e9, (t_before, stamp, t_after)
    assert app.call('rxts')[0] < 0               # the read unlocked it
    app.sim.inject(0, ptp_sync(msg=1))           # Delay_Req: not selected
    idle_sim(app.sim, 0.2)
    assert app.call('rxts')[0] < 0
    app.sim.inject(0, ptp_sync(seq=3))
    idle_sim(app.sim, 0.2)
    rc, stamp2 = app.call('rxts')
    assert rc == 0 and stamp2 > stamp
    assert app.quit() == 0


# Neither driver asks for TX time stamps here: Debian builds librte_net_e1000
# without RTE_LIBRTE_IEEE1588, which is what makes igb_rxtx.c set the
# advanced data descriptor's 1588 bit (bit 19); igbx's TX path does not set
# it yet. The device side is covered by test_sim_qfilter (TXSTMP latch).
def test_1588_tx_timestamp(driver, sim, request):
    if driver == 'stock':
        # the referee cannot be asked: Debian builds it without IEEE1588
        request.node.add_marker(pytest.mark.xfail(
            reason='Debian built net_e1000_igb without RTE_LIBRTE_IEEE1588: '
                   'its TX path never sets the descriptor 1588 bit',
            strict=True))
    app = PtpClient(sim, driver)
    assert app.call('txts')[0] < 0
    app.sim.inject(0, ptp_sync())
    idle_sim(app.sim, 0.2)
    t_before = app.call('time')[1]
    assert app.call('fwd')[0] == 1               # sent back, stamp asked
    deadline = time.monotonic() + 3
    while True:
        rc, tx_stamp = app.call('txts')
        if rc == 0 or time.monotonic() > deadline:
            break
    assert rc == 0, 'no TX time stamp latched'
    assert tx_stamp >= t_before
    assert app.call('txts')[0] < 0               # TXSTMPH read unlocked
    assert app.quit() == 0


def idle_sim(s, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s.pump(0.05)


if __name__ == '__main__' and sys.argv[1:2] == ['--ptp-app']:
    ptp_app_main(sys.argv[2:])
