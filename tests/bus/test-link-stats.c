/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetLinkStatistics, RasClearConnectionStatistics and
 * RasGetProjectionInfoEx on links a fake pppd drives: the counters of a
 * link whose interface is the loopback (so that the test can make
 * traffic), a reset that starts them again from zero, who may reset, and
 * the IPv4 and IPv6 PPP projection with its size protocol. */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"

#define NOBODY 65534
#define TRAFFIC (1000 * 1000)

static FakePlugin plugin;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
}

/* A connected link whose interface is ifname. */
static HRASCONN spawn_on(const char *ifname) {
    static const uint32_t phases[] = { 2, 4, 5, 7 };
    HRASCONN h;
    ck_assert_int_eq(fake_plugin_spawn(&plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), 0);
    for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++)
        ck_assert_int_eq(fake_plugin_phase(&plugin, phases[i]), 0);
    ck_assert_int_eq(fake_plugin_ip_up(&plugin, ifname, "10.64.0.1", "10.64.0.2"), 0);
    ck_assert_int_eq(test_handle_for_pid(plugin.pid, &h), 0);
    return h;
}

/* TRAFFIC bytes of UDP payload out of the loopback interface. */
static void send_traffic(void) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9), .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    char buf[1000] = {};
    for (int i = 0; i < TRAFFIC / (int) sizeof(buf); i++)
        ck_assert_int_eq(sendto(fd, buf, sizeof(buf), 0, (struct sockaddr *) &to, sizeof(to)), (int) sizeof(buf));
    close(fd);
}

static RAS_STATS stats(HRASCONN h) {
    RAS_STATS st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetConnectionStatistics(h, &st), ERROR_SUCCESS);
    return st;
}

START_TEST(test_clear_starts_the_counters_again_from_zero) {
    HRASCONN h = spawn_on("lo");
    send_traffic();
    ck_assert_uint_eq(RasClearConnectionStatistics(h), ERROR_SUCCESS);
    RAS_STATS after_clear = stats(h);
    /* what went out before the reset is gone from the count */
    ck_assert_uint_lt(after_clear.dwBytesXmited, TRAFFIC);
    send_traffic();
    RAS_STATS later = stats(h);
    ck_assert_uint_ge(later.dwBytesXmited - after_clear.dwBytesXmited, TRAFFIC);
    ck_assert_uint_ge(later.dwFramesXmited - after_clear.dwFramesXmited, TRAFFIC / 1000);
}
END_TEST

START_TEST(test_link_statistics_of_link_1_are_the_links) {
    HRASCONN h = spawn_on("lo");
    ck_assert_uint_eq(RasClearConnectionStatistics(h), ERROR_SUCCESS);
    send_traffic();
    RAS_STATS st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetLinkStatistics(h, 1, &st), ERROR_SUCCESS);
    ck_assert_uint_eq(st.dwSize, sizeof(st));
    ck_assert_uint_ge(st.dwBytesXmited, TRAFFIC);
}
END_TEST

START_TEST(test_link_statistics_error_paths) {
    HRASCONN h = spawn_on("ppp0");
    RAS_STATS st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetLinkStatistics(h, 2, &st), ERROR_NO_MORE_ITEMS);
    ck_assert_uint_eq(RasGetLinkStatistics(h, 0, &st), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasGetLinkStatistics(h, 1, NULL), ERROR_INVALID_PARAMETER);
    st.dwSize = sizeof(st) + 4;
    ck_assert_uint_eq(RasGetLinkStatistics(h, 1, &st), ERROR_INVALID_SIZE);
    st.dwSize = sizeof(st);
    ck_assert_uint_eq(RasGetLinkStatistics(NULL, 1, &st), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasGetLinkStatistics((HRASCONN) (uintptr_t) 0x1234, 1, &st), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasClearConnectionStatistics(NULL), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasClearConnectionStatistics((HRASCONN) (uintptr_t) 0x1234), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasClearConnectionStatistics(INVALID_HANDLE_VALUE), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_only_who_may_hang_up_may_clear) {
    ck_assert_msg(geteuid() == 0, "needs root (to become nobody)");
    HRASCONN h = spawn_on("ppp0");
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (setresgid(NOBODY, NOBODY, NOBODY) < 0 || setresuid(NOBODY, NOBODY, NOBODY) < 0)
            _exit(1);
        RAS_STATS st = { .dwSize = sizeof(st) };
        /* reading stays everyone's */
        if (RasGetLinkStatistics(h, 1, &st) != ERROR_SUCCESS)
            _exit(2);
        _exit(RasClearConnectionStatistics(h) == ERROR_ACCESS_DENIED ? 0 : 3);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

/* --------------------------------------------- RasGetProjectionInfoEx */

static DWORD projection(HRASCONN h, RAS_PROJECTION_INFO *info) {
    memset(info, 0xa5, sizeof(*info));
    info->version = RASAPIVERSION_CURRENT;
    DWORD cb = sizeof(*info);
    return RasGetProjectionInfoEx(h, info, &cb);
}

START_TEST(test_projection_ex_gives_ipv4_then_ipv6) {
    HRASCONN h;
    RAS_PROJECTION_INFO info;

    ck_assert_int_eq(fake_plugin_spawn(&plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), 0);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 7), 0);
    ck_assert_int_eq(test_handle_for_pid(plugin.pid, &h), 0);
    ck_assert_uint_eq(projection(h, &info), ERROR_PROJECTION_NOT_COMPLETE);

    ck_assert_int_eq(fake_plugin_ip_up(&plugin, "ppp0", "10.64.0.1", "10.64.0.2"), 0);
    ck_assert_uint_eq(projection(h, &info), ERROR_SUCCESS);
    ck_assert_int_eq(info.version, RASAPIVERSION_601);
    ck_assert_int_eq(info.type, PROJECTION_INFO_TYPE_PPP);
    ck_assert_uint_eq(info.ppp.dwIPv4NegotiationError, 0);
    char addr[INET_ADDRSTRLEN];
    ck_assert_str_eq(inet_ntop(AF_INET, &info.ppp.ipv4Address, addr, sizeof(addr)), "10.64.0.1");
    ck_assert_str_eq(inet_ntop(AF_INET, &info.ppp.ipv4ServerAddress, addr, sizeof(addr)), "10.64.0.2");
    ck_assert_uint_eq(info.ppp.dwIPv6NegotiationError, ERROR_PROJECTION_NOT_COMPLETE);
    ck_assert_int_eq(info.ppp.fMultilink, FALSE);
    ck_assert_int_eq(info.ppp.fBundled, FALSE);
    ck_assert_uint_eq(info.ppp.dwCcpError, 0);   /* zeroed, not left as given */

    ck_assert_int_eq(fake_plugin_ip6_up(&plugin, "ppp0", "fe80::1234:5678:9abc:def0", "fe80::1"), 0);
    ck_assert_uint_eq(projection(h, &info), ERROR_SUCCESS);
    ck_assert_uint_eq(info.ppp.dwIPv6NegotiationError, 0);
    static const BYTE iid[8] = { 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0 };
    static const BYTE server_iid[8] = { 0, 0, 0, 0, 0, 0, 0, 1 };
    ck_assert_mem_eq(info.ppp.bInterfaceIdentifier, iid, 8);
    ck_assert_mem_eq(info.ppp.bServerInterfaceIdentifier, server_iid, 8);
}
END_TEST

START_TEST(test_projection_ex_size_protocol_and_errors) {
    HRASCONN h = spawn_on("ppp0");
    RAS_PROJECTION_INFO info = { .version = RASAPIVERSION_CURRENT };
    DWORD cb = 0;
    ck_assert_uint_eq(RasGetProjectionInfoEx(h, NULL, &cb), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RAS_PROJECTION_INFO));
    cb = sizeof(info) - 1;
    ck_assert_uint_eq(RasGetProjectionInfoEx(h, &info, &cb), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RAS_PROJECTION_INFO));
    ck_assert_uint_eq(RasGetProjectionInfoEx(h, &info, NULL), ERROR_INVALID_PARAMETER);
    info.version = RASAPIVERSION_500;
    cb = sizeof(info);
    ck_assert_uint_eq(RasGetProjectionInfoEx(h, &info, &cb), ERROR_INVALID_PARAMETER);
    info.version = RASAPIVERSION_CURRENT;
    ck_assert_uint_eq(RasGetProjectionInfoEx(NULL, &info, &cb), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasGetProjectionInfoEx((HRASCONN) (uintptr_t) 0x1234, &info, &cb), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasGetProjectionInfoEx(h, &info, &cb), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, sizeof(RAS_PROJECTION_INFO));
}
END_TEST

START_TEST(test_without_the_daemon_link_calls_are_711) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent", 1);
        alarm(TEST_TIMEOUT_MS / 1000);
        HRASCONN h = (HRASCONN) (uintptr_t) 0x1234;
        RAS_STATS st = { .dwSize = sizeof(st) };
        RAS_PROJECTION_INFO info = { .version = RASAPIVERSION_CURRENT };
        DWORD cb = sizeof(info);
        _exit(RasGetLinkStatistics(h, 1, &st) == ERROR_RASMAN_CANNOT_INITIALIZE &&
                      RasClearConnectionStatistics(h) == ERROR_RASMAN_CANNOT_INITIALIZE &&
                      RasGetProjectionInfoEx(h, &info, &cb) == ERROR_RASMAN_CANNOT_INITIALIZE ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

Suite *link_stats_suite(void) {
    Suite *s = suite_create("link_stats");
    TCase *tc = test_tcase(s, "statistics", setup, teardown);
    tcase_add_test(tc, test_clear_starts_the_counters_again_from_zero);
    tcase_add_test(tc, test_link_statistics_of_link_1_are_the_links);
    tcase_add_test(tc, test_link_statistics_error_paths);
    tcase_add_test(tc, test_only_who_may_hang_up_may_clear);

    tc = test_tcase(s, "projection_ex", setup, teardown);
    tcase_add_test(tc, test_projection_ex_gives_ipv4_then_ipv6);
    tcase_add_test(tc, test_projection_ex_size_protocol_and_errors);
    tcase_add_test(tc, test_without_the_daemon_link_calls_are_711);
    return s;
}
