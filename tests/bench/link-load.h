/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Thousands of connected links for the daemon, without thousands of pppds.
 * The daemon knows a pppd by its pid and watches that process, so every
 * link needs a live process of its own: n tiny children (sharing our
 * memory, each asleep in pause()) stand in for them.  One bus connection
 * of ours then sends one Link.Register per child, naming it in `test_pid`
 * (accepted only by a daemon started with --test-allow-fake-pids) and
 * carrying what a pppd that restarted the daemon under a running link
 * would: phase RUNNING and both addresses, so the link is Connected at
 * once. */

#include <dbus/dbus.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct LinkLoad {
    DBusConnection *bus;
    pid_t *pids;
    size_t n_pids;
    void *stacks;               /* one mapping, a small stack per child */
    size_t stacks_size;
} LinkLoad;

#define LINK_LOAD_NULL ((LinkLoad) {})

/* Spawns n children and registers a connected link for each.
 * 0 or negative errno; *ret_error_name: the daemon's refusal, if any. */
int link_load_start(LinkLoad *l, size_t n, const char **ret_error_name);

/* Kills and reaps the children (their links end), closes the bus. */
void link_load_stop(LinkLoad *l);
