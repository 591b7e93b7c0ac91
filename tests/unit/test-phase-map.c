/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* common/phase-map.c against the "pppd phase → RASCONNSTATE" table of
 * docs/state-tables.md, one pppd phase per test. */

#include <limits.h>

#include "phase-map.h"
#include "suites.h"

/* The entry for phase must say exactly the states listed, in order. */
static void assert_phase_enters(int phase, const char *name, size_t n, const RASCONNSTATE *states,
                                RASCONNSUBSTATE substate) {
    const PhaseMapEntry *e = phase_map_lookup(phase);

    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->phase, phase);
    ck_assert_str_eq(e->name, name);
    ck_assert_uint_eq(e->n_states, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(e->states[i] == states[i], "%s: state %zu is %s, expected %s", name, i,
                      ras_state_name(e->states[i]), ras_state_name(states[i]));
    ck_assert_int_eq(e->substate, substate);
}

#define ASSERT_PHASE(phase, substate, ...)                                                     \
    assert_phase_enters(phase, &(#phase)[sizeof("PPPD_") - 1],                                   \
                        sizeof((RASCONNSTATE[]){ __VA_ARGS__ }) / sizeof(RASCONNSTATE),        \
                        (RASCONNSTATE[]){ __VA_ARGS__ }, substate)
#define ASSERT_PHASE_KEEPS_STATE(phase) \
    assert_phase_enters(phase, &(#phase)[sizeof("PPPD_") - 1], 0, NULL, RASCSS_None)

START_TEST(test_phase_dead_leaves_state_until_exit_status_is_known) {
    /* RASCS_Disconnected waits for the exit report or the process end, so
     * RASCN_Disconnection wakes readers to the final dwError. */
    ASSERT_PHASE_KEEPS_STATE(PPPD_PHASE_DEAD);
}
END_TEST

START_TEST(test_phase_initialize_is_open_port) {
    ASSERT_PHASE(PPPD_PHASE_INITIALIZE, RASCSS_None, RASCS_OpenPort);
}
END_TEST

START_TEST(test_phase_serialconn_connect_script_running_is_connect_device) {
    ASSERT_PHASE(PPPD_PHASE_SERIALCONN, RASCSS_None, RASCS_PortOpened, RASCS_ConnectDevice);
}
END_TEST

START_TEST(test_phase_dormant_is_connect_device_dormant) {
    ASSERT_PHASE(PPPD_PHASE_DORMANT, RASCSS_Dormant, RASCS_ConnectDevice);
}
END_TEST

START_TEST(test_phase_establish_lcp_is_device_connected_then_all_devices_connected) {
    ASSERT_PHASE(PPPD_PHASE_ESTABLISH, RASCSS_None, RASCS_DeviceConnected, RASCS_AllDevicesConnected);
}
END_TEST

START_TEST(test_phase_authenticate_is_authenticate) {
    ASSERT_PHASE(PPPD_PHASE_AUTHENTICATE, RASCSS_None, RASCS_Authenticate);
}
END_TEST

START_TEST(test_phase_callback_is_prepare_for_callback_then_wait_for_callback) {
    ASSERT_PHASE(PPPD_PHASE_CALLBACK, RASCSS_None, RASCS_PrepareForCallback, RASCS_WaitForCallback);
}
END_TEST

START_TEST(test_phase_network_is_auth_project) {
    ASSERT_PHASE(PPPD_PHASE_NETWORK, RASCSS_None, RASCS_AuthProject);
}
END_TEST

START_TEST(test_phase_running_leaves_state_for_ip_up) {
    /* Connected comes with IP up, not with the phase. */
    ASSERT_PHASE_KEEPS_STATE(PPPD_PHASE_RUNNING);
}
END_TEST

START_TEST(test_phase_terminate_leaves_state_until_exit_status_is_known) {
    /* RASCS_Disconnected waits for the exit report or the process end, so
     * RASCN_Disconnection wakes readers to the final dwError. */
    ASSERT_PHASE_KEEPS_STATE(PPPD_PHASE_TERMINATE);
}
END_TEST

START_TEST(test_phase_disconnect_leaves_state_until_exit_status_is_known) {
    /* RASCS_Disconnected waits for the exit report or the process end, so
     * RASCN_Disconnection wakes readers to the final dwError. */
    ASSERT_PHASE_KEEPS_STATE(PPPD_PHASE_DISCONNECT);
}
END_TEST

START_TEST(test_phase_holdoff_persist_is_disconnected_reconnecting) {
    ASSERT_PHASE(PPPD_PHASE_HOLDOFF, RASCSS_Reconnecting, RASCS_Disconnected);
}
END_TEST

START_TEST(test_phase_master_bundle_still_up_is_connected) {
    ASSERT_PHASE(PPPD_PHASE_MASTER, RASCSS_None, RASCS_Connected);
}
END_TEST

START_TEST(test_phase_map_is_indexed_by_phase_number) {
    for (int p = 0; p < _PPPD_PHASE_MAX; p++) {
        ck_assert_int_eq(phase_map[p].phase, p);
        ck_assert_ptr_eq(phase_map_lookup(p), &phase_map[p]);
    }
}
END_TEST

START_TEST(test_phase_lookup_out_of_range_gives_null) {
    ck_assert_ptr_null(phase_map_lookup(-1));
    ck_assert_ptr_null(phase_map_lookup(_PPPD_PHASE_MAX));
    ck_assert_ptr_null(phase_map_lookup(13));
    ck_assert_ptr_null(phase_map_lookup(INT_MAX));
    ck_assert_ptr_null(phase_map_lookup(INT_MIN));
}
END_TEST

START_TEST(test_ras_state_name_names_every_windows_state) {
    static const struct { RASCONNSTATE state; const char *name; } names[] = {
        { RASCS_OpenPort, "RASCS_OpenPort" },
        { RASCS_PortOpened, "RASCS_PortOpened" },
        { RASCS_ConnectDevice, "RASCS_ConnectDevice" },
        { RASCS_DeviceConnected, "RASCS_DeviceConnected" },
        { RASCS_AllDevicesConnected, "RASCS_AllDevicesConnected" },
        { RASCS_Authenticate, "RASCS_Authenticate" },
        { RASCS_AuthNotify, "RASCS_AuthNotify" },
        { RASCS_AuthRetry, "RASCS_AuthRetry" },
        { RASCS_AuthCallback, "RASCS_AuthCallback" },
        { RASCS_AuthChangePassword, "RASCS_AuthChangePassword" },
        { RASCS_AuthProject, "RASCS_AuthProject" },
        { RASCS_AuthLinkSpeed, "RASCS_AuthLinkSpeed" },
        { RASCS_AuthAck, "RASCS_AuthAck" },
        { RASCS_ReAuthenticate, "RASCS_ReAuthenticate" },
        { RASCS_Authenticated, "RASCS_Authenticated" },
        { RASCS_PrepareForCallback, "RASCS_PrepareForCallback" },
        { RASCS_WaitForModemReset, "RASCS_WaitForModemReset" },
        { RASCS_WaitForCallback, "RASCS_WaitForCallback" },
        { RASCS_Projected, "RASCS_Projected" },
        { RASCS_StartAuthentication, "RASCS_StartAuthentication" },
        { RASCS_CallbackComplete, "RASCS_CallbackComplete" },
        { RASCS_LogonNetwork, "RASCS_LogonNetwork" },
        { RASCS_SubEntryConnected, "RASCS_SubEntryConnected" },
        { RASCS_SubEntryDisconnected, "RASCS_SubEntryDisconnected" },
        { RASCS_ApplySettings, "RASCS_ApplySettings" },
        { RASCS_Interactive, "RASCS_Interactive" },
        { RASCS_RetryAuthentication, "RASCS_RetryAuthentication" },
        { RASCS_CallbackSetByCaller, "RASCS_CallbackSetByCaller" },
        { RASCS_PasswordExpired, "RASCS_PasswordExpired" },
        { RASCS_InvokeEapUI, "RASCS_InvokeEapUI" },
        { RASCS_Connected, "RASCS_Connected" },
        { RASCS_Disconnected, "RASCS_Disconnected" },
    };

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        const char *name = ras_state_name(names[i].state);
        ck_assert_msg(name, "no name for state %d", (int) names[i].state);
        ck_assert_str_eq(name, names[i].name);
    }
    /* Windows' numbers, so logs mean the same thing. */
    ck_assert_int_eq(RASCS_Interactive, 0x1000);
    ck_assert_int_eq(RASCS_Connected, 0x2000);
    ck_assert_int_eq(RASCS_Disconnected, 0x2001);
}
END_TEST

START_TEST(test_ras_state_name_of_undefined_state_is_null) {
    ck_assert_ptr_null(ras_state_name((RASCONNSTATE) (RASCS_ApplySettings + 1)));
    ck_assert_ptr_null(ras_state_name((RASCONNSTATE) (RASCS_InvokeEapUI + 1)));
    ck_assert_ptr_null(ras_state_name((RASCONNSTATE) (RASCS_Disconnected + 1)));
    ck_assert_ptr_null(ras_state_name((RASCONNSTATE) -1));
}
END_TEST

Suite *phase_map_suite(void) {
    Suite *s = suite_create("phase_map");
    TCase *tc = tcase_create("phases");

    tcase_add_test(tc, test_phase_dead_leaves_state_until_exit_status_is_known);
    tcase_add_test(tc, test_phase_initialize_is_open_port);
    tcase_add_test(tc, test_phase_serialconn_connect_script_running_is_connect_device);
    tcase_add_test(tc, test_phase_dormant_is_connect_device_dormant);
    tcase_add_test(tc, test_phase_establish_lcp_is_device_connected_then_all_devices_connected);
    tcase_add_test(tc, test_phase_authenticate_is_authenticate);
    tcase_add_test(tc, test_phase_callback_is_prepare_for_callback_then_wait_for_callback);
    tcase_add_test(tc, test_phase_network_is_auth_project);
    tcase_add_test(tc, test_phase_running_leaves_state_for_ip_up);
    tcase_add_test(tc, test_phase_terminate_leaves_state_until_exit_status_is_known);
    tcase_add_test(tc, test_phase_disconnect_leaves_state_until_exit_status_is_known);
    tcase_add_test(tc, test_phase_holdoff_persist_is_disconnected_reconnecting);
    tcase_add_test(tc, test_phase_master_bundle_still_up_is_connected);
    tcase_add_test(tc, test_phase_map_is_indexed_by_phase_number);
    tcase_add_test(tc, test_phase_lookup_out_of_range_gives_null);
    suite_add_tcase(s, tc);

    tc = tcase_create("state_names");
    tcase_add_test(tc, test_ras_state_name_names_every_windows_state);
    tcase_add_test(tc, test_ras_state_name_of_undefined_state_is_null);
    suite_add_tcase(s, tc);
    return s;
}
