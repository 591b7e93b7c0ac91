/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* common/chat-map.c and daemon/chat-script.c: chat's exit status → the
 * modem errors Windows gives (numbers spelled out), and a modem entry's
 * connect line that makes those statuses mean what the table says. */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chat-map.h"
#include "chat-script.h"
#include "../../daemon/device-status.h"
#include "../../daemon/peers-entry.h"
#include "../../pppd-plugin/device-env.h"
#include "dial-env.h"
#include "scratch-dir.h"
#include "suites.h"

static const struct {
    int status;
    const char *abort;   /* NULL: not an ABORT string */
    uint32_t error;
} expected[] = {
    { 0, NULL,          0   },
    { 1, NULL,          604 },  /* ERROR_WRONG_INFO_SPECIFIED */
    { 2, NULL,          692 },  /* ERROR_PORT_OR_DEVICE */
    { 3, NULL,          678 },  /* ERROR_NO_ANSWER: no CONNECT in time */
    { 4, "BUSY",        676 },  /* ERROR_LINE_BUSY */
    { 5, "NO CARRIER",  679 },  /* ERROR_NO_CARRIER */
    { 6, "NO DIALTONE", 680 },  /* ERROR_NO_DIALTONE */
    { 7, "NO ANSWER",   678 },  /* ERROR_NO_ANSWER */
    { 8, "ERROR",       651 },  /* ERROR_FROM_DEVICE */
    { 9, "NO DIAL TONE", 680 }, /* ERROR_NO_DIALTONE */
};

START_TEST(test_every_chat_exit_status_maps_to_its_ras_error) {
    ck_assert_int_eq(expected[_i].status, _i);
    ck_assert_uint_eq(ras_error_for_chat_exit(expected[_i].status), expected[_i].error);
    if (expected[_i].abort)
        ck_assert_str_eq(chat_aborts[_i - CHAT_EXIT_ABORT_BASE].response, expected[_i].abort);
}
END_TEST

START_TEST(test_abort_table_lists_each_result_code_once) {
    ck_assert_uint_eq(chat_aborts_size + CHAT_EXIT_ABORT_BASE, sizeof(expected) / sizeof(expected[0]));
}
END_TEST

START_TEST(test_unknown_chat_status_is_error_from_device_651) {
    ck_assert_uint_eq(ras_error_for_chat_exit(10), 651);
    ck_assert_uint_eq(ras_error_for_chat_exit(-1), 651);
    ck_assert_uint_eq(ras_error_for_chat_exit(255), 651);
}
END_TEST

START_TEST(test_status_file_holds_only_a_status) {
    char dir[SCRATCH_PATH_MAX], path[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    scratch_path(path, dir, "s");
    ck_assert_int_eq(chat_status_read(path), -ENOENT);
    static const char *const bad[] = { "", "x", "256\n", "-1\n", "4x\n" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        scratch_write(dir, "s", bad[i]);
        ck_assert_int_eq(chat_status_read(path), -EINVAL);
    }
    scratch_write(dir, "s", "7\n");
    ck_assert_int_eq(chat_status_read(path), 7);
    scratch_dir_remove(dir);
}
END_TEST

/* Modem answers of tests/modem-emu (built next to this program). */
static const struct {
    const char *number, *outcome;
    int chat_status;
    uint32_t error;
} modem_cases[] = {
    { "111", "busy",        4, 676 },
    { "222", "no-carrier",  5, 679 },
    { "333", "no-dialtone", 6, 680 },
    { "444", "no-answer",   7, 678 },
    /* "silent" (chat's own timeout, 3 → 678) takes the entry's 90 s: the
     * table test above covers its mapping */
    { "666", "error",       8, 651 },
};

static pid_t start_modem(const char *dir, char link[SCRATCH_PATH_MAX]) {
    char self[SCRATCH_PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
    ck_assert_int_gt(n, 0);
    self[n] = '\0';
    *strrchr(self, '/') = '\0';
    char emu[SCRATCH_PATH_MAX + 16];
    snprintf(emu, sizeof(emu), "%s/modem-emu", self);
    scratch_path(link, dir, "modem");

    int p[2];
    ck_assert_int_eq(pipe(p), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        dup2(p[1], 1);
        char *argv[32];
        size_t i = 0;
        argv[i++] = emu;
        argv[i++] = (char *) "--link";
        argv[i++] = link;
        char opts[sizeof(modem_cases) / sizeof(modem_cases[0])][32];
        for (size_t k = 0; k < sizeof(modem_cases) / sizeof(modem_cases[0]); k++) {
            snprintf(opts[k], sizeof(opts[k]), "%s=%s", modem_cases[k].number, modem_cases[k].outcome);
            argv[i++] = (char *) "--number";
            argv[i++] = opts[k];
        }
        argv[i++] = (char *) "--";
        argv[i++] = (char *) "/bin/false";
        argv[i] = NULL;
        execv(emu, argv);
        _exit(127);
    }
    close(p[1]);
    struct pollfd pfd = { .fd = p[0], .events = POLLIN };
    ck_assert_int_eq(poll(&pfd, 1, 10000), 1);
    char line[16] = {};
    ck_assert_int_gt(read(p[0], line, sizeof(line) - 1), 0);
    ck_assert_str_eq(line, "ready\n");
    close(p[0]);
    return pid;
}

/* The double-quoted value of the entry's connect option, as pppd's
 * getword() reads it (a backslash takes the next character). */
static char *entry_connect_line(const char *number) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_MODEM;
    strcpy(e.device_name, "ttyS9");
    strcpy(e.phone, number);
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(peers_entry_format(f, &e, NULL), 0);
    ck_assert_int_eq(fclose(f), 0);
    const char *p = strstr(text, "\nconnect \"");
    ck_assert_ptr_nonnull(p);
    char *w = malloc(strlen(p)), *o = w;
    for (p += strlen("\nconnect \""); *p && *p != '"'; p++)
        *o++ = *p == '\\' ? *++p : *p;
    *o = '\0';
    free(text);
    return w;
}

/* Runs the entry's connect line for number as pppd runs it: sh with the
 * modem line as stdin and stdout.  Returns the exit status. */
static int run_entry_line(const char *link, const char *number) {
    char *line = entry_connect_line(number), *shell = NULL;
    ck_assert_int_gt(asprintf(&shell, "exec <%s >%s; %s", link, link, line), 0);
    int rc = system(shell);
    free(shell);
    free(line);
    ck_assert(WIFEXITED(rc));
    return WEXITSTATUS(rc);
}

/* A modem entry's connect line, run by sh as pppd runs it, through a real
 * chat: each modem answer comes back as the dwError the table gives it,
 * read once. */
START_TEST(test_each_modem_answer_through_chat_gives_its_error) {
    if (access("/usr/sbin/chat", X_OK) < 0)
        return;   /* ppp not installed: nothing to run the line */
    char dir[SCRATCH_PATH_MAX], link[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    pid_t emu = start_modem(dir, link);

    for (size_t k = 0; k < sizeof(modem_cases) / sizeof(modem_cases[0]); k++) {
        ck_assert_int_eq(device_status_prepare(dir, getpid()), 0);
        ck_assert_int_eq(device_env_set(dir, getpid(), NULL), 0);
        int status = run_entry_line(link, modem_cases[k].number);
        ck_assert_msg(status == modem_cases[k].chat_status, "%s: chat exited %i", modem_cases[k].outcome, status);
        ck_assert_uint_eq(chat_dial_error(dir, getpid()), modem_cases[k].error);
        ck_assert_uint_eq(chat_dial_error(dir, getpid()), 0);
    }
    unsetenv(DEVICE_ENV_CHAT_STATUS);
    unsetenv(DEVICE_ENV_DEVICE_ERROR);
    kill(emu, SIGTERM);
    waitpid(emu, NULL, 0);
    scratch_dir_remove(dir);
}
END_TEST

/* A RasSetEntryProperties modem entry's own connect line, run by sh with
 * the plugin's variables as pppd runs it, through a real chat: the
 * dial's override is the number dialled, and chat's status is where the
 * daemon reads it. */
START_TEST(test_entry_connect_line_dials_the_override_and_leaves_chats_status) {
    if (access("/usr/sbin/chat", X_OK) < 0)
        return;
    static const struct {
        const char *entry_number, *override;
        uint32_t error;
    } cases[] = {
        { "5551234", "111", 676 },
        { "5551234", "222", 679 },
        { "333",     NULL,  680 },
    };
    char dir[SCRATCH_PATH_MAX], link[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    pid_t emu = start_modem(dir, link);

    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        ck_assert_int_eq(device_status_prepare(dir, getpid()), 0);
        ck_assert_int_eq(device_env_set(dir, getpid(), cases[k].override), 0);
        run_entry_line(link, cases[k].entry_number);
        ck_assert_uint_eq(device_dial_error(dir, getpid()), cases[k].error);
    }
    unsetenv(DEVICE_ENV_PHONE);
    unsetenv(DEVICE_ENV_CHAT_STATUS);
    unsetenv(DEVICE_ENV_DEVICE_ERROR);
    kill(emu, SIGTERM);
    waitpid(emu, NULL, 0);
    scratch_dir_remove(dir);
}
END_TEST

Suite *chat_script_suite(void) {
    Suite *s = suite_create("chat_script");
    TCase *tc = tcase_create("chat_script");
    tcase_add_loop_test(tc, test_every_chat_exit_status_maps_to_its_ras_error, 0,
                        (int) (sizeof(expected) / sizeof(expected[0])));
    tcase_add_test(tc, test_abort_table_lists_each_result_code_once);
    tcase_add_test(tc, test_unknown_chat_status_is_error_from_device_651);
    tcase_add_test(tc, test_status_file_holds_only_a_status);
    tcase_add_test(tc, test_each_modem_answer_through_chat_gives_its_error);
    tcase_add_test(tc, test_entry_connect_line_dials_the_override_and_leaves_chats_status);
    suite_add_tcase(s, tc);
    return s;
}
