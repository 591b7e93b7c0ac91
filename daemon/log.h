/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Logging to stderr, which systemd captures into the journal; "<N>"
 * priority prefixes are added when stderr is a journal stream.  Log lines
 * about one connection go through log_connection(), which sends the
 * structured fields HANDLE=, PID=, ENTRY= when the journal is there. */

#include <stdint.h>
#include <syslog.h>
#include <sys/types.h>

void log_set_max_level(int level);
int log_get_max_level(void);

/* Logs and returns -abs(error) (or 0 when error is 0), so that
 * "return log_error_errno(r, ...)" both reports and propagates.  %m in
 * the format expands to strerror(error). */
int log_internal(int level, int error, const char *file, int line,
                 const char *format, ...) __attribute__((format(printf, 5, 6)));

void log_connection_internal(int level, uint64_t handle, pid_t pid, const char *entry,
                             const char *format, ...) __attribute__((format(printf, 5, 6)));

#define log_full_errno(level, error, ...) log_internal(level, error, __FILE__, __LINE__, __VA_ARGS__)
#define log_full(level, ...)  (void) log_full_errno(level, 0, __VA_ARGS__)

#define log_debug(...)   log_full(LOG_DEBUG, __VA_ARGS__)
#define log_info(...)    log_full(LOG_INFO, __VA_ARGS__)
#define log_notice(...)  log_full(LOG_NOTICE, __VA_ARGS__)
#define log_warning(...) log_full(LOG_WARNING, __VA_ARGS__)
#define log_error(...)   log_full(LOG_ERR, __VA_ARGS__)

#define log_debug_errno(error, ...)   log_full_errno(LOG_DEBUG, error, __VA_ARGS__)
#define log_warning_errno(error, ...) log_full_errno(LOG_WARNING, error, __VA_ARGS__)
#define log_error_errno(error, ...)   log_full_errno(LOG_ERR, error, __VA_ARGS__)

#define log_oom() log_error_errno(ENOMEM, "Out of memory.")

/* Per-connection lines are rate-limited: at most LOG_CONNECTION_BURST per
 * LOG_CONNECTION_INTERVAL_USEC for one handle (a flapping link must not
 * flood the journal); one line says how many were suppressed. */
#define LOG_CONNECTION_BURST          20
#define LOG_CONNECTION_INTERVAL_USEC  (10ULL * 1000000ULL)

/* The handle is retired: forget its rate-limit state. */
void log_connection_forget(uint64_t handle);

/* c is a Connection *: one line with the connection's journal fields. */
#define log_connection(level, c, ...) \
    log_connection_internal(level, (c)->handle, (c)->pid, (c)->entry_name, __VA_ARGS__)
