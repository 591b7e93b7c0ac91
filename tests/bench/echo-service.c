/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>
#include <unistd.h>

#include "bench-stats.h"
#include "echo-service.h"
#include "pppras-bus.h"

#define ECHO_PATH      "/org/pppras/Bench"
#define ECHO_INTERFACE "org.pppras.Bench1"
#define ECHO_TIMEOUT_MS 30000

/* Child → parent, once: serving, or why not. */
typedef struct Ready {
    int32_t r;
    uint32_t n_items;
    char unique_name[64];
} Ready;

/* ---------------------------------------------------------------- child */

/* Request → Reply to its sender, with the array. */
static int on_request(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    sd_bus_message *enumerated = userdata;
    __attribute__((cleanup(sd_bus_message_unrefp))) sd_bus_message *reply = NULL;
    assert(m);
    assert(enumerated);

    int r = sd_bus_message_new_signal(sd_bus_message_get_bus(m), &reply, ECHO_PATH, ECHO_INTERFACE, "Reply");
    if (r >= 0)
        r = sd_bus_message_set_destination(reply, sd_bus_message_get_sender(m));
    if (r >= 0)
        r = sd_bus_message_rewind(enumerated, true);
    if (r >= 0)
        r = sd_bus_message_copy(reply, enumerated, true);
    if (r < 0)
        return r;
    return sd_bus_send(NULL, reply, NULL);
}

static int count_items(sd_bus_message *m, uint32_t *ret) {
    assert(m);
    assert(ret);

    uint32_t n = 0;
    int r = sd_bus_message_enter_container(m, 'a', "(tssssu)");
    while (r >= 0 && (r = sd_bus_message_skip(m, "(tssssu)")) > 0)
        n++;
    if (r >= 0)
        r = sd_bus_message_exit_container(m);
    *ret = n;
    return r < 0 ? r : 0;
}

static int on_control(sd_event_source *s, int fd, uint32_t revents, void *userdata) {
    return sd_event_exit(sd_event_source_get_event(s), 0);   /* the parent closed its end */
}

static int child_serve(int control_fd, Ready *ready) {
    __attribute__((cleanup(sd_event_unrefp))) sd_event *event = NULL;
    __attribute__((cleanup(sd_bus_flush_close_unrefp))) sd_bus *bus = NULL;
    __attribute__((cleanup(sd_bus_message_unrefp))) sd_bus_message *enumerated = NULL;
    sd_bus_error error = SD_BUS_ERROR_NULL;
    const char *name;
    assert(ready);

    int r = sd_event_new(&event);
    if (r >= 0)
        r = sd_bus_open_system(&bus);
    if (r >= 0)
        r = sd_bus_call_method(bus, PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE,
                               "EnumConnections", &error, &enumerated, "");
    sd_bus_error_free(&error);
    if (r >= 0)
        r = count_items(enumerated, &ready->n_items);
    if (r >= 0)
        r = sd_bus_match_signal(bus, NULL, NULL, ECHO_PATH, ECHO_INTERFACE, "Request", on_request, enumerated);
    if (r >= 0)
        r = sd_bus_attach_event(bus, event, SD_EVENT_PRIORITY_NORMAL);
    if (r >= 0)
        r = sd_event_add_io(event, NULL, control_fd, EPOLLIN, on_control, NULL);
    if (r >= 0)
        r = sd_bus_get_unique_name(bus, &name);
    if (r >= 0)
        snprintf(ready->unique_name, sizeof(ready->unique_name), "%s", name);
    ready->r = r < 0 ? r : 0;
    if (write(control_fd, ready, sizeof(*ready)) != sizeof(*ready) || r < 0)
        return r < 0 ? r : -EIO;
    return sd_event_loop(event);
}

/* --------------------------------------------------------------- parent */

int echo_service_start(EchoService *e) {
    int fds[2];
    assert(e);

    *e = ECHO_SERVICE_NULL;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
        return -errno;
    e->pid = fork();
    if (e->pid < 0) {
        int r = -errno;
        close(fds[0]);
        close(fds[1]);
        return r;
    }
    if (e->pid == 0) {
        Ready ready = {};
        close(fds[0]);
        _exit(child_serve(fds[1], &ready) < 0 ? 1 : 0);
    }
    close(fds[1]);
    e->control_fd = fds[0];

    Ready ready;
    ssize_t n;
    do
        n = read(e->control_fd, &ready, sizeof(ready));
    while (n < 0 && errno == EINTR);
    if (n != sizeof(ready) || ready.r < 0) {
        int r = n < 0 ? -errno : n != sizeof(ready) ? -ECHILD : ready.r;
        echo_service_stop(e);
        return r;
    }
    ready.unique_name[sizeof(ready.unique_name) - 1] = 0;
    memcpy(e->unique_name, ready.unique_name, sizeof(e->unique_name));
    e->n_items = ready.n_items;
    return 0;
}

static volatile size_t echo_sink;

/* Reads one (tssssu) the way libpppras would: every field. */
static void read_item(DBusMessageIter *array, size_t *chars) {
    DBusMessageIter item;
    dbus_uint64_t handle;
    dbus_uint32_t subentry;
    const char *s;

    dbus_message_iter_recurse(array, &item);
    dbus_message_iter_get_basic(&item, &handle);
    for (int i = 0; i < 4; i++) {
        dbus_message_iter_next(&item);
        dbus_message_iter_get_basic(&item, &s);
        *chars += strlen(s);
    }
    dbus_message_iter_next(&item);
    dbus_message_iter_get_basic(&item, &subentry);
    *chars += (size_t) (handle != 0) + subentry;
}

/* The next Reply from the service; anything else that arrives is dropped
 * (this connection expects nothing else while it waits).  NULL on timeout. */
static DBusMessage *wait_for_reply(DBusConnection *bus, const char *service) {
    uint64_t deadline = bench_now_nsec() + (uint64_t) ECHO_TIMEOUT_MS * 1000000u;
    assert(bus);

    for (;;) {
        DBusMessage *m = dbus_connection_pop_message(bus);
        if (m && dbus_message_is_signal(m, ECHO_INTERFACE, "Reply") &&
            strcmp(dbus_message_get_sender(m) ?: "", service) == 0)
            return m;
        if (m) {
            dbus_message_unref(m);
            continue;
        }
        uint64_t now = bench_now_nsec();
        if (now >= deadline || !dbus_connection_read_write(bus, (int) ((deadline - now) / 1000000u) + 1))
            return NULL;
    }
}

int echo_service_call(DBusConnection *bus, const EchoService *e, uint32_t *ret_items) {
    DBusMessageIter args, array;
    size_t chars = 0;
    uint32_t n = 0;

    assert(bus);
    assert(e);
    assert(ret_items);

    DBusMessage *m = dbus_message_new_signal(ECHO_PATH, ECHO_INTERFACE, "Request");
    if (!m)
        return -ENOMEM;
    bool sent = dbus_message_set_destination(m, e->unique_name) && dbus_connection_send(bus, m, NULL);
    dbus_message_unref(m);
    if (!sent)
        return -ENOMEM;
    DBusMessage *reply = wait_for_reply(bus, e->unique_name);
    if (!reply)
        return -ETIMEDOUT;

    if (!dbus_message_iter_init(reply, &args) || dbus_message_iter_get_arg_type(&args) != DBUS_TYPE_ARRAY) {
        dbus_message_unref(reply);
        return -EBADMSG;
    }
    dbus_message_iter_recurse(&args, &array);
    for (; dbus_message_iter_get_arg_type(&array) == DBUS_TYPE_STRUCT; dbus_message_iter_next(&array), n++)
        read_item(&array, &chars);
    dbus_message_unref(reply);
    echo_sink = chars;    /* the reads are the point: keep them */
    *ret_items = n;
    return 0;
}

void echo_service_stop(EchoService *e) {
    assert(e);
    if (e->control_fd >= 0)
        close(e->control_fd);
    if (e->pid > 0)
        (void) waitpid(e->pid, NULL, 0);
    *e = ECHO_SERVICE_NULL;
}
