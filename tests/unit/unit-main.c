/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>

#include "suites.h"

/* Pure tests: no bus, no daemon.  CK_FORK and the other CK_* variables
 * work as usual (CK_RUN_SUITE=connection runs one suite). */
int main(void) {
    Suite *(*const suites[])(void) = {
        phase_map_suite,
        exit_map_suite,
        bus_errors_suite,
        ras_layout_suite,
        struct_versions_suite,
        error_string_suite,
        connection_suite,
        handle_table_suite,
        hangup_suite,
        handle_registry_suite,
        config_file_suite,
        state_file_suite,
        link_end_suite,
        entry_name_suite,
        dial_params_suite,
        porting_base_suite,
        peers_entry_suite,
        entry_store_suite,
        entry_access_suite,
        uid_limits_suite,
        wnet_error_map_suite,
        mount_pin_suite,
        chat_script_suite,
        device_status_suite,
        link_device_suite,
        l2tp_suite,
        l2tp_lac_suite,
    };

    SRunner *runner = srunner_create(NULL);
    for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
        srunner_add_suite(runner, suites[i]());

    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
