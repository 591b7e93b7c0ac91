/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The hang-up state machine, owned by the daemon so a caller may hang up
 * and exit at once:
 *   running ── HangUp ──> hanging up (SIGTERM via pidfd, SIGKILL timer armed)
 *   hanging up ── pidfd readable ──> retired (by the Context)
 *   hanging up ── grace period over ──> SIGKILL, still hanging up
 * and who may start it. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-event.h>

#include "connection.h"

typedef enum HangUpOutcome {
    HANGUP_STARTED,             /* SIGTERM sent, SIGKILL armed */
    HANGUP_IN_PROGRESS,         /* a HangUp came before: nothing more to do */
    HANGUP_RETIRE_NOW,          /* pppd already gone: the caller retires the handle */
} HangUpOutcome;

/* Returns a HangUpOutcome or negative errno. */
int hangup_start(Connection *c, sd_event *event, uint64_t grace_usec);

/* Root, the connection's owner, or a member of the hang-up group
 * (hangup_gid == (gid_t) -1: no such group). */
bool hangup_caller_allowed(uid_t caller_uid, gid_t caller_gid, const gid_t *groups, size_t n_groups,
                           uid_t owner, gid_t hangup_gid);
