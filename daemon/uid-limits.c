/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/resource.h>

#include "uid-limits.h"

/* uid 0 is a real user, and 0 is the map's empty key: shift by one. */
static uint64_t key_of(uid_t uid) {
    return (uint64_t) uid + 1;
}

void uid_limits_done(UidLimits *l) {
    assert(l);
    u64_map_done(&l->counts);
}

size_t uid_limits_count(const UidLimits *l, uid_t uid) {
    assert(l);
    return (size_t) (uintptr_t) u64_map_get(&l->counts, key_of(uid));
}

int uid_limits_take(UidLimits *l, uid_t uid) {
    assert(l);
    size_t n = uid_limits_count(l, uid);
    if (l->limit > 0 && n >= l->limit)
        return -EDQUOT;
    return u64_map_put(&l->counts, key_of(uid), (void *) (uintptr_t) (n + 1));
}

void uid_limits_release(UidLimits *l, uid_t uid) {
    assert(l);
    size_t n = uid_limits_count(l, uid);
    /* remove first: the put then fits in the table as it is and cannot fail */
    (void) u64_map_remove(&l->counts, key_of(uid));
    if (n > 1)
        (void) u64_map_put(&l->counts, key_of(uid), (void *) (uintptr_t) (n - 1));
}

bool fd_reserve_ok(int fd, size_t reserve) {
    struct rlimit rl;
    if (fd < 0 || getrlimit(RLIMIT_NOFILE, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY)
        return fd >= 0;
    /* under a small limit a quarter of it, so that clients get the rest */
    if ((rlim_t) reserve > rl.rlim_cur / 4)
        reserve = (size_t) (rl.rlim_cur / 4);
    return (rlim_t) fd + reserve < rl.rlim_cur;
}

size_t fd_limit_raise(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) < 0)
        return 1024;
    if (rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        (void) setrlimit(RLIMIT_NOFILE, &rl);
        (void) getrlimit(RLIMIT_NOFILE, &rl);
    }
    return rl.rlim_cur == RLIM_INFINITY ? SIZE_MAX : (size_t) rl.rlim_cur;
}
