/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"

/* Subentries are the links of a multilink bundle, numbered from 1 in the
 * order they joined; subentry 1 is the connection itself.  No such link:
 * ERROR_NO_MORE_ITEMS (from the daemon). */
static DWORD get_sub_entry_handle(HRASCONN hrasconn, DWORD sub_entry, LPHRASCONN lphrasconn) {
    uint64_t handle, sub_handle;
    DWORD code;

    if (!lphrasconn)
        return ERROR_INVALID_PARAMETER;

    handle = ras_handle_from_hrasconn(hrasconn);
    if (handle == CLIENT_HANDLE_NONE || handle == CLIENT_HANDLE_ALL)
        return ERROR_INVALID_HANDLE;

    code = client_get_sub_entry_handle(handle, sub_entry, &sub_handle);
    if (code != 0)
        return code;

    *lphrasconn = ras_handle_to_hrasconn(sub_handle);
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasGetSubEntryHandleA(HRASCONN hrasconn, DWORD dwSubEntry, LPHRASCONN lphrasconn) {
    return get_sub_entry_handle(hrasconn, dwSubEntry, lphrasconn);
}

_public_ DWORD APIENTRY RasGetSubEntryHandleW(HRASCONN hrasconn, DWORD dwSubEntry, LPHRASCONN lphrasconn) {
    return get_sub_entry_handle(hrasconn, dwSubEntry, lphrasconn);
}
