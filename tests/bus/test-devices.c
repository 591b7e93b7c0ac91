/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasEnumDevices against a fake /sys and /dev (test_device_root()):
 * serial ports with hardware, named by /dev/serial/by-id where there is
 * a link; PPPoE on each Ethernet interface; the WAN Miniports; and the
 * lpcb protocol with its errors.  A link's device, as RASCONN and
 * RasGetConnectStatus show it, is named as RasEnumDevices names it. */

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "test-daemon.h"

static void make_dirs(const char *path) {
    char buf[PATH_MAX];
    snprintf(buf, sizeof(buf), "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            ck_assert(mkdir(buf, 0755) == 0 || errno == EEXIST);
            *p = '/';
        }
    ck_assert(mkdir(buf, 0755) == 0 || errno == EEXIST);
}

static void put(const char *rel, const char *contents) {
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", test_device_root(), rel);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    make_dirs(path);
    *slash = '/';
    FILE *f = fopen(path, "we");
    ck_assert_ptr_nonnull(f);
    fputs(contents, f);
    fclose(f);
}

static void tty(const char *name, const char *type) {
    char rel[256];
    snprintf(rel, sizeof(rel), "sys/class/tty/%s/device/uevent", name);
    put(rel, "");
    if (type) {
        snprintf(rel, sizeof(rel), "sys/class/tty/%s/type", name);
        put(rel, type);
    }
}

static void net(const char *name, const char *type) {
    char rel[256];
    snprintf(rel, sizeof(rel), "sys/class/net/%s/type", name);
    put(rel, type);
}

static void setup(void) {
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", test_device_root());
    ck_assert_int_eq(system(cmd), 0);
    make_dirs(test_device_root());
}

static void fake_machine(void) {
    tty("ttyS0", "4\n");       /* a 16550A */
    tty("ttyS1", "0\n");       /* a port with no UART */
    tty("ttyUSB0", NULL);
    tty("ttyACM0", NULL);
    put("sys/class/tty/tty1/dev", "4:1\n");     /* a console, no modem */
    put("sys/class/tty/ttyUSB9/dev", "188:9\n"); /* no device link: gone */
    char link[PATH_MAX];
    make_dirs(strcat(strcpy(link, test_device_root()), "/dev/serial/by-id"));
    strcat(link, "/usb-ACME_Modem_42-if00-port0");
    ck_assert_int_eq(symlink("../../ttyUSB0", link), 0);
    net("eth0", "1\n");
    net("enp3s0", "1\n");
    net("lo", "772\n");
    net("wwan0", "519\n");
}

typedef struct Found {
    DWORD n;
    RASDEVINFOA dev[16];
} Found;

static Found enumerate(void) {
    Found f = {};
    f.dev[0].dwSize = sizeof(RASDEVINFOA);
    DWORD cb = sizeof(f.dev);
    ck_assert_uint_eq(RasEnumDevicesA(f.dev, &cb, &f.n), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, f.n * sizeof(RASDEVINFOA));
    return f;
}

START_TEST(test_enum_devices_lists_modems_pppoe_and_the_miniports) {
    fake_machine();
    Found f = enumerate();
    const char *expected[][2] = {
        { "modem", "ttyACM0" },
        { "modem", "ttyS0" },
        { "modem", "usb-ACME_Modem_42-if00-port0" },
        { "PPPoE", "enp3s0" },
        { "PPPoE", "eth0" },
        { "vpn", "WAN Miniport (PPTP)" },
        { "vpn", "WAN Miniport (L2TP)" },
    };
    ck_assert_uint_eq(f.n, sizeof(expected) / sizeof(expected[0]));
    for (DWORD i = 0; i < f.n; i++) {
        ck_assert_uint_eq(f.dev[i].dwSize, sizeof(RASDEVINFOA));
        ck_assert_str_eq(f.dev[i].szDeviceType, expected[i][0]);
        ck_assert_str_eq(f.dev[i].szDeviceName, expected[i][1]);
    }
}
END_TEST

static void by_id(const char *name, const char *target) {
    char link[PATH_MAX];
    snprintf(link, sizeof(link), "%s/dev/serial/by-id", test_device_root());
    make_dirs(link);
    snprintf(link, sizeof(link), "%s/dev/serial/by-id/%s", test_device_root(), name);
    ck_assert_int_eq(symlink(target, link), 0);
}

/* A by-id link to something no tty driver of /sys/class/tty lists (the
 * modem emulator's pty) is a modem all the same; a second link to a
 * port listed already, or a link to nothing, adds no device. */
START_TEST(test_a_by_id_link_to_a_pty_is_a_modem_each_device_once) {
    fake_machine();
    put("dev/pts/3", "");
    put("dev/ttyUSB0", "");
    by_id("usb-pppras_Modem_Emulator-if00", "/dev/pts/3");         /* read inside the root */
    by_id("usb-ACME_Modem_42-if00-port1", "../../ttyUSB0");          /* ttyUSB0's second name */
    by_id("usb-Gone_Modem-if00", "../../ttyUSB7");                   /* unplugged */
    by_id("usb-Host_Path-if00", "/dev/null");                        /* there only outside the root */
    Found f = enumerate();
    const char *expected[][2] = {
        { "modem", "ttyACM0" },
        { "modem", "ttyS0" },
        { "modem", "usb-ACME_Modem_42-if00-port0" },
        { "modem", "usb-pppras_Modem_Emulator-if00" },
        { "PPPoE", "enp3s0" },
        { "PPPoE", "eth0" },
        { "vpn", "WAN Miniport (PPTP)" },
        { "vpn", "WAN Miniport (L2TP)" },
    };
    ck_assert_uint_eq(f.n, sizeof(expected) / sizeof(expected[0]));
    for (DWORD i = 0; i < f.n; i++) {
        ck_assert_str_eq(f.dev[i].szDeviceType, expected[i][0]);
        ck_assert_str_eq(f.dev[i].szDeviceName, expected[i][1]);
    }
}
END_TEST

START_TEST(test_an_empty_machine_still_has_the_vpn_devices) {
    Found f = enumerate();
    ck_assert_uint_eq(f.n, 2);
    ck_assert_str_eq(f.dev[0].szDeviceName, "WAN Miniport (PPTP)");
}
END_TEST

START_TEST(test_each_device_listed_makes_an_entry) {
    fake_machine();
    Found f = enumerate();
    for (DWORD i = 0; i < f.n; i++) {
        RASENTRYA e = { .dwSize = sizeof(e) };
        strcpy(e.szDeviceType, f.dev[i].szDeviceType);
        strcpy(e.szDeviceName, f.dev[i].szDeviceName);
        strcpy(e.szLocalPhoneNumber, strcmp(e.szDeviceType, "modem") == 0 ? "123" :
                                     strcmp(e.szDeviceType, "vpn") == 0 ? "vpn.example.net" : "");
        ck_assert_msg(RasSetEntryPropertiesA(NULL, "dev", &e, sizeof(e), NULL, 0) == ERROR_SUCCESS,
                      "device %s %s", e.szDeviceType, e.szDeviceName);
        RASENTRYA got = { .dwSize = sizeof(got) };
        DWORD cb = sizeof(got);
        ck_assert_uint_eq(RasGetEntryPropertiesA(NULL, "dev", &got, &cb, NULL, NULL), ERROR_SUCCESS);
        ck_assert_str_eq(got.szDeviceName, f.dev[i].szDeviceName);
        ck_assert_str_eq(got.szDeviceType, f.dev[i].szDeviceType);
    }
}
END_TEST

START_TEST(test_enum_devices_w) {
    fake_machine();
    RASDEVINFOW dev[16] = { { .dwSize = sizeof(RASDEVINFOW) } };
    DWORD cb = sizeof(dev), n = 0;
    ck_assert_uint_eq(RasEnumDevicesW(dev, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 7);
    ck_assert(wcscmp(dev[2].szDeviceName, L"usb-ACME_Modem_42-if00-port0") == 0);
    ck_assert(wcscmp(dev[6].szDeviceType, L"vpn") == 0);
}
END_TEST

START_TEST(test_enum_devices_size_protocol) {
    fake_machine();
    DWORD cb = 0, n = 99;
    ck_assert_uint_eq(RasEnumDevicesA(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 7 * sizeof(RASDEVINFOA));
    ck_assert_uint_eq(n, 0);
    cb = 0;
    ck_assert_uint_eq(RasEnumDevicesW(NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 7 * sizeof(RASDEVINFOW));

    RASDEVINFOA two[2] = { { .dwSize = sizeof(RASDEVINFOA) } };
    cb = sizeof(two);
    ck_assert_uint_eq(RasEnumDevicesA(two, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 7 * sizeof(RASDEVINFOA));
    ck_assert_uint_eq(n, 0);

    ck_assert_uint_eq(RasEnumDevicesA(two, NULL, &n), ERROR_INVALID_PARAMETER);
    cb = sizeof(two);
    ck_assert_uint_eq(RasEnumDevicesA(two, &cb, NULL), ERROR_INVALID_PARAMETER);
    DWORD sizes[] = { 0, sizeof(RASDEVINFOA) - 1, sizeof(RASDEVINFOA) + 1, sizeof(RASDEVINFOW) };
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        RASDEVINFOA big[16] = { { .dwSize = sizes[i] } };
        cb = sizeof(big);
        ck_assert_uint_eq(RasEnumDevicesA(big, &cb, &n), ERROR_INVALID_SIZE);
    }
}
END_TEST

START_TEST(test_without_the_daemon_enum_devices_is_711) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent", 1);
        alarm(TEST_TIMEOUT_MS / 1000);
        RASDEVINFOA d = { .dwSize = sizeof(d) };
        DWORD cb = sizeof(d), n;
        _exit(RasEnumDevicesA(&d, &cb, &n) == ERROR_RASMAN_CANNOT_INITIALIZE ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

/* A connected link as the plugin would report its device (fake pppd). */
static FakePlugin link_plugin;

static void link_setup(void) {
    setup();
    link_plugin = FAKE_PLUGIN_NULL;
}

static void link_teardown(void) {
    test_plugin_cleanup(&link_plugin);
}

static const struct {
    const char *type, *device, *program;   /* what pppd's plugin reports */
    const char *ras_type, *ras_name;       /* RASDT_* and the device's name */
    bool listed;                           /* RasEnumDevices lists it */
} link_reports[] = {
    { "modem", "/dev/ttyUSB0", NULL, "modem", "usb-ACME_Modem_42-if00-port0", true },
    { "modem", "/dev/serial/by-id/usb-ACME_Modem_42-if00-port0", NULL, "modem", "usb-ACME_Modem_42-if00-port0", true },
    { "modem", "/dev/ttyS0", NULL, "modem", "ttyS0", true },
    { "pppoe", "eth0", NULL, "PPPoE", "eth0", true },
    { "pty", "/dev/pts/7", "pptp", "vpn", "WAN Miniport (PPTP)", true },
    { "pty", "/dev/pts/7", "pppras-l2tp", "vpn", "WAN Miniport (L2TP)", true },
    { "l2tp", "", NULL, "vpn", "WAN Miniport (L2TP)", true },
    { "pty", "/dev/pts/7", "ssh", "pty", "/dev/pts/7", false },
};

START_TEST(test_rasconn_status_and_enum_devices_name_a_link_alike) {
    fake_machine();
    ck_assert_int_eq(fake_plugin_spawn(&link_plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register_device(&link_plugin, "named", link_reports[_i].type,
                                                 link_reports[_i].device, link_reports[_i].program), 0);
    static const uint32_t phases[] = { 2, 4, 5, 7 };
    for (size_t i = 0; i < sizeof(phases) / sizeof(phases[0]); i++)
        ck_assert_int_eq(fake_plugin_phase(&link_plugin, phases[i]), 0);
    ck_assert_int_eq(fake_plugin_ip_up(&link_plugin, "ppp0", "10.64.0.1", "10.64.0.2"), 0);
    HRASCONN h;
    ck_assert_int_eq(test_handle_for_pid(link_plugin.pid, &h), 0);

    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Connected);
    ck_assert_str_eq(st.szDeviceType, link_reports[_i].ras_type);
    ck_assert_str_eq(st.szDeviceName, link_reports[_i].ras_name);

    RASCONNA conns[2] = { { .dwSize = sizeof(RASCONNA) } };
    DWORD cb = sizeof(conns), n = 0;
    ck_assert_uint_eq(RasEnumConnectionsA(conns, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 1);
    ck_assert_ptr_eq(conns[0].hrasconn, h);
    ck_assert_str_eq(conns[0].szDeviceType, st.szDeviceType);
    ck_assert_str_eq(conns[0].szDeviceName, st.szDeviceName);

    RASCONNSTATUSW wst = { .dwSize = sizeof(wst) };
    ck_assert_uint_eq(RasGetConnectStatusW(h, &wst), ERROR_SUCCESS);
    wchar_t wname[RAS_MaxDeviceName + 1];
    swprintf(wname, RAS_MaxDeviceName + 1, L"%s", link_reports[_i].ras_name);
    ck_assert(wcscmp(wst.szDeviceName, wname) == 0);

    Found f = enumerate();
    bool listed = false;
    for (DWORD i = 0; i < f.n; i++)
        listed = listed || (strcmp(f.dev[i].szDeviceType, st.szDeviceType) == 0 &&
                            strcmp(f.dev[i].szDeviceName, st.szDeviceName) == 0);
    ck_assert_int_eq(listed, link_reports[_i].listed);
}
END_TEST

START_TEST(test_a_pppoe_link_that_never_found_a_server_reads_651) {
    ck_assert_int_eq(fake_plugin_spawn(&link_plugin, 0), 0);
    ck_assert_int_eq(fake_plugin_register_device(&link_plugin, "nopado", "pppoe", "eth0", NULL), 0);
    ck_assert_int_eq(fake_plugin_phase(&link_plugin, 2), 0);
    HRASCONN h;
    ck_assert_int_eq(test_handle_for_pid(link_plugin.pid, &h), 0);
    /* rp-pppoe.so's discovery got no PADO: pppd's connect failed (8) */
    ck_assert_int_eq(fake_plugin_exit(&link_plugin, 8, false), 0);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, ERROR_FROM_DEVICE);
    ck_assert_uint_eq(st.dwError, 651);
    ck_assert_str_eq(st.szDeviceType, RASDT_PPPoE);
}
END_TEST

static void supervised_setup(void) {
    ck_assert_int_eq(test_daemon_restart_with("--supervise-timeout=1"), 0);
}

static void supervised_teardown(void) {
    ck_assert_int_eq(test_daemon_restart_with(""), 0);
}

static DWORD dial(const char *entry, HRASCONN *h) {
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    strcpy(p.szEntryName, entry);
    *h = NULL;
    return RasDialA(NULL, NULL, &p, 0, NULL, h);
}

/* A PPPoE discovery that nobody answers is the device's failure, however
 * long it ran: the supervisor's verdict is 651 then, where a link that
 * got no further with PPP is 718. */
START_TEST(test_supervisor_ending_a_pppoe_discovery_gives_651) {
    HRASCONN h;
    test_write_entry("nopado", "discover");
    ck_assert_uint_eq(dial("nopado", &h), ERROR_FROM_DEVICE);
    ck_assert_ptr_nonnull(h);
    RASCONNSTATUSA st = test_status(h);
    ck_assert_int_eq(st.rasconnstate, RASCS_Disconnected);
    ck_assert_uint_eq(st.dwError, 651);
    ck_assert_str_eq(st.szDeviceType, RASDT_PPPoE);
    ck_assert_str_eq(st.szDeviceName, "eth0");
    test_hang_up_and_wait(h);

    test_write_entry("nolcp", "hold");
    ck_assert_uint_eq(dial("nolcp", &h), ERROR_PPP_TIMEOUT);
    ck_assert_uint_eq(test_status(h).dwError, 718);
    test_hang_up_and_wait(h);
}
END_TEST

Suite *devices_suite(void) {
    Suite *s = suite_create("devices");
    TCase *tc = test_tcase(s, "enum_devices", setup, NULL);
    tcase_add_test(tc, test_enum_devices_lists_modems_pppoe_and_the_miniports);
    tcase_add_test(tc, test_a_by_id_link_to_a_pty_is_a_modem_each_device_once);
    tcase_add_test(tc, test_an_empty_machine_still_has_the_vpn_devices);
    tcase_add_test(tc, test_each_device_listed_makes_an_entry);
    tcase_add_test(tc, test_enum_devices_w);
    tcase_add_test(tc, test_enum_devices_size_protocol);
    tcase_add_test(tc, test_without_the_daemon_enum_devices_is_711);
    tc = test_tcase(s, "link_names", link_setup, link_teardown);
    tcase_add_loop_test(tc, test_rasconn_status_and_enum_devices_name_a_link_alike, 0,
                        (int) (sizeof(link_reports) / sizeof(link_reports[0])));
    tcase_add_test(tc, test_a_pppoe_link_that_never_found_a_server_reads_651);
    tc = test_tcase(s, "supervisor", supervised_setup, supervised_teardown);
    tcase_add_test(tc, test_supervisor_ending_a_pppoe_discovery_gives_651);
    return s;
}
