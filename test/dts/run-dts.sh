#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# run-dts.sh: DPDK's DTS 25.11 against igbx and against DPDK's stock igb on
# simulated 82576 ports (make dts). In the Debian sid root (DPDK 25.11 and
# DTS's Python dependencies from Debian packages, cached under
# /var/cache/igbx), each driver gets its own igbx-sim run with its ports
# cabled to persistent TAP interfaces; sshd and DTS run inside it (in-sim.sh).
# Results per suite and case: build/dts/<driver>/results.json, and
# build/dts/summary.md side by side (results.py).
#
# Environment: DTS_NODES (a nodes file of real 82576 ports: DTS runs from the
# root against them, no simulator), DTS_DRIVERS ("igbx stock"), DTS_SUITES (suites to run, default
# the test run file's list; "suite:case,case" selects cases), DTS_TARBALL,
# DTS_OUT (build/dts), IGBX_DTS_HOLD=SECONDS (debugging: bring the testbed
# up and keep it that long instead of running DTS).
# Exit status: 0 all ran and passed, 1 a suite failed, 77 the testbed cannot
# be had here (the reason on stderr).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
here=$repo/test/dts
state=${IGBX_DTS_STATE:-/var/cache/igbx/dts}
tarball=${DTS_TARBALL:-$repo/../shared/dts/dts-v25.11.2.tar.gz}
out=${DTS_OUT:-$repo/build/dts}
# the real path: build/ may link elsewhere (a checkout below a world-writable
# directory), and only real paths are bound into the root
mkdir -p "$out"
out=$(readlink -f "$out")
drivers=${DTS_DRIVERS:-igbx stock}
tap_fmt=igbxdts%u
tg_bus=0000:00:20

skip() { echo "dts: skipped: $*" >&2; exit 77; }

[ "$(id -u)" = 0 ] || skip "must run as root (the simulator, chroot, sshd)"
[ -f "$tarball" ] || skip "no DTS tarball at $tarball (DTS_TARBALL=)"
[ -x build/app/igbx-sim/igbx-sim ] || skip "build/app/igbx-sim/igbx-sim not built (make setup)"

mkdir -p "$state"
exec 9> "$state/lock"
flock 9		# one DTS testbed at a time: the sshd port, the TAP names

# --- the sid root with DPDK 25.11 and DTS's dependencies; igbx built in it --
root_pkgs=(python3-fabric python3-paramiko python3-pydantic python3-scapy
	   python3-aenum python3-yaml python3-typing-extensions
	   openssh-server sudo iproute2 procps lsof tar libpcap0.8t64)
[ -x buildtools/release-build.sh ] || skip "buildtools/release-build.sh missing"
brc=0
lines=$(buildtools/release-build.sh 25.11 "${root_pkgs[@]}") || brc=$?
case $brc in
0) ;;
3|4|5) skip "no DPDK 25.11 root or SDK here (release-build.sh status $brc, reason above)" ;;
*) echo "dts: igbx does not build against DPDK 25.11" >&2; exit 1 ;;
esac
root=$(sed -n '${x;p};h' <<< "$lines")
build25=$(tail -n1 <<< "$lines")
[ -x "$root/usr/bin/dpdk-testpmd" ] || skip "no dpdk-testpmd in $root"
plugin=$build25/drivers/net/igbx/librte_net_igbx.so
# the simulator's library inside the DPDK 25.11 applications: the one built
# in the root (the launcher itself runs on the host)
preload25=$build25/app/igbx-sim/libigbx_sim_preload.so
[ -f "$plugin" ] && [ -f "$preload25" ] ||
	{ echo "dts: no $plugin or $preload25" >&2; exit 1; }

# --- DTS itself, unpacked in the cache (never in the repository) ----------
# (the tarball holds dts/dts/: DPDK's dts directory inside a tree of its own)
dts=$state/dts-v25.11.2
if [ ! -f "$dts/dts/dts/main.py" ]; then
	rm -rf "$dts" "$dts.new"
	mkdir -p "$dts.new"
	tar -xzf "$tarball" -C "$dts.new"
	mv "$dts.new" "$dts"
fi
# DTS copies ../usertools/dpdk-devbind.py to its nodes: the simulated testbed's
mkdir -p "$dts/dts/usertools"
ln -sfn "$here/bin/dpdk-devbind.py" "$dts/dts/usertools/dpdk-devbind.py"

# --- the "DPDK tree" DTS is given on the SUT ------------------------------
"$here/sut-tree.sh" "$plugin" "$state/sut/dpdk" \
	"$(chroot "$root" dpkg-query -W -f='${Version}' dpdk | sed 's/-.*//')"

# --- SSH: one key for DTS, one host key ------------------------------------
mkdir -p "$state/ssh" "$state/home/.ssh"
chmod 700 "$state/ssh" "$state/home/.ssh"
[ -f "$state/ssh/host_ed25519" ] ||
	ssh-keygen -q -t ed25519 -N '' -f "$state/ssh/host_ed25519"
[ -f "$state/home/.ssh/id_ed25519" ] ||
	ssh-keygen -q -t ed25519 -N '' -f "$state/home/.ssh/id_ed25519"
cp "$state/home/.ssh/id_ed25519.pub" "$state/ssh/authorized_keys"
rm -f "$state/home/.ssh/known_hosts"

dts_args=(--timeout 60 --test-run-config-file "$here/test-run.yaml"
	  --tests-config-file "$here/tests-config.yaml")
suite_args=()
if [ -n "${DTS_SUITES:-}" ]; then
	for s in $DTS_SUITES; do
		cases=
		[[ $s != *:* ]] || cases=${s#*:}
		# shellcheck disable=SC2086
		suite_args+=(--test-suite "${s%%:*}" ${cases//,/ })
	done
fi

# --- a real testbed (DTS_NODES=nodes.yaml): DTS from the sid root, no simulator
if [ -n "${DTS_NODES:-}" ]; then
	nodes=$(readlink -f "$DTS_NODES")
	rc=0
	for drv in $drivers; do
		o=$out/$drv
		rm -rf "$o"
		mkdir -p "$o"
		echo "dts: $drv: DTS on the nodes of $nodes, results in $o"
		buildtools/in-root.sh "$root" -b "$repo" -b "$state" -b "$o" \
			-b "$(dirname "$nodes")" -- /usr/bin/env -i \
			HOME="$state/home" PATH=/usr/bin:/bin LANG=C.UTF-8 TERM=dumb \
			sh -c 'cd "$1" && shift && exec python3 main.py "$@"' dts \
			"$dts/dts/dts" --output-dir "$o" "${dts_args[@]}" \
			--nodes-config-file "$nodes" \
			--precompiled-build-dir "build-$drv" \
			${suite_args[@]+"${suite_args[@]}"} > "$o/console.log" 2>&1 9>&- || rc=1
	done
	python3 "$here/results.py" "$out" $drivers | tee "$out/summary.md"
	exit $rc
fi

# --- TAP interfaces that outlive each testpmd (the TG sniffs on them) ------
taps=()
cleanup() {
	for t in "${taps[@]}"; do ip link del "$t" 2>/dev/null || true; done
}
trap cleanup EXIT
for n in 0 1; do
	t=$(printf "$tap_fmt" "$n")
	ip link del "$t" 2>/dev/null || true
	ip tuntap add dev "$t" mode tap
	taps+=("$t")
	# no IPv6 autoconfiguration or DAD frames: the TG sends only what DTS sends
	sysctl -qw "net.ipv6.conf.$t.disable_ipv6=1"
	ip link set dev "$t" address "02:00:5e:76:00:0$n" up
done

# --- one DTS run per driver, each on its own simulator run ---------------
rc=0
for drv in $drivers; do
	o=$out/$drv
	rm -rf "$o"
	mkdir -p "$o"
	echo "dts: $drv: DTS $(basename "$dts") on 2 simulated 82576 ports, results in $o"
	IGBX_PLUGIN=$plugin IGBX_DTS_BUILD=$build25 IGBX_DTS_PRELOAD=$preload25 \
	IGBX_DTS_TAP=$tap_fmt \
	IGBX_DTS_TG_BUS=$tg_bus IGBX_DTS_STATE=$state IGBX_DTS_HOLD=${IGBX_DTS_HOLD:-} \
	build/app/igbx-sim/igbx-sim --ports 2 --wire tap --tap-name "$tap_fmt" -- \
		"$here/in-sim.sh" "$root" "$drv" "$o" \
		"${dts_args[@]}" --nodes-config-file "$here/nodes-sim.yaml" \
		--precompiled-build-dir "build-$drv" \
		${suite_args[@]+"${suite_args[@]}"} > "$o/console.log" 2>&1 9>&- || rc=1
	tail -n 40 "$o/console.log" | sed -n '/Test Cases Summary/,$p'
done
python3 "$here/results.py" "$out" $drivers | tee "$out/summary.md"
exit $rc
