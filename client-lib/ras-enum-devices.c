/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasEnumDevices: the daemon's device list (docs/phonebook.md, "Devices")
 * as RASDEVINFO structures, with the lpcb buffer protocol.  A device
 * whose name does not fit szDeviceName is left out rather than cut: a
 * cut name would name no device. */
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "ras.h"
#include "text-convert.h"

static bool fits(const ClientDevice *d, bool wide) {
    size_t name = wide ? text_wide_length(d->name) : strlen(d->name);
    size_t type = wide ? text_wide_length(d->type) : strlen(d->type);
    return name <= RAS_MaxDeviceName && type <= RAS_MaxDeviceType;
}

static DWORD enum_devices(void *buffer, LPDWORD lpcb, LPDWORD lpcDevices, bool wide) {
    _cleanup_(client_device_list_done) ClientDeviceList list = {};
    DWORD element = wide ? sizeof(RASDEVINFOW) : sizeof(RASDEVINFOA);
    DWORD n = 0, code;

    if (!lpcb || !lpcDevices)
        return ERROR_INVALID_PARAMETER;
    /* "set the dwSize member of the first RASDEVINFO structure" */
    bool have_buffer = buffer && *lpcb >= sizeof(DWORD);
    if (have_buffer && *(const DWORD *) buffer != element)
        return ERROR_INVALID_SIZE;

    code = client_enum_devices(&list);
    if (code != 0)
        return code;
    for (size_t i = 0; i < list.n_items; i++)
        n += fits(&list.items[i], wide);

    DWORD required = n * element;
    if (!have_buffer || *lpcb < required || *lpcb < element) {
        *lpcb = required > element || !have_buffer ? required : element;
        *lpcDevices = 0;
        return n == 0 && !have_buffer ? ERROR_SUCCESS : ERROR_BUFFER_TOO_SMALL;
    }

    n = 0;
    for (size_t i = 0; i < list.n_items; i++) {
        if (!fits(&list.items[i], wide))
            continue;
        if (wide) {
            RASDEVINFOW *d = (RASDEVINFOW *) buffer + n;
            memset(d, 0, sizeof(*d));
            d->dwSize = sizeof(*d);
            text_copy(d->szDeviceType, ELEMENTSOF(d->szDeviceType), true, list.items[i].type);
            text_copy(d->szDeviceName, ELEMENTSOF(d->szDeviceName), true, list.items[i].name);
        } else {
            RASDEVINFOA *d = (RASDEVINFOA *) buffer + n;
            memset(d, 0, sizeof(*d));
            d->dwSize = sizeof(*d);
            text_copy(d->szDeviceType, ELEMENTSOF(d->szDeviceType), false, list.items[i].type);
            text_copy(d->szDeviceName, ELEMENTSOF(d->szDeviceName), false, list.items[i].name);
        }
        n++;
    }
    *lpcb = required;
    *lpcDevices = n;
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasEnumDevicesA(LPRASDEVINFOA lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices) {
    return enum_devices(lpRasDevInfo, lpcb, lpcDevices, false);
}

_public_ DWORD APIENTRY RasEnumDevicesW(LPRASDEVINFOW lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices) {
    return enum_devices(lpRasDevInfo, lpcb, lpcDevices, true);
}
