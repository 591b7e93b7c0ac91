/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* stress TEST [--seed=N] [--rounds=N] [--long]: one reliability test against
 * the daemon of a private bus (tests/with-private-bus); tests/stress/run-stress
 * runs them all.  Exit 0 when every assertion held. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "stress-util.h"

static const struct {
    const char *name;
    int (*run)(const StressOptions *o);
} tests[] = {
    { "fuzz", stress_fuzz },
    { "cycles", stress_cycles },
    { "restart", stress_restart },
    { "flood", stress_flood },
};

static void help(void) {
    printf("usage: stress fuzz|cycles|restart|flood [--seed=N] [--rounds=N] [--long]\n");
}

int main(int argc, char *argv[]) {
    static const struct option options[] = {
        { "seed", required_argument, NULL, 's' },
        { "rounds", required_argument, NULL, 'r' },
        { "long", no_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        {}
    };
    StressOptions o = { .seed = (uint64_t) time(NULL) ^ (uint64_t) getpid() };
    int c;

    while ((c = getopt_long(argc, argv, "", options, NULL)) >= 0)
        switch (c) {
        case 's': o.seed = strtoull(optarg, NULL, 0); break;
        case 'r': o.rounds = strtoull(optarg, NULL, 0); break;
        case 'l': o.long_run = true; break;
        case 'h': help(); return 0;
        default: help(); return 2;
        }
    if (optind + 1 != argc) {
        help();
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++)
        if (strcmp(argv[optind], tests[i].name) == 0)
            return tests[i].run(&o);
    help();
    return 2;
}
