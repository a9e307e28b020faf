#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# test.sh: every test (make test, .ci/run). First pass: all of pytest.ini's
# testpaths (unit tests, the simulated device, the driver, conformance,
# reliability, the ASan+UBSan build of the suite; IGBX_SANITIZE=0 skips that),
# or only PYTEST_ARGS when given. Second pass, run only when nothing is
# selected and TEST_PATH2 is not empty: test/sim and test/conformance again,
# igbx variants only (stock ports take no devargs), with igbx's bursts forced
# to TEST_PATH2 (default sse): auto picks AVX2 where the CPU has it, and
# scalar is the fallback of every offload the vector bursts lack. Its logs go
# to build/test-logs-<path>.
# Exit status 1 if either pass failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

path2=${TEST_PATH2-sse}
build=$(readlink -f "${IGBX_BUILD:-build}")
rc=0
# PYTEST_ARGS is shell words, quotes included (-k "a and b"), as make gives it
eval "set -- ${PYTEST_ARGS:-}"
IGBX_SANITIZE=${IGBX_SANITIZE:-1} ASAN_BUILD=${ASAN_BUILD:-$(readlink -f build)-asan} \
	/usr/bin/python3 -m pytest "$@" || rc=1
if [ -n "$path2" ] && [ -z "${PYTEST_ARGS:-}" ]; then
	echo "== test/sim test/conformance with IGBX_TEST_PATH=$path2"
	IGBX_TEST_PATH=$path2 IGBX_SANITIZE=0 IGBX_TEST_LOGS=$build/test-logs-$path2 \
		/usr/bin/python3 -m pytest -m 'not stock' test/sim test/conformance || rc=1
fi
exit $rc
