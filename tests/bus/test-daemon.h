/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The ppprasd the bus suites run against.  tests/with-private-bus starts
 * one with its defaults; bus-main.c replaces it with one whose phonebook
 * is PPPRAS_BUS_DIR/phonebook and whose pppd is tests/fake-pppd, so that
 * Dial runs the stand-in, and the restart suite kills and restarts it
 * with the same runtime and state directories.  The current daemon's pid
 * is kept in PPPRAS_BUS_DIR/daemon.pid; bus-main (a child subreaper)
 * stops and reaps whichever daemon is current at the end. */

#include <stdint.h>
#include <sys/types.h>

/* Starts a daemon and waits until it owns its name.  0 or negative errno. */
int test_daemon_start(void);

/* Sends sig to the current daemon and waits until its name is gone. */
int test_daemon_kill(int sig);

/* Stops the current daemon and starts one with the arguments the suite
 * began with (PPPRAS_DAEMON_ARGS as first seen) plus extra.  0 or
 * negative errno. */
int test_daemon_restart_with(const char *extra);

/* Waits (inotify) until the daemon's connection table on disk lists
 * handle.  The daemon writes it once per event-loop iteration, after the
 * bus work, so a kill -9 right after a connection appeared may come
 * before its handle was saved.  0, -ETIMEDOUT or negative errno. */
int test_daemon_await_saved(uint64_t handle);

/* SIGTERM to the current daemon, reaps it: its exit status as waitpid()
 * gives it, or negative errno. */
int test_daemon_stop(void);

/* The phonebook directory the daemon dials from (created by
 * test_daemon_start()). */
const char *test_phonebook_dir(void);

/* The fake system RasEnumDevices reads (DIR/sys/class, DIR/dev/serial);
 * the tests fill it. */
const char *test_device_root(void);
