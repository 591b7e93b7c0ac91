/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Latency samples of one benchmarked operation, in µs, and the clock they
 * are taken with. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct Samples {
    double *usec;
    size_t n, capacity;
} Samples;

/* CLOCK_MONOTONIC in ns: the same clock in every process of the machine. */
uint64_t bench_now_nsec(void);

/* 0 or -ENOMEM. */
int samples_init(Samples *s, size_t capacity);
void samples_done(Samples *s);

/* Samples beyond the capacity are dropped (the capacity is the plan). */
void samples_add(Samples *s, double usec);
void samples_add_since(Samples *s, uint64_t start_nsec);

/* The q-quantile (0.5: median, 0.99: p99), nearest rank; sorts s.
 * 0 without samples. */
double samples_quantile(Samples *s, double q);

/* VmRSS of a process in KiB, from /proc; negative errno. */
long process_rss_kib(pid_t pid);
