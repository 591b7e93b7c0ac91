/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "phonebook.h"
#include "util.h"

bool phonebook_entry_name_is_valid(const char *name) {
    if (isempty(name) || name[0] == '.')
        return false;
    size_t n = strnlen(name, PHONEBOOK_ENTRY_MAX + 1);
    if (n > PHONEBOOK_ENTRY_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (name[i] == '/' || (unsigned char) name[i] < 0x20 || name[i] == 0x7f)
            return false;
    return true;
}

int phonebook_entry_check(const char *dir, const char *name) {
    assert(dir);

    if (!phonebook_entry_name_is_valid(name))
        return -ENOENT;
    _cleanup_(closep) int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return errno == ENOENT || errno == ENOTDIR ? -ENOENT : -errno;
    /* pppd follows symlinks in peers/ too: stat, not lstat. */
    struct stat st;
    if (fstatat(dfd, name, &st, 0) < 0)
        return errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? -ENOENT : -errno;
    return S_ISREG(st.st_mode) ? 0 : -ENOENT;
}

void strv_free(char **l) {
    if (!l)
        return;
    for (char **i = l; *i; i++)
        free(*i);
    free(l);
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

int phonebook_list(const char *dir, char ***ret, size_t *ret_n) {
    assert(dir);
    assert(ret);
    assert(ret_n);

    char **list = calloc(1, sizeof(char *));
    if (!list)
        return -ENOMEM;
    size_t n = 0;

    DIR *d = opendir(dir);
    if (!d) {
        if (errno != ENOENT) {
            int r = -errno;
            free(list);
            return r;
        }
        *ret = list;
        *ret_n = 0;
        return 0;
    }
    struct dirent *de;
    int r = 0;
    while ((errno = 0, de = readdir(d))) {
        if (!phonebook_entry_name_is_valid(de->d_name))
            continue;
        struct stat st;
        if (fstatat(dirfd(d), de->d_name, &st, 0) < 0 || !S_ISREG(st.st_mode))
            continue;
        char **grown = realloc(list, (n + 2) * sizeof(char *));
        if (!grown) {
            r = -ENOMEM;
            break;
        }
        list = grown;
        list[n] = strdup(de->d_name);
        if (!list[n]) {
            r = -ENOMEM;
            break;
        }
        list[++n] = NULL;
    }
    if (r == 0 && errno != 0)
        r = -errno;
    closedir(d);
    if (r < 0) {
        strv_free(list);
        return r;
    }
    qsort(list, n, sizeof(char *), compare_strings);
    *ret = list;
    *ret_n = n;
    return 0;
}
