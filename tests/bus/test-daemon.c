/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <stdbool.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "program-path.h"
#include "test-daemon.h"

#define MAX_ARGS 64
#define SAVE_TIMEOUT_MS 15000

static char phonebook[PATH_MAX];

static const char *bus_dir(void) {
    const char *d = getenv("PPPRAS_BUS_DIR");
    return d && *d ? d : NULL;
}

const char *test_device_root(void) {
    static char root[PATH_MAX];
    if (!root[0] && bus_dir())
        snprintf(root, sizeof(root), "%s/devroot", bus_dir());
    return root;
}

const char *test_phonebook_dir(void) {
    if (!phonebook[0] && bus_dir())
        snprintf(phonebook, sizeof(phonebook), "%s/phonebook", bus_dir());
    return phonebook;
}

static void pid_file(char *buf, size_t size) {
    snprintf(buf, size, "%s/daemon.pid", bus_dir());
}

/* The current daemon: the one we started last, else with-private-bus's. */
static pid_t current_pid(void) {
    char path[PATH_MAX];
    long pid = 0;

    pid_file(path, sizeof(path));
    FILE *f = fopen(path, "re");
    if (f) {
        if (fscanf(f, "%ld", &pid) != 1)
            pid = 0;
        fclose(f);
    } else if (getenv("PPPRAS_DAEMON_PID"))
        pid = strtol(getenv("PPPRAS_DAEMON_PID"), NULL, 10);
    return pid > 1 ? (pid_t) pid : -1;
}

/* Runs bus-wait-name [--vanish]: 0 when the name is (or is no longer) owned. */
static int wait_name(int vanish) {
    char path[PATH_MAX];
    int r = test_program_path("bus-wait-name", path, sizeof(path));
    if (r < 0)
        return r;
    pid_t pid = fork();
    if (pid < 0)
        return -errno;
    if (pid == 0) {
        execl(path, path, "--timeout", "30", vanish ? "--vanish" : "org.pppras.Ras1",
              vanish ? "org.pppras.Ras1" : (char *) NULL, (char *) NULL);
        _exit(2);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return -errno;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -ETIMEDOUT;
}

/* Appends the words of s (split at spaces) to argv. */
static void add_words(const char **argv, size_t *n, char *s) {
    for (char *save = NULL, *w = strtok_r(s, " \t", &save); w && *n + 1 < MAX_ARGS;
         w = strtok_r(NULL, " \t", &save))
        argv[(*n)++] = w;
}

static _Noreturn void exec_daemon(void) {
    static char daemon[PATH_MAX], plugin[PATH_MAX], pppd[PATH_MAX];
    static char run_arg[PATH_MAX + 16], state_arg[PATH_MAX + 16], plugin_arg[PATH_MAX + 16];
    static char phonebook_arg[PATH_MAX + 16], pppd_arg[PATH_MAX + 16], log[PATH_MAX];
    static char device_root_arg[PATH_MAX + 32];
    const char *argv[MAX_ARGS];
    size_t n = 0;

    if (test_program_path("../ppprasd", daemon, sizeof(daemon)) < 0 ||
        test_program_path("../pppras.so", plugin, sizeof(plugin)) < 0 ||
        test_program_path("fake-pppd", pppd, sizeof(pppd)) < 0)
        _exit(127);
    snprintf(run_arg, sizeof(run_arg), "--runtime-dir=%s/run", bus_dir());
    snprintf(state_arg, sizeof(state_arg), "--state-dir=%s/state", bus_dir());
    snprintf(plugin_arg, sizeof(plugin_arg), "--plugin=%s", plugin);
    snprintf(phonebook_arg, sizeof(phonebook_arg), "--phonebook=%s", test_phonebook_dir());
    snprintf(pppd_arg, sizeof(pppd_arg), "--pppd=%s", pppd);
    snprintf(device_root_arg, sizeof(device_root_arg), "--test-device-root=%s", test_device_root());

    /* as with-private-bus runs it; PPPRAS_DAEMON_ARGS last, so it wins */
    char *wrapper = strdup(getenv("PPPRAS_DAEMON_WRAPPER") ?: "");
    char *extra = strdup(getenv("PPPRAS_DAEMON_ARGS") ?: "");
    if (!wrapper || !extra)
        _exit(127);
    add_words(argv, &n, wrapper);
    const char *fixed[] = { daemon, "--config=/dev/null", run_arg, state_arg, plugin_arg, phonebook_arg, pppd_arg,
                            device_root_arg };
    for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
        argv[n++] = fixed[i];
    add_words(argv, &n, extra);
    argv[n] = NULL;

    snprintf(log, sizeof(log), "%s/daemon.log", bus_dir());
    int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
        _exit(127);
    /* not in the test's process group: Check kills that when a test ends */
    setpgid(0, 0);
    /* nor holding the test's bus connection and pipes open */
    (void) syscall(SYS_close_range, 3U, ~0U, 0U);
    execvp(argv[0], (char *const *) argv);
    _exit(127);
}

int test_daemon_start(void) {
    char path[PATH_MAX];

    if (!bus_dir())
        return -EINVAL;
    if (mkdir(test_phonebook_dir(), 0755) < 0 && errno != EEXIST)
        return -errno;
    pid_t pid = fork();
    if (pid < 0)
        return -errno;
    if (pid == 0)
        exec_daemon();

    pid_file(path, sizeof(path));
    FILE *f = fopen(path, "we");
    if (!f)
        return -errno;
    fprintf(f, "%ld\n", (long) pid);
    if (fclose(f) != 0)
        return -errno;
    return wait_name(0);
}

int test_daemon_kill(int sig) {
    pid_t pid = current_pid();
    if (pid < 0)
        return -ESRCH;
    if (kill(pid, sig) < 0)
        return -errno;
    return wait_name(1);
}

int test_daemon_restart_with(const char *extra) {
    static char saved[1024];
    static bool have_saved;
    if (!have_saved) {
        snprintf(saved, sizeof(saved), "%s", getenv("PPPRAS_DAEMON_ARGS") ?: "");
        have_saved = true;
    }
    char args[sizeof(saved) + 128];
    if (snprintf(args, sizeof(args), "%s %s", saved, extra) >= (int) sizeof(args))
        return -E2BIG;
    if (setenv("PPPRAS_DAEMON_ARGS", args, 1) < 0)
        return -errno;
    int r = test_daemon_kill(SIGTERM);
    return r < 0 ? r : test_daemon_start();
}

/* Whether the saved table names handle. */
static bool table_lists(const char *path, uint64_t handle) {
    char want[64], line[8192];
    bool found = false;

    snprintf(want, sizeof(want), "handle=%" PRIu64 " ", handle);
    FILE *f = fopen(path, "re");
    if (!f)
        return false;
    while (!found && fgets(line, sizeof(line), f))
        found = strncmp(line, want, strlen(want)) == 0;
    fclose(f);
    return found;
}

int test_daemon_await_saved(uint64_t handle) {
    char dir[PATH_MAX], path[PATH_MAX + 16];
    struct timespec start, now;
    int r = 0;

    snprintf(dir, sizeof(dir), "%s/run", bus_dir());
    snprintf(path, sizeof(path), "%s/connections", dir);
    int fd = inotify_init1(IN_CLOEXEC);
    if (fd < 0)
        return -errno;
    /* watch first, then look: a rename in between is not missed */
    if (inotify_add_watch(fd, dir, IN_MOVED_TO | IN_CLOSE_WRITE) < 0) {
        r = -errno;
        close(fd);
        return r;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (!table_lists(path, handle)) {
        char events[4096];
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = SAVE_TIMEOUT_MS - ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000);
        struct pollfd pfd = { .fd = fd, .events = POLLIN };
        if (left <= 0 || poll(&pfd, 1, (int) left) == 0) {
            r = -ETIMEDOUT;
            break;
        }
        if (read(fd, events, sizeof(events)) < 0 && errno != EINTR) {
            r = -errno;
            break;
        }
    }
    close(fd);
    return r;
}

int test_daemon_stop(void) {
    pid_t pid = current_pid();
    int status;

    if (pid < 0)
        return -ESRCH;
    if (kill(pid, SIGTERM) < 0)
        return -errno;
    if (waitpid(pid, &status, 0) != pid)
        return -errno;
    return status;
}
