/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/dial-params.c: the saved credentials of RasSetEntryDialParams,
 * per (uid, entry).  Round trip of every field, absent members keep what
 * is saved, fRemovePassword forgets only the password, bad records are
 * skipped, and the file is root's alone. */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../../daemon/dial-params.h"
#include "../../daemon/util.h"
#include "scratch-dir.h"
#include "suites.h"

static DialParamsList list;
static char dir[SCRATCH_PATH_MAX];

static void setup(void) {
    list = (DialParamsList) {};
    dir[0] = '\0';
}

static void teardown(void) {
    dial_params_list_done(&list);
    scratch_dir_remove(dir);
}

static DialParamsList round_trip(const DialParamsList *l) {
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(dial_params_format(l, f), 0);
    ck_assert_int_eq(fclose(f), 0);

    DialParamsList back;
    f = fmemopen(text, size, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(dial_params_parse(f, &back), 0);
    fclose(f);
    free(text);
    return back;
}

static void assert_params(const DialParams *p, const char *user, const char *domain, const char *password) {
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p->user, user);
    ck_assert_str_eq(p->domain, domain);
    if (password)
        ck_assert_str_eq(p->password, password);
    else
        ck_assert_ptr_null(p->password);
}

START_TEST(test_every_field_survives_the_round_trip) {
    ck_assert_int_eq(dial_params_set(&list, 1000, "my isp", "alice smith", "CORP", "p@ss word%\n\t", false), 0);
    ck_assert_int_eq(dial_params_set(&list, 0, "Büro", "root", "", NULL, false), 0);
    DialParamsList back = round_trip(&list);

    ck_assert_uint_eq(back.n, 2);
    assert_params(dial_params_find(&back, 1000, "my isp"), "alice smith", "CORP", "p@ss word%\n\t");
    assert_params(dial_params_find(&back, 0, "Büro"), "root", "", NULL);
    dial_params_list_done(&back);
}
END_TEST

START_TEST(test_records_are_per_uid_and_entry) {
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", "alice", "", "a", false), 0);
    ck_assert_int_eq(dial_params_set(&list, 1001, "isp", "bob", "", "b", false), 0);
    ck_assert_int_eq(dial_params_set(&list, 1000, "other", "alice2", "", NULL, false), 0);
    ck_assert_uint_eq(list.n, 3);
    assert_params(dial_params_find(&list, 1000, "isp"), "alice", "", "a");
    assert_params(dial_params_find(&list, 1001, "isp"), "bob", "", "b");
    ck_assert_ptr_null(dial_params_find(&list, 1002, "isp"));
    ck_assert_ptr_null(dial_params_find(&list, 1001, "other"));
    ck_assert_ptr_null(dial_params_find(&list, 1000, "ISP"));
}
END_TEST

START_TEST(test_absent_members_keep_what_is_saved) {
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", "alice", "CORP", "secret", false), 0);
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", NULL, NULL, NULL, false), 0);
    assert_params(dial_params_find(&list, 1000, "isp"), "alice", "CORP", "secret");
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", "bob", NULL, NULL, false), 0);
    assert_params(dial_params_find(&list, 1000, "isp"), "bob", "CORP", "secret");
    ck_assert_uint_eq(list.n, 1);
}
END_TEST

START_TEST(test_remove_password_forgets_only_the_password) {
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", "alice", "CORP", "secret", false), 0);
    /* a password given together with the removal is not saved either */
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", NULL, NULL, "other", true), 0);
    assert_params(dial_params_find(&list, 1000, "isp"), "alice", "CORP", NULL);
    DialParamsList back = round_trip(&list);
    assert_params(dial_params_find(&back, 1000, "isp"), "alice", "CORP", NULL);
    dial_params_list_done(&back);
}
END_TEST

START_TEST(test_empty_password_is_a_saved_password) {
    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", "alice", "", "", false), 0);
    DialParamsList back = round_trip(&list);
    assert_params(dial_params_find(&back, 1000, "isp"), "alice", "", "");
    dial_params_list_done(&back);
}
END_TEST

static const char *const bad_records[] = {
    "1000 =isp =alice =\n",                 /* four fields */
    "1000 =isp =alice = - extra\n",         /* six fields */
    "x1000 =isp =alice = -\n",
    "-1 =isp =alice = -\n",
    "4294967295 =isp =alice = -\n",         /* (uid_t) -1 is nobody's */
    "1000 - =alice = -\n",                  /* no entry */
    "1000 isp =alice = -\n",                /* fields start with '=' */
    "1000 =isp =al%zzice = -\n",
    "1000 =isp =alice = =a%00b\n",
};

START_TEST(test_bad_record_is_skipped_and_the_rest_kept) {
    char text[256];
    int n = snprintf(text, sizeof(text), "# comment\n%s1001 =good =bob =DOM =pw\n", bad_records[_i]);
    FILE *f = fmemopen(text, (size_t) n, "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(dial_params_parse(f, &list), 0);
    fclose(f);
    ck_assert_msg(list.n == 1, "accepted: %s", bad_records[_i]);
    assert_params(dial_params_find(&list, 1001, "good"), "bob", "DOM", "pw");
}
END_TEST

START_TEST(test_saved_file_is_root_only_and_replaced_whole) {
    char path[SCRATCH_PATH_MAX];
    struct stat st;
    scratch_dir_new(dir);
    scratch_path(path, dir, "state");

    ck_assert_int_eq(dial_params_set(&list, 1000, "isp", "alice", "", "secret", false), 0);
    ck_assert_int_eq(dial_params_save(path, &list), 0);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, 0700);
    ck_assert_uint_eq(scratch_count(path), 1);

    char file[SCRATCH_PATH_MAX];
    ck_assert_int_eq(stat(scratch_path(file, path, "dialparams"), &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, 0600);

    DialParamsList back;
    ck_assert_int_eq(dial_params_load(path, &back), 0);
    assert_params(dial_params_find(&back, 1000, "isp"), "alice", "", "secret");
    dial_params_list_done(&back);
}
END_TEST

START_TEST(test_missing_file_is_an_empty_list) {
    char path[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    DialParamsList back = { .n = 99 };
    ck_assert_int_eq(dial_params_load(scratch_path(path, dir, "nothing"), &back), 0);
    ck_assert_uint_eq(back.n, 0);
    dial_params_list_done(&back);
}
END_TEST

Suite *dial_params_suite(void) {
    Suite *s = suite_create("dial_params");
    TCase *tc = tcase_create("store");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_every_field_survives_the_round_trip);
    tcase_add_test(tc, test_records_are_per_uid_and_entry);
    tcase_add_test(tc, test_absent_members_keep_what_is_saved);
    tcase_add_test(tc, test_remove_password_forgets_only_the_password);
    tcase_add_test(tc, test_empty_password_is_a_saved_password);
    tcase_add_loop_test(tc, test_bad_record_is_skipped_and_the_rest_kept, 0, (int) ELEMENTSOF(bad_records));
    tcase_add_test(tc, test_saved_file_is_root_only_and_replaced_whole);
    tcase_add_test(tc, test_missing_file_is_an_empty_list);
    suite_add_tcase(s, tc);
    return s;
}
