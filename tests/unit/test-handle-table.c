/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/handle-table.c: handles are non-zero 64-bit values, never reused
 * while the daemon's state lives; lookup by handle and pid. */

#include <errno.h>
#include <stdlib.h>

#include "../../daemon/handle-table.h"
#include "suites.h"

static HandleTable table;

static void setup(void) {
    handle_table_init(&table, 1);
}

static void teardown(void) {
    handle_table_done(&table);
}

static Connection *add_connection(pid_t pid) {
    Connection *c;
    ck_assert_int_eq(connection_new(&c, handle_table_new_handle(&table), pid, 0, 0), 0);
    ck_assert_int_eq(handle_table_add(&table, c), 0);
    return c;
}

START_TEST(test_handle_is_never_zero) {
    handle_table_done(&table);
    handle_table_init(&table, 0);
    ck_assert_uint_ne(handle_table_new_handle(&table), 0);
}
END_TEST

START_TEST(test_handle_is_never_invalid_handle_value__nor_zero_after_it) {
    handle_table_done(&table);
    handle_table_init(&table, UINT64_MAX - 1);
    ck_assert_uint_eq(handle_table_new_handle(&table), UINT64_MAX - 1);
    uint64_t next = handle_table_new_handle(&table);
    ck_assert_uint_ne(next, UINT64_MAX);
    ck_assert_uint_ne(next, 0);
}
END_TEST

START_TEST(test_ten_thousand_inserts_get_distinct_handles_all_found) {
    enum { N = 10000 };
    uint64_t *handles = calloc(N, sizeof(uint64_t));
    ck_assert_ptr_nonnull(handles);

    for (int i = 0; i < N; i++) {
        Connection *c = add_connection(1000 + i);
        handles[i] = c->handle;
        ck_assert_uint_ne(c->handle, 0);
        ck_assert_uint_ne(c->handle, UINT64_MAX);
        if (i > 0)
            ck_assert_uint_gt(handles[i], handles[i - 1]);   /* monotonic, so all distinct */
    }
    ck_assert_uint_eq(handle_table_size(&table), N);
    for (int i = 0; i < N; i++) {
        Connection *c = handle_table_get(&table, handles[i]);
        ck_assert_ptr_nonnull(c);
        ck_assert_uint_eq(c->handle, handles[i]);
        ck_assert_ptr_eq(handle_table_get_by_pid(&table, 1000 + i), c);
    }
    free(handles);
}
END_TEST

START_TEST(test_handle_is_never_reused_after_remove) {
    Connection *c = add_connection(100);
    uint64_t old = c->handle;

    connection_free(handle_table_remove(&table, c));
    ck_assert_ptr_null(handle_table_get(&table, old));
    for (int i = 0; i < 1000; i++) {
        c = add_connection(200 + i);
        ck_assert_uint_ne(c->handle, old);
    }
    /* A stale handle never names someone else's connection. */
    ck_assert_ptr_null(handle_table_get(&table, old));
}
END_TEST

START_TEST(test_lookup_of_zero_and_invalid_handle_value_is_null) {
    add_connection(100);
    ck_assert_ptr_null(handle_table_get(&table, 0));
    ck_assert_ptr_null(handle_table_get(&table, UINT64_MAX));
    ck_assert_ptr_null(handle_table_get(&table, 0x1234));
    ck_assert_ptr_null(handle_table_get_by_pid(&table, 0));
    ck_assert_ptr_null(handle_table_get_by_pid(&table, -1));
    ck_assert_ptr_null(handle_table_get_by_pid(&table, 101));
}
END_TEST

START_TEST(test_lookup_by_pid_finds_the_live_pppd) {
    Connection *a = add_connection(100);
    Connection *b = add_connection(200);

    ck_assert_ptr_eq(handle_table_get_by_pid(&table, 100), a);
    ck_assert_ptr_eq(handle_table_get_by_pid(&table, 200), b);
}
END_TEST

START_TEST(test_forgotten_pid_keeps_handle_and_frees_pid_for_a_new_pppd) {
    Connection *a = add_connection(100);

    handle_table_forget_pid(&table, a);
    ck_assert_ptr_null(handle_table_get_by_pid(&table, 100));
    ck_assert_ptr_eq(handle_table_get(&table, a->handle), a);
    /* The kernel may give the pid to another pppd: a new connection. */
    Connection *b = add_connection(100);
    ck_assert_ptr_eq(handle_table_get_by_pid(&table, 100), b);
    ck_assert_uint_ne(a->handle, b->handle);
    ck_assert_uint_eq(handle_table_size(&table), 2);
}
END_TEST

START_TEST(test_second_connection_for_a_live_pid_is_eexist) {
    add_connection(100);
    Connection *c;
    ck_assert_int_eq(connection_new(&c, handle_table_new_handle(&table), 100, 0, 0), 0);
    ck_assert_int_eq(handle_table_add(&table, c), -EEXIST);
    connection_free(c);
    ck_assert_uint_eq(handle_table_size(&table), 1);
}
END_TEST

START_TEST(test_walk_is_oldest_first_after_removals) {
    Connection *a = add_connection(100);
    Connection *b = add_connection(200);
    Connection *c = add_connection(300);
    Connection *expected[] = { a, c };
    size_t i = 0;

    connection_free(handle_table_remove(&table, b));
    HANDLE_TABLE_FOREACH(x, &table) {
        ck_assert_uint_lt(i, 2);
        ck_assert_ptr_eq(x, expected[i++]);
    }
    ck_assert_uint_eq(i, 2);
}
END_TEST

Suite *handle_table_suite(void) {
    Suite *s = suite_create("handle_table");
    TCase *tc = tcase_create("handles");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_handle_is_never_zero);
    tcase_add_test(tc, test_handle_is_never_invalid_handle_value__nor_zero_after_it);
    tcase_add_test(tc, test_ten_thousand_inserts_get_distinct_handles_all_found);
    tcase_add_test(tc, test_handle_is_never_reused_after_remove);
    tcase_add_test(tc, test_lookup_of_zero_and_invalid_handle_value_is_null);
    tcase_add_test(tc, test_lookup_by_pid_finds_the_live_pppd);
    tcase_add_test(tc, test_forgotten_pid_keeps_handle_and_frees_pid_for_a_new_pppd);
    tcase_add_test(tc, test_second_connection_for_a_live_pid_is_eexist);
    tcase_add_test(tc, test_walk_is_oldest_first_after_removals);
    suite_add_tcase(s, tc);
    return s;
}
