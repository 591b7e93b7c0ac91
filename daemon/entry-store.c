/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic-file.h"
#include "entry-store.h"
#include "util.h"

#define ENTRY_MODE 0644

static int open_dir(const char *dir) {
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

void entry_store_kept_free(char **kept) {
    for (char **l = kept; l && *l; l++)
        free(*l);
    free(kept);
}

/* The entry's text; -ENOENT for anything but a regular file (a symlink
 * the administrator made is followed: the directory is root's). */
static int read_text_at(int dir_fd, const char *name, char **ret) {
    _cleanup_(closep) int fd = openat(dir_fd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return errno == ENOENT || errno == ENOTDIR || errno == ELOOP ? -ENOENT : -errno;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode))
        return -ENOENT;
    if (st.st_size > PEERS_FILE_MAX)
        return -EFBIG;

    char *buf = malloc(PEERS_FILE_MAX + 1);
    if (!buf)
        return -ENOMEM;
    size_t n = 0;
    for (;;) {
        ssize_t k = read(fd, buf + n, PEERS_FILE_MAX + 1 - n);
        if (k < 0) {
            int r = -errno;
            free(buf);
            return r;
        }
        if (k == 0)
            break;
        n += (size_t) k;
        if (n > PEERS_FILE_MAX) {
            free(buf);
            return -EFBIG;
        }
    }
    buf[n] = '\0';
    *ret = buf;
    return 0;
}

int entry_store_read(const char *dir, const char *name, PeersEntry *ret, char ***ret_kept) {
    assert(dir);
    assert(name);
    assert(ret);

    _cleanup_(closep) int dir_fd = open_dir(dir);
    if (dir_fd < 0)
        return dir_fd == -ENOENT ? -ENOENT : dir_fd;
    _cleanup_(freep) char *text = NULL;
    int r = read_text_at(dir_fd, name, &text);
    if (r < 0)
        return r;
    return peers_entry_parse(text, ret, ret_kept);
}

typedef struct WriteArgs {
    const PeersEntry *entry;
    char *const *kept;
} WriteArgs;

static int format_entry(FILE *f, const void *userdata) {
    const WriteArgs *a = userdata;
    return peers_entry_format(f, a->entry, a->kept);
}

int entry_store_write(const char *dir, const char *name, const PeersEntry *e) {
    assert(dir);
    assert(name);
    assert(e);

    int r = peers_entry_validate(e);
    if (r < 0)
        return r;
    _cleanup_(closep) int dir_fd = open_dir(dir);
    if (dir_fd < 0)
        return dir_fd;

    /* a hand-written entry keeps the lines the mapping does not manage */
    char **kept = NULL;
    _cleanup_(freep) char *text = NULL;
    r = read_text_at(dir_fd, name, &text);
    if (r >= 0) {
        PeersEntry old;
        r = peers_entry_parse(text, &old, &kept);
    }
    if (r < 0 && r != -ENOENT)
        return r;

    WriteArgs args = { .entry = e, .kept = kept };
    r = atomic_file_write_at(dir_fd, name, ENTRY_MODE, ATOMIC_FILE_DURABLE, format_entry, &args);
    entry_store_kept_free(kept);
    return r;
}

/* Regular files and symlinks are entries to remove; never a directory. */
static int check_entry_at(int dir_fd, const char *name) {
    struct stat st;
    if (fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return errno == ENOENT ? -ENOENT : -errno;
    return S_ISREG(st.st_mode) || S_ISLNK(st.st_mode) ? 0 : -ENOENT;
}

int entry_store_subentry_name(const char *name, unsigned n, char *buf, size_t size) {
    assert(name);
    assert(buf);
    assert(n >= 2);
    int k = snprintf(buf, size, ".%s.link-%u", name, n);
    return k < 0 || (size_t) k >= size || k > NAME_MAX ? -ENAMETOOLONG : 0;
}

static unsigned count_links_at(int dir_fd, const char *name) {
    unsigned n = 1;
    char sub[PATH_MAX];
    while (n < ENTRY_SUBENTRIES_MAX && entry_store_subentry_name(name, n + 1, sub, sizeof(sub)) >= 0 &&
           check_entry_at(dir_fd, sub) >= 0)
        n++;
    return n;
}

int entry_store_count_links(const char *dir, const char *name, unsigned *ret) {
    assert(dir);
    assert(name);
    assert(ret);

    _cleanup_(closep) int dir_fd = open_dir(dir);
    if (dir_fd < 0)
        return dir_fd;
    *ret = count_links_at(dir_fd, name);
    return 0;
}

int entry_store_read_link(const char *dir, const char *name, unsigned n, PeersEntry *ret) {
    assert(dir);
    assert(name);
    assert(ret);

    if (n == 1)
        return entry_store_read(dir, name, ret, NULL);
    char sub[PATH_MAX];
    if (n == 0 || n > ENTRY_SUBENTRIES_MAX || entry_store_subentry_name(name, n, sub, sizeof(sub)) < 0)
        return -ENOENT;
    return entry_store_read(dir, sub, ret, NULL);
}

int entry_store_write_link(const char *dir, const char *name, unsigned n, const PeersEntry *e) {
    assert(dir);
    assert(name);
    assert(e);
    assert(n >= 2);

    char sub[PATH_MAX];
    int r = entry_store_subentry_name(name, n, sub, sizeof(sub));
    if (r < 0)
        return r;
    return entry_store_write(dir, sub, e);
}

/* Every subentry file of name, renamed along (new_name) or removed (NULL). */
static void move_subentries_at(int dir_fd, const char *name, const char *new_name) {
    unsigned links = count_links_at(dir_fd, name);
    for (unsigned n = 2; n <= links; n++) {
        char sub[PATH_MAX], new_sub[PATH_MAX];
        if (entry_store_subentry_name(name, n, sub, sizeof(sub)) < 0)
            break;
        if (!new_name)
            (void) unlinkat(dir_fd, sub, 0);
        else if (entry_store_subentry_name(new_name, n, new_sub, sizeof(new_sub)) < 0 ||
                 renameat(dir_fd, sub, dir_fd, new_sub) < 0)
            (void) unlinkat(dir_fd, sub, 0);   /* a link left behind would join another entry */
    }
}

int entry_store_delete(const char *dir, const char *name) {
    assert(dir);
    assert(name);

    _cleanup_(closep) int dir_fd = open_dir(dir);
    if (dir_fd < 0)
        return dir_fd;
    int r = check_entry_at(dir_fd, name);
    if (r < 0)
        return r;
    move_subentries_at(dir_fd, name, NULL);
    if (unlinkat(dir_fd, name, 0) < 0)
        return errno == ENOENT ? -ENOENT : -errno;
    (void) fsync(dir_fd);
    return 0;
}

int entry_store_rename(const char *dir, const char *old_name, const char *new_name) {
    assert(dir);
    assert(old_name);
    assert(new_name);

    _cleanup_(closep) int dir_fd = open_dir(dir);
    if (dir_fd < 0)
        return dir_fd;
    int r = check_entry_at(dir_fd, old_name);
    if (r < 0)
        return r;
    if (renameat2(dir_fd, old_name, dir_fd, new_name, RENAME_NOREPLACE) < 0)
        return errno == EEXIST ? -EEXIST : errno == ENOENT ? -ENOENT : -errno;
    move_subentries_at(dir_fd, old_name, new_name);
    (void) fsync(dir_fd);
    return 0;
}

int entry_store_exists(const char *dir, const char *name) {
    assert(dir);
    assert(name);

    _cleanup_(closep) int dir_fd = open_dir(dir);
    if (dir_fd < 0)
        return dir_fd == -ENOENT ? 0 : dir_fd;
    struct stat st;
    if (fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return errno == ENOENT ? 0 : -errno;
    return 1;
}
