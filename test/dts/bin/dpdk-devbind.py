#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
# dpdk-devbind.py for the simulated DTS testbed (DTS copies the script it
# finds in ../usertools to each node and runs it there; on a node that is not
# the simulated testbed it runs DPDK's own script). The simulated 82576
# functions live in the simulator's private sysfs tree and stay bound to
# uio_pci_generic; the TG's TAP interfaces stay with tun. --status lists the
# simulated functions as DPDK's script does; -b succeeds when the port is
# already bound to the driver asked for, and fails with the reason otherwise.
import argparse
import os
import sys

ENV_FILE = '/run/igbx-dts/env'


def load_env():
    env = {}
    with open(ENV_FILE) as f:
        for line in f:
            key, _, val = line.strip().partition('=')
            if key:
                env[key] = val
    return env


def read(path):
    with open(path) as f:
        return f.read().strip()


def sim_devices(env):
    devices = env.get('SYSFS_PCI_DEVICES', '')
    out = {}
    for addr in sorted(os.listdir(devices)) if os.path.isdir(devices) else []:
        d = os.path.join(devices, addr)
        out[addr] = {
            'device': read(d + '/device')[2:],
            'driver': os.path.basename(os.path.realpath(d + '/driver')),
        }
    return out


def tg_devices(env):
    fmt, bus = env.get('IGBX_DTS_TAP', ''), env.get('IGBX_DTS_TG_BUS', '')
    out = {}
    for port in range(8) if fmt and bus else []:
        if os.path.isdir('/sys/class/net/' + fmt % port):
            out['%s.%d' % (bus, port)] = {'device': 'tap', 'driver': 'tun',
                                          'if': fmt % port}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('-s', '--status', action='store_true')
    ap.add_argument('-b', '--bind')
    ap.add_argument('--force', action='store_true')
    ap.add_argument('devices', nargs='*')
    args = ap.parse_args()
    if not os.path.exists(ENV_FILE):     # a real testbed: DPDK's script
        for real in ('/usr/bin/dpdk-devbind.py', '/usr/sbin/dpdk-devbind.py'):
            if os.access(real, os.X_OK):
                os.execv(real, [real] + sys.argv[1:])
        print('dpdk-devbind.py: no %s and no DPDK script' % ENV_FILE,
              file=sys.stderr)
        return 1
    env = load_env()
    sim, tg = sim_devices(env), tg_devices(env)
    if args.status:
        print('Network devices using DPDK-compatible driver')
        print('============================================')
        for addr, d in sim.items():
            print("%s '82576 Gigabit Network Connection %s' drv=%s unused=" %
                  (addr, d['device'], d['driver']))
        print()
        print('Network devices using kernel driver')
        print('===================================')
        for addr, d in tg.items():
            print("%s 'TAP interface' if=%s drv=tun unused=" % (addr, d['if']))
        return 0
    if args.bind:
        for addr in args.devices:
            dev = sim.get(addr) or tg.get(addr)
            if dev is None:
                print('Error: %s is not a port of the simulated testbed' % addr,
                      file=sys.stderr)
                return 1
            if dev['driver'] != args.bind:
                print('Error: %s is bound to %s and stays so in the simulated '
                      'testbed (asked: %s)' % (addr, dev['driver'], args.bind),
                      file=sys.stderr)
                return 1
        return 0
    ap.print_usage()
    return 1


sys.exit(main())
