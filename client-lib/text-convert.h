/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Strings cross the bus as UTF-8; the A calls hand them out as UTF-8 and
 * the W calls as wchar_t (UTF-32 on Linux).  These copies never overrun,
 * always NUL-terminate (when there is room for anything at all) and never
 * cut a character in half.  Invalid UTF-8 becomes U+FFFD in wide text. */

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* Copy src into dst (capacity chars, NUL included): true if all of it fit. */
bool text_copy_utf8(char *dst, size_t capacity, const char *src);
bool text_copy_wide(wchar_t *dst, size_t capacity, const char *src);

/* Copy into a char (wide == false) or wchar_t (wide == true) array. */
bool text_copy(void *dst, size_t capacity, bool wide, const char *src);

/* How many wchar_t src becomes, not counting the NUL. */
size_t text_wide_length(const char *src);

/* A caller's string (char or wchar_t, at most capacity characters; it
 * need not be NUL-terminated within them, SIZE_MAX for a plain C string)
 * as a new UTF-8 string.  Wide characters that are not Unicode scalar
 * values become U+FFFD.  NULL when out of memory. */
char *text_dup(const void *src, size_t capacity, bool wide);

/* Wipe and free a string that may hold a secret. */
void text_free_secret(char *s);
static inline void text_free_secretp(char **s) {
    text_free_secret(*s);
}
