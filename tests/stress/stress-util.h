/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What every stress test needs: a private bus connection, the check that
 * an error is one of the named ones, a seeded generator, and the daemon's
 * resources (fds, RSS) read from /proc.  Each test prints its figures in
 * one line: "NAME: operations N, faults F, lost L, leaked K". */

#include <dbus/dbus.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

/* Generous fail-safe for every reply and event: only a hung daemon hits it. */
#define STRESS_TIMEOUT_MS 60000

typedef struct StressFigures {
    const char *name;
    uint64_t operations, faults, lost, leaked;
} StressFigures;

typedef struct StressOptions {
    uint64_t seed;
    uint64_t rounds;            /* test-specific count; 0: the test's default */
    bool long_run;
} StressOptions;

DBusConnection *stress_bus_open(void);
void stress_bus_close(DBusConnection *bus);

/* Named errors: org.pppras.Ras1.Error.* and the standard ones a strict
 * service gives for calls it refuses. */
bool stress_error_is_named(const char *name);

/* xorshift64*: the same seed gives the same run. */
uint64_t stress_random(uint64_t *state);

/* The daemon's open fds; negative errno.  (RSS: process_rss_kib().) */
long stress_daemon_fds(pid_t pid);
/* PPPRAS_DAEMON_PID as with-private-bus sets it; exits when unset. */
pid_t stress_daemon_pid(void);

/* The Connection objects: pid and handle of each, at most max. */
typedef struct StressLink {
    uint32_t pid;
    uint64_t handle;
} StressLink;
int stress_list_links(DBusConnection *bus, StressLink *links, size_t max, size_t *ret_n);

/* GetManagedObjects as text (every object, interface, property value):
 * two equal snapshots mean the daemon's visible state did not change. */
char *stress_snapshot(DBusConnection *bus);

#define STRESS_MAX_LINKS 256
/* The handle of pid's connection; -ENOENT when the daemon has none. */
int stress_handle_of(DBusConnection *bus, pid_t pid, uint64_t *ret);

/* Manager.HangUp; -EREMOTEIO with the error's name when refused. */
int stress_hang_up(DBusConnection *bus, uint64_t handle, char *error_name, size_t size);

/* ConnectionRemoved: subscribe once, then wait for one handle's (others
 * that arrive meanwhile are dropped).  0 or -ETIMEDOUT/-ECONNRESET. */
void stress_watch_removals(DBusConnection *bus);
int stress_wait_removed(DBusConnection *bus, uint64_t handle);

uint64_t stress_now_ms(void);

void stress_print(const StressFigures *f);

#define STRESS_FAIL(fmt, ...) stress_fail(__FILE__, __LINE__, fmt, ##__VA_ARGS__)
_Noreturn void stress_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

int stress_fuzz(const StressOptions *o);
int stress_cycles(const StressOptions *o);
int stress_restart(const StressOptions *o);
int stress_flood(const StressOptions *o);
