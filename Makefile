# SPDX-License-Identifier: BSD-3-Clause
# The two commands of the README: `make run` and `make test`. Both do all
# set-up first (packages, DPDK SDK headers, hugepages, build).

.PHONY: all setup build run test test-qemu unit versions soak fuzz dts clean

all: build

setup:
	@buildtools/setup.sh

build: setup

# testpmd + igbx forwarding over two simulated 82576 ports (or PORTS="bdf bdf")
run: setup
	@buildtools/run.sh

# every test (buildtools/test.sh): unit tests, the simulated device, the
# driver, conformance, reliability, the suite's ASan+UBSan build
# (IGBX_SANITIZE=0 skips that); then test/sim and test/conformance again with
# igbx's bursts forced to TEST_PATH2 (sse; TEST_PATH2= or a PYTEST_ARGS
# selection skips that pass). Fails if either pass failed.
TEST_PATH2 ?= sse
test: export PYTEST_ARGS := $(PYTEST_ARGS)
test: export TEST_PATH2 := $(TEST_PATH2)
test: setup
	@buildtools/test.sh

# the QEMU tier alone (make test runs it too): igbx and stock on QEMU's igb
# device in a TCG guest; buildtools/qemu-setup.sh installs QEMU from
# bookworm-backports and caches the guest's packages in /var/cache/igbx/qemu
test-qemu: setup
	@/usr/bin/python3 -m pytest test/qemu $(PYTEST_ARGS)

unit: setup
	@meson test -C build --suite unit

# the DPDK 24.11 / 25.11 matrix alone (part of `make test`): builds and tests
# igbx inside a cached Debian root of each release (IGBX_RELEASES="24.11")
versions: setup
	@/usr/bin/python3 -m pytest test/versions $(PYTEST_ARGS)

# io forwarding soak over the simulated pair, 10 minutes by default
# (IGBX_SOAK_SECONDS, IGBX_SOAK_DRIVERS="stock igbx"); `make test` runs 30 s
soak: setup
	@IGBX_SOAK_SECONDS=$${IGBX_SOAK_SECONDS:-600} /usr/bin/python3 -m pytest -s \
		test/reliability/test_soak.py $(PYTEST_ARGS)

# build the libFuzzer harnesses (clang) and run each FUZZ_SECONDS (60)
fuzz: setup
	@test/fuzz/run.sh

# DPDK's DTS 25.11 on simulated 82576 ports, with igbx and with stock igb
# (test/dts/run-dts.sh; DTS_SUITES="hello_world mtu" selects, DTS_DRIVERS=igbx);
# results in build/dts/<driver>/results.json, side by side in build/dts/summary.md
dts: setup
	@test/dts/run-dts.sh

clean:
	rm -rf build
