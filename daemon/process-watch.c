/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string.h>

#include "log.h"
#include "process-tree.h"
#include "process-watch.h"
#include "util.h"

#if defined(__GLIBC__) && __GLIBC_PREREQ(2, 36)
#include <sys/pidfd.h>
#else
static int pidfd_open(pid_t pid, unsigned flags) {
    return (int) syscall(SYS_pidfd_open, pid, flags);
}
static int pidfd_send_signal(int pidfd, int sig, siginfo_t *info, unsigned flags) {
    return (int) syscall(SYS_pidfd_send_signal, pidfd, sig, info, flags);
}
#endif

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

int process_pidfd_open(pid_t pid) {
    int fd = pidfd_open(pid, 0);
    return fd < 0 ? -errno : fd;
}

static void reap(Connection *c) {
    assert(c);

    siginfo_t si = {};
    if (waitid(P_PIDFD, (id_t) c->pidfd, &si, WEXITED | WNOHANG) < 0 || si.si_pid == 0) {
        log_connection(LOG_DEBUG, c, "Could not reap pppd: %s", strerror(errno));
        return;
    }
    c->wait_code = si.si_code;
    c->wait_status = si.si_status;
}

static int on_pidfd(sd_event_source *s, int fd, uint32_t revents, void *userdata) {
    Connection *c = userdata;
    assert(s);
    assert(c);

    if (c->is_child)
        reap(c);

    void (*handler)(Connection *) = c->process_gone_handler;
    process_watch_stop(c);
    if (handler)
        handler(c);    /* may free c */
    return 0;
}

int process_watch_start(Connection *c, sd_event *event, ProcessGoneHandler on_gone) {
    assert(c);
    assert(event);
    assert(on_gone);
    assert(!c->pidfd_source);

    _cleanup_(closep) int pidfd = c->pidfd >= 0 ? TAKE_FD(c->pidfd) : pidfd_open(c->pid, 0);
    if (pidfd < 0)
        return -errno;

    /* The pidfd holds the process: read its start time, then make sure it
     * still lived after the read, so the time is this process's.  A pid
     * already named by a start time (a restored record) must be the same
     * process, not whoever took the pid since. */
    ProcessStat st;
    int r = process_stat_read(c->pid, &st);
    if (r >= 0 && pidfd_send_signal(pidfd, 0, NULL, 0) < 0)
        r = -errno;
    if (r < 0)
        return r;
    if (c->pid_start != 0 && c->pid_start != st.start_time)
        return -ESRCH;
    c->pid_start = st.start_time;

    r = sd_event_add_io(event, &c->pidfd_source, pidfd, EPOLLIN, on_pidfd, c);
    if (r < 0)
        return r;
    (void) sd_event_source_set_description(c->pidfd_source, "pppd-pidfd");
    c->pidfd = TAKE_FD(pidfd);
    c->process_gone_handler = on_gone;
    return 0;
}

void process_watch_stop(Connection *c) {
    assert(c);
    c->pidfd_source = sd_event_source_disable_unref(c->pidfd_source);
    c->pidfd = safe_close(c->pidfd);
    c->process_gone_handler = NULL;
}

int process_signal(Connection *c, int sig) {
    assert(c);
    if (c->pidfd < 0)
        return -ESRCH;
    if (pidfd_send_signal(c->pidfd, sig, NULL, 0) < 0)
        return -errno;
    return 0;
}
