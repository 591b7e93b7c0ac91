/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-stats.h"

uint64_t bench_now_nsec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

int samples_init(Samples *s, size_t capacity) {
    assert(s);
    *s = (Samples) { .usec = calloc(capacity ? capacity : 1, sizeof(double)), .capacity = capacity };
    return s->usec ? 0 : -ENOMEM;
}

void samples_done(Samples *s) {
    assert(s);
    free(s->usec);
    *s = (Samples) {};
}

void samples_add(Samples *s, double usec) {
    assert(s);
    if (s->n < s->capacity)
        s->usec[s->n++] = usec;
}

void samples_add_since(Samples *s, uint64_t start_nsec) {
    samples_add(s, (double) (bench_now_nsec() - start_nsec) / 1000.0);
}

static int compare_double(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

double samples_quantile(Samples *s, double q) {
    assert(s);
    assert(q >= 0 && q <= 1);
    if (s->n == 0)
        return 0;
    qsort(s->usec, s->n, sizeof(double), compare_double);
    double exact = q * (double) s->n;
    size_t rank = (size_t) exact;                    /* nearest rank, 1-based: ceil(q·n) */
    if ((double) rank < exact)
        rank++;
    return s->usec[rank > 0 ? rank - 1 : 0];
}

long process_rss_kib(pid_t pid) {
    char path[64], line[256];
    long kib = -ENOENT;

    snprintf(path, sizeof(path), "/proc/%i/status", (int) pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return -errno;
    while (fgets(line, sizeof(line), f))
        if (sscanf(line, "VmRSS: %ld kB", &kib) == 1)
            break;
    fclose(f);
    return kib;
}
