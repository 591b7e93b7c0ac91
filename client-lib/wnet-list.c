/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lib-macro.h"
#include "winerror.h"
#include "wnet-bus.h"
#include "wnet-list.h"

void wnet_list_done(WNetList *list) {
    assert(list);

    for (size_t i = 0; i < list->n_entries; i++) {
        WNetListEntry *e = &list->entries[i];
        free(e->local);
        free(e->remote);
        free(e->user);
        free(e->provider);
        free(e->mount_point);
    }
    list->entries = mfree(list->entries);
    list->n_entries = 0;
}

/* a(sssss): local, remote, user, provider, mount point. */
static DWORD read_list(DBusMessage *reply, WNetList *list) {
    DBusMessageIter it, array;

    if (!dbus_message_iter_init(reply, &it) || dbus_message_iter_get_arg_type(&it) != DBUS_TYPE_ARRAY)
        return ERROR_INVALID_DATA;
    dbus_message_iter_recurse(&it, &array);
    while (dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_STRUCT) {
        DBusMessageIter st;
        const char *s[5];
        WNetListEntry *n;

        dbus_message_iter_recurse(&array, &st);
        for (unsigned i = 0; i < ELEMENTSOF(s); i++) {
            if (dbus_message_iter_get_arg_type(&st) != DBUS_TYPE_STRING)
                return ERROR_INVALID_DATA;
            dbus_message_iter_get_basic(&st, &s[i]);
            dbus_message_iter_next(&st);
        }
        n = realloc(list->entries, (list->n_entries + 1) * sizeof *n);
        if (!n)
            return ERROR_NOT_ENOUGH_MEMORY;
        list->entries = n;
        n = &list->entries[list->n_entries++];
        *n = (WNetListEntry) {
            .local = strdup(s[0]), .remote = strdup(s[1]), .user = strdup(s[2]),
            .provider = strdup(s[3]), .mount_point = strdup(s[4]),
        };
        if (!n->local || !n->remote || !n->user || !n->provider || !n->mount_point)
            return ERROR_NOT_ENOUGH_MEMORY;
        dbus_message_iter_next(&array);
    }
    return 0;
}

DWORD wnet_list_load(DWORD scope, WNetList *ret) {
    _cleanup_(wnet_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    dbus_uint32_t s = scope;
    DWORD code;

    assert(ret);

    *ret = (WNetList) {};
    code = wnet_bus_new_call("EnumConnections", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_UINT32, &s, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = wnet_bus_call(call, WNET_BUS_TIMEOUT_MS, &reply);
    if (code == 0)
        code = read_list(reply, ret);
    if (code != 0)
        wnet_list_done(ret);
    return code;
}
