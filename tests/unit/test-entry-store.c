/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/entry-store.c: entries are written whole or not at all, through
 * the directory (no temporary left behind), 0644; only regular files are
 * read, never more than PEERS_FILE_MAX; a multilink entry's link files go
 * with it on rename and delete; a directory is never an entry. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../daemon/entry-access.h"
#include "../../daemon/entry-store.h"
#include "scratch-dir.h"
#include "suites.h"

static char dir[SCRATCH_PATH_MAX];

static void setup(void) {
    scratch_dir_new(dir);
}

static void teardown(void) {
    scratch_dir_remove(dir);
}

static PeersEntry modem(const char *phone) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_MODEM;
    strcpy(e.device_name, "ttyS0");
    strcpy(e.phone, phone);
    return e;
}

static bool exists(const char *name) {
    char path[SCRATCH_PATH_MAX];
    return access(scratch_path(path, dir, name), F_OK) == 0;
}

START_TEST(test_write_is_atomic_0644_and_leaves_no_temporary) {
    PeersEntry e = modem("123"), back;
    ck_assert_int_eq(entry_store_write(dir, "isp", &e), 0);
    char path[SCRATCH_PATH_MAX];
    struct stat st;
    ck_assert_int_eq(stat(scratch_path(path, dir, "isp"), &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, 0644);
    ino_t first = st.st_ino;
    ck_assert_uint_eq(scratch_count(dir), 1);

    e = modem("456");
    ck_assert_int_eq(entry_store_write(dir, "isp", &e), 0);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_ne(st.st_ino, first);   /* replaced by rename, not rewritten in place */
    ck_assert_uint_eq(scratch_count(dir), 1);
    ck_assert_int_eq(entry_store_read(dir, "isp", &back, NULL), 0);
    ck_assert_str_eq(back.phone, "456");
}
END_TEST

START_TEST(test_an_invalid_entry_writes_nothing) {
    PeersEntry e = modem("1\nplugin x.so");
    ck_assert_int_eq(entry_store_write(dir, "isp", &e), -EINVAL);
    ck_assert_uint_eq(scratch_count(dir), 0);
}
END_TEST

START_TEST(test_rewriting_a_hand_written_entry_keeps_its_other_lines) {
    scratch_write(dir, "isp", "user bob\n/dev/ttyS1\nasyncmap 0\n");
    PeersEntry e = modem("789");
    ck_assert_int_eq(entry_store_write(dir, "isp", &e), 0);
    char **kept = NULL;
    PeersEntry back;
    ck_assert_int_eq(entry_store_read(dir, "isp", &back, &kept), 0);
    ck_assert_str_eq(back.device_name, "ttyS0");
    ck_assert_ptr_nonnull(kept[0]);
    ck_assert_str_eq(kept[0], "user bob");
    ck_assert_str_eq(kept[1], "asyncmap 0");
    ck_assert_ptr_null(kept[2]);
    entry_store_kept_free(kept);
}
END_TEST

START_TEST(test_only_regular_files_of_bounded_size_are_read) {
    PeersEntry e;
    char path[SCRATCH_PATH_MAX];
    ck_assert_int_eq(mkfifo(scratch_path(path, dir, "fifo"), 0644), 0);
    ck_assert_int_eq(entry_store_read(dir, "fifo", &e, NULL), -ENOENT);   /* and it did not block */
    ck_assert_int_eq(mkdir(scratch_path(path, dir, "subdir"), 0755), 0);
    ck_assert_int_eq(entry_store_read(dir, "subdir", &e, NULL), -ENOENT);
    ck_assert_int_eq(entry_store_delete(dir, "subdir"), -ENOENT);
    ck_assert_int_eq(entry_store_read(dir, "missing", &e, NULL), -ENOENT);

    char *big = malloc(PEERS_FILE_MAX + 2);
    memset(big, '#', PEERS_FILE_MAX + 1);
    big[PEERS_FILE_MAX + 1] = '\0';
    scratch_write(dir, "big", big);
    free(big);
    ck_assert_int_eq(entry_store_read(dir, "big", &e, NULL), -EFBIG);
    e = modem("1");
    ck_assert_int_eq(entry_store_write(dir, "big", &e), -EFBIG);   /* never truncated to what fits */

    scratch_write(dir, "real", "/dev/ttyS3\n");
    ck_assert_int_eq(symlink("real", scratch_path(path, dir, "alias")), 0);
    ck_assert_int_eq(entry_store_read(dir, "alias", &e, NULL), 0);
    ck_assert_str_eq(e.device_name, "ttyS3");
}
END_TEST

START_TEST(test_links_go_with_their_entry) {
    PeersEntry e = modem("1");
    ck_assert_int_eq(entry_store_write(dir, "pair", &e), 0);
    unsigned links;
    ck_assert_int_eq(entry_store_count_links(dir, "pair", &links), 0);
    ck_assert_uint_eq(links, 1);
    e = modem("2");
    ck_assert_int_eq(entry_store_write_link(dir, "pair", 2, &e), 0);
    e = modem("3");
    ck_assert_int_eq(entry_store_write_link(dir, "pair", 3, &e), 0);
    ck_assert(exists(".pair.link-2"));
    ck_assert_int_eq(entry_store_count_links(dir, "pair", &links), 0);
    ck_assert_uint_eq(links, 3);
    PeersEntry back;
    ck_assert_int_eq(entry_store_read_link(dir, "pair", 3, &back), 0);
    ck_assert_str_eq(back.phone, "3");
    ck_assert_int_eq(entry_store_read_link(dir, "pair", 4, &back), -ENOENT);
    ck_assert_int_eq(entry_store_read_link(dir, "pair", 0, &back), -ENOENT);

    ck_assert_int_eq(entry_store_rename(dir, "pair", "duo"), 0);
    ck_assert(!exists(".pair.link-2") && !exists(".pair.link-3"));
    ck_assert(exists("duo") && exists(".duo.link-2") && exists(".duo.link-3"));
    ck_assert_int_eq(entry_store_delete(dir, "duo"), 0);
    ck_assert_uint_eq(scratch_count(dir), 0);
}
END_TEST

START_TEST(test_rename_never_replaces_and_long_names_have_no_links) {
    PeersEntry e = modem("1");
    ck_assert_int_eq(entry_store_write(dir, "a", &e), 0);
    ck_assert_int_eq(entry_store_write(dir, "b", &e), 0);
    ck_assert_int_eq(entry_store_rename(dir, "a", "b"), -EEXIST);
    ck_assert_int_eq(entry_store_rename(dir, "zz", "c"), -ENOENT);
    ck_assert(exists("a"));

    char name[NAME_MAX];
    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    char buf[PATH_MAX];
    ck_assert_int_eq(entry_store_subentry_name(name, 2, buf, sizeof(buf)), -ENAMETOOLONG);
    ck_assert_int_eq(entry_store_subentry_name("x", 2, buf, sizeof(buf)), 0);
    ck_assert_str_eq(buf, ".x.link-2");
}
END_TEST

Suite *entry_store_suite(void) {
    Suite *s = suite_create("entry_store");
    TCase *tc = tcase_create("files");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_write_is_atomic_0644_and_leaves_no_temporary);
    tcase_add_test(tc, test_an_invalid_entry_writes_nothing);
    tcase_add_test(tc, test_rewriting_a_hand_written_entry_keeps_its_other_lines);
    tcase_add_test(tc, test_only_regular_files_of_bounded_size_are_read);
    tcase_add_test(tc, test_links_go_with_their_entry);
    tcase_add_test(tc, test_rename_never_replaces_and_long_names_have_no_links);
    suite_add_tcase(s, tc);
    return s;
}

/* daemon/entry-access.c: "Who may write: root and a group (EntryGroup=)". */
START_TEST(test_root_and_the_entry_group_may_write) {
    const gid_t none[] = { 0 };
    const gid_t with[] = { 10, 4242, 20 };
    ck_assert(entry_access_may_write(0, 0, NULL, 0, (gid_t) -1));
    ck_assert(entry_access_may_write(0, 1000, NULL, 0, 4242));
    ck_assert(entry_access_may_write(1000, 4242, NULL, 0, 4242));         /* primary group */
    ck_assert(entry_access_may_write(1000, 1000, with, 3, 4242));         /* supplementary */
    ck_assert(!entry_access_may_write(1000, 1000, with, 2, 20));           /* not within n_groups */
    ck_assert(!entry_access_may_write(1000, 1000, none, 1, 4242));
    ck_assert(!entry_access_may_write(1000, 4242, with, 3, (gid_t) -1));  /* no group: root only */
    ck_assert(!entry_access_may_write(65534, 65534, NULL, 0, 4242));
    ck_assert_uint_eq(entry_access_lookup_group(""), (gid_t) -1);
    ck_assert_uint_eq(entry_access_lookup_group("no-such-group-pppras-x"), (gid_t) -1);
    ck_assert_uint_eq(entry_access_lookup_group("root"), 0);
}
END_TEST

Suite *entry_access_suite(void) {
    Suite *s = suite_create("entry_access");
    TCase *tc = tcase_create("who");
    tcase_add_test(tc, test_root_and_the_entry_group_may_write);
    suite_add_tcase(s, tc);
    return s;
}
