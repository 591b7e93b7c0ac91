/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The LAC side of one L2TPv2 tunnel carrying one session: sets both up
 * with the LNS, then moves PPP frames between pppd's pty (HDLC framed,
 * on stdin/stdout) and L2TP data messages, and tears both down when pppd
 * goes, a signal comes or the LNS ends them. */

#include <stdbool.h>
#include <stdint.h>

typedef struct LacOptions {
    const char *host, *port;
    uint64_t rto_first_ms;          /* first retransmission timeout */
    unsigned max_tries;             /* sends of a control message before giving up */
    unsigned hello_sec;             /* silence before a HELLO */
    bool debug;
} LacOptions;

/* How the run ended; main.c turns it into an exit status and a RAS error. */
typedef enum LacEnd {
    LAC_END_DONE,                   /* pppd or a signal ended an established session */
    LAC_END_USAGE,
    LAC_END_NAME,                   /* the host name did not resolve */
    LAC_END_NO_ANSWER,              /* no answer, ICMP unreachable or refused, no route */
    LAC_END_REFUSED,                /* the LNS refused the tunnel or the session */
    LAC_END_DROPPED,                /* the LNS or the network ended an established session */
    LAC_END_ABORTED,                /* pppd or a signal ended it before it was up */
    LAC_END_ERROR,                  /* a local failure */
} LacEnd;

LacEnd lac_run(const LacOptions *o);
