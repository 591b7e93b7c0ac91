/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* chat(8)'s exit status → the dwError of a modem dial that failed.  chat
 * exits 4 + n when it met the n-th ABORT string of its script (counting
 * from 0), so the generated scripts list chat_aborts[] in this order and
 * the status alone names the modem's answer.  One table, documented in
 * docs/state-tables.md and tested entry by entry. */

#include <stdint.h>

#define CHAT_EXIT_OK         0
#define CHAT_EXIT_BAD_SCRIPT 1   /* invalid parameters or script */
#define CHAT_EXIT_IO_ERROR   2   /* read/write failure, or SIGINT */
#define CHAT_EXIT_TIMEOUT    3   /* an expect string did not come */
#define CHAT_EXIT_ABORT_BASE 4   /* + index of the ABORT string met */

typedef struct ChatAbort {
    const char *response;   /* the modem's result code, "NO CARRIER" */
    uint32_t ras_error;     /* ERROR_* from raserror.h */
} ChatAbort;

extern const ChatAbort chat_aborts[];
extern const unsigned chat_aborts_size;

/* 0 for CHAT_EXIT_OK; ERROR_FROM_DEVICE for a status chat never gives. */
uint32_t ras_error_for_chat_exit(int status);
