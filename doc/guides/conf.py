# SPDX-License-Identifier: BSD-3-Clause
# Sphinx configuration of the igbx guides (buildtools/build-docs.sh builds
# them with -W: any warning, a broken reference included, fails the build).
project = 'igbx'
copyright = 'igbx contributors, BSD-3-Clause'
master_doc = 'index'
exclude_patterns = ['_build']
nitpicky = True
html_theme = 'alabaster'
html_show_sourcelink = False
