/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "connection-iface.h"
#include "context.h"
#include "log.h"
#include "pppras-bus.h"
#include "util.h"

char *connection_iface_path(uint64_t handle, char *buf) {
    assert(buf);
    snprintf(buf, PPPRAS_CONNECTION_PATH_MAX, PPPRAS_CONNECTION_PREFIX "/%016" PRIx64, handle);
    return buf;
}

/* Exactly 16 lower-case hex digits after the prefix, as we print them. */
static int handle_from_path(const char *path, uint64_t *ret) {
    assert(path);
    assert(ret);

    static const char prefix[] = PPPRAS_CONNECTION_PREFIX "/";
    if (strncmp(path, prefix, sizeof(prefix) - 1) != 0)
        return -EINVAL;
    const char *hex = path + sizeof(prefix) - 1;
    if (strlen(hex) != 16 || strspn(hex, "0123456789abcdef") != 16)
        return -EINVAL;
    *ret = strtoull(hex, NULL, 16);
    return 0;
}

int connection_iface_find(sd_bus *bus, const char *path, const char *interface,
                          void *userdata, void **found, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(path);
    assert(ctx);
    assert(found);

    uint64_t handle;
    if (handle_from_path(path, &handle) < 0)
        return 0;
    Connection *c = context_get_connection(ctx, handle);
    if (!c)
        return 0;
    *found = c;
    return 1;
}

int connection_iface_enumerate(sd_bus *bus, const char *prefix, void *userdata,
                               char ***nodes, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(ctx);
    assert(nodes);

    size_t n = handle_table_size(&ctx->connections), i = 0;
    char **list = calloc(n + 1, sizeof(char *));
    if (!list)
        return -ENOMEM;
    HANDLE_TABLE_FOREACH(c, &ctx->connections) {
        char buf[PPPRAS_CONNECTION_PATH_MAX];
        list[i] = strdup(connection_iface_path(c->handle, buf));
        if (!list[i]) {
            while (i > 0)
                free(list[--i]);
            free(list);
            return -ENOMEM;
        }
        i++;
    }
    *nodes = list;
    return 0;
}

/* Names in ConnectionProperty bit order. */
static const char *const property_names[] = {
    "EntryName", "DeviceType", "DeviceName", "PhoneNumber", "State", "Error",
    "Interface", "LocalAddress", "RemoteAddress", "Pid", "Owner",
};

void connection_iface_emit_changed(sd_bus *bus, Connection *c, unsigned mask) {
    assert(bus);
    assert(c);

    char *names[ELEMENTSOF(property_names) + 1];
    size_t n = 0;
    for (size_t i = 0; i < ELEMENTSOF(property_names); i++)
        if (mask & (1u << i))
            names[n++] = (char *) property_names[i];
    if (n == 0)
        return;
    names[n] = NULL;

    char path[PPPRAS_CONNECTION_PATH_MAX];
    int r = sd_bus_emit_properties_changed_strv(bus, connection_iface_path(c->handle, path),
                                                PPPRAS_CONNECTION_IFACE, names);
    if (r < 0)
        log_warning_errno(r, "Failed to emit PropertiesChanged for %s: %m", path);
}

void connection_iface_emit_added(sd_bus *bus, Connection *c) {
    assert(bus);
    assert(c);
    char path[PPPRAS_CONNECTION_PATH_MAX];
    int r = sd_bus_emit_object_added(bus, connection_iface_path(c->handle, path));
    if (r < 0)
        log_warning_errno(r, "Failed to emit InterfacesAdded for %s: %m", path);
}

void connection_iface_emit_removed(sd_bus *bus, Connection *c) {
    assert(bus);
    assert(c);
    char path[PPPRAS_CONNECTION_PATH_MAX];
    int r = sd_bus_emit_object_removed(bus, connection_iface_path(c->handle, path));
    if (r < 0)
        log_warning_errno(r, "Failed to emit InterfacesRemoved for %s: %m", path);
}

#define EMITS SD_BUS_VTABLE_PROPERTY_EMITS_CHANGE

const sd_bus_vtable connection_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_PROPERTY("Handle",        "t", NULL, offsetof(Connection, handle), SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("EntryName",     "s", NULL, offsetof(Connection, entry_name), EMITS),
    SD_BUS_PROPERTY("DeviceType",    "s", NULL, offsetof(Connection, device_type), EMITS),
    SD_BUS_PROPERTY("DeviceName",    "s", NULL, offsetof(Connection, device), EMITS),
    SD_BUS_PROPERTY("PhoneNumber",   "s", NULL, offsetof(Connection, phone), EMITS),
    SD_BUS_PROPERTY("State",         "u", NULL, offsetof(Connection, state), EMITS),
    SD_BUS_PROPERTY("Error",         "u", NULL, offsetof(Connection, error), EMITS),
    SD_BUS_PROPERTY("Interface",     "s", NULL, offsetof(Connection, ifname), EMITS),
    SD_BUS_PROPERTY("LocalAddress",  "s", NULL, offsetof(Connection, local), EMITS),
    SD_BUS_PROPERTY("RemoteAddress", "s", NULL, offsetof(Connection, remote), EMITS),
    SD_BUS_PROPERTY("Pid",           "u", NULL, offsetof(Connection, pid), EMITS),
    SD_BUS_PROPERTY("Owner",         "u", NULL, offsetof(Connection, owner), EMITS),
    SD_BUS_PROPERTY("StartedAt",     "t", NULL, offsetof(Connection, started_at_usec), EMITS),
    SD_BUS_VTABLE_END
};

/* The offset getters read 4-byte "u" and 8-byte "t" fields in place. */
_Static_assert(sizeof(RASCONNSTATE) == sizeof(uint32_t), "RASCONNSTATE is read as u");
_Static_assert(sizeof(pid_t) == sizeof(uint32_t) && sizeof(uid_t) == sizeof(uint32_t), "pid/uid are read as u");
