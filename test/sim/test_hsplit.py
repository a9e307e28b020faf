# SPDX-License-Identifier: BSD-3-Clause
# test_hsplit.py - RX buffer split (RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT) on the
# simulated 82576's header split, driven by test/app/igbx_hsplit.c.
"""Frames sent in MAC loopback come back as two-segment chains: the header
mbuf from the first pool, the data mbuf from the second. Checked: the bytes of
each segment, pkt_len/data_len, the write-back (HDR_LEN, SPH, HBO, PKT_LEN)
as the driver's descriptor dump shows it, SRRCTL and PSRTYPE in the device,
both pools full again after stop. DPDK's stock igb does not offer buffer
split (it reports no BUFFER_SPLIT capability), so only igbx runs here; the
simulator's header split is refereed by the datasheet in
test/unit/test_sim_hsplit.c."""
import re

import frames
import igbxsim
import scenario_app
from test_device import rxonly, send_and_sync

APP = igbxsim.BUILD / 'test' / 'app' / 'igbx_hsplit'

REG_SRRCTL0 = 0x0C00C
REG_PSRTYPE0 = 0x05480
SRRCTL_DESCTYPE_SHIFT = 25
SRRCTL_BSIZEHDR_SHIFT = 8
DESCTYPE_SPLIT = 2
DESCTYPE_SPLIT_ALWAYS = 5
PSRTYPE_IPV4_TCP = 1 << 2
PSRTYPE_IPV4_UDP = 1 << 3
HDR_ROOM = 128                  # the header pool's bytes (igbx_hsplit.c)


def start(sim, scenario):
    igbxsim.need_driver('igbx')
    return scenario_app.start(sim, APP, 'igbxhs', 'igbx', scenario,
                              'hsplit-%s' % scenario)


at_pause = scenario_app.at_pause


def finish(run, scenario):
    return scenario_app.finish(run, scenario, timeout=120)


def result(text, what):
    return scenario_app.result(text, what, ints=True)


def write_backs(text):
    """The descriptors of the dump, in order: {hdr_len, sph, hbo, pkt_len,
    dd, eop} from the write-back format (7.1.5.2)."""
    body = text.split('DUMP BEGIN', 1)[1].split('DUMP END', 1)[0]
    out = []
    desc = r'(?m)^\s*\d+: 0x([0-9a-f]{16}) 0x([0-9a-f]{16})$'
    for w0, w1 in re.findall(desc, body):
        w0, w1 = int(w0, 16), int(w1, 16)
        out.append({'hdr_len': (w0 >> 21) & 0x3ff, 'sph': (w0 >> 31) & 1,
                    'hbo': (w1 >> 23) & 1, 'pkt_len': (w1 >> 32) & 0xffff,
                    'dd': w1 & 1, 'eop': (w1 >> 1) & 1})
    return out


def check_frames(out, what, expect):
    """expect: per frame (seg0, seg1, hdr_len, sph, hbo)."""
    summary = result(out, what)
    assert (summary['sent'], summary['received'], summary['bad']) == \
        (len(expect), len(expect), 0), summary
    wbs = write_backs(out)
    assert len(wbs) == len(expect), out[-3000:]
    for i, (seg0, seg1, hdr_len, sph, hbo) in enumerate(expect):
        f = result(out, '%s-%d' % (what, i))
        assert (f['nb_segs'], f['seg0'], f['seg1'], f['pkt_len']) == \
            (2, seg0, seg1, f['len']), (i, f)
        assert (f['pool0'], f['pool1'], f['match']) == (1, 1, 1), (i, f)
        wb = wbs[i]
        assert (wb['dd'], wb['eop'], wb['sph'], wb['hbo'], wb['pkt_len']) == \
            (1, 1, sph, hbo, seg1), (i, wb)
        if hdr_len is not None:
            assert wb['hdr_len'] == hdr_len, (i, wb)


def test_split_after_tcp(sim):
    """proto_hdr ETHER|IPV4|TCP: SRRCTL.DESCTYPE header split, BSIZEHEADER
    128, PSRTYPE IPv4/TCP. TCP headers of 54, 74 and 94 bytes land whole in
    the header segment and the payload in the data segment; a 134-byte header
    overflows (SPH and HBO, all in the data segment), UDP and non-IP frames
    are not split, a header-only frame leaves the data segment empty."""
    run = start(sim, 'proto')
    out = at_pause(run, 'proto')
    srrctl, psrtype = run.peek(0, REG_SRRCTL0), run.peek(0, REG_PSRTYPE0)
    run.send('go')
    out = finish(run, 'proto')

    capa = result(out, 'capa')
    assert (capa['split'], capa['max_nseg'], capa['multi_pools'],
            capa['offset_allowed']) == (1, 2, 1, 0), capa
    assert (srrctl >> SRRCTL_DESCTYPE_SHIFT) & 7 == DESCTYPE_SPLIT, hex(srrctl)
    assert (srrctl >> SRRCTL_BSIZEHDR_SHIFT) & 0xf == HDR_ROOM // 64, \
        hex(srrctl)
    assert psrtype == PSRTYPE_IPV4_TCP, hex(psrtype)
    check_frames(out, 'proto', [
        (54, 100, 54, 1, 0),
        (74, 300, 74, 1, 0),
        (94, 1000, 94, 1, 0),
        (0, 134 + 200, 134, 1, 1),
        (0, 42 + 200, None, 0, 0),
        (74, 0, 74, 1, 0),
        (0, 114, None, 0, 0),
    ])
    pools = result(out, 'proto-stopped')
    assert pools['hdr_avail'] == pools['hdr_size'], pools
    assert pools['data_avail'] == pools['data_size'], pools


def test_split_at_length(sim):
    """rx_seg[0].length 128: SRRCTL "split always" with no PSRTYPE layout,
    so every frame splits at 128 bytes; a frame of 128 bytes or less is all
    in the header segment (HDR_LEN its length, PKT_LEN 0)."""
    run = start(sim, 'length')
    at_pause(run, 'length')
    srrctl, psrtype = run.peek(0, REG_SRRCTL0), run.peek(0, REG_PSRTYPE0)
    run.send('go')
    out = finish(run, 'length')

    assert (srrctl >> SRRCTL_DESCTYPE_SHIFT) & 7 == DESCTYPE_SPLIT_ALWAYS, \
        hex(srrctl)
    assert (srrctl >> SRRCTL_BSIZEHDR_SHIFT) & 0xf == 2, hex(srrctl)
    assert psrtype == 0, hex(psrtype)
    check_frames(out, 'length', [
        (60, 0, 60, 0, 0),
        (128, 0, 128, 0, 0),
        (128, 1, 128, 0, 0),
        (128, 300 - 128, 128, 0, 0),
        (128, 1514 - 128, 128, 0, 0),
    ])
    pools = result(out, 'length-stopped')
    assert pools['hdr_avail'] == pools['hdr_size'], pools
    assert pools['data_avail'] == pools['data_size'], pools


def test_split_refill(sim):
    """9600 frames in 300 bursts through pools of 700 mbufs for a 512-entry
    ring: every frame comes back split at its own header length (54..94
    bytes) with the right bytes, no allocation failure, and both pools are
    full after stop."""
    run = start(sim, 'refill')
    out = finish(run, 'refill')
    r = result(out, 'refill')
    assert r['received'] == r['sent'] == 9600, r
    assert r['matched'] == r['split'] == 9600, r
    assert r['alloc_failed'] == 0, r
    assert r['ipackets'] == 9600, r
    pools = result(out, 'refill-stopped')
    assert pools['hdr_avail'] == pools['hdr_size'], pools
    assert pools['data_avail'] == pools['data_size'], pools


BAD = {
    # case: (what the log line names, by ethdev or by igbx)
    'nseg3': r'Rx segments 3 exceed supported 2',
    'nseg1': r'offload BUFFER_SPLIT with rx_nseg=1 invalid: allowed 2',
    # ethdev reads length 0 as "the whole buffer", which the headroom
    # leaves no room for: its own check refuses before igbx sees it
    'zero-length': r'hdr mbuf_data_room_size 256 < 384',
    'length-not-64': r'rx_seg\[0\]\.length=100 invalid: allowed 64\.\.960',
    'hdr-pool-small': r'rx_seg\[0\] mempool tiny_hdr buffer=32 bytes invalid',
    'no-offload': r'No Rx segmentation offload configured',
    'offload-no-seg':
        r'offload BUFFER_SPLIT with rx_nseg=0 invalid: allowed 2',
    'keep-crc': r'offload KEEP_CRC invalid with BUFFER_SPLIT',
    'proto-l3': r'Requested Rx split header protocols 0x\w+ is not supported',
    'psrtype-mismatch':
        r'split PSRTYPE=0x8 invalid: allowed the 0x4 of queue 0',
}


def test_split_bad_input(sim):
    """Invalid buffer split set-ups fail with a negative errno and one log
    line naming the parameter, its value and what is allowed; a valid set-up
    still starts afterwards and the pools are full after close."""
    run = start(sim, 'bad')
    out = finish(run, 'bad')
    for case, log in BAD.items():
        r = result(out, 'bad-%s' % case)
        assert r['ret'] < 0, (case, r)
        assert re.search(log, out), (case, log, out[-3000:])
    r = result(out, 'bad')
    assert r['accepted'] == 0, r
    assert r['tiny_avail'] == 511, r
    pools = result(out, 'bad-closed')
    assert pools['hdr_avail'] == pools['hdr_size'], pools
    assert pools['data_avail'] == pools['data_size'], pools


RX_OFFLOAD_BUFFER_SPLIT = 1 << 20


def test_testpmd_rxhdrs(testpmd):
    """testpmd --rxhdrs=ipv4-tcp with two mbuf sizes: the ports start with
    the header split burst, and TCP and UDP frames of several sizes arrive
    whole (length) as two-segment chains."""
    igbxsim.need_driver('igbx')
    tp = testpmd('igbx', args=['--rxhdrs=ipv4-tcp', '--mbuf-size=256,2176',
                               '--rx-offloads=0x%x' % RX_OFFLOAD_BUFFER_SPLIT])
    info = tp.cmd('show rxq info 0 0')
    assert re.search(r'Burst mode: Scalar Header Split', info), info
    srrctl = tp.sim.peek(0, REG_SRRCTL0)
    assert (srrctl >> SRRCTL_DESCTYPE_SHIFT) & 7 == DESCTYPE_SPLIT, hex(srrctl)
    assert tp.sim.peek(0, REG_PSRTYPE0) == PSRTYPE_IPV4_TCP
    mac = tp.port_info(0)['mac']
    rxonly(tp)
    sent = [frames.tcp(mac, size=n) for n in (60, 200, 1514)] + \
        [frames.udp(mac, size=300)]
    got = send_and_sync(tp, 0, mac, sent)
    for f in sent:
        pkts = got[frames.src_of(f)]
        assert len(pkts) == 1, frames.src_of(f)
        assert (pkts[0].length, pkts[0].nb_segs) == (len(f), 2), pkts[0].line


def test_testpmd_forwards_split_chains(testpmd):
    """io forwarding of split packets: the two-segment chains received on
    port 0 leave port 1 byte for byte (the transmit burst must walk chains,
    so a split port keeps the scalar transmit burst)."""
    igbxsim.need_driver('igbx')
    tp = testpmd('igbx', sim_args=['--wire', 'none'],
                 args=['--rxhdrs=ipv4-udp', '--mbuf-size=256,2176',
                       '--rx-offloads=0x%x' % RX_OFFLOAD_BUFFER_SPLIT])
    info = tp.cmd('show txq info 1 0')
    assert re.search(r'Burst mode: Scalar', info), info
    mac = tp.port_info(0)['mac']
    tp.cmd('set fwd io')
    tp.cmd('start')
    tp.sim.capture(1, True)
    sent = [frames.udp(mac, size=n) for n in (60, 128, 700, 1514)] + \
        [frames.tcp(mac, size=300)]
    for f in sent:
        tp.sim.inject(0, f)
    got = []
    for _ in range(50):
        tp.sim.pump(0.1)
        got += tp.sim.captured(1)
        if len(got) >= len(sent):
            break
    tp.cmd('stop')
    assert got == [bytes(f) for f in sent], [g.hex() for g in got]


def test_split_runtime_queue_setup(sim):
    """A stopped queue of the running port set up again with another
    protocol split: PSRTYPE follows (IPv4/TCP, then IPv4/UDP), UDP headers
    are split and TCP frames no longer; a queue without rx_seg on the split
    port is refused (-EINVAL); pools full after stop."""
    run = start(sim, 'runtime')
    at_pause(run, 'runtime-tcp')
    before = run.peek(0, REG_PSRTYPE0)
    run.send('go')
    at_pause(run, 'runtime-udp')
    after = run.peek(0, REG_PSRTYPE0)
    run.send('go')
    out = finish(run, 'runtime')
    assert (before, after) == (PSRTYPE_IPV4_TCP, PSRTYPE_IPV4_UDP), \
        (hex(before), hex(after))
    assert result(out, 'runtime-setup')['ret'] == 0
    check_frames(out, 'runtime', [
        (42, 200, 42, 1, 0),
        (0, 254, None, 0, 0),
    ])
    assert result(out, 'runtime-nosplit')['ret'] == -22
    # BUFFER_SPLIT is a port offload: every queue of the port must split
    assert re.search(r'offload BUFFER_SPLIT with rx_nseg=0 invalid', out)
    pools = result(out, 'runtime-stopped')
    assert pools['hdr_avail'] == pools['hdr_size'], pools
    assert pools['data_avail'] == pools['data_size'], pools
