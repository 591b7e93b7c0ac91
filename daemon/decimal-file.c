/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "decimal-file.h"

int decimal_file_read(const char *path, int max) {
    assert(path);
    assert(max >= 0 && max < 1000000);

    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return -errno;
    char buf[9];
    ssize_t n = read(fd, buf, sizeof(buf));
    int saved = errno;
    close(fd);
    if (n < 0)
        return -saved;

    ssize_t i = 0;
    int v = 0;
    for (; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) {
        v = v * 10 + (buf[i] - '0');
        if (v > max)
            return -EINVAL;
    }
    if (i == 0 || !(i == n || (i == n - 1 && buf[i] == '\n')))
        return -EINVAL;
    return v;
}
