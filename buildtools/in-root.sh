#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# in-root.sh ROOT [-b PATH]... -- COMMAND [ARG...]
#
# Runs COMMAND inside ROOT (a Debian root from release-root.sh) as if it were
# the machine: a private mount namespace gets the host's /proc, /sys and /dev
# (hugepages included), the host's /tmp, a fresh /run, and every PATH
# bind-mounted at the same path, so that file names (build tree, checkout,
# run directories of igbx-sim, its control socket) mean the same inside and
# outside. Nothing stays mounted once COMMAND exits, however it exits.
# The process is exec'd all the way down: COMMAND has this script's pid, so
# callers signal and wait for it as if they had started it directly.
set -euo pipefail

usage() {
	echo "usage: $0 ROOT [-b PATH]... -- COMMAND [ARG...]" >&2
	exit 2
}

[ $# -ge 1 ] || usage
root=$1
shift
binds=()
while [ $# -gt 0 ]; do
	case $1 in
	-b) [ $# -ge 2 ] || usage; binds+=("$2"); shift 2 ;;
	--) shift; break ;;
	*) usage ;;
	esac
done
[ $# -ge 1 ] || usage
[ -x "$root/usr/bin/env" ] || { echo "in-root: $root is not a root" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "in-root: must run as root" >&2; exit 1; }

# Mount points made in the root itself (the cached root gains empty dirs).
for b in "${binds[@]}"; do
	[ -e "$b" ] || { echo "in-root: $b does not exist" >&2; exit 1; }
	if [ -d "$b" ]; then
		mkdir -p "$root$b"
	else
		mkdir -p "$root$(dirname "$b")"
		[ -e "$root$b" ] || : > "$root$b"
	fi
done

nbinds=${#binds[@]}
exec unshare --mount --propagation private /bin/bash -c '
	set -e
	root=$1 n=$2
	shift 2
	# The root a mount of its own, so that "/" in the chroot is a mount
	# point (igbx-sim makes its mounts private from there).
	mount --bind "$root" "$root"
	mount --rbind /proc "$root/proc"
	mount --rbind /sys "$root/sys"
	mount --rbind /dev "$root/dev"
	mount --bind /tmp "$root/tmp"
	mount -t tmpfs -o mode=0755 tmpfs "$root/run"
	while [ "$n" -gt 0 ]; do
		mount --bind "$1" "$root$1"
		shift
		n=$((n - 1))
	done
	exec chroot "$root" /usr/bin/env \
		PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"
' in-root "$root" "$nbinds" "${binds[@]}" "$@"
