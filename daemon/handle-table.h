/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The handle table: every live Connection by handle, by pppd pid, and in
 * creation order.  Handles come from a monotonic counter and are never
 * reused while the daemon runs; the counter starts at the CLOCK_REALTIME
 * microsecond count so a restarted daemon does not repeat a recent one.
 * The table owns its connections. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "connection.h"
#include "u64-map.h"

typedef struct HandleTable {
    U64Map by_handle;
    U64Map by_pid;            /* only connections whose process is alive */
    Connection *oldest, *newest;
    uint64_t next_handle;
} HandleTable;

/* first_handle: where the counter starts (0 and UINT64_MAX are skipped). */
void handle_table_init(HandleTable *t, uint64_t first_handle);

/* Frees every connection still in the table. */
void handle_table_done(HandleTable *t);

/* A fresh handle; never 0, never UINT64_MAX, never one handed out before. */
uint64_t handle_table_new_handle(HandleTable *t);

/* Takes ownership of c on success (c->handle and c->pid must be set and
 * not yet in the table).  0 or -ENOMEM, -EEXIST. */
int handle_table_add(HandleTable *t, Connection *c);

Connection *handle_table_get(const HandleTable *t, uint64_t handle);

/* A second handle for c (c->link_handle): a fresh one is drawn, mapped to
 * c, and forgotten with c.  0 or -ENOMEM. */
int handle_table_add_link_handle(HandleTable *t, Connection *c);
Connection *handle_table_get_by_pid(const HandleTable *t, pid_t pid);

/* The process is gone: its pid may come back for another pppd. */
void handle_table_forget_pid(HandleTable *t, Connection *c);

/* Removes c and gives it back to the caller (who frees it). */
Connection *handle_table_remove(HandleTable *t, Connection *c);

static inline size_t handle_table_size(const HandleTable *t) {
    return u64_map_size(&t->by_handle);
}

#define HANDLE_TABLE_FOREACH(c, t) for (Connection *c = (t)->oldest; c; c = c->newer)
