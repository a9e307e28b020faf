# SPDX-License-Identifier: BSD-3-Clause
# test_offloads.py - RX/TX offloads seen from outside the driver: SCTP CRC32c
# flags, double VLAN (QinQ) tags, IEEE 1588 time stamps in the datapath.
"""Frames are injected into the simulated 82576 and what the application sees is
checked: testpmd's verbose rx records for SCTP and QinQ (both drivers: the stock
one referees the simulator), and for IEEE 1588 a Python ctypes program on the ethdev
API (Debian's testpmd has no ieee1588 engine, and the stock PMD is built without
RTE_LIBRTE_IEEE1588, so it sets no 1588 mbuf flags: igbx only).
"""
import json
import re
import struct
import sys
import textwrap

import pytest
from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Dot1Q, Ether
from scapy.layers.sctp import SCTP, SCTPChunkData
from scapy.packet import Raw

import frames
import igbxsim
from igbxsim import need_driver
from test_device import rxonly, send_and_sync

# SCTP common header right after a plain IPv4 header: the CRC32c is at +8.
SCTP_CRC_OFF = 14 + 20 + 8
# RTE_ETH_RX_OFFLOAD_{IPV4,UDP,TCP,SCTP}_CKSUM (rte_ethdev.h): testpmd's
# `port config rx_offload` has no sctp_cksum token, --rx-offloads takes the mask.
RX_CKSUM_ALL = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 17)


def sctp_frame(dst, size=80):
    """IPv4/SCTP with one DATA chunk; scapy fills in the CRC32c (RFC 3309)."""
    pkt = Ether(dst=dst, src=frames.new_src()) / IP(src='10.1.1.1', dst='10.2.2.2') / \
        SCTP(sport=2905, dport=2905, tag=0x1234) / SCTPChunkData(tsn=1, data=b'x' * 16)
    return frames.pad(pkt, size)


def bad_crc(frame):
    """The same frame with its CRC32c flipped in every byte (never valid)."""
    crc = bytes(x ^ 0x5a for x in frame[SCTP_CRC_OFF:SCTP_CRC_OFF + 4])
    return frame[:SCTP_CRC_OFF] + crc + frame[SCTP_CRC_OFF + 4:]


def rx_capabilities(tp, port=0):
    out = tp.cmd('show port %d rx_offload capabilities' % port, check=False)
    m = re.search(r'Rx Offloading Capabilities of port \d+ :\s*\n'
                  r'\s*Per Queue :(.*)\n\s*Per Port  :(.*)', out)
    assert m, out
    return set(m.group(1).split()) | set(m.group(2).split())


def test_sctp_rx_checksum(driver, testpmd):
    """igbx: SCTP_CKSUM offered, CRCOFL on, a good CRC32c flagged GOOD, a bad one
    BAD. The stock driver does not offer SCTP_CKSUM for the 82576."""
    if driver == 'stock':
        tp = testpmd(driver, args=['--enable-rx-cksum'])
        assert 'SCTP_CKSUM' not in rx_capabilities(tp)
        return
    tp = testpmd(driver, args=['--rx-offloads=0x%x' % RX_CKSUM_ALL])
    assert 'SCTP_CKSUM' in rx_capabilities(tp)
    assert tp.sim.peek(0, 0x5000) & (1 << 11), 'RXCSUM.CRCOFL clear'
    mac = tp.port_info(0)['mac']
    rxonly(tp)
    good = sctp_frame(mac)
    bad = bad_crc(sctp_frame(mac))
    got = send_and_sync(tp, 0, mac, [good, bad])
    for f, want in ((good, 'GOOD'), (bad, 'BAD')):
        pkts = got[frames.src_of(f)]
        assert len(pkts) == 1, 'SCTP frame (%s CRC) not delivered' % want
        assert 'RTE_MBUF_F_RX_L4_CKSUM_%s' % want in pkts[0].ol_flags, pkts[0].line
        assert 'RTE_MBUF_F_RX_IP_CKSUM_GOOD' in pkts[0].ol_flags, pkts[0].line
        assert 'L4_SCTP' in pkts[0].line.split('hw ptype:')[1].split(' - ')[0], pkts[0].line


def qinq_frame(dst, outer_tpid, outer, inner, size=80):
    """Ether / outer tag (outer_tpid) / 802.1Q inner tag / IPv4 / UDP."""
    pkt = Ether(dst=dst, src=frames.new_src(), type=outer_tpid) / Dot1Q(vlan=outer) / \
        Dot1Q(vlan=inner) / IP(src='10.0.0.1', dst='10.0.0.2') / UDP(sport=1, dport=2)
    return frames.pad(pkt, size)


# Registers for the stock driver's variant (82576 datasheet 8.2): it offers no
# VLAN_EXTEND for this chip, so the test sets double VLAN mode by hand.
REG_CTRL_EXT, CTRL_EXT_EXT_VLAN, REG_VET = 0x18, 1 << 26, 0x38


def enable_double_vlan(tp, driver, outer_tpid):
    if driver == 'igbx':
        tp.cmd('vlan set extend on 0')
        if outer_tpid != 0x8100:
            tp.cmd('vlan set outer tpid 0x%04x 0' % outer_tpid)
        return
    tp.sim.poke(0, REG_CTRL_EXT, tp.sim.peek(0, REG_CTRL_EXT) | CTRL_EXT_EXT_VLAN)
    tp.sim.poke(0, REG_VET, outer_tpid << 16 | 0x8100)


def outer_tci(pkt):
    m = re.search(r'VLAN tci outer=0x([0-9a-f]+)', pkt.line)
    return int(m.group(1), 16) if m else None


@pytest.mark.parametrize('outer_tpid', [0x8100, 0x88a8])
def test_qinq_rx_tags(driver, testpmd, outer_tpid):
    """Double VLAN mode (CTRL_EXT.EXT_VLAN, 82576 datasheet 7.4.5): the inner tag is
    stripped into the descriptor, the outer one stays in the frame (VEXT). igbx
    reports both (RX_QINQ, vlan_tci_outer); the stock driver, whose mode is set
    through the registers, only the inner one."""
    tp = testpmd(driver)
    mac = tp.port_info(0)['mac']
    rxonly(tp)
    enable_double_vlan(tp, driver, outer_tpid)
    # strip off: both tags stay in the frame, nothing is reported as stripped
    kept = qinq_frame(mac, outer_tpid, 10, 100)
    pkt, = send_and_sync(tp, 0, mac, [kept])[frames.src_of(kept)]
    assert (pkt.ethertype, pkt.length) == (outer_tpid, 80), pkt.line
    assert 'RTE_MBUF_F_RX_VLAN_STRIPPED' not in pkt.ol_flags, pkt.line
    tp.cmd('vlan set strip on 0')
    both = qinq_frame(mac, outer_tpid, 10, 100)
    pkt, = send_and_sync(tp, 0, mac, [both])[frames.src_of(both)]
    # 4 bytes shorter: the inner tag left; the outer tag still leads the frame
    assert (pkt.ethertype, pkt.length, pkt.vlan_tci) == (outer_tpid, 76, 100), pkt.line
    assert {'RTE_MBUF_F_RX_VLAN', 'RTE_MBUF_F_RX_VLAN_STRIPPED'} <= pkt.ol_flags, pkt.line
    assert 'RTE_MBUF_F_RX_QINQ_STRIPPED' not in pkt.ol_flags, pkt.line
    if driver == 'igbx':
        assert 'RTE_MBUF_F_RX_QINQ' in pkt.ol_flags, pkt.line
        assert outer_tci(pkt) == 10, pkt.line
    tp.cmd('stop', check=False)


def test_qinq_capabilities(driver, testpmd):
    """The 82576 strips and inserts only the inner tag: no QINQ_INSERT; igbx
    offers QINQ_STRIP by cutting the outer tag in software (scalar RX burst).
    VLAN_EXTEND: igbx offers it, the stock driver not for this chip."""
    tp = testpmd(driver)
    caps = rx_capabilities(tp)
    assert ('VLAN_EXTEND' in caps) == (driver == 'igbx'), caps
    assert ('QINQ_STRIP' in caps) == (driver == 'igbx'), caps
    out = tp.cmd('show port 0 tx_offload capabilities', check=False)
    assert 'QINQ_INSERT' not in out, out


# ---- IEEE 1588 through the ethdev API (ctypes under igbx-sim), igbx only ----

# rte_mbuf and rte_eth_fp_ops offsets of DPDK 22.11 (ABI 23) on x86_64
# (rte_mbuf_core.h, rte_ethdev_core.h): the bursts are inline functions,
# so the script calls the PMD through rte_eth_fp_ops[port].
PTP_SCRIPT = textwrap.dedent(r'''
    import ctypes, json, os, sys, time
    eal, eth, mbuf = (ctypes.CDLL('librte_%s.so' % lib, mode=ctypes.RTLD_GLOBAL)
                      for lib in ('eal', 'ethdev', 'mbuf'))
    # IEEE 1588 flags and TX stamps are the scalar bursts' (igbx.rst):
    # timesync is enabled after dev_start here, as testpmd's ieee1588 does
    eal_args = ['ptp', '-l', '0', '-n', '1', '-m', '128',
                '-a', '0000:00:10.0,rx_path=scalar,tx_path=scalar',
                '--file-prefix', 'ptpapi%d' % os.getpid(), '-d', sys.argv[1]]
    argv = (ctypes.c_char_p * len(eal_args))(*[a.encode() for a in eal_args])
    assert eal.rte_eal_init(len(eal_args), argv) >= 0, 'rte_eal_init'
    OL, PTYPE, PKT_LEN = 24, 32, 36      # ol_flags, packet_type, pkt_len
    F_TX_TMST = 1 << 51                  # RTE_MBUF_F_TX_IEEE1588_TMST

    class FpOps(ctypes.Structure):
        _fields_ = [('rx_burst', ctypes.c_void_p), ('rx_count', ctypes.c_void_p),
                    ('rx_status', ctypes.c_void_p), ('rxq_data', ctypes.c_void_p),
                    ('rxq_clbk', ctypes.c_void_p), ('res1', ctypes.c_void_p * 3),
                    ('tx_burst', ctypes.c_void_p), ('tx_prep', ctypes.c_void_p),
                    ('tx_status', ctypes.c_void_p), ('txq_data', ctypes.c_void_p),
                    ('txq_clbk', ctypes.c_void_p), ('res2', ctypes.c_void_p * 3)]
    assert ctypes.sizeof(FpOps) == 128
    BURST = ctypes.CFUNCTYPE(ctypes.c_uint16, ctypes.c_void_p,
                             ctypes.POINTER(ctypes.c_void_p), ctypes.c_uint16)

    class TS(ctypes.Structure):
        _fields_ = [('tv_sec', ctypes.c_long), ('tv_nsec', ctypes.c_long)]

    def u64(addr):
        return ctypes.c_uint64.from_address(addr)

    def burst(fn, qdata, pkts, n):
        q = ctypes.c_void_p.from_address(qdata).value
        return BURST(fn)(q, pkts, n)

    pool_create = mbuf.rte_pktmbuf_pool_create
    pool_create.restype = ctypes.c_void_p
    pool = ctypes.c_void_p(pool_create(b'ptp_pool', 1023, 32, 0, 2176, 0))
    dev_conf = ctypes.create_string_buffer(4096)    # a zeroed rte_eth_conf
    # one port, one queue each way, promiscuous (PTP goes to a group), 1588 on
    steps = (('configure', lambda: eth.rte_eth_dev_configure(0, 1, 1, dev_conf)),
             ('rx queue', lambda: eth.rte_eth_rx_queue_setup(0, 0, 128, 0, None, pool)),
             ('tx queue', lambda: eth.rte_eth_tx_queue_setup(0, 0, 128, 0, None)),
             ('start', lambda: eth.rte_eth_dev_start(0)),
             ('promiscuous', lambda: eth.rte_eth_promiscuous_enable(0)),
             ('timesync', lambda: eth.rte_eth_timesync_enable(0)))
    for name, step in steps:
        assert step() == 0, name
    fp = FpOps.in_dll(eth, 'rte_eth_fp_ops')
    out = {}
    print('READY', flush=True)
    sys.stdin.readline()    # the test injected the frames meanwhile
    pkts = (ctypes.c_void_p * 8)()
    got, deadline = [], time.monotonic() + 5
    while len(got) < 2 and time.monotonic() < deadline:
        n = burst(fp.rx_burst, fp.rxq_data, pkts, 8)
        got += [pkts[i] for i in range(n)]
    out['rx'] = [[u64(m + OL).value, ctypes.c_uint32.from_address(m + PTYPE).value,
                  ctypes.c_uint32.from_address(m + PKT_LEN).value] for m in got]
    ts = TS()
    out['rx_stamp'] = eth.rte_eth_timesync_read_rx_timestamp(0, ctypes.byref(ts), 0)
    out['tx_none'] = eth.rte_eth_timesync_read_tx_timestamp(0, ctypes.byref(ts))
    # send the PTP frame back out with a time stamp request
    if got:
        m = got[0]
        u64(m + OL).value = F_TX_TMST
        one = (ctypes.c_void_p * 1)(m)
        out['tx_sent'] = burst(fp.tx_burst, fp.txq_data, one, 1)
        out['tx_stamp'] = -1
        deadline = time.monotonic() + 3
        while out['tx_stamp'] != 0 and time.monotonic() < deadline:
            out['tx_stamp'] = eth.rte_eth_timesync_read_tx_timestamp(0, ctypes.byref(ts))
    eth.rte_eth_timesync_disable(0)
    eth.rte_eth_dev_stop(0)
    eth.rte_eth_dev_close(0)
    print('RESULT ' + json.dumps(out), flush=True)
    sys.stdin.readline()    # the device lives until the test read its capture
    eal.rte_eal_cleanup()
''')

F_RX_PTP, F_RX_TMST = 1 << 9, 1 << 10
PTYPE_L2_ETHER, PTYPE_L2_TIMESYNC = 0x1, 0x2
PTP_MCAST = '01:1b:19:00:00:00'


def ptp_sync_frame():
    """PTP v2 Sync over Ethernet (ethertype 0x88F7): messageType 0, version 2."""
    hdr = bytes([0x00, 0x02]) + struct.pack('>H', 44) + bytes(30)
    return frames.pad(Ether(dst=PTP_MCAST, src=frames.new_src(), type=0x88F7) /
                      Raw(hdr + bytes(10)), 60)


@pytest.fixture(scope='module')
def ptp_result(tmp_path_factory):
    need_driver('igbx')
    script = tmp_path_factory.mktemp('ptpapi') / 'ptp_api.py'
    script.write_text(PTP_SCRIPT)
    log = igbxsim.LOG_DIR / 'test_offloads_ptp.log'
    ptp = ptp_sync_frame()
    other = frames.udp(PTP_MCAST)
    s = igbxsim.Sim([sys.executable, str(script), str(igbxsim.IGBX_PLUGIN)], ports=2,
                    log_path=log, name='ptpapi')
    try:
        s.start()
        s.read_until(r'READY\n', timeout=120)
        s.capture(0)
        s.inject(0, ptp)
        s.inject(0, other)
        s.send('go')
        m = s.read_until(r'RESULT (\{.*\})\n', timeout=60)
        result = json.loads(m.group(1))
        result['sent'] = ptp
        result['captured'] = s.captured(0)
        s.send('done')
        return result
    finally:
        s.close()


@pytest.mark.igbx
def test_ieee1588_rx_flags(ptp_result):
    """The PTP frame matched the time sync ETQF and was stamped: PTP + TMST and
    packet type L2_ETHER_TIMESYNC; the UDP frame gets neither."""
    r = ptp_result
    assert len(r['rx']) == 2, r
    (ol0, pt0, len0), (ol1, pt1, _) = r['rx']
    assert ol0 & F_RX_PTP and ol0 & F_RX_TMST, hex(ol0)
    assert pt0 == PTYPE_L2_TIMESYNC and len0 == 60, (hex(pt0), len0)
    assert not ol1 & (F_RX_PTP | F_RX_TMST), hex(ol1)
    assert pt1 & 0xf == PTYPE_L2_ETHER, hex(pt1)
    assert r['rx_stamp'] == 0, 'no RX stamp latched for the flagged frame'


@pytest.mark.igbx
def test_ieee1588_tx_timestamp(ptp_result):
    """RTE_MBUF_F_TX_IEEE1588_TMST sets the descriptor's time stamp bit: the frame
    leaves on the wire and TXSTMP latches (read_tx_timestamp 0 only afterwards)."""
    r = ptp_result
    assert r['tx_none'] < 0, 'TX stamp valid before any stamped frame'
    assert r['tx_sent'] == 1, r
    assert r['tx_stamp'] == 0, 'no TX stamp latched: %s' % r
    assert r['sent'] in r['captured'], r['captured']
