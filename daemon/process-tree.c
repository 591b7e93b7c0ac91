/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "process-tree.h"
#include "util.h"

int process_stat_read(pid_t pid, ProcessStat *ret) {
    assert(ret);

    char path[32], buf[1024];
    snprintf(path, sizeof(path), "/proc/%i/stat", (int) pid);
    _cleanup_(closep) int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT ? -ESRCH : -errno;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    if (n < 0)
        return -errno;
    buf[n] = '\0';

    /* "pid (comm) S ppid pgrp session ...": comm may hold spaces and ')'. */
    char *p = strrchr(buf, ')');
    int ppid, pgrp, session;
    char state;
    unsigned long long start_time;
    /* fields 3..6, then 7..21 skipped, 22 is starttime */
    if (!p || sscanf(p + 1, " %c %d %d %d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
                     &state, &ppid, &pgrp, &session, &start_time) != 5)
        return -EIO;
    *ret = (ProcessStat) { .pid = pid, .ppid = ppid, .pgrp = pgrp, .session = session, .state = state,
                           .start_time = start_time };
    return 0;
}

/* Every process on the system, from /proc.  *ret_n entries. */
static int snapshot(ProcessStat **ret, size_t *ret_n) {
    assert(ret);
    assert(ret_n);

    DIR *d = opendir("/proc");
    if (!d)
        return -errno;
    ProcessStat *list = NULL;
    size_t n = 0, allocated = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        char *end;
        long pid = strtol(de->d_name, &end, 10);
        if (*end != '\0' || pid <= 0)
            continue;
        ProcessStat st;
        if (process_stat_read((pid_t) pid, &st) < 0)
            continue;   /* gone meanwhile */
        if (n == allocated) {
            allocated = allocated ? allocated * 2 : 256;
            ProcessStat *grown = realloc(list, allocated * sizeof(ProcessStat));
            if (!grown) {
                free(list);
                closedir(d);
                return -ENOMEM;
            }
            list = grown;
        }
        list[n++] = st;
    }
    closedir(d);
    *ret = list;
    *ret_n = n;
    return 0;
}

/* Marks the descendants of the marked, to a fixpoint (trees are shallow). */
static void mark_descendants(const ProcessStat *list, size_t n, bool *marked) {
    assert(list || n == 0);
    assert(marked);

    for (bool grew = true; grew;) {
        grew = false;
        for (size_t i = 0; i < n; i++) {
            if (marked[i])
                continue;
            for (size_t j = 0; j < n; j++)
                if (marked[j] && list[i].ppid == list[j].pid) {
                    marked[i] = grew = true;
                    break;
                }
        }
    }
}

int process_tree_kill_session(pid_t sid) {
    assert(sid > 1);

    /* The process group first: one syscall catches the common case even
     * if the scan below fails. */
    int killed = kill(-sid, SIGKILL) >= 0;

    _cleanup_(freep) ProcessStat *list = NULL;
    size_t n;
    int r = snapshot(&list, &n);
    if (r < 0) {
        log_warning_errno(r, "Failed to scan /proc for what pppd %i left behind: %m", (int) sid);
        return killed;
    }
    _cleanup_(freep) bool *doomed = calloc(n ? n : 1, sizeof(bool));
    if (!doomed)
        return killed;
    for (size_t i = 0; i < n; i++)
        doomed[i] = list[i].session == sid || list[i].pgrp == sid || list[i].pid == sid;
    mark_descendants(list, n, doomed);

    pid_t self = getpid();
    for (size_t i = 0; i < n; i++)
        if (doomed[i] && list[i].pid != self && list[i].state != 'Z' && kill(list[i].pid, SIGKILL) >= 0) {
            log_debug("Killed process %i left behind by pppd %i.", (int) list[i].pid, (int) sid);
            killed++;
        }
    return killed;
}

int process_tree_note_escaped(pid_t root, ProcessId **list, size_t *n) {
    assert(root > 1);
    assert(list);
    assert(n);

    _cleanup_(freep) ProcessStat *all = NULL;
    size_t n_all;
    int r = snapshot(&all, &n_all);
    if (r < 0)
        return r;
    _cleanup_(freep) bool *below = calloc(n_all ? n_all : 1, sizeof(bool));
    if (!below)
        return -ENOMEM;
    for (size_t i = 0; i < n_all; i++)
        below[i] = all[i].pid == root;
    mark_descendants(all, n_all, below);

    for (size_t i = 0; i < n_all; i++) {
        if (!below[i] || all[i].pid == root || all[i].session == root)
            continue;
        bool known = false;
        for (size_t j = 0; j < *n && !known; j++)
            known = (*list)[j].pid == all[i].pid && (*list)[j].start_time == all[i].start_time;
        if (known)
            continue;
        ProcessId *grown = realloc(*list, (*n + 1) * sizeof(ProcessId));
        if (!grown)
            return -ENOMEM;
        *list = grown;
        (*list)[(*n)++] = (ProcessId) { all[i].pid, all[i].start_time };
    }
    return 0;
}

int process_tree_kill_listed(const ProcessId *list, size_t n) {
    assert(list || n == 0);

    int killed = 0;
    for (size_t i = 0; i < n; i++) {
        ProcessStat st;
        if (process_stat_read(list[i].pid, &st) < 0 || st.start_time != list[i].start_time || st.state == 'Z')
            continue;
        if (kill(list[i].pid, SIGKILL) >= 0)
            killed++;
        /* and whatever it started in its own new session */
        if (st.session == list[i].pid)
            killed += process_tree_kill_session(list[i].pid);
    }
    return killed;
}

static bool name_matches(const char *arg, const char *pppd_path) {
    assert(arg);
    assert(pppd_path);
    const char *base = strrchr(arg, '/') ? strrchr(arg, '/') + 1 : arg;
    const char *want = strrchr(pppd_path, '/') ? strrchr(pppd_path, '/') + 1 : pppd_path;
    return strcmp(base, want) == 0 || strcmp(base, "pppd") == 0;
}

bool process_is_pppd(pid_t pid, const char *pppd_path) {
    assert(pppd_path);

    char path[32], buf[4096];
    snprintf(path, sizeof(path), "/proc/%i/cmdline", (int) pid);
    _cleanup_(closep) int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    if (name_matches(buf, pppd_path))
        return true;
    size_t first = strlen(buf);
    return (ssize_t) first + 1 < n && name_matches(buf + first + 1, pppd_path);
}

/* The Uid: line of /proc/PID/status: real, effective. */
static int read_uids(pid_t pid, uid_t *ret_real, uid_t *ret_effective) {
    char path[32], line[256];
    snprintf(path, sizeof(path), "/proc/%i/status", (int) pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return errno == ENOENT ? -ESRCH : -errno;
    int r = -EIO;
    while (r < 0 && fgets(line, sizeof(line), f)) {
        unsigned real, effective;
        if (sscanf(line, "Uid: %u %u", &real, &effective) == 2) {
            *ret_real = (uid_t) real;
            *ret_effective = (uid_t) effective;
            r = 0;
        }
    }
    fclose(f);
    return r;
}

bool process_runs_as(pid_t pid, uid_t uid) {
    uid_t real, effective;
    return read_uids(pid, &real, &effective) >= 0 && real == uid && effective == uid;
}

int process_real_uid_of_root(pid_t pid, uid_t *ret) {
    assert(ret);
    uid_t real, effective;
    int r = read_uids(pid, &real, &effective);
    if (r < 0)
        return r;
    if (effective != 0)
        return -EPERM;
    *ret = real;
    return 0;
}
