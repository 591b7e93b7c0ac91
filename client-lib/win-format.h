/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Microsoft's wide printf formats read %s and %c as wide and %S and %C as
 * narrow, glibc's as C does.  This rewrites one into the other. */

#include <wchar.h>

/* A malloc()ed glibc wide format meaning what the Microsoft wide format
 * ms means (%s → %ls, %S → %s, %hs → %s, %ws → %ls, %I64d → %lld, ...).
 * NULL when out of memory. */
wchar_t *win_format_from_microsoft(const wchar_t *ms);
