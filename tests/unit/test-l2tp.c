/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pppras-l2tp's protocol code: L2TPv2 headers and AVPs (RFC 2661 sections
 * 3 and 4), the control channel's sequence numbers (section 5.8), and PPP's
 * HDLC-like framing on the pty (RFC 1662).  What the LNS sends is hostile
 * input: every malformed form is dropped, never read past its end. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ctrl-channel.h"
#include "hdlc.h"
#include "l2tp-msg.h"
#include "suites.h"

/* ------------------------------------------------------------- messages */

/* An SCCRP as an LNS sends it, AVP by AVP, in network order. */
static const uint8_t sccrp[] = {
    0xc8, 0x02, 0x00, 0x41, 0x12, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01,   /* header: tunnel 0x1234, Ns 0 Nr 1 */
    0x80, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02,                           /* Message Type: SCCRP */
    0x80, 0x08, 0x00, 0x00, 0x00, 0x02, 0x01, 0x00,                           /* Protocol Version 1.0 */
    0x80, 0x0a, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x03,               /* Framing Capabilities */
    0x80, 0x0c, 0x00, 0x00, 0x00, 0x07, 's', 'e', 'r', 'v', 'e', 'r',         /* Host Name "server" */
    0x80, 0x08, 0x00, 0x00, 0x00, 0x09, 0xab, 0xcd,                           /* Assigned Tunnel ID */
    0x00, 0x07, 0x00, 0x00, 0x00, 0x08, 'x',                                  /* Vendor Name "x" */
};

START_TEST(test_a_control_header_and_its_avps_read_back) {
    L2tpHeader h;
    ck_assert_int_eq(l2tp_header_parse(sccrp, sizeof(sccrp), &h), 0);
    ck_assert(h.control);
    ck_assert(h.has_seq);
    ck_assert_uint_eq(h.tunnel, 0x1234);
    ck_assert_uint_eq(h.session, 0);
    ck_assert_uint_eq(h.ns, 0);
    ck_assert_uint_eq(h.nr, 1);
    ck_assert_uint_eq(h.payload_len, sizeof(sccrp) - L2TP_CTRL_HDR_LEN);

    L2tpCtrlMsg m;
    ck_assert_int_eq(l2tp_ctrl_decode(h.payload, h.payload_len, &m), 0);
    ck_assert_uint_eq(m.type, L2TP_MSG_SCCRP);
    ck_assert(m.has_assigned_tunnel);
    ck_assert_uint_eq(m.assigned_tunnel, 0xabcd);
    ck_assert_str_eq(m.host_name, "server");
    ck_assert(!m.has_challenge);
    ck_assert(!m.unknown_mandatory);
}
END_TEST

START_TEST(test_built_messages_decode_to_what_was_put_in) {
    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_STOPCCN, 0x4242, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x0102);
    l2tp_build_result(&b, L2TP_STOPCCN_CLEAR, "bye");
    int len = l2tp_build_finish(&b);
    ck_assert_int_eq(len, L2TP_CTRL_HDR_LEN + 8 + 8 + 6 + 4 + 3);
    l2tp_set_seq(b.buf, 7, 9);

    L2tpHeader h;
    ck_assert_int_eq(l2tp_header_parse(b.buf, (size_t) len, &h), 0);
    ck_assert_uint_eq(h.tunnel, 0x4242);
    ck_assert_uint_eq(h.ns, 7);
    ck_assert_uint_eq(h.nr, 9);
    L2tpCtrlMsg m;
    ck_assert_int_eq(l2tp_ctrl_decode(h.payload, h.payload_len, &m), 0);
    ck_assert_uint_eq(m.type, L2TP_MSG_STOPCCN);
    ck_assert_uint_eq(m.assigned_tunnel, 0x0102);
    ck_assert(m.has_result);
    ck_assert_uint_eq(m.result, L2TP_STOPCCN_CLEAR);
    ck_assert_uint_eq(m.error, 0);
    ck_assert_str_eq(m.message, "bye");

    /* a ZLB: the header alone */
    l2tp_build_start(&b, L2TP_MSG_ZLB, 1, 0);
    ck_assert_int_eq(l2tp_build_finish(&b), L2TP_CTRL_HDR_LEN);
    ck_assert_int_eq(l2tp_header_parse(b.buf, L2TP_CTRL_HDR_LEN, &h), 0);
    ck_assert_int_eq(l2tp_ctrl_decode(h.payload, h.payload_len, &m), 0);
    ck_assert_uint_eq(m.type, L2TP_MSG_ZLB);
}
END_TEST

START_TEST(test_a_message_too_big_to_build_is_refused) {
    L2tpBuilder b;
    static char big[L2TP_AVP_LEN_MAX];
    memset(big, 'a', sizeof(big) - 1);
    l2tp_build_start(&b, L2TP_MSG_HELLO, 1, 0);
    l2tp_build_string(&b, L2TP_AVP_HOST_NAME, true, big);     /* longer than an AVP can say */
    ck_assert_int_eq(l2tp_build_finish(&b), -EMSGSIZE);
}
END_TEST

START_TEST(test_data_messages_with_and_without_optional_fields) {
    uint8_t d[16];
    size_t n = l2tp_data_header(d, 0x0a0b, 0x0c0d);
    d[n++] = 0xff;
    d[n++] = 0x03;
    L2tpHeader h;
    ck_assert_int_eq(l2tp_header_parse(d, n, &h), 0);
    ck_assert(!h.control);
    ck_assert_uint_eq(h.tunnel, 0x0a0b);
    ck_assert_uint_eq(h.session, 0x0c0d);
    ck_assert_uint_eq(h.payload_len, 2);
    ck_assert_uint_eq(h.payload[0], 0xff);

    /* length, sequence and an offset pad, as the kernel's L2TP may send */
    const uint8_t full[] = { 0x4a, 0x02, 0x00, 0x10, 0x00, 0x01, 0x00, 0x02, 0x00, 0x05, 0x00, 0x00,
                             0x00, 0x01, 0xee, 0x21, 0x99, 0x99 };            /* 2 bytes past Length: padding */
    ck_assert_int_eq(l2tp_header_parse(full, sizeof(full), &h), 0);
    ck_assert(h.has_seq);
    ck_assert_uint_eq(h.ns, 5);
    ck_assert_uint_eq(h.payload_len, 1);
    ck_assert_uint_eq(h.payload[0], 0x21);
}
END_TEST

START_TEST(test_malformed_headers_are_refused) {
    L2tpHeader h;
    uint8_t m[sizeof(sccrp)];

    for (size_t n = 0; n < L2TP_CTRL_HDR_LEN; n++)
        ck_assert_int_eq(l2tp_header_parse(sccrp, n, &h), -EBADMSG);
    /* Length beyond the datagram */
    memcpy(m, sccrp, sizeof(m));
    m[3] = sizeof(sccrp) + 1;
    ck_assert_int_eq(l2tp_header_parse(m, sizeof(m), &h), -EBADMSG);
    /* Length shorter than the header */
    m[3] = 8;
    ck_assert_int_eq(l2tp_header_parse(m, sizeof(m), &h), -EBADMSG);
    /* L2TPv3, L2F */
    memcpy(m, sccrp, sizeof(m));
    m[1] = 0x03;
    ck_assert_int_eq(l2tp_header_parse(m, sizeof(m), &h), -EBADMSG);
    m[1] = 0x01;
    ck_assert_int_eq(l2tp_header_parse(m, sizeof(m), &h), -EBADMSG);
    /* a control message without sequence numbers, or with an offset */
    memcpy(m, sccrp, sizeof(m));
    m[0] = 0xc0;
    ck_assert_int_eq(l2tp_header_parse(m, sizeof(m), &h), -EBADMSG);
    m[0] = 0xca;
    ck_assert_int_eq(l2tp_header_parse(m, sizeof(m), &h), -EBADMSG);
    /* a data message whose offset pad runs past the end */
    const uint8_t pad[] = { 0x02, 0x02, 0x00, 0x01, 0x00, 0x02, 0xff, 0xff, 0x00 };
    ck_assert_int_eq(l2tp_header_parse(pad, sizeof(pad), &h), -EBADMSG);
}
END_TEST

START_TEST(test_malformed_avps_are_refused) {
    L2tpCtrlMsg m;
    const uint8_t *avps = sccrp + L2TP_CTRL_HDR_LEN;
    size_t n = sizeof(sccrp) - L2TP_CTRL_HDR_LEN;
    uint8_t a[sizeof(sccrp)];

    /* cut anywhere inside an AVP */
    for (size_t cut = 1; cut < n; cut++) {
        int r = l2tp_ctrl_decode(avps, cut, &m);
        ck_assert(r == 0 || r == -EBADMSG);
    }
    ck_assert_int_eq(l2tp_ctrl_decode(avps, 7, &m), -EBADMSG);
    ck_assert_int_eq(l2tp_ctrl_decode(avps, 5, &m), -EBADMSG);

    /* an AVP length shorter than its own header, and one past the end */
    memcpy(a, avps, n);
    a[8 + 1] = 0x05;
    ck_assert_int_eq(l2tp_ctrl_decode(a, n, &m), -EBADMSG);
    memcpy(a, avps, n);
    a[n - 7 + 1] = 0x08;
    ck_assert_int_eq(l2tp_ctrl_decode(a, n, &m), -EBADMSG);
    /* a length of 0 would loop forever if taken */
    memcpy(a, avps, n);
    a[8] = 0x80;
    a[8 + 1] = 0x00;
    ck_assert_int_eq(l2tp_ctrl_decode(a, n, &m), -EBADMSG);

    /* the first AVP must be the Message Type, and only the first */
    ck_assert_int_eq(l2tp_ctrl_decode(avps + 8, n - 8, &m), -EBADMSG);
    const uint8_t twice[] = { 0x80, 0x08, 0, 0, 0, 0, 0, 6, 0x80, 0x08, 0, 0, 0, 0, 0, 4 };
    ck_assert_int_eq(l2tp_ctrl_decode(twice, sizeof(twice), &m), -EBADMSG);
    /* a hidden Message Type */
    const uint8_t hidden[] = { 0xc0, 0x08, 0, 0, 0, 0, 0, 6 };
    ck_assert_int_eq(l2tp_ctrl_decode(hidden, sizeof(hidden), &m), -EBADMSG);
    /* known AVPs of the wrong size */
    const uint8_t tid3[] = { 0x80, 0x08, 0, 0, 0, 0, 0, 2, 0x80, 0x09, 0, 0, 0, 9, 1, 2, 3 };
    ck_assert_int_eq(l2tp_ctrl_decode(tid3, sizeof(tid3), &m), -EBADMSG);
    const uint8_t result3[] = { 0x80, 0x08, 0, 0, 0, 0, 0, 4, 0x80, 0x09, 0, 0, 0, 1, 0, 1, 0 };
    ck_assert_int_eq(l2tp_ctrl_decode(result3, sizeof(result3), &m), -EBADMSG);
}
END_TEST

START_TEST(test_unknown_and_hidden_avps_are_flagged_only_when_mandatory) {
    L2tpCtrlMsg m;
    const uint8_t optional[] = { 0x80, 0x08, 0, 0, 0, 0, 0, 6,          /* HELLO */
                                 0x00, 0x08, 0, 0, 0, 99, 1, 2,          /* type 99, not mandatory */
                                 0x00, 0x08, 0x01, 0x37, 0, 1, 1, 2,     /* a vendor's, not mandatory */
                                 0x40, 0x08, 0, 0, 0, 9, 1, 2 };         /* hidden, not mandatory */
    ck_assert_int_eq(l2tp_ctrl_decode(optional, sizeof(optional), &m), 0);
    ck_assert_uint_eq(m.type, L2TP_MSG_HELLO);
    ck_assert(!m.unknown_mandatory);
    ck_assert(!m.has_assigned_tunnel);      /* a hidden value is never read as plain */

    const uint8_t mandatory[] = { 0x80, 0x08, 0, 0, 0, 0, 0, 6, 0x80, 0x08, 0, 0, 0, 99, 1, 2 };
    ck_assert_int_eq(l2tp_ctrl_decode(mandatory, sizeof(mandatory), &m), 0);
    ck_assert(m.unknown_mandatory);
    const uint8_t hidden[] = { 0x80, 0x08, 0, 0, 0, 0, 0, 2, 0xc0, 0x08, 0, 0, 0, 9, 1, 2 };
    ck_assert_int_eq(l2tp_ctrl_decode(hidden, sizeof(hidden), &m), 0);
    ck_assert(m.unknown_mandatory);
}
END_TEST

START_TEST(test_peer_text_is_truncated_and_made_printable) {
    uint8_t msg[8 + 6 + 4 + 300];
    const uint8_t type[] = { 0x80, 0x08, 0, 0, 0, 0, 0, L2TP_MSG_CDN };
    memcpy(msg, type, sizeof(type));
    size_t len = 6 + 4 + 300;
    uint8_t *a = msg + 8;
    a[0] = 0x80 | (uint8_t) (len >> 8);
    a[1] = len & 0xff;
    a[2] = a[3] = a[4] = 0;
    a[5] = L2TP_AVP_RESULT_CODE;
    a[6] = 0, a[7] = 2, a[8] = 0, a[9] = 6;
    memset(a + 10, 'x', 300);
    a[10] = '\n';
    a[11] = 0x1b;
    a[12] = 0xff;
    L2tpCtrlMsg m;
    ck_assert_int_eq(l2tp_ctrl_decode(msg, sizeof(msg), &m), 0);
    ck_assert_uint_eq(m.result, 2);
    ck_assert_uint_eq(m.error, 6);
    ck_assert_uint_eq(strlen(m.message), L2TP_TEXT_MAX - 1);
    ck_assert(strncmp(m.message, "???xxx", 6) == 0);
}
END_TEST

/* Random datagrams, and the SCCRP with random bytes changed: every one is
 * read or refused, none read past its end (the sanitizer build checks). */
START_TEST(test_random_datagrams_are_read_or_refused) {
    uint32_t x = 2661;
    uint8_t d[160];
    for (int round = 0; round < 20000; round++) {
        size_t n;
        if (round % 2 == 0) {
            n = sizeof(sccrp);
            memcpy(d, sccrp, n);
            for (int k = 0; k < 3; k++) {
                x = x * 1103515245u + 12345u;
                d[(x >> 8) % n] = (uint8_t) (x >> 20);
            }
        } else {
            x = x * 1103515245u + 12345u;
            n = (x >> 16) % sizeof(d);
            for (size_t i = 0; i < n; i++) {
                x = x * 1103515245u + 12345u;
                d[i] = (uint8_t) (x >> 16);
            }
        }
        uint8_t *copy = malloc(n ? n : 1);   /* exact size: an overread is the sanitizer's */
        memcpy(copy, d, n);
        L2tpHeader h;
        int r = l2tp_header_parse(copy, n, &h);
        ck_assert(r == 0 || r == -EBADMSG);
        if (r == 0) {
            ck_assert(h.payload >= copy && h.payload + h.payload_len <= copy + n);
            L2tpCtrlMsg m;
            r = l2tp_ctrl_decode(h.payload, h.payload_len, &m);
            ck_assert(r == 0 || r == -EBADMSG);
            if (r == 0)
                ck_assert_uint_lt(strlen(m.message), L2TP_TEXT_MAX);
        }
        free(copy);
    }
}
END_TEST

/* ----------------------------------------------------------------- HDLC */

static size_t decode_all(HdlcDecoder *d, const uint8_t *in, size_t n, uint8_t *out, size_t *ret_len, int *bad) {
    size_t frames = 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *f;
        size_t len;
        int r = hdlc_decode_byte(d, in[i], &f, &len);
        if (r == 1) {
            memcpy(out, f, len);
            *ret_len = len;
            frames++;
        } else if (r < 0)
            (*bad)++;
    }
    return frames;
}

START_TEST(test_fcs_of_the_rfc_1662_check_sequence) {
    /* a frame followed by its FCS (least significant byte first) checks good */
    const uint8_t frame[] = { 0xff, 0x03, 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04 };
    uint16_t fcs = hdlc_fcs(HDLC_FCS_INIT, frame, sizeof(frame)) ^ 0xffff;
    uint8_t with[sizeof(frame) + 2];
    memcpy(with, frame, sizeof(frame));
    with[sizeof(frame)] = fcs & 0xff;
    with[sizeof(frame) + 1] = fcs >> 8;
    ck_assert_uint_eq(hdlc_fcs(HDLC_FCS_INIT, with, sizeof(with)), HDLC_FCS_GOOD);
    /* "123456789": the CRC-16/X-25 check value */
    ck_assert_uint_eq(hdlc_fcs(HDLC_FCS_INIT, (const uint8_t *) "123456789", 9) ^ 0xffff, 0x906e);
}
END_TEST

START_TEST(test_frames_round_trip_with_every_byte_value) {
    uint8_t frame[256 + 2], enc[HDLC_ENCODED_MAX(sizeof(frame))], out[HDLC_FRAME_MAX];
    frame[0] = 0xff;
    frame[1] = 0x03;
    for (int i = 0; i < 256; i++)
        frame[2 + i] = (uint8_t) i;
    size_t n = hdlc_encode(frame, sizeof(frame), enc);
    ck_assert_uint_le(n, sizeof(enc));
    ck_assert_uint_eq(enc[0], HDLC_FLAG);
    ck_assert_uint_eq(enc[n - 1], HDLC_FLAG);
    /* no control character, flag or escape between the flags */
    for (size_t i = 1; i < n - 1; i++) {
        ck_assert_uint_ne(enc[i], HDLC_FLAG);
        if (enc[i] == HDLC_ESCAPE)
            i++;
        else
            ck_assert_uint_ge(enc[i], 0x20);
    }
    HdlcDecoder d;
    hdlc_decoder_init(&d);
    size_t len = 0;
    int bad = 0;
    ck_assert_uint_eq(decode_all(&d, enc, n, out, &len, &bad), 1);
    ck_assert_int_eq(bad, 0);
    ck_assert_uint_eq(len, sizeof(frame));
    ck_assert(memcmp(out, frame, len) == 0);
}
END_TEST

START_TEST(test_bad_frames_are_dropped_and_the_next_one_is_read) {
    const uint8_t frame[] = { 0xc0, 0x21, 0x09, 0x01, 0x00, 0x08, 1, 2, 3, 4 };
    uint8_t enc[HDLC_ENCODED_MAX(sizeof(frame))], stream[4 * sizeof(enc) + 16], out[HDLC_FRAME_MAX];
    size_t n = hdlc_encode(frame, sizeof(frame), enc), s = 0;

    memcpy(stream + s, enc, n);         /* a frame with a flipped bit: bad FCS */
    stream[s + 3] ^= 0x01;
    s += n;
    stream[s++] = 0x41;                 /* two bytes: too short for a frame */
    stream[s++] = 0x42;
    stream[s++] = HDLC_FLAG;
    stream[s++] = 0x41;                 /* an escape right before the flag */
    stream[s++] = HDLC_ESCAPE;
    stream[s++] = HDLC_FLAG;
    memcpy(stream + s, enc, n);         /* then a good one */
    s += n;

    HdlcDecoder d;
    hdlc_decoder_init(&d);
    size_t len = 0;
    int bad = 0;
    ck_assert_uint_eq(decode_all(&d, stream, s, out, &len, &bad), 1);
    ck_assert_int_eq(bad, 3);
    ck_assert_uint_eq(len, sizeof(frame));
    ck_assert(memcmp(out, frame, len) == 0);
}
END_TEST

START_TEST(test_an_endless_frame_is_dropped_without_overflowing) {
    HdlcDecoder d;
    hdlc_decoder_init(&d);
    const uint8_t *f;
    size_t len;
    for (size_t i = 0; i < 3 * HDLC_FRAME_MAX; i++)
        ck_assert_int_eq(hdlc_decode_byte(&d, 0x55, &f, &len), 0);
    ck_assert_int_eq(hdlc_decode_byte(&d, HDLC_FLAG, &f, &len), -EBADMSG);
    /* and the decoder is fresh again */
    const uint8_t ok[] = { 0x80, 0x21, 0x01 };
    uint8_t enc[HDLC_ENCODED_MAX(sizeof(ok))], out[HDLC_FRAME_MAX];
    size_t n = hdlc_encode(ok, sizeof(ok), enc);
    int bad = 0;
    ck_assert_uint_eq(decode_all(&d, enc, n, out, &len, &bad), 1);
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* ------------------------------------------------------- control channel */

static size_t build(L2tpBuilder *b, uint16_t type) {
    l2tp_build_start(b, type, 1, 0);
    return (size_t) l2tp_build_finish(b);
}

static uint16_t msg_ns(const uint8_t *m) {
    return (uint16_t) (m[8] << 8 | m[9]);
}

static uint16_t msg_nr(const uint8_t *m) {
    return (uint16_t) (m[10] << 8 | m[11]);
}

START_TEST(test_messages_take_consecutive_ns_and_carry_the_current_nr) {
    CtrlChannel c;
    L2tpBuilder b;
    const uint8_t *sent;
    ctrl_init(&c, 1000, 8000, 5);
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_SCCRQ), 0, &sent), 0);
    ck_assert_uint_eq(msg_ns(sent), 0);
    ck_assert_uint_eq(msg_nr(sent), 0);
    ck_assert_int_eq(ctrl_receive(&c, 0, false), CTRL_TAKE);
    ck_assert(c.ack_due);
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_SCCCN), 0, &sent), 0);
    ck_assert_uint_eq(msg_ns(sent), 1);
    ck_assert_uint_eq(msg_nr(sent), 1);
    ck_assert(!c.ack_due);              /* the message carried the acknowledgement */
    ck_assert_uint_eq(c.n_queued, 2);
    /* ZLBs are never queued */
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_ZLB), 0, &sent), -EINVAL);
}
END_TEST

START_TEST(test_nr_acknowledges_only_what_was_sent) {
    CtrlChannel c;
    L2tpBuilder b;
    const uint8_t *sent;
    ctrl_init(&c, 1000, 8000, 5);
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_HELLO), 0, &sent), 0);
    ck_assert_uint_eq(ctrl_ack(&c, 0), 0);      /* acknowledges nothing */
    ck_assert_uint_eq(ctrl_ack(&c, 9), 0);      /* beyond what we sent: ignored */
    ck_assert_uint_eq(ctrl_ack(&c, 0x8000), 0);
    ck_assert_uint_eq(c.n_queued, 3);
    ck_assert_uint_eq(ctrl_ack(&c, 2), 2);
    ck_assert_uint_eq(c.n_queued, 1);
    ck_assert_uint_eq(c.queued[0].ns, 2);
    ck_assert_uint_eq(ctrl_ack(&c, 2), 0);      /* again: nothing more */
    ck_assert_uint_eq(ctrl_ack(&c, 3), 1);
    ck_assert_uint_eq(c.n_queued, 0);
    ck_assert_uint_eq(ctrl_next_due(&c), UINT64_MAX);
}
END_TEST

START_TEST(test_sequence_numbers_wrap) {
    CtrlChannel c;
    L2tpBuilder b;
    const uint8_t *sent;
    ctrl_init(&c, 1000, 8000, 5);
    c.ns = 0xffff;
    c.nr = 0xffff;
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_HELLO), 0, &sent), 0);
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_HELLO), 0, &sent), 0);
    ck_assert_uint_eq(msg_ns(sent), 0);
    ck_assert_uint_eq(ctrl_ack(&c, 1), 2);
    ck_assert_int_eq(ctrl_receive(&c, 0xffff, false), CTRL_TAKE);
    ck_assert_uint_eq(c.nr, 0);
    ck_assert_int_eq(ctrl_receive(&c, 0xffff, false), CTRL_DUPLICATE);
    ck_assert_int_eq(ctrl_receive(&c, 0, false), CTRL_TAKE);
    ck_assert(seq_before(0xfff0, 0x0010));
    ck_assert(!seq_before(0x0010, 0xfff0));
}
END_TEST

START_TEST(test_received_messages_are_taken_in_order_only) {
    CtrlChannel c;
    ctrl_init(&c, 1000, 8000, 5);
    ck_assert_int_eq(ctrl_receive(&c, 1, false), CTRL_AHEAD);     /* a gap: the peer resends */
    ck_assert(!c.ack_due);
    ck_assert_int_eq(ctrl_receive(&c, 0, false), CTRL_TAKE);
    ck_assert_int_eq(ctrl_receive(&c, 0, false), CTRL_DUPLICATE); /* our ack was lost */
    ck_assert(c.ack_due);
    ck_assert_int_eq(ctrl_receive(&c, 1, false), CTRL_TAKE);
    ck_assert_int_eq(ctrl_receive(&c, 0x9000, false), CTRL_DUPLICATE);  /* far behind */
    c.ack_due = false;
    /* a ZLB's Ns is our next expected one, taking nothing and owing no ack */
    ck_assert_int_eq(ctrl_receive(&c, 2, true), CTRL_DUPLICATE);
    ck_assert_uint_eq(c.nr, 2);
    ck_assert(!c.ack_due);

    L2tpBuilder b;
    ctrl_build_zlb(&c, &b, 77);
    ck_assert_uint_eq(b.len, L2TP_CTRL_HDR_LEN);
    ck_assert_uint_eq(msg_ns(b.buf), c.ns);
    ck_assert_uint_eq(msg_nr(b.buf), 2);
}
END_TEST

START_TEST(test_resends_back_off_then_time_out) {
    CtrlChannel c;
    L2tpBuilder b;
    const uint8_t *sent;
    size_t len;
    ctrl_init(&c, 1000, 4000, 4);
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_SCCRQ), 0, &sent), 0);
    ck_assert_uint_eq(ctrl_next_due(&c), 1000);
    ck_assert_int_eq(ctrl_resend(&c, 999, &sent, &len), 0);
    ck_assert_int_eq(ctrl_resend(&c, 1000, &sent, &len), 1);    /* second send */
    ck_assert_uint_eq(msg_ns(sent), 0);
    ck_assert_uint_eq(ctrl_next_due(&c), 1000 + 2000);
    ck_assert_int_eq(ctrl_receive(&c, 0, false), CTRL_TAKE);     /* Nr moves meanwhile */
    ck_assert_int_eq(ctrl_resend(&c, 3000, &sent, &len), 1);    /* third, with the new Nr */
    ck_assert_uint_eq(msg_nr(sent), 1);
    ck_assert_uint_eq(ctrl_next_due(&c), 3000 + 4000);          /* capped */
    ck_assert_int_eq(ctrl_resend(&c, 7000, &sent, &len), 1);    /* fourth */
    ck_assert_uint_eq(ctrl_next_due(&c), 7000 + 4000);
    ck_assert_int_eq(ctrl_resend(&c, 11000, &sent, &len), -ETIMEDOUT);
}
END_TEST

START_TEST(test_a_full_window_refuses_more) {
    CtrlChannel c;
    L2tpBuilder b;
    const uint8_t *sent;
    ctrl_init(&c, 1000, 8000, 5);
    for (int i = 0; i < CTRL_WINDOW; i++)
        ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_HELLO), 0, &sent), 0);
    ck_assert_int_eq(ctrl_queue(&c, b.buf, build(&b, L2TP_MSG_HELLO), 0, &sent), -ENOBUFS);
}
END_TEST

Suite *l2tp_suite(void) {
    Suite *s = suite_create("l2tp");
    TCase *tc = tcase_create("messages");
    tcase_add_test(tc, test_a_control_header_and_its_avps_read_back);
    tcase_add_test(tc, test_built_messages_decode_to_what_was_put_in);
    tcase_add_test(tc, test_a_message_too_big_to_build_is_refused);
    tcase_add_test(tc, test_data_messages_with_and_without_optional_fields);
    tcase_add_test(tc, test_malformed_headers_are_refused);
    tcase_add_test(tc, test_malformed_avps_are_refused);
    tcase_add_test(tc, test_unknown_and_hidden_avps_are_flagged_only_when_mandatory);
    tcase_add_test(tc, test_peer_text_is_truncated_and_made_printable);
    tcase_add_test(tc, test_random_datagrams_are_read_or_refused);
    suite_add_tcase(s, tc);
    tc = tcase_create("hdlc");
    tcase_add_test(tc, test_fcs_of_the_rfc_1662_check_sequence);
    tcase_add_test(tc, test_frames_round_trip_with_every_byte_value);
    tcase_add_test(tc, test_bad_frames_are_dropped_and_the_next_one_is_read);
    tcase_add_test(tc, test_an_endless_frame_is_dropped_without_overflowing);
    suite_add_tcase(s, tc);
    tc = tcase_create("control_channel");
    tcase_add_test(tc, test_messages_take_consecutive_ns_and_carry_the_current_nr);
    tcase_add_test(tc, test_nr_acknowledges_only_what_was_sent);
    tcase_add_test(tc, test_sequence_numbers_wrap);
    tcase_add_test(tc, test_received_messages_are_taken_in_order_only);
    tcase_add_test(tc, test_resends_back_off_then_time_out);
    tcase_add_test(tc, test_a_full_window_refuses_more);
    suite_add_tcase(s, tc);
    return s;
}
