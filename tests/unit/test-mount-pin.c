/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The fd-held mount targets, without a bus or a mount: "mount targets
 * are opened without following any symlink and their owner is checked on
 * that fd"; the mount table read by id. */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../daemon/mount-pin.h"
#include "suites.h"

START_TEST(test_pin_dir_refuses_symlinks_and_other_owners) {
    char dir[] = "/tmp/pppras-pin.XXXXXX", path[256], link[256];
    int fd = -1;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/d", dir);
    snprintf(link, sizeof link, "%s/l", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    ck_assert_int_eq(symlink(path, link), 0);

    ck_assert_int_eq(mount_pin_dir(path, getuid(), &fd), 0);
    ck_assert_int_ge(fd, 0);
    uint64_t id;
    ck_assert_int_eq(mount_id_of_fd(fd, &id), 0);
    ck_assert_uint_gt(id, 0);
    close(fd);

    /* a symlink as the last component or on the way */
    snprintf(link, sizeof link, "%s/l", dir);
    ck_assert_int_eq(mount_pin_dir(link, getuid(), &fd), -EACCES);
    char below[300];
    snprintf(below, sizeof below, "%s/l/.", dir);
    ck_assert_int_ne(mount_pin_dir(below, getuid(), &fd), 0);
    ck_assert_int_eq(mkdir(strcat(strcpy(below, path), "/sub"), 0700), 0);
    snprintf(below, sizeof below, "%s/l/sub", dir);
    ck_assert_int_eq(mount_pin_dir(below, getuid(), &fd), -EACCES);

    /* another owner, not a directory, relative */
    ck_assert_int_eq(mount_pin_dir(path, getuid() + 1, &fd), -EACCES);
    ck_assert_int_eq(mount_pin_dir("/dev/null", (uid_t) -1, &fd), -ENOTDIR);
    ck_assert_int_eq(mount_pin_dir("tmp", (uid_t) -1, &fd), -EACCES);

    /* "/proc" is a mount point: already assigned */
    ck_assert_int_eq(mount_pin_dir("/proc", (uid_t) -1, &fd), -EEXIST);
    ck_assert_int_eq(mount_root_id_at("/proc", &id), 0);
    ck_assert_int_eq(mount_root_id_at(path, &id), -ENOENT);

    snprintf(below, sizeof below, "%s/sub", path);
    rmdir(below);
    unlink(link);
    rmdir(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_mountinfo_knows_the_mounts_by_id) {
    U64Map ids;
    uint64_t id;
    char *where = NULL, *type = NULL;

    ck_assert_int_eq(mount_root_id_at("/proc", &id), 0);
    ck_assert_int_eq(mountinfo_ids(&ids), 0);
    ck_assert_ptr_nonnull(u64_map_get(&ids, id));
    u64_map_done(&ids);
    ck_assert_int_eq(mountinfo_find(id, &where, &type), 0);
    ck_assert_str_eq(where, "/proc");
    ck_assert_str_eq(type, "proc");
    free(where);
    free(type);
    ck_assert_int_eq(mountinfo_find(UINT64_MAX, NULL, NULL), -ENOENT);
}
END_TEST

Suite *mount_pin_suite(void) {
    Suite *s = suite_create("mount_pin");
    TCase *tc = tcase_create("mount_pin");
    tcase_add_test(tc, test_pin_dir_refuses_symlinks_and_other_owners);
    tcase_add_test(tc, test_mountinfo_knows_the_mounts_by_id);
    suite_add_tcase(s, tc);
    return s;
}
