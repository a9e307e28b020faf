# SPDX-License-Identifier: BSD-3-Clause
# frames.py - frames the tests inject (built with scapy, no FCS) and the
# Toeplitz hash the tests use as the oracle for the device's RSS hash.
import ipaddress
import itertools
import struct

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.l2 import Dot1Q, Ether
from scapy.packet import Raw

MIN_FRAME = 60          # shortest Ethernet frame without its 4-byte FCS
_src_ids = itertools.count(1)

# Offsets of checksum fields in an untagged IPv4 frame without options.
IP_CSUM_OFF = 14 + 10
TCP_CSUM_OFF = 14 + 20 + 16
UDP_CSUM_OFF = 14 + 20 + 6


def new_src():
    """A fresh locally administered unicast source MAC: each injected frame
    gets its own, so that testpmd's verbose output tells which one arrived."""
    n = next(_src_ids)
    return '02:5e:%02x:%02x:%02x:%02x' % ((n >> 24) & 0xff, (n >> 16) & 0xff,
                                         (n >> 8) & 0xff, n & 0xff)


def pad(frame, size=MIN_FRAME):
    frame = bytes(frame)
    return frame + bytes(max(0, size - len(frame)))


def udp(dst, src=None, sip='10.0.0.1', dip='10.0.0.2', sport=1024,
        dport=4789, size=MIN_FRAME, vlan=None):
    """IPv4/UDP frame of `size` bytes (without FCS), optional 802.1Q tag."""
    l2 = Ether(dst=dst, src=src or new_src())
    if vlan is not None:
        l2 = l2 / Dot1Q(vlan=vlan)
    pkt = l2 / IP(src=sip, dst=dip) / UDP(sport=sport, dport=dport)
    body = size - len(pkt)
    if body > 0:
        pkt = pkt / Raw(bytes(body))
    return pad(pkt, size)


def tcp(dst, src=None, sip='10.0.0.1', dip='10.0.0.2', sport=1024,
        dport=80, size=MIN_FRAME):
    pkt = Ether(dst=dst, src=src or new_src()) / IP(src=sip, dst=dip) / \
        TCP(sport=sport, dport=dport, flags='A')
    body = size - len(pkt)
    if body > 0:
        pkt = pkt / Raw(bytes(body))
    return pad(pkt, size)


def corrupt16(frame, off):
    """Flip bits of the 16-bit field at off (a checksum): never left valid,
    never turned into 0 (which would mean "no UDP checksum")."""
    b = bytearray(frame)
    old = struct.unpack_from('>H', b, off)[0]
    new = old ^ 0x5555
    if new == 0:
        new = old ^ 0xaaaa
    struct.pack_into('>H', b, off, new)
    return bytes(b)


def src_of(frame):
    return ':'.join('%02x' % x for x in frame[6:12])


def toeplitz(key, data):
    """Toeplitz hash (82576 datasheet 7.1.2.10): for each set bit of the
    input, XOR in the 32-bit window of the key starting at that bit."""
    k = int.from_bytes(key, 'big')
    klen = len(key) * 8
    h = 0
    for i, byte in enumerate(data):
        for bit in range(8):
            if byte & (0x80 >> bit):
                pos = i * 8 + bit
                h ^= (k >> (klen - 32 - pos)) & 0xffffffff
    return h


def rss_input_ipv4(sip, dip, sport=None, dport=None):
    """Hash input: source address, destination address [, ports]."""
    data = ipaddress.IPv4Address(sip).packed + ipaddress.IPv4Address(dip).packed
    if sport is not None:
        data += struct.pack('>HH', sport, dport)
    return data
