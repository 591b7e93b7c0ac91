/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Chat's status for a modem dial.  A modem entry's connect line
 * (daemon/peers-entry.c) lists common/chat-map.h's ABORT strings first, in
 * that table's order, so chat's exit status names the modem's answer, and
 * leaves that status where $PPPRAS_CHAT_STATUS says; the daemon reads it
 * when pppd exits EXIT_CONNECT_FAILED (pppd keeps only "failed"). */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "dial-env.h"

/* Where the chat status of a dial goes: RUNTIME_DIR/chat/PID.status, PID
 * being pppd's (the connect command's parent: $PPID in its shell). */
#define CHAT_STATUS_DIR DEVICE_STATUS_DIR
int chat_status_path(const char *runtime_dir, pid_t pppd_pid, char **ret);

/* The chat exit status that STATUS_PATH holds: 0..255, -ENOENT when
 * there is none, -EINVAL when it holds anything else. */
int chat_status_read(const char *status_path);

/* pppd PID exited EXIT_CONNECT_FAILED: the dwError its chat status names,
 * 0 when there is none (not a modem entry).  The status file is removed. */
uint32_t chat_dial_error(const char *runtime_dir, pid_t pppd_pid);

/* Before a dial: the status directory exists and PID has no stale status. */
int chat_status_prepare(const char *runtime_dir, pid_t pppd_pid);
