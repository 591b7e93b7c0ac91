/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "log.h"
#include "mount-helper.h"
#include "util.h"

#define OUTPUT_MAX 2048
#define GROUPS_MAX 64

static const char *const helper_dirs[] = { "/usr/sbin", "/usr/bin", "/sbin", "/bin" };

struct MountHelper {
    pid_t pid;
    int pidfd;
    int output_fd;
    sd_event_source *exit_source;
    sd_event_source *timer_source;
    bool timed_out;
    mount_helper_done_t done;
    void *userdata;
};

static int helper_pidfd_open(pid_t pid) {
    return (int) syscall(SYS_pidfd_open, pid, 0);
}

MountHelper *mount_helper_free(MountHelper *h) {
    if (!h)
        return NULL;
    if (h->pid > 0) {
        /* still running: the whole group, then reap so no zombie stays */
        (void) kill(-h->pid, SIGKILL);
        (void) kill(h->pid, SIGKILL);
        (void) waitpid(h->pid, NULL, 0);
    }
    sd_event_source_disable_unref(h->exit_source);
    sd_event_source_disable_unref(h->timer_source);
    safe_close(h->pidfd);
    safe_close(h->output_fd);
    free(h);
    return NULL;
}

void mount_output_read(int fd, char *buf, size_t size) {
    char raw[OUTPUT_MAX];
    ssize_t n;
    size_t o = 0;
    bool pending_break = false, line_start = true;

    assert(buf);
    assert(size > 0);

    n = pread(fd, raw, sizeof raw - 1, 0);
    if (n < 0)
        n = 0;
    for (ssize_t i = 0; i < n && o + 3 < size; i++) {
        unsigned char c = (unsigned char) raw[i];
        if (c == '\n' || c == '\r') {
            pending_break = o > 0;
            line_start = true;
            continue;
        }
        if (line_start && (c == ' ' || c == '\t'))
            continue;            /* indentation of continuation lines */
        line_start = false;
        if (pending_break) {
            buf[o++] = ';';
            buf[o++] = ' ';
            pending_break = false;
        }
        buf[o++] = c < 0x20 || c == 0x7f ? ' ' : (char) c;
    }
    while (o > 0 && (buf[o - 1] == ' ' || buf[o - 1] == ';'))
        o--;
    buf[o] = '\0';
}

static int on_helper_exit(sd_event_source *s, int fd, uint32_t revents, void *userdata) {
    MountHelper *h = userdata;
    siginfo_t si = {};
    char output[OUTPUT_MAX];
    int status;

    assert(h);

    if (waitid(P_PID, (id_t) h->pid, &si, WEXITED | WNOHANG) < 0 || si.si_pid == 0)
        return 0;        /* spurious: not exited yet */
    h->pid = 0;
    h->exit_source = sd_event_source_disable_unref(h->exit_source);
    h->timer_source = sd_event_source_disable_unref(h->timer_source);

    if (si.si_code == CLD_EXITED)
        status = si.si_status == 127 ? -ENOENT : si.si_status == 126 ? -EACCES : si.si_status;
    else
        status = h->timed_out ? -ETIMEDOUT : -EINTR;

    mount_output_read(h->output_fd, output, sizeof output);
    h->done(h, status, output, h->userdata);
    return 0;
}

static int on_timeout(sd_event_source *s, uint64_t usec, void *userdata) {
    MountHelper *h = userdata;

    assert(h);

    log_warning("Mount helper %d timed out, killing it.", (int) h->pid);
    h->timed_out = true;
    (void) kill(-h->pid, SIGKILL);
    (void) kill(h->pid, SIGKILL);
    return 0;
}

/* Only async-signal-safe calls from here on: we are a fork of the daemon. */
_Noreturn static void child_exec(const MountHelperSpec *spec, int input_fd, int output_fd,
                                 char *const *envp, const gid_t *groups, int n_groups) {
    char path[256];
    int null_fd;

    (void) setsid();

    null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (input_fd < 0)
        input_fd = null_fd;
    if (input_fd < 0 || dup2(input_fd, STDIN_FILENO) < 0 ||
        dup2(output_fd, STDOUT_FILENO) < 0 || dup2(output_fd, STDERR_FILENO) < 0)
        _exit(126);
    (void) close_range(3, ~0U, 0);

    sigset_t all;
    sigemptyset(&all);
    (void) sigprocmask(SIG_SETMASK, &all, NULL);
    (void) signal(SIGPIPE, SIG_DFL);

    if (spec->uid != 0) {
        if (setgroups((size_t) n_groups, groups) < 0 ||
            setresgid(spec->gid, spec->gid, spec->gid) < 0 ||
            setresuid(spec->uid, spec->uid, spec->uid) < 0)
            _exit(126);
    }
    /* The user's home when it can be entered, else "/": never the daemon's. */
    if (chdir(spec->uid != 0 && spec->home ? spec->home : "/") < 0 && chdir("/") < 0)
        _exit(126);

    for (size_t i = 0; i < ELEMENTSOF(helper_dirs); i++) {
        size_t dl = strlen(helper_dirs[i]), pl = strlen(spec->program);
        if (dl + 1 + pl + 1 > sizeof path)
            break;
        memcpy(path, helper_dirs[i], dl);
        path[dl] = '/';
        memcpy(path + dl + 1, spec->program, pl + 1);
        execve(path, spec->argv, envp);
    }
    _exit(127);
}

int mount_helper_spawn(sd_event *event, const MountHelperSpec *spec, mount_helper_done_t done,
                       void *userdata, MountHelper **ret) {
    _cleanup_(closep) int input_fd = -1, output_fd = -1;
    char env_home[320], env_user[160], env_logname[160];
    gid_t groups[GROUPS_MAX];
    int n_groups = 0;
    MountHelper *h;
    int r;

    assert(event);
    assert(spec);
    assert(spec->program);
    assert(spec->argv);
    assert(done);
    assert(ret);

    if (strchr(spec->program, '/'))
        return -EINVAL;

    output_fd = memfd_create("pppras-mount-helper", MFD_CLOEXEC);
    if (output_fd < 0)
        return -errno;

    if (spec->input) {
        int p[2];
        if (spec->input_size > 4096)    /* must fit the pipe: we never block on it */
            return -E2BIG;
        if (pipe2(p, O_CLOEXEC) < 0)
            return -errno;
        ssize_t n = write(p[1], spec->input, spec->input_size);
        safe_close(p[1]);
        if (n != (ssize_t) spec->input_size) {
            safe_close(p[0]);
            return n < 0 ? -errno : -EIO;
        }
        input_fd = p[0];
    }

    if (spec->uid != 0 && spec->user_name) {
        n_groups = GROUPS_MAX;
        if (getgrouplist(spec->user_name, spec->gid, groups, &n_groups) < 0)
            n_groups = 0;
    }
    if (n_groups == 0) {
        groups[0] = spec->gid;
        n_groups = 1;
    }

    snprintf(env_home, sizeof env_home, "HOME=%s", spec->uid != 0 && spec->home ? spec->home : "/root");
    snprintf(env_user, sizeof env_user, "USER=%s", spec->user_name ?: "root");
    snprintf(env_logname, sizeof env_logname, "LOGNAME=%s", spec->user_name ?: "root");
    char *envp[] = {
        (char *) "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        (char *) "LANG=C.UTF-8",
        env_home, env_user, env_logname,
        NULL,
    };

    h = calloc(1, sizeof *h);
    if (!h)
        return -ENOMEM;
    h->pidfd = -1;
    h->output_fd = -1;
    h->done = done;
    h->userdata = userdata;

    pid_t pid = fork();
    if (pid < 0) {
        free(h);
        return -errno;
    }
    if (pid == 0)
        child_exec(spec, input_fd, output_fd, envp, groups, n_groups);

    h->pid = pid;
    h->output_fd = TAKE_FD(output_fd);
    h->pidfd = helper_pidfd_open(pid);
    if (h->pidfd < 0) {
        r = -errno;
        mount_helper_free(h);
        return r;
    }
    r = sd_event_add_io(event, &h->exit_source, h->pidfd, EPOLLIN, on_helper_exit, h);
    if (r >= 0 && spec->timeout_usec > 0)
        r = sd_event_add_time_relative(event, &h->timer_source, CLOCK_MONOTONIC, spec->timeout_usec,
                                       0, on_timeout, h);
    if (r < 0) {
        mount_helper_free(h);
        return r;
    }
    (void) sd_event_source_set_description(h->exit_source, "mount-helper-exit");
    *ret = h;
    return 0;
}
