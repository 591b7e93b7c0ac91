/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Nothing pppd started may outlive its connection.  Dial starts pppd in a
 * session of its own, so its session id (= its pid) marks everything it
 * starts.  What leaves the session (a pty program or connect script that
 * calls setsid()) is noted while pppd still lives — at every phase report
 * and at hang-up — as (pid, start time), so a recycled pid is never hit.
 * Killing is SIGKILL, no exceptions: a script that ignores SIGTERM dies
 * too.  (No cgroup: ppprasd does not get a delegated subtree.) */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* /proc/PID/stat fields; -ESRCH when the process is gone. */
typedef struct ProcessStat {
    pid_t pid, ppid, pgrp, session;
    char state;
    uint64_t start_time;     /* clock ticks since boot: (pid, start_time) names one process */
} ProcessStat;

typedef struct ProcessId {
    pid_t pid;
    uint64_t start_time;
} ProcessId;

int process_stat_read(pid_t pid, ProcessStat *ret);

/* SIGKILLs every process in session or process group sid and every
 * descendant of those.  Returns how many were signalled. */
int process_tree_kill_session(pid_t sid);

/* Adds to *list (of *n) the descendants of root that left its session and
 * are not listed yet.  0 or negative errno. */
int process_tree_note_escaped(pid_t root, ProcessId **list, size_t *n);

/* SIGKILLs the listed processes that still are who they were. */
int process_tree_kill_listed(const ProcessId *list, size_t n);

/* Are the real and effective uid of pid both uid (/proc/PID/status)? */
bool process_runs_as(pid_t pid, uid_t uid);

/* The real uid of pid, if its effective uid is 0 (a setuid pppd keeps who
 * started it as its real uid).  -ESRCH when gone, -EPERM when not root. */
int process_real_uid_of_root(pid_t pid, uid_t *ret);

/* Does /proc/PID/cmdline run a program named like pppd_path (argv[0], or
 * argv[1] for an interpreter script)? */
bool process_is_pppd(pid_t pid, const char *pppd_path);
