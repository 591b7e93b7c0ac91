/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* restart: dial/hang-up cycles of fake pppds while the daemon is killed
 * with SIGKILL at random points and started again with the same command
 * line.  After each restart every fake pppd that had registered has
 * exactly its old handle (none lost, none duplicated), and at the end
 * every fake pppd is gone and no process is left over (no orphan). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake-plugin.h"
#include "pppras-bus.h"
#include "stress-util.h"

#define STEADY 3
#define MAX_ARGS 32

typedef enum KillPoint {
    KILL_BEFORE_REGISTER,
    KILL_AFTER_REGISTER,
    KILL_AFTER_CONNECT,
    KILL_AFTER_HANG_UP,
    _KILL_POINT_MAX,
} KillPoint;

typedef struct Run {
    DBusConnection *bus;
    uint64_t rng;
    pid_t daemon;
    char cmdline[4096];
    char *argv[MAX_ARGS + 1];
    FakePlugin steady[STEADY];
    uint64_t steady_handles[STEADY];
    StressFigures fig;
    uint64_t kills;
} Run;

static void read_cmdline(Run *run) {
    char path[64];
    ssize_t n;
    size_t argc = 0;
    int fd;

    snprintf(path, sizeof(path), "/proc/%d/cmdline", (int) run->daemon);
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || (n = read(fd, run->cmdline, sizeof(run->cmdline) - 1)) <= 0)
        STRESS_FAIL("cannot read %s", path);
    close(fd);
    for (char *p = run->cmdline; p < run->cmdline + n && argc < MAX_ARGS; p += strlen(p) + 1)
        run->argv[argc++] = p;
    run->argv[argc] = NULL;
}

static void wait_pid_gone(pid_t pid) {
    int fd = (int) syscall(SYS_pidfd_open, pid, 0);
    struct pollfd pfd = { .fd = fd, .events = POLLIN };

    if (fd < 0)
        return;   /* already gone */
    if (poll(&pfd, 1, STRESS_TIMEOUT_MS) != 1)
        STRESS_FAIL("pid %d outlived SIGKILL", (int) pid);
    close(fd);
    waitpid(pid, NULL, WNOHANG);   /* reaps it when it is ours */
}

/* Waits for NameOwnerChanged giving the daemon's name a new owner. */
static void wait_name_owned(Run *run) {
    uint64_t deadline = stress_now_ms() + STRESS_TIMEOUT_MS;

    for (;;) {
        DBusMessage *m;
        while ((m = dbus_connection_pop_message(run->bus))) {
            const char *name, *old_owner, *new_owner;
            bool owned = dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged") &&
                         dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING, &old_owner,
                                               DBUS_TYPE_STRING, &new_owner, DBUS_TYPE_INVALID) &&
                         strcmp(name, PPPRAS_BUS_NAME) == 0 && new_owner[0];
            dbus_message_unref(m);
            if (owned)
                return;
        }
        uint64_t now = stress_now_ms();
        if (now >= deadline || !dbus_connection_read_write(run->bus, (int) (deadline - now)))
            STRESS_FAIL("the restarted daemon did not take its name");
    }
}

static void kill_and_restart(Run *run) {
    char log[4096];
    const char *dir = getenv("PPPRAS_BUS_DIR");
    pid_t pid;

    if (kill(run->daemon, SIGKILL) < 0)
        STRESS_FAIL("kill: %m");
    wait_pid_gone(run->daemon);
    snprintf(log, sizeof(log), "%s/daemon.log", dir ? dir : "/tmp");
    pid = fork();
    if (pid < 0)
        STRESS_FAIL("fork: %m");
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
            _exit(127);
        execv(run->argv[0], run->argv);
        _exit(127);
    }
    run->daemon = pid;
    run->kills++;
    wait_name_owned(run);
}

/* The daemon's view against the fake pppds': steady ones keep their
 * handles, the cycling one (pid, expected handle or 0) has its own, and
 * no pid or handle appears twice. */
static void check_views(Run *run, pid_t cycling, uint64_t cycling_handle) {
    StressLink links[STRESS_MAX_LINKS];
    size_t n;

    if (stress_list_links(run->bus, links, STRESS_MAX_LINKS, &n) < 0)
        STRESS_FAIL("cannot list the connections");
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (links[i].pid == links[j].pid || links[i].handle == links[j].handle) {
                fprintf(stderr, "restart: duplicate: pid %u handle %016" PRIx64 " / pid %u handle %016" PRIx64 "\n",
                        links[i].pid, links[i].handle, links[j].pid, links[j].handle);
                run->fig.faults++;
            }
    for (size_t s = 0; s <= STEADY; s++) {
        pid_t pid = s < STEADY ? run->steady[s].pid : cycling;
        uint64_t want = s < STEADY ? run->steady_handles[s] : cycling_handle, have = 0;
        if (pid <= 0 || want == 0)
            continue;
        for (size_t i = 0; i < n; i++)
            if (links[i].pid == (uint32_t) pid)
                have = links[i].handle;
        if (have != want) {
            fprintf(stderr, "restart: pid %d had handle %016" PRIx64 ", now %016" PRIx64 "\n", (int) pid, want, have);
            run->fig.lost++;
        }
    }
}

/* What the plugin does when the daemon's name comes back: register again. */
static void reregister(Run *run, FakePlugin *cycling) {
    for (size_t s = 0; s < STEADY; s++)
        if (fake_plugin_register(&run->steady[s], "steady") < 0)
            STRESS_FAIL("a steady fake pppd could not register again: %s", run->steady[s].error_name);
    if (cycling && fake_plugin_register(cycling, "cycle") < 0)
        STRESS_FAIL("the cycling fake pppd could not register again: %s", cycling->error_name);
}

static void restart_here(Run *run, FakePlugin *p, uint64_t handle) {
    pid_t pid = p ? p->pid : 0;

    kill_and_restart(run);
    check_views(run, pid, handle);
    reregister(run, p);
    check_views(run, pid, handle);
}

static void one_cycle(Run *run, int kill_at) {
    _cleanup_fake_plugin_ FakePlugin p = FAKE_PLUGIN_NULL;
    char error_name[128];
    uint64_t handle = 0;
    int status;

    if (fake_plugin_spawn(&p, 0) < 0)
        STRESS_FAIL("cannot spawn a fake pppd");
    if (kill_at == KILL_BEFORE_REGISTER)
        restart_here(run, NULL, 0);
    if (fake_plugin_register(&p, "cycle") < 0 || stress_handle_of(run->bus, p.pid, &handle) < 0)
        STRESS_FAIL("the fake pppd could not register: %s", p.error_name);
    if (kill_at == KILL_AFTER_REGISTER)
        restart_here(run, &p, handle);
    if (fake_plugin_connect(&p, "cycle") < 0)
        STRESS_FAIL("the fake pppd could not connect: %s", p.error_name);
    if (kill_at == KILL_AFTER_CONNECT)
        restart_here(run, &p, handle);
    if (stress_hang_up(run->bus, handle, error_name, sizeof(error_name)) < 0)
        STRESS_FAIL("HangUp refused: %s", error_name);
    if (kill_at == KILL_AFTER_HANG_UP) {
        kill_and_restart(run);
        check_views(run, 0, 0);
    }
    if (fake_plugin_wait(&p, STRESS_TIMEOUT_MS, &status) < 0)
        STRESS_FAIL("the fake pppd outlived its hang-up");
    /* Retired by now, or lingering after a restart: a HangUp retires it. */
    if (stress_hang_up(run->bus, handle, error_name, sizeof(error_name)) == 0 &&
        stress_wait_removed(run->bus, handle) < 0)
        STRESS_FAIL("handle %016" PRIx64 " was not retired", handle);
    if (stress_handle_of(run->bus, p.pid, &handle) != -ENOENT) {
        fprintf(stderr, "restart: pid %d still has a handle after it ended\n", (int) p.pid);
        run->fig.leaked++;
    }
    run->fig.operations++;
}

int stress_restart(const StressOptions *o) {
    uint64_t rounds = o->rounds ? o->rounds : o->long_run ? 1000 : 40;
    Run run = { .rng = o->seed, .fig.name = "restart", .daemon = stress_daemon_pid() };
    DBusError error;
    int status;

    printf("restart: seed %" PRIu64 ", %" PRIu64 " cycles, SIGKILL in about one of four\n", o->seed, rounds);
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)   /* what the killed daemons leave comes to us */
        STRESS_FAIL("PR_SET_CHILD_SUBREAPER: %m");
    read_cmdline(&run);
    run.bus = stress_bus_open();
    stress_watch_removals(run.bus);
    dbus_error_init(&error);
    dbus_bus_add_match(run.bus, "type='signal',interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='"
                       PPPRAS_BUS_NAME "'", &error);
    if (dbus_error_is_set(&error))
        STRESS_FAIL("AddMatch: %s", error.message);
    for (size_t s = 0; s < STEADY; s++) {
        run.steady[s] = FAKE_PLUGIN_NULL;
        if (fake_plugin_spawn(&run.steady[s], 0) < 0 || fake_plugin_connect(&run.steady[s], "steady") < 0 ||
            stress_handle_of(run.bus, run.steady[s].pid, &run.steady_handles[s]) < 0)
            STRESS_FAIL("a steady fake pppd could not connect");
    }

    for (uint64_t i = 0; i < rounds; i++) {
        uint64_t r = stress_random(&run.rng) % (4 * _KILL_POINT_MAX);
        one_cycle(&run, r < _KILL_POINT_MAX ? (int) r : -1);
    }

    /* End: hang up the steady ones, stop our daemon, nothing may be left. */
    for (size_t s = 0; s < STEADY; s++) {
        char error_name[128];
        if (stress_hang_up(run.bus, run.steady_handles[s], error_name, sizeof(error_name)) < 0 ||
            fake_plugin_wait(&run.steady[s], STRESS_TIMEOUT_MS, &status) < 0) {
            fprintf(stderr, "restart: steady pid %d did not end on HangUp\n", (int) run.steady[s].pid);
            run.fig.leaked++;
        }
        fake_plugin_done(&run.steady[s]);
    }
    stress_bus_close(run.bus);
    if (run.kills > 0) {
        kill(run.daemon, SIGTERM);
        if (waitpid(run.daemon, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            STRESS_FAIL("the restarted daemon did not exit cleanly (status 0x%x): see its log", status);
    }
    for (pid_t orphan; (orphan = waitpid(-1, &status, WNOHANG)) > 0;) {
        fprintf(stderr, "restart: pid %d was left over\n", (int) orphan);
        run.fig.leaked++;
    }
    printf("restart: %" PRIu64 " SIGKILLs of the daemon\n", run.kills);
    stress_print(&run.fig);
    return run.fig.faults == 0 && run.fig.lost == 0 && run.fig.leaked == 0 ? 0 : 1;
}
