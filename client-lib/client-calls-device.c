/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* EnumDevices of docs/dbus-api.md as a C call. */
#include <assert.h>
#include <stdlib.h>

#include "client-bus.h"
#include "client-calls.h"
#include "lib-macro.h"
#include "raserror.h"

DWORD client_enum_devices(ClientDeviceList *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    _cleanup_(freep) ClientDevice *items = NULL;
    DBusMessageIter iter, array;
    size_t n = 0, allocated;
    DWORD code;

    assert(ret);

    code = client_bus_new_call("EnumDevices", &call);
    if (code != 0)
        return code;
    code = client_bus_call(call, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_has_signature(reply, "a(ss)") || !dbus_message_iter_init(reply, &iter))
        return ERROR_UNKNOWN;

    allocated = (size_t) dbus_message_iter_get_element_count(&iter);
    items = calloc(allocated ?: 1, sizeof(ClientDevice));
    if (!items)
        return ERROR_NOT_ENOUGH_MEMORY;
    dbus_message_iter_recurse(&iter, &array);
    for (; dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_STRUCT; dbus_message_iter_next(&array)) {
        DBusMessageIter st;
        if (n >= allocated)
            return ERROR_UNKNOWN;
        dbus_message_iter_recurse(&array, &st);
        dbus_message_iter_get_basic(&st, &items[n].type);
        dbus_message_iter_next(&st);
        dbus_message_iter_get_basic(&st, &items[n].name);
        n++;
    }

    *ret = (ClientDeviceList) {
        .reply = TAKE_PTR(reply),
        .items = TAKE_PTR(items),
        .n_items = n,
    };
    return 0;
}

void client_device_list_done(ClientDeviceList *list) {
    assert(list);
    free(list->items);
    if (list->reply)
        dbus_message_unref(list->reply);
    *list = (ClientDeviceList) {};
}
