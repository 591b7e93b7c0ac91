/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The versions of RASENTRY Windows defined (0x400, 0x401, 0x500, 0x501,
 * 0x600, 0x601, 0xA00), A and W: any other dwSize is ERROR_INVALID_SIZE. */

#include <stdbool.h>
#include <stddef.h>

#include "wintypes.h"

bool ras_entry_size_is_known(DWORD size, bool wide);
DWORD ras_entry_newest_size(bool wide);

/* The accepted sizes, oldest first: up to n into ret; returns how many
 * versions exist.  For tests and documentation. */
size_t ras_entry_sizes(bool wide, DWORD *ret, size_t n);
