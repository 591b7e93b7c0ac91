/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/connection.c: the connection state machine of docs/state-tables.md, driven
 * through its pure functions, every transition checked in order. */

#include <errno.h>
#include <stdlib.h>

#include "../../daemon/connection.h"
#include "exit-map.h"
#include "phase-map.h"
#include "suites.h"

#define MAX_SEEN 64

/* What the observer was told, in order. */
typedef struct Recorder {
    RASCONNSTATE states[MAX_SEEN];
    uint32_t errors[MAX_SEEN];
    size_t n;
    unsigned properties;
} Recorder;

static void record_state(Connection *c, void *userdata) {
    Recorder *r = userdata;
    ck_assert_uint_lt(r->n, MAX_SEEN);
    r->states[r->n] = c->state;
    r->errors[r->n] = c->error;
    r->n++;
}

static void record_properties(Connection *c, unsigned mask, void *userdata) {
    Recorder *r = userdata;
    r->properties |= mask;
}

static const ConnectionObserver recorder_observer = {
    .state_entered = record_state,
    .properties_changed = record_properties,
};

static Connection *conn;
static Recorder seen;

static void setup(void) {
    seen = (Recorder) {};
    ck_assert_int_eq(connection_new(&conn, 0x1000, 4242, 0, 1), 0);
    connection_set_observer(conn, &recorder_observer, &seen);
}

static void teardown(void) {
    conn = connection_free(conn);
}

/* The observer saw exactly these states (and nothing else) since the last call. */
static void assert_seen(size_t n, const RASCONNSTATE *states) {
    ck_assert_msg(seen.n == n, "saw %zu states, expected %zu (last: %s)", seen.n, n,
                  seen.n ? ras_state_name(seen.states[seen.n - 1]) : "none");
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(seen.states[i] == states[i], "state %zu is %s, expected %s", i,
                      ras_state_name(seen.states[i]), ras_state_name(states[i]));
    seen.n = 0;
}

#define ASSERT_SEEN(...)                                                                      \
    assert_seen(sizeof((RASCONNSTATE[]){ __VA_ARGS__ }) / sizeof(RASCONNSTATE),               \
                (RASCONNSTATE[]){ __VA_ARGS__ })
#define ASSERT_SEEN_NOTHING() assert_seen(0, NULL)

static void ip_up(void) {
    LinkInfo info = LINK_INFO_INIT;
    info.ifname = "ppp0";
    info.local = "10.0.0.1";
    info.remote = "10.0.0.2";
    ck_assert_int_eq(connection_apply_ip_up(conn, &info), 0);
}

START_TEST(test_new_connection_is_open_port_with_no_error) {
    ck_assert_int_eq(conn->state, RASCS_OpenPort);
    ck_assert_uint_eq(conn->error, 0);
    ck_assert_uint_eq(conn->handle, 0x1000);
    ck_assert_int_eq(conn->pid, 4242);
    ck_assert(!connection_is_enumerable(conn));
    ASSERT_SEEN_NOTHING();
}
END_TEST

START_TEST(test_phases_walk_open_port_to_connected) {
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_INITIALIZE), 0);
    ASSERT_SEEN_NOTHING();   /* already RASCS_OpenPort */
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_SERIALCONN), 0);
    ASSERT_SEEN(RASCS_PortOpened, RASCS_ConnectDevice);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_ESTABLISH), 0);
    ASSERT_SEEN(RASCS_DeviceConnected, RASCS_AllDevicesConnected);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_NETWORK), 0);
    ASSERT_SEEN(RASCS_AuthProject);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_RUNNING), 0);
    ASSERT_SEEN_NOTHING();
    ck_assert(!connection_is_enumerable(conn));
    ip_up();
    ASSERT_SEEN(RASCS_Projected, RASCS_Connected);
    ck_assert(connection_is_enumerable(conn));
    ck_assert_uint_eq(conn->error, 0);
}
END_TEST

START_TEST(test_ending_phases_wait_for_exit_status_then_disconnected_once) {
    ip_up();
    seen.n = 0;
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_TERMINATE), 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_DISCONNECT), 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_DEAD), 0);
    ASSERT_SEEN_NOTHING();
    connection_apply_process_gone(conn, RAS_ERROR_PPPD_KILLED);
    ck_assert_uint_eq(seen.n, 1);
    ck_assert_int_eq(seen.states[0], RASCS_Disconnected);
    ck_assert_uint_eq(seen.errors[0], 829);
    ck_assert(!connection_is_enumerable(conn));
}
END_TEST

START_TEST(test_exit_report_enters_disconnected_with_its_dwerror) {
    /* docs/state-tables.md: "pppd's exit report, or pppd gone" enters
     * RASCS_Disconnected with dwError from the exit status. */
    ip_up();
    seen.n = 0;
    connection_apply_exit(conn, 5, false);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 631);
    ck_assert_uint_eq(seen.n, 1);
    ck_assert_uint_eq(seen.errors[0], 631);
}
END_TEST

START_TEST(test_auth_path_passes_authenticated_before_auth_project) {
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_ESTABLISH), 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_AUTHENTICATE), 0);
    seen.n = 0;
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_NETWORK), 0);
    ASSERT_SEEN(RASCS_Authenticated, RASCS_AuthProject);
}
END_TEST

START_TEST(test_full_auth_path_in_order) {
    static const int phases[] = { PPPD_PHASE_SERIALCONN, PPPD_PHASE_ESTABLISH, PPPD_PHASE_AUTHENTICATE,
                                  PPPD_PHASE_NETWORK, PPPD_PHASE_RUNNING };
    for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++)
        ck_assert_int_eq(connection_apply_phase(conn, phases[i]), 0);
    ip_up();
    ASSERT_SEEN(RASCS_PortOpened, RASCS_ConnectDevice, RASCS_DeviceConnected, RASCS_AllDevicesConnected,
                RASCS_Authenticate, RASCS_Authenticated, RASCS_AuthProject, RASCS_Projected,
                RASCS_Connected);
}
END_TEST

START_TEST(test_callback_phase_is_prepare_then_wait_for_callback) {
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_AUTHENTICATE), 0);
    seen.n = 0;
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_CALLBACK), 0);
    ASSERT_SEEN(RASCS_PrepareForCallback, RASCS_WaitForCallback);
}
END_TEST

START_TEST(test_ip_up_sets_addresses_and_reports_them_changed) {
    ip_up();
    ck_assert_str_eq(conn->ifname, "ppp0");
    ck_assert_str_eq(conn->local, "10.0.0.1");
    ck_assert_str_eq(conn->remote, "10.0.0.2");
    ck_assert_uint_eq(seen.properties & CONNECTION_PROPERTY_INTERFACE, CONNECTION_PROPERTY_INTERFACE);
    ck_assert_uint_eq(seen.properties & CONNECTION_PROPERTY_LOCAL_ADDRESS, CONNECTION_PROPERTY_LOCAL_ADDRESS);
    ck_assert_uint_eq(seen.properties & CONNECTION_PROPERTY_REMOTE_ADDRESS, CONNECTION_PROPERTY_REMOTE_ADDRESS);
    ck_assert_uint_eq(seen.properties & CONNECTION_PROPERTY_STATE, CONNECTION_PROPERTY_STATE);
}
END_TEST

START_TEST(test_second_ip_up_does_not_repeat_connected) {
    ip_up();
    seen.n = 0;
    ip_up();
    ASSERT_SEEN_NOTHING();
    ck_assert_int_eq(conn->state, RASCS_Connected);
}
END_TEST

START_TEST(test_exit_after_disconnected_sets_dwerror_and_announces_it_again) {
    ip_up();
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_HOLDOFF), 0);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 0);
    seen.n = 0;
    connection_apply_exit(conn, 5, false);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 631);
    /* Same state again, with the final error, for StateChanged followers. */
    ck_assert_uint_eq(seen.n, 1);
    ck_assert_int_eq(seen.states[0], RASCS_Disconnected);
    ck_assert_uint_eq(seen.errors[0], 631);
}
END_TEST

START_TEST(test_exit_then_process_gone_is_disconnected_once_with_exit_error) {
    ip_up();
    seen.n = 0;
    connection_apply_exit(conn, 16, true);
    connection_apply_process_gone(conn, RAS_ERROR_PPPD_KILLED);
    ck_assert_uint_eq(seen.n, 1);   /* Disconnected once, already with its error */
    ck_assert_int_eq(seen.states[0], RASCS_Disconnected);
    ck_assert_uint_eq(seen.errors[0], 629);
    ck_assert_uint_eq(conn->error, 629);
}
END_TEST

START_TEST(test_exit_hangup_without_peer_terminate_is_829) {
    ip_up();
    connection_apply_exit(conn, 16, false);
    connection_apply_process_gone(conn, 0);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 829);
}
END_TEST

/* The peer refused our credentials and closed the line before pppd could
 * exit 19: pppd exits 16, but the plugin reported the failure. */
START_TEST(test_exit_hangup_after_auth_failure_is_691) {
    connection_apply_phase(conn, PPPD_PHASE_AUTHENTICATE);
    connection_apply_auth(conn, false);
    connection_apply_exit(conn, 16, true);
    connection_apply_process_gone(conn, 0);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 691);
}
END_TEST

/* A device program's code (a PPTP tunnel that never came up: 800) is the
 * dwError of a dial pppd ends with a hangup before the link was up; once
 * Connected, or after an authentication failure, pppd's own account
 * stands; a redial's link is judged afresh. */
START_TEST(test_device_code_names_a_dial_that_failed_on_the_device) {
    connection_apply_phase(conn, PPPD_PHASE_SERIALCONN);
    connection_apply_phase(conn, PPPD_PHASE_ESTABLISH);
    conn->device_error = 800;
    ck_assert(connection_device_error_explains(conn, 16));
    ck_assert(!connection_device_error_explains(conn, 5));
    connection_apply_exit(conn, 16, false);
    connection_apply_process_gone(conn, 0);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 800);
}
END_TEST

START_TEST(test_device_code_does_not_rename_the_end_of_a_connected_link) {
    ip_up();
    conn->device_error = 800;
    ck_assert(!connection_device_error_explains(conn, 16));
    connection_apply_exit(conn, 16, true);
    ck_assert_uint_eq(conn->error, 629);
}
END_TEST

START_TEST(test_device_code_does_not_rename_an_authentication_failure) {
    connection_apply_phase(conn, PPPD_PHASE_AUTHENTICATE);
    connection_apply_auth(conn, false);
    conn->device_error = 800;
    ck_assert(!connection_device_error_explains(conn, 19));
    connection_apply_exit(conn, 19, false);
    ck_assert_uint_eq(conn->error, 691);
}
END_TEST

START_TEST(test_device_code_counts_again_for_a_redial) {
    ip_up();
    connection_apply_phase(conn, PPPD_PHASE_HOLDOFF);
    connection_apply_phase(conn, PPPD_PHASE_SERIALCONN);
    conn->device_error = 800;
    ck_assert(connection_device_error_explains(conn, 16));
}
END_TEST

/* A redial (persist) starts a new link: the last one's failure is history. */
START_TEST(test_auth_failure_is_forgotten_by_a_redial) {
    connection_apply_phase(conn, PPPD_PHASE_AUTHENTICATE);
    connection_apply_auth(conn, false);
    connection_apply_phase(conn, PPPD_PHASE_SERIALCONN);
    connection_apply_exit(conn, 16, false);
    ck_assert_uint_eq(conn->exit_error, 829);
}
END_TEST

START_TEST(test_process_gone_without_exit_gives_fallback_error) {
    ip_up();
    seen.n = 0;
    connection_apply_process_gone(conn, RAS_ERROR_PPPD_KILLED);
    ck_assert(conn->process_gone);
    ck_assert_uint_eq(seen.n, 1);
    ck_assert_int_eq(seen.states[0], RASCS_Disconnected);
    ck_assert_uint_eq(seen.errors[0], 829);
    ck_assert(!connection_is_enumerable(conn));
}
END_TEST

START_TEST(test_process_gone_keeps_error_reported_by_exit) {
    ip_up();
    connection_apply_exit(conn, 19, false);
    connection_apply_process_gone(conn, RAS_ERROR_PPPD_KILLED);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 691);
}
END_TEST

START_TEST(test_after_process_gone_nothing_changes_the_state) {
    connection_apply_process_gone(conn, 829);
    seen.n = 0;
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_ESTABLISH), 0);
    ip_up();
    connection_apply_exit(conn, 5, false);
    connection_apply_process_gone(conn, 631);
    ASSERT_SEEN_NOTHING();
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 829);
}
END_TEST

START_TEST(test_unknown_phase_is_einval_and_changes_nothing) {
    ck_assert_int_eq(connection_apply_phase(conn, _PPPD_PHASE_MAX), -EINVAL);
    ck_assert_int_eq(connection_apply_phase(conn, -1), -EINVAL);
    ASSERT_SEEN_NOTHING();
    ck_assert_int_eq(conn->state, RASCS_OpenPort);
}
END_TEST

START_TEST(test_holdoff_is_disconnected_reconnecting_then_redial_starts_over) {
    ip_up();
    seen.n = 0;
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_HOLDOFF), 0);
    ASSERT_SEEN(RASCS_Disconnected);
    ck_assert_int_eq(conn->substate, RASCSS_Reconnecting);
    ck_assert_uint_eq(conn->error, 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_SERIALCONN), 0);
    ASSERT_SEEN(RASCS_PortOpened, RASCS_ConnectDevice);
    ck_assert_int_eq(conn->substate, RASCSS_None);
    ip_up();
    ASSERT_SEEN(RASCS_Projected, RASCS_Connected);
}
END_TEST

START_TEST(test_hanging_up_connection_is_not_enumerated) {
    ip_up();
    ck_assert(connection_is_enumerable(conn));
    conn->hanging_up = true;
    ck_assert(!connection_is_enumerable(conn));
}
END_TEST

START_TEST(test_register_of_restarted_daemon_with_running_link_is_connected) {
    LinkInfo info = LINK_INFO_INIT;
    info.entry = "fake";
    info.phase = PPPD_PHASE_RUNNING;
    info.ifname = "ppp0";
    info.local = "10.0.0.1";
    info.remote = "10.0.0.2";
    ck_assert_int_eq(connection_apply_register(conn, &info), 0);
    ASSERT_SEEN(RASCS_Projected, RASCS_Connected);
    ck_assert_str_eq(conn->entry_name, "fake");
}
END_TEST

START_TEST(test_register_entry_names_the_connection) {
    LinkInfo info = LINK_INFO_INIT;
    info.entry = "office";
    info.phone = "5551234";
    ck_assert_int_eq(connection_apply_register(conn, &info), 0);
    ck_assert_str_eq(conn->entry_name, "office");
    ck_assert_uint_eq(seen.properties & CONNECTION_PROPERTY_ENTRY_NAME, CONNECTION_PROPERTY_ENTRY_NAME);
    ck_assert_str_eq(connection_phonebook(conn), "/etc/ppp/peers");
}
END_TEST

START_TEST(test_connection_without_entry_is_phone_number_preceded_by_dot) {
    LinkInfo info = LINK_INFO_INIT;
    info.phone = "5551234";
    info.device = "/dev/ttyS0";
    ck_assert_int_eq(connection_apply_register(conn, &info), 0);
    ck_assert_str_eq(conn->entry_name, ".5551234");
    ck_assert_str_eq(connection_phonebook(conn), "");
}
END_TEST

START_TEST(test_connection_without_entry_or_phone_is_device_preceded_by_dot) {
    LinkInfo info = LINK_INFO_INIT;
    info.device = "/dev/ttyS0";
    ck_assert_int_eq(connection_apply_register(conn, &info), 0);
    ck_assert_str_eq(conn->entry_name, "./dev/ttyS0");
}
END_TEST

START_TEST(test_register_with_phase_applies_the_phase) {
    LinkInfo info = LINK_INFO_INIT;
    info.phase = PPPD_PHASE_ESTABLISH;
    ck_assert_int_eq(connection_apply_register(conn, &info), 0);
    ASSERT_SEEN(RASCS_DeviceConnected, RASCS_AllDevicesConnected);
    info.phase = 99;
    ck_assert_int_eq(connection_apply_register(conn, &info), -EINVAL);
}
END_TEST


/* Register repeats the current phase: it must not replay its states. */
START_TEST(test_repeated_phase_report_enters_nothing_again) {
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_SERIALCONN), 0);
    ASSERT_SEEN(RASCS_PortOpened, RASCS_ConnectDevice);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_SERIALCONN), 0);
    ASSERT_SEEN_NOTHING();
}
END_TEST

/* pppd's link_down() re-enters PHASE_ESTABLISH after a Terminate-Request:
 * a connected link stays Connected until pppd says how it ends. */
static void connect_fully(void) {
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_SERIALCONN), 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_ESTABLISH), 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_NETWORK), 0);
    ip_up();
    ck_assert_int_eq(conn->state, RASCS_Connected);
    seen.n = 0;
}

START_TEST(test_connected_link_going_down_stays_connected_until_exit) {
    connect_fully();
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_ESTABLISH), 0);
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_TERMINATE), 0);
    ASSERT_SEEN_NOTHING();
    connection_apply_exit(conn, 16, true);
    ck_assert_int_eq(conn->state, RASCS_Disconnected);
    ck_assert_uint_eq(conn->error, 629);
}
END_TEST

/* persist: a new dial after a connected link first ends that connection. */
START_TEST(test_redial_after_connected_passes_disconnected) {
    connect_fully();
    ck_assert_int_eq(connection_apply_phase(conn, PPPD_PHASE_SERIALCONN), 0);
    ASSERT_SEEN(RASCS_Disconnected, RASCS_PortOpened, RASCS_ConnectDevice);
}
END_TEST

Suite *connection_suite(void) {
    Suite *s = suite_create("connection");
    TCase *tc = tcase_create("state_machine");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_new_connection_is_open_port_with_no_error);
    tcase_add_test(tc, test_phases_walk_open_port_to_connected);
    tcase_add_test(tc, test_ending_phases_wait_for_exit_status_then_disconnected_once);
    tcase_add_test(tc, test_exit_report_enters_disconnected_with_its_dwerror);
    tcase_add_test(tc, test_auth_path_passes_authenticated_before_auth_project);
    tcase_add_test(tc, test_full_auth_path_in_order);
    tcase_add_test(tc, test_callback_phase_is_prepare_then_wait_for_callback);
    tcase_add_test(tc, test_ip_up_sets_addresses_and_reports_them_changed);
    tcase_add_test(tc, test_second_ip_up_does_not_repeat_connected);
    tcase_add_test(tc, test_exit_after_disconnected_sets_dwerror_and_announces_it_again);
    tcase_add_test(tc, test_exit_then_process_gone_is_disconnected_once_with_exit_error);
    tcase_add_test(tc, test_exit_hangup_without_peer_terminate_is_829);
    tcase_add_test(tc, test_exit_hangup_after_auth_failure_is_691);
    tcase_add_test(tc, test_auth_failure_is_forgotten_by_a_redial);
    tcase_add_test(tc, test_process_gone_without_exit_gives_fallback_error);
    tcase_add_test(tc, test_process_gone_keeps_error_reported_by_exit);
    tcase_add_test(tc, test_after_process_gone_nothing_changes_the_state);
    tcase_add_test(tc, test_unknown_phase_is_einval_and_changes_nothing);
    tcase_add_test(tc, test_holdoff_is_disconnected_reconnecting_then_redial_starts_over);
    tcase_add_test(tc, test_hanging_up_connection_is_not_enumerated);
    tcase_add_test(tc, test_register_of_restarted_daemon_with_running_link_is_connected);
    tcase_add_test(tc, test_register_entry_names_the_connection);
    tcase_add_test(tc, test_connection_without_entry_is_phone_number_preceded_by_dot);
    tcase_add_test(tc, test_connection_without_entry_or_phone_is_device_preceded_by_dot);
    tcase_add_test(tc, test_register_with_phase_applies_the_phase);
    tcase_add_test(tc, test_repeated_phase_report_enters_nothing_again);
    tcase_add_test(tc, test_connected_link_going_down_stays_connected_until_exit);
    tcase_add_test(tc, test_redial_after_connected_passes_disconnected);
    tcase_add_test(tc, test_device_code_names_a_dial_that_failed_on_the_device);
    tcase_add_test(tc, test_device_code_does_not_rename_the_end_of_a_connected_link);
    tcase_add_test(tc, test_device_code_does_not_rename_an_authentication_failure);
    tcase_add_test(tc, test_device_code_counts_again_for_a_redial);
    suite_add_tcase(s, tc);
    return s;
}
