#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Build DPDK's examples/l3fwd from Debian's dpdk source package of the
# installed version (fetched by dpdk-sdk.sh) against the installed libraries,
# into $IGBX_CACHE/l3fwd-<version>/dpdk-l3fwd. Cached: built once per DPDK
# version; nothing from DPDK's source is committed. Prints the binary path.
set -euo pipefail

cache=${IGBX_CACHE:-/var/cache/igbx}
here=$(cd "$(dirname "$0")" && pwd)
ver=$(pkg-config --modversion libdpdk 2>/dev/null) || {
	echo "build-l3fwd: pkg-config knows no libdpdk (apt-get install libdpdk-dev)" >&2
	exit 1
}
out_dir="$cache/l3fwd-$ver"
bin="$out_dir/dpdk-l3fwd"
if [ -x "$bin" ]; then
	echo "$bin"
	exit 0
fi

tree=$("$here/dpdk-sdk.sh")
src="$tree/examples/l3fwd"
[ -f "$src/main.c" ] || { echo "build-l3fwd: no $src/main.c" >&2; exit 1; }

# The example's own Makefile lists these; the route-file parsers
# (*_route_parse.c) are #included by l3fwd_lpm.c / l3fwd_em.c.
sources=(main.c l3fwd_acl.c l3fwd_lpm.c l3fwd_fib.c l3fwd_em.c
	 l3fwd_event.c l3fwd_event_generic.c l3fwd_event_internal_port.c)

mkdir -p "$out_dir"
tmp=$(mktemp "$out_dir/.dpdk-l3fwd.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# -w: the example is not our code; its warnings are not ours to fix.
# shellcheck disable=SC2046
(cd "$src" && gcc -O3 -w -DALLOW_EXPERIMENTAL_API -I../common \
	$(pkg-config --cflags libdpdk) "${sources[@]}" -o "$tmp" \
	$(pkg-config --libs libdpdk)) >&2
chmod 755 "$tmp"
# rename: concurrent callers never see a half-written binary
mv -f "$tmp" "$bin"
trap - EXIT
echo "$bin"
