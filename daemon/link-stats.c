/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "link-stats.h"
#include "util.h"

static int read_counter(int dfd, const char *name, uint64_t *ret) {
    assert(name);
    assert(ret);

    _cleanup_(closep) int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    char buf[32];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    if (n <= 0)
        return n < 0 ? -errno : -EIO;
    buf[n] = '\0';
    char *end;
    errno = 0;
    unsigned long long v = strtoull(buf, &end, 10);
    if (errno != 0 || end == buf)
        return -EIO;
    *ret = v;
    return 0;
}

int link_stats_read(const char *sysfs_net, const char *ifname, LinkStats *ret) {
    assert(sysfs_net);
    assert(ret);

    if (isempty(ifname) || strchr(ifname, '/') || ifname[0] == '.')
        return -ENOENT;
    char path[512];
    snprintf(path, sizeof(path), "%s/%s/statistics", sysfs_net, ifname);
    _cleanup_(closep) int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return errno == ENOENT || errno == ENOTDIR ? -ENOENT : -errno;

    LinkStats s = {};
    int r = read_counter(dfd, "tx_bytes", &s.bytes_out);
    if (r >= 0)
        r = read_counter(dfd, "rx_bytes", &s.bytes_in);
    if (r >= 0)
        r = read_counter(dfd, "tx_packets", &s.packets_out);
    if (r >= 0)
        r = read_counter(dfd, "rx_packets", &s.packets_in);
    if (r < 0)
        return r;
    *ret = s;
    return 0;
}
