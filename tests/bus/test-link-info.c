/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetConnectionStatistics, RasGetProjectionInfo (RASP_PppIp) and
 * RasGetSubEntryHandle on links a fake pppd drives through its states:
 * invalid handles, dwSize and lpcb, short buffers, a link whose IP is not
 * up yet, a subentry past the last. */

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "windows.h"

#define INVALID_PARAMETER "org.pppras.Ras1.Error.InvalidParameter"

static FakePlugin plugin;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
}

/* A handle the daemon never gave out, and NULL: both are invalid. */
static const uintptr_t bad_handles[] = { 0, 0x1234, UINT64_MAX - 1 };

/* A link in RASCS_AuthProject: pppd in its network phase, IPCP not up. */
static HRASCONN spawn_projecting(void) {
    HRASCONN h;
    ck_assert_int_eq(fake_plugin_spawn(&plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register(&plugin, "fake"), 0);
    ck_assert_int_eq(fake_plugin_phase(&plugin, 7), 0);
    ck_assert_int_eq(test_handle_for_pid(plugin.pid, &h), 0);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_AuthProject);
    return h;
}

/* ------------------------------------------ RasGetConnectionStatistics */

START_TEST(test_statistics_of_an_invalid_handle_is_6) {
    RAS_STATS st = { .dwSize = sizeof(st) };
    ck_assert_uint_eq(RasGetConnectionStatistics((HRASCONN) bad_handles[_i], &st), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_statistics_null_or_bad_dwsize_is_refused) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RAS_STATS st = { .dwSize = sizeof(st) - 4 };

    ck_assert_uint_eq(RasGetConnectionStatistics(h, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasGetConnectionStatistics(h, &st), ERROR_INVALID_SIZE);
    st.dwSize = sizeof(st) + 4;
    ck_assert_uint_eq(RasGetConnectionStatistics(h, &st), ERROR_INVALID_SIZE);
}
END_TEST

START_TEST(test_statistics_of_a_connected_link) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RAS_STATS st;

    memset(&st, 0xa5, sizeof(st));
    st.dwSize = sizeof(st);
    ck_assert_uint_eq(RasGetConnectionStatistics(h, &st), ERROR_SUCCESS);
    ck_assert_uint_eq(st.dwSize, sizeof(st));
    /* pppd counts no framing or compression errors: zero, not left as given */
    ck_assert_uint_eq(st.dwCrcErr, 0);
    ck_assert_uint_eq(st.dwCompressionRatioIn, 0);
}
END_TEST

START_TEST(test_statistics_of_a_retired_handle_is_6) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RAS_STATS st = { .dwSize = sizeof(st) };

    test_hang_up_and_wait(h);
    ck_assert_uint_eq(RasGetConnectionStatistics(h, &st), ERROR_INVALID_HANDLE);
}
END_TEST

/* ------------------------------------------------ RasGetProjectionInfo */

START_TEST(test_projection_of_an_invalid_handle_is_6) {
    RASPPPIPA ip = { .dwSize = sizeof(ip) };
    RASPPPIPW wip = { .dwSize = sizeof(wip) };
    DWORD cb = sizeof(ip);
    HRASCONN h = (HRASCONN) bad_handles[_i];

    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_INVALID_HANDLE);
    cb = sizeof(wip);
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIp, &wip, &cb), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_projection_before_ip_is_up_is_730) {
    HRASCONN h = spawn_projecting();
    RASPPPIPA ip = { .dwSize = sizeof(ip) };
    RASPPPIPW wip = { .dwSize = sizeof(wip) };
    DWORD cb = sizeof(ip);
    uint64_t handle = (uintptr_t) h;
    TestBusError e;
    int r;

    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_PROJECTION_NOT_COMPLETE);
    cb = sizeof(wip);
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIp, &wip, &cb), ERROR_PROJECTION_NOT_COMPLETE);
    r = test_manager_call(&e, NULL, "GetProjectionInfo", DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID);
    test_assert_bus_error(r, &e, INVALID_PARAMETER, ERROR_PROJECTION_NOT_COMPLETE);

    /* IPCP up: now it is there */
    ck_assert_int_eq(fake_plugin_ip_up(&plugin, "ppp0", "10.64.0.1", "10.64.0.2"), 0);
    cb = sizeof(ip);
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_SUCCESS);
    ck_assert_str_eq(ip.szIpAddress, "10.64.0.1");
}
END_TEST

START_TEST(test_projection_of_a_connected_link_gives_both_addresses) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RASPPPIPA ip;
    RASPPPIPW wip = { .dwSize = sizeof(wip) };
    DWORD cb = sizeof(ip);

    memset(&ip, 0x5a, sizeof(ip));
    ip.dwSize = sizeof(ip);
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, sizeof(ip));
    ck_assert_uint_eq(ip.dwError, 0);
    ck_assert_str_eq(ip.szIpAddress, "10.64.0.1");
    ck_assert_str_eq(ip.szServerIpAddress, "10.64.0.2");
    cb = sizeof(wip);
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIp, &wip, &cb), ERROR_SUCCESS);
    ck_assert(wcscmp(wip.szIpAddress, L"10.64.0.1") == 0);
    ck_assert(wcscmp(wip.szServerIpAddress, L"10.64.0.2") == 0);
}
END_TEST

START_TEST(test_projection_buffer_protocol) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    RASPPPIPA ip = { .dwSize = sizeof(ip) };
    RASPPPIPW wip = { .dwSize = sizeof(wip) };
    DWORD cb = 0;

    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, NULL), ERROR_INVALID_PARAMETER);
    /* no buffer: the size it takes */
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, NULL, &cb), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASPPPIPA));
    cb = 0;
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIp, NULL, &cb), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASPPPIPW));
    /* a buffer shorter than its own dwSize */
    cb = sizeof(ip) - 1;
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASPPPIPA));
    cb = 2;
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIp, &wip, &cb), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASPPPIPW));
    /* no RASPPPIP version has this size */
    ip.dwSize = sizeof(ip) + 8;
    cb = sizeof(ip);
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppIp, &ip, &cb), ERROR_INVALID_SIZE);
    wip.dwSize = sizeof(RASPPPIPA);
    cb = sizeof(wip);
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIp, &wip, &cb), ERROR_INVALID_SIZE);
}
END_TEST

START_TEST(test_projection_other_protocols) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    unsigned char buf[512] = {};
    DWORD cb = sizeof(buf);

    /* pppras reports IP only: the others as if not configured */
    ck_assert_uint_eq(RasGetProjectionInfoA(h, RASP_PppLcp, buf, &cb), ERROR_PROTOCOL_NOT_CONFIGURED);
    ck_assert_uint_eq(RasGetProjectionInfoW(h, RASP_PppIpx, buf, &cb), ERROR_PROTOCOL_NOT_CONFIGURED);
    ck_assert_uint_eq(RasGetProjectionInfoA(h, (RASPROJECTION) 0x4242, buf, &cb), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasGetProjectionInfoA(test_hrasconn(0x1234), RASP_PppLcp, buf, &cb), ERROR_INVALID_HANDLE);
}
END_TEST

/* ------------------------------------------------ RasGetSubEntryHandle */

START_TEST(test_sub_entry_handle_of_an_invalid_handle_is_6) {
    HRASCONN sub = NULL;
    HRASCONN h = (HRASCONN) bad_handles[_i];

    ck_assert_uint_eq(RasGetSubEntryHandleA(h, 1, &sub), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasGetSubEntryHandleW(h, 1, &sub), ERROR_INVALID_HANDLE);
    ck_assert_ptr_null(sub);
}
END_TEST

START_TEST(test_sub_entry_one_of_a_single_link_is_a_handle_of_its_own) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HRASCONN sub = NULL, wsub = NULL;

    ck_assert_uint_eq(RasGetSubEntryHandleA(h, 1, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasGetSubEntryHandleA(h, 1, &sub), ERROR_SUCCESS);
    ck_assert_ptr_nonnull(sub);
    ck_assert_ptr_ne(sub, h);
    ck_assert_uint_eq(RasGetSubEntryHandleW(h, 1, &wsub), ERROR_SUCCESS);
    ck_assert_ptr_eq(wsub, sub);
    ck_assert_int_eq(test_status(sub).rasconnstate, RASCS_Connected);
}
END_TEST

START_TEST(test_sub_entry_past_the_last_is_no_more_items) {
    HRASCONN h = test_spawn_connected(&plugin, "fake", 0);
    HRASCONN sub = NULL;
    uint64_t handle = (uintptr_t) h;
    uint32_t two = 2;
    TestBusError e;

    ck_assert_uint_eq(RasGetSubEntryHandleA(h, 2, &sub), ERROR_NO_MORE_ITEMS);
    ck_assert_uint_eq(RasGetSubEntryHandleW(h, 2, &sub), ERROR_NO_MORE_ITEMS);
    ck_assert_uint_eq(RasGetSubEntryHandleA(h, 0, &sub), ERROR_NO_MORE_ITEMS);
    ck_assert_ptr_null(sub);
    int r = test_manager_call(&e, NULL, "GetSubEntryHandle", DBUS_TYPE_UINT64, &handle, DBUS_TYPE_UINT32, &two,
                              DBUS_TYPE_INVALID);
    test_assert_bus_error(r, &e, INVALID_PARAMETER, ERROR_NO_MORE_ITEMS);
}
END_TEST

Suite *link_info_suite(void) {
    Suite *s = suite_create("link_info");
    int n_bad = (int) (sizeof(bad_handles) / sizeof(bad_handles[0]));
    TCase *tc = test_tcase(s, "statistics", setup, teardown);

    tcase_add_loop_test(tc, test_statistics_of_an_invalid_handle_is_6, 0, n_bad);
    tcase_add_test(tc, test_statistics_null_or_bad_dwsize_is_refused);
    tcase_add_test(tc, test_statistics_of_a_connected_link);
    tcase_add_test(tc, test_statistics_of_a_retired_handle_is_6);

    tc = test_tcase(s, "projection", setup, teardown);
    tcase_add_loop_test(tc, test_projection_of_an_invalid_handle_is_6, 0, n_bad);
    tcase_add_test(tc, test_projection_before_ip_is_up_is_730);
    tcase_add_test(tc, test_projection_of_a_connected_link_gives_both_addresses);
    tcase_add_test(tc, test_projection_buffer_protocol);
    tcase_add_test(tc, test_projection_other_protocols);

    tc = test_tcase(s, "sub_entry", setup, teardown);
    tcase_add_loop_test(tc, test_sub_entry_handle_of_an_invalid_handle_is_6, 0, n_bad);
    tcase_add_test(tc, test_sub_entry_one_of_a_single_link_is_a_handle_of_its_own);
    tcase_add_test(tc, test_sub_entry_past_the_last_is_no_more_items);
    return s;
}
