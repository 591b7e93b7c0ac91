/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "pppd-spawn.h"
#include "process-watch.h"
#include "util.h"

extern char **environ;

void pppd_spawn_argv(const PppdSpawn *s, const char *argv[PPPD_ARGV_MAX]) {
    assert(s);
    assert(argv);

    size_t i = 0;
    argv[i++] = s->pppd_path;
    if (s->entry_file) {
        argv[i++] = "file";
        argv[i++] = s->entry_file;
    } else {
        argv[i++] = "call";
        argv[i++] = s->entry;
    }
    argv[i++] = "nodetach";
    argv[i++] = "plugin";
    argv[i++] = s->plugin_path;
    argv[i++] = "pppras-entry";
    argv[i++] = s->entry;
    if (s->runtime_dir) {
        argv[i++] = "pppras-runtime-dir";
        argv[i++] = s->runtime_dir;
    }
    if (s->phone) {
        /* the plugin puts it in PPPRAS_PHONE for the connect or pty line */
        argv[i++] = "pppras-phone";
        argv[i++] = s->phone;
        if (s->pppoe_service) {
            argv[i++] = "rp_pppoe_service";
            argv[i++] = s->phone;
        }
    }
    argv[i] = NULL;
    assert(i < PPPD_ARGV_MAX);
}

/* In the child: only async-signal-safe calls from here to execve. */
static _Noreturn void child_exec(const char *const argv[]) {
    sigset_t none;
    sigemptyset(&none);
    for (int sig = 1; sig < _NSIG; sig++)
        (void) signal(sig, SIG_DFL);   /* EINVAL for SIGKILL/SIGSTOP and RT reserved: fine */
    (void) sigprocmask(SIG_SETMASK, &none, NULL);

    if (setsid() < 0)
        _exit(127);

    int null = open("/dev/null", O_RDWR | O_NOCTTY);
    if (null < 0)
        _exit(127);
    for (int fd = 0; fd < 3; fd++)
        if (dup2(null, fd) < 0)
            _exit(127);
    if (null > 2)
        close(null);
    /* Everything else is the daemon's (bus socket, pidfds, epoll): gone. */
    if (syscall(SYS_close_range, 3U, ~0U, 0U) < 0)
        for (int fd = 3; fd < 65536; fd++)
            close(fd);

    /* pppd reads its environment only for its scripts; give it ours (systemd's clean one). */
    execve(argv[0], (char *const *) argv, environ);
    _exit(127);
}

int pppd_spawn(const PppdSpawn *s, pid_t *ret_pid, int *ret_pidfd) {
    assert(s);
    assert(s->pppd_path && s->plugin_path && s->entry);
    assert(ret_pid);
    assert(ret_pidfd);

    const char *argv[PPPD_ARGV_MAX];
    pppd_spawn_argv(s, argv);

    pid_t pid = fork();
    if (pid < 0)
        return -errno;
    if (pid == 0)
        child_exec(argv);

    /* Our unreaped child cannot be recycled: this pidfd is that process.
     * Without pidfds (-1) its pid stays ours until we reap it. */
    int pidfd = process_pidfd_open(pid);
    if (pidfd == -ENOSYS)
        pidfd = -1;
    else if (pidfd < 0) {
        int r = pidfd;
        (void) kill(pid, SIGKILL);
        return r;
    }
    *ret_pid = pid;
    *ret_pidfd = pidfd;
    return 0;
}
