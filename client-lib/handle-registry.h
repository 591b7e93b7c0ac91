/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The set of live library objects handed out as Win32 HANDLEs (events,
 * WNet enumerations).  A handle is checked against this set before it is
 * dereferenced, so a stale, closed or made-up handle is refused with
 * ERROR_INVALID_HANDLE instead of reading freed memory.  Thread-safe. */

#include <stdbool.h>

typedef enum HandleKind {
    HANDLE_KIND_EVENT = 1,
    HANDLE_KIND_WNET_ENUM,
} HandleKind;

/* 0, or -ENOMEM. */
int handle_registry_add(void *object, HandleKind kind);

/* Whether object is live and of that kind. */
bool handle_registry_has(const void *object, HandleKind kind);

/* Removes it; false when it was not live (a second close). */
bool handle_registry_remove(void *object, HandleKind kind);
