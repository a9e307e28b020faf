# SPDX-License-Identifier: BSD-3-Clause
# igbxsim.py - drives the simulated 82576 from tests: the igbx-sim launcher
# (Sim, with its ctl.sock protocol) and an interactive dpdk-testpmd (Testpmd).
"""Helpers for system tests on the simulated 82576.

Sim runs ``igbx-sim --ports N --run-dir DIR -- APP...`` under pexpect, keeps
everything the application prints in one buffer (and a log file per test),
and speaks the control-socket line protocol. Testpmd wraps an interactive
dpdk-testpmd on top of a Sim and parses what it prints.
"""

import os
import re
import shlex
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pexpect

REPO = Path(__file__).resolve().parents[2]
BUILD = Path(os.environ.get('IGBX_BUILD', REPO / 'build'))
SIM_BIN = BUILD / 'app' / 'igbx-sim' / 'igbx-sim'
IGBX_PLUGIN = BUILD / 'drivers' / 'net' / 'igbx' / 'librte_net_igbx.so'
TESTPMD_BIN = shutil.which('dpdk-testpmd') or '/usr/bin/dpdk-testpmd'
LOG_DIR = Path(os.environ.get('IGBX_TEST_LOGS', BUILD / 'test-logs'))
# A command prefix every simulator run goes through: the version matrix
# (test/versions) sets `buildtools/in-root.sh ROOT -b BUILD --` so that the
# same tests run igbx-sim and the applications inside the Debian root of
# another DPDK release, against the build made there (IGBX_BUILD).
RUNNER = shlex.split(os.environ.get('IGBX_RUNNER', ''))

DRIVER_NAMES = {'stock': 'net_e1000_igb', 'igbx': 'net_igbx'}
PCI_ADDRS = ['0000:00:10.%d' % i for i in range(8)]

# IGBX_TEST_PATH=scalar|sse|avx2 forces igbx's RX and TX bursts on
# every igbx port the suite starts (rx_path/tx_path devargs), so that the
# vector bursts run the whole suite; unset (or auto): the driver chooses.
TEST_PATHS = ('scalar', 'sse', 'avx2')


def _forced_path():
    path = os.environ.get('IGBX_TEST_PATH', '').strip().lower()
    if path in ('', 'auto'):
        return None
    if path not in TEST_PATHS:
        raise ValueError('IGBX_TEST_PATH=%s: allowed auto, %s' %
                         (path, ', '.join(TEST_PATHS)))
    return path


FORCED_PATH = _forced_path()


def igbx_devargs(driver='igbx'):
    """Devargs suffix of an igbx port under IGBX_TEST_PATH=P:
    ',rx_path=P,tx_path=P'; '' when unset or for the stock driver. Tests
    that choose their own rx_path/tx_path do not call this (a key given twice
    is not an error to kvargs: the last one would silently win)."""
    if driver != 'igbx' or FORCED_PATH is None:
        return ''
    return ',rx_path=%s,tx_path=%s' % (FORCED_PATH, FORCED_PATH)


def allow_args(driver, ports=2):
    """EAL `-a <bdf>[,devargs]` for ports 0..ports-1 of the simulator."""
    args = []
    for p in range(ports):
        args += ['-a', PCI_ADDRS[p] + igbx_devargs(driver)]
    return args


def port_args(driver, ports=2):
    """allow_args, then `-d <plugin>` for igbx: the EAL options that put
    `ports` simulated ports under `driver`."""
    args = allow_args(driver, ports)
    if driver == 'igbx':
        args += ['-d', str(IGBX_PLUGIN)]
    return args


# Register offsets the tests peek at (82576 datasheet, section 8).
REG_RAL0 = 0x5400
REG_RAH0 = 0x5404
RAH_AV = 1 << 31


class CtlError(Exception):
    """The simulator answered `error ...` to a control command."""


def mac_to_str(mac):
    return ':'.join('%02x' % b for b in mac)


def mac_from_str(text):
    return bytes(int(x, 16) for x in text.split(':'))


def mac_from_rar(ral, rah):
    """RAL holds bytes 0-3 (byte 0 lowest), RAH bits 15:0 bytes 4-5."""
    return struct.pack('<IH', ral, rah & 0xffff)


class Sim:
    """One igbx-sim run: the launcher, its application, its control socket."""

    def __init__(self, app, ports=2, wire=None, sim_args=(), log_path=None,
                 name='sim'):
        self.app = [str(a) for a in app]
        self.ports = ports
        self.wire = wire
        self.sim_args = [str(a) for a in sim_args]
        self.name = name
        self.base = Path(tempfile.mkdtemp(prefix='igbx-%s-' % name))
        self.run_dir = self.base / 'run'
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        self.log_path = Path(log_path) if log_path else LOG_DIR / (
            '%s.log' % name)
        self.log = open(self.log_path, 'a', encoding='utf-8',
                        errors='replace')
        self.child = None
        self.buf = ''
        self.exitstatus = None

    # ---- process ---------------------------------------------------------
    def command(self):
        cmd = [str(SIM_BIN), '--ports', str(self.ports),
               '--run-dir', str(self.run_dir)]
        if self.wire:
            cmd += ['--wire', self.wire]
        return RUNNER + cmd + self.sim_args + ['--'] + self.app

    def start(self):
        if not SIM_BIN.exists():
            raise FileNotFoundError('%s not built (ninja -C %s)' %
                                    (SIM_BIN, BUILD))
        cmd = self.command()
        self.note('start: ' + ' '.join(cmd))
        env = dict(os.environ, TERM='dumb')
        self.child = pexpect.spawn(cmd[0], cmd[1:], env=env, encoding='utf-8',
                                   codec_errors='replace', timeout=30,
                                   maxread=65536, echo=False,
                                   dimensions=(50, 250))
        return self

    def note(self, text):
        """A line of our own in the log, so the log reads as a transcript."""
        self.log.write('\n### %s %s\n' % (time.strftime('%H:%M:%S'), text))
        self.log.flush()

    def alive(self):
        return self.child is not None and self.child.isalive()

    def pump(self, timeout=0.1):
        """Read what the application printed (up to timeout). False at EOF."""
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return True
        except pexpect.EOF:
            return False
        data = data.replace('\r', '')
        self.buf += data
        self.log.write(data)
        self.log.flush()
        return True

    def read_until(self, pattern, start=0, timeout=30):
        """Wait until regex pattern appears in buf[start:]; returns the match
        (positions are absolute in buf)."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            m = rx.search(self.buf, start)
            if m:
                return m
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError('%s: no %r within %ss; last output:\n%s' %
                                   (self.name, pattern, timeout,
                                    self.buf[-2000:]))
            if not self.pump(min(left, 0.5)):
                m = rx.search(self.buf, start)
                if m:
                    return m
                raise EOFError('%s exited (status %s) before %r; last '
                               'output:\n%s' % (self.name, self.wait(5),
                                                pattern, self.buf[-3000:]))

    def send(self, line):
        self.child.sendline(line)

    def wait(self, timeout=30):
        """Wait for the launcher to exit; returns its exit status."""
        if self.exitstatus is not None:
            return self.exitstatus
        deadline = time.monotonic() + timeout
        while self.pump(min(0.5, max(0.01, deadline - time.monotonic()))):
            if time.monotonic() > deadline:
                raise TimeoutError('%s still running after %ss' %
                                   (self.name, timeout))
        # EOF: the pty is closed; reap the launcher before close() so that
        # close() never has to signal it (which would change the status).
        while self.child.isalive():
            if time.monotonic() > deadline:
                raise TimeoutError('%s: EOF but still running after %ss' %
                                   (self.name, timeout))
            time.sleep(0.05)
        self.child.close()
        if self.child.signalstatus is not None:
            self.exitstatus = 128 + self.child.signalstatus
        else:
            self.exitstatus = self.child.exitstatus
        self.note('exit status %s' % self.exitstatus)
        return self.exitstatus

    def kill(self):
        """SIGTERM (forwarded to the application), then SIGKILL the group."""
        if not self.alive():
            return
        self.note('terminating')
        for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.child.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.wait(grace)
                return
            except TimeoutError:
                continue

    def close(self):
        """Always safe: kills what is left, removes the run dir."""
        try:
            if self.alive():
                self.kill()
            elif self.child is not None and self.exitstatus is None:
                self.wait(5)
        finally:
            self.log.close()
            shutil.rmtree(self.base, ignore_errors=True)

    # ---- control socket --------------------------------------------------
    def ctl(self, cmd, timeout=10):
        """One command over <run>/ctl.sock; returns the reply lines."""
        path = str(self.run_dir / 'ctl.sock')
        deadline = time.monotonic() + timeout
        while not os.path.exists(path):
            if time.monotonic() > deadline:
                raise TimeoutError('no %s after %ss' % (path, timeout))
            if self.child is not None:
                self.pump(0.1)
            else:
                time.sleep(0.1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect(path)
            s.sendall((cmd + '\n').encode())
            data = b''
            lines = []
            while True:
                while b'\n' not in data:
                    chunk = s.recv(65536)
                    if not chunk:
                        raise CtlError('%s: connection closed, got %r' %
                                       (cmd, data))
                    data += chunk
                line, data = data.split(b'\n', 1)
                line = line.decode().rstrip('\r')
                if line == 'ok':
                    break
                if line.startswith('error'):
                    self.note('ctl %s -> %s' % (cmd[:120], line))
                    raise CtlError('%s: %s' % (cmd[:120], line))
                lines.append(line)
        self.note('ctl %s -> %s' % (cmd[:120], ' | '.join(lines)[:300]))
        return lines

    def peek(self, port, off):
        return int(self.ctl('peek %d 0x%x' % (port, off))[0], 16)

    def poke(self, port, off, val):
        self.ctl('poke %d 0x%x 0x%x' % (port, off, val))

    def inject(self, port, frame, badcrc=False):
        self.ctl('inject %d %s%s' % (port, bytes(frame).hex(),
                                     ' badcrc' if badcrc else ''))

    def capture(self, port, on=True):
        self.ctl('capture %d %s' % (port, 'on' if on else 'off'))

    def captured(self, port):
        return [bytes.fromhex(line.strip())
                for line in self.ctl('captured %d' % port) if line.strip()]

    def link(self, port, up):
        self.ctl('link %d %s' % (port, 'up' if up else 'down'))

    def counters(self, port):
        out = {}
        for line in self.ctl('counters %d' % port):
            name, value = line.split()
            out[name] = int(value, 0)
        return out

    def queue(self, port, kind, q):
        line = self.ctl('queue %d %s %d' % (port, kind, q))[0]
        return {k: int(v, 0) for k, v in
                (item.split('=') for item in line.split())}

    def rar_mac(self, port, index=0):
        """MAC address in RAR[index] as the device holds it, and its AV bit."""
        ral = self.peek(port, REG_RAL0 + 8 * index)
        rah = self.peek(port, REG_RAH0 + 8 * index)
        return mac_to_str(mac_from_rar(ral, rah)), bool(rah & RAH_AV)

    def nvm_mac(self, port):
        """Permanent address of a port from the simulator's NVM image: words
        0-2 hold LAN 0's address; the second function of the dual-port 82576
        (LAN 1, odd ports) uses it with the last bit inverted (datasheet
        6.1.1). The image is read from <run>/portN.state (struct sim_shared:
        a 40-byte pthread_mutex_t, two uint32_t, mac[6], then nvm[])."""
        raw = (self.run_dir / ('port%d.state' % port)).read_bytes()
        mac = bytearray(struct.pack('<3H',
                                    *struct.unpack_from('<3H', raw, 54)))
        mac[5] ^= port & 1
        return mac_to_str(mac)


@dataclass
class RxPacket:
    """One packet from testpmd's verbose rx output."""
    port: int
    queue: int
    src: str
    dst: str
    ethertype: int
    length: int
    nb_segs: int
    rss_hash: int = None
    vlan_tci: int = None
    ol_flags: set = field(default_factory=set)
    line: str = ''


_RX_HDR = re.compile(r'port (\d+)/queue (\d+): received (\d+) packets')
_RX_PKT = re.compile(
    r'src=([0-9A-Fa-f:]{17}) - dst=([0-9A-Fa-f:]{17}) - pool=\S+ - '
    r'type=0x([0-9a-f]+) - length=(\d+) - nb_segs=(\d+)')
_ERRORS = re.compile(r'(?i)\bfail(ed|ure)?\b|\berror\b|invalid|not supported|'
                     r'bad arguments|cannot|unknown|ambiguous')


class TestpmdError(Exception):
    """testpmd printed an error for a command."""
    __test__ = False


class Testpmd:
    """Interactive dpdk-testpmd on simulated ports, with output parsers."""
    __test__ = False    # not a pytest test class despite its name

    # testpmd prints ethdev events ("\nPort 0: link state change event\n")
    # from its interrupt thread, which can land in the middle of the prompt:
    # the prompt pattern lets such lines stand between any two of its letters.
    # Line-buffered stdout flushes the event's leading newline on its own, so
    # a bare newline can split the prompt too ("t\nestpmd> Port 0: ...").
    _EVENT = r'(?:[\r\n]|Port \d+: [^\r\n]*event[^\r\n]*[\r\n])*'
    PROMPT = _EVENT.join(re.escape(c) for c in 'testpmd> ')

    def __init__(self, driver='stock', ports=2, args=(), eal_args=(),
                 sim_args=(), log_path=None, name=None, lcores='0-1'):
        if driver not in DRIVER_NAMES:
            raise ValueError(driver)
        self.driver = driver
        self.driver_name = DRIVER_NAMES[driver]
        self.nb_ports = ports
        name = name or 'testpmd-%s' % driver
        prefix = 'igbxt%d_%d' % (os.getpid(), id(self) % 100000)
        eal = [TESTPMD_BIN, '-l', lcores, '-n', '1', '-m', '256',
               '--file-prefix', prefix]
        eal += port_args(driver, ports)
        # testpmd's default pool (~155k mbufs, ~340 MB) would not fit in
        # -m 256: 16k mbufs cover 4 queues x 2 ports x 2 rings x 512 + caches.
        app = eal + list(eal_args) + ['--', '-i', '--total-num-mbufs=16384'] \
            + list(args)
        self.sim = Sim(app, ports=ports, sim_args=sim_args, log_path=log_path,
                       name=name)
        self._parse_pos = 0
        self._cur = (0, 0)
        self._pending = None
        self.rx = []

    def start(self, timeout=90):
        self.sim.start()
        self.sim.read_until(self.PROMPT, timeout=timeout)
        return self

    # ---- commands --------------------------------------------------------
    def cmd(self, line, timeout=30, check=True):
        """Run one command; returns what it printed (without prompt/echo)."""
        start = len(self.sim.buf)
        self.sim.note('cmd: ' + line)
        self.sim.send(line)
        m = self.sim.read_until(self.PROMPT, start=start, timeout=timeout)
        out = self.sim.buf[start:m.start()]
        lines = [x for x in out.split('\n')
                 if x.strip() != line.strip() and
                 not _RX_HDR.search(x) and not _RX_PKT.search(x) and
                 not x.lstrip().startswith('ol_flags:')]
        out = '\n'.join(lines)
        if check and _ERRORS.search(out):
            raise TestpmdError('%r printed:\n%s' % (line, out))
        return out

    def quit(self, timeout=60):
        """`quit`; returns the launcher's exit status (testpmd's)."""
        self.sim.note('cmd: quit')
        self.sim.send('quit')
        return self.sim.wait(timeout)

    def close(self):
        if self.sim.alive():
            try:
                self.quit(30)
            except (TimeoutError, OSError):
                pass
        self.sim.close()

    # ---- parsers ---------------------------------------------------------
    def port_info(self, port):
        out = self.cmd('show port info %d' % port, check=False)
        info = {}
        for key, rx in (('mac', r'MAC address: ([0-9A-Fa-f:]{17})'),
                        ('driver', r'Driver name: (\S+)'),
                        ('link_status', r'Link status: (\w+)'),
                        ('link_speed', r'Link speed: ([^\n]+)'),
                        ('link_duplex', r'Link duplex: (\S+)'),
                        ('promisc', r'Promiscuous mode: (\w+)'),
                        ('allmulti', r'Allmulticast mode: (\w+)'),
                        ('rxq', r'Current number of RX queues: (\d+)'),
                        ('txq', r'Current number of TX queues: (\d+)')):
            m = re.search(rx, out)
            info[key] = m.group(1).strip() if m else None
        if info['mac']:
            info['mac'] = info['mac'].lower()
        info['link_mbps'] = speed_mbps(info['link_speed'])
        return info

    def port_stats(self, port):
        out = self.cmd('show port stats %d' % port, check=False)
        st = {}
        for rx in (r'RX-packets:\s*(?P<rx_packets>\d+)\s+RX-missed:\s*'
                   r'(?P<rx_missed>\d+)\s+RX-bytes:\s*(?P<rx_bytes>\d+)',
                   r'RX-errors:\s*(?P<rx_errors>\d+)',
                   r'RX-nombuf:\s*(?P<rx_nombuf>\d+)',
                   r'TX-packets:\s*(?P<tx_packets>\d+)\s+TX-errors:\s*'
                   r'(?P<tx_errors>\d+)\s+TX-bytes:\s*(?P<tx_bytes>\d+)'):
            m = re.search(rx, out)
            if not m:
                raise TestpmdError('no %r in stats output:\n%s' % (rx, out))
            st.update({k: int(v) for k, v in m.groupdict().items()})
        return st

    def xstats(self, port):
        out = self.cmd('show port xstats %d' % port, check=False)
        return {m.group(1): int(m.group(2)) for m in
                re.finditer(r'(?m)^(\w+): (\d+)$', out)}

    def rss_key(self, port):
        out = self.cmd('show port %d rss-hash key' % port)
        m = re.search(r'RSS key:\n\s*([0-9A-Fa-f]+)', out)
        return bytes.fromhex(m.group(1)) if m else None

    def reta(self, port, size=128):
        masks = ','.join(['0xffffffffffffffff'] * (size // 64))
        out = self.cmd('show port %d rss reta %d (%s)' % (port, size, masks))
        reta = {}
        for m in re.finditer(r'hash index=(\d+), queue=(\d+)', out):
            reta[int(m.group(1))] = int(m.group(2))
        return [reta[i] for i in range(size)] if len(reta) == size else None

    def mempool_avail(self, name='mb_pool_0'):
        """(size, available) of a mempool from `dump_mempool`."""
        out = self.cmd('dump_mempool %s' % name, check=False)
        if 'Command not found' in out:      # testpmd 25.11 spells it so
            out = self.cmd('dump mempool %s' % name, check=False)
        size = int(re.search(r'\bsize=(\d+)', out).group(1))
        cache = re.search(r'total_cache_count=(\d+)', out)
        common = int(re.search(r'common_pool_count=(\d+)', out).group(1))
        return size, common + (int(cache.group(1)) if cache else 0)

    # ---- verbose rx output -----------------------------------------------
    def parse_rx(self):
        """Parse verbose rx records printed so far into self.rx."""
        end = self.sim.buf.rfind('\n') + 1
        if end <= self._parse_pos:
            return self.rx
        text = self.sim.buf[self._parse_pos:end]
        self._parse_pos = end
        for line in text.split('\n'):
            m = _RX_HDR.search(line)
            if m:
                self._cur = (int(m.group(1)), int(m.group(2)))
                continue
            m = _RX_PKT.search(line)
            if m:
                pkt = RxPacket(port=self._cur[0], queue=self._cur[1],
                               src=m.group(1).lower(), dst=m.group(2).lower(),
                               ethertype=int(m.group(3), 16),
                               length=int(m.group(4)),
                               nb_segs=int(m.group(5)), line=line)
                h = re.search(r'RSS hash=0x([0-9a-f]+)', line)
                if h:
                    pkt.rss_hash = int(h.group(1), 16)
                t = re.search(r'VLAN tci=0x([0-9a-f]+)', line)
                if t:
                    pkt.vlan_tci = int(t.group(1), 16)
                q = re.search(r'Receive queue=0x([0-9a-f]+)', line)
                if q:
                    pkt.queue = int(q.group(1), 16)
                if self._pending:       # its ol_flags line never came
                    self.rx.append(self._pending)
                self._pending = pkt
                continue
            if line.lstrip().startswith('ol_flags:') and self._pending:
                # a record is complete (and published) with its flags line
                self._pending.ol_flags = set(line.split(':', 1)[1].split())
                self.rx.append(self._pending)
                self._pending = None
        return self.rx

    def received(self, src=None, port=None):
        """Packets received so far, optionally only from src MAC / on port."""
        return [p for p in self.parse_rx()
                if (src is None or p.src == src.lower()) and
                (port is None or p.port == port)]

    def wait_rx(self, src, count=1, port=None, timeout=10):
        """Wait until `count` packets with source MAC src were received."""
        deadline = time.monotonic() + timeout
        while True:
            got = self.received(src, port)
            if len(got) >= count:
                return got
            if time.monotonic() > deadline:
                raise TimeoutError('%d/%d packets from %s received in %ss' %
                                   (len(got), count, src, timeout))
            self.sim.pump(0.1)


def speed_mbps(text):
    if not text:
        return None
    m = re.match(r'(\d+)\s*([MG])bps', text)
    if not m:
        return None
    return int(m.group(1)) * (1000 if m.group(2) == 'G' else 1)


def need_driver(driver):
    """Skip (with the reason) an igbx variant whose plugin is not built."""
    import pytest
    if driver == 'igbx' and not IGBX_PLUGIN.exists():
        pytest.skip('%s not built' % IGBX_PLUGIN)


def build_example(name):
    """Path of DPDK's example NAME (l3fwd, l3fwd-power, vmdq), built once per DPDK
    version into the cache by buildtools/build-example.sh; fails the test
    with the compiler's output when it does not build."""
    import pytest
    res = subprocess.run([str(REPO / 'buildtools' / 'build-example.sh'), name],
                         capture_output=True, text=True, timeout=600,
                         check=False)
    if res.returncode != 0:
        pytest.fail('build-example.sh %s failed:\n%s' %
                    (name, res.stderr[-2000:]))
    return res.stdout.strip().splitlines()[-1]
