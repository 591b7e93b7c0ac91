/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* org.pppras.Ras1.Connection: one object per live handle at
 * /org/pppras/Ras1/connection/HHHHHHHHHHHHHHHH, served by a fallback
 * vtable that finds the Connection in the handle table. */

#include <stdint.h>
#include <systemd/sd-bus.h>

#include "connection.h"

extern const sd_bus_vtable connection_vtable[];

/* sd_bus_object_find_t / sd_bus_node_enumerator_t for the prefix; userdata is the Context. */
int connection_iface_find(sd_bus *bus, const char *path, const char *interface,
                          void *userdata, void **found, sd_bus_error *error);
int connection_iface_enumerate(sd_bus *bus, const char *prefix, void *userdata,
                               char ***nodes, sd_bus_error *error);

/* buf gets PPPRAS_CONNECTION_PATH_MAX bytes. */
char *connection_iface_path(uint64_t handle, char *buf);

/* PropertiesChanged for the ConnectionProperty bits in mask. */
void connection_iface_emit_changed(sd_bus *bus, Connection *c, unsigned mask);

/* ObjectManager InterfacesAdded / InterfacesRemoved; removed must be
 * emitted while c is still in the table. */
void connection_iface_emit_added(sd_bus *bus, Connection *c);
void connection_iface_emit_removed(sd_bus *bus, Connection *c);
