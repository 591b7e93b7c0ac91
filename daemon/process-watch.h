/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Following a pppd process through a pidfd: readable once the process is
 * gone, and a race-free target for signals (a recycled pid never gets
 * our SIGTERM). */

#include <signal.h>
#include <systemd/sd-event.h>

#include "connection.h"

/* Called once, when c's process has exited. */
typedef void (*ProcessGoneHandler)(Connection *c);

/* pidfd_open(pid, 0), as negative errno on failure. */
int process_pidfd_open(pid_t pid);

/* Watches c->pidfd (opening it first unless set, e.g. by pppd_spawn()).
 * When c->is_child (we are pppd's parent), the exit is reaped with
 * waitid(P_PIDFD) and c->wait_code / c->wait_status say how it ended;
 * otherwise (a pppd we adopted, or one from before a restart) only the
 * pidfd tells that it is gone.  -ESRCH: the process is already gone
 * (the caller treats it as exited); other negative errno on failure. */
int process_watch_start(Connection *c, sd_event *event, ProcessGoneHandler on_gone);

/* Stops watching and closes the pidfd. */
void process_watch_stop(Connection *c);

/* Sends sig through the pidfd; -ESRCH when the process is gone. */
int process_signal(Connection *c, int sig);
