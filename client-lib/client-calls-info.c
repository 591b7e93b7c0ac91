/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* GetSubEntryHandle, GetStatistics and GetProjectionInfo of
 * docs/dbus-api.md as C calls. */
#include <assert.h>

#include "client-bus.h"
#include "client-calls.h"
#include "client-dict.h"
#include "lib-macro.h"
#include "raserror.h"

/* method(handle) or, with n > 0, method(handle, n). */
static DWORD call_with_handle_n(const char *method, uint64_t handle, uint32_t n, const char *signature,
                                DBusMessage **ret_reply) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    DWORD code;

    assert(method);
    assert(signature);
    assert(ret_reply);

    code = client_bus_new_call(method, &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID) ||
        (n > 0 && !dbus_message_append_args(call, DBUS_TYPE_UINT32, &n, DBUS_TYPE_INVALID)))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = client_bus_call(call, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_has_signature(reply, signature))
        return ERROR_UNKNOWN;

    *ret_reply = TAKE_PTR(reply);
    return 0;
}

static DWORD call_with_handle(const char *method, uint64_t handle, const char *signature, DBusMessage **ret_reply) {
    return call_with_handle_n(method, handle, 0, signature, ret_reply);
}

DWORD client_get_sub_entry_handle(uint64_t handle, uint32_t sub_entry, uint64_t *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    uint64_t sub_handle;
    DWORD code;

    assert(ret);

    code = client_bus_new_call("GetSubEntryHandle", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_UINT32, &sub_entry, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = client_bus_call(call, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_get_args(reply, NULL, DBUS_TYPE_UINT64, &sub_handle, DBUS_TYPE_INVALID) ||
        sub_handle == CLIENT_HANDLE_NONE || sub_handle == CLIENT_HANDLE_ALL)
        return ERROR_UNKNOWN;

    *ret = sub_handle;
    return 0;
}

DWORD client_get_statistics(uint64_t handle, ClientStatistics *ret) {
    return client_get_link_statistics(handle, 0, ret);
}

DWORD client_get_link_statistics(uint64_t handle, uint32_t sub_entry, ClientStatistics *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    ClientStatistics s = {};
    DBusMessageIter iter;
    DWORD code;

    assert(ret);

    code = call_with_handle_n(sub_entry == 0 ? "GetStatistics" : "GetLinkStatistics", handle, sub_entry, "a{sv}",
                              &reply);
    if (code != 0)
        return code;

    dbus_message_iter_init(reply, &iter);
    code = client_dict_read(&iter, (const ClientDictField[]) {
                                { "bytes_xmited", DBUS_TYPE_UINT64, &s.bytes_xmited },
                                { "bytes_rcved", DBUS_TYPE_UINT64, &s.bytes_rcved },
                                { "frames_xmited", DBUS_TYPE_UINT64, &s.frames_xmited },
                                { "frames_rcved", DBUS_TYPE_UINT64, &s.frames_rcved },
                                { "connect_duration_ms", DBUS_TYPE_UINT32, &s.connect_duration_ms },
                                { "bps", DBUS_TYPE_UINT32, &s.bps },
                            }, 6);
    if (code != 0)
        return code;

    *ret = s;
    return 0;
}

DWORD client_get_projection_info(uint64_t handle, ClientProjection *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    ClientProjection p = { .local = "", .remote = "", .dns1 = "", .dns2 = "", .ifname = "" };
    DBusMessageIter iter;
    DWORD code;

    assert(ret);

    code = call_with_handle("GetProjectionInfo", handle, "a{sv}", &reply);
    if (code != 0)
        return code;

    dbus_message_iter_init(reply, &iter);
    code = client_dict_read(&iter, (const ClientDictField[]) {
                                { "local", DBUS_TYPE_STRING, &p.local },
                                { "remote", DBUS_TYPE_STRING, &p.remote },
                                { "dns1", DBUS_TYPE_STRING, &p.dns1 },
                                { "dns2", DBUS_TYPE_STRING, &p.dns2 },
                                { "ifname", DBUS_TYPE_STRING, &p.ifname },
                            }, 5);
    if (code != 0)
        return code;

    p.reply = TAKE_PTR(reply);
    *ret = p;
    return 0;
}

void client_projection_done(ClientProjection *p) {
    assert(p);

    if (p->reply)
        dbus_message_unref(p->reply);
    *p = (ClientProjection) {};
}

DWORD client_clear_statistics(uint64_t handle) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    return call_with_handle("ClearStatistics", handle, "", &reply);
}

DWORD client_get_projection_info_ex(uint64_t handle, ClientProjectionEx *ret) {
    _cleanup_(dbus_message_unrefp) DBusMessage *reply = NULL;
    ClientProjectionEx p = { .local = "", .remote = "", .interface_id = "", .server_interface_id = "" };
    DBusMessageIter iter;
    DWORD code;

    assert(ret);

    code = call_with_handle("GetProjectionInfoEx", handle, "a{sv}", &reply);
    if (code != 0)
        return code;
    dbus_message_iter_init(reply, &iter);
    code = client_dict_read(&iter, (const ClientDictField[]) {
                                { "ipv4_error", DBUS_TYPE_UINT32, &p.ipv4_error },
                                { "local", DBUS_TYPE_STRING, &p.local },
                                { "remote", DBUS_TYPE_STRING, &p.remote },
                                { "ipv6_error", DBUS_TYPE_UINT32, &p.ipv6_error },
                                { "interface_id", DBUS_TYPE_STRING, &p.interface_id },
                                { "server_interface_id", DBUS_TYPE_STRING, &p.server_interface_id },
                                { "multilink", DBUS_TYPE_BOOLEAN, &p.multilink },
                                { "bundled", DBUS_TYPE_BOOLEAN, &p.bundled },
                            }, 8);
    if (code != 0)
        return code;
    p.reply = TAKE_PTR(reply);
    *ret = p;
    return 0;
}

void client_projection_ex_done(ClientProjectionEx *p) {
    assert(p);
    if (p->reply)
        dbus_message_unref(p->reply);
    *p = (ClientProjectionEx) {};
}
