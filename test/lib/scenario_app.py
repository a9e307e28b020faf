# SPDX-License-Identifier: BSD-3-Clause
# scenario_app.py - driving the one-port scenario programs of test/app
# (igbx_features, igbx_hsplit; see test/app/scenario_app.h) inside igbx-sim.
"""A program runs one scenario on port 0 (no wire), prints "driver <name>"
once the port is there, "RESULT <what> key=value ..." lines, waits at
"PAUSE <tag>" until the test sends a line, and ends with "DONE <scenario>
status <n>"."""
import re

import pytest

import igbxsim


def start(sim, app, prefix, driver, scenario, name):
    """Runs `app` (a path in the build) on `driver` with `scenario`; returns
    the run once the program printed its port's driver."""
    if not app.exists():
        pytest.fail('%s not built (test/app/meson.build)' % app)
    cmd = [app, '-l', '0', '-n', '1', '-m', '256',
           '--file-prefix', '%s-%s' % (prefix, scenario)] + \
        igbxsim.port_args(driver, 1) + ['--', scenario]
    run = sim(cmd, ports=1, wire='none', name=name)
    run.read_until('driver %s' % igbxsim.DRIVER_NAMES[driver], timeout=60)
    return run


def at_pause(run, tag):
    """Wait until the application pauses at tag; returns its output so far."""
    run.read_until(r'PAUSE %s\n' % re.escape(tag), timeout=60)
    return run.buf


def resume(run):
    run.send('go')


def result(text, what, ints=False):
    """{key: value} of the "RESULT what k=v ..." lines (later ones win);
    with ints, values that are whole numbers as int."""
    lines = re.findall(r'(?m)^RESULT %s (.*)$' % re.escape(what), text)
    assert lines, 'no RESULT %s in:\n%s' % (what, text[-3000:])
    return {k: int(v) if ints and re.fullmatch(r'-?\d+', v) else v
            for line in lines for k, v in (kv.split('=', 1)
                                           for kv in line.split())}


def finish(run, scenario, timeout=60):
    """Waits for the program's DONE line and exit: both say 0."""
    run.read_until(r'DONE %s status (\d+)' % scenario, timeout=timeout)
    status = run.wait(60)
    assert re.search(r'DONE %s status 0' % scenario, run.buf), \
        run.buf[-3000:]
    assert status == 0, run.buf[-3000:]
    return run.buf
