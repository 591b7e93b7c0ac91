/* SPDX-License-Identifier: LGPL-2.1-or-later */
// Builds a status line with the string and memory calls dialer code uses
// around RAS: strsafe, lstr*, LocalAlloc/GlobalAlloc and the *Memory
// macros.  Part of the porting test: it compiles for pppras exactly as
// for Windows, with UNICODE or without.

#include <Windows.h>
#include <Strsafe.h>
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
    TCHAR szEntry[257];
    TCHAR szLine[32];
    TCHAR szSmall[8];
    size_t cch = 0;
    HRESULT hr;

    ZeroMemory(szEntry, sizeof(szEntry));
    hr = StringCchCopy(szEntry, ARRAYSIZE(szEntry), TEXT("Office VPN"));
    Check(SUCCEEDED(hr) && lstrcmp(szEntry, TEXT("Office VPN")) == 0, _T("StringCchCopy"));

    // the entry name may also come from the command line
    if (argc > 1)
        Check(lstrcmp(argv[1], szEntry) == 0, _T("argv[1] arrives as TCHAR text"));

    hr = StringCchPrintf(szLine, ARRAYSIZE(szLine), TEXT("%s: %d bytes"), szEntry, 1500);
    Check(hr == S_OK, _T("StringCchPrintf fits"));
    _tprintf(_T("  %s\n"), szLine);
    Check(lstrcmp(szLine, TEXT("Office VPN: 1500 bytes")) == 0, _T("StringCchPrintf reads %s as TCHAR text"));

    hr = StringCchCopy(szSmall, ARRAYSIZE(szSmall), szEntry);
    Check(hr == STRSAFE_E_INSUFFICIENT_BUFFER && lstrlen(szSmall) == 7, _T("StringCchCopy truncates"));

    hr = StringCchCat(szSmall, ARRAYSIZE(szSmall), TEXT("x"));
    Check(hr == STRSAFE_E_INSUFFICIENT_BUFFER && lstrlen(szSmall) == 7, _T("StringCchCat on a full buffer"));

    hr = StringCbCopy(szSmall, sizeof(szSmall), TEXT("abc"));
    Check(hr == S_OK, _T("StringCbCopy"));
    hr = StringCbCat(szSmall, sizeof(szSmall), TEXT("def"));
    Check(hr == S_OK && lstrcmp(szSmall, TEXT("abcdef")) == 0, _T("StringCbCat"));

    hr = StringCchLength(szSmall, ARRAYSIZE(szSmall), &cch);
    Check(hr == S_OK && cch == 6, _T("StringCchLength"));

    hr = StringCchCopy(szSmall, 0, TEXT("abc"));
    Check(hr == STRSAFE_E_INVALID_PARAMETER, _T("StringCchCopy to 0 characters"));

    Check(lstrcmpi(TEXT("RASAPI32.DLL"), TEXT("rasapi32.dll")) == 0, _T("lstrcmpi"));
    lstrcpyn(szSmall, TEXT("123456789"), 4);
    Check(lstrcmp(szSmall, TEXT("123")) == 0, _T("lstrcpyn"));

    LPTSTR pszCopy = (LPTSTR)LocalAlloc(LPTR, 64 * sizeof(TCHAR));
    Check(pszCopy != NULL && pszCopy[63] == 0, _T("LocalAlloc(LPTR) is zeroed"));
    if (pszCopy != NULL)
    {
        lstrcpy(pszCopy, szEntry);
        lstrcat(pszCopy, TEXT("!"));
        Check(lstrlen(pszCopy) == 11, _T("lstrcpy + lstrcat"));
        Check(LocalFree(pszCopy) == NULL, _T("LocalFree"));
    }

    HGLOBAL hMem = GlobalAlloc(GHND, 16);
    BYTE* pb = (BYTE*)GlobalLock(hMem);
    Check(pb != NULL && pb[15] == 0, _T("GlobalAlloc(GHND) + GlobalLock"));
    if (pb != NULL)
    {
        FillMemory(pb, 16, 0xAB);
        MoveMemory(pb + 1, pb, 8);
        BYTE bCopy[16];
        CopyMemory(bCopy, pb, sizeof(bCopy));
        Check(bCopy[0] == 0xAB && bCopy[15] == 0xAB, _T("FillMemory, MoveMemory, CopyMemory"));
        GlobalUnlock(hMem);
    }
    Check(GlobalFree(hMem) == NULL, _T("GlobalFree"));

    DWORD dwStart = GetTickCount();
    ULONGLONG ullStart = GetTickCount64();
    Sleep(20);
    Check(GetTickCount() - dwStart >= 20 && GetTickCount64() - ullStart >= 20, _T("GetTickCount counts"));

    SetLastError(ERROR_INVALID_USER_BUFFER);
    Check(GetLastError() == 1784, _T("SetLastError/GetLastError"));

    _tprintf(_T("%d failure(s)\n"), failures);
    return failures == 0 ? 0 : 1;
}
