#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# release-root.sh REL [PACKAGE...]
#
# A Debian root holding DPDK release REL from Debian's binary packages, for
# building and testing igbx against a DPDK other than the host's 22.11:
#   24.11 -> Debian 13 (trixie), 25.11 -> Debian sid.
# The root is made once with debootstrap (minbase) under $IGBX_CACHE
# (default /var/cache/igbx)/roots/REL and reused; it is rebuilt only when it
# is missing or broken (no completion mark, no testpmd, wrong libdpdk). It
# always holds dpdk, dpdk-dev, libdpdk-dev, gcc, meson, ninja-build,
# pkg-config and python3-pyelftools; PACKAGEs are further Debian packages
# installed into it when absent (idempotent). Nothing is installed on the
# host except debootstrap itself.
#
# Prints the root's path (last line of stdout). Exit status: 0 ready,
# 3 Debian's archive cannot be reached (callers skip with the reason, which
# is on stderr), 2 usage, 1 any other failure.
set -euo pipefail

cache=${IGBX_CACHE:-/var/cache/igbx}
mirror=${IGBX_DEBIAN_MIRROR:-http://deb.debian.org/debian}
ARCHIVE_UNREACHABLE=3

say() { echo "release-root: $*" >&2; }

usage() {
	echo "usage: $0 24.11|25.11 [debian-package...]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
rel=$1
shift
case $rel in
24.11) suite=trixie ;;
25.11) suite=sid ;;
*) usage ;;
esac
extra=("$@")
base_pkgs=(dpdk dpdk-dev libdpdk-dev gcc meson ninja-build pkg-config
	   python3-pyelftools)

[ "$(id -u)" = 0 ] || { say "must run as root (debootstrap, chroot)"; exit 1; }

root="$cache/roots/$rel"
mark="$root/.igbx-root-complete"
mkdir -p "$cache/roots"

# One builder per release at a time: tests and other tools may ask together.
exec 9>"$cache/roots/$rel.lock"
flock 9

in_root() {
	chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# Healthy: completed, runnable, and its libdpdk is the release asked for.
root_ok() {
	local ver
	[ -f "$mark" ] && [ -x "$root/usr/bin/dpdk-testpmd" ] || return 1
	ver=$(in_root pkg-config --modversion libdpdk 2>/dev/null) || return 1
	[[ $ver == "$rel".* ]]
}

# Can Debian's archive be reached at all? (Distinguishes "no network" from
# a real failure.)
archive_reachable() {
	wget -q -T 20 -t 2 -O /dev/null "$mirror/dists/$suite/Release"
}

unreachable() {
	say "Debian's archive ($mirror, suite $suite) cannot be reached: $*"
	exit $ARCHIVE_UNREACHABLE
}

# apt-get in the root, with /proc mounted for the packages' scripts; a
# private mount namespace drops the mount whatever happens.
apt_in_root() {
	unshare --mount --propagation private /bin/bash -c '
		mount -t proc proc "$1/proc" && shift && exec "$@"' _ "$root" \
		chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive apt-get "$@"
}

# apt's chatter goes to a log, shown when it fails.
apt_install() {
	local log="$cache/roots/$rel.apt.log"
	if apt_in_root update -qq >"$log" 2>&1 &&
	   apt_in_root install -y -qq --no-install-recommends "$@" >>"$log" 2>&1; then
		return 0
	fi
	tail -n 15 "$log" >&2
	return 1
}

ensure_debootstrap() {
	command -v debootstrap >/dev/null && return 0
	say "installing debootstrap on the host"
	apt-get update -qq >&2 || true
	apt-get install -y -qq --no-install-recommends debootstrap >&2 ||
		{ archive_reachable || unreachable "apt-get install debootstrap failed"; exit 1; }
}

# rm -rf of a root, never into a file system still mounted below it (an
# interrupted debootstrap leaves its /proc and /sys mounted there).
remove_tree() {
	local m
	[ -e "$1" ] || return 0
	awk -v p="$1/" 'index($2, p) == 1 { print $2 }' /proc/mounts | sort -r |
		while read -r m; do umount -l "$m"; done
	rm -rf --one-file-system "$1"
}

build_root() {
	local new="$root.new" t0=$SECONDS
	ensure_debootstrap
	archive_reachable || unreachable "no answer for dists/$suite/Release"
	say "building the DPDK $rel root ($suite) in $root"
	remove_tree "$new"
	if ! debootstrap --variant=minbase --include=dpdk "$suite" "$new" \
		"$mirror" >"$cache/roots/$rel.debootstrap.log" 2>&1; then
		tail -n 15 "$cache/roots/$rel.debootstrap.log" >&2
		archive_reachable || unreachable "debootstrap lost the archive"
		say "debootstrap failed (log $cache/roots/$rel.debootstrap.log)"
		exit 1
	fi
	if [ "$suite" = trixie ]; then
		# Point releases and security fixes of the stable release.
		cat >> "$new/etc/apt/sources.list" <<-EOF
		deb $mirror $suite-updates main
		deb http://deb.debian.org/debian-security $suite-security main
		EOF
	fi
	# The archive reachable here may be a mirror that lags: sid's Release
	# then outlives its Valid-Until date (signatures are still checked).
	echo 'Acquire::Check-Valid-Until "false";' > "$new/etc/apt/apt.conf.d/90igbx"
	# No daemon of an installed package starts inside the root.
	printf '#!/bin/sh\nexit 101\n' > "$new/usr/sbin/policy-rc.d"
	chmod 755 "$new/usr/sbin/policy-rc.d"
	remove_tree "$root"
	mv "$new" "$root"
	if ! apt_install "${base_pkgs[@]}"; then
		archive_reachable || unreachable "apt-get install lost the archive"
		say "installing ${base_pkgs[*]} in the root failed"
		exit 1
	fi
	in_root apt-get clean
	# Written last: a half-made root is never taken for a ready one.
	in_root pkg-config --modversion libdpdk > "$mark"
	say "DPDK $(cat "$mark") root ready in $((SECONDS - t0)) s"
}

if ! root_ok; then
	[ ! -e "$root" ] || say "$root is incomplete or broken: rebuilding"
	build_root
	root_ok || { say "the new root does not hold DPDK $rel"; exit 1; }
fi

missing=()
for p in "${extra[@]}"; do
	in_root dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]} in the $rel root"
	if ! apt_install "${missing[@]}"; then
		archive_reachable || unreachable "cannot install ${missing[*]}"
		say "cannot install ${missing[*]} in the $rel root"
		exit 1
	fi
	in_root apt-get clean
fi
echo "$root"
