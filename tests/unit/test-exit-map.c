/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* common/exit-map.c: every pppd EXIT_* status → the dwError that
 * RasGetConnectStatus reports, with the numbers spelled out so a changed
 * constant cannot hide a changed meaning. */

#include <limits.h>

#include "exit-map.h"
#include "suites.h"

static const struct {
    int status;
    const char *name;
    uint32_t error;
} expected[] = {
    {  0, "EXIT_OK",                 628 },  /* ERROR_DISCONNECTION */
    {  1, "EXIT_FATAL_ERROR",        635 },  /* ERROR_UNKNOWN */
    {  2, "EXIT_OPTION_ERROR",       604 },  /* ERROR_WRONG_INFO_SPECIFIED */
    {  3, "EXIT_NOT_ROOT",           5   },  /* ERROR_ACCESS_DENIED */
    {  4, "EXIT_NO_KERNEL_SUPPORT",  608 },  /* ERROR_DEVICE_DOES_NOT_EXIST */
    {  5, "EXIT_USER_REQUEST",       631 },  /* ERROR_USER_DISCONNECTION */
    {  6, "EXIT_LOCK_FAILED",        633 },  /* ERROR_PORT_NOT_AVAILABLE: the device is in use */
    {  7, "EXIT_OPEN_FAILED",        633 },  /* ERROR_PORT_NOT_AVAILABLE */
    {  8, "EXIT_CONNECT_FAILED",     651 },  /* ERROR_FROM_DEVICE */
    {  9, "EXIT_PTYCMD_FAILED",      651 },  /* ERROR_FROM_DEVICE */
    { 10, "EXIT_NEGOTIATION_FAILED", 732 },  /* ERROR_PPP_NOT_CONVERGING */
    { 11, "EXIT_PEER_AUTH_FAILED",   691 },  /* ERROR_AUTHENTICATION_FAILURE */
    { 12, "EXIT_IDLE_TIMEOUT",       828 },  /* ERROR_IDLE_TIMEOUT */
    { 13, "EXIT_CONNECT_TIME",       628 },  /* ERROR_DISCONNECTION */
    { 14, "EXIT_CALLBACK",           628 },  /* ERROR_DISCONNECTION */
    { 15, "EXIT_PEER_DEAD",          829 },  /* ERROR_LINK_FAILURE */
    { 16, "EXIT_HANGUP",             629 },  /* ERROR_REMOTE_DISCONNECTION (peer_terminated) */
    { 17, "EXIT_LOOPBACK",           737 },  /* ERROR_PPP_LOOPBACK_DETECTED */
    { 18, "EXIT_INIT_FAILED",        651 },  /* ERROR_FROM_DEVICE */
    { 19, "EXIT_AUTH_TOPEER_FAILED", 691 },  /* ERROR_AUTHENTICATION_FAILURE */
    { 20, "EXIT_TRAFFIC_LIMIT",      628 },  /* ERROR_DISCONNECTION */
    { 21, "EXIT_CNID_AUTH_FAILED",   691 },  /* ERROR_AUTHENTICATION_FAILURE */
};

START_TEST(test_every_pppd_exit_status_maps_to_its_ras_error) {
    int status = _i;

    ck_assert_int_eq(expected[_i].status, status);
    ck_assert_uint_eq(ras_error_for_pppd_exit(status, PPPD_SAW_PEER_TERMINATE), expected[_i].error);
    if (status != 16)   /* only EXIT_HANGUP depends on who hung up */
        ck_assert_uint_eq(ras_error_for_pppd_exit(status, 0), expected[_i].error);
}
END_TEST

START_TEST(test_exit_table_lists_every_status_once_with_its_pppd_name) {
    ck_assert_uint_eq(exit_map_size, sizeof(expected) / sizeof(expected[0]));
    for (unsigned i = 0; i < exit_map_size; i++) {
        ck_assert_int_eq(exit_map[i].status, expected[i].status);
        ck_assert_str_eq(exit_map[i].name, expected[i].name);
        ck_assert_uint_eq(exit_map[i].ras_error, expected[i].error);
    }
}
END_TEST

START_TEST(test_exit_user_request_is_user_disconnection_631) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(5, 0), 631);
}
END_TEST

START_TEST(test_exit_hangup_after_peer_terminate_request_is_remote_disconnection_629) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(16, PPPD_SAW_PEER_TERMINATE), 629);
}
END_TEST

START_TEST(test_exit_hangup_without_peer_terminate_request_is_link_failure_829) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(16, 0), 829);
}
END_TEST

START_TEST(test_exit_auth_failures_are_authentication_failure_691) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(19, 0), 691);
    ck_assert_uint_eq(ras_error_for_pppd_exit(11, 0), 691);
}
END_TEST

START_TEST(test_exit_hangup_after_an_auth_failure_is_authentication_failure_691) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(16, PPPD_SAW_AUTH_FAILURE), 691);
    ck_assert_uint_eq(ras_error_for_pppd_exit(16, PPPD_SAW_AUTH_FAILURE | PPPD_SAW_PEER_TERMINATE), 691);
    /* only the hang-up is ambiguous: other statuses say what they say */
    ck_assert_uint_eq(ras_error_for_pppd_exit(5, PPPD_SAW_AUTH_FAILURE), 631);
    ck_assert_uint_eq(ras_error_for_pppd_exit(15, PPPD_SAW_AUTH_FAILURE), 829);
}
END_TEST

START_TEST(test_exit_peer_dead_is_link_failure_829) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(15, 0), 829);
}
END_TEST

START_TEST(test_exit_loopback_is_ppp_loopback_detected_737) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(17, 0), 737);
}
END_TEST

START_TEST(test_exit_idle_timeout_is_idle_timeout_828) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(12, 0), 828);
}
END_TEST

START_TEST(test_unknown_exit_status_is_error_unknown_635) {
    ck_assert_uint_eq(ras_error_for_pppd_exit(22, 0), 635);
    ck_assert_uint_eq(ras_error_for_pppd_exit(-1, PPPD_SAW_PEER_TERMINATE), 635);
    ck_assert_uint_eq(ras_error_for_pppd_exit(255, 0), 635);
    ck_assert_uint_eq(ras_error_for_pppd_exit(INT_MAX, 0), 635);
}
END_TEST

START_TEST(test_pppd_killed_without_exit_report_is_link_failure_829) {
    ck_assert_uint_eq(RAS_ERROR_PPPD_KILLED, 829);
}
END_TEST

Suite *exit_map_suite(void) {
    Suite *s = suite_create("exit_map");
    TCase *tc = tcase_create("exit_status");

    tcase_add_loop_test(tc, test_every_pppd_exit_status_maps_to_its_ras_error, 0,
                        (int) (sizeof(expected) / sizeof(expected[0])));
    tcase_add_test(tc, test_exit_table_lists_every_status_once_with_its_pppd_name);
    tcase_add_test(tc, test_exit_user_request_is_user_disconnection_631);
    tcase_add_test(tc, test_exit_hangup_after_peer_terminate_request_is_remote_disconnection_629);
    tcase_add_test(tc, test_exit_hangup_without_peer_terminate_request_is_link_failure_829);
    tcase_add_test(tc, test_exit_auth_failures_are_authentication_failure_691);
    tcase_add_test(tc, test_exit_hangup_after_an_auth_failure_is_authentication_failure_691);
    tcase_add_test(tc, test_exit_peer_dead_is_link_failure_829);
    tcase_add_test(tc, test_exit_loopback_is_ppp_loopback_detected_737);
    tcase_add_test(tc, test_exit_idle_timeout_is_idle_timeout_828);
    tcase_add_test(tc, test_unknown_exit_status_is_error_unknown_635);
    tcase_add_test(tc, test_pppd_killed_without_exit_report_is_link_failure_829);
    suite_add_tcase(s, tc);
    return s;
}
