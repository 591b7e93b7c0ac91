/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "link-end-store.h"
#include "util.h"

static void record_path(char *buf, size_t size, const char *runtime_dir, pid_t pid, uint64_t start_time) {
    snprintf(buf, size, "%s/" LINK_END_DIR "/%d-%" PRIu64, runtime_dir, (int) pid, start_time);
}

int link_end_read(const char *runtime_dir, pid_t pid, uint64_t start_time, LinkEnd *ret) {
    assert(runtime_dir);
    assert(ret);

    char path[4096], line[160];
    record_path(path, sizeof(path), runtime_dir, pid, start_time);
    _cleanup_(closep) int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno == ELOOP ? -EPERM : -errno;
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
        return -EPERM;
    ssize_t n = read(fd, line, sizeof(line) - 1);
    if (n < 0)
        return -errno;
    line[n] = '\0';

    int status, peer, auth, used = 0;
    unsigned long long ended;
    if (sscanf(line, "status=%d peer_terminated=%d auth_failed=%d ended=%llu%n",
               &status, &peer, &auth, &ended, &used) != 4 || line[used] != '\n' ||
        (peer != 0 && peer != 1) || (auth != 0 && auth != 1))
        return -EINVAL;
    *ret = (LinkEnd) { .status = status, .peer_terminated = peer, .auth_failed = auth, .ended_usec = ended };
    return 0;
}

void link_end_remove(const char *runtime_dir, pid_t pid, uint64_t start_time) {
    assert(runtime_dir);
    char path[4096];
    record_path(path, sizeof(path), runtime_dir, pid, start_time);
    (void) unlink(path);
}

int link_end_prune(const char *runtime_dir, LinkEndKeep keep, void *userdata) {
    assert(runtime_dir);
    assert(keep);

    char path[4096];
    snprintf(path, sizeof(path), "%s/" LINK_END_DIR, runtime_dir);
    _cleanup_(closep) int dfd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (dfd < 0)
        return errno == ENOENT ? 0 : -errno;
    int fd = dup(dfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        safe_close(fd);
        return -errno;
    }
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        int pid, used = 0;
        unsigned long long start;
        if (de->d_name[0] == '.' && (!de->d_name[1] || (de->d_name[1] == '.' && !de->d_name[2])))
            continue;
        bool record = sscanf(de->d_name, "%d-%llu%n", &pid, &start, &used) == 2 && !de->d_name[used] && pid > 0;
        if (record && keep((pid_t) pid, start, userdata))
            continue;
        /* anything else (a stale record, a temporary left by a crash) goes */
        if (unlinkat(dfd, de->d_name, 0) >= 0)
            n++;
    }
    closedir(d);
    return n;
}
