#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# A minimal DPDK 24.11 LTS, built from Debian's dpdk source package (trixie),
# for checking that igbx also builds against the current LTS (issue 6).
# Everything lands in $IGBX_CACHE (default /var/cache/igbx) and is reused:
#   src/dpdk-stable-24.11.x/        unpacked source, with sdk-include/ staged
#   dpdk-24.11-install/             the installed DPDK (pkg-config in
#                                   lib/x86_64-linux-gnu/pkgconfig)
# Prints two lines: the install prefix, then the source tree (for -Ddpdk_src).
# IGBX_DPDK2411_TREE=<dir> uses a source tree unpacked by other means.
# Exit status 3: the 24.11 source package cannot be downloaded (archive does
# not answer or does not hold it); any other failure exits 1.
# Only source packages are fetched; no trixie binary package is installed.
# The apt state used for trixie is private (under the cache), so the
# machine's own apt sources and package lists are not changed.
set -euo pipefail
# shellcheck source=buildtools/debian-src.sh
. "$(dirname "$0")/debian-src.sh"

cache=${IGBX_CACHE:-/var/cache/igbx}
prefix="$cache/dpdk-24.11-install"
libdir=lib/x86_64-linux-gnu
aptdir="$cache/apt-trixie"
jobs=$(nproc)

say() { echo "dpdk-2411: $*" >&2; }

# apt-get/apt-cache confined to the trixie deb-src lists in $aptdir.
apt_trixie() {
	local tool=$1
	shift
	"$tool" -o Dir::Etc::SourceList=/dev/null \
		-o Dir::Etc::SourceParts="$aptdir/sources.list.d" \
		-o Dir::State::Lists="$aptdir/lists" \
		-o Dir::Cache="$aptdir/cache" "$@"
}

write_trixie_sources() {
	mkdir -p "$aptdir/sources.list.d" "$aptdir/lists/partial" \
		 "$aptdir/cache/archives/partial"
	igbx_deb_src_stanzas trixie > "$aptdir/sources.list.d/trixie-src.sources"
}

# The newest 24.11.x Debian version the trixie source lists know of.
find_version() {
	apt_trixie apt-cache showsrc dpdk 2>/dev/null |
		sed -n 's/^Version: \(24\.11\.[0-9.]*-.*\)$/\1/p' |
		sort -V | tail -n1
}

# Download and unpack the source; sets $tree. Exits 3 if unavailable.
fetch_source() {
	local ver upstream
	if [ -n "${IGBX_DPDK2411_TREE:-}" ]; then
		tree=$IGBX_DPDK2411_TREE	# unpacked by other means
		return 0
	fi
	write_trixie_sources
	apt_trixie apt-get update -qq >&2 || true
	ver=$(find_version)
	if [ -z "$ver" ]; then
		say "no dpdk 24.11 source package in Debian trixie's lists"
		exit 3
	fi
	upstream=${ver%%-*}
	tree="$cache/src/dpdk-stable-$upstream"
	[ -f "$tree/lib/ethdev/ethdev_driver.h" ] && return 0
	mkdir -p "$cache/src"
	if ! (cd "$cache/src" &&
	      apt_trixie apt-get source --download-only -qq "dpdk=$ver" >&2); then
		say "cannot download Debian source package dpdk=$ver"
		exit 3
	fi
	tar -C "$cache/src" -xf "$cache/src/dpdk_$upstream.orig.tar.xz"
	if [ ! -f "$tree/lib/ethdev/ethdev_driver.h" ]; then
		say "$tree has no lib/ethdev/ethdev_driver.h"
		exit 1
	fi
}

# sdk-include/: the driver-SDK headers the igbx build takes from -Ddpdk_src.
# 24.11 moved rte_flow_driver.h (and the mtr/tm ones) among them.
stage_sdk_headers() {
	igbx_stage_sdk_headers "$tree" lib/ethdev/rte_flow_driver.h lib/ethdev/rte_mtr_driver.h \
		lib/ethdev/rte_tm_driver.h lib/ethdev/ethdev_vdev.h \
		drivers/bus/vdev/bus_vdev_driver.h
}

# Only what a PCI ethdev PMD needs: the mandatory libraries (disable_libs=*
# keeps those), PCI and vdev buses, the ring mempool and DPDK's own e1000
# PMD (as a reference plugin); no apps, examples, tests or docs.
build_dpdk() {
	local bdir="$cache/build-dpdk-24.11" t0=$SECONDS
	rm -rf "$bdir" "$prefix"
	meson setup "$bdir" "$tree" --prefix="$prefix" --libdir="$libdir" \
		-Dbuildtype=release -Ddefault_library=shared \
		-Dplatform=generic -Denable_driver_sdk=true \
		-Ddisable_libs='*' -Ddisable_apps='*' \
		-Denable_drivers=bus/pci,bus/vdev,mempool/ring,net/e1000 \
		-Dexamples= -Dtests=false >&2
	ninja -C "$bdir" -j "$jobs" >&2
	meson install -C "$bdir" --quiet >&2
	rm -rf "$bdir"
	# Written last: a half-built prefix is never taken for the cache.
	echo "$tree" > "$prefix/.igbx-complete"
	say "built and installed in $((SECONDS - t0)) s"
}

if [ -f "$prefix/.igbx-complete" ]; then
	tree=$(cat "$prefix/.igbx-complete")
	if [ -f "$tree/lib/ethdev/ethdev_driver.h" ]; then
		[ -d "$tree/sdk-include" ] || stage_sdk_headers
		echo "$prefix"
		echo "$tree"
		exit 0
	fi
fi
fetch_source
stage_sdk_headers
build_dpdk
echo "$prefix"
echo "$tree"
