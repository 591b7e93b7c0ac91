/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/config-file.c: /etc/pppras/ppprasd.conf is "Key=Value" lines with
 * '#'/';' comments and blank lines; unknown keys warn, a bad value for a
 * known key is an error, and a missing file is no error. */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "../../daemon/config-file.h"
#include "../../daemon/util.h"
#include "scratch-dir.h"
#include "suites.h"

#define USEC 1000000ULL

static DaemonOptions options;

static void setup(void) {
    daemon_options_init(&options);
}

static void teardown(void) {
    daemon_options_done(&options);
}

/* config_file_parse() on text, as if read from "test.conf". */
static int parse(const char *text) {
    FILE *f = fmemopen((void *) text, strlen(text), "r");
    ck_assert_ptr_nonnull(f);
    int r = config_file_parse(&options, f, "test.conf");
    fclose(f);
    return r;
}

START_TEST(test_every_key_sets_its_option) {
    ck_assert_int_eq(parse("GracePeriodSec=7\n"
                           "LingerSec=1.5\n"
                           "SuperviseTimeoutSec=0\n"
                           "HangUpGroup=netdev\n"
                           "DialGroup=dialout\n"
                           "MountGroup=smbusers\n"
                           "PhonebookDir=/srv/peers\n"
                           "StateDirectory=/srv/state\n"
                           "RuntimeDirectory=/srv/run\n"
                           "PppdPath=/opt/ppp/sbin/pppd\n"
                           "PluginPath=/opt/ppp/lib/pppras.so\n"
                           "SshConfig=/etc/pppras/ssh_config\n"), 0);
    ck_assert_uint_eq(options.grace_usec, 7 * USEC);
    ck_assert_uint_eq(options.linger_usec, 1500000);
    ck_assert_uint_eq(options.supervise_usec, 0);
    ck_assert_str_eq(options.hangup_group, "netdev");
    ck_assert_str_eq(options.dial_group, "dialout");
    ck_assert_str_eq(options.mount_group, "smbusers");
    ck_assert_str_eq(options.phonebook_dir, "/srv/peers");
    ck_assert_str_eq(options.state_dir, "/srv/state");
    ck_assert_str_eq(options.runtime_dir, "/srv/run");
    ck_assert_str_eq(options.pppd_path, "/opt/ppp/sbin/pppd");
    ck_assert_str_eq(options.plugin_path, "/opt/ppp/lib/pppras.so");
    ck_assert_str_eq(options.ssh_config, "/etc/pppras/ssh_config");
}
END_TEST

START_TEST(test_comments_blank_lines_and_spaces_are_skipped) {
    ck_assert_int_eq(parse("# a comment\n"
                           "\n"
                           "   \t\n"
                           "; another comment style\n"
                           "  # indented comment with = sign\n"
                           "  LingerSec  =  9  \n"
                           "\tHangUpGroup=\twheel \t\n"), 0);
    ck_assert_uint_eq(options.linger_usec, 9 * USEC);
    ck_assert_str_eq(options.hangup_group, "wheel");
}
END_TEST

START_TEST(test_later_line_wins_and_untouched_keys_keep_defaults) {
    DaemonOptions defaults;
    daemon_options_init(&defaults);
    ck_assert_int_eq(parse("GracePeriodSec=1\nGracePeriodSec=2\n"), 0);
    ck_assert_uint_eq(options.grace_usec, 2 * USEC);
    ck_assert_uint_eq(options.linger_usec, defaults.linger_usec);
    ck_assert_ptr_null(options.phonebook_dir);
}
END_TEST

START_TEST(test_empty_dial_group_is_allowed) {
    /* "DialGroup= empty: every user may dial" (docs/dbus-api.md) */
    ck_assert_int_eq(parse("DialGroup=\n"), 0);
    ck_assert_str_eq(options.dial_group, "");
}
END_TEST

START_TEST(test_empty_mount_group_lets_every_user_mount) {
    /* "MountGroup= empty: every user, Windows' behaviour" (ppprasd.conf(5)) */
    ck_assert_int_eq(parse("MountGroup=\n"), 0);
    ck_assert_str_eq(options.mount_group, "");
}
END_TEST

START_TEST(test_last_line_without_newline_counts) {
    ck_assert_int_eq(parse("LingerSec=3"), 0);
    ck_assert_uint_eq(options.linger_usec, 3 * USEC);
}
END_TEST

static const char *const bad_lines[] = {
    "GracePeriodSec=abc\n",
    "GracePeriodSec=\n",
    "GracePeriodSec=-1\n",
    "GracePeriodSec=5s\n",
    "LingerSec=86401\n",            /* more than a day */
    "SuperviseTimeoutSec=nan\n",
    "SuperviseTimeoutSec=inf\n",
    "PhonebookDir=peers\n",         /* paths must be absolute */
    "PhonebookDir=\n",
    "StateDirectory=./state\n",
    "RuntimeDirectory=run\n",
    "PppdPath=pppd\n",
    "PluginPath=pppras.so\n",
    "SshConfig=~/.ssh/config\n",
    "LingerSec 5\n",                /* no '=' */
    "just words\n",
};

START_TEST(test_bad_value_or_line_is_einval) {
    ck_assert_msg(parse(bad_lines[_i]) == -EINVAL, "accepted: %s", bad_lines[_i]);
}
END_TEST

START_TEST(test_bad_line_after_good_ones_still_fails) {
    ck_assert_int_eq(parse("LingerSec=4\n# fine so far\nGracePeriodSec=soon\n"), -EINVAL);
}
END_TEST

START_TEST(test_unknown_keys_are_ignored) {
    ck_assert_int_eq(parse("NoSuchKey=1\ngraceperiodsec=3\nLingerSec=8\nFuture.Key = x y z\n"), 0);
    ck_assert_uint_eq(options.linger_usec, 8 * USEC);
    /* keys are case-sensitive: the lower-case one was unknown */
    ck_assert_uint_ne(options.grace_usec, 3 * USEC);
}
END_TEST

/* A line of n characters (newline not counted) that is a comment. */
static char *comment_line(size_t n) {
    char *s = malloc(n + 2);
    ck_assert_ptr_nonnull(s);
    memset(s, 'x', n);
    s[0] = '#';
    s[n] = '\n';
    s[n + 1] = '\0';
    return s;
}

START_TEST(test_overlong_line_is_einval_even_as_a_comment) {
    _cleanup_(freep) char *line = comment_line(5000);
    ck_assert_int_eq(parse(line), -EINVAL);
}
END_TEST

START_TEST(test_long_line_that_fits_is_read) {
    _cleanup_(freep) char *line = comment_line(4000);
    _cleanup_(freep) char *text = NULL;
    ck_assert_int_ge(asprintf(&text, "%sLingerSec=6\n", line), 0);
    ck_assert_int_eq(parse(text), 0);
    ck_assert_uint_eq(options.linger_usec, 6 * USEC);
}
END_TEST

START_TEST(test_missing_file_is_fine_and_changes_nothing) {
    char dir[SCRATCH_PATH_MAX], path[SCRATCH_PATH_MAX];
    DaemonOptions defaults;

    daemon_options_init(&defaults);
    scratch_dir_new(dir);
    ck_assert_int_eq(config_file_load(&options, scratch_path(path, dir, "absent.conf")), 0);
    ck_assert_uint_eq(options.grace_usec, defaults.grace_usec);
    ck_assert_ptr_null(options.hangup_group);
    scratch_dir_remove(dir);
}
END_TEST

START_TEST(test_file_is_loaded_and_unreadable_one_is_an_error) {
    char dir[SCRATCH_PATH_MAX], path[SCRATCH_PATH_MAX];

    scratch_dir_new(dir);
    scratch_write(dir, "ppprasd.conf", "# test\nLingerSec=11\n");
    ck_assert_int_eq(config_file_load(&options, scratch_path(path, dir, "ppprasd.conf")), 0);
    ck_assert_uint_eq(options.linger_usec, 11 * USEC);
    /* a directory opens but cannot be read */
    ck_assert_int_lt(config_file_load(&options, dir), 0);
    scratch_dir_remove(dir);
}
END_TEST

START_TEST(test_command_line_wins_over_the_file) {
    char dir[SCRATCH_PATH_MAX], path[SCRATCH_PATH_MAX], config[SCRATCH_PATH_MAX + 16];

    scratch_dir_new(dir);
    scratch_write(dir, "ppprasd.conf", "LingerSec=11\nGracePeriodSec=3\nPhonebookDir=/from/file\n");
    snprintf(config, sizeof(config), "--config=%s", scratch_path(path, dir, "ppprasd.conf"));
    char *argv[] = { "ppprasd", config, "--linger=2", "--phonebook=/from/args", NULL };
    ck_assert_int_eq(daemon_options_parse(&options, 4, argv), 1);
    ck_assert_uint_eq(options.linger_usec, 2 * USEC);
    ck_assert_uint_eq(options.grace_usec, 3 * USEC);
    ck_assert_str_eq(options.phonebook_dir, "/from/args");
    scratch_dir_remove(dir);
}
END_TEST

Suite *config_file_suite(void) {
    Suite *s = suite_create("config_file");
    TCase *tc = tcase_create("parse");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_every_key_sets_its_option);
    tcase_add_test(tc, test_comments_blank_lines_and_spaces_are_skipped);
    tcase_add_test(tc, test_later_line_wins_and_untouched_keys_keep_defaults);
    tcase_add_test(tc, test_empty_dial_group_is_allowed);
    tcase_add_test(tc, test_empty_mount_group_lets_every_user_mount);
    tcase_add_test(tc, test_last_line_without_newline_counts);
    tcase_add_loop_test(tc, test_bad_value_or_line_is_einval, 0, (int) ELEMENTSOF(bad_lines));
    tcase_add_test(tc, test_bad_line_after_good_ones_still_fails);
    tcase_add_test(tc, test_unknown_keys_are_ignored);
    tcase_add_test(tc, test_overlong_line_is_einval_even_as_a_comment);
    tcase_add_test(tc, test_long_line_that_fits_is_read);
    suite_add_tcase(s, tc);

    tc = tcase_create("load");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_missing_file_is_fine_and_changes_nothing);
    tcase_add_test(tc, test_file_is_loaded_and_unreadable_one_is_an_error);
    tcase_add_test(tc, test_command_line_wins_over_the_file);
    suite_add_tcase(s, tc);
    return s;
}
