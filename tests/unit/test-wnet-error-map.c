/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/wnet-error-map.c: what mount.cifs, mount.nfs, ssh and the daemon
 * say about a failed mount → the code Windows returns for that cause,
 * with the numbers spelled out; then the library keeping the provider's
 * words for WNetGetLastError whatever the code. */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "suites.h"
#include "winerror.h"
#include "winnetwk.h"
#include "wnet-error-map.h"
#include "wnet-errors.h"
#include "wnet-last-error.h"

#define CIFS  NET_PROVIDER_CIFS
#define NFS   NET_PROVIDER_NFS
#define SSHFS NET_PROVIDER_SSHFS

/* What the helpers print (LANG=C.UTF-8), as the daemon passes it on. */
static const struct {
    NetProvider provider;
    int status;
    const char *text;
    uint32_t code;
} cases[] = {
    /* mount.cifs: exit 32 and the kernel's errno */
    { CIFS, 32, "mount error(13): Permission denied\nRefer to the mount.cifs(8) manual page", 1326 },
    { CIFS, 32, "mount error(126): Required key not available", 1326 },
    { CIFS, 32, "mount error(2): No such file or directory", 67 },
    { CIFS, 32, "mount error(1): Operation not permitted", 5 },
    { CIFS, 32, "mount error(111): could not connect to 10.8.0.9Unable to find suitable address.", 53 },
    { CIFS, 32, "mount error(112): Host is down", 53 },
    { CIFS, 32, "mount error(113): No route to host", 53 },
    { CIFS, 32, "mount error(110): Connection timed out", 53 },
    { CIFS, 32, "mount error(101): Network is unreachable", 1231 },
    { CIFS, 32, "mount error(100): Network is down", 1222 },
    { CIFS, 32, "mount error(19): No such device", 1222 },
    { CIFS, 32, "mount error(95): Operation not supported", 1208 },
    { CIFS, 32, "mount error(16): Device or resource busy", 1208 },
    { CIFS, 1,  "mount error: could not resolve address for nosuch: Unknown error", 53 },
    /* mount.nfs: exit 32 and strerror() words */
    { NFS, 32, "mount.nfs: Connection refused", 53 },
    { NFS, 32, "mount.nfs: Connection timed out", 53 },
    { NFS, 32, "mount.nfs: No route to host", 53 },
    { NFS, 32, "mount.nfs: Network is unreachable", 1231 },
    { NFS, 32, "mount.nfs: Failed to resolve server nosuch: Name or service not known", 53 },
    { NFS, 32, "mount.nfs: access denied by server while mounting 127.0.0.1:/srv/nosuch", 5 },
    { NFS, 32, "mount.nfs: mounting 127.0.0.1:/nosuch failed, reason given by server: No such file or directory", 67 },
    { NFS, 32, "mount.nfs: No such device", 1222 },
    { NFS, 32, "mount.nfs: an incorrect mount option was specified", 1208 },
    /* sshfs: ssh's reason first, then sshfs's own */
    { SSHFS, 1, "root@127.0.0.1: Permission denied (publickey,password).; read: Connection reset by peer", 1326 },
    { SSHFS, 1, "Received disconnect from 127.0.0.1 port 2222:2: Too many authentication failures", 1326 },
    { SSHFS, 1, "ssh: connect to host 127.0.0.1 port 1: Connection refused; read: Connection reset by peer", 53 },
    { SSHFS, 1, "ssh: Could not resolve hostname nosuch: Name or service not known; read: Connection reset by peer", 53 },
    { SSHFS, 1, "ssh: connect to host 10.99.0.1 port 22: Network is unreachable", 1231 },
    { SSHFS, 1, "ssh: connect to host 10.8.0.9 port 22: No route to host", 53 },
    { SSHFS, 1, "Host key verification failed.; read: Connection reset by peer", 1208 },
    { SSHFS, 1, "fuse: bad mount point", 1208 },
    /* the daemon's own: helper missing (exit 127) or not executable
     * (126), timed out, the bound link gone, mounted but not there */
    { CIFS,  -ENOENT,    "", 1222 },
    { NFS,   -EACCES,    "", 1222 },
    { SSHFS, -ETIMEDOUT, "", 53 },
    { CIFS,  -ENETDOWN,  "the RAS connection was hung up", 1222 },
    { NFS,   -EIO,       "", 1208 },
    { SSHFS, 1,          NULL, 1208 },
};

START_TEST(test_each_helper_message_maps_to_the_windows_code) {
    ck_assert_msg(wnet_error_map(cases[_i].provider, cases[_i].status, cases[_i].text) == cases[_i].code,
                  "%s %d \"%s\": %u, not %u", net_provider_to_string(cases[_i].provider), cases[_i].status,
                  cases[_i].text ?: "(null)",
                  wnet_error_map(cases[_i].provider, cases[_i].status, cases[_i].text), cases[_i].code);
}
END_TEST

/* Every row is reachable: no earlier row shadows it. */
START_TEST(test_each_rule_gives_its_own_code) {
    const WnetErrorRule *r = &wnet_error_rules[_i];
    NetProvider p = r->provider == WNET_ANY_PROVIDER ? NET_PROVIDER_NFS : (NetProvider) r->provider;
    char text[128];
    uint32_t got = 0;

    switch (r->source) {
    case WNET_FROM_HELPER_ERRNO:
        snprintf(text, sizeof text, "mount error(%d): %s", r->error, strerror(r->error));
        got = wnet_error_map(p, 32, text);
        break;
    case WNET_FROM_DAEMON_STATUS:
        got = wnet_error_map(p, -r->error, "");
        break;
    case WNET_FROM_TEXT:
        ck_assert_ptr_nonnull(r->text);
        got = wnet_error_map(p, 1, r->text);
        break;
    }
    ck_assert_msg(got == r->code, "rule %d: %u, not %u", _i, got, r->code);
}
END_TEST

/* A provider's rule is that provider's alone. */
START_TEST(test_provider_rules_do_not_apply_to_other_providers) {
    ck_assert_uint_eq(wnet_error_map(NFS, 1, "user@host: Permission denied (publickey)."), ERROR_ACCESS_DENIED);
    ck_assert_uint_eq(wnet_error_map(SSHFS, 32, "mount error(13): Permission denied"), ERROR_EXTENDED_ERROR);
    ck_assert_uint_eq(wnet_error_map(CIFS, 32, "access denied by server"), ERROR_EXTENDED_ERROR);
}
END_TEST

/* Every mapped code has a bus error name that maps back to it, and a text. */
START_TEST(test_each_mapped_code_crosses_the_bus_and_has_a_text) {
    uint32_t code = wnet_error_rules[_i].code;

    ck_assert_uint_eq(wnet_error_to_code(wnet_error_from_code(code)), code);
    ck_assert_ptr_nonnull(wnet_error_text(code));
}
END_TEST

/* The library: a mapped reply keeps the provider's words for
 * WNetGetLastError; a reply without a provider part leaves them. */
START_TEST(test_mapped_reply_keeps_the_provider_text_for_wnet_get_last_error) {
    char text[256], provider[32];
    DWORD code = 0;

    ck_assert(wnet_last_error_set_if_provider("1326: cifs 32: mount error(13): Permission denied"));
    ck_assert_uint_eq(WNetGetLastErrorA(&code, text, sizeof text, provider, sizeof provider), NO_ERROR);
    ck_assert_uint_eq(code, 32);
    ck_assert_str_eq(text, "mount error(13): Permission denied");
    ck_assert_str_eq(provider, "cifs");

    ck_assert(!wnet_last_error_set_if_provider("67: The network name cannot be found."));
    ck_assert(!wnet_last_error_set_if_provider("2250: This network connection does not exist."));
    ck_assert(!wnet_last_error_set_if_provider(NULL));
    ck_assert_uint_eq(WNetGetLastErrorA(&code, text, sizeof text, provider, sizeof provider), NO_ERROR);
    ck_assert_str_eq(provider, "cifs");
}
END_TEST

Suite *wnet_error_map_suite(void) {
    Suite *s = suite_create("wnet-error-map");
    TCase *tc = tcase_create("map");

    tcase_add_loop_test(tc, test_each_helper_message_maps_to_the_windows_code, 0, (int) (sizeof(cases) / sizeof(cases[0])));
    tcase_add_loop_test(tc, test_each_rule_gives_its_own_code, 0, (int) wnet_error_rules_size);
    tcase_add_test(tc, test_provider_rules_do_not_apply_to_other_providers);
    tcase_add_loop_test(tc, test_each_mapped_code_crosses_the_bus_and_has_a_text, 0, (int) wnet_error_rules_size);
    tcase_add_test(tc, test_mapped_reply_keeps_the_provider_text_for_wnet_get_last_error);
    suite_add_tcase(s, tc);
    return s;
}
