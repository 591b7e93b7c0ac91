/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "hangup.h"
#include "log.h"
#include "process-watch.h"

static int on_grace_period_over(sd_event_source *s, uint64_t usec, void *userdata) {
    Connection *c = userdata;
    assert(c);

    c->kill_timer = sd_event_source_disable_unref(c->kill_timer);
    log_connection(LOG_WARNING, c, "pppd did not exit after SIGTERM, sending SIGKILL.");
    int r = process_signal(c, SIGKILL);
    if (r < 0 && r != -ESRCH)
        log_connection(LOG_ERR, c, "Failed to send SIGKILL: %s", strerror(-r));
    return 0;
}

int hangup_start(Connection *c, sd_event *event, uint64_t grace_usec) {
    assert(c);
    assert(event);

    if (c->process_gone)
        return HANGUP_RETIRE_NOW;
    if (c->hanging_up)
        return HANGUP_IN_PROGRESS;

    int r = process_signal(c, SIGTERM);
    if (r == -ESRCH) {
        /* Exited a moment ago; the pidfd will say so and retire it. */
        c->hanging_up = true;
        return HANGUP_STARTED;
    }
    if (r < 0)
        return r;

    r = sd_event_add_time_relative(event, &c->kill_timer, CLOCK_MONOTONIC, grace_usec, 0,
                                   on_grace_period_over, c);
    if (r < 0) {
        /* SIGTERM is out; without the timer a stuck pppd gets no SIGKILL,
         * so send it now rather than never. */
        (void) process_signal(c, SIGKILL);
        log_connection(LOG_ERR, c, "Failed to arm SIGKILL timer, killed at once: %s", strerror(-r));
    } else
        (void) sd_event_source_set_description(c->kill_timer, "hangup-grace");
    c->hanging_up = true;
    log_connection(LOG_INFO, c, "Hanging up: SIGTERM sent.");
    return HANGUP_STARTED;
}

bool hangup_caller_allowed(uid_t caller_uid, gid_t caller_gid, const gid_t *groups, size_t n_groups,
                           uid_t owner, gid_t hangup_gid) {
    assert(groups || n_groups == 0);

    if (caller_uid == 0 || caller_uid == owner)
        return true;
    if (hangup_gid == (gid_t) -1)
        return false;
    if (caller_gid == hangup_gid)
        return true;
    for (size_t i = 0; i < n_groups; i++)
        if (groups[i] == hangup_gid)
            return true;
    return false;
}
