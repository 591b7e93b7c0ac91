/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "log.h"
#include "mount-unmount.h"
#include "util.h"

static void closedirp_(DIR **d) {
    if (*d)
        closedir(*d);
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

static void fclosep(FILE **f) {
    if (*f)
        fclose(*f);
}

bool mount_is_mounted(const char *path) {
    _cleanup_(fclosep) FILE *f = NULL;
    _cleanup_(freep) char *line = NULL;
    size_t size = 0;

    assert(path);

    f = fopen("/proc/self/mountinfo", "re");
    if (!f)
        return false;
    while (getline(&line, &size, f) > 0) {
        /* ID PARENT MAJ:MIN ROOT MOUNTPOINT ... */
        char *fields[5];
        char *p = line, *save = NULL;
        int i;
        for (i = 0; i < 5 && (fields[i] = strtok_r(p, " ", &save)); i++)
            p = NULL;
        if (i < 5)
            continue;
        unescape_octal(fields[4]);
        if (strcmp(fields[4], path) == 0)
            return true;
    }
    return false;
}

/* Whether target (a link's text) names path or something below it. */
static bool below(const char *target, const char *path, size_t n) {
    return strncmp(target, path, n) == 0 && (target[n] == '\0' || target[n] == '/' || target[n] == ' ');
}

static bool link_below(int dir_fd, const char *name, const char *path, size_t n) {
    char target[PATH_MAX];
    ssize_t l = readlinkat(dir_fd, name, target, sizeof target - 1);
    if (l <= 0)
        return false;
    target[l] = '\0';
    return below(target, path, n);
}

static bool maps_below(int pid_fd, const char *path, size_t n) {
    _cleanup_(fclosep) FILE *f = NULL;
    _cleanup_(freep) char *line = NULL;
    size_t size = 0;
    int fd;

    fd = openat(pid_fd, "maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    f = fdopen(fd, "re");
    if (!f) {
        close(fd);
        return false;
    }
    while (getline(&line, &size, f) > 0) {
        char *file = strchr(line, '/');
        if (!file)
            continue;
        file[strcspn(file, "\n")] = '\0';
        if (below(file, path, n))
            return true;
    }
    return false;
}

/* Reads links only (never stat()s through them): a scan must not hang on
 * the very server that makes the mount busy. */
MountUse mount_scan_use(const char *path) {
    _cleanup_(closedirp_) DIR *proc = NULL;
    MountUse use = MOUNT_USE_NONE;
    size_t n;
    struct dirent *de;

    assert(path);

    n = strlen(path);
    proc = opendir("/proc");
    if (!proc)
        return MOUNT_USE_NONE;

    while ((de = readdir(proc))) {
        if (!isdigit((unsigned char) de->d_name[0]))
            continue;
        _cleanup_(closep) int pid_fd = openat(dirfd(proc), de->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (pid_fd < 0)
            continue;

        _cleanup_(closep) int fd_dir = openat(pid_fd, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_dir >= 0) {
            DIR *fds = fdopendir(fd_dir);
            if (fds) {
                fd_dir = -1;       /* owned by fds now */
                struct dirent *fe;
                bool open_file = false;
                while (!open_file && (fe = readdir(fds)))
                    if (fe->d_name[0] != '.')
                        open_file = link_below(dirfd(fds), fe->d_name, path, n);
                closedir(fds);
                if (open_file)
                    return MOUNT_USE_OPEN_FILES;
            }
        }

        if (use == MOUNT_USE_NONE &&
            (link_below(pid_fd, "cwd", path, n) || link_below(pid_fd, "root", path, n) ||
             maps_below(pid_fd, path, n)))
            use = MOUNT_USE_PROCESS;
    }
    return use;
}

int mount_unmount(const char *path, bool force, MountUse *ret_use) {
    assert(path);

    if (umount2(path, force ? MNT_DETACH : 0) >= 0)
        return 0;
    if (errno == EINVAL || errno == ENOENT)
        return mount_is_mounted(path) ? -errno : 0;     /* already gone */
    if (errno != EBUSY)
        return -errno;

    if (ret_use) {
        /* a busy mount nobody in our view uses (another namespace, a
         * mount below it) counts as in use by a process */
        MountUse use = mount_scan_use(path);
        *ret_use = use == MOUNT_USE_NONE ? MOUNT_USE_PROCESS : use;
    }
    return -EBUSY;
}

int mount_abort(const char *path) {
    assert(path);

    if (umount2(path, MNT_FORCE | MNT_DETACH) >= 0)
        return 0;
    /* some file systems refuse MNT_FORCE: detaching alone still unblocks new users */
    if (umount2(path, MNT_DETACH) >= 0)
        return 0;
    if (errno == EINVAL || errno == ENOENT)
        return 0;
    return -errno;
}
