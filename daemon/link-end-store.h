/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Reading what the plugin left of a pppd that ended (common/link-end.h):
 * how a link that ended while the daemon was away really ended. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "link-end.h"

/* runtime_dir/ended/PID-START: -ENOENT when there is none; -EPERM when it
 * is not a regular file of ours; -EINVAL when it does not parse. */
int link_end_read(const char *runtime_dir, pid_t pid, uint64_t start_time, LinkEnd *ret);

void link_end_remove(const char *runtime_dir, pid_t pid, uint64_t start_time);

/* Removes every record keep() does not want (kept: those of handles that
 * are still held).  Returns how many went. */
typedef bool (*LinkEndKeep)(pid_t pid, uint64_t start_time, void *userdata);
int link_end_prune(const char *runtime_dir, LinkEndKeep keep, void *userdata);
