#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# What the QEMU tier (make test-qemu, test/qemu/) needs on the host: QEMU 10
# from bookworm-backports (the first Debian QEMU with `-device igb`), and
# Debian's kernel and busybox-static packages unpacked (dpkg -x, not
# installed) into $IGBX_CACHE/qemu/. The test builds the guest's initramfs
# from them at run time. Idempotent; prints one line per path:
#   qemu=<qemu-system-x86_64>  kernel=<vmlinuz>  modules=<lib/modules/VER>
#   busybox=<busybox binary>
# Exit status 3: something cannot be had (no root, archive unreachable,
# package missing); the message says what. Only this tier's packages come
# from backports (apt pins backports below the release: only packages named
# with -t are taken from it).
set -euo pipefail

cache=${IGBX_CACHE:-/var/cache/igbx}/qemu
backports_list=/etc/apt/sources.list.d/igbx-bookworm-backports.sources

say() { echo "qemu-setup: $*" >&2; }
unavailable() { say "$*"; exit 3; }

qemu_has_igb() {
	command -v qemu-system-x86_64 >/dev/null &&
		qemu-system-x86_64 -device help 2>/dev/null | grep -q '"igb"'
}

install_qemu() {
	qemu_has_igb && return 0
	[ "$(id -u)" = 0 ] || unavailable "run as root to install qemu-system-x86"
	if [ ! -f "$backports_list" ]; then
		cat > "$backports_list" <<'SRC'
# Written by igbx buildtools/qemu-setup.sh: QEMU >= 8 (-device igb) for the
# QEMU test tier. Backports are pinned low by the archive (NotAutomatic):
# nothing else is upgraded from here.
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
	fi
	say "installing qemu-system-x86 from bookworm-backports"
	apt-get update -qq >&2 || unavailable "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		-t bookworm-backports qemu-system-x86 >&2 ||
		unavailable "cannot install qemu-system-x86 from bookworm-backports"
	qemu_has_igb || unavailable "the installed QEMU has no igb device"
}

# Download package $1 (newest candidate) and unpack it into $cache/$1-<ver>;
# prints that directory.
unpack_deb() {
	local pkg=$1 ver dir
	ver=$(apt-cache policy "$pkg" 2>/dev/null | sed -n 's/^  Candidate: //p')
	if [ -z "$ver" ] || [ "$ver" = "(none)" ]; then
		unavailable "no candidate for $pkg"
	fi
	dir="$cache/$pkg-${ver//:/_}"
	if [ ! -f "$dir/.igbx-complete" ]; then
		rm -rf "$dir" "$cache/deb-$pkg"
		mkdir -p "$cache/deb-$pkg"
		(cd "$cache/deb-$pkg" && apt-get download -qq -o APT::Sandbox::User=root "$pkg=$ver" >&2) ||
			unavailable "cannot download $pkg=$ver"
		dpkg -x "$cache/deb-$pkg"/*.deb "$dir"
		rm -rf "$cache/deb-$pkg"
		touch "$dir/.igbx-complete"	# last: a half-unpacked tree is never reused
	fi
	echo "$dir"
}

mkdir -p "$cache"
install_qemu
# linux-image-amd64 is a metapackage; the kernel is the package it names.
kpkg=$(apt-cache depends linux-image-amd64 2>/dev/null |
	sed -n 's/^  Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n1)
[ -n "$kpkg" ] || unavailable "apt knows no linux-image-amd64 kernel package"
kdir=$(unpack_deb "$kpkg")
bdir=$(unpack_deb busybox-static)
kver=${kpkg#linux-image-}
echo "qemu=$(command -v qemu-system-x86_64)"
echo "kernel=$kdir/boot/vmlinuz-$kver"
echo "modules=$kdir/lib/modules/$kver"
echo "busybox=$bdir/bin/busybox"
