/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pppras(7) "Who may do what": the Link interface accepts reports only
 * from uid 0; hanging up is for root, the owner and the hang-up group;
 * anyone may enumerate and read status. */

#include <errno.h>
#include <grp.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "windows.h"

#define NOBODY 65534

static FakePlugin plugin;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
    ck_assert_msg(geteuid() == 0, "the access tests need root (to become nobody)");
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
}

static bool is_access_denied(const char *error_name) {
    /* The bus policy (systemd/org.pppras.Ras1.conf) already refuses Link
     * calls from non-root with the bus's AccessDenied; the daemon refuses
     * them with its own where the policy lets them through. */
    return strcmp(error_name, "org.pppras.Ras1.Error.AccessDenied") == 0 ||
           strcmp(error_name, "org.freedesktop.DBus.Error.AccessDenied") == 0;
}

START_TEST(test_link_calls_from_non_root_are_refused_with_access_denied) {
    HRASCONN h;

    ck_assert_int_eq(fake_plugin_spawn(&plugin, FAKE_PLUGIN_UNPRIVILEGED), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), -EREMOTEIO);
    ck_assert_msg(is_access_denied(plugin.error_name), "Register gave %s", plugin.error_name);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 7), -EREMOTEIO);
    ck_assert_msg(is_access_denied(plugin.error_name), "Phase gave %s", plugin.error_name);
    ck_assert_int_eq(fake_plugin_ip_up(&plugin, "ppp0", "10.64.0.1", "10.64.0.2"), -EREMOTEIO);
    ck_assert_msg(is_access_denied(plugin.error_name), "IpUp gave %s", plugin.error_name);
    ck_assert_int_eq(fake_plugin_exit(&plugin, 5, false), -EREMOTEIO);
    ck_assert_msg(is_access_denied(plugin.error_name), "Exit gave %s", plugin.error_name);
    /* No connection came of it. */
    ck_assert_int_eq(test_handle_for_pid(plugin.pid, &h), -ENOENT);
    ck_assert_uint_eq(test_count_connections(), 0);
}
END_TEST

typedef enum NobodyCall {
    NOBODY_GET_CONNECT_STATUS,
    NOBODY_ENUM_CONNECTIONS,
    NOBODY_HANG_UP,
} NobodyCall;

/* Makes one RAS call on h in a child that became nobody; returns what the
 * call returned (for enumeration: ERROR_SUCCESS only if it listed h). */
static DWORD as_nobody(NobodyCall call, HRASCONN h) {
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        RASCONNSTATUSA st = { .dwSize = sizeof(st) };
        RASCONNA conn = { .dwSize = sizeof(conn) };
        DWORD cb = sizeof(conn), n = 0, r;

        close(fds[0]);
        if (setgroups(0, NULL) < 0 || setresgid(NOBODY, NOBODY, NOBODY) < 0 ||
            setresuid(NOBODY, NOBODY, NOBODY) < 0)
            _exit(1);
        switch (call) {
        case NOBODY_GET_CONNECT_STATUS:
            r = RasGetConnectStatusA(h, &st);
            if (r == ERROR_SUCCESS && st.rasconnstate != RASCS_Connected)
                r = ERROR_UNKNOWN;
            break;
        case NOBODY_ENUM_CONNECTIONS:
            r = RasEnumConnectionsA(&conn, &cb, &n);
            if (r == ERROR_SUCCESS && (n != 1 || conn.hrasconn != h))
                r = ERROR_UNKNOWN;
            break;
        default:
            r = RasHangUpA(h);
        }
        _exit(write(fds[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
    }
    close(fds[1]);

    DWORD result = 0;
    int status;
    ck_assert_int_eq(read(fds[0], &result, sizeof(result)), sizeof(result));
    close(fds[0]);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return result;
}

START_TEST(test_anyone_may_read_status_and_enumerate) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);

    ck_assert_uint_eq(as_nobody(NOBODY_GET_CONNECT_STATUS, h), ERROR_SUCCESS);
    ck_assert_uint_eq(as_nobody(NOBODY_ENUM_CONNECTIONS, h), ERROR_SUCCESS);
}
END_TEST

START_TEST(test_hang_up_from_non_root_non_owner_is_error_access_denied_5) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);

    ck_assert_uint_eq(as_nobody(NOBODY_HANG_UP, h), 5);
    /* The connection is untouched. */
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_Connected);
    ck_assert_int_eq(fake_plugin_wait(&plugin, 0, NULL), -ETIMEDOUT);
}
END_TEST

Suite *access_suite(void) {
    Suite *s = suite_create("access");
    TCase *tc = tcase_create("who_may");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_link_calls_from_non_root_are_refused_with_access_denied);
    tcase_add_test(tc, test_anyone_may_read_status_and_enumerate);
    tcase_add_test(tc, test_hang_up_from_non_root_non_owner_is_error_access_denied_5);
    suite_add_tcase(s, tc);
    return s;
}
