/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* cycles: dial and hang up a fake pppd over and over.  Every cycle must
 * give a handle, end the pppd with SIGTERM and retire the handle; the
 * daemon's fds and RSS must stay flat (first sample after a warm-up, so
 * caches and allocator pools are already filled).  Leaks are the
 * sanitizer's or valgrind's job at the daemon's exit (run-stress). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <sys/wait.h>

#include "bench-stats.h"
#include "fake-plugin.h"
#include "stress-util.h"

/* Bounds on growth: generous, for allocator and sanitizer bookkeeping. */
#define FD_GROWTH_MAX      4
#define RSS_GROWTH_MAX_KIB (64 * 1024)

/* One dial and hang-up; false (after saying why) when anything went wrong. */
static bool one_cycle(DBusConnection *bus) {
    _cleanup_fake_plugin_ FakePlugin p = FAKE_PLUGIN_NULL;
    char error_name[128] = "";
    uint64_t handle;
    int status = 0;

    if (fake_plugin_spawn(&p, 0) < 0 || fake_plugin_connect(&p, "cycle") < 0) {
        fprintf(stderr, "cycles: the fake pppd could not connect: %s\n", p.error_name);
        return false;
    }
    if (stress_handle_of(bus, p.pid, &handle) < 0) {
        fprintf(stderr, "cycles: no handle for pid %d\n", (int) p.pid);
        return false;
    }
    if (stress_hang_up(bus, handle, error_name, sizeof(error_name)) < 0) {
        fprintf(stderr, "cycles: HangUp refused: %s\n", error_name);
        return false;
    }
    if (fake_plugin_wait(&p, STRESS_TIMEOUT_MS, &status) < 0 || !WIFEXITED(status)) {
        fprintf(stderr, "cycles: the fake pppd did not end on SIGTERM\n");
        return false;
    }
    if (stress_wait_removed(bus, handle) < 0) {
        fprintf(stderr, "cycles: handle %016" PRIx64 " was not retired\n", handle);
        return false;
    }
    return true;
}

int stress_cycles(const StressOptions *o) {
    uint64_t rounds = o->rounds ? o->rounds : o->long_run ? 10000 : 400;
    uint64_t warm_up = rounds / 10, start_ms = stress_now_ms();
    pid_t daemon = stress_daemon_pid();
    StressFigures fig = { .name = "cycles" };
    long fds_first = 0, rss_first = 0, fds_last, rss_last;
    DBusConnection *bus = stress_bus_open();

    stress_watch_removals(bus);
    for (uint64_t i = 0; i < rounds; i++) {
        if (i == warm_up) {
            fds_first = stress_daemon_fds(daemon);
            rss_first = process_rss_kib(daemon);
        }
        fig.operations++;
        if (!one_cycle(bus)) {
            fig.faults++;
            if (fig.faults > 10)
                break;
        }
    }
    fds_last = stress_daemon_fds(daemon);
    rss_last = process_rss_kib(daemon);
    if (fds_first < 0 || rss_first < 0 || fds_last < 0 || rss_last < 0)
        STRESS_FAIL("cannot read the daemon's /proc entries");

    size_t n = 0;
    StressLink links[STRESS_MAX_LINKS];
    if (stress_list_links(bus, links, STRESS_MAX_LINKS, &n) < 0)
        STRESS_FAIL("cannot list the connections");
    fig.lost = n;   /* every handle was hung up: any left is lost track of */
    /* an fd or two may be in flight between cycles: more is a leak */
    fig.leaked = fds_last - fds_first > FD_GROWTH_MAX ? (uint64_t) (fds_last - fds_first) : 0;
    printf("cycles: %" PRIu64 " cycles in %.1f s; daemon fds %ld -> %ld, RSS %ld -> %ld KiB (after %" PRIu64
           " warm-up cycles -> end)\n", fig.operations, (stress_now_ms() - start_ms) / 1000.0, fds_first, fds_last,
           rss_first, rss_last, warm_up);
    stress_print(&fig);
    stress_bus_close(bus);
    if (rss_last - rss_first > RSS_GROWTH_MAX_KIB)
        STRESS_FAIL("the daemon's RSS grew by %ld KiB", rss_last - rss_first);
    return fig.faults == 0 && fig.lost == 0 && fig.leaked == 0 ? 0 : 1;
}
