/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetCredentials / RasSetCredentials over the saved dial parameters:
 * "dwMask indicates the members that were successfully retrieved", the
 * password comes back only as "a handle to the saved password" that Set
 * takes in its place, fClearCredentials empties what dwMask names, and
 * every error path. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "test-daemon.h"

#define NOBODY 65534
#define PASSWORD "cr3d-pw"
#define ALL (RASCM_UserName | RASCM_Password | RASCM_Domain)

static void setup(void) {
    test_clear_phonebook();
    test_write_entry("isp", "connect");
}

static char *read_store(void) {
    char path[4096], *text = NULL;
    size_t size = 0;
    snprintf(path, sizeof(path), "%s/state/dialparams", getenv("PPPRAS_BUS_DIR"));
    FILE *f = fopen(path, "re"), *out = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(out);
    for (int c; f && (c = fgetc(f)) != EOF;)
        fputc(c, out);
    if (f)
        fclose(f);
    fclose(out);
    return text;
}

static RASCREDENTIALSA creds(DWORD mask, const char *user, const char *password, const char *domain) {
    RASCREDENTIALSA c = { .dwSize = sizeof(c), .dwMask = mask };
    strcpy(c.szUserName, user);
    strcpy(c.szPassword, password);
    strcpy(c.szDomain, domain);
    return c;
}

static RASCREDENTIALSA get(DWORD mask) {
    RASCREDENTIALSA c = creds(mask, "junk", "junk", "junk");
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "isp", &c), ERROR_SUCCESS);
    return c;
}

START_TEST(test_set_then_get_gives_user_domain_and_the_password_handle) {
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "CORP");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    RASCREDENTIALSA got = get(ALL);
    ck_assert_uint_eq(got.dwMask, ALL);
    ck_assert_str_eq(got.szUserName, "alice");
    ck_assert_str_eq(got.szDomain, "CORP");
    ck_assert_str_ne(got.szPassword, PASSWORD);
    ck_assert_uint_gt(strlen(got.szPassword), 0);
    char *store = read_store();
    ck_assert_ptr_nonnull(strstr(store, "=" PASSWORD));
    free(store);
}
END_TEST

START_TEST(test_get_fills_only_what_dwmask_asks_for) {
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "CORP");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    RASCREDENTIALSA got = get(RASCM_UserName);
    ck_assert_uint_eq(got.dwMask, RASCM_UserName);
    ck_assert_str_eq(got.szUserName, "alice");
    ck_assert_str_eq(got.szPassword, "");
    ck_assert_str_eq(got.szDomain, "");
    /* nothing saved: nothing retrieved */
    test_write_entry("fresh", "connect");
    RASCREDENTIALSA none = creds(ALL, "x", "x", "x");
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "fresh", &none), ERROR_SUCCESS);
    ck_assert_uint_eq(none.dwMask, 0);
    ck_assert_str_eq(none.szUserName, "");
}
END_TEST

START_TEST(test_the_password_handle_given_back_keeps_the_password) {
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    RASCREDENTIALSA got = get(ALL);
    strcpy(got.szUserName, "alice2");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &got, FALSE), ERROR_SUCCESS);
    char *store = read_store();
    ck_assert_ptr_nonnull(strstr(store, "=" PASSWORD));
    ck_assert_ptr_nonnull(strstr(store, "=alice2"));
    free(store);
}
END_TEST

START_TEST(test_set_changes_only_what_dwmask_names) {
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "CORP");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    c = creds(RASCM_Domain, "mallory", "other", "HOME");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    RASCREDENTIALSA got = get(ALL);
    ck_assert_str_eq(got.szUserName, "alice");
    ck_assert_str_eq(got.szDomain, "HOME");
    ck_assert(got.dwMask & RASCM_Password);
    char *store = read_store();
    ck_assert_ptr_nonnull(strstr(store, "=" PASSWORD));
    ck_assert_ptr_null(strstr(store, "other"));
    free(store);
}
END_TEST

START_TEST(test_clear_empties_what_dwmask_names) {
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "CORP");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    c = creds(RASCM_Password, "", "", "");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, TRUE), ERROR_SUCCESS);
    RASCREDENTIALSA got = get(ALL);
    ck_assert_uint_eq(got.dwMask, RASCM_UserName | RASCM_Domain);
    char *store = read_store();
    ck_assert_ptr_null(strstr(store, PASSWORD));
    free(store);
    c = creds(RASCM_UserName | RASCM_Domain, "", "", "");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, TRUE), ERROR_SUCCESS);
    ck_assert_uint_eq(get(ALL).dwMask, 0);
}
END_TEST

START_TEST(test_w_set_is_read_by_a_and_w) {
    RASCREDENTIALSW w = { .dwSize = sizeof(w), .dwMask = ALL };
    wcscpy(w.szUserName, L"jürgen");
    wcscpy(w.szPassword, L"pässword");
    wcscpy(w.szDomain, L"BÜRO");
    ck_assert_uint_eq(RasSetCredentialsW(NULL, L"isp", &w, FALSE), ERROR_SUCCESS);
    RASCREDENTIALSA a = get(ALL);
    ck_assert_str_eq(a.szUserName, "jürgen");
    RASCREDENTIALSW back = { .dwSize = sizeof(back), .dwMask = ALL };
    ck_assert_uint_eq(RasGetCredentialsW(NULL, L"isp", &back), ERROR_SUCCESS);
    ck_assert(wcscmp(back.szDomain, L"BÜRO") == 0);
    ck_assert(wcscmp(back.szPassword, L"pässword") != 0);
    ck_assert_uint_eq(back.dwMask, ALL);
}
END_TEST

START_TEST(test_credential_error_paths) {
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "");
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "isp", NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", NULL, FALSE), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "nope", &c), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "nope", &c, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasSetCredentialsA(NULL, NULL, &c, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "", &c), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "../isp", &c), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasGetCredentialsA("/tmp/x.pbk", "isp", &c), ERROR_CANNOT_OPEN_PHONEBOOK);
    ck_assert_uint_eq(RasSetCredentialsA("/tmp/x.pbk", "isp", &c, FALSE), ERROR_CANNOT_OPEN_PHONEBOOK);
    c.dwMask = RASCM_PreSharedKey;
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_NOT_SUPPORTED);
    ck_assert_uint_eq(RasGetCredentialsA(NULL, "isp", &c), ERROR_NOT_SUPPORTED);
    DWORD sizes[] = { 0, sizeof(c) - 1, sizeof(c) + 1, sizeof(RASCREDENTIALSW) };
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        c = creds(ALL, "alice", PASSWORD, "");
        c.dwSize = sizes[i];
        ck_assert_uint_eq(RasGetCredentialsA(NULL, "isp", &c), ERROR_INVALID_SIZE);
        ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_INVALID_SIZE);
    }
    /* hostile text is a credential, never more: control characters are refused by the daemon */
    c = creds(RASCM_UserName, "alice\nplugin evil.so", "", "");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_credentials_are_per_user) {
    ck_assert_msg(geteuid() == 0, "needs root (to become nobody)");
    RASCREDENTIALSA c = creds(ALL, "alice", PASSWORD, "");
    ck_assert_uint_eq(RasSetCredentialsA(NULL, "isp", &c, FALSE), ERROR_SUCCESS);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (setresgid(NOBODY, NOBODY, NOBODY) < 0 || setresuid(NOBODY, NOBODY, NOBODY) < 0)
            _exit(1);
        RASCREDENTIALSA mine = creds(ALL, "x", "x", "x");
        if (RasGetCredentialsA(NULL, "isp", &mine) != ERROR_SUCCESS || mine.dwMask != 0)
            _exit(2);
        mine = creds(ALL, "mallory", "x", "");
        /* not in the dial group: may not save */
        _exit(RasSetCredentialsA(NULL, "isp", &mine, FALSE) == ERROR_ACCESS_DENIED ? 0 : 3);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_str_eq(get(ALL).szUserName, "alice");
}
END_TEST

START_TEST(test_without_the_daemon_credentials_are_711) {
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        setenv("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/nonexistent", 1);
        alarm(TEST_TIMEOUT_MS / 1000);
        RASCREDENTIALSA c = creds(ALL, "a", "b", "");
        _exit(RasGetCredentialsA(NULL, "isp", &c) == ERROR_RASMAN_CANNOT_INITIALIZE &&
                      RasSetCredentialsA(NULL, "isp", &c, FALSE) == ERROR_RASMAN_CANNOT_INITIALIZE ? 0 : 1);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}
END_TEST

Suite *credentials_suite(void) {
    Suite *s = suite_create("credentials");
    TCase *tc = test_tcase(s, "credentials", setup, NULL);
    tcase_add_test(tc, test_set_then_get_gives_user_domain_and_the_password_handle);
    tcase_add_test(tc, test_get_fills_only_what_dwmask_asks_for);
    tcase_add_test(tc, test_the_password_handle_given_back_keeps_the_password);
    tcase_add_test(tc, test_set_changes_only_what_dwmask_names);
    tcase_add_test(tc, test_clear_empties_what_dwmask_names);
    tcase_add_test(tc, test_w_set_is_read_by_a_and_w);
    tcase_add_test(tc, test_credential_error_paths);
    tcase_add_test(tc, test_credentials_are_per_user);
    tcase_add_test(tc, test_without_the_daemon_credentials_are_711);
    return s;
}
