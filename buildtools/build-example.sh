#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# build-example.sh NAME: build DPDK's examples/NAME (l3fwd, l3fwd-power, vmdq) from
# Debian's dpdk source package of the installed version (fetched by
# dpdk-sdk.sh) against the installed libraries, into
# $IGBX_CACHE/NAME-<version>/dpdk-NAME. Cached: built once per DPDK version;
# nothing from DPDK's source is committed. Prints the binary's path.
set -euo pipefail

name=${1:-}
# Each example's sources, as its own Makefile lists them, and its flags. The
# l3fwd route-file parsers (*_route_parse.c) are #included by
# l3fwd_lpm.c / l3fwd_em.c.
case $name in
l3fwd)
	sources=(main.c l3fwd_acl.c l3fwd_lpm.c l3fwd_fib.c l3fwd_em.c
		 l3fwd_event.c l3fwd_event_generic.c l3fwd_event_internal_port.c)
	cflags=(-O3 -I../common) ;;
l3fwd-power)
	sources=(main.c perf_core.c)
	cflags=(-O2) ;;
vmdq)
	sources=(main.c)
	cflags=(-O2) ;;
*)
	echo "usage: $0 l3fwd|l3fwd-power|vmdq" >&2
	exit 2 ;;
esac

cache=${IGBX_CACHE:-/var/cache/igbx}
here=$(cd "$(dirname "$0")" && pwd)
ver=$(pkg-config --modversion libdpdk 2>/dev/null) || {
	echo "build-example: pkg-config knows no libdpdk (apt-get install libdpdk-dev)" >&2
	exit 1
}
out_dir="$cache/$name-$ver"
bin="$out_dir/dpdk-$name"
if [ -x "$bin" ]; then
	echo "$bin"
	exit 0
fi

tree=$("$here/dpdk-sdk.sh")
src="$tree/examples/$name"
[ -f "$src/main.c" ] || { echo "build-example: no $src/main.c" >&2; exit 1; }

mkdir -p "$out_dir"
tmp=$(mktemp "$out_dir/.dpdk-$name.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# -w: the example is not our code; its warnings are not ours to fix.
# shellcheck disable=SC2046
(cd "$src" && gcc "${cflags[@]}" -w -DALLOW_EXPERIMENTAL_API \
	$(pkg-config --cflags libdpdk) "${sources[@]}" -o "$tmp" \
	$(pkg-config --libs libdpdk)) >&2
chmod 755 "$tmp"
# rename: concurrent callers never see a half-written binary
mv -f "$tmp" "$bin"
trap - EXIT
echo "$bin"
