/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The WNet calls' own private connection to the system bus
 * (DBUS_SYSTEM_BUS_ADDRESS honoured), shared by the threads of a process,
 * reopened when it dropped and never reused after fork().  Results are
 * Win32 codes: the daemon's named errors map through common/wnet-errors.h,
 * an unreachable bus or daemon is ERROR_NO_NETWORK. */

#include <dbus/dbus.h>

#include "wintypes.h"

/* Mounting may wait for a slow server: the daemon gives up after 90 s. */
#define WNET_BUS_TIMEOUT_MS        (10 * 1000)
#define WNET_BUS_MOUNT_TIMEOUT_MS  (120 * 1000)

/* A new call to org.pppras.Ras1.Network. */
DWORD wnet_bus_new_call(const char *method, DBusMessage **ret);

/* Sends call and waits for the reply.  ERROR_EXTENDED_ERROR also records
 * the provider's code and text for WNetGetLastError. */
DWORD wnet_bus_call(DBusMessage *call, int timeout_ms, DBusMessage **ret_reply);

static inline void wnet_message_unrefp(DBusMessage **m) {
    if (*m)
        dbus_message_unref(*m);
}
