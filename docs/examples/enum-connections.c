/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The RasEnumConnections sample from the Windows documentation, built
 * against libpppras: int main instead of wmain, no #pragma comment(lib),
 * setlocale so wprintf can print UTF-8 entry names, and the RAS error
 * text on stderr when the call fails.  Otherwise unchanged.
 *
 *   cc enum-connections.c $(pkg-config --cflags --libs pppras) */

#include <windows.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include "ras.h"
#include "raserror.h"

int main(void) {
    DWORD dwCb = 0;
    DWORD dwRet = ERROR_SUCCESS;
    DWORD dwConnections = 0;
    LPRASCONN lpRasConn = NULL;

    setlocale(LC_ALL, "");

    // Call RasEnumConnections with lpRasConn = NULL. dwCb is returned with the required buffer size and
    // a return code of ERROR_BUFFER_TOO_SMALL
    dwRet = RasEnumConnections(lpRasConn, &dwCb, &dwConnections);

    if (dwRet == ERROR_BUFFER_TOO_SMALL) {
        // Allocate the memory needed for the array of RAS structure(s).
        lpRasConn = (LPRASCONN) HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, dwCb);
        if (lpRasConn == NULL) {
            wprintf(L"HeapAlloc failed!\n");
            return 0;
        }
        // The first RASCONN structure in the array must contain the RASCONN structure size
        lpRasConn[0].dwSize = sizeof(RASCONN);

        // Call RasEnumConnections to enumerate active connections
        dwRet = RasEnumConnections(lpRasConn, &dwCb, &dwConnections);

        // If successful, print the names of the active connections.
        if (ERROR_SUCCESS == dwRet) {
            wprintf(L"The following RAS connections are currently active:\n");
            for (DWORD i = 0; i < dwConnections; i++) {
                wprintf(L"%s\n", lpRasConn[i].szEntryName);
            }
        }
        //Deallocate memory for the connection buffer
        HeapFree(GetProcessHeap(), 0, lpRasConn);
        lpRasConn = NULL;
        return 0;
    }

    if (dwRet != ERROR_SUCCESS) {
        char szError[256];

        if (RasGetErrorString(dwRet, szError, sizeof(szError)) == ERROR_SUCCESS)
            fprintf(stderr, "RasEnumConnections failed: %lu - %s\n", (unsigned long) dwRet, szError);
    }

    // There was either a problem with RAS or there are no connections to enumerate
    if (dwConnections >= 1) {
        wprintf(L"The operation failed to acquire the buffer size.\n");
    } else {
        wprintf(L"There are no active RAS connections.\n");
    }

    return 0;
}
