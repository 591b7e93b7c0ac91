/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Building the a{sv} dictionaries of the Link interface, as the plugin
 * sends them, for the test programs that stand in for it. */

#include <dbus/dbus.h>

/* One {key: variant of type} entry; value points at the basic value. */
static inline void dbus_dict_append(DBusMessageIter *dict, const char *key, int type, const void *value) {
    DBusMessageIter entry, variant;
    char signature[2] = { (char) type, 0 };

    dbus_message_iter_open_container(dict, DBUS_TYPE_DICT_ENTRY, NULL, &entry);
    dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key);
    dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, signature, &variant);
    dbus_message_iter_append_basic(&variant, type, value);
    dbus_message_iter_close_container(&entry, &variant);
    dbus_message_iter_close_container(dict, &entry);
}
