/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "program-path.h"

int test_program_path(const char *relative, char *buf, size_t size) {
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    if (n < 0)
        return -errno;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return -EINVAL;
    *slash = '\0';
    if ((size_t) snprintf(buf, size, "%s/%s", self, relative) >= size)
        return -ENAMETOOLONG;
    return 0;
}
