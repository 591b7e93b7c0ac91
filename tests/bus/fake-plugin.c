/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake-plugin.h"
#include "fake-pppd-protocol.h"
#include "program-path.h"

#define AWAIT_TIMEOUT_MS 30000

/* In the child: the pipes become fds 3 and 4 of fake-pppd. */
static _Noreturn void exec_fake_pppd(const char *path, int request_fd, int reply_fd, unsigned flags) {
    int req = fcntl(request_fd, F_DUPFD_CLOEXEC, 10), rep = fcntl(reply_fd, F_DUPFD_CLOEXEC, 10);
    if (req < 0 || rep < 0 || dup2(req, 3) < 0 || dup2(rep, 4) < 0)
        _exit(127);
    const char *argv[] = {
        path, FAKE_PPPD_CONTROL, "3", "4",
        flags & FAKE_PLUGIN_IGNORE_SIGTERM ? FAKE_PPPD_IGNORE_SIGTERM : "",
        flags & FAKE_PLUGIN_UNPRIVILEGED ? FAKE_PPPD_UNPRIVILEGED : "",
        NULL,
    };
    execv(path, (char *const *) argv);
    _exit(127);
}

/* --------------------------------------------------------------- parent */

static int read_reply(FakePlugin *p, FakeReply *reply) {
    ssize_t n;

    do
        n = read(p->reply_fd, reply, sizeof(*reply));
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -errno;
    if (n != sizeof(*reply))
        return -ECHILD;
    reply->error_name[sizeof(reply->error_name) - 1] = 0;
    return 0;
}

static int request(FakePlugin *p, const FakeRequest *req) {
    FakeReply reply;
    int r;

    assert(p);
    assert(req);
    if (write(p->request_fd, req, sizeof(*req)) != sizeof(*req))
        return -EPIPE;
    if (req->op == FAKE_OP_QUIT)
        return 0;
    /* Every Link call has its own D-Bus timeout in the child; waiting for
     * the daemon to come back has none there, so it gets one here. */
    if (req->op == FAKE_OP_AWAIT_REGISTERED) {
        struct pollfd pfd = { .fd = p->reply_fd, .events = POLLIN };
        do
            r = poll(&pfd, 1, AWAIT_TIMEOUT_MS);
        while (r < 0 && errno == EINTR);
        if (r <= 0)
            return r < 0 ? -errno : -ETIMEDOUT;
    }
    r = read_reply(p, &reply);
    if (r < 0)
        return r;
    snprintf(p->error_name, sizeof(p->error_name), "%s", reply.error_name);
    return reply.r;
}

int fake_plugin_spawn(FakePlugin *p, unsigned flags) {
    char path[PATH_MAX];
    int to_child[2], from_child[2];
    FakeReply ready;
    int r;

    assert(p);
    *p = FAKE_PLUGIN_NULL;
    r = test_program_path("fake-pppd", path, sizeof(path));
    if (r < 0)
        return r;
    if (pipe2(to_child, O_CLOEXEC) < 0)
        return -errno;
    if (pipe2(from_child, O_CLOEXEC) < 0) {
        r = -errno;
        close(to_child[0]);
        close(to_child[1]);
        return r;
    }

    p->pid = fork();
    if (p->pid < 0) {
        r = -errno;
        close(to_child[0]);
        close(to_child[1]);
        close(from_child[0]);
        close(from_child[1]);
        return r;
    }
    if (p->pid == 0) {
        close(to_child[1]);
        close(from_child[0]);
        exec_fake_pppd(path, to_child[0], from_child[1], flags);
    }

    close(to_child[0]);
    close(from_child[1]);
    p->request_fd = to_child[1];
    p->reply_fd = from_child[0];
    p->pidfd = (int) syscall(SYS_pidfd_open, p->pid, 0);
    if (p->pidfd < 0) {
        r = -errno;
        fake_plugin_done(p);
        return r;
    }

    r = read_reply(p, &ready);
    if (r == 0)
        r = ready.r;
    if (r < 0) {
        snprintf(p->error_name, sizeof(p->error_name), "%s", ready.error_name);
        fake_plugin_done(p);
        return r;
    }
    return 0;
}

static void copy_arg(char *dst, const char *src) {
    snprintf(dst, sizeof(((FakeRequest *) 0)->s[0]), "%s", src ? src : "");
}

int fake_plugin_register(FakePlugin *p, const char *entry) {
    FakeRequest req = { .op = FAKE_OP_REGISTER };
    copy_arg(req.s[0], entry);
    return request(p, &req);
}

int fake_plugin_register_device(FakePlugin *p, const char *entry, const char *device_type, const char *device,
                                const char *pty_program) {
    FakeRequest req = { .op = FAKE_OP_REGISTER };
    copy_arg(req.s[0], entry);
    copy_arg(req.s[1], device_type);
    copy_arg(req.s[2], device);
    copy_arg(req.s[3], pty_program);
    return request(p, &req);
}

int fake_plugin_phase(FakePlugin *p, uint32_t phase) {
    return request(p, &(FakeRequest) { .op = FAKE_OP_PHASE, .u = phase });
}

int fake_plugin_ip_up(FakePlugin *p, const char *ifname, const char *local, const char *remote) {
    FakeRequest req = { .op = FAKE_OP_IP_UP };
    copy_arg(req.s[0], ifname);
    copy_arg(req.s[1], local);
    copy_arg(req.s[2], remote);
    return request(p, &req);
}

int fake_plugin_ip6_up(FakePlugin *p, const char *ifname, const char *local, const char *remote) {
    FakeRequest req = { .op = FAKE_OP_IP6_UP };
    copy_arg(req.s[0], ifname);
    copy_arg(req.s[1], local);
    copy_arg(req.s[2], remote);
    return request(p, &req);
}

int fake_plugin_ip_down(FakePlugin *p) {
    return request(p, &(FakeRequest) { .op = FAKE_OP_IP_DOWN });
}

int fake_plugin_exit(FakePlugin *p, int32_t status, bool peer_terminated) {
    return request(p, &(FakeRequest) { .op = FAKE_OP_EXIT, .i = status, .b = peer_terminated });
}

int fake_plugin_connect(FakePlugin *p, const char *entry) {
    static const uint32_t phases[] = { 2 /* SERIALCONN */, 4 /* ESTABLISH */,
                                       5 /* AUTHENTICATE */, 7 /* NETWORK */ };
    int r = fake_plugin_register(p, entry);

    for (size_t i = 0; r == 0 && i < sizeof(phases) / sizeof(phases[0]); i++)
        r = fake_plugin_phase(p, phases[i]);
    if (r == 0)
        r = fake_plugin_ip_up(p, "ppp0", "10.64.0.1", "10.64.0.2");
    return r;
}

int fake_plugin_await_registered(FakePlugin *p, unsigned times) {
    return request(p, &(FakeRequest) { .op = FAKE_OP_AWAIT_REGISTERED, .u = times });
}

int fake_plugin_detach(FakePlugin *p) {
    int r = request(p, &(FakeRequest) { .op = FAKE_OP_DETACH });
    if (r <= 0)
        return r < 0 ? r : -EIO;
    p->detached = r;
    return 0;
}

int fake_plugin_quit(FakePlugin *p, int code) {
    return request(p, &(FakeRequest) { .op = FAKE_OP_QUIT, .i = code });
}

int fake_plugin_wait(FakePlugin *p, int timeout_ms, int *ret_status) {
    struct pollfd pfd = { .fd = p->pidfd, .events = POLLIN };
    int status, r;

    assert(p);
    if (p->pid <= 0)
        return -ECHILD;
    do
        r = poll(&pfd, 1, timeout_ms);
    while (r < 0 && errno == EINTR);
    if (r < 0)
        return -errno;
    if (r == 0)
        return -ETIMEDOUT;
    if (waitpid(p->pid, &status, 0) != p->pid)
        return -errno;
    p->pid = -1;
    if (ret_status)
        *ret_status = status;
    return 0;
}

void fake_plugin_done(FakePlugin *p) {
    assert(p);
    if (p->detached > 0)
        kill(p->detached, SIGKILL);    /* not our child: init reaps it */
    p->detached = -1;
    if (p->pid > 0) {
        kill(p->pid, SIGKILL);
        (void) waitpid(p->pid, NULL, 0);
    }
    if (p->pidfd >= 0)
        close(p->pidfd);
    if (p->request_fd >= 0)
        close(p->request_fd);
    if (p->reply_fd >= 0)
        close(p->reply_fd);
    *p = FAKE_PLUGIN_NULL;
}
