/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "client-bus.h"
#include "client-calls.h"
#include "lib-macro.h"
#include "raserror.h"

/* A reply whose shape differs from the contract comes from a daemon this
 * library does not understand; nothing better than ERROR_UNKNOWN fits. */
#define ERROR_BAD_REPLY ERROR_UNKNOWN

static DWORD call_simple(DBusMessage *call, DBusMessage **ret_reply) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    DWORD code;

    assert(call);

    code = client_bus_call(call, &reply);
    if (code != 0)
        return code;
    if (ret_reply)
        *ret_reply = TAKE_PTR(reply);
    return 0;
}

/* One (tssssu) struct of the EnumConnections reply. */
static DWORD parse_connection(DBusMessageIter *array, ClientConnection *ret) {
    DBusMessageIter s;
    const char **strings[] = { &ret->entry_name, &ret->device_type, &ret->device_name, &ret->phonebook };

    assert(array);
    assert(ret);

    if (dbus_message_iter_get_arg_type(array) != DBUS_TYPE_STRUCT)
        return ERROR_BAD_REPLY;
    dbus_message_iter_recurse(array, &s);

    if (dbus_message_iter_get_arg_type(&s) != DBUS_TYPE_UINT64)
        return ERROR_BAD_REPLY;
    dbus_message_iter_get_basic(&s, &ret->handle);

    for (size_t i = 0; i < ELEMENTSOF(strings); i++) {
        dbus_message_iter_next(&s);
        if (dbus_message_iter_get_arg_type(&s) != DBUS_TYPE_STRING)
            return ERROR_BAD_REPLY;
        dbus_message_iter_get_basic(&s, strings[i]);
    }

    dbus_message_iter_next(&s);
    if (dbus_message_iter_get_arg_type(&s) != DBUS_TYPE_UINT32)
        return ERROR_BAD_REPLY;
    dbus_message_iter_get_basic(&s, &ret->sub_entry);
    return 0;
}

DWORD client_enum_connections(ClientConnectionList *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    _cleanup_(freep) ClientConnection *items = NULL;
    DBusMessageIter iter, array;
    size_t n = 0, allocated;
    DWORD code;

    assert(ret);

    code = client_bus_new_call("EnumConnections", &call);
    if (code != 0)
        return code;
    code = call_simple(call, &reply);
    if (code != 0)
        return code;

    if (!dbus_message_has_signature(reply, "a(tssssu)") || !dbus_message_iter_init(reply, &iter))
        return ERROR_BAD_REPLY;

    allocated = (size_t) dbus_message_iter_get_element_count(&iter);
    items = calloc(allocated ?: 1, sizeof(ClientConnection));
    if (!items)
        return ERROR_NOT_ENOUGH_MEMORY;

    dbus_message_iter_recurse(&iter, &array);
    while (dbus_message_iter_get_arg_type(&array) != DBUS_TYPE_INVALID) {
        if (n >= allocated)
            return ERROR_BAD_REPLY;
        code = parse_connection(&array, &items[n]);
        if (code != 0)
            return code;
        n++;
        dbus_message_iter_next(&array);
    }

    *ret = (ClientConnectionList) {
        .reply = TAKE_PTR(reply),
        .items = TAKE_PTR(items),
        .n_items = n,
    };
    return 0;
}

void client_connection_list_done(ClientConnectionList *list) {
    assert(list);

    free(list->items);
    if (list->reply)
        dbus_message_unref(list->reply);
    *list = (ClientConnectionList) {};
}

DWORD client_get_connect_status_on(DBusConnection *bus, uint64_t handle, ClientStatus *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    ClientStatus s = {};
    DWORD code;

    assert(ret);

    code = client_bus_new_call("GetConnectStatus", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = bus ? client_bus_call_on(bus, call, &reply) : call_simple(call, &reply);
    if (code != 0)
        return code;

    if (!dbus_message_has_signature(reply, "uuusssss") ||
        !dbus_message_get_args(reply, NULL,
                               DBUS_TYPE_UINT32, &s.state,
                               DBUS_TYPE_UINT32, &s.substate,
                               DBUS_TYPE_UINT32, &s.error,
                               DBUS_TYPE_STRING, &s.device_type,
                               DBUS_TYPE_STRING, &s.device_name,
                               DBUS_TYPE_STRING, &s.phone_number,
                               DBUS_TYPE_STRING, &s.local_address,
                               DBUS_TYPE_STRING, &s.remote_address,
                               DBUS_TYPE_INVALID))
        return ERROR_BAD_REPLY;

    s.reply = TAKE_PTR(reply);
    *ret = s;
    return 0;
}

DWORD client_get_connect_status(uint64_t handle, ClientStatus *ret) {
    return client_get_connect_status_on(NULL, handle, ret);
}

void client_status_done(ClientStatus *status) {
    assert(status);

    if (status->reply)
        dbus_message_unref(status->reply);
    *status = (ClientStatus) {};
}

DWORD client_hang_up(uint64_t handle) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL;
    DWORD code;

    code = client_bus_new_call("HangUp", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    return call_simple(call, NULL);
}

DWORD client_register_notification(uint64_t handle, uint32_t flags, int fd) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL;
    DWORD code;

    assert(fd >= 0);

    code = client_bus_can_pass_fds();
    if (code != 0)
        return code;

    code = client_bus_new_call("RegisterNotification", &call);
    if (code != 0)
        return code;
    /* libdbus duplicates fd into the message */
    if (!dbus_message_append_args(call,
                                  DBUS_TYPE_UINT64, &handle,
                                  DBUS_TYPE_UINT32, &flags,
                                  DBUS_TYPE_UNIX_FD, &fd,
                                  DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    return call_simple(call, NULL);
}
