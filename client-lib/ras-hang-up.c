/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "client-calls.h"
#include "dial-registry.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"

/* The daemon runs the whole hang-up (SIGTERM, grace period, SIGKILL,
 * retiring the handle), so the caller may exit as soon as this returns. */
static DWORD hang_up(HRASCONN hrasconn) {
    uint64_t handle = ras_handle_from_hrasconn(hrasconn);

    if (handle == CLIENT_HANDLE_NONE || handle == CLIENT_HANDLE_ALL)
        return ERROR_INVALID_HANDLE;

    /* an asynchronous RasDial of this handle notifies no more */
    dial_registry_cancel(handle);
    return client_hang_up(handle);
}

_public_ DWORD APIENTRY RasHangUpA(HRASCONN hrasconn) {
    return hang_up(hrasconn);
}

_public_ DWORD APIENTRY RasHangUpW(HRASCONN hrasconn) {
    return hang_up(hrasconn);
}
