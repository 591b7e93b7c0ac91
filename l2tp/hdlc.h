/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* PPP in HDLC-like framing (RFC 1662) on pppd's pty: 0x7e between frames,
 * 0x7d escapes, a 16-bit FCS at the end of each frame. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HDLC_FLAG      0x7e
#define HDLC_ESCAPE    0x7d
#define HDLC_FCS_INIT  0xffff
#define HDLC_FCS_GOOD  0xf0b8
#define HDLC_FRAME_MAX 4096         /* pppd's MRU tops out at 16384, ours far below */
/* The worst case of hdlc_encode(): every byte and the FCS escaped, two flags. */
#define HDLC_ENCODED_MAX(n) (2 * ((n) + 2) + 2)

uint16_t hdlc_fcs(uint16_t fcs, const uint8_t *p, size_t n);

typedef struct HdlcDecoder {
    uint8_t frame[HDLC_FRAME_MAX + 2];  /* + FCS */
    size_t len;
    bool escape, overflow;
} HdlcDecoder;

void hdlc_decoder_init(HdlcDecoder *d);

/* Feeds one byte from the pty.  1: a good frame ends here, *ret_frame and
 * *ret_len give it without FCS (valid until the next call); 0: nothing yet;
 * -EBADMSG: a frame ended that was too short, too long or failed its FCS,
 * and was dropped. */
int hdlc_decode_byte(HdlcDecoder *d, uint8_t b, const uint8_t **ret_frame, size_t *ret_len);

/* Frames p[0..n) into out (HDLC_ENCODED_MAX(n) bytes), escaping every
 * control character: no ACCM to track.  Returns the framed length. */
size_t hdlc_encode(const uint8_t *p, size_t n, uint8_t *out);
