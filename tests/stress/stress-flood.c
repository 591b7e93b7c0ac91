/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* flood: one client registers notifications by the thousand, sends huge
 * calls and thousands of calls whose replies it never reads, while another
 * client asks GetConnectStatus.  The other client's calls must all be
 * answered; their latency idle and under flood is printed, not asserted. */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-stats.h"
#include "fake-plugin.h"
#include "pppras-bus.h"
#include "stress-util.h"

#define PROBES 200
#define HUGE_ENTRY (1024 * 1024)
#define REGISTRATIONS_PER_CLIENT 256   /* docs/dbus-api.md, "Limits" */

typedef struct Flood {
    uint64_t registrations, huge, pending;
} Flood;

static DBusMessage *status_call(uint64_t handle) {
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE,
                                                  "GetConnectStatus");
    if (!m || !dbus_message_append_args(m, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID))
        STRESS_FAIL("out of memory");
    return m;
}

/* Sends without ever reading: the replies pile up in the bus for us. */
static void send_unread(DBusConnection *bus, DBusMessage *m) {
    if (!dbus_connection_send(bus, m, NULL))
        STRESS_FAIL("out of memory");
    dbus_message_unref(m);
}

static DBusMessage *register_call(uint64_t handle, int fd) {
    uint32_t flags = 3;   /* RASCN_Connection | RASCN_Disconnection */
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE,
                                                  "RegisterNotification");
    if (!m || !dbus_message_append_args(m, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_UINT32, &flags,
                                        DBUS_TYPE_UNIX_FD, &fd, DBUS_TYPE_INVALID))
        STRESS_FAIL("cannot build RegisterNotification");
    return m;
}

/* The registration beyond the limit is refused by name; the ones below it
 * are kept. */
static void check_registration_limit(StressFigures *fig) {
    DBusConnection *bus = stress_bus_open();
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

    for (int i = 0; i <= REGISTRATIONS_PER_CLIENT; i++) {
        DBusMessage *m = register_call(UINT64_MAX, fd), *reply;
        DBusError error;
        bool refused;

        dbus_error_init(&error);
        reply = dbus_connection_send_with_reply_and_block(bus, m, STRESS_TIMEOUT_MS, &error);
        dbus_message_unref(m);
        refused = !reply && strcmp(error.name, PPPRAS_ERROR_PREFIX "LimitExceeded") == 0;
        if (refused != (i == REGISTRATIONS_PER_CLIENT)) {
            fprintf(stderr, "flood: registration %d: %s\n", i + 1, reply ? "accepted" : error.name);
            fig->faults++;
        }
        if (reply)
            dbus_message_unref(reply);
        dbus_error_free(&error);
        fig->operations++;
    }
    close(fd);
    stress_bus_close(bus);
}

/* Waits until the bus says name has no owner: by then the bus has routed
 * everything name sent, and the daemon gets this signal after all of it.
 * watch_name() must come before name can leave. */
static int wait_name_gone(DBusConnection *bus, const char *name) {
    uint64_t deadline = stress_now_ms() + STRESS_TIMEOUT_MS;

    for (;;) {
        DBusMessage *m;
        uint64_t now;

        while ((m = dbus_connection_pop_message(bus))) {
            const char *n = NULL, *old = NULL, *new = NULL;
            bool gone = dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
                        dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &n, DBUS_TYPE_STRING, &old,
                                              DBUS_TYPE_STRING, &new, DBUS_TYPE_INVALID) &&
                        strcmp(n, name) == 0 && !*new;
            dbus_message_unref(m);
            if (gone)
                return 0;
        }
        now = stress_now_ms();
        if (now >= deadline)
            return -ETIMEDOUT;
        if (!dbus_connection_read_write(bus, (int) (deadline - now)))
            return -ECONNRESET;
    }
}

static void watch_name(DBusConnection *bus, const char *name) {
    char rule[256];
    DBusError error;

    snprintf(rule, sizeof(rule),
             "type='signal',sender='" DBUS_SERVICE_DBUS "',interface='" DBUS_INTERFACE_DBUS "',"
             "member='NameOwnerChanged',arg0='%s'", name);
    dbus_error_init(&error);
    dbus_bus_add_match(bus, rule, &error);
    if (dbus_error_is_set(&error))
        STRESS_FAIL("AddMatch %s: %s", rule, error.message);
}

/* Tells the parent its unique name once the flood is sent. */
static _Noreturn void flooder(const Flood *f, uint64_t handle, int ready_fd) {
    DBusConnection *bus = stress_bus_open();
    static char entry[HUGE_ENTRY + 1];
    char name[128] = "";

    memset(entry, 'x', HUGE_ENTRY);
    for (uint64_t i = 0; i < f->registrations; i++) {
        int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0)
            STRESS_FAIL("eventfd: %m");
        send_unread(bus, register_call(i % 2 ? handle : UINT64_MAX, fd));
        close(fd);
    }
    for (uint64_t i = 0; i < f->huge; i++) {
        const char *e = entry;
        DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE,
                                                      "GetDialParams");
        if (!m || !dbus_message_append_args(m, DBUS_TYPE_STRING, &e, DBUS_TYPE_INVALID))
            STRESS_FAIL("out of memory");
        send_unread(bus, m);
    }
    dbus_connection_flush(bus);
    snprintf(name, sizeof(name), "%s", dbus_bus_get_unique_name(bus));
    if (write(ready_fd, name, sizeof(name)) != (ssize_t) sizeof(name))
        _exit(1);   /* the parent's read fails */
    /* then GetConnectStatus without end, never reading a reply */
    for (uint64_t i = 0;; i++) {
        send_unread(bus, status_call(handle));
        if (i % 64 == 0)
            dbus_connection_flush(bus);
        if (!dbus_connection_get_is_connected(bus))
            _exit(0);   /* the bus gave up on us: that is its limit, not the daemon's */
    }
}

static bool probe_once(DBusConnection *bus, uint64_t handle, StressFigures *fig) {
    DBusMessage *m = status_call(handle), *reply;
    DBusError error;

    dbus_error_init(&error);
    reply = dbus_connection_send_with_reply_and_block(bus, m, STRESS_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    fig->operations++;
    if (!reply) {
        fprintf(stderr, "flood: GetConnectStatus failed: %s\n", error.message);
        dbus_error_free(&error);
        fig->faults++;
        return false;
    }
    dbus_message_unref(reply);
    return true;
}

static void probe(DBusConnection *bus, uint64_t handle, Samples *s, StressFigures *fig) {
    for (size_t i = 0; i < PROBES; i++) {
        uint64_t t = bench_now_nsec();
        if (probe_once(bus, handle, fig))
            samples_add_since(s, t);
    }
}

int stress_flood(const StressOptions *o) {
    _cleanup_fake_plugin_ FakePlugin p = FAKE_PLUGIN_NULL;
    Flood f = { .registrations = o->rounds ? o->rounds : o->long_run ? 20000 : 2000, .huge = 20 };
    StressFigures fig = { .name = "flood" };
    Samples idle = {}, loaded = {};
    DBusConnection *bus = stress_bus_open();
    pid_t daemon = stress_daemon_pid(), child;
    uint64_t handle;
    int ready[2], status;
    char flooder_name[128];

    if (fake_plugin_spawn(&p, 0) < 0 || fake_plugin_connect(&p, "flooded") < 0 ||
        stress_handle_of(bus, p.pid, &handle) < 0)
        STRESS_FAIL("the fake pppd could not connect");
    if (samples_init(&idle, PROBES) < 0 || samples_init(&loaded, PROBES) < 0 || pipe(ready) < 0)
        STRESS_FAIL("out of memory");
    check_registration_limit(&fig);
    probe(bus, handle, &idle, &fig);
    long fds_before = stress_daemon_fds(daemon);

    child = fork();
    if (child < 0)
        STRESS_FAIL("fork: %m");
    if (child == 0)
        flooder(&f, handle, ready[1]);
    close(ready[1]);
    if (read(ready[0], flooder_name, sizeof(flooder_name)) != (ssize_t) sizeof(flooder_name) ||
        !memchr(flooder_name, 0, sizeof(flooder_name)) || !*flooder_name)
        STRESS_FAIL("the flooder died before flooding");
    probe(bus, handle, &loaded, &fig);
    watch_name(bus, flooder_name);
    kill(child, SIGKILL);
    waitpid(child, &status, 0);
    /* Killing the flooder is not the end of its flood: the bus still
     * routes what it had read, then says the name left.  After that signal
     * the daemon reads the flood, then the same signal (and drops the
     * flooder's registrations, closing their fds, before its next call),
     * then this probe: once it answers, the count is final. */
    if (wait_name_gone(bus, flooder_name) < 0)
        STRESS_FAIL("the bus never said %s left", flooder_name);
    probe_once(bus, handle, &fig);
    long fds_after = stress_daemon_fds(daemon);
    if (fds_after > fds_before)
        fig.leaked = (uint64_t) (fds_after - fds_before);

    if (kill(daemon, 0) < 0 && errno == ESRCH)
        STRESS_FAIL("the daemon died");
    printf("flood: %" PRIu64 " registrations, %" PRIu64 " calls of 1 MiB, then unread calls without end\n",
           f.registrations, f.huge);
    printf("flood: GetConnectStatus idle median %.0f us p99 %.0f us; under flood median %.0f us p99 %.0f us\n",
           samples_quantile(&idle, 0.5), samples_quantile(&idle, 0.99), samples_quantile(&loaded, 0.5),
           samples_quantile(&loaded, 0.99));
    printf("flood: daemon fds %ld before the flood, %ld after the flooder left\n", fds_before, fds_after);
    stress_print(&fig);
    samples_done(&idle);
    samples_done(&loaded);
    stress_bus_close(bus);
    return fig.faults == 0 && fig.leaked == 0 ? 0 : 1;
}
