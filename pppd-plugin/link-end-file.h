/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Writes pppd's ending where a restarted ppprasd finds it (common/link-end.h). */

#include <sys/types.h>

#include "link-end.h"

/* Into runtime_dir/ended/PID-STARTTIME of this process (end->ended_usec
 * 0: now).  Refuses (-EPERM)
 * a runtime_dir or ended/ that is not ours alone (owner, no group or
 * other write) or a symlink.  0 or negative errno; never blocks long. */
int link_end_file_write(const char *runtime_dir, const LinkEnd *end);

/* This process's start time, /proc/self/stat field 22. */
int link_end_self_start_time(unsigned long long *ret);
