/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dbus/dbus.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bus-helpers.h"
#include "connection-object.h"
#include "pppras-bus.h"
#include "test-daemon.h"

int test_handle_for_pid(pid_t pid, HRASCONN *ret) {
    DBusMessageIter args, objects;
    DBusConnection *bus;
    DBusMessage *m, *reply;
    DBusError error;
    int r = -ENOENT;

    assert(pid > 0);
    assert(ret);

    dbus_error_init(&error);
    bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (!bus) {
        dbus_error_free(&error);
        return -ECONNREFUSED;
    }
    dbus_connection_set_exit_on_disconnect(bus, false);

    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, "org.freedesktop.DBus.ObjectManager",
                                     "GetManagedObjects");
    reply = m ? dbus_connection_send_with_reply_and_block(bus, m, TEST_TIMEOUT_MS, &error) : NULL;
    if (m)
        dbus_message_unref(m);
    if (!reply) {
        dbus_error_free(&error);
        r = -EIO;
        goto finish;
    }

    if (!dbus_message_iter_init(reply, &args) || strcmp(dbus_message_get_signature(reply), "a{oa{sa{sv}}}") != 0) {
        r = -EBADMSG;
        goto finish;
    }
    dbus_message_iter_recurse(&args, &objects);
    for (; dbus_message_iter_get_arg_type(&objects) == DBUS_TYPE_DICT_ENTRY; dbus_message_iter_next(&objects)) {
        DBusMessageIter object;
        uint32_t object_pid = 0;
        uint64_t handle = 0;

        dbus_message_iter_recurse(&objects, &object);
        dbus_message_iter_next(&object);   /* past the path */
        if (connection_object_read(&object, &object_pid, &handle) && object_pid == (uint32_t) pid) {
            *ret = test_hrasconn(handle);
            r = 0;
            break;
        }
    }

finish:
    if (reply)
        dbus_message_unref(reply);
    dbus_connection_close(bus);
    dbus_connection_unref(bus);
    return r;
}

#include <check.h>

HRASCONN test_spawn_connected(FakePlugin *p, const char *entry, unsigned flags) {
    HRASCONN h = NULL;
    int r;

    r = fake_plugin_spawn(p, flags);
    ck_assert_msg(r == 0, "fake plugin did not start: %s %s", strerror(-r), p->error_name);
    r = fake_plugin_connect(p, entry);
    ck_assert_msg(r == 0, "fake plugin connect failed: %s %s", strerror(-r), p->error_name);
    r = test_handle_for_pid(p->pid, &h);
    ck_assert_msg(r == 0, "no Connection object for pid %d: %s", (int) p->pid, strerror(-r));
    ck_assert_ptr_nonnull(h);
    return h;
}

RASCONNSTATUSA test_status(HRASCONN h) {
    RASCONNSTATUSA status;

    memset(&status, 0, sizeof(status));
    status.dwSize = sizeof(status);
    ck_assert_uint_eq(RasGetConnectStatusA(h, &status), ERROR_SUCCESS);
    return status;
}

DWORD test_count_connections(void) {
    DWORD cb = 0, n = 0, r;

    r = RasEnumConnectionsA(NULL, &cb, &n);
    if (r == ERROR_SUCCESS) {
        ck_assert_uint_eq(cb, 0);
        return n;
    }
    ck_assert_uint_eq(r, ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb % sizeof(RASCONNA), 0);
    return cb / sizeof(RASCONNA);
}

#include "windows.h"

/* After a hang-up: wait for RASCN_Disconnection on ev (registered before
 * it) until the handle is retired.  A handle that ended on its own
 * lingers; hanging up again retires it. */
static void wait_retired(HRASCONN h, HANDLE ev) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };

    for (int i = 0; i < 3 && RasGetConnectStatusA(h, &status) == ERROR_SUCCESS; i++) {
        if (!ev || WaitForSingleObject(ev, TEST_TIMEOUT_MS) != WAIT_OBJECT_0)
            break;
        (void) RasHangUpA(h);
    }
}

static HANDLE watch_disconnection(HRASCONN h) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    if (ev && RasConnectionNotificationA(h, ev, RASCN_Disconnection) != ERROR_SUCCESS) {
        CloseHandle(ev);
        ev = NULL;
    }
    return ev;
}

void test_plugin_cleanup(FakePlugin *p) {
    HRASCONN h = NULL;
    HANDLE ev;

    assert(p);
    if (p->pid <= 0 || test_handle_for_pid(p->pid, &h) < 0) {
        fake_plugin_done(p);
        return;
    }
    ev = watch_disconnection(h);
    (void) RasHangUpA(h);
    fake_plugin_done(p);   /* SIGKILL: no grace period to sit out */
    wait_retired(h, ev);
    if (ev)
        CloseHandle(ev);
}

void test_hang_up_and_wait(HRASCONN h) {
    DBusConnection *watch = test_watch_removed();
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };

    if (RasHangUpA(h) == ERROR_SUCCESS && RasGetConnectStatusA(h, &status) == ERROR_SUCCESS && watch)
        (void) test_wait_removed(watch, h);
    test_watch_done(watch);
}

/* ------------------------------------------------ raw Manager calls */

static DBusConnection *open_bus(void) {
    DBusError error;
    dbus_error_init(&error);
    DBusConnection *bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    dbus_error_free(&error);
    if (bus)
        dbus_connection_set_exit_on_disconnect(bus, false);
    return bus;
}

/* Sends m (unref'd here) and sorts out the answer as test_manager_call(). */
static int send_call(DBusMessage *m, TestBusError *e, DBusMessage **ret_reply) {
    DBusConnection *bus = open_bus();
    DBusMessage *reply = NULL;
    DBusError error;
    int r;

    assert(e);
    *e = (TestBusError) {};
    dbus_error_init(&error);
    if (!bus || !m)
        r = -ENOMEM;
    else {
        reply = dbus_connection_send_with_reply_and_block(bus, m, TEST_TIMEOUT_MS, &error);
        r = reply ? 0 : -EREMOTEIO;
    }
    if (dbus_error_is_set(&error)) {
        snprintf(e->name, sizeof(e->name), "%s", error.name);
        e->code = error.message ? (unsigned) strtoul(error.message, NULL, 10) : 0;
        dbus_error_free(&error);
    }
    if (reply && ret_reply)
        *ret_reply = reply;
    else if (reply)
        dbus_message_unref(reply);
    if (m)
        dbus_message_unref(m);
    if (bus) {
        dbus_connection_close(bus);
        dbus_connection_unref(bus);
    }
    return r;
}

int test_manager_call(TestBusError *e, DBusMessage **ret_reply, const char *method, int first_type, ...) {
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, method);
    va_list ap;

    va_start(ap, first_type);
    if (m && !dbus_message_append_args_valist(m, first_type, ap)) {
        dbus_message_unref(m);
        m = NULL;
    }
    va_end(ap);
    return send_call(m, e, ret_reply);
}

void test_assert_bus_error(int r, const TestBusError *e, const char *name, unsigned code) {
    ck_assert_msg(r == -EREMOTEIO, "expected the error %s, got %s", name, r == 0 ? "success" : strerror(-r));
    ck_assert_str_eq(e->name, name);
    ck_assert_uint_eq(e->code, code);
}

int test_bus_dial(const char *entry, uint64_t *ret_handle, TestBusError *e) {
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, "Dial");
    DBusMessage *reply = NULL;
    DBusMessageIter args, dict;

    if (m) {
        dbus_message_iter_init_append(m, &args);
        if (!dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &entry) ||
            !dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict) ||
            !dbus_message_iter_close_container(&args, &dict)) {
            dbus_message_unref(m);
            m = NULL;
        }
    }
    int r = send_call(m, e, &reply);
    if (r == 0) {
        dbus_uint64_t handle = 0;
        if (!dbus_message_get_args(reply, NULL, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID))
            r = -EBADMSG;
        if (ret_handle)
            *ret_handle = handle;
        dbus_message_unref(reply);
    }
    return r;
}

/* ------------------------------------------------ ConnectionRemoved */

#define REMOVED_MATCH "type='signal',interface='" PPPRAS_MANAGER_IFACE "',member='ConnectionRemoved'"

DBusConnection *test_watch_removed(void) {
    DBusConnection *bus = open_bus();
    DBusError error;

    if (!bus)
        return NULL;
    dbus_error_init(&error);
    dbus_bus_add_match(bus, REMOVED_MATCH, &error);   /* blocks until the bus has it */
    if (dbus_error_is_set(&error)) {
        dbus_error_free(&error);
        test_watch_done(bus);
        return NULL;
    }
    return bus;
}

int test_wait_removed(DBusConnection *watch, HRASCONN h) {
    struct timespec start, now;

    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        DBusMessage *m;
        while ((m = dbus_connection_pop_message(watch))) {
            dbus_uint64_t handle = 0;
            bool match = dbus_message_is_signal(m, PPPRAS_MANAGER_IFACE, "ConnectionRemoved") &&
                         dbus_message_get_args(m, NULL, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID) &&
                         test_hrasconn(handle) == h;
            dbus_message_unref(m);
            if (match)
                return 0;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = TEST_TIMEOUT_MS - ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000);
        if (left <= 0)
            return -ETIMEDOUT;
        if (!dbus_connection_read_write(watch, (int) left))
            return -ECONNRESET;
    }
}

void test_watch_done(DBusConnection *watch) {
    if (watch) {
        dbus_connection_close(watch);
        dbus_connection_unref(watch);
    }
}

/* ------------------------------------------------ the phonebook */

void test_write_entry(const char *name, const char *contents) {
    char path[PATH_MAX];

    snprintf(path, sizeof(path), "%s/%s", test_phonebook_dir(), name);
    FILE *f = fopen(path, "we");
    ck_assert_msg(f != NULL, "cannot write %s: %s", path, strerror(errno));
    ck_assert_int_ge(fprintf(f, "%s\n", contents), 0);
    ck_assert_int_eq(fclose(f), 0);
}

static int remove_below(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void) st;
    (void) type;
    return ftw->level > 0 && remove(path) < 0 ? -1 : 0;
}

TCase *test_tcase(Suite *s, const char *name, void (*setup)(void), void (*teardown)(void)) {
    TCase *tc = tcase_create(name);

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 120);
    suite_add_tcase(s, tc);
    return tc;
}

void test_clear_phonebook(void) {
    ck_assert_int_eq(nftw(test_phonebook_dir(), remove_below, 16, FTW_DEPTH | FTW_PHYS), 0);
}
