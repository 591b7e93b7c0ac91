/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* File descriptors a client hands the daemon.  The client controls what is
 * behind one (a file on its own FUSE mount that never answers, a pipe it
 * keeps open and never writes, a full eventfd) and shares its open file
 * with us, so it can also flip O_NONBLOCK at any moment.  What the daemon
 * does with such an fd must end by itself: the kind is read from our own
 * /proc/self/fd (no call into the file system behind it), and every read
 * or write is preceded by a zero-timeout poll and runs under a short alarm
 * that ends it with EINTR. */

#include <stddef.h>
#include <sys/types.h>

typedef enum ClientFdKind {
    CLIENT_FD_OTHER,        /* a file, a device, anything that may block */
    CLIENT_FD_EVENTFD,
    CLIENT_FD_PIPE,
    CLIENT_FD_SOCKET,
} ClientFdKind;

/* How long one read or write on a client's fd may take at most. */
#define CLIENT_FD_IO_TIMEOUT_USEC 10000

/* Installs the SIGALRM handler the bounded calls rely on (no SA_RESTART). */
int client_fd_setup(void);

ClientFdKind client_fd_kind(int fd);

/* At most n bytes, without ever waiting for them: -EAGAIN when nothing is
 * there yet (or the alarm ended the call), 0 at end of file. */
ssize_t client_fd_read(int fd, void *buf, size_t n);

/* All of n bytes or nothing: -EAGAIN when the fd has no room now. */
int client_fd_write(int fd, const void *buf, size_t n);
