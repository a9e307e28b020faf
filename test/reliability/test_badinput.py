# SPDX-License-Identifier: BSD-3-Clause
# test_badinput.py - the bad-input catalogue: test/app/igbx_badinput.c run
# under igbx-sim with the igbx plugin (every op, range, NULL, wrong state).
"""The program is built here with gcc + pkg-config libdpdk into
<build>/reliability/ (IGBX_BADINPUT overrides the binary) until
test/meson.build builds test/app/. It prints one PASS/FAIL line per case and
`N cases: N passed, N failed`."""
import os

import pytest

import igbxsim
from relhelp import OUT, REPO, build_c_program, eal_args, summary_of

SRC = REPO / 'test' / 'app' / 'igbx_badinput.c'
MIN_CASES = 200


def badinput_binary():
    path = os.environ.get('IGBX_BADINPUT')
    if path:
        return path
    meson_built = igbxsim.BUILD / 'test' / 'app' / 'igbx_badinput'
    if meson_built.exists() and \
            meson_built.stat().st_mtime >= SRC.stat().st_mtime:
        return meson_built
    return build_c_program(SRC, OUT / 'igbx_badinput')


def run_badinput(sim, name, env_extra=None, sim_args=()):
    if not igbxsim.IGBX_PLUGIN.exists():
        pytest.skip('%s not built' % igbxsim.IGBX_PLUGIN)
    app = [badinput_binary()] + eal_args('igbxbad', 'igbx')
    old = {k: os.environ.get(k) for k in (env_extra or {})}
    os.environ.update(env_extra or {})
    try:
        run = sim(app, name=name, sim_args=sim_args)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    status = run.wait(120)
    return run, status


@pytest.mark.igbx
def test_badinput_catalogue(sim):
    run, status = run_badinput(sim, 'badinput')
    fails = [x for x in run.buf.splitlines() if x.startswith('FAIL')]
    counts = summary_of(run.buf)
    assert counts, 'no summary; exit status %s:\n%s' % (status,
                                                          run.buf[-3000:])
    passed, failed = counts
    assert (status, failed) == (0, 0), '\n'.join(fails)
    assert passed >= MIN_CASES, 'only %d cases ran' % passed


@pytest.mark.igbx
def test_badinput_module_fiber(sim):
    """The module EEPROM's bounds on a port with an SFP (fiber board): offset
    or length past the 512-byte map refused, the map and a read across the
    A0h/A2h boundary returned; the port forwards afterwards."""
    run, status = run_badinput(sim, 'badinput-module',
                               {'IGBX_BADINPUT_MODULE_ONLY': '1'},
                               sim_args=['--board', 'fiber'])
    fails = [x for x in run.buf.splitlines() if x.startswith('FAIL')]
    counts = summary_of(run.buf)
    assert counts, 'no summary; exit status %s:\n%s' % (status,
                                                          run.buf[-3000:])
    passed, failed = counts
    assert (status, failed) == (0, 0), '\n'.join(fails)
    assert passed >= 20, 'only %d cases ran' % passed
    assert run.buf.count('offset 512 length 1: allowed') == 1, run.buf[-3000:]
