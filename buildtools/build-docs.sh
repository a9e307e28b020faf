#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Builds doc/guides to HTML with Debian's Sphinx (python3-sphinx). -W turns
# every warning, a broken reference included, into a failed build; -n
# (nitpicky) also reports references to missing targets.
# Usage: buildtools/build-docs.sh [OUTPUT-DIR [SOURCE-DIR]]
# (defaults build/doc/html and doc/guides)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-build/doc/html}
src=${2:-doc/guides}
if ! command -v sphinx-build >/dev/null; then
	echo "build-docs: sphinx-build missing (apt-get install python3-sphinx)" >&2
	exit 1
fi
exec sphinx-build -W -n --keep-going -q -b html \
	-d "$out/.doctrees" "$src" "$out"
