#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# run.sh - builds the igbx libFuzzer harnesses (clang, ASan+UBSan) against the
# driver sources and runs each for FUZZ_SECONDS, or replays the saved inputs.
#
# Usage: test/fuzz/run.sh [--build-only | --replay] [harness...]
#   FUZZ_SECONDS  time per harness (default 60)
#   FUZZ_OUT      build and work directory (default <repo>/build/reliability/fuzz;
#                 not under /tmp: world-writable trees are refused by EAL plugins)
#   FUZZ_JOBS     parallel fuzzing jobs per harness (default 1)
#   FUZZ_SEED     libFuzzer random seed (default: a new one per run); the test
#                 suite fixes it so that CI replays the same exploration
# The harness sources are test/fuzz/fuzz_<name>.c; the inputs that once
# crashed one are kept in test/fuzz/corpus/<name>/ and replayed (--replay,
# and before every fuzzing run). A crash leaves its input in
# $FUZZ_OUT/crashes/<name>-crash-*; the summary line per harness is
#   fuzz <name>: <execs> execs in <s> s, <n> crash(es)
set -eu

REPO=$(cd "$(dirname "$0")/../.." && pwd)
SRC=$REPO/test/fuzz
DRV=$REPO/drivers/net/igbx
OUT=${FUZZ_OUT:-$REPO/build/reliability/fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
CC=${FUZZ_CC:-clang}
HARNESSES="rx_decode tx_prepare filter"

mode=fuzz
case "${1:-}" in
--build-only) mode=build; shift ;;
--replay) mode=replay; shift ;;
esac
[ $# -gt 0 ] && HARNESSES="$*"

dpdk_src() {
	if [ -d "${DPDK_SRC:-}/sdk-include" ]; then
		echo "$DPDK_SRC"
	else
		"$REPO/buildtools/dpdk-sdk.sh"
	fi
}

# shift-base stays recoverable only so that ubsan.supp can silence DPDK's
# rte_ip.h; halt_on_error=1 still stops on everything else.
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fsanitize-recover=shift-base
	-fno-omit-frame-pointer"
CFLAGS="-g -O1 -std=gnu11 -D_GNU_SOURCE -DALLOW_EXPERIMENTAL_API -DALLOW_INTERNAL_API
	-I$DRV -I$(dpdk_src)/sdk-include $(pkg-config --cflags libdpdk) -I$SRC"
LIBS="$(pkg-config --libs libdpdk) -lrte_bus_pci"

# Compile a source into an object unless the object is newer than it.
compile() {	# src obj extra-flags...
	src=$1 obj=$2
	shift 2
	if [ ! -e "$obj" ] || [ "$src" -nt "$obj" ] || [ "$SRC/fuzz_alloc.h" -nt "$obj" ]; then
		# shellcheck disable=SC2086
		$CC $CFLAGS $SAN "$@" -c "$src" -o "$obj"
	fi
}

build() {
	mkdir -p "$OUT/obj"
	# new compiler flags: rebuild everything
	if [ "$(cat "$OUT/obj/flags" 2>/dev/null)" != "$CC $CFLAGS $SAN" ]; then
		rm -f "$OUT"/obj/*.o
		echo "$CC $CFLAGS $SAN" > "$OUT/obj/flags"
	fi
	drv_objs=""
	pids=""
	for c in "$DRV"/*.c "$SRC"/fuzz_*.c; do
		o=$OUT/obj/$(basename "$c" .c).o
		case $(basename "$c") in
		igbx_rxtx*.c)	# rings and queue arrays from malloc (fuzz_alloc.h)
			compile "$c" "$o" -fsanitize=fuzzer-no-link \
				-include "$SRC/fuzz_alloc.h" & ;;
		*)	compile "$c" "$o" -fsanitize=fuzzer-no-link & ;;
		esac
		pids="$pids $!"
		case $(basename "$c") in igbx_*) drv_objs="$drv_objs $o" ;; esac
	done
	for p in $pids; do
		wait "$p" || { echo "fuzz: compile failed"; exit 1; }
	done
	for h in $HARNESSES; do
		# shellcheck disable=SC2086
		$CC $SAN -fsanitize=fuzzer -o "$OUT/fuzz_$h" "$OUT/obj/fuzz_$h.o" \
			"$OUT/obj/fuzz_common.o" $drv_objs $LIBS &
	done
	wait
}

# ASan: no leak report for EAL's process-lifetime allocations at exit (LSan
# still checks every input); UBSan: stop at the first finding.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:leak_check_at_exit=0:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:suppressions=$SRC/ubsan.supp}"

replay() {	# harness: run every saved input once
	dir=$SRC/corpus/$1
	[ -d "$dir" ] || return 0
	files=$(find "$dir" -type f | sort)
	[ -n "$files" ] || return 0
	# shellcheck disable=SC2086
	"$OUT/fuzz_$1" -runs=1 $files > "$OUT/replay-$1.log" 2>&1 || {
		echo "fuzz $1: replay of $dir FAILED (see $OUT/replay-$1.log)"
		tail -30 "$OUT/replay-$1.log"
		return 1
	}
	echo "fuzz $1: replayed $(echo "$files" | wc -l) saved input(s), no crash"
}

fuzz() {	# harness: fuzz for SECONDS_EACH from the saved and the working corpus
	work=$OUT/corpus/$1
	mkdir -p "$work" "$OUT/crashes"
	seeds=""
	[ -d "$SRC/corpus/$1" ] && seeds=$SRC/corpus/$1
	rc=0
	jobs=""
	# -jobs writes fuzz-<n>.log into the working directory: keep it in $OUT
	[ "${FUZZ_JOBS:-1}" -gt 1 ] && jobs="-jobs=$FUZZ_JOBS -workers=$FUZZ_JOBS"
	[ -n "${FUZZ_SEED:-}" ] && jobs="$jobs -seed=$FUZZ_SEED"
	# shellcheck disable=SC2086
	(cd "$OUT" && "$OUT/fuzz_$1" "$work" $seeds -max_total_time="$SECONDS_EACH" \
		-max_len=4096 -rss_limit_mb=4096 -print_final_stats=1 $jobs \
		-artifact_prefix="$OUT/crashes/$1-") > "$OUT/fuzz-$1.log" 2>&1 || rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/fuzz-$1.log" | tail -1)
	crashes=$(grep -c '^==[0-9]*==ERROR\|^SUMMARY: \|FUZZ FAILURE\|deadly signal' \
		"$OUT/fuzz-$1.log" || true)
	echo "fuzz $1: ${execs:-0} execs in $SECONDS_EACH s, $([ $rc -eq 0 ] && echo 0 || echo "${crashes:-1}") crash(es)"
	if [ $rc -ne 0 ]; then
		grep -m 20 'ERROR\|SUMMARY\|FUZZ FAILURE\|#[0-9] .* in igbx\|Test unit written' \
			"$OUT/fuzz-$1.log" || tail -20 "$OUT/fuzz-$1.log"
		return 1
	fi
}

build
[ "$mode" = build ] && exit 0
status=0
for h in $HARNESSES; do
	replay "$h" || status=1
	[ "$mode" = fuzz ] && { fuzz "$h" || status=1; }
done
exit $status
