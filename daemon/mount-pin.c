/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "mount-pin.h"
#include "util.h"

/* glibc 2.36 declares open_tree and move_mount but not openat2: all
 * three through syscall() so that older headers build too. */
static int sys_openat2(int dir_fd, const char *path, uint64_t flags, uint64_t resolve) {
    struct open_how how = { .flags = flags, .resolve = resolve };
    return (int) syscall(SYS_openat2, dir_fd, path, &how, sizeof how);
}

static int sys_open_tree(int dir_fd, const char *path, unsigned flags) {
    return (int) syscall(SYS_open_tree, dir_fd, path, flags);
}

static int sys_move_mount(int from_fd, const char *from, int to_fd, const char *to, unsigned flags) {
    return (int) syscall(SYS_move_mount, from_fd, from, to_fd, to, flags);
}

static void fclosep(FILE **f) {
    if (*f)
        fclose(*f);
}

/* mountinfo escapes space, tab, newline and backslash as \ooo. */
static void unescape_octal(char *s) {
    char *o = s;
    for (char *i = s; *i; ) {
        if (i[0] == '\\' && i[1] >= '0' && i[1] <= '3' && i[2] >= '0' && i[2] <= '7' &&
            i[3] >= '0' && i[3] <= '7') {
            *o++ = (char) (((i[1] - '0') << 6) | ((i[2] - '0') << 3) | (i[3] - '0'));
            i += 4;
        } else
            *o++ = *i++;
    }
    *o = '\0';
}

/* RESOLVE_NO_SYMLINKS refuses a symlink anywhere, the last component
 * included (O_NOFOLLOW would open that one as itself instead). */
static int open_path(int dir_fd, const char *path, int *ret_fd) {
    int fd = sys_openat2(dir_fd, path, O_PATH | O_CLOEXEC, RESOLVE_NO_SYMLINKS);
    if (fd < 0)
        return errno == ELOOP || errno == EXDEV ? -EACCES : -errno;
    *ret_fd = fd;
    return 0;
}

int mount_id_of_fd(int fd, uint64_t *ret) {
    char path[64], line[128];
    _cleanup_(fclosep) FILE *f = NULL;

    assert(fd >= 0);
    assert(ret);

    /* fdinfo, not statx: no getattr that would wait on a dead server */
    snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
    f = fopen(path, "re");
    if (!f)
        return -errno;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "mnt_id:", 7) == 0) {
            char *end;
            unsigned long long id = strtoull(line + 7, &end, 10);
            if (end == line + 7 || id == 0)
                return -EBADMSG;
            *ret = id;
            return 0;
        }
    return -EBADMSG;
}

/* Opens path's parent and then its last component in it, both without
 * symlinks.  Nothing inside a mount is looked up from its root: a FUSE
 * mount without allow_other refuses even root. */
static int open_with_parent(const char *path, int *ret_parent, int *ret_fd) {
    _cleanup_(freep) char *dir = NULL;
    _cleanup_(closep) int parent = -1;
    const char *name;
    int r, fd;

    if (path[0] != '/')
        return -EACCES;
    name = strrchr(path, '/') + 1;
    if (*name == '\0' || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return -EINVAL;
    dir = strndup(path, name == path + 1 ? 1 : (size_t) (name - 1 - path));
    if (!dir)
        return -ENOMEM;
    r = open_path(AT_FDCWD, dir, &parent);
    if (r < 0)
        return r;
    fd = sys_openat2(parent, name, O_PATH | O_CLOEXEC, RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH);
    if (fd < 0)
        return errno == ELOOP || errno == EXDEV ? -EACCES : -errno;
    *ret_parent = TAKE_FD(parent);
    *ret_fd = fd;
    return 0;
}

/* 1 if fd is the root of a mount on top of a directory in parent_fd. */
static int is_mount_root(int parent_fd, int fd, uint64_t *ret_id) {
    uint64_t id, parent_id;
    int r = mount_id_of_fd(fd, &id);
    if (r >= 0)
        r = mount_id_of_fd(parent_fd, &parent_id);
    if (r < 0)
        return r;
    if (ret_id)
        *ret_id = id;
    return id != parent_id;
}

int mount_pin_dir(const char *path, uid_t owner, int *ret_fd) {
    _cleanup_(closep) int parent = -1, fd = -1;
    struct stat st;
    int r;

    assert(path);
    assert(ret_fd);

    r = open_with_parent(path, &parent, &fd);
    if (r < 0)
        return r;
    r = is_mount_root(parent, fd, NULL);
    if (r < 0)
        return r;
    if (r > 0)
        return -EEXIST;
    if (fstat(fd, &st) < 0)
        return -errno;
    if (S_ISLNK(st.st_mode))
        return -EACCES;              /* cannot happen with RESOLVE_NO_SYMLINKS; never a link */
    if (!S_ISDIR(st.st_mode))
        return -ENOTDIR;
    if (owner != (uid_t) -1 && st.st_uid != owner)
        return -EACCES;
    *ret_fd = TAKE_FD(fd);
    return 0;
}

int mount_move_onto(const char *staged, int target_fd, uint64_t *ret_mnt_id) {
    _cleanup_(closep) int tree = -1;
    uint64_t id;
    int r;

    assert(staged);
    assert(target_fd >= 0);
    assert(ret_mnt_id);

    tree = sys_open_tree(AT_FDCWD, staged, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_SYMLINK_NOFOLLOW);
    if (tree < 0)
        return -errno;
    r = mount_id_of_fd(tree, &id);
    if (r < 0)
        return r;
    if (sys_move_mount(tree, "", target_fd, "", MOVE_MOUNT_F_EMPTY_PATH | MOVE_MOUNT_T_EMPTY_PATH) < 0)
        return -errno;
    (void) umount2(staged, MNT_DETACH | UMOUNT_NOFOLLOW);
    *ret_mnt_id = id;
    return 0;
}

/* Calls fn for each line's id, mount point and type until it returns non-zero. */
static int mountinfo_walk(int (*fn)(uint64_t id, char *mount_point, char *fstype, void *userdata),
                          void *userdata) {
    _cleanup_(fclosep) FILE *f = NULL;
    _cleanup_(freep) char *line = NULL;
    size_t size = 0;

    f = fopen("/proc/self/mountinfo", "re");
    if (!f)
        return -errno;
    while (getline(&line, &size, f) > 0) {
        /* ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER */
        char *fields[6], *p = line, *save = NULL, *t, *fstype = NULL;
        int i;
        for (i = 0; i < 6 && (fields[i] = strtok_r(p, " \n", &save)); i++)
            p = NULL;
        if (i < 6)
            continue;
        while ((t = strtok_r(NULL, " \n", &save)))
            if (strcmp(t, "-") == 0) {
                fstype = strtok_r(NULL, " \n", &save);
                break;
            }
        char *end;
        unsigned long long id = strtoull(fields[0], &end, 10);
        if (*end || id == 0)
            continue;
        unescape_octal(fields[4]);
        int r = fn(id, fields[4], fstype ?: (char *) "", userdata);
        if (r != 0)
            return r;
    }
    return 0;
}

static int put_id(uint64_t id, char *mount_point, char *fstype, void *userdata) {
    return u64_map_put(userdata, id, (void *) 1);
}

int mountinfo_ids(U64Map *ret) {
    assert(ret);
    *ret = U64_MAP_INIT;
    int r = mountinfo_walk(put_id, ret);
    if (r < 0)
        u64_map_done(ret);
    return r;
}

typedef struct FindArgs {
    uint64_t id;
    char *path, *fstype;
} FindArgs;

static int find_id(uint64_t id, char *mount_point, char *fstype, void *userdata) {
    FindArgs *a = userdata;
    if (id != a->id)
        return 0;
    a->path = strdup(mount_point);
    a->fstype = strdup(fstype);
    return a->path && a->fstype ? 1 : -ENOMEM;
}

int mountinfo_find(uint64_t mnt_id, char **ret_path, char **ret_fstype) {
    FindArgs a = { .id = mnt_id };
    int r = mountinfo_walk(find_id, &a);
    if (r <= 0) {
        free(a.path);
        free(a.fstype);
        return r < 0 ? r : -ENOENT;
    }
    if (ret_path)
        *ret_path = a.path;
    else
        free(a.path);
    if (ret_fstype)
        *ret_fstype = a.fstype;
    else
        free(a.fstype);
    return 0;
}

static int open_if_id(const char *path, uint64_t mnt_id, int *ret_fd) {
    _cleanup_(closep) int fd = -1;
    uint64_t id;
    int r = open_path(AT_FDCWD, path, &fd);
    if (r >= 0)
        r = mount_id_of_fd(fd, &id);
    if (r < 0)
        return r;
    if (id != mnt_id)
        return -ESTALE;
    *ret_fd = TAKE_FD(fd);
    return 0;
}

int mount_open_recorded(const char *path, uint64_t mnt_id, int *ret_fd, char **ret_path) {
    _cleanup_(freep) char *now = NULL;
    int r;

    assert(ret_fd);
    assert(ret_path);

    if (mnt_id == 0)
        return -ENOENT;
    if (path && open_if_id(path, mnt_id, ret_fd) >= 0) {
        *ret_path = strdup(path);
        if (!*ret_path) {
            *ret_fd = safe_close(*ret_fd);
            return -ENOMEM;
        }
        return 0;
    }
    /* moved (a parent renamed) or gone */
    r = mountinfo_find(mnt_id, &now, NULL);
    if (r < 0)
        return r;
    r = open_if_id(now, mnt_id, ret_fd);
    if (r < 0)
        return -ESTALE;
    *ret_path = TAKE_PTR(now);
    return 0;
}

int mount_detach_fd(int fd, bool abort) {
    char path[64];

    assert(fd >= 0);

    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    if (abort && umount2(path, MNT_FORCE | MNT_DETACH) >= 0)
        return 0;
    /* some file systems refuse MNT_FORCE: detaching alone still unblocks new users */
    if (umount2(path, MNT_DETACH) >= 0)
        return 0;
    return -errno;
}

int mount_unmount_fd(int fd, const char *path, uint64_t mnt_id) {
    _cleanup_(closep) int mount_fd = fd, parent = -1, again = -1;
    char target[PATH_MAX + 32];
    uint64_t id;
    int r;

    assert(fd >= 0);
    assert(path);

    /* the mount's own fd would keep it busy: reach it as NAME in its
     * parent, pinned; a mount point cannot be renamed away (EBUSY), so
     * once the id checks out NAME there stays this mount */
    mount_fd = safe_close(mount_fd);
    r = open_with_parent(path, &parent, &again);
    if (r < 0)
        return r == -ENOENT ? -ENOENT : -ESTALE;
    r = mount_id_of_fd(again, &id);
    if (r < 0)
        return r;
    if (id != mnt_id)
        return -ESTALE;
    again = safe_close(again);

    snprintf(target, sizeof target, "/proc/self/fd/%d/%s", parent, strrchr(path, '/') + 1);
    if (umount2(target, UMOUNT_NOFOLLOW) < 0)
        return -errno;
    return 0;
}

int mount_root_id_at(const char *path, uint64_t *ret) {
    _cleanup_(closep) int fd = -1;
    int r;

    assert(path);
    assert(ret);

    _cleanup_(closep) int parent = -1;
    r = open_with_parent(path, &parent, &fd);
    if (r < 0)
        return r;
    r = is_mount_root(parent, fd, ret);
    if (r < 0)
        return r;
    return r > 0 ? 0 : -ENOENT;
}
