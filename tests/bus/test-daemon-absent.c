/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* When the daemon cannot be reached every call returns
 * ERROR_RASMAN_CANNOT_INITIALIZE (711; pppras(7)), never a crash or a hang.
 * Each case runs the calls in a forked child with its own
 * DBUS_SYSTEM_BUS_ADDRESS, so the test process keeps the real bus. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
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
#include "windows.h"

static const char *const call_names[] = {
    "RasEnumConnectionsA", "RasEnumConnectionsW", "RasGetConnectStatusA", "RasGetConnectStatusW",
    "RasHangUpA", "RasHangUpW", "RasConnectionNotificationA", "RasConnectionNotificationW",
};
#define N_CALLS (sizeof(call_names) / sizeof(call_names[0]))

/* In the child: every API call that needs the daemon; exits 0 when all
 * gave 711, else 1 + the index of the first that did not. */
static _Noreturn void run_calls(void) {
    HRASCONN h = (HRASCONN) (uintptr_t) 0x1234;
    RASCONNA conn = { .dwSize = sizeof(conn) };
    RASCONNW wconn = { .dwSize = sizeof(wconn) };
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };
    RASCONNSTATUSW wstatus = { .dwSize = sizeof(wstatus) };
    DWORD cb, n;
    DWORD results[N_CALLS];
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);

    if (!ev)
        _exit(100);
    cb = sizeof(conn);
    results[0] = RasEnumConnectionsA(&conn, &cb, &n);
    cb = sizeof(wconn);
    results[1] = RasEnumConnectionsW(&wconn, &cb, &n);
    results[2] = RasGetConnectStatusA(h, &status);
    results[3] = RasGetConnectStatusW(h, &wstatus);
    results[4] = RasHangUpA(h);
    results[5] = RasHangUpW(h);
    results[6] = RasConnectionNotificationA(INVALID_HANDLE_VALUE, ev, RASCN_Connection);
    results[7] = RasConnectionNotificationW(h, ev, RASCN_Disconnection);
    for (size_t i = 0; i < N_CALLS; i++)
        if (results[i] != ERROR_RASMAN_CANNOT_INITIALIZE) {
            fprintf(stderr, "%s gave %u, expected 711\n", call_names[i], results[i]);
            _exit(1 + (int) i);
        }
    _exit(0);
}

static void assert_every_call_gives_711_with_bus_address(const char *address) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (address)
            setenv("DBUS_SYSTEM_BUS_ADDRESS", address, 1);
        else
            unsetenv("DBUS_SYSTEM_BUS_ADDRESS");
        alarm(TEST_TIMEOUT_MS / 1000);   /* "never a hang": SIGALRM fails the case */
        run_calls();
    }

    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_msg(WIFEXITED(status), "child died of signal %d (crash or hang)",
                  WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    int code = WEXITSTATUS(status);
    ck_assert_msg(code == 0, "%s did not return ERROR_RASMAN_CANNOT_INITIALIZE",
                  code >= 1 && code <= (int) N_CALLS ? call_names[code - 1] : "CreateEvent");
}

START_TEST(test_no_bus_at_all_every_call_is_rasman_cannot_initialize_711) {
    assert_every_call_gives_711_with_bus_address("unix:path=/nonexistent");
}
END_TEST

/* A second dbus-daemon on which nobody owns org.pppras.Ras1. */
static pid_t start_empty_bus(char *address, size_t size) {
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char fd_arg[32];
        close(fds[0]);
        int null = open("/dev/null", O_WRONLY);   /* it complains about fd limits as non-system bus */
        if (null >= 0)
            dup2(null, STDERR_FILENO);
        snprintf(fd_arg, sizeof(fd_arg), "--print-address=%d", fds[1]);
        execlp("dbus-daemon", "dbus-daemon", "--session", "--nofork", "--nopidfile", fd_arg, (char *) NULL);
        _exit(127);
    }
    close(fds[1]);

    /* The address line comes once the bus listens. */
    struct pollfd pfd = { .fd = fds[0], .events = POLLIN };
    size_t len = 0;
    while (len < size - 1 && (len == 0 || address[len - 1] != '\n')) {
        ck_assert_msg(poll(&pfd, 1, TEST_TIMEOUT_MS) == 1, "dbus-daemon did not print its address");
        ssize_t k = read(fds[0], address + len, size - 1 - len);
        ck_assert_msg(k > 0, "dbus-daemon exited before printing its address");
        len += (size_t) k;
    }
    address[len] = 0;
    address[strcspn(address, "\n")] = 0;
    close(fds[0]);
    return pid;
}

START_TEST(test_bus_without_daemon_every_call_is_rasman_cannot_initialize_711) {
    char address[512];
    pid_t bus = start_empty_bus(address, sizeof(address));

    assert_every_call_gives_711_with_bus_address(address);
    kill(bus, SIGTERM);
    ck_assert_int_eq(waitpid(bus, NULL, 0), bus);
}
END_TEST

START_TEST(test_get_error_string_needs_no_daemon) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char buf[256];
        setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent", 1);
        _exit(RasGetErrorStringA(711, buf, sizeof(buf)) == ERROR_SUCCESS && buf[0] ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

Suite *daemon_absent_suite(void) {
    Suite *s = suite_create("daemon_absent");
    TCase *tc = tcase_create("711");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_no_bus_at_all_every_call_is_rasman_cannot_initialize_711);
    tcase_add_test(tc, test_bus_without_daemon_every_call_is_rasman_cannot_initialize_711);
    tcase_add_test(tc, test_get_error_string_needs_no_daemon);
    suite_add_tcase(s, tc);
    return s;
}
