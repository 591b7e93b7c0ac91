/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasHangUp against a fake pppd: "The connection is terminated", "After
 * this call, the hrasconn handle can no longer be used", and the daemon's
 * hang-up state machine (SIGTERM, SIGKILL after the grace period). */

#include <dbus/dbus.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "windows.h"

/* Covers the daemon's grace period (5 s by default, --grace-period=N). */
#define GRACE_WAIT_MS 30000

static FakePlugin plugin;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
}

static HANDLE disconnection_event(HRASCONN h) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(h, ev, RASCN_Disconnection), ERROR_SUCCESS);
    return ev;
}

/* The seed's loop, "while (RasGetConnectStatus(...) != ERROR_INVALID_HANDLE)
 * Sleep(0);", waiting on the disconnection event between the calls. */
static void wait_until_handle_invalid(HRASCONN h, HANDLE ev) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };
    DWORD r;
    int rounds = 0;

    while ((r = RasGetConnectStatusA(h, &status)) != ERROR_INVALID_HANDLE) {
        ck_assert_uint_eq(r, ERROR_SUCCESS);
        ck_assert_msg(rounds++ < 3, "handle still valid after the disconnection event");
        ck_assert_msg(WaitForSingleObject(ev, GRACE_WAIT_MS) == WAIT_OBJECT_0,
                      "no RASCN_Disconnection (state %d)", (int) status.rasconnstate);
    }
}

START_TEST(test_hang_up_terminates_pppd_with_sigterm_and_handle_becomes_invalid) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HANDLE ev = disconnection_event(h);

    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    /* Hanging up: no longer listed as active. */
    ck_assert_uint_eq(test_count_connections(), 0);
    wait_until_handle_invalid(h, ev);

    int status;
    ck_assert_int_eq(fake_plugin_wait(&plugin, TEST_TIMEOUT_MS, &status), 0);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                  "fake pppd did not exit 0 from SIGTERM (status 0x%x)", status);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_per_handle_disconnection_notification_fires_when_hung_up) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HANDLE ev = disconnection_event(h);

    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_disconnection_notification_for_all_fires_when_any_connection_ends) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(INVALID_HANDLE_VALUE, ev, RASCN_Disconnection), ERROR_SUCCESS);
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);

    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_hang_up_of_a_hung_up_handle_is_error_invalid_handle) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HANDLE ev = disconnection_event(h);

    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    wait_until_handle_invalid(h, ev);
    /* "After this call, the hrasconn handle can no longer be used." */
    ck_assert_uint_eq(RasHangUpA(h), ERROR_INVALID_HANDLE);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_pppd_ignoring_sigterm_is_sigkilled_after_grace_period) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", FAKE_PLUGIN_IGNORE_SIGTERM);
    HANDLE ev = disconnection_event(h);

    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    /* A second RasHangUp while hanging up succeeds and does nothing more. */
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);

    int status;
    ck_assert_int_eq(fake_plugin_wait(&plugin, GRACE_WAIT_MS, &status), 0);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                  "fake pppd was not SIGKILLed (status 0x%x)", status);
    wait_until_handle_invalid(h, ev);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_pppd_exiting_after_peer_hang_up_leaves_handle_disconnected_629_until_hang_up) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HANDLE ev = disconnection_event(h);

    ck_assert_int_eq(fake_plugin_exit(&plugin, 16, true), 0);
    ck_assert_int_eq(fake_plugin_quit(&plugin, 16), 0);
    int status;
    ck_assert_int_eq(fake_plugin_wait(&plugin, TEST_TIMEOUT_MS, &status), 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);

    /* The handle stays valid and tells why the link ended (until the
     * daemon's --linger period is over). */
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_REMOTE_DISCONNECTION);
    ck_assert_uint_eq(st.dwError, 629);
    ck_assert_uint_eq(test_count_connections(), 0);

    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_pppd_killed_without_exit_report_is_link_failure_829) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HANDLE ev = disconnection_event(h);

    kill(plugin.pid, SIGKILL);
    ck_assert_int_eq(fake_plugin_wait(&plugin, TEST_TIMEOUT_MS, NULL), 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_LINK_FAILURE);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    CloseHandle(ev);
}
END_TEST

/* One call the daemon answers itself (not the library's cache): when it
 * returns, the daemon has dispatched what was ready before it. */
static void daemon_round_trip(void) {
    DBusError e;
    dbus_error_init(&e);
    DBusConnection *c = dbus_bus_get_private(DBUS_BUS_SYSTEM, &e);
    ck_assert_ptr_nonnull(c);
    dbus_connection_set_exit_on_disconnect(c, FALSE);
    DBusMessage *m = dbus_message_new_method_call("org.pppras.Ras1", "/org/pppras/Ras1",
                                                  "org.pppras.Ras1.Manager", "EnumConnections");
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(c, m, TEST_TIMEOUT_MS, &e);
    ck_assert_msg(reply, "EnumConnections: %s", e.message);
    dbus_message_unref(reply);
    dbus_message_unref(m);
    dbus_connection_close(c);
    dbus_connection_unref(c);
}

/* Another client connects and leaves the bus; returns once the bus has
 * announced it (NameOwnerChanged), so the daemon has been sent it too. */
static void another_client_leaves_the_bus(void) {
    DBusError e;
    dbus_error_init(&e);
    DBusConnection *watcher = dbus_bus_get_private(DBUS_BUS_SYSTEM, &e);
    DBusConnection *other = dbus_bus_get_private(DBUS_BUS_SYSTEM, &e);
    ck_assert_ptr_nonnull(watcher);
    ck_assert_ptr_nonnull(other);
    dbus_connection_set_exit_on_disconnect(watcher, FALSE);
    dbus_connection_set_exit_on_disconnect(other, FALSE);
    char name[64], match[256];
    snprintf(name, sizeof(name), "%s", dbus_bus_get_unique_name(other));
    snprintf(match, sizeof(match), "type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged',arg0='%s'", name);
    dbus_bus_add_match(watcher, match, &e);
    ck_assert_msg(!dbus_error_is_set(&e), "AddMatch: %s", e.message);
    dbus_connection_close(other);
    dbus_connection_unref(other);

    bool gone = false;
    for (int rounds = 0; !gone && rounds < 100; rounds++) {
        if (!dbus_connection_read_write(watcher, 100))
            break;
        DBusMessage *m;
        while ((m = dbus_connection_pop_message(watcher))) {
            const char *n = NULL;
            if (dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
                dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &n, DBUS_TYPE_INVALID) && strcmp(n, name) == 0)
                gone = true;
            dbus_message_unref(m);
        }
    }
    ck_assert_msg(gone, "no NameOwnerChanged for %s", name);
    dbus_connection_close(watcher);
    dbus_connection_unref(watcher);
}

START_TEST(test_exit_report_after_pppd_ended_is_not_lost_when_another_client_leaves_the_bus) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HANDLE ev = disconnection_event(h);

    /* pppd's process ends while its plugin's last report is still on the
     * way (its bus connection lives on in a child): the daemon waits for
     * the plugin's name to go before it decides there was no report. */
    ck_assert_int_eq(fake_plugin_detach(&plugin), 0);
    ck_assert_int_eq(fake_plugin_wait(&plugin, TEST_TIMEOUT_MS, NULL), 0);
    /* two round trips: the daemon has seen the process end by now (the
     * pidfd was ready before the first call was sent) */
    daemon_round_trip();
    daemon_round_trip();

    another_client_leaves_the_bus();
    daemon_round_trip();
    RASCONNSTATUSA st = test_status(h);
    ck_assert_msg(st.rasconnstate != RASCS_Disconnected,
                  "another client leaving the bus ended the wait for pppd's report (error %u)",
                  (unsigned) st.dwError);

    ck_assert_int_eq(fake_plugin_exit(&plugin, 16, true), 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_REMOTE_DISCONNECTION);
    ck_assert_int_eq(fake_plugin_quit(&plugin, 0), 0);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_hang_up_works_before_the_connection_is_complete) {
    HRASCONN h;
    /* "The connection is terminated even if the RasDial call has not yet
     * been completed." */
    ck_assert_int_eq(fake_plugin_spawn(&plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), 0);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 4), 0);
    ck_assert_int_eq(test_handle_for_pid(plugin.pid, &h), 0);
    HANDLE ev = disconnection_event(h);

    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    wait_until_handle_invalid(h, ev);
    int status;
    ck_assert_int_eq(fake_plugin_wait(&plugin, TEST_TIMEOUT_MS, &status), 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CloseHandle(ev);
}
END_TEST

Suite *hangup_suite(void) {
    Suite *s = suite_create("hangup");
    TCase *tc = tcase_create("RasHangUp");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 90);
    tcase_add_test(tc, test_hang_up_terminates_pppd_with_sigterm_and_handle_becomes_invalid);
    tcase_add_test(tc, test_exit_report_after_pppd_ended_is_not_lost_when_another_client_leaves_the_bus);
    tcase_add_test(tc, test_per_handle_disconnection_notification_fires_when_hung_up);
    tcase_add_test(tc, test_disconnection_notification_for_all_fires_when_any_connection_ends);
    tcase_add_test(tc, test_hang_up_of_a_hung_up_handle_is_error_invalid_handle);
    tcase_add_test(tc, test_pppd_ignoring_sigterm_is_sigkilled_after_grace_period);
    tcase_add_test(tc, test_pppd_exiting_after_peer_hang_up_leaves_handle_disconnected_629_until_hang_up);
    tcase_add_test(tc, test_pppd_killed_without_exit_report_is_link_failure_829);
    tcase_add_test(tc, test_hang_up_works_before_the_connection_is_complete);
    suite_add_tcase(s, tc);
    return s;
}
