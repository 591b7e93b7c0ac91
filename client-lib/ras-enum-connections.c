/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdbool.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"

/* RasEnumConnections' buffer protocol, shared by A and W (wide says which
 * structure the caller's buffer holds). */
static DWORD enum_connections(void *buffer, LPDWORD lpcb, LPDWORD lpcConnections, bool wide) {
    _cleanup_(client_connection_list_done) ClientConnectionList list = {};
    const RasConnVersion *version = NULL;
    DWORD element_size, required;
    DWORD code;

    if (!lpcb || !lpcConnections)
        return ERROR_INVALID_PARAMETER;

    /* The first element's dwSize names the structure version; without
     * room for even that, the caller can only be asking for the size. */
    if (buffer && *lpcb >= sizeof(DWORD)) {
        version = ras_conn_version(*(const DWORD *) buffer, wide);
        if (!version)
            return ERROR_INVALID_SIZE;
    }

    code = client_enum_connections(&list);
    if (code != 0)
        return code;

    element_size = version ? *(const DWORD *) buffer : ras_conn_newest_size(wide);
    required = (DWORD) list.n_items * element_size;

    if (!version) {
        /* lpcConnections counts structures written, so a size query
         * reports 0; the size needed is for our newest structure. */
        *lpcConnections = 0;
        *lpcb = required;
        return list.n_items == 0 ? ERROR_SUCCESS : ERROR_BUFFER_TOO_SMALL;
    }

    /* The buffer must hold at least the one structure that says its
     * version, and all of them; the size returned is never below that
     * one structure, so retrying with it cannot fail the same way. */
    if (*lpcb < element_size || *lpcb < required) {
        *lpcb = required > element_size ? required : element_size;
        *lpcConnections = 0;
        return ERROR_BUFFER_TOO_SMALL;
    }

    for (size_t i = 0; i < list.n_items; i++)
        ras_conn_fill((char *) buffer + i * element_size, version, &list.items[i]);

    *lpcb = required;
    *lpcConnections = (DWORD) list.n_items;
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasEnumConnectionsA(LPRASCONNA lprasconn, LPDWORD lpcb, LPDWORD lpcConnections) {
    return enum_connections(lprasconn, lpcb, lpcConnections, false);
}

_public_ DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW lprasconn, LPDWORD lpcb, LPDWORD lpcConnections) {
    return enum_connections(lprasconn, lpcb, lpcConnections, true);
}
