/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Every suite of build/tests/bus-tests, run by bus-main.c in one SRunner
 * as `tests/with-private-bus build/tests/bus-tests`. */

#include <check.h>

Suite *no_connections_suite(void);
Suite *daemon_absent_suite(void);
Suite *fake_link_suite(void);
Suite *hangup_suite(void);
Suite *access_suite(void);
Suite *threads_suite(void);
Suite *dial_suite(void);
Suite *entries_suite(void);
Suite *link_info_suite(void);
Suite *restart_suite(void);
Suite *entry_props_suite(void);
Suite *credentials_suite(void);
Suite *devices_suite(void);
Suite *link_stats_suite(void);
Suite *dial_hold_suite(void);
