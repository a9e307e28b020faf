# SPDX-License-Identifier: BSD-3-Clause
# qemuguest.py - a minimal QEMU guest with two igb NICs for the QEMU tier:
# the initramfs built at test time, the VM on a serial console, the wire.
"""QemuGuest boots Debian's kernel with a busybox initramfs under QEMU (TCG
unless IGBX_QEMU_ACCEL says otherwise). The guest mounts the host's root
read-only over virtio-9p, loads uio_pci_generic, reserves hugepages and binds
its two igb NICs; the test then drives a shell (and dpdk-testpmd run in a
chroot of the host root) over the serial console.

The wire: a QEMU hub with three ports, NIC 0, NIC 1 and a UDP socket on the
host. The NICs are cabled back to back through it, and the test sees every
frame either NIC sends (`frames()`) and injects frames that both NICs receive
(`inject()`), which is what a hub does.
"""

import lzma
import os
import re
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path

import pexpect

import igbxsim

REPO = Path(__file__).resolve().parents[2]
SETUP = REPO / 'buildtools' / 'qemu-setup.sh'
GUEST_MODULES = ('virtio_pci', '9pnet_virtio', '9p', 'uio_pci_generic')
IGB_ID = ('8086', '10c9')           # what QEMU's igb presents: an 82576
NIC_MACS = ('52:54:00:00:76:00', '52:54:00:00:76:01')
ACCEL = os.environ.get('IGBX_QEMU_ACCEL', 'tcg')
GUEST_MEM_MB = 2048
GUEST_HUGEPAGES = 512               # 2 MB pages: 1 GB for DPDK
RC = re.compile(r'@@rc=(\d+)@@')


class Unavailable(Exception):
    """QEMU or the guest's kernel cannot be had on this host."""


def assets():
    """Run buildtools/qemu-setup.sh; {'qemu':..., 'kernel':..., 'modules':...,
    'busybox':...}. Raises Unavailable with the script's reason when it
    exits 3 (nothing to install from, no root)."""
    res = subprocess.run([str(SETUP)], capture_output=True, text=True)
    if res.returncode == 3:
        raise Unavailable(res.stderr.strip().splitlines()[-1])
    if res.returncode != 0:
        raise RuntimeError('%s failed (%d):\n%s' % (SETUP, res.returncode,
                                                    res.stderr))
    return dict(line.split('=', 1) for line in res.stdout.splitlines())


# ---- initramfs --------------------------------------------------------------
def _cpio_entry(name, mode, data=b'', nlink=1):
    """One record of a "newc" cpio archive (what the kernel unpacks)."""
    name_b = name.encode() + b'\0'
    hdr = b'070701' + b''.join(b'%08X' % v for v in (
        0, mode, 0, 0, nlink, 0, len(data), 0, 0, 0, 0, len(name_b), 0))
    out = hdr + name_b
    out += b'\0' * (-len(out) % 4)
    out += data + b'\0' * (-len(data) % 4)
    return out


def _module_path(moddir, name):
    for stem in (name, name.replace('_', '-')):
        for suffix in ('.ko', '.ko.xz'):
            hits = list(Path(moddir, 'kernel').rglob(stem + suffix))
            if hits:
                return hits[0]
    raise FileNotFoundError('no %s.ko under %s' % (name, moddir))


def _module_bytes(path):
    """The module's ELF image (newer Debian kernels ship them xz-packed)."""
    data = path.read_bytes()
    return lzma.decompress(data) if path.suffix == '.xz' else data


def _module_deps(path):
    m = re.search(rb'depends=([^\0]*)\0', _module_bytes(path))
    return [d for d in (m.group(1).decode().split(',') if m else []) if d]


def module_load_order(moddir, wanted=GUEST_MODULES):
    """Modules (name, path) to insmod, dependencies first. Debian's package
    ships no modules.dep (depmod runs at install time): each module's
    `depends=` modinfo field says what it needs."""
    builtin = Path(moddir, 'modules.builtin').read_text()
    order, seen = [], set()

    def visit(name):
        if name in seen or re.search(r'/%s\.ko' % re.escape(name), builtin):
            return
        seen.add(name)
        path = _module_path(moddir, name)
        for dep in _module_deps(path):
            visit(dep)
        order.append((name, path))

    for name in wanted:
        visit(name)
    return order


INIT = r'''#!/bin/busybox sh
# Guest init: host root over 9p, uio_pci_generic, hugepages, then a shell
# on the serial console for the test.
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
echo > /proc/sys/kernel/modprobe
dmesg -n 1
echo "init: loading modules"
for m in $(cat /modules.order); do insmod /lib/modules/$m.ko || echo "init: insmod $m failed"; done
echo "init: mounting the host root"
mount -t 9p -o trans=virtio,version=9p2000.L,ro,msize=512000,cache=loose hostroot /host || echo "init: 9p mount failed"
mount -t proc proc /host/proc
mount -t sysfs sysfs /host/sys
mkdir -p /dev/hugepages
mount -t hugetlbfs hugetlbfs /dev/hugepages
mount --rbind /dev /host/dev
# writable, not world-writable (EAL refuses plugins below such a directory)
mount -t tmpfs -o mode=0755 tmpfs /host/run
mount -t tmpfs -o mode=0755 tmpfs /host/tmp
mount -t tmpfs -o mode=0755 tmpfs /host/var/tmp
echo "init: hugepages, uio_pci_generic"
echo @NR_HUGEPAGES@ > /proc/sys/vm/nr_hugepages
@UIO_IDS@@INIT_STEPS@stty -F /dev/ttyS0 cols 1000 rows 50 2>/dev/null
echo "init: hugepages $(cat /proc/sys/vm/nr_hugepages)"
echo IGBX-GUEST-READY
exec setsid cttyhack sh
'''


def build_initramfs(out, busybox, moddir, modules=GUEST_MODULES,
                    uio_ids=(IGB_ID,), init_steps=''):
    """Write the guest's initramfs (uncompressed newc cpio) to out: modules
    (with their dependencies) loaded in that order, uio_pci_generic given
    the PCI ids uio_ids, then the shell lines init_steps (each line that
    fails must say `init: ... failed` for QemuGuest.start to notice)."""
    order = module_load_order(moddir, modules)
    ids = ''.join('echo "%s %s" > /sys/bus/pci/drivers/uio_pci_generic/'
                  'new_id\n' % i for i in uio_ids)
    init = INIT.replace('@NR_HUGEPAGES@', str(GUEST_HUGEPAGES)) \
        .replace('@UIO_IDS@', ids).replace('@INIT_STEPS@', init_steps)
    arc = b''
    for d in ('bin', 'dev', 'proc', 'sys', 'host', 'lib', 'lib/modules',
              'tmp'):
        arc += _cpio_entry(d, 0o040755, nlink=2)
    arc += _cpio_entry('bin/busybox', 0o100755, Path(busybox).read_bytes())
    arc += _cpio_entry('init', 0o100755, init.encode())
    arc += _cpio_entry('modules.order',
                       0o100644, ''.join(n + '\n' for n, _ in order).encode())
    for name, path in order:
        arc += _cpio_entry('lib/modules/%s.ko' % name, 0o100644,
                           _module_bytes(path))
    arc += _cpio_entry('TRAILER!!!', 0)
    Path(out).write_bytes(arc)
    return [n for n, _ in order]


def _free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class QemuGuest:
    """The VM: its console (buf, pump, read_until, send, note: what
    igbxsim.Testpmd needs of a launcher), its shell and its wire.
    The defaults are the QEMU tier's two NICs on uio_pci_generic; a guest
    of another shape gives its NICs' addresses (nic_macs), its modules,
    uio_ids and init_steps (build_initramfs) and, when its NICs are not
    two on uio_pci_generic, overrides igb_addresses()."""

    def __init__(self, assets_, log_path, name='qemu', nic_macs=NIC_MACS,
                 modules=GUEST_MODULES, uio_ids=(IGB_ID,), init_steps='',
                 append=''):
        self.assets = assets_
        self.name = name
        self.nic_macs = tuple(nic_macs)
        self.modules = tuple(modules)
        self.uio_ids = tuple(uio_ids)
        self.init_steps = init_steps
        self.append = append
        self.base = Path(tempfile.mkdtemp(prefix='igbx-qemu-'))
        self.log = open(log_path, 'a', encoding='utf-8', errors='replace')
        self.buf = ''
        self.child = None
        self.pci = []
        self.boot_seconds = None
        self.wire = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.wire.bind(('127.0.0.1', 0))
        self.wire.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        self.wire.setblocking(False)
        self.qemu_port = _free_udp_port()
        self.captured = []

    def command(self, initrd):
        a = self.assets
        cmd = [a['qemu'], '-M', 'q35', '-accel', ACCEL, '-cpu', 'max',
               '-smp', '2', '-m', str(GUEST_MEM_MB), '-nodefaults',
               '-display', 'none', '-serial', 'stdio', '-no-reboot',
               '-kernel', a['kernel'], '-initrd', str(initrd),
               '-append', ('console=ttyS0 loglevel=4 panic=-1 ' +
                           self.append).strip(),
               '-fsdev', 'local,id=hostroot,path=/,security_model=none,'
               'readonly=on,multidevs=remap',
               '-device', 'virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot',
               '-netdev', 'socket,id=host,udp=127.0.0.1:%d,localaddr='
               '127.0.0.1:%d' % (self.wire.getsockname()[1], self.qemu_port),
               '-netdev', 'hubport,id=hub2,hubid=0,netdev=host']
        for i, mac in enumerate(self.nic_macs):
            cmd += ['-device', 'pcie-root-port,id=rp%d,chassis=%d,slot=%d' %
                    (i, i + 1, i + 1),
                    '-netdev', 'hubport,id=hub%d,hubid=0' % i,
                    '-device', 'igb,netdev=hub%d,bus=rp%d,mac=%s' %
                    (i, i, mac)]
        return cmd

    # ---- console (the interface igbxsim.Testpmd uses) ----------------------
    def note(self, text):
        self.log.write('\n### %s %s\n' % (time.strftime('%H:%M:%S'), text))
        self.log.flush()

    def alive(self):
        return self.child is not None and self.child.isalive()

    def pump(self, timeout=0.1):
        """Read the console (and drain the wire). False at EOF."""
        self.drain_wire()
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
                raise EOFError('%s: QEMU exited before %r; last output:\n%s'
                               % (self.name, pattern, self.buf[-3000:]))

    def send(self, line):
        self.child.send(line + '\r')

    # ---- life --------------------------------------------------------------
    def start(self, timeout=240, retry=1):
        initrd = self.base / 'initramfs.cpio'
        if not initrd.exists():
            mods = build_initramfs(initrd, self.assets['busybox'],
                                   self.assets['modules'], self.modules,
                                   self.uio_ids, self.init_steps)
            self.note('initramfs: busybox + %s' % ' '.join(mods))
        cmd = self.command(initrd)
        self.note('start: ' + ' '.join(cmd))
        t0 = time.monotonic()
        self.boot_pos = len(self.buf)
        self.child = pexpect.spawn(cmd[0], cmd[1:], encoding='utf-8',
                                   codec_errors='replace', timeout=30,
                                   maxread=65536, echo=False,
                                   env=dict(os.environ, TERM='dumb'))
        try:
            self.read_until(r'IGBX-GUEST-READY', start=self.boot_pos,
                            timeout=timeout)
        except TimeoutError:
            if retry <= 0:
                raise
            # seen once on a host loaded 8x its cores: a TCG boot that
            # printed nothing for minutes; the next boot came up in 60 s
            self.note('no guest after %d s: booting once more' % timeout)
            self.kill()
            return self.start(timeout, retry - 1)
        self.boot_seconds = time.monotonic() - t0
        self.note('guest up in %.1f s' % self.boot_seconds)
        self.sh('PS1="guest# "; export PATH=/bin; stty -echo', timeout=60)
        bad = re.findall(r'init: [^\n]*failed', self.buf[self.boot_pos:])
        if bad:
            raise RuntimeError('guest init: %s' % '; '.join(bad))
        self.pci = self.igb_addresses()
        return self

    def kill(self):
        """Power the VM off (a test left its console unusable)."""
        if self.alive():
            self.note('terminating QEMU')
            self.child.terminate(force=True)

    def restart(self):
        self.kill()
        return self.start()

    def sh(self, line, timeout=60, check=True):
        """Run a shell line in the guest; returns (rc, output)."""
        start = len(self.buf)
        self.note('sh: ' + line)
        self.send('%s; echo "@@rc=$?"\'@@\'' % line)
        m = self.read_until(RC.pattern, start=start, timeout=timeout)
        out = self.buf[start:m.start()]
        rc = int(m.group(1))
        if check and rc != 0:
            raise RuntimeError('guest: %r exited %d:\n%s' % (line, rc, out))
        return rc, out

    def igb_addresses(self):
        """PCI addresses of the igb NICs, bound to uio_pci_generic."""
        _, out = self.sh('for d in /sys/bus/pci/devices/*; do '
                         'echo "dev $(basename $d) $(cat $d/vendor) '
                         '$(cat $d/device) $(basename $(readlink $d/driver) '
                         '2>/dev/null)"; done')
        addrs = []
        for m in re.finditer(r'dev (\S+) 0x(\w+) 0x(\w+) ?(\S*)', out):
            if (m.group(2), m.group(3)) == IGB_ID:
                if m.group(4) != 'uio_pci_generic':
                    raise RuntimeError('igb %s bound to %r, not '
                                       'uio_pci_generic' % (m.group(1),
                                                            m.group(4)))
                addrs.append(m.group(1))
        if len(addrs) != 2:
            raise RuntimeError('guest sees igb NICs %s; expected 2' % addrs)
        return sorted(addrs)

    def close(self):
        try:
            self.kill()
        finally:
            self.wire.close()
            self.log.close()
            for p in self.base.iterdir():
                p.unlink()
            self.base.rmdir()

    # ---- the wire ------------------------------------------------------------
    def drain_wire(self):
        """Move frames the NICs sent from the socket into self.captured."""
        while True:
            try:
                self.captured.append(self.wire.recv(65536))
            except BlockingIOError:
                return

    def inject(self, frame):
        """Put a frame on the hub: both NICs receive it."""
        self.wire.sendto(bytes(frame), ('127.0.0.1', self.qemu_port))

    def frames(self, since=0, match=None):
        """Frames seen on the wire from index since on (match(frame))."""
        self.drain_wire()
        return [f for f in self.captured[since:] if match is None or match(f)]

    def mark(self):
        self.drain_wire()
        return len(self.captured)


def frame_src(frame):
    return ':'.join('%02x' % b for b in frame[6:12])


def frame_dst(frame):
    return ':'.join('%02x' % b for b in frame[0:6])


def vlan_of(frame):
    """The 802.1Q VID of a tagged frame, None if untagged."""
    if struct.unpack_from('>H', frame, 12)[0] == 0x8100:
        return struct.unpack_from('>H', frame, 14)[0] & 0xfff
    return None


class GuestTestpmd(igbxsim.Testpmd):
    """dpdk-testpmd run in the guest (chroot of the host root over 9p) on the
    two igb NICs; igbxsim.Testpmd's commands and parsers over the console."""
    __test__ = False

    def __init__(self, guest, driver, args=(), eal_args=(), pci=None,
                 driver_name=None):
        """pci: the guest's PCI addresses to run on (default guest.pci, the
        two NICs); driver_name: the ethdev driver they must probe with
        (default the PF driver of `driver`)."""
        if driver not in igbxsim.DRIVER_NAMES:
            raise ValueError(driver)
        pci = list(guest.pci if pci is None else pci)
        self.driver = driver
        self.driver_name = driver_name or igbxsim.DRIVER_NAMES[driver]
        self.nb_ports = len(pci)
        self.sim = guest
        self._parse_pos = len(guest.buf)
        self._cur = (0, 0)
        self._pending = None
        self.rx = []
        self.running = False
        eal = ['-l', '0-1', '-n', '1', '--file-prefix', 'igbxq']
        for addr in pci:
            eal += ['-a', addr + igbxsim.igbx_devargs(driver)]
        if driver == 'igbx':
            # resolved: build/ may be a link into the cache; the guest sees
            # the host's paths unchanged under its chroot
            eal += ['-d', str(igbxsim.IGBX_PLUGIN.resolve())]
        self.argv = ['chroot', '/host', igbxsim.TESTPMD_BIN] + eal + \
            list(eal_args) + ['--', '-i', '--total-num-mbufs=16384'] + \
            list(args)

    def start(self, timeout=240):
        self.start_pos = len(self.sim.buf)
        self.sim.note('testpmd: ' + ' '.join(self.argv))
        self.sim.send(' '.join(self.argv) + '; echo "@@rc=$?"\'@@\'')
        self.running = True
        t0 = time.monotonic()
        self.sim.read_until(r'(%s|%s)' % (self.PROMPT, RC.pattern),
                            start=self.start_pos, timeout=timeout)
        m = RC.search(self.sim.buf, self.start_pos)
        if m:
            self.running = False
            raise igbxsim.TestpmdError('testpmd exited %s at start:\n%s' % (
                m.group(1), self.sim.buf[self.start_pos:][-3000:]))
        self.start_seconds = time.monotonic() - t0
        self.sim.note('testpmd up in %.1f s' % self.start_seconds)
        boot = self.sim.buf[self.start_pos:]
        if re.search(r'No probed ethernet devices|cannot be used', boot):
            why = [x for x in boot.split('\n') if self.driver_name in x or
                   'cannot be used' in x or re.match(r'\w+\(\): ', x)]
            raise igbxsim.TestpmdError('%s did not take the igb NICs:\n%s' %
                                       (self.driver_name, '\n'.join(why)))
        return self

    def quit(self, timeout=120):
        """`quit`; returns testpmd's exit status."""
        start = len(self.sim.buf)
        self.sim.note('cmd: quit')
        self.sim.send('quit')
        m = self.sim.read_until(RC.pattern, start=start, timeout=timeout)
        self.running = False
        return int(m.group(1))

    def close(self):
        if self.running and self.sim.alive():
            try:
                self.quit(60)
            except (TimeoutError, EOFError):
                # a hung testpmd (its console takes ^C as a key): power the
                # VM off; the next test boots it again
                self.sim.kill()
            self.running = False
