/* SPDX-License-Identifier: BSD-3-Clause */
/* placeholder: the SIMD bursts are being written */
#include "igbx_rxtx.h"
