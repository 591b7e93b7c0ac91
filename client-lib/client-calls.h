/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The Manager methods of docs/dbus-api.md as C calls: arguments in,
 * parsed reply out.  Strings point into the reply message, which the
 * result holds; *_done() releases it.  Return values are RAS/Win32 codes
 * (0 = success), as in client-bus.h. */

#include <dbus/dbus.h>
#include <stddef.h>
#include <stdint.h>

#include "wintypes.h"

/* The daemon's spelling of "all connections" and "no handle". */
#define CLIENT_HANDLE_ALL  UINT64_MAX
#define CLIENT_HANDLE_NONE 0

typedef struct ClientConnection {
    uint64_t handle;
    const char *entry_name;
    const char *device_type;
    const char *device_name;
    const char *phonebook;
    uint32_t sub_entry;
} ClientConnection;

typedef struct ClientConnectionList {
    DBusMessage *reply;
    ClientConnection *items;
    size_t n_items;
} ClientConnectionList;

typedef struct ClientStatus {
    DBusMessage *reply;
    uint32_t state;
    uint32_t substate;
    uint32_t error;
    const char *device_type;
    const char *device_name;
    const char *phone_number;
    const char *local_address;
    const char *remote_address;
} ClientStatus;

/* EnumConnections(): connected connections, oldest first. */
DWORD client_enum_connections(ClientConnectionList *ret);
void client_connection_list_done(ClientConnectionList *list);

/* GetConnectStatus(handle). */
DWORD client_get_connect_status(uint64_t handle, ClientStatus *ret);
void client_status_done(ClientStatus *status);

/* HangUp(handle). */
DWORD client_hang_up(uint64_t handle);

/* RegisterNotification(handle, flags, fd): the daemon gets a duplicate of fd. */
DWORD client_register_notification(uint64_t handle, uint32_t flags, int fd);
