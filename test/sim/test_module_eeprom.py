# SPDX-License-Identifier: BSD-3-Clause
# test_module_eeprom.py - the SFP module's EEPROM (get_module_info /
# get_module_eeprom) through testpmd's `show port N module_eeprom`, on the
# simulator's fiber (0x10E6) and serdes (0x10E7) boards and on copper, with
# igbx beside the stock igb driver.
"""The simulated SFP (igbx-sim's sfp.c, behind I2CCMD) is a 1000BASE-SX
module with SFF-8472 diagnostics: both drivers must dump 512 bytes whose
identifier, strings and check codes are what SFF-8472 puts there, and each
port's serial number is its own. A copper port has no cage: the op is refused
(-ENOTSUP), and igbx says why in one log line."""
import re

import pytest

DUMP_LINE = re.compile(r'^([0-9A-F]{8}):((?: [0-9A-F]{2}){1,16})', re.M)


def module_dump(tp, port):
    out = tp.cmd('show port %d module_eeprom' % port)
    m = re.search(r'MODULE EEPROM length: (\d+) bytes', out)
    assert m, out
    data = bytearray()
    for off, hexes in DUMP_LINE.findall(out):
        assert int(off, 16) == len(data), out
        data += bytes(int(h, 16) for h in hexes.split())
    assert len(data) == int(m.group(1)), out
    return bytes(data)


def check_sff8472(a0, a2):
    assert a0[0] == 0x03, 'identifier %#x, want 03h (SFP)' % a0[0]
    assert a0[2] == 0x07, 'connector %#x, want LC' % a0[2]
    assert a0[6] & 0x01, 'not 1000BASE-SX: %#x' % a0[6]
    assert a0[20:36] == b'IGBX-SIM        ', a0[20:36]
    assert a0[40:56] == b'SFP-1000SX      ', a0[40:56]
    assert (a0[60] << 8 | a0[61]) == 850, 'wavelength'
    assert sum(a0[0:63]) & 0xFF == a0[63], 'CC_BASE'
    assert sum(a0[64:95]) & 0xFF == a0[95], 'CC_EXT'
    assert a0[92] & 0x40 and a0[94] != 0, 'no SFF-8472 diagnostics'
    assert sum(a2[0:95]) & 0xFF == a2[95], 'CC_DMI'
    temp = int.from_bytes(a2[96:98], 'big', signed=True) / 256
    vcc = int.from_bytes(a2[98:100], 'big') / 10000
    assert 0 < temp < 70 and 3.1 < vcc < 3.5, (temp, vcc)


@pytest.mark.parametrize('board', ['fiber', 'serdes'])
def test_module_eeprom_dump(driver, testpmd, board):
    tp = testpmd(driver, sim_args=['--board', board])
    dumps = [module_dump(tp, port) for port in (0, 1)]
    for data in dumps:
        assert len(data) == 512
        check_sff8472(data[:256], data[256:])
    serials = [d[68:84] for d in dumps]
    assert serials[0] != serials[1], serials
    # every byte but the serial number is the same module type
    assert dumps[0][:68] == dumps[1][:68]


def test_module_eeprom_drivers_agree(testpmd):
    """Both drivers read the same 512 bytes from the same module."""
    seen = {}
    for drv in ('stock', 'igbx'):
        tp = testpmd(drv, sim_args=['--board', 'fiber'])
        seen[drv] = module_dump(tp, 0)
        tp.close()
    assert seen['stock'] == seen['igbx']


def test_module_eeprom_copper_refused(driver, testpmd):
    tp = testpmd(driver)
    out = tp.cmd('show port 0 module_eeprom', check=False)
    assert 'operation not supported by device' in out, out
    assert 'MODULE EEPROM length' not in out, out
    if driver == 'igbx':
        lines = re.findall(r'.*is copper: module EEPROM is only on fiber.*',
                           tp.sim.buf)
        assert len(lines) == 1, lines
        assert 'device 0x10c9' in lines[0], lines
