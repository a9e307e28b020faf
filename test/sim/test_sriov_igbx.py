# SPDX-License-Identifier: BSD-3-Clause
# test_sriov_igbx.py - igbx's VF driver (net_igbx_vf) on the simulated
# 82576's virtual functions, with DPDK's stock net_e1000_igb as PF host.
"""The PF testpmd (stock driver, no igbx plugin) runs in the background of a
shell the launcher starts; once it answers, a second testpmd loads the igbx
plugin and drives the two VFs of port 0 (8086:10CA) with net_igbx_vf. The
VF process prints its ports' info, then forwards with macswap until the test
creates vf-quit: a frame for VF 0 from the wire must reach the VF's memory
and go back out to the wire with its addresses swapped. Before quitting,
the VF process prints its counters (VFGPRC/VFGPTC/VFGORC/VFGOTC), closes the
ports and dumps its mempool: every mbuf is back.
"""
import re

import pytest

import frames
import igbxsim
import sriov

pytestmark = pytest.mark.stock

NB_VFS = sriov.NB_VFS
VF_ADDRS = sriov.VF_ADDRS
RAH_POOLSEL_SHIFT = sriov.RAH_POOLSEL_SHIFT
rar_entry = sriov.rar_entry


def vf_sim(log_path, name, before, after, opts=''):
    """The VF process loads the igbx plugin; after `after` it closes the
    ports and dumps its mempool."""
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    vf_args = '%s -d %s' % (sriov.allow(VF_ADDRS), igbxsim.IGBX_PLUGIN)
    return sriov.vf_sim(log_path, name, 'sriovx', vf_args, before,
                        list(after) + ['port stop all', 'port close all',
                                       'echo closed', 'dump_mempool'], opts)


def test_igbx_vf_with_stock_pf(log_path):
    sim = vf_sim(log_path, 'sriov-igbx-vf',
                 ['set verbose 1', 'set portlist 0', 'set fwd macswap',
                  'start'],
                 ['stop', 'show port stats 0'])
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'Infos for port 1(?s:.*?)Link duplex', timeout=120)
        sim.read_until(r'testpmd> start', timeout=60)
        rars = [rar_entry(sim, 23 - vf) for vf in range(NB_VFS)]
        vf0_mac = rars[0][0]
        sim.capture(0)
        f = frames.udp(vf0_mac, size=100)
        sim.inject(0, f)
        sim.read_until(r'port 0/queue (\d): received 1 packets\s+'
                       r'src=%s - dst=%s' % (frames.src_of(f).upper(),
                                              vf0_mac.upper()), timeout=30)
        sent = sriov.wire_out(sim)
        vf_status, vf_out = sriov.stop_vf(sim)
        status = sriov.stop_pf(sim)
        out = sim.buf
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    # the address the PF host assigned, answered to our RESET message
    sriov.check_vf_ports(vf_out, rars, 'net_igbx_vf')
    # wire -> VF 0 -> wire, macswap'ed, every other byte as sent
    assert sent == [f[6:12] + f[0:6] + f[12:]], sent
    # VF counters: one frame each way; octets with the FCS
    st = re.search(r'NIC statistics for port 0(?s:.*?)RX-packets: (\d+)\s+'
                   r'RX-missed: \d+\s+RX-bytes:\s+(\d+)(?s:.*?)'
                   r'TX-packets: (\d+)\s+TX-errors: \d+\s+TX-bytes:\s+(\d+)',
                   vf_out)
    assert st, vf_out[-3000:]
    assert [int(x) for x in st.groups()] == [1, 104, 1, 104], st.groups()
    # closed: every mbuf back in the pool
    dump = vf_out[vf_out.index('closed'):]
    size = re.search(r'\n\s*size=(\d+)', dump)
    cached = re.search(r'total_cache_count=(\d+)', dump)
    common = re.search(r'common_pool_count=(\d+)', dump)
    assert size and cached and common, dump[-2000:]
    assert int(cached.group(1)) + int(common.group(1)) == int(size.group(1)) \
        == 8192, dump[-2000:]
    assert status == 0, out[-3000:]


def test_igbx_vf_mac_multicast_and_vf_to_vf(log_path):
    """Through the mailbox: VF 0 asks for its own address (SET_MAC_ADDR)
    a multicast group (SET_MULTICAST: the PF sets the group's MTA bit) and
    VLANs (SET_VLAN: the PF's VFTA); bad input is refused with a log line. VF 1 then sends to VF 0's
    new address: the stock PF enables DTXSWC's loopback, so the frames land
    in VF 0's pool and never reach the wire."""
    new_mac = '02:00:00:00:00:10'
    group = '01:00:5e:00:00:05'     # MTA hash 0x050: MTA[2] bit 16 (MO=0)
    sim = vf_sim(log_path, 'sriov-igbx-vf-mbx',
                 ['mac_addr set 0 %s' % new_mac,
                  'mcast_addr add 0 %s' % group] +
                 ['mcast_addr add 0 01:00:5e:00:01:%02x' % i
                  for i in range(1, 31)] +
                 ['rx_vlan add 100 0', 'rx_vlan add 200 0', 'rx_vlan rm 200 0',
                  'echo mbx done',
                  'set portlist 1', 'set fwd txonly',
                  'set eth-peer 1 %s' % new_mac, 'start'],
                 ['stop', 'show port stats 0', 'show port stats 1'],
                 '--enable-hw-vlan-filter')
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'mbx done', timeout=120)
        sim.capture(0)
        sim.read_until(r'testpmd> start', timeout=60)
        rar = rar_entry(sim, 23)
        mta2 = sim.peek(0, 0x5200 + 4 * 2)
        # VFTA (0x5600): VLAN 100 is word 3 bit 4, VLAN 200 word 6 bit 8
        vfta = [sim.peek(0, 0x5600 + 4 * i) for i in (3, 6)]
        for _ in range(20):
            sim.pump(0.1)
        vf_status, vf_out = sriov.stop_vf(sim)
        wire = sim.captured(0)
        status = sriov.stop_pf(sim)
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    assert rar[0] == new_mac and rar[1] & igbxsim.RAH_AV, rar
    assert (rar[1] >> RAH_POOLSEL_SHIFT) & 0xff == 1
    assert mta2 & (1 << 16), hex(mta2)
    # SET_VLAN: 100 added, 200 added and removed again
    assert vfta[0] & (1 << 4) and not vfta[1] & (1 << 8), vfta
    # the 31st group does not fit in one SET_MULTICAST message: refused,
    # with the parameter, its value and what is allowed
    assert 'nb_mc_addr=31 invalid: allowed 0..30' in vf_out, vf_out[-3000:]
    assert 'nb_mc_addr=30 invalid' not in vf_out
    stats = re.findall(r'NIC statistics for port (\d)(?s:.*?)RX-packets: (\d+)'
                       r'(?s:.*?)TX-packets: (\d+)', vf_out)
    got = {int(p): (int(rx), int(tx)) for p, rx, tx in stats}
    assert got[0][0] >= 32, got
    assert got[1][1] >= got[0][0], got
    assert not [f for f in wire if igbxsim.mac_to_str(f[:6]) == new_mac]
    assert status == 0


REG_RCTL = 0x0100
RCTL_EN = 1 << 1
REG_VFRE = 0x0c8c


def wait_reg(sim, off, mask, want, tries=100):
    """Pump until (register & mask) == want; the last value read."""
    for _ in range(tries):
        v = sim.peek(0, off)
        if v & mask == want:
            break
        sim.pump(0.1)
    return v


def test_igbx_vf_recovers_from_pf_reset(log_path):
    """The stock PF restarts its port under traffic (port stop: CTRL.RST,
    then PFRSTD; port start): the VF's watch sees RSTI/RSTD in its mailbox
    word and raises RTE_ETH_EVENT_INTR_RESET, once. While the PF is stopped
    its pool is off (VFRE) and the stock host serves no mailbox (its
    interrupts are off until it starts again): a frame for the VF is
    dropped and rte_eth_dev_reset() fails with a log line. Once the PF is
    up, rte_eth_dev_reset() redoes the RESET handshake, the PF enables the
    pool again and frames flow wire -> VF -> wire as before."""
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    vf_args = '%s -d %s' % (sriov.allow(VF_ADDRS[:1]), igbxsim.IGBX_PLUGIN)
    sim = sriov.vf_sim(log_path, 'sriov-igbx-vf-reset', 'sriovr', vf_args,
                       (), script=sriov.FIFO_SCRIPT)

    def say(who, *lines):
        with open(str(sim.run_dir / ('%s.in' % who)), 'w') as f:
            f.write(''.join(x + '\n' for x in lines))

    def burst(n):
        fs = [frames.udp(mac, size=64 + 10 * i) for i in range(n)]
        out = []
        for f in fs:
            sim.inject(0, f)
        for _ in range(100):
            out += sim.captured(0)
            if len(out) >= n:
                break
            sim.pump(0.1)
        return fs, out

    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'testpmd> ', timeout=120)
        mac = rar_entry(sim, 23)[0]
        say('vf', 'set fwd macswap', 'start', 'echo fwd one')
        pos = sim.read_until(r'fwd one', timeout=60).end()
        sim.capture(0)
        before, out1 = burst(8)
        quiet = 'Port 0: reset event' not in sim.buf
        say('pf', 'port stop 0')
        sim.read_until(r'Port 0: reset event', start=pos, timeout=60)
        rctl_stopped = wait_reg(sim, REG_RCTL, RCTL_EN, 0)
        vfre_stopped = sim.peek(0, REG_VFRE)
        sim.inject(0, frames.udp(mac))
        dropped = sriov.wire_out(sim, tries=10)
        say('vf', 'stop', 'port stop 0', 'port reset 0', 'echo reset one')
        pos = sim.read_until(r'reset one', start=pos, timeout=60).end()
        say('pf', 'port start 0')
        rctl = wait_reg(sim, REG_RCTL, RCTL_EN, RCTL_EN)
        sim.pump(0.5)
        say('vf', 'port reset 0', 'port start 0', 'start', 'echo fwd two')
        pos = sim.read_until(r'fwd two', start=pos, timeout=60).end()
        vfre = wait_reg(sim, REG_VFRE, 1, 1)
        after, out2 = burst(8)
        sim.pump(1.0)           # ten more watch periods: no second event
        say('vf', 'stop', 'quit')
        m = sim.read_until(r'vf exit status (\d+)', timeout=120)
        vf_out = sim.buf[:m.start()]
        status = sim.wait(90)
    finally:
        sim.close()

    assert quiet
    assert sorted(out1) == sorted(swapped(f) for f in before), len(out1)
    assert not rctl_stopped & RCTL_EN, hex(rctl_stopped)
    assert not vfre_stopped & 1, 'the PF reset left the pool on'
    assert dropped == [], dropped
    # while the PF is stopped: no answer to RESET, one line, an errno
    assert vf_out.count('no answer to RESET from the PF') == 1, vf_out[-3000:]
    assert re.search(r'Failed to reset port 0\. diag=-\d+', vf_out), \
        vf_out[-3000:]
    assert rctl & RCTL_EN and vfre & 1, (hex(rctl), hex(vfre))
    assert sorted(out2) == sorted(swapped(f) for f in after), len(out2)
    assert vf_out.count('Port 0: reset event') == 1, vf_out[-3000:]
    assert vf_out.count('PF reset, the port needs rte_eth_dev_reset()') == 1
    assert int(m.group(1)) == 0, vf_out[-3000:]
    assert status == 0


def swapped(f):
    return f[6:12] + f[0:6] + f[12:]
