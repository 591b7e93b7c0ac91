/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "link-end-file.h"

int link_end_self_start_time(unsigned long long *ret) {
    char buf[1024];
    int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return -EIO;
    buf[n] = '\0';
    /* comm may hold spaces and ')': the fields start after the last ')' */
    char *p = strrchr(buf, ')');
    if (!p || sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                     ret) != 1)
        return -EIO;
    return 0;
}

/* A directory only we may change, never through a symlink. */
static int open_private_dir(int at, const char *name) {
    int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    if (fstat(fd, &st) < 0 || st.st_uid != geteuid() || (st.st_mode & 0022)) {
        close(fd);
        return -EPERM;
    }
    return fd;
}

int link_end_file_write(const char *runtime_dir, const LinkEnd *end) {
    assert(runtime_dir);
    assert(end);

    unsigned long long start;
    int r = link_end_self_start_time(&start);
    if (r < 0)
        return r;
    char name[LINK_END_NAME_MAX], tmp[LINK_END_NAME_MAX + 8], line[128];
    snprintf(name, sizeof(name), "%d-%llu", (int) getpid(), start);
    snprintf(tmp, sizeof(tmp), ".%s.tmp", name);
    uint64_t ended = end->ended_usec;
    struct timespec ts;
    if (ended == 0 && clock_gettime(CLOCK_REALTIME, &ts) == 0)
        ended = (uint64_t) ts.tv_sec * 1000000u + (uint64_t) ts.tv_nsec / 1000u;
    int len = snprintf(line, sizeof(line), LINK_END_FORMAT, end->status, end->peer_terminated,
                       end->auth_failed, (unsigned long long) ended);

    int top = open_private_dir(AT_FDCWD, runtime_dir);
    if (top < 0)
        return top;
    if (mkdirat(top, LINK_END_DIR, 0700) < 0 && errno != EEXIST) {
        r = -errno;
        close(top);
        return r;
    }
    int dir = open_private_dir(top, LINK_END_DIR);
    close(top);
    if (dir < 0)
        return dir;

    int fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        r = -errno;
    else {
        ssize_t n = write(fd, line, (size_t) len);
        r = n < 0 ? -errno : n != len ? -EIO : 0;
        if (close(fd) < 0 && r == 0)
            r = -errno;
        if (r == 0 && renameat(dir, tmp, dir, name) < 0)
            r = -errno;
        if (r < 0)
            (void) unlinkat(dir, tmp, 0);
    }
    close(dir);
    return r;
}
