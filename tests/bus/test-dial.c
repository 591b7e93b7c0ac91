/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasDial against the daemon's Dial, which starts tests/fake-pppd for an
 * entry of the test phonebook (test-daemon.h): every documented error
 * path, in A and W, and the named D-Bus errors behind them. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "test-daemon.h"
#include "windows.h"

#define ENTRY_NOT_FOUND "org.pppras.Ras1.Error.EntryNotFound"
#define DIAL_IN_PROGRESS "org.pppras.Ras1.Error.DialInProgress"
#define ELEMENTSOF(a) (sizeof(a) / sizeof((a)[0]))

/* Handles dialled by the running test, hung up by the teardown. */
static HRASCONN dialled[8];
static size_t n_dialled;

static void setup(void) {
    n_dialled = 0;
}

static void teardown(void) {
    for (size_t i = 0; i < n_dialled; i++)
        test_hang_up_and_wait(dialled[i]);
}

static HRASCONN keep(HRASCONN h) {
    ck_assert_uint_lt(n_dialled, sizeof(dialled) / sizeof(dialled[0]));
    if (h)
        dialled[n_dialled++] = h;
    return h;
}

static RASDIALPARAMSA params_a(const char *entry) {
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", entry);
    return p;
}

static RASDIALPARAMSW params_w(const wchar_t *entry) {
    RASDIALPARAMSW p = { .dwSize = sizeof(p) };
    wcsncpy(p.szEntryName, entry, RAS_MaxEntryName);
    return p;
}

START_TEST(test_dial_null_params_or_handle_pointer_is_invalid_parameter) {
    RASDIALPARAMSA p = params_a("isp");
    RASDIALPARAMSW pw = params_w(L"isp");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, NULL, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasDialW(NULL, NULL, NULL, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasDialW(NULL, NULL, &pw, 0, NULL, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(h);
}
END_TEST

START_TEST(test_dial_bad_dwsize_is_invalid_size) {
    test_write_entry("size", "connect");
    RASDIALPARAMSA p = params_a("size");
    RASDIALPARAMSW pw = params_w(L"size");
    HRASCONN h = NULL;

    p.dwSize = 3;
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_INVALID_SIZE);
    p.dwSize = sizeof(p) + 4;
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_INVALID_SIZE);
    /* the A structure's size is no W structure's */
    pw.dwSize = sizeof(RASDIALPARAMSA);
    ck_assert_uint_eq(RasDialW(NULL, NULL, &pw, 0, NULL, &h), ERROR_INVALID_SIZE);
    ck_assert_ptr_null(h);
    ck_assert_uint_eq(test_count_connections(), 0);
}
END_TEST

START_TEST(test_dial_entry_not_in_the_phonebook_is_623) {
    RASDIALPARAMSA p = params_a("no-such-entry");
    RASDIALPARAMSW pw = params_w(L"no-such-entry");
    RASDIALPARAMSA empty = params_a("");
    HRASCONN h = NULL;
    TestBusError e;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasDialW(NULL, NULL, &pw, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasDialA(NULL, NULL, &empty, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_ptr_null(h);
    test_assert_bus_error(test_bus_dial("no-such-entry", NULL, &e), &e, ENTRY_NOT_FOUND, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}
END_TEST

/* Names RasDial(3) refuses; "../outside" and "sub/inner" exist as files. */
static const char *const invalid_names[] = {
    "..", ".", "../outside", "sub/inner", ".hidden", "/etc/passwd", "bad\nname", "tab\tname", "esc\x1b",
};

START_TEST(test_dial_invalid_name_is_refused_with_entry_not_found) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/../outside", test_phonebook_dir());
    FILE *f = fopen(path, "we");
    ck_assert_ptr_nonnull(f);
    fputs("connect\n", f);
    fclose(f);
    test_write_entry(".hidden", "connect");
    snprintf(path, sizeof(path), "%s/sub", test_phonebook_dir());
    ck_assert(mkdir(path, 0755) == 0 || errno == EEXIST);
    test_write_entry("sub/inner", "connect");

    const char *name = invalid_names[_i];
    RASDIALPARAMSA p = params_a(name);
    HRASCONN h = NULL;
    TestBusError e;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_ptr_null(h);
    test_assert_bus_error(test_bus_dial(name, NULL, &e), &e, ENTRY_NOT_FOUND, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(test_count_connections(), 0);
}
END_TEST

START_TEST(test_dial_overlong_name_is_refused) {
    char name[300];
    memset(name, 'n', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    TestBusError e;

    test_assert_bus_error(test_bus_dial(name, NULL, &e), &e, ENTRY_NOT_FOUND, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}
END_TEST

START_TEST(test_dial_another_phonebook_is_621) {
    test_write_entry("pbk", "connect");
    RASDIALPARAMSA p = params_a("pbk");
    RASDIALPARAMSW pw = params_w(L"pbk");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, "/nonexistent/rasphone.pbk", &p, 0, NULL, &h), ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_uint_eq(RasDialW(NULL, L"/nonexistent/rasphone.pbk", &pw, 0, NULL, &h), ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_ptr_null(h);
}
END_TEST

START_TEST(test_dial_sync_connects_and_hang_up_retires_the_handle) {
    test_write_entry("isp-a", "connect");
    RASDIALPARAMSA p = params_a("isp-a");
    HRASCONN h = NULL;

    /* the daemon's own directory is an accepted lpszPhonebook */
    ck_assert_uint_eq(RasDialA(NULL, test_phonebook_dir(), &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    ck_assert_ptr_nonnull(h);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Connected);
    ck_assert_uint_eq(st.dwError, 0);
    ck_assert_str_eq(st.szDeviceName, "/dev/pts/99");

    RASCONNA conn = { .dwSize = sizeof(conn) };
    DWORD cb = sizeof(conn), n = 0;
    ck_assert_uint_eq(RasEnumConnectionsA(&conn, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_ptr_eq(conn.hrasconn, h);
    ck_assert_str_eq(conn.szEntryName, "isp-a");

    test_hang_up_and_wait(h);
    n_dialled = 0;
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
}
END_TEST

START_TEST(test_dial_w_connects_an_entry_with_a_utf8_name) {
    test_write_entry("Büro-w", "connect");
    RASDIALPARAMSW p = params_w(L"Büro-w");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialW(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    RASCONNW conn = { .dwSize = sizeof(conn) };
    DWORD cb = sizeof(conn), n = 0;
    ck_assert_uint_eq(RasEnumConnectionsW(&conn, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_ptr_eq(conn.hrasconn, h);
    ck_assert(wcscmp(conn.szEntryName, L"Büro-w") == 0);
}
END_TEST

START_TEST(test_dial_of_an_entry_being_dialled_is_756) {
    test_write_entry("slow", "hold");
    RASDIALPARAMSA p = params_a("slow");
    RASDIALPARAMSW pw = params_w(L"slow");
    uint64_t handle = 0;
    HRASCONN h = NULL;
    TestBusError e;

    /* Dial returns at once, in RASCS_OpenPort; "hold" never connects */
    ck_assert_int_eq(test_bus_dial("slow", &handle, &e), 0);
    keep(test_hrasconn(handle));
    ck_assert_int_lt(test_status(test_hrasconn(handle)).rasconnstate, RASCS_Connected);

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_DIAL_ALREADY_IN_PROGRESS);
    ck_assert_uint_eq(RasDialW(NULL, NULL, &pw, 0, NULL, &h), ERROR_DIAL_ALREADY_IN_PROGRESS);
    ck_assert_ptr_null(h);
    test_assert_bus_error(test_bus_dial("slow", NULL, &e), &e, DIAL_IN_PROGRESS, ERROR_DIAL_ALREADY_IN_PROGRESS);
}
END_TEST

/* Async dial progress, from the library's notifier thread to the test. */
static int notifier_pipe[2] = { -1, -1 };

static VOID WINAPI on_dial_event(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD extended) {
    DWORD record[2] = { (DWORD) state, error };

    (void) h, (void) msg, (void) extended;
    ck_assert_int_eq(write(notifier_pipe[1], record, sizeof(record)), (ssize_t) sizeof(record));
}

/* Windows (and rasdial.exe's "You are already connected"): dialling an
 * entry that is up is success, with the handle of its connection. */
START_TEST(test_dial_of_a_connected_entry_returns_its_handle) {
    test_write_entry("twice", "connect");
    RASDIALPARAMSA p = params_a("twice");
    RASDIALPARAMSW pw = params_w(L"twice");
    HRASCONN h = NULL, again = NULL, async = NULL;
    uint64_t handle = 0;
    TestBusError e;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    ck_assert_uint_eq(RasDialW(NULL, NULL, &pw, 0, NULL, &again), ERROR_SUCCESS);
    ck_assert_ptr_eq(again, h);
    ck_assert_int_eq(test_bus_dial("twice", &handle, &e), 0);
    ck_assert_ptr_eq(test_hrasconn(handle), h);
    ck_assert_uint_eq(test_count_connections(), 1);
    ck_assert_int_eq(test_status(h).rasconnstate, RASCS_Connected);

    /* asynchronous: the notifier hears RASCS_Connected at once */
    ck_assert_int_eq(pipe2(notifier_pipe, O_CLOEXEC), 0);
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 1, (LPVOID) on_dial_event, &async), ERROR_SUCCESS);
    ck_assert_ptr_eq(async, h);
    struct pollfd pfd = { .fd = notifier_pipe[0], .events = POLLIN };
    ck_assert_int_eq(poll(&pfd, 1, 30000), 1);
    DWORD record[2];
    ck_assert_int_eq(read(notifier_pipe[0], record, sizeof(record)), (ssize_t) sizeof(record));
    ck_assert_uint_eq(record[0], RASCS_Connected);
    ck_assert_uint_eq(record[1], 0);
    ck_assert_uint_eq(test_count_connections(), 1);

    /* one connection: hanging up any of the handles ends it */
    test_hang_up_and_wait(again);
    n_dialled = 0;
    ck_assert_uint_eq(test_count_connections(), 0);
    close(notifier_pipe[0]);
    close(notifier_pipe[1]);
}
END_TEST

/* A connection that ended is no reason to refuse a new dial. */
START_TEST(test_dial_after_the_connection_was_hung_up_dials_anew) {
    test_write_entry("again", "connect");
    RASDIALPARAMSA p = params_a("again");
    HRASCONN h = NULL, next = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    test_hang_up_and_wait(h);
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &next), ERROR_SUCCESS);
    keep(next);
    ck_assert_ptr_ne(next, h);
    ck_assert_int_eq(test_status(next).rasconnstate, RASCS_Connected);
}
END_TEST

START_TEST(test_dial_that_fails_returns_the_error_and_a_handle_to_hang_up) {
    /* pppd's exit status 19 (EXIT_AUTH_TOPEER_FAILED) is 691 */
    test_write_entry("badauth", "fail 19");
    RASDIALPARAMSA p = params_a("badauth");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_AUTHENTICATION_FAILURE);
    ck_assert_ptr_nonnull(h);
    keep(h);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_AUTHENTICATION_FAILURE);
    /* the application must still call RasHangUp: it retires the handle */
    DBusConnection *watch = test_watch_removed();
    ck_assert_ptr_nonnull(watch);
    ck_assert_uint_eq(RasHangUpA(h), ERROR_SUCCESS);
    ck_assert_int_eq(test_wait_removed(watch, h), 0);
    test_watch_done(watch);
    ck_assert_uint_eq(RasGetConnectStatusA(h, &st), ERROR_INVALID_HANDLE);
    n_dialled = 0;
}
END_TEST

/* A pty program that fails writes its RAS code to $PPPRAS_DEVICE_ERROR
 * (common/dial-env.h): the dial ends with that code, not with the one of
 * pppd's exit (16 with no Terminate-Request: 829). */
START_TEST(test_dial_device_program_error_code_is_the_dials_error) {
    test_write_entry("tunnel", "device 809");
    RASDIALPARAMSA p = params_a("tunnel");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), 809);
    keep(h);
    ck_assert_uint_eq(test_status(h).dwError, 809);
}
END_TEST

/* Only a RAS code with a text counts; anything else is pppd's word. */
START_TEST(test_dial_device_error_that_is_no_ras_code_is_ignored) {
    static const char *const bad[] = { "50", "999", "87", "6333", "809 x", "-633" };
    char script[64];
    snprintf(script, sizeof(script), "device %s", bad[_i]);
    test_write_entry("tunnel", script);
    RASDIALPARAMSA p = params_a("tunnel");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_LINK_FAILURE);
    keep(h);
}
END_TEST

/* The arguments the daemon started the fake pppd of entry with, as one
 * string "ARG ARG ..."; NULL when it was not started. */
static char *started_with(const char *entry) {
    char path[4096], line[512];
    snprintf(path, sizeof(path), "%s/argv.%s", getenv("PPPRAS_BUS_DIR"), entry);
    FILE *f = fopen(path, "re");
    if (!f)
        return NULL;
    char *all = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&all, &size);
    ck_assert_ptr_nonnull(out);
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\n")] = '\0';
        fprintf(out, "%s%s", size ? " " : "", line);
        fflush(out);
    }
    fclose(f);
    fclose(out);
    return all;
}

static void forget_started(const char *entry) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/argv.%s", getenv("PPPRAS_BUS_DIR"), entry);
    (void) unlink(path);
}

/* "szPhoneNumber: ... replaces the number stored in the phone-book entry":
 * for a modem the number, for a VPN the server, for PPPoE the service;
 * pppd gets it as an option's argument after the entry's own options. */
static const struct {
    const char *entry, *file, *phone, *want;
} overrides[] = {
    { "ov-modem", "connect\n/dev/ttyS0\nremotenumber 5551234\n", "111",
      " pppras-phone 111" },
    { "ov-modem-w", "connect\n/dev/ttyS0\nremotenumber 5551234\n", "+1 (555) 010-9999,,W",
      " pppras-phone +1 (555) 010-9999,,W" },
    { "ov-pppoe", "connect\nplugin rp-pppoe.so\nnic-eth0\n", "isp_2.fast",
      " pppras-phone isp_2.fast rp_pppoe_service isp_2.fast" },
    { "ov-pptp", "connect\npty \"/usr/sbin/pptp vpn.example.com --nolaunchpppd\"\n", "vpn2.example.com",
      " pppras-phone vpn2.example.com" },
    { "ov-l2tp", "connect\nplugin pppol2tp.so\nremotenumber 192.0.2.1\n", "192.0.2.9",
      " pppras-phone 192.0.2.9" },
};

START_TEST(test_dial_phone_number_replaces_the_entrys_number) {
    test_write_entry(overrides[_i].entry, overrides[_i].file);
    forget_started(overrides[_i].entry);
    RASDIALPARAMSA p = params_a(overrides[_i].entry);
    snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "%s", overrides[_i].phone);
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    char *argv = started_with(overrides[_i].entry);
    ck_assert_ptr_nonnull(argv);
    /* last: nothing after it can take it as its own argument */
    size_t n = strlen(argv), w = strlen(overrides[_i].want);
    ck_assert_msg(n > w && strcmp(argv + n - w, overrides[_i].want) == 0, "pppd started as: %s", argv);
    free(argv);
}
END_TEST

START_TEST(test_dial_w_phone_number_replaces_the_entrys_number) {
    test_write_entry("ov-w", "connect\n/dev/ttyS0\nremotenumber 5551234\n");
    forget_started("ov-w");
    RASDIALPARAMSW p = params_w(L"ov-w");
    wcscpy(p.szPhoneNumber, L"0800 123");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialW(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    char *argv = started_with("ov-w");
    ck_assert_ptr_nonnull(argv);
    ck_assert_ptr_nonnull(strstr(argv, " pppras-phone 0800 123"));
    free(argv);
}
END_TEST

START_TEST(test_dial_without_phone_number_dials_the_entrys_own) {
    test_write_entry("ov-none", "connect\n/dev/ttyS0\nremotenumber 5551234\n");
    forget_started("ov-none");
    RASDIALPARAMSA p = params_a("ov-none");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    char *argv = started_with("ov-none");
    ck_assert_ptr_nonnull(argv);
    ck_assert_ptr_null(strstr(argv, "pppras-phone"));
    ck_assert_ptr_null(strstr(argv, "rp_pppoe_service"));
    free(argv);
}
END_TEST

/* What does not belong in the device's alphabet never reaches pppd. */
static const struct {
    const char *file, *phone;
} bad_overrides[] = {
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", "111;reboot" },
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", "$(id)" },
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", "1'2" },
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", "-1" },
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", " 1" },
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", "vpn.example.com" },
    { "connect\n/dev/ttyS0\nremotenumber 5551234\n", "1\\T" },
    { "connect\nplugin rp-pppoe.so\nnic-eth0\n", "isp 2" },
    { "connect\nplugin rp-pppoe.so\nnic-eth0\n", "-isp" },
    { "connect\npty \"/usr/sbin/pptp vpn.example.com --nolaunchpppd\"\n", "-oProxy=x" },
    { "connect\npty \"/usr/sbin/pptp vpn.example.com --nolaunchpppd\"\n", "a b" },
    { "connect\nplugin pppol2tp.so\nremotenumber 192.0.2.1\n", "host/x" },
    { "connect\n", "1\"2" },
};

START_TEST(test_dial_phone_number_outside_the_devices_alphabet_is_invalid_parameter) {
    test_write_entry("ov-bad", bad_overrides[_i].file);
    forget_started("ov-bad");
    RASDIALPARAMSA p = params_a("ov-bad");
    snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "%s", bad_overrides[_i].phone);
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_INVALID_PARAMETER);
    ck_assert_ptr_null(h);
    ck_assert_uint_eq(test_count_connections(), 0);
    ck_assert_ptr_null(started_with("ov-bad"));
}
END_TEST

START_TEST(test_dial_phone_number_for_no_entry_is_623) {
    RASDIALPARAMSA p = params_a("ov-nosuch");
    snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "111");
    HRASCONN h = NULL;
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}
END_TEST

/* An unplugged USB modem leaves its by-id link dangling: pppd refuses
 * the entry's device line (exit 2, before its plugin is loaded), which
 * Windows reports as the modem not being available. */
START_TEST(test_dial_of_a_modem_that_is_not_there_is_633) {
    test_write_entry("unplugged", "refuse\n/dev/serial/by-id/usb-pppras_Unplugged_Modem-if00\n");
    RASDIALPARAMSA p = params_a("unplugged");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_PORT_NOT_AVAILABLE);
    keep(h);
    /* the device is there: another option was wrong (604) */
    test_write_entry("badoption", "refuse\n/dev/tty\n");
    p = params_a("badoption");
    h = NULL;
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_WRONG_INFO_SPECIFIED);
    keep(h);
}
END_TEST

START_TEST(test_dial_with_a_handle_given_is_invalid_handle) {
    test_write_entry("resume", "connect");
    RASDIALPARAMSA p = params_a("resume");
    HRASCONN h = test_hrasconn(0x1234);

    /* a handle on input resumes a paused dial; pppras never pauses */
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(test_count_connections(), 0);
}
END_TEST

/* Fails the test unless the fake pppd of entry got `want` from
 * Link.GetSecrets ("USER<TAB>PASSWORD" or "error NAME"). */
static void assert_secrets_seen(const char *entry, const char *want) {
    char path[4096], line[512] = "";
    snprintf(path, sizeof(path), "%s/secrets.%s", getenv("PPPRAS_BUS_DIR"), entry);
    FILE *f = fopen(path, "re");
    ck_assert_msg(f != NULL, "the fake pppd did not ask for secrets");
    ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
    fclose(f);
    line[strcspn(line, "\n")] = '\0';
    ck_assert_str_eq(line, want);
}

START_TEST(test_dial_credentials_reach_pppd_through_get_secrets) {
    test_write_entry("given", "secrets");
    RASDIALPARAMSW p = params_w(L"given");
    HRASCONN h = NULL;

    wcscpy(p.szUserName, L"bob");
    wcscpy(p.szPassword, L"pässwort 1");
    ck_assert_uint_eq(RasDialW(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    assert_secrets_seen("given", "bob\tpässwort 1");
}
END_TEST

START_TEST(test_dial_with_the_saved_password_handle_uses_the_saved_password) {
    test_write_entry("saved", "secrets");
    RASDIALPARAMSA p = params_a("saved");
    BOOL has_password = FALSE;
    HRASCONN h = NULL;

    snprintf(p.szUserName, sizeof(p.szUserName), "alice");
    snprintf(p.szPassword, sizeof(p.szPassword), "saved-pw");
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &p, FALSE), ERROR_SUCCESS);
    /* "Substitute this handle for the saved password in calls to RasDial" */
    p = params_a("saved");
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, &p, &has_password), ERROR_SUCCESS);
    ck_assert_int_eq(has_password, TRUE);
    ck_assert_str_ne(p.szPassword, "saved-pw");
    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    assert_secrets_seen("saved", "alice\tsaved-pw");
}
END_TEST

START_TEST(test_dial_without_credentials_leaves_pppd_its_own_secrets) {
    test_write_entry("nocreds", "secrets");
    RASDIALPARAMSA p = params_a("nocreds");
    HRASCONN h = NULL;

    ck_assert_uint_eq(RasDialA(NULL, NULL, &p, 0, NULL, &h), ERROR_SUCCESS);
    keep(h);
    assert_secrets_seen("nocreds", "error org.pppras.Ras1.Error.NoSecrets");
}
END_TEST

Suite *dial_suite(void) {
    Suite *s = suite_create("dial");
    TCase *tc = test_tcase(s, "errors", setup, teardown);

    tcase_add_test(tc, test_dial_null_params_or_handle_pointer_is_invalid_parameter);
    tcase_add_test(tc, test_dial_bad_dwsize_is_invalid_size);
    tcase_add_test(tc, test_dial_entry_not_in_the_phonebook_is_623);
    tcase_add_loop_test(tc, test_dial_invalid_name_is_refused_with_entry_not_found, 0,
                        (int) (sizeof(invalid_names) / sizeof(invalid_names[0])));
    tcase_add_test(tc, test_dial_overlong_name_is_refused);
    tcase_add_test(tc, test_dial_another_phonebook_is_621);
    tcase_add_test(tc, test_dial_with_a_handle_given_is_invalid_handle);

    tc = test_tcase(s, "dial", setup, teardown);
    tcase_add_test(tc, test_dial_sync_connects_and_hang_up_retires_the_handle);
    tcase_add_test(tc, test_dial_w_connects_an_entry_with_a_utf8_name);
    tcase_add_test(tc, test_dial_of_an_entry_being_dialled_is_756);
    tcase_add_test(tc, test_dial_of_a_connected_entry_returns_its_handle);
    tcase_add_test(tc, test_dial_after_the_connection_was_hung_up_dials_anew);
    tcase_add_test(tc, test_dial_that_fails_returns_the_error_and_a_handle_to_hang_up);
    tcase_add_test(tc, test_dial_device_program_error_code_is_the_dials_error);
    tcase_add_test(tc, test_dial_of_a_modem_that_is_not_there_is_633);
    tcase_add_loop_test(tc, test_dial_phone_number_replaces_the_entrys_number, 0, (int) ELEMENTSOF(overrides));
    tcase_add_test(tc, test_dial_w_phone_number_replaces_the_entrys_number);
    tcase_add_test(tc, test_dial_without_phone_number_dials_the_entrys_own);
    tcase_add_loop_test(tc, test_dial_phone_number_outside_the_devices_alphabet_is_invalid_parameter, 0,
                        (int) ELEMENTSOF(bad_overrides));
    tcase_add_test(tc, test_dial_phone_number_for_no_entry_is_623);
    tcase_add_loop_test(tc, test_dial_device_error_that_is_no_ras_code_is_ignored, 0, 6);
    tcase_add_test(tc, test_dial_credentials_reach_pppd_through_get_secrets);
    tcase_add_test(tc, test_dial_with_the_saved_password_handle_uses_the_saved_password);
    tcase_add_test(tc, test_dial_without_credentials_leaves_pppd_its_own_secrets);
    return s;
}
