/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bus-errors.h"
#include "client-bus.h"
#include "lib-macro.h"
#include "pppras-bus.h"
#include "raserror.h"

/* One private connection per process: private so that the application's
 * own use of libdbus's shared system-bus connection (and whatever it does
 * to it) cannot disturb ours.  Notification registrations live as long as
 * this connection, so it stays open for the life of the process. */
static pthread_mutex_t bus_lock = PTHREAD_MUTEX_INITIALIZER;
static DBusConnection *bus_connection;
static pid_t bus_owner_pid;
static pthread_once_t bus_once = PTHREAD_ONCE_INIT;

/* fork() from a threaded program: hold the lock across it so the child
 * never inherits it locked, then make the child forget the parent's
 * connection.  The child must not close or unref it either, or it would
 * tear down state the parent's libdbus still uses; leaking it is right. */
static void bus_atfork_prepare(void) {
    pthread_mutex_lock(&bus_lock);
}

static void bus_atfork_parent(void) {
    pthread_mutex_unlock(&bus_lock);
}

static void bus_atfork_child(void) {
    bus_connection = NULL;
    bus_owner_pid = 0;
    pthread_mutex_unlock(&bus_lock);
}

static void bus_init_once(void) {
    dbus_threads_init_default();
    pthread_atfork(bus_atfork_prepare, bus_atfork_parent, bus_atfork_child);
}

DWORD client_bus_error_code(const DBusError *error) {
    const char *message;

    assert(error);

    if (!dbus_error_is_set(error))
        return ERROR_UNKNOWN;

    /* Our errors' messages start with the code ("6: ..."), which wins over
     * the name: InvalidParameter may carry 730 or 259, and a daemon newer
     * than this library may send names we do not know yet. */
    message = error->message;
    if (strncmp(error->name, PPPRAS_ERROR_PREFIX, strlen(PPPRAS_ERROR_PREFIX)) == 0 && message) {
        char *end;
        unsigned long code = strtoul(message, &end, 10);

        if (end != message && *end == ':' && code > 0 && code <= UINT32_MAX)
            return (DWORD) code;
    }

    return bus_error_to_code(error->name);
}

/* Drop the connection if it is dead or belongs to another process.
 * Called with bus_lock held. */
static void bus_forget_stale_locked(void) {
    if (!bus_connection)
        return;

    if (bus_owner_pid != getpid()) {
        /* forked without our atfork handler (vfork, raw clone): leak */
        bus_connection = NULL;
        return;
    }

    if (!dbus_connection_get_is_connected(bus_connection)) {
        dbus_connection_close(bus_connection);
        dbus_connection_unref(bus_connection);
        bus_connection = NULL;
    }
}

/* A reference to a live connection, opening one when needed. */
static DWORD bus_acquire(DBusConnection **ret) {
    DBusError error;
    DWORD code = 0;

    assert(ret);

    pthread_once(&bus_once, bus_init_once);
    dbus_error_init(&error);

    pthread_mutex_lock(&bus_lock);
    bus_forget_stale_locked();
    if (!bus_connection) {
        DBusConnection *c;

        c = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
        if (c) {
            /* libdbus would _exit() the application when the bus goes away */
            dbus_connection_set_exit_on_disconnect(c, FALSE);
            bus_connection = c;
            bus_owner_pid = getpid();
        } else if (dbus_error_has_name(&error, DBUS_ERROR_NO_MEMORY))
            code = ERROR_NOT_ENOUGH_MEMORY;
        else
            code = ERROR_RASMAN_CANNOT_INITIALIZE;
    }
    if (bus_connection)
        *ret = dbus_connection_ref(bus_connection);
    pthread_mutex_unlock(&bus_lock);

    dbus_error_free(&error);
    return code;
}

/* We never add match rules, but the bus still sends us NameAcquired and
 * libdbus queues what it reads while waiting for replies: dispatch that
 * so the queue cannot grow over a long-lived process.  Dispatching (not
 * popping) is what keeps another thread's pending reply intact. */
static void bus_drop_incoming(DBusConnection *c) {
    assert(c);

    while (dbus_connection_dispatch(c) == DBUS_DISPATCH_DATA_REMAINS)
        ;
}

DWORD client_bus_new_call(const char *method, DBusMessage **ret) {
    return client_bus_new_call_iface(PPPRAS_MANAGER_IFACE, method, ret);
}

DWORD client_bus_new_call_iface(const char *interface, const char *method, DBusMessage **ret) {
    DBusMessage *m;

    assert(interface);
    assert(method);
    assert(ret);

    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, interface, method);
    if (!m)
        return ERROR_NOT_ENOUGH_MEMORY;
    *ret = m;
    return 0;
}

DWORD client_bus_call(DBusMessage *call, DBusMessage **ret_reply) {
    _cleanup_(dbus_message_unrefp) DBusMessage *retry = NULL;

    assert(call);
    assert(ret_reply);

    /* The first attempt may find that the bus went away since the last
     * call (libdbus notices only when it next touches the socket): then
     * reconnect and send a fresh copy once.  Every method is safe to
     * repeat: reads are reads, a second HangUp does nothing more, and a
     * registration on the dead connection died with it. */
    for (unsigned attempt = 0;; attempt++) {
        DBusConnection *c;
        DBusMessage *reply;
        DBusError error;
        bool dropped;
        DWORD code;

        code = bus_acquire(&c);
        if (code != 0)
            return code;

        dbus_error_init(&error);
        reply = dbus_connection_send_with_reply_and_block(c, retry ?: call, CLIENT_BUS_TIMEOUT_MS, &error);
        bus_drop_incoming(c);
        dropped = !dbus_connection_get_is_connected(c);
        dbus_connection_unref(c);

        if (reply) {
            *ret_reply = reply;
            return 0;
        }

        /* libdbus says NoReply (or Disconnected) when the socket died
         * under the call; only a dead connection is worth a retry, a
         * daemon that is merely slow is not. */
        if (attempt == 0 && dropped) {
            dbus_error_free(&error);
            retry = dbus_message_copy(call);
            if (!retry)
                return ERROR_NOT_ENOUGH_MEMORY;
            continue;
        }

        code = client_bus_error_code(&error);
        dbus_error_free(&error);
        return code;
    }
}

DWORD client_bus_can_pass_fds(void) {
    DBusConnection *c;
    DWORD code;
    bool can;

    code = bus_acquire(&c);
    if (code != 0)
        return code;

    can = dbus_connection_can_send_type(c, DBUS_TYPE_UNIX_FD);
    dbus_connection_unref(c);
    return can ? 0 : ERROR_NOT_SUPPORTED;
}

DWORD client_bus_open_private(DBusConnection **ret) {
    DBusConnection *c;
    DBusError error;
    DWORD code = 0;

    assert(ret);

    pthread_once(&bus_once, bus_init_once);
    dbus_error_init(&error);

    c = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (c) {
        dbus_connection_set_exit_on_disconnect(c, FALSE);
        *ret = c;
    } else
        code = dbus_error_has_name(&error, DBUS_ERROR_NO_MEMORY) ? ERROR_NOT_ENOUGH_MEMORY
                                                                 : ERROR_RASMAN_CANNOT_INITIALIZE;
    dbus_error_free(&error);
    return code;
}

void client_bus_close_private(DBusConnection *c) {
    if (!c)
        return;
    dbus_connection_close(c);
    dbus_connection_unref(c);
}

DWORD client_bus_call_on(DBusConnection *c, DBusMessage *call, DBusMessage **ret_reply) {
    DBusMessage *reply;
    DBusError error;
    DWORD code;

    assert(c);
    assert(call);
    assert(ret_reply);

    dbus_error_init(&error);
    reply = dbus_connection_send_with_reply_and_block(c, call, CLIENT_BUS_TIMEOUT_MS, &error);
    if (reply) {
        *ret_reply = reply;
        return 0;
    }
    code = client_bus_error_code(&error);
    dbus_error_free(&error);
    return code;
}
