/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The Manager methods of docs/dbus-api.md as C calls: arguments in,
 * parsed reply out.  Strings point into the reply message, which the
 * result holds; *_done() releases it.  Return values are RAS/Win32 codes
 * (0 = success), as in client-bus.h. */

#include <dbus/dbus.h>
#include <stdbool.h>
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

/* ---- dialling and the phonebook (client-calls-dial.c) ---- */

/* Dial's params and SetDialParams' params: NULL fields are left out of
 * the dictionary (the daemon then uses what is saved for the entry). */
typedef struct ClientDialParams {
    const char *user;
    const char *password;
    const char *domain;
    const char *phone;       /* Dial only: the number (server, service) instead of the entry's */
} ClientDialParams;

/* Dial(entry, params) → handle.  bus: a private connection (so the
 * caller's signal subscription sees every state of the new handle), or
 * NULL for the shared one. */
DWORD client_dial(DBusConnection *bus, const char *entry, const ClientDialParams *params, uint64_t *ret_handle);

/* GetConnectStatus on a private connection (same ordering argument). */
DWORD client_get_connect_status_on(DBusConnection *bus, uint64_t handle, ClientStatus *ret);

typedef struct ClientEntryList {
    DBusMessage *reply;
    const char **names;
    size_t n_names;
} ClientEntryList;

/* EnumEntries(): the phonebook's entry names, sorted. */
DWORD client_enum_entries(ClientEntryList *ret);
void client_entry_list_done(ClientEntryList *list);

/* SetDialParams(entry, params, remove_password). */
DWORD client_set_dial_params(const char *entry, const ClientDialParams *params, bool remove_password);

typedef struct ClientSavedParams {
    DBusMessage *reply;
    const char *user;      /* "" when none saved */
    const char *domain;
    bool has_password;
} ClientSavedParams;

/* GetDialParams(entry): what is saved for the caller's uid. */
DWORD client_get_dial_params(const char *entry, ClientSavedParams *ret);
void client_saved_params_done(ClientSavedParams *p);

/* The daemon's phonebook directory (Manager property PhonebookDirectory;
 * CLIENT_DEFAULT_PHONEBOOK from a daemon that predates it).  Freed by the
 * caller. */
#define CLIENT_DEFAULT_PHONEBOOK "/etc/ppp/peers"
DWORD client_get_phonebook_directory(char **ret);

/* ---- per-connection information (client-calls-info.c) ---- */

/* GetSubEntryHandle(handle, subentry). */
DWORD client_get_sub_entry_handle(uint64_t handle, uint32_t sub_entry, uint64_t *ret);

typedef struct ClientStatistics {
    uint64_t bytes_xmited, bytes_rcved, frames_xmited, frames_rcved;
    uint32_t connect_duration_ms;
    uint32_t bps;
} ClientStatistics;

/* GetStatistics(handle). */
DWORD client_get_statistics(uint64_t handle, ClientStatistics *ret);

typedef struct ClientProjection {
    DBusMessage *reply;
    const char *local, *remote, *dns1, *dns2, *ifname;
} ClientProjection;

/* GetProjectionInfo(handle): the IP projection once IPCP is up. */
DWORD client_get_projection_info(uint64_t handle, ClientProjection *ret);
void client_projection_done(ClientProjection *p);

/* ---- phonebook entries (client-calls-entry.c) ---- */

/* The entry dictionary of GetEntryProperties / SetEntryProperties:
 * RASENTRY's fields with a pppd meaning, in Windows' values.  Strings
 * point into reply (Get) or the caller's memory (Set). */
typedef struct ClientEntry {
    DBusMessage *reply;
    const char *device_type, *device_name, *phone_number;
    const char *ip_address, *dns_address, *dns_alt_address;   /* dotted, "" for none */
    uint32_t vpn_strategy, options, options2, net_protocols, framing_protocol, encryption_type;
    uint32_t idle_disconnect_seconds, redial_count, redial_pause;
    uint32_t sub_entries;      /* Get only */
} ClientEntry;

/* What a new entry holds (RasGetEntryProperties with no entry name). */
void client_entry_defaults(ClientEntry *ret);

DWORD client_get_entry_properties(const char *entry, ClientEntry *ret);
DWORD client_set_entry_properties(const char *entry, const ClientEntry *e);
void client_entry_done(ClientEntry *e);

/* GetSubEntryProperties / SetSubEntryProperties: device_type,
 * device_name, phone_number and vpn_strategy of ClientEntry. */
DWORD client_get_sub_entry_properties(const char *entry, uint32_t n, ClientEntry *ret);
DWORD client_set_sub_entry_properties(const char *entry, uint32_t n, const ClientEntry *e);

/* ValidateEntryName(entry), DeleteEntry(entry), RenameEntry(entry, new_entry). */
DWORD client_validate_entry_name(const char *entry);
DWORD client_delete_entry(const char *entry);
DWORD client_rename_entry(const char *entry, const char *new_entry);

/* ---- devices (client-calls-device.c) ---- */

typedef struct ClientDevice {
    const char *type, *name;
} ClientDevice;

typedef struct ClientDeviceList {
    DBusMessage *reply;
    ClientDevice *items;
    size_t n_items;
} ClientDeviceList;

/* EnumDevices(). */
DWORD client_enum_devices(ClientDeviceList *ret);
void client_device_list_done(ClientDeviceList *list);

/* ---- statistics and projection, more (client-calls-info.c) ---- */

/* GetLinkStatistics(handle, subentry); subentry 0: GetStatistics(handle). */
DWORD client_get_link_statistics(uint64_t handle, uint32_t sub_entry, ClientStatistics *ret);

/* ClearStatistics(handle). */
DWORD client_clear_statistics(uint64_t handle);

typedef struct ClientProjectionEx {
    DBusMessage *reply;
    uint32_t ipv4_error, ipv6_error;
    const char *local, *remote;                       /* dotted IPv4 */
    const char *interface_id, *server_interface_id;   /* 16 hex digits or "" */
    dbus_bool_t multilink, bundled;
} ClientProjectionEx;

/* GetProjectionInfoEx(handle). */
DWORD client_get_projection_info_ex(uint64_t handle, ClientProjectionEx *ret);
void client_projection_ex_done(ClientProjectionEx *p);
