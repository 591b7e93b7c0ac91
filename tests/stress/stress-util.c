/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "connection-object.h"
#include "pppras-bus.h"
#include "stress-util.h"

DBusConnection *stress_bus_open(void) {
    DBusConnection *bus;
    DBusError error;

    dbus_error_init(&error);
    bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (!bus)
        STRESS_FAIL("cannot connect to the bus: %s", error.message);
    dbus_connection_set_exit_on_disconnect(bus, false);
    return bus;
}

void stress_bus_close(DBusConnection *bus) {
    if (!bus)
        return;
    dbus_connection_close(bus);
    dbus_connection_unref(bus);
}

bool stress_error_is_named(const char *name) {
    static const char *const standard[] = {
        DBUS_ERROR_INVALID_ARGS, DBUS_ERROR_UNKNOWN_METHOD, DBUS_ERROR_UNKNOWN_OBJECT,
        DBUS_ERROR_UNKNOWN_INTERFACE, DBUS_ERROR_UNKNOWN_PROPERTY, DBUS_ERROR_PROPERTY_READ_ONLY,
        DBUS_ERROR_ACCESS_DENIED, DBUS_ERROR_LIMITS_EXCEEDED, DBUS_ERROR_INCONSISTENT_MESSAGE,
    };
    if (!name)
        return false;
    if (strncmp(name, PPPRAS_ERROR_PREFIX, strlen(PPPRAS_ERROR_PREFIX)) == 0)
        return true;
    for (size_t i = 0; i < sizeof(standard) / sizeof(standard[0]); i++)
        if (strcmp(name, standard[i]) == 0)
            return true;
    return false;
}

uint64_t stress_random(uint64_t *state) {
    assert(state);
    if (*state == 0)
        *state = 0x9e3779b97f4a7c15ull;
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545f4914f6cdd1dull;
}

long stress_daemon_fds(pid_t pid) {
    char path[64];
    struct dirent *de;
    long n = 0;
    DIR *d;

    snprintf(path, sizeof(path), "/proc/%d/fd", (int) pid);
    d = opendir(path);
    if (!d)
        return -errno;
    while ((de = readdir(d)))
        if (de->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

pid_t stress_daemon_pid(void) {
    const char *s = getenv("PPPRAS_DAEMON_PID");
    if (!s || atoi(s) <= 0)
        STRESS_FAIL("PPPRAS_DAEMON_PID is not set: run me with tests/with-private-bus");
    return atoi(s);
}

static DBusMessage *get_managed_objects(DBusConnection *bus) {
    DBusMessage *m, *reply;
    DBusError error;

    dbus_error_init(&error);
    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, "org.freedesktop.DBus.ObjectManager",
                                     "GetManagedObjects");
    if (!m)
        STRESS_FAIL("out of memory");
    reply = dbus_connection_send_with_reply_and_block(bus, m, STRESS_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    if (!reply)
        STRESS_FAIL("GetManagedObjects: %s", error.message);
    return reply;
}

/* Walks a message's values as text: containers in brackets, basics printed. */
static void write_values(FILE *f, DBusMessageIter *it) {
    for (int type; (type = dbus_message_iter_get_arg_type(it)) != DBUS_TYPE_INVALID; dbus_message_iter_next(it)) {
        if (dbus_type_is_container(type)) {
            DBusMessageIter sub;
            dbus_message_iter_recurse(it, &sub);
            fprintf(f, "%c[", (char) type);
            write_values(f, &sub);
            fputs("]", f);
            continue;
        }
        DBusBasicValue v;
        dbus_message_iter_get_basic(it, &v);
        switch (type) {
        case DBUS_TYPE_STRING: case DBUS_TYPE_OBJECT_PATH: case DBUS_TYPE_SIGNATURE:
            fprintf(f, "'%s' ", v.str);
            break;
        case DBUS_TYPE_DOUBLE:
            fprintf(f, "%g ", v.dbl);
            break;
        case DBUS_TYPE_BYTE:
            fprintf(f, "%u ", v.byt);
            break;
        case DBUS_TYPE_BOOLEAN: case DBUS_TYPE_INT32: case DBUS_TYPE_UINT32:
            fprintf(f, "%" PRIu32 " ", v.u32);
            break;
        default:
            fprintf(f, "%" PRIu64 " ", v.u64);
        }
    }
}

char *stress_snapshot(DBusConnection *bus) {
    DBusMessage *reply = get_managed_objects(bus);
    DBusMessageIter it;
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);

    if (!f)
        STRESS_FAIL("out of memory");
    if (dbus_message_iter_init(reply, &it))
        write_values(f, &it);
    fclose(f);
    dbus_message_unref(reply);
    return text;
}

int stress_list_links(DBusConnection *bus, StressLink *links, size_t max, size_t *ret_n) {
    DBusMessage *reply = get_managed_objects(bus);
    DBusMessageIter args, objects;
    size_t n = 0;

    if (!dbus_message_iter_init(reply, &args) || strcmp(dbus_message_get_signature(reply), "a{oa{sa{sv}}}") != 0) {
        dbus_message_unref(reply);
        return -EBADMSG;
    }
    dbus_message_iter_recurse(&args, &objects);
    for (; dbus_message_iter_get_arg_type(&objects) == DBUS_TYPE_DICT_ENTRY; dbus_message_iter_next(&objects)) {
        DBusMessageIter object;
        StressLink link = {};

        dbus_message_iter_recurse(&objects, &object);
        dbus_message_iter_next(&object);
        if (!connection_object_read(&object, &link.pid, &link.handle))
            continue;
        if (n == max) {
            dbus_message_unref(reply);
            return -ENOBUFS;
        }
        links[n++] = link;
    }
    dbus_message_unref(reply);
    *ret_n = n;
    return 0;
}

void stress_print(const StressFigures *f) {
    printf("%s: operations %" PRIu64 ", faults %" PRIu64 ", lost %" PRIu64 ", leaked %" PRIu64 "\n",
           f->name, f->operations, f->faults, f->lost, f->leaked);
    fflush(stdout);
}

_Noreturn void stress_fail(const char *file, int line, const char *fmt, ...) {
    va_list ap;

    fflush(stdout);
    fprintf(stderr, "stress: FAIL at %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

void stress_watch_removals(DBusConnection *bus) {
    DBusError error;

    dbus_error_init(&error);
    dbus_bus_add_match(bus, "type='signal',sender='" PPPRAS_BUS_NAME "',interface='" PPPRAS_MANAGER_IFACE
                       "',member='ConnectionRemoved'", &error);
    if (dbus_error_is_set(&error))
        STRESS_FAIL("AddMatch: %s", error.message);
}

int stress_wait_removed(DBusConnection *bus, uint64_t handle) {
    uint64_t deadline = stress_now_ms() + STRESS_TIMEOUT_MS;

    for (;;) {
        DBusMessage *m;
        uint64_t now;

        /* first what an earlier blocking call already queued */
        while ((m = dbus_connection_pop_message(bus))) {
            uint64_t removed = 0;
            bool match = dbus_message_is_signal(m, PPPRAS_MANAGER_IFACE, "ConnectionRemoved") &&
                         dbus_message_get_args(m, NULL, DBUS_TYPE_UINT64, &removed, DBUS_TYPE_INVALID) &&
                         removed == handle;
            dbus_message_unref(m);
            if (match)
                return 0;
        }
        now = stress_now_ms();
        if (now >= deadline)
            return -ETIMEDOUT;
        if (!dbus_connection_read_write(bus, (int) (deadline - now)))
            return -ECONNRESET;
    }
}

uint64_t stress_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000 + (uint64_t) ts.tv_nsec / 1000000;
}

int stress_hang_up(DBusConnection *bus, uint64_t handle, char *error_name, size_t size) {
    DBusMessage *m, *reply;
    DBusError error;

    dbus_error_init(&error);
    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, "HangUp");
    if (!m || !dbus_message_append_args(m, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID))
        STRESS_FAIL("out of memory");
    reply = dbus_connection_send_with_reply_and_block(bus, m, STRESS_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    if (reply) {
        dbus_message_unref(reply);
        return 0;
    }
    snprintf(error_name, size, "%s", error.name);
    dbus_error_free(&error);
    return -EREMOTEIO;
}

int stress_handle_of(DBusConnection *bus, pid_t pid, uint64_t *ret) {
    StressLink links[STRESS_MAX_LINKS];
    size_t n;
    int r = stress_list_links(bus, links, STRESS_MAX_LINKS, &n);

    if (r < 0)
        return r;
    for (size_t i = 0; i < n; i++)
        if (links[i].pid == (uint32_t) pid) {
            *ret = links[i].handle;
            return 0;
        }
    return -ENOENT;
}
