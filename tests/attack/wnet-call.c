/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* wnet-call: org.pppras.Ras1.Network calls for the attacks, as the user
 * that runs it, printing what came back on one line.
 *
 *   wnet-call add REMOTE LOCAL [COUNT [WAIT_SEC [RAS_HANDLE]]]
 *       COUNT AddConnection calls at once (password: an empty pipe, or
 *       the file $WNET_CALL_PASSWORD_FILE when that is set);
 *       waits up to WAIT_SEC (default 10) for the replies, then prints
 *       "sent=N replied=R ok=K" and " NAME=K" per error name.
 *   wnet-call cancel NAME [FORCE]     prints "ok" or the error name
 *   wnet-call enum                    prints the number of connections
 *   wnet-call dial ENTRY              Manager.Dial; prints the handle or the error name
 *   wnet-call hangup HANDLE           Manager.HangUp; prints "ok" or the error name */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-bus.h>
#include <time.h>
#include <unistd.h>

#define _cleanup_(f) __attribute__((cleanup(f)))

#define DEST  "org.pppras.Ras1"
#define PATH  "/org/pppras/Ras1"
#define NET   "org.pppras.Ras1.Network"

typedef struct Tally {
    unsigned replied, ok;
    char names[16][128];
    unsigned counts[16];
    unsigned n_names;
} Tally;

static int on_reply(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Tally *t = userdata;
    const sd_bus_error *e = sd_bus_message_get_error(m);

    t->replied++;
    if (!e) {
        t->ok++;
        return 0;
    }
    const char *name = strrchr(e->name, '.') ? strrchr(e->name, '.') + 1 : e->name;
    for (unsigned i = 0; i < t->n_names; i++)
        if (strcmp(t->names[i], name) == 0) {
            t->counts[i]++;
            return 0;
        }
    if (t->n_names < 16) {
        snprintf(t->names[t->n_names], sizeof t->names[0], "%s", name);
        t->counts[t->n_names++] = 1;
    }
    return 0;
}

static uint64_t now_usec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000 + (uint64_t) ts.tv_nsec / 1000;
}

static int add(sd_bus *bus, const char *remote, const char *local, unsigned count, unsigned wait_sec,
               uint64_t ras_handle) {
    Tally t = {};
    int p[2];

    const char *file = getenv("WNET_CALL_PASSWORD_FILE");
    if (file) {
        p[0] = open(file, O_RDONLY | O_CLOEXEC);
        if (p[0] < 0)
            return -errno;
    } else {
        if (pipe(p) < 0)
            return -errno;
        close(p[1]);                 /* no password: EOF at once */
    }

    for (unsigned i = 0; i < count; i++) {
        _cleanup_(sd_bus_message_unrefp) sd_bus_message *m = NULL;
        int r = sd_bus_message_new_method_call(bus, &m, DEST, PATH, NET, "AddConnection");
        if (r >= 0)
            r = sd_bus_message_append(m, "ssshut", remote, local, "", p[0], (uint32_t) 0, ras_handle);
        if (r >= 0)
            r = sd_bus_call_async(bus, NULL, m, on_reply, &t, (uint64_t) wait_sec * 1000000 + 1000000);
        if (r < 0) {
            fprintf(stderr, "wnet-call: AddConnection: %s\n", strerror(-r));
            return r;
        }
    }
    uint64_t deadline = now_usec() + (uint64_t) wait_sec * 1000000;
    while (t.replied < count && now_usec() < deadline) {
        int r = sd_bus_process(bus, NULL);
        if (r < 0)
            return r;
        if (r == 0)
            (void) sd_bus_wait(bus, deadline - now_usec());
    }
    printf("sent=%u replied=%u ok=%u", count, t.replied, t.ok);
    for (unsigned i = 0; i < t.n_names; i++)
        printf(" %s=%u", t.names[i], t.counts[i]);
    printf("\n");
    return 0;
}

static void print_result(int r, const sd_bus_error *e) {
    if (r >= 0)
        printf("ok\n");
    else
        printf("%s\n", e->name ? (strrchr(e->name, '.') ? strrchr(e->name, '.') + 1 : e->name) : strerror(-r));
}

int main(int argc, char *argv[]) {
    _cleanup_(sd_bus_flush_close_unrefp) sd_bus *bus = NULL;
    _cleanup_(sd_bus_error_free) sd_bus_error e = SD_BUS_ERROR_NULL;
    _cleanup_(sd_bus_message_unrefp) sd_bus_message *reply = NULL;
    int r;

    if (argc < 2) {
        fprintf(stderr, "usage: wnet-call add|cancel|enum|dial|hangup ...\n");
        return 2;
    }
    r = sd_bus_open_system(&bus);
    if (r < 0) {
        fprintf(stderr, "wnet-call: no bus: %s\n", strerror(-r));
        return 2;
    }

    if (strcmp(argv[1], "add") == 0 && argc >= 4) {
        unsigned count = argc > 4 ? (unsigned) strtoul(argv[4], NULL, 10) : 1;
        unsigned wait_sec = argc > 5 ? (unsigned) strtoul(argv[5], NULL, 10) : 10;
        uint64_t handle = argc > 6 ? strtoull(argv[6], NULL, 0) : 0;
        return add(bus, argv[2], argv[3], count, wait_sec, handle) < 0 ? 2 : 0;
    }
    if (strcmp(argv[1], "cancel") == 0 && argc >= 3) {
        r = sd_bus_call_method(bus, DEST, PATH, NET, "CancelConnection", &e, NULL, "sub", argv[2],
                               (uint32_t) 0, argc > 3 && atoi(argv[3]));
        print_result(r, &e);
        return 0;
    }
    if (strcmp(argv[1], "enum") == 0) {
        r = sd_bus_call_method(bus, DEST, PATH, NET, "EnumConnections", &e, &reply, "u", (uint32_t) 1);
        if (r < 0) {
            print_result(r, &e);
            return 2;
        }
        unsigned n = 0;
        r = sd_bus_message_enter_container(reply, 'a', "(sssss)");
        while (r >= 0 && (r = sd_bus_message_skip(reply, "(sssss)")) > 0)
            n++;
        printf("%u\n", n);
        return 0;
    }
    if (strcmp(argv[1], "dial") == 0 && argc >= 3) {
        uint64_t handle;
        r = sd_bus_call_method(bus, DEST, PATH, "org.pppras.Ras1.Manager", "Dial", &e, &reply, "sa{sv}",
                               argv[2], 0);
        if (r >= 0)
            r = sd_bus_message_read(reply, "t", &handle);
        if (r < 0) {
            print_result(r, &e);
            return 2;
        }
        printf("%" PRIu64 "\n", handle);
        return 0;
    }
    if (strcmp(argv[1], "hangup") == 0 && argc >= 3) {
        r = sd_bus_call_method(bus, DEST, PATH, "org.pppras.Ras1.Manager", "HangUp", &e, NULL, "t",
                               strtoull(argv[2], NULL, 0));
        print_result(r, &e);
        return 0;
    }
    fprintf(stderr, "wnet-call: bad arguments\n");
    return 2;
}
