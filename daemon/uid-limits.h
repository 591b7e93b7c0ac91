/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Per-uid counters with one ceiling: how many of a thing (notification
 * registrations, mounts in progress, ...) each user holds.  A user's
 * bus connections all count as that user, so opening more connections
 * never buys more.  A limit of 0 means no limit.
 *
 *     UidLimits l = UID_LIMITS_INIT(256);
 *     if (uid_limits_take(&l, uid) < 0) → LimitExceeded
 *     ... and uid_limits_release(&l, uid) when the thing goes away. */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "u64-map.h"

typedef struct UidLimits {
    U64Map counts;       /* uid + 1 → count, stored in the pointer */
    size_t limit;
} UidLimits;

#define UID_LIMITS_INIT(max) ((UidLimits) { .counts = U64_MAP_INIT, .limit = (max) })

void uid_limits_done(UidLimits *l);

/* Counts one more for uid: 0, -EDQUOT at the limit (nothing counted),
 * -ENOMEM. */
int uid_limits_take(UidLimits *l, uid_t uid);

/* Counts one less for uid (never below zero). */
void uid_limits_release(UidLimits *l, uid_t uid);

size_t uid_limits_count(const UidLimits *l, uid_t uid);

/* The fd reserve: true while more than reserve descriptors (at most a
 * quarter of the limit) are free below the soft RLIMIT_NOFILE.  fd is one the caller just got (the lowest free
 * number, as the kernel hands them out): everything below it is taken. */
bool fd_reserve_ok(int fd, size_t reserve);

/* Raises the soft RLIMIT_NOFILE to the hard one (notifications, pppd
 * pipes and the bus all hold fds).  Returns the soft limit in force. */
size_t fd_limit_raise(void);
