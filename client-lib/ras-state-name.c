/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "lib-macro.h"
#include "phase-map.h"
#include "ras.h"

_public_ LPCSTR APIENTRY PppRasConnStateName(RASCONNSTATE state) {
    return ras_state_name(state);
}
