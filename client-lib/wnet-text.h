/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The W calls convert their wchar_t inputs to UTF-8 at the edge; the
 * shared implementation only ever sees UTF-8. */

#include <wchar.h>

#include "wintypes.h"

/* A malloc()ed UTF-8 copy of s in *ret (NULL for NULL).  0 or a Win32 code
 * (ERROR_NOT_ENOUGH_MEMORY, ERROR_INVALID_PARAMETER for a wchar_t that is
 * no Unicode scalar value). */
DWORD wnet_utf8_from_wide(const wchar_t *s, char **ret);

/* Length in characters of src as the caller sees it: bytes for the A
 * calls, wchar_t for the W calls; NUL not counted. */
size_t wnet_text_length(const char *src, int wide);
