# SPDX-License-Identifier: BSD-3-Clause
# The two commands of the README: `make run` and `make test`. Both do all
# set-up first (packages, DPDK SDK headers, hugepages, build).

.PHONY: all setup build run test unit clean

all: build

setup:
	@buildtools/setup.sh

build: setup

# testpmd + igbx forwarding over two simulated 82576 ports (or PORTS="bdf bdf")
run: setup
	@buildtools/run.sh

# every test: unit tests, the simulated device, the driver, conformance
test: setup
	@/usr/bin/python3 -m pytest $(PYTEST_ARGS)

unit: setup
	@meson test -C build --suite unit

clean:
	rm -rf build
