/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"
#include "win-event.h"

/* The flags the daemon can signal (docs/dbus-api.md). */
#define RASCN_SUPPORTED (RASCN_Connection | RASCN_Disconnection | RASCN_BandwidthAdded | RASCN_BandwidthRemoved)

/* The event's fd goes to the daemon, which writes to it for each matching
 * event; the registration lasts as long as this process's bus connection. */
static DWORD connection_notification(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags) {
    uint64_t handle = ras_handle_from_hrasconn(hrasconn);
    int fd;

    if (handle == CLIENT_HANDLE_NONE)
        return ERROR_INVALID_HANDLE;

    fd = win_event_fd(hEvent);
    if (fd < 0)
        return ERROR_INVALID_HANDLE;

    if (dwFlags == 0 || (dwFlags & ~(DWORD) RASCN_SUPPORTED) != 0)
        return ERROR_INVALID_PARAMETER;

    return client_register_notification(handle, dwFlags, fd);
}

_public_ DWORD APIENTRY RasConnectionNotificationA(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags) {
    return connection_notification(hrasconn, hEvent, dwFlags);
}

_public_ DWORD APIENTRY RasConnectionNotificationW(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags) {
    return connection_notification(hrasconn, hEvent, dwFlags);
}
