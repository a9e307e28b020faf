# SPDX-License-Identifier: BSD-3-Clause
# test_sriov_igbx_offloads.py - net_igbx_vf's datapath on the simulated
# 82576's VFs (stock net_e1000_igb as PF host): the PF's scalar and vector
# bursts forced per VF by devarg, checksum flags, scatter/multi-segment,
# TSO and TX checksums, and the frame size asked of the PF with SET_LPE.
"""Frames go wire -> VF -> wire; what comes back out is compared byte for
byte with what went in (testpmd's macswap swaps the addresses only), and
testpmd's verbose output shows the mbuf flags the burst set."""
import re
import struct
from pathlib import Path

import pytest
from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw

import frames
import igbxsim
import sriov

pytestmark = pytest.mark.stock

VF_ADDRS = sriov.VF_ADDRS
BURST = {'scalar': 'Scalar', 'sse': 'Vector SSE', 'avx2': 'Vector AVX2'}
VMOLR0 = 0x5ad0                 # VM offload register of pool 0 (8.10)
VMOLR_LPE = 1 << 16
VMOLR_RLPML_MASK = 0x3fff
PEER = '02:00:00:00:99:01'      # a station on the wire


def cpu_has(flag):
    return re.search(r'(?m)^flags\s*:.*\b%s\b' % flag,
                     Path('/proc/cpuinfo').read_text()) is not None


def need_path(path):
    flag = {'sse': 'sse4_1', 'avx2': 'avx2'}.get(path)
    if flag and not cpu_has(flag):
        pytest.skip('this CPU lacks %s for the %s burst' % (flag, path))


def vf_args(devargs=''):
    return '%s -d %s' % (' '.join('-a %s%s' % (a, devargs) for a in VF_ADDRS),
                         igbxsim.IGBX_PLUGIN)


def new_sim(log_path, name, devargs, before, opts='', pf_opts='',
            pf_driver='stock'):
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    return sriov.vf_sim(log_path, name, 'sriovo', vf_args(devargs), before,
                        ['stop', 'port stop all', 'port close all'], opts,
                        pf_opts=pf_opts, pf_driver=pf_driver)


def rx_record(out, src):
    """(length, nb_segs, ol_flags) of the verbose record of the frame from
    src."""
    m = re.search(r'src=%s - dst=\S+ - pool=\S+ - type=0x[0-9a-f]+ - '
                  r'length=(\d+) - nb_segs=(\d+)[^\n]*\n\s*ol_flags: ([^\n]*)'
                  % src.upper(), out)
    assert m, out[-3000:]
    return int(m.group(1)), int(m.group(2)), set(m.group(3).split())


def swapped(f):
    return f[6:12] + f[0:6] + f[12:]


def bad_ip(f):
    return frames.corrupt16(f, frames.IP_CSUM_OFF)


def payload(n):
    return bytes((i * 7 + 3) & 0xff for i in range(n))


def through(sim, f):
    """Inject f to the wire of port 0; what port 0 sends back."""
    sim.inject(0, f)
    return sriov.wire_out(sim)


@pytest.mark.parametrize('path', ['scalar', 'sse', 'avx2'])
def test_vf_bursts_frames_and_flags(log_path, path):
    """Each burst forced by rx_path/tx_path: frames of 60..1514 bytes come
    back byte for byte, the RX checksum flags say good or bad as the frame
    is (the PF host turns the checks on: --enable-rx-cksum)."""
    need_path(path)
    sim = new_sim(log_path, 'sriov-vf-%s' % path,
                  ',rx_path=%s,tx_path=%s' % (path, path),
                  ['show rxq info 0 0', 'show txq info 0 0', 'set verbose 1',
                   'set portlist 0', 'set fwd macswap', 'start'],
                  pf_opts='--enable-rx-cksum')
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'testpmd> start', timeout=120)
        mac = sriov.rar_entry(sim, 23)[0]
        sim.capture(0)
        cases = [
            (frames.udp(mac), 'GOOD', 'GOOD'),
            (frames.udp(mac, size=100), 'GOOD', 'GOOD'),
            (frames.tcp(mac, size=1514), 'GOOD', 'GOOD'),
            (bad_ip(frames.udp(mac, size=300)), 'BAD', None),
            (frames.corrupt16(frames.udp(mac, size=200), frames.UDP_CSUM_OFF),
             'GOOD', 'BAD'),
            (frames.corrupt16(frames.tcp(mac, size=400), frames.TCP_CSUM_OFF),
             'GOOD', 'BAD'),
        ]
        sent = [through(sim, f) for f, _, _ in cases]
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    modes = re.findall(r'Burst mode: ([^\r\n]+)', vf_out)
    assert modes[:2] == [BURST[path], BURST[path]], modes
    # dev_info: two queue pairs, 9728-byte frames, and no RSS in this mode
    info = vf_out[vf_out.index('Infos for port 0'):]
    info = info[:info.index('testpmd>')]
    for want in ('No RSS offload flow type is supported.',
                 'Maximum configurable length of RX packet: 9728',
                 'Max possible RX queues: 2', 'Max possible TX queues: 2'):
        assert want in info, (want, info)
    for (f, ip, l4), out in zip(cases, sent):
        assert out == [swapped(f)], (path, len(f), out)
        length, segs, flags = rx_record(vf_out, frames.src_of(f))
        assert (length, segs) == (len(f), 1)
        assert 'RTE_MBUF_F_RX_IP_CKSUM_%s' % ip in flags, flags
        if l4:
            assert 'RTE_MBUF_F_RX_L4_CKSUM_%s' % l4 in flags, flags
    assert status == 0


@pytest.mark.parametrize('path', ['scalar', 'sse', 'avx2'])
def test_vf_scatter_rx_multiseg_tx(log_path, path):
    """Buffers of 1 KB: a 1514-byte frame arrives as a chain of two mbufs
    (scattered RX, the forced width's scattered burst) and goes back out as a
    chain (multi-segment TX, which only the scalar TX burst walks)."""
    need_path(path)
    sim = new_sim(log_path, 'sriov-vf-scatter-%s' % path,
                  ',rx_path=%s,tx_path=%s' % (path, path),
                  ['set verbose 1', 'set portlist 0', 'set fwd macswap',
                   'start', 'show rxq info 0 0', 'show txq info 0 0'],
                  '--mbuf-size=1152 --enable-scatter '
                  '--tx-offloads=0x8000')   # MULTI_SEGS
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'Burst mode(?s:.*?)Burst mode', timeout=120)
        mac = sriov.rar_entry(sim, 23)[0]
        sim.capture(0)
        big = frames.udp(mac, size=1514)
        small = frames.udp(mac, size=64)
        sent = [through(sim, f) for f in (big, small)]
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    modes = re.findall(r'Burst mode: ([^\r\n]+)', vf_out)
    assert modes[:2] == [BURST[path] + ' Scattered', 'Scalar'], modes
    assert sent == [[swapped(big)], [swapped(small)]]
    assert rx_record(vf_out, frames.src_of(big))[:2] == (1514, 2)
    assert rx_record(vf_out, frames.src_of(small))[:2] == (64, 1)
    assert status == 0


def check_ip(ip):
    hdr = bytes(ip)[:ip.ihl * 4]
    raw = IP(hdr)
    del raw.chksum
    assert IP(bytes(raw)).chksum == ip.chksum, ip.summary()


def l4_ok(ip):
    """The TCP/UDP checksum of ip as sent is what scapy computes."""
    l4 = ip.payload
    got = l4.chksum
    l4 = l4.copy()
    del l4.chksum
    again = IP(bytes(IP(src=ip.src, dst=ip.dst, proto=ip.proto) / l4))
    return again.payload.chksum == got


def test_vf_tso_and_tx_checksums(log_path):
    """testpmd's csum engine on the VFs (VF 0 receives, VF 1 sends to the
    wire): a TCP frame of 1460 payload bytes leaves as three TSO segments of
    500, 500 and 460 bytes, each with its own IP length, IP id, sequence
    number and checksums the device computed; a UDP frame whose IP and UDP
    checksums were wrong leaves with both computed right."""
    sim = new_sim(log_path, 'sriov-vf-tso', '',
                  ['port stop all', 'csum set ip hw 1', 'csum set udp hw 1',
                   'csum set tcp hw 1', 'tso set 500 1', 'port start all',
                   'set eth-peer 1 %s' % PEER, 'set fwd csum', 'start'])
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'testpmd> start', timeout=120)
        mac = sriov.rar_entry(sim, 23)[0]
        vf1 = sriov.rar_entry(sim, 22)[0]
        sim.capture(0)
        data = payload(1460)
        tcp = bytes(Ether(dst=mac, src=frames.new_src()) /
                    IP(src='10.0.0.1', dst='10.0.0.2', id=0x100) /
                    TCP(sport=1024, dport=80, seq=1000, flags='PA') /
                    Raw(data))
        out = []
        sim.inject(0, tcp)
        for _ in range(100):
            out += sim.captured(0)
            if len(out) >= 3:
                break
            sim.pump(0.1)
        udp = frames.corrupt16(bad_ip(frames.udp(mac, size=200)),
                               frames.UDP_CSUM_OFF)
        uout = through(sim, udp)
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    assert len(out) == 3, [len(f) for f in out]
    segs = [Ether(f) for f in out]
    got = b''
    for i, (e, n) in enumerate(zip(segs, (500, 500, 460))):
        assert (e.dst, e.src) == (PEER, vf1), e.summary()
        ip = e[IP]
        assert ip.len == 20 + 20 + n and len(bytes(ip.payload.payload)) == n
        assert ip.id == 0x100 + i, ip.id
        check_ip(ip)
        assert l4_ok(ip), e.summary()
        assert e[TCP].seq == 1000 + 500 * i
        # PSH only on the last segment (7.2.4.4)
        assert bool(e[TCP].flags & 0x08) == (i == 2), e[TCP].flags
        got += bytes(e[TCP].payload)
    assert got == data
    assert len(uout) == 1
    u = Ether(uout[0])
    check_ip(u[IP])
    assert l4_ok(u[IP]) and u[UDP].chksum != struct.unpack_from(
        '>H', udp, frames.UDP_CSUM_OFF)[0]
    assert bytes(u[UDP].payload) == udp[14 + 28:]
    assert status == 0


def vf_reset_sim(log_path, name, pf_opts):
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    args = '%s -d %s' % (sriov.allow(VF_ADDRS[:1]), igbxsim.IGBX_PLUGIN)
    return sriov.vf_sim(log_path, name, 'sriovj', args, (),
                        script=sriov.FIFO_SCRIPT, pf_opts=pf_opts)


def say(sim, who, *lines):
    with open(str(sim.run_dir / ('%s.in' % who)), 'w') as f:
        f.write(''.join(x + '\n' for x in lines))


def test_vf_jumbo_through_set_lpe(log_path):
    """The VF's MTU reaches the PF host as SET_LPE: the pool's VMOLR.RLPML
    holds MTU + 22 (header, FCS, a VLAN tag) with LPE set, 1522 at the
    default MTU and 3022 after `port config mtu 0 3000`; a 2500-byte frame,
    which the pool drops before, then comes back byte for byte. An MTU beyond the 82576's 9728-byte frame
    is refused (max_mtu 9706, one line naming it); 9706 itself reaches the
    pool as 9728."""
    sim = vf_reset_sim(log_path, 'sriov-vf-jumbo', '--max-pkt-len=9018')
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'testpmd> ', timeout=120)
        mac = sriov.rar_entry(sim, 23)[0]
        say(sim, 'vf', 'set fwd macswap', 'start', 'echo one')
        pos = sim.read_until(r'\bone\b', timeout=60).end()
        before = sim.peek(0, VMOLR0)
        # at the default MTU the pool takes 1522 bytes: 1514 comes back,
        # 2500 is the pool's to drop (VMOLR.RLPML, 7.10.3)
        sim.capture(0)
        big = frames.udp(mac, size=2500)
        small = frames.udp(mac, size=1514)
        first = through(sim, small)
        sim.inject(0, big)
        early = sriov.wire_out(sim, tries=30)
        say(sim, 'vf', 'stop', 'port stop 0', 'port config mtu 0 3000',
            'port start 0', 'set fwd macswap', 'start', 'echo two')
        pos = sim.read_until(r'\btwo\b', start=pos, timeout=60).end()
        after = sim.peek(0, VMOLR0)
        sim.captured(0)         # drop what came before
        sent = through(sim, big)
        say(sim, 'vf', 'stop', 'port stop 0', 'port config mtu 0 9707',
            'port config mtu 0 9706', 'echo three')
        sim.read_until(r'\bthree\b', start=pos, timeout=60)
        sim.pump(0.5)
        top = sim.peek(0, VMOLR0)
        say(sim, 'vf', 'quit')
        m = sim.read_until(r'vf exit status (\d+)', timeout=120)
        vf_out = sim.buf[:m.start()]
        status = sim.wait(90)
    finally:
        sim.close()

    assert before & VMOLR_LPE, hex(before)
    assert before & VMOLR_RLPML_MASK == 1522, hex(before)
    assert first == [swapped(small)], [len(f) for f in first]
    assert early == [], [len(f) for f in early]
    assert after & VMOLR_LPE and after & VMOLR_RLPML_MASK == 3022, hex(after)
    assert sent == [swapped(big)], [len(f) for f in sent]
    assert vf_out.count('MTU (9707) > device max MTU (9706)') == 1, \
        vf_out[-3000:]
    assert top & VMOLR_RLPML_MASK == 9728, hex(top)
    assert 'PF host refused SET_LPE' not in vf_out
    assert int(m.group(1)) == 0, vf_out[-3000:]
    assert status == 0


def test_vf_vlan_filter_and_strip(log_path):
    """VLAN 100 in the VF's filter (SET_VLAN), VLAN_STRIP on: the 82576
    strips per pool only on the PF's word (VMOLR.STRVLAN), so the scalar
    burst cuts the tag out (the chooser keeps a forced vector path off):
    the mbuf says VLAN stripped with TCI 100 and the frame goes back out
    untagged. The host is igbx: a tagged frame reaches a pool only through
    the VLAN's VLVF entry (7.10.3), which igbx's host keeps for SET_VLAN and
    the stock host does not (it sets VFTA only), so with the stock host the
    frame goes to the default pool, the PF's."""
    sim = new_sim(log_path, 'sriov-vf-vlan', ',rx_path=sse,tx_path=sse',
                  ['rx_vlan add 100 0', 'set verbose 1', 'set portlist 0',
                   'set fwd macswap', 'start', 'show rxq info 0 0'],
                  '--enable-hw-vlan-filter --enable-hw-vlan-strip',
                  pf_driver='igbx')
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'Burst mode', timeout=120)
        mac = sriov.rar_entry(sim, 23)[0]
        sim.capture(0)
        tagged = frames.udp(mac, size=128, vlan=100)
        sent = through(sim, tagged)
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    assert re.findall(r'Burst mode: ([^\r\n]+)', vf_out)[0] == 'Scalar'
    untagged = tagged[:12] + tagged[16:]
    assert sent == [swapped(untagged)], sent
    length, segs, flags = rx_record(vf_out, frames.src_of(tagged))
    assert (length, segs) == (len(untagged), 1)
    assert {'RTE_MBUF_F_RX_VLAN',
            'RTE_MBUF_F_RX_VLAN_STRIPPED'} <= flags, flags
    assert re.search(r'src=%s[^\n]*VLAN tci=0x64'
                     % frames.src_of(tagged).upper(), vf_out), vf_out[-3000:]
    assert status == 0


def test_vf_bad_devarg(log_path):
    """rx_path=bogus: the VF is not probed, one line names the devarg, its
    value and what is allowed; the other VF runs."""
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    args = '-a %s,rx_path=bogus -a %s -d %s' % (VF_ADDRS[0], VF_ADDRS[1],
                                               igbxsim.IGBX_PLUGIN)
    sim = sriov.vf_sim(log_path, 'sriov-vf-devarg', 'sriovd', args, [])
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'Infos for port 0(?s:.*?)Link duplex', timeout=120)
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_out.count('devarg rx_path=bogus: allowed auto, scalar, sse, '
                        'avx2') == 1, vf_out[-3000:]
    infos = sriov.port_infos(vf_out)
    assert sorted(infos) == [0], infos
    assert infos[0][1:3] == (VF_ADDRS[1], 'net_igbx_vf'), infos
    assert vf_status == 0, vf_out[-3000:]
    assert status == 0


def test_vf_tx_vlan_insert(log_path):
    """tx_vlan set: the VF's TX burst asks for the tag in the descriptor
    (VLE, the tag in the context descriptor), the frame leaves with 802.1Q
    VLAN 200 inserted after the addresses, the rest as received."""
    sim = new_sim(log_path, 'sriov-vf-vlan-insert', '',
                  ['rx_vlan add 200 0', 'port stop 0', 'tx_vlan set 0 200',
                   'port start 0', 'set portlist 0', 'set fwd macswap',
                   'start'], '--enable-hw-vlan-filter')
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'testpmd> start', timeout=120)
        mac = sriov.rar_entry(sim, 23)[0]
        sim.capture(0)
        f = frames.udp(mac, size=100)
        sent = through(sim, f)
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    s = swapped(f)
    assert sent == [s[:12] + bytes.fromhex('810000c8') + s[12:]], sent
    assert status == 0
