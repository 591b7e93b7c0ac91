/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text-convert.h"

#define REPLACEMENT_CHARACTER 0xFFFDu

/* Decode one UTF-8 sequence at s (not at the NUL): its length in bytes,
 * the code point in *ret.  Overlong forms, surrogates, values above
 * U+10FFFF and truncated sequences decode as one byte of U+FFFD. */
static size_t utf8_decode(const unsigned char *s, uint32_t *ret) {
    uint32_t c, min;
    size_t len;

    assert(s);
    assert(ret);

    if (s[0] < 0x80) {
        *ret = s[0];
        return 1;
    }
    if ((s[0] & 0xE0) == 0xC0) {
        c = s[0] & 0x1F, len = 2, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        c = s[0] & 0x0F, len = 3, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        c = s[0] & 0x07, len = 4, min = 0x10000;
    } else {
        *ret = REPLACEMENT_CHARACTER;
        return 1;
    }

    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {   /* also stops at the NUL */
            *ret = REPLACEMENT_CHARACTER;
            return 1;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        *ret = REPLACEMENT_CHARACTER;
        return 1;
    }

    *ret = c;
    return len;
}

bool text_copy_utf8(char *dst, size_t capacity, const char *src) {
    size_t len, keep;

    assert(dst || capacity == 0);
    assert(src);

    if (capacity == 0)
        return src[0] == '\0';

    len = strlen(src);
    if (len < capacity) {
        memcpy(dst, src, len + 1);
        return true;
    }

    /* Keep only whole characters: walk back over continuation bytes to
     * the lead byte of the character that does not fit. */
    keep = capacity - 1;
    while (keep > 0 && ((unsigned char) src[keep] & 0xC0) == 0x80)
        keep--;
    memcpy(dst, src, keep);
    dst[keep] = '\0';
    return false;
}

bool text_copy_wide(wchar_t *dst, size_t capacity, const char *src) {
    const unsigned char *s = (const unsigned char *) src;
    size_t n = 0;

    assert(dst || capacity == 0);
    assert(src);

    if (capacity == 0)
        return src[0] == '\0';

    while (*s) {
        uint32_t c;

        if (n + 1 >= capacity) {
            dst[n] = L'\0';
            return false;
        }
        s += utf8_decode(s, &c);
        dst[n++] = (wchar_t) c;
    }
    dst[n] = L'\0';
    return true;
}

bool text_copy(void *dst, size_t capacity, bool wide, const char *src) {
    assert(dst || capacity == 0);
    assert(src);

    return wide ? text_copy_wide(dst, capacity, src) : text_copy_utf8(dst, capacity, src);
}

size_t text_wide_length(const char *src) {
    const unsigned char *s = (const unsigned char *) src;
    size_t n = 0;

    assert(src);

    while (*s) {
        uint32_t c;

        s += utf8_decode(s, &c);
        n++;
    }
    return n;
}

static size_t utf8_encode(uint32_t c, char *out) {
    assert(out);

    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        c = REPLACEMENT_CHARACTER;
    if (c < 0x80) {
        out[0] = (char) c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char) (0xC0 | (c >> 6));
        out[1] = (char) (0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char) (0xE0 | (c >> 12));
        out[1] = (char) (0x80 | ((c >> 6) & 0x3F));
        out[2] = (char) (0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char) (0xF0 | (c >> 18));
    out[1] = (char) (0x80 | ((c >> 12) & 0x3F));
    out[2] = (char) (0x80 | ((c >> 6) & 0x3F));
    out[3] = (char) (0x80 | (c & 0x3F));
    return 4;
}

char *text_dup(const void *src, size_t capacity, bool wide) {
    size_t n = 0;
    char *s, *p;

    assert(src);

    if (!wide) {
        const char *a = src;

        while (n < capacity && a[n])
            n++;
        return strndup(a, n);
    }

    const wchar_t *w = src;
    while (n < capacity && w[n])
        n++;
    if (n > (SIZE_MAX - 1) / 4)
        return NULL;
    s = malloc(n * 4 + 1);
    if (!s)
        return NULL;
    p = s;
    for (size_t i = 0; i < n; i++)
        p += utf8_encode((uint32_t) w[i], p);
    *p = '\0';
    return s;
}

void text_free_secret(char *s) {
    if (!s)
        return;
    explicit_bzero(s, strlen(s));
    free(s);
}
