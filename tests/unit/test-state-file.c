/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/state-file.c + atomic-file.c: the connection table a restarted
 * ppprasd reads back.  Every field survives the round trip; a truncated or
 * corrupt file is refused record by record, never half-believed; and the
 * file is replaced whole or not at all. */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../../daemon/atomic-file.h"
#include "../../daemon/state-file.h"
#include "../../daemon/util.h"
#include "scratch-dir.h"
#include "suites.h"

static HandleTable table;
static char dir[SCRATCH_PATH_MAX];

static void setup(void) {
    handle_table_init(&table, 0x100);
    dir[0] = '\0';
}

static void teardown(void) {
    handle_table_done(&table);
    scratch_dir_remove(dir);
}

static void set_string(char **field, const char *value) {
    free(*field);
    *field = value ? strdup(value) : NULL;
    ck_assert(!value || *field);
}

/* A connection with every saved field set, strings that need escaping. */
static Connection *add_full_connection(pid_t pid, const char *entry) {
    Connection *c;
    ck_assert_int_eq(connection_new(&c, handle_table_new_handle(&table), pid, 1000, 1700000000123456ULL), 0);
    c->state = RASCS_Connected;
    c->substate = 3;
    c->error = 629;
    c->connected_at_usec = 987654321;
    c->dialled = true;
    c->ip_up = true;
    c->multilink = true;
    c->hanging_up = true;
    c->connected_notified = true;
    c->bundle_handle = 0x42;
    c->joined_seq = 7;
    set_string(&c->entry, entry);
    set_string(&c->ipparam, "ip param with spaces");
    set_string(&c->device, "/dev/pts/3");
    set_string(&c->device_type, "pty");
    set_string(&c->phone, "+49 (30) 100%");
    set_string(&c->ifname, "ppp0");
    set_string(&c->local, "10.0.0.1");
    set_string(&c->remote, "10.0.0.2");
    set_string(&c->dns1, "192.0.2.53");
    set_string(&c->dns2, "line1\nline2\ttab=eq");
    set_string(&c->bundle, "Büro bundle");
    set_string(&c->entry_name, entry);
    c->escaped = calloc(2, sizeof(ProcessId));
    ck_assert_ptr_nonnull(c->escaped);
    c->escaped[0] = (ProcessId) { 4242, 111 };
    c->escaped[1] = (ProcessId) { 4343, 222 };
    c->n_escaped = 2;
    ck_assert_int_eq(handle_table_add(&table, c), 0);
    return c;
}

static void assert_same_string(const char *got, const char *want, const char *what) {
    ck_assert_msg(streq_ptr(got, want), "%s: got \"%s\", want \"%s\"", what, strempty(got), strempty(want));
}

static void assert_same_connection(const Connection *got, const Connection *want) {
    ck_assert_uint_eq(got->handle, want->handle);
    ck_assert_int_eq(got->pid, want->pid);
    ck_assert_uint_eq(got->owner, want->owner);
    ck_assert_uint_eq(got->started_at_usec, want->started_at_usec);
    ck_assert_int_eq(got->state, want->state);
    ck_assert_int_eq(got->substate, want->substate);
    ck_assert_uint_eq(got->error, want->error);
    ck_assert_uint_eq(got->connected_at_usec, want->connected_at_usec);
    ck_assert_int_eq(got->dialled, want->dialled);
    ck_assert_int_eq(got->ip_up, want->ip_up);
    ck_assert_int_eq(got->multilink, want->multilink);
    ck_assert_int_eq(got->hanging_up, want->hanging_up);
    ck_assert_int_eq(got->connected_notified, want->connected_notified);
    ck_assert_uint_eq(got->bundle_handle, want->bundle_handle);
    ck_assert_uint_eq(got->joined_seq, want->joined_seq);
    assert_same_string(got->entry, want->entry, "entry");
    assert_same_string(got->ipparam, want->ipparam, "ipparam");
    assert_same_string(got->device, want->device, "device");
    assert_same_string(got->device_type, want->device_type, "device_type");
    assert_same_string(got->phone, want->phone, "phone");
    assert_same_string(got->ifname, want->ifname, "ifname");
    assert_same_string(got->local, want->local, "local");
    assert_same_string(got->remote, want->remote, "remote");
    assert_same_string(got->dns1, want->dns1, "dns1");
    assert_same_string(got->dns2, want->dns2, "dns2");
    assert_same_string(got->bundle, want->bundle, "bundle");
    assert_same_string(got->entry_name, want->entry_name, "entry_name");
    ck_assert_uint_eq(got->n_escaped, want->n_escaped);
    for (size_t i = 0; i < want->n_escaped; i++) {
        ck_assert_int_eq(got->escaped[i].pid, want->escaped[i].pid);
        ck_assert_uint_eq(got->escaped[i].start_time, want->escaped[i].start_time);
    }
}

/* The table as the file's text (caller frees). */
static char *format_table(size_t *ret_size) {
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(state_file_format(&table, f), 0);
    ck_assert_int_eq(fclose(f), 0);
    if (ret_size)
        *ret_size = size;
    return text;
}

static int parse_text(const char *text, size_t size, StateFile *ret) {
    FILE *f = fmemopen((void *) text, size, "r");
    ck_assert_ptr_nonnull(f);
    int r = state_file_parse(f, ret);
    fclose(f);
    return r;
}

START_TEST(test_every_field_survives_the_round_trip) {
    Connection *a = add_full_connection(1234, "my isp");
    Connection *b = add_full_connection(5678, "Büro%20 100%");
    /* NULL strings and false flags come back as such */
    set_string(&b->ipparam, NULL);
    set_string(&b->dns2, NULL);
    b->dialled = b->ip_up = b->multilink = b->hanging_up = b->connected_notified = false;
    b->n_escaped = 0;
    size_t size;
    _cleanup_(freep) char *text = format_table(&size);

    StateFile s;
    ck_assert_int_eq(parse_text(text, size, &s), 0);
    ck_assert_uint_eq(s.next_handle, table.next_handle);
    ck_assert_uint_eq(s.n_connections, 2);
    assert_same_connection(s.connections[0], a);
    assert_same_connection(s.connections[1], b);
    state_file_done(&s);
}
END_TEST

START_TEST(test_one_line_per_connection_without_raw_controls_or_spaces_in_fields) {
    add_full_connection(1234, "a b\nc");
    _cleanup_(freep) char *text = format_table(NULL);
    /* header, next-handle, one record */
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    ck_assert_uint_eq(lines, 3);
    ck_assert_ptr_null(strchr(text, '\t'));
}
END_TEST

START_TEST(test_an_ended_connection_is_written_with_its_end) {
    add_full_connection(1234, "kept");
    Connection *gone = add_full_connection(5678, "gone");
    gone->process_gone = true;
    gone->ended_at_usec = 1700000000000000u;
    gone->pid_start = 4242;
    gone->error = 629;
    size_t size;
    _cleanup_(freep) char *text = format_table(&size);

    StateFile s;
    ck_assert_int_eq(parse_text(text, size, &s), 0);
    ck_assert_uint_eq(s.n_connections, 2);
    ck_assert_str_eq(s.connections[0]->entry_name, "kept");
    ck_assert(!s.connections[0]->process_gone);
    ck_assert_str_eq(s.connections[1]->entry_name, "gone");
    ck_assert(s.connections[1]->process_gone);
    ck_assert_uint_eq(s.connections[1]->ended_at_usec, 1700000000000000u);
    ck_assert_uint_eq(s.connections[1]->pid_start, 4242);
    ck_assert_uint_eq(s.connections[1]->error, 629);
    state_file_done(&s);
}
END_TEST

START_TEST(test_a_file_cut_anywhere_gives_only_whole_records) {
    Connection *a = add_full_connection(1234, "first");
    Connection *b = add_full_connection(5678, "second");
    size_t size;
    _cleanup_(freep) char *text = format_table(&size);

    /* Every prefix of the file: what parses is a prefix of the records,
     * each exactly as written -- never a record cut short. */
    for (size_t cut = 0; cut <= size; cut++) {
        StateFile s;
        ck_assert_int_eq(parse_text(text, cut, &s), 0);
        ck_assert_uint_le(s.n_connections, 2);
        if (s.n_connections >= 1)
            assert_same_connection(s.connections[0], a);
        if (s.n_connections == 2)
            assert_same_connection(s.connections[1], b);
        if (cut == size)
            ck_assert_uint_eq(s.n_connections, 2);
        state_file_done(&s);
    }
}
END_TEST

static const char *const corrupt_records[] = {
    "handle=abc pid=100 entry_name==x state=0\n",
    "handle=0 pid=100 entry_name==x state=0\n",                      /* handle 0 is never one */
    "handle=18446744073709551615 pid=100 entry_name==x state=0\n",   /* INVALID_HANDLE_VALUE */
    "handle=5 pid=1 entry_name==x state=0\n",                        /* init is no pppd */
    "handle=5 pid=100 state=0\n",                                    /* no name */
    "handle=5 pid=100 entry_name==x state=99\n",                     /* no such RASCONNSTATE */
    "handle=5 pid=4294967296 entry_name==x\n",                       /* pid overflows u32 */
    "handle=5 pid=100 entry_name==x dialled=2\n",
    "handle=5 pid=100 entry_name=x\n",                               /* strings start with '=' */
    "handle=5 pid=100 entry_name==%zz\n",                            /* bad escape */
    "handle=5 pid=100 entry_name==a%00b\n",                          /* NUL inside */
    "handle=5 pid=100 entry_name==x escaped=12\n",
    "handle=5 pid=100 entry_name==x escaped=1:5\n",                  /* pid 1 never escapes */
    "handle=5 pid=100 entry_name==x escaped=12:5;13:6\n",
    "handle=5 pid=100 entry_name==x novalue\n",
    "\x01\x02\xff garbage\n",
};

START_TEST(test_a_corrupt_record_is_skipped_and_the_rest_restored) {
    char text[512];
    int n = snprintf(text, sizeof(text),
                     "# ppprasd connection table v1\nnext-handle 77\n%s"
                     "handle=9 pid=200 entry_name==good state=%d future_key=whatever\n",
                     corrupt_records[_i], (int) RASCS_Connected);
    ck_assert_int_lt(n, (int) sizeof(text));

    StateFile s;
    ck_assert_int_eq(parse_text(text, (size_t) n, &s), 0);
    ck_assert_uint_eq(s.next_handle, 77);
    ck_assert_msg(s.n_connections == 1, "record accepted: %s", corrupt_records[_i]);
    ck_assert_uint_eq(s.connections[0]->handle, 9);
    ck_assert_str_eq(s.connections[0]->entry_name, "good");
    ck_assert_int_eq(s.connections[0]->state, RASCS_Connected);
    state_file_done(&s);
}
END_TEST

START_TEST(test_binary_garbage_does_not_crash) {
    unsigned char junk[4096];
    unsigned seed = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof(junk); i++) {
            seed = seed * 1103515245u + 12345u;
            junk[i] = (unsigned char) (seed >> 16);
            /* now and then something that looks like a record */
            if (junk[i] == 'h' && i + 10 < sizeof(junk)) {
                memcpy(junk + i, "handle=9 ", 9);
                i += 8;
            }
        }
        StateFile s;
        ck_assert_int_eq(parse_text((const char *) junk, sizeof(junk), &s), 0);
        state_file_done(&s);
    }
}
END_TEST

START_TEST(test_save_then_load_round_trip_through_the_file) {
    Connection *a = add_full_connection(1234, "saved");
    scratch_dir_new(dir);

    ck_assert_int_eq(state_file_save(dir, &table), 0);
    StateFile s;
    ck_assert_int_eq(state_file_load(dir, &s), 0);
    ck_assert_uint_eq(s.n_connections, 1);
    assert_same_connection(s.connections[0], a);
    ck_assert_uint_eq(s.next_handle, table.next_handle);
    state_file_done(&s);
    /* no temporary left beside it */
    ck_assert_uint_eq(scratch_count(dir), 1);
}
END_TEST

/* A new handle is appended before the next full save: it is read back,
 * after what was saved, and a later record of a handle wins. */
START_TEST(test_appended_records_are_read_after_the_saved_ones) {
    Connection *a = add_full_connection(1234, "saved");
    scratch_dir_new(dir);
    ck_assert_int_eq(state_file_save(dir, &table), 0);

    Connection *b = add_full_connection(1235, "appended");
    ck_assert_int_eq(state_file_append(dir, b), 0);
    set_string(&a->ifname, "ppp7");
    a->state = RASCS_Connected;
    ck_assert_int_eq(state_file_append(dir, a), 0);

    StateFile s;
    ck_assert_int_eq(state_file_load(dir, &s), 0);
    ck_assert_uint_eq(s.n_connections, 2);
    assert_same_connection(s.connections[0], a);    /* its place, its newer record */
    assert_same_connection(s.connections[1], b);
    state_file_done(&s);
}
END_TEST

START_TEST(test_append_without_a_saved_table_is_enoent) {
    Connection *a = add_full_connection(1234, "first");
    scratch_dir_new(dir);
    ck_assert_int_eq(state_file_append(dir, a), -ENOENT);
    ck_assert_uint_eq(scratch_count(dir), 0);
}
END_TEST

START_TEST(test_missing_file_is_an_empty_table) {
    char path[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    StateFile s;
    ck_assert_int_eq(state_file_load(scratch_path(path, dir, "never-made"), &s), 0);
    ck_assert_uint_eq(s.n_connections, 0);
    ck_assert_uint_eq(s.next_handle, 0);
    state_file_done(&s);
}
END_TEST

START_TEST(test_save_creates_the_directory) {
    char path[SCRATCH_PATH_MAX];
    add_full_connection(1234, "x");
    scratch_dir_new(dir);
    ck_assert_int_eq(state_file_save(scratch_path(path, dir, "run"), &table), 0);
    StateFile s;
    ck_assert_int_eq(state_file_load(path, &s), 0);
    ck_assert_uint_eq(s.n_connections, 1);
    state_file_done(&s);
}
END_TEST

/* Writes half, then fails: what a full disk looks like to the writer. */
static int write_half_then_fail(FILE *f, const void *userdata) {
    (void) userdata;
    fputs("# half a file\nhandle=", f);
    return -ENOSPC;
}

static int write_text(FILE *f, const void *userdata) {
    return fputs(userdata, f) == EOF ? -EIO : 0;
}

START_TEST(test_failed_write_leaves_the_old_file_and_no_temporary) {
    char path[SCRATCH_PATH_MAX], buf[64] = "";
    scratch_dir_new(dir);
    scratch_path(path, dir, "connections");

    ck_assert_int_eq(atomic_file_write(path, 0640, 0, write_text, "old contents\n"), 0);
    ck_assert_int_eq(atomic_file_write(path, 0600, ATOMIC_FILE_DURABLE, write_half_then_fail, NULL), -ENOSPC);
    FILE *f = fopen(path, "re");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), f));
    fclose(f);
    ck_assert_str_eq(buf, "old contents\n");
    ck_assert_uint_eq(scratch_count(dir), 1);

    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_uint_eq(st.st_mode & 07777, 0640);
}
END_TEST

START_TEST(test_replacement_is_a_new_inode_with_the_given_mode) {
    char path[SCRATCH_PATH_MAX];
    struct stat before, after;
    scratch_dir_new(dir);
    scratch_path(path, dir, "file");

    ck_assert_int_eq(atomic_file_write(path, 0644, 0, write_text, "one\n"), 0);
    ck_assert_int_eq(stat(path, &before), 0);
    ck_assert_int_eq(atomic_file_write(path, 0600, ATOMIC_FILE_DURABLE | ATOMIC_FILE_SECRET, write_text,
                                       "two\n"), 0);
    ck_assert_int_eq(stat(path, &after), 0);
    /* renamed over, never rewritten in place: a reader holding the old
     * file still has all of it */
    ck_assert_uint_ne(before.st_ino, after.st_ino);
    ck_assert_uint_eq(after.st_mode & 07777, 0600);
    ck_assert_int_eq(after.st_size, 4);
    ck_assert_uint_eq(scratch_count(dir), 1);
}
END_TEST

Suite *state_file_suite(void) {
    Suite *s = suite_create("state_file");
    TCase *tc = tcase_create("format");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_every_field_survives_the_round_trip);
    tcase_add_test(tc, test_one_line_per_connection_without_raw_controls_or_spaces_in_fields);
    tcase_add_test(tc, test_an_ended_connection_is_written_with_its_end);
    tcase_add_test(tc, test_a_file_cut_anywhere_gives_only_whole_records);
    tcase_add_loop_test(tc, test_a_corrupt_record_is_skipped_and_the_rest_restored, 0,
                        (int) ELEMENTSOF(corrupt_records));
    tcase_add_test(tc, test_binary_garbage_does_not_crash);
    suite_add_tcase(s, tc);

    tc = tcase_create("file");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_save_then_load_round_trip_through_the_file);
    tcase_add_test(tc, test_appended_records_are_read_after_the_saved_ones);
    tcase_add_test(tc, test_append_without_a_saved_table_is_enoent);
    tcase_add_test(tc, test_missing_file_is_an_empty_table);
    tcase_add_test(tc, test_save_creates_the_directory);
    tcase_add_test(tc, test_failed_write_leaves_the_old_file_and_no_temporary);
    tcase_add_test(tc, test_replacement_is_a_new_inode_with_the_given_mode);
    suite_add_tcase(s, tc);
    return s;
}
