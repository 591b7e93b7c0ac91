/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdio.h>
#include <time.h>

#include "notify-timing.h"

uint64_t notify_timing_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

void notify_timing_add(NotifyTiming *t, uint64_t start_ns) {
    assert(t);

    uint64_t spent = notify_timing_now() - start_ns;
    t->calls++;
    t->total_ns += spent;
    if (spent > t->max_ns)
        t->max_ns = spent;
}

void notify_timing_format(const NotifyTiming *t, char *buf, size_t size) {
    assert(t);
    assert(buf);
    assert(size > 0);

    if (t->calls == 0) {
        buf[0] = '\0';
        return;
    }
    double mean_us = (double) t->total_ns / (double) t->calls / 1000.0;
    snprintf(buf, size, "%s: %llu calls, mean %.1f us, max %.1f us", t->name,
             (unsigned long long) t->calls, mean_us, (double) t->max_ns / 1000.0);
}
