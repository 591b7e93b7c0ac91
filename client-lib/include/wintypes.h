/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The few Windows base types the RAS and WNet headers need, with the
 * Windows sizes (DWORD is 32 bits, HANDLE is pointer-sized).  Guarded so
 * a program that brings its own definitions (winelib, mingw) wins. */

#include <stdint.h>
#include <stddef.h>
#include <wchar.h>

#ifndef _PPPRAS_WINTYPES_DEFINED
#define _PPPRAS_WINTYPES_DEFINED

#ifndef WINVER
#define WINVER 0x0A00
#endif

#define WINAPI
#define APIENTRY
#define CALLBACK
#define __cdecl
#define FAR
#define NEAR
#define CONST const
#define IN
#define OUT
#define OPTIONAL

typedef uint32_t DWORD, *PDWORD, *LPDWORD;
typedef uint16_t WORD, *PWORD, *LPWORD;
typedef uint8_t BYTE, *PBYTE, *LPBYTE;
typedef int32_t BOOL, *PBOOL, *LPBOOL;
typedef int32_t LONG, *PLONG, *LPLONG;
typedef uint32_t ULONG, *PULONG;
typedef int32_t INT;
typedef uint32_t UINT;
typedef uintptr_t ULONG_PTR, DWORD_PTR, UINT_PTR;
typedef intptr_t LONG_PTR, INT_PTR;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef void VOID, *PVOID, *LPVOID;
typedef const void *LPCVOID;
typedef char CHAR, *PCHAR, *LPSTR;
typedef const char *LPCSTR;
typedef wchar_t WCHAR, *PWCHAR, *LPWSTR;
typedef const wchar_t *LPCWSTR;
typedef void *HANDLE, **PHANDLE, **LPHANDLE;
typedef void *HWND;
typedef size_t SIZE_T;

#ifdef UNICODE
typedef WCHAR TCHAR;
typedef LPWSTR LPTSTR;
typedef LPCWSTR LPCTSTR;
#define __TEXT(s) L##s
#else
typedef CHAR TCHAR;
typedef LPSTR LPTSTR;
typedef LPCSTR LPCTSTR;
#define __TEXT(s) s
#endif
/* two steps, as Windows has it, so TEXT(MACRO) expands MACRO first */
#define TEXT(s) __TEXT(s)
#define _T(s) TEXT(s)

typedef struct _GUID {
    uint32_t Data1;
    uint16_t Data2;
    uint16_t Data3;
    uint8_t Data4[8];
} GUID;

typedef struct _LUID {
    DWORD LowPart;
    LONG HighPart;
} LUID, *PLUID;

#ifndef TRUE
#define TRUE 1
#endif
#ifndef FALSE
#define FALSE 0
#endif

#define MAX_PATH 260
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)

#define UNLEN 256
#define PWLEN 256
#define DNLEN 15
#define CNLEN 15

#endif /* _PPPRAS_WINTYPES_DEFINED */
