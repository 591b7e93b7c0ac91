/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "connection-object.h"
#include "pppras-bus.h"

/* In one a{sa{sv}} of GetManagedObjects: the Connection interface's Pid
 * and Handle, if this object has them. */
bool connection_object_read(DBusMessageIter *interfaces, uint32_t *pid, uint64_t *handle) {
    bool have_pid = false, have_handle = false;
    DBusMessageIter iface_iter;

    dbus_message_iter_recurse(interfaces, &iface_iter);
    for (; dbus_message_iter_get_arg_type(&iface_iter) == DBUS_TYPE_DICT_ENTRY;
         dbus_message_iter_next(&iface_iter)) {
        DBusMessageIter entry, props;
        const char *iface;

        dbus_message_iter_recurse(&iface_iter, &entry);
        dbus_message_iter_get_basic(&entry, &iface);
        if (strcmp(iface, PPPRAS_CONNECTION_IFACE) != 0)
            continue;
        dbus_message_iter_next(&entry);
        dbus_message_iter_recurse(&entry, &props);
        for (; dbus_message_iter_get_arg_type(&props) == DBUS_TYPE_DICT_ENTRY;
             dbus_message_iter_next(&props)) {
            DBusMessageIter prop, value;
            const char *name;

            dbus_message_iter_recurse(&props, &prop);
            dbus_message_iter_get_basic(&prop, &name);
            dbus_message_iter_next(&prop);
            dbus_message_iter_recurse(&prop, &value);
            if (strcmp(name, "Pid") == 0 && dbus_message_iter_get_arg_type(&value) == DBUS_TYPE_UINT32) {
                dbus_message_iter_get_basic(&value, pid);
                have_pid = true;
            } else if (strcmp(name, "Handle") == 0 &&
                       dbus_message_iter_get_arg_type(&value) == DBUS_TYPE_UINT64) {
                dbus_message_iter_get_basic(&value, handle);
                have_handle = true;
            }
        }
    }
    return have_pid && have_handle;
}
