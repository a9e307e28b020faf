#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# sanitize.sh - the ASan+UBSan build of the whole tree (driver, simulator, unit
# tests), then: the unit tests, and under the sanitized simulator with the
# sanitized igbx plugin the bad-input catalogue and a short testpmd forwarding.
#
# Usage: buildtools/sanitize.sh [unit|badinput|testpmd ...]   (default: all)
#   ASAN_BUILD   build directory (default <repo>/build-asan; not under /tmp:
#                EAL refuses plugins from world-writable trees)
#
# How the sanitizers meet the simulator:
# - libasan must be the first library of the application, before the
#   simulator's preload (itself instrumented, so it needs libasan). The
#   launcher sets LD_PRELOAD to the preload alone, so the application is
#   started through `env LD_PRELOAD="libasan preload"`; `env` itself runs with
#   the preload only (its constructor attaches to nothing until a device file
#   is opened), and verify_asan_link_order=0 lets that one process start.
# - SIGSEGV: libasan installs its handler when it initialises (first); the
#   preload installs the MMIO trap handler later, when the application maps
#   BAR0, keeping ASan's as the previous action. Register accesses are
#   emulated; any other fault is chained to ASan, which reports it with a
#   stack. So ASan keeps handle_segv=1 (the default): nothing to switch off.
# shellcheck disable=SC2317  # the step_* functions are called as "step_$s"
set -eu

REPO=$(cd "$(dirname "$0")/.." && pwd)
B=${ASAN_BUILD:-$REPO/build-asan}
STEPS=${*:-unit badinput testpmd}
LIBASAN=$(readlink -f "$(gcc -print-file-name=libasan.so)")
LOGS=$B/sanitize-logs

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:verify_asan_link_order=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$REPO/test/reliability/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

say() { printf 'sanitize: %s\n' "$*"; }

configure_and_build() {
	if [ ! -f "$B/build.ninja" ]; then
		meson setup "$B" "$REPO" -Db_sanitize=address,undefined -Db_lundef=false \
			-Dc_args=-fno-sanitize-recover=all
	fi
	ninja -C "$B"
}

# Sanitizer findings in a log: ASan/LSan reports and UBSan runtime errors.
findings() {
	grep -E 'ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: (Address|Undefined)' "$1" || true
}

step_unit() {
	say "unit tests (meson test --suite unit)"
	meson test -C "$B" --suite unit --print-errorlogs
}

# Run argv under the sanitized simulator, libasan first; output to log $1.
run_in_sim() {
	log=$1
	shift
	"$B/app/igbx-sim/igbx-sim" --ports 2 -- env \
		LD_PRELOAD="$LIBASAN $B/app/igbx-sim/libigbx_sim_preload.so" "$@" \
		> "$log" 2>&1
}

step_badinput() {
	bin=$B/reliability/igbx_badinput
	mkdir -p "$B/reliability" "$LOGS"
	say "bad-input catalogue (test/app/igbx_badinput.c, ASan+UBSan) with the sanitized igbx"
	# shellcheck disable=SC2046
	gcc -O1 -g -std=gnu11 -Wall -Wextra -Werror -DALLOW_EXPERIMENTAL_API \
		-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
		"$REPO/test/app/igbx_badinput.c" -o "$bin" $(pkg-config --cflags --libs libdpdk)
	rc=0
	run_in_sim "$LOGS/badinput.log" "$bin" -l 0 -n 1 -m 256 --file-prefix igbxasan$$ \
		-a 0000:00:10.0 -a 0000:00:10.1 -d "$B/drivers/net/igbx/librte_net_igbx.so" || rc=$?
	grep -E '^(FAIL|XFAIL)|cases:' "$LOGS/badinput.log" || true
	f=$(findings "$LOGS/badinput.log")
	if [ "$rc" -ne 0 ] || [ -n "$f" ]; then
		say "badinput: exit status $rc; $LOGS/badinput.log:"
		[ -n "$f" ] && echo "$f"
		tail -40 "$LOGS/badinput.log"
		return 1
	fi
}

# io forwarding for a few seconds, then testpmd stops, closes and exits.
step_testpmd() {
	mkdir -p "$LOGS"
	say "dpdk-testpmd io forwarding for 5 s with the sanitized igbx"
	rc=0
	(sleep 8; echo) | run_in_sim "$LOGS/testpmd.log" dpdk-testpmd -l 0-1 -n 1 -m 256 \
		--file-prefix igbxasantp$$ -a 0000:00:10.0 -a 0000:00:10.1 \
		-d "$B/drivers/net/igbx/librte_net_igbx.so" -- --forward-mode=io --tx-first \
		--total-num-mbufs=16384 || rc=$?
	grep -E 'RX-total|TX-total|Accumulated' "$LOGS/testpmd.log" | tail -3 || true
	f=$(findings "$LOGS/testpmd.log")
	if [ "$rc" -ne 0 ] || [ -n "$f" ] || ! grep -q 'Bye' "$LOGS/testpmd.log"; then
		say "testpmd: exit status $rc; $LOGS/testpmd.log:"
		[ -n "$f" ] && echo "$f"
		tail -40 "$LOGS/testpmd.log"
		return 1
	fi
}

configure_and_build
status=0
for s in $STEPS; do
	"step_$s" || { status=1; say "$s FAILED"; }
done
[ $status -eq 0 ] && say "all steps passed: $STEPS"
exit $status
