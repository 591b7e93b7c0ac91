/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The chat script for a modem entry, and the connect command that runs it.
 * The script lists common/chat-map.h's ABORT strings first, in that
 * table's order, so chat's exit status names the modem's answer; the
 * connect command leaves that status in a file the daemon reads when
 * pppd exits EXIT_CONNECT_FAILED (pppd keeps only "failed"). */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "dial-env.h"

#define PHONE_NUMBER_MAX 128   /* RAS_MaxPhoneNumber */

typedef struct ChatScriptParams {
    const char *number;        /* the number to dial: phone_number_is_valid() */
    bool pulse;                /* ATDP instead of ATDT */
    unsigned connect_timeout;  /* seconds to wait for CONNECT; 0: 60 */
} ChatScriptParams;

/* 1..128 bytes of what a dial string holds: digits, * # + , and the
 * modifiers W P T ! @, with the spaces - ( ) people write between digits;
 * at least one digit.  Nothing that chat, the shell or pppd's option
 * parser would read as more than a character. */
bool phone_number_is_valid(const char *number);

/* The script text; -EINVAL for an invalid number. */
int chat_script_build(const ChatScriptParams *p, char **ret);

/* Where the chat status of a dial goes: RUNTIME_DIR/chat/PID.status, PID
 * being pppd's (the connect command's parent: $PPID in its shell). */
#define CHAT_STATUS_DIR DEVICE_STATUS_DIR
int chat_status_path(const char *runtime_dir, pid_t pppd_pid, char **ret);

/* The value of pppd's connect option: CHAT runs SCRIPT on the line and
 * its exit status is written to STATUS_DIR/$PPID.status (the command
 * still exits with it).  -EINVAL unless all three are absolute paths of
 * plain characters (pppd hands the command to /bin/sh). */
int chat_connect_command(const char *chat, const char *script_path, const char *status_dir, char **ret);

/* The chat exit status that STATUS_PATH holds: 0..255, -ENOENT when
 * there is none, -EINVAL when it holds anything else. */
int chat_status_read(const char *status_path);

/* pppd PID exited EXIT_CONNECT_FAILED: the dwError its chat status names,
 * 0 when there is none (not a modem entry).  The status file is removed. */
uint32_t chat_dial_error(const char *runtime_dir, pid_t pppd_pid);

/* Before a dial: the status directory exists and PID has no stale status. */
int chat_status_prepare(const char *runtime_dir, pid_t pppd_pid);
