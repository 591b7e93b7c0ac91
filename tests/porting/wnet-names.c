/* SPDX-License-Identifier: LGPL-2.1-or-later */
// Asks WNet about drive letters and the current user, as a drive-mapping
// tool does at start-up.  Part of the porting test: it compiles for
// pppras exactly as for Windows (Winnetwk.h comes with Windows.h).

#include <Windows.h>
#include <Winnetwk.h>
#include <tchar.h>
#include <stdio.h>

static int failures = 0;

static void Check(BOOL fOk, LPCTSTR pszWhat)
{
    _tprintf(_T("%s: %s\n"), fOk ? _T("PASS") : _T("FAIL"), pszWhat);
    if (!fOk)
        failures++;
}

int _tmain(int argc, _TCHAR* argv[])
{
    TCHAR szUser[256];
    DWORD cchUser = ARRAYSIZE(szUser);
    DWORD dwRet = WNetGetUser(NULL, szUser, &cchUser);
    Check(dwRet == NO_ERROR && lstrlen(szUser) > 0, _T("WNetGetUser(NULL) names the current user"));
    if (dwRet == NO_ERROR)
        _tprintf(_T("  user: %s\n"), szUser);

    cchUser = 1;
    dwRet = WNetGetUser(NULL, szUser, &cchUser);
    Check(dwRet == ERROR_MORE_DATA && cchUser > 1, _T("WNetGetUser small buffer gives ERROR_MORE_DATA"));

    BYTE buffer[1024];
    DWORD cbBuffer = sizeof(buffer);
    UNIVERSAL_NAME_INFO* pInfo = (UNIVERSAL_NAME_INFO*)buffer;
    dwRet = WNetGetUniversalName(TEXT("Q:\\reports\\may.txt"), UNIVERSAL_NAME_INFO_LEVEL, pInfo, &cbBuffer);
    Check(dwRet == ERROR_NOT_CONNECTED, _T("WNetGetUniversalName on a free drive gives ERROR_NOT_CONNECTED"));

    cbBuffer = sizeof(buffer);
    dwRet = WNetGetUniversalName(TEXT("reports"), REMOTE_NAME_INFO_LEVEL, buffer, &cbBuffer);
    Check(dwRet == ERROR_BAD_DEVICE, _T("WNetGetUniversalName on a relative name gives ERROR_BAD_DEVICE"));

    TCHAR szRemote[MAX_PATH];
    DWORD cchRemote = MAX_PATH;
    dwRet = WNetGetConnection(TEXT("Q:"), szRemote, &cchRemote);
    Check(dwRet == WN_NOT_CONNECTED, _T("WNetGetConnection(Q:) gives WN_NOT_CONNECTED"));

    NETRESOURCE nr;
    ZeroMemory(&nr, sizeof(nr));
    nr.dwType = RESOURCETYPE_DISK;
    nr.lpRemoteName = (LPTSTR)TEXT("\\\\server\\share\\dir");
    LPTSTR pszSystem = NULL;
    cbBuffer = sizeof(buffer);
    dwRet = WNetGetResourceInformation(&nr, buffer, &cbBuffer, &pszSystem);
    Check(dwRet == WN_BAD_NETNAME, _T("WNetGetResourceInformation of an unknown share gives WN_BAD_NETNAME"));

    _tprintf(_T("%d failure(s)\n"), failures);
    return failures == 0 ? 0 : 1;
}
