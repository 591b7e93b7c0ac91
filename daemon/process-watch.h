/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Following a pppd process through a pidfd: readable once the process is
 * gone, and a race-free target for signals (a recycled pid never gets
 * our SIGTERM).  Where pidfds are unavailable (ENOSYS or EPERM from a
 * seccomp filter, valgrind; or PPPRAS_NO_PIDFD=1 in the daemon's
 * environment) the process is named by its pid and start time
 * (/proc/PID/stat field 22), checked right before each signal; our own
 * children are followed through SIGCHLD (their pid is ours until reaped),
 * everyone else's by looking at /proc regularly. */

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <systemd/sd-event.h>

#include "connection.h"

/* Called once, when c's process has exited. */
typedef void (*ProcessGoneHandler)(Connection *c);

/* pidfd_open(pid, 0), as negative errno on failure; -ENOSYS when pidfds
 * are off (then for good). */
int process_pidfd_open(pid_t pid);
bool process_pidfd_disabled(void);

/* 0 when pid runs and is still the process that started at start_time
 * (0: any); -ESRCH when it is gone, a zombie or someone else. */
int process_identity_check(pid_t pid, uint64_t start_time);

/* Watches c->pidfd (opening it first unless set, e.g. by pppd_spawn()).
 * When c->is_child (we are pppd's parent), the exit is reaped with
 * waitid(P_PIDFD) and c->wait_code / c->wait_status say how it ended;
 * otherwise (a pppd we adopted, or one from before a restart) only the
 * pidfd tells that it is gone.  -ESRCH: the process is already gone
 * (the caller treats it as exited); other negative errno on failure. */
int process_watch_start(Connection *c, sd_event *event, ProcessGoneHandler on_gone);

/* Without a pidfd a non-child's end is seen at the next look at /proc:
 * looks now, and when it is gone calls the handler (which may free c)
 * and returns true. */
bool process_watch_check_gone(Connection *c);

/* Stops watching and closes the pidfd. */
void process_watch_stop(Connection *c);

/* Sends sig through the pidfd; -ESRCH when the process is gone. */
int process_signal(Connection *c, int sig);
