/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/link-device.c: what the plugin reports of a link's device →
 * the RASDT_* type and name RASCONN and RASCONNSTATUS show, which must be
 * what RasEnumDevices lists for the same device; and the plugin's pty
 * program name (pppd-plugin/pty-program.c) that tells the tunnels apart. */

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../daemon/device-list.h"
#include "../../daemon/link-device.h"
#include "../../pppd-plugin/pty-program.h"
#include "ras.h"
#include "raserror.h"
#include "scratch-dir.h"
#include "suites.h"

static char root[SCRATCH_PATH_MAX];

static void setup(void) {
    scratch_dir_new(root);
}

static void teardown(void) {
    scratch_dir_remove(root);
}

static void make_dirs(const char *relative) {
    char path[SCRATCH_PATH_MAX], *p;
    ck_assert_int_lt(snprintf(path, sizeof(path), "%s/%s", root, relative), (int) sizeof(path));
    for (p = path + strlen(root) + 1; (p = strchr(p, '/')); p++) {
        *p = '\0';
        (void) mkdir(path, 0755);
        *p = '/';
    }
    ck_assert(mkdir(path, 0755) == 0 || access(path, F_OK) == 0);
}

/* A USB modem as udev presents it: ttyUSB0 with a driver, and its by-id link. */
static void add_usb_modem(const char *tty, const char *by_id) {
    char rel[256], link[SCRATCH_PATH_MAX], target[256];
    snprintf(rel, sizeof(rel), "sys/class/tty/%s/device", tty);
    make_dirs(rel);
    make_dirs("dev/serial/by-id");
    ck_assert_int_lt(snprintf(link, sizeof(link), "%s/dev/serial/by-id/%s", root, by_id), (int) sizeof(link));
    snprintf(target, sizeof(target), "../../%s", tty);
    ck_assert_int_eq(symlink(target, link), 0);
}

static LinkDevice classify(const char *type, const char *device, const char *program) {
    LinkDevice d;
    memset(&d, 0x55, sizeof(d));
    link_device_classify(root, type, device, program, &d);
    return d;
}

START_TEST(test_modem_without_by_id_link_is_named_by_its_tty) {
    LinkDevice d = classify("modem", "/dev/ttyS0", NULL);
    ck_assert_int_eq(d.kind, LINK_DEVICE_MODEM);
    ck_assert_str_eq(d.type, RASDT_Modem);
    ck_assert_str_eq(d.name, "ttyS0");
}
END_TEST

START_TEST(test_modem_with_by_id_link_is_named_by_it) {
    add_usb_modem("ttyUSB0", "usb-ACME_Modem_42-if00-port0");
    add_usb_modem("ttyUSB1", "usb-Other_Modem_7-if00-port0");
    LinkDevice d = classify("modem", "/dev/ttyUSB0", NULL);
    ck_assert_str_eq(d.type, "modem");
    ck_assert_str_eq(d.name, "usb-ACME_Modem_42-if00-port0");
    /* pppd opened it through the link: the same name */
    d = classify("modem", "/dev/serial/by-id/usb-ACME_Modem_42-if00-port0", NULL);
    ck_assert_str_eq(d.name, "usb-ACME_Modem_42-if00-port0");
}
END_TEST

START_TEST(test_modem_name_is_the_one_ras_enum_devices_lists) {
    add_usb_modem("ttyUSB0", "usb-ACME_Modem_42-if00-port0");
    make_dirs("sys/class/tty/ttyACM0/device");
    DeviceList l;
    ck_assert_int_eq(device_list(root, &l), 0);
    const char *ttys[] = { "/dev/ttyACM0", "/dev/ttyUSB0" };
    size_t matched = 0;
    for (size_t i = 0; i < sizeof(ttys) / sizeof(ttys[0]); i++) {
        LinkDevice d = classify("modem", ttys[i], NULL);
        for (size_t k = 0; k < l.n; k++)
            if (strcmp(l.items[k].type, d.type) == 0 && strcmp(l.items[k].name, d.name) == 0)
                matched++;
    }
    ck_assert_uint_eq(matched, 2);
    device_list_done(&l);
}
END_TEST

START_TEST(test_pppoe_is_the_interface) {
    LinkDevice d = classify("pppoe", "eth0", NULL);
    ck_assert_int_eq(d.kind, LINK_DEVICE_PPPOE);
    ck_assert_str_eq(d.type, RASDT_PPPoE);
    ck_assert_str_eq(d.name, "eth0");
}
END_TEST

START_TEST(test_tunnels_are_vpn_wan_miniports) {
    LinkDevice d = classify("pty", "/dev/pts/4", "pptp");
    ck_assert_int_eq(d.kind, LINK_DEVICE_PPTP);
    ck_assert_str_eq(d.type, RASDT_Vpn);
    ck_assert_str_eq(d.name, "WAN Miniport (PPTP)");

    d = classify("pty", "/dev/pts/4", "pppras-l2tp");
    ck_assert_int_eq(d.kind, LINK_DEVICE_L2TP);
    ck_assert_str_eq(d.type, "vpn");
    ck_assert_str_eq(d.name, "WAN Miniport (L2TP)");

    /* pppol2tp.so's channel, and a pty that has no slave yet */
    d = classify("l2tp", NULL, NULL);
    ck_assert_str_eq(d.type, "vpn");
    ck_assert_str_eq(d.name, "WAN Miniport (L2TP)");
    d = classify("pty", NULL, "pptp");
    ck_assert_str_eq(d.name, "WAN Miniport (PPTP)");
}
END_TEST

START_TEST(test_other_ptys_and_unknown_types_stay_as_reported) {
    LinkDevice d = classify("pty", "/dev/pts/99", "ssh");
    ck_assert_int_eq(d.kind, LINK_DEVICE_OTHER);
    ck_assert_str_eq(d.type, "pty");
    ck_assert_str_eq(d.name, "/dev/pts/99");
    d = classify("pty", "/dev/pts/99", NULL);
    ck_assert_str_eq(d.type, "pty");
    /* a name that only looks like a tunnel program is no tunnel */
    d = classify("pty", "/dev/pts/99", "pptp-helper");
    ck_assert_str_eq(d.type, "pty");
    d = classify("atm", "0.8.35", NULL);
    ck_assert_str_eq(d.type, "atm");
    ck_assert_str_eq(d.name, "0.8.35");
    d = classify(NULL, NULL, NULL);
    ck_assert_str_eq(d.type, "");
    ck_assert_str_eq(d.name, "");
}
END_TEST

START_TEST(test_kind_reads_back_from_the_stored_names) {
    static const struct { const char *type, *device, *program; } reports[] = {
        { "modem", "/dev/ttyS1", NULL }, { "pppoe", "eth1", NULL },
        { "pty", "/dev/pts/1", "pptp" }, { "pty", "/dev/pts/1", "pppras-l2tp" },
        { "pty", "/dev/pts/1", "socat" },
    };
    for (size_t i = 0; i < sizeof(reports) / sizeof(reports[0]); i++) {
        LinkDevice d = classify(reports[i].type, reports[i].device, reports[i].program);
        ck_assert_int_eq(link_device_kind(d.type, d.name), d.kind);
        /* classifying what is stored changes nothing (a restarted daemon) */
        LinkDevice again = classify(d.type, d.name, NULL);
        ck_assert_str_eq(again.type, d.type);
        ck_assert_str_eq(again.name, d.name);
    }
    ck_assert_int_eq(link_device_kind(NULL, NULL), LINK_DEVICE_OTHER);
}
END_TEST

START_TEST(test_pppoe_connect_failure_is_651_others_have_none) {
    ck_assert_uint_eq(link_device_connect_error(LINK_DEVICE_PPPOE), 651);   /* ERROR_FROM_DEVICE */
    ck_assert_uint_eq(ERROR_FROM_DEVICE, 651);
    ck_assert_uint_eq(link_device_connect_error(LINK_DEVICE_OTHER), 0);
    ck_assert_uint_eq(link_device_connect_error(LINK_DEVICE_MODEM), 0);   /* chat's status says */
}
END_TEST

static const struct {
    const char *command, *program;
} pty_commands[] = {
    { "/usr/sbin/pptp vpn.example.net --nolaunchpppd", "pptp" },
    { "pptp 10.0.0.1 --nolaunchpppd", "pptp" },
    { "  exec /usr/lib/pppras/pppras-l2tp --server 10.9.2.1", "pppras-l2tp" },
    { "'/opt/my tools/pptp' host", "pptp" },
    { "\"/usr/bin/ssh\" -t host pppd", "ssh" },
    { "socat;reboot", "socat" },
    { "exec", "exec" },
    { "", "" },
    { "   ", "" },
    { "'/unterminated", "" },
    { "/usr/sbin/", "" },
};

START_TEST(test_pty_program_is_the_first_words_basename) {
    char buf[64];
    pty_program_name(pty_commands[_i].command, buf, sizeof(buf));
    ck_assert_msg(strcmp(buf, pty_commands[_i].program) == 0, "\"%s\" gave \"%s\"", pty_commands[_i].command, buf);
}
END_TEST

START_TEST(test_pty_program_too_long_or_missing_is_empty) {
    char buf[5];
    pty_program_name("/usr/sbin/pptp-long-name x", buf, sizeof(buf));
    ck_assert_str_eq(buf, "");
    pty_program_name("/usr/sbin/pptp x", buf, sizeof(buf));
    ck_assert_str_eq(buf, "pptp");
    pty_program_name(NULL, buf, sizeof(buf));
    ck_assert_str_eq(buf, "");
}
END_TEST

Suite *link_device_suite(void) {
    Suite *s = suite_create("link_device");
    TCase *tc = tcase_create("names");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_modem_without_by_id_link_is_named_by_its_tty);
    tcase_add_test(tc, test_modem_with_by_id_link_is_named_by_it);
    tcase_add_test(tc, test_modem_name_is_the_one_ras_enum_devices_lists);
    tcase_add_test(tc, test_pppoe_is_the_interface);
    tcase_add_test(tc, test_tunnels_are_vpn_wan_miniports);
    tcase_add_test(tc, test_other_ptys_and_unknown_types_stay_as_reported);
    tcase_add_test(tc, test_kind_reads_back_from_the_stored_names);
    tcase_add_test(tc, test_pppoe_connect_failure_is_651_others_have_none);
    tcase_add_loop_test(tc, test_pty_program_is_the_first_words_basename, 0,
                        (int) (sizeof(pty_commands) / sizeof(pty_commands[0])));
    tcase_add_test(tc, test_pty_program_too_long_or_missing_is_empty);
    suite_add_tcase(s, tc);
    return s;
}
