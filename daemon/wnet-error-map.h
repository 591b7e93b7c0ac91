/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A failed mount → the Win32 code Windows returns for the same cause
 * (ERROR_BAD_NETPATH for a server that does not answer, ERROR_LOGON_FAILURE
 * for refused credentials, ...).  What the helper said still goes to
 * WNetGetLastError; only the code changes.  Causes with no Windows
 * counterpart stay ERROR_EXTENDED_ERROR.  The table is docs/state-tables.md's
 * "WNet mount failures". */

#include <stdint.h>

#include "network-name.h"

#define WNET_ANY_PROVIDER (-1)

typedef enum WnetErrorSource {
    WNET_FROM_HELPER_ERRNO,  /* mount.cifs's "mount error(N): ...": the kernel's errno */
    WNET_FROM_DAEMON_STATUS, /* the daemon's own -errno: helper missing, timed out, link gone */
    WNET_FROM_TEXT,          /* words in what the helper (or ssh) printed */
} WnetErrorSource;

typedef struct WnetErrorRule {
    int provider;            /* a NetProvider, or WNET_ANY_PROVIDER */
    WnetErrorSource source;
    int error;               /* errno, for the two errno sources */
    const char *text;        /* for WNET_FROM_TEXT: a substring, case as printed */
    uint32_t code;
} WnetErrorRule;

/* In the order they are tried; exported for the unit tests. */
extern const WnetErrorRule wnet_error_rules[];
extern const unsigned wnet_error_rules_size;

/* status: the helper's exit status (> 0), or the daemon's -errno (< 0);
 * text: what the helper and ssh printed (may be NULL).  Errno rules go
 * first, then text rules; no match is ERROR_EXTENDED_ERROR. */
uint32_t wnet_error_map(NetProvider provider, int status, const char *text);
