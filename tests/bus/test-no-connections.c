/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The daemon with no connections, and argument checking, through the
 * public API.  These tests hold in any order with any other suite: they
 * never use a handle the daemon issued. */

#include <string.h>

#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "windows.h"

/* A handle the daemon never issued (its counter starts at the wall clock's µs). */
#define NEVER_ISSUED ((HRASCONN) (uintptr_t) 0x1234)

START_TEST(test_enum_connections_with_null_buffer_and_no_connections_succeeds_with_cb_0_n_0) {
    DWORD cb = 0, n = 99;

    ck_assert_uint_eq(RasEnumConnectionsA(NULL, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, 0);
    ck_assert_uint_eq(n, 0);
    cb = 0;
    n = 99;
    ck_assert_uint_eq(RasEnumConnectionsW(NULL, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, 0);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_enum_connections_with_buffer_and_no_connections_gives_zero_connections) {
    RASCONNA conn[2];
    DWORD cb = sizeof(conn), n = 99;

    memset(conn, 0, sizeof(conn));
    conn[0].dwSize = sizeof(RASCONNA);
    ck_assert_uint_eq(RasEnumConnectionsA(conn, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_get_connect_status_of_never_issued_handle_is_error_invalid_handle) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };
    RASCONNSTATUSW wstatus = { .dwSize = sizeof(wstatus) };

    ck_assert_uint_eq(RasGetConnectStatusA(NEVER_ISSUED, &status), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasGetConnectStatusW(NEVER_ISSUED, &wstatus), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(ERROR_INVALID_HANDLE, 6);
}
END_TEST

START_TEST(test_hang_up_of_never_issued_handle_is_error_invalid_handle) {
    ck_assert_uint_eq(RasHangUpA(NEVER_ISSUED), 6);
    ck_assert_uint_eq(RasHangUpW(NEVER_ISSUED), 6);
}
END_TEST

START_TEST(test_get_connect_status_of_null_handle_is_error_invalid_handle) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };

    ck_assert_uint_eq(RasGetConnectStatusA(NULL, &status), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(RasHangUpA(NULL), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_get_connect_status_null_struct_is_invalid_parameter_87) {
    ck_assert_uint_eq(RasGetConnectStatusA(NEVER_ISSUED, NULL), 87);
    ck_assert_uint_eq(RasGetConnectStatusW(NEVER_ISSUED, NULL), 87);
}
END_TEST

START_TEST(test_get_connect_status_zero_dwsize_is_invalid_size_632) {
    RASCONNSTATUSA status = { .dwSize = 0 };
    RASCONNSTATUSW wstatus = { .dwSize = 0 };

    ck_assert_uint_eq(RasGetConnectStatusA(NEVER_ISSUED, &status), 632);
    ck_assert_uint_eq(RasGetConnectStatusW(NEVER_ISSUED, &wstatus), 632);
    status.dwSize = sizeof(status) + 1;
    ck_assert_uint_eq(RasGetConnectStatusA(NEVER_ISSUED, &status), ERROR_INVALID_SIZE);
}
END_TEST

START_TEST(test_enum_connections_null_lpcb_is_invalid_parameter_87) {
    RASCONNA conn = { .dwSize = sizeof(conn) };
    DWORD n;

    ck_assert_uint_eq(RasEnumConnectionsA(&conn, NULL, &n), 87);
    ck_assert_uint_eq(RasEnumConnectionsW(NULL, NULL, &n), 87);
}
END_TEST

START_TEST(test_enum_connections_null_lpcconnections_is_invalid_parameter_87) {
    DWORD cb = 0;

    ck_assert_uint_eq(RasEnumConnectionsA(NULL, &cb, NULL), 87);
}
END_TEST

START_TEST(test_enum_connections_bad_dwsize_is_invalid_size_632) {
    RASCONNA conn[2];
    DWORD cb = sizeof(conn), n;

    memset(conn, 0, sizeof(conn));
    conn[0].dwSize = 0;
    ck_assert_uint_eq(RasEnumConnectionsA(conn, &cb, &n), 632);
    conn[0].dwSize = sizeof(RASCONNA) - 1;
    ck_assert_uint_eq(RasEnumConnectionsA(conn, &cb, &n), 632);
}
END_TEST

START_TEST(test_connection_notification_without_event_is_invalid_parameter) {
    ck_assert_uint_ne(RasConnectionNotificationA(INVALID_HANDLE_VALUE, NULL, RASCN_Connection), ERROR_SUCCESS);
}
END_TEST

START_TEST(test_connection_notification_for_never_issued_handle_is_error_invalid_handle) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);

    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(NEVER_ISSUED, ev, RASCN_Disconnection), ERROR_INVALID_HANDLE);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_connection_notification_for_all_connections_is_accepted) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);

    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(INVALID_HANDLE_VALUE, ev, RASCN_Connection | RASCN_Disconnection),
                      ERROR_SUCCESS);
    ck_assert_uint_eq(RasConnectionNotificationW(INVALID_HANDLE_VALUE, ev, RASCN_Connection), ERROR_SUCCESS);
    /* Nothing happened yet: the event is not signalled. */
    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_TIMEOUT);
    CloseHandle(ev);
}
END_TEST

START_TEST(test_connection_notification_with_unknown_flags_is_invalid_parameter) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);

    ck_assert_ptr_nonnull(ev);
    ck_assert_uint_eq(RasConnectionNotificationA(INVALID_HANDLE_VALUE, ev, 0), ERROR_INVALID_PARAMETER);
    CloseHandle(ev);
}
END_TEST

Suite *no_connections_suite(void) {
    Suite *s = suite_create("no_connections");
    TCase *tc = tcase_create("arguments");

    tcase_add_test(tc, test_enum_connections_with_null_buffer_and_no_connections_succeeds_with_cb_0_n_0);
    tcase_add_test(tc, test_enum_connections_with_buffer_and_no_connections_gives_zero_connections);
    tcase_add_test(tc, test_get_connect_status_of_never_issued_handle_is_error_invalid_handle);
    tcase_add_test(tc, test_hang_up_of_never_issued_handle_is_error_invalid_handle);
    tcase_add_test(tc, test_get_connect_status_of_null_handle_is_error_invalid_handle);
    tcase_add_test(tc, test_get_connect_status_null_struct_is_invalid_parameter_87);
    tcase_add_test(tc, test_get_connect_status_zero_dwsize_is_invalid_size_632);
    tcase_add_test(tc, test_enum_connections_null_lpcb_is_invalid_parameter_87);
    tcase_add_test(tc, test_enum_connections_null_lpcconnections_is_invalid_parameter_87);
    tcase_add_test(tc, test_enum_connections_bad_dwsize_is_invalid_size_632);
    tcase_add_test(tc, test_connection_notification_without_event_is_invalid_parameter);
    tcase_add_test(tc, test_connection_notification_for_never_issued_handle_is_error_invalid_handle);
    tcase_add_test(tc, test_connection_notification_for_all_connections_is_accepted);
    tcase_add_test(tc, test_connection_notification_with_unknown_flags_is_invalid_parameter);
    suite_add_tcase(s, tc);
    return s;
}
