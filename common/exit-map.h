/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* pppd exit status → the dwError RasGetConnectStatus reports.  One table,
 * documented in docs/state-tables.md and tested entry by entry. */

#include <stdbool.h>
#include <stdint.h>

typedef struct ExitMapEntry {
    int status;            /* pppd EXIT_* */
    const char *name;      /* "EXIT_USER_REQUEST" */
    uint32_t ras_error;    /* ERROR_* from raserror.h / winerror.h */
} ExitMapEntry;

extern const ExitMapEntry exit_map[];
extern const unsigned exit_map_size;

/* pppd 2.4.9 exits 16 (EXIT_HANGUP) both when the peer hangs up in order
 * and when LCP echoes go unanswered: peer_terminated says whether an LCP
 * Terminate-Request arrived first (629) or not (829). */
uint32_t ras_error_for_pppd_exit(int status, bool peer_terminated);

/* pppd died of a signal without reporting an exit status. */
#define RAS_ERROR_PPPD_KILLED 829u   /* ERROR_LINK_FAILURE */
