/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>

#include "suites.h"
#include "test-daemon.h"

/* Against the real ppprasd on a private bus: run me through
 * tests/with-private-bus (PPPRAS_DAEMON_ARGS="--grace-period=1 --linger=2"
 * keeps the hang-up tests short).  The daemon it started is replaced by
 * one that dials tests/fake-pppd from a scratch phonebook (test-daemon.h). */
int main(void) {
    Suite *(*const suites[])(void) = {
        no_connections_suite,
        daemon_absent_suite,
        fake_link_suite,
        hangup_suite,
        access_suite,
        threads_suite,
        dial_suite,
        entries_suite,
        link_info_suite,
        restart_suite,
        entry_props_suite,
        credentials_suite,
        devices_suite,
        link_stats_suite,
        dial_hold_suite,
    };

    if (!getenv("DBUS_SYSTEM_BUS_ADDRESS")) {
        fprintf(stderr, "bus-tests: DBUS_SYSTEM_BUS_ADDRESS is not set; run me as "
                        "tests/with-private-bus build/tests/bus-tests\n");
        return 77;
    }
    if (!getenv("PPPRAS_BUS_DIR") || !getenv("PPPRAS_DAEMON_PID")) {
        fprintf(stderr, "bus-tests: PPPRAS_BUS_DIR/PPPRAS_DAEMON_PID are not set: run me through "
                        "tests/with-private-bus (with its daemon)\n");
        return 77;
    }
    /* Daemons restarted by a test outlive it: they become ours to reap. */
    int r = prctl(PR_SET_CHILD_SUBREAPER, 1);
    if (r == 0)
        r = test_daemon_kill(SIGTERM);
    if (r == 0)
        r = test_daemon_start();
    if (r != 0) {
        fprintf(stderr, "bus-tests: could not start the test daemon: %s\n", strerror(r < 0 ? -r : r));
        return EXIT_FAILURE;
    }

    SRunner *runner = srunner_create(NULL);
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        srunner_add_suite(runner, suites[i]());

    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);

    int status = test_daemon_stop();
    if (status != 0) {
        fprintf(stderr, "bus-tests: the daemon did not exit cleanly on SIGTERM (%s %d); see daemon.log\n",
                status < 0 ? "error" : WIFSIGNALED(status) ? "signal" : "status",
                status < 0 ? -status : WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
        failed++;
    }
    /* the daemons the restart tests killed, handed to us as subreaper */
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
