/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bus-link.h"
#include "pppras-bus.h"

/* libdbus's compiled-in default is the /var/run spelling of the same path. */
#define SYSTEM_BUS_DEFAULT_ADDRESS "unix:path=/run/dbus/system_bus_socket"

/* A bus that is not there is asked again at most this often. */
#define RETRY_INTERVAL_USEC (3 * UINT64_C(1000000))

#define DAEMON_OWNER_MATCH                                                         \
    "type='signal',sender='" DBUS_SERVICE_DBUS "',interface='" DBUS_INTERFACE_DBUS \
    "',member='NameOwnerChanged',arg0='" PPPRAS_BUS_NAME "'"

struct BusLink {
    char *address;                  /* NULL: the system bus */
    BusLinkRegisterFn on_register;
    void *userdata;

    DBusConnection *conn;
    pid_t conn_pid;                 /* the process that opened conn */
    pid_t registered_pid;           /* the last process that registered */
    uint64_t retry_after_usec;      /* CLOCK_MONOTONIC */
    char last_error[256];
};

static uint64_t now_usec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000 + (uint64_t) ts.tv_nsec / 1000;
}

int bus_link_new(const char *address, BusLinkRegisterFn on_register, void *userdata, BusLink **ret) {
    assert(on_register);
    assert(ret);

    BusLink *link = calloc(1, sizeof(*link));
    if (!link)
        return -ENOMEM;
    if (address) {
        link->address = strdup(address);
        if (!link->address) {
            free(link);
            return -ENOMEM;
        }
    }
    link->on_register = on_register;
    link->userdata = userdata;
    *ret = link;
    return 0;
}

static void bus_link_drop(BusLink *link) {
    assert(link);

    if (!link->conn)
        return;
    dbus_connection_close(link->conn);
    dbus_connection_unref(link->conn);
    link->conn = NULL;
}

BusLink *bus_link_free(BusLink *link) {
    if (!link)
        return NULL;
    bus_link_drop(link);
    free(link->address);
    free(link);
    return NULL;
}

void bus_link_forget(BusLink *link) {
    assert(link);
    /* Deliberately no close and no unref: libdbus would touch the socket
     * and its state that this process only holds a copy of. */
    link->conn = NULL;
}

const char *bus_link_address(const BusLink *link) {
    assert(link);

    if (link->address)
        return link->address;
    /* secure_getenv: a setuid pppd must not let its caller choose the bus. */
    const char *e = secure_getenv("DBUS_SYSTEM_BUS_ADDRESS");
    return e && *e ? e : SYSTEM_BUS_DEFAULT_ADDRESS;
}

const char *bus_link_last_error(const BusLink *link) {
    assert(link);
    return link->last_error;
}

/* Writes what the socket takes now and reads what has arrived. */
static bool bus_link_poke(BusLink *link) {
    assert(link);
    assert(link->conn);
    return dbus_connection_read_write(link->conn, 0);
}

/* Everything the bus sends us is dropped; only the daemon's name getting a
 * new owner matters.  Returns whether a new owner appeared. */
static bool bus_link_discard_incoming(BusLink *link) {
    DBusMessage *m;
    bool new_owner = false;

    assert(link);
    assert(link->conn);

    while ((m = dbus_connection_pop_message(link->conn))) {
        const char *name, *old_owner, *owner;

        if (dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
            dbus_message_has_sender(m, DBUS_SERVICE_DBUS) &&
            dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING, &old_owner,
                                  DBUS_TYPE_STRING, &owner, DBUS_TYPE_INVALID) &&
            strcmp(name, PPPRAS_BUS_NAME) == 0 && *owner)
            new_owner = true;
        else if (dbus_message_get_type(m) == DBUS_MESSAGE_TYPE_METHOD_CALL && !dbus_message_get_no_reply(m)) {
            /* Nobody should call into pppd; answer rather than let the caller time out. */
            DBusMessage *reply = dbus_message_new_error(m, DBUS_ERROR_UNKNOWN_METHOD,
                                                        "pppd's pppras plugin serves no methods");
            if (reply) {
                dbus_connection_send(link->conn, reply, NULL);
                dbus_message_unref(reply);
            }
        }
        dbus_message_unref(m);
    }
    return new_owner;
}

static void bus_link_set_error(BusLink *link, const char *message) {
    assert(link);
    snprintf(link->last_error, sizeof(link->last_error), "%s", message ?: "unknown error");
}

static int bus_link_open(BusLink *link) {
    DBusError error;

    assert(link);
    assert(!link->conn);

    dbus_error_init(&error);
    DBusConnection *conn = dbus_connection_open_private(bus_link_address(link), &error);
    if (!conn) {
        bus_link_set_error(link, error.message);
        dbus_error_free(&error);
        return -ECONNREFUSED;
    }
    dbus_connection_set_exit_on_disconnect(conn, FALSE);

    /* Connect scripts and the pty program must not inherit the socket. */
    int fd;
    if (dbus_connection_get_socket(conn, &fd)) {
        int flags = fcntl(fd, F_GETFD);
        if (flags >= 0)
            (void) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }

    /* Hello, AddMatch and Register queue up behind authentication; the bus
     * handles them in order, and Hello's reply is simply discarded, so
     * nothing here waits for the bus daemon (unlike dbus_bus_register()). */
    DBusMessage *hello = dbus_message_new_method_call(DBUS_SERVICE_DBUS, DBUS_PATH_DBUS,
                                                      DBUS_INTERFACE_DBUS, "Hello");
    if (!hello || !dbus_connection_send(conn, hello, NULL)) {
        if (hello)
            dbus_message_unref(hello);
        dbus_connection_close(conn);
        dbus_connection_unref(conn);
        bus_link_set_error(link, "out of memory");
        return -ENOMEM;
    }
    dbus_message_unref(hello);
    dbus_bus_add_match(conn, DAEMON_OWNER_MATCH, NULL);   /* NULL error: sent, not awaited */

    pid_t pid = getpid();
    pid_t previous = link->registered_pid != pid ? link->registered_pid : 0;
    link->conn = conn;
    link->conn_pid = pid;
    link->registered_pid = pid;
    link->last_error[0] = '\0';

    link->on_register(link, previous, link->userdata);
    (void) bus_link_poke(link);
    return 0;
}

int bus_link_connect(BusLink *link, bool force) {
    assert(link);

    pid_t pid = getpid();
    if (link->conn && link->conn_pid != pid) {
        /* pppd forked and carries on in the child (detach): the daemon knows
         * processes by the sender's pid, so this one needs its own connection. */
        bus_link_drop(link);
        link->retry_after_usec = 0;
    }
    if (link->conn) {
        if (dbus_connection_get_is_connected(link->conn))
            return 0;
        bus_link_drop(link);
        bus_link_set_error(link, "disconnected from the bus");
    }

    uint64_t now = now_usec();
    if (!force && now < link->retry_after_usec)
        return -ENOTCONN;
    int r = bus_link_open(link);
    if (r < 0)
        link->retry_after_usec = now + RETRY_INTERVAL_USEC;
    return r;
}

int bus_link_send(BusLink *link, DBusMessage *message) {
    assert(link);
    assert(message);

    int r = bus_link_connect(link, false);
    if (r < 0)
        return r;
    if (!dbus_connection_send(link->conn, message, NULL))
        return -ENOMEM;
    (void) bus_link_poke(link);
    return 0;
}

int bus_link_pump(BusLink *link) {
    assert(link);

    if (!link->conn || link->conn_pid != getpid())
        return -ENOTCONN;

    (void) bus_link_poke(link);
    if (bus_link_discard_incoming(link)) {
        link->on_register(link, 0, link->userdata);
        (void) bus_link_poke(link);
    }
    if (!dbus_connection_get_is_connected(link->conn)) {
        bus_link_drop(link);
        bus_link_set_error(link, "disconnected from the bus");
        link->retry_after_usec = now_usec() + RETRY_INTERVAL_USEC;
        return -ENOTCONN;
    }
    return dbus_connection_has_messages_to_send(link->conn) ? 1 : 0;
}

void bus_link_flush(BusLink *link, unsigned timeout_ms) {
    assert(link);

    if (!link->conn || link->conn_pid != getpid())
        return;

    uint64_t deadline = now_usec() + (uint64_t) timeout_ms * 1000;
    while (dbus_connection_get_is_connected(link->conn) &&
           dbus_connection_has_messages_to_send(link->conn)) {
        uint64_t now = now_usec();
        if (now >= deadline)
            break;
        /* Waits in poll() for the socket, never past the deadline. */
        dbus_connection_read_write(link->conn, (int) ((deadline - now + 999) / 1000));
        (void) bus_link_discard_incoming(link);
    }
}
