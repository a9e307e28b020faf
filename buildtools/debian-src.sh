# SPDX-License-Identifier: BSD-3-Clause
# debian-src.sh - sourced by dpdk-sdk.sh: what it does with a Debian dpdk
# source tree (the releases after 22.11 take their SDK headers from
# shared/dpdk-sdk instead, see sdk-for.sh).

# deb822 deb-src stanzas of Debian release $1 (bookworm, trixie, ...).
igbx_deb_src_stanzas() {
	cat <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $1 $1-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $1-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
}

# Stage the driver-SDK headers of source tree $1 in $1/sdk-include/: the ones
# every version has, then those of $2... that this version has.
igbx_stage_sdk_headers() {
	local tree=$1 h
	shift
	mkdir -p "$tree/sdk-include"
	for h in lib/ethdev/ethdev_driver.h lib/ethdev/ethdev_pci.h \
		 drivers/bus/pci/bus_pci_driver.h lib/eal/include/bus_driver.h \
		 lib/eal/include/dev_driver.h; do
		cp "$tree/$h" "$tree/sdk-include/"
	done
	for h in "$@"; do
		[ ! -f "$tree/$h" ] || cp "$tree/$h" "$tree/sdk-include/"
	done
}
