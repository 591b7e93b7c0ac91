/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GetEntryProperties, SetEntryProperties, ValidateEntryName, DeleteEntry
 * and RenameEntry of docs/dbus-api.md as C calls. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "client-bus.h"
#include "client-calls.h"
#include "client-dict.h"
#include "lib-macro.h"
#include "ras.h"
#include "raserror.h"

#define ENTRY_STRINGS(e)                                                                  \
    { "device_type", &(e)->device_type }, { "device_name", &(e)->device_name },           \
    { "phone_number", &(e)->phone_number }, { "ip_address", &(e)->ip_address },           \
    { "dns_address", &(e)->dns_address }, { "dns_alt_address", &(e)->dns_alt_address }
#define ENTRY_U32S(e)                                                                     \
    { "vpn_strategy", &(e)->vpn_strategy }, { "options", &(e)->options },                 \
    { "options2", &(e)->options2 }, { "net_protocols", &(e)->net_protocols },             \
    { "framing_protocol", &(e)->framing_protocol },                                       \
    { "encryption_type", &(e)->encryption_type },                                         \
    { "idle_disconnect_seconds", &(e)->idle_disconnect_seconds },                         \
    { "redial_count", &(e)->redial_count }, { "redial_pause", &(e)->redial_pause },         \
    { "sub_entries", &(e)->sub_entries }

static DWORD call_no_reply(DBusMessage *call) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    return client_bus_call(call, &reply);
}

void client_entry_defaults(ClientEntry *ret) {
    assert(ret);
    *ret = (ClientEntry) {
        .device_type = "", .device_name = "", .phone_number = "",
        .ip_address = "", .dns_address = "", .dns_alt_address = "",
        .options = RASEO_IpHeaderCompression | RASEO_SwCompression,
        .net_protocols = RASNP_Ip,
        .framing_protocol = RASFP_Ppp,
        .encryption_type = ET_Optional,
        .sub_entries = 1,
    };
}

void client_entry_done(ClientEntry *e) {
    assert(e);
    if (e->reply)
        dbus_message_unref(e->reply);
    *e = (ClientEntry) {};
}

/* n 0: GetEntryProperties(entry); else GetSubEntryProperties(entry, n). */
static DWORD get_properties(const char *entry, uint32_t n, ClientEntry *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    DBusMessageIter iter;
    ClientEntry e;
    DWORD code;

    assert(entry);
    assert(ret);

    code = client_bus_new_call(n == 0 ? "GetEntryProperties" : "GetSubEntryProperties", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &entry, DBUS_TYPE_INVALID) ||
        (n != 0 && !dbus_message_append_args(call, DBUS_TYPE_UINT32, &n, DBUS_TYPE_INVALID)))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = client_bus_call(call, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_has_signature(reply, "a{sv}") || !dbus_message_iter_init(reply, &iter))
        return ERROR_UNKNOWN;

    client_entry_defaults(&e);
    const struct { const char *key; const char **ret; } strings[] = { ENTRY_STRINGS(&e) };
    const struct { const char *key; uint32_t *ret; } u32s[] = { ENTRY_U32S(&e) };
    ClientDictField fields[ELEMENTSOF(strings) + ELEMENTSOF(u32s)];
    size_t n_fields = 0;
    for (size_t i = 0; i < ELEMENTSOF(strings); i++)
        fields[n_fields++] = (ClientDictField) { strings[i].key, DBUS_TYPE_STRING, strings[i].ret };
    for (size_t i = 0; i < ELEMENTSOF(u32s); i++)
        fields[n_fields++] = (ClientDictField) { u32s[i].key, DBUS_TYPE_UINT32, u32s[i].ret };
    code = client_dict_read(&iter, fields, n_fields);
    if (code != 0)
        return code;

    e.reply = TAKE_PTR(reply);
    *ret = e;
    return 0;
}

static DWORD set_properties(const char *entry, uint32_t n, const ClientEntry *e) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL;
    DBusMessageIter iter, array;
    DWORD code;

    assert(entry);
    assert(e);

    code = client_bus_new_call(n == 0 ? "SetEntryProperties" : "SetSubEntryProperties", &call);
    if (code != 0)
        return code;
    dbus_message_iter_init_append(call, &iter);
    if (!dbus_message_iter_append_basic(&iter, DBUS_TYPE_STRING, &entry) ||
        (n != 0 && !dbus_message_iter_append_basic(&iter, DBUS_TYPE_UINT32, &n)) ||
        !dbus_message_iter_open_container(&iter, DBUS_TYPE_ARRAY, "{sv}", &array))
        return ERROR_NOT_ENOUGH_MEMORY;

    const struct { const char *key; const char *const *value; } strings[] = { ENTRY_STRINGS(e) };
    const struct { const char *key; const uint32_t *value; } u32s[] = { ENTRY_U32S(e) };
    bool ok = true;
    for (size_t i = 0; ok && i < ELEMENTSOF(strings); i++)
        ok = client_dict_append_string(&array, strings[i].key, *strings[i].value ?: "");
    for (size_t i = 0; ok && i < ELEMENTSOF(u32s); i++)
        if (u32s[i].value != &e->sub_entries)
            ok = client_dict_append_u32(&array, u32s[i].key, *u32s[i].value);
    if (!ok) {
        dbus_message_iter_abandon_container(&iter, &array);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    if (!dbus_message_iter_close_container(&iter, &array))
        return ERROR_NOT_ENOUGH_MEMORY;
    return call_no_reply(call);
}

DWORD client_get_entry_properties(const char *entry, ClientEntry *ret) {
    return get_properties(entry, 0, ret);
}

DWORD client_set_entry_properties(const char *entry, const ClientEntry *e) {
    return set_properties(entry, 0, e);
}

DWORD client_get_sub_entry_properties(const char *entry, uint32_t n, ClientEntry *ret) {
    assert(n > 0);
    return get_properties(entry, n, ret);
}

DWORD client_set_sub_entry_properties(const char *entry, uint32_t n, const ClientEntry *e) {
    assert(n > 0);
    return set_properties(entry, n, e);
}

static DWORD call_names(const char *method, const char *a, const char *b) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL;
    DWORD code;

    assert(method);
    assert(a);

    code = client_bus_new_call(method, &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &a, DBUS_TYPE_INVALID) ||
        (b && !dbus_message_append_args(call, DBUS_TYPE_STRING, &b, DBUS_TYPE_INVALID)))
        return ERROR_NOT_ENOUGH_MEMORY;
    return call_no_reply(call);
}

DWORD client_validate_entry_name(const char *entry) {
    return call_names("ValidateEntryName", entry, NULL);
}

DWORD client_delete_entry(const char *entry) {
    return call_names("DeleteEntry", entry, NULL);
}

DWORD client_rename_entry(const char *entry, const char *new_entry) {
    return call_names("RenameEntry", entry, new_entry);
}
