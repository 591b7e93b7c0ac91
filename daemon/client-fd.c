/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "client-fd.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static void on_alarm(int sig) {
    (void) sig;     /* only here to end a read or write that would block */
}

int client_fd_setup(void) {
    struct sigaction sa = { .sa_handler = on_alarm };
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGALRM, &sa, NULL) < 0 ? -errno : 0;
}

ClientFdKind client_fd_kind(int fd) {
    char path[64], target[64];
    snprintf(path, sizeof(path), "/proc/self/fd/%i", fd);
    ssize_t n = readlink(path, target, sizeof(target) - 1);
    if (n < 0)
        return CLIENT_FD_OTHER;
    target[n] = '\0';
    if (strcmp(target, "anon_inode:[eventfd]") == 0)
        return CLIENT_FD_EVENTFD;
    if (strncmp(target, "pipe:[", 6) == 0)
        return CLIENT_FD_PIPE;
    if (strncmp(target, "socket:[", 8) == 0)
        return CLIENT_FD_SOCKET;
    return CLIENT_FD_OTHER;
}

/* Ready now?  1 yes, 0 no, negative errno on a dead fd. */
static int ready(int fd, short events) {
    struct pollfd p = { .fd = fd, .events = events };
    int n = poll(&p, 1, 0);
    if (n < 0)
        return -errno;
    if (p.revents & POLLNVAL)
        return -EBADF;
    if (events == POLLOUT && (p.revents & POLLERR))
        return -EPIPE;
    /* a hung-up pipe reads as end of file at once */
    short wanted = events == POLLIN ? POLLIN | POLLHUP : events;
    return n > 0 && (p.revents & wanted) ? 1 : 0;
}

static void arm(suseconds_t usec) {
    const struct itimerval t = { .it_value = { .tv_usec = usec } };
    (void) setitimer(ITIMER_REAL, &t, NULL);
}

ssize_t client_fd_read(int fd, void *buf, size_t n) {
    int r = ready(fd, POLLIN);
    if (r <= 0)
        return r < 0 ? r : -EAGAIN;
    arm(CLIENT_FD_IO_TIMEOUT_USEC);
    ssize_t k = read(fd, buf, n);
    int saved = errno;
    arm(0);
    if (k < 0)
        return saved == EINTR || saved == EWOULDBLOCK ? -EAGAIN : -saved;
    return k;
}

int client_fd_write(int fd, const void *buf, size_t n) {
    int r = ready(fd, POLLOUT);
    if (r <= 0)
        return r < 0 ? r : -EAGAIN;
    arm(CLIENT_FD_IO_TIMEOUT_USEC);
    ssize_t k = write(fd, buf, n);
    int saved = errno;
    arm(0);
    if (k < 0)
        return saved == EINTR || saved == EWOULDBLOCK ? -EAGAIN : -saved;
    return (size_t) k == n ? 0 : -EIO;
}
