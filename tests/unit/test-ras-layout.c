/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* ras.h at the default WINVER lays RASCONNA and RASCONNSTATUSA out exactly
 * like Windows x64 (pack(4)), so sizes written into dwSize by ported code
 * and structures read by tools mean the same bytes. */

#include <stddef.h>

#include "ras.h"
#include "suites.h"

START_TEST(test_default_winver_is_windows_10) {
    ck_assert_int_eq(WINVER, 0x0A00);
}
END_TEST

START_TEST(test_sizeof_rasconna_is_windows_x64_724) {
    ck_assert_uint_eq(sizeof(RASCONNA), 724);
}
END_TEST

START_TEST(test_sizeof_rasconnstatusa_is_windows_x64_332) {
    ck_assert_uint_eq(sizeof(RASCONNSTATUSA), 332);
}
END_TEST

START_TEST(test_rasconna_hrasconn_at_offset_4_under_pack_4) {
    ck_assert_uint_eq(offsetof(RASCONNA, dwSize), 0);
    ck_assert_uint_eq(offsetof(RASCONNA, hrasconn), 4);
    ck_assert_uint_eq(offsetof(RASCONNW, hrasconn), 4);
}
END_TEST

START_TEST(test_rasconna_entry_name_at_offset_12_under_pack_4) {
    ck_assert_uint_eq(offsetof(RASCONNA, szEntryName), 12);
    ck_assert_uint_eq(offsetof(RASCONNW, szEntryName), 12);
}
END_TEST

START_TEST(test_rasconna_later_fields_follow_windows_offsets) {
    ck_assert_uint_eq(offsetof(RASCONNA, szDeviceType), 12 + 257);
    ck_assert_uint_eq(offsetof(RASCONNA, szDeviceName), 12 + 257 + 17);
    ck_assert_uint_eq(offsetof(RASCONNA, szPhonebook), 12 + 257 + 17 + 129);
    ck_assert_uint_eq(offsetof(RASCONNA, dwSubEntry), 676);
    ck_assert_uint_eq(offsetof(RASCONNA, guidEntry), 680);
    ck_assert_uint_eq(offsetof(RASCONNA, dwFlags), 696);
    ck_assert_uint_eq(offsetof(RASCONNA, luid), 700);
    ck_assert_uint_eq(offsetof(RASCONNA, guidCorrelationId), 708);
}
END_TEST

START_TEST(test_rasconnstatusa_fields_follow_windows_offsets) {
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, rasconnstate), 4);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, dwError), 8);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, szDeviceType), 12);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, szDeviceName), 12 + 17);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, szPhoneNumber), 12 + 17 + 129);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, localEndPoint), 288);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, remoteEndPoint), 308);
    ck_assert_uint_eq(offsetof(RASCONNSTATUSA, rasconnsubstate), 328);
}
END_TEST

START_TEST(test_windows_base_types_have_windows_sizes) {
    ck_assert_uint_eq(sizeof(DWORD), 4);
    ck_assert_uint_eq(sizeof(RASCONNSTATE), 4);
    ck_assert_uint_eq(sizeof(HRASCONN), sizeof(void *));
    ck_assert_uint_eq(sizeof(GUID), 16);
    ck_assert_uint_eq(sizeof(LUID), 8);
    ck_assert_uint_eq(sizeof(RASTUNNELENDPOINT), 20);
}
END_TEST

Suite *ras_layout_suite(void) {
    Suite *s = suite_create("ras_layout");
    TCase *tc = tcase_create("x86_64");

    tcase_add_test(tc, test_default_winver_is_windows_10);
    tcase_add_test(tc, test_sizeof_rasconna_is_windows_x64_724);
    tcase_add_test(tc, test_sizeof_rasconnstatusa_is_windows_x64_332);
    tcase_add_test(tc, test_rasconna_hrasconn_at_offset_4_under_pack_4);
    tcase_add_test(tc, test_rasconna_entry_name_at_offset_12_under_pack_4);
    tcase_add_test(tc, test_rasconna_later_fields_follow_windows_offsets);
    tcase_add_test(tc, test_rasconnstatusa_fields_follow_windows_offsets);
    tcase_add_test(tc, test_windows_base_types_have_windows_sizes);
    suite_add_tcase(s, tc);
    return s;
}
