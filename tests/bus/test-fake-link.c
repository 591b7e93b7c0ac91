/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* A fake pppd reports a connection over org.pppras.Ras1.Link; the RAS API
 * must show it exactly as the seed pages say. */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "windows.h"

static FakePlugin plugin;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
}

START_TEST(test_enum_connections_cannot_enumerate_a_connection_until_ras_has_connected) {
    HRASCONN h;
    DWORD cb = 0, n = 99;

    ck_assert_int_eq(fake_plugin_spawn(&plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), 0);
    ck_assert_int_eq(test_handle_for_pid(plugin.pid, &h), 0);

    /* "RasEnumConnections cannot enumerate a connection as Active until
     * RAS has successfully connected." */
    ck_assert_uint_eq(RasEnumConnectionsA(NULL, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_OpenPort);

    ck_assert_int_eq(fake_plugin_phase(&plugin, 2), 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_ConnectDevice);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 4), 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_AllDevicesConnected);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 5), 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_Authenticate);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 7), 0);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_AuthProject);
    ck_assert_uint_eq(st.dwError, 0);
    ck_assert_uint_eq(test_count_connections(), 0);

    ck_assert_int_eq(fake_plugin_ip_up(&plugin, "ppp0", "10.64.0.1", "10.64.0.2"), 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_Connected);
    ck_assert_uint_eq(test_count_connections(), 1);
}
END_TEST

START_TEST(test_get_connect_status_of_connected_link_reports_device_and_no_error) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RASCONNSTATUSA st = test_status(h);
    RASCONNSTATUSW wst = { .dwSize = sizeof(wst) };

    ck_assert_int_eq(st.rasconnstate, RASCS_Connected);
    ck_assert_uint_eq(st.dwError, 0);
    ck_assert_str_eq(st.szDeviceType, "pty");
    ck_assert_str_eq(st.szDeviceName, "/dev/pts/99");
    ck_assert_uint_eq(RasGetConnectStatusW(h, &wst), ERROR_SUCCESS);
    ck_assert_int_eq(wst.rasconnstate, RASCS_Connected);
    ck_assert(wcscmp(wst.szDeviceType, L"pty") == 0);
}
END_TEST

START_TEST(test_enum_connections_null_buffer_gives_buffer_too_small_and_required_size) {
    test_spawn_connected(&plugin, "fake", 0);
    DWORD cb = 0, n = 0;

    ck_assert_uint_eq(RasEnumConnectionsA(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASCONNA));
    cb = 0;
    ck_assert_uint_eq(RasEnumConnectionsW(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASCONNW));
}
END_TEST

START_TEST(test_enum_connections_exact_buffer_lists_handle_and_entry_name) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    DWORD cb = 0, n = 0;

    /* The seed's pattern: ask for the size, allocate, set dwSize, call again. */
    ck_assert_uint_eq(RasEnumConnectionsA(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    LPRASCONNA conns = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, cb);
    ck_assert_ptr_nonnull(conns);
    conns[0].dwSize = sizeof(RASCONNA);
    ck_assert_uint_eq(RasEnumConnectionsA(conns, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(cb, sizeof(RASCONNA));
    ck_assert_uint_eq(conns[0].dwSize, sizeof(RASCONNA));
    ck_assert_ptr_eq(conns[0].hrasconn, h);
    ck_assert_str_eq(conns[0].szEntryName, "fake");
    ck_assert_str_eq(conns[0].szDeviceType, "pty");
    ck_assert_str_eq(conns[0].szDeviceName, "/dev/pts/99");
    HeapFree(GetProcessHeap(), 0, conns);
}
END_TEST

START_TEST(test_enum_connections_w_gives_entry_name_as_wide_text) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RASCONNW conns[1] = { { .dwSize = sizeof(RASCONNW) } };
    DWORD cb = sizeof(conns), n = 0;

    ck_assert_uint_eq(RasEnumConnectionsW(conns, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_ptr_eq(conns[0].hrasconn, h);
    ck_assert(wcscmp(conns[0].szEntryName, L"fake") == 0);
}
END_TEST

START_TEST(test_enum_connections_buffer_smaller_than_needed_gives_603_and_size) {
    test_spawn_connected(&plugin, "fake", 0);
    RASCONNA conn = { .dwSize = sizeof(RASCONNA) };
    DWORD cb = sizeof(conn) - 1, n = 0;

    ck_assert_uint_eq(RasEnumConnectionsA(&conn, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASCONNA));
}
END_TEST

/* Windows x64 RASCONNA sizes: WINVER < 0x400, 0x400, 0x401, 0x500, 0x501, 0x600. */
static const DWORD older_sizes[] = { 36, 416, 680, 696, 708, 724 };

START_TEST(test_enum_connections_accepts_each_older_rasconn_dwsize) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    DWORD size = older_sizes[_i];
    unsigned char *buf = calloc(1, size + 8);
    DWORD cb = size, n = 0;

    ck_assert_ptr_nonnull(buf);
    memset(buf + size, 0x5a, 8);
    memcpy(buf, &size, sizeof(size));
    ck_assert_uint_eq(RasEnumConnectionsA((LPRASCONNA) buf, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(cb, size);

    HRASCONN got;
    memcpy(&got, buf + offsetof(RASCONNA, hrasconn), sizeof(got));
    ck_assert_ptr_eq(got, h);
    ck_assert_str_eq((const char *) buf + offsetof(RASCONNA, szEntryName), "fake");
    for (size_t i = 0; i < 8; i++)
        ck_assert_msg(buf[size + i] == 0x5a, "wrote past the caller's dwSize %u", size);
    free(buf);
}
END_TEST

START_TEST(test_connection_notification_for_all_fires_when_a_connection_is_created) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    /* "If hrasconn is INVALID_HANDLE_VALUE, hEvent is signaled when any RAS
     * connection is created." */
    ck_assert_uint_eq(RasConnectionNotificationA(INVALID_HANDLE_VALUE, ev, RASCN_Connection), ERROR_SUCCESS);

    ck_assert_int_eq(fake_plugin_spawn(&plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), 0);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 7), 0);
    /* Not before the connection is up. */
    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    ck_assert_int_eq(fake_plugin_ip_up(&plugin, "ppp0", "10.64.0.1", "10.64.0.2"), 0);
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    /* "When the event is signaled, use other RAS functions, such as
     * RasEnumConnections, to get more information." */
    ck_assert_uint_eq(test_count_connections(), 1);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_connection_notification_event_is_pollable_fd) {
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert_int_ge(PppRasEventFd(ev), 0);
    ck_assert_uint_eq(RasConnectionNotificationA(INVALID_HANDLE_VALUE, ev, RASCN_Connection), ERROR_SUCCESS);
    test_spawn_connected(&plugin, "fake", 0);
    /* Manual reset: stays signalled for every wait until ResetEvent. */
    ck_assert_uint_eq(WaitForSingleObject(ev, TEST_TIMEOUT_MS), WAIT_OBJECT_0);
    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_OBJECT_0);
    ck_assert(ResetEvent(ev));
    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    CloseHandle(ev);
}
END_TEST

Suite *fake_link_suite(void) {
    Suite *s = suite_create("fake_link");
    TCase *tc = tcase_create("enumerate");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_enum_connections_cannot_enumerate_a_connection_until_ras_has_connected);
    tcase_add_test(tc, test_get_connect_status_of_connected_link_reports_device_and_no_error);
    tcase_add_test(tc, test_enum_connections_null_buffer_gives_buffer_too_small_and_required_size);
    tcase_add_test(tc, test_enum_connections_exact_buffer_lists_handle_and_entry_name);
    tcase_add_test(tc, test_enum_connections_w_gives_entry_name_as_wide_text);
    tcase_add_test(tc, test_enum_connections_buffer_smaller_than_needed_gives_603_and_size);
    tcase_add_loop_test(tc, test_enum_connections_accepts_each_older_rasconn_dwsize, 0,
                        (int) (sizeof(older_sizes) / sizeof(older_sizes[0])));
    suite_add_tcase(s, tc);

    tc = tcase_create("notification");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_connection_notification_for_all_fires_when_a_connection_is_created);
    tcase_add_test(tc, test_connection_notification_event_is_pollable_fd);
    suite_add_tcase(s, tc);
    return s;
}
