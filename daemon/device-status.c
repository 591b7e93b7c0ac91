/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "chat-script.h"
#include "decimal-file.h"
#include "device-status.h"
#include "dial-env.h"
#include "ras-error-text.h"
#include "raserror.h"

int device_error_path(const char *runtime_dir, pid_t pppd_pid, char **ret) {
    assert(runtime_dir);
    assert(ret);
    return asprintf(ret, "%s/" DEVICE_STATUS_DIR "/%i" DEVICE_ERROR_SUFFIX, runtime_dir, (int) pppd_pid) < 0 ?
           -ENOMEM : 0;
}

int device_error_read(const char *error_path) {
    assert(error_path);

    int code = decimal_file_read(error_path, 999);
    if (code < 0)
        return code;
    if (code < RASBASE || code > RASBASEEND || !ras_error_text((unsigned) code))
        return -EINVAL;
    return code;
}

uint32_t device_dial_error(const char *runtime_dir, pid_t pppd_pid) {
    assert(runtime_dir);

    uint32_t e = chat_dial_error(runtime_dir, pppd_pid);
    char *path = NULL;
    if (device_error_path(runtime_dir, pppd_pid, &path) < 0)
        return e;
    int code = device_error_read(path);
    (void) unlink(path);
    free(path);
    return e ?: (code > 0 ? (uint32_t) code : 0);
}

int device_status_prepare(const char *runtime_dir, pid_t pppd_pid) {
    assert(runtime_dir);

    int r = chat_status_prepare(runtime_dir, pppd_pid);
    if (r < 0)
        return r;
    char *path = NULL;
    r = device_error_path(runtime_dir, pppd_pid, &path);
    if (r < 0)
        return r;
    r = unlink(path) < 0 && errno != ENOENT ? -errno : 0;
    free(path);
    return r;
}
