#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Build DPDK's examples/l3fwd-power from Debian's dpdk source package of the
# installed version (fetched by dpdk-sdk.sh) against the installed libraries,
# into $IGBX_CACHE/l3fwd-power-<version>/dpdk-l3fwd-power. Cached: built once
# per DPDK version; nothing from DPDK's source is committed. Prints the path.
set -euo pipefail

cache=${IGBX_CACHE:-/var/cache/igbx}
here=$(cd "$(dirname "$0")" && pwd)
ver=$(pkg-config --modversion libdpdk 2>/dev/null) || {
	echo "build-l3fwd-power: pkg-config knows no libdpdk (apt-get install libdpdk-dev)" >&2
	exit 1
}
out_dir="$cache/l3fwd-power-$ver"
bin="$out_dir/dpdk-l3fwd-power"
if [ -x "$bin" ]; then
	echo "$bin"
	exit 0
fi

tree=$("$here/dpdk-sdk.sh")
src="$tree/examples/l3fwd-power"
[ -f "$src/main.c" ] || { echo "build-l3fwd-power: no $src/main.c" >&2; exit 1; }
# the example's own Makefile lists these
sources=(main.c perf_core.c)

mkdir -p "$out_dir"
tmp=$(mktemp "$out_dir/.dpdk-l3fwd-power.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# -w: the example is not our code; its warnings are not ours to fix.
# shellcheck disable=SC2046
(cd "$src" && gcc -O2 -w -DALLOW_EXPERIMENTAL_API \
	$(pkg-config --cflags libdpdk) "${sources[@]}" -o "$tmp" \
	$(pkg-config --libs libdpdk)) >&2
chmod 755 "$tmp"
# rename: concurrent callers never see a half-written binary
mv -f "$tmp" "$bin"
trap - EXIT
echo "$bin"
