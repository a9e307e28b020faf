#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# sdk-for.sh VERSION
# Where the build finds the driver-SDK headers (ethdev_driver.h, ethdev_pci.h,
# bus_pci_driver.h, ...) that Debian's libdpdk-dev does not ship, for DPDK
# VERSION (the libdpdk meson builds against, from pkg-config). Prints the
# folder.
#
# - 22.11, the release Debian 12 installs: from Debian's dpdk source package
#   of exactly that version, cached in /var/cache/igbx by buildtools/setup.sh
#   (dpdk-sdk.sh); this script only looks (meson runs it while configuring,
#   which must not install anything or touch apt's sources).
# - 24.11, 25.11 (whose source packages cannot be fetched here): from
#   $IGBX_DPDK_SDK/<major.minor>/ (default: shared/dpdk-sdk/ beside this
#   checkout), used in place, never copied.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

[ $# -eq 1 ] || { echo "usage: $0 DPDK-VERSION" >&2; exit 2; }
release=$(echo "$1" | cut -d. -f1,2)

if [ "$release" = 22.11 ]; then
	tree=$("$here/dpdk-sdk.sh" --check)
	echo "$tree/sdk-include"
	exit 0
fi

sdk=$(realpath -m "${IGBX_DPDK_SDK:-$here/../../shared/dpdk-sdk}/$release")
if [ ! -f "$sdk/ethdev_driver.h" ]; then
	echo "no driver-SDK headers for DPDK $release in $sdk (IGBX_DPDK_SDK=DIR" \
	     "with DIR/$release/ethdev_driver.h..., or meson -Ddpdk_sdk=DIR)" >&2
	exit 1
fi
echo "$sdk"
