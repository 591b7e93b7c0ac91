/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* All state of ppprasd in one place, freed by context_done(): the event
 * loop, the bus, the handle table and the notification registry; and the
 * connection lifecycle that ties them: create on Register, follow the
 * process, hang up, linger, retire. */

#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>

#include "connection.h"
#include "handle-table.h"
#include "notify.h"
#include "options.h"

typedef struct Context {
    sd_event *event;
    sd_bus *bus;                 /* NULL when driven without a bus (unit tests) */
    HandleTable connections;
    NotifyRegistry *notify;

    uint64_t grace_usec, linger_usec, supervise_usec;
    gid_t hangup_gid;            /* (gid_t) -1: the group does not exist */
} Context;

/* Takes a reference on event.  Looks up the hang-up group. */
int context_init(Context *ctx, sd_event *event, const DaemonOptions *options);
void context_done(Context *ctx);

/* Link.Register from pid: creates the connection or updates it. */
int context_link_register(Context *ctx, pid_t pid, uid_t owner, const LinkInfo *info, Connection **ret);

/* The connection of a live pppd, NULL for unknown pids. */
Connection *context_link_connection(Context *ctx, pid_t pid);

Connection *context_get_connection(Context *ctx, uint64_t handle);

/* Manager.HangUp after the caller was checked: starts the hang-up state
 * machine, or retires a connection whose pppd already ended. */
int context_hang_up(Context *ctx, Connection *c);

/* Removes the handle for good: notifications, signals, object, memory. */
void context_retire(Context *ctx, Connection *c);
