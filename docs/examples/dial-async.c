/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Asynchronous RasDial with a RasDialFunc1 notifier that prints every
 * state, then RasHangUp and the status loop the RasHangUp documentation
 * recommends: RasGetConnectStatus and Sleep(0) until ERROR_INVALID_HANDLE.
 *
 *   dial-async ENTRY [USER [PASSWORD]]
 *
 * ENTRY is a pppd peers file in /etc/ppp/peers.  Without USER/PASSWORD
 * the ones saved with RasSetEntryDialParams (or pppd's own secrets files)
 * are used.
 *
 *   cc dial-async.c $(pkg-config --cflags --libs pppras) */

#include <windows.h>
#include <stdio.h>
#include <string.h>
#include "ras.h"
#include "raserror.h"

/* Set by the notifier when the attempt is over; it runs on a library
 * thread, so the main thread waits for this event rather than polling. */
static HANDLE hDone;
static DWORD dwFinalError;

static void print_error(const char *call, DWORD dwRet) {
    char szError[256];

    if (RasGetErrorString(dwRet, szError, sizeof(szError)) != ERROR_SUCCESS)
        snprintf(szError, sizeof(szError), "unknown error");
    fprintf(stderr, "%s failed: %lu - %s\n", call, (unsigned long) dwRet, szError);
}

static VOID WINAPI RasDialFunc1(HRASCONN hrasconn, UINT unMsg, RASCONNSTATE rascs, DWORD dwError,
                                DWORD dwExtendedError) {
    const char *name = PppRasConnStateName(rascs);

    (void) unMsg;
    (void) dwExtendedError;
    printf("%p: %s (%d)", (void *) hrasconn, name ? name : "unknown state", (int) rascs);
    if (dwError != 0)
        printf(", error %lu", (unsigned long) dwError);
    printf("\n");
    fflush(stdout);

    /* The notifications end here: connected, or failed. */
    if (rascs == RASCS_Connected || rascs == RASCS_Disconnected || dwError != 0) {
        dwFinalError = dwError;
        SetEvent(hDone);
    }
}

int main(int argc, char *argv[]) {
    RASDIALPARAMS params;
    RASCONNSTATUS status;
    HRASCONN hRasConn = NULL;
    DWORD dwRet;

    if (argc < 2 || argc > 4) {
        fprintf(stderr, "usage: %s ENTRY [USER [PASSWORD]]\n", argv[0]);
        return 2;
    }

    memset(&params, 0, sizeof(params));
    params.dwSize = sizeof(params);
    snprintf(params.szEntryName, sizeof(params.szEntryName), "%s", argv[1]);
    if (argc > 2)
        snprintf(params.szUserName, sizeof(params.szUserName), "%s", argv[2]);
    if (argc > 3)
        snprintf(params.szPassword, sizeof(params.szPassword), "%s", argv[3]);

    hDone = CreateEvent(NULL, TRUE, FALSE, NULL);
    if (!hDone) {
        print_error("CreateEvent", GetLastError());
        return 1;
    }

    /* Returns at once; the states arrive at RasDialFunc1. */
    dwRet = RasDial(NULL, NULL, &params, 1, (LPVOID) RasDialFunc1, &hRasConn);
    memset(params.szPassword, 0, sizeof(params.szPassword));
    if (dwRet != ERROR_SUCCESS) {
        print_error("RasDial", dwRet);
        /* a handle RasDial returned must be hung up even when it failed */
        if (hRasConn)
            RasHangUp(hRasConn);
        CloseHandle(hDone);
        return 1;
    }

    WaitForSingleObject(hDone, INFINITE);
    if (dwFinalError != 0)
        print_error("The connection attempt", dwFinalError);
    else
        printf("Connected.\n");

    /* Hang up, and wait until the connection is really gone, as the
     * RasHangUp documentation asks (with pppras the daemon would finish
     * the hang-up even if we exited now). */
    dwRet = RasHangUp(hRasConn);
    if (dwRet != ERROR_SUCCESS)
        print_error("RasHangUp", dwRet);
    for (;;) {
        memset(&status, 0, sizeof(status));
        status.dwSize = sizeof(status);
        if (RasGetConnectStatus(hRasConn, &status) == ERROR_INVALID_HANDLE)
            break;
        Sleep(0);
    }
    printf("Hung up.\n");

    CloseHandle(hDone);
    return dwFinalError == 0 ? 0 : 1;
}
