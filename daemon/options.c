/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "log.h"
#include "options.h"
#include "util.h"

#define DEFAULT_GRACE_SEC   5
#define DEFAULT_LINGER_SEC  60
#define DEFAULT_HANGUP_GROUP "pppras"
/* A day: longer timeouts are typos, and this keeps µs arithmetic far from overflow. */
#define MAX_TIMEOUT_SEC     86400

void daemon_options_init(DaemonOptions *o) {
    assert(o);
    *o = (DaemonOptions) {
        .grace_usec = DEFAULT_GRACE_SEC * USEC_PER_SEC,
        .linger_usec = DEFAULT_LINGER_SEC * USEC_PER_SEC,
        .supervise_usec = 0,
        .log_level = LOG_INFO,
    };
}

void daemon_options_done(DaemonOptions *o) {
    assert(o);
    free(o->hangup_group);
    o->hangup_group = NULL;
}

static void help(void) {
    printf("ppprasd [OPTIONS...]\n\n"
           "The pppras daemon: the Windows RAS connection API for pppd, on the system bus\n"
           "as org.pppras.Ras1.\n\n"
           "  -h --help                   Show this help\n"
           "     --version                Show the version\n"
           "     --grace-period=SEC       Seconds from SIGTERM to SIGKILL on hang-up (default %d)\n"
           "     --linger=SEC             Seconds a connection that ended on its own keeps its\n"
           "                              handle for RasGetConnectStatus (default %d)\n"
           "     --supervise-timeout=SEC  Hang up a pppd that has not connected after SEC\n"
           "                              seconds (default 0: never)\n"
           "     --hangup-group=NAME      Group whose members may hang up any connection\n"
           "                              (default \"%s\")\n"
           "     --log-level=LEVEL        err, warning, notice, info or debug (default info)\n",
           DEFAULT_GRACE_SEC, DEFAULT_LINGER_SEC, DEFAULT_HANGUP_GROUP);
}

/* Whole seconds, possibly with a fraction ("1.5"): µs. */
static int parse_seconds(const char *s, uint64_t *ret) {
    assert(s);
    assert(ret);

    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v >= 0) || v > MAX_TIMEOUT_SEC)
        return -EINVAL;
    *ret = (uint64_t) (v * USEC_PER_SEC + 0.5);
    return 0;
}

static int parse_level(const char *s) {
    static const char *const names[] = {
        [LOG_ERR] = "err", [LOG_WARNING] = "warning", [LOG_NOTICE] = "notice",
        [LOG_INFO] = "info", [LOG_DEBUG] = "debug",
    };
    for (size_t i = 0; i < ELEMENTSOF(names); i++)
        if (names[i] && strcmp(names[i], s) == 0)
            return (int) i;
    return -EINVAL;
}

int daemon_options_parse(DaemonOptions *o, int argc, char *argv[]) {
    enum {
        ARG_VERSION = 0x100,
        ARG_GRACE,
        ARG_LINGER,
        ARG_SUPERVISE,
        ARG_HANGUP_GROUP,
        ARG_LOG_LEVEL,
    };
    static const struct option options[] = {
        { "help",              no_argument,       NULL, 'h' },
        { "version",           no_argument,       NULL, ARG_VERSION },
        { "grace-period",      required_argument, NULL, ARG_GRACE },
        { "linger",            required_argument, NULL, ARG_LINGER },
        { "supervise-timeout", required_argument, NULL, ARG_SUPERVISE },
        { "hangup-group",      required_argument, NULL, ARG_HANGUP_GROUP },
        { "log-level",         required_argument, NULL, ARG_LOG_LEVEL },
        {}
    };

    assert(o);
    assert(argc >= 0);

    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) >= 0)
        switch (c) {
        case 'h':
            help();
            return 0;
        case ARG_VERSION:
            printf("ppprasd %s\n", PPPRAS_VERSION);
            return 0;
        case ARG_GRACE:
            if (parse_seconds(optarg, &o->grace_usec) < 0)
                return log_error_errno(EINVAL, "Invalid --grace-period: %s", optarg);
            break;
        case ARG_LINGER:
            if (parse_seconds(optarg, &o->linger_usec) < 0)
                return log_error_errno(EINVAL, "Invalid --linger: %s", optarg);
            break;
        case ARG_SUPERVISE:
            if (parse_seconds(optarg, &o->supervise_usec) < 0)
                return log_error_errno(EINVAL, "Invalid --supervise-timeout: %s", optarg);
            break;
        case ARG_HANGUP_GROUP:
            if (free_and_strdup(&o->hangup_group, optarg) < 0)
                return log_oom();
            break;
        case ARG_LOG_LEVEL: {
            int level = parse_level(optarg);
            if (level < 0)
                return log_error_errno(EINVAL, "Invalid --log-level: %s", optarg);
            o->log_level = level;
            break;
        }
        case '?':
            return -EINVAL;
        default:
            assert(!"unexpected option");
            return -EINVAL;
        }

    if (optind < argc)
        return log_error_errno(EINVAL, "%s takes no arguments.", argv[0]);
    if (!o->hangup_group && free_and_strdup(&o->hangup_group, DEFAULT_HANGUP_GROUP) < 0)
        return log_oom();
    return 1;
}
