/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The base calls ported programs use around RAS (winbase.h, strsafe.h,
 * LoadLibrary), each test named after the sentence of Microsoft's page it
 * proves; and the pure parts behind tchar.h's wide printf and the WNet
 * information calls. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strsafe.h"
#include "tchar.h"
#include "windows.h"
#include "../../client-lib/win-format.h"
#include "../../client-lib/win-module.h"
#include "../../client-lib/wnet-match.h"
#include "suites.h"

/* ---------------------------------------------------------------- strsafe */

START_TEST(test_string_cch_copy_truncates_terminates_and_says_insufficient_buffer) {
    char d[6];
    wchar_t w[6];

    memset(d, 'x', sizeof d);
    ck_assert_int_eq(StringCchCopyA(d, sizeof d, "abcdefgh"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(d, "abcde");
    ck_assert_int_eq(StringCchCopyA(d, sizeof d, "abcde"), S_OK);
    ck_assert_str_eq(d, "abcde");
    ck_assert_int_eq(StringCchCopyA(d, sizeof d, ""), S_OK);
    ck_assert_str_eq(d, "");

    ck_assert_int_eq(StringCchCopyW(w, 6, L"abcdefgh"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(wcscmp(w, L"abcde"), 0);
    /* StringCb: sizes in bytes */
    ck_assert_int_eq(StringCbCopyW(w, sizeof w, L"abcdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(wcscmp(w, L"abcde"), 0);
    ck_assert_int_eq(StringCbCopyW(w, 3 * sizeof(wchar_t), L"abc"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(wcscmp(w, L"ab"), 0);
}
END_TEST

START_TEST(test_string_cch_copy_zero_or_huge_size_is_invalid_parameter) {
    char d[4] = "abc";

    /* "cchDest is 0 or larger than STRSAFE_MAX_CCH": nothing written */
    ck_assert_int_eq(StringCchCopyA(d, 0, "x"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_str_eq(d, "abc");
    ck_assert_int_eq(StringCbCopyA(d, 0, "x"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchCopyA(d, (size_t) STRSAFE_MAX_CCH + 1, "x"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchCatA(d, 0, "x"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchPrintfA(d, 0, "%d", 1), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_str_eq(d, "abc");
    /* a NULL source counts as "" */
    ck_assert_int_eq(StringCchCopyA(d, sizeof d, NULL), S_OK);
    ck_assert_str_eq(d, "");
}
END_TEST

START_TEST(test_string_cch_copy_n_copies_at_most_cch_to_copy) {
    char d[8];

    ck_assert_int_eq(StringCchCopyNA(d, sizeof d, "abcdef", 3), S_OK);
    ck_assert_str_eq(d, "abc");
    ck_assert_int_eq(StringCchCopyNA(d, 3, "abcdef", 5), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(d, "ab");
    ck_assert_int_eq(StringCchCopyNA(d, 3, "ab", 5), S_OK);
}
END_TEST

START_TEST(test_string_cch_cat_appends_and_truncates) {
    char d[8] = "abc";
    wchar_t w[8] = L"abc";

    ck_assert_int_eq(StringCchCatA(d, sizeof d, "de"), S_OK);
    ck_assert_str_eq(d, "abcde");
    ck_assert_int_eq(StringCchCatA(d, sizeof d, "fghij"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(d, "abcdefg");
    /* already full: "" still fits, anything else does not */
    ck_assert_int_eq(StringCchCatA(d, sizeof d, ""), S_OK);
    ck_assert_int_eq(StringCchCatA(d, sizeof d, "x"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(d, "abcdefg");

    ck_assert_int_eq(StringCbCatW(w, sizeof w, L"defghij"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(wcscmp(w, L"abcdefg"), 0);
    ck_assert_int_eq(StringCchCatNA(strcpy(d, "ab"), sizeof d, "cdef", 2), S_OK);
    ck_assert_str_eq(d, "abcd");
}
END_TEST

START_TEST(test_string_cch_cat_on_unterminated_destination_is_invalid_parameter) {
    char d[4] = { 'a', 'b', 'c', 'd' };

    ck_assert_int_eq(StringCchCatA(d, sizeof d, "x"), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(memcmp(d, "abcd", 4), 0);
}
END_TEST

START_TEST(test_string_cch_length_counts_up_to_cch_max) {
    size_t n = 99;
    char d[4] = { 'a', 'b', 'c', 'd' };

    ck_assert_int_eq(StringCchLengthA("abc", 10, &n), S_OK);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(StringCchLengthA("abc", 4, &n), S_OK);
    /* "the value in psz is greater than cchMax": invalid, *pcch 0 */
    ck_assert_int_eq(StringCchLengthA(d, sizeof d, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(StringCchLengthA(NULL, 10, &n), STRSAFE_E_INVALID_PARAMETER);
    ck_assert_int_eq(StringCchLengthA("abc", 10, NULL), S_OK);
    ck_assert_int_eq(StringCbLengthW(L"abc", 16 * sizeof(wchar_t), &n), S_OK);
    ck_assert_uint_eq(n, 3 * sizeof(wchar_t));
}
END_TEST

START_TEST(test_string_cch_printf_truncates_and_reads_a_microsoft_wide_format) {
    char d[8];
    wchar_t w[16];

    ck_assert_int_eq(StringCchPrintfA(d, sizeof d, "%s-%d", "ab", 42), S_OK);
    ck_assert_str_eq(d, "ab-42");
    ck_assert_int_eq(StringCchPrintfA(d, sizeof d, "%s-%d", "abcdef", 42), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_str_eq(d, "abcdef-");

    /* in a wide format %s is wide, %S and %hs narrow */
    ck_assert_int_eq(StringCchPrintfW(w, 16, L"%s|%S|%hs|%c", L"wide", "nar", "h", L'z'), S_OK);
    ck_assert_int_eq(wcscmp(w, L"wide|nar|h|z"), 0);
    ck_assert_int_eq(StringCchPrintfW(w, 4, L"%s", L"abcdef"), STRSAFE_E_INSUFFICIENT_BUFFER);
    ck_assert_int_eq(wcscmp(w, L"abc"), 0);
    ck_assert_int_eq(StringCbPrintfW(w, sizeof w, L"%d%%", 50), S_OK);
    ck_assert_int_eq(wcscmp(w, L"50%"), 0);
}
END_TEST

START_TEST(test_microsoft_wide_format_becomes_glibc_wide_format) {
    static const struct {
        const wchar_t *ms, *glibc;
    } cases[] = {
        { L"%s", L"%ls" },
        { L"%S", L"%s" },
        { L"%hs", L"%s" },
        { L"%ls", L"%ls" },
        { L"%ws", L"%ls" },
        { L"%-20s|%.*s", L"%-20ls|%.*ls" },
        { L"%c%C%hc%wc", L"%lc%c%c%lc" },
        { L"%d %lu %I64d %I64u %Iu %I32d", L"%d %lu %lld %llu %zu %d" },
        { L"100%% %s", L"100%% %ls" },
        { L"%08.3f %x %p", L"%08.3f %x %p" },
        { L"trailing %", L"trailing %" },
        { L"", L"" },
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wchar_t *f = win_format_from_microsoft(cases[i].ms);
        ck_assert_ptr_nonnull(f);
        ck_assert_msg(wcscmp(f, cases[i].glibc) == 0, "case %zu: got %ls, want %ls", i, f, cases[i].glibc);
        free(f);
    }
}
END_TEST

/* ---------------------------------------------------------------- lstr* */

START_TEST(test_lstrcpyn_copies_imaxlength_minus_one_and_terminates) {
    char d[8];
    wchar_t w[8];

    ck_assert_ptr_eq(lstrcpynA(d, "abcdef", 4), d);
    ck_assert_str_eq(d, "abc");
    ck_assert_ptr_eq(lstrcpynA(d, "ab", 8), d);
    ck_assert_str_eq(d, "ab");
    ck_assert_ptr_eq(lstrcpynA(d, "abc", 1), d);
    ck_assert_str_eq(d, "");
    ck_assert_ptr_eq(lstrcpynW(w, L"abcdef", 3), w);
    ck_assert_int_eq(wcscmp(w, L"ab"), 0);
    ck_assert_ptr_null(lstrcpynA(d, NULL, 4));
}
END_TEST

START_TEST(test_lstrlen_of_null_is_zero) {
    ck_assert_int_eq(lstrlenA(NULL), 0);
    ck_assert_int_eq(lstrlenW(NULL), 0);
    ck_assert_int_eq(lstrlenA("abc"), 3);
    ck_assert_int_eq(lstrlenW(L"abcd"), 4);
}
END_TEST

START_TEST(test_lstrcpy_lstrcat_return_the_destination) {
    char d[16];
    wchar_t w[16];

    ck_assert_ptr_eq(lstrcpyA(d, "ras"), d);
    ck_assert_ptr_eq(lstrcatA(d, "api32"), d);
    ck_assert_str_eq(d, "rasapi32");
    ck_assert_ptr_eq(lstrcpyW(w, L"m"), w);
    ck_assert_ptr_eq(lstrcatW(w, L"pr"), w);
    ck_assert_int_eq(wcscmp(w, L"mpr"), 0);
    ck_assert_ptr_null(lstrcpyA(NULL, "x"));
    ck_assert_ptr_null(lstrcatA(d, NULL));
}
END_TEST

START_TEST(test_lstrcmp_and_lstrcmpi_compare) {
    ck_assert_int_eq(lstrcmpA("abc", "abc"), 0);
    ck_assert_int_lt(lstrcmpA("abc", "abd"), 0);
    ck_assert_int_gt(lstrcmpW(L"b", L"a"), 0);
    ck_assert_int_ne(lstrcmpA("ABC", "abc"), 0);
    ck_assert_int_eq(lstrcmpiA("ABC", "abc"), 0);
    ck_assert_int_eq(lstrcmpiW(L"RasApi32.DLL", L"rasapi32.dll"), 0);
    ck_assert_int_lt(lstrcmpiA("a", "B"), 0);
    /* NULL sorts first */
    ck_assert_int_lt(lstrcmpA(NULL, "a"), 0);
    ck_assert_int_gt(lstrcmpiW(L"a", NULL), 0);
    ck_assert_int_eq(lstrcmpA(NULL, NULL), 0);
}
END_TEST

/* ---------------------------------------------------------------- memory */

START_TEST(test_local_alloc_lmem_zeroinit_initializes_to_zero) {
    unsigned char *p = LocalAlloc(LPTR, 256);

    ck_assert_ptr_nonnull(p);
    for (int i = 0; i < 256; i++)
        ck_assert_uint_eq(p[i], 0);
    /* "If the function succeeds, the return value is NULL" */
    ck_assert_ptr_null(LocalFree(p));
    ck_assert_ptr_null(LocalFree(NULL));

    /* a moveable "handle" is the memory itself */
    HLOCAL h = LocalAlloc(LHND, 8);
    ck_assert_ptr_eq(LocalLock(h), h);
    ck_assert_uint_eq(((unsigned char *) h)[7], 0);
    SetLastError(5);
    ck_assert_int_eq(LocalUnlock(h), FALSE);
    ck_assert_uint_eq(GetLastError(), NO_ERROR);
    ck_assert_ptr_null(LocalFree(h));

    /* zero bytes: still a block that can be freed */
    p = LocalAlloc(LMEM_FIXED, 0);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_null(LocalFree(p));
}
END_TEST

START_TEST(test_global_alloc_gmem_zeroinit_initializes_to_zero) {
    unsigned char *p = GlobalAlloc(GPTR, 64);

    ck_assert_ptr_nonnull(p);
    for (int i = 0; i < 64; i++)
        ck_assert_uint_eq(p[i], 0);
    ck_assert_ptr_eq(GlobalLock(p), p);
    ck_assert_int_eq(GlobalUnlock(p), FALSE);
    ck_assert_ptr_null(GlobalFree(p));

    p = GlobalAlloc(GHND, 16);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_eq(p[15], 0);
    ck_assert_ptr_null(GlobalFree(p));
}
END_TEST

START_TEST(test_memory_macros_zero_copy_fill_move) {
    unsigned char a[8], b[8];

    FillMemory(a, sizeof a, 0x5A);
    ck_assert_uint_eq(a[7], 0x5A);
    ZeroMemory(a, 4);
    ck_assert_uint_eq(a[3], 0);
    ck_assert_uint_eq(a[4], 0x5A);
    CopyMemory(b, a, sizeof b);
    ck_assert_int_eq(memcmp(a, b, sizeof a), 0);
    MoveMemory(a + 1, a, 7);          /* overlapping */
    ck_assert_uint_eq(a[4], 0);
    ck_assert_uint_eq(a[5], 0x5A);
}
END_TEST

START_TEST(test_get_tick_count_is_get_tick_count64_truncated) {
    ULONGLONG before = GetTickCount64();
    DWORD t = GetTickCount();
    ULONGLONG after = GetTickCount64();

    ck_assert_uint_le(before, after);
    ck_assert(t == (DWORD) before || t == (DWORD) after || (DWORD) (t - (DWORD) before) <= (DWORD) (after - before));
}
END_TEST

/* ---------------------------------------------------------------- modules */

START_TEST(test_module_names_rasapi32_and_mpr_in_any_case) {
    static const char *const ours[] = {
        "rasapi32.dll", "RASAPI32.DLL", "RasApi32", "rasapi32.", "mpr.dll", "MPR", "Mpr.Dll",
        "C:\\Windows\\System32\\rasapi32.dll", "/usr/lib/mpr.dll",
    };
    static const char *const others[] = {
        "", "rasapi32.dl", "rasapi", "rasapi32.dll.dll", "kernel32.dll", "mpr.exe", "xmpr", "mprx.dll",
        "rasapi32.dll\\", ".dll",
    };

    for (size_t i = 0; i < sizeof ours / sizeof ours[0]; i++)
        ck_assert_msg(win_module_name_is_ours(ours[i]), "%s", ours[i]);
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        ck_assert_msg(!win_module_name_is_ours(others[i]), "%s", others[i]);
    ck_assert(!win_module_name_is_ours(NULL));
}
END_TEST

START_TEST(test_load_library_of_another_module_gives_error_mod_not_found) {
    SetLastError(0);
    ck_assert_ptr_null(LoadLibraryA("kernel32.dll"));
    ck_assert_uint_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    SetLastError(0);
    ck_assert_ptr_null(LoadLibraryW(L"user32"));
    ck_assert_uint_eq(GetLastError(), ERROR_MOD_NOT_FOUND);
    ck_assert_ptr_null(LoadLibraryA(NULL));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_get_proc_address_of_a_missing_name_gives_error_proc_not_found) {
    HMODULE h = LoadLibraryW(L"RASAPI32.DLL");
    int not_a_module;

    ck_assert_ptr_nonnull(h);
    SetLastError(0);
    ck_assert_ptr_null(GetProcAddress(h, "RasNoSuchFunction"));
    ck_assert_uint_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    /* what the library's dependencies export is not the module's */
    SetLastError(0);
    ck_assert_ptr_null(GetProcAddress(h, "malloc"));
    ck_assert_uint_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    /* no ordinals */
    ck_assert_ptr_null(GetProcAddress(h, (LPCSTR) (uintptr_t) 12));
    ck_assert_uint_eq(GetLastError(), ERROR_PROC_NOT_FOUND);
    /* a handle LoadLibrary did not give */
    ck_assert_ptr_null(GetProcAddress(&not_a_module, "RasHangUpA"));
    ck_assert_uint_eq(GetLastError(), ERROR_INVALID_HANDLE);
    ck_assert_int_eq(FreeLibrary(&not_a_module), FALSE);
    ck_assert_int_eq(FreeLibrary(h), TRUE);
}
END_TEST

/* ---------------------------------------------------------------- WNet names */

static WNetListEntry entries[] = {
    { .local = (char *) "Z:", .remote = (char *) "\\\\srv\\share", .user = (char *) "",
      .provider = (char *) "cifs", .mount_point = (char *) "/run/pppras/wnet/0/Z" },
    { .local = (char *) "/home/u/proj", .remote = (char *) "ssh://u@host/srv/proj", .user = (char *) "u",
      .provider = (char *) "sshfs", .mount_point = (char *) "/home/u/proj" },
    { .local = (char *) "", .remote = (char *) "ssh://u@host/srv", .user = (char *) "u",
      .provider = (char *) "sshfs", .mount_point = (char *) "/run/pppras/wnet/0/@1" },
    { .local = (char *) "Y:", .remote = (char *) "nas:/export", .user = (char *) "",
      .provider = (char *) "nfs", .mount_point = (char *) "/run/pppras/wnet/0/Y/" },
};
static const WNetList list = { .entries = entries, .n_entries = 4 };

START_TEST(test_local_path_names_its_connection_and_the_rest) {
    const char *rest;

    ck_assert(wnet_local_path_is_valid("Z:"));
    ck_assert(wnet_local_path_is_valid("z:\\a"));
    ck_assert(wnet_local_path_is_valid("/abs"));
    ck_assert(!wnet_local_path_is_valid("Z"));
    ck_assert(!wnet_local_path_is_valid("Z:a"));
    ck_assert(!wnet_local_path_is_valid("rel/path"));
    ck_assert(!wnet_local_path_is_valid(""));

    ck_assert_ptr_eq(wnet_match_local_path(&list, "z:\\dir\\f", &rest), &entries[0]);
    ck_assert_str_eq(rest, "\\dir\\f");
    ck_assert_ptr_eq(wnet_match_local_path(&list, "Z:", &rest), &entries[0]);
    ck_assert_str_eq(rest, "");
    ck_assert_ptr_null(wnet_match_local_path(&list, "X:\\f", &rest));
    /* a directory, the mount point, the component boundary */
    ck_assert_ptr_eq(wnet_match_local_path(&list, "/home/u/proj/src/a.c", &rest), &entries[1]);
    ck_assert_str_eq(rest, "/src/a.c");
    ck_assert_ptr_null(wnet_match_local_path(&list, "/home/u/projects", &rest));
    ck_assert_ptr_eq(wnet_match_local_path(&list, "/run/pppras/wnet/0/@1/x", &rest), &entries[2]);
    ck_assert_str_eq(rest, "/x");
    ck_assert_ptr_eq(wnet_match_local_path(&list, "/run/pppras/wnet/0/Y/x", &rest), &entries[3]);
    ck_assert_str_eq(rest, "/x");
}
END_TEST

START_TEST(test_remote_name_names_the_longest_connection) {
    const char *rest;

    /* CIFS: any case, either separator */
    ck_assert_ptr_eq(wnet_match_remote(&list, "//SRV/Share/dir", &rest), &entries[0]);
    ck_assert_str_eq(rest, "/dir");
    ck_assert_ptr_eq(wnet_match_remote(&list, "\\\\srv\\share", &rest), &entries[0]);
    ck_assert_str_eq(rest, "");
    ck_assert_ptr_null(wnet_match_remote(&list, "\\\\srv\\shared", &rest));
    /* others: exact, the longest wins */
    ck_assert_ptr_eq(wnet_match_remote(&list, "ssh://u@host/srv/proj/x", &rest), &entries[1]);
    ck_assert_str_eq(rest, "/x");
    ck_assert_ptr_eq(wnet_match_remote(&list, "ssh://u@host/srv/other", &rest), &entries[2]);
    ck_assert_ptr_null(wnet_match_remote(&list, "ssh://U@host/srv", &rest));
    ck_assert_ptr_null(wnet_match_remote(&list, "ssh://u@host/srvx", &rest));

    ck_assert_ptr_eq(wnet_match_local_name(&list, "z:"), &entries[0]);
    ck_assert_ptr_eq(wnet_match_local_name(&list, "/home/u/proj"), &entries[1]);
    ck_assert_ptr_null(wnet_match_local_name(&list, ""));
    ck_assert_ptr_null(wnet_match_local_name(&list, "/HOME/u/proj"));
}
END_TEST

START_TEST(test_universal_name_uses_the_providers_separator) {
    char *r = wnet_rest_for_provider("/a/b\\c", "cifs");
    char *u = wnet_universal_name("\\\\srv\\share", r);

    ck_assert_str_eq(r, "\\a\\b\\c");
    ck_assert_str_eq(u, "\\\\srv\\share\\a\\b\\c");
    free(r);
    free(u);
    r = wnet_rest_for_provider("\\a\\b", "sshfs");
    u = wnet_universal_name("ssh://h/", r);
    ck_assert_str_eq(u, "ssh://h/a/b");
    free(r);
    free(u);
}
END_TEST

Suite *porting_base_suite(void) {
    Suite *s = suite_create("porting_base");
    TCase *tc = tcase_create("strsafe");

    tcase_add_test(tc, test_string_cch_copy_truncates_terminates_and_says_insufficient_buffer);
    tcase_add_test(tc, test_string_cch_copy_zero_or_huge_size_is_invalid_parameter);
    tcase_add_test(tc, test_string_cch_copy_n_copies_at_most_cch_to_copy);
    tcase_add_test(tc, test_string_cch_cat_appends_and_truncates);
    tcase_add_test(tc, test_string_cch_cat_on_unterminated_destination_is_invalid_parameter);
    tcase_add_test(tc, test_string_cch_length_counts_up_to_cch_max);
    tcase_add_test(tc, test_string_cch_printf_truncates_and_reads_a_microsoft_wide_format);
    tcase_add_test(tc, test_microsoft_wide_format_becomes_glibc_wide_format);
    suite_add_tcase(s, tc);

    tc = tcase_create("base");
    tcase_add_test(tc, test_lstrcpyn_copies_imaxlength_minus_one_and_terminates);
    tcase_add_test(tc, test_lstrlen_of_null_is_zero);
    tcase_add_test(tc, test_lstrcpy_lstrcat_return_the_destination);
    tcase_add_test(tc, test_lstrcmp_and_lstrcmpi_compare);
    tcase_add_test(tc, test_local_alloc_lmem_zeroinit_initializes_to_zero);
    tcase_add_test(tc, test_global_alloc_gmem_zeroinit_initializes_to_zero);
    tcase_add_test(tc, test_memory_macros_zero_copy_fill_move);
    tcase_add_test(tc, test_get_tick_count_is_get_tick_count64_truncated);
    suite_add_tcase(s, tc);

    tc = tcase_create("modules");
    tcase_add_test(tc, test_module_names_rasapi32_and_mpr_in_any_case);
    tcase_add_test(tc, test_load_library_of_another_module_gives_error_mod_not_found);
    tcase_add_test(tc, test_get_proc_address_of_a_missing_name_gives_error_proc_not_found);
    suite_add_tcase(s, tc);

    tc = tcase_create("wnet_names");
    tcase_add_test(tc, test_local_path_names_its_connection_and_the_rest);
    tcase_add_test(tc, test_remote_name_names_the_longest_connection);
    tcase_add_test(tc, test_universal_name_uses_the_providers_separator);
    suite_add_tcase(s, tc);
    return s;
}
