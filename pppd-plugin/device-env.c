/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device-env.h"
#include "dial-env.h"

#define PHONE_MAX 128   /* RAS_MaxPhoneNumber */

bool device_env_phone_is_valid(const char *phone) {
    if (!phone)
        return false;
    size_t n = strnlen(phone, PHONE_MAX + 1);
    if (n == 0 || n > PHONE_MAX || phone[0] == '-' || phone[0] == ' ')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = phone[i];
        if (!(('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') ||
              strchr("+*#,-(). :_", c)))
            return false;
    }
    return true;
}

static int set_path(const char *name, const char *runtime_dir, pid_t pid, const char *suffix) {
    char path[PATH_MAX];
    int n = snprintf(path, sizeof(path), "%s/" DEVICE_STATUS_DIR "/%i%s", runtime_dir, (int) pid, suffix);
    if (n < 0 || (size_t) n >= sizeof(path))
        return -ENAMETOOLONG;
    return setenv(name, path, 1) < 0 ? -errno : 0;
}

int device_env_set(const char *runtime_dir, pid_t pid, const char *phone) {
    assert(runtime_dir);

    int r = set_path(DEVICE_ENV_CHAT_STATUS, runtime_dir, pid, DEVICE_STATUS_SUFFIX);
    if (r < 0)
        return r;
    r = set_path(DEVICE_ENV_DEVICE_ERROR, runtime_dir, pid, DEVICE_ERROR_SUFFIX);
    if (r < 0)
        return r;
    /* Never one from an earlier link, nor one pppd inherited. */
    if (!phone || !device_env_phone_is_valid(phone)) {
        (void) unsetenv(DEVICE_ENV_PHONE);
        return phone ? -EINVAL : 0;
    }
    return setenv(DEVICE_ENV_PHONE, phone, 1) < 0 ? -errno : 0;
}
