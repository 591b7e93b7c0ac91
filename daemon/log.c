/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

void log_connection_internal(int level, uint64_t handle, pid_t pid, const char *entry,
                             const char *format, ...) {
    if (level > max_level)
        return;

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
