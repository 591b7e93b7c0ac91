/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The winnt.h names RAS and WNet programs use: the base types (wintypes.h),
 * HRESULT with its tests, ARRAYSIZE and UNREFERENCED_PARAMETER. */

#include "wintypes.h"

#ifndef _PPPRAS_WINNT_DEFINED
#define _PPPRAS_WINNT_DEFINED

typedef LONG HRESULT;

#define SUCCEEDED(hr) (((HRESULT) (hr)) >= 0)
#define FAILED(hr)    (((HRESULT) (hr)) < 0)

#ifndef S_OK
#define S_OK    ((HRESULT) 0)
#define S_FALSE ((HRESULT) 1)
#endif

typedef CHAR *PSTR, *PSZ;
typedef const CHAR *PCSTR;
typedef WCHAR *PWSTR;
typedef const WCHAR *PCWSTR;
typedef TCHAR *PTSTR;
typedef const TCHAR *PCTSTR;
typedef short SHORT;
typedef unsigned short USHORT;
typedef unsigned char UCHAR, *PUCHAR;
typedef int64_t LONG64;
typedef uint64_t ULONG64, DWORD64, *PDWORD64;
typedef uint64_t QWORD;
typedef BYTE BOOLEAN, *PBOOLEAN;

#define ARRAYSIZE(a) (sizeof(a) / sizeof((a)[0]))
#define RTL_NUMBER_OF(a) ARRAYSIZE(a)
#define UNREFERENCED_PARAMETER(p) ((void) (p))

#endif /* _PPPRAS_WINNT_DEFINED */
