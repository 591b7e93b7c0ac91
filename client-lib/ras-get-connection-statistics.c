/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"

/* RAS_STATS has one version.  Its counters are 32 bits and wrap, as on
 * Windows; pppd knows no per-error counters or compression ratios, so
 * those are 0. */
_public_ DWORD APIENTRY RasGetConnectionStatistics(HRASCONN hRasConn, PRAS_STATS lpStatistics) {
    ClientStatistics s;
    uint64_t handle;
    DWORD code;

    if (!lpStatistics)
        return ERROR_INVALID_PARAMETER;
    if (lpStatistics->dwSize != sizeof(RAS_STATS))
        return ERROR_INVALID_SIZE;

    handle = ras_handle_from_hrasconn(hRasConn);
    if (handle == CLIENT_HANDLE_NONE || handle == CLIENT_HANDLE_ALL)
        return ERROR_INVALID_HANDLE;

    code = client_get_statistics(handle, &s);
    if (code != 0)
        return code;

    *lpStatistics = (RAS_STATS) {
        .dwSize = sizeof(RAS_STATS),
        .dwBytesXmited = (DWORD) s.bytes_xmited,
        .dwBytesRcved = (DWORD) s.bytes_rcved,
        .dwFramesXmited = (DWORD) s.frames_xmited,
        .dwFramesRcved = (DWORD) s.frames_rcved,
        .dwBps = s.bps,
        .dwConnectDuration = s.connect_duration_ms,
    };
    return ERROR_SUCCESS;
}
