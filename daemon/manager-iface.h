/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* org.pppras.Ras1.Manager at /org/pppras/Ras1: EnumConnections,
 * GetConnectStatus, HangUp, RegisterNotification, GetSubEntryHandle,
 * GetStatistics, GetProjectionInfo (here) and Dial, EnumEntries,
 * Set/GetDialParams (manager-dial.c); the StateChanged, ConnectionRemoved
 * and BandwidthChanged signals; the Version property. */

#include <stdbool.h>
#include <stdint.h>
#include <systemd/sd-bus.h>

#include "connection.h"

extern const sd_bus_vtable manager_vtable[];

void manager_iface_emit_state_changed(sd_bus *bus, Connection *c);
void manager_iface_emit_connection_removed(sd_bus *bus, uint64_t handle);
void manager_iface_emit_bandwidth_changed(sd_bus *bus, uint64_t handle, unsigned subentries, bool added);
