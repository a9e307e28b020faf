#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# `make run`: dpdk-testpmd with igbx forwarding between two ports for
# $DURATION seconds, printing port statistics every second. With PORTS set to
# real PCI addresses it drives those; otherwise two simulated 82576 ports.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-10}
plugin=build/drivers/net/igbx/librte_net_igbx.so
testpmd_args=(-- --forward-mode=io --tx-first --stats-period 1 --nb-cores=1)

if [ -n "${PORTS:-}" ]; then
	allow=()
	for p in $PORTS; do allow+=(-a "$p"); done
	cmd=(dpdk-testpmd -l 0-1 -n 4 -d "$plugin" "${allow[@]}" "${testpmd_args[@]}")
else
	cmd=(build/app/igbx-sim/igbx-sim --ports 2 --
	     dpdk-testpmd -l 0-1 -n 1 -m 512 -d "$plugin"
	     -a 0000:00:10.0 -a 0000:00:10.1 "${testpmd_args[@]}")
fi

# testpmd forwards until timeout interrupts it after $duration seconds: that
# end (status 124) is the run going as planned, any other status is not.
rc=0
timeout -s INT --kill-after=10 "$duration" "${cmd[@]}" || rc=$?
[ "$rc" -eq 124 ] && rc=0
exit "$rc"
