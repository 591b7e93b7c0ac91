/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/errqueue.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "ctrl-channel.h"
#include "hdlc.h"
#include "l2tp-msg.h"
#include "lac.h"

#define CLOSE_WAIT_MS   3000        /* how long a StopCCN waits for its acknowledgement */
#define DATAGRAM_MAX    (HDLC_FRAME_MAX + 64)
#define RECEIVE_WINDOW  4           /* we take messages only in order: a small window is honest */
#define CONNECT_SPEED   100000000u  /* what ICCN reports; a virtual call has none of its own */

typedef enum LacState {
    STATE_WAIT_SCCRP,
    STATE_WAIT_ICRP,
    STATE_ESTABLISHED,
    STATE_CLOSING,
    STATE_DONE,
} LacState;

typedef struct Lac {
    const LacOptions *o;
    int sock, sigfd;
    LacState state;
    LacEnd end;
    uint16_t tid, peer_tid, sid, peer_sid;
    uint32_t serial;
    CtrlChannel ctrl;
    HdlcDecoder dec;
    uint64_t last_rx_ms, close_deadline_ms;
    bool pty_gone;
} Lac;

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void say(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("pppras-l2tp: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

#define debug(l, ...) do { if ((l)->o->debug) say(__VA_ARGS__); } while (0)

static uint64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000 + (uint64_t) ts.tv_nsec / 1000000;
}

static uint16_t random_id(void) {
    uint16_t v = 0;
    while (v == 0)
        if (getrandom(&v, sizeof(v), 0) != sizeof(v))
            v = (uint16_t) (getpid() ^ now_ms());
    return v;
}

static bool is_unreachable(int err) {
    return err == ECONNREFUSED || err == EHOSTUNREACH || err == ENETUNREACH || err == EHOSTDOWN ||
           err == ENETDOWN || err == EADDRNOTAVAIL;
}

/* The network says no LNS answers there: the end of a tunnel being set
 * up or closed.  An established one rides out a passing error: HELLO and
 * the retransmissions tell when the LNS is really gone. */
static void network_failed(Lac *l, int err) {
    if (l->state == STATE_ESTABLISHED) {
        debug(l, "%s port %s: %s", l->o->host, l->o->port, strerror(err));
        return;
    }
    say("%s port %s: %s", l->o->host, l->o->port, strerror(err));
    if (l->state < STATE_ESTABLISHED)
        l->end = LAC_END_NO_ANSWER;
    l->state = STATE_DONE;
}

static void send_raw(Lac *l, const uint8_t *p, size_t n) {
    if (send(l->sock, p, n, MSG_NOSIGNAL) >= 0 || errno == EAGAIN || errno == EINTR || errno == ENOBUFS)
        return;
    if (is_unreachable(errno))
        network_failed(l, errno);
    else
        say("send: %s", strerror(errno));
}

static void send_ctrl(Lac *l, L2tpBuilder *b) {
    const uint8_t *msg;
    int len = l2tp_build_finish(b);
    if (len < 0 || ctrl_queue(&l->ctrl, b->buf, (size_t) len, now_ms(), &msg) < 0) {
        say("cannot queue a control message");
        l->end = LAC_END_ERROR;
        l->state = STATE_DONE;
        return;
    }
    debug(l, "sent %s Ns=%u", l2tp_msg_name((uint16_t) (b->buf[L2TP_CTRL_HDR_LEN + 6] << 8 |
                                                         b->buf[L2TP_CTRL_HDR_LEN + 7])),
          (unsigned) l->ctrl.ns - 1);
    send_raw(l, msg, (size_t) len);
}

static void send_zlb(Lac *l) {
    L2tpBuilder b;
    ctrl_build_zlb(&l->ctrl, &b, l->peer_tid);
    send_raw(l, b.buf, b.len);
}

static void send_sccrq(Lac *l) {
    L2tpBuilder b;
    char host[64] = "";
    if (gethostname(host, sizeof(host) - 1) < 0 || host[0] == '\0')
        snprintf(host, sizeof(host), "pppras");
    l2tp_build_start(&b, L2TP_MSG_SCCRQ, 0, 0);
    l2tp_build_u16(&b, L2TP_AVP_PROTOCOL_VERSION, true, 0x0100);      /* version 1, revision 0 */
    l2tp_build_string(&b, L2TP_AVP_HOST_NAME, true, host);
    l2tp_build_u32(&b, L2TP_AVP_FRAMING_CAPS, true, L2TP_FRAMING_SYNC | L2TP_FRAMING_ASYNC);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, l->tid);
    l2tp_build_u16(&b, L2TP_AVP_RECEIVE_WINDOW, true, RECEIVE_WINDOW);
    l2tp_build_string(&b, L2TP_AVP_VENDOR_NAME, false, "pppras");
    send_ctrl(l, &b);
}

static void send_stopccn(Lac *l, uint16_t result, const char *why) {
    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_STOPCCN, l->peer_tid, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, l->tid);
    l2tp_build_result(&b, result, why);
    send_ctrl(l, &b);
}

static void send_cdn(Lac *l, uint16_t result, const char *why) {
    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_CDN, l->peer_tid, l->peer_sid);
    l2tp_build_result(&b, result, why);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_SESSION, true, l->sid);
    send_ctrl(l, &b);
}

/* Ends the tunnel from our side: a CDN for a session that is up, a
 * StopCCN for a tunnel the LNS knows, then a short wait for the
 * acknowledgement.  Before the LNS named its tunnel there is nobody to
 * tell. */
static void start_close(Lac *l, LacEnd end, uint16_t result, const char *why) {
    if (l->state >= STATE_CLOSING)
        return;
    l->end = end;
    if (l->peer_tid == 0) {
        l->state = STATE_DONE;
        return;
    }
    if (l->state == STATE_ESTABLISHED)
        send_cdn(l, L2TP_CDN_ADMIN, why);
    send_stopccn(l, result, why);
    if (l->state == STATE_DONE)
        return;
    say("closing the tunnel: %s", why);
    l->state = STATE_CLOSING;
    l->close_deadline_ms = now_ms() + CLOSE_WAIT_MS;
}

static void on_sccrp(Lac *l, const L2tpCtrlMsg *m) {
    if (!m->has_assigned_tunnel || m->assigned_tunnel == 0) {
        say("SCCRP without an assigned tunnel");
        start_close(l, LAC_END_REFUSED, L2TP_STOPCCN_ERROR, "no assigned tunnel");
        return;
    }
    l->peer_tid = m->assigned_tunnel;
    if (m->has_challenge) {
        say("the LNS asks for tunnel authentication, which needs a shared secret; not supported");
        start_close(l, LAC_END_REFUSED, L2TP_STOPCCN_ERROR, "tunnel authentication not supported");
        return;
    }
    debug(l, "tunnel %u <-> %u with %s", l->tid, l->peer_tid, m->host_name[0] ? m->host_name : "?");

    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_SCCCN, l->peer_tid, 0);
    send_ctrl(l, &b);

    l2tp_build_start(&b, L2TP_MSG_ICRQ, l->peer_tid, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_SESSION, true, l->sid);
    l2tp_build_u32(&b, L2TP_AVP_CALL_SERIAL, true, l->serial);
    send_ctrl(l, &b);
    if (l->state != STATE_DONE)
        l->state = STATE_WAIT_ICRP;
}

static void on_icrp(Lac *l, const L2tpHeader *h, const L2tpCtrlMsg *m) {
    if (h->session != l->sid || !m->has_assigned_session || m->assigned_session == 0) {
        say("ICRP for another session or without an assigned session");
        start_close(l, LAC_END_REFUSED, L2TP_STOPCCN_ERROR, "bad ICRP");
        return;
    }
    l->peer_sid = m->assigned_session;

    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_ICCN, l->peer_tid, l->peer_sid);
    l2tp_build_u32(&b, L2TP_AVP_TX_CONNECT_SPEED, true, CONNECT_SPEED);
    l2tp_build_u32(&b, L2TP_AVP_FRAMING_TYPE, true, L2TP_FRAMING_SYNC);
    send_ctrl(l, &b);
    if (l->state == STATE_DONE)
        return;
    l->state = STATE_ESTABLISHED;
    say("session up: tunnel %u/%u, session %u/%u", l->tid, l->peer_tid, l->sid, l->peer_sid);
}

static void log_result(const char *what, const L2tpCtrlMsg *m) {
    if (m->has_result)
        say("%s from the LNS: result %u, error %u%s%s", what, m->result, m->error, m->message[0] ? ": " : "",
            m->message);
    else
        say("%s from the LNS", what);
}

static void dispatch(Lac *l, const L2tpHeader *h, const L2tpCtrlMsg *m) {
    debug(l, "got %s Ns=%u Nr=%u", l2tp_msg_name(m->type), h->ns, h->nr);

    if (m->type == L2TP_MSG_STOPCCN) {
        log_result("StopCCN", m);
        l->end = l->state < STATE_ESTABLISHED ? LAC_END_REFUSED :
                 l->state == STATE_ESTABLISHED ? LAC_END_DROPPED : l->end;
        /* its acknowledgement, then nothing more to wait for */
        send_zlb(l);
        l->state = STATE_DONE;
        return;
    }
    if (m->unknown_mandatory) {
        say("%s carries a mandatory AVP this LAC cannot read", l2tp_msg_name(m->type));
        start_close(l, l->state == STATE_ESTABLISHED ? LAC_END_DROPPED : LAC_END_REFUSED, L2TP_STOPCCN_ERROR,
                    "unknown mandatory AVP");
        return;
    }
    switch (m->type) {
    case L2TP_MSG_SCCRP:
        if (l->state == STATE_WAIT_SCCRP)
            on_sccrp(l, m);
        break;
    case L2TP_MSG_ICRP:
        if (l->state == STATE_WAIT_ICRP)
            on_icrp(l, h, m);
        break;
    case L2TP_MSG_CDN: {
        if (h->session != l->sid)
            break;
        if (l->state != STATE_WAIT_ICRP && l->state != STATE_ESTABLISHED)
            break;
        log_result("CDN", m);
        /* one session per tunnel: with it gone, so is the tunnel; the
         * session needs no CDN back, the tunnel a StopCCN */
        LacEnd end = l->state == STATE_ESTABLISHED ? LAC_END_DROPPED : LAC_END_REFUSED;
        l->state = STATE_WAIT_ICRP;
        start_close(l, end, L2TP_STOPCCN_CLEAR, "session ended by the LNS");
        break;
    }
    default:
        break;                      /* HELLO, WEN, SLI, anything else: the acknowledgement is all */
    }
}

static void on_control(Lac *l, const L2tpHeader *h) {
    if (h->tunnel != l->tid) {
        debug(l, "control message for tunnel %u dropped", h->tunnel);
        return;
    }
    L2tpCtrlMsg m;
    if (l2tp_ctrl_decode(h->payload, h->payload_len, &m) < 0) {
        debug(l, "malformed control message dropped");     /* never a log line per hostile datagram */
        return;
    }
    ctrl_ack(&l->ctrl, h->nr);
    CtrlVerdict v = ctrl_receive(&l->ctrl, h->ns, m.type == L2TP_MSG_ZLB);
    if (v == CTRL_TAKE)
        dispatch(l, h, &m);
    else if (v == CTRL_AHEAD)
        debug(l, "control message Ns=%u ahead of %u dropped", h->ns, l->ctrl.nr);
    if (l->ctrl.ack_due && l->state != STATE_DONE)
        send_zlb(l);
}

static void write_all(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return;                 /* a full pty drops the frame, as a line would */
        p += k;
        n -= (size_t) k;
    }
}

static void on_data(Lac *l, const L2tpHeader *h) {
    if (l->state != STATE_ESTABLISHED || h->tunnel != l->tid || h->session != l->sid || h->payload_len == 0 ||
        h->payload_len > HDLC_FRAME_MAX - 2)
        return;
    /* the LNS may leave out address and control; pppd's LCP wants them */
    uint8_t frame[HDLC_FRAME_MAX];
    size_t n = 0;
    if (h->payload_len < 2 || h->payload[0] != 0xff || h->payload[1] != 0x03) {
        frame[n++] = 0xff;
        frame[n++] = 0x03;
    }
    memcpy(frame + n, h->payload, h->payload_len);
    n += h->payload_len;
    uint8_t out[HDLC_ENCODED_MAX(HDLC_FRAME_MAX)];
    write_all(STDOUT_FILENO, out, hdlc_encode(frame, n, out));
}

/* ICMP errors for our datagrams (IP_RECVERR): an unreachable host or
 * network, a port nobody listens on. */
static void on_socket_error(Lac *l) {
    for (int i = 0; i < 16; i++) {
        uint8_t data[64];
        union {
            struct cmsghdr align;
            uint8_t buf[CMSG_SPACE(sizeof(struct sock_extended_err) + sizeof(struct sockaddr_in6))];
        } control;
        struct iovec iov = { .iov_base = data, .iov_len = sizeof(data) };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &control, .msg_controllen = sizeof(control) };
        if (recvmsg(l->sock, &mh, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
            return;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
            if (!((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
                  (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR)) ||
                c->cmsg_len < CMSG_LEN(sizeof(struct sock_extended_err)))
                continue;
            struct sock_extended_err ee;
            memcpy(&ee, CMSG_DATA(c), sizeof(ee));
            debug(l, "ICMP error: %s", strerror((int) ee.ee_errno));
            if (is_unreachable((int) ee.ee_errno)) {
                network_failed(l, (int) ee.ee_errno);
                return;
            }
        }
    }
}

static void on_socket(Lac *l) {
    uint8_t buf[DATAGRAM_MAX];
    for (int i = 0; i < 64 && l->state != STATE_DONE; i++) {
        ssize_t n = recv(l->sock, buf, sizeof(buf), MSG_TRUNC | MSG_DONTWAIT);
        if (n < 0) {
            if (errno != EAGAIN && errno != EINTR && !is_unreachable(errno))
                say("recv: %s", strerror(errno));
            /* the error itself waits in the error queue */
            return;
        }
        if ((size_t) n > sizeof(buf))
            continue;               /* truncated: bigger than any frame we carry */
        L2tpHeader h;
        if (l2tp_header_parse(buf, (size_t) n, &h) < 0) {
            debug(l, "malformed datagram of %zd bytes dropped", n);
            continue;
        }
        l->last_rx_ms = now_ms();
        if (h.control)
            on_control(l, &h);
        else
            on_data(l, &h);
    }
}

static void on_pty(Lac *l) {
    uint8_t buf[4096];
    ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        l->pty_gone = true;
        start_close(l, l->state == STATE_ESTABLISHED ? LAC_END_DONE : LAC_END_ABORTED, L2TP_STOPCCN_CLEAR,
                    "pppd closed the line");
        return;
    }
    for (ssize_t i = 0; i < n; i++) {
        const uint8_t *frame;
        size_t len;
        if (hdlc_decode_byte(&l->dec, buf[i], &frame, &len) != 1 || l->state != STATE_ESTABLISHED)
            continue;
        uint8_t out[6 + HDLC_FRAME_MAX];
        size_t k = l2tp_data_header(out, l->peer_tid, l->peer_sid);
        memcpy(out + k, frame, len);
        send_raw(l, out, k + len);
    }
}

static void on_signal(Lac *l) {
    struct signalfd_siginfo si;
    if (read(l->sigfd, &si, sizeof(si)) != sizeof(si))
        return;
    say("signal %u", si.ssi_signo);
    start_close(l, l->state == STATE_ESTABLISHED ? LAC_END_DONE : LAC_END_ABORTED, L2TP_STOPCCN_CLEAR,
                "hung up");
}

static void on_timers(Lac *l) {
    uint64_t now = now_ms();
    const uint8_t *msg;
    size_t len;
    int r;
    while (l->state != STATE_DONE && (r = ctrl_resend(&l->ctrl, now, &msg, &len)) != 0) {
        if (r < 0) {
            if (l->state == STATE_CLOSING)
                l->state = STATE_DONE;
            else {
                say("no answer from %s port %s", l->o->host, l->o->port);
                l->end = l->state == STATE_ESTABLISHED ? LAC_END_DROPPED : LAC_END_NO_ANSWER;
                l->state = STATE_DONE;
            }
            return;
        }
        debug(l, "resent Ns=%u", (unsigned) (msg[8] << 8 | msg[9]));
        send_raw(l, msg, len);
    }
    if (l->state == STATE_CLOSING && (l->ctrl.n_queued == 0 || now >= l->close_deadline_ms))
        l->state = STATE_DONE;
    if (l->state == STATE_ESTABLISHED && l->ctrl.n_queued == 0 && l->o->hello_sec > 0 &&
        now >= l->last_rx_ms + l->o->hello_sec * 1000ull) {
        L2tpBuilder b;
        l2tp_build_start(&b, L2TP_MSG_HELLO, l->peer_tid, 0);
        send_ctrl(l, &b);
        l->last_rx_ms = now;        /* one HELLO per silence; its retries tell if the LNS is gone */
    }
}

static int next_timeout(const Lac *l) {
    uint64_t due = ctrl_next_due(&l->ctrl);
    if (l->state == STATE_CLOSING && l->close_deadline_ms < due)
        due = l->close_deadline_ms;
    if (l->state == STATE_ESTABLISHED && l->o->hello_sec > 0 && l->ctrl.n_queued == 0) {
        uint64_t hello = l->last_rx_ms + l->o->hello_sec * 1000ull;
        if (hello < due)
            due = hello;
    }
    if (due == UINT64_MAX)
        return -1;
    uint64_t now = now_ms();
    return due <= now ? 0 : due - now > 60000 ? 60000 : (int) (due - now);
}

static int open_socket(Lac *l) {
    struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_DGRAM, .ai_protocol = IPPROTO_UDP };
    struct addrinfo *ai = NULL;
    int r = getaddrinfo(l->o->host, l->o->port, &hints, &ai);
    if (r != 0) {
        say("%s: %s", l->o->host, r == EAI_SYSTEM ? strerror(errno) : gai_strerror(r));
        l->end = r == EAI_SERVICE || r == EAI_MEMORY || r == EAI_SYSTEM ? LAC_END_ERROR : LAC_END_NAME;
        return -1;
    }
    int err = 0;
    for (struct addrinfo *a = ai; a; a = a->ai_next) {
        int fd = socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        /* connected: the kernel drops other senders; IP_RECVERR: it reports
         * every ICMP error, host unreachable too, not only refused ports */
        int on = 1;
        if (a->ai_family == AF_INET6)
            (void) setsockopt(fd, SOL_IPV6, IPV6_RECVERR, &on, sizeof(on));
        else
            (void) setsockopt(fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
        if (connect(fd, a->ai_addr, a->ai_addrlen) == 0) {
            freeaddrinfo(ai);
            l->sock = fd;
            return 0;
        }
        err = errno;
        close(fd);
    }
    freeaddrinfo(ai);
    say("%s port %s: %s", l->o->host, l->o->port, strerror(err));
    l->end = is_unreachable(err) ? LAC_END_NO_ANSWER : LAC_END_ERROR;
    return -1;
}

static int open_signals(Lac *l) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGHUP);
    sigaddset(&mask, SIGINT);
    if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0)
        return -1;
    signal(SIGPIPE, SIG_IGN);
    l->sigfd = signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    return l->sigfd < 0 ? -1 : 0;
}

LacEnd lac_run(const LacOptions *o) {
    assert(o);
    assert(o->host);
    assert(o->port);

    Lac l = { .o = o, .sock = -1, .sigfd = -1, .state = STATE_WAIT_SCCRP, .end = LAC_END_DONE };
    l.tid = random_id();
    l.sid = random_id();
    l.serial = random_id();
    ctrl_init(&l.ctrl, o->rto_first_ms, 8000, o->max_tries);
    hdlc_decoder_init(&l.dec);

    if (open_signals(&l) < 0) {
        say("signals: %s", strerror(errno));
        return LAC_END_ERROR;
    }
    if (open_socket(&l) < 0) {
        close(l.sigfd);
        return l.end;
    }
    /* pppd may write and read slower than the network: never block on it */
    fcntl(STDIN_FILENO, F_SETFL, fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    fcntl(STDOUT_FILENO, F_SETFL, fcntl(STDOUT_FILENO, F_GETFL) | O_NONBLOCK);

    l.last_rx_ms = now_ms();
    send_sccrq(&l);
    while (l.state != STATE_DONE) {
        /* pppd's frames wait in the pty until the session can carry them */
        struct pollfd p[3] = {
            { .fd = l.sock, .events = POLLIN },
            { .fd = l.sigfd, .events = POLLIN },
            { .fd = l.pty_gone ? -1 : STDIN_FILENO, .events = l.state == STATE_ESTABLISHED ? POLLIN : 0 },
        };
        int r = poll(p, 3, next_timeout(&l));
        if (r < 0 && errno != EINTR) {
            say("poll: %s", strerror(errno));
            l.end = LAC_END_ERROR;
            break;
        }
        if (r > 0) {
            if (p[1].revents & POLLIN)
                on_signal(&l);
            if (p[0].revents & POLLERR)
                on_socket_error(&l);
            if (l.state != STATE_DONE && (p[0].revents & POLLIN))
                on_socket(&l);
            if (l.state != STATE_DONE && (p[2].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)))
                on_pty(&l);
        }
        if (l.state != STATE_DONE)
            on_timers(&l);
    }
    close(l.sock);
    close(l.sigfd);
    return l.end;
}
