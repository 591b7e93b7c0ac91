/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* pppd's last word kept on disk, for a daemon that was not there to hear
 * it: at exit the plugin writes RUNTIME_DIR/ended/PID-STARTTIME (pppd's
 * pid and its /proc/PID/stat start time, so a recycled pid never reads
 * another pppd's ending), one line:
 *   status=N peer_terminated=0|1 auth_failed=0|1 ended=USEC
 * (pppd's exit status, what the plugin saw, CLOCK_REALTIME µs).  The
 * directory is root's, mode 0700; the file 0600, written to a temporary
 * name and renamed.  A restarted ppprasd reads it for a connection whose
 * pppd ended meanwhile, and removes it when the handle is retired. */

#include <stdbool.h>
#include <stdint.h>

#define LINK_END_DIR "ended"
#define LINK_END_DEFAULT_RUNTIME_DIR "/run/pppras"
#define LINK_END_NAME_MAX 48           /* "PID-STARTTIME" and a temporary prefix */
#define LINK_END_FORMAT "status=%d peer_terminated=%d auth_failed=%d ended=%llu\n"

typedef struct LinkEnd {
    int status;
    bool peer_terminated;
    bool auth_failed;
    uint64_t ended_usec;
} LinkEnd;
