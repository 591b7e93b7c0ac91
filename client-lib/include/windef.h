/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The windef.h names RAS and WNet programs use: module handles, FARPROC
 * and the WORD/BYTE splitting macros.  No min/max macros: they break too
 * much Linux code (use your own, or the compiler's). */

#include "winnt.h"

#ifndef _PPPRAS_WINDEF_DEFINED
#define _PPPRAS_WINDEF_DEFINED

typedef HANDLE HMODULE, HINSTANCE, HLOCAL, HGLOBAL;

/* What GetProcAddress returns.  void (*)(void) rather than Windows'
 * INT_PTR (*)(): GCC's -Wcast-function-type lets this one type be cast to
 * any function pointer, which is all a program does with it. */
typedef void (WINAPI *FARPROC)(void);

#define MAKEWORD(lo, hi) ((WORD) (((BYTE) ((DWORD_PTR) (lo) & 0xff)) | ((WORD) ((BYTE) ((DWORD_PTR) (hi) & 0xff))) << 8))
#define MAKELONG(lo, hi) ((LONG) (((WORD) ((DWORD_PTR) (lo) & 0xffff)) | ((DWORD) ((WORD) ((DWORD_PTR) (hi) & 0xffff))) << 16))
#define LOWORD(l) ((WORD) ((DWORD_PTR) (l) & 0xffff))
#define HIWORD(l) ((WORD) ((DWORD_PTR) (l) >> 16))
#define LOBYTE(w) ((BYTE) ((DWORD_PTR) (w) & 0xff))
#define HIBYTE(w) ((BYTE) ((DWORD_PTR) (w) >> 8))

/* MSVC's <stdlib.h> has it; RAS samples size buffers with it. */
#ifndef _countof
#define _countof(a) (sizeof(a) / sizeof((a)[0]))
#endif

#endif /* _PPPRAS_WINDEF_DEFINED */
