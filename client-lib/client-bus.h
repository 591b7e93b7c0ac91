/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The library's one connection to the system bus, shared by every thread
 * of the process.  It is opened on first use, reopened when it dropped
 * (bus restarted), and never reused in a child after fork().
 *
 * Errors here are the RAS/Win32 codes the public calls return (0 = ok),
 * not errno: every failure ends up as such a code, and the daemon sends
 * them already, so translating twice would only lose information. */

#include <dbus/dbus.h>

#include "wintypes.h"

/* How long a call waits for the daemon before reporting it unreachable. */
#define CLIENT_BUS_TIMEOUT_MS 10000

/* A new method call to the daemon's Manager interface. */
DWORD client_bus_new_call(const char *method, DBusMessage **ret);

/* The same for another interface of the root object (e.g. Properties). */
DWORD client_bus_new_call_iface(const char *interface, const char *method, DBusMessage **ret);

/* Send call and wait for its reply.  Daemon errors map to their codes
 * (common/bus-errors.h); an unreachable bus or daemon gives
 * ERROR_RASMAN_CANNOT_INITIALIZE. */
DWORD client_bus_call(DBusMessage *call, DBusMessage **ret_reply);

/* Whether the connection can carry file descriptors (UNIX_FD). */
DWORD client_bus_can_pass_fds(void);

/* The RAS code of a failed call: the code at the start of the message of
 * one of our errors, else the code of the error's name. */
DWORD client_bus_error_code(const DBusError *error);

/* A private connection of its own, for a thread that follows signals
 * (async RasDial, PppRasWatchConnections): signals must reach exactly one
 * reader, which the shared connection cannot promise.  Nothing but its
 * owner may touch it; client_bus_close_private() closes and frees it. */
DWORD client_bus_open_private(DBusConnection **ret);
void client_bus_close_private(DBusConnection *c);

/* Send call on c and wait for the reply; no reconnect (c is the caller's). */
DWORD client_bus_call_on(DBusConnection *c, DBusMessage *call, DBusMessage **ret_reply);

static inline void dbus_message_unrefp(DBusMessage **m) {
    if (*m)
        dbus_message_unref(*m);
}
