/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scratch-dir.h"
#include "suites.h"

void scratch_dir_new(char path[SCRATCH_PATH_MAX]) {
    const char *tmp = getenv("TMPDIR");
    snprintf(path, SCRATCH_PATH_MAX, "%s/pppras-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(path));
}

char *scratch_path(char path[SCRATCH_PATH_MAX], const char *dir, const char *name) {
    snprintf(path, SCRATCH_PATH_MAX, "%s/%s", dir, name);
    return path;
}

void scratch_write(const char *dir, const char *name, const char *contents) {
    char path[SCRATCH_PATH_MAX];
    FILE *f = fopen(scratch_path(path, dir, name), "we");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_ge(fputs(contents, f), 0);
    ck_assert_int_eq(fclose(f), 0);
}

size_t scratch_count(const char *dir) {
    DIR *d = opendir(dir);
    size_t n = 0;
    ck_assert_ptr_nonnull(d);
    for (struct dirent *de; (de = readdir(d));)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static int remove_one(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void) st;
    (void) type;
    (void) ftw;
    (void) remove(path);
    return 0;
}

void scratch_dir_remove(const char *dir) {
    if (dir && dir[0])
        (void) nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
