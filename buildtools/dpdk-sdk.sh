#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Fetch the driver-SDK headers (ethdev_driver.h, ethdev_pci.h, bus_pci_driver.h,
# ...) that Debian's libdpdk-dev does not ship, and the DPDK sources some tests
# use (the l3fwd example, the NIC guides' default.ini), from Debian's dpdk
# source package of exactly the installed version (22.11 on Debian 12). Nothing
# fetched here is committed: it lands in $IGBX_CACHE (default /var/cache/igbx).
# Prints the directory of the unpacked source tree; its sdk-include/ folder
# holds just the SDK headers, staged for the build.
# --check: fetch nothing, change no apt configuration; print the tree if it is
# already in the cache, else say what is missing and exit 1 (what meson's
# configure step runs: buildtools/setup.sh is what fetches).
set -euo pipefail
check=0
[ "${1:-}" != --check ] || check=1
# shellcheck source=buildtools/debian-src.sh
. "$(dirname "$0")/debian-src.sh"

cache=${IGBX_CACHE:-/var/cache/igbx}
ver=$(dpkg-query -W -f='${Version}' libdpdk-dev 2>/dev/null || true)
if [ -z "$ver" ]; then
	echo "dpdk-sdk: libdpdk-dev is not installed (apt-get install libdpdk-dev)" >&2
	exit 1
fi
upstream=${ver%%-*}
tree="$cache/src/dpdk-stable-$upstream"
if [ -f "$tree/lib/ethdev/ethdev_driver.h" ]; then
	[ -d "$tree/sdk-include" ] || igbx_stage_sdk_headers "$tree"
	echo "$tree"
	exit 0
fi
if [ $check = 1 ]; then
	echo "dpdk-sdk: no DPDK $upstream source tree in $tree: run buildtools/setup.sh" \
	     "(make setup), which fetches Debian's dpdk source package into" \
	     "$cache/src, or give meson -Ddpdk_src=DIR or -Ddpdk_sdk=DIR" >&2
	exit 1
fi

mkdir -p "$cache/src"
src_list=/etc/apt/sources.list.d/igbx-deb-src.sources
if ! apt-cache showsrc dpdk 2>/dev/null | grep -q "^Version: $ver\$"; then
	if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ &&
	   ! grep -qs '^deb-src' /etc/apt/sources.list; then
		igbx_deb_src_stanzas bookworm > "$src_list"
	fi
	apt-get update -qq >&2
fi
(cd "$cache/src" && apt-get source --download-only -qq "dpdk=$ver" >&2) || {
	echo "dpdk-sdk: cannot download Debian source package dpdk=$ver" \
	     "(needs a deb-src entry for Debian bookworm)" >&2
	exit 1
}
tar -C "$cache/src" -xf "$cache/src/dpdk_$upstream.orig.tar.xz"
if [ ! -f "$tree/lib/ethdev/ethdev_driver.h" ]; then
	echo "dpdk-sdk: $tree has no lib/ethdev/ethdev_driver.h" >&2
	exit 1
fi
igbx_stage_sdk_headers "$tree"
echo "$tree"
