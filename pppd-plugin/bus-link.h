/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A bus connection that never makes pppd wait.
 *
 * Connecting is lazy and throttled: the socket is opened on first use and
 * Hello, the NameOwnerChanged match and the caller's Register are queued
 * behind it, so nothing waits for a reply.  Messages are sent
 * fire-and-forget with a non-blocking write attempt; bus_link_pump(),
 * called from a pppd timer, writes what is left and throws incoming
 * messages away.
 *
 * Memory is bounded when nobody reads the socket (bus daemon stopped):
 * libdbus gets at most ~16 KiB at a time, from the pump, the rest waits in our own queue
 * of at most ~1 MiB, from which the oldest droppable reports (phases:
 * later ones supersede them) go first; if other reports must go too, a
 * fresh Register follows once the queue drains, so the daemon still ends
 * up with the current state.  The one call that waits for a reply
 * (bus_link_call) is bounded by its own deadline.  When the connection breaks, when the process is no
 * longer the one that opened it (pppd detached by forking) or when the
 * daemon's name gets a new owner, the register callback is asked to queue
 * a fresh Register, so the daemon always ends up with the current state.
 * Pure libdbus: no pppd calls, errors come back as negative errno. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <dbus/dbus.h>

typedef struct BusLink BusLink;

/* Queue the Register call (bus_link_send) for a new connection or a new
 * daemon.  previous_pid: the pid that had registered before a fork, else 0. */
typedef void (*BusLinkRegisterFn)(BusLink *link, pid_t previous_pid, void *userdata);

/* address: a D-Bus address; NULL for the system bus. */
int bus_link_new(const char *address, BusLinkRegisterFn on_register, void *userdata, BusLink **ret);
BusLink *bus_link_free(BusLink *link);

/* Opens the connection when there is none (at most once per retry
 * interval unless force) and registers.  0 when connected, -ENOTCONN while
 * throttled, -ECONNREFUSED when opening failed (see bus_link_last_error). */
int bus_link_connect(BusLink *link, bool force);

/* Queues message (the caller keeps its reference) after connecting if
 * needed, then writes without blocking.  droppable: may be thrown away,
 * oldest first, when the queue is full (a later message supersedes it). */
int bus_link_send(BusLink *link, DBusMessage *message, bool droppable);

/* Sends message (which must expect a reply) behind everything queued and
 * waits for its reply, at most timeout_ms in all, connecting first if
 * needed.  0 and *ret_reply (a method return or an error message) on a
 * reply; -ETIMEDOUT, -ENOTCONN/-ECONNREFUSED or -ENOMEM otherwise. */
int bus_link_call(BusLink *link, DBusMessage *message, unsigned timeout_ms, DBusMessage **ret_reply);

/* Non-blocking write of the queue, discards incoming messages and handles
 * NameOwnerChanged / disconnection.  > 0: data is still queued; 0: idle;
 * < 0: no connection. */
int bus_link_pump(BusLink *link);

/* Whether anything waits to be written (or a resync to be sent): then the
 * pump should run soon.  Cheap: no system call. */
bool bus_link_pending(const BusLink *link);

/* Writes the queue, waiting at most timeout_ms in total.  For exit. */
void bus_link_flush(BusLink *link, unsigned timeout_ms);

/* Stops using the connection in this process without touching it: for a
 * child that inherited it and must not write to the parent's socket. */
void bus_link_forget(BusLink *link);

/* Reports thrown away because the queue was full, since bus_link_new(). */
uint64_t bus_link_dropped(const BusLink *link);

const char *bus_link_address(const BusLink *link);
const char *bus_link_last_error(const BusLink *link);
