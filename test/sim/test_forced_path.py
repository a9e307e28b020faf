# SPDX-License-Identifier: BSD-3-Clause
# test_forced_path.py - IGBX_TEST_PATH=scalar|sse|avx2 puts every igbx
# port of the suite on one burst path (rx_path/tx_path devargs), checked here.
"""`make test` runs test/sim and test/conformance a second time with
IGBX_TEST_PATH=sse, so that the SSE bursts see the whole suite and not only
the tests that ask for them (auto picks AVX2 on an AVX2 machine). These tests
check the switch itself: how the variable is read, the EAL options it
gives, and that testpmd's ports then really run the forced bursts."""
import re
from pathlib import Path

import pytest

import igbxsim

BURST_NAMES = {'scalar': 'Scalar', 'sse': 'Vector SSE',
               'avx2': 'Vector AVX2'}


def cpu_has(flag):
    return re.search(r'(?m)^flags\s*:.*\b%s\b' % flag,
                     Path('/proc/cpuinfo').read_text()) is not None


def widest():
    if cpu_has('avx2'):
        return 'avx2'
    return 'sse' if cpu_has('sse4_1') else 'scalar'


def burst_modes(tp, port):
    """(RX burst, TX burst) of queue 0 as burst_mode_get names them."""
    return tuple(re.search(r'Burst mode: ([^\n]+)',
                           tp.cmd('show %s info %d 0' % (q, port)))
                 .group(1).strip() for q in ('rxq', 'txq'))


@pytest.mark.parametrize('value,want', [
    ('', None), ('auto', None), ('scalar', 'scalar'), ('SSE', 'sse'),
    (' avx2 ', 'avx2')])
def test_variable_is_read(monkeypatch, value, want):
    monkeypatch.setenv('IGBX_TEST_PATH', value)
    assert igbxsim._forced_path() == want


def test_bad_variable_names_the_values(monkeypatch):
    monkeypatch.setenv('IGBX_TEST_PATH', 'neon')
    with pytest.raises(ValueError, match='auto, scalar, sse, avx2'):
        igbxsim._forced_path()


def test_devargs_only_on_igbx_ports(monkeypatch):
    monkeypatch.setattr(igbxsim, 'FORCED_PATH', 'sse')
    assert igbxsim.port_args('igbx', 2) == [
        '-a', '0000:00:10.0,rx_path=sse,tx_path=sse',
        '-a', '0000:00:10.1,rx_path=sse,tx_path=sse',
        '-d', str(igbxsim.IGBX_PLUGIN)]
    assert igbxsim.port_args('stock', 1) == ['-a', '0000:00:10.0']
    monkeypatch.setattr(igbxsim, 'FORCED_PATH', None)
    assert igbxsim.allow_args('igbx', 1) == ['-a', '0000:00:10.0']


def need_cpu(path):
    if path == 'avx2' and not cpu_has('avx2'):
        pytest.skip('CPU without AVX2')
    if path == 'sse' and not cpu_has('sse4_1'):
        pytest.skip('CPU without SSE4.1')


@pytest.mark.igbx
@pytest.mark.parametrize('path', sorted(BURST_NAMES))
def test_testpmd_runs_forced_path(monkeypatch, testpmd, path):
    """Every port testpmd starts through the suite's helpers runs the forced
    RX and TX bursts."""
    igbxsim.need_driver('igbx')
    need_cpu(path)
    monkeypatch.setattr(igbxsim, 'FORCED_PATH', path)
    tp = testpmd('igbx')
    want = (BURST_NAMES[path],) * 2
    assert [burst_modes(tp, p) for p in range(2)] == [want, want], \
        tp.sim.app


@pytest.mark.igbx
def test_this_run_uses_its_path(testpmd):
    """The path of this very run: IGBX_TEST_PATH's, or the widest the CPU
    has when it is unset (a forced path the CPU lacks falls back to that)."""
    igbxsim.need_driver('igbx')
    path = igbxsim.FORCED_PATH or widest()
    if path != 'scalar' and not cpu_has('avx2' if path == 'avx2'
                                        else 'sse4_1'):
        path = widest()
    tp = testpmd('igbx')
    assert burst_modes(tp, 0) == (BURST_NAMES[path],) * 2, tp.sim.app
