/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dbus/dbus.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake-plugin.h"
#include "pppras-bus.h"

#define FAKE_CALL_TIMEOUT_MS 10000
#define NOBODY 65534

typedef enum Op {
    OP_REGISTER,
    OP_PHASE,
    OP_IP_UP,
    OP_IP_DOWN,
    OP_EXIT,
    OP_QUIT,
} Op;

/* Parent → child.  Small enough for one atomic pipe write. */
typedef struct Request {
    uint32_t op;
    uint32_t u;
    int32_t i;
    uint8_t b;
    char s[3][64];
} Request;

/* Child → parent: one per request, and one when the child is on the bus. */
typedef struct Reply {
    int32_t r;
    char error_name[128];
} Reply;

/* ---------------------------------------------------------------- child */

static void on_sigterm(int sig) {
    (void) sig;
    _exit(0);   /* what pppd's orderly shutdown ends with */
}

static void append_entry(DBusMessageIter *dict, const char *key, int type, const void *value) {
    DBusMessageIter entry, variant;
    char signature[2] = { (char) type, 0 };

    dbus_message_iter_open_container(dict, DBUS_TYPE_DICT_ENTRY, NULL, &entry);
    dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key);
    dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, signature, &variant);
    dbus_message_iter_append_basic(&variant, type, value);
    dbus_message_iter_close_container(&entry, &variant);
    dbus_message_iter_close_container(dict, &entry);
}

static void append_string_entry(DBusMessageIter *dict, const char *key, const char *value) {
    if (value[0])
        append_entry(dict, key, DBUS_TYPE_STRING, &value);
}

/* The Link call a request stands for; NULL on OOM. */
static DBusMessage *build_call(const Request *req) {
    static const char *const methods[] = {
        [OP_REGISTER] = "Register", [OP_PHASE] = "Phase", [OP_IP_UP] = "IpUp",
        [OP_IP_DOWN] = "IpDown", [OP_EXIT] = "Exit",
    };
    DBusMessageIter args, dict;
    DBusMessage *m;

    assert(req);
    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_LINK_IFACE, methods[req->op]);
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, &args);

    switch (req->op) {
    case OP_REGISTER:
        dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
        append_string_entry(&dict, "entry", req->s[0]);
        append_string_entry(&dict, "device", "/dev/pts/99");
        append_string_entry(&dict, "device_type", "pty");
        dbus_message_iter_close_container(&args, &dict);
        break;
    case OP_PHASE:
        dbus_message_iter_append_basic(&args, DBUS_TYPE_UINT32, &req->u);
        break;
    case OP_IP_UP:
        dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
        append_string_entry(&dict, "ifname", req->s[0]);
        append_string_entry(&dict, "local", req->s[1]);
        append_string_entry(&dict, "remote", req->s[2]);
        dbus_message_iter_close_container(&args, &dict);
        break;
    case OP_IP_DOWN:
        break;
    case OP_EXIT: {
        dbus_bool_t peer_terminated = req->b;
        dbus_message_iter_append_basic(&args, DBUS_TYPE_INT32, &req->i);
        dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
        append_entry(&dict, "peer_terminated", DBUS_TYPE_BOOLEAN, &peer_terminated);
        dbus_message_iter_close_container(&args, &dict);
        break;
    }
    default:
        assert(false);
    }
    return m;
}

static Reply child_call(DBusConnection *bus, const Request *req) {
    Reply reply = {};
    DBusError error;
    DBusMessage *m, *r;

    m = build_call(req);
    if (!m) {
        reply.r = -ENOMEM;
        return reply;
    }
    dbus_error_init(&error);
    r = dbus_connection_send_with_reply_and_block(bus, m, FAKE_CALL_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    if (r)
        dbus_message_unref(r);
    else {
        reply.r = -EREMOTEIO;
        snprintf(reply.error_name, sizeof(reply.error_name), "%s", error.name ? error.name : "");
        dbus_error_free(&error);
    }
    return reply;
}

static int drop_privileges(void) {
    if (setgroups(0, NULL) < 0 || setresgid(NOBODY, NOBODY, NOBODY) < 0 ||
        setresuid(NOBODY, NOBODY, NOBODY) < 0)
        return -errno;
    return 0;
}

static _Noreturn void child_main(int request_fd, int reply_fd, unsigned flags) {
    Reply ready = {};
    DBusConnection *bus = NULL;
    DBusError error;

    signal(SIGTERM, flags & FAKE_PLUGIN_IGNORE_SIGTERM ? SIG_IGN : on_sigterm);
    if (flags & FAKE_PLUGIN_UNPRIVILEGED)
        ready.r = drop_privileges();
    if (ready.r == 0) {
        dbus_error_init(&error);
        bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
        if (!bus) {
            ready.r = -ECONNREFUSED;
            snprintf(ready.error_name, sizeof(ready.error_name), "%s", error.name ? error.name : "");
            dbus_error_free(&error);
        } else
            dbus_connection_set_exit_on_disconnect(bus, false);
    }
    if (write(reply_fd, &ready, sizeof(ready)) != sizeof(ready) || ready.r < 0)
        _exit(1);

    for (;;) {
        Request req;
        ssize_t n = read(request_fd, &req, sizeof(req));
        if (n < 0 && errno == EINTR)
            continue;
        if (n != sizeof(req))
            _exit(0);   /* the test went away: so do we */
        if (req.op == OP_QUIT)
            _exit((int) req.i);

        Reply reply = child_call(bus, &req);
        if (write(reply_fd, &reply, sizeof(reply)) != sizeof(reply))
            _exit(1);
    }
}

/* --------------------------------------------------------------- parent */

static int read_reply(FakePlugin *p, Reply *reply) {
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

static int request(FakePlugin *p, const Request *req) {
    Reply reply;
    int r;

    assert(p);
    assert(req);
    if (write(p->request_fd, req, sizeof(*req)) != sizeof(*req))
        return -EPIPE;
    if (req->op == OP_QUIT)
        return 0;
    r = read_reply(p, &reply);
    if (r < 0)
        return r;
    snprintf(p->error_name, sizeof(p->error_name), "%s", reply.error_name);
    return reply.r;
}

int fake_plugin_spawn(FakePlugin *p, unsigned flags) {
    int to_child[2], from_child[2];
    Reply ready;
    int r;

    assert(p);
    *p = FAKE_PLUGIN_NULL;
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
        child_main(to_child[0], from_child[1], flags);
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
    snprintf(dst, sizeof(((Request *) 0)->s[0]), "%s", src ? src : "");
}

int fake_plugin_register(FakePlugin *p, const char *entry) {
    Request req = { .op = OP_REGISTER };
    copy_arg(req.s[0], entry);
    return request(p, &req);
}

int fake_plugin_phase(FakePlugin *p, uint32_t phase) {
    return request(p, &(Request) { .op = OP_PHASE, .u = phase });
}

int fake_plugin_ip_up(FakePlugin *p, const char *ifname, const char *local, const char *remote) {
    Request req = { .op = OP_IP_UP };
    copy_arg(req.s[0], ifname);
    copy_arg(req.s[1], local);
    copy_arg(req.s[2], remote);
    return request(p, &req);
}

int fake_plugin_ip_down(FakePlugin *p) {
    return request(p, &(Request) { .op = OP_IP_DOWN });
}

int fake_plugin_exit(FakePlugin *p, int32_t status, bool peer_terminated) {
    return request(p, &(Request) { .op = OP_EXIT, .i = status, .b = peer_terminated });
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

int fake_plugin_quit(FakePlugin *p, int code) {
    return request(p, &(Request) { .op = OP_QUIT, .i = code });
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
