/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The small part of the Win32 base API that RAS programs use around the
 * RAS calls (libpppras): events for RasConnectionNotification, the wait
 * for them, GetLastError, Sleep and the process heap.  An event is an
 * eventfd, so Linux code can also poll it (PppRasEventFd). */

#include "wintypes.h"
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

#ifdef UNICODE
#define CreateEvent CreateEventW
#else
#define CreateEvent CreateEventA
#endif

#ifdef __cplusplus
}
#endif
