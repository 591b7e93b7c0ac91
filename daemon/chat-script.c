/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chat-map.h"
#include "chat-script.h"
#include "util.h"

bool phone_number_is_valid(const char *number) {
    if (!number)
        return false;
    size_t n = strlen(number);
    if (n == 0 || n > PHONE_NUMBER_MAX)
        return false;
    bool digit = false;
    for (const char *p = number; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digit = true;
        else if (!strchr("*#+,WwPpTt!@ -()", *p))
            return false;
    }
    return digit;
}

int chat_script_build(const ChatScriptParams *p, char **ret) {
    assert(p);
    assert(ret);

    if (!phone_number_is_valid(p->number))
        return -EINVAL;

    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return -ENOMEM;
    /* Every expect string and command is in single quotes; none of the
     * characters allowed above is special to chat inside them. */
    for (unsigned i = 0; i < chat_aborts_size; i++)
        fprintf(f, "ABORT '%s'\n", chat_aborts[i].response);
    fprintf(f, "TIMEOUT 10\n"
               "'' 'ATZ'\n"
               "'OK' 'AT%s%s'\n"
               "TIMEOUT %u\n"
               "'CONNECT' ''\n",
            p->pulse ? "DP" : "DT", p->number, p->connect_timeout ?: 60);
    if (fclose(f) != 0) {
        free(buf);
        return -ENOMEM;
    }
    *ret = buf;
    return 0;
}

static bool path_is_plain(const char *path) {
    if (!path || path[0] != '/')
        return false;
    for (const char *p = path; *p; p++)
        if (!(('a' <= *p && *p <= 'z') || ('A' <= *p && *p <= 'Z') || ('0' <= *p && *p <= '9') ||
              strchr("/._-+", *p)))
            return false;
    return true;
}

int chat_status_path(const char *runtime_dir, pid_t pppd_pid, char **ret) {
    assert(runtime_dir);
    assert(ret);
    return asprintf(ret, "%s/" CHAT_STATUS_DIR "/%i.status", runtime_dir, (int) pppd_pid) < 0 ? -ENOMEM : 0;
}

int chat_connect_command(const char *chat, const char *script_path, const char *status_dir, char **ret) {
    assert(ret);

    if (!path_is_plain(chat) || !path_is_plain(script_path) || !path_is_plain(status_dir))
        return -EINVAL;
    /* pppd runs this with /bin/sh -c from its own process: $PPID is pppd,
     * whose pid the daemon knows. */
    if (asprintf(ret, "%s -f %s; s=$?; echo $s >%s/$PPID.status; exit $s", chat, script_path, status_dir) < 0)
        return -ENOMEM;
    return 0;
}

int chat_status_read(const char *status_path) {
    assert(status_path);

    int fd = open(status_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return -errno;
    char buf[8];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    int saved = errno;
    close(fd);
    if (n < 0)
        return -saved;
    buf[n] = '\0';
    char *end;
    errno = 0;
    long v = strtol(buf, &end, 10);
    if (errno != 0 || end == buf || (*end != '\0' && *end != '\n') || v < 0 || v > 255)
        return -EINVAL;
    return (int) v;
}

uint32_t chat_dial_error(const char *runtime_dir, pid_t pppd_pid) {
    assert(runtime_dir);

    char *path = NULL;
    if (chat_status_path(runtime_dir, pppd_pid, &path) < 0)
        return 0;
    int status = chat_status_read(path);
    (void) unlink(path);
    free(path);
    return status > 0 ? ras_error_for_chat_exit(status) : 0;
}

int chat_status_prepare(const char *runtime_dir, pid_t pppd_pid) {
    assert(runtime_dir);

    char *path = NULL;
    if (asprintf(&path, "%s/" CHAT_STATUS_DIR, runtime_dir) < 0)
        return -ENOMEM;
    int r = mkdir(path, 0700) < 0 && errno != EEXIST ? -errno : 0;
    free(path);
    if (r < 0)
        return r;
    r = chat_status_path(runtime_dir, pppd_pid, &path);
    if (r < 0)
        return r;
    r = unlink(path) < 0 && errno != ENOENT ? -errno : 0;
    free(path);
    return r;
}
