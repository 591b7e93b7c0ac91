/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Reading the daemon's Connection objects from GetManagedObjects, for the
 * bus tests and the stress tests alike. */

#include <dbus/dbus.h>
#include <stdbool.h>
#include <stdint.h>

/* In one object's a{sa{sv}}: the Connection interface's Pid and Handle;
 * false when the object has no such interface. */
bool connection_object_read(DBusMessageIter *interfaces, uint32_t *pid, uint64_t *handle);
