#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# release-build.sh REL [PACKAGE...]
#
# Builds this checkout (driver, simulator, test programs, igbx-bench) inside
# the Debian root of DPDK release REL (24.11, 25.11; release-root.sh), against
# that release's libdpdk and the SDK headers of shared/dpdk-sdk/REL, warnings
# as errors. PACKAGEs go into the root first (release-root.sh).
# The build tree is $IGBX_CACHE/builds/REL-<checkout hash>: never below a
# world-writable directory (EAL refuses plugins there) and at the same path
# inside the root and outside, as are the checkout and the SDK headers
# (IGBX_DPDK_SDK, default shared/dpdk-sdk beside the checkout). Prints two
# lines: the root, then the build directory. Exit status: 3 when Debian's
# archive cannot be reached, 4 when the root cannot be made for another
# reason (release-root.sh says why on stderr), 5 when the release's SDK
# headers are missing: callers skip; 1 when igbx does not build (the
# compiler's output on stderr).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
cache=${IGBX_CACHE:-/var/cache/igbx}

[ $# -ge 1 ] || { echo "usage: $0 24.11|25.11 [debian-package...]" >&2; exit 2; }
rel=$1
shift

rc=0
root=$("$here/release-root.sh" "$rel" "$@" | tail -n1) || rc=$?
case $rc in
0) ;;
3) exit 3 ;;
*) exit 4 ;;
esac

sdk=$(realpath -m "${IGBX_DPDK_SDK:-$repo/../shared/dpdk-sdk}")
if [ ! -f "$sdk/$rel/ethdev_driver.h" ]; then
	echo "release-build: no DPDK $rel driver-SDK headers in $sdk/$rel" \
	     "(IGBX_DPDK_SDK names the folder holding $rel/)" >&2
	exit 5
fi

build="$cache/builds/$rel-$(echo "$repo" | md5sum | cut -c1-12)"
mkdir -p "$build"
chmod 755 "$cache/builds" "$build"

# A configured tree is only rebuilt: ninja reruns meson when a meson.build
# changed.
if ! "$here/in-root.sh" "$root" -b "$repo" -b "$build" -b "$sdk" -- \
	/usr/bin/env IGBX_DPDK_SDK="$sdk" /bin/sh -c '
		{ [ -f "$1/build.ninja" ] || meson setup "$1" "$2"; } && ninja -C "$1"' \
	sh "$build" "$repo" >"$build.log" 2>&1; then
	tail -n 60 "$build.log" >&2
	echo "release-build: building igbx against DPDK $rel failed (log $build.log)" >&2
	exit 1
fi
echo "$root"
echo "$build"
