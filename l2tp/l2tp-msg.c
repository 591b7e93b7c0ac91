/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "l2tp-msg.h"

static uint16_t get16(const uint8_t *p) {
    return (uint16_t) (p[0] << 8 | p[1]);
}

static void put16(uint8_t *p, uint16_t v) {
    p[0] = v >> 8;
    p[1] = v & 0xff;
}

int l2tp_header_parse(const uint8_t *p, size_t n, L2tpHeader *ret) {
    assert(p || n == 0);
    assert(ret);

    if (n < 6)
        return -EBADMSG;
    uint16_t flags = get16(p);
    if ((flags & L2TP_VER_MASK) != L2TP_VERSION)
        return -EBADMSG;

    L2tpHeader h = { .control = flags & L2TP_FLAG_T };
    size_t off = 2, length = n;
    if (h.control && (flags & (L2TP_FLAG_L | L2TP_FLAG_S | L2TP_FLAG_O)) != (L2TP_FLAG_L | L2TP_FLAG_S))
        return -EBADMSG;
    if (flags & L2TP_FLAG_L) {
        length = get16(p + off);
        off += 2;
        /* the datagram may be padded, never short */
        if (length > n)
            return -EBADMSG;
    }
    if (off + 4 > length)
        return -EBADMSG;
    h.tunnel = get16(p + off);
    h.session = get16(p + off + 2);
    off += 4;
    if (flags & L2TP_FLAG_S) {
        if (off + 4 > length)
            return -EBADMSG;
        h.has_seq = true;
        h.ns = get16(p + off);
        h.nr = get16(p + off + 2);
        off += 4;
    }
    if (flags & L2TP_FLAG_O) {
        if (off + 2 > length)
            return -EBADMSG;
        size_t pad = get16(p + off);
        off += 2;
        if (pad > length - off)
            return -EBADMSG;
        off += pad;
    }
    h.payload = p + off;
    h.payload_len = length - off;
    *ret = h;
    return 0;
}

size_t l2tp_data_header(uint8_t *out, uint16_t tunnel, uint16_t session) {
    assert(out);
    put16(out, L2TP_VERSION);
    put16(out + 2, tunnel);
    put16(out + 4, session);
    return 6;
}

/* ------------------------------------------------------------ building */

void l2tp_build_start(L2tpBuilder *b, uint16_t type, uint16_t tunnel, uint16_t session) {
    assert(b);
    memset(b->buf, 0, L2TP_CTRL_HDR_LEN);
    put16(b->buf, L2TP_FLAG_T | L2TP_FLAG_L | L2TP_FLAG_S | L2TP_VERSION);
    put16(b->buf + 4, tunnel);
    put16(b->buf + 6, session);
    b->len = L2TP_CTRL_HDR_LEN;
    b->overflow = false;
    if (type != L2TP_MSG_ZLB)
        l2tp_build_u16(b, L2TP_AVP_MESSAGE_TYPE, true, type);
}

void l2tp_build_avp(L2tpBuilder *b, uint16_t type, bool mandatory, const void *value, size_t len) {
    assert(b);
    assert(value || len == 0);
    size_t total = L2TP_AVP_HDR_LEN + len;
    if (total > L2TP_AVP_LEN_MAX || b->len + total > sizeof(b->buf)) {
        b->overflow = true;
        return;
    }
    uint8_t *p = b->buf + b->len;
    put16(p, (uint16_t) ((mandatory ? L2TP_AVP_M : 0) | total));
    put16(p + 2, 0);                /* IETF */
    put16(p + 4, type);
    if (len > 0)
        memcpy(p + L2TP_AVP_HDR_LEN, value, len);
    b->len += total;
}

void l2tp_build_u16(L2tpBuilder *b, uint16_t type, bool mandatory, uint16_t v) {
    uint8_t w[2];
    put16(w, v);
    l2tp_build_avp(b, type, mandatory, w, sizeof(w));
}

void l2tp_build_u32(L2tpBuilder *b, uint16_t type, bool mandatory, uint32_t v) {
    uint8_t w[4];
    put16(w, v >> 16);
    put16(w + 2, v & 0xffff);
    l2tp_build_avp(b, type, mandatory, w, sizeof(w));
}

void l2tp_build_string(L2tpBuilder *b, uint16_t type, bool mandatory, const char *s) {
    assert(s);
    l2tp_build_avp(b, type, mandatory, s, strlen(s));
}

void l2tp_build_result(L2tpBuilder *b, uint16_t result, const char *message) {
    uint8_t w[4 + L2TP_TEXT_MAX];
    size_t n = message ? strnlen(message, L2TP_TEXT_MAX) : 0;
    put16(w, result);
    put16(w + 2, 0);
    if (n > 0)
        memcpy(w + 4, message, n);
    /* the error code is optional, but a message needs it in front */
    l2tp_build_avp(b, L2TP_AVP_RESULT_CODE, true, w, n > 0 ? 4 + n : 2);
}

int l2tp_build_finish(L2tpBuilder *b) {
    assert(b);
    if (b->overflow)
        return -EMSGSIZE;
    put16(b->buf + 2, (uint16_t) b->len);
    return (int) b->len;
}

void l2tp_set_seq(uint8_t *msg, uint16_t ns, uint16_t nr) {
    assert(msg);
    put16(msg + 8, ns);
    put16(msg + 10, nr);
}

/* ------------------------------------------------------------- reading */

void l2tp_avp_iter_init(L2tpAvpIter *it, const uint8_t *p, size_t n) {
    assert(it);
    *it = (L2tpAvpIter) { .p = p, .left = n };
}

int l2tp_avp_next(L2tpAvpIter *it, L2tpAvp *ret) {
    assert(it);
    assert(ret);

    if (it->left == 0)
        return 0;
    if (it->left < L2TP_AVP_HDR_LEN)
        return -EBADMSG;
    uint16_t bits = get16(it->p);
    size_t len = bits & L2TP_AVP_LEN;
    if (len < L2TP_AVP_HDR_LEN || len > it->left)
        return -EBADMSG;
    *ret = (L2tpAvp) {
        .mandatory = bits & L2TP_AVP_M,
        .hidden = bits & L2TP_AVP_H,
        .vendor = get16(it->p + 2),
        .type = get16(it->p + 4),
        .value = it->p + L2TP_AVP_HDR_LEN,
        .len = len - L2TP_AVP_HDR_LEN,
    };
    it->p += len;
    it->left -= len;
    return 1;
}

/* Peer text goes into logs: printable ASCII only, truncated. */
static void copy_text(char *dst, const uint8_t *src, size_t n) {
    size_t o = 0;
    for (size_t i = 0; i < n && o < L2TP_TEXT_MAX - 1; i++)
        dst[o++] = src[i] >= 0x20 && src[i] < 0x7f ? (char) src[i] : '?';
    dst[o] = '\0';
}

static int read_u16(const L2tpAvp *a, uint16_t *ret) {
    if (a->len != 2)
        return -EBADMSG;
    *ret = get16(a->value);
    return 0;
}

int l2tp_ctrl_decode(const uint8_t *avps, size_t n, L2tpCtrlMsg *ret) {
    assert(avps || n == 0);
    assert(ret);

    L2tpCtrlMsg m = { .type = L2TP_MSG_ZLB };
    L2tpAvpIter it;
    L2tpAvp a;
    int r;
    bool first = true;

    l2tp_avp_iter_init(&it, avps, n);
    while ((r = l2tp_avp_next(&it, &a)) > 0) {
        if (first) {
            /* a message's first AVP is its type, never hidden */
            if (a.vendor != 0 || a.type != L2TP_AVP_MESSAGE_TYPE || a.hidden || read_u16(&a, &m.type) < 0 ||
                m.type == L2TP_MSG_ZLB)
                return -EBADMSG;
            first = false;
            continue;
        }
        if (a.vendor != 0 || a.hidden) {
            /* vendor AVPs and hidden ones (a secret we do not have) */
            m.unknown_mandatory |= a.mandatory;
            continue;
        }
        switch (a.type) {
        case L2TP_AVP_MESSAGE_TYPE:
            return -EBADMSG;
        case L2TP_AVP_ASSIGNED_TUNNEL:
            if (read_u16(&a, &m.assigned_tunnel) < 0)
                return -EBADMSG;
            m.has_assigned_tunnel = true;
            break;
        case L2TP_AVP_ASSIGNED_SESSION:
            if (read_u16(&a, &m.assigned_session) < 0)
                return -EBADMSG;
            m.has_assigned_session = true;
            break;
        case L2TP_AVP_RESULT_CODE:
            if (a.len < 2 || a.len == 3)
                return -EBADMSG;
            m.result = get16(a.value);
            if (a.len >= 4) {
                m.error = get16(a.value + 2);
                copy_text(m.message, a.value + 4, a.len - 4);
            }
            m.has_result = true;
            break;
        case L2TP_AVP_CHALLENGE:
            if (a.len == 0)
                return -EBADMSG;
            m.has_challenge = true;
            break;
        case L2TP_AVP_HOST_NAME:
            if (a.len == 0)
                return -EBADMSG;
            copy_text(m.host_name, a.value, a.len);
            break;
        case L2TP_AVP_PROTOCOL_VERSION:
        case L2TP_AVP_FRAMING_CAPS:
        case L2TP_AVP_BEARER_CAPS:
        case L2TP_AVP_TIE_BREAKER:
        case L2TP_AVP_FIRMWARE_REVISION:
        case L2TP_AVP_VENDOR_NAME:
        case L2TP_AVP_RECEIVE_WINDOW:
        case L2TP_AVP_Q931_CAUSE:
        case L2TP_AVP_CHALLENGE_RESP:
        case L2TP_AVP_CALL_SERIAL:
        case L2TP_AVP_BEARER_TYPE:
        case L2TP_AVP_FRAMING_TYPE:
        case L2TP_AVP_TX_CONNECT_SPEED:
            break;              /* known, nothing a LAC needs from them */
        default:
            /* RFC 2661 types up to 39 exist; a mandatory one we do not
             * read means we cannot follow the peer */
            m.unknown_mandatory |= a.mandatory;
            break;
        }
    }
    if (r < 0)
        return r;
    *ret = m;
    return 0;
}

const char *l2tp_msg_name(uint16_t type) {
    static const char *const names[] = {
        [L2TP_MSG_ZLB] = "ZLB",         [L2TP_MSG_SCCRQ] = "SCCRQ", [L2TP_MSG_SCCRP] = "SCCRP",
        [L2TP_MSG_SCCCN] = "SCCCN",     [L2TP_MSG_STOPCCN] = "StopCCN", [L2TP_MSG_HELLO] = "HELLO",
        [L2TP_MSG_ICRQ] = "ICRQ",       [L2TP_MSG_ICRP] = "ICRP",   [L2TP_MSG_ICCN] = "ICCN",
        [L2TP_MSG_CDN] = "CDN",         [L2TP_MSG_WEN] = "WEN",     [L2TP_MSG_SLI] = "SLI",
    };
    if (type < sizeof(names) / sizeof(names[0]) && names[type])
        return names[type];
    return "unknown";
}
