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

/* pppd's connect script failed: chat-map.h says how. */
#define PPPD_EXIT_CONNECT_FAILED 8
/* pppd refused an option (an entry's device line naming no device among them). */
#define PPPD_EXIT_OPTION_ERROR 2

extern const ExitMapEntry exit_map[];
extern const unsigned exit_map_size;

/* What the plugin saw of the link's end, beyond pppd's exit status. */
typedef enum PppdSaw {
    PPPD_SAW_PEER_TERMINATE = 1 << 0,   /* an LCP Terminate-Request from the peer */
    PPPD_SAW_AUTH_FAILURE   = 1 << 1,   /* an authentication failure, either side */
} PppdSaw;

/* pppd 2.4.9 exits 16 (EXIT_HANGUP) both when the peer hangs up in order
 * and when LCP echoes go unanswered: a Terminate-Request seen first makes
 * it 629, none 829.  And a peer that refuses our credentials often closes
 * the line before pppd has exited with 19 (pppd 2.5 then exits 16): a
 * failure the plugin saw makes that 691. */
uint32_t ras_error_for_pppd_exit(int status, unsigned saw);

/* pppd died of a signal without reporting an exit status. */
#define RAS_ERROR_PPPD_KILLED 829u   /* ERROR_LINK_FAILURE */
