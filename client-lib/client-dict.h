/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The a{sv} dictionaries of docs/dbus-api.md (Dial's params, statistics,
 * projection info): writing string entries, and reading the keys a caller
 * knows with the types the contract gives them.  Unknown keys are skipped
 * (a newer daemon may add some); a known key with another type is a reply
 * this library does not understand. */

#include <dbus/dbus.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wintypes.h"

/* Append {key: <string value>} to an open a{sv} container. */
bool client_dict_append_string(DBusMessageIter *array, const char *key, const char *value);

/* Append {key: <uint32 value>}. */
bool client_dict_append_u32(DBusMessageIter *array, const char *key, uint32_t value);

typedef struct ClientDictField {
    const char *key;
    int type;        /* DBUS_TYPE_STRING, _UINT32, _UINT64 or _BOOLEAN */
    void *ret;       /* const char **, uint32_t *, uint64_t *, dbus_bool_t * */
} ClientDictField;

/* Read the a{sv} at iter (which must point at it) into fields; fields not
 * present keep their values.  0 or ERROR_UNKNOWN (bad reply). */
DWORD client_dict_read(DBusMessageIter *iter, const ClientDictField *fields, size_t n_fields);
