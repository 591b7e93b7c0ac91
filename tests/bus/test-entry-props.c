/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetEntryProperties, RasSetEntryProperties, RasValidateEntryName,
 * RasDeleteEntry and RasRenameEntry against the daemon's phonebook
 * (test-daemon.h): every RASENTRY size, the lpdwEntryInfoSize protocol,
 * who may write, and every error path, down to the peers file written. */

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stddef.h>
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

#define NOBODY 65534

static void setup(void) {
    test_clear_phonebook();
}

static char *entry_path(const char *name) {
    char *path;
    ck_assert_int_ge(asprintf(&path, "%s/%s", test_phonebook_dir(), name), 0);
    return path;
}

static char *read_entry_file(const char *name) {
    char *path = entry_path(name), *text = NULL;
    size_t size = 0;
    FILE *f = fopen(path, "re");
    ck_assert_msg(f, "no file %s", path);
    FILE *out = open_memstream(&text, &size);
    int c;
    while ((c = fgetc(f)) != EOF)
        fputc(c, out);
    fclose(f);
    fclose(out);
    free(path);
    return text;
}

static bool entry_exists(const char *name) {
    char *path = entry_path(name);
    bool exists = access(path, F_OK) == 0;
    free(path);
    return exists;
}

static RASENTRYA modem_entry(void) {
    RASENTRYA e = { .dwSize = sizeof(e) };
    strcpy(e.szDeviceType, RASDT_Modem);
    strcpy(e.szDeviceName, "ttyUSB0");
    strcpy(e.szLocalPhoneNumber, "+49 (30) 1234-567");
    e.dwfOptions = RASEO_RemoteDefaultGateway | RASEO_RequireCHAP | RASEO_RequireMsCHAP2 |
                   RASEO_IpHeaderCompression | RASEO_SpecificNameServers;
    e.ipaddrDns = (RASIPADDR) { 192, 0, 2, 53 };
    e.dwfNetProtocols = RASNP_Ip;
    e.dwFramingProtocol = RASFP_Ppp;
    e.dwIdleDisconnectSeconds = 600;
    e.dwRedialCount = 2;
    e.dwRedialPause = 30;
    return e;
}

static DWORD set_a(const char *name, RASENTRYA *e) {
    return RasSetEntryPropertiesA(NULL, name, e, e->dwSize, NULL, 0);
}

static DWORD get_a(const char *name, RASENTRYA *e) {
    DWORD cb = sizeof(*e);
    memset(e, 0xAA, sizeof(*e));
    e->dwSize = sizeof(*e);
    return RasGetEntryPropertiesA(NULL, name, e, &cb, NULL, NULL);
}

/* --------------------------------------------------------- round trips */

START_TEST(test_set_then_get_gives_the_entry_back) {
    RASENTRYA e = modem_entry(), got;
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    ck_assert_uint_eq(get_a("isp", &got), ERROR_SUCCESS);
    ck_assert_uint_eq(got.dwSize, sizeof(got));
    ck_assert_str_eq(got.szDeviceType, RASDT_Modem);
    ck_assert_str_eq(got.szDeviceName, "ttyUSB0");
    ck_assert_str_eq(got.szLocalPhoneNumber, "+49 (30) 1234-567");
    ck_assert_uint_eq(got.dwfOptions & (RASEO_RemoteDefaultGateway | RASEO_RequireCHAP | RASEO_RequireMsCHAP2 |
                                        RASEO_IpHeaderCompression | RASEO_SpecificNameServers | RASEO_RequirePAP),
                      RASEO_RemoteDefaultGateway | RASEO_RequireCHAP | RASEO_RequireMsCHAP2 |
                      RASEO_IpHeaderCompression | RASEO_SpecificNameServers);
    ck_assert(!(got.dwfOptions & RASEO_SwCompression));
    ck_assert_uint_eq(got.ipaddrDns.a, 192);
    ck_assert_uint_eq(got.ipaddrDns.d, 53);
    ck_assert_uint_eq(got.dwfNetProtocols, RASNP_Ip);
    ck_assert_uint_eq(got.dwFramingProtocol, RASFP_Ppp);
    ck_assert_uint_eq(got.dwIdleDisconnectSeconds, 600);
    ck_assert_uint_eq(got.dwRedialCount, 2);
    ck_assert_uint_eq(got.dwRedialPause, 30);
    ck_assert_uint_eq(got.dwType, RASET_Phone);
    ck_assert_uint_eq(got.dwSubEntries, 1);
    /* the fields with no pppd meaning read as zero, not as the caller's junk */
    ck_assert_uint_eq(got.dwCountryCode, 0);
    ck_assert_str_eq(got.szScript, "");
}
END_TEST

START_TEST(test_the_file_written_is_the_mappings_own) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    char *path = entry_path("isp");
    struct stat st;
    ck_assert_int_eq(lstat(path, &st), 0);
    ck_assert(S_ISREG(st.st_mode));
    ck_assert_uint_eq(st.st_mode & 07777, 0644);
    ck_assert_uint_eq(st.st_uid, 0);
    free(path);
    char *text = read_entry_file("isp");
    ck_assert_ptr_nonnull(strstr(text, "\n/dev/ttyUSB0\n"));
    ck_assert_ptr_nonnull(strstr(text, "${PPPRAS_PHONE:-+49 (30) 1234-567}"));
    ck_assert_ptr_nonnull(strstr(text, "\nremotenumber \"+49 (30) 1234-567\"\n"));
    ck_assert_ptr_nonnull(strstr(text, "\ndefaultroute\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nidle 600\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nmaxfail 3\n"));
    free(text);
}
END_TEST

START_TEST(test_w_set_is_read_back_by_a_and_w) {
    RASENTRYW w = { .dwSize = sizeof(w) };
    wcscpy(w.szDeviceType, L"vpn");
    wcscpy(w.szLocalPhoneNumber, L"vpn.example.org");
    w.dwVpnStrategy = VS_L2tpOnly;
    w.dwfNetProtocols = RASNP_Ip | RASNP_Ipv6;
    ck_assert_uint_eq(RasSetEntryPropertiesW(NULL, L"Büro VPN", &w, sizeof(w), NULL, 0), ERROR_SUCCESS);

    RASENTRYA a;
    ck_assert_uint_eq(get_a("Büro VPN", &a), ERROR_SUCCESS);
    ck_assert_str_eq(a.szDeviceType, RASDT_Vpn);
    ck_assert_str_eq(a.szDeviceName, "WAN Miniport (L2TP)");
    ck_assert_uint_eq(a.dwVpnStrategy, VS_L2tpOnly);
    ck_assert_uint_eq(a.dwType, RASET_Vpn);
    ck_assert_uint_eq(a.dwfNetProtocols, RASNP_Ip | RASNP_Ipv6);

    RASENTRYW back = { .dwSize = sizeof(back) };
    DWORD cb = sizeof(back), cbdev = 77;
    ck_assert_uint_eq(RasGetEntryPropertiesW(NULL, L"Büro VPN", &back, &cb, NULL, &cbdev), ERROR_SUCCESS);
    ck_assert(wcscmp(back.szLocalPhoneNumber, L"vpn.example.org") == 0);
    ck_assert(wcscmp(back.szDeviceName, L"WAN Miniport (L2TP)") == 0);
    ck_assert_uint_eq(cbdev, 0);   /* no device-specific information */
}
END_TEST

START_TEST(test_pppoe_and_pptp_entries) {
    RASENTRYA e = { .dwSize = sizeof(e) }, got;
    strcpy(e.szDeviceType, RASDT_PPPoE);
    strcpy(e.szDeviceName, "eth0");
    ck_assert_uint_eq(set_a("dsl", &e), ERROR_SUCCESS);
    ck_assert_uint_eq(get_a("dsl", &got), ERROR_SUCCESS);
    ck_assert_str_eq(got.szDeviceType, RASDT_PPPoE);
    ck_assert_str_eq(got.szDeviceName, "eth0");
    ck_assert_uint_eq(got.dwType, RASET_Broadband);

    e = (RASENTRYA) { .dwSize = sizeof(e) };
    strcpy(e.szDeviceType, RASDT_Vpn);
    strcpy(e.szDeviceName, "WAN Miniport (PPTP)");
    strcpy(e.szLocalPhoneNumber, "203.0.113.9");
    e.dwVpnStrategy = VS_PptpOnly;
    e.dwEncryptionType = ET_RequireMax;
    ck_assert_uint_eq(set_a("office", &e), ERROR_SUCCESS);
    ck_assert_uint_eq(get_a("office", &got), ERROR_SUCCESS);
    ck_assert_uint_eq(got.dwVpnStrategy, VS_PptpOnly);
    ck_assert_uint_eq(got.dwEncryptionType, ET_RequireMax);
    ck_assert(got.dwfOptions & RASEO_RequireDataEncryption);
    ck_assert_str_eq(got.szLocalPhoneNumber, "203.0.113.9");
}
END_TEST

/* Every RASENTRY Windows defined: where each version ends. */
static const DWORD entry_sizes_a[] = {
    offsetof(RASENTRYA, dwSubEntries),       /* 0x400 */
    offsetof(RASENTRYA, dwType),             /* 0x401 */
    offsetof(RASENTRYA, dwfOptions2),        /* 0x500 */
    offsetof(RASENTRYA, ipv6addrDns),        /* 0x501 */
    offsetof(RASENTRYA, ipv6addr),           /* 0x600 */
    offsetof(RASENTRYA, szIDi),              /* 0x601 */
    sizeof(RASENTRYA),                       /* 0xA00 */
};
static const DWORD entry_sizes_w[] = {
    offsetof(RASENTRYW, dwSubEntries), offsetof(RASENTRYW, dwType), offsetof(RASENTRYW, dwfOptions2),
    offsetof(RASENTRYW, ipv6addrDns), offsetof(RASENTRYW, ipv6addr), offsetof(RASENTRYW, szIDi),
    sizeof(RASENTRYW),
};

START_TEST(test_every_rasentry_version_is_read_and_written) {
    DWORD size = entry_sizes_a[_i];
    RASENTRYA *e = calloc(1, sizeof(RASENTRYA) + 16);
    e->dwSize = size;
    strcpy(e->szDeviceType, RASDT_Modem);
    strcpy(e->szDeviceName, "ttyS0");
    strcpy(e->szLocalPhoneNumber, "555");
    e->dwfOptions = RASEO_RemoteDefaultGateway;
    ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, "old", e, size, NULL, 0), ERROR_SUCCESS);

    memset(e, 0x5A, sizeof(RASENTRYA) + 16);
    e->dwSize = size;
    DWORD cb = size;
    ck_assert_uint_eq(RasGetEntryPropertiesA(NULL, "old", e, &cb, NULL, NULL), ERROR_SUCCESS);
    ck_assert_uint_eq(e->dwSize, size);
    ck_assert_str_eq(e->szLocalPhoneNumber, "555");
    ck_assert(e->dwfOptions & RASEO_RemoteDefaultGateway);
    /* nothing past the caller's version is touched */
    for (size_t i = size; i < sizeof(RASENTRYA) + 16; i++)
        ck_assert_uint_eq(((unsigned char *) e)[i], 0x5A);
    free(e);

    RASENTRYW *w = calloc(1, sizeof(RASENTRYW));
    w->dwSize = entry_sizes_w[_i];
    cb = w->dwSize;
    ck_assert_uint_eq(RasGetEntryPropertiesW(NULL, L"old", w, &cb, NULL, NULL), ERROR_SUCCESS);
    ck_assert(wcscmp(w->szDeviceName, L"ttyS0") == 0);
    free(w);
}
END_TEST

START_TEST(test_no_entry_name_gives_the_defaults) {
    RASENTRYA e;
    ck_assert_uint_eq(get_a(NULL, &e), ERROR_SUCCESS);
    ck_assert_str_eq(e.szDeviceType, "");
    ck_assert_uint_eq(e.dwfNetProtocols, RASNP_Ip);
    ck_assert_uint_eq(e.dwFramingProtocol, RASFP_Ppp);
    ck_assert_uint_eq(get_a("", &e), ERROR_SUCCESS);
}
END_TEST

/* -------------------------------------------------- the size protocol */

START_TEST(test_get_null_buffer_gives_603_and_the_size) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    DWORD cb = 0;
    ck_assert_uint_eq(RasGetEntryPropertiesA(NULL, "isp", NULL, &cb, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASENTRYA));
    cb = 0;
    ck_assert_uint_eq(RasGetEntryPropertiesW(NULL, L"isp", NULL, &cb, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASENTRYW));
}
END_TEST

START_TEST(test_get_short_buffer_gives_603_and_the_size) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    DWORD cb = sizeof(e) - 1;
    ck_assert_uint_eq(RasGetEntryPropertiesA(NULL, "isp", &e, &cb, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(e));
}
END_TEST

START_TEST(test_wrong_dwsize_is_632) {
    RASENTRYA e = modem_entry();
    DWORD sizes[] = { 0, 4, sizeof(e) - 4, sizeof(e) + 4, entry_sizes_a[2] + 4 };
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        e.dwSize = sizes[i];
        DWORD cb = sizeof(e);
        ck_assert_uint_eq(RasGetEntryPropertiesA(NULL, "isp", &e, &cb, NULL, NULL), ERROR_INVALID_SIZE);
        ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, "isp", &e, sizeof(e), NULL, 0), ERROR_INVALID_SIZE);
    }
    /* a W size is no A size */
    e.dwSize = sizeof(RASENTRYW);
    ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, "isp", &e, sizeof(RASENTRYW), NULL, 0), ERROR_INVALID_SIZE);
    ck_assert(!entry_exists("isp"));
}
END_TEST

START_TEST(test_null_and_short_arguments_are_refused) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(RasGetEntryPropertiesA(NULL, "isp", &e, NULL, NULL, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, "isp", NULL, sizeof(e), NULL, 0), ERROR_BUFFER_INVALID);
    ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, "isp", &e, sizeof(e) - 1, NULL, 0), ERROR_BUFFER_INVALID);
    ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, NULL, &e, sizeof(e), NULL, 0), ERROR_INVALID_NAME);
    ck_assert_uint_eq(RasSetEntryPropertiesA(NULL, "", &e, sizeof(e), NULL, 0), ERROR_INVALID_NAME);
    ck_assert(!entry_exists("isp"));
}
END_TEST

/* ------------------------------------------------------- error paths */

START_TEST(test_missing_entry_is_623) {
    RASENTRYA e;
    ck_assert_uint_eq(get_a("nope", &e), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(get_a("../etc/passwd", &e), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(get_a(".hidden", &e), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}
END_TEST

START_TEST(test_invalid_entry_names_are_123) {
    RASENTRYA e = modem_entry();
    const char *names[] = { "a/b", "../x", ".x", "tab\there", "nl\nplugin" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        ck_assert_uint_eq(set_a(names[i], &e), ERROR_INVALID_NAME);
        ck_assert_uint_eq(RasValidateEntryNameA(NULL, names[i]), ERROR_INVALID_NAME);
    }
}
END_TEST

typedef struct HostileCase {
    const char *type, *device, *phone;
    DWORD strategy, framing;
    DWORD expected;
} HostileCase;

static const HostileCase hostile[] = {
    { "modem", "ttyS0", "123\nplugin /tmp/evil.so", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem", "ttyS0", "123'; reboot; '", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem", "ttyS0", "$(id)", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem", "ttyS0", "", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem", "x\nplugin evil.so", "123", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem", "../../dev/sda", "123", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem", "-ttyS0", "123", 0, 0, ERROR_INVALID_PARAMETER },
    { "PPPoE", "eth0 nic-evil", "", 0, 0, ERROR_INVALID_PARAMETER },
    { "PPPoE", "eth0", "svc\nplugin evil.so", 0, 0, ERROR_INVALID_PARAMETER },
    { "vpn", "", "host --x", VS_PptpOnly, 0, ERROR_INVALID_PARAMETER },
    { "vpn", "", "host\"x", VS_L2tpOnly, 0, ERROR_INVALID_PARAMETER },
    { "vpn", "WAN Miniport (PPTP)", "host", VS_L2tpOnly, 0, ERROR_INVALID_PARAMETER },
    { "vpn", "", "host", VS_SstpOnly, 0, ERROR_NOT_SUPPORTED },
    { "vpn", "", "host", VS_Ikev2Only, 0, ERROR_NOT_SUPPORTED },
    { "isdn", "", "123", 0, 0, ERROR_NOT_SUPPORTED },
    { "modem", "ttyS0", "123", 0, RASFP_Slip, ERROR_NOT_SUPPORTED },
    { "", "", "", 0, 0, ERROR_INVALID_PARAMETER },
    { "modem\nplugin", "ttyS0", "123", 0, 0, ERROR_INVALID_PARAMETER },
};

START_TEST(test_hostile_entries_are_refused_and_nothing_is_written) {
    const HostileCase *c = &hostile[_i];
    RASENTRYA e = { .dwSize = sizeof(e) };
    strcpy(e.szDeviceType, c->type);
    strcpy(e.szDeviceName, c->device);
    strcpy(e.szLocalPhoneNumber, c->phone);
    e.dwVpnStrategy = c->strategy;
    e.dwFramingProtocol = c->framing;
    ck_assert_uint_eq(set_a("bad", &e), c->expected);
    ck_assert(!entry_exists("bad"));
}
END_TEST

START_TEST(test_unterminated_number_is_refused) {
    RASENTRYA e = modem_entry();
    e.dwfOptions |= RASEO_SpecificIpAddr;
    e.ipaddr = (RASIPADDR) { 10, 0, 0, 1 };
    ck_assert_uint_eq(set_a("ok", &e), ERROR_SUCCESS);
    /* no NUL within szLocalPhoneNumber: one digit more than RAS_MaxPhoneNumber */
    memset(e.szLocalPhoneNumber, '1', sizeof(e.szLocalPhoneNumber));
    ck_assert_uint_eq(set_a("long", &e), ERROR_INVALID_PARAMETER);
    ck_assert(!entry_exists("long"));
    e.szLocalPhoneNumber[RAS_MaxPhoneNumber] = '\0';
    ck_assert_uint_eq(set_a("long", &e), ERROR_SUCCESS);
    RASENTRYA got;
    ck_assert_uint_eq(get_a("long", &got), ERROR_SUCCESS);
    ck_assert_uint_eq(strlen(got.szLocalPhoneNumber), RAS_MaxPhoneNumber);
    ck_assert(got.dwfOptions & RASEO_SpecificIpAddr);
    ck_assert_uint_eq(got.ipaddr.a, 10);
    ck_assert_uint_eq(got.ipaddr.d, 1);
}
END_TEST

START_TEST(test_phonebook_argument_must_name_the_daemons) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(RasSetEntryPropertiesA("/tmp/other.pbk", "isp", &e, sizeof(e), NULL, 0),
                      ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_uint_eq(RasSetEntryPropertiesA(test_phonebook_dir(), "isp", &e, sizeof(e), NULL, 0), ERROR_SUCCESS);
    DWORD cb = sizeof(e);
    ck_assert_uint_eq(RasGetEntryPropertiesA("/tmp/other.pbk", "isp", &e, &cb, NULL, NULL),
                      ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_uint_eq(RasValidateEntryNameA("/tmp/other.pbk", "x"), ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_uint_eq(RasDeleteEntryA("/tmp/other.pbk", "isp"), ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_uint_eq(RasRenameEntryA("/tmp/other.pbk", "isp", "y"), ERROR_CANNOT_OPEN_PHONEBOOK);
}
END_TEST

/* ------------------------------------------------ hand-written entries */

START_TEST(test_set_on_a_hand_written_entry_keeps_what_it_does_not_manage) {
    test_write_entry("legacy", "# by hand\n/dev/ttyS1\nconnect \"chat '' ATDT0800 CONNECT\"\n"
                               "user alice\nlcp-echo-interval 30\nnoipdefault\n");
    RASENTRYA e;
    ck_assert_uint_eq(get_a("legacy", &e), ERROR_SUCCESS);
    ck_assert_str_eq(e.szDeviceName, "ttyS1");
    ck_assert_str_eq(e.szLocalPhoneNumber, "0800");

    strcpy(e.szLocalPhoneNumber, "0900");
    e.dwfOptions |= RASEO_RemoteDefaultGateway;
    ck_assert_uint_eq(set_a("legacy", &e), ERROR_SUCCESS);
    char *text = read_entry_file("legacy");
    ck_assert_ptr_nonnull(strstr(text, "\n# by hand\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nuser alice\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nlcp-echo-interval 30\n"));
    ck_assert_ptr_null(strstr(text, "ATDT0800"));
    ck_assert_ptr_nonnull(strstr(text, "${PPPRAS_PHONE:-0900}"));
    free(text);
}
END_TEST

/* ---------------------------------------------------------- who may write */

/* In a child that is nobody: the codes of Set, Delete and Rename. */
static void as_nobody(DWORD ret[3]) {
    int pipefd[2];
    ck_assert_int_eq(pipe(pipefd), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        DWORD r[3];
        RASENTRYA e = modem_entry();
        close(pipefd[0]);
        if (setresgid(NOBODY, NOBODY, NOBODY) < 0 || setresuid(NOBODY, NOBODY, NOBODY) < 0)
            _exit(1);
        r[0] = set_a("isp", &e);
        r[1] = RasDeleteEntryA(NULL, "isp");
        r[2] = RasRenameEntryA(NULL, "isp", "mine");
        _exit(write(pipefd[1], r, sizeof(r)) == sizeof(r) ? 0 : 1);
    }
    close(pipefd[1]);
    ck_assert_int_eq(read(pipefd[0], ret, 3 * sizeof(DWORD)), (int) (3 * sizeof(DWORD)));
    close(pipefd[0]);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

START_TEST(test_others_may_not_write_the_phonebook) {
    ck_assert_msg(geteuid() == 0, "needs root (to become nobody)");
    RASENTRYA e = modem_entry();
    strcpy(e.szLocalPhoneNumber, "111");
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    DWORD r[3];
    as_nobody(r);
    ck_assert_uint_eq(r[0], ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(r[1], ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(r[2], ERROR_ACCESS_DENIED);
    /* untouched */
    RASENTRYA got;
    ck_assert_uint_eq(get_a("isp", &got), ERROR_SUCCESS);
    ck_assert_str_eq(got.szLocalPhoneNumber, "111");
    ck_assert(!entry_exists("mine"));
}
END_TEST

/* Restarts the daemon with extra_args after PPPRAS_DAEMON_ARGS (NULL: as before). */
static int restart_daemon(const char *extra_args) {
    static char *saved;
    static bool have_saved;
    if (!have_saved) {
        const char *old = getenv("PPPRAS_DAEMON_ARGS");
        saved = old ? strdup(old) : NULL;
        have_saved = true;
    }
    if (extra_args) {
        char *args;
        if (asprintf(&args, "%s %s", saved ?: "", extra_args) < 0)
            return -ENOMEM;
        setenv("PPPRAS_DAEMON_ARGS", args, 1);
        free(args);
    } else if (saved)
        setenv("PPPRAS_DAEMON_ARGS", saved, 1);
    else
        unsetenv("PPPRAS_DAEMON_ARGS");
    int r = test_daemon_kill(SIGTERM);
    return r < 0 ? r : test_daemon_start();
}

START_TEST(test_members_of_the_entry_group_may_write) {
    ck_assert_msg(geteuid() == 0, "needs root (to become nobody)");
    struct group *g = getgrgid(NOBODY);
    ck_assert_msg(g, "no group %d", NOBODY);
    char arg[300];
    snprintf(arg, sizeof(arg), "--entry-group=%s", g->gr_name);

    /* nobody's own group is the entry group now: results first, the daemon back, then the checks */
    int restarted = restart_daemon(arg);
    DWORD r[3] = { 99, 99, 99 };
    if (restarted == 0)
        as_nobody(r);
    int restored = restart_daemon(NULL);

    ck_assert_int_eq(restarted, 0);
    ck_assert_int_eq(restored, 0);
    ck_assert_uint_eq(r[0], ERROR_SUCCESS);                 /* Set */
    ck_assert_uint_eq(r[1], ERROR_SUCCESS);                 /* Delete */
    ck_assert_uint_eq(r[2], ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);   /* Rename of the entry just deleted */
    ck_assert(!entry_exists("isp"));
}
END_TEST

/* ------------------------------------------- validate, delete, rename */

START_TEST(test_validate_entry_name) {
    test_write_entry("taken", "connect");
    ck_assert_uint_eq(RasValidateEntryNameA(NULL, "free"), ERROR_SUCCESS);
    ck_assert_uint_eq(RasValidateEntryNameW(NULL, L"free"), ERROR_SUCCESS);
    ck_assert_uint_eq(RasValidateEntryNameA(NULL, "taken"), ERROR_ALREADY_EXISTS);
    ck_assert_uint_eq(RasValidateEntryNameW(NULL, L"taken"), ERROR_ALREADY_EXISTS);
    ck_assert_uint_eq(RasValidateEntryNameA(NULL, NULL), ERROR_INVALID_NAME);
    ck_assert_uint_eq(RasValidateEntryNameA(NULL, ""), ERROR_INVALID_NAME);
    ck_assert_uint_eq(RasValidateEntryNameA(NULL, ".x"), ERROR_INVALID_NAME);
}
END_TEST

static void save_creds(const char *entry) {
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    strcpy(p.szEntryName, entry);
    strcpy(p.szUserName, "alice");
    strcpy(p.szPassword, "pw");
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &p, FALSE), ERROR_SUCCESS);
}

static const char *saved_user(const char *entry) {
    static RASDIALPARAMSA p;
    BOOL has;
    p = (RASDIALPARAMSA) { .dwSize = sizeof(p) };
    strcpy(p.szEntryName, entry);
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, &p, &has), ERROR_SUCCESS);
    return p.szUserName;
}

START_TEST(test_delete_entry_removes_it_and_its_credentials) {
    test_write_entry("gone", "connect");
    save_creds("gone");
    ck_assert_uint_eq(RasDeleteEntryA(NULL, "gone"), ERROR_SUCCESS);
    ck_assert(!entry_exists("gone"));
    ck_assert_uint_eq(RasDeleteEntryA(NULL, "gone"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasDeleteEntryW(NULL, L"never"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasDeleteEntryA(NULL, NULL), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasDeleteEntryA(NULL, "../phonebook"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    /* an entry of the same name later starts without the old credentials */
    test_write_entry("gone", "connect");
    ck_assert_str_eq(saved_user("gone"), "");
}
END_TEST

START_TEST(test_delete_never_removes_a_directory) {
    char *path = entry_path("subdir");
    ck_assert_int_eq(mkdir(path, 0755), 0);
    ck_assert_uint_eq(RasDeleteEntryA(NULL, "subdir"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(rmdir(path), 0);
    free(path);
}
END_TEST

START_TEST(test_rename_entry_moves_it_and_its_credentials) {
    test_write_entry("old", "connect");
    test_write_entry("busy", "connect");
    save_creds("old");
    ck_assert_uint_eq(RasRenameEntryA(NULL, "old", "busy"), ERROR_ALREADY_EXISTS);
    ck_assert_uint_eq(RasRenameEntryA(NULL, "old", ".x"), ERROR_INVALID_NAME);
    ck_assert_uint_eq(RasRenameEntryA(NULL, "old", NULL), ERROR_INVALID_NAME);
    ck_assert_uint_eq(RasRenameEntryA(NULL, "nope", "new"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasRenameEntryA(NULL, NULL, "new"), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert(entry_exists("old"));

    ck_assert_uint_eq(RasRenameEntryW(NULL, L"old", L"neu"), ERROR_SUCCESS);
    ck_assert(!entry_exists("old"));
    ck_assert(entry_exists("neu"));
    ck_assert_str_eq(saved_user("neu"), "alice");
}
END_TEST

/* ------------------------------------------------------ daemon absent */

START_TEST(test_without_the_daemon_every_call_is_711) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent", 1);
        alarm(TEST_TIMEOUT_MS / 1000);
        RASENTRYA e = modem_entry();
        DWORD cb = sizeof(e);
        DWORD r[] = {
            RasGetEntryPropertiesA(NULL, "isp", &e, &cb, NULL, NULL),
            RasSetEntryPropertiesA(NULL, "isp", &e, sizeof(e), NULL, 0),
            RasValidateEntryNameA(NULL, "isp"),
            RasDeleteEntryA(NULL, "isp"),
            RasRenameEntryA(NULL, "isp", "x"),
        };
        for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
            if (r[i] != ERROR_RASMAN_CANNOT_INITIALIZE)
                _exit(1 + (int) i);
        _exit(0);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_msg(WEXITSTATUS(status) == 0, "call %d did not give 711", WEXITSTATUS(status) - 1);
}
END_TEST

/* ----------------------------------------------------------- subentries */

static RASSUBENTRYA sub_entry(const char *type, const char *device, const char *phone) {
    RASSUBENTRYA s = { .dwSize = sizeof(s) };
    strcpy(s.szDeviceType, type);
    strcpy(s.szDeviceName, device);
    strcpy(s.szLocalPhoneNumber, phone);
    return s;
}

START_TEST(test_subentry_1_is_the_entry_itself) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    RASSUBENTRYA s = { .dwSize = sizeof(s) };
    DWORD cb = sizeof(s), cbdev = 9;
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "isp", 1, &s, &cb, NULL, &cbdev), ERROR_SUCCESS);
    ck_assert_str_eq(s.szDeviceType, RASDT_Modem);
    ck_assert_str_eq(s.szDeviceName, "ttyUSB0");
    ck_assert_str_eq(s.szLocalPhoneNumber, "+49 (30) 1234-567");
    ck_assert_uint_eq(cbdev, 0);

    s = sub_entry("modem", "ttyUSB1", "555");
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 1, &s, sizeof(s), NULL, 0), ERROR_SUCCESS);
    RASENTRYA got;
    ck_assert_uint_eq(get_a("isp", &got), ERROR_SUCCESS);
    ck_assert_str_eq(got.szDeviceName, "ttyUSB1");
    ck_assert_str_eq(got.szLocalPhoneNumber, "555");
    ck_assert_uint_eq(got.dwSubEntries, 1);
    ck_assert(got.dwfOptions & RASEO_RemoteDefaultGateway);   /* the options stay */
}
END_TEST

START_TEST(test_adding_subentries_makes_a_multilink_entry) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("bundle", &e), ERROR_SUCCESS);
    RASSUBENTRYA s = sub_entry("modem", "ttyUSB1", "556");
    /* only the one after the last may be added */
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "bundle", 3, &s, sizeof(s), NULL, 0), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "bundle", 2, &s, sizeof(s), NULL, 0), ERROR_SUCCESS);
    RASSUBENTRYW w = { .dwSize = sizeof(w) };
    wcscpy(w.szDeviceType, L"modem");
    wcscpy(w.szDeviceName, L"ttyACM0");
    wcscpy(w.szLocalPhoneNumber, L"557");
    ck_assert_uint_eq(RasSetSubEntryPropertiesW(NULL, L"bundle", 3, &w, sizeof(w), NULL, 0), ERROR_SUCCESS);

    RASENTRYA got;
    ck_assert_uint_eq(get_a("bundle", &got), ERROR_SUCCESS);
    ck_assert_uint_eq(got.dwSubEntries, 3);
    char *text = read_entry_file("bundle");
    ck_assert_ptr_nonnull(strstr(text, "\nmultilink\n"));
    free(text);
    text = read_entry_file(".bundle.link-3");
    ck_assert_ptr_nonnull(strstr(text, "\n/dev/ttyACM0\n"));
    ck_assert_ptr_nonnull(strstr(text, "\nmultilink\n"));
    ck_assert_ptr_nonnull(strstr(text, "\ndefaultroute\n"));   /* the entry's options */
    free(text);

    RASSUBENTRYA back = { .dwSize = sizeof(back) };
    DWORD cb = sizeof(back);
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "bundle", 2, &back, &cb, NULL, NULL), ERROR_SUCCESS);
    ck_assert_str_eq(back.szDeviceName, "ttyUSB1");
    ck_assert_str_eq(back.szLocalPhoneNumber, "556");
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "bundle", 4, &back, &cb, NULL, NULL),
                      ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);

    /* the links are no entries of their own, and go with the entry */
    DWORD n = 0;
    cb = 0;
    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASENTRYNAMEA));
    ck_assert_uint_eq(RasRenameEntryA(NULL, "bundle", "pair"), ERROR_SUCCESS);
    ck_assert(!entry_exists(".bundle.link-2"));
    ck_assert(entry_exists(".pair.link-2"));
    ck_assert(entry_exists(".pair.link-3"));
    ck_assert_uint_eq(RasDeleteEntryA(NULL, "pair"), ERROR_SUCCESS);
    ck_assert(!entry_exists(".pair.link-2"));
    ck_assert(!entry_exists(".pair.link-3"));
}
END_TEST

START_TEST(test_subentry_error_paths) {
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    RASSUBENTRYA s = sub_entry("modem", "ttyS1", "1");
    DWORD cb = 0;
    /* the size protocol */
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "isp", 1, NULL, &cb, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(RASSUBENTRYA));
    cb = sizeof(s) - 1;
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "isp", 1, &s, &cb, NULL, NULL), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, sizeof(s));
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "isp", 1, &s, NULL, NULL, NULL), ERROR_INVALID_PARAMETER);
    s.dwSize = sizeof(s) + 4;
    cb = sizeof(s) + 4;
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "isp", 1, &s, &cb, NULL, NULL), ERROR_INVALID_SIZE);
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 2, &s, sizeof(s) + 4, NULL, 0), ERROR_INVALID_SIZE);
    s.dwSize = sizeof(s);
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 2, NULL, sizeof(s), NULL, 0), ERROR_BUFFER_INVALID);
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 2, &s, sizeof(s) - 1, NULL, 0), ERROR_BUFFER_INVALID);
    /* index 0, missing entries, another phonebook */
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 0, &s, sizeof(s), NULL, 0), ERROR_INVALID_PARAMETER);
    cb = sizeof(s);
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "isp", 0, &s, &cb, NULL, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "nope", 1, &s, sizeof(s), NULL, 0),
                      ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, "nope", 1, &s, &cb, NULL, NULL),
                      ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasGetSubEntryPropertiesA(NULL, NULL, 1, &s, &cb, NULL, NULL),
                      ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasSetSubEntryPropertiesA("/tmp/x.pbk", "isp", 2, &s, sizeof(s), NULL, 0),
                      ERROR_CANNOT_OPEN_PHONEBOOK);
    /* hostile and unsupported links */
    s = sub_entry("modem", "ttyS1", "1\nplugin /tmp/evil.so");
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 2, &s, sizeof(s), NULL, 0), ERROR_INVALID_PARAMETER);
    s = sub_entry("isdn", "", "1");
    ck_assert_uint_eq(RasSetSubEntryPropertiesA(NULL, "isp", 2, &s, sizeof(s), NULL, 0), ERROR_NOT_SUPPORTED);
    ck_assert(!entry_exists(".isp.link-2"));
}
END_TEST

START_TEST(test_others_may_not_write_subentries) {
    ck_assert_msg(geteuid() == 0, "needs root (to become nobody)");
    RASENTRYA e = modem_entry();
    ck_assert_uint_eq(set_a("isp", &e), ERROR_SUCCESS);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        RASSUBENTRYA s = sub_entry("modem", "ttyS1", "1");
        if (setresgid(NOBODY, NOBODY, NOBODY) < 0 || setresuid(NOBODY, NOBODY, NOBODY) < 0)
            _exit(1);
        DWORD cb = sizeof(s);
        if (RasGetSubEntryPropertiesA(NULL, "isp", 1, &s, &cb, NULL, NULL) != ERROR_SUCCESS)
            _exit(2);
        _exit(RasSetSubEntryPropertiesA(NULL, "isp", 2, &s, sizeof(s), NULL, 0) == ERROR_ACCESS_DENIED ? 0 : 3);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert(!entry_exists(".isp.link-2"));
}
END_TEST

Suite *entry_props_suite(void) {
    Suite *s = suite_create("entry_props");
    TCase *tc = test_tcase(s, "round_trip", setup, NULL);
    tcase_add_test(tc, test_set_then_get_gives_the_entry_back);
    tcase_add_test(tc, test_the_file_written_is_the_mappings_own);
    tcase_add_test(tc, test_w_set_is_read_back_by_a_and_w);
    tcase_add_test(tc, test_pppoe_and_pptp_entries);
    tcase_add_loop_test(tc, test_every_rasentry_version_is_read_and_written, 0,
                        (int) (sizeof(entry_sizes_a) / sizeof(entry_sizes_a[0])));
    tcase_add_test(tc, test_no_entry_name_gives_the_defaults);
    tcase_add_test(tc, test_set_on_a_hand_written_entry_keeps_what_it_does_not_manage);

    tc = test_tcase(s, "errors", setup, NULL);
    tcase_add_test(tc, test_get_null_buffer_gives_603_and_the_size);
    tcase_add_test(tc, test_get_short_buffer_gives_603_and_the_size);
    tcase_add_test(tc, test_wrong_dwsize_is_632);
    tcase_add_test(tc, test_null_and_short_arguments_are_refused);
    tcase_add_test(tc, test_missing_entry_is_623);
    tcase_add_test(tc, test_invalid_entry_names_are_123);
    tcase_add_loop_test(tc, test_hostile_entries_are_refused_and_nothing_is_written, 0,
                        (int) (sizeof(hostile) / sizeof(hostile[0])));
    tcase_add_test(tc, test_unterminated_number_is_refused);
    tcase_add_test(tc, test_phonebook_argument_must_name_the_daemons);
    tcase_add_test(tc, test_others_may_not_write_the_phonebook);
    tcase_add_test(tc, test_members_of_the_entry_group_may_write);
    tcase_add_test(tc, test_without_the_daemon_every_call_is_711);

    tc = test_tcase(s, "names", setup, NULL);
    tcase_add_test(tc, test_validate_entry_name);
    tcase_add_test(tc, test_delete_entry_removes_it_and_its_credentials);
    tcase_add_test(tc, test_delete_never_removes_a_directory);
    tcase_add_test(tc, test_rename_entry_moves_it_and_its_credentials);

    tc = test_tcase(s, "subentries", setup, NULL);
    tcase_add_test(tc, test_subentry_1_is_the_entry_itself);
    tcase_add_test(tc, test_adding_subentries_makes_a_multilink_entry);
    tcase_add_test(tc, test_subentry_error_paths);
    tcase_add_test(tc, test_others_may_not_write_subentries);
    return s;
}
