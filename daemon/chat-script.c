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
#include "decimal-file.h"
#include "util.h"

int chat_status_path(const char *runtime_dir, pid_t pppd_pid, char **ret) {
    assert(runtime_dir);
    assert(ret);
    return asprintf(ret, "%s/" CHAT_STATUS_DIR "/%i.status", runtime_dir, (int) pppd_pid) < 0 ? -ENOMEM : 0;
}

int chat_status_read(const char *status_path) {
    assert(status_path);
    return decimal_file_read(status_path, 255);
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
