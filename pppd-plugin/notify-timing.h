/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* How long pppd spends inside each of our notifiers (option
 * pppras-timing): the plugin's promise is that it never holds pppd up, and
 * this is how that is checked on a real link.  Pure C: no pppd calls. */

#include <stddef.h>
#include <stdint.h>

typedef struct NotifyTiming {
    const char *name;
    uint64_t calls;
    uint64_t total_ns;
    uint64_t max_ns;
} NotifyTiming;

/* CLOCK_MONOTONIC now, in ns. */
uint64_t notify_timing_now(void);

/* Adds one call that began at start_ns (from notify_timing_now()). */
void notify_timing_add(NotifyTiming *t, uint64_t start_ns);

/* "phase: 12 calls, mean 8.1 us, max 20.3 us" into buf; "" when never called. */
void notify_timing_format(const NotifyTiming *t, char *buf, size_t size);
