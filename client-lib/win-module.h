/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* LoadLibrary's name matching, on its own so it can be tested. */

#include <stdbool.h>

/* True for the DLLs libpppras stands in for: rasapi32 and mpr, any case,
 * with or without ".dll", after any directory ('\\' or '/'). */
bool win_module_name_is_ours(const char *name);
