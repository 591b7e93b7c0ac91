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
#include "mount-pin.h"
#include "mount-unmount.h"
#include "util.h"

static void fclosep(FILE **f) {
    if (*f)
        fclose(*f);
}

static void closedirp_(DIR **d) {
    if (*d)
        closedir(*d);
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

int mount_unmount(const char *path, uint64_t mnt_id, bool force, MountUse *ret_use) {
    _cleanup_(freep) char *found = NULL;
    _cleanup_(closep) int fd = -1;
    int r;

    r = mount_open_recorded(path, mnt_id, &fd, &found);
    if (r == -ENOENT)
        return 0;                   /* already gone */
    if (r < 0)
        return r;
    if (force)
        return mount_detach_fd(fd, false);

    r = mount_unmount_fd(TAKE_FD(fd), found, mnt_id);
    if (r == -ENOENT || r == -EINVAL)
        return mountinfo_find(mnt_id, NULL, NULL) >= 0 ? r : 0;
    if (r != -EBUSY)
        return r;

    if (ret_use) {
        /* a busy mount nobody in our view uses (another namespace, a
         * mount below it) counts as in use by a process */
        MountUse use = mount_scan_use(found);
        *ret_use = use == MOUNT_USE_NONE ? MOUNT_USE_PROCESS : use;
    }
    return -EBUSY;
}

int mount_abort(const char *path, uint64_t mnt_id) {
    _cleanup_(freep) char *found = NULL;
    _cleanup_(closep) int fd = -1;
    int r;

    r = mount_open_recorded(path, mnt_id, &fd, &found);
    if (r == -ENOENT)
        return 0;
    if (r < 0)
        return r;
    return mount_detach_fd(fd, true);
}
