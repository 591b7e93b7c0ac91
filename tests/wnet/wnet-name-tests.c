/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Remote and local name parsing (daemon/network-name.c) and the profile
 * format (daemon/network-profile.c): nothing a caller sends may become a
 * mount option, a command-line option or a path escape. */

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "network-name.h"
#include "network-profile.h"

static void assert_remote(const char *s, NetProvider provider, const char *canonical, const char *source) {
    NetRemote r;
    ck_assert_msg(net_remote_parse(s, &r) == 0, "rejected: %s", s);
    ck_assert_int_eq(r.provider, provider);
    ck_assert_str_eq(r.canonical, canonical);
    ck_assert_str_eq(r.source, source);
    net_remote_done(&r);
}

static void assert_bad_remote(const char *s) {
    NetRemote r;
    ck_assert_msg(net_remote_parse(s, &r) == -EINVAL, "accepted: %s", s);
}

START_TEST(test_remote_names_select_their_provider) {
    assert_remote("\\\\Server\\Share", NET_PROVIDER_CIFS, "\\\\server\\Share", "//server/Share");
    assert_remote("//srv.example.com/C$/dir/sub", NET_PROVIDER_CIFS, "\\\\srv.example.com\\C$\\dir\\sub",
                  "//srv.example.com/C$/dir/sub");
    assert_remote("\\\\srv\\Team Files\\", NET_PROVIDER_CIFS, "\\\\srv\\Team Files", "//srv/Team Files");
    assert_remote("nfs1:/export/home", NET_PROVIDER_NFS, "nfs1:/export/home", "nfs1:/export/home");
    assert_remote("ssh://alice@Host:2222/data", NET_PROVIDER_SSHFS, "ssh://alice@host:2222/data", "host:/data");
    assert_remote("sshfs://host", NET_PROVIDER_SSHFS, "ssh://host", "host:");
}
END_TEST

START_TEST(test_remote_names_that_could_inject_are_rejected) {
    static const char *const bad[] = {
        "\\\\srv\\share,uid=0",           /* mount option */
        "//srv/share/a=b",
        "//-oProxyCommand=x/share",        /* ssh/mount option as host */
        "ssh://-oProxyCommand=touch/x",
        "ssh://-user@host/x",
        "ssh://host:0/x", "ssh://host:99999/x", "ssh://host:22x/x",
        "//srv/../etc", "//srv/share/../../etc", "srv:/export/../etc",
        "//srv/share\n", "//srv/sh\tare",
        "//srv", "//srv/", "\\\\srv\\share/mixed",
        "srv:relative", "http://srv/x", "", "plain",
        "//sr v/share", "//srv/-share", "//srv/share;rm",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_bad_remote(bad[i]);
}
END_TEST

START_TEST(test_local_names) {
    NetLocalKind kind;
    char *c;

    ck_assert_int_eq(net_local_parse("z:", &kind, &c), 0);
    ck_assert_int_eq(kind, NET_LOCAL_DRIVE);
    ck_assert_str_eq(c, "Z:");
    free(c);
    ck_assert_int_eq(net_local_parse("/home/u/mnt/", &kind, &c), 0);
    ck_assert_int_eq(kind, NET_LOCAL_PATH);
    ck_assert_str_eq(c, "/home/u/mnt");
    free(c);
    ck_assert_int_eq(net_local_parse("", &kind, &c), 0);
    ck_assert_int_eq(kind, NET_LOCAL_NONE);
    ck_assert_ptr_null(c);

    static const char *const bad[] = { "ZZ:", "1:", "Z", "relative/dir", "/", "//", "/a/../b", "/a//b", "/a/./b",
                                       "/a\nb" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(net_local_parse(bad[i], &kind, &c) == -EINVAL, "accepted: %s", bad[i]);
}
END_TEST

START_TEST(test_user_names_and_passwords) {
    ck_assert(net_user_is_valid("alice", NET_PROVIDER_SSHFS));
    ck_assert(net_user_is_valid("CORP\\alice", NET_PROVIDER_CIFS));
    ck_assert(net_user_is_valid("alice@CORP.EXAMPLE", NET_PROVIDER_CIFS));
    ck_assert(!net_user_is_valid("CORP\\alice", NET_PROVIDER_SSHFS));
    ck_assert(!net_user_is_valid("-oProxyCommand", NET_PROVIDER_SSHFS));
    ck_assert(!net_user_is_valid("a\nusername=root", NET_PROVIDER_CIFS));
    ck_assert(!net_user_is_valid("a,b", NET_PROVIDER_CIFS));
    ck_assert(!net_user_is_valid("", NET_PROVIDER_CIFS));

    ck_assert(net_password_is_valid("p=a,s s", 7));
    ck_assert(!net_password_is_valid("a\nb", 3));
    ck_assert(!net_password_is_valid("a\0b", 3));
}
END_TEST

static char dir[] = "/tmp/wnet-name-tests.XXXXXX";

static void write_file(const char *text) {
    char path[256];
    snprintf(path, sizeof path, "%s/wnet", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/wnet/1000.profile", dir);
    FILE *f = fopen(path, "we");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(test_profile_round_trip_and_format_errors) {
    Profile p = {}, q = {};

    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(profile_load(dir, 1000, &p), 0);            /* missing: empty */
    ck_assert_uint_eq(p.n_entries, 0);
    ck_assert_int_eq(profile_set(&p, "Z:", "\\\\srv\\share", "CORP\\alice"), 0);
    ck_assert_int_eq(profile_set(&p, "Y:", "srv:/export", ""), 0);
    ck_assert_int_eq(profile_set(&p, "Z:", "\\\\srv\\other", ""), 0);   /* replaces */
    ck_assert_int_eq(profile_save(dir, 1000, &p), 0);
    ck_assert_int_eq(profile_load(dir, 1000, &q), 0);
    ck_assert_uint_eq(q.n_entries, 2);
    ck_assert_str_eq(profile_find(&q, "Z:")->remote, "\\\\srv\\other");
    ck_assert_int_eq(profile_remove(&q, "Y:"), 1);
    ck_assert_int_eq(profile_remove(&q, "Y:"), 0);
    profile_done(&p);
    profile_done(&q);

    write_file("# comment\n\nZ:\t\\\\srv\\share\t\n");
    ck_assert_int_eq(profile_load(dir, 1000, &p), 0);
    ck_assert_uint_eq(p.n_entries, 1);
    profile_done(&p);

    static const char *const bad[] = {
        "Z: \\\\srv\\share\n",                     /* no tabs */
        "Z:\t//srv/share\t\n",                     /* not canonical */
        "Z:\t\\\\srv\\share\n",                     /* two fields */
        "Q\t\\\\srv\\share\t\n",
        "Z:\t\\\\srv\\share\t\nZ:\tsrv:/x\t\n",      /* twice */
        "Z:\t\\\\srv\\share\tbad,user\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file(bad[i]);
        ck_assert_msg(profile_load(dir, 1000, &p) == -EBADMSG, "parsed: %s", bad[i]);
    }

    char path[256];
    snprintf(path, sizeof path, "%s/wnet/1000.profile", dir);
    unlink(path);
    mkdir(path, 0700);
    int r = profile_load(dir, 1000, &p);
    ck_assert(r < 0 && r != -EBADMSG);
    rmdir(path);

    /* an empty profile removes the file */
    ck_assert_int_eq(profile_save(dir, 1000, &p), 0);
    ck_assert_int_eq(access(path, F_OK), -1);
    snprintf(path, sizeof path, "%s/wnet", dir);
    rmdir(path);
    rmdir(dir);
}
END_TEST

int main(void) {
    Suite *s = suite_create("wnet-names");
    TCase *tc = tcase_create("names");
    tcase_add_test(tc, test_remote_names_select_their_provider);
    tcase_add_test(tc, test_remote_names_that_could_inject_are_rejected);
    tcase_add_test(tc, test_local_names);
    tcase_add_test(tc, test_user_names_and_passwords);
    tcase_add_test(tc, test_profile_round_trip_and_format_errors);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
