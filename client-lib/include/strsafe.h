/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Microsoft's <strsafe.h> string calls RAS and WNet programs use:
 * StringCch* (sizes in characters) and StringCb* (sizes in bytes) Copy,
 * CopyN, Cat, CatN, Printf, VPrintf and Length, A and W.  Results are
 * HRESULTs as documented:
 *   S_OK                          all of it fit;
 *   STRSAFE_E_INSUFFICIENT_BUFFER the result was truncated to fit, and is
 *                                 terminated all the same;
 *   STRSAFE_E_INVALID_PARAMETER   a size of 0 or over STRSAFE_MAX_CCH
 *                                 (the destination then gets "" when it
 *                                 has any room), or, for Cat and Length, a
 *                                 string not terminated within its size.
 * Header-only like Microsoft's (inline functions), except the wide
 * Printf, which reads a Microsoft wide format (%s is wide) through
 * libpppras.  A NULL source counts as "". */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "winnt.h"

#ifdef __cplusplus
extern "C" {
#endif

#define STRSAFE_MAX_CCH 2147483647u

#ifndef STRSAFE_E_INSUFFICIENT_BUFFER
#define STRSAFE_E_INSUFFICIENT_BUFFER ((HRESULT) 0x8007007AL)
#define STRSAFE_E_INVALID_PARAMETER   ((HRESULT) 0x80070057L)
#define STRSAFE_E_END_OF_FILE         ((HRESULT) 0x80070026L)
#endif

typedef char *STRSAFE_LPSTR;
typedef const char *STRSAFE_LPCSTR;
typedef wchar_t *STRSAFE_LPWSTR;
typedef const wchar_t *STRSAFE_LPCWSTR;

int PppRasVsnwprintf(wchar_t *buffer, size_t size, const wchar_t *format, va_list ap);

/* One body per call, instantiated for char (A) and wchar_t (W). */
#define _PPPRAS_STRSAFE_FUNCS(SUFFIX, CH, LEN)                                                       \
static inline HRESULT StringCchLength##SUFFIX(const CH *psz, size_t cchMax, size_t *pcchLength) {     \
    size_t n = 0;                                                                                  \
    if (!psz || cchMax > STRSAFE_MAX_CCH) {                                                        \
        if (pcchLength)                                                                            \
            *pcchLength = 0;                                                                       \
        return STRSAFE_E_INVALID_PARAMETER;                                                        \
    }                                                                                              \
    while (n < cchMax && psz[n])                                                                   \
        n++;                                                                                       \
    if (pcchLength)                                                                                \
        *pcchLength = n < cchMax ? n : 0;                                                          \
    return n < cchMax ? S_OK : STRSAFE_E_INVALID_PARAMETER;                                        \
}                                                                                                  \
                                                                                                   \
/* Copies at most cchToCopy characters of pszSrc. */                                               \
static inline HRESULT StringCchCopyN##SUFFIX(CH *pszDest, size_t cchDest, const CH *pszSrc,        \
                                             size_t cchToCopy) {                                   \
    size_t i = 0;                                                                                  \
    if (cchDest == 0 || cchDest > STRSAFE_MAX_CCH || cchToCopy > STRSAFE_MAX_CCH) {                \
        if (cchDest != 0 && cchDest <= STRSAFE_MAX_CCH)                                            \
            pszDest[0] = 0;                                                                        \
        return STRSAFE_E_INVALID_PARAMETER;                                                        \
    }                                                                                              \
    if (pszSrc)                                                                                    \
        for (; i < cchDest - 1 && i < cchToCopy && pszSrc[i]; i++)                                 \
            pszDest[i] = pszSrc[i];                                                                \
    pszDest[i] = 0;                                                                                \
    return pszSrc && i < cchToCopy && pszSrc[i] ? STRSAFE_E_INSUFFICIENT_BUFFER : S_OK;            \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCchCopy##SUFFIX(CH *pszDest, size_t cchDest, const CH *pszSrc) {       \
    return StringCchCopyN##SUFFIX(pszDest, cchDest, pszSrc, STRSAFE_MAX_CCH);                      \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCchCatN##SUFFIX(CH *pszDest, size_t cchDest, const CH *pszSrc,         \
                                            size_t cchToAppend) {                                  \
    size_t used;                                                                                   \
    if (cchDest == 0 || cchDest > STRSAFE_MAX_CCH || cchToAppend > STRSAFE_MAX_CCH)                \
        return STRSAFE_E_INVALID_PARAMETER;                                                        \
    if (StringCchLength##SUFFIX(pszDest, cchDest, &used) != S_OK)                                  \
        return STRSAFE_E_INVALID_PARAMETER;                                                        \
    return StringCchCopyN##SUFFIX(pszDest + used, cchDest - used, pszSrc, cchToAppend);            \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCchCat##SUFFIX(CH *pszDest, size_t cchDest, const CH *pszSrc) {        \
    return StringCchCatN##SUFFIX(pszDest, cchDest, pszSrc, STRSAFE_MAX_CCH);                       \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCbLength##SUFFIX(const CH *psz, size_t cbMax, size_t *pcbLength) {     \
    size_t n;                                                                                      \
    HRESULT hr = StringCchLength##SUFFIX(psz, cbMax / sizeof(CH), &n);                             \
    if (pcbLength)                                                                                 \
        *pcbLength = n * sizeof(CH);                                                               \
    return hr;                                                                                     \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCbCopy##SUFFIX(CH *pszDest, size_t cbDest, const CH *pszSrc) {         \
    return StringCchCopy##SUFFIX(pszDest, cbDest / sizeof(CH), pszSrc);                            \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCbCopyN##SUFFIX(CH *pszDest, size_t cbDest, const CH *pszSrc,          \
                                            size_t cbToCopy) {                                     \
    return StringCchCopyN##SUFFIX(pszDest, cbDest / sizeof(CH), pszSrc, cbToCopy / sizeof(CH));    \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCbCat##SUFFIX(CH *pszDest, size_t cbDest, const CH *pszSrc) {          \
    return StringCchCat##SUFFIX(pszDest, cbDest / sizeof(CH), pszSrc);                             \
}                                                                                                  \
                                                                                                   \
static inline HRESULT StringCbCatN##SUFFIX(CH *pszDest, size_t cbDest, const CH *pszSrc,           \
                                           size_t cbToAppend) {                                    \
    return StringCchCatN##SUFFIX(pszDest, cbDest / sizeof(CH), pszSrc, cbToAppend / sizeof(CH));   \
}

_PPPRAS_STRSAFE_FUNCS(A, char, strlen)
_PPPRAS_STRSAFE_FUNCS(W, wchar_t, wcslen)

__attribute__((format(printf, 3, 0)))
static inline HRESULT StringCchVPrintfA(char *pszDest, size_t cchDest, const char *pszFormat, va_list argList) {
    int n;
    if (cchDest == 0 || cchDest > STRSAFE_MAX_CCH) {
        if (cchDest != 0)
            pszDest[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    n = vsnprintf(pszDest, cchDest, pszFormat, argList);
    if (n < 0) {
        pszDest[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return (size_t) n < cchDest ? S_OK : STRSAFE_E_INSUFFICIENT_BUFFER;
}

static inline HRESULT StringCchVPrintfW(wchar_t *pszDest, size_t cchDest, const wchar_t *pszFormat,
                                        va_list argList) {
    int n;
    if (cchDest == 0 || cchDest > STRSAFE_MAX_CCH) {
        if (cchDest != 0)
            pszDest[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    n = PppRasVsnwprintf(pszDest, cchDest, pszFormat, argList);
    if (n < 0) {
        pszDest[0] = 0;
        return STRSAFE_E_INVALID_PARAMETER;
    }
    return (size_t) n < cchDest ? S_OK : STRSAFE_E_INSUFFICIENT_BUFFER;
}

__attribute__((format(printf, 3, 4)))
static inline HRESULT StringCchPrintfA(char *pszDest, size_t cchDest, const char *pszFormat, ...) {
    va_list ap;
    HRESULT hr;
    va_start(ap, pszFormat);
    hr = StringCchVPrintfA(pszDest, cchDest, pszFormat, ap);
    va_end(ap);
    return hr;
}

static inline HRESULT StringCchPrintfW(wchar_t *pszDest, size_t cchDest, const wchar_t *pszFormat, ...) {
    va_list ap;
    HRESULT hr;
    va_start(ap, pszFormat);
    hr = StringCchVPrintfW(pszDest, cchDest, pszFormat, ap);
    va_end(ap);
    return hr;
}

__attribute__((format(printf, 3, 0)))
static inline HRESULT StringCbVPrintfA(char *pszDest, size_t cbDest, const char *pszFormat, va_list argList) {
    return StringCchVPrintfA(pszDest, cbDest, pszFormat, argList);
}

static inline HRESULT StringCbVPrintfW(wchar_t *pszDest, size_t cbDest, const wchar_t *pszFormat,
                                       va_list argList) {
    return StringCchVPrintfW(pszDest, cbDest / sizeof(wchar_t), pszFormat, argList);
}

__attribute__((format(printf, 3, 4)))
static inline HRESULT StringCbPrintfA(char *pszDest, size_t cbDest, const char *pszFormat, ...) {
    va_list ap;
    HRESULT hr;
    va_start(ap, pszFormat);
    hr = StringCchVPrintfA(pszDest, cbDest, pszFormat, ap);
    va_end(ap);
    return hr;
}

static inline HRESULT StringCbPrintfW(wchar_t *pszDest, size_t cbDest, const wchar_t *pszFormat, ...) {
    va_list ap;
    HRESULT hr;
    va_start(ap, pszFormat);
    hr = StringCchVPrintfW(pszDest, cbDest / sizeof(wchar_t), pszFormat, ap);
    va_end(ap);
    return hr;
}

#ifdef UNICODE
#define StringCchLength  StringCchLengthW
#define StringCchCopy    StringCchCopyW
#define StringCchCopyN   StringCchCopyNW
#define StringCchCat     StringCchCatW
#define StringCchCatN    StringCchCatNW
#define StringCchPrintf  StringCchPrintfW
#define StringCchVPrintf StringCchVPrintfW
#define StringCbLength   StringCbLengthW
#define StringCbCopy     StringCbCopyW
#define StringCbCopyN    StringCbCopyNW
#define StringCbCat      StringCbCatW
#define StringCbCatN     StringCbCatNW
#define StringCbPrintf   StringCbPrintfW
#define StringCbVPrintf  StringCbVPrintfW
#else
#define StringCchLength  StringCchLengthA
#define StringCchCopy    StringCchCopyA
#define StringCchCopyN   StringCchCopyNA
#define StringCchCat     StringCchCatA
#define StringCchCatN    StringCchCatNA
#define StringCchPrintf  StringCchPrintfA
#define StringCchVPrintf StringCchVPrintfA
#define StringCbLength   StringCbLengthA
#define StringCbCopy     StringCbCopyA
#define StringCbCopyN    StringCbCopyNA
#define StringCbCat      StringCbCatA
#define StringCbCatN     StringCbCatNA
#define StringCbPrintf   StringCbPrintfA
#define StringCbVPrintf  StringCbVPrintfA
#endif

#ifdef __cplusplus
}
#endif
