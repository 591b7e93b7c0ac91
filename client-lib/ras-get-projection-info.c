/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"
#include "text-convert.h"

/* RASPPPIP per version: NT 3.5 (no server address), 0x400, 0x500. */
typedef struct PppIpLayout {
    DWORD size;
    bool has_server, has_options;
} PppIpLayout;

#define ROUND_UP_4(n) (((n) + 3) & ~(size_t) 3)
#define LAYOUTS(type)                                                                 \
    {                                                                                 \
        { (DWORD) ROUND_UP_4(offsetof(type, szServerIpAddress)), false, false },      \
        { (DWORD) ROUND_UP_4(offsetof(type, dwOptions)), true, false },               \
        { sizeof(type), true, true },                                                 \
    }

static const PppIpLayout layouts_a[] = LAYOUTS(RASPPPIPA);
static const PppIpLayout layouts_w[] = LAYOUTS(RASPPPIPW);

static const PppIpLayout *layout_for(DWORD size, bool wide) {
    const PppIpLayout *l = wide ? layouts_w : layouts_a;

    for (size_t i = 0; i < ELEMENTSOF(layouts_a); i++)
        if (l[i].size == size)
            return &l[i];
    return NULL;
}

static void fill(void *dst, const PppIpLayout *l, bool wide, const ClientProjection *p) {
    /* The A and W structures differ only in the width of their strings. */
    union {
        RASPPPIPA a;
        RASPPPIPW w;
    } s = {};

    assert(dst);
    assert(l);
    assert(p);

    if (wide) {
        s.w.dwSize = l->size;
        text_copy_wide(s.w.szIpAddress, ELEMENTSOF(s.w.szIpAddress), p->local);
        if (l->has_server)
            text_copy_wide(s.w.szServerIpAddress, ELEMENTSOF(s.w.szServerIpAddress), p->remote);
    } else {
        s.a.dwSize = l->size;
        text_copy_utf8(s.a.szIpAddress, sizeof(s.a.szIpAddress), p->local);
        if (l->has_server)
            text_copy_utf8(s.a.szServerIpAddress, sizeof(s.a.szServerIpAddress), p->remote);
    }
    /* dwError 0: projected; dwOptions/dwServerOptions: no VJ reported */
    memcpy(dst, &s, l->size);
}

static DWORD get_projection_info(HRASCONN hrasconn, RASPROJECTION projection, void *buffer, LPDWORD lpcb, bool wide) {
    _cleanup_(client_projection_done) ClientProjection p = {};
    const PppIpLayout *layout = NULL;
    uint64_t handle;
    DWORD code, required;

    if (!lpcb)
        return ERROR_INVALID_PARAMETER;

    handle = ras_handle_from_hrasconn(hrasconn);
    if (handle == CLIENT_HANDLE_NONE || handle == CLIENT_HANDLE_ALL)
        return ERROR_INVALID_HANDLE;

    switch (projection) {
    case RASP_PppIp:
        break;
    case RASP_Amb:
    case RASP_PppNbf:
    case RASP_PppIpx:
    case RASP_PppCcp:
    case RASP_PppLcp:
    case RASP_PppIpv6:
    case RASP_Slip: {
        /* not reported by pppras: as if the entry did not ask for it, once
         * the handle is known to be good */
        _cleanup_(client_status_done) ClientStatus s = {};

        code = client_get_connect_status(handle, &s);
        return code != 0 ? code : ERROR_PROTOCOL_NOT_CONFIGURED;
    }
    default:
        return ERROR_INVALID_PARAMETER;
    }

    if (buffer && *lpcb >= sizeof(DWORD)) {
        layout = layout_for(*(const DWORD *) buffer, wide);
        if (!layout)
            return ERROR_INVALID_SIZE;
    }
    required = layout ? layout->size : (wide ? sizeof(RASPPPIPW) : sizeof(RASPPPIPA));

    code = client_get_projection_info(handle, &p);
    if (code != 0)
        return code;

    if (!layout || *lpcb < required) {
        *lpcb = required;
        return ERROR_BUFFER_TOO_SMALL;
    }

    fill(buffer, layout, wide, &p);
    *lpcb = required;
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasGetProjectionInfoA(HRASCONN hrasconn, RASPROJECTION rasprojection, LPVOID lpprojection, LPDWORD lpcb) {
    return get_projection_info(hrasconn, rasprojection, lpprojection, lpcb, false);
}

_public_ DWORD APIENTRY RasGetProjectionInfoW(HRASCONN hrasconn, RASPROJECTION rasprojection, LPVOID lpprojection, LPDWORD lpcb) {
    return get_projection_info(hrasconn, rasprojection, lpprojection, lpcb, true);
}
