/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib-macro.h"
#include "text-convert.h"
#include "winnetwk.h"
#include "wnet-last-error.h"

#define WNET_TEXT_MAX 1024
#define WNET_PROVIDER_MAX 32

static _Thread_local struct {
    uint32_t code;
    char text[WNET_TEXT_MAX];
    char provider[WNET_PROVIDER_MAX];
} last;

void wnet_last_error_set(uint32_t code, const char *text, const char *provider) {
    last.code = code;
    snprintf(last.text, sizeof last.text, "%s", text ?: "");
    snprintf(last.provider, sizeof last.provider, "%s", provider ?: "");
}

void wnet_last_error_set_from_message(const char *message) {
    const char *p = message, *space, *colon;
    char provider[WNET_PROVIDER_MAX] = "";
    unsigned long code = 0;

    if (!p) {
        wnet_last_error_set(0, "", "");
        return;
    }
    /* skip "1208: " */
    colon = strstr(p, ": ");
    if (colon)
        p = colon + 2;
    space = strchr(p, ' ');
    if (space && (size_t) (space - p) < sizeof provider) {
        char *end;
        memcpy(provider, p, (size_t) (space - p));
        provider[space - p] = '\0';
        code = strtoul(space + 1, &end, 10);
        if (end[0] == ':' && end[1] == ' ')
            p = end + 2;
        else {
            code = 0;
            provider[0] = '\0';
        }
    }
    wnet_last_error_set((uint32_t) code, p, provider);
}

static DWORD get_last_error(LPDWORD lpError, void *lpErrorBuf, DWORD nErrorBufSize, void *lpNameBuf,
                            DWORD nNameBufSize, bool wide) {
    if (!lpError || (nErrorBufSize > 0 && !lpErrorBuf) || (nNameBufSize > 0 && !lpNameBuf))
        return ERROR_INVALID_ADDRESS;

    *lpError = last.code;
    /* too small buffers get as much as fits, NUL-terminated (as Windows) */
    if (nErrorBufSize > 0)
        (void) text_copy(lpErrorBuf, nErrorBufSize, wide, last.text);
    if (nNameBufSize > 0)
        (void) text_copy(lpNameBuf, nNameBufSize, wide, last.provider);
    return NO_ERROR;
}

_public_ DWORD WINAPI WNetGetLastErrorA(LPDWORD lpError, LPSTR lpErrorBuf, DWORD nErrorBufSize, LPSTR lpNameBuf,
                                        DWORD nNameBufSize) {
    return get_last_error(lpError, lpErrorBuf, nErrorBufSize, lpNameBuf, nNameBufSize, false);
}

_public_ DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf, DWORD nErrorBufSize, LPWSTR lpNameBuf,
                                        DWORD nNameBufSize) {
    return get_last_error(lpError, lpErrorBuf, nErrorBufSize, lpNameBuf, nNameBufSize, true);
}
