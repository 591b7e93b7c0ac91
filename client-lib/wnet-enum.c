/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* WNetOpenEnum / WNetEnumResource / WNetCloseEnum for RESOURCE_CONNECTED
 * and RESOURCE_REMEMBERED.  WNetOpenEnum takes a snapshot from the
 * daemon; WNetEnumResource hands it out in buffer-sized pieces, NETRESOURCE
 * structures from the start of the buffer and their strings packed from
 * the end, as Windows does. */

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib-macro.h"
#include "text-convert.h"
#include "windows.h"
#include "winnetwk.h"
#include "handle-registry.h"
#include "wnet-list.h"
#include "wnet-text.h"


enum { FIELD_LOCAL, FIELD_REMOTE, FIELD_COMMENT, FIELD_PROVIDER, _FIELD_MAX };

typedef struct WNetEnum {
    bool wide;
    DWORD scope;
    WNetList list;
    size_t next;
} WNetEnum;

static DWORD wnet_result(DWORD code) {
    SetLastError(code);
    return code;
}

static void wnet_enum_free(WNetEnum *e) {
    if (!e)
        return;
    wnet_list_done(&e->list);
    free(e);
}

/* A NETRESOURCE string of entry: an empty one is a NULL pointer there. */
static const char *field_of(const WNetListEntry *entry, unsigned f) {
    const char *const values[_FIELD_MAX] = {
        [FIELD_LOCAL] = entry->local,
        [FIELD_REMOTE] = entry->remote,
        [FIELD_COMMENT] = entry->mount_point,
        [FIELD_PROVIDER] = entry->provider,
    };
    return *values[f] ? values[f] : NULL;
}

static DWORD open_enum(DWORD scope, DWORD type, LPHANDLE ret, bool wide) {
    WNetEnum *e;
    DWORD code;

    if (!ret)
        return ERROR_INVALID_PARAMETER;
    if (scope == RESOURCE_GLOBALNET || scope == RESOURCE_CONTEXT || scope == RESOURCE_RECENT)
        return ERROR_NOT_SUPPORTED;          /* no network browsing on Linux */
    if (scope != RESOURCE_CONNECTED && scope != RESOURCE_REMEMBERED)
        return ERROR_INVALID_PARAMETER;
    if (type != RESOURCETYPE_ANY && type != RESOURCETYPE_DISK && type != RESOURCETYPE_PRINT)
        return ERROR_INVALID_PARAMETER;

    e = calloc(1, sizeof *e);
    if (!e)
        return ERROR_NOT_ENOUGH_MEMORY;
    e->wide = wide;
    e->scope = scope;

    if (type != RESOURCETYPE_PRINT) {        /* all pppras connections are disks */
        code = wnet_list_load(scope, &e->list);
        if (code != 0) {
            wnet_enum_free(e);
            return code;
        }
    }
    if (handle_registry_add(e, HANDLE_KIND_WNET_ENUM) < 0) {
        wnet_enum_free(e);
        return ERROR_NOT_ENOUGH_MEMORY;
    }
    *ret = e;
    return 0;
}

_public_ DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEA lpNetResource,
                                    LPHANDLE lphEnum) {
    return wnet_result(open_enum(dwScope, dwType, lphEnum, false));
}

_public_ DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource,
                                    LPHANDLE lphEnum) {
    return wnet_result(open_enum(dwScope, dwType, lphEnum, true));
}

static WNetEnum *enum_from_handle(HANDLE h) {
    WNetEnum *e = h;
    return e && h != INVALID_HANDLE_VALUE && handle_registry_has(e, HANDLE_KIND_WNET_ENUM) ? e : NULL;
}

/* Bytes entry's strings take, NULs included. */
static size_t strings_size(const WNetListEntry *entry, bool wide) {
    size_t unit = wide ? sizeof(wchar_t) : 1, size = 0;
    for (unsigned f = 0; f < _FIELD_MAX; f++)
        if (field_of(entry, f))
            size += (wnet_text_length(field_of(entry, f), wide) + 1) * unit;
    return size;
}

static DWORD enum_resource(HANDLE hEnum, LPDWORD count, void *buffer, LPDWORD buffer_size) {
    WNetEnum *e = enum_from_handle(hEnum);
    size_t struct_size, unit, want, done = 0;
    uint8_t *structs_end, *strings_start;

    if (!e)
        return ERROR_INVALID_HANDLE;
    if (!count || !buffer_size || (*buffer_size > 0 && !buffer))
        return ERROR_INVALID_PARAMETER;
    if (e->next >= e->list.n_entries)
        return ERROR_NO_MORE_ITEMS;

    struct_size = e->wide ? sizeof(NETRESOURCEW) : sizeof(NETRESOURCEA);
    unit = e->wide ? sizeof(wchar_t) : 1;
    want = *count == 0xFFFFFFFF || *count == 0 ? SIZE_MAX : *count;
    structs_end = buffer;
    strings_start = (uint8_t *) buffer + (*buffer_size & ~(DWORD) (unit - 1));

    while (done < want && e->next < e->list.n_entries) {
        const WNetListEntry *entry = &e->list.entries[e->next];
        size_t need = struct_size + strings_size(entry, e->wide);

        if ((size_t) (strings_start - structs_end) < need) {
            if (done == 0) {
                *buffer_size = (DWORD) (need + unit);   /* room for alignment */
                return ERROR_MORE_DATA;
            }
            break;
        }

        void *ptr[_FIELD_MAX] = {};
        for (unsigned f = 0; f < _FIELD_MAX; f++) {
            const char *value = field_of(entry, f);
            if (!value)
                continue;
            size_t chars = wnet_text_length(value, e->wide) + 1;
            strings_start -= chars * unit;
            (void) text_copy(strings_start, chars, e->wide, value);
            ptr[f] = strings_start;
        }
        /* both NETRESOURCE variants share the layout up to the pointer types */
        NETRESOURCEA nr = {
            .dwScope = e->scope,
            .dwType = RESOURCETYPE_DISK,
            .dwDisplayType = RESOURCEDISPLAYTYPE_SHARE,
            .dwUsage = RESOURCEUSAGE_CONNECTABLE,
            .lpLocalName = ptr[FIELD_LOCAL],
            .lpRemoteName = ptr[FIELD_REMOTE],
            .lpComment = ptr[FIELD_COMMENT],
            .lpProvider = ptr[FIELD_PROVIDER],
        };
        _Static_assert(sizeof(NETRESOURCEA) == sizeof(NETRESOURCEW), "NETRESOURCE layouts differ");
        memcpy(structs_end, &nr, sizeof nr);
        structs_end += struct_size;
        e->next++;
        done++;
    }
    *count = (DWORD) done;
    return NO_ERROR;
}

_public_ DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
    return wnet_result(enum_resource(hEnum, lpcCount, lpBuffer, lpBufferSize));
}

_public_ DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize) {
    return wnet_result(enum_resource(hEnum, lpcCount, lpBuffer, lpBufferSize));
}

_public_ DWORD WINAPI WNetCloseEnum(HANDLE hEnum) {
    WNetEnum *e = hEnum;
    if (!e || hEnum == INVALID_HANDLE_VALUE || !handle_registry_remove(e, HANDLE_KIND_WNET_ENUM))
        return wnet_result(ERROR_INVALID_HANDLE);
    wnet_enum_free(e);
    return wnet_result(NO_ERROR);
}
