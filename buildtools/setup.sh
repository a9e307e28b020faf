#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Everything a fresh Debian 12 machine needs before igbx builds and its tests
# run: packages, the DPDK source package (SDK headers), hugepages, the build.
# Idempotent and quiet when there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(dpdk dpdk-dev libdpdk-dev meson ninja-build pkg-config gcc
	  python3 python3-pyelftools python3-pytest python3-pexpect python3-scapy
	  dpkg-dev xz-utils iproute2 tcpdump python3-sphinx debootstrap
	  python3-matplotlib)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	[ "$(id -u)" = 0 ] || { echo "setup: run as root to install: ${missing[*]}" >&2; exit 1; }
	echo "setup: installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null
fi

buildtools/dpdk-sdk.sh >/dev/null

# The simulated 82576 needs 2 MB hugepages with physical addresses (IOVA=PA).
want=${IGBX_HUGEPAGES:-1024}
have=$(cat /proc/sys/vm/nr_hugepages)
if [ "$have" -lt "$want" ]; then
	echo "$want" > /proc/sys/vm/nr_hugepages
	have=$(cat /proc/sys/vm/nr_hugepages)
	[ "$have" -ge 256 ] || { echo "setup: only $have hugepages could be reserved" >&2; exit 1; }
fi

# EAL refuses to dlopen a plugin below a world-writable directory (a clone in
# /tmp, say): then the build tree lives in the cache and build/ links to it.
world_writable_parent() {
	local d=$PWD
	while [ "$d" != / ]; do
		[ -n "$(find "$d" -maxdepth 0 -perm -o+w)" ] && return 0
		d=$(dirname "$d")
	done
	return 1
}
if [ ! -e build ] && world_writable_parent; then
	real=/var/cache/igbx/build-$(pwd | md5sum | cut -c1-12)
	rm -rf "$real"
	mkdir -p "$real"
	ln -sfn "$real" build
	echo "setup: build tree in $real (this checkout is below a world-writable directory)"
fi
if [ ! -f build/build.ninja ]; then
	meson setup build ${IGBX_MESON_ARGS:-} >/dev/null
fi
ninja -C build >/dev/null || ninja -C build
