/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasConnectionNotification with a Win32 event, and the RasHangUp pattern
 * the Windows documentation recommends, with its Sleep(0) busy loop
 * replaced by a wait for the RASCN_Disconnection event.
 *
 *   notify-hangup          print every connection and disconnection until
 *                          interrupted
 *   notify-hangup ENTRY    hang up ENTRY and wait until its handle is gone
 *
 *   cc notify-hangup.c $(pkg-config --cflags --libs pppras) */

#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ras.h"
#include "raserror.h"

static void print_error(const char *call, DWORD dwRet) {
    char szError[256];

    if (RasGetErrorString(dwRet, szError, sizeof(szError)) != ERROR_SUCCESS)
        snprintf(szError, sizeof(szError), "unknown error");
    fprintf(stderr, "%s failed: %lu - %s\n", call, (unsigned long) dwRet, szError);
}

/* The connected entries, or NULL (and *lpcConnections = 0) when there are none. */
static LPRASCONN enum_connections(LPDWORD lpcConnections) {
    LPRASCONN lpRasConn = NULL;
    DWORD dwCb = 0, dwRet;

    *lpcConnections = 0;
    dwRet = RasEnumConnections(NULL, &dwCb, lpcConnections);
    while (dwRet == ERROR_BUFFER_TOO_SMALL) {
        HeapFree(GetProcessHeap(), 0, lpRasConn);
        lpRasConn = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, dwCb);
        if (!lpRasConn)
            return NULL;
        lpRasConn[0].dwSize = sizeof(RASCONN);
        dwRet = RasEnumConnections(lpRasConn, &dwCb, lpcConnections);
    }
    if (dwRet != ERROR_SUCCESS)
        print_error("RasEnumConnections", dwRet);
    return lpRasConn;
}

static int watch(void) {
    HANDLE hEvent;
    DWORD dwRet;

    hEvent = CreateEvent(NULL, FALSE, FALSE, NULL);
    if (!hEvent) {
        fprintf(stderr, "CreateEvent failed: %lu\n", (unsigned long) GetLastError());
        return 1;
    }

    dwRet = RasConnectionNotification((HRASCONN) INVALID_HANDLE_VALUE, hEvent,
                                      RASCN_Connection | RASCN_Disconnection);
    if (dwRet != ERROR_SUCCESS) {
        print_error("RasConnectionNotification", dwRet);
        CloseHandle(hEvent);
        return 1;
    }

    printf("Waiting for RAS connections to come and go (Ctrl-C to stop).\n");
    fflush(stdout);
    for (;;) {
        LPRASCONN lpRasConn;
        DWORD dwConnections;

        if (WaitForSingleObject(hEvent, INFINITE) != WAIT_OBJECT_0) {
            fprintf(stderr, "WaitForSingleObject failed: %lu\n", (unsigned long) GetLastError());
            break;
        }

        /* The event says something changed; the RAS calls say what. */
        lpRasConn = enum_connections(&dwConnections);
        printf("Connections changed; now active: %lu\n", (unsigned long) dwConnections);
        for (DWORD i = 0; i < dwConnections; i++)
            printf("  %s\n", lpRasConn[i].szEntryName);
        fflush(stdout);
        HeapFree(GetProcessHeap(), 0, lpRasConn);
    }

    CloseHandle(hEvent);
    return 1;
}

static int hang_up(const char *szEntry) {
    RASCONNSTATUS status;
    LPRASCONN lpRasConn;
    HRASCONN hRasConn = NULL;
    HANDLE hEvent;
    DWORD dwConnections, dwRet;

    lpRasConn = enum_connections(&dwConnections);
    for (DWORD i = 0; i < dwConnections; i++)
        if (strcmp(lpRasConn[i].szEntryName, szEntry) == 0)
            hRasConn = lpRasConn[i].hrasconn;
    HeapFree(GetProcessHeap(), 0, lpRasConn);
    if (!hRasConn) {
        fprintf(stderr, "%s is not connected.\n", szEntry);
        return 1;
    }

    hEvent = CreateEvent(NULL, FALSE, FALSE, NULL);
    if (!hEvent) {
        fprintf(stderr, "CreateEvent failed: %lu\n", (unsigned long) GetLastError());
        return 1;
    }
    /* Register before hanging up, so the disconnection cannot slip by. */
    dwRet = RasConnectionNotification(hRasConn, hEvent, RASCN_Disconnection);
    if (dwRet != ERROR_SUCCESS) {
        print_error("RasConnectionNotification", dwRet);
        CloseHandle(hEvent);
        return 1;
    }

    dwRet = RasHangUp(hRasConn);
    if (dwRet != ERROR_SUCCESS) {
        print_error("RasHangUp", dwRet);
        CloseHandle(hEvent);
        return 1;
    }
    printf("Hanging up %s...\n", szEntry);
    fflush(stdout);

    /* Until RasGetConnectStatus says ERROR_INVALID_HANDLE the connection
     * is still being taken down.  Wait for the event rather than spin; the
     * timeout only covers the moment between disconnection and the handle
     * being retired, which the event does not announce. */
    for (;;) {
        status.dwSize = sizeof(status);
        dwRet = RasGetConnectStatus(hRasConn, &status);
        if (dwRet == ERROR_INVALID_HANDLE)
            break;
        if (dwRet != ERROR_SUCCESS) {
            print_error("RasGetConnectStatus", dwRet);
            CloseHandle(hEvent);
            return 1;
        }
        if (WaitForSingleObject(hEvent, 250) == WAIT_OBJECT_0)
            printf("%s is disconnected.\n", szEntry);
    }

    printf("The connection handle is released.\n");
    CloseHandle(hEvent);
    return 0;
}

int main(int argc, char *argv[]) {
    if (argc > 2) {
        fprintf(stderr, "Usage: %s [ENTRY]\n", argv[0]);
        return 2;
    }
    return argc == 2 ? hang_up(argv[1]) : watch();
}
