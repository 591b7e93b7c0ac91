/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>

#include "lib-macro.h"
#include "win-base.h"
#include "windows.h"

static _Thread_local DWORD last_error;

/* GetProcessHeap hands out this address; nothing is behind it. */
static const char process_heap_marker;
#define PROCESS_HEAP ((HANDLE) &process_heap_marker)

void win_set_error(DWORD code, int errno_value) {
    last_error = code;
    errno = errno_value;
}

_public_ DWORD WINAPI GetLastError(void) {
    return last_error;
}

_public_ VOID WINAPI SetLastError(DWORD dwErrCode) {
    last_error = dwErrCode;
}

_public_ VOID WINAPI Sleep(DWORD dwMilliseconds) {
    struct timespec left;

    if (dwMilliseconds == 0) {
        sched_yield();
        return;
    }

    /* INFINITE is only 49.7 days; nanosleep takes that in one go. */
    left = (struct timespec) {
        .tv_sec = dwMilliseconds / 1000,
        .tv_nsec = (long) (dwMilliseconds % 1000) * 1000000L,
    };
    while (nanosleep(&left, &left) < 0 && errno == EINTR)
        ;
}

_public_ ULONGLONG PppRasTickCount64(void) {
    struct timespec ts;

    /* CLOCK_BOOTTIME counts suspend too, as Windows' tick count does */
    if (clock_gettime(CLOCK_BOOTTIME, &ts) < 0)
        (void) clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ULONGLONG) ts.tv_sec * 1000u + (ULONGLONG) ts.tv_nsec / 1000000u;
}

_public_ HANDLE WINAPI GetProcessHeap(void) {
    return PROCESS_HEAP;
}

_public_ LPVOID WINAPI HeapAlloc(HANDLE hHeap, DWORD dwFlags, SIZE_T dwBytes) {
    void *p;

    if (hHeap != PROCESS_HEAP) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return NULL;
    }

    /* HeapAlloc(0 bytes) returns a unique pointer on Windows too. */
    if (dwBytes == 0)
        dwBytes = 1;
    p = (dwFlags & HEAP_ZERO_MEMORY) ? calloc(1, dwBytes) : malloc(dwBytes);
    if (!p)
        win_set_error(ERROR_NOT_ENOUGH_MEMORY, ENOMEM);
    return p;
}

_public_ BOOL WINAPI HeapFree(HANDLE hHeap, DWORD dwFlags, LPVOID lpMem) {
    if (hHeap != PROCESS_HEAP) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return FALSE;
    }

    free(lpMem);
    return TRUE;
}
