/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdbool.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"

/* Shared by A and W: wide says which RASCONNSTATUS the caller passed. */
static DWORD get_connect_status(HRASCONN hrasconn, void *status, bool wide) {
    _cleanup_(client_status_done) ClientStatus s = {};
    const RasConnStatusVersion *version;
    uint64_t handle;
    DWORD code;

    if (!status)
        return ERROR_INVALID_PARAMETER;

    version = ras_conn_status_version(*(const DWORD *) status, wide);
    if (!version)
        return ERROR_INVALID_SIZE;

    /* "all connections" is no connection's handle here */
    handle = ras_handle_from_hrasconn(hrasconn);
    if (handle == CLIENT_HANDLE_NONE || handle == CLIENT_HANDLE_ALL)
        return ERROR_INVALID_HANDLE;

    code = client_get_connect_status(handle, &s);
    if (code != 0)
        return code;

    ras_conn_status_fill(status, version, &s);
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasGetConnectStatusA(HRASCONN hrasconn, LPRASCONNSTATUSA lprasconnstatus) {
    return get_connect_status(hrasconn, lprasconnstatus, false);
}

_public_ DWORD APIENTRY RasGetConnectStatusW(HRASCONN hrasconn, LPRASCONNSTATUSW lprasconnstatus) {
    return get_connect_status(hrasconn, lprasconnstatus, true);
}
