#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
# l3fwd-burst.py - injects the burst that run-bench.sh's l3fwd rate run keeps circulating:
# COUNT 64-byte IPv4/UDP frames to 198.18.1.0/24 on port 0 of a running igbx-sim.
"""Usage: l3fwd-burst.py RUN_DIR [COUNT]

l3fwd's default LPM table routes 198.18.1.0/24 to port 1; on the pair wire
what port 1 sends arrives on port 0 and is routed to port 1 again (l3fwd
never drops on TTL), so the burst goes round for as long as l3fwd runs.
All frames go over one control connection (one `igbx-sim ctl` process per
frame is too slow to build a burst). Standard library only. Exits 0 when
every inject answered `ok`, 1 otherwise.
"""
import socket
import sys

SENDER = bytes.fromhex('025e00000f01')
FRAME_LEN = 64          # without FCS, padded with zeros like the tests' frames


def ip_checksum(header):
    total = sum(int.from_bytes(header[i:i + 2], 'big')
                for i in range(0, len(header), 2))
    while total >> 16:
        total = (total & 0xffff) + (total >> 16)
    return 0xffff - total


def frame(ident):
    """Broadcast IPv4/UDP 192.0.2.1:9 -> 198.18.1.x:9, TTL 64, id `ident`."""
    udp = (9).to_bytes(2, 'big') * 2 + (8).to_bytes(2, 'big') + b'\0\0'
    ip = bytearray(bytes.fromhex('45000000') + ident.to_bytes(2, 'big') +
                   bytes.fromhex('00004011') + b'\0\0' +
                   bytes([192, 0, 2, 1, 198, 18, 1, 1 + ident % 250]))
    ip[2:4] = (len(ip) + len(udp)).to_bytes(2, 'big')
    ip[10:12] = ip_checksum(ip).to_bytes(2, 'big')
    eth = b'\xff' * 6 + SENDER + b'\x08\x00'
    out = eth + bytes(ip) + udp
    return out + bytes(FRAME_LEN - len(out))


def inject(run_dir, count):
    lines = ''.join('inject 0 %s\n' % frame(i).hex() for i in range(count))
    replies = b''
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
        c.settimeout(20)
        c.connect(run_dir + '/ctl.sock')
        c.sendall(lines.encode())
        while replies.count(b'\n') < count:
            chunk = c.recv(65536)
            if not chunk:
                break
            replies += chunk
    bad = [r for r in replies.split(b'\n')[:count] if r != b'ok']
    if replies.count(b'\n') < count or bad:
        sys.stderr.write('l3fwd-burst: %d of %d injects answered ok%s\n' %
                         (replies.split(b'\n').count(b'ok'), count,
                          (', first error: %r' % bad[0]) if bad else ''))
        return 1
    return 0


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    try:
        return inject(argv[1], int(argv[2]) if len(argv) == 3 else 512)
    except (OSError, ValueError) as e:
        sys.stderr.write('l3fwd-burst: %s\n' % e)
        return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
