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

pytestmark = pytest.mark.stock

NB_VFS = 2
VF_ADDRS = ['0000:02:00.0', '0000:02:00.2']
REG_RAL16 = 0x54e0      # RAL[16..23], 8 bytes apart (8.10)
RAH_POOLSEL_SHIFT = 18

# $1 testpmd, $2 PF allow-list, $3 VF allow-list and plugin, $4 the VF
# process's commands until vf-quit, $5 those after it (before closing), $6
# more testpmd options of the VF process
SCRIPT = r'''
T="$1"; PF="$2"; VF="$3"; C1="$4"; C2="$5"; OPT="$6"
R="$IGBX_SIM_RUN_DIR"; quit="$R/sriov-quit"
mkfifo "$R/pf.in"
sleep 600 > "$R/pf.in" &
holder=$!
"$T" -l 0-1 -n 1 -m 256 --file-prefix sriovx-pf $PF -- -i \
	--total-num-mbufs=8192 < "$R/pf.in" > "$R/pf.out" 2>&1 &
pf=$!
i=0
while ! grep -q 'testpmd> ' "$R/pf.out" 2>/dev/null && kill -0 $pf 2>/dev/null \
	&& [ $i -lt 600 ]; do
	sleep 0.1; i=$((i + 1))
done
echo "pf ready"
{ printf 'show port info 0\nshow port info 1\n%s\n' "$C1"
  i=0
  while [ ! -e "$R/vf-quit" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
  printf '%s\n' "$C2"
  printf 'port stop all\nport close all\necho closed\ndump_mempool\nquit\n'; } | \
	"$T" -l 0-1 -n 1 -m 256 --file-prefix sriovx-vf $VF -- -i \
	--total-num-mbufs=8192 $OPT
echo "vf exit status $?"
i=0
while [ ! -e "$quit" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
kill $holder 2>/dev/null
wait $pf
echo "pf exit status $?"
sed 's/^/pf: /' "$R/pf.out"
'''

_INFO = re.compile(r'Infos for port (\d)\s+\*+\s+MAC address: ([0-9A-F:]{17})\s+'
                   r'Device name: (\S+)\s+Driver name: (\S+)(?s:.*?)'
                   r'Link status: (\w+)\s+Link speed: ([^\r\n]+)\s+'
                   r'Link duplex: (\S+)')


def allow(addrs):
    return ' '.join('-a %s' % a for a in addrs)


def rar_entry(sim, index):
    off = REG_RAL16 + 8 * (index - 16)
    ral, rah = sim.peek(0, off), sim.peek(0, off + 4)
    return igbxsim.mac_to_str(igbxsim.mac_from_rar(ral, rah)), rah


def vf_sim(log_path, name, before, after, opts=''):
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    vf_args = '%s -d %s' % (allow(VF_ADDRS), igbxsim.IGBX_PLUGIN)
    app = ['sh', '-c', SCRIPT, 'igbx-sriov-vf', igbxsim.TESTPMD_BIN,
           allow(igbxsim.PCI_ADDRS[:2]), vf_args, '\n'.join(before),
           '\n'.join(after), opts]
    return igbxsim.Sim(app, sim_args=['--vfs', '0:%d' % NB_VFS],
                       log_path=log_path, name=name)


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
        sent = []
        for _ in range(100):
            sent += sim.captured(0)
            if sent:
                break
            sim.pump(0.1)
        (sim.run_dir / 'vf-quit').touch()
        m = sim.read_until(r'vf exit status (\d+)', timeout=120)
        vf_status = int(m.group(1))
        vf_out = sim.buf[:m.start()]
        (sim.run_dir / 'sriov-quit').touch()
        status = sim.wait(90)
        out = sim.buf
    finally:
        sim.close()

    assert vf_status == 0, vf_out[-3000:]
    infos = {int(i.group(1)): i.groups()[1:] for i in _INFO.finditer(vf_out)}
    assert sorted(infos) == list(range(NB_VFS)), vf_out[-3000:]
    for vf in range(NB_VFS):
        mac, name, drv, link, speed, duplex = infos[vf]
        assert drv == 'net_igbx_vf'
        assert name == VF_ADDRS[vf]
        # the address the PF host assigned, answered to our RESET message
        rar_mac, rah = rars[vf]
        assert mac.lower() == rar_mac, (vf, mac, rar_mac)
        assert (rah >> RAH_POOLSEL_SHIFT) & 0xff == 1 << vf
        assert link == 'up'
        assert speed.startswith('1 Gbps')
        assert duplex == 'full-duplex'
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
        (sim.run_dir / 'vf-quit').touch()
        m = sim.read_until(r'vf exit status (\d+)', timeout=120)
        vf_out = sim.buf[:m.start()]
        wire = sim.captured(0)
        (sim.run_dir / 'sriov-quit').touch()
        status = sim.wait(90)
    finally:
        sim.close()

    assert int(m.group(1)) == 0, vf_out[-3000:]
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


# Both processes read their commands from fifos the test writes to.
# $1 testpmd, $2 PF allow-list, $3 VF allow-list and plugin
FIFO_SCRIPT = r'''
T="$1"; PF="$2"; VF="$3"
R="$IGBX_SIM_RUN_DIR"
mkfifo "$R/pf.in" "$R/vf.in"
sleep 600 > "$R/pf.in" &
pfhold=$!
sleep 600 > "$R/vf.in" &
vfhold=$!
"$T" -l 0-1 -n 1 -m 256 --file-prefix sriovr-pf $PF -- -i \
	--total-num-mbufs=8192 < "$R/pf.in" > "$R/pf.out" 2>&1 &
pf=$!
i=0
while ! grep -q 'testpmd> ' "$R/pf.out" 2>/dev/null && kill -0 $pf 2>/dev/null \
	&& [ $i -lt 600 ]; do
	sleep 0.1; i=$((i + 1))
done
echo "pf ready"
"$T" -l 0-1 -n 1 -m 256 --file-prefix sriovr-vf $VF -- -i \
	--total-num-mbufs=8192 < "$R/vf.in"
echo "vf exit status $?"
kill $vfhold $pfhold 2>/dev/null
wait $pf
echo "pf exit status $?"
sed 's/^/pf: /' "$R/pf.out"
'''


def test_igbx_vf_sees_pf_reset(log_path):
    """The stock PF restarts its port (CTRL.RST, then PFRSTD): the VF's
    watch sees RSTI/RSTD in its mailbox word and raises
    RTE_ETH_EVENT_INTR_RESET, once; before that it forwarded wire -> VF ->
    wire. (Recovering with rte_eth_dev_reset() is not covered: after its
    restart the stock PF host never takes the VF's RESET message.)"""
    igbxsim.need_driver('stock')
    igbxsim.need_driver('igbx')
    vf_args = '%s -d %s' % (allow(VF_ADDRS[:1]), igbxsim.IGBX_PLUGIN)
    app = ['sh', '-c', FIFO_SCRIPT, 'igbx-sriov-reset', igbxsim.TESTPMD_BIN,
           allow(igbxsim.PCI_ADDRS[:2]), vf_args]
    sim = igbxsim.Sim(app, sim_args=['--vfs', '0:%d' % NB_VFS],
                      log_path=log_path, name='sriov-igbx-vf-reset')

    def say(who, *lines):
        with open(str(sim.run_dir / ('%s.in' % who)), 'w') as f:
            f.write(''.join(x + '\n' for x in lines))

    try:
        sim.start()
        sim.read_until(r'pf ready', timeout=120)
        sim.read_until(r'testpmd> ', timeout=120)
        mac = rar_entry(sim, 23)[0]
        say('vf', 'set verbose 1', 'set fwd macswap', 'start',
            'echo fwd one')
        pos = sim.read_until(r'fwd one', timeout=60).end()
        sim.capture(0)
        f1 = frames.udp(mac)
        sim.inject(0, f1)
        sent = []
        for _ in range(100):
            sent += sim.captured(0)
            if sent:
                break
            sim.pump(0.1)
        quiet = 'Port 0: reset event' not in sim.buf
        say('pf', 'port stop 0', 'port start 0')
        ev = sim.read_until(r'Port 0: reset event', start=pos, timeout=60)
        sim.pump(1.0)           # ten more watch periods: no second event
        say('vf', 'stop', 'quit')
        m = sim.read_until(r'vf exit status (\d+)', timeout=120)
        vf_out = sim.buf[:m.start()]
        status = sim.wait(90)
    finally:
        sim.close()

    assert sent == [f1[6:12] + f1[0:6] + f1[12:]], sent
    assert quiet
    assert ev
    assert vf_out.count('Port 0: reset event') == 1, vf_out[-3000:]
    assert vf_out.count('PF reset, the port needs rte_eth_dev_reset()') == 1
    assert int(m.group(1)) == 0, vf_out[-3000:]
    assert status == 0
