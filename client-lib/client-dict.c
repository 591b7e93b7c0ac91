/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <string.h>

#include "client-dict.h"
#include "raserror.h"

bool client_dict_append_string(DBusMessageIter *array, const char *key, const char *value) {
    DBusMessageIter entry, variant;

    assert(array);
    assert(key);
    assert(value);

    if (!dbus_message_iter_open_container(array, DBUS_TYPE_DICT_ENTRY, NULL, &entry))
        return false;
    if (!dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key) ||
        !dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, DBUS_TYPE_STRING_AS_STRING, &variant)) {
        dbus_message_iter_abandon_container(array, &entry);
        return false;
    }
    if (!dbus_message_iter_append_basic(&variant, DBUS_TYPE_STRING, &value)) {
        dbus_message_iter_abandon_container(&entry, &variant);
        dbus_message_iter_abandon_container(array, &entry);
        return false;
    }
    return dbus_message_iter_close_container(&entry, &variant) &&
           dbus_message_iter_close_container(array, &entry);
}

bool client_dict_append_u32(DBusMessageIter *array, const char *key, uint32_t value) {
    DBusMessageIter entry, variant;
    dbus_uint32_t v = value;

    assert(array);
    assert(key);

    if (!dbus_message_iter_open_container(array, DBUS_TYPE_DICT_ENTRY, NULL, &entry))
        return false;
    if (!dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key) ||
        !dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, DBUS_TYPE_UINT32_AS_STRING, &variant)) {
        dbus_message_iter_abandon_container(array, &entry);
        return false;
    }
    if (!dbus_message_iter_append_basic(&variant, DBUS_TYPE_UINT32, &v)) {
        dbus_message_iter_abandon_container(&entry, &variant);
        dbus_message_iter_abandon_container(array, &entry);
        return false;
    }
    return dbus_message_iter_close_container(&entry, &variant) &&
           dbus_message_iter_close_container(array, &entry);
}

static const ClientDictField *find_field(const ClientDictField *fields, size_t n, const char *key) {
    assert(fields || n == 0);
    assert(key);

    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].key, key) == 0)
            return &fields[i];
    return NULL;
}

DWORD client_dict_read(DBusMessageIter *iter, const ClientDictField *fields, size_t n_fields) {
    DBusMessageIter array;

    assert(iter);
    assert(fields || n_fields == 0);

    if (dbus_message_iter_get_arg_type(iter) != DBUS_TYPE_ARRAY ||
        dbus_message_iter_get_element_type(iter) != DBUS_TYPE_DICT_ENTRY)
        return ERROR_UNKNOWN;

    dbus_message_iter_recurse(iter, &array);
    for (; dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_DICT_ENTRY; dbus_message_iter_next(&array)) {
        DBusMessageIter entry, variant;
        const ClientDictField *f;
        const char *key;

        dbus_message_iter_recurse(&array, &entry);
        if (dbus_message_iter_get_arg_type(&entry) != DBUS_TYPE_STRING)
            return ERROR_UNKNOWN;
        dbus_message_iter_get_basic(&entry, &key);

        f = find_field(fields, n_fields, key);
        if (!f)
            continue;

        dbus_message_iter_next(&entry);
        if (dbus_message_iter_get_arg_type(&entry) != DBUS_TYPE_VARIANT)
            return ERROR_UNKNOWN;
        dbus_message_iter_recurse(&entry, &variant);
        if (dbus_message_iter_get_arg_type(&variant) != f->type)
            return ERROR_UNKNOWN;
        dbus_message_iter_get_basic(&variant, f->ret);
    }
    return 0;
}
