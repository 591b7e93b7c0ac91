/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* WNetAddConnection*, WNetUseConnection, WNetCancelConnection*,
 * WNetGetConnection: one UTF-8 implementation each; the A and W entry
 * points only convert strings at the edge. */

#include <assert.h>
#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include "lib-macro.h"
#include "text-convert.h"
#include "windows.h"
#include "winnetwk.h"
#include "wnet-bus.h"
#include "wnet-last-error.h"
#include "wnet-text.h"

/* Every WNet call also sets the thread's last error, as on Windows. */
static DWORD wnet_result(DWORD code) {
    SetLastError(code);
    return code;
}

/* The provider a remote name goes to, by the same rules the daemon applies
 * (the daemon still validates the name itself). */
static const char *provider_of(const char *remote) {
    if ((remote[0] == '\\' && remote[1] == '\\') || (remote[0] == '/' && remote[1] == '/'))
        return "cifs";
    if (strncmp(remote, "ssh://", 6) == 0 || strncmp(remote, "sshfs://", 8) == 0)
        return "sshfs";
    return "nfs";
}

/* A pipe whose read end carries the password to the daemon; the write
 * end is closed, so the daemon reads exactly these bytes. */
static DWORD password_pipe(const char *password, int *ret_fd) {
    int p[2];
    size_t n = password ? strlen(password) : 0;

    assert(ret_fd);

    if (n > PWLEN)
        return ERROR_INVALID_PASSWORD;
    if (pipe2(p, O_CLOEXEC) < 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (n > 0 && write(p[1], password, n) != (ssize_t) n) {
        safe_close(p[0]);
        safe_close(p[1]);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    safe_close(p[1]);
    *ret_fd = p[0];
    return 0;
}

typedef struct AddRequest {
    DWORD type;
    const char *local, *remote, *provider;
    const char *password, *user;
    DWORD flags;
    uint64_t ras_handle;
} AddRequest;

static DWORD add_connection(const AddRequest *req, char **ret_local) {
    _cleanup_(wnet_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    _cleanup_(closep) int fd = -1;
    const char *local = req->local ?: "", *user = req->user ?: "", *assigned;
    dbus_uint32_t flags = req->flags;
    dbus_uint64_t handle = req->ras_handle;
    DWORD code;

    assert(req);

    if (!req->remote || !*req->remote)
        return ERROR_BAD_NET_NAME;
    /* RESOURCETYPE_ANY with a drive letter works on Windows (both of
     * Microsoft's WNetAddConnection2 samples do it): every connection
     * here is a disk */
    if (req->type == RESOURCETYPE_PRINT)
        return ERROR_BAD_DEV_TYPE;
    if (req->type != RESOURCETYPE_DISK && req->type != RESOURCETYPE_ANY)
        return ERROR_INVALID_PARAMETER;
    if (req->provider && *req->provider && strcmp(req->provider, provider_of(req->remote)) != 0)
        return ERROR_BAD_PROVIDER;

    code = password_pipe(req->password, &fd);
    if (code != 0)
        return code;
    code = wnet_bus_new_call("AddConnection", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &req->remote, DBUS_TYPE_STRING, &local,
                                  DBUS_TYPE_STRING, &user, DBUS_TYPE_UNIX_FD, &fd, DBUS_TYPE_UINT32, &flags,
                                  DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    fd = safe_close(fd);        /* the message holds its own copy */

    code = wnet_bus_call(call, WNET_BUS_MOUNT_TIMEOUT_MS, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_get_args(reply, NULL, DBUS_TYPE_STRING, &assigned, DBUS_TYPE_INVALID))
        return ERROR_INVALID_DATA;
    if (ret_local) {
        *ret_local = strdup(assigned);
        if (!*ret_local)
            return ERROR_NOT_ENOUGH_MEMORY;
    }
    return 0;
}

/* The W calls' NETRESOURCE strings, in UTF-8. */
typedef struct WideStrings {
    char *local, *remote, *provider, *password, *user;
} WideStrings;

static void wide_strings_done(WideStrings *w) {
    free(w->local);
    free(w->remote);
    free(w->provider);
    if (w->password)
        explicit_bzero(w->password, strlen(w->password));
    free(w->password);
    free(w->user);
}

static DWORD add_connection_a(LPNETRESOURCEA nr, LPCSTR password, LPCSTR user, DWORD flags, uint64_t handle,
                              char **ret_local) {
    if (!nr)
        return ERROR_INVALID_PARAMETER;
    AddRequest req = {
        .type = nr->dwType, .local = nr->lpLocalName, .remote = nr->lpRemoteName, .provider = nr->lpProvider,
        .password = password, .user = user, .flags = flags, .ras_handle = handle,
    };
    return add_connection(&req, ret_local);
}

static DWORD add_connection_w(LPNETRESOURCEW nr, LPCWSTR password, LPCWSTR user, DWORD flags, uint64_t handle,
                              char **ret_local) {
    _cleanup_(wide_strings_done) WideStrings w = {};
    DWORD code;

    if (!nr)
        return ERROR_INVALID_PARAMETER;
    if ((code = wnet_utf8_from_wide(nr->lpLocalName, &w.local)) ||
        (code = wnet_utf8_from_wide(nr->lpRemoteName, &w.remote)) ||
        (code = wnet_utf8_from_wide(nr->lpProvider, &w.provider)) ||
        (code = wnet_utf8_from_wide(password, &w.password)) ||
        (code = wnet_utf8_from_wide(user, &w.user)))
        return code;
    AddRequest req = {
        .type = nr->dwType, .local = w.local, .remote = w.remote, .provider = w.provider,
        .password = w.password, .user = w.user, .flags = flags, .ras_handle = handle,
    };
    return add_connection(&req, ret_local);
}

_public_ DWORD WINAPI WNetAddConnection2A(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName,
                                          DWORD dwFlags) {
    return wnet_result(add_connection_a(lpNetResource, lpPassword, lpUserName, dwFlags, 0, NULL));
}

_public_ DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName,
                                          DWORD dwFlags) {
    return wnet_result(add_connection_w(lpNetResource, lpPassword, lpUserName, dwFlags, 0, NULL));
}

_public_ DWORD WINAPI WNetAddConnection3A(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                          LPCSTR lpUserName, DWORD dwFlags) {
    return WNetAddConnection2A(lpNetResource, lpPassword, lpUserName, dwFlags);
}

_public_ DWORD WINAPI WNetAddConnection3W(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                          LPCWSTR lpUserName, DWORD dwFlags) {
    return WNetAddConnection2W(lpNetResource, lpPassword, lpUserName, dwFlags);
}

_public_ DWORD WINAPI WNetAddConnectionA(LPCSTR lpRemoteName, LPCSTR lpPassword, LPCSTR lpLocalName) {
    NETRESOURCEA nr = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (LPSTR) lpLocalName,
                        .lpRemoteName = (LPSTR) lpRemoteName };
    return WNetAddConnection2A(&nr, lpPassword, NULL, CONNECT_UPDATE_PROFILE);
}

_public_ DWORD WINAPI WNetAddConnectionW(LPCWSTR lpRemoteName, LPCWSTR lpPassword, LPCWSTR lpLocalName) {
    NETRESOURCEW nr = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (LPWSTR) lpLocalName,
                        .lpRemoteName = (LPWSTR) lpRemoteName };
    return WNetAddConnection2W(&nr, lpPassword, NULL, CONNECT_UPDATE_PROFILE);
}

_public_ DWORD WINAPI PppWNetAddConnectionOnLinkA(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                                  LPCSTR lpUserName, DWORD dwFlags, HANDLE hrasconn) {
    uint64_t handle = (uint64_t) (uintptr_t) hrasconn;
    if (handle == 0 || hrasconn == INVALID_HANDLE_VALUE)
        return wnet_result(ERROR_INVALID_HANDLE);
    return wnet_result(add_connection_a(lpNetResource, lpPassword, lpUserName, dwFlags, handle, NULL));
}

_public_ DWORD WINAPI PppWNetAddConnectionOnLinkW(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                                  LPCWSTR lpUserName, DWORD dwFlags, HANDLE hrasconn) {
    uint64_t handle = (uint64_t) (uintptr_t) hrasconn;
    if (handle == 0 || hrasconn == INVALID_HANDLE_VALUE)
        return wnet_result(ERROR_INVALID_HANDLE);
    return wnet_result(add_connection_w(lpNetResource, lpPassword, lpUserName, dwFlags, handle, NULL));
}

/* WNetUseConnection's output: the device the connection got (or, for a
 * deviceless one, the remote name), CONNECT_LOCALDRIVE when we chose it. */
static DWORD use_connection_finish(DWORD code, const char *assigned, const char *remote, DWORD flags,
                                   void *access, LPDWORD size, LPDWORD result, bool wide) {
    const char *name = assigned && *assigned ? assigned : remote;

    if (code != 0)
        return code;
    if (result)
        *result = (flags & CONNECT_REDIRECT) && assigned && *assigned ? CONNECT_LOCALDRIVE : 0;
    if (access) {
        size_t need = wnet_text_length(name, wide) + 1;
        if (*size < need) {
            *size = (DWORD) need;
            return ERROR_MORE_DATA;
        }
        (void) text_copy(access, *size, wide, name);
    }
    return 0;
}

_public_ DWORD WINAPI WNetUseConnectionA(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword,
                                         LPCSTR lpUserId, DWORD dwFlags, LPSTR lpAccessName,
                                         LPDWORD lpBufferSize, LPDWORD lpResult) {
    _cleanup_(freep) char *assigned = NULL;
    DWORD code;

    if (lpAccessName && !lpBufferSize)
        return wnet_result(ERROR_INVALID_PARAMETER);
    code = add_connection_a(lpNetResource, lpPassword, lpUserId, dwFlags, 0, &assigned);
    return wnet_result(use_connection_finish(code, assigned, lpNetResource ? lpNetResource->lpRemoteName : NULL,
                                             dwFlags, lpAccessName, lpBufferSize, lpResult, false));
}

_public_ DWORD WINAPI WNetUseConnectionW(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword,
                                         LPCWSTR lpUserId, DWORD dwFlags, LPWSTR lpAccessName,
                                         LPDWORD lpBufferSize, LPDWORD lpResult) {
    _cleanup_(freep) char *assigned = NULL, *remote = NULL;
    DWORD code;

    if (lpAccessName && !lpBufferSize)
        return wnet_result(ERROR_INVALID_PARAMETER);
    code = add_connection_w(lpNetResource, lpPassword, lpUserId, dwFlags, 0, &assigned);
    if (code == 0 && lpNetResource)
        code = wnet_utf8_from_wide(lpNetResource->lpRemoteName, &remote);
    return wnet_result(use_connection_finish(code, assigned, remote, dwFlags, lpAccessName, lpBufferSize,
                                             lpResult, true));
}

/* ---------------------------------------------------------------- cancel */

static DWORD cancel_connection(const char *name, DWORD flags, BOOL force) {
    _cleanup_(wnet_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    dbus_uint32_t f = flags;
    dbus_bool_t b = force ? TRUE : FALSE;
    DWORD code;

    if (!name || !*name)
        return ERROR_NOT_CONNECTED;
    code = wnet_bus_new_call("CancelConnection", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &name, DBUS_TYPE_UINT32, &f, DBUS_TYPE_BOOLEAN, &b,
                                  DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    return wnet_bus_call(call, WNET_BUS_TIMEOUT_MS, &reply);
}

static DWORD cancel_connection_w(LPCWSTR lpName, DWORD dwFlags, BOOL fForce) {
    _cleanup_(freep) char *name = NULL;
    DWORD code = wnet_utf8_from_wide(lpName, &name);
    return code != 0 ? code : cancel_connection(name, dwFlags, fForce);
}

_public_ DWORD WINAPI WNetCancelConnection2A(LPCSTR lpName, DWORD dwFlags, BOOL fForce) {
    return wnet_result(cancel_connection(lpName, dwFlags, fForce));
}

_public_ DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce) {
    return wnet_result(cancel_connection_w(lpName, dwFlags, fForce));
}

/* The 16-bit-era call: the same as WNetCancelConnection2 with
 * CONNECT_UPDATE_PROFILE, so it also forgets a remembered connection. */
_public_ DWORD WINAPI WNetCancelConnectionA(LPCSTR lpName, BOOL fForce) {
    return WNetCancelConnection2A(lpName, CONNECT_UPDATE_PROFILE, fForce);
}

_public_ DWORD WINAPI WNetCancelConnectionW(LPCWSTR lpName, BOOL fForce) {
    return WNetCancelConnection2W(lpName, CONNECT_UPDATE_PROFILE, fForce);
}

/* ---------------------------------------------------------------- get */

static DWORD get_connection(const char *local, void *remote_buf, LPDWORD length, bool wide) {
    _cleanup_(wnet_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    const char *remote;
    dbus_bool_t connected;
    DWORD code;

    if (!local || !*local)
        return ERROR_BAD_DEVICE;
    if (!length)
        return ERROR_INVALID_PARAMETER;
    code = wnet_bus_new_call("GetConnection", &call);
    if (code != 0)
        return code;
    if (!dbus_message_append_args(call, DBUS_TYPE_STRING, &local, DBUS_TYPE_INVALID))
        return ERROR_NOT_ENOUGH_MEMORY;
    code = wnet_bus_call(call, WNET_BUS_TIMEOUT_MS, &reply);
    if (code != 0)
        return code;
    if (!dbus_message_get_args(reply, NULL, DBUS_TYPE_STRING, &remote, DBUS_TYPE_BOOLEAN, &connected,
                               DBUS_TYPE_INVALID))
        return ERROR_INVALID_DATA;

    size_t need = wnet_text_length(remote, wide) + 1;
    if (!remote_buf || *length < need) {
        *length = (DWORD) need;
        return ERROR_MORE_DATA;
    }
    (void) text_copy(remote_buf, *length, wide, remote);
    return connected ? NO_ERROR : ERROR_CONNECTION_UNAVAIL;
}

_public_ DWORD WINAPI WNetGetConnectionA(LPCSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnLength) {
    return wnet_result(get_connection(lpLocalName, lpRemoteName, lpnLength, false));
}

_public_ DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnLength) {
    _cleanup_(freep) char *local = NULL;
    DWORD code = wnet_utf8_from_wide(lpLocalName, &local);
    return wnet_result(code != 0 ? code : get_connection(local, lpRemoteName, lpnLength, true));
}

/* ---------------------------------------------------------------- restore */

_public_ DWORD WINAPI PppWNetRestoreConnections(LPDWORD lpcRestored) {
    _cleanup_(wnet_message_unrefp) DBusMessage *call = NULL, *reply = NULL;
    dbus_uint32_t restored;
    DWORD code;

    code = wnet_bus_new_call("RestoreRemembered", &call);
    if (code == 0)
        code = wnet_bus_call(call, WNET_BUS_MOUNT_TIMEOUT_MS, &reply);
    if (code == 0 && !dbus_message_get_args(reply, NULL, DBUS_TYPE_UINT32, &restored, DBUS_TYPE_INVALID))
        code = ERROR_INVALID_DATA;
    if (code == 0 && lpcRestored)
        *lpcRestored = restored;
    return wnet_result(code);
}
