/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* hostile-client: the hostile bus client of the attacks, one job per verb.
 * Each prints one line that says what the daemon answered and exits 0
 * when the daemon answered at all (the attack script judges the answer).
 *
 *   register FILE                 RegisterNotification(all, FILE opened for writing);
 *                                 holds the connection (and so the registration)
 *                                 until stdin closes
 *   register-full N               N registrations of one blocking eventfd whose
 *                                 counter is full (0xfffffffffffffffe); holds the
 *                                 connection until stdin closes, then one more
 *   enum MS                       EnumConnections within MS milliseconds
 *   fill CONNS PER                CONNS connections, each up to PER registrations,
 *                                 then a message carrying 16 fds; prints the
 *                                 counts and "holding", holds until stdin closes
 *   handoff ENTRY                 connect, print "pid N", hand the connection to
 *                                 a child and exit; the child calls Dial(ENTRY)
 *                                 once a line arrives on stdin */

#include <dbus/dbus.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <systemd/sd-bus.h>
#include <unistd.h>

#include "pppras-bus.h"

#define RASCN_ALL 0x0fu

static int call_register(sd_bus *bus, int fd, const char **ret_error) {
    sd_bus_error e = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    int r = sd_bus_call_method(bus, PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE,
                               "RegisterNotification", &e, &reply, "tuh", UINT64_MAX, RASCN_ALL, fd);
    static char name[128];
    snprintf(name, sizeof(name), "%s", r < 0 ? (e.name ?: strerror(-r)) : "ok");
    *ret_error = name;
    sd_bus_error_free(&e);
    sd_bus_message_unref(reply);
    return r;
}

static sd_bus *open_bus(void) {
    sd_bus *bus = NULL;
    int r = sd_bus_open_system(&bus);
    if (r >= 0)
        r = sd_bus_set_method_call_timeout(bus, 20 * 1000000ULL);
    if (r < 0) {
        fprintf(stderr, "hostile-client: bus: %s\n", strerror(-r));
        exit(2);
    }
    return bus;
}

static void wait_stdin_closed(void) {
    char buf[64];
    while (read(STDIN_FILENO, buf, sizeof(buf)) > 0)
        ;
}

static int do_register(const char *path) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        perror("hostile-client: open");
        return 2;
    }
    sd_bus *bus = open_bus();
    const char *error;
    call_register(bus, fd, &error);
    printf("%s\n", error);
    fflush(stdout);
    wait_stdin_closed();
    return 0;
}

static int do_register_full(unsigned n) {
    int fd = eventfd(0, EFD_CLOEXEC);    /* blocking, on purpose */
    uint64_t full = UINT64_C(0xfffffffffffffffe);
    if (fd < 0 || write(fd, &full, sizeof(full)) != sizeof(full)) {
        perror("hostile-client: eventfd");
        return 2;
    }
    sd_bus *bus = open_bus();
    unsigned ok = 0;
    const char *error = "ok";
    for (unsigned i = 0; i < n; i++)
        ok += call_register(bus, fd, &error) >= 0;
    printf("registered %u %s\n", ok, error);
    fflush(stdout);
    wait_stdin_closed();
    call_register(bus, fd, &error);
    printf("%s\n", error);
    return 0;
}

static int do_enum(unsigned ms) {
    sd_bus *bus = open_bus();
    sd_bus_error e = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    (void) sd_bus_set_method_call_timeout(bus, (uint64_t) ms * 1000);
    int r = sd_bus_call_method(bus, PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE,
                               "EnumConnections", &e, &reply, "");
    printf("%s\n", r < 0 ? (e.name ?: strerror(-r)) : "answered");
    return 0;
}

static int do_fill(unsigned conns, unsigned per) {
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0)
        return 2;
    sd_bus **buses = calloc(conns, sizeof(sd_bus *));
    unsigned ok = 0, limit = 0, other = 0;
    const char *error = "";
    for (unsigned c = 0; c < conns; c++) {
        buses[c] = open_bus();
        for (unsigned i = 0; i < per; i++) {
            int r = call_register(buses[c], fd, &error);
            if (r >= 0)
                ok++;
            else if (strcmp(error, PPPRAS_ERROR_PREFIX "LimitExceeded") == 0)
                limit++;
            else {
                other++;
                break;    /* the daemon may be gone: next connection */
            }
        }
    }
    /* A message carrying 16 fds, as many as the system bus lets through. */
    sd_bus_message *m = NULL;
    int r = sd_bus_message_new_method_call(buses[0], &m, PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH,
                                           PPPRAS_MANAGER_IFACE, "EnumConnections");
    for (int i = 0; r >= 0 && i < 16; i++)
        r = sd_bus_message_append(m, "h", fd);
    sd_bus_message *reply = NULL;
    sd_bus_error e = SD_BUS_ERROR_NULL;
    if (r >= 0)
        r = sd_bus_call(buses[0], m, 0, &e, &reply);
    printf("ok=%u limit=%u other=%u fds16=%s\n", ok, limit, other, r < 0 ? (e.name ?: strerror(-r)) : "answered");
    printf("holding\n");
    fflush(stdout);
    wait_stdin_closed();
    return 0;
}

static int do_handoff(const char *entry) {
    DBusError e;
    dbus_error_init(&e);
    DBusConnection *c = dbus_bus_get_private(DBUS_BUS_SYSTEM, &e);
    if (!c) {
        fprintf(stderr, "hostile-client: %s\n", e.message);
        return 2;
    }
    dbus_connection_set_exit_on_disconnect(c, FALSE);
    printf("pid %d\n", (int) getpid());
    fflush(stdout);
    pid_t child = fork();
    if (child < 0)
        return 2;
    if (child > 0)
        _exit(0);    /* the pid the bus recorded is free now */

    char line[64];
    if (!fgets(line, sizeof(line), stdin))
        return 2;
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, "Dial");
    DBusMessageIter it, dict;
    dbus_message_iter_init_append(m, &it);
    dbus_message_iter_append_basic(&it, DBUS_TYPE_STRING, &entry);
    dbus_message_iter_open_container(&it, DBUS_TYPE_ARRAY, "{sv}", &dict);
    dbus_message_iter_close_container(&it, &dict);
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(c, m, 20000, &e);
    printf("%s\n", reply ? "dialled" : e.name);
    fflush(stdout);
    return 0;
}

int main(int argc, char *argv[]) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc == 3 && strcmp(argv[1], "register") == 0)
        return do_register(argv[2]);
    if (argc == 3 && strcmp(argv[1], "register-full") == 0)
        return do_register_full((unsigned) atoi(argv[2]));
    if (argc == 3 && strcmp(argv[1], "enum") == 0)
        return do_enum((unsigned) atoi(argv[2]));
    if (argc == 4 && strcmp(argv[1], "fill") == 0)
        return do_fill((unsigned) atoi(argv[2]), (unsigned) atoi(argv[3]));
    if (argc == 3 && strcmp(argv[1], "handoff") == 0)
        return do_handoff(argv[2]);
    fprintf(stderr, "usage: see the head of hostile-client.c\n");
    return 2;
}
