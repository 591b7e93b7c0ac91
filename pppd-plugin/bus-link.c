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

/* libdbus's own queue cannot drop anything, and it writes all of it, one
 * sendmsg() per message, whenever it writes at all: so it only gets this
 * much at a time, from the pump; ours holds the rest, up to
 * QUEUE_MAX_BYTES. */
#define HANDOFF_MAX_BYTES   (16 * 1024L)
#define QUEUE_MAX_BYTES     (1024 * 1024L)

#define DAEMON_OWNER_MATCH                                                         \
    "type='signal',sender='" DBUS_SERVICE_DBUS "',interface='" DBUS_INTERFACE_DBUS \
    "',member='NameOwnerChanged',arg0='" PPPRAS_BUS_NAME "'"

typedef struct QueuedMessage QueuedMessage;
struct QueuedMessage {
    QueuedMessage *next;
    DBusMessage *message;
    long size;                      /* marshalled bytes */
    bool droppable;
};

struct BusLink {
    char *address;                  /* NULL: the system bus */
    BusLinkRegisterFn on_register;
    void *userdata;

    DBusConnection *conn;
    pid_t conn_pid;                 /* the process that opened conn */
    pid_t registered_pid;           /* the last process that registered */
    uint64_t retry_after_usec;      /* CLOCK_MONOTONIC */
    char last_error[256];

    QueuedMessage *queue_head;      /* waiting for libdbus's queue to drain */
    QueuedMessage *queue_tail;
    long queue_bytes;
    uint64_t dropped;
    bool resync;                    /* a non-droppable report was lost: Register again */
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

static QueuedMessage *queued_message_free(QueuedMessage *q) {
    if (!q)
        return NULL;
    QueuedMessage *next = q->next;
    dbus_message_unref(q->message);
    free(q);
    return next;
}

/* A new connection starts with a Register that carries the whole state, so
 * what was queued for the old one has nothing left to say. */
static void bus_link_queue_clear(BusLink *link) {
    assert(link);

    for (QueuedMessage *q = link->queue_head; q; )
        q = queued_message_free(q);
    link->queue_head = link->queue_tail = NULL;
    link->queue_bytes = 0;
    link->resync = false;
}

static void bus_link_drop(BusLink *link) {
    assert(link);

    bus_link_queue_clear(link);
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
    bus_link_queue_clear(link);
}

uint64_t bus_link_dropped(const BusLink *link) {
    assert(link);
    return link->dropped;
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

/* Only the daemon's name getting a new owner matters of what the bus
 * sends us unasked.  Returns whether m says a new owner appeared. */
static bool bus_link_handle_incoming(BusLink *link, DBusMessage *m) {
    const char *name, *old_owner, *owner;

    assert(link);
    assert(link->conn);
    assert(m);

    if (dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
        dbus_message_has_sender(m, DBUS_SERVICE_DBUS) &&
        dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING, &old_owner,
                              DBUS_TYPE_STRING, &owner, DBUS_TYPE_INVALID) &&
        strcmp(name, PPPRAS_BUS_NAME) == 0 && *owner)
        return true;

    if (dbus_message_get_type(m) == DBUS_MESSAGE_TYPE_METHOD_CALL && !dbus_message_get_no_reply(m)) {
        /* Nobody should call into pppd; answer rather than let the caller time out. */
        DBusMessage *reply = dbus_message_new_error(m, DBUS_ERROR_UNKNOWN_METHOD,
                                                    "pppd's pppras plugin serves no methods");
        if (reply) {
            dbus_connection_send(link->conn, reply, NULL);
            dbus_message_unref(reply);
        }
    }
    return false;
}

/* Everything else the bus sends us is dropped.  Returns whether the
 * daemon's name got a new owner. */
static bool bus_link_discard_incoming(BusLink *link) {
    DBusMessage *m;
    bool new_owner = false;

    assert(link);
    assert(link->conn);

    while ((m = dbus_connection_pop_message(link->conn))) {
        new_owner = bus_link_handle_incoming(link, m) || new_owner;
        dbus_message_unref(m);
    }
    return new_owner;
}

/* Moves queued messages to libdbus while its queue is small (all of them
 * when everything must go out, e.g. before a call that waits).  Returns
 * false when out of memory. */
static bool bus_link_handoff(BusLink *link, bool all) {
    assert(link);
    assert(link->conn);

    while (link->queue_head &&
           (all || dbus_connection_get_outgoing_size(link->conn) < HANDOFF_MAX_BYTES)) {
        QueuedMessage *q = link->queue_head;
        if (!dbus_connection_send(link->conn, q->message, NULL))
            return false;
        link->queue_bytes -= q->size;
        link->queue_head = queued_message_free(q);
        if (!link->queue_head)
            link->queue_tail = NULL;
    }
    return true;
}

/* Makes room for size more bytes: the oldest droppable message goes
 * first, then (setting resync) the oldest of any kind. */
static void bus_link_queue_make_room(BusLink *link, long size) {
    assert(link);

    while (link->queue_head && link->queue_bytes + size > QUEUE_MAX_BYTES) {
        QueuedMessage **victim = NULL;
        for (QueuedMessage **p = &link->queue_head; *p; p = &(*p)->next)
            if ((*p)->droppable) {
                victim = p;
                break;
            }
        if (!victim) {
            victim = &link->queue_head;
            link->resync = true;
        }
        QueuedMessage *q = *victim;
        link->queue_bytes -= q->size;
        *victim = queued_message_free(q);
        if (link->queue_tail == q) {
            /* Recompute the tail: only when the last message went. */
            link->queue_tail = link->queue_head;
            while (link->queue_tail && link->queue_tail->next)
                link->queue_tail = link->queue_tail->next;
        }
        link->dropped++;
    }
}

static int bus_link_enqueue(BusLink *link, DBusMessage *message, bool droppable) {
    char *wire;
    int wire_len;

    assert(link);
    assert(message);

    /* Only on this slow path (nobody reading) is the exact size worth a copy. */
    if (!dbus_message_marshal(message, &wire, &wire_len))
        return -ENOMEM;
    dbus_free(wire);

    QueuedMessage *q = calloc(1, sizeof(*q));
    if (!q)
        return -ENOMEM;
    bus_link_queue_make_room(link, wire_len);
    *q = (QueuedMessage) { .message = dbus_message_ref(message), .size = wire_len, .droppable = droppable };
    if (link->queue_tail)
        link->queue_tail->next = q;
    else
        link->queue_head = q;
    link->queue_tail = q;
    link->queue_bytes += wire_len;
    return 0;
}

/* After losing a report the daemon cannot replay, one Register, once
 * everything before it is out of our hands, brings it up to date. */
static void bus_link_maybe_resync(BusLink *link) {
    assert(link);

    if (!link->resync || link->queue_head || !link->conn)
        return;
    link->resync = false;
    link->on_register(link, 0, link->userdata);
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

int bus_link_send(BusLink *link, DBusMessage *message, bool droppable) {
    assert(link);
    assert(message);

    int r = bus_link_connect(link, false);
    if (r < 0)
        return r;
    /* The common case: nothing waits, straight to libdbus, which tries
     * one non-blocking write of this one message at once; reading is left
     * to the pump.  With a backlog, the pump writes it in batches, so a
     * notifier never pays for more than its own message. */
    if (!link->queue_head && !dbus_connection_has_messages_to_send(link->conn))
        return dbus_connection_send(link->conn, message, NULL) ? 0 : -ENOMEM;
    return bus_link_enqueue(link, message, droppable);
}

bool bus_link_pending(const BusLink *link) {
    assert(link);

    if (!link->conn || link->conn_pid != getpid())
        return false;
    return link->queue_head || link->resync || !dbus_connection_get_is_authenticated(link->conn) ||
           dbus_connection_has_messages_to_send(link->conn);
}

int bus_link_call(BusLink *link, DBusMessage *message, unsigned timeout_ms, DBusMessage **ret_reply) {
    dbus_uint32_t serial;
    bool new_owner = false;
    int r;

    assert(link);
    assert(message);
    assert(ret_reply);
    assert(!dbus_message_get_no_reply(message));

    *ret_reply = NULL;
    uint64_t deadline = now_usec() + (uint64_t) timeout_ms * 1000;

    /* Worth an attempt even while throttled: pppd asks at most once per
     * link for secrets, and without an answer it falls back to its files. */
    r = bus_link_connect(link, true);
    if (r < 0)
        return r;
    /* Behind everything queued, Register included: the daemon must know
     * this pid before it can answer for it. */
    if (!bus_link_handoff(link, true) || !dbus_connection_send(link->conn, message, &serial))
        return -ENOMEM;

    /* read_write() polls the socket (authentication and Hello included,
     * which libdbus completes in order before our call goes out) for at
     * most the time left; replies to other calls are not ours to keep. */
    r = -ETIMEDOUT;
    for (;;) {
        DBusMessage *m;
        while ((m = dbus_connection_pop_message(link->conn))) {
            int type = dbus_message_get_type(m);
            if ((type == DBUS_MESSAGE_TYPE_METHOD_RETURN || type == DBUS_MESSAGE_TYPE_ERROR) &&
                dbus_message_get_reply_serial(m) == serial && !*ret_reply) {
                *ret_reply = m;
                r = 0;
                continue;
            }
            new_owner = bus_link_handle_incoming(link, m) || new_owner;
            dbus_message_unref(m);
        }
        if (r == 0)
            break;
        if (!dbus_connection_get_is_connected(link->conn)) {
            r = -ENOTCONN;
            break;
        }
        uint64_t now = now_usec();
        if (now >= deadline)
            break;
        dbus_connection_read_write(link->conn, (int) ((deadline - now + 999) / 1000));
    }
    if (new_owner && dbus_connection_get_is_connected(link->conn))
        link->on_register(link, 0, link->userdata);
    return r;
}

int bus_link_pump(BusLink *link) {
    assert(link);

    if (!link->conn || link->conn_pid != getpid())
        return -ENOTCONN;

    /* One batch per call: the rest waits for the next tick. */
    (void) bus_link_handoff(link, false);
    (void) bus_link_poke(link);
    if (bus_link_discard_incoming(link)) {
        link->on_register(link, 0, link->userdata);
        (void) bus_link_poke(link);
    }
    bus_link_maybe_resync(link);
    if (!dbus_connection_get_is_connected(link->conn)) {
        bus_link_drop(link);
        bus_link_set_error(link, "disconnected from the bus");
        link->retry_after_usec = now_usec() + RETRY_INTERVAL_USEC;
        return -ENOTCONN;
    }
    return bus_link_pending(link) ? 1 : 0;
}

void bus_link_flush(BusLink *link, unsigned timeout_ms) {
    assert(link);

    if (!link->conn || link->conn_pid != getpid())
        return;

    uint64_t deadline = now_usec() + (uint64_t) timeout_ms * 1000;
    (void) bus_link_handoff(link, true);
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
