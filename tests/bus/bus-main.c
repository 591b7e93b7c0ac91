/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>

#include "suites.h"

/* Against the real ppprasd on a private bus: run me through
 * tests/with-private-bus (PPPRAS_DAEMON_ARGS="--grace-period=1 --linger=2"
 * keeps the hang-up tests short). */
int main(void) {
    Suite *(*const suites[])(void) = {
        no_connections_suite,
        daemon_absent_suite,
        fake_link_suite,
        hangup_suite,
        access_suite,
        threads_suite,
    };

    if (!getenv("DBUS_SYSTEM_BUS_ADDRESS")) {
        fprintf(stderr, "bus-tests: DBUS_SYSTEM_BUS_ADDRESS is not set; run me as "
                        "tests/with-private-bus build/tests/bus-tests\n");
        return 77;
    }

    SRunner *runner = srunner_create(NULL);
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        srunner_add_suite(runner, suites[i]());

    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
