#!/usr/bin/python3
# SPDX-License-Identifier: BSD-3-Clause
"""pmdinfo-gen.py ARCHIVE OUTPUT.c

Writes the C file that gives a DPDK plugin its PMD_INFO_STRING, the JSON
record dpdk-pmdinfo.py prints (driver name, devargs, kernel modules, PCI
ids), from the registration symbols the driver's objects carry:

  this_pmd_name<N>  (22.11, 24.11) or this_pmd_name<driver> (25.11)
                                the driver's name, a string
  __<driver>_pci_tbl_export     the name of its struct rte_pci_id table
  __<driver>_kmod_dep_export    "<device pattern> <kernel modules>"
  __<driver>_param_string_export  its devargs

ARCHIVE is the static library of the driver's objects (a regular or a thin
ar archive). One tool for every DPDK release igbx builds against: the
symbols' naming changed in 25.11, the string's format did not.
"""
import io
import json
import os
import re
import struct
import sys

from elftools.elf.elffile import ELFFile

PCI_ID = struct.Struct('IHHHH')   # class_id, vendor, device, subvendor, subdevice


def archive_members(path):
    """(name, bytes) of each member of an ar archive; a thin archive's
    members are read from the files it names (relative to the archive)."""
    with open(path, 'rb') as f:
        data = f.read()
    magic = data[:8]
    if magic not in (b'!<arch>\n', b'!<thin>\n'):
        raise SystemExit('%s: not an ar archive' % path)
    thin = magic == b'!<thin>\n'
    names = b''
    pos = 8
    while pos + 60 <= len(data):
        hdr = data[pos:pos + 60]
        name = hdr[:16].decode().rstrip()
        size = int(hdr[48:58].decode())
        body = pos + 60
        pos = body + size + (size & 1)
        if name == '//':            # GNU long-name table, always stored
            names = data[body:body + size]
            pos = body + size + (size & 1)
            continue
        if name in ('/', '/SYM64/'):   # symbol index
            continue
        long_name = re.match(r'/(\d+)', name)
        if long_name:               # "/<offset into the long-name table>"
            off = int(long_name.group(1))
            name = names[off:names.index(b'\n', off)].decode()
        name = name.rstrip('/')
        if thin:
            pos = body            # thin: no member data follows the header
            with open(os.path.join(os.path.dirname(path), name), 'rb') as m:
                yield name, m.read()
        else:
            yield name, data[body:body + size]


class Objects:
    """Symbols of all objects: name -> (bytes of its section from its value
    on, byte order)."""

    def __init__(self, members):
        self.syms = {}
        for member, blob in members:
            elf = ELFFile(io.BytesIO(blob))
            order = '<' if elf.little_endian else '>'
            symtab = elf.get_section_by_name('.symtab')
            if symtab is None:
                continue
            for sym in symtab.iter_symbols():
                shndx = sym['st_shndx']
                if not isinstance(shndx, int) or sym['st_info']['type'] != 'STT_OBJECT':
                    continue
                sec = elf.get_section(shndx)
                if sec['sh_type'] == 'SHT_NOBITS':
                    continue
                start = sym['st_value']
                key = sym.name
                # this_pmd_name<N> counts per object: two drivers in two
                # objects may both be this_pmd_name0
                if key.startswith('this_pmd_name'):
                    key = '%s@%s' % (key, member)
                self.syms[key] = (sec.data()[start:start + sym['st_size']], order)

    def string(self, name):
        if name not in self.syms:
            return None
        raw = self.syms[name][0]
        return raw.split(b'\0', 1)[0].decode()

    def pci_ids(self, table):
        raw, order = self.syms[table]
        ids = []
        fmt = struct.Struct(order + PCI_ID.format)
        for off in range(0, len(raw) - fmt.size + 1, fmt.size):
            _, vendor, device, subven, subdev = fmt.unpack_from(raw, off)
            if vendor == 0:         # the table's terminating entry
                break
            ids.append([vendor, device, subven, subdev])
        return ids


def drivers(objs):
    for sym in sorted(objs.syms):
        if not re.match(r'^this_pmd_name.+$', sym):
            continue
        name = objs.string(sym)
        info = {'name': name}
        for key, tag in (('params', 'param_string_export'),
                         ('kmod', 'kmod_dep_export')):
            value = objs.string('__%s_%s' % (name, tag))
            if value is not None:
                info[key] = value
        table = objs.string('__%s_pci_tbl_export' % name)
        if table is not None:
            info['pci_ids'] = objs.pci_ids(table)
        yield info


def c_string(text):
    return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')


def main():
    if len(sys.argv) != 3:
        raise SystemExit('usage: pmdinfo-gen.py ARCHIVE OUTPUT.c')
    archive, output = sys.argv[1:]
    found = list(drivers(Objects(archive_members(archive))))
    if not found:
        raise SystemExit('%s: no RTE_PMD_REGISTER_* symbols' % archive)
    with open(output, 'w', encoding='utf-8') as out:
        out.write('/* PMD_INFO_STRING of the drivers in %s, for dpdk-pmdinfo.py;'
                  ' written by pmdinfo-gen.py */\n' % os.path.basename(archive))
        for info in found:
            out.write('const char %s_pmd_info[] __attribute__((used)) = %s;\n' %
                      (re.sub(r'\W', '_', info['name']),
                       c_string('PMD_INFO_STRING= ' + json.dumps(info))))


if __name__ == '__main__':
    main()
