/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>

#include "hdlc.h"

uint16_t hdlc_fcs(uint16_t fcs, const uint8_t *p, size_t n) {
    assert(p || n == 0);
    for (size_t i = 0; i < n; i++) {
        fcs ^= p[i];
        for (int bit = 0; bit < 8; bit++)
            fcs = fcs & 1 ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
    }
    return fcs;
}

void hdlc_decoder_init(HdlcDecoder *d) {
    assert(d);
    d->len = 0;
    d->escape = d->overflow = false;
}

int hdlc_decode_byte(HdlcDecoder *d, uint8_t b, const uint8_t **ret_frame, size_t *ret_len) {
    assert(d);
    assert(ret_frame);
    assert(ret_len);

    if (b == HDLC_FLAG) {
        size_t len = d->len;
        bool bad = d->overflow || d->escape;
        hdlc_decoder_init(d);
        if (len == 0 && !bad)
            return 0;               /* back-to-back flags */
        /* the shortest frame: a protocol byte and the FCS */
        if (bad || len < 3 || hdlc_fcs(HDLC_FCS_INIT, d->frame, len) != HDLC_FCS_GOOD)
            return -EBADMSG;
        *ret_frame = d->frame;
        *ret_len = len - 2;
        return 1;
    }
    if (d->overflow)
        return 0;
    if (b == HDLC_ESCAPE) {
        d->escape = true;
        return 0;
    }
    if (d->escape) {
        b ^= 0x20;
        d->escape = false;
    }
    if (d->len >= sizeof(d->frame)) {
        d->overflow = true;
        return 0;
    }
    d->frame[d->len++] = b;
    return 0;
}

static size_t put_escaped(uint8_t *out, uint8_t b) {
    if (b < 0x20 || b == HDLC_FLAG || b == HDLC_ESCAPE || b == 0x7f) {
        out[0] = HDLC_ESCAPE;
        out[1] = b ^ 0x20;
        return 2;
    }
    out[0] = b;
    return 1;
}

size_t hdlc_encode(const uint8_t *p, size_t n, uint8_t *out) {
    assert(p || n == 0);
    assert(out);

    size_t o = 0;
    out[o++] = HDLC_FLAG;
    for (size_t i = 0; i < n; i++)
        o += put_escaped(out + o, p[i]);
    uint16_t fcs = hdlc_fcs(HDLC_FCS_INIT, p, n) ^ 0xffff;
    o += put_escaped(out + o, fcs & 0xff);
    o += put_escaped(out + o, fcs >> 8);
    out[o++] = HDLC_FLAG;
    return o;
}
