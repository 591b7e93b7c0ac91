/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasEnumEntries and RasGet/SetEntryDialParams against the daemon's
 * phonebook (test-daemon.h) and its saved credentials: the buffer
 * protocol, dwSize, NULL arguments, the phonebook argument, and a password
 * that never comes back in clear -- "szPassword contains a handle to the
 * saved password" that RasDial and RasSetEntryDialParams take in its place. */

#include <errno.h>
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
#include "windows.h"

#define NOBODY 65534
#define PASSWORD "s3cret-pw"

static void setup(void) {
    test_clear_phonebook();
}

/* ------------------------------------------------------ RasEnumEntries */

static void write_three_entries(void) {
    char path[4096];

    test_write_entry("alpha", "connect");
    test_write_entry("beta", "connect");
    test_write_entry("Büro", "connect");
    /* neither is an entry */
    test_write_entry(".hidden", "connect");
    snprintf(path, sizeof(path), "%s/subdir", test_phonebook_dir());
    ck_assert_int_eq(mkdir(path, 0755), 0);
}

START_TEST(test_enum_entries_of_an_empty_phonebook_is_zero_entries) {
    RASENTRYNAMEA one = { .dwSize = sizeof(one) };
    DWORD cb = 0, n = 99;

    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, NULL, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(cb, 0);
    ck_assert_uint_eq(n, 0);
    cb = sizeof(one);
    n = 99;
    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, &one, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 0);
    cb = 0;
    ck_assert_uint_eq(RasEnumEntriesW(NULL, NULL, NULL, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_enum_entries_null_buffer_gives_603_and_the_size_for_all) {
    write_three_entries();
    DWORD cb = 0, n = 99;

    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEA));
    ck_assert_uint_eq(n, 0);
    cb = 0;
    ck_assert_uint_eq(RasEnumEntriesW(NULL, NULL, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEW));
}
END_TEST

START_TEST(test_enum_entries_short_buffer_gives_603_and_the_size) {
    write_three_entries();
    RASENTRYNAMEA names[2] = { { .dwSize = sizeof(RASENTRYNAMEA) } };
    DWORD cb = sizeof(names), n = 99;

    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, names, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEA));
    ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_enum_entries_buffer_too_small_for_dwsize_gives_the_size) {
    write_three_entries();
    RASENTRYNAMEA one = { .dwSize = sizeof(one) };
    DWORD cb = 0, n = 99;

    /* a caller that sizes its buffer from lpcb must learn the size */
    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, &one, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEA));
    ck_assert_uint_eq(n, 0);
    cb = 2;
    ck_assert_uint_eq(RasEnumEntriesW(NULL, NULL, (LPRASENTRYNAMEW) &one, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEW));
}
END_TEST

START_TEST(test_enum_entries_lists_each_entry_once_sorted_with_its_phonebook) {
    write_three_entries();
    RASENTRYNAMEA names[3] = { { .dwSize = sizeof(RASENTRYNAMEA) } };
    DWORD cb = sizeof(names), n = 0;

    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, names, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(cb, sizeof(names));
    const char *want[] = { "Büro", "alpha", "beta" };
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_eq(names[i].dwSize, sizeof(RASENTRYNAMEA));
        ck_assert_str_eq(names[i].szEntryName, want[i]);
        ck_assert_uint_eq(names[i].dwFlags, REN_AllUsers);
        ck_assert_str_eq(names[i].szPhonebookPath, test_phonebook_dir());
    }
}
END_TEST

START_TEST(test_enum_entries_w_gives_wide_names) {
    write_three_entries();
    RASENTRYNAMEW names[3] = { { .dwSize = sizeof(RASENTRYNAMEW) } };
    DWORD cb = sizeof(names), n = 0;

    ck_assert_uint_eq(RasEnumEntriesW(NULL, NULL, names, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, 3);
    ck_assert(wcscmp(names[0].szEntryName, L"Büro") == 0);
    ck_assert(wcscmp(names[2].szEntryName, L"beta") == 0);
}
END_TEST

START_TEST(test_enum_entries_wrong_dwsize_is_632) {
    write_three_entries();
    RASENTRYNAMEA names[3] = { { .dwSize = sizeof(RASENTRYNAMEA) + 1 } };
    RASENTRYNAMEW wnames[3] = { { .dwSize = sizeof(RASENTRYNAMEA) } };   /* A's size given to W */
    DWORD cb = sizeof(names), n = 0;

    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, names, &cb, &n), ERROR_INVALID_SIZE);
    cb = sizeof(wnames);
    ck_assert_uint_eq(RasEnumEntriesW(NULL, NULL, wnames, &cb, &n), ERROR_INVALID_SIZE);
}
END_TEST

START_TEST(test_enum_entries_null_arguments_are_invalid_parameter) {
    RASENTRYNAMEA one = { .dwSize = sizeof(one) };
    DWORD cb = sizeof(one), n = 0;

    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, &one, NULL, &n), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, &one, &cb, NULL), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasEnumEntriesA("reserved", NULL, &one, &cb, &n), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasEnumEntriesW(NULL, NULL, NULL, NULL, &n), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasEnumEntriesW(L"reserved", NULL, NULL, &cb, &n), ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_enum_entries_phonebook_argument_must_name_the_daemons) {
    write_three_entries();
    char slashed[4096];
    wchar_t wide[4096];
    DWORD cb = 0, n = 0;

    snprintf(slashed, sizeof(slashed), "%s/", test_phonebook_dir());
    ck_assert_uint_eq(RasEnumEntriesA(NULL, slashed, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEA));
    ck_assert_uint_eq(RasEnumEntriesA(NULL, "", NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(RasEnumEntriesA(NULL, "/etc", NULL, &cb, &n), ERROR_CANNOT_OPEN_PHONEBOOK);
    swprintf(wide, sizeof(wide) / sizeof(wide[0]), L"%s", test_phonebook_dir());
    cb = 0;
    ck_assert_uint_eq(RasEnumEntriesW(NULL, wide, NULL, &cb, &n), ERROR_BUFFER_TOO_SMALL);
    ck_assert_uint_eq(cb, 3 * sizeof(RASENTRYNAMEW));
    ck_assert_uint_eq(RasEnumEntriesW(NULL, L"/etc/ppp/no-such.pbk", NULL, &cb, &n), ERROR_CANNOT_OPEN_PHONEBOOK);
}
END_TEST

/* Windows x64 RASENTRYNAMEA per WINVER: < 0x400 (20-character names),
 * 0x400 (no flags, no path), 0x500. */
static const DWORD older_entry_names[] = { 28, 264, 532 };

START_TEST(test_enum_entries_fills_each_older_rasentryname_version) {
    DWORD size = older_entry_names[_i], cb = 0, n = 0;
    test_write_entry("short", "connect");
    test_write_entry("a-name-longer-than-twenty", "connect");
    /* what cannot be dialled through the old structure is not listed in it */
    DWORD listed = size == 28 ? 1 : 2;
    unsigned char *buf = calloc(2, size + 8);

    ck_assert_ptr_nonnull(buf);
    memcpy(buf, &size, sizeof(size));
    cb = 2 * size;
    memset(buf + cb, 0x5a, 8);
    ck_assert_uint_eq(RasEnumEntriesA(NULL, NULL, (LPRASENTRYNAMEA) buf, &cb, &n), ERROR_SUCCESS);
    ck_assert_uint_eq(n, listed);
    ck_assert_uint_eq(cb, listed * size);
    ck_assert_str_eq((const char *) buf + (listed - 1) * size + 4, "short");
    for (size_t i = 0; i < 8; i++)
        ck_assert_msg(buf[2 * size + i] == 0x5a, "wrote past the caller's buffer (dwSize %u)", size);
    free(buf);
}
END_TEST

/* ------------------------------------ RasGet/SetEntryDialParams */

static RASDIALPARAMSA dial_params(const char *entry, const char *user, const char *password, const char *domain) {
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    snprintf(p.szEntryName, sizeof(p.szEntryName), "%s", entry);
    snprintf(p.szUserName, sizeof(p.szUserName), "%s", user);
    snprintf(p.szPassword, sizeof(p.szPassword), "%s", password);
    snprintf(p.szDomain, sizeof(p.szDomain), "%s", domain);
    return p;
}

/* Writes entry and saves user, PASSWORD and domain for it. */
static void save(const char *entry, const char *user, const char *domain) {
    test_write_entry(entry, "connect");
    RASDIALPARAMSA set = dial_params(entry, user, PASSWORD, domain);
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &set, FALSE), ERROR_SUCCESS);
}

static RASDIALPARAMSA get_params(const char *entry, BOOL *has_password) {
    RASDIALPARAMSA p = dial_params(entry, "junk", "junk", "junk");
    snprintf(p.szPhoneNumber, sizeof(p.szPhoneNumber), "555");
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, &p, has_password), ERROR_SUCCESS);
    return p;
}

/* The daemon's saved-credentials file, as text (root may read it). */
static char *read_store(void) {
    char path[4096], *text = NULL;
    size_t size = 0;
    snprintf(path, sizeof(path), "%s/state/dialparams", getenv("PPPRAS_BUS_DIR"));
    FILE *f = fopen(path, "re"), *out = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(out);
    for (int c; (c = fgetc(f)) != EOF;)
        fputc(c, out);
    fclose(f);
    fclose(out);
    return text;
}

START_TEST(test_set_then_get_gives_user_domain_and_the_password_handle_only) {
    BOOL has_password = FALSE;

    save("creds", "alice", "CORP");
    RASDIALPARAMSA got = get_params("creds", &has_password);
    ck_assert_int_eq(has_password, TRUE);
    ck_assert_str_eq(got.szEntryName, "creds");
    ck_assert_str_eq(got.szUserName, "alice");
    ck_assert_str_eq(got.szDomain, "CORP");
    ck_assert_str_eq(got.szPhoneNumber, "");
    /* a placeholder stands for the password, never the password */
    ck_assert_str_ne(got.szPassword, PASSWORD);
    ck_assert_uint_gt(strlen(got.szPassword), 0);
    ck_assert_ptr_null(memmem(&got, sizeof(got), PASSWORD, strlen(PASSWORD)));
}
END_TEST

START_TEST(test_get_dial_params_on_the_bus_never_carries_the_password) {
    const char *entry = "creds";
    DBusMessage *reply = NULL;
    TestBusError e;
    char *wire = NULL;
    int len = 0;

    save("creds", "alice", "");
    ck_assert_int_eq(test_manager_call(&e, &reply, "GetDialParams", DBUS_TYPE_STRING, &entry, DBUS_TYPE_INVALID), 0);
    ck_assert(dbus_message_marshal(reply, &wire, &len));
    ck_assert_ptr_null(memmem(wire, (size_t) len, PASSWORD, strlen(PASSWORD)));
    ck_assert_ptr_nonnull(memmem(wire, (size_t) len, "alice", 5));
    dbus_free(wire);
    dbus_message_unref(reply);
}
END_TEST

START_TEST(test_password_handle_given_back_keeps_the_saved_password) {
    BOOL has_password = FALSE;

    save("creds", "alice", "");
    RASDIALPARAMSA got = get_params("creds", &has_password);
    snprintf(got.szUserName, sizeof(got.szUserName), "alice2");
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &got, FALSE), ERROR_SUCCESS);
    got = get_params("creds", &has_password);
    ck_assert_int_eq(has_password, TRUE);
    ck_assert_str_eq(got.szUserName, "alice2");

    char *store = read_store();
    ck_assert_ptr_nonnull(strstr(store, "=" PASSWORD));
    ck_assert_ptr_null(strstr(store, got.szPassword));   /* the placeholder was not saved */
    free(store);
}
END_TEST

START_TEST(test_remove_password_forgets_it_and_keeps_the_user) {
    RASDIALPARAMSA set = dial_params("creds", "alice", PASSWORD, "CORP");
    BOOL has_password = TRUE;

    save("creds", "alice", "CORP");
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &set, TRUE), ERROR_SUCCESS);
    RASDIALPARAMSA got = get_params("creds", &has_password);
    ck_assert_int_eq(has_password, FALSE);
    ck_assert_str_eq(got.szPassword, "");
    ck_assert_str_eq(got.szUserName, "alice");
    char *store = read_store();
    ck_assert_ptr_null(strstr(store, PASSWORD));
    free(store);
}
END_TEST

START_TEST(test_w_set_is_read_back_by_a_and_w) {
    test_write_entry("Büro", "connect");
    RASDIALPARAMSW set = { .dwSize = sizeof(set) };
    RASDIALPARAMSW wgot = { .dwSize = sizeof(wgot) };
    BOOL has_password = FALSE;

    wcscpy(set.szEntryName, L"Büro");
    wcscpy(set.szUserName, L"Jürgen Wide");
    wcscpy(set.szPassword, L"pässwörd");
    ck_assert_uint_eq(RasSetEntryDialParamsW(NULL, &set, FALSE), ERROR_SUCCESS);
    RASDIALPARAMSA got = get_params("Büro", &has_password);
    ck_assert_str_eq(got.szUserName, "Jürgen Wide");
    ck_assert_int_eq(has_password, TRUE);

    wcscpy(wgot.szEntryName, L"Büro");
    has_password = FALSE;
    ck_assert_uint_eq(RasGetEntryDialParamsW(NULL, &wgot, &has_password), ERROR_SUCCESS);
    ck_assert(wcscmp(wgot.szUserName, L"Jürgen Wide") == 0);
    ck_assert(wcscmp(wgot.szPassword, L"pässwörd") != 0);
    ck_assert_int_eq(has_password, TRUE);
}
END_TEST

START_TEST(test_dial_params_of_a_missing_entry_is_623) {
    RASDIALPARAMSA p = dial_params("no-such", "u", "p", "");
    RASDIALPARAMSW pw = { .dwSize = sizeof(pw) };
    BOOL has_password;
    TestBusError e;
    const char *entry = "../state/dialparams";

    wcscpy(pw.szEntryName, L"no-such");
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, &p, &has_password), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &p, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasGetEntryDialParamsW(NULL, &pw, &has_password), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    ck_assert_uint_eq(RasSetEntryDialParamsW(NULL, &pw, FALSE), ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
    test_assert_bus_error(test_manager_call(&e, NULL, "GetDialParams", DBUS_TYPE_STRING, &entry, DBUS_TYPE_INVALID),
                          &e, "org.pppras.Ras1.Error.EntryNotFound", ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}
END_TEST

START_TEST(test_dial_params_bad_dwsize_or_null_is_refused) {
    test_write_entry("creds", "connect");
    RASDIALPARAMSA p = dial_params("creds", "u", "p", "");
    RASDIALPARAMSW pw = { .dwSize = sizeof(RASDIALPARAMSA) };
    BOOL has_password;

    p.dwSize = 17;
    wcscpy(pw.szEntryName, L"creds");
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, &p, &has_password), ERROR_INVALID_SIZE);
    ck_assert_uint_eq(RasSetEntryDialParamsA(NULL, &p, FALSE), ERROR_INVALID_SIZE);
    ck_assert_uint_eq(RasGetEntryDialParamsW(NULL, &pw, &has_password), ERROR_INVALID_SIZE);
    ck_assert_uint_eq(RasSetEntryDialParamsW(NULL, &pw, FALSE), ERROR_INVALID_SIZE);
    p.dwSize = sizeof(p);
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, NULL, &has_password), ERROR_BUFFER_INVALID);
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, &p, NULL), ERROR_BUFFER_INVALID);
    ck_assert_uint_eq(RasSetEntryDialParamsW(NULL, NULL, FALSE), ERROR_BUFFER_INVALID);
    ck_assert_uint_eq(RasGetEntryDialParamsA("/etc", &p, &has_password), ERROR_CANNOT_OPEN_PHONEBOOK);
}
END_TEST

/* Windows x64 RASDIALPARAMSA per WINVER: < 0x400 (20-character entry
 * names, 48-character callback numbers), 0x400, 0x401, 0x601; and where
 * szEntryName and szUserName are in each. */
static const struct {
    DWORD size, entry_at, user_at;
} older_params[] = {
    { 736, 4, 4 + 21 + 129 + 49 },
    { 1052, 4, 4 + 257 + 129 + 129 },
    { 1064, 4, 4 + 257 + 129 + 129 },
    { 1068, 4, 4 + 257 + 129 + 129 },
};

START_TEST(test_get_dial_params_fills_each_older_rasdialparams_version) {
    DWORD size = older_params[_i].size;
    unsigned char *buf = calloc(1, size + 8);
    BOOL has_password = FALSE;

    save("old", "olduser", "");
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, &size, sizeof(size));
    strcpy((char *) buf + older_params[_i].entry_at, "old");
    memset(buf + size, 0x5a, 8);
    ck_assert_uint_eq(RasGetEntryDialParamsA(NULL, (LPRASDIALPARAMSA) buf, &has_password), ERROR_SUCCESS);
    ck_assert_str_eq((const char *) buf + older_params[_i].user_at, "olduser");
    ck_assert_int_eq(has_password, TRUE);
    for (size_t i = 0; i < 8; i++)
        ck_assert_msg(buf[size + i] == 0x5a, "wrote past the caller's dwSize %u", size);
    free(buf);
}
END_TEST

/* In a child that is nobody: RasGetEntryDialParamsA's code, user name
 * empty (1) or not (0), fPassword; and RasSetEntryDialParamsA's code. */
typedef struct NobodyView {
    DWORD get, set;
    int user_empty;
    BOOL has_password;
} NobodyView;

static NobodyView view_as_nobody(const char *entry) {
    int pipefd[2];
    NobodyView v = {};

    ck_assert_int_eq(pipe(pipefd), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        RASDIALPARAMSA p = dial_params(entry, "", "", "");
        close(pipefd[0]);
        if (setresgid(NOBODY, NOBODY, NOBODY) < 0 || setresuid(NOBODY, NOBODY, NOBODY) < 0)
            _exit(1);
        v.get = RasGetEntryDialParamsA(NULL, &p, &v.has_password);
        v.user_empty = p.szUserName[0] == '\0';
        p = dial_params(entry, "mallory", "x", "");
        v.set = RasSetEntryDialParamsA(NULL, &p, FALSE);
        _exit(write(pipefd[1], &v, sizeof(v)) == sizeof(v) ? 0 : 1);
    }
    close(pipefd[1]);
    ck_assert_int_eq(read(pipefd[0], &v, sizeof(v)), (int) sizeof(v));
    close(pipefd[0]);
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    return v;
}

START_TEST(test_dial_params_are_per_user) {
    ck_assert_msg(geteuid() == 0, "needs root (to become nobody)");
    BOOL has_password;

    save("creds", "alice", "");
    NobodyView v = view_as_nobody("creds");
    /* another user sees nothing saved, and may not save (not in the dial group) */
    ck_assert_uint_eq(v.get, ERROR_SUCCESS);
    ck_assert_int_eq(v.user_empty, 1);
    ck_assert_int_eq(v.has_password, FALSE);
    ck_assert_uint_eq(v.set, ERROR_ACCESS_DENIED);
    /* root's are untouched */
    RASDIALPARAMSA got = get_params("creds", &has_password);
    ck_assert_str_eq(got.szUserName, "alice");
    ck_assert_int_eq(has_password, TRUE);
}
END_TEST

Suite *entries_suite(void) {
    Suite *s = suite_create("entries");
    TCase *tc = test_tcase(s, "enum_entries", setup, NULL);

    tcase_add_test(tc, test_enum_entries_of_an_empty_phonebook_is_zero_entries);
    tcase_add_test(tc, test_enum_entries_null_buffer_gives_603_and_the_size_for_all);
    tcase_add_test(tc, test_enum_entries_short_buffer_gives_603_and_the_size);
    tcase_add_test(tc, test_enum_entries_buffer_too_small_for_dwsize_gives_the_size);
    tcase_add_test(tc, test_enum_entries_lists_each_entry_once_sorted_with_its_phonebook);
    tcase_add_test(tc, test_enum_entries_w_gives_wide_names);
    tcase_add_test(tc, test_enum_entries_wrong_dwsize_is_632);
    tcase_add_test(tc, test_enum_entries_null_arguments_are_invalid_parameter);
    tcase_add_test(tc, test_enum_entries_phonebook_argument_must_name_the_daemons);
    tcase_add_loop_test(tc, test_enum_entries_fills_each_older_rasentryname_version, 0,
                        (int) (sizeof(older_entry_names) / sizeof(older_entry_names[0])));

    tc = test_tcase(s, "dial_params", setup, NULL);
    tcase_add_test(tc, test_set_then_get_gives_user_domain_and_the_password_handle_only);
    tcase_add_test(tc, test_get_dial_params_on_the_bus_never_carries_the_password);
    tcase_add_test(tc, test_password_handle_given_back_keeps_the_saved_password);
    tcase_add_test(tc, test_remove_password_forgets_it_and_keeps_the_user);
    tcase_add_test(tc, test_w_set_is_read_back_by_a_and_w);
    tcase_add_test(tc, test_dial_params_of_a_missing_entry_is_623);
    tcase_add_test(tc, test_dial_params_bad_dwsize_or_null_is_refused);
    tcase_add_test(tc, test_dial_params_are_per_user);
    tcase_add_loop_test(tc, test_get_dial_params_fills_each_older_rasdialparams_version, 0,
                        (int) (sizeof(older_params) / sizeof(older_params[0])));
    return s;
}
