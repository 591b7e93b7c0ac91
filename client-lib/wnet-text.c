/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "text-convert.h"
#include "winerror.h"
#include "wnet-text.h"

DWORD wnet_utf8_from_wide(const wchar_t *s, char **ret) {
    size_t n = 0, o = 0;
    char *out;

    assert(ret);

    if (!s) {
        *ret = NULL;
        return 0;
    }
    for (const wchar_t *p = s; *p; p++) {
        uint32_t c = (uint32_t) *p;
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return ERROR_INVALID_PARAMETER;
        n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    out = malloc(n + 1);
    if (!out)
        return ERROR_NOT_ENOUGH_MEMORY;
    for (const wchar_t *p = s; *p; p++) {
        uint32_t c = (uint32_t) *p;
        if (c < 0x80)
            out[o++] = (char) c;
        else if (c < 0x800) {
            out[o++] = (char) (0xC0 | (c >> 6));
            out[o++] = (char) (0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[o++] = (char) (0xE0 | (c >> 12));
            out[o++] = (char) (0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char) (0x80 | (c & 0x3F));
        } else {
            out[o++] = (char) (0xF0 | (c >> 18));
            out[o++] = (char) (0x80 | ((c >> 12) & 0x3F));
            out[o++] = (char) (0x80 | ((c >> 6) & 0x3F));
            out[o++] = (char) (0x80 | (c & 0x3F));
        }
    }
    out[o] = '\0';
    *ret = out;
    return 0;
}

size_t wnet_text_length(const char *src, int wide) {
    if (!src)
        return 0;
    return wide ? text_wide_length(src) : strlen(src);
}
