#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# in-sim.sh ROOT DRIVER OUT-DIR [DTS ARGS...]
# Runs as the application of `igbx-sim --wire tap` (run-dts.sh starts it), so
# in the simulator's private mount namespace with its environment. Makes the
# release root ROOT a node that sees the simulated 82576 ports: the run
# directory, the repository, /proc /sys /dev bound in, tmpfs on /run and
# /tmp, test/dts/bin on /usr/local/bin (lshw, dpdk-devbind.py). Then sshd on
# 127.0.0.1 inside ROOT serves both DTS nodes (SUT: the simulated ports; TG:
# scapy on the TAP interfaces cabled to them), and DTS itself runs in ROOT.
# Everything mounted here disappears with the namespace.
set -euo pipefail

root=$1 driver=$2 out=$3
shift 3
repo=$(cd "$(dirname "$0")/../.." && pwd)
state=${IGBX_DTS_STATE:-/var/cache/igbx/dts}
port=${IGBX_DTS_SSH_PORT:-2282}
sim_env=(LD_PRELOAD="${IGBX_DTS_PRELOAD:-$LD_PRELOAD}" SYSFS_PCI_DEVICES="$SYSFS_PCI_DEVICES"
	 IGBX_SIM_RUN_DIR="$IGBX_SIM_RUN_DIR")
# only the SUT's DPDK applications get the simulator (bin/sut-app)
unset LD_PRELOAD SYSFS_PCI_DEVICES IGBX_SIM_RUN_DIR

bind() {	# bind SRC at the same path inside ROOT
	mkdir -p "$root$1"
	mount --rbind "$1" "$root$1"
}

mount -t tmpfs -o mode=0755 igbx-dts-run "$root/run"
mount -t tmpfs -o mode=1777 igbx-dts-tmp "$root/tmp"
mkdir -p "$root/run/sshd" "$root/run/dpdk" "$root/run/igbx-dts" "$root/run/lock"
for d in /proc /sys /dev; do
	mount --rbind "$d" "$root$d"
done
bind "$repo"
bind "$state"
bind "${sim_env[2]#*=}"
bind "$IGBX_DTS_BUILD"
bind "$out"
mount --bind "$repo/test/dts/bin" "$root/usr/local/bin"
# DTS runs its privileged commands through sudo, whose secure_path in sid
# leaves /usr/local/bin out
mkdir -p "$root/run/igbx-dts/sudoers.d"
echo 'Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"' \
	> "$root/run/igbx-dts/sudoers.d/igbx-dts"
chmod 0440 "$root/run/igbx-dts/sudoers.d/igbx-dts"
mount --bind "$root/run/igbx-dts/sudoers.d" "$root/etc/sudoers.d"
# DTS reports the SUT's NAME and VERSION from os-release; sid has no VERSION
osr=$root$(chroot "$root" readlink -f /etc/os-release)
if ! grep -q '^VERSION=' "$osr"; then
	{ cat "$osr"; echo 'VERSION="sid"'; } > "$root/run/igbx-dts/os-release"
	mount --bind "$root/run/igbx-dts/os-release" "$osr"
fi

# The igbx run: net_e1000 leaves DPDK's default plugin directory and igbx
# takes its place, so that the applications DTS starts without EAL options
# (dpdk-dumpcap, a secondary process) attach with the primary's driver too.
# The directory holds the PMD libraries themselves (the library directory
# links to them): the masked one links to the original, bound elsewhere.
pmds=$(ls -d "$root"/usr/lib/*/dpdk/pmds-* | head -1)
if [ "$driver" = igbx ]; then
	orig=/run/igbx-dts/pmds-orig
	masked=$root/run/igbx-dts/pmds
	mkdir -p "$root$orig" "$masked"
	mount --bind "$pmds" "$root$orig"
	for f in "$pmds"/*; do
		case "${f##*/}" in
		librte_net_e1000.so*) ;;
		*) ln -s "$orig/${f##*/}" "$masked/${f##*/}" ;;
		esac
	done
	ln -s "$IGBX_PLUGIN" "$masked/librte_net_igbx.so"
	mount --bind "$masked" "$pmds"
fi

{
	printf '%s\n' "${sim_env[@]}"
	echo "IGBX_PLUGIN=$IGBX_PLUGIN"
	echo "IGBX_DTS_TAP=$IGBX_DTS_TAP"
	echo "IGBX_DTS_TG_BUS=$IGBX_DTS_TG_BUS"
	echo "IGBX_DTS_TG_PYTHONPATH=$repo/test/dts/tg-python"
} > "$root/run/igbx-dts/env"

# Power the ports on once (the NVM loads the MAC address DTS reads through
# lshw): the first EAL init probes them; --help then ends testpmd.
chroot "$root" "$state/sut/dpdk/build-$driver/app/dpdk-testpmd" -l 0-1 -n 1 \
	--file-prefix igbx-dts-probe -a 0000:00:10.0 -a 0000:00:10.1 \
	-- --help > "$out/probe.log" 2>&1 || true

cat > "$root/run/igbx-dts/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $state/ssh/host_ed25519
PidFile /run/igbx-dts/sshd.pid
AuthorizedKeysFile $state/ssh/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxSessions 64
MaxStartups 64
Subsystem sftp internal-sftp
CONF
chroot "$root" /usr/sbin/sshd -f /run/igbx-dts/sshd_config -E "$out/sshd.log"
trap 'kill "$(cat "$root/run/igbx-dts/sshd.pid")" 2>/dev/null || true' EXIT

rc=0
if [ -n "${IGBX_DTS_HOLD:-}" ]; then	# debugging: keep the testbed up instead
	echo "in-sim: testbed up on 127.0.0.1:$port for $IGBX_DTS_HOLD s" >&2
	sleep "$IGBX_DTS_HOLD"
	exit 0
fi
# DTS writes its logs (dts.log, <suite>/<suite>.log, pcaps) below the
# default output directory of its tree whatever --output-dir says: clear it
# before, move it to OUT-DIR/logs after
dts_out=$state/dts-v25.11.2/dts/dts/output
rm -rf "$dts_out"
chroot "$root" /usr/bin/env -i HOME="$state/home" PATH=/usr/bin:/bin \
	LANG=C.UTF-8 TERM=dumb PYTHONDONTWRITEBYTECODE=1 \
	sh -c 'cd "$1" && shift && exec python3 main.py "$@"' dts \
	"$state/dts-v25.11.2/dts/dts" --output-dir "$out" "$@" || rc=$?
[ ! -d "$dts_out" ] || mv "$dts_out" "$out/logs"
exit $rc
