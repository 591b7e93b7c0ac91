/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The generic-text mappings of Microsoft's <tchar.h> that RAS and WNet
 * programs use: _TCHAR, _T/_TEXT, _tmain and the _t/_tcs names, wide
 * (wchar_t) when _UNICODE is defined, narrow (char) otherwise.
 *
 * Two things differ from a plain #define onto the C library:
 * - With _UNICODE, _tmain is a wide entry point: this header supplies the
 *   program's main(), which sets the locale from the environment, converts
 *   argv to wchar_t and calls it.
 * - Microsoft's wide printf reads %s and %c as wide and %S and %C as
 *   narrow; glibc's reads them as C does.  The wide _tprintf family goes
 *   through libpppras, which reads the format the Microsoft way. */

#include <ctype.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>

#include "wintypes.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Microsoft-style wide formatting (libpppras): %s/%c are wide, %S/%C
 * narrow, %hs/%hc narrow, %ls/%lc/%ws/%wc wide.  PppRasVsnwprintf always
 * terminates when size > 0 and returns the length the whole text needs
 * (as vsnprintf does), or -1 on a bad format or encoding error. */
int PppRasVfwprintf(FILE *stream, const wchar_t *format, va_list ap);
int PppRasVsnwprintf(wchar_t *buffer, size_t size, const wchar_t *format, va_list ap);

#ifdef _UNICODE

typedef wchar_t _TCHAR, _TSCHAR, _TUCHAR, _TXCHAR;
typedef wint_t _TINT;
#define __T(x) L##x
#define _TEOF WEOF

/* the entry point the program writes as _tmain */
int pppras_wmain_(int argc, wchar_t *argv[]) __attribute__((weak));
#define _tmain pppras_wmain_

/* Weak: a program with its own main() keeps it; every file that includes
 * this header may carry a copy, the linker keeps one. */
__attribute__((weak)) int main(int argc, char *argv[]) {
    wchar_t **wargv = (wchar_t **) calloc((size_t) argc + 1, sizeof *wargv);
    int i, r;

    if (!wargv || !pppras_wmain_)
        return 127;
    (void) setlocale(LC_ALL, "");
    for (i = 0; i < argc; i++) {
        size_t n = mbstowcs(NULL, argv[i], 0);
        if (n == (size_t) -1)
            return 127;
        wargv[i] = (wchar_t *) calloc(n + 1, sizeof(wchar_t));
        if (!wargv[i])
            return 127;
        (void) mbstowcs(wargv[i], argv[i], n + 1);
    }
    r = pppras_wmain_(argc, wargv);
    for (i = 0; i < argc; i++)
        free(wargv[i]);
    free(wargv);
    return r;
}

static inline int _pppras_tprintf(const wchar_t *format, ...) {
    va_list ap;
    int r;
    va_start(ap, format);
    r = PppRasVfwprintf(stdout, format, ap);
    va_end(ap);
    return r;
}

static inline int _pppras_ftprintf(FILE *stream, const wchar_t *format, ...) {
    va_list ap;
    int r;
    va_start(ap, format);
    r = PppRasVfwprintf(stream, format, ap);
    va_end(ap);
    return r;
}

/* _stprintf_s and _sntprintf: at most count characters, terminated. */
static inline int _pppras_sntprintf(wchar_t *buffer, size_t count, const wchar_t *format, ...) {
    va_list ap;
    int r;
    va_start(ap, format);
    r = PppRasVsnwprintf(buffer, count, format, ap);
    va_end(ap);
    return r;
}

#define _tprintf        _pppras_tprintf
#define _ftprintf       _pppras_ftprintf
#define _vtprintf(f, a) PppRasVfwprintf(stdout, (f), (a))
#define _vftprintf      PppRasVfwprintf
#define _stprintf_s     _pppras_sntprintf
#define _sntprintf      _pppras_sntprintf
#define _vsntprintf     PppRasVsnwprintf
#define _puttchar       putwchar
#define _putts(s)       (fputws((s), stdout) < 0 ? WEOF : (wint_t) putwchar(L'\n'))
#define _fputts         fputws
#define _fgetts         fgetws
#define _gettchar       getwchar

#define _tcslen         wcslen
#define _tcsnlen        wcsnlen
#define _tcscpy         wcscpy
#define _tcsncpy        wcsncpy
#define _tcscat         wcscat
#define _tcsncat        wcsncat
#define _tcscmp         wcscmp
#define _tcsncmp        wcsncmp
#define _tcsicmp        wcscasecmp
#define _tcsnicmp       wcsncasecmp
#define _tcschr         wcschr
#define _tcsrchr        wcsrchr
#define _tcsstr         wcsstr
#define _tcsspn         wcsspn
#define _tcscspn        wcscspn
#define _tcspbrk        wcspbrk
#define _tcstok_s       wcstok
#define _tcsdup         wcsdup
#define _tcstol         wcstol
#define _tcstoul        wcstoul
#define _ttoi(s)        ((int) wcstol((s), NULL, 10))
#define _tstoi          _ttoi
#define _ttol(s)        wcstol((s), NULL, 10)
#define _tstol          _ttol
#define _totupper       towupper
#define _totlower       towlower
#define _istdigit       iswdigit
#define _istalpha       iswalpha
#define _istalnum       iswalnum
#define _istspace       iswspace
#define _istupper       iswupper
#define _istlower       iswlower
#define _istprint       iswprint

#else /* narrow */

typedef char _TCHAR, _TSCHAR;
typedef unsigned char _TUCHAR;
typedef char _TXCHAR;
typedef int _TINT;
#define __T(x) x
#define _TEOF EOF

#define _tmain          main

#define _tprintf        printf
#define _ftprintf       fprintf
#define _vtprintf       vprintf
#define _vftprintf      vfprintf
#define _stprintf_s     snprintf
#define _sntprintf      snprintf
#define _vsntprintf     vsnprintf
#define _puttchar       putchar
#define _putts          puts
#define _fputts         fputs
#define _fgetts         fgets
#define _gettchar       getchar

#define _tcslen         strlen
#define _tcsnlen        strnlen
#define _tcscpy         strcpy
#define _tcsncpy        strncpy
#define _tcscat         strcat
#define _tcsncat        strncat
#define _tcscmp         strcmp
#define _tcsncmp        strncmp
#define _tcsicmp        strcasecmp
#define _tcsnicmp       strncasecmp
#define _tcschr         strchr
#define _tcsrchr        strrchr
#define _tcsstr         strstr
#define _tcsspn         strspn
#define _tcscspn        strcspn
#define _tcspbrk        strpbrk
#define _tcstok_s       strtok_r
#define _tcsdup         strdup
#define _tcstol         strtol
#define _tcstoul        strtoul
#define _ttoi           atoi
#define _tstoi          atoi
#define _ttol           atol
#define _tstol          atol
#define _totupper       toupper
#define _totlower       tolower
#define _istdigit       isdigit
#define _istalpha       isalpha
#define _istalnum       isalnum
#define _istspace       isspace
#define _istupper       isupper
#define _istlower       islower
#define _istprint       isprint

#endif /* _UNICODE */

#undef _T
#define _T(x)    __T(x)
#define _TEXT(x) __T(x)
#define _TCHAR_DEFINED

#ifdef __cplusplus
}
#endif
