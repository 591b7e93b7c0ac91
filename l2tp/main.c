/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* pppras-l2tp HOST: an L2TPv2 LAC for pppd's pty option (pppras-l2tp(8)). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lac.h"

/* The RAS errors a dial gets for each way the tunnel fails to come up
 * (docs/state-tables.md, "Device errors"). */
#define ERROR_VPN_REFUSED            808    /* the LNS refused the tunnel or the session */
#define ERROR_VPN_TIMEOUT            809    /* no answer: nothing listening, no route, ICMP refused */
#define ERROR_DNSNAME_NOT_RESOLVABLE 868    /* the server's name did not resolve */

static const struct {
    LacEnd end;
    int status;
    unsigned ras_error;                 /* 0: pppd's own exit status says it */
} ends[] = {
    { LAC_END_DONE,      0, 0 },
    { LAC_END_USAGE,     1, 0 },
    { LAC_END_NAME,      2, ERROR_DNSNAME_NOT_RESOLVABLE },
    { LAC_END_NO_ANSWER, 3, ERROR_VPN_TIMEOUT },
    { LAC_END_REFUSED,   4, ERROR_VPN_REFUSED },
    { LAC_END_DROPPED,   5, 0 },
    { LAC_END_ABORTED,   6, 0 },
    { LAC_END_ERROR,     7, 0 },
};

/* $PPPRAS_DEVICE_ERROR: where the daemon looks for the device's own
 * account of a failed dial.  Unset: nobody asked. */
static void write_device_error(unsigned code) {
    const char *path = getenv("PPPRAS_DEVICE_ERROR");
    if (!path || path[0] != '/')
        return;
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        fprintf(stderr, "pppras-l2tp: %s: %s\n", path, strerror(errno));
        return;
    }
    dprintf(fd, "%u\n", code);
    close(fd);
}

static void usage(FILE *f) {
    fprintf(f, "pppras-l2tp [OPTIONS...] HOST\n\n"
               "An L2TPv2 access concentrator (LAC) for pppd's pty option: one tunnel and one\n"
               "session to the LNS at HOST, PPP frames on stdin and stdout.\n\n"
               "  -h --help          Show this help\n"
               "     --version       Show the version\n"
               "     --port=PORT     The LNS's UDP port (default 1701)\n"
               "     --timeout=MS    First retransmission timeout (default 1000)\n"
               "     --retries=N     Sends of a control message before giving up (default 5)\n"
               "     --hello=SEC     Send a HELLO after SEC silent seconds (default 60; 0: never)\n"
               "     --debug         Log every control message\n");
}

static int parse_uint(const char *s, unsigned long max, unsigned long *ret) {
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno != 0 || *end != '\0' || end == s || s[0] == '-' || v > max)
        return -EINVAL;
    *ret = v;
    return 0;
}

int main(int argc, char *argv[]) {
    enum { ARG_VERSION = 0x100, ARG_PORT, ARG_TIMEOUT, ARG_RETRIES, ARG_HELLO, ARG_DEBUG };
    static const struct option options[] = {
        { "help",    no_argument,       NULL, 'h' },
        { "version", no_argument,       NULL, ARG_VERSION },
        { "port",    required_argument, NULL, ARG_PORT },
        { "timeout", required_argument, NULL, ARG_TIMEOUT },
        { "retries", required_argument, NULL, ARG_RETRIES },
        { "hello",   required_argument, NULL, ARG_HELLO },
        { "debug",   no_argument,       NULL, ARG_DEBUG },
        {}
    };
    LacOptions o = { .port = "1701", .rto_first_ms = 1000, .max_tries = 5, .hello_sec = 60 };
    unsigned long v;
    int c;

    while ((c = getopt_long(argc, argv, "h", options, NULL)) >= 0)
        switch (c) {
        case 'h':
            usage(stdout);
            return 0;
        case ARG_VERSION:
            printf("pppras-l2tp %s\n", PPPRAS_VERSION);
            return 0;
        case ARG_PORT:
            if (parse_uint(optarg, 65535, &v) < 0 || v == 0)
                goto bad;
            o.port = optarg;
            break;
        case ARG_TIMEOUT:
            if (parse_uint(optarg, 60000, &v) < 0 || v < 10)
                goto bad;
            o.rto_first_ms = v;
            break;
        case ARG_RETRIES:
            if (parse_uint(optarg, 100, &v) < 0 || v == 0)
                goto bad;
            o.max_tries = (unsigned) v;
            break;
        case ARG_HELLO:
            if (parse_uint(optarg, 86400, &v) < 0)
                goto bad;
            o.hello_sec = (unsigned) v;
            break;
        case ARG_DEBUG:
            o.debug = true;
            break;
        default:
            goto bad;
        }
    if (optind != argc - 1 || argv[optind][0] == '\0')
        goto bad;
    o.host = argv[optind];

    LacEnd end = lac_run(&o);
    for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
        if (ends[i].end == end) {
            if (ends[i].ras_error != 0)
                write_device_error(ends[i].ras_error);
            return ends[i].status;
        }
    return 7;

bad:
    usage(stderr);
    return 1;
}
