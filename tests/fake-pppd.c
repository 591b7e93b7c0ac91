/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fake-pppd: stands in for pppd with the pppras plugin in the bus tests.
 * Like the plugin it speaks org.pppras.Ras1.Link from its own process (the
 * daemon takes the pid from the bus), and like the plugin it registers
 * again, with everything it reported so far, whenever the daemon's name
 * gets a new owner.  Unlike the plugin it waits for every reply, so that
 * the test knows the daemon has acted.
 *
 *   fake-pppd --control REQ_FD REPLY_FD [--ignore-sigterm] [--unprivileged]
 *       a test drives it (tests/bus/fake-plugin.h); SIGTERM: exit 0
 *   fake-pppd file PATH ... | call NAME ...   (the daemon's Dial)
 *       its arguments go to $PPPRAS_BUS_DIR/argv.ENTRY, one a line;
 *       the first line of the entry file says what to do:
 *       "connect"  report a complete connect, then stay up until SIGTERM
 *       "secrets"  ask for the secrets (Link.GetSecrets, as the plugin's
 *                  password hook does), write "USER<TAB>PASSWORD" or
 *                  "error NAME" to $PPPRAS_BUS_DIR/secrets.ENTRY, connect
 *       "hold"     stay in the connect script's phase until SIGTERM
 *       "discover" the same as rp-pppoe.so on eth0 would (a PPPoE device
 *                  whose discovery nobody answers)
 *       "fail N"   start, then report Exit(N) and exit with N
 *       "refuse"   exit 2 at once, never on the bus: pppd refusing an option
 *                  of the entry before it loaded its plugin
 *       "device TEXT"  as a failing pty program would: TEXT goes into
 *                  $PPPRAS_DEVICE_ERROR (set here as the plugin sets it,
 *                  common/dial-env.h), then Exit(16) and exit 16 */

#include <assert.h>
#include <dbus/dbus.h>
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bus/dbus-dict.h"
#include "bus/fake-pppd-protocol.h"
#include "device-env.h"
#include "link-end-file.h"
#include "phase-map.h"
#include "pppras-bus.h"

#define CALL_TIMEOUT_MS 10000
#define NOBODY 65534
#define OWNER_MATCH                                                                 \
    "type='signal',sender='" DBUS_SERVICE_DBUS "',interface='" DBUS_INTERFACE_DBUS \
    "',member='NameOwnerChanged',arg0='" PPPRAS_BUS_NAME "'"

/* What was reported, for registering again with a restarted daemon. */
static struct {
    char entry[64], ifname[64], local[64], remote[64];
    char device_type[64], device[64], pty_program[64];
    int phase;
    bool ip_up;
    unsigned registered_again;
} link_state = { .phase = -1, .device_type = "pty", .device = "/dev/pts/99" };

static void on_sigterm(int sig) {
    (void) sig;
    _exit(0);   /* what pppd's orderly shutdown ends with */
}

static void append_string_entry(DBusMessageIter *dict, const char *key, const char *value) {
    if (value[0])
        dbus_dict_append(dict, key, DBUS_TYPE_STRING, &value);
}

/* Register with everything known: the first one, or again for a new daemon. */
static void append_register(DBusMessageIter *args) {
    DBusMessageIter dict;

    dbus_message_iter_open_container(args, DBUS_TYPE_ARRAY, "{sv}", &dict);
    append_string_entry(&dict, "entry", link_state.entry);
    append_string_entry(&dict, "device", link_state.device);
    append_string_entry(&dict, "device_type", link_state.device_type);
    append_string_entry(&dict, "pty_program", link_state.pty_program);
    if (link_state.phase >= 0) {
        uint32_t phase = (uint32_t) link_state.phase;
        dbus_dict_append(&dict, "phase", DBUS_TYPE_UINT32, &phase);
    }
    if (link_state.ip_up) {
        append_string_entry(&dict, "ifname", link_state.ifname);
        append_string_entry(&dict, "local", link_state.local);
        append_string_entry(&dict, "remote", link_state.remote);
    }
    dbus_message_iter_close_container(args, &dict);
}

static void remember(char *dst, const char *src) {
    snprintf(dst, 64, "%s", src);
}

/* The Link call a request stands for (noting what it reports); NULL on OOM. */
static DBusMessage *build_call(const FakeRequest *req) {
    static const char *const methods[] = {
        [FAKE_OP_REGISTER] = "Register", [FAKE_OP_PHASE] = "Phase", [FAKE_OP_IP_UP] = "IpUp",
        [FAKE_OP_IP_DOWN] = "IpDown", [FAKE_OP_EXIT] = "Exit", [FAKE_OP_IP6_UP] = "Ip6Up",
    };
    DBusMessageIter args, dict;
    DBusMessage *m;

    assert(req);
    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_LINK_IFACE, methods[req->op]);
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, &args);

    switch (req->op) {
    case FAKE_OP_REGISTER:
        remember(link_state.entry, req->s[0]);
        if (req->s[1][0]) {
            remember(link_state.device_type, req->s[1]);
            remember(link_state.device, req->s[2]);
            remember(link_state.pty_program, req->s[3]);
        }
        append_register(&args);
        break;
    case FAKE_OP_PHASE:
        link_state.phase = (int) req->u;
        dbus_message_iter_append_basic(&args, DBUS_TYPE_UINT32, &req->u);
        break;
    case FAKE_OP_IP_UP:
        /* pppd enters PHASE_RUNNING as IPCP comes up, before the ip-up
         * notifier: the phase its plugin registers with from then on */
        link_state.phase = PPPD_PHASE_RUNNING;
        link_state.ip_up = true;
        remember(link_state.ifname, req->s[0]);
        remember(link_state.local, req->s[1]);
        remember(link_state.remote, req->s[2]);
        dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
        append_string_entry(&dict, "ifname", req->s[0]);
        append_string_entry(&dict, "local", req->s[1]);
        append_string_entry(&dict, "remote", req->s[2]);
        dbus_message_iter_close_container(&args, &dict);
        break;
    case FAKE_OP_IP_DOWN:
        link_state.ip_up = false;
        break;
    case FAKE_OP_IP6_UP:
        dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
        append_string_entry(&dict, "ifname", req->s[0]);
        append_string_entry(&dict, "local", req->s[1]);
        append_string_entry(&dict, "remote", req->s[2]);
        dbus_message_iter_close_container(&args, &dict);
        break;
    case FAKE_OP_EXIT: {
        dbus_bool_t peer_terminated = req->b;
        dbus_message_iter_append_basic(&args, DBUS_TYPE_INT32, &req->i);
        dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
        dbus_dict_append(&dict, "peer_terminated", DBUS_TYPE_BOOLEAN, &peer_terminated);
        dbus_message_iter_close_container(&args, &dict);
        break;
    }
    default:
        assert(false);
    }
    return m;
}

/* Exit: like the plugin, keep it on disk for a daemon that may not be
 * there to hear it (PPPRAS_BUS_DIR/run: the test daemon's runtime dir). */
static void keep_exit(const FakeRequest *req) {
    const char *dir = getenv("PPPRAS_BUS_DIR");
    char path[4096];

    if (!dir)
        return;
    snprintf(path, sizeof(path), "%s/run", dir);
    (void) link_end_file_write(path, &(LinkEnd) { .status = req->i, .peer_terminated = req->b });
}

static FakeReply call(DBusConnection *bus, const FakeRequest *req) {
    FakeReply reply = {};
    DBusError error;
    DBusMessage *m, *r;

    if (req->op == FAKE_OP_EXIT)
        keep_exit(req);
    m = build_call(req);
    if (!m) {
        reply.r = -ENOMEM;
        return reply;
    }
    dbus_error_init(&error);
    r = dbus_connection_send_with_reply_and_block(bus, m, CALL_TIMEOUT_MS, &error);
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

/* Whether m says the daemon's name has a new owner. */
static bool is_new_daemon(DBusMessage *m) {
    const char *name, *old_owner, *owner;

    return dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
           dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING, &old_owner,
                                 DBUS_TYPE_STRING, &owner, DBUS_TYPE_INVALID) &&
           strcmp(name, PPPRAS_BUS_NAME) == 0 && owner[0];
}

/* Reads what the bus sent; registers again whenever the daemon came back. */
static void handle_bus(DBusConnection *bus) {
    bool again;

    do {
        DBusMessage *m;

        again = false;
        dbus_connection_read_write(bus, 0);
        while ((m = dbus_connection_pop_message(bus))) {
            again = is_new_daemon(m) || again;
            dbus_message_unref(m);
        }
        if (again && link_state.entry[0]) {
            FakeRequest req = { .op = FAKE_OP_REGISTER };
            remember(req.s[0], link_state.entry);
            if (call(bus, &req).r == 0)
                link_state.registered_again++;
        }
    } while (again);
}

/* Answers the bus until control_fd (if >= 0) is readable, or until the
 * daemon got Register again `registered` times (if > 0).  false: the bus
 * is gone. */
static bool serve(DBusConnection *bus, int control_fd, unsigned registered) {
    for (;;) {
        int fd = -1;

        handle_bus(bus);
        if (!dbus_connection_get_is_connected(bus) || !dbus_connection_get_unix_fd(bus, &fd))
            return false;
        if (registered > 0 && link_state.registered_again >= registered)
            return true;
        struct pollfd fds[2] = { { .fd = fd, .events = POLLIN }, { .fd = control_fd, .events = POLLIN } };
        if (poll(fds, control_fd >= 0 ? 2 : 1, -1) < 0 && errno != EINTR)
            return false;
        if (control_fd >= 0 && fds[1].revents)
            return true;
    }
}

static DBusConnection *connect_bus(char error_name[128]) {
    DBusError error;
    DBusConnection *bus;

    dbus_error_init(&error);
    bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (bus) {
        dbus_connection_set_exit_on_disconnect(bus, false);
        dbus_bus_add_match(bus, OWNER_MATCH, &error);
    }
    if (dbus_error_is_set(&error)) {
        snprintf(error_name, 128, "%s", error.name ? error.name : "");
        dbus_error_free(&error);
        if (bus) {
            dbus_connection_close(bus);
            dbus_connection_unref(bus);
        }
        return NULL;
    }
    return bus;
}

static int drop_privileges(void) {
    if (setgroups(0, NULL) < 0 || setresgid(NOBODY, NOBODY, NOBODY) < 0 ||
        setresuid(NOBODY, NOBODY, NOBODY) < 0)
        return -errno;
    return 0;
}

static int controlled(int request_fd, int reply_fd, bool unprivileged) {
    FakeReply ready = {};
    DBusConnection *bus = NULL;

    if (unprivileged)
        ready.r = drop_privileges();
    if (ready.r == 0) {
        bus = connect_bus(ready.error_name);
        if (!bus)
            ready.r = -ECONNREFUSED;
    }
    if (write(reply_fd, &ready, sizeof(ready)) != sizeof(ready) || ready.r < 0)
        return 1;

    for (;;) {
        FakeRequest req;
        FakeReply reply = {};
        ssize_t n;

        if (!serve(bus, request_fd, 0))
            return 1;
        n = read(request_fd, &req, sizeof(req));
        if (n < 0 && errno == EINTR)
            continue;
        if (n != sizeof(req))
            return 0;   /* the test went away: so do we */
        if (req.op == FAKE_OP_QUIT)
            return req.i;
        if (req.op == FAKE_OP_DETACH) {
            /* the process the daemon knows ends; its bus connection lives on */
            pid_t child = fork();
            if (child < 0)
                reply.r = -errno;
            else if (child > 0)
                _exit(0);
            else
                reply.r = (int32_t) getpid();
            if (write(reply_fd, &reply, sizeof(reply)) != sizeof(reply))
                return 1;
            continue;
        }
        if (req.op == FAKE_OP_AWAIT_REGISTERED) {
            if (!serve(bus, -1, req.u))
                return 1;
        } else
            reply = call(bus, &req);
        if (write(reply_fd, &reply, sizeof(reply)) != sizeof(reply))
            return 1;
    }
}

/* The first word of the entry file, a number after it, and that rest of the line as text. */
static int read_script(const char *path, char word[16], int *number, char text[64]) {
    FILE *f = fopen(path, "re");
    if (!f)
        return -errno;
    *number = 0;
    text[0] = '\0';
    char line[128] = "";
    bool ok = fgets(line, sizeof(line), f) != NULL;
    fclose(f);
    line[strcspn(line, "\n")] = '\0';
    if (!ok || sscanf(line, "%15s %d", word, number) < 1)
        return -EINVAL;
    const char *rest = line + strlen(word);
    snprintf(text, 64, "%s", rest + strspn(rest, " "));
    return 0;
}

/* The device program's part: TEXT into the file the plugin names. */
static void write_device_error(const char *runtime_dir, const char *text) {
    if (device_env_set(runtime_dir, getpid(), NULL) < 0)
        return;
    FILE *f = fopen(getenv("PPPRAS_DEVICE_ERROR"), "we");
    if (!f)
        return;
    fprintf(f, "%s\n", text);
    fclose(f);
}

/* Link.GetSecrets, and what it gave, into $PPPRAS_BUS_DIR/secrets.ENTRY. */
static int record_secrets(DBusConnection *bus, const char *entry) {
    const char *dir = getenv("PPPRAS_BUS_DIR"), *user = "", *password = "";
    char path[4096];
    DBusError error;

    if (!dir)
        return -ENOENT;
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_LINK_IFACE, "GetSecrets");
    if (!m)
        return -ENOMEM;
    dbus_error_init(&error);
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(bus, m, CALL_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    if (reply && !dbus_message_get_args(reply, &error, DBUS_TYPE_STRING, &user, DBUS_TYPE_STRING, &password,
                                        DBUS_TYPE_INVALID)) {
        dbus_message_unref(reply);
        reply = NULL;
    }

    snprintf(path, sizeof(path), "%s/secrets.%s", dir, entry);
    FILE *f = fopen(path, "we");
    if (f) {
        if (reply)
            fprintf(f, "%s\t%s\n", user, password);
        else
            fprintf(f, "error %s\n", error.name ? error.name : "");
        fclose(f);
    }
    if (reply)
        dbus_message_unref(reply);
    dbus_error_free(&error);
    return f ? 0 : -errno;
}

/* What the daemon started us with, for the test to read. */
static void record_argv(const char *entry, int argc, char **argv) {
    const char *dir = getenv("PPPRAS_BUS_DIR");
    char path[4096];

    if (!dir)
        return;
    snprintf(path, sizeof(path), "%s/argv.%s", dir, entry);
    FILE *f = fopen(path, "we");
    if (!f)
        return;
    for (int i = 0; i < argc; i++)
        fprintf(f, "%s\n", argv[i]);
    fclose(f);
}

static int dialled(int argc, char **argv) {
    char path[4096] = "", entry[64] = "", word[16], error_name[128], text[64];
    char runtime_dir[4096] = "/run/pppras";
    int number;

    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "file") == 0)
            snprintf(path, sizeof(path), "%s", argv[i + 1]);
        else if (strcmp(argv[i], "call") == 0)
            snprintf(path, sizeof(path), "/etc/ppp/peers/%s", argv[i + 1]);
        else if (strcmp(argv[i], "pppras-entry") == 0)
            snprintf(entry, sizeof(entry), "%s", argv[i + 1]);
        else if (strcmp(argv[i], "pppras-runtime-dir") == 0)
            snprintf(runtime_dir, sizeof(runtime_dir), "%s", argv[i + 1]);
    if (!path[0] || !entry[0] || read_script(path, word, &number, text) < 0)
        return 2;   /* pppd's EXIT_OPTION_ERROR */
    record_argv(entry, argc, argv);
    if (strcmp(word, "refuse") == 0)
        return 2;

    DBusConnection *bus = connect_bus(error_name);
    if (!bus)
        return 1;
    FakeRequest req = { .op = FAKE_OP_REGISTER };
    remember(req.s[0], entry);
    if (strcmp(word, "discover") == 0) {
        remember(req.s[1], "pppoe");
        remember(req.s[2], "eth0");
    }
    if (call(bus, &req).r < 0 || call(bus, &(FakeRequest) { .op = FAKE_OP_PHASE, .u = PPPD_PHASE_SERIALCONN }).r < 0)
        return 1;

    if (strcmp(word, "fail") == 0) {
        (void) call(bus, &(FakeRequest) { .op = FAKE_OP_EXIT, .i = number });
        return number;
    }
    if (strcmp(word, "device") == 0) {
        write_device_error(runtime_dir, text);
        (void) call(bus, &(FakeRequest) { .op = FAKE_OP_EXIT, .i = 16 });
        return 16;
    }
    if (strcmp(word, "secrets") == 0 && record_secrets(bus, entry) < 0)
        return 1;
    if (strcmp(word, "connect") == 0 || strcmp(word, "secrets") == 0) {
        static const uint32_t phases[] = { PPPD_PHASE_ESTABLISH, PPPD_PHASE_AUTHENTICATE, PPPD_PHASE_NETWORK };
        for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++)
            (void) call(bus, &(FakeRequest) { .op = FAKE_OP_PHASE, .u = phases[i] });
        (void) call(bus, &(FakeRequest) { .op = FAKE_OP_IP_UP, .s = { "ppp0", "10.65.0.1", "10.65.0.2" } });
    }
    /* up (or holding) until SIGTERM, answering the bus */
    serve(bus, -1, 0);
    return 1;
}

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], FAKE_PPPD_CONTROL) == 0) {
        bool ignore_sigterm = false, unprivileged = false;
        for (int i = 4; i < argc; i++) {
            ignore_sigterm = ignore_sigterm || strcmp(argv[i], FAKE_PPPD_IGNORE_SIGTERM) == 0;
            unprivileged = unprivileged || strcmp(argv[i], FAKE_PPPD_UNPRIVILEGED) == 0;
        }
        signal(SIGTERM, ignore_sigterm ? SIG_IGN : on_sigterm);
        return controlled(atoi(argv[2]), atoi(argv[3]), unprivileged);
    }
    signal(SIGTERM, on_sigterm);
    return dialled(argc, argv);
}
