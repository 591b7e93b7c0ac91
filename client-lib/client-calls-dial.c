/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Dial, EnumEntries, SetDialParams, GetDialParams and the PhonebookDirectory
 * property of docs/dbus-api.md as C calls. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "client-bus.h"
#include "client-calls.h"
#include "client-dict.h"
#include "lib-macro.h"
#include "pppras-bus.h"
#include "raserror.h"

static bool append_params(DBusMessageIter *iter, const ClientDialParams *p) {
    DBusMessageIter array;
    const char *keys[] = { "user", "password", "domain", "phone" };
    const char *values[] = { p->user, p->password, p->domain, p->phone };

    assert(iter);
    assert(p);

    if (!dbus_message_iter_open_container(iter, DBUS_TYPE_ARRAY, "{sv}", &array))
        return false;
    for (size_t i = 0; i < ELEMENTSOF(keys); i++)
        if (values[i] && !client_dict_append_string(&array, keys[i], values[i])) {
            dbus_message_iter_abandon_container(iter, &array);
            return false;
        }
    return dbus_message_iter_close_container(iter, &array);
}

/* The message holds the password: libdbus frees it without wiping, so the
 * best we can do is to keep it alive as briefly as possible; callers unref
 * it right after the call. */
static DWORD call_on(DBusConnection *bus, DBusMessage *call, DBusMessage **ret_reply) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    DWORD code;

    assert(call);

    code = bus ? client_bus_call_on(bus, call, &reply) : client_bus_call(call, &reply);
    if (code != 0)
        return code;
    if (ret_reply)
        *ret_reply = TAKE_PTR(reply);
    return 0;
}

DWORD client_dial(DBusConnection *bus, const char *entry, const ClientDialParams *params, uint64_t *ret_handle) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    DBusMessageIter iter;
    uint64_t handle;
    DWORD code;

    assert(entry);
    assert(params);
    assert(ret_handle);

    code = client_bus_new_call("Dial", &call);
    if (code != 0)
        return code;
    dbus_message_iter_init_append(call, &iter);
    if (!dbus_message_iter_append_basic(&iter, DBUS_TYPE_STRING, &entry) || !append_params(&iter, params))
        return ERROR_NOT_ENOUGH_MEMORY;

    code = call_on(bus, call, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_get_args(reply, NULL, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID) ||
        handle == CLIENT_HANDLE_NONE || handle == CLIENT_HANDLE_ALL)
        return ERROR_UNKNOWN;

    *ret_handle = handle;
    return 0;
}

DWORD client_enum_entries(ClientEntryList *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    _cleanup_(freep) const char **names = NULL;
    DBusMessageIter iter, array;
    size_t n = 0, allocated;
    DWORD code;

    assert(ret);

    code = client_bus_new_call("EnumEntries", &call);
    if (code != 0)
        return code;
    code = call_on(NULL, call, &reply);
    if (code != 0)
        return code;

    if (!dbus_message_has_signature(reply, "as") || !dbus_message_iter_init(reply, &iter))
        return ERROR_UNKNOWN;

    allocated = (size_t) dbus_message_iter_get_element_count(&iter);
    names = calloc(allocated ?: 1, sizeof(const char *));
    if (!names)
        return ERROR_NOT_ENOUGH_MEMORY;

    dbus_message_iter_recurse(&iter, &array);
    for (; dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_STRING; dbus_message_iter_next(&array)) {
        if (n >= allocated)
            return ERROR_UNKNOWN;
        dbus_message_iter_get_basic(&array, &names[n++]);
    }

    *ret = (ClientEntryList) {
        .reply = TAKE_PTR(reply),
        .names = TAKE_PTR(names),
        .n_names = n,
    };
    return 0;
}

void client_entry_list_done(ClientEntryList *list) {
    assert(list);

    free(list->names);
    if (list->reply)
        dbus_message_unref(list->reply);
    *list = (ClientEntryList) {};
}

DWORD client_set_dial_params(const char *entry, const ClientDialParams *params, bool remove_password) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL;
    dbus_bool_t remove = remove_password;
    DBusMessageIter iter;
    DWORD code;

    assert(entry);
    assert(params);

    code = client_bus_new_call("SetDialParams", &call);
    if (code != 0)
        return code;
    dbus_message_iter_init_append(call, &iter);
    if (!dbus_message_iter_append_basic(&iter, DBUS_TYPE_STRING, &entry) || !append_params(&iter, params) ||
        !dbus_message_iter_append_basic(&iter, DBUS_TYPE_BOOLEAN, &remove))
        return ERROR_NOT_ENOUGH_MEMORY;

    return call_on(NULL, call, NULL);
}

DWORD client_get_dial_params(const char *entry, ClientSavedParams *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    ClientSavedParams p = { .user = "", .domain = "" };
    dbus_bool_t has_password;
    DBusMessageIter iter;
    DWORD code;

    assert(entry);
    assert(ret);

    code = client_bus_new_call("GetDialParams", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &entry, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = call_on(NULL, call, &reply);
    if (code != 0)
        return code;

    if (!dbus_message_has_signature(reply, "a{sv}b") || !dbus_message_iter_init(reply, &iter))
        return ERROR_UNKNOWN;
    code = client_dict_read(&iter, (const ClientDictField[]) {
                                { "user", DBUS_TYPE_STRING, &p.user },
                                { "domain", DBUS_TYPE_STRING, &p.domain },
                            }, 2);
    if (code != 0)
        return code;
    dbus_message_iter_next(&iter);
    dbus_message_iter_get_basic(&iter, &has_password);

    p.has_password = has_password;
    p.reply = TAKE_PTR(reply);
    *ret = p;
    return 0;
}

void client_saved_params_done(ClientSavedParams *p) {
    assert(p);

    if (p->reply)
        dbus_message_unref(p->reply);
    *p = (ClientSavedParams) {};
}

DWORD client_get_phonebook_directory(char **ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    const char *interface = PPPRAS_MANAGER_IFACE, *property = "PhonebookDirectory", *value;
    DBusMessageIter iter, variant;
    DWORD code;
    char *copy;

    assert(ret);

    code = client_bus_new_call_iface(DBUS_INTERFACE_PROPERTIES, "Get", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &interface, DBUS_TYPE_STRING, &property,
                                  DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;

    code = call_on(NULL, call, &reply);
    if (code == ERROR_RASMAN_CANNOT_INITIALIZE || code == ERROR_NOT_ENOUGH_MEMORY)
        return code;
    if (code != 0)
        /* a daemon without the property: the directory it always used */
        value = CLIENT_DEFAULT_PHONEBOOK;
    else {
        if (!dbus_message_iter_init(reply, &iter) || dbus_message_iter_get_arg_type(&iter) != DBUS_TYPE_VARIANT)
            return ERROR_UNKNOWN;
        dbus_message_iter_recurse(&iter, &variant);
        if (dbus_message_iter_get_arg_type(&variant) != DBUS_TYPE_STRING)
            return ERROR_UNKNOWN;
        dbus_message_iter_get_basic(&variant, &value);
    }

    copy = strdup(value);
    if (!copy)
        return ERROR_NOT_ENOUGH_MEMORY;
    *ret = copy;
    return 0;
}
