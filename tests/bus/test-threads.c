/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* libpppras is called from any thread of any application: 8 threads
 * making 10,000 calls each (RasEnumConnections and RasGetConnectStatus,
 * A and W, good and stale handles) against one connected connection must
 * all get the right answer.  Run under `make SANITIZE=1` this also proves
 * the shared bus connection free of races and leaks. */

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "bus-helpers.h"
#include "ras.h"
#include "raserror.h"
#include "suites.h"
#include "windows.h"

#define N_THREADS 8
#define CALLS_PER_THREAD 10000
#define NEVER_ISSUED ((HRASCONN) (uintptr_t) 0x1234)

static FakePlugin plugin;
static HRASCONN connected;
static atomic_uint wrong_answers;

static void setup(void) {
    plugin = FAKE_PLUGIN_NULL;
}

static void teardown(void) {
    test_plugin_cleanup(&plugin);
}

static bool enum_finds_the_connection(unsigned i) {
    RASCONNA conn[4];
    RASCONNW wconn[4];
    DWORD cb, n = 0;

    if (i % 2 == 0) {
        memset(conn, 0, sizeof(conn));
        conn[0].dwSize = sizeof(RASCONNA);
        cb = sizeof(conn);
        return RasEnumConnectionsA(conn, &cb, &n) == ERROR_SUCCESS && n == 1 && conn[0].hrasconn == connected &&
               strcmp(conn[0].szEntryName, "fake") == 0;
    }
    memset(wconn, 0, sizeof(wconn));
    wconn[0].dwSize = sizeof(RASCONNW);
    cb = sizeof(wconn);
    return RasEnumConnectionsW(wconn, &cb, &n) == ERROR_SUCCESS && n == 1 && wconn[0].hrasconn == connected;
}

static bool status_is_right(unsigned i) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };
    RASCONNSTATUSW wstatus = { .dwSize = sizeof(wstatus) };

    switch (i % 3) {
    case 0:
        return RasGetConnectStatusA(connected, &status) == ERROR_SUCCESS &&
               status.rasconnstate == RASCS_Connected && status.dwError == 0;
    case 1:
        return RasGetConnectStatusW(connected, &wstatus) == ERROR_SUCCESS &&
               wstatus.rasconnstate == RASCS_Connected;
    default:
        return RasGetConnectStatusA(NEVER_ISSUED, &status) == ERROR_INVALID_HANDLE;
    }
}

static void *hammer(void *userdata) {
    unsigned seed = (unsigned) (uintptr_t) userdata;

    for (unsigned i = 0; i < CALLS_PER_THREAD; i++) {
        unsigned pick = (i * 2654435761u) ^ seed;
        bool right = pick % 2 == 0 ? enum_finds_the_connection(pick / 2) : status_is_right(pick / 2);

        if (!right)
            atomic_fetch_add(&wrong_answers, 1);
    }
    return NULL;
}

START_TEST(test_eight_threads_of_ten_thousand_calls_all_get_the_right_answer) {
    pthread_t threads[N_THREADS];

    connected = test_spawn_connected(&plugin, "fake", 0);
    atomic_store(&wrong_answers, 0);

    for (uintptr_t t = 0; t < N_THREADS; t++)
        ck_assert_int_eq(pthread_create(&threads[t], NULL, hammer, (void *) (t * 7919)), 0);
    for (unsigned t = 0; t < N_THREADS; t++)
        ck_assert_int_eq(pthread_join(threads[t], NULL), 0);

    ck_assert_uint_eq(atomic_load(&wrong_answers), 0);
}
END_TEST

Suite *threads_suite(void) {
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("concurrent calls");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_eight_threads_of_ten_thousand_calls_all_get_the_right_answer);
    suite_add_tcase(s, tc);
    return s;
}
