/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Microsoft's RasDial page: "An application must eventually call
 * RasHangUp whenever a non-NULL connection handle is stored into
 * *lphRasConn.  This applies even if RasDial returns a nonzero (error)
 * value."  With the daemon's linger time at 1 s, a failed dial's handle
 * still answers after it, goes on RasHangUp (which returns 0), goes when
 * the dialling process ends, survives a restart, and one uid holds at
 * most 64 such handles.  A pppd started outside Dial keeps the linger
 * rule. */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "test-daemon.h"
#include "windows.h"

#define HOLD_MAX 64    /* DIAL_HOLD_MAX_PER_UID, as documented in RasDial.3 */

static FakePlugin plugin;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
    ck_assert_int_eq(test_daemon_restart_with("--linger=1"), 0);
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
    ck_assert_int_eq(test_daemon_restart_with(""), 0);    /* the next suites' daemon, holding nothing of ours */
}

static HRASCONN dial_failing(const char *entry) {
    test_write_entry(entry, "fail 19");
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    HRASCONN h = NULL;
    snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", entry);
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_AUTHENTICATION_FAILURE);
    ck_assert_ptr_nonnull(h);
    return h;
}

/* A pppd from outside Dial that ends now, and its handle. */
static HRASCONN end_a_registered_link(void) {
    HRASCONN h = test_spawn_connected(&plugin, "outside", 0);
    ck_assert_int_eq(fake_plugin_exit(&plugin, 16, true), 0);
    ck_assert_int_eq(fake_plugin_quit(&plugin, 16), 0);
    int status;
    ck_assert_int_eq(fake_plugin_wait(&plugin, TEST_TIMEOUT_MS, &status), 0);
    return h;
}

START_TEST(test_failed_dial_handle_outlives_the_linger_time_until_hang_up) {
    HRASCONN h = dial_failing("held");
    DBusConnection *watch = test_watch_removed();
    ck_assert_ptr_nonnull(watch);
    /* ended after the dial: once its linger time is over, the dial's is too */
    HRASCONN outside = end_a_registered_link();
    ck_assert_int_eq(test_wait_removed(watch, outside), 0);
    test_watch_done(watch);

    RASCONNSTATUSA st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetConnectStatusA(outside, &st), ERROR_INVALID_HANDLE);
    st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_AUTHENTICATION_FAILURE);

    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_failed_dial_handle_goes_when_the_dialling_process_ends) {
    DBusConnection *watch = test_watch_removed();
    ck_assert_ptr_nonnull(watch);
    test_write_entry("orphan", "fail 19");
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        /* dials, never hangs up, exits */
        RASDIALPARAMSA p = { .dwSize = sizeof(p) };
        HRASCONN h = NULL;
        strcpy(p.szEntryName, "orphan");
        DWORD code = RasDialA(NULL, NULL, &p, 0, NULL, &h);
        uint64_t handle = code == ERROR_AUTHENTICATION_FAILURE ? (uintptr_t) h : 0;
        _exit(write(fds[1], &handle, sizeof(handle)) == sizeof(handle) ? 0 : 1);
    }
    close(fds[1]);
    uint64_t handle = 0;
    ck_assert_int_eq(read(fds[0], &handle, sizeof(handle)), sizeof(handle));
    close(fds[0]);
    ck_assert_uint_ne(handle, 0);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    ck_assert_int_eq(test_wait_removed(watch, test_hrasconn(handle)), 0);
    test_watch_done(watch);
    RASCONNSTATUSA st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetConnectStatusA(test_hrasconn(handle), &st), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_failed_dial_handle_is_still_held_after_a_restart) {
    HRASCONN h = dial_failing("restarted");
    ck_assert_int_eq(test_daemon_await_saved((uintptr_t) h), 0);
    ck_assert_int_eq(test_daemon_kill(SIGKILL), 0);
    ck_assert_int_eq(test_daemon_start(), 0);

    DBusConnection *watch = test_watch_removed();
    ck_assert_ptr_nonnull(watch);
    HRASCONN outside = end_a_registered_link();
    ck_assert_int_eq(test_wait_removed(watch, outside), 0);
    test_watch_done(watch);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_AUTHENTICATION_FAILURE);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
}
END_TEST

/* RasDialA of entry (a "fail 1" one) from this process: its code. */
static DWORD dial(const char *entry, HRASCONN *h) {
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", entry);
    *h = NULL;
    return RasDialA(NULL, NULL, &p, 0, NULL, h);
}

START_TEST(test_dial_beyond_the_per_uid_cap_is_limit_exceeded) {
    HRASCONN handles[HOLD_MAX], more;
    char entry[32];

    for (unsigned i = 0; i <= HOLD_MAX; i++) {
        snprintf(entry, sizeof(entry), "cap%u", i);
        test_write_entry(entry, "fail 1");
    }
    for (unsigned i = 0; i < HOLD_MAX; i++) {
        snprintf(entry, sizeof(entry), "cap%u", i);
        ck_assert_uint_ne(dial(entry, &handles[i]), ERROR_SUCCESS);
        ck_assert_ptr_nonnull(handles[i]);
    }
    /* the daemon says LimitExceeded, which the library reads as 14 */
    ck_assert_uint_eq(dial("cap64", &more), ERROR_OUTOFMEMORY);
    ck_assert_ptr_null(more);

    /* RasHangUp gives one back */
    ck_assert_uint_eq(RasHangUpA(handles[0]), ERROR_SUCCESS);
    ck_assert_uint_ne(dial("cap64", &more), ERROR_OUTOFMEMORY);
    ck_assert_ptr_nonnull(more);
}
END_TEST

Suite *dial_hold_suite(void) {
    Suite *s = suite_create("dial_hold");
    TCase *tc = test_tcase(s, "held", setup, teardown);

    tcase_add_test(tc, test_failed_dial_handle_outlives_the_linger_time_until_hang_up);
    tcase_add_test(tc, test_failed_dial_handle_goes_when_the_dialling_process_ends);
    tcase_add_test(tc, test_failed_dial_handle_is_still_held_after_a_restart);
    tcase_add_test(tc, test_dial_beyond_the_per_uid_cap_is_limit_exceeded);
    return s;
}
