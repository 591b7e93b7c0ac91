/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* bench: pppras's costs, each measured against a baseline on the same bus
 * in the same run (docs/performance.md).  Run it on a private bus whose
 * daemon has --test-allow-fake-pids:
 *
 *   PPPRAS_DAEMON_ARGS=--test-allow-fake-pids tests/with-private-bus build/tests/bench
 *
 * `bench --check-refusals` (on a bus whose daemon lacks the option) checks
 * that the test hook stays shut.  Goals missed are results, not failures:
 * only a broken setup exits non-zero. */
#include <assert.h>
#include <dbus/dbus.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench-stats.h"
#include "echo-service.h"
#include "fake-plugin.h"
#include "link-load.h"
#include "pppras-bus.h"
#include "ras.h"
#include "windows.h"

#define BENCH_CALL_TIMEOUT_MS 30000
#define EVENT_TIMEOUT_MS      5000
#define MIB                   1024.0

typedef struct Settings {
    size_t links;               /* for RasEnumConnections and memory */
    size_t samples;             /* per small operation; the big ones take fewer */
} Settings;

/* One line of the table: target against baseline, goal on the median ratio. */
typedef struct Row {
    const char *what, *target_name, *baseline_name;
    Samples target, baseline;
    double goal;
    const char *failure;        /* not measured: why */
} Row;

typedef struct MemoryRow {
    long idle_kib, loaded_kib;
    size_t links;
    const char *failure;
} MemoryRow;

/* ------------------------------------------------------------ baselines */

/* org.freedesktop.DBus.Peer.Ping to the daemon: the cheapest round trip
 * the bus can carry to it (sd-bus answers it without any of our code). */
static int ping_daemon(DBusConnection *bus) {
    assert(bus);

    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH,
                                                  DBUS_INTERFACE_PEER, "Ping");
    if (!m)
        return -ENOMEM;
    DBusError error;
    dbus_error_init(&error);
    DBusMessage *reply = dbus_connection_send_with_reply_and_block(bus, m, BENCH_CALL_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    if (!reply) {
        dbus_error_free(&error);
        return -EIO;
    }
    dbus_message_unref(reply);
    return 0;
}

static int timed_ping(DBusConnection *bus, Samples *s) {
    uint64_t t0 = bench_now_nsec();
    int r = ping_daemon(bus);
    if (r >= 0)
        samples_add_since(s, t0);
    return r;
}

/* -------------------------------------------------- the connected links */

/* The handle of the one Connected connection that is not `other`. */
static HRASCONN find_connection(HRASCONN other) {
    RASCONNA conns[8] = { [0].dwSize = sizeof(RASCONNA) };
    DWORD cb = sizeof(conns), n = 0;

    if (RasEnumConnectionsA(conns, &cb, &n) != ERROR_SUCCESS)
        return NULL;
    for (DWORD i = 0; i < n; i++)
        if (conns[i].hrasconn != other)
            return conns[i].hrasconn;
    return NULL;
}

/* ------------------------------------ 1. RasGetConnectStatus vs. Ping */

static void bench_status(Row *row, DBusConnection *bus, HRASCONN h, const Settings *set) {
    assert(row);
    assert(bus);

    for (size_t i = 0; i < set->samples + set->samples / 10; i++) {
        bool warmup = i < set->samples / 10;
        RASCONNSTATUSA status = { .dwSize = sizeof(status) };

        Samples *ping = warmup ? &(Samples) {} : &row->baseline;
        if (timed_ping(bus, ping) < 0) {
            row->failure = "Ping failed";
            return;
        }
        uint64_t t0 = bench_now_nsec();
        DWORD code = RasGetConnectStatusA(h, &status);
        if (!warmup)
            samples_add_since(&row->target, t0);
        if (code != ERROR_SUCCESS || status.rasconnstate != RASCS_Connected) {
            row->failure = "RasGetConnectStatus failed";
            return;
        }
    }
}

/* --------------------------- 3. plugin's IpUp → application's event */

/* The application: blocked in poll() on its event, as a RAS program
 * without a main loop would be; notes when it woke. */
typedef struct Waiter {
    HANDLE event;
    int fd;
    pthread_t thread;
    sem_t woke;
    uint64_t woke_nsec;         /* 0: timed out */
    volatile bool stop;
} Waiter;

static void *waiter_main(void *userdata) {
    Waiter *w = userdata;
    assert(w);

    while (!w->stop) {
        struct pollfd pfd = { .fd = w->fd, .events = POLLIN };
        int r = poll(&pfd, 1, EVENT_TIMEOUT_MS);
        if (r < 0 && errno == EINTR)
            continue;
        w->woke_nsec = r > 0 ? bench_now_nsec() : 0;
        ResetEvent(w->event);
        sem_post(&w->woke);
    }
    return NULL;
}

/* One sample: a fresh fake pppd up to the network phase, then its IpUp
 * timed until the application's event is readable.  Hung up afterwards,
 * so it does not linger. */
static const char *notify_sample(Waiter *w, HRASCONN status_handle, Samples *s) {
    _cleanup_fake_plugin_ FakePlugin p = FAKE_PLUGIN_NULL;
    static const uint32_t phases[] = { 2, 4, 5, 7 };   /* SERIALCONN … NETWORK */

    if (fake_plugin_spawn(&p, 0) < 0 || fake_plugin_register(&p, "bench-notify") < 0)
        return "fake pppd did not start";
    for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++)
        if (fake_plugin_phase(&p, phases[i]) < 0)
            return "Phase failed";

    uint64_t t0 = bench_now_nsec();
    if (fake_plugin_ip_up(&p, "ppp9", "10.99.0.1", "10.99.0.2") < 0)
        return "IpUp failed";
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += EVENT_TIMEOUT_MS / 1000 + 1;
    while (sem_timedwait(&w->woke, &deadline) < 0)
        if (errno != EINTR)
            return "no event";
    if (w->woke_nsec == 0)
        return "no event";
    samples_add(s, (double) (w->woke_nsec - t0) / 1000.0);

    HRASCONN h = find_connection(status_handle);
    if (!h || RasHangUpA(h) != ERROR_SUCCESS)
        return "RasHangUp failed";
    if (fake_plugin_wait(&p, BENCH_CALL_TIMEOUT_MS, NULL) < 0)
        return "fake pppd did not end on hang-up";
    return NULL;
}

static void bench_notify(Row *row, DBusConnection *bus, HRASCONN status_handle, const Settings *set) {
    Waiter w = { .event = CreateEventA(NULL, TRUE, FALSE, NULL) };
    assert(row);

    if (!w.event || (w.fd = PppRasEventFd(w.event)) < 0) {
        row->failure = "CreateEvent failed";
        return;
    }
    if (RasConnectionNotificationA((HRASCONN) INVALID_HANDLE_VALUE, w.event, RASCN_Connection) != ERROR_SUCCESS) {
        row->failure = "RasConnectionNotification failed";
        CloseHandle(w.event);
        return;
    }
    sem_init(&w.woke, 0, 0);
    if (pthread_create(&w.thread, NULL, waiter_main, &w) != 0) {
        row->failure = "no thread";
        CloseHandle(w.event);
        return;
    }

    size_t n = set->samples / 10;    /* each starts a fake pppd: a few ms */
    for (size_t i = 0; i < n + 2 && !row->failure; i++) {
        bool warmup = i < 2;
        if (timed_ping(bus, warmup ? &(Samples) {} : &row->baseline) < 0)
            row->failure = "Ping failed";
        else
            row->failure = notify_sample(&w, status_handle, warmup ? &(Samples) {} : &row->target);
    }

    w.stop = true;
    SetEvent(w.event);
    pthread_join(w.thread, NULL);
    sem_destroy(&w.woke);
    CloseHandle(w.event);
}

/* ----------------------- 2. RasEnumConnections (many links) vs. echo */

static void bench_enum(Row *row, DBusConnection *bus, size_t expected, const Settings *set) {
    EchoService echo;
    assert(row);
    assert(bus);

    int r = echo_service_start(&echo);
    if (r < 0) {
        row->failure = "echo service did not start";
        return;
    }
    if (echo.n_items != expected) {
        row->failure = "the daemon enumerated a different number of links";
        echo_service_stop(&echo);
        return;
    }

    DWORD size = (DWORD) ((expected + 1) * sizeof(RASCONNA));
    RASCONNA *conns = calloc(expected + 1, sizeof(RASCONNA));
    if (!conns) {
        row->failure = "out of memory";
        echo_service_stop(&echo);
        return;
    }

    size_t n = set->samples / 40 + 2;    /* each moves the whole table */
    for (size_t i = 0; i < n && !row->failure; i++) {
        bool warmup = i < 2;
        uint32_t items = 0;
        uint64_t t0 = bench_now_nsec();
        r = echo_service_call(bus, &echo, &items);
        if (r < 0 || items != expected) {
            row->failure = "echo failed";
            break;
        }
        if (!warmup)
            samples_add_since(&row->baseline, t0);

        DWORD cb = size, count = 0;
        conns[0].dwSize = sizeof(RASCONNA);
        t0 = bench_now_nsec();
        DWORD code = RasEnumConnectionsA(conns, &cb, &count);
        if (!warmup)
            samples_add_since(&row->target, t0);
        if (code != ERROR_SUCCESS || count != expected)
            row->failure = "RasEnumConnections failed";
    }
    free(conns);
    echo_service_stop(&echo);
}

/* ---------------------------------------------------------------- table */

static bool print_row(Row *row, int number) {
    char goal[16];
    snprintf(goal, sizeof(goal), "<= %.2fx", row->goal);
    if (row->failure || row->target.n == 0 || row->baseline.n == 0) {
        printf("%d  %-44s  %-39s  %-7s  %-8s  missed (%s)\n", number, row->what, "not measured", "-", goal,
               row->failure ?: "no samples");
        return false;
    }
    double tm = samples_quantile(&row->target, 0.5), tp = samples_quantile(&row->target, 0.99);
    double bm = samples_quantile(&row->baseline, 0.5), bp = samples_quantile(&row->baseline, 0.99);
    double ratio = tm / bm;
    bool met = ratio <= row->goal;
    printf("%d  %-44s  %8.1f %8.1f   %8.1f %8.1f    %5.2fx   %-8s  %s\n", number, row->what,
           tm, tp, bm, bp, ratio, goal, met ? "met" : "missed");
    return met;
}

static bool print_memory(const MemoryRow *m) {
    double limit = 4 * MIB + 2.0 * (double) m->links;
    if (m->failure || m->idle_kib < 0 || m->loaded_kib < 0) {
        printf("4  %-44s  not measured (%s)\n", "daemon VmRSS", m->failure ?: "no /proc");
        return false;
    }
    double per_link = m->links ? (double) (m->loaded_kib - m->idle_kib) * 1024.0 / (double) m->links : 0;
    bool met = m->idle_kib <= 4 * MIB && m->loaded_kib <= limit;
    printf("4  %-44s  idle %ld KiB, %zu links %ld KiB: %.0f B/link; goal <= %.0f KiB   %s\n",
           "daemon VmRSS", m->idle_kib, m->links, m->loaded_kib, per_link, limit, met ? "met" : "missed");
    return met;
}

/* ---------------------------------------------------------------- modes */

static int run_benchmarks(const Settings *set) {
    Row status = { .what = "RasGetConnectStatus vs Peer.Ping", .goal = 1.25 };
    Row enumerate = { .what = "", .goal = 2.0 };
    Row notify = { .what = "IpUp -> RASCN event vs Peer.Ping", .goal = 2.0 };
    MemoryRow memory = { .links = set->links };
    char enum_what[64];
    _cleanup_fake_plugin_ FakePlugin plugin = FAKE_PLUGIN_NULL;
    DBusError error;

    snprintf(enum_what, sizeof(enum_what), "RasEnumConnections (%zu links) vs echo", set->links);
    enumerate.what = enum_what;
    Row *rows[] = { &status, &enumerate, &notify };
    for (size_t i = 0; i < 3; i++)
        if (samples_init(&rows[i]->target, set->samples) < 0 || samples_init(&rows[i]->baseline, set->samples) < 0)
            return -ENOMEM;

    const char *pid_env = getenv("PPPRAS_DAEMON_PID");
    pid_t daemon_pid = pid_env ? (pid_t) atoi(pid_env) : 0;
    if (daemon_pid <= 0) {
        fprintf(stderr, "bench: PPPRAS_DAEMON_PID is not set: run me with tests/with-private-bus\n");
        return -EINVAL;
    }

    dbus_error_init(&error);
    DBusConnection *bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (!bus) {
        fprintf(stderr, "bench: no bus: %s\n", error.message);
        dbus_error_free(&error);
        return -ECONNREFUSED;
    }
    dbus_connection_set_exit_on_disconnect(bus, false);
    for (int i = 0; i < 20; i++)
        (void) ping_daemon(bus);
    memory.idle_kib = process_rss_kib(daemon_pid);

    /* One live connection for the small calls. */
    HRASCONN h = NULL;
    if (fake_plugin_spawn(&plugin, 0) < 0 || fake_plugin_connect(&plugin, "bench-status") < 0 ||
        !(h = find_connection(NULL))) {
        status.failure = notify.failure = "fake pppd did not connect";
    } else {
        bench_status(&status, bus, h, set);
        bench_notify(&notify, bus, h, set);
    }

    /* Then the crowd. */
    LinkLoad load;
    const char *refusal = NULL;
    uint64_t t0 = bench_now_nsec();
    int r = link_load_start(&load, set->links, &refusal);
    if (r < 0) {
        fprintf(stderr, "bench: could not register %zu links: %s%s\n", set->links,
                strerror(-r), refusal ? refusal : "");
        enumerate.failure = memory.failure = refusal ? "Register refused: --test-allow-fake-pids?" : "load failed";
    } else {
        fprintf(stderr, "bench: %zu links registered in %.1f s\n", set->links,
                (double) (bench_now_nsec() - t0) / 1e9);
        (void) ping_daemon(bus);
        bench_enum(&enumerate, bus, set->links + (h ? 1 : 0), set);
        memory.loaded_kib = process_rss_kib(daemon_pid);
        link_load_stop(&load);
    }
    dbus_connection_close(bus);
    dbus_connection_unref(bus);

    printf("\n%-47s  %-19s  %-19s  %-7s  %-8s  %s\n", "", "target (us)", "baseline (us)", "ratio", "goal", "");
    printf("%-47s  %8s %8s   %8s %8s    %-7s  %-8s  %s\n", "#  benchmark", "median", "p99", "median", "p99",
           "", "", "result");
    unsigned met = 0, missed = 0;
    for (size_t i = 0; i < 3; i++)
        print_row(rows[i], (int) i + 1) ? met++ : missed++;
    print_memory(&memory) ? met++ : missed++;
    printf("5  %-44s  VM only (needs pppd on /dev/ppp: tests/vm, option pppras-timing)\n",
           "plugin notifier time inside pppd");
    printf("bench: %u goals met, %u missed\n", met, missed);

    for (size_t i = 0; i < 3; i++) {
        samples_done(&rows[i]->target);
        samples_done(&rows[i]->baseline);
    }
    return 0;
}

/* The daemon at PATH must refuse to start with the test option under env
 * (NULL: DBUS_SYSTEM_BUS_ADDRESS unset). */
static bool daemon_refuses_option(const char *path, const char *address) {
    pid_t pid = fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        if (address)
            setenv("DBUS_SYSTEM_BUS_ADDRESS", address, 1);
        else
            unsetenv("DBUS_SYSTEM_BUS_ADDRESS");
        int null = open("/dev/null", O_WRONLY | O_CLOEXEC);    /* its refusal is expected: keep it quiet */
        if (null >= 0)
            dup2(null, STDERR_FILENO);
        execl(path, path, "--config=/dev/null", "--test-allow-fake-pids", (char *) NULL);
        _exit(127);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return false;
    return WIFEXITED(status) && WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 127;
}

/* The test hook is shut unless opened: Register's test_pid is refused by
 * this bus's daemon (started without the option), and the option itself
 * is refused without a private bus. */
static int check_refusals(void) {
    LinkLoad load;
    const char *refusal = NULL;
    char exe[PATH_MAX], daemon[PATH_MAX + 16];
    bool ok = true;

    int r = link_load_start(&load, 1, &refusal);
    if (r >= 0) {
        link_load_stop(&load);
        r = 0;
    }
    bool refused = r == -EACCES && refusal && strcmp(refusal, PPPRAS_ERROR_PREFIX "AccessDenied") == 0;
    printf("bench: Register with test_pid refused without --test-allow-fake-pids: %s\n", refused ? "ok" : "FAILED");
    ok = ok && refused;

    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return -errno;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = 0;
    snprintf(daemon, sizeof(daemon), "%s/../ppprasd", exe);   /* build/tests/bench → build/ppprasd */

    bool unset = daemon_refuses_option(daemon, NULL);
    bool system_bus = daemon_refuses_option(daemon, "unix:path=/run/dbus/system_bus_socket");
    printf("bench: ppprasd --test-allow-fake-pids refused without a private bus: %s\n",
           unset && system_bus ? "ok" : "FAILED");
    ok = ok && unset && system_bus;
    return ok ? 0 : -EPERM;
}

static void help(void) {
    printf("bench [--links=N] [--samples=N] [--check-refusals]\n\n"
           "Measures pppras against baselines on the same private bus (docs/performance.md).\n"
           "  --links=N          connected links for RasEnumConnections and memory (default 10000)\n"
           "  --samples=N        samples per small operation (default 2000)\n"
           "  --check-refusals   check that the daemon's test hook is shut, then exit\n");
}

int main(int argc, char *argv[]) {
    static const struct option options[] = {
        { "help",           no_argument,       NULL, 'h' },
        { "links",          required_argument, NULL, 'l' },
        { "samples",        required_argument, NULL, 's' },
        { "check-refusals", no_argument,       NULL, 'c' },
        {}
    };
    Settings set = { .links = 10000, .samples = 2000 };
    bool refusals = false;
    int c;

    while ((c = getopt_long(argc, argv, "h", options, NULL)) >= 0)
        switch (c) {
        case 'h':
            help();
            return 0;
        case 'l':
        case 's': {
            char *end;
            unsigned long v = strtoul(optarg, &end, 10);
            if (*end || v == 0 || v > 30000) {
                fprintf(stderr, "bench: bad number: %s\n", optarg);
                return 2;
            }
            *(c == 'l' ? &set.links : &set.samples) = v;
            break;
        }
        case 'c':
            refusals = true;
            break;
        default:
            return 2;
        }

    int r = refusals ? check_refusals() : run_benchmarks(&set);
    return r < 0 ? 1 : 0;
}
