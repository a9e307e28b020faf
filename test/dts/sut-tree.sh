#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# sut-tree.sh PLUGIN [TREE [VERSION]]
# Lays out on a SUT the "DPDK tree" DTS is given (test-run.yaml's dpdk_tree,
# default /var/cache/igbx/dts/sut/dpdk): VERSION, and build-igbx/app and
# build-stock/app whose dpdk-testpmd, dpdk-dumpcap and dpdk-pdump are links
# to bin/sut-app, which runs the installed DPDK's application (with PLUGIN,
# igbx built for that DPDK, in build-igbx). run-dts.sh calls it for the
# simulated testbed; on a real SUT run it there from a clone.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
plugin=${1:?usage: sut-tree.sh PLUGIN [TREE [VERSION]]}
tree=${2:-/var/cache/igbx/dts/sut/dpdk}
version=${3:-$(dpkg-query -W -f='${Version}' dpdk 2>/dev/null | sed 's/-.*//')}
mkdir -p "$tree"
echo "${version:-unknown}" > "$tree/VERSION"
for drv in igbx stock; do
	mkdir -p "$tree/build-$drv/app"
	for app in testpmd dumpcap pdump; do
		ln -sfn "$here/bin/sut-app" "$tree/build-$drv/app/dpdk-$app"
	done
done
echo "IGBX_PLUGIN=$plugin" > "$tree/igbx.env"
