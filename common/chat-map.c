/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "chat-map.h"
#include "raserror.h"

/* The order is the contract: chat's exit status is 4 + the index. */
const ChatAbort chat_aborts[] = {
    { "BUSY",        ERROR_LINE_BUSY },     /* 676 */
    { "NO CARRIER",  ERROR_NO_CARRIER },    /* 679 */
    { "NO DIALTONE", ERROR_NO_DIALTONE },   /* 680 */
    { "NO ANSWER",   ERROR_NO_ANSWER },     /* 678 */
    { "ERROR",       ERROR_FROM_DEVICE },   /* 651: the modem refused a command */
    { "NO DIAL TONE", ERROR_NO_DIALTONE },  /* 680: how some modems spell it */
};
const unsigned chat_aborts_size = sizeof(chat_aborts) / sizeof(chat_aborts[0]);

uint32_t ras_error_for_chat_exit(int status) {
    switch (status) {
    case CHAT_EXIT_OK:
        return 0;
    case CHAT_EXIT_BAD_SCRIPT:
        return ERROR_WRONG_INFO_SPECIFIED;   /* 604: the entry made a bad script */
    case CHAT_EXIT_IO_ERROR:
        return ERROR_PORT_OR_DEVICE;         /* 692: hardware failure in port or device */
    case CHAT_EXIT_TIMEOUT:
        /* Windows gives 678 when the modem reports no connection in time. */
        return ERROR_NO_ANSWER;
    }
    if (status >= CHAT_EXIT_ABORT_BASE && (unsigned) (status - CHAT_EXIT_ABORT_BASE) < chat_aborts_size)
        return chat_aborts[status - CHAT_EXIT_ABORT_BASE].ras_error;
    return ERROR_FROM_DEVICE;
}
