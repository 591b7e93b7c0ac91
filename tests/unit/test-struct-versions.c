/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The library's dwSize validation: every version Windows defined is
 * accepted, any other size gives ERROR_INVALID_SIZE. */

#include <string.h>

#include "../../client-lib/ras-structs.h"
#include "suites.h"

/* Windows x64 sizes of RASCONNA per WINVER: < 0x400, 0x400, 0x401,
 * 0x500, 0x501, 0x600. */
static const DWORD rasconna_sizes[] = { 36, 416, 680, 696, 708, 724 };
/* RASCONNSTATUSA per WINVER: < 0x400, 0x400, 0x401, 0x601. */
static const DWORD rasconnstatusa_sizes[] = { 64, 160, 288, 332 };

START_TEST(test_every_windows_rasconna_size_is_accepted) {
    DWORD sizes[16];
    size_t n = ras_conn_sizes(false, sizes, 16);

    ck_assert_uint_eq(n, sizeof(rasconna_sizes) / sizeof(rasconna_sizes[0]));
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(sizes[i], rasconna_sizes[i]);
        ck_assert_ptr_nonnull(ras_conn_version(rasconna_sizes[i], false));
    }
}
END_TEST

START_TEST(test_every_windows_rasconnstatusa_size_is_accepted) {
    DWORD sizes[16];
    size_t n = ras_conn_status_sizes(false, sizes, 16);

    ck_assert_uint_eq(n, sizeof(rasconnstatusa_sizes) / sizeof(rasconnstatusa_sizes[0]));
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(sizes[i], rasconnstatusa_sizes[i]);
        ck_assert_ptr_nonnull(ras_conn_status_version(rasconnstatusa_sizes[i], false));
    }
}
END_TEST

START_TEST(test_newest_size_is_sizeof_the_header_structure) {
    ck_assert_uint_eq(ras_conn_newest_size(false), sizeof(RASCONNA));
    ck_assert_uint_eq(ras_conn_newest_size(true), sizeof(RASCONNW));
    ck_assert_ptr_nonnull(ras_conn_version(sizeof(RASCONNW), true));
    ck_assert_ptr_nonnull(ras_conn_status_version(sizeof(RASCONNSTATUSW), true));
}
END_TEST

START_TEST(test_any_other_size_is_invalid_size) {
    static const DWORD bad[] = { 0, 1, 4, 12, 35, 37, 415, 417, 723, 725, 1000, 0xffffffffu };

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_msg(!ras_conn_version(bad[i], false), "RASCONNA size %u accepted", bad[i]);
        ck_assert_msg(!ras_conn_status_version(bad[i], false), "RASCONNSTATUSA size %u accepted", bad[i]);
    }
    ck_assert_ptr_null(ras_conn_status_version(331, false));
    ck_assert_ptr_null(ras_conn_status_version(333, false));
}
END_TEST

START_TEST(test_a_size_is_not_taken_for_w_and_back) {
    /* The newest A and W structures differ in size: each is only valid
     * for its own function. */
    ck_assert_ptr_null(ras_conn_version(sizeof(RASCONNA), true));
    ck_assert_ptr_null(ras_conn_version(sizeof(RASCONNW), false));
    ck_assert_ptr_null(ras_conn_status_version(sizeof(RASCONNSTATUSA), true));
    ck_assert_ptr_null(ras_conn_status_version(sizeof(RASCONNSTATUSW), false));
}
END_TEST

START_TEST(test_fill_sets_dwsize_handle_and_entry_of_the_callers_version) {
    ClientConnection c = {
        .handle = 0x42,
        .entry_name = "fake",
        .device_type = "pty",
        .device_name = "/dev/pts/3",
        .phonebook = "/etc/ppp/peers",
    };
    unsigned char buf[sizeof(RASCONNA) + 16];

    memset(buf, 0xaa, sizeof(buf));
    ras_conn_fill(buf, ras_conn_version(416, false), &c);
    RASCONNA *r = (RASCONNA *) buf;
    ck_assert_uint_eq(r->dwSize, 416);
    ck_assert_ptr_eq(r->hrasconn, (HRASCONN) (uintptr_t) 0x42);
    ck_assert_str_eq(r->szEntryName, "fake");
    ck_assert_str_eq(r->szDeviceType, "pty");
    ck_assert_str_eq(r->szDeviceName, "/dev/pts/3");
    /* Nothing past the caller's version is touched. */
    for (size_t i = 416; i < sizeof(buf); i++)
        ck_assert_uint_eq(buf[i], 0xaa);
}
END_TEST

Suite *struct_versions_suite(void) {
    Suite *s = suite_create("struct_versions");
    TCase *tc = tcase_create("dwSize");

    tcase_add_test(tc, test_every_windows_rasconna_size_is_accepted);
    tcase_add_test(tc, test_every_windows_rasconnstatusa_size_is_accepted);
    tcase_add_test(tc, test_newest_size_is_sizeof_the_header_structure);
    tcase_add_test(tc, test_any_other_size_is_invalid_size);
    tcase_add_test(tc, test_a_size_is_not_taken_for_w_and_back);
    tcase_add_test(tc, test_fill_sets_dwsize_handle_and_entry_of_the_callers_version);
    suite_add_tcase(s, tc);
    return s;
}
