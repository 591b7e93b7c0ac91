/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The library's live-handle registry, and the Win32 calls that rely on it
 * to refuse stale handles without touching freed memory. */

#include <stdlib.h>

#include "handle-registry.h"
#include "suites.h"
#include "windows.h"

START_TEST(test_registered_object_is_live_only_for_its_kind) {
    int a;
    ck_assert_int_eq(handle_registry_add(&a, HANDLE_KIND_EVENT), 0);
    ck_assert(handle_registry_has(&a, HANDLE_KIND_EVENT));
    ck_assert(!handle_registry_has(&a, HANDLE_KIND_WNET_ENUM));
    ck_assert(handle_registry_remove(&a, HANDLE_KIND_EVENT));
    ck_assert(!handle_registry_has(&a, HANDLE_KIND_EVENT));
}
END_TEST

START_TEST(test_second_remove_is_refused) {
    int a;
    ck_assert_int_eq(handle_registry_add(&a, HANDLE_KIND_EVENT), 0);
    ck_assert(handle_registry_remove(&a, HANDLE_KIND_EVENT));
    ck_assert(!handle_registry_remove(&a, HANDLE_KIND_EVENT));
}
END_TEST

START_TEST(test_many_objects_survive_removals_in_between) {
    enum { N = 5000 };
    char *objects = malloc(N);
    ck_assert_ptr_nonnull(objects);
    for (int i = 0; i < N; i++)
        ck_assert_int_eq(handle_registry_add(objects + i, HANDLE_KIND_EVENT), 0);
    for (int i = 0; i < N; i += 2)
        ck_assert(handle_registry_remove(objects + i, HANDLE_KIND_EVENT));
    for (int i = 0; i < N; i++)
        ck_assert(handle_registry_has(objects + i, HANDLE_KIND_EVENT) == (i % 2 == 1));
    for (int i = 1; i < N; i += 2)
        ck_assert(handle_registry_remove(objects + i, HANDLE_KIND_EVENT));
    free(objects);
}
END_TEST

START_TEST(test_close_handle_twice_gives_error_invalid_handle) {
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    ck_assert_ptr_nonnull(ev);
    ck_assert(CloseHandle(ev));
    ck_assert(!CloseHandle(ev));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert(!SetEvent(ev));
    ck_assert_uint_eq(WaitForSingleObject(ev, 0), WAIT_FAILED);
}
END_TEST

Suite *handle_registry_suite(void) {
    Suite *s = suite_create("handle_registry");
    TCase *tc = tcase_create("registry");
    tcase_add_test(tc, test_registered_object_is_live_only_for_its_kind);
    tcase_add_test(tc, test_second_remove_is_refused);
    tcase_add_test(tc, test_many_objects_survive_removals_in_between);
    tcase_add_test(tc, test_close_handle_twice_gives_error_invalid_handle);
    suite_add_tcase(s, tc);
    return s;
}
