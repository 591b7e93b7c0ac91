/* SPDX-License-Identifier: LGPL-2.1-or-later */
// Lists the RAS-capable devices and reads a new entry's defaults, the way
// Windows' documentation samples are written.  Part of the porting test:
// it must compile for pppras exactly as it would for Windows, with
// UNICODE or without.  It only reads: the phonebook is left as it is.

#include <Windows.h>
#include <stdio.h>
#include <tchar.h>
#include <Ras.h>
#include <RasError.h>

int _tmain(int argc, _TCHAR* argv[])
{
    DWORD dwCb = 0;
    DWORD dwRet = ERROR_SUCCESS;
    DWORD dwDevices = 0;
    BOOL fPptp = FALSE;
    LPRASDEVINFO lpRasDevInfo = NULL;

    // Call once with a NULL buffer to learn the size needed.
    dwRet = RasEnumDevices(lpRasDevInfo, &dwCb, &dwDevices);
    if (dwRet != ERROR_BUFFER_TOO_SMALL)
    {
        _tprintf(_T("RasEnumDevices gave %lu, not ERROR_BUFFER_TOO_SMALL\n"), (unsigned long) dwRet);
        return 1;
    }

    lpRasDevInfo = (LPRASDEVINFO)HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, dwCb);
    if (lpRasDevInfo == NULL)
    {
        _tprintf(_T("HeapAlloc failed!\n"));
        return 1;
    }
    lpRasDevInfo[0].dwSize = sizeof(RASDEVINFO);

    dwRet = RasEnumDevices(lpRasDevInfo, &dwCb, &dwDevices);
    if (ERROR_SUCCESS == dwRet)
    {
        _tprintf(_T("The following RAS devices were found:\n"));
        for (DWORD i = 0; i < dwDevices; i++)
        {
            _tprintf(_T("%s (%s)\n"), lpRasDevInfo[i].szDeviceName, lpRasDevInfo[i].szDeviceType);
            if (lstrcmp(lpRasDevInfo[i].szDeviceName, _T("WAN Miniport (PPTP)")) == 0)
                fPptp = TRUE;
        }
    }
    HeapFree(GetProcessHeap(), 0, lpRasDevInfo);
    lpRasDevInfo = NULL;
    if (dwRet != ERROR_SUCCESS || !fPptp)
    {
        _tprintf(_T("RasEnumDevices failed (%lu) or listed no PPTP device\n"), (unsigned long) dwRet);
        return 1;
    }

    // A new entry's defaults: RasGetEntryProperties with no entry name.
    RASENTRY rasEntry;
    DWORD dwEntrySize = 0;
    dwRet = RasGetEntryProperties(NULL, NULL, NULL, &dwEntrySize, NULL, NULL);
    if (dwRet != ERROR_BUFFER_TOO_SMALL || dwEntrySize < sizeof(RASENTRY))
    {
        _tprintf(_T("RasGetEntryProperties size query gave %lu\n"), (unsigned long) dwRet);
        return 1;
    }
    ZeroMemory(&rasEntry, sizeof(rasEntry));
    rasEntry.dwSize = sizeof(RASENTRY);
    dwEntrySize = sizeof(RASENTRY);
    dwRet = RasGetEntryProperties(NULL, _T(""), &rasEntry, &dwEntrySize, NULL, NULL);
    if (dwRet != ERROR_SUCCESS || rasEntry.dwFramingProtocol != RASFP_Ppp)
    {
        _tprintf(_T("RasGetEntryProperties of the defaults gave %lu\n"), (unsigned long) dwRet);
        return 1;
    }

    dwRet = RasValidateEntryName(NULL, _T("A name nobody uses 8f3c"));
    if (dwRet != ERROR_SUCCESS)
    {
        _tprintf(_T("RasValidateEntryName gave %lu\n"), (unsigned long) dwRet);
        return 1;
    }
    _tprintf(_T("A new entry can be made.\n"));
    return 0;
}
