/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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

/* How often a process we cannot hold a pidfd on is looked at. */
#define POLL_USEC (100 * 1000)

static int pidfd_state = -1;    /* -1: not decided yet; 0: in use; 1: off */

bool process_pidfd_disabled(void) {
    if (pidfd_state < 0) {
        const char *e = getenv("PPPRAS_NO_PIDFD");
        pidfd_state = e && streq_ptr(e, "1");
        if (pidfd_state)
            log_info("pidfds are off (PPPRAS_NO_PIDFD=1): following processes by pid and start time.");
    }
    return pidfd_state > 0;
}

int process_pidfd_open(pid_t pid) {
    if (process_pidfd_disabled())
        return -ENOSYS;
    int fd = pidfd_open(pid, 0);
    if (fd >= 0)
        return fd;
    /* No such system call (old kernel, valgrind) or a seccomp filter
     * refusing it: do without from now on. */
    if (errno == ENOSYS || errno == EPERM) {
        log_info("pidfd_open() is not available (%s): following processes by pid and start time.",
                 strerror(errno));
        pidfd_state = 1;
        return -ENOSYS;
    }
    return -errno;
}

static void gone(Connection *c) {
    assert(c);
    void (*handler)(Connection *) = c->process_gone_handler;
    process_watch_stop(c);
    if (handler)
        handler(c);    /* may free c */
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
    gone(c);
    return 0;
}

/* Without pidfds: our own child through SIGCHLD (sd-event reaps it after
 * this callback; until then its pid cannot be reused) ... */
static int on_child(sd_event_source *s, const siginfo_t *si, void *userdata) {
    Connection *c = userdata;
    assert(si);
    assert(c);

    c->wait_code = si->si_code;
    c->wait_status = si->si_status;
    gone(c);
    return 0;
}

/* ... anyone else's by its pid and start time, looked at regularly. */
int process_identity_check(pid_t pid, uint64_t start_time) {
    ProcessStat st;
    int r = process_stat_read(pid, &st);
    if (r < 0)
        return r;
    if (st.state == 'Z' || st.state == 'X' || (start_time != 0 && st.start_time != start_time))
        return -ESRCH;
    return 0;
}

static int on_poll(sd_event_source *s, uint64_t usec, void *userdata) {
    Connection *c = userdata;
    assert(c);

    if (process_identity_check(c->pid, c->pid_start) == -ESRCH) {
        gone(c);
        return 0;
    }
    (void) sd_event_source_set_time_relative(s, POLL_USEC);
    return sd_event_source_set_enabled(s, SD_EVENT_ONESHOT);
}

static int watch_without_pidfd(Connection *c, sd_event *event) {
    assert(c);
    assert(event);

    int r;
    if (c->is_child)
        r = sd_event_add_child(event, &c->pidfd_source, c->pid, WEXITED, on_child, c);
    else {
        r = process_identity_check(c->pid, c->pid_start);
        if (r < 0)
            return r;
        r = sd_event_add_time_relative(event, &c->pidfd_source, CLOCK_MONOTONIC, POLL_USEC, 0, on_poll, c);
    }
    if (r < 0)
        return r == -ECHILD ? -ESRCH : r;
    (void) sd_event_source_set_description(c->pidfd_source, c->is_child ? "pppd-child" : "pppd-poll");
    return 0;
}

int process_watch_start(Connection *c, sd_event *event, ProcessGoneHandler on_gone) {
    assert(c);
    assert(event);
    assert(on_gone);
    assert(!c->pidfd_source);

    _cleanup_(closep) int pidfd = c->pidfd >= 0 ? TAKE_FD(c->pidfd) : process_pidfd_open(c->pid);
    if (pidfd < 0 && pidfd != -ENOSYS)
        return pidfd;

    /* The pidfd holds the process: read its start time, then make sure it
     * still lived after the read, so the time is this process's.  A pid
     * already named by a start time (a restored record) must be the same
     * process, not whoever took the pid since.  Without a pidfd the start
     * time is all that names it. */
    ProcessStat st;
    int r = process_stat_read(c->pid, &st);
    if (r >= 0 && pidfd >= 0 && pidfd_send_signal(pidfd, 0, NULL, 0) < 0)
        r = -errno;
    if (r < 0)
        return r;
    if (c->pid_start != 0 && c->pid_start != st.start_time)
        return -ESRCH;
    c->pid_start = st.start_time;

    if (pidfd == -ENOSYS)
        r = watch_without_pidfd(c, event);
    else {
        r = sd_event_add_io(event, &c->pidfd_source, pidfd, EPOLLIN, on_pidfd, c);
        if (r >= 0)
            (void) sd_event_source_set_description(c->pidfd_source, "pppd-pidfd");
    }
    if (r < 0)
        return r;
    c->pidfd = pidfd >= 0 ? TAKE_FD(pidfd) : -1;
    c->process_gone_handler = on_gone;
    return 0;
}

bool process_watch_check_gone(Connection *c) {
    assert(c);
    /* only what is followed by looking at /proc can be late */
    if (c->pidfd >= 0 || c->is_child || !c->pidfd_source || c->process_gone ||
        process_identity_check(c->pid, c->pid_start) != -ESRCH)
        return false;
    gone(c);
    return true;
}

void process_watch_stop(Connection *c) {
    assert(c);
    c->pidfd_source = sd_event_source_disable_unref(c->pidfd_source);
    c->pidfd = safe_close(c->pidfd);
    c->process_gone_handler = NULL;
}

int process_signal(Connection *c, int sig) {
    assert(c);
    if (c->pidfd >= 0)
        return pidfd_send_signal(c->pidfd, sig, NULL, 0) < 0 ? -errno : 0;
    if (!c->pidfd_source || c->process_gone)
        return -ESRCH;
    /* Our unreaped child keeps its pid; anyone else must still be the
     * process we know, checked right before the signal. */
    if (!c->is_child) {
        int r = process_identity_check(c->pid, c->pid_start);
        if (r < 0)
            return r;
    }
    return kill(c->pid, sig) < 0 ? -errno : 0;
}
