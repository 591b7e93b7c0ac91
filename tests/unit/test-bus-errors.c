/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* common/bus-errors.c: docs/dbus-api.md's error table, both ways, and the
 * rule that an unreachable daemon is ERROR_RASMAN_CANNOT_INITIALIZE. */

#include "bus-errors.h"
#include "suites.h"

static const struct {
    const char *name;
    uint32_t code;
} contract[] = {
    { "org.pppras.Ras1.Error.InvalidHandle",    6 },
    { "org.pppras.Ras1.Error.AccessDenied",     5 },
    { "org.pppras.Ras1.Error.InvalidParameter", 87 },
    { "org.pppras.Ras1.Error.EntryNotFound",    623 },
    { "org.pppras.Ras1.Error.DialInProgress",   756 },
    { "org.pppras.Ras1.Error.NoMemory",         8 },
    { "org.pppras.Ras1.Error.NoSecrets",        1326 },
    { "org.pppras.Ras1.Error.Failed",           635 },
    { "org.pppras.Ras1.Error.LimitExceeded",    14 },
    { "org.pppras.Ras1.Error.InvalidName",      123 },
    { "org.pppras.Ras1.Error.AlreadyExists",    183 },
    { "org.pppras.Ras1.Error.NotSupported",     50 },
    { "org.pppras.Ras1.Error.CannotWritePhonebook", 624 },
};

START_TEST(test_every_contract_error_name_gives_its_code) {
    ck_assert_uint_eq(bus_error_to_code(contract[_i].name), contract[_i].code);
}
END_TEST

START_TEST(test_every_contract_error_code_gives_its_name) {
    ck_assert_str_eq(bus_error_from_code(contract[_i].code), contract[_i].name);
}
END_TEST

START_TEST(test_error_table_is_the_contract_table) {
    ck_assert_uint_eq(bus_errors_size, sizeof(contract) / sizeof(contract[0]));
    for (unsigned i = 0; i < bus_errors_size; i++) {
        ck_assert_uint_eq(bus_error_to_code(bus_errors[i].name), bus_errors[i].code);
        ck_assert_str_eq(bus_error_from_code(bus_errors[i].code), bus_errors[i].name);
    }
}
END_TEST

START_TEST(test_service_unknown_means_ras_service_not_running_711) {
    ck_assert_uint_eq(bus_error_to_code("org.freedesktop.DBus.Error.ServiceUnknown"), 711);
}
END_TEST

START_TEST(test_name_has_no_owner_means_ras_service_not_running_711) {
    ck_assert_uint_eq(bus_error_to_code("org.freedesktop.DBus.Error.NameHasNoOwner"), 711);
}
END_TEST

START_TEST(test_no_reply_means_ras_service_not_running_711) {
    ck_assert_uint_eq(bus_error_to_code("org.freedesktop.DBus.Error.NoReply"), 711);
}
END_TEST

START_TEST(test_unknown_error_name_is_error_unknown_635) {
    ck_assert_uint_eq(bus_error_to_code("org.example.Nonsense"), 635);
    ck_assert_uint_eq(bus_error_to_code("org.pppras.Ras1.Error."), 635);
    ck_assert_uint_eq(bus_error_to_code(NULL), 635);
}
END_TEST

START_TEST(test_code_without_a_name_is_failed) {
    ck_assert_str_eq(bus_error_from_code(691), "org.pppras.Ras1.Error.Failed");
    ck_assert_str_eq(bus_error_from_code(0), "org.pppras.Ras1.Error.Failed");
}
END_TEST

Suite *bus_errors_suite(void) {
    Suite *s = suite_create("bus_errors");
    TCase *tc = tcase_create("names_and_codes");
    int n = (int) (sizeof(contract) / sizeof(contract[0]));

    tcase_add_loop_test(tc, test_every_contract_error_name_gives_its_code, 0, n);
    tcase_add_loop_test(tc, test_every_contract_error_code_gives_its_name, 0, n);
    tcase_add_test(tc, test_error_table_is_the_contract_table);
    tcase_add_test(tc, test_service_unknown_means_ras_service_not_running_711);
    tcase_add_test(tc, test_name_has_no_owner_means_ras_service_not_running_711);
    tcase_add_test(tc, test_no_reply_means_ras_service_not_running_711);
    tcase_add_test(tc, test_unknown_error_name_is_error_unknown_635);
    tcase_add_test(tc, test_code_without_a_name_is_failed);
    suite_add_tcase(s, tc);
    return s;
}
