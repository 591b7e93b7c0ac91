/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What a failed dial's device programs left (common/dial-env.h):
 * chat's exit status and a device program's RAS error code, both under
 * RUNTIME_DIR/chat/ named after pppd's pid. */

#include <stdint.h>
#include <sys/types.h>

/* RUNTIME_DIR/chat/PID.error */
int device_error_path(const char *runtime_dir, pid_t pppd_pid, char **ret);

/* The code ERROR_PATH holds: one decimal RAS error (RASBASE..RASBASEEND)
 * that has a text, and an optional newline.  -ENOENT when there is none,
 * -EINVAL for anything else (a program may not make up codes). */
int device_error_read(const char *error_path);

/* pppd PID's dial failed: the dwError its device named -- chat's status
 * first, then a device program's code -- or 0 for none.  Both files are
 * removed. */
uint32_t device_dial_error(const char *runtime_dir, pid_t pppd_pid);

/* Before a dial: the directory exists, PID has no stale status or error. */
int device_status_prepare(const char *runtime_dir, pid_t pppd_pid);
