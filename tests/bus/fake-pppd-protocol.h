/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What tests/bus/fake-plugin.c (the test) and tests/fake-pppd.c (the
 * stand-in pppd it runs) say to each other over two pipes: one Request,
 * then one Reply.  Both fit one atomic pipe write. */

#include <stdint.h>

typedef enum FakeOp {
    FAKE_OP_REGISTER,
    FAKE_OP_PHASE,
    FAKE_OP_IP_UP,
    FAKE_OP_IP_DOWN,
    FAKE_OP_EXIT,
    FAKE_OP_QUIT,              /* no reply: the process exits with i */
    FAKE_OP_AWAIT_REGISTERED,  /* reply once the daemon's name came back u times and got a Register each */
    FAKE_OP_IP6_UP,
    FAKE_OP_DETACH,            /* fork: the process exits, a child goes on with its bus connection
                                * and answers from then on; reply r = the child's pid */
} FakeOp;

typedef struct FakeRequest {
    uint32_t op;
    uint32_t u;
    int32_t i;
    uint8_t b;
    char s[4][64];   /* Register: entry, device_type, device, pty_program */
} FakeRequest;

typedef struct FakeReply {
    int32_t r;
    char error_name[128];
} FakeReply;

/* fake-pppd's options when a test drives it; after them come the fds. */
#define FAKE_PPPD_CONTROL        "--control"
#define FAKE_PPPD_IGNORE_SIGTERM "--ignore-sigterm"
#define FAKE_PPPD_UNPRIVILEGED   "--unprivileged"
