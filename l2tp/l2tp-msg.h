/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* L2TPv2 (RFC 2661) messages: the header, control messages built AVP by
 * AVP, and control messages read back.  Everything read comes from the
 * network: lengths are checked against the datagram before any byte is
 * used, and nothing is allocated. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define L2TP_PORT          1701
#define L2TP_CTRL_HDR_LEN  12       /* flags, length, tunnel, session, Ns, Nr */
#define L2TP_CTRL_MAX      1024     /* what we build; ours are far smaller */
#define L2TP_AVP_HDR_LEN   6
#define L2TP_AVP_LEN_MAX   1023     /* the 10-bit length field */

#define L2TP_FLAG_T   0x8000        /* control message */
#define L2TP_FLAG_L   0x4000        /* length present */
#define L2TP_FLAG_S   0x0800        /* Ns and Nr present */
#define L2TP_FLAG_O   0x0200        /* offset size present */
#define L2TP_FLAG_P   0x0100        /* priority */
#define L2TP_VER_MASK 0x000f
#define L2TP_VERSION  2

#define L2TP_AVP_M    0x8000
#define L2TP_AVP_H    0x4000
#define L2TP_AVP_LEN  0x03ff

enum {
    L2TP_MSG_ZLB     = 0,           /* no Message Type: an acknowledgement only */
    L2TP_MSG_SCCRQ   = 1,
    L2TP_MSG_SCCRP   = 2,
    L2TP_MSG_SCCCN   = 3,
    L2TP_MSG_STOPCCN = 4,
    L2TP_MSG_HELLO   = 6,
    L2TP_MSG_ICRQ    = 10,
    L2TP_MSG_ICRP    = 11,
    L2TP_MSG_ICCN    = 12,
    L2TP_MSG_CDN     = 14,
    L2TP_MSG_WEN     = 15,
    L2TP_MSG_SLI     = 16,
};

enum {
    L2TP_AVP_MESSAGE_TYPE      = 0,
    L2TP_AVP_RESULT_CODE       = 1,
    L2TP_AVP_PROTOCOL_VERSION  = 2,
    L2TP_AVP_FRAMING_CAPS      = 3,
    L2TP_AVP_BEARER_CAPS       = 4,
    L2TP_AVP_TIE_BREAKER       = 5,
    L2TP_AVP_FIRMWARE_REVISION = 6,
    L2TP_AVP_HOST_NAME         = 7,
    L2TP_AVP_VENDOR_NAME       = 8,
    L2TP_AVP_ASSIGNED_TUNNEL   = 9,
    L2TP_AVP_RECEIVE_WINDOW    = 10,
    L2TP_AVP_CHALLENGE         = 11,
    L2TP_AVP_Q931_CAUSE        = 12,
    L2TP_AVP_CHALLENGE_RESP    = 13,
    L2TP_AVP_ASSIGNED_SESSION  = 14,
    L2TP_AVP_CALL_SERIAL       = 15,
    L2TP_AVP_BEARER_TYPE       = 18,
    L2TP_AVP_FRAMING_TYPE      = 19,
    L2TP_AVP_TX_CONNECT_SPEED  = 24,
};

#define L2TP_FRAMING_SYNC  1u
#define L2TP_FRAMING_ASYNC 2u

/* StopCCN and CDN result codes we send */
#define L2TP_STOPCCN_CLEAR 1        /* general request to clear the control connection */
#define L2TP_STOPCCN_ERROR 2        /* general error */
#define L2TP_CDN_ADMIN     3        /* session disconnected for administrative reasons */

/* The header of any L2TPv2 message. */
typedef struct L2tpHeader {
    bool control;
    bool has_seq;
    uint16_t tunnel, session;
    uint16_t ns, nr;
    const uint8_t *payload;         /* AVPs of a control message, the PPP frame of a data one */
    size_t payload_len;
} L2tpHeader;

/* Reads the header of the datagram p[0..n).  0, or -EBADMSG for anything
 * that is no well-formed L2TPv2 message (control messages must carry
 * length and sequence numbers, no offset). */
int l2tp_header_parse(const uint8_t *p, size_t n, L2tpHeader *ret);

/* The 6-byte data header (no length, no sequence numbers) into out. */
size_t l2tp_data_header(uint8_t *out, uint16_t tunnel, uint16_t session);

/* A control message being built: header first, Ns and Nr left for the
 * control channel to fill in when it sends. */
typedef struct L2tpBuilder {
    uint8_t buf[L2TP_CTRL_MAX];
    size_t len;
    bool overflow;
} L2tpBuilder;

/* Starts message type (0: a ZLB, no AVP at all) to tunnel/session. */
void l2tp_build_start(L2tpBuilder *b, uint16_t type, uint16_t tunnel, uint16_t session);
void l2tp_build_avp(L2tpBuilder *b, uint16_t type, bool mandatory, const void *value, size_t len);
void l2tp_build_u16(L2tpBuilder *b, uint16_t type, bool mandatory, uint16_t v);
void l2tp_build_u32(L2tpBuilder *b, uint16_t type, bool mandatory, uint32_t v);
void l2tp_build_string(L2tpBuilder *b, uint16_t type, bool mandatory, const char *s);
void l2tp_build_result(L2tpBuilder *b, uint16_t result, const char *message);
/* Writes the length into the header: the message's size, or -EMSGSIZE. */
int l2tp_build_finish(L2tpBuilder *b);

/* Sets Ns and Nr of a built control message. */
void l2tp_set_seq(uint8_t *msg, uint16_t ns, uint16_t nr);

/* One AVP as read. */
typedef struct L2tpAvp {
    bool mandatory, hidden;
    uint16_t vendor, type;
    const uint8_t *value;
    size_t len;
} L2tpAvp;

/* Walks AVPs: 1 with *ret filled, 0 at the end, -EBADMSG when an AVP's
 * length runs past the message or is shorter than its own header. */
typedef struct L2tpAvpIter {
    const uint8_t *p;
    size_t left;
} L2tpAvpIter;
void l2tp_avp_iter_init(L2tpAvpIter *it, const uint8_t *p, size_t n);
int l2tp_avp_next(L2tpAvpIter *it, L2tpAvp *ret);

#define L2TP_TEXT_MAX 128

/* What a control message says, in so far as a LAC cares. */
typedef struct L2tpCtrlMsg {
    uint16_t type;                  /* L2TP_MSG_ZLB for no AVPs */
    bool has_assigned_tunnel, has_assigned_session, has_result, has_challenge;
    uint16_t assigned_tunnel, assigned_session;
    uint16_t result, error;
    char message[L2TP_TEXT_MAX];    /* the result's text, printable ASCII only */
    char host_name[L2TP_TEXT_MAX];
    bool unknown_mandatory;         /* an AVP we cannot read that the peer marked mandatory */
} L2tpCtrlMsg;

/* Decodes the AVPs of a control message.  0, or -EBADMSG when the first
 * AVP is no Message Type, an AVP is malformed or a known one has the
 * wrong length. */
int l2tp_ctrl_decode(const uint8_t *avps, size_t n, L2tpCtrlMsg *ret);

const char *l2tp_msg_name(uint16_t type);
