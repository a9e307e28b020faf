# SPDX-License-Identifier: BSD-3-Clause
# scenarios.py - testpmd scenarios shared by the device tests and the igbx
# PMD tests: probe checks, io forwarding with counters, counter deltas.
import re
import time

LINK_WAIT = 10          # seconds for autonegotiation to report link up
FRAME_LEN = 64          # testpmd's txonly/tx_first frame (mbuf) length


def idle(tp, seconds):
    """Let time pass while still draining the application's output."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        tp.sim.pump(min(0.2, max(0.01, end - time.monotonic())))


def wait_link(tp, port, status='up'):
    """Poll `show port info` until the link reports status (or time out);
    returns the last port info."""
    deadline = time.monotonic() + LINK_WAIT
    while True:
        info = tp.port_info(port)
        if info['link_status'] == status or time.monotonic() > deadline:
            return info
        idle(tp, 0.3)


def wait_link_up(tp, port):
    return wait_link(tp, port, 'up')


def check_probe(tp):
    """Driver bound, MAC from the NVM, link up 1000 Mb/s full duplex."""
    macs = []
    for port in range(tp.nb_ports):
        info = wait_link_up(tp, port)
        assert info['driver'] == tp.driver_name, info
        nvm = tp.sim.nvm_mac(port)
        assert info['mac'] == nvm, 'port %d shows %s, NVM holds %s' % (
            port, info['mac'], nvm)
        rar, valid = tp.sim.rar_mac(port)
        assert (rar, valid) == (nvm, True), \
            'port %d RAL0/RAH0 hold %s (AV=%s), NVM %s' % (port, rar, valid,
                                                          nvm)
        first = int(nvm.split(':')[0], 16)
        assert first & 1 == 0 and nvm != '00:00:00:00:00:00', nvm
        assert info['link_status'] == 'up', info
        assert info['link_mbps'] == 1000, info
        assert info['link_duplex'] == 'full-duplex', info
        macs.append(nvm)
    assert len(set(macs)) == len(macs), 'ports share a MAC: %s' % macs
    return macs


def fwd_dropped(stop_output):
    """Sum of RX-dropped and TX-dropped in testpmd's `stop` statistics."""
    return sum(int(n) for n in
               re.findall(r'[RT]X-dropped:\s*(\d+)', stop_output))


def check_io_forwarding(tp, seconds=3, tx_first=True, min_packets=2000):
    """io forwarding between the wire pair 0 <-> 1 for a few seconds, then
    every port's RX equals its peer's TX minus what was in flight.

    In-flight bound: `start tx_first` sends one burst (packets/burst frames,
    32 by default) on each forwarding stream, and io forwarding only re-sends
    what it received, so no more than streams * burst frames exist at any
    time. A TX counter and the peer's RX counter can differ by the frames on
    their way when the counters were cleared (counted on one side only; a
    previous run's frames that `start` flushes) plus those on their way at
    `stop` (in a ring or the device's packet buffer): at most 2 bursts per
    stream.
    """
    tp.cmd('clear port stats all')
    out = tp.cmd('start tx_first' if tx_first else 'start')
    streams = int(re.search(r'streams=(\d+)', out).group(1))
    burst = int(re.search(r'packets/burst=(\d+)', out).group(1))
    inflight = 2 * streams * burst
    idle(tp, seconds)
    stop = tp.cmd('stop', check=False)
    idle(tp, 0.3)
    st = [tp.port_stats(p) for p in range(2)]
    for rx, tx in ((0, 1), (1, 0)):
        got, sent = st[rx]['rx_packets'], st[tx]['tx_packets']
        assert got >= min_packets, \
            'port %d received only %d packets in %ss: %s' % (rx, got,
                                                             seconds, st)
        assert abs(sent - got) <= inflight, \
            'port %d RX %d vs port %d TX %d (in flight <= %d): %s' % (
                rx, got, tx, sent, inflight, st)
    for p, s in enumerate(st):
        for key in ('rx_errors', 'rx_missed', 'rx_nombuf', 'tx_errors'):
            assert s[key] == 0, 'port %d %s=%d: %s' % (p, key, s[key], s)
    assert fwd_dropped(stop) == 0, stop
    return st


def port_stats_all(tp):
    """`show port stats` of every port, in port order."""
    return [tp.port_stats(p) for p in range(tp.nb_ports)]


def stats_delta(after, before):
    """Per port, what each counter of port_stats_all() gained."""
    return [{k: a[k] - b[k] for k in a} for a, b in zip(after, before)]


def check_byte_counters(st):
    """After check_io_forwarding: every frame was one of tx_first's 64-byte
    frames, and DPDK byte counters leave out the FCS (the stock driver
    subtracts it from GORC/GOTC)."""
    for p, s in enumerate(st):
        assert (s['rx_bytes'], s['tx_bytes']) == (
            FRAME_LEN * s['rx_packets'], FRAME_LEN * s['tx_packets']), \
            'port %d bytes are not %d per packet: %s' % (p, FRAME_LEN, s)


def close_and_quit(tp):
    """Stop and close every port, then quit: testpmd must exit with 0."""
    tp.cmd('port stop all')
    tp.cmd('port close all')
    assert tp.quit() == 0, 'testpmd exit status %s' % tp.sim.exitstatus
