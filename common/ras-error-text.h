/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Error code → one-sentence English text, for every RAS code (600–877) and
 * the Win32 codes pppras returns.  RasGetErrorString, rasdial and the
 * daemon's D-Bus error messages all read this one table. */

#include <stddef.h>
#include <stdint.h>

typedef struct RasErrorText {
    uint32_t code;
    const char *text;
} RasErrorText;

/* Sorted by code, no duplicates; tests walk it entry by entry. */
extern const RasErrorText ras_error_texts[];
extern const size_t ras_error_texts_size;

/* The text for code, or NULL when the table has none. */
const char *ras_error_text(uint32_t code);
