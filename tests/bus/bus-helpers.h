/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What the bus tests need beyond the RAS API: finding a connection's
 * handle the way a RasDial caller would have it, from the daemon's
 * Connection objects (ObjectManager), with the tests' own libdbus calls. */

#include <dbus/dbus.h>
#include <stdint.h>
#include <check.h>
#include <sys/types.h>

#include "ras.h"

/* Generous limit for every wait on an event: only a broken daemon hits it. */
#define TEST_TIMEOUT_MS 15000

/* The handle of the connection whose pppd is pid.  0, -ENOENT when the
 * daemon has no such connection, other negative errno on bus failure. */
int test_handle_for_pid(pid_t pid, HRASCONN *ret);

static inline HRASCONN test_hrasconn(uint64_t handle) {
    return (HRASCONN) (uintptr_t) handle;
}

#include "fake-plugin.h"

/* Spawns a fake pppd (flags: FakePluginFlags), lets it report a complete
 * connect for entry, and returns the handle the daemon gave it.  Fails
 * the running test on any error. */
HRASCONN test_spawn_connected(FakePlugin *p, const char *entry, unsigned flags);

/* RasGetConnectStatusA that must succeed; returns the status. */
RASCONNSTATUSA test_status(HRASCONN h);

/* The number of connections RasEnumConnectionsA lists. */
DWORD test_count_connections(void);

/* Teardown: hangs up the fake pppd's connection if the daemon still has
 * it, makes sure the process is gone and waits (on RASCN_Disconnection)
 * until the handle is retired, so the next test starts with no
 * connections.  Best effort: never fails the test. */
void test_plugin_cleanup(FakePlugin *p);

/* Hangs h up and waits (ConnectionRemoved) until the handle is retired.
 * Best effort: never fails the test. */
void test_hang_up_and_wait(HRASCONN h);

/* A connection of our own that sees the daemon's ConnectionRemoved
 * signals from now on; NULL on failure. */
DBusConnection *test_watch_removed(void);
/* Waits until ConnectionRemoved(h) came: 0, or -ETIMEDOUT after
 * TEST_TIMEOUT_MS. */
int test_wait_removed(DBusConnection *watch, HRASCONN h);
void test_watch_done(DBusConnection *watch);

/* A named D-Bus error: its name and the code its message starts with. */
typedef struct TestBusError {
    char name[128];
    unsigned code;
} TestBusError;

/* Calls Manager.method with the tests' own connection, arguments as for
 * dbus_message_append_args().  0: a method return (in *ret_reply if not
 * NULL); -EREMOTEIO: an error reply, in *e; other negative errno. */
int test_manager_call(TestBusError *e, DBusMessage **ret_reply, const char *method, int first_type, ...);

/* Fails the running test unless r and e are the named error `name` whose
 * message carries `code`. */
void test_assert_bus_error(int r, const TestBusError *e, const char *name, unsigned code);

/* Manager.Dial(entry, {}) with the tests' own connection. */
int test_bus_dial(const char *entry, uint64_t *ret_handle, TestBusError *e);

/* Writes (or replaces) the phonebook entry name with contents: for the
 * daemon's fake pppd, "connect", "hold", "discover" or "fail N" (tests/fake-pppd.c). */
void test_write_entry(const char *name, const char *contents);

/* A test case of s with the fixture and a timeout for waits under load. */
TCase *test_tcase(Suite *s, const char *name, void (*setup)(void), void (*teardown)(void));

/* Removes every file from the phonebook. */
void test_clear_phonebook(void);
