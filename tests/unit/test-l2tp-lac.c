/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* build/pppras-l2tp end to end against a scripted LNS on 127.0.0.1: the
 * tunnel and session set up message by message, frames carried both ways
 * between the pty side (a socket pair standing in for pppd's pty) and L2TP
 * data messages, the teardown when pppd closes the line, and each failed
 * setup's exit status and $PPPRAS_DEVICE_ERROR code.  Every wait has a
 * deadline: a LAC that does not answer fails the test, never hangs it. */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hdlc.h"
#include "l2tp-msg.h"
#include "scratch-dir.h"
#include "suites.h"

#define WAIT_MS 5000

typedef struct Lns {
    int sock;                       /* the fake LNS's UDP socket */
    struct sockaddr_in lac;         /* where the LAC sends from */
    uint16_t port;
    int pty;                        /* our end of the LAC's stdin/stdout */
    pid_t pid;
    uint16_t next_ns;               /* the LAC's next new control message */
    char dir[SCRATCH_PATH_MAX], error_file[SCRATCH_PATH_MAX];
} Lns;

static void lac_path(char *buf, size_t size) {
    char self[SCRATCH_PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    ck_assert_int_gt(n, 0);
    self[n] = '\0';
    *strrchr(self, '/') = '\0';     /* build/tests */
    *strrchr(self, '/') = '\0';     /* build */
    snprintf(buf, size, "%s/pppras-l2tp", self);
}

static int bind_udp(uint16_t *ret_port) {
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ck_assert_int_ge(fd, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    ck_assert_int_eq(bind(fd, (struct sockaddr *) &a, sizeof(a)), 0);
    socklen_t len = sizeof(a);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *) &a, &len), 0);
    *ret_port = ntohs(a.sin_port);
    return fd;
}

/* Starts the LAC on host (NULL: 127.0.0.1) and port, with a first
 * retransmission timeout of rto_ms and extra options. */
static void lns_start(Lns *l, const char *host, uint16_t port, unsigned rto_ms, const char *opt1, const char *opt2) {
    char path[SCRATCH_PATH_MAX + 16], portarg[32], rtoarg[32];
    lac_path(path, sizeof(path));
    ck_assert_msg(access(path, X_OK) == 0, "%s is not built", path);
    scratch_dir_new(l->dir);
    scratch_path(l->error_file, l->dir, "device.error");
    snprintf(portarg, sizeof(portarg), "--port=%u", port);
    snprintf(rtoarg, sizeof(rtoarg), "--timeout=%u", rto_ms);

    int sp[2];
    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp), 0);
    l->pid = fork();
    ck_assert_int_ge(l->pid, 0);
    if (l->pid == 0) {
        dup2(sp[1], 0);
        dup2(sp[1], 1);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0 && !getenv("PPPRAS_L2TP_TEST_VERBOSE"))
            dup2(null, 2);
        setenv("PPPRAS_DEVICE_ERROR", l->error_file, 1);
        char *argv[] = { path, portarg, rtoarg, (char *) (opt1 ?: "--debug"),
                         (char *) (opt2 ?: "--debug"), (char *) (host ?: "127.0.0.1"), NULL };
        execv(path, argv);
        _exit(127);
    }
    close(sp[1]);
    l->pty = sp[0];
}

static int lns_exit_status(Lns *l) {
    /* a LAC that outlives the deadline is killed, and fails the test */
    for (int i = 0; i < WAIT_MS / 10; i++) {
        int status;
        pid_t r = waitpid(l->pid, &status, WNOHANG);
        if (r == l->pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        struct pollfd p = { .fd = -1 };
        poll(&p, 0, 10);
    }
    kill(l->pid, SIGKILL);
    waitpid(l->pid, NULL, 0);
    return -1;
}

static void lns_done(Lns *l) {
    if (l->sock >= 0)
        close(l->sock);
    close(l->pty);
    scratch_dir_remove(l->dir);
}

static void device_error_is(Lns *l, const char *want) {
    char buf[32] = "";
    int fd = open(l->error_file, O_RDONLY);
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof(buf) - 1);
        buf[n > 0 ? n : 0] = '\0';
        close(fd);
    }
    ck_assert_str_eq(buf, want);
}

/* The next datagram from the LAC, parsed. */
static size_t lns_recv(Lns *l, uint8_t *buf, size_t size, L2tpHeader *h) {
    struct pollfd p = { .fd = l->sock, .events = POLLIN };
    ck_assert_msg(poll(&p, 1, WAIT_MS) == 1, "no datagram from the LAC");
    socklen_t len = sizeof(l->lac);
    ssize_t n = recvfrom(l->sock, buf, size, 0, (struct sockaddr *) &l->lac, &len);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(l2tp_header_parse(buf, (size_t) n, h), 0);
    return (size_t) n;
}

/* The next control message of type.  Resends of what was seen and ZLBs
 * are passed over unless resends is set: a LAC slowed by a loaded machine
 * may resend before our answer reaches it. */
static L2tpCtrlMsg lns_recv_ctrl_full(Lns *l, L2tpHeader *h, uint16_t type, bool resends) {
    uint8_t buf[2048];
    L2tpCtrlMsg m;
    for (;;) {
        lns_recv(l, buf, sizeof(buf), h);
        ck_assert(h->control);
        ck_assert_int_eq(l2tp_ctrl_decode(h->payload, h->payload_len, &m), 0);
        if (!resends && (m.type == L2TP_MSG_ZLB || (int16_t) (uint16_t) (h->ns - l->next_ns) < 0))
            continue;
        break;
    }
    ck_assert_msg(m.type == type, "got %s, expected %s", l2tp_msg_name(m.type), l2tp_msg_name(type));
    if (!resends)
        l->next_ns = (uint16_t) (h->ns + 1);
    /* payload points into buf: nothing of it is used after this */
    h->payload = NULL;
    return m;
}

static L2tpCtrlMsg lns_recv_ctrl(Lns *l, L2tpHeader *h, uint16_t type) {
    return lns_recv_ctrl_full(l, h, type, false);
}

static void lns_send(Lns *l, const void *p, size_t n) {
    ck_assert_int_eq(sendto(l->sock, p, n, 0, (struct sockaddr *) &l->lac, sizeof(l->lac)), (ssize_t) n);
}

static void lns_send_ctrl(Lns *l, L2tpBuilder *b, uint16_t ns, uint16_t nr) {
    int n = l2tp_build_finish(b);
    ck_assert_int_gt(n, 0);
    l2tp_set_seq(b->buf, ns, nr);
    lns_send(l, b->buf, (size_t) n);
}

/* SCCRQ .. ICCN, with the LNS's tunnel 0x5555 and session 0x6666; the
 * LAC's own ids in *tid and *sid. */
static void lns_set_up(Lns *l, uint16_t *tid, uint16_t *sid) {
    L2tpHeader h;
    L2tpBuilder b;
    L2tpCtrlMsg m = lns_recv_ctrl(l, &h, L2TP_MSG_SCCRQ);
    ck_assert_uint_eq(h.tunnel, 0);
    ck_assert_uint_eq(h.ns, 0);
    ck_assert(m.has_assigned_tunnel);
    ck_assert_uint_ne(m.assigned_tunnel, 0);
    *tid = m.assigned_tunnel;

    l2tp_build_start(&b, L2TP_MSG_SCCRP, *tid, 0);
    l2tp_build_u16(&b, L2TP_AVP_PROTOCOL_VERSION, true, 0x0100);
    l2tp_build_string(&b, L2TP_AVP_HOST_NAME, true, "lns");
    l2tp_build_u32(&b, L2TP_AVP_FRAMING_CAPS, true, 3);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x5555);
    lns_send_ctrl(l, &b, 0, 1);

    lns_recv_ctrl(l, &h, L2TP_MSG_SCCCN);
    ck_assert_uint_eq(h.tunnel, 0x5555);
    ck_assert_uint_eq(h.ns, 1);
    ck_assert_uint_eq(h.nr, 1);
    m = lns_recv_ctrl(l, &h, L2TP_MSG_ICRQ);
    ck_assert_uint_eq(h.ns, 2);
    ck_assert(m.has_assigned_session);
    *sid = m.assigned_session;

    l2tp_build_start(&b, L2TP_MSG_ICRP, *tid, *sid);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_SESSION, true, 0x6666);
    lns_send_ctrl(l, &b, 1, 3);
    lns_recv_ctrl(l, &h, L2TP_MSG_ICCN);
    ck_assert_uint_eq(h.session, 0x6666);
    ck_assert_uint_eq(h.ns, 3);
    ck_assert_uint_eq(h.nr, 2);
    l2tp_build_start(&b, L2TP_MSG_ZLB, *tid, 0);
    lns_send_ctrl(l, &b, 2, 4);
}

START_TEST(test_session_carries_frames_both_ways_and_closes_with_cdn_and_stopccn) {
    Lns l = {};
    l.sock = bind_udp(&l.port);
    lns_start(&l, NULL, l.port, 1000, NULL, NULL);
    uint16_t tid, sid;
    lns_set_up(&l, &tid, &sid);

    /* the ICRP again, as if our acknowledgement was lost: a ZLB answers */
    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_ICRP, tid, sid);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_SESSION, true, 0x6666);
    lns_send_ctrl(&l, &b, 1, 3);
    uint8_t zlb[256];
    L2tpHeader zh;
    lns_recv(&l, zlb, sizeof(zlb), &zh);
    ck_assert(zh.control);
    ck_assert_uint_eq(zh.payload_len, 0);
    ck_assert_uint_eq(zh.nr, 2);

    /* pppd → LNS: an LCP Configure-Request, HDLC framed on the pty */
    const uint8_t lcp[] = { 0xff, 0x03, 0xc0, 0x21, 0x01, 0x01, 0x00, 0x04 };
    uint8_t enc[HDLC_ENCODED_MAX(sizeof(lcp))], buf[2048];
    size_t n = hdlc_encode(lcp, sizeof(lcp), enc);
    ck_assert_int_eq(write(l.pty, enc, n), (ssize_t) n);
    L2tpHeader h;
    lns_recv(&l, buf, sizeof(buf), &h);
    ck_assert(!h.control);
    ck_assert_uint_eq(h.tunnel, 0x5555);
    ck_assert_uint_eq(h.session, 0x6666);
    ck_assert_uint_eq(h.payload_len, sizeof(lcp));
    ck_assert(memcmp(h.payload, lcp, sizeof(lcp)) == 0);

    /* LNS → pppd: an IPCP frame without address and control; data for
     * another session first, which must not reach the pty */
    uint8_t data[6 + 6];
    size_t k = l2tp_data_header(data, tid, (uint16_t) (sid + 1));
    memcpy(data + k, "\x80\x21\x01\x07\x00\x04", 6);
    lns_send(&l, data, k + 6);
    l2tp_data_header(data, tid, sid);
    lns_send(&l, data, k + 6);
    struct pollfd p = { .fd = l.pty, .events = POLLIN };
    ck_assert_int_eq(poll(&p, 1, WAIT_MS), 1);
    ssize_t got = read(l.pty, buf, sizeof(buf));
    ck_assert_int_gt(got, 0);
    HdlcDecoder d;
    hdlc_decoder_init(&d);
    int frames = 0;
    for (ssize_t i = 0; i < got; i++) {
        const uint8_t *f;
        size_t len;
        if (hdlc_decode_byte(&d, buf[i], &f, &len) == 1) {
            ck_assert_uint_eq(len, 8);
            ck_assert(memcmp(f, "\xff\x03\x80\x21\x01\x07\x00\x04", 8) == 0);
            frames++;
        }
    }
    ck_assert_int_eq(frames, 1);

    /* pppd closes the line: CDN for the session, StopCCN for the tunnel */
    close(l.pty);
    l.pty = open("/dev/null", O_RDONLY);
    L2tpCtrlMsg m = lns_recv_ctrl(&l, &h, L2TP_MSG_CDN);
    ck_assert_uint_eq(h.tunnel, 0x5555);
    ck_assert_uint_eq(h.session, 0x6666);
    ck_assert(m.has_result);
    ck_assert_uint_eq(m.assigned_session, sid);
    m = lns_recv_ctrl(&l, &h, L2TP_MSG_STOPCCN);
    ck_assert_uint_eq(m.assigned_tunnel, tid);
    ck_assert_uint_eq(m.result, L2TP_STOPCCN_CLEAR);
    l2tp_build_start(&b, L2TP_MSG_ZLB, tid, 0);
    lns_send_ctrl(&l, &b, 2, (uint16_t) (h.ns + 1));
    ck_assert_int_eq(lns_exit_status(&l), 0);
    device_error_is(&l, "");
    lns_done(&l);
}
END_TEST

START_TEST(test_hostile_datagrams_before_the_answer_are_dropped) {
    Lns l = {};
    l.sock = bind_udp(&l.port);
    lns_start(&l, NULL, l.port, 300, NULL, NULL);
    L2tpHeader h;
    L2tpCtrlMsg m = lns_recv_ctrl(&l, &h, L2TP_MSG_SCCRQ);
    uint16_t tid = m.assigned_tunnel;

    /* junk, a cut header, an SCCRP for another tunnel, one whose AVP runs
     * past its end, one with Ns ahead: none of them is taken */
    lns_send(&l, "\x00", 1);
    lns_send(&l, "\xc8\x02\x00\x40\x00", 5);
    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_SCCRP, (uint16_t) (tid + 1), 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x1111);
    lns_send_ctrl(&l, &b, 0, 1);
    l2tp_build_start(&b, L2TP_MSG_SCCRP, tid, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x2222);
    b.buf[b.len - 7] = 0x20;        /* the AVP's length: 32, past the message */
    lns_send_ctrl(&l, &b, 0, 1);
    l2tp_build_start(&b, L2TP_MSG_SCCRP, tid, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x3333);
    lns_send_ctrl(&l, &b, 5, 1);
    uint8_t big[3000];
    memset(big, 0xc8, sizeof(big));
    lns_send(&l, big, sizeof(big));

    /* the good answer: the tunnel comes up with its id, not a forged one */
    l2tp_build_start(&b, L2TP_MSG_SCCRP, tid, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x5555);
    lns_send_ctrl(&l, &b, 0, 1);
    for (;;) {
        uint8_t buf[2048];
        lns_recv(&l, buf, sizeof(buf), &h);
        ck_assert(h.control);
        if (h.payload_len == 0)
            continue;               /* a ZLB for the message ahead */
        ck_assert_int_eq(l2tp_ctrl_decode(h.payload, h.payload_len, &m), 0);
        if (m.type == L2TP_MSG_SCCRQ)
            continue;               /* resent meanwhile */
        break;
    }
    ck_assert_uint_eq(m.type, L2TP_MSG_SCCCN);
    ck_assert_uint_eq(h.tunnel, 0x5555);
    l.next_ns = (uint16_t) (h.ns + 1);
    kill(l.pid, SIGTERM);
    /* a StopCCN for the tunnel it was setting up, then the exit */
    do
        m = lns_recv_ctrl(&l, &h, m.type == L2TP_MSG_SCCCN ? L2TP_MSG_ICRQ : L2TP_MSG_STOPCCN);
    while (m.type != L2TP_MSG_STOPCCN);
    l2tp_build_start(&b, L2TP_MSG_ZLB, tid, 0);
    lns_send_ctrl(&l, &b, 1, (uint16_t) (h.ns + 1));    /* acknowledged: it need not wait */
    ck_assert_int_eq(lns_exit_status(&l), 6);
    device_error_is(&l, "");
    lns_done(&l);
}
END_TEST

START_TEST(test_a_silent_lns_gets_a_hello_and_an_unanswered_one_ends_the_session) {
    Lns l = {};
    l.sock = bind_udp(&l.port);
    lns_start(&l, NULL, l.port, 300, "--hello=1", "--retries=3");
    uint16_t tid, sid;
    lns_set_up(&l, &tid, &sid);
    L2tpHeader h;
    lns_recv_ctrl(&l, &h, L2TP_MSG_HELLO);
    ck_assert_uint_eq(h.tunnel, 0x5555);
    ck_assert_uint_eq(h.ns, 4);
    lns_recv_ctrl_full(&l, &h, L2TP_MSG_HELLO, true);      /* resent, the same Ns */
    ck_assert_uint_eq(h.ns, 4);
    /* a gone LNS ends an established session with no RAS code of ours:
     * pppd sees the line drop */
    ck_assert_int_eq(lns_exit_status(&l), 5);
    device_error_is(&l, "");
    lns_done(&l);
}
END_TEST

START_TEST(test_no_answer_is_resent_then_809) {
    Lns l = {};
    l.sock = bind_udp(&l.port);
    lns_start(&l, NULL, l.port, 100, "--retries=3", NULL);
    L2tpHeader h;
    for (int i = 0; i < 3; i++) {
        lns_recv_ctrl_full(&l, &h, L2TP_MSG_SCCRQ, true);
        ck_assert_uint_eq(h.ns, 0);     /* the same message each time */
    }
    ck_assert_int_eq(lns_exit_status(&l), 3);
    device_error_is(&l, "809\n");
    lns_done(&l);
}
END_TEST

START_TEST(test_a_refused_port_gives_809_at_once) {
    Lns l = {};
    uint16_t port;
    int fd = bind_udp(&port);
    close(fd);                      /* nothing listens there now: ICMP port unreachable */
    l.sock = -1;
    lns_start(&l, NULL, port, 1000, "--retries=100", NULL);
    ck_assert_int_eq(lns_exit_status(&l), 3);
    device_error_is(&l, "809\n");
    lns_done(&l);
}
END_TEST

START_TEST(test_a_stopccn_during_setup_gives_808) {
    Lns l = {};
    l.sock = bind_udp(&l.port);
    lns_start(&l, NULL, l.port, 1000, NULL, NULL);
    L2tpHeader h;
    L2tpCtrlMsg m = lns_recv_ctrl(&l, &h, L2TP_MSG_SCCRQ);
    L2tpBuilder b;
    l2tp_build_start(&b, L2TP_MSG_STOPCCN, m.assigned_tunnel, 0);
    l2tp_build_u16(&b, L2TP_AVP_ASSIGNED_TUNNEL, true, 0x5555);
    l2tp_build_result(&b, L2TP_STOPCCN_ERROR, "not you");
    lns_send_ctrl(&l, &b, 0, 1);
    /* acknowledged with a ZLB, then gone */
    uint8_t buf[256];
    lns_recv(&l, buf, sizeof(buf), &h);
    ck_assert(h.control);
    ck_assert_uint_eq(h.payload_len, 0);
    ck_assert_uint_eq(h.nr, 1);
    ck_assert_int_eq(lns_exit_status(&l), 4);
    device_error_is(&l, "808\n");
    lns_done(&l);
}
END_TEST

START_TEST(test_an_unknown_name_gives_868) {
    Lns l = { .sock = -1 };
    lns_start(&l, "no-such-lns.invalid", 1701, 1000, NULL, NULL);
    ck_assert_int_eq(lns_exit_status(&l), 2);
    device_error_is(&l, "868\n");
    lns_done(&l);
}
END_TEST

Suite *l2tp_lac_suite(void) {
    Suite *s = suite_create("l2tp_lac");
    TCase *tc = tcase_create("l2tp_lac");
    tcase_set_timeout(tc, 30);
    tcase_set_tags(tc, "loopback");     /* UDP on 127.0.0.1: not in a package build (tests/run-checks) */
    tcase_add_test(tc, test_session_carries_frames_both_ways_and_closes_with_cdn_and_stopccn);
    tcase_add_test(tc, test_hostile_datagrams_before_the_answer_are_dropped);
    tcase_add_test(tc, test_a_silent_lns_gets_a_hello_and_an_unanswered_one_ends_the_session);
    tcase_add_test(tc, test_no_answer_is_resent_then_809);
    tcase_add_test(tc, test_a_refused_port_gives_809_at_once);
    tcase_add_test(tc, test_a_stopccn_during_setup_gives_808);
    tcase_add_test(tc, test_an_unknown_name_gives_868);
    suite_add_tcase(s, tc);
    return s;
}
