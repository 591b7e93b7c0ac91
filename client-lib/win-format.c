/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* PppRasVfwprintf and PppRasVsnwprintf: the wide printf of <tchar.h>'s
 * _tprintf and <strsafe.h>'s StringCchPrintfW, reading the format the way
 * Microsoft's C library does, so ported _tprintf(_T("%s"), name) prints
 * the wide name it was given. */

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "lib-macro.h"
#include "tchar.h"
#include "win-format.h"

wchar_t *win_format_from_microsoft(const wchar_t *ms) {
    size_t len = wcslen(ms), o = 0;
    wchar_t *out;

    assert(ms);

    /* each conversion grows by at most one character ("%s" -> "%ls") */
    out = malloc((2 * len + 1) * sizeof(wchar_t));
    if (!out)
        return NULL;

    for (const wchar_t *p = ms; *p;) {
        if (*p != L'%') {
            out[o++] = *p++;
            continue;
        }
        out[o++] = *p++;
        if (*p == L'%') {
            out[o++] = *p++;
            continue;
        }
        /* flags, width, precision: unchanged */
        while (*p && wcschr(L"-+ #0'", *p))
            out[o++] = *p++;
        while (*p == L'*' || (*p >= L'0' && *p <= L'9'))
            out[o++] = *p++;
        if (*p == L'.') {
            out[o++] = *p++;
            while (*p == L'*' || (*p >= L'0' && *p <= L'9'))
                out[o++] = *p++;
        }

        /* length: remember h / l / w for the string conversions */
        wchar_t size = 0;
        if (p[0] == L'I' && p[1] == L'6' && p[2] == L'4') {
            out[o++] = L'l';
            out[o++] = L'l';
            p += 3;
        } else if (p[0] == L'I' && p[1] == L'3' && p[2] == L'2')
            p += 3;
        else if (p[0] == L'I') {
            out[o++] = L'z';
            p++;
        } else if (*p == L'h' || *p == L'l' || *p == L'w') {
            size = *p == L'w' ? L'l' : *p;
            const wchar_t *start = p;
            while (*p == L'h' || *p == L'l' || *p == L'w')
                p++;
            if (*p != L's' && *p != L'c' && *p != L'S' && *p != L'C')
                for (const wchar_t *q = start; q < p; q++)
                    out[o++] = *q == L'w' ? L'l' : *q;
        } else
            while (*p && wcschr(L"LjztqZ", *p))
                out[o++] = *p++;

        switch (*p) {
        case L's':
        case L'c':
            /* wide unless h says narrow */
            if (size != L'h')
                out[o++] = L'l';
            out[o++] = *p++;
            break;
        case L'S':
        case L'C':
            /* narrow unless l or w says wide */
            if (size == L'l')
                out[o++] = L'l';
            out[o++] = *p == L'S' ? L's' : L'c';
            p++;
            break;
        case L'\0':
            break;
        default:
            out[o++] = *p++;
        }
    }
    out[o] = L'\0';
    return out;
}

_public_ int PppRasVfwprintf(FILE *stream, const wchar_t *format, va_list ap) {
    _cleanup_(freep) wchar_t *f = NULL;

    if (!stream || !format) {
        errno = EINVAL;
        return -1;
    }
    f = win_format_from_microsoft(format);
    if (!f)
        return -1;
    return vfwprintf(stream, f, ap);
}

_public_ int PppRasVsnwprintf(wchar_t *buffer, size_t size, const wchar_t *format, va_list ap) {
    _cleanup_(freep) wchar_t *f = NULL, *text = NULL;
    size_t text_len = 0;
    FILE *m;
    int n;

    if (!format || (size > 0 && !buffer)) {
        errno = EINVAL;
        return -1;
    }
    f = win_format_from_microsoft(format);
    if (!f)
        return -1;

    /* glibc's vswprintf only says "too long": format in full, then cut */
    m = open_wmemstream(&text, &text_len);
    if (!m)
        return -1;
    n = vfwprintf(m, f, ap);
    if (fclose(m) != 0 || n < 0) {
        if (size > 0)
            buffer[0] = L'\0';
        return -1;
    }
    if (size > 0) {
        size_t keep = text_len < size ? text_len : size - 1;
        wmemcpy(buffer, text, keep);
        buffer[keep] = L'\0';
    }
    return (int) text_len;
}
