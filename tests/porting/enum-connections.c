/* SPDX-License-Identifier: LGPL-2.1-or-later */
// Lists the active RAS connections, the way Windows' documentation
// samples are written.  Part of the porting test: it must compile for
// pppras exactly as it would for Windows, with UNICODE or without.

#include <Windows.h>
#include <stdio.h>
#include <tchar.h>
#include <Ras.h>
#include <RasError.h>

int _tmain(int argc, _TCHAR* argv[])
{
    DWORD dwCb = 0;
    DWORD dwRet = ERROR_SUCCESS;
    DWORD dwConnections = 0;
    LPRASCONN lpRasConn = NULL;

    // Call once with a NULL buffer to learn the size needed.
    dwRet = RasEnumConnections(lpRasConn, &dwCb, &dwConnections);

    if (dwRet == ERROR_BUFFER_TOO_SMALL)
    {
        lpRasConn = (LPRASCONN)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, dwCb);
        if (lpRasConn == NULL)
        {
            _tprintf(_T("HeapAlloc failed!\n"));
            return 0;
        }
        lpRasConn[0].dwSize = sizeof(RASCONN);

        dwRet = RasEnumConnections(lpRasConn, &dwCb, &dwConnections);

        if (ERROR_SUCCESS == dwRet)
        {
            _tprintf(_T("The following RAS connections are currently active:\n"));
            for (DWORD i = 0; i < dwConnections; i++)
            {
                _tprintf(_T("%s\n"), lpRasConn[i].szEntryName);
            }
        }
        HeapFree(GetProcessHeap(), 0, lpRasConn);
        lpRasConn = NULL;
        return 0;
    }

    if (dwConnections >= 1)
        _tprintf(_T("The operation failed to acquire the buffer size.\n"));
    else if (dwRet == ERROR_SUCCESS)
        _tprintf(_T("There are no active RAS connections.\n"));
    else
    {
        TCHAR szError[256];
        RasGetErrorString((UINT)dwRet, szError, 256);
        _tprintf(_T("RasEnumConnections failed: %s\n"), szError);
        return 1;
    }
    return 0;
}
