/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/uid-limits.c: counts per uid, a ceiling that holds for each uid
 * alone, and the fd reserve. */

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../../daemon/uid-limits.h"
#include "suites.h"

START_TEST(test_each_uid_reaches_its_own_limit_and_gets_edquot) {
    UidLimits l = UID_LIMITS_INIT(3);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(uid_limits_take(&l, 65534), 0);
    ck_assert_int_eq(uid_limits_take(&l, 65534), -EDQUOT);
    ck_assert_uint_eq(uid_limits_count(&l, 65534), 3);
    /* root (uid 0) and another user count apart */
    ck_assert_int_eq(uid_limits_take(&l, 0), 0);
    ck_assert_int_eq(uid_limits_take(&l, 1000), 0);
    ck_assert_uint_eq(uid_limits_count(&l, 0), 1);

    uid_limits_release(&l, 65534);
    ck_assert_int_eq(uid_limits_take(&l, 65534), 0);
    for (int i = 0; i < 5; i++)
        uid_limits_release(&l, 0);    /* never below zero */
    ck_assert_uint_eq(uid_limits_count(&l, 0), 0);
    uid_limits_done(&l);
}
END_TEST

START_TEST(test_limit_zero_means_no_limit) {
    UidLimits l = UID_LIMITS_INIT(0);
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(uid_limits_take(&l, 65534), 0);
    ck_assert_uint_eq(uid_limits_count(&l, 65534), 1000);
    uid_limits_done(&l);
}
END_TEST

START_TEST(test_fd_reserve_refuses_an_fd_within_the_reserve_below_the_limit) {
    struct rlimit old;
    ck_assert_int_eq(getrlimit(RLIMIT_NOFILE, &old), 0);
    struct rlimit small = { .rlim_cur = 256, .rlim_max = old.rlim_max };
    ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &small), 0);

    ck_assert(fd_reserve_ok(10, 32));
    ck_assert(fd_reserve_ok(223, 32));
    ck_assert(!fd_reserve_ok(224, 32));
    /* the reserve is at most a quarter of the limit */
    ck_assert(fd_reserve_ok(191, 1024));
    ck_assert(!fd_reserve_ok(192, 1024));
    ck_assert(!fd_reserve_ok(-1, 32));

    ck_assert_int_eq(setrlimit(RLIMIT_NOFILE, &old), 0);
}
END_TEST

Suite *uid_limits_suite(void) {
    Suite *s = suite_create("uid_limits");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_each_uid_reaches_its_own_limit_and_gets_edquot);
    tcase_add_test(tc, test_limit_zero_means_no_limit);
    tcase_add_test(tc, test_fd_reserve_refuses_an_fd_within_the_reserve_below_the_limit);
    suite_add_tcase(s, tc);
    return s;
}
