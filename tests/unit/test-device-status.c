/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The device-status contract (common/dial-env.h): the plugin's variables
 * (pppd-plugin/device-env.c) name the files the daemon reads
 * (daemon/device-status.c); a device program's code counts only when it
 * is a RAS code, chat's status comes first, both files go once read. */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../daemon/chat-script.h"
#include "../../daemon/device-status.h"
#include "../../pppd-plugin/device-env.h"
#include "dial-env.h"
#include "scratch-dir.h"
#include "suites.h"

static char dir[SCRATCH_PATH_MAX];

static void setup(void) {
    scratch_dir_new(dir);
    ck_assert_int_eq(device_status_prepare(dir, getpid()), 0);
}

static void teardown(void) {
    unsetenv(DEVICE_ENV_CHAT_STATUS);
    unsetenv(DEVICE_ENV_DEVICE_ERROR);
    unsetenv(DEVICE_ENV_PHONE);
    scratch_dir_remove(dir);
}

/* What pppd does with its connect and pty commands: sh -c, environ as is. */
static void run_device_program(const char *command) {
    int rc = system(command);
    ck_assert(WIFEXITED(rc));
}

START_TEST(test_plugin_variables_name_the_files_the_daemon_reads) {
    char *status = NULL, *error = NULL;
    ck_assert_int_eq(device_env_set(dir, getpid(), NULL), 0);
    ck_assert_int_eq(chat_status_path(dir, getpid(), &status), 0);
    ck_assert_int_eq(device_error_path(dir, getpid(), &error), 0);
    ck_assert_str_eq(getenv(DEVICE_ENV_CHAT_STATUS), status);
    ck_assert_str_eq(getenv(DEVICE_ENV_DEVICE_ERROR), error);
    ck_assert_ptr_null(getenv(DEVICE_ENV_PHONE));
    free(status);
    free(error);
}
END_TEST

START_TEST(test_device_program_code_is_the_dial_error_once) {
    ck_assert_int_eq(device_env_set(dir, getpid(), NULL), 0);
    run_device_program("echo 809 >\"$PPPRAS_DEVICE_ERROR\"");
    ck_assert_uint_eq(device_dial_error(dir, getpid()), 809);
    ck_assert_int_eq(access(getenv(DEVICE_ENV_DEVICE_ERROR), F_OK), -1);
    ck_assert_uint_eq(device_dial_error(dir, getpid()), 0);
}
END_TEST

START_TEST(test_chat_status_comes_before_the_device_code) {
    ck_assert_int_eq(device_env_set(dir, getpid(), NULL), 0);
    run_device_program("echo 4 >\"$PPPRAS_CHAT_STATUS\"; echo 633 >\"$PPPRAS_DEVICE_ERROR\"");
    ck_assert_uint_eq(device_dial_error(dir, getpid()), 676);   /* BUSY */
    /* both are gone: the next dial of this pid starts clean */
    ck_assert_int_eq(access(getenv(DEVICE_ENV_CHAT_STATUS), F_OK), -1);
    ck_assert_int_eq(access(getenv(DEVICE_ENV_DEVICE_ERROR), F_OK), -1);
}
END_TEST

START_TEST(test_chat_success_leaves_the_device_code) {
    ck_assert_int_eq(device_env_set(dir, getpid(), NULL), 0);
    run_device_program("echo 0 >\"$PPPRAS_CHAT_STATUS\"; echo 800 >\"$PPPRAS_DEVICE_ERROR\"");
    ck_assert_uint_eq(device_dial_error(dir, getpid()), 800);
}
END_TEST

/* A program may not make up codes: only RASBASE..RASBASEEND with a text. */
static const char *const bad_codes[] = {
    "", "\n", "50\n", "087\n", "599\n", "878\n", "999\n", "6333\n", "809 \n", "809\n\n", " 809\n", "-633\n", "x\n",
};

START_TEST(test_device_error_file_holds_only_a_ras_code) {
    char path[SCRATCH_PATH_MAX];
    scratch_path(path, dir, "e");
    ck_assert_int_eq(device_error_read(path), -ENOENT);
    scratch_write(dir, "e", bad_codes[_i]);
    ck_assert_int_eq(device_error_read(path), -EINVAL);
}
END_TEST

START_TEST(test_device_error_file_takes_a_ras_code_with_or_without_newline) {
    char path[SCRATCH_PATH_MAX];
    scratch_path(path, dir, "e");
    scratch_write(dir, "e", "633");
    ck_assert_int_eq(device_error_read(path), 633);
    scratch_write(dir, "e", "868\n");
    ck_assert_int_eq(device_error_read(path), 868);
}
END_TEST

START_TEST(test_prepare_removes_a_stale_status_and_error) {
    ck_assert_int_eq(device_env_set(dir, getpid(), NULL), 0);
    run_device_program("echo 5 >\"$PPPRAS_CHAT_STATUS\"; echo 809 >\"$PPPRAS_DEVICE_ERROR\"");
    ck_assert_int_eq(device_status_prepare(dir, getpid()), 0);
    ck_assert_uint_eq(device_dial_error(dir, getpid()), 0);
}
END_TEST

START_TEST(test_phone_override_reaches_programs_only_when_plain) {
    ck_assert_int_eq(device_env_set(dir, getpid(), "9,5551234"), 0);
    ck_assert_str_eq(getenv(DEVICE_ENV_PHONE), "9,5551234");
    ck_assert_int_eq(device_env_set(dir, getpid(), "vpn.example.com"), 0);
    ck_assert_str_eq(getenv(DEVICE_ENV_PHONE), "vpn.example.com");

    static const char *const bad[] = { "", "-oProxyCommand=x", " 1", "1;reboot", "$(id)", "`id`", "1'2", "1\"2",
                                       "1\\2", "1\n2", "1\r", "1|2", "a&b", "\xc3\xa9" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        ck_assert_int_eq(device_env_set(dir, getpid(), bad[i]), -EINVAL);
        ck_assert_msg(getenv(DEVICE_ENV_PHONE) == NULL, "%s passed", bad[i]);
        /* the file paths are there all the same */
        ck_assert_ptr_nonnull(getenv(DEVICE_ENV_DEVICE_ERROR));
    }
    char longest[130];
    memset(longest, '1', sizeof(longest));
    longest[128] = '\0';
    ck_assert(device_env_phone_is_valid(longest));
    longest[128] = '1';
    longest[129] = '\0';
    ck_assert(!device_env_phone_is_valid(longest));
}
END_TEST

Suite *device_status_suite(void) {
    Suite *s = suite_create("device_status");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_plugin_variables_name_the_files_the_daemon_reads);
    tcase_add_test(tc, test_device_program_code_is_the_dial_error_once);
    tcase_add_test(tc, test_chat_status_comes_before_the_device_code);
    tcase_add_test(tc, test_chat_success_leaves_the_device_code);
    tcase_add_loop_test(tc, test_device_error_file_holds_only_a_ras_code, 0,
                        (int) (sizeof(bad_codes) / sizeof(bad_codes[0])));
    tcase_add_test(tc, test_device_error_file_takes_a_ras_code_with_or_without_newline);
    tcase_add_test(tc, test_prepare_removes_a_stale_status_and_error);
    tcase_add_test(tc, test_phone_override_reaches_programs_only_when_plain);
    suite_add_tcase(s, tc);
    return s;
}
