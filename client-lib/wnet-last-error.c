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

/* "CODE: PROVIDER STATUS: TEXT": the part after "CODE: " parses into
 * a provider and its status.  Fills provider, *ret_code and *ret_text
 * (pointing into message) either way. */
static bool parse_message(const char *message, char provider[static WNET_PROVIDER_MAX], unsigned long *ret_code,
                          const char **ret_text) {
    const char *p = message, *space, *colon;
    unsigned long code = 0;

    provider[0] = '\0';
    /* skip "1208: " */
    colon = strstr(p, ": ");
    if (colon)
        p = colon + 2;
    space = strchr(p, ' ');
    if (space && space > p && (size_t) (space - p) < WNET_PROVIDER_MAX) {
        char *end;
        memcpy(provider, p, (size_t) (space - p));
        provider[space - p] = '\0';
        code = strtoul(space + 1, &end, 10);
        if (end != space + 1 && end[0] == ':' && end[1] == ' ')
            p = end + 2;
        else {
            code = 0;
            provider[0] = '\0';
        }
    }
    *ret_code = code;
    *ret_text = p;
    return provider[0] != '\0';
}

void wnet_last_error_set_from_message(const char *message) {
    char provider[WNET_PROVIDER_MAX];
    unsigned long code;
    const char *text;

    if (!message) {
        wnet_last_error_set(0, "", "");
        return;
    }
    (void) parse_message(message, provider, &code, &text);
    wnet_last_error_set((uint32_t) code, text, provider);
}

bool wnet_last_error_set_if_provider(const char *message) {
    char provider[WNET_PROVIDER_MAX];
    unsigned long code;
    const char *text;

    if (!message || !parse_message(message, provider, &code, &text))
        return false;
    wnet_last_error_set((uint32_t) code, text, provider);
    return true;
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
