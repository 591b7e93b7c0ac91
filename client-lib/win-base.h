/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Internal side of the Win32 base calls in windows.h. */

#include "wintypes.h"

/* Record a Win32 error code for GetLastError and the matching errno, so
 * both Windows-style and Linux-style callers can see why a call failed. */
void win_set_error(DWORD code, int errno_value);
