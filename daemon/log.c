/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <systemd/sd-journal.h>

#include "log.h"

/* The level is process-wide configuration, like systemd's log_max_level;
 * it is the one piece of state outside the Context. */
static int max_level = LOG_INFO;

void log_set_max_level(int level) {
    max_level = level;
}

int log_get_max_level(void) {
    return max_level;
}

/* JOURNAL_STREAM=dev:ino names the journal's stream socket; if it is our
 * stderr, the journal parses "<N>" prefixes and sd_journal_send works. */
static bool stderr_is_journal(void) {
    static int cached = -1;
    if (cached >= 0)
        return cached;

    cached = 0;
    const char *e = getenv("JOURNAL_STREAM");
    unsigned long long dev, ino;
    struct stat st;
    if (e && sscanf(e, "%llu:%llu", &dev, &ino) == 2 && fstat(STDERR_FILENO, &st) >= 0)
        cached = st.st_dev == (dev_t) dev && st.st_ino == (ino_t) ino;
    return cached;
}

static void log_write(int level, const char *text) {
    if (stderr_is_journal())
        fprintf(stderr, "<%i>%s\n", level, text);
    else
        fprintf(stderr, "ppprasd: %s\n", text);
}

int log_internal(int level, int error, const char *file, int line, const char *format, ...) {
    error = abs(error);
    if (level > max_level)
        return -error;

    char text[1024];
    va_list ap;
    int saved_errno = errno;
    errno = error;   /* so %m names this error */
    va_start(ap, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(text, sizeof(text), format, ap);
#pragma GCC diagnostic pop
    va_end(ap);
    errno = saved_errno;

    if (level >= LOG_DEBUG) {
        char with_place[1200];
        snprintf(with_place, sizeof(with_place), "%s (%s:%i)", text, file, line);
        log_write(level, with_place);
    } else
        log_write(level, text);
    return -error;
}

/* Rate-limit windows of the most recently logging handles, a small
 * direct-mapped cache: a collision only resets a window early. */
typedef struct RateLimit {
    uint64_t handle;
    uint64_t window_start;
    unsigned count, suppressed;
} RateLimit;
static RateLimit rate_limits[64];

static uint64_t monotonic_usec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000ULL + (uint64_t) ts.tv_nsec / 1000;
}

/* true: log this line.  *ret_suppressed: lines dropped in the window that just ended. */
static bool rate_limit_pass(uint64_t handle, unsigned *ret_suppressed) {
    RateLimit *rl = &rate_limits[(handle ^ (handle >> 17)) % (sizeof(rate_limits) / sizeof(rate_limits[0]))];
    uint64_t now = monotonic_usec();
    *ret_suppressed = 0;
    if (rl->handle != handle || now - rl->window_start >= LOG_CONNECTION_INTERVAL_USEC) {
        if (rl->handle == handle)
            *ret_suppressed = rl->suppressed;
        *rl = (RateLimit) { .handle = handle, .window_start = now };
    }
    if (rl->count >= LOG_CONNECTION_BURST) {
        rl->suppressed++;
        return false;
    }
    rl->count++;
    return true;
}

void log_connection_forget(uint64_t handle) {
    RateLimit *rl = &rate_limits[(handle ^ (handle >> 17)) % (sizeof(rate_limits) / sizeof(rate_limits[0]))];
    if (rl->handle == handle)
        *rl = (RateLimit) {};
}

void log_connection_internal(int level, uint64_t handle, pid_t pid, const char *entry,
                             const char *format, ...) {
    if (level > max_level)
        return;
    unsigned suppressed;
    if (!rate_limit_pass(handle, &suppressed))
        return;
    if (suppressed > 0)
        log_connection_internal(LOG_NOTICE, handle, pid, entry, "%u log lines suppressed (rate limit).", suppressed);

    char text[1024];
    va_list ap;
    va_start(ap, format);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    vsnprintf(text, sizeof(text), format, ap);
#pragma GCC diagnostic pop
    va_end(ap);

    if (stderr_is_journal() &&
        sd_journal_send("MESSAGE=Connection %016" PRIx64 ": %s", handle, text,
                        "PRIORITY=%i", level,
                        "HANDLE=%016" PRIx64, handle,
                        "PID=%i", (int) pid,
                        "ENTRY=%s", entry ?: "",
                        "SYSLOG_IDENTIFIER=ppprasd",
                        NULL) >= 0)
        return;

    char line[1200];
    snprintf(line, sizeof(line), "Connection %016" PRIx64 " (pid %i): %s", handle, (int) pid, text);
    log_write(level, line);
}
