# SPDX-License-Identifier: BSD-3-Clause
# test_multiprocess.py - multi-process: a DPDK secondary attaches to
# the ports a primary runs, reads stats and xstats, bursts on its own queue.
"""igbx_mp_primary and igbx_mp_secondary (test/app) in one igbx-sim run.

Both processes must share the run's private /var/run/dpdk and hugetlbfs, so
one shell started by the launcher runs them: the primary in the background,
the secondary once the primary's ready file exists. The simulator's device
belongs to the run's first attached process (the primary). The primary sets
up 2 ports x 2 queues with RSS and serves queue 0 (port 1 reflects frames to
port 0, which counts them); the secondary picks flows from the RSS key and
RETA it reads back, sends NB_FRAMES frames on port 0 queue 1 and receives
them on port 1 queue 1, then 8 frames that land on the primary's queue 0.
The shell keeps the primary running until the test creates the quit file,
so the simulator's wire counters can be read while the device still runs.
"""
import re

import pytest

import igbxsim

PRIMARY = igbxsim.BUILD / 'test' / 'app' / 'igbx_mp_primary'
SECONDARY = igbxsim.BUILD / 'test' / 'app' / 'igbx_mp_secondary'
NB_FRAMES = 32          # secondary: port 0 queue 1 -> port 1 queue 1
NB_TO_PRIMARY = 8       # secondary -> primary's queue 0 (igbx_mp_secondary.c)
FRAME_LEN = 128         # without FCS (igbx_mp_secondary.c)

# $1 primary, $2 secondary, $3 frames, then the EAL arguments both processes
# share (-a with igbx's devargs, -d).
SCRIPT = r'''
P="$1"; S="$2"; N="$3"; shift 3
ready="$IGBX_SIM_RUN_DIR/mp-ready"; quit="$IGBX_SIM_RUN_DIR/mp-quit"
"$P" -l 0 -n 1 -m 256 "$@" -- "$ready" &
p=$!
i=0
while [ ! -e "$ready" ] && kill -0 $p 2>/dev/null && [ $i -lt 600 ]; do
	sleep 0.1; i=$((i + 1))
done
"$S" --proc-type=secondary -l 1 -n 1 "$@" -- "$N"
s=$?
echo "secondary exit status $s"
i=0
while [ ! -e "$quit" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
kill -INT $p 2>/dev/null
wait $p
pr=$?
echo "primary exit status $pr"
[ $s -eq 0 ] && [ $pr -eq 0 ]
'''

_STATS = re.compile(r'(?m)^(primary|secondary) stats port (\d) ipackets (\d+) '
                    r'opackets (\d+) ibytes (\d+) obytes (\d+) ierrors (\d+)$')


def stats_lines(text):
    """{(process, port): (ipackets, opackets, ibytes, obytes, ierrors)}"""
    return {(m.group(1), int(m.group(2))): tuple(int(m.group(i))
                                                  for i in range(3, 8))
            for m in _STATS.finditer(text)}


@pytest.mark.parametrize('kdrv', ['uio_pci_generic', 'vfio-pci'])
def test_secondary_bursts_on_its_queue(driver, log_path, kdrv):
    for binary in (PRIMARY, SECONDARY):
        if not binary.exists():
            pytest.skip('%s not built' % binary)
    app = ['sh', '-c', SCRIPT, 'igbx-mp', PRIMARY, SECONDARY, NB_FRAMES] + \
        igbxsim.port_args(driver, 2)
    sim = igbxsim.Sim(app, log_path=log_path, name='mp-%s' % driver,
                      sim_args=['--kdrv', kdrv])
    try:
        sim.start()
        m = sim.read_until(r'secondary exit status (\d+)', timeout=120)
        sec_status = int(m.group(1))
        # the primary still runs the device: its wires' counters
        wires = [sim.counters(p) for p in (0, 1)]
        (sim.run_dir / 'mp-quit').touch()
        status = sim.wait(60)
        out = sim.buf
    finally:
        sim.close()

    name = igbxsim.DRIVER_NAMES[driver]
    for port in (0, 1):
        assert re.search(r'PASS: port %d driver %s: 2/2 queues configured, '
                         r'link up' % (port, name), out), out[-3000:]
    m = re.search(r'(?m)^(\d+) passed, (\d+) failed$', out)
    assert m and int(m.group(2)) == 0 and int(m.group(1)) > 0, \
        'secondary checks failed:\n%s' % '\n'.join(
            re.findall(r'(?m)^FAIL: .*$', out))
    assert sec_status == 0, out[-3000:]
    assert 'primary exit status 0' in out and status == 0, out[-3000:]

    # what the secondary read equals the primary's view after it
    stats = stats_lines(out)
    total = NB_FRAMES + NB_TO_PRIMARY
    want = {0: (NB_TO_PRIMARY, total, NB_TO_PRIMARY * FRAME_LEN,
                total * FRAME_LEN, 0),
            1: (total, NB_TO_PRIMARY, total * FRAME_LEN,
                NB_TO_PRIMARY * FRAME_LEN, 0)}
    for port in (0, 1):
        assert stats.get(('secondary', port)) == want[port], stats
        assert stats.get(('primary', port)) == want[port], stats
    assert ('primary reflected %d on port 1 queue 0, received %d on port 0 '
            'queue 0' % (NB_TO_PRIMARY, NB_TO_PRIMARY)) in out, out[-2000:]
    # and the device's wires saw exactly these frames
    assert wires[0]['wire_tx_frames'] == total, wires
    assert wires[1]['wire_rx_frames'] == total, wires
    assert wires[1]['wire_tx_frames'] == NB_TO_PRIMARY, wires
    assert wires[0]['wire_rx_frames'] == NB_TO_PRIMARY, wires
