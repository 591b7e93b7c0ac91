/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* kill -9 of the daemon with links up, then a restart with the same
 * runtime and state directories: the fake pppds register again (as the
 * plugin does when the daemon's name comes back), every handle is back in
 * the state it had, later reports reach it, hang-up still works, and no
 * handle is given out twice.  A link that ends while the daemon is dead
 * comes back RASCS_Disconnected with the dwError it really ended with:
 * the plugin kept pppd's exit status where the new daemon reads it. */

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "test-daemon.h"
#include "windows.h"

static FakePlugin plugins[4];

static void setup(void) {
    for (size_t i = 0; i < 4; i++)
        plugins[i] = FAKE_PLUGIN_NULL;
}

static void teardown(void) {
    for (size_t i = 0; i < 4; i++)
        test_plugin_cleanup(&plugins[i]);
}

/* kill -9 once the daemon has saved every handle in hs, then a restart. */
static void restart_daemon(const HRASCONN *hs, size_t n) {
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(test_daemon_await_saved((uintptr_t) hs[i]), 0);
    ck_assert_int_eq(test_daemon_kill(SIGKILL), 0);
    ck_assert_int_eq(test_daemon_start(), 0);
}

START_TEST(test_connected_link_keeps_its_handle_and_state_across_kill_9) {
    HRASCONN h = test_spawn_connected(&plugins[0], "restart", 0);
    RASCONNSTATUSA before = test_status(h);

    restart_daemon(&h, 1);
    /* the handle from the daemon's saved table at once (the table is
     * written after each loop iteration's bus work, so its state may be
     * a step behind) ... */
    RASCONNSTATUSA after = test_status(h);
    /* ... the state from the plugin's new Register */
    ck_assert_int_eq(fake_plugin_await_registered(&plugins[0], 1), 0);
    after = test_status(h);
    ck_assert_int_eq(after.rasconnstate, before.rasconnstate);
    ck_assert_uint_eq(after.dwError, before.dwError);
    ck_assert_str_eq(after.szDeviceName, before.szDeviceName);
    ck_assert_str_eq(after.szDeviceType, before.szDeviceType);

    RASCONNA conn = { .dwSize = sizeof(conn) };
    DWORD cb = sizeof(conn), n = 0;
    ck_assert_uint_eq(RasEnumConnectionsA(&conn, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_ptr_eq(conn.hrasconn, h);
    ck_assert_str_eq(conn.szEntryName, "restart");

    RASPPPIPA ip = { .dwSize = sizeof(ip) };
    cb = sizeof(ip);
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_SUCCESS);
    ck_assert_str_eq(ip.szIpAddress, "10.64.0.1");

    /* hang-up works on the restored handle: SIGTERM reaches the pppd */
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(h, ev, RASCN_Disconnection), ERROR_SUCCESS);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    int status;
    ck_assert_int_eq(fake_plugin_wait(&plugins[0], TEST_TIMEOUT_MS, &status), 0);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    CloseHandle(ev);
    RASCONNSTATUSA gone = { .dwSize = sizeof(gone) };
    for (int i = 0; i < 3 && RasGetConnectStatusA(h, &gone) == ERROR_SUCCESS; i++)
        (void) RasHangUpA(h);   /* a lingering handle is retired by hanging up */
    ck_assert_uint_eq(RasGetConnectStatusA(h, &gone), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_link_restored_while_projecting_goes_on_to_connected) {
    HRASCONN h, other;

    ck_assert_int_eq(fake_plugin_spawn(&plugins[0], 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugins[0], "halfway"), 0);
    ck_assert_int_eq(fake_plugin_phase(&plugins[0], 7), 0);
    ck_assert_int_eq(test_handle_for_pid(plugins[0].pid, &h), 0);

    restart_daemon(&h, 1);
    ck_assert_int_eq(fake_plugin_await_registered(&plugins[0], 1), 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_AuthProject);
    ck_assert_uint_eq(test_count_connections(), 0);

    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(h, ev, RASCN_Connection), ERROR_SUCCESS);
    ck_assert_int_eq(fake_plugin_ip_up(&plugins[0], "ppp0", "10.64.0.1", "10.64.0.2"), 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    CloseHandle(ev);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_Connected);

    /* a new pppd after the restart gets a new handle, never an old one */
    other = test_spawn_connected(&plugins[1], "after", 0);
    ck_assert_uint_gt((uintptr_t) other, (uintptr_t) h);
    ck_assert_uint_eq(test_count_connections(), 2);
}
END_TEST

START_TEST(test_restart_twice_with_links_in_two_states) {
    HRASCONN up = test_spawn_connected(&plugins[0], "up", 0);
    HRASCONN dialling;

    ck_assert_int_eq(fake_plugin_spawn(&plugins[1], 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugins[1], "dialling"), 0);
    ck_assert_int_eq(fake_plugin_phase(&plugins[1], 2), 0);
    ck_assert_int_eq(test_handle_for_pid(plugins[1].pid, &dialling), 0);

    for (unsigned round = 1; round <= 2; round++) {
        restart_daemon((HRASCONN[]) { up, dialling }, 2);
        ck_assert_int_eq(fake_plugin_await_registered(&plugins[0], round), 0);
        ck_assert_int_eq(fake_plugin_await_registered(&plugins[1], round), 0);
        ck_assert_int_eq(test_status(up).rasconnstate, RASCS_Connected);
        ck_assert_int_eq(test_status(dialling).rasconnstate, RASCS_ConnectDevice);
        ck_assert_uint_eq(test_count_connections(), 1);
    }
}
END_TEST

START_TEST(test_dialled_link_survives_kill_9_and_hangs_up) {
    test_write_entry("dialled-restart", "connect");
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    HRASCONN h = NULL;

    strcpy(p.szEntryName, "dialled-restart");
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    /* the daemon was pppd's parent; after the restart only the pidfd tells */
    restart_daemon(&h, 1);
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(h, ev, RASCN_Connection), ERROR_SUCCESS);
    /* saved a step behind, the pppd's new Register brings it back */
    if (test_status(h).rasconnstate != RASCS_Connected)
        ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    CloseHandle(ev);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_Connected);
    ck_assert_uint_eq(test_count_connections(), 1);

    DBusConnection *watch = test_watch_removed();
    ck_assert_ptr_nonnull(watch);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_int_eq(test_wait_removed(watch, h), 0);
    test_watch_done(watch);
    RASCONNSTATUSA st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
}
END_TEST

/* The fake pppd ends while no daemon listens: its Exit report finds no
 * one (as the plugin's would), and it exits. */
static void end_while_daemon_dead(FakePlugin *p, int32_t status, bool peer_terminated, bool report) {
    if (report)
        ck_assert_int_eq(fake_plugin_exit(p, status, peer_terminated), -EREMOTEIO);
    ck_assert_int_eq(fake_plugin_quit(p, status), 0);
    int st;
    ck_assert_int_eq(fake_plugin_wait(p, TEST_TIMEOUT_MS, &st), 0);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == status);
}

START_TEST(test_links_that_ended_while_the_daemon_was_dead_come_back_disconnected_with_their_error) {
    HRASCONN h[4];
    h[0] = test_spawn_connected(&plugins[0], "stays-up", 0);
    h[1] = test_spawn_connected(&plugins[1], "peer-hung-up", 0);
    h[2] = test_spawn_connected(&plugins[2], "dead-link", 0);
    h[3] = test_spawn_connected(&plugins[3], "auth-failed", 0);
    for (size_t i = 0; i < 4; i++)
        ck_assert_int_eq(test_daemon_await_saved((uintptr_t) h[i]), 0);
    ck_assert_int_eq(test_daemon_kill(SIGKILL), 0);

    end_while_daemon_dead(&plugins[1], 16, true, true);     /* LCP Terminate-Request seen: 629 */
    end_while_daemon_dead(&plugins[2], 16, false, true);    /* echoes unanswered: 829 */
    end_while_daemon_dead(&plugins[3], 19, false, true);    /* EXIT_AUTH_TOPEER_FAILED: 691 */

    ck_assert_int_eq(test_daemon_start(), 0);
    ck_assert_int_eq(fake_plugin_await_registered(&plugins[0], 1), 0);
    ck_assert_int_eq(test_status(h[0]).rasconnstate, RASCS_Connected);
    static const DWORD errors[] = { 0, ERROR_REMOTE_DISCONNECTION, ERROR_LINK_FAILURE, ERROR_AUTHENTICATION_FAILURE };
    for (size_t i = 1; i < 4; i++) {
        RASCONNSTATUSA st = test_status(h[i]);
        ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
        ck_assert_uint_eq(st.dwError, errors[i]);
    }
    ck_assert_uint_eq(test_count_connections(), 1);

    /* and it stays across yet another restart, until RasHangUp */
    ck_assert_int_eq(test_daemon_kill(SIGKILL), 0);
    ck_assert_int_eq(test_daemon_start(), 0);
    RASCONNSTATUSA st = test_status(h[1]);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, 629);
    for (size_t i = 1; i < 4; i++) {
        ck_assert_uint_eq(RasHangUpA(h[i]), ERROR_SUCCESS);
        ck_assert_uint_eq(RasGetConnectStatusA(h[i], &st), ERROR_INVALID_HANDLE);
    }
}
END_TEST

START_TEST(test_link_killed_without_a_report_while_the_daemon_was_dead_is_link_failure) {
    HRASCONN h = test_spawn_connected(&plugins[0], "killed", 0);
    ck_assert_int_eq(test_daemon_await_saved((uintptr_t) h), 0);
    ck_assert_int_eq(test_daemon_kill(SIGKILL), 0);
    fake_plugin_done(&plugins[0]);    /* SIGKILL: nothing kept */
    ck_assert_int_eq(test_daemon_start(), 0);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_LINK_FAILURE);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
}
END_TEST

Suite *restart_suite(void) {
    Suite *s = suite_create("restart");
    TCase *tc = test_tcase(s, "kill_9", setup, teardown);

    tcase_add_test(tc, test_connected_link_keeps_its_handle_and_state_across_kill_9);
    tcase_add_test(tc, test_link_restored_while_projecting_goes_on_to_connected);
    tcase_add_test(tc, test_restart_twice_with_links_in_two_states);
    tcase_add_test(tc, test_dialled_link_survives_kill_9_and_hangs_up);
    tcase_add_test(tc, test_links_that_ended_while_the_daemon_was_dead_come_back_disconnected_with_their_error);
    tcase_add_test(tc, test_link_killed_without_a_report_while_the_daemon_was_dead_is_link_failure);
    return s;
}
