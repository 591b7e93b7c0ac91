/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"
#include "state-follower.h"

/* PppRasWatchConnections: every connection's state changes, in order, in
 * the calling thread (rasdial --watch is built on it). */
_public_ DWORD APIENTRY PppRasWatchConnections(PPPRASWATCHFUNC fn, LPVOID lpContext) {
    _cleanup_(state_follower_close) StateFollower f = {};
    DWORD code;

    if (!fn)
        return ERROR_INVALID_PARAMETER;

    code = state_follower_open(&f);
    if (code != 0)
        return code;

    for (;;) {
        StateEvent e;

        code = state_follower_next(&f, -1, &e);
        if (code != 0)
            return code;
        if (!fn(lpContext, ras_handle_to_hrasconn(e.handle), e.state, e.error))
            return ERROR_SUCCESS;
    }
}
