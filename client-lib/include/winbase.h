/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The small part of the Win32 base API that RAS and WNet programs use
 * around the RAS calls (libpppras): events for RasConnectionNotification,
 * the wait for them, GetLastError, Sleep, the process heap, Local/Global
 * memory, the lstr* string calls, the *Memory macros, GetTickCount and
 * LoadLibrary for the two DLLs libpppras stands in for.  An event is an
 * eventfd, so Linux code can also poll it (PppRasEventFd).  The list and
 * the reasons are in docs/porting.md. */

#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <wchar.h>
#include <wctype.h>

#include "windef.h"
#include "winnt.h"
#include "winerror.h"

#ifdef __cplusplus
extern "C" {
#endif

#define WAIT_OBJECT_0    0x00000000u
#ifndef WAIT_TIMEOUT
#define WAIT_TIMEOUT     258
#endif
#define WAIT_FAILED      0xFFFFFFFFu
#define INFINITE         0xFFFFFFFFu

#define HEAP_ZERO_MEMORY 0x00000008u

/* Event objects.  lpEventAttributes is ignored.  Named events are not
 * supported: a non-NULL name gives NULL and ERROR_NOT_SUPPORTED.  On
 * failure these return NULL (FALSE, WAIT_FAILED) and set the last error. */
HANDLE WINAPI CreateEventA(LPVOID lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCSTR lpName);
HANDLE WINAPI CreateEventW(LPVOID lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCWSTR lpName);
BOOL WINAPI SetEvent(HANDLE hEvent);
BOOL WINAPI ResetEvent(HANDLE hEvent);
/* An auto-reset event is reset by the wait that sees it signalled; a
 * manual-reset event stays signalled until ResetEvent. */
DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds);
BOOL WINAPI CloseHandle(HANDLE hObject);

/* The calling thread's last error. */
DWORD WINAPI GetLastError(void);
VOID WINAPI SetLastError(DWORD dwErrCode);

/* Sleep(0) yields the processor. */
VOID WINAPI Sleep(DWORD dwMilliseconds);

/* The process heap is malloc()'s heap. */
HANDLE WINAPI GetProcessHeap(void);
LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes);
BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem);

/* Linux extensions.  PppRasEventFd: the event's eventfd, for poll/epoll
 * (readable while signalled), or -1 for a bad handle.  The fd stays owned
 * by the event.  PppRasEventFromFd: wrap the caller's own eventfd (or any
 * fd that accepts 8-byte counter writes) as an auto-reset event;
 * CloseHandle frees the wrapper and leaves the fd open. */
int PppRasEventFd(HANDLE hEvent);
HANDLE PppRasEventFromFd(int fd);

/* ---------------------------------------------------------------- memory
 * Header-only: macros and static inline functions have no link-time name,
 * so they never collide with a program's or another library's own
 * lstrcpy or LocalAlloc, and they add nothing to libpppras's ABI. */

#define MoveMemory(d, s, n)   memmove((d), (s), (n))
#define CopyMemory(d, s, n)   memcpy((d), (s), (n))
#define FillMemory(d, n, f)   memset((d), (f), (n))
#define ZeroMemory(d, n)      memset((d), 0, (n))
#define SecureZeroMemory(d, n) explicit_bzero((d), (n))
#define RtlMoveMemory MoveMemory
#define RtlCopyMemory CopyMemory
#define RtlFillMemory FillMemory
#define RtlZeroMemory ZeroMemory

/* Local and global memory is fixed memory from malloc(): LMEM_MOVEABLE
 * and GMEM_MOVEABLE are accepted, and the "handle" returned is the
 * pointer itself, so LocalLock/GlobalLock give it back unchanged. */
#define LMEM_FIXED      0x0000u
#define LMEM_MOVEABLE   0x0002u
#define LMEM_ZEROINIT   0x0040u
#define LPTR            (LMEM_FIXED | LMEM_ZEROINIT)
#define LHND            (LMEM_MOVEABLE | LMEM_ZEROINIT)
#define NONZEROLPTR     LMEM_FIXED
#define NONZEROLHND     LMEM_MOVEABLE
#define GMEM_FIXED      0x0000u
#define GMEM_MOVEABLE   0x0002u
#define GMEM_ZEROINIT   0x0040u
#define GPTR            (GMEM_FIXED | GMEM_ZEROINIT)
#define GHND            (GMEM_MOVEABLE | GMEM_ZEROINIT)

static inline HLOCAL LocalAlloc(UINT uFlags, SIZE_T uBytes) {
    /* a zero-byte block is still a unique, freeable pointer, as on Windows */
    void *p = (uFlags & LMEM_ZEROINIT) ? calloc(1, uBytes ? uBytes : 1) : malloc(uBytes ? uBytes : 1);
    if (!p)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

/* NULL on success; LocalFree(NULL) is a no-op. */
static inline HLOCAL LocalFree(HLOCAL hMem) {
    free(hMem);
    return NULL;
}

static inline LPVOID LocalLock(HLOCAL hMem) {
    return hMem;
}

/* Fixed memory is never locked: FALSE, and GetLastError() is NO_ERROR. */
static inline BOOL LocalUnlock(HLOCAL hMem) {
    SetLastError(NO_ERROR);
    return FALSE;
}

static inline HGLOBAL GlobalAlloc(UINT uFlags, SIZE_T dwBytes) {
    return LocalAlloc(uFlags & (GMEM_MOVEABLE | GMEM_ZEROINIT), dwBytes);
}

static inline HGLOBAL GlobalFree(HGLOBAL hMem) {
    return LocalFree(hMem);
}

static inline LPVOID GlobalLock(HGLOBAL hMem) {
    return hMem;
}

static inline BOOL GlobalUnlock(HGLOBAL hMem) {
    return LocalUnlock(hMem);
}

/* ---------------------------------------------------------------- time */

/* Milliseconds since the system started, sleep included (CLOCK_BOOTTIME,
 * as Windows counts).  GetTickCount wraps after 49.7 days, as on Windows.
 * The clock is read in libpppras so that the header needs no POSIX
 * declarations under a strict -std=c11. */
ULONGLONG PppRasTickCount64(void);

static inline ULONGLONG GetTickCount64(void) {
    return PppRasTickCount64();
}

static inline DWORD GetTickCount(void) {
    return (DWORD) PppRasTickCount64();
}

/* ---------------------------------------------------------------- lstr*
 * NULL strings behave as Windows' exception handler makes them: lstrlen
 * gives 0, lstrcpy/lstrcpyn/lstrcat give NULL.  lstrcmp and lstrcmpi
 * compare code points (lstrcmpi ignoring case as strcasecmp/towlower
 * do), not with Windows' word sort: equality is
 * portable, the order of mixed-case strings may differ. */

static inline int lstrlenA(LPCSTR lpString) {
    return lpString ? (int) strlen(lpString) : 0;
}

static inline int lstrlenW(LPCWSTR lpString) {
    return lpString ? (int) wcslen(lpString) : 0;
}

static inline LPSTR lstrcpyA(LPSTR lpString1, LPCSTR lpString2) {
    return lpString1 && lpString2 ? strcpy(lpString1, lpString2) : NULL;
}

static inline LPWSTR lstrcpyW(LPWSTR lpString1, LPCWSTR lpString2) {
    return lpString1 && lpString2 ? wcscpy(lpString1, lpString2) : NULL;
}

/* Copies at most iMaxLength - 1 characters and always terminates. */
static inline LPSTR lstrcpynA(LPSTR lpString1, LPCSTR lpString2, int iMaxLength) {
    int i;
    if (!lpString1 || !lpString2)
        return NULL;
    if (iMaxLength <= 0)
        return lpString1;
    for (i = 0; i < iMaxLength - 1 && lpString2[i]; i++)
        lpString1[i] = lpString2[i];
    lpString1[i] = '\0';
    return lpString1;
}

static inline LPWSTR lstrcpynW(LPWSTR lpString1, LPCWSTR lpString2, int iMaxLength) {
    int i;
    if (!lpString1 || !lpString2)
        return NULL;
    if (iMaxLength <= 0)
        return lpString1;
    for (i = 0; i < iMaxLength - 1 && lpString2[i]; i++)
        lpString1[i] = lpString2[i];
    lpString1[i] = L'\0';
    return lpString1;
}

static inline LPSTR lstrcatA(LPSTR lpString1, LPCSTR lpString2) {
    return lpString1 && lpString2 ? strcat(lpString1, lpString2) : NULL;
}

static inline LPWSTR lstrcatW(LPWSTR lpString1, LPCWSTR lpString2) {
    return lpString1 && lpString2 ? wcscat(lpString1, lpString2) : NULL;
}

/* -1, 0 or 1; a NULL string sorts before every other. */
static inline int _pppras_sign(int v) {
    return (v > 0) - (v < 0);
}

static inline int lstrcmpA(LPCSTR lpString1, LPCSTR lpString2) {
    if (!lpString1 || !lpString2)
        return _pppras_sign(!!lpString1 - !!lpString2);
    return _pppras_sign(strcmp(lpString1, lpString2));
}

static inline int lstrcmpW(LPCWSTR lpString1, LPCWSTR lpString2) {
    if (!lpString1 || !lpString2)
        return _pppras_sign(!!lpString1 - !!lpString2);
    return _pppras_sign(wcscmp(lpString1, lpString2));
}

static inline int lstrcmpiA(LPCSTR lpString1, LPCSTR lpString2) {
    if (!lpString1 || !lpString2)
        return _pppras_sign(!!lpString1 - !!lpString2);
    return _pppras_sign(strcasecmp(lpString1, lpString2));
}

static inline int lstrcmpiW(LPCWSTR lpString1, LPCWSTR lpString2) {
    if (!lpString1 || !lpString2)
        return _pppras_sign(!!lpString1 - !!lpString2);
    /* wcscasecmp, spelt out: it is POSIX, not C */
    for (;; lpString1++, lpString2++) {
        wint_t a = towlower((wint_t) *lpString1), b = towlower((wint_t) *lpString2);
        if (a != b || a == 0)
            return _pppras_sign((a > b) - (a < b));
    }
}

/* ---------------------------------------------------------------- modules
 * libpppras stands in for rasapi32.dll and mpr.dll: LoadLibrary of either
 * name (any case, with or without ".dll", with or without a directory)
 * gives a handle on libpppras whose GetProcAddress finds its exports.
 * Any other name gives NULL and ERROR_MOD_NOT_FOUND; a name libpppras
 * does not export gives NULL and ERROR_PROC_NOT_FOUND. */
HMODULE WINAPI LoadLibraryA(LPCSTR lpLibFileName);
HMODULE WINAPI LoadLibraryW(LPCWSTR lpLibFileName);
FARPROC WINAPI GetProcAddress(HMODULE hModule, LPCSTR lpProcName);
BOOL WINAPI FreeLibrary(HMODULE hLibModule);

#ifdef UNICODE
#define CreateEvent CreateEventW
#define LoadLibrary LoadLibraryW
#define lstrlen lstrlenW
#define lstrcpy lstrcpyW
#define lstrcpyn lstrcpynW
#define lstrcat lstrcatW
#define lstrcmp lstrcmpW
#define lstrcmpi lstrcmpiW
#else
#define CreateEvent CreateEventA
#define LoadLibrary LoadLibraryA
#define lstrlen lstrlenA
#define lstrcpy lstrcpyA
#define lstrcpyn lstrcpynA
#define lstrcat lstrcatA
#define lstrcmp lstrcmpA
#define lstrcmpi lstrcmpiA
#endif

#ifdef __cplusplus
}
#endif
