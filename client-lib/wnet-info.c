/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* WNetGetUniversalName, WNetGetUser, WNetGetResourceInformation: answered
 * from the caller's connections as the daemon lists them.  One UTF-8
 * implementation each; the W entry points convert at the edge and pack
 * their answers as wchar_t. */

#include <assert.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib-macro.h"
#include "text-convert.h"
#include "windows.h"
#include "winnetwk.h"
#include "wnet-list.h"
#include "wnet-match.h"
#include "wnet-text.h"

static DWORD wnet_result(DWORD code) {
    SetLastError(code);
    return code;
}

static void wnet_list_donep(WNetList *l) {
    wnet_list_done(l);
}

/* Packs strings after a structure of struct_size bytes at the start of
 * buffer, Windows' layout for these calls. */
typedef struct Packer {
    uint8_t *buffer;
    size_t struct_size, used;
    bool wide;
} Packer;

/* Bytes s takes in the caller's characters, NUL included. */
static size_t packed_size(const char *s, bool wide) {
    return (wnet_text_length(s, wide) + 1) * (wide ? sizeof(wchar_t) : 1);
}

static void *pack(Packer *p, const char *s) {
    void *at;
    size_t size;

    if (!s)
        return NULL;
    size = packed_size(s, p->wide);
    at = p->buffer + p->struct_size + p->used;
    (void) text_copy(at, wnet_text_length(s, p->wide) + 1, p->wide, s);
    p->used += size;
    return at;
}

/* ---------------------------------------------------------------- universal name */

static DWORD get_universal_name(const char *path, DWORD level, void *buffer, LPDWORD buffer_size, bool wide) {
    _cleanup_(wnet_list_donep) WNetList list = {};
    _cleanup_(freep) char *rest = NULL, *universal = NULL;
    const WNetListEntry *e;
    const char *tail;
    size_t struct_size, need;
    DWORD code;

    if (!wnet_local_path_is_valid(path))
        return ERROR_BAD_DEVICE;
    if (level != UNIVERSAL_NAME_INFO_LEVEL && level != REMOTE_NAME_INFO_LEVEL)
        return ERROR_INVALID_LEVEL;
    if (!buffer_size)
        return ERROR_INVALID_PARAMETER;

    code = wnet_list_load(RESOURCE_CONNECTED, &list);
    if (code != 0)
        return code;
    e = wnet_match_local_path(&list, path, &tail);
    if (!e) {
        /* "the device is not currently connected, but it is a persistent
         * connection" */
        wnet_list_done(&list);
        if (path[0] != '/' && wnet_list_load(RESOURCE_REMEMBERED, &list) == 0) {
            char drive[3] = { path[0], ':', '\0' };
            if (wnet_match_local_name(&list, drive))
                return ERROR_CONNECTION_UNAVAIL;
        }
        return ERROR_NOT_CONNECTED;
    }

    rest = wnet_rest_for_provider(tail, e->provider);
    universal = rest ? wnet_universal_name(e->remote, rest) : NULL;
    if (!universal)
        return ERROR_NOT_ENOUGH_MEMORY;

    if (level == UNIVERSAL_NAME_INFO_LEVEL) {
        struct_size = sizeof(UNIVERSAL_NAME_INFOA);
        need = struct_size + packed_size(universal, wide);
    } else {
        struct_size = sizeof(REMOTE_NAME_INFOA);
        need = struct_size + packed_size(universal, wide) + packed_size(e->remote, wide) + packed_size(rest, wide);
    }
    if (!buffer || *buffer_size < need) {
        *buffer_size = (DWORD) need;
        return ERROR_MORE_DATA;
    }

    /* the A and W structures differ only in their pointer types */
    _Static_assert(sizeof(REMOTE_NAME_INFOA) == sizeof(REMOTE_NAME_INFOW), "layouts differ");
    Packer p = { .buffer = buffer, .struct_size = struct_size, .wide = wide };
    REMOTE_NAME_INFOA info = { .lpUniversalName = pack(&p, universal) };
    if (level == REMOTE_NAME_INFO_LEVEL) {
        info.lpConnectionName = pack(&p, e->remote);
        info.lpRemainingPath = pack(&p, rest);
    }
    memcpy(buffer, &info, struct_size);
    return NO_ERROR;
}

_public_ DWORD WINAPI WNetGetUniversalNameA(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                            LPDWORD lpBufferSize) {
    return wnet_result(get_universal_name(lpLocalPath, dwInfoLevel, lpBuffer, lpBufferSize, false));
}

_public_ DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer,
                                            LPDWORD lpBufferSize) {
    _cleanup_(freep) char *path = NULL;
    DWORD code = wnet_utf8_from_wide(lpLocalPath, &path);
    if (code == ERROR_INVALID_PARAMETER)
        code = ERROR_BAD_DEVICE;
    return wnet_result(code != 0 ? code : get_universal_name(path, dwInfoLevel, lpBuffer, lpBufferSize, true));
}

/* ---------------------------------------------------------------- user */

/* The calling user's login name (the decimal uid when there is none). */
static char *own_user_name(void) {
    struct passwd pw, *found = NULL;
    char buf[4096], *s;

    if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &found) == 0 && found)
        return strdup(found->pw_name);
    if (asprintf(&s, "%u", (unsigned) getuid()) < 0)
        return NULL;
    return s;
}

static DWORD get_user(const char *name, void *user_buf, LPDWORD length, bool wide) {
    _cleanup_(wnet_list_donep) WNetList list = {};
    _cleanup_(freep) char *own = NULL;
    const char *user = NULL, *rest;
    DWORD code;

    if (!length)
        return ERROR_INVALID_PARAMETER;

    if (name && *name) {
        const WNetListEntry *e;

        code = wnet_list_load(RESOURCE_CONNECTED, &list);
        if (code != 0)
            return code;
        e = wnet_match_local_name(&list, name);
        if (!e) {
            e = wnet_match_remote(&list, name, &rest);
            if (e && *rest)
                e = NULL;    /* a connected network name, not a path on it */
        }
        if (!e)
            return ERROR_NOT_CONNECTED;
        user = e->user;
    }
    /* no name given, or the connection used the caller's own identity */
    if (!user || !*user) {
        own = own_user_name();
        if (!own)
            return ERROR_NOT_ENOUGH_MEMORY;
        user = own;
    }

    size_t need = wnet_text_length(user, wide) + 1;
    if (!user_buf || *length < need) {
        *length = (DWORD) need;
        return ERROR_MORE_DATA;
    }
    (void) text_copy(user_buf, *length, wide, user);
    return NO_ERROR;
}

_public_ DWORD WINAPI WNetGetUserA(LPCSTR lpName, LPSTR lpUserName, LPDWORD lpnLength) {
    return wnet_result(get_user(lpName, lpUserName, lpnLength, false));
}

_public_ DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength) {
    _cleanup_(freep) char *name = NULL;
    DWORD code = wnet_utf8_from_wide(lpName, &name);
    if (code == ERROR_INVALID_PARAMETER)
        code = ERROR_NOT_CONNECTED;
    return wnet_result(code != 0 ? code : get_user(name, lpUserName, lpnLength, true));
}

/* ---------------------------------------------------------------- resource information */

typedef struct ResourceQuery {
    DWORD type;
    const char *remote, *provider;
} ResourceQuery;

static DWORD get_resource_information(const ResourceQuery *q, void *buffer, LPDWORD buffer_size,
                                      void **ret_system, bool wide) {
    _cleanup_(wnet_list_donep) WNetList connected = {}, remembered = {};
    const WNetListEntry *e;
    const char *rest = NULL;
    size_t need;
    DWORD code;

    assert(q);

    if (!buffer_size)
        return ERROR_INVALID_PARAMETER;
    if (!q->remote || !*q->remote)
        return ERROR_BAD_NET_NAME;
    if (q->type == RESOURCETYPE_PRINT)
        return ERROR_BAD_DEV_TYPE;           /* all pppras resources are disks */
    if (q->type != RESOURCETYPE_ANY && q->type != RESOURCETYPE_DISK)
        return ERROR_INVALID_PARAMETER;

    /* no browsing: the resources the caller is connected to or remembers */
    code = wnet_list_load(RESOURCE_CONNECTED, &connected);
    if (code != 0)
        return code;
    e = wnet_match_remote(&connected, q->remote, &rest);
    if (!e && wnet_list_load(RESOURCE_REMEMBERED, &remembered) == 0)
        e = wnet_match_remote(&remembered, q->remote, &rest);
    if (!e)
        return ERROR_BAD_NET_NAME;
    if (q->provider && *q->provider && strcmp(q->provider, e->provider) != 0)
        return ERROR_BAD_PROVIDER;

    need = sizeof(NETRESOURCEA) + packed_size(e->remote, wide) + packed_size(e->provider, wide) +
           (*rest ? packed_size(rest, wide) : 0);
    if (!buffer || *buffer_size < need) {
        *buffer_size = (DWORD) need;
        return ERROR_MORE_DATA;
    }

    Packer p = { .buffer = buffer, .struct_size = sizeof(NETRESOURCEA), .wide = wide };
    NETRESOURCEA nr = {
        .dwScope = RESOURCE_GLOBALNET,
        .dwType = RESOURCETYPE_DISK,
        .dwDisplayType = RESOURCEDISPLAYTYPE_SHARE,
        .dwUsage = RESOURCEUSAGE_CONNECTABLE,
        .lpRemoteName = pack(&p, e->remote),
        .lpProvider = pack(&p, e->provider),
    };
    void *system = *rest ? pack(&p, rest) : NULL;
    memcpy(buffer, &nr, sizeof nr);
    if (ret_system)
        *ret_system = system;
    return NO_ERROR;
}

_public_ DWORD WINAPI WNetGetResourceInformationA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer,
                                                  LPDWORD lpcbBuffer, LPSTR *lplpSystem) {
    if (!lpNetResource)
        return wnet_result(ERROR_INVALID_PARAMETER);
    ResourceQuery q = { .type = lpNetResource->dwType, .remote = lpNetResource->lpRemoteName,
                        .provider = lpNetResource->lpProvider };
    return wnet_result(get_resource_information(&q, lpBuffer, lpcbBuffer, (void **) lplpSystem, false));
}

_public_ DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer,
                                                  LPDWORD lpcbBuffer, LPWSTR *lplpSystem) {
    _cleanup_(freep) char *remote = NULL, *provider = NULL;
    DWORD code;

    if (!lpNetResource)
        return wnet_result(ERROR_INVALID_PARAMETER);
    if ((code = wnet_utf8_from_wide(lpNetResource->lpRemoteName, &remote)) ||
        (code = wnet_utf8_from_wide(lpNetResource->lpProvider, &provider)))
        return wnet_result(code == ERROR_INVALID_PARAMETER ? ERROR_BAD_NET_NAME : code);
    ResourceQuery q = { .type = lpNetResource->dwType, .remote = remote, .provider = provider };
    return wnet_result(get_resource_information(&q, lpBuffer, lpcbBuffer, (void **) lplpSystem, true));
}
