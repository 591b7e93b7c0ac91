/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The versions of RASCONN and RASCONNSTATUS that Windows defined (one per
 * WINVER that added fields), in their A and W forms, and how to fill each
 * from what the daemon said.  The caller's dwSize picks the version; one
 * fill routine serves A and W alike, converting strings at the field. */

#include <stdbool.h>

#include "client-calls.h"
#include "ras.h"

typedef struct RasConnVersion RasConnVersion;
typedef struct RasConnStatusVersion RasConnStatusVersion;

/* The version with this dwSize, or NULL (→ ERROR_INVALID_SIZE). */
const RasConnVersion *ras_conn_version(DWORD size, bool wide);
const RasConnStatusVersion *ras_conn_status_version(DWORD size, bool wide);

/* sizeof the newest RASCONNA / RASCONNW this library knows. */
DWORD ras_conn_newest_size(bool wide);

/* Write connection c into dst, which has room for exactly one structure of
 * version v: every byte of it is set (dwSize, the fields this version has,
 * zeros elsewhere). */
void ras_conn_fill(void *dst, const RasConnVersion *v, const ClientConnection *c);
void ras_conn_status_fill(void *dst, const RasConnStatusVersion *v, const ClientStatus *s);

/* The accepted sizes, oldest first: up to n into ret; returns how many
 * versions exist.  For tests and documentation. */
size_t ras_conn_sizes(bool wide, DWORD *ret, size_t n);
size_t ras_conn_status_sizes(bool wide, DWORD *ret, size_t n);

/* The 64-bit daemon handle as an HRASCONN and back.  The handle value is
 * the pointer value; INVALID_HANDLE_VALUE is the daemon's "all". */
static inline HRASCONN ras_handle_to_hrasconn(uint64_t handle) {
    return (HRASCONN) (uintptr_t) handle;
}

static inline uint64_t ras_handle_from_hrasconn(HRASCONN h) {
    if ((HANDLE) h == INVALID_HANDLE_VALUE)
        return CLIENT_HANDLE_ALL;
    return (uint64_t) (uintptr_t) h;
}
