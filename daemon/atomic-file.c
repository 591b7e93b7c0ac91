/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic-file.h"
#include "util.h"

int fsync_directory(const char *dir) {
    assert(dir);
    _cleanup_(closep) int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) < 0)
        return -errno;
    return 0;
}

/* A hidden name of our own beside the file: O_EXCL makes it ours, and
 * a leading '.' keeps it out of every listing of the directory. */
static int open_temporary_at(int dir_fd, char *ret_name, size_t size) {
    for (unsigned attempt = 0; attempt < 16; attempt++) {
        uint64_t rnd;
        if (getrandom(&rnd, sizeof(rnd), 0) != (ssize_t) sizeof(rnd))
            return -EIO;
        snprintf(ret_name, size, ".#pppras.%016" PRIx64, rnd);
        int fd = openat(dir_fd, ret_name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0 || errno != EEXIST)
            return fd >= 0 ? fd : -errno;
    }
    return -EEXIST;
}

int atomic_file_write_at(int dir_fd, const char *name, mode_t mode, AtomicFileFlags flags,
                         AtomicFileFormat format, const void *userdata) {
    assert(dir_fd >= 0);
    assert(name);
    assert(format);

    char tmp[64];
    int fd = open_temporary_at(dir_fd, tmp, sizeof(tmp));
    if (fd < 0)
        return fd;
    FILE *f = fdopen(fd, "we");
    if (!f) {
        int r = -errno;
        close(fd);
        unlinkat(dir_fd, tmp, 0);
        return r;
    }
    char iobuf[BUFSIZ];
    if (flags & ATOMIC_FILE_SECRET)
        setvbuf(f, iobuf, _IOFBF, sizeof(iobuf));

    int r = format(f, userdata);
    if (r >= 0 && fflush(f) == EOF)
        r = -errno;
    if (r >= 0 && fchmod(fd, mode) < 0)
        r = -errno;
    if (r >= 0 && (flags & ATOMIC_FILE_DURABLE) && fsync(fd) < 0)
        r = -errno;
    if (fclose(f) == EOF && r >= 0)
        r = -errno;
    if (flags & ATOMIC_FILE_SECRET)
        explicit_bzero(iobuf, sizeof(iobuf));
    if (r >= 0 && renameat(dir_fd, tmp, dir_fd, name) < 0)
        r = -errno;
    if (r < 0)
        unlinkat(dir_fd, tmp, 0);
    else if ((flags & ATOMIC_FILE_DURABLE) && fsync(dir_fd) < 0)
        r = -errno;
    return r < 0 ? r : 0;
}

/* The same, by path: through a descriptor of its directory. */
int atomic_file_write(const char *path, mode_t mode, AtomicFileFlags flags, AtomicFileFormat format,
                      const void *userdata) {
    assert(path);
    assert(format);

    _cleanup_(freep) char *copy1 = strdup(path);
    _cleanup_(freep) char *copy2 = strdup(path);
    if (!copy1 || !copy2)
        return -ENOMEM;
    _cleanup_(closep) int dir_fd = open(dirname(copy1), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0)
        return -errno;
    return atomic_file_write_at(dir_fd, basename(copy2), mode, flags, format, userdata);
}
