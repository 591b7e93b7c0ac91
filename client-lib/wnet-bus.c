/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib-macro.h"
#include "pppras-bus.h"
#include "raserror.h"
#include "winerror.h"
#include "wnet-bus.h"
#include "wnet-errors.h"
#include "wnet-last-error.h"

static pthread_mutex_t wnet_bus_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t wnet_bus_once = PTHREAD_ONCE_INIT;
static DBusConnection *wnet_bus;
static pid_t wnet_bus_pid;

/* Keep the lock consistent across fork() and make the child forget the
 * parent's connection (leaked on purpose: the parent's libdbus owns it). */
static void atfork_prepare(void) {
    pthread_mutex_lock(&wnet_bus_lock);
}

static void atfork_parent(void) {
    pthread_mutex_unlock(&wnet_bus_lock);
}

static void atfork_child(void) {
    wnet_bus = NULL;
    wnet_bus_pid = 0;
    pthread_mutex_unlock(&wnet_bus_lock);
}

static void init_once(void) {
    dbus_threads_init_default();
    pthread_atfork(atfork_prepare, atfork_parent, atfork_child);
}

static DWORD acquire(DBusConnection **ret) {
    DBusError error;
    DWORD code = 0;

    assert(ret);

    pthread_once(&wnet_bus_once, init_once);
    dbus_error_init(&error);

    pthread_mutex_lock(&wnet_bus_lock);
    if (wnet_bus && wnet_bus_pid != getpid())
        wnet_bus = NULL;              /* forked behind pthread_atfork's back */
    if (wnet_bus && !dbus_connection_get_is_connected(wnet_bus)) {
        dbus_connection_close(wnet_bus);
        dbus_connection_unref(wnet_bus);
        wnet_bus = NULL;
    }
    if (!wnet_bus) {
        DBusConnection *c = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
        if (c) {
            dbus_connection_set_exit_on_disconnect(c, FALSE);
            wnet_bus = c;
            wnet_bus_pid = getpid();
        } else
            code = dbus_error_has_name(&error, DBUS_ERROR_NO_MEMORY) ? ERROR_NOT_ENOUGH_MEMORY : ERROR_NO_NETWORK;
    }
    if (wnet_bus)
        *ret = dbus_connection_ref(wnet_bus);
    pthread_mutex_unlock(&wnet_bus_lock);

    dbus_error_free(&error);
    return code;
}

static DWORD code_from_error(const DBusError *error) {
    assert(error);

    uint32_t code = wnet_error_to_code(error->name);

    /* a newer daemon's names we do not know still carry "CODE: text" */
    if (code == ERROR_UNKNOWN && error->message &&
        strncmp(error->name, PPPRAS_ERROR_PREFIX, strlen(PPPRAS_ERROR_PREFIX)) == 0) {
        char *end;
        unsigned long v = strtoul(error->message, &end, 10);
        if (end != error->message && *end == ':' && v > 0 && v <= UINT32_MAX)
            code = (uint32_t) v;
    }
    if (code == ERROR_EXTENDED_ERROR)
        wnet_last_error_set_from_message(error->message);
    else
        (void) wnet_last_error_set_if_provider(error->message);
    return code;
}

DWORD wnet_bus_new_call(const char *method, DBusMessage **ret) {
    assert(method);
    assert(ret);

    *ret = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_NETWORK_IFACE, method);
    return *ret ? 0 : ERROR_NOT_ENOUGH_MEMORY;
}

DWORD wnet_bus_call(DBusMessage *call, int timeout_ms, DBusMessage **ret_reply) {
    _cleanup_(wnet_message_unrefp) DBusMessage *retry = NULL;

    assert(call);
    assert(ret_reply);

    /* the bus may have gone away since the last call: reconnect once */
    for (unsigned attempt = 0;; attempt++) {
        DBusConnection *c;
        DBusMessage *reply, *m;
        DBusError error;
        DWORD code;

        code = acquire(&c);
        if (code != 0)
            return code;

        dbus_error_init(&error);
        reply = dbus_connection_send_with_reply_and_block(c, retry ?: call, timeout_ms, &error);
        while ((m = dbus_connection_pop_message(c)))     /* NameAcquired and the like */
            dbus_message_unref(m);
        dbus_connection_unref(c);

        if (reply) {
            *ret_reply = reply;
            return 0;
        }
        if (attempt == 0 && dbus_error_has_name(&error, DBUS_ERROR_DISCONNECTED)) {
            dbus_error_free(&error);
            retry = dbus_message_copy(call);
            if (!retry)
                return ERROR_NOT_ENOUGH_MEMORY;
            continue;
        }
        code = code_from_error(&error);
        dbus_error_free(&error);
        return code;
    }
}
