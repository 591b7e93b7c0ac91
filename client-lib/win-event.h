/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Internal side of the event objects in windows.h. */

#include "wintypes.h"

/* The fd behind an event handle, or -EBADF when h is not a live event. */
int win_event_fd(HANDLE h);
