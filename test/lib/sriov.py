# SPDX-License-Identifier: BSD-3-Clause
# sriov.py - what the SR-IOV system tests share: the two-process shell run
# (a PF testpmd in the background, a VF testpmd beside it), the VFs'
# addresses, the PF's RAR entries for them and testpmd's port info.
"""The simulated device reaches only the hugepages of the process that runs
it, and the launcher starts one application: a shell that starts both
testpmds. The PF process reads its commands from a fifo that stays open, so
it keeps running (and its registers stay readable through the control
socket) until the test lets it go."""
import re

import igbxsim

NB_VFS = 2
VF_ADDRS = ['0000:02:00.0', '0000:02:00.2']
SIM_ARGS = ['--vfs', '0:%d' % NB_VFS]

# Registers of the PF (82576 datasheet 8.10).
REG_RAL16 = 0x54e0      # RAL[16..23], 8 bytes apart
RAH_POOLSEL_SHIFT = 18

# Shell pieces. Both scripts take $1 testpmd, $2 PF allow-list, $3 VF
# allow-list (space separated -a args, and -d plugin), $4 file-prefix stem;
# $PFOPT (set by each script from its last argument) are more testpmd
# options of the PF process.
_PF_UP = r'''
T="$1"; PF="$2"; VF="$3"; P="$4"
R="$IGBX_SIM_RUN_DIR"
wait_file() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
}
mkfifo "$R/pf.in"
sleep 600 > "$R/pf.in" &
holder=$!
"$T" -l 0-1 -n 1 -m 256 --file-prefix "$P-pf" $PF -- -i \
	--total-num-mbufs=8192 $PFOPT < "$R/pf.in" > "$R/pf.out" 2>&1 &
pf=$!
i=0
while ! grep -q 'testpmd> ' "$R/pf.out" 2>/dev/null && kill -0 $pf 2>/dev/null \
	&& [ $i -lt 600 ]; do
	sleep 0.1; i=$((i + 1))
done
echo "pf ready"
'''

_PF_DOWN = r'''
kill $holder 2>/dev/null
wait $pf
echo "pf exit status $?"
sed 's/^/pf: /' "$R/pf.out"
'''

# $5 the VF process's commands after it printed its ports' info, until the
# test creates vf-quit; $6 those after vf-quit, before quit; $7 more testpmd
# options of the VF process; $8 the PF's. The PF then runs until sriov-quit.
SCRIPT = 'PFOPT="$8"\n' + _PF_UP + r'''
C1="$5"; C2="$6"; OPT="$7"
{ printf 'show port info 0\nshow port info 1\n%s\n' "$C1"
  wait_file "$R/vf-quit"
  [ -z "$C2" ] || printf '%s\n' "$C2"
  printf 'quit\n'; } | \
	"$T" -l 0-1 -n 1 -m 256 --file-prefix "$P-vf" $VF -- -i \
	--total-num-mbufs=8192 $OPT
echo "vf exit status $?"
wait_file "$R/sriov-quit"
''' + _PF_DOWN

# The VF process reads its commands from the fifo vf.in too; the PF stops
# when the VF process is gone. $5 more testpmd options of the PF.
FIFO_SCRIPT = r'''
PFOPT="$5"
R="$IGBX_SIM_RUN_DIR"
mkfifo "$R/vf.in"
sleep 600 > "$R/vf.in" &
vfhold=$!
''' + _PF_UP + r'''
"$T" -l 0-1 -n 1 -m 256 --file-prefix "$P-vf" $VF -- -i \
	--total-num-mbufs=8192 < "$R/vf.in"
echo "vf exit status $?"
kill $vfhold 2>/dev/null
''' + _PF_DOWN

# testpmd's `show port info`: port, MAC, device, driver, link status, speed,
# duplex
PORT_INFO = re.compile(r'Infos for port (\d)\s+\*+\s+MAC address: '
                       r'([0-9A-F:]{17})\s+Device name: (\S+)\s+'
                       r'Driver name: (\S+)(?s:.*?)'
                       r'Link status: (\w+)\s+Link speed: ([^\r\n]+)\s+'
                       r'Link duplex: (\S+)')


def allow(addrs):
    return ' '.join('-a %s' % a for a in addrs)


def port_infos(out):
    """{port: (mac, device, driver, link, speed, duplex)} of testpmd output."""
    return {int(m.group(1)): m.groups()[1:] for m in PORT_INFO.finditer(out)}


def rar_entry(sim, index):
    """MAC address of the PF's RAR[index] (16-23: at RAL16) and its RAH
    word."""
    off = REG_RAL16 + 8 * (index - 16)
    ral, rah = sim.peek(0, off), sim.peek(0, off + 4)
    return igbxsim.mac_to_str(igbxsim.mac_from_rar(ral, rah)), rah


def pf_allow(pf_driver='stock'):
    """The PF process's allow-list; with the plugin when igbx is the host."""
    args = allow(igbxsim.PCI_ADDRS[:2])
    if pf_driver == 'igbx':
        args += ' -d %s' % igbxsim.IGBX_PLUGIN
    return args


def vf_sim(log_path, name, prefix, vf_args, before, after=(), opts='',
           script=SCRIPT, pf_opts='', pf_driver='stock'):
    """A simulator whose port 0 has NB_VFS VFs, running `script` (SCRIPT
    takes `before`, `after` and `opts`; FIFO_SCRIPT none of them) with
    `pf_driver` as PF on both ports, started with testpmd options
    `pf_opts`."""
    app = ['sh', '-c', script, 'igbx-sriov', igbxsim.TESTPMD_BIN,
           pf_allow(pf_driver), vf_args, prefix]
    if script is SCRIPT:
        app += ['\n'.join(before), '\n'.join(after), opts]
    app.append(pf_opts)
    return igbxsim.Sim(app, sim_args=SIM_ARGS, log_path=log_path, name=name)


def stop_vf(sim, timeout=120):
    """Lets the VF process of SCRIPT quit: (its exit status, the output
    before it)."""
    (sim.run_dir / 'vf-quit').touch()
    m = sim.read_until(r'vf exit status (\d+)', timeout=timeout)
    return int(m.group(1)), sim.buf[:m.start()]


def stop_pf(sim, timeout=90):
    """Lets the PF process of SCRIPT quit: the simulator's exit status."""
    (sim.run_dir / 'sriov-quit').touch()
    return sim.wait(timeout)


def check_vf_ports(vf_out, rars, driver):
    """The VF process's `show port info`: each VF driven by `driver`, with
    the address the PF host put in the VF's pool's RAR entry (rars[vf]: from
    rar_entry()) and the port's link, which the pair wire brings up at 1 Gbps
    full duplex. Returns port_infos(vf_out)."""
    infos = port_infos(vf_out)
    assert sorted(infos) == list(range(NB_VFS)), vf_out[-3000:]
    for vf in range(NB_VFS):
        mac, name, drv, link, speed, duplex = infos[vf]
        assert drv == driver, (vf, drv)
        assert name == VF_ADDRS[vf], (vf, name)
        rar_mac, rah = rars[vf]
        assert mac.lower() == rar_mac, (vf, mac, rar_mac)
        assert (rah >> RAH_POOLSEL_SHIFT) & 0xff == 1 << vf, (vf, hex(rah))
        assert (link, duplex) == ('up', 'full-duplex'), (vf, link, duplex)
        assert speed.startswith('1 Gbps'), (vf, speed)
    return infos


def wire_out(sim, port=0, tries=100):
    """What `port` sent to the wire (capture on), once it sent anything;
    [] after `tries` pumps of 0.1 s."""
    sent = []
    for _ in range(tries):
        sent += sim.captured(port)
        if sent:
            break
        sim.pump(0.1)
    return sent
