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

/* Opens c->pidfd and watches it.  -ESRCH: the process is already gone
 * (the caller treats it as exited); other negative errno on failure. */
int process_watch_start(Connection *c, sd_event *event, ProcessGoneHandler on_gone);

/* Stops watching and closes the pidfd. */
void process_watch_stop(Connection *c);

/* Sends sig through the pidfd; -ESRCH when the process is gone. */
int process_signal(Connection *c, int sig);
