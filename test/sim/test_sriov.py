# SPDX-License-Identifier: BSD-3-Clause
# test_sriov.py - SR-IOV virtual functions of the simulated 82576, refereed by
# DPDK's stock pair: net_e1000_igb as PF host in one process, net_e1000_igb_vf
# on the VFs in another.
"""`igbx-sim --vfs 0:2` gives port 0 two VFs (8086:10CA, 0000:02:00.0 and
0000:02:00.2). One shell started by the launcher runs the PF testpmd in the
background (both ports; stdin a fifo that stays open), then, once the PF
answers, a second testpmd on the two VFs that prints their port info and
receives (rxonly) until the test creates vf-quit: a frame for VF 1 from
the wire lands in the VF process's memory. The
stock PF host (igb_pf.c) sees sriov_numvfs, turns VMDq/SR-IOV on and answers
the VFs' RESET and SET_MAC_ADDR messages through the simulated mailbox: each
VF's MAC address is the one the PF put in its receive address register
(RAR[23 - vf], pool select bit vf), its link is the port's. The shell keeps
the PF running until the test creates the quit file, so the PF's registers
can be read through the control socket: while the VFs run, and after they
closed (the stock VF clears its address through the mailbox on close).
"""
import os

import pytest

import frames
import igbxsim
import sriov

pytestmark = pytest.mark.stock

NB_VFS = sriov.NB_VFS
VF_ADDRS = sriov.VF_ADDRS
PF_ADDR = igbxsim.PCI_ADDRS[0]
rar_entry = sriov.rar_entry

# Registers of the PF (82576 datasheet 8.10, 8.13).
RAH_POOLSEL_SHIFT = sriov.RAH_POOLSEL_SHIFT
REG_VT_CTL = 0x581c
VT_CTL_DEF_POOL_SHIFT = 7
VT_CTL_DEF_POOL_MASK = 0x7 << VT_CTL_DEF_POOL_SHIFT
REG_VFRE = 0x0c8c
REG_VFTE = 0x0c90
REG_CTRL_EXT = 0x0018
CTRL_EXT_PFRSTD = 1 << 14


def rar0_rah(sim):
    return sim.peek(0, igbxsim.REG_RAH0)


def read_link(path):
    return os.readlink(str(path))


def test_stock_vf_gets_mac_and_link_from_stock_pf(log_path):
    igbxsim.need_driver('stock')
    sim = sriov.vf_sim(log_path, 'sriov-stock', 'sriov',
                       sriov.allow(VF_ADDRS),
                       ['set verbose 1', 'set fwd rxonly', 'start'])
    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'Infos for port 1(?s:.*?)Link duplex', timeout=120)
        devs = sim.run_dir / 'sys' / 'bus' / 'pci' / 'devices'
        sysfs = {
            'numvfs': (devs / PF_ADDR / 'sriov_numvfs').read_text().strip(),
            'totalvfs': (devs / PF_ADDR / 'sriov_totalvfs').read_text().strip(),
            'virtfn': [read_link(devs / PF_ADDR / ('virtfn%d' % i))
                       for i in range(NB_VFS)],
            'physfn': [read_link(devs / a / 'physfn') for a in VF_ADDRS],
            'vf_ids': [((devs / a / 'vendor').read_text().strip(),
                        (devs / a / 'device').read_text().strip())
                       for a in VF_ADDRS],
            'port1_sriov': (devs / igbxsim.PCI_ADDRS[1] /
                            'sriov_numvfs').exists(),
        }
        rars = [rar_entry(sim, 23 - vf) for vf in range(NB_VFS)]
        # a frame for VF 1 from the wire reaches the VF's process: the
        # device, run by the PF's process, writes into the VF's hugepages
        vf1_mac = rars[1][0]
        f = frames.udp(vf1_mac)
        sim.read_until(r'testpmd> start', timeout=60)
        sim.inject(0, f)
        rx = sim.read_until(r'port (\d)/queue (\d): received 1 packets\s+'
                            r'src=%s - dst=%s' % (frames.src_of(f).upper(),
                                                   vf1_mac.upper()),
                            timeout=30)
        rx_port = int(rx.group(1))
        vt_ctl = sim.peek(0, REG_VT_CTL)
        vfre, vfte = sim.peek(0, REG_VFRE), sim.peek(0, REG_VFTE)
        ctrl_ext = sim.peek(0, REG_CTRL_EXT)
        vf_status, vf_out = sriov.stop_vf(sim)
        rars_closed = [rar_entry(sim, 23 - vf)[1] for vf in range(NB_VFS)]
        status = sriov.stop_pf(sim)
        out = sim.buf
    finally:
        sim.close()

    # the kernel's view of an SR-IOV device
    assert sysfs['numvfs'] == str(NB_VFS)
    assert sysfs['totalvfs'] == '8'
    assert sysfs['virtfn'] == ['../%s' % a for a in VF_ADDRS]
    assert sysfs['physfn'] == ['../%s' % PF_ADDR] * NB_VFS
    assert sysfs['vf_ids'] == [('0x8086', '0x10ca')] * NB_VFS
    assert not sysfs['port1_sriov']

    assert vf_status == 0, vf_out[-3000:]
    assert 'VF MAC address not assigned by Host PF' not in vf_out
    # each VF has the PF's random address for it, in its pool's RAR entry,
    # and the port's link
    infos = sriov.check_vf_ports(vf_out, rars, 'net_e1000_igb_vf')
    assert all(rah & igbxsim.RAH_AV for _, rah in rars), rars
    assert infos[0][0] != infos[1][0]
    assert rx_port == 1
    # closed, each VF asked the PF for a zero address: no longer valid
    assert [rah & igbxsim.RAH_AV for rah in rars_closed] == [0] * NB_VFS

    # the PF host saw the VFs: VMDq on with its own pool after the VFs',
    # the VFs' RX/TX enabled by their RESET messages, reset done signalled
    assert (vt_ctl & VT_CTL_DEF_POOL_MASK) >> VT_CTL_DEF_POOL_SHIFT == NB_VFS
    assert vfre & 0x3 == 0x3 and vfte & 0x3 == 0x3
    assert ctrl_ext & CTRL_EXT_PFRSTD
    assert status == 0, out[-3000:]


def test_stock_vf_frames_through_pools(testpmd):
    """PF and VF in one testpmd (the simulated device reaches only the
    hugepages of the process that runs it): frames for the VF's address go
    to its pool's queue, frames no address filter names to the default
    pool (the PF's); io forwarding from PF port 0 to the VF sends through
    the VF's queue to the wire."""
    igbxsim.need_driver('stock')
    tp = testpmd('stock', eal_args=['-a', VF_ADDRS[0]],
                 sim_args=sriov.SIM_ARGS)
    vf = tp.port_info(2)
    pf = tp.port_info(0)
    assert vf['driver'] == 'net_e1000_igb_vf'
    assert vf['link_status'] == 'up'
    rar_mac, rah = rar_entry(tp.sim, 23)
    assert vf['mac'] == rar_mac and rah & igbxsim.RAH_AV
    tp.cmd('set verbose 1')
    tp.cmd('set fwd rxonly')
    tp.cmd('start')
    # the PF's own address: where its RAH[0].POOLSEL points. The stock PF
    # programs pool 0 there (ethdev's default pool of rar_set), which is
    # VF 0's: the device then hands the PF's frames to VF 0.
    pools = (rar0_rah(tp.sim) >> RAH_POOLSEL_SHIFT) & 0xff
    assert pools
    pf_pool = (pools & -pools).bit_length() - 1
    pf_frames_port = 2 if pf_pool == 0 else 0
    to_vf = frames.udp(vf['mac'])
    to_pf = frames.udp(pf['mac'])
    stray = frames.udp('02:00:00:00:00:99')
    for f in (to_vf, to_pf, stray):
        tp.sim.inject(0, f)
    got_vf = tp.wait_rx(frames.src_of(to_vf), port=2)
    assert got_vf[0].dst == vf['mac']
    tp.wait_rx(frames.src_of(to_pf), port=pf_frames_port)
    # a unicast no filter names: VT_CTL's default pool, the PF's (testpmd
    # runs the PF promiscuous), never the VF
    tp.wait_rx(frames.src_of(stray), port=0)
    assert not tp.received(frames.src_of(to_vf), port=0)
    assert not tp.received(frames.src_of(stray), port=2)
    assert not tp.received(frames.src_of(to_pf), port=2 - pf_frames_port)
    tp.cmd('stop')

    # io forwarding PF port 0 -> VF: a frame for an address outside the
    # box comes in on the PF and leaves through the VF's queue to the wire
    # (VFTE); nothing of it is looped back (the switch knows no such pool)
    tp.cmd('set portlist 0,2')
    tp.cmd('set fwd io')
    tp.cmd('start')
    tp.sim.capture(0)
    b = frames.udp('02:00:00:00:00:98')
    tp.sim.inject(0, b)
    tp.wait_rx(frames.src_of(b), port=0)
    assert sriov.wire_out(tp.sim, tries=50) == [b]
    tp.cmd('stop')
    # the VF's statistics (VFGPRC/VFGPTC, read by the stock VF driver)
    # counted its pool's frames
    stats = tp.port_stats(2)
    assert stats['rx_packets'] == 1 + (pf_frames_port == 2), stats
    assert stats['tx_packets'] == 1, stats
    # octets with the FCS, as the port's GORC counts them
    assert stats['rx_bytes'] == (60 + 4) * stats['rx_packets'], stats


def test_stock_vf_to_vf_through_the_switch(testpmd):
    """VF 1 sends to VF 0's address: the stock PF enables DTXSWC's
    loopback, so the frames reach VF 0's pool without touching the wire,
    and both VFs' loopback counters move."""
    igbxsim.need_driver('stock')
    tp = testpmd('stock', eal_args=['-a', VF_ADDRS[0], '-a', VF_ADDRS[1]],
                 sim_args=sriov.SIM_ARGS)
    vf0, vf1 = tp.port_info(2), tp.port_info(3)
    assert vf0['driver'] == vf1['driver'] == 'net_e1000_igb_vf'
    assert tp.sim.peek(0, 0x3500) & (1 << 31)      # DTXSWC loopback on
    tp.sim.capture(0)
    tp.cmd('set portlist 3')
    tp.cmd('set fwd txonly')
    tp.cmd('set eth-peer 3 %s' % vf0['mac'])
    tp.cmd('start')
    deadline = 50
    while deadline and tp.port_stats(2)['rx_packets'] < 32:
        tp.sim.pump(0.1)
        deadline -= 1
    tp.cmd('stop')
    rx0, tx1 = tp.port_stats(2), tp.port_stats(3)
    assert rx0['rx_packets'] >= 32, rx0
    assert tx1['tx_packets'] >= rx0['rx_packets'], tx1
    wire = tp.sim.captured(0)
    assert not [f for f in wire
                if igbxsim.mac_to_str(f[:6]) == vf0['mac']], len(wire)
