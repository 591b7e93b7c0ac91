/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What a program that starts with #include <windows.h> gets from
 * libpppras: the base types and HRESULT (windef.h, winnt.h), the error
 * codes (winerror.h), the base calls RAS and WNet programs use
 * (winbase.h) and, as on Windows, WNet (winnetwk.h).  RAS itself is
 * <ras.h>, as on Windows. */

#include "windef.h"
#include "winnt.h"
#include "winerror.h"
#include "winbase.h"
#include "winnetwk.h"
