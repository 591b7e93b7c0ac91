/* SPDX-License-Identifier: LGPL-2.1-or-later */
// Loads RAS and WNet at run time through LoadLibrary/GetProcAddress, as
// tray tools that must start on machines without RAS do.  Part of the
// porting test: it compiles for pppras exactly as for Windows.

#include <Windows.h>
#include <tchar.h>
#include <stdio.h>
#include <Ras.h>
#include <RasError.h>

typedef DWORD (WINAPI *PFN_RASENUMCONNECTIONS)(LPRASCONN, LPDWORD, LPDWORD);
typedef DWORD (WINAPI *PFN_RASGETERRORSTRING)(UINT, LPTSTR, DWORD);
typedef DWORD (WINAPI *PFN_WNETGETCONNECTION)(LPCTSTR, LPTSTR, LPDWORD);

#ifdef UNICODE
#define RASENUMCONNECTIONS_NAME "RasEnumConnectionsW"
#define RASGETERRORSTRING_NAME "RasGetErrorStringW"
#define WNETGETCONNECTION_NAME "WNetGetConnectionW"
#else
#define RASENUMCONNECTIONS_NAME "RasEnumConnectionsA"
#define RASGETERRORSTRING_NAME "RasGetErrorStringA"
#define WNETGETCONNECTION_NAME "WNetGetConnectionA"
#endif

static int failures = 0;

static void Check(BOOL fOk, LPCTSTR pszWhat)
{
    _tprintf(_T("%s: %s\n"), fOk ? _T("PASS") : _T("FAIL"), pszWhat);
    if (!fOk)
        failures++;
}

int _tmain(int argc, _TCHAR* argv[])
{
    HMODULE hRas = LoadLibrary(TEXT("rasapi32.dll"));
    Check(hRas != NULL, _T("LoadLibrary(rasapi32.dll)"));
    if (hRas == NULL)
        return 1;

    PFN_RASENUMCONNECTIONS pfnEnum =
        (PFN_RASENUMCONNECTIONS)GetProcAddress(hRas, RASENUMCONNECTIONS_NAME);
    Check(pfnEnum != NULL, _T("GetProcAddress(") _T(RASENUMCONNECTIONS_NAME) _T(")"));
    if (pfnEnum != NULL)
    {
        RASCONN rasConn;
        DWORD dwCb = sizeof(rasConn);
        DWORD dwConnections = 0;
        ZeroMemory(&rasConn, sizeof(rasConn));
        rasConn.dwSize = sizeof(RASCONN);
        DWORD dwRet = pfnEnum(&rasConn, &dwCb, &dwConnections);
        Check(dwRet == ERROR_SUCCESS && dwConnections == 0, _T("RasEnumConnections through the pointer"));
    }

    PFN_RASGETERRORSTRING pfnError =
        (PFN_RASGETERRORSTRING)GetProcAddress(hRas, RASGETERRORSTRING_NAME);
    if (pfnError != NULL)
    {
        TCHAR szText[512];
        DWORD dwRet = pfnError(ERROR_BUFFER_TOO_SMALL, szText, _countof(szText));
        Check(dwRet == ERROR_SUCCESS && lstrlen(szText) > 0, _T("RasGetErrorString through the pointer"));
        _tprintf(_T("  603: %s\n"), szText);
    }
    else
        Check(FALSE, _T("GetProcAddress(") _T(RASGETERRORSTRING_NAME) _T(")"));

    FARPROC pfnMissing = GetProcAddress(hRas, "RasNoSuchFunction");
    Check(pfnMissing == NULL && GetLastError() == ERROR_PROC_NOT_FOUND,
          _T("GetProcAddress of a missing name gives ERROR_PROC_NOT_FOUND"));

    Check(FreeLibrary(hRas), _T("FreeLibrary(rasapi32)"));

    // mpr.dll: any case, with or without the extension
    HMODULE hMpr = LoadLibrary(TEXT("MPR"));
    Check(hMpr != NULL, _T("LoadLibrary(MPR)"));
    if (hMpr != NULL)
    {
        PFN_WNETGETCONNECTION pfnGetConnection =
            (PFN_WNETGETCONNECTION)GetProcAddress(hMpr, WNETGETCONNECTION_NAME);
        Check(pfnGetConnection != NULL, _T("GetProcAddress(") _T(WNETGETCONNECTION_NAME) _T(")"));
        if (pfnGetConnection != NULL)
        {
            TCHAR szRemote[MAX_PATH];
            DWORD cchRemote = MAX_PATH;
            DWORD dwRet = pfnGetConnection(TEXT("Q:"), szRemote, &cchRemote);
            Check(dwRet == ERROR_NOT_CONNECTED, _T("WNetGetConnection(Q:) gives ERROR_NOT_CONNECTED"));
        }
        FreeLibrary(hMpr);
    }

    HMODULE hOther = LoadLibrary(TEXT("kernel32.dll"));
    Check(hOther == NULL && GetLastError() == ERROR_MOD_NOT_FOUND,
          _T("LoadLibrary(kernel32.dll) gives ERROR_MOD_NOT_FOUND"));

    _tprintf(_T("%d failure(s)\n"), failures);
    return failures == 0 ? 0 : 1;
}
