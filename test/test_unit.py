# SPDX-License-Identifier: BSD-3-Clause
"""Runs the C unit tests (meson suite 'unit') as part of the pytest run, one
pytest case per executable, so that a single report covers every test."""
import json
import os
import subprocess

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("IGBX_BUILD", os.path.join(REPO, "build"))


def unit_tests():
    try:
        out = subprocess.run(["meson", "introspect", "--tests", BUILD],
                             check=True, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return [t for t in json.loads(out) if "unit" in t.get("suite", [])
            or any(s.endswith(":unit") for s in t.get("suite", []))]


UNIT_TESTS = unit_tests()


@pytest.mark.parametrize("test", UNIT_TESTS, ids=[t["name"] for t in UNIT_TESTS])
def test_unit(test):
    proc = subprocess.run(test["cmd"], capture_output=True, text=True,
                          timeout=120, cwd=BUILD)
    # The harness (test/unit/unit.h) closes with "N passed, N failed".
    summary = [l for l in proc.stdout.splitlines() if " passed, " in l]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert summary and summary[-1].endswith(" 0 failed"), proc.stdout


def test_unit_tests_exist():
    names = {t["name"] for t in UNIT_TESTS}
    assert {"sim_regs", "sim_offload", "sim_rx", "sim_tx", "sim_trap",
            "sim_fn", "sim_hsplit", "igbx_filter", "igbx_rx", "igbx_tx",
            "igbx_vec"} <= names
