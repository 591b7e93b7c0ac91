/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The lpszPhonebook argument of the RAS calls.  Windows names a .pbk file;
 * pppras has one phonebook, the daemon's directory of pppd peers files
 * (/etc/ppp/peers).  NULL means it; a path means it only when it names
 * that directory (Linux extension, also through a symlink or with a
 * trailing slash); anything else is ERROR_CANNOT_OPEN_PHONEBOOK. */

#include <stdbool.h>

#include "wintypes.h"

/* path: the caller's argument (char or wchar_t per wide), may be NULL.
 * On success *ret_directory (may be NULL if not wanted) is the daemon's
 * directory, to be freed by the caller. */
DWORD phonebook_check(const void *path, bool wide, char **ret_directory);
