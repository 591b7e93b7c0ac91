/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pppd's ending kept on disk (common/link-end.h): what the plugin writes
 * the daemon reads back, under the writer's pid and start time only; the
 * record is 0600 in a 0700 directory; a runtime directory others may
 * write to, or a symlink, gets nothing; prune keeps only what is asked. */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../daemon/link-end-store.h"
#include "../../pppd-plugin/link-end-file.h"
#include "scratch-dir.h"
#include "suites.h"

static char dir[SCRATCH_PATH_MAX];

static void setup(void) {
    scratch_dir_new(dir);
    ck_assert_int_eq(chmod(dir, 0755), 0);
}

static void teardown(void) {
    scratch_dir_remove(dir);
}

static unsigned long long self_start(void) {
    unsigned long long start = 0;
    ck_assert_int_eq(link_end_self_start_time(&start), 0);
    ck_assert_uint_ne(start, 0);
    return start;
}

START_TEST(test_what_the_plugin_keeps_the_daemon_reads_under_pid_and_start_time) {
    LinkEnd in = { .status = 16, .peer_terminated = true, .ended_usec = 1700000000123456u }, out;
    ck_assert_int_eq(link_end_file_write(dir, &in), 0);
    unsigned long long start = self_start();

    ck_assert_int_eq(link_end_read(dir, getpid(), start, &out), 0);
    ck_assert_int_eq(out.status, 16);
    ck_assert(out.peer_terminated);
    ck_assert(!out.auth_failed);
    ck_assert_uint_eq(out.ended_usec, 1700000000123456u);
    /* another start time is another process: nothing */
    ck_assert_int_eq(link_end_read(dir, getpid(), start + 1, &out), -ENOENT);

    char path[SCRATCH_PATH_MAX + 64];
    struct stat st;
    snprintf(path, sizeof(path), "%s/ended", dir);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, 0700);
    snprintf(path, sizeof(path), "%s/ended/%d-%llu", dir, (int) getpid(), start);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, 0600);
    ck_assert_uint_eq(scratch_count(dir), 1);    /* no temporary left */

    link_end_remove(dir, getpid(), start);
    ck_assert_int_eq(link_end_read(dir, getpid(), start, &out), -ENOENT);
}
END_TEST

START_TEST(test_a_runtime_dir_others_may_write_to_or_a_symlink_gets_nothing) {
    LinkEnd in = { .status = 19, .auth_failed = true };
    ck_assert_int_eq(chmod(dir, 0777), 0);
    ck_assert_int_eq(link_end_file_write(dir, &in), -EPERM);
    ck_assert_int_eq(chmod(dir, 0755), 0);

    char target[SCRATCH_PATH_MAX], link[SCRATCH_PATH_MAX];
    scratch_path(target, dir, "elsewhere");
    ck_assert_int_eq(mkdir(target, 0700), 0);
    scratch_path(link, dir, "ended");
    ck_assert_int_eq(symlink(target, link), 0);
    ck_assert_int_lt(link_end_file_write(dir, &in), 0);
    ck_assert_uint_eq(scratch_count(target), 0);
}
END_TEST

static bool keep_odd(pid_t pid, uint64_t start_time, void *userdata) {
    return pid % 2 == 1;
}

START_TEST(test_prune_removes_what_is_not_kept_and_stray_files) {
    char ended[SCRATCH_PATH_MAX];
    scratch_path(ended, dir, "ended");
    ck_assert_int_eq(mkdir(ended, 0700), 0);
    scratch_write(ended, "101-5", "status=5 peer_terminated=0 auth_failed=0 ended=1\n");
    scratch_write(ended, "102-5", "status=5 peer_terminated=0 auth_failed=0 ended=1\n");
    scratch_write(ended, ".103-5.tmp", "status=5");
    scratch_write(ended, "junk", "x");
    ck_assert_int_eq(link_end_prune(dir, keep_odd, NULL), 3);
    ck_assert_uint_eq(scratch_count(ended), 1);

    LinkEnd out;
    ck_assert_int_eq(link_end_read(dir, 101, 5, &out), 0);
    ck_assert_int_eq(out.status, 5);
    scratch_write(ended, "105-5", "status=5 peer_terminated=2 auth_failed=0 ended=1\n");
    ck_assert_int_eq(link_end_read(dir, 105, 5, &out), -EINVAL);
}
END_TEST

Suite *link_end_suite(void) {
    Suite *s = suite_create("link_end");
    TCase *tc = tcase_create("records");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_what_the_plugin_keeps_the_daemon_reads_under_pid_and_start_time);
    tcase_add_test(tc, test_a_runtime_dir_others_may_write_to_or_a_symlink_gets_nothing);
    tcase_add_test(tc, test_prune_removes_what_is_not_kept_and_stray_files);
    suite_add_tcase(s, tc);
    return s;
}
