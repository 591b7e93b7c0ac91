/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* ppprasd's command line. */

#include <stdint.h>

typedef struct DaemonOptions {
    uint64_t grace_usec;         /* --grace-period: SIGTERM → SIGKILL */
    uint64_t linger_usec;        /* --linger: a connection that ended on its own keeps its handle */
    uint64_t supervise_usec;     /* --supervise-timeout: 0 = off */
    char *hangup_group;          /* --hangup-group */
    int log_level;               /* --log-level, LOG_* */
} DaemonOptions;

void daemon_options_init(DaemonOptions *o);
void daemon_options_done(DaemonOptions *o);

/* > 0: run; 0: exit successfully (--help, --version); < 0: bad usage (logged). */
int daemon_options_parse(DaemonOptions *o, int argc, char *argv[]);
