/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peers-entry.h"
#include "serial-by-id.h"

int serial_by_id_name(const char *root, const char *tty, char **ret) {
    assert(root);
    assert(tty);
    assert(ret);

    const char *r0 = strcmp(root, "/") == 0 ? "" : root;
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof(dir), "%s/dev/serial/by-id", r0) >= (int) sizeof(dir))
        return -ENOENT;
    DIR *d = opendir(dir);
    if (!d)
        return -ENOENT;

    const char *best = NULL;
    char *found = NULL;
    struct dirent *de;
    while ((de = readdir(d))) {
        /* only names a peers file may hold come back */
        if (de->d_name[0] == '.' || !peers_tty_name_is_valid(de->d_name))
            continue;
        if (best && strcmp(de->d_name, best) >= 0)
            continue;
        char path[PATH_MAX], target[PATH_MAX];
        if (snprintf(path, sizeof(path), "%s/%s", dir, de->d_name) >= (int) sizeof(path))
            continue;
        ssize_t k = readlink(path, target, sizeof(target) - 1);
        if (k <= 0)
            continue;
        target[k] = '\0';
        const char *base = strrchr(target, '/');
        if (strcmp(base ? base + 1 : target, tty) != 0)
            continue;
        char *copy = strdup(de->d_name);
        if (!copy) {
            free(found);
            closedir(d);
            return -ENOMEM;
        }
        free(found);
        best = found = copy;
    }
    closedir(d);
    if (!found)
        return -ENOENT;
    *ret = found;
    return 0;
}
