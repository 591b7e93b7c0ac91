/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/phonebook.c: entry names are file names inside the phonebook
 * directory; anything with a '/', a leading '.', or control characters is
 * ERROR_CANNOT_FIND_PHONEBOOK_ENTRY (RasDial(3)), at most 256 bytes.  And
 * daemon/pppd-spawn.c: whatever the name looks like, pppd reads it only as
 * the argument of an option, never as an option of its own. */

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../daemon/phonebook.h"
#include "../../daemon/pppd-spawn.h"
#include "../../daemon/util.h"
#include "scratch-dir.h"
#include "suites.h"

static const char *const accepted[] = {
    "isp",
    "my isp",                 /* one argv word for pppd: spaces are fine */
    "-x",                     /* always an option's argument (see the argv test) */
    "--help",
    "nodetach",               /* an option's name, but only ever read as a file name */
    "call",
    "a..b",
    "x.",
    "x..",
    "~user",
    "$HOME",
    "a;b|c&d`e`",             /* no shell ever sees it */
    "Büro",                   /* UTF-8 */
    "接続",
    "\xf0\x9f\x93\x9e phone",
};

static const char *const refused[] = {
    "",
    ".",
    "..",
    ".hidden",
    "./isp",
    "../isp",
    "a/b",
    "/etc/passwd",
    "isp/",
    "a\nb",
    "\tisp",
    "isp\r",
    "a\x1b[31m",
    "del\x7f",
};

START_TEST(test_valid_entry_names_are_accepted) {
    ck_assert_msg(phonebook_entry_name_is_valid(accepted[_i]), "refused: \"%s\"", accepted[_i]);
}
END_TEST

START_TEST(test_invalid_entry_names_are_refused) {
    ck_assert_msg(!phonebook_entry_name_is_valid(refused[_i]), "accepted: \"%s\"", refused[_i]);
}
END_TEST

START_TEST(test_null_is_refused) {
    ck_assert(!phonebook_entry_name_is_valid(NULL));
}
END_TEST

START_TEST(test_256_bytes_is_the_longest_name) {
    char name[PHONEBOOK_ENTRY_MAX + 2];
    memset(name, 'n', sizeof(name));
    name[PHONEBOOK_ENTRY_MAX] = '\0';
    ck_assert(phonebook_entry_name_is_valid(name));
    name[PHONEBOOK_ENTRY_MAX] = 'n';
    name[PHONEBOOK_ENTRY_MAX + 1] = '\0';
    ck_assert(!phonebook_entry_name_is_valid(name));
}
END_TEST

static char dir[SCRATCH_PATH_MAX];

static void files_setup(void) {
    char path[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    scratch_write(dir, "isp", "# peers file\n");
    scratch_write(dir, "-x", "");
    scratch_write(dir, "Büro", "");
    scratch_write(dir, ".hidden", "");
    ck_assert_int_eq(mkdir(scratch_path(path, dir, "subdir"), 0755), 0);
    ck_assert_int_eq(symlink("isp", scratch_path(path, dir, "alias")), 0);
    ck_assert_int_eq(symlink("nowhere", scratch_path(path, dir, "dangling")), 0);
    ck_assert_int_eq(symlink("/dev/null", scratch_path(path, dir, "device")), 0);
}

static void files_teardown(void) {
    scratch_dir_remove(dir);
}

START_TEST(test_entry_check_finds_regular_files_only) {
    ck_assert_int_eq(phonebook_entry_check(dir, "isp"), 0);
    ck_assert_int_eq(phonebook_entry_check(dir, "-x"), 0);
    ck_assert_int_eq(phonebook_entry_check(dir, "Büro"), 0);
    ck_assert_int_eq(phonebook_entry_check(dir, "alias"), 0);      /* pppd follows symlinks too */
    ck_assert_int_eq(phonebook_entry_check(dir, "missing"), -ENOENT);
    ck_assert_int_eq(phonebook_entry_check(dir, "subdir"), -ENOENT);
    ck_assert_int_eq(phonebook_entry_check(dir, "dangling"), -ENOENT);
    ck_assert_int_eq(phonebook_entry_check(dir, "device"), -ENOENT);
    ck_assert_int_eq(phonebook_entry_check(dir, ".hidden"), -ENOENT);
    /* a real file reached by a path is still no entry */
    ck_assert_int_eq(phonebook_entry_check(dir, "subdir/../isp"), -ENOENT);
    ck_assert_int_eq(phonebook_entry_check(dir, "./isp"), -ENOENT);
}
END_TEST

START_TEST(test_entry_check_in_a_missing_directory_is_enoent) {
    char path[SCRATCH_PATH_MAX];
    ck_assert_int_eq(phonebook_entry_check(scratch_path(path, dir, "no-such-dir"), "isp"), -ENOENT);
    ck_assert_int_eq(phonebook_entry_check(scratch_path(path, dir, "isp"), "isp"), -ENOENT);   /* not a dir */
}
END_TEST

START_TEST(test_list_gives_valid_regular_entries_sorted) {
    char **names;
    size_t n;
    ck_assert_int_eq(phonebook_list(dir, &names, &n), 0);
    const char *want[] = { "-x", "Büro", "alias", "isp" };   /* strcmp order */
    ck_assert_uint_eq(n, ELEMENTSOF(want));
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(names[i], want[i]);
    ck_assert_ptr_null(names[n]);
    strv_free(names);
}
END_TEST

START_TEST(test_list_of_a_missing_directory_is_empty) {
    char path[SCRATCH_PATH_MAX], **names;
    size_t n = 99;
    ck_assert_int_eq(phonebook_list(scratch_path(path, dir, "no-such-dir"), &names, &n), 0);
    ck_assert_uint_eq(n, 0);
    ck_assert_ptr_null(names[0]);
    strv_free(names);
}
END_TEST

START_TEST(test_entry_is_only_ever_an_options_argument) {
    for (size_t k = 0; k < ELEMENTSOF(accepted); k++)
        for (int own = 0; own < 2; own++) {
            const char *argv[PPPD_ARGV_MAX];
            PppdSpawn s = { .pppd_path = "/usr/sbin/pppd", .plugin_path = "/p/pppras.so", .entry = accepted[k],
                            .entry_file = own ? NULL : "/srv/peers/x" };
            /* pppd's "call NAME" / "file PATH" and the plugin's
             * "pppras-entry NAME" each take the next word whatever it is */
            const char *const want[] = { "/usr/sbin/pppd", own ? "call" : "file", own ? accepted[k] : "/srv/peers/x",
                                         "nodetach", "plugin", "/p/pppras.so", "pppras-entry", accepted[k], NULL };
            pppd_spawn_argv(&s, argv);
            for (size_t i = 0; i < ELEMENTSOF(want); i++)
                ck_assert_msg(streq_ptr(argv[i], want[i]), "entry \"%s\": argv[%zu] is \"%s\", want \"%s\"",
                              accepted[k], i, strempty(argv[i]), strempty(want[i]));
        }
}
END_TEST

/* The dial's override follows everything else, each value the argument
 * of its option; a PPPoE entry's also sets the service. */
START_TEST(test_phone_override_is_the_last_options_argument) {
    for (int pppoe = 0; pppoe < 2; pppoe++) {
        const char *argv[PPPD_ARGV_MAX];
        PppdSpawn s = { .pppd_path = "/usr/sbin/pppd", .plugin_path = "/p/pppras.so", .entry = "isp",
                        .entry_file = "/srv/peers/isp", .runtime_dir = "/run/x", .phone = "-x y",
                        .pppoe_service = pppoe };
        const char *const want[] = { "/usr/sbin/pppd", "file", "/srv/peers/isp", "nodetach", "plugin",
                                     "/p/pppras.so", "pppras-entry", "isp", "pppras-runtime-dir", "/run/x",
                                     "pppras-phone", "-x y", pppoe ? "rp_pppoe_service" : NULL,
                                     pppoe ? "-x y" : NULL, NULL };
        pppd_spawn_argv(&s, argv);
        for (size_t i = 0; i < ELEMENTSOF(want); i++) {
            ck_assert_msg(streq_ptr(argv[i], want[i]), "argv[%zu] is \"%s\", want \"%s\"", i, strempty(argv[i]),
                          strempty(want[i]));
            if (!want[i])
                break;
        }
    }
}
END_TEST

Suite *entry_name_suite(void) {
    Suite *s = suite_create("entry_name");
    TCase *tc = tcase_create("names");

    tcase_add_loop_test(tc, test_valid_entry_names_are_accepted, 0, (int) ELEMENTSOF(accepted));
    tcase_add_loop_test(tc, test_invalid_entry_names_are_refused, 0, (int) ELEMENTSOF(refused));
    tcase_add_test(tc, test_null_is_refused);
    tcase_add_test(tc, test_256_bytes_is_the_longest_name);
    tcase_add_test(tc, test_entry_is_only_ever_an_options_argument);
    tcase_add_test(tc, test_phone_override_is_the_last_options_argument);
    suite_add_tcase(s, tc);

    tc = tcase_create("files");
    tcase_add_checked_fixture(tc, files_setup, files_teardown);
    tcase_add_test(tc, test_entry_check_finds_regular_files_only);
    tcase_add_test(tc, test_entry_check_in_a_missing_directory_is_enoent);
    tcase_add_test(tc, test_list_gives_valid_regular_entries_sorted);
    tcase_add_test(tc, test_list_of_a_missing_directory_is_empty);
    suite_add_tcase(s, tc);
    return s;
}
