#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# run-bench.sh - one run comparing DPDK's stock igb PMD with igbx's scalar/SSE/AVX2 bursts on
# the simulated 82576: TSC cycles/packet (igbx-bench), instructions/packet (callgrind),
# testpmd io-forwarding rate. Usage: app/igbx-bench/run-bench.sh [build-dir]
# Environment: PACKETS (per timed run, 50000), RUNS (5), ROUNDS (5), CG_PACKETS (3000),
# TESTPMD_SECS (10), L3FWD_SECS (5), PATHS ("stock scalar sse avx2"),
# MODES ("sync concurrent dma"), NO_CALLGRIND=1, NO_TESTPMD=1, NO_L3FWD=1,
# IGBX_ARGS (extra igbx-bench arguments for the igbx paths, e.g. "--tx-free-thresh 256"),
# CHART (where the PNG chart goes besides the raw output directory), BENCH_MEM (below).
# Cycles are measured in three device modes:
#   sync        the simulated device is held and runs between the timed bursts on the
#               timing thread (igbx-bench --sync-device): the driver's own cost, with
#               every line the device touched still in the timing core's caches;
#   concurrent  the device runs on the other CPU while the bursts are timed: adds the
#               cost of moving cache lines between the two CPUs, which on a VM depends
#               on where the hypervisor puts the vCPUs (it changes from minute to minute);
#   dma         as sync, then every line the device wrote or read is flushed from the
#               caches (igbx-bench --dma-device): the misses a DMA-ing NIC causes.
# igbx-bench --split (not used here: its third TSC read adds to both parts) reports the
# rx_burst and tx_burst cycles apart, for finding where a path's cycles go.
# Each round runs every path once per mode back to back; a path's ratio to stock is the
# median over rounds of its cycles divided by stock's in the same round.
set -u

BUILD=$(cd "${1:-build}" && pwd) || exit 2
SIM=$BUILD/app/igbx-sim/igbx-sim
BENCH=$BUILD/app/igbx-bench/igbx-bench
PMD=$BUILD/drivers/net/igbx/librte_net_igbx.so
PACKETS=${PACKETS:-50000}
RUNS=${RUNS:-5}
ROUNDS=${ROUNDS:-5}
CG_PACKETS=${CG_PACKETS:-3000}
TESTPMD_SECS=${TESTPMD_SECS:-10}
PATHS=${PATHS:-stock scalar sse avx2}
MODES=${MODES:-sync concurrent dma}
CHART=${CHART:-}
# EAL memory of every DPDK process here, stock's and igbx's alike: hugepages mapped in
# physical order (legacy mode), so that a mempool is one IOVA-contiguous chunk. With IOVA as
# VA (vfio-pci with an IOMMU, the usual deployment) every mempool is so; igbx-sim's DMA is
# IOVA as PA, where dynamic memory gives a chunk per 2 MB page. igbx's refill adds one
# offset to the mbuf pointer for the first layout and looks the page up in a table for the
# second (igbx_rx_iova.c); stock reads buf_iova from the mbuf for both. BENCH_MEM= (empty)
# measures the second.
BENCH_MEM=${BENCH_MEM---legacy-mem}
OUT=$(mktemp -d /tmp/igbx-bench.XXXXXX)
BDF0=0000:00:10.0
BDF1=0000:00:10.1

for f in "$SIM" "$BENCH" "$PMD"; do
	[ -e "$f" ] || { echo "missing $f (build first)"; exit 2; }
done
# DPDK refuses plugins under world-writable directories (e.g. /tmp).
case "$PMD" in /tmp/*) echo "note: a build dir under /tmp cannot load -d plugins";; esac

# EAL arguments selecting a path: the rx_path/tx_path devargs when the PMD has them,
# else the EAL SIMD limit (64 scalar, 128 SSE, 256 AVX2), which igbx's selection honours.
IGBX_ARGS=${IGBX_ARGS:-}
bench_args_for() {	# extra bench arguments: tuning applies to igbx only
	[ "$1" = stock ] || echo "$IGBX_ARGS"
}

eal_for() {
	case $1 in
	stock) echo "-a $BDF0 -a $BDF1";;
	*)	if grep -q "rx_path" "$PMD"; then
			echo "-d $PMD -a $BDF0,rx_path=$1,tx_path=$1 -a $BDF1,rx_path=$1,tx_path=$1"
		else
			case $1 in scalar) w=64;; sse) w=128;; *) w=256;; esac
			echo "-d $PMD -a $BDF0 -a $BDF1 --force-max-simd-bitwidth=$w"
		fi;;
	esac
}

field() {	# field NAME FILE: value of NAME= on the RESULT line
	awk -v k="$1" '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, a, "=");
		if (a[1] == k) { print a[2]; exit } } }' "$2"
}

# 1. TSC cycles per packet: the bench times only rx_burst + tx_burst (median burst per run,
#    median of runs); in concurrent mode the simulated device runs on the other CPU.
run_cycles() {	# path round mode
	case $3 in
	sync) sync=--sync-device;;
	dma) sync=--dma-device;;
	*) sync="";;
	esac
	"$SIM" --ports 2 -- "$BENCH" -l 1 -n 1 $BENCH_MEM --no-telemetry $(eal_for "$1") -- \
		--packets "$PACKETS" --runs "$RUNS" $sync $(bench_args_for "$1") \
		> "$OUT/$1.$3.cycles.$2" 2>&1
	grep -E "^RESULT" "$OUT/$1.$3.cycles.$2" | cut -c1-90 | sed "s/^/  [$1 $3 round $2] /"
	c=$(field cycles_per_pkt "$OUT/$1.$3.cycles.$2")
	echo "${c:-n/a}" >> "$OUT/$1.$3.cpps"
	echo "$2 ${c:-0}" >> "$OUT/$1.$3.rounds"
}

median() {	# median of the numbers in a file, one per line
	sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# 2. Instructions per packet: valgrind cannot run the simulator's register traps (it does
#    not hand the trap handler's register edits back to the program), so a primary sets the
#    ports up and a secondary process under callgrind only forwards (bursts touch no trapped
#    register); collection is toggled around the bursts. --base-virtaddr keeps DPDK's
#    memory clear of valgrind's own mappings.
run_callgrind() {
	hold=$OUT/$1.hold
	# a prefix of this run's own: a secondary must never attach to the primary of
	# another run-bench.sh on the same host
	prefix=igbxcg$$
	eal=$(eal_for "$1")
	cat > "$OUT/$1.cg.sh" <<EOF
#!/bin/sh
"$BENCH" -l 0 -n 1 $BENCH_MEM --no-telemetry --file-prefix=$prefix --base-virtaddr=0x4000000000 \
	$eal \
	-- --hold "$hold" $(bench_args_for "$1") > "$OUT/$1.cg.primary" 2>&1 &
p=\$!
while [ ! -e "$hold" ]; do kill -0 \$p 2>/dev/null || exit 1; sleep 0.2; done
valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$OUT/$1.callgrind" \
	"$BENCH" -l 1 -n 1 --no-telemetry --file-prefix=$prefix --proc-type=secondary $eal \
	-- --callgrind --packets $CG_PACKETS --runs 3
rm -f "$hold"
wait \$p
EOF
	chmod +x "$OUT/$1.cg.sh"
	"$SIM" --ports 2 -- "$OUT/$1.cg.sh" > "$OUT/$1.cg" 2>&1
	ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$OUT/$1.cg" | tail -1)
	pk=$(field collected_packets "$OUT/$1.cg")
	if [ -n "$ir" ] && [ -n "$pk" ] && [ "$pk" -gt 0 ]; then
		echo "$ir $pk" | awk '{ printf "%.1f", $1 / $2 }'
	else
		echo "n/a"
	fi
}

# 3. testpmd io forwarding on one forwarding core (the simulated device is the limit here).
run_testpmd() {
	timeout -s INT $((TESTPMD_SECS + 8)) "$SIM" --ports 2 -- dpdk-testpmd -l 0,1 -n 1 \
		$BENCH_MEM --no-telemetry $(eal_for "$1") -- --forward-mode=io --nb-cores=1 \
		--rxd=512 --txd=512 --burst=32 --tx-first --stats-period=1 > "$OUT/$1.testpmd" 2>&1
	# per-second reports: Rx-pps of port 0 + port 1; the median second after warm-up
	grep "Rx-pps:" "$OUT/$1.testpmd" | awk '{ v[NR] = $2 } END {
		n = 0; for (i = 5; i + 1 <= NR; i += 2) s[++n] = v[i] + v[i + 1];
		if (n == 0) { print "n/a"; exit }
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
		printf "%.3f", s[int((n + 1) / 2)] / 1e6 }'
}

# 4. l3fwd (LPM, one lcore, lcore 1: the device thread has the other CPU) routing between
#    the two ports of the pair wire, as test/sim/test_l3fwd.py::test_l3fwd_rate does: a
#    burst to port 1's subnet circulates (port 1 -> wire -> port 0 -> port 1), so port 1's
#    wire counter counts the frames l3fwd forwards; after a warm-up, one sample a second
#    for L3FWD_SECS, Mpps = the median second.
L3FWD_SECS=${L3FWD_SECS:-5}
L3FWD_BURST=512		# frames circulating (rings: 1024 descriptors per port)
L3FWD_WARMUP=2		# seconds between the burst and the first sample
L3FWD_HELPER=$(cd "$(dirname "$0")" && pwd)/l3fwd-burst.py
L3FWD_PID=""		# the timeout(1) wrapping the running launcher, for l3fwd_stop

l3fwd_binary() {	# DPDK's example, built once per DPDK version into the cache
	"$(dirname "$0")/../../buildtools/build-example.sh" l3fwd 2> "$OUT/l3fwd.build" | tail -1
}

# TERM reaches the launcher (which forwards it) and l3fwd through timeout(1)'s process
# group; whatever is still there after 10 s is killed, by that group's id.
l3fwd_stop() {
	[ -n "$L3FWD_PID" ] || return 0
	kill -TERM "$L3FWD_PID" 2>/dev/null
	l3_n=0
	while kill -0 "$L3FWD_PID" 2>/dev/null && [ $l3_n -lt 50 ]; do
		sleep 0.2; l3_n=$((l3_n + 1))
	done
	kill -0 "$L3FWD_PID" 2>/dev/null && kill -KILL -- "-$L3FWD_PID" 2>/dev/null
	wait "$L3FWD_PID" 2>/dev/null
	L3FWD_PID=""
}

l3fwd_counter() {	# RUN-DIR: port 1's wire_tx_frames, prefixed by the time in ns
	l3_c=$("$SIM" ctl "$1" counters 1 | awk '$1 == "wire_tx_frames" { print $2 }')
	echo "$(date +%s%N) ${l3_c:-x}"
}

l3fwd_started() {	# LOG: 0 once l3fwd polls, 1 if it died or took over 90 s
	l3_n=0
	while ! grep -qs "entering main loop" "$1"; do
		kill -0 "$L3FWD_PID" 2>/dev/null && [ $l3_n -lt 450 ] || return 1
		sleep 0.2; l3_n=$((l3_n + 1))
	done
}

l3fwd_sample() {	# PATH RUN-DIR: samples to $OUT/PATH.l3fwd.samples, Mpps on stdout
	l3_s=$OUT/$1.l3fwd.samples
	python3 "$L3FWD_HELPER" "$2" $L3FWD_BURST 2> "$OUT/$1.l3fwd.inject" || return 1
	sleep $L3FWD_WARMUP
	l3fwd_counter "$2" > "$l3_s"
	l3_n=0
	while [ $l3_n -lt "$L3FWD_SECS" ]; do
		sleep 1; l3fwd_counter "$2" >> "$l3_s"; l3_n=$((l3_n + 1))
	done
	# per-second rates (shown on stderr: the spread is the noise) and their median (0: the
	# burst was lost); n/a if a sample failed
	awk -v p="$1" '$2 == "x" { bad = 1 }
	NR > 1 && $1 > t { r[++n] = ($2 - c) * 1e9 / ($1 - t); l = l sprintf(" %.3f", r[n] / 1e6) }
	{ t = $1; c = $2 } END {
		printf "  [%s l3fwd] Mpps per second:%s\n", p, (bad ? " (a sample failed)" : l) > "/dev/stderr"
		if (bad || n == 0) { print "n/a"; exit }
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
			if (r[j] < r[i]) { v = r[i]; r[i] = r[j]; r[j] = v }
		printf "%.3f", r[int((n + 1) / 2)] / 1e6 }' "$l3_s"
}

run_l3fwd() {	# PATH: Mpps, or n/a (why: $OUT/PATH.l3fwd.log, .inject)
	l3_rd=$OUT/$1.l3fwd.run
	l3_log=$OUT/$1.l3fwd.log
	if [ ! -x "${L3FWD:-}" ]; then
		echo "no dpdk-l3fwd (see $OUT/l3fwd.build)" > "$l3_log"; echo n/a; return
	fi
	trap 'l3fwd_stop' EXIT
	trap 'l3fwd_stop; exit 130' INT TERM
	timeout -k 10 $((L3FWD_SECS + L3FWD_WARMUP + 120)) "$SIM" --ports 2 --wire pair \
		--run-dir "$l3_rd" -- "$L3FWD" -l 1 -n 1 -m 256 $BENCH_MEM --no-telemetry \
		$(eal_for "$1") -- \
		-p 0x3 --config "(0,0,1),(1,0,1)" -P --lookup=lpm \
		--eth-dest=1,02:11:22:33:44:55 > "$l3_log" 2>&1 &
	L3FWD_PID=$!
	if l3fwd_started "$l3_log"; then
		l3fwd_sample "$1" "$l3_rd" || echo n/a
	else
		echo n/a
	fi
	l3fwd_stop
	trap - EXIT INT TERM
	rm -rf "$l3_rd"
}

[ -n "$IGBX_ARGS" ] && echo "igbx paths run with: $IGBX_ARGS"
echo "igbx-bench: $PACKETS packets x $RUNS runs per path, $ROUNDS interleaved rounds, 64-byte frames,"
echo "burst 32, 512 descriptors; raw output in $OUT"
# Paths take turns, round after round, so a busy spell of the machine hits them all.
r=1
while [ $r -le "$ROUNDS" ]; do
	for m in $MODES; do
		for p in $PATHS; do run_cycles "$p" $r "$m"; done
	done
	r=$((r + 1))
done
[ -z "${NO_L3FWD:-}" ] && L3FWD=$(l3fwd_binary)
for p in $PATHS; do
	if [ -z "${NO_CALLGRIND:-}" ]; then run_callgrind "$p" > "$OUT/$p.ipp"; else echo n/a > "$OUT/$p.ipp"; fi
	if [ -z "${NO_TESTPMD:-}" ]; then run_testpmd "$p" > "$OUT/$p.mpps"; else echo n/a > "$OUT/$p.mpps"; fi
	if [ -z "${NO_L3FWD:-}" ]; then run_l3fwd "$p" > "$OUT/$p.l3fwd"; else echo n/a > "$OUT/$p.l3fwd"; fi
done

# ratio_to_stock PATH MODE: median over rounds of cycles(PATH) / cycles(stock), same round
ratio_to_stock() {
	[ -e "$OUT/stock.$2.rounds" ] || { echo n/a; return; }
	join "$OUT/$1.$2.rounds" "$OUT/stock.$2.rounds" |
		awk '$2 > 0 && $3 > 0 { printf "%.4f\n", $2 / $3 }' > "$OUT/$1.$2.ratios"
	r=$(median "$OUT/$1.$2.ratios")
	echo "${r:-n/a}" | awk '{ if ($1 == "n/a") print; else printf "%.2f", $1 }'
}

first=$(echo "$PATHS" | cut -d' ' -f1)
mode1=$(echo "$MODES" | cut -d' ' -f1)
hz=$(field tsc_hz "$OUT/$first.$mode1.cycles.1")
base_i=$(cat "$OUT/stock.ipp" 2>/dev/null || echo "")
echo
echo "cycles/pkt: median of rounds (each: median of runs of the median burst), TSC at ${hz:-?} Hz;"
echo "x stock: median over rounds of the same-round ratio; instr/pkt: callgrind"
printf "| %-7s |" path
for m in $MODES; do printf " %18s | %8s |" "$m cyc/pkt" "x stock"; done
printf " %9s | %8s | %9s | %12s | %10s |\n" "instr/pkt" "x stock" "Mpps/core" "testpmd Mpps" \
	"l3fwd Mpps"
printf "|---------|"
for m in $MODES; do printf "%s" "--------------------|----------|"; done
printf "%s\n" "-----------|----------|-----------|--------------|------------|"
for p in $PATHS; do
	printf "| %-7s |" "$p"
	for m in $MODES; do
		printf " %18s | %8s |" "$(median "$OUT/$p.$m.cpps")" "$(ratio_to_stock "$p" "$m")"
	done
	c=$(median "$OUT/$p.$mode1.cpps"); i=$(cat "$OUT/$p.ipp"); t=$(cat "$OUT/$p.mpps")
	l=$(cat "$OUT/$p.l3fwd")
	echo "$i ${base_i:-0} ${c:-0} ${hz:-0} $t ${l:-n/a}" | awk '
	function ratio(a, b) { return (a + 0 > 0 && b + 0 > 0) ? sprintf("%.2f", a / b) : "n/a" }
	{ mpps = ($3 + 0 > 0 && $4 + 0 > 0) ? sprintf("%.1f", $4 / $3 / 1e6) : "n/a";
	  printf " %9s | %8s | %9s | %12s | %10s |\n", $1, ratio($1, $2), mpps, $5, $6 }'
done
echo "(Mpps/core from the first mode's cycles; testpmd: one forwarding core, the simulated"
echo " device on the other, whose speed limits it; l3fwd: LPM on one lcore, $L3FWD_BURST frames"
echo " circulating on the pair wire, median of $L3FWD_SECS one-second rates of port 1's counter)"

# The chart: cycles/packet per path and mode (labelled with the same-round ratio to stock)
# and instructions/packet, from the table's own figures.
for p in $PATHS; do
	for m in $MODES; do
		echo "$p $m $(median "$OUT/$p.$m.cpps") $(ratio_to_stock "$p" "$m")"
	done
	echo "$p instr $(cat "$OUT/$p.ipp") n/a"
done > "$OUT/chart.txt"
title="igbx vs stock igb, io forwarding, 64-byte frames, burst 32 ($(date -u +%Y-%m-%d),"
title="$title $(nproc) vCPU $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo))"
# Debian's python3 has python3-matplotlib (make setup); another python3 first in PATH may not
PY=$([ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)
if "$PY" "$(dirname "$0")/bench-chart.py" "$OUT/chart.txt" "$OUT/igbx-bench.png" \
	"$title" && [ -n "$CHART" ]; then
	cp "$OUT/igbx-bench.png" "$CHART" && echo "chart: $CHART"
fi
