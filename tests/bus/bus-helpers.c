/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dbus/dbus.h>
#include <errno.h>
#include <string.h>

#include "bus-helpers.h"
#include "connection-object.h"
#include "pppras-bus.h"

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

void test_plugin_cleanup(FakePlugin *p) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };
    HRASCONN h = NULL;
    HANDLE ev;

    assert(p);
    if (p->pid <= 0 || test_handle_for_pid(p->pid, &h) < 0) {
        fake_plugin_done(p);
        return;
    }
    ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    if (ev && RasConnectionNotificationA(h, ev, RASCN_Disconnection) != ERROR_SUCCESS) {
        CloseHandle(ev);
        ev = NULL;
    }
    (void) RasHangUpA(h);
    fake_plugin_done(p);   /* SIGKILL: no grace period to sit out */
    for (int i = 0; i < 3 && RasGetConnectStatusA(h, &status) == ERROR_SUCCESS; i++) {
        if (!ev || WaitForSingleObject(ev, TEST_TIMEOUT_MS) != WAIT_OBJECT_0)
            break;
        /* A handle that ended on its own lingers; hanging up retires it. */
        (void) RasHangUpA(h);
    }
    if (ev)
        CloseHandle(ev);
}
