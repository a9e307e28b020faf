# SPDX-License-Identifier: BSD-3-Clause
# Python start-up on the testbed's TG (bin/python3 puts this directory first
# on PYTHONPATH). DTS's scapy sniffer filters with "inbound". Scapy >= 2.7
# compiles a socket's BPF filter on a dead libpcap handle of the interface's
# link type, and libpcap accepts direction qualifiers only on a live handle
# ("'inbound' not supported on DLT_EN10MB"). When that compile fails for an
# interface, compile again on a live handle of it, as scapy 2.6 did; the
# program is the same classic BPF that the kernel runs on the AF_PACKET
# socket (the direction test reads the packet type).
import ctypes


def _patch():
    try:
        import scapy.arch.common as common
        import scapy.arch.linux as linux
    except Exception:       # no scapy here: nothing to adapt
        return
    from scapy.data import MTU
    from scapy.error import Scapy_Exception
    from scapy.interfaces import network_name
    from scapy.libs.structures import bpf_program

    dead_compile = common.compile_filter

    def compile_filter(filter_exp, iface=None, linktype=None, promisc=False):
        try:
            return dead_compile(filter_exp, iface, linktype, promisc)
        except Scapy_Exception:
            if iface is None or linktype is not None:
                raise
        from scapy.libs.winpcapy import (PCAP_ERRBUF_SIZE, pcap_close,
                                         pcap_compile, pcap_geterr,
                                         pcap_open_live)
        err = ctypes.create_string_buffer(PCAP_ERRBUF_SIZE)
        name = ctypes.create_string_buffer(network_name(iface).encode())
        pcap = pcap_open_live(name, MTU, promisc, 0, err)
        if not pcap:
            raise Scapy_Exception('%s: %s' % (iface, err.value.decode()))
        bpf = bpf_program()
        expr = ctypes.create_string_buffer(filter_exp.encode())
        ret = pcap_compile(pcap, ctypes.byref(bpf), expr, 1, -1)
        why = bytes(pcap_geterr(pcap) or b'').decode(errors='replace')
        pcap_close(pcap)
        if ret == -1:
            raise Scapy_Exception('Failed to compile filter expression %r '
                                  'on %s (%s)' % (filter_exp, iface, why))
        return bpf

    common.compile_filter = linux.compile_filter = compile_filter


_patch()
