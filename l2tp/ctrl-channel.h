/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The reliable delivery of control messages (RFC 2661 section 5.8): each
 * message we send takes the next Ns and stays queued until the peer's Nr
 * passes it, resent meanwhile with an exponential backoff; each message
 * the peer sends is taken only in order, and acknowledged. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "l2tp-msg.h"

#define CTRL_WINDOW 8               /* messages of ours in flight; a LAC has a few at most */

typedef struct CtrlQueued {
    uint16_t ns;
    unsigned tries;
    uint64_t due_ms;
    size_t len;
    uint8_t msg[L2TP_CTRL_MAX];
} CtrlQueued;

typedef struct CtrlChannel {
    uint16_t ns;                    /* the next message's Ns */
    uint16_t nr;                    /* the peer's next Ns we expect */
    bool ack_due;                   /* something taken that no message of ours acknowledged yet */
    size_t n_queued;
    CtrlQueued queued[CTRL_WINDOW];
    uint64_t rto_first_ms, rto_max_ms;
    unsigned max_tries;             /* sends of one message, the first included */
} CtrlChannel;

void ctrl_init(CtrlChannel *c, uint64_t rto_first_ms, uint64_t rto_max_ms, unsigned max_tries);

/* Takes a built message (header and AVPs), gives it the next Ns and the
 * current Nr.  The caller sends *ret_msg now.  -ENOBUFS when the window is
 * full, -EINVAL for a ZLB (those are never queued). */
int ctrl_queue(CtrlChannel *c, const uint8_t *msg, size_t len, uint64_t now_ms, const uint8_t **ret_msg);

/* The peer's Nr: every queued message before it is delivered.  An Nr
 * beyond what we have sent is ignored.  Returns how many were dropped. */
size_t ctrl_ack(CtrlChannel *c, uint16_t nr);

typedef enum CtrlVerdict {
    CTRL_TAKE,                      /* the next message in order: process it */
    CTRL_DUPLICATE,                 /* seen before (our ack was lost): acknowledge again */
    CTRL_AHEAD,                     /* a gap before it: drop, the peer resends */
} CtrlVerdict;

/* Sorts a control message by its Ns (ZLBs carry no new Ns: pass zlb). */
CtrlVerdict ctrl_receive(CtrlChannel *c, uint16_t ns, bool zlb);

/* When the next resend is due (UINT64_MAX: nothing queued). */
uint64_t ctrl_next_due(const CtrlChannel *c);

/* The first message due at now_ms, with its Nr refreshed and its backoff
 * advanced: 1 and *ret_msg, *ret_len to send, 0 for none, -ETIMEDOUT when
 * one has been sent max_tries times without an acknowledgement. */
int ctrl_resend(CtrlChannel *c, uint64_t now_ms, const uint8_t **ret_msg, size_t *ret_len);

/* A ZLB acknowledging everything taken so far, into b. */
void ctrl_build_zlb(CtrlChannel *c, L2tpBuilder *b, uint16_t tunnel);

/* Is a before b in 16-bit sequence space? */
static inline bool seq_before(uint16_t a, uint16_t b) {
    return (int16_t) (uint16_t) (a - b) < 0;
}
