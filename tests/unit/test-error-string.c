/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetErrorStringA/W: works without the daemon, returns the whole text
 * or ERROR_INSUFFICIENT_BUFFER, never a cut message. */

#include <string.h>
#include <wchar.h>

#include "ras-error-text.h"
#include "ras.h"
#include "suites.h"

static const UINT codes[] = {
    623,   /* ERROR_CANNOT_FIND_PHONEBOOK_ENTRY */
    691,   /* ERROR_AUTHENTICATION_FAILURE */
    711,   /* ERROR_RASMAN_CANNOT_INITIALIZE */
};

START_TEST(test_get_error_string_a_gives_the_text_of_the_code) {
    char buf[512];

    memset(buf, 'x', sizeof(buf));
    ck_assert_uint_eq(RasGetErrorStringA(codes[_i], buf, sizeof(buf)), ERROR_SUCCESS);
    ck_assert_ptr_nonnull(ras_error_text(codes[_i]));
    ck_assert_str_eq(buf, ras_error_text(codes[_i]));
    ck_assert_uint_gt(strlen(buf), 10);
}
END_TEST

START_TEST(test_get_error_string_w_gives_the_same_text_as_wide_characters) {
    wchar_t wbuf[512];
    char abuf[512];

    ck_assert_uint_eq(RasGetErrorStringW(codes[_i], wbuf, 512), ERROR_SUCCESS);
    ck_assert_uint_eq(RasGetErrorStringA(codes[_i], abuf, sizeof(abuf)), ERROR_SUCCESS);
    /* The texts are ASCII: every wide character is the narrow one. */
    ck_assert_uint_eq(wcslen(wbuf), strlen(abuf));
    for (size_t i = 0; abuf[i]; i++)
        ck_assert_int_eq(wbuf[i], (wchar_t) (unsigned char) abuf[i]);
}
END_TEST

START_TEST(test_get_error_string_text_names_the_problem) {
    char buf[512];

    ck_assert_uint_eq(RasGetErrorStringA(711, buf, sizeof(buf)), ERROR_SUCCESS);
    ck_assert_ptr_nonnull(strstr(buf, "ppprasd"));
    ck_assert_uint_eq(RasGetErrorStringA(623, buf, sizeof(buf)), ERROR_SUCCESS);
    ck_assert_ptr_nonnull(strstr(buf, "phonebook"));
}
END_TEST

START_TEST(test_get_error_string_buffer_too_small_is_insufficient_buffer) {
    const char *text = ras_error_text(691);
    size_t len;
    char buf[512];
    wchar_t wbuf[512];

    ck_assert_ptr_nonnull(text);
    len = strlen(text);
    memset(buf, 'x', sizeof(buf));
    /* Exactly the text without room for its NUL: too small. */
    ck_assert_uint_eq(RasGetErrorStringA(691, buf, (DWORD) len), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(RasGetErrorStringA(691, buf, 1), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(RasGetErrorStringA(691, buf, 0), ERROR_INSUFFICIENT_BUFFER);
    ck_assert_uint_eq(RasGetErrorStringW(691, wbuf, (DWORD) len), ERROR_INSUFFICIENT_BUFFER);
    /* Text plus NUL: fits exactly. */
    ck_assert_uint_eq(RasGetErrorStringA(691, buf, (DWORD) len + 1), ERROR_SUCCESS);
    ck_assert_str_eq(buf, text);
    ck_assert_uint_eq(RasGetErrorStringW(691, wbuf, (DWORD) len + 1), ERROR_SUCCESS);
}
END_TEST

START_TEST(test_get_error_string_null_buffer_is_invalid_parameter_87) {
    ck_assert_uint_eq(RasGetErrorStringA(691, NULL, 512), 87);
    ck_assert_uint_eq(RasGetErrorStringW(691, NULL, 512), 87);
}
END_TEST

START_TEST(test_get_error_string_of_code_without_text_is_invalid_parameter) {
    char buf[64];

    ck_assert_uint_eq(RasGetErrorStringA(599, buf, sizeof(buf)), ERROR_INVALID_PARAMETER);
    ck_assert_uint_eq(RasGetErrorStringA(0xffffffffu, buf, sizeof(buf)), ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_error_text_table_is_sorted_and_every_text_is_one_sentence) {
    for (size_t i = 0; i < ras_error_texts_size; i++) {
        const char *t = ras_error_texts[i].text;
        ck_assert_ptr_nonnull(t);
        ck_assert_msg(t[0] && t[strlen(t) - 1] == '.', "text of %u does not end a sentence",
                      ras_error_texts[i].code);
        if (i > 0)
            ck_assert_uint_lt(ras_error_texts[i - 1].code, ras_error_texts[i].code);
        ck_assert_ptr_eq(ras_error_text(ras_error_texts[i].code), t);
    }
}
END_TEST

Suite *error_string_suite(void) {
    Suite *s = suite_create("error_string");
    TCase *tc = tcase_create("RasGetErrorString");
    int n = (int) (sizeof(codes) / sizeof(codes[0]));

    tcase_add_loop_test(tc, test_get_error_string_a_gives_the_text_of_the_code, 0, n);
    tcase_add_loop_test(tc, test_get_error_string_w_gives_the_same_text_as_wide_characters, 0, n);
    tcase_add_test(tc, test_get_error_string_text_names_the_problem);
    tcase_add_test(tc, test_get_error_string_buffer_too_small_is_insufficient_buffer);
    tcase_add_test(tc, test_get_error_string_null_buffer_is_invalid_parameter_87);
    tcase_add_test(tc, test_get_error_string_of_code_without_text_is_invalid_parameter);
    tcase_add_test(tc, test_error_text_table_is_sorted_and_every_text_is_one_sentence);
    suite_add_tcase(s, tc);
    return s;
}
