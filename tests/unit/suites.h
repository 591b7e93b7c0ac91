/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Every suite of build/tests/unit-tests.  unit-main.c runs them all in one
 * SRunner, so Check prints one summary line for the whole program. */

#include <check.h>

Suite *phase_map_suite(void);
Suite *exit_map_suite(void);
Suite *bus_errors_suite(void);
Suite *ras_layout_suite(void);
Suite *struct_versions_suite(void);
Suite *error_string_suite(void);
Suite *connection_suite(void);
Suite *handle_table_suite(void);
Suite *hangup_suite(void);
Suite *handle_registry_suite(void);
Suite *config_file_suite(void);
Suite *state_file_suite(void);
Suite *link_end_suite(void);
Suite *entry_name_suite(void);
Suite *dial_params_suite(void);
Suite *porting_base_suite(void);
Suite *peers_entry_suite(void);
Suite *entry_store_suite(void);
Suite *entry_access_suite(void);
Suite *uid_limits_suite(void);
Suite *wnet_error_map_suite(void);
Suite *mount_pin_suite(void);
Suite *chat_script_suite(void);
Suite *device_status_suite(void);
Suite *link_device_suite(void);
Suite *l2tp_suite(void);
Suite *l2tp_lac_suite(void);
