/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "ctrl-channel.h"

void ctrl_init(CtrlChannel *c, uint64_t rto_first_ms, uint64_t rto_max_ms, unsigned max_tries) {
    assert(c);
    *c = (CtrlChannel) {
        .rto_first_ms = rto_first_ms,
        .rto_max_ms = rto_max_ms,
        .max_tries = max_tries > 0 ? max_tries : 1,
    };
}

int ctrl_queue(CtrlChannel *c, const uint8_t *msg, size_t len, uint64_t now_ms, const uint8_t **ret_msg) {
    assert(c);
    assert(msg);
    assert(ret_msg);

    if (len <= L2TP_CTRL_HDR_LEN || len > L2TP_CTRL_MAX)
        return -EINVAL;
    if (c->n_queued >= CTRL_WINDOW)
        return -ENOBUFS;
    CtrlQueued *q = &c->queued[c->n_queued++];
    q->ns = c->ns++;
    q->tries = 1;
    q->due_ms = now_ms + c->rto_first_ms;
    q->len = len;
    memcpy(q->msg, msg, len);
    l2tp_set_seq(q->msg, q->ns, c->nr);
    c->ack_due = false;             /* this message carries the acknowledgement */
    *ret_msg = q->msg;
    return 0;
}

size_t ctrl_ack(CtrlChannel *c, uint16_t nr) {
    assert(c);

    /* acknowledges nothing we never sent: nr must lie in [oldest, c->ns] */
    if (c->n_queued == 0 || seq_before(c->ns, nr) || !seq_before(c->queued[0].ns, nr))
        return 0;
    size_t done = 0;
    while (done < c->n_queued && seq_before(c->queued[done].ns, nr))
        done++;
    memmove(c->queued, c->queued + done, (c->n_queued - done) * sizeof(c->queued[0]));
    c->n_queued -= done;
    return done;
}

CtrlVerdict ctrl_receive(CtrlChannel *c, uint16_t ns, bool zlb) {
    assert(c);

    if (zlb)
        return CTRL_DUPLICATE;      /* nothing to take; never acknowledged itself */
    if (ns == c->nr) {
        c->nr++;
        c->ack_due = true;
        return CTRL_TAKE;
    }
    if (seq_before(ns, c->nr)) {
        c->ack_due = true;
        return CTRL_DUPLICATE;
    }
    return CTRL_AHEAD;
}

uint64_t ctrl_next_due(const CtrlChannel *c) {
    assert(c);
    uint64_t due = UINT64_MAX;
    for (size_t i = 0; i < c->n_queued; i++)
        if (c->queued[i].due_ms < due)
            due = c->queued[i].due_ms;
    return due;
}

int ctrl_resend(CtrlChannel *c, uint64_t now_ms, const uint8_t **ret_msg, size_t *ret_len) {
    assert(c);
    assert(ret_msg);
    assert(ret_len);

    for (size_t i = 0; i < c->n_queued; i++) {
        CtrlQueued *q = &c->queued[i];
        if (q->due_ms > now_ms)
            continue;
        if (q->tries >= c->max_tries)
            return -ETIMEDOUT;
        uint64_t rto = c->rto_first_ms;
        for (unsigned t = 0; t < q->tries && rto < c->rto_max_ms; t++)
            rto *= 2;
        if (rto > c->rto_max_ms)
            rto = c->rto_max_ms;
        q->tries++;
        q->due_ms = now_ms + rto;
        l2tp_set_seq(q->msg, q->ns, c->nr);
        c->ack_due = false;
        *ret_msg = q->msg;
        *ret_len = q->len;
        return 1;
    }
    return 0;
}

void ctrl_build_zlb(CtrlChannel *c, L2tpBuilder *b, uint16_t tunnel) {
    assert(c);
    assert(b);
    l2tp_build_start(b, L2TP_MSG_ZLB, tunnel, 0);
    l2tp_build_finish(b);
    l2tp_set_seq(b->buf, c->ns, c->nr);
    c->ack_due = false;
}
