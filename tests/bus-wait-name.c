/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bus-wait-name: wait until a bus name has an owner (or, with --vanish,
 * none), by watching NameOwnerChanged rather than polling.
 *
 *   bus-wait-name [--timeout SEC] [--vanish] NAME
 *
 * Uses DBUS_SYSTEM_BUS_ADDRESS like every pppras component.  Exit status:
 * 0 when the name is in the wanted state, 1 on timeout, 2 on error. */

#include <dbus/dbus.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static bool name_has_owner(DBusConnection *bus, const char *name, DBusError *err) {
    dbus_bool_t has = FALSE;
    DBusMessage *m = dbus_message_new_method_call(DBUS_SERVICE_DBUS, DBUS_PATH_DBUS,
                                                  DBUS_INTERFACE_DBUS, "NameHasOwner");
    if (!m || !dbus_message_append_args(m, DBUS_TYPE_STRING, &name, DBUS_TYPE_INVALID))
        return false;
    DBusMessage *r = dbus_connection_send_with_reply_and_block(bus, m, 5000, err);
    dbus_message_unref(m);
    if (!r)
        return false;
    dbus_message_get_args(r, err, DBUS_TYPE_BOOLEAN, &has, DBUS_TYPE_INVALID);
    dbus_message_unref(r);
    return has;
}

int main(int argc, char **argv) {
    static const struct option options[] = {
        { "timeout", required_argument, NULL, 't' },
        { "vanish",  no_argument,       NULL, 'v' },
        {}
    };
    double timeout_s = 10;
    bool vanish = false;
    int c;

    while ((c = getopt_long(argc, argv, "t:v", options, NULL)) >= 0)
        switch (c) {
        case 't': timeout_s = strtod(optarg, NULL); break;
        case 'v': vanish = true; break;
        default:  return 2;
        }
    if (optind + 1 != argc) {
        fprintf(stderr, "usage: %s [--timeout SEC] [--vanish] NAME\n", argv[0]);
        return 2;
    }
    const char *name = argv[optind];

    DBusError err;
    dbus_error_init(&err);
    DBusConnection *bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &err);
    if (!bus) {
        fprintf(stderr, "bus-wait-name: cannot connect to the bus: %s\n", err.message);
        return 2;
    }

    char rule[512];
    snprintf(rule, sizeof rule,
             "type='signal',sender='" DBUS_SERVICE_DBUS "',interface='" DBUS_INTERFACE_DBUS "',"
             "member='NameOwnerChanged',arg0='%s'", name);
    dbus_bus_add_match(bus, rule, &err);
    if (dbus_error_is_set(&err)) {
        fprintf(stderr, "bus-wait-name: AddMatch: %s\n", err.message);
        return 2;
    }

    /* The match is in place before we ask, so no change can slip between. */
    int rc = 1;
    if (name_has_owner(bus, name, &err) != vanish)
        rc = 0;
    long long deadline = now_ms() + (long long) (timeout_s * 1000);
    while (rc != 0) {
        long long left = deadline - now_ms();
        if (left <= 0 || !dbus_connection_read_write(bus, (int) left))
            break;
        DBusMessage *m;
        while (rc != 0 && (m = dbus_connection_pop_message(bus))) {
            const char *n = NULL, *old_owner = NULL, *new_owner = NULL;
            if (dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
                dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &n, DBUS_TYPE_STRING, &old_owner,
                                      DBUS_TYPE_STRING, &new_owner, DBUS_TYPE_INVALID) &&
                strcmp(n, name) == 0 && (new_owner[0] == '\0') == vanish)
                rc = 0;
            dbus_message_unref(m);
        }
    }
    if (rc != 0)
        fprintf(stderr, "bus-wait-name: %s did not %s within %gs\n", name,
                vanish ? "vanish" : "appear", timeout_s);
    dbus_connection_close(bus);
    dbus_connection_unref(bus);
    return rc;
}
