/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The daemon's hang-up state machine, without a bus: a Context with its
 * own sd-event loop follows real child processes standing in for pppd.
 * Connected → HangingUp (SIGTERM through its pidfd) → Terminated → handle
 * retired; a pppd that does not exit within the configurable grace period
 * gets SIGKILL. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../daemon/context.h"
#include "../../daemon/hangup.h"
#include "../../daemon/log.h"
#include "phase-map.h"
#include "suites.h"

#define USEC_PER_MSEC 1000ULL
#define USEC_PER_SEC  1000000ULL
/* Generous: only a broken state machine gets near it. */
#define DEADLINE_USEC (10 * USEC_PER_SEC)

typedef enum ChildMode {
    CHILD_DIES_ON_SIGTERM,
    CHILD_IGNORES_SIGTERM,
} ChildMode;

typedef struct Child {
    pid_t pid;
    int release_fd;   /* closing it makes the child exit 0 on its own */
} Child;

/* A stand-in pppd: says it is ready through a pipe once its signal
 * disposition is set, then waits until released or signalled. */
static Child child_start(ChildMode mode) {
    int ready[2], release[2];
    ck_assert_int_eq(pipe2(ready, O_CLOEXEC), 0);
    ck_assert_int_eq(pipe2(release, O_CLOEXEC), 0);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(SIGTERM, mode == CHILD_IGNORES_SIGTERM ? SIG_IGN : SIG_DFL);
        close(ready[0]);
        close(release[1]);
        (void) !write(ready[1], "r", 1);
        close(ready[1]);
        char b;
        while (read(release[0], &b, 1) < 0 && errno == EINTR)
            ;
        _exit(0);
    }
    close(ready[1]);
    close(release[0]);
    char b;
    ck_assert_int_eq(read(ready[0], &b, 1), 1);
    close(ready[0]);
    return (Child) { .pid = pid, .release_fd = release[1] };
}

static int child_wait(Child *ch) {
    int status;
    ck_assert_int_eq(waitpid(ch->pid, &status, 0), ch->pid);
    if (ch->release_fd >= 0)
        close(ch->release_fd);
    ch->release_fd = -1;
    return status;
}

static uint64_t now_monotonic_usec(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * USEC_PER_SEC + (uint64_t) ts.tv_nsec / 1000;
}

static Context ctx;
static sd_event *loop;

static void context_start(uint64_t grace_usec, uint64_t linger_usec) {
    DaemonOptions options;

    log_set_max_level(LOG_ERR);   /* the SIGKILL test warns by design */
    daemon_options_init(&options);
    options.grace_usec = grace_usec;
    options.linger_usec = linger_usec;
    ck_assert_int_eq(sd_event_new(&loop), 0);
    ck_assert_int_eq(context_init(&ctx, loop, &options), 0);
    daemon_options_done(&options);
}

static void teardown(void) {
    context_done(&ctx);
    loop = sd_event_unref(loop);
}

/* Runs the loop until handle is retired; fails at the deadline. */
static void run_until_retired(uint64_t handle) {
    uint64_t deadline = now_monotonic_usec() + DEADLINE_USEC;
    while (context_get_connection(&ctx, handle)) {
        ck_assert_msg(now_monotonic_usec() < deadline, "handle not retired in time");
        ck_assert_int_ge(sd_event_run(loop, 100 * USEC_PER_MSEC), 0);
    }
}

static void run_until_process_gone(Connection *c) {
    uint64_t deadline = now_monotonic_usec() + DEADLINE_USEC;
    while (!c->process_gone) {
        ck_assert_msg(now_monotonic_usec() < deadline, "process end not noticed in time");
        ck_assert_int_ge(sd_event_run(loop, 100 * USEC_PER_MSEC), 0);
    }
}

/* Register + phases + IP up, as the plugin of a pppd that connects. */
static Connection *connect_child(pid_t pid) {
    LinkInfo info = LINK_INFO_INIT;
    Connection *c = NULL;

    info.entry = "fake";
    ck_assert_int_eq(context_link_register(&ctx, pid, 0, &info, &c), 0);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->state, RASCS_OpenPort);
    ck_assert_int_eq(connection_apply_phase(c, PPPD_PHASE_SERIALCONN), 0);
    ck_assert_int_eq(connection_apply_phase(c, PPPD_PHASE_ESTABLISH), 0);
    ck_assert_int_eq(connection_apply_phase(c, PPPD_PHASE_AUTHENTICATE), 0);
    ck_assert_int_eq(connection_apply_phase(c, PPPD_PHASE_NETWORK), 0);
    info = LINK_INFO_INIT;
    info.ifname = "ppp0";
    info.local = "10.0.0.1";
    info.remote = "10.0.0.2";
    ck_assert_int_eq(connection_apply_ip_up(c, &info), 0);
    ck_assert_int_eq(c->state, RASCS_Connected);
    return c;
}

/* How many times the eventfd was signalled since the last read (0: none). */
static uint64_t event_count(int efd) {
    uint64_t n = 0;
    if (read(efd, &n, sizeof(n)) != sizeof(n))
        return 0;
    return n;
}

START_TEST(test_hangup_sends_sigterm_and_retires_handle_when_pppd_is_gone) {
    context_start(30 * USEC_PER_SEC, 0);
    Child ch = child_start(CHILD_DIES_ON_SIGTERM);
    Connection *c = connect_child(ch.pid);
    uint64_t handle = c->handle;

    ck_assert(connection_is_enumerable(c));
    ck_assert_int_eq(context_hang_up(&ctx, c), 0);
    ck_assert(c->hanging_up);
    ck_assert(!connection_is_enumerable(c));
    run_until_retired(handle);

    int status = child_wait(&ch);
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), SIGTERM);
    ck_assert_ptr_null(context_get_connection(&ctx, handle));
    ck_assert_ptr_null(context_link_connection(&ctx, ch.pid));
}
END_TEST

START_TEST(test_second_hangup_while_hanging_up_does_nothing_more) {
    context_start(30 * USEC_PER_SEC, 0);
    Child ch = child_start(CHILD_IGNORES_SIGTERM);
    Connection *c = connect_child(ch.pid);

    ck_assert_int_eq(hangup_start(c, loop, 30 * USEC_PER_SEC), HANGUP_STARTED);
    ck_assert_ptr_nonnull(c->kill_timer);
    ck_assert_int_eq(hangup_start(c, loop, 30 * USEC_PER_SEC), HANGUP_IN_PROGRESS);
    kill(ch.pid, SIGKILL);
    child_wait(&ch);
}
END_TEST

START_TEST(test_pppd_ignoring_sigterm_is_sigkilled_after_grace_period) {
    context_start(200 * USEC_PER_MSEC, 0);
    Child ch = child_start(CHILD_IGNORES_SIGTERM);
    Connection *c = connect_child(ch.pid);
    uint64_t handle = c->handle;
    uint64_t started = now_monotonic_usec();

    ck_assert_int_eq(context_hang_up(&ctx, c), 0);
    run_until_retired(handle);
    ck_assert_uint_ge(now_monotonic_usec() - started, 200 * USEC_PER_MSEC);

    int status = child_wait(&ch);
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), SIGKILL);
}
END_TEST

START_TEST(test_pppd_ending_on_its_own_leaves_handle_disconnected_with_exit_error_until_hangup) {
    context_start(30 * USEC_PER_SEC, 60 * USEC_PER_SEC);
    Child ch = child_start(CHILD_DIES_ON_SIGTERM);
    Connection *c = connect_child(ch.pid);
    uint64_t handle = c->handle;

    connection_apply_exit(c, 16, true);
    close(ch.release_fd);
    ch.release_fd = -1;
    run_until_process_gone(c);

    ck_assert_ptr_eq(context_get_connection(&ctx, handle), c);
    ck_assert_int_eq(c->state, RASCS_Disconnected);
    ck_assert_uint_eq(c->error, 629);
    ck_assert(!connection_is_enumerable(c));
    int status = child_wait(&ch);
    ck_assert(WIFEXITED(status));

    /* HangUp on a connection that already ended retires it at once. */
    ck_assert_int_eq(context_hang_up(&ctx, c), 0);
    ck_assert_ptr_null(context_get_connection(&ctx, handle));
}
END_TEST

START_TEST(test_pppd_killed_without_exit_report_is_link_failure_and_lingers) {
    context_start(30 * USEC_PER_SEC, 60 * USEC_PER_SEC);
    Child ch = child_start(CHILD_DIES_ON_SIGTERM);
    Connection *c = connect_child(ch.pid);

    kill(ch.pid, SIGKILL);
    run_until_process_gone(c);
    ck_assert_int_eq(c->state, RASCS_Disconnected);
    ck_assert_uint_eq(c->error, 829);
    ck_assert_ptr_null(context_link_connection(&ctx, ch.pid));
    child_wait(&ch);
}
END_TEST

START_TEST(test_connection_notification_for_all_fires_on_connected_and_on_hangup) {
    context_start(30 * USEC_PER_SEC, 0);
    int efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    ck_assert_int_ge(efd, 0);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.test", 1000, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection | RASCN_Disconnection, efd), 0);

    Child ch = child_start(CHILD_DIES_ON_SIGTERM);
    Connection *c = connect_child(ch.pid);
    uint64_t handle = c->handle;
    ck_assert_uint_eq(event_count(efd), 1);           /* RASCN_Connection */

    ck_assert_int_eq(context_hang_up(&ctx, c), 0);
    run_until_retired(handle);
    ck_assert_uint_eq(event_count(efd), 1);           /* RASCN_Disconnection, once */
    child_wait(&ch);
    close(efd);
}
END_TEST

START_TEST(test_invalid_notification_flags_are_einval) {
    context_start(30 * USEC_PER_SEC, 0);
    int efd = eventfd(0, EFD_CLOEXEC);
    ck_assert_int_ge(efd, 0);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.test", 1000, NOTIFY_ALL_CONNECTIONS, 0, efd), -EINVAL);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.test", 1000, NOTIFY_ALL_CONNECTIONS, 0x10, efd), -EINVAL);
    ck_assert_uint_eq(notify_registry_count(ctx.notify), 0);
    close(efd);
}
END_TEST

START_TEST(test_one_user_holds_at_most_notify_max_per_uid_registrations_over_all_its_connections) {
    context_start(30 * USEC_PER_SEC, 0);
    int efd = eventfd(0, EFD_CLOEXEC);
    ck_assert_int_ge(efd, 0);
    /* spread over many bus connections of the same uid */
    for (int i = 0; i < NOTIFY_MAX_PER_UID; i++)
        ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, i % 2 ? ":1.greedy1" : ":1.greedy2", 65534,
                                             NOTIFY_ALL_CONNECTIONS, RASCN_Connection, efd), 0);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.greedy3", 65534, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection, efd), -EDQUOT);
    /* another user is not held back by it */
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.other", 1000, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection, efd), 0);
    /* what a connection gives back, the user may use again */
    notify_registry_drop_owner(ctx.notify, ":1.greedy1");
    ck_assert_uint_eq(notify_registry_count(ctx.notify), NOTIFY_MAX_PER_UID / 2 + 1);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.greedy3", 65534, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection, efd), 0);
    close(efd);
}
END_TEST

START_TEST(test_notification_fd_that_is_not_an_eventfd_is_ebadf) {
    context_start(30 * USEC_PER_SEC, 0);
    int p[2];
    ck_assert_int_eq(pipe2(p, O_CLOEXEC), 0);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.test", 1000, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection, p[1]), -EBADF);
    int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.test", 1000, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection, fd), -EBADF);
    ck_assert_uint_eq(notify_registry_count(ctx.notify), 0);
    close(p[0]);
    close(p[1]);
    close(fd);
}
END_TEST

START_TEST(test_full_notification_counter_drops_the_registration_without_blocking) {
    context_start(30 * USEC_PER_SEC, 0);
    int efd = eventfd(0, EFD_CLOEXEC);    /* blocking, as a hostile caller would pass it */
    ck_assert_int_ge(efd, 0);
    uint64_t full = UINT64_C(0xfffffffffffffffe);
    ck_assert_int_eq(write(efd, &full, sizeof(full)), (int) sizeof(full));
    ck_assert_int_eq(notify_registry_add(ctx.notify, NULL, ":1.test", 1000, NOTIFY_ALL_CONNECTIONS,
                                         RASCN_Connection, efd), 0);
    notify_registry_fire(ctx.notify, 1, RASCN_Connection);
    ck_assert_uint_eq(notify_registry_count(ctx.notify), 0);
    close(efd);
}
END_TEST

START_TEST(test_root_owner_and_hangup_group_may_hang_up_others_may_not) {
    const gid_t groups[] = { 10, 20 };

    ck_assert(hangup_caller_allowed(0, 0, NULL, 0, 1000, (gid_t) -1));            /* root */
    ck_assert(hangup_caller_allowed(1000, 1000, NULL, 0, 1000, (gid_t) -1));      /* owner */
    ck_assert(hangup_caller_allowed(1001, 20, NULL, 0, 1000, 20));                 /* primary group */
    ck_assert(hangup_caller_allowed(1001, 1001, groups, 2, 1000, 20));             /* supplementary */
    ck_assert(!hangup_caller_allowed(1001, 1001, groups, 2, 1000, 30));
    ck_assert(!hangup_caller_allowed(65534, 65534, NULL, 0, 0, (gid_t) -1));       /* nobody */
    ck_assert(!hangup_caller_allowed(1001, (gid_t) -1, NULL, 0, 1000, (gid_t) -1));
}
END_TEST

Suite *hangup_suite(void) {
    Suite *s = suite_create("hangup");
    TCase *tc = tcase_create("state_machine");

    tcase_add_checked_fixture(tc, NULL, teardown);
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_hangup_sends_sigterm_and_retires_handle_when_pppd_is_gone);
    tcase_add_test(tc, test_one_user_holds_at_most_notify_max_per_uid_registrations_over_all_its_connections);
    tcase_add_test(tc, test_notification_fd_that_is_not_an_eventfd_is_ebadf);
    tcase_add_test(tc, test_full_notification_counter_drops_the_registration_without_blocking);
    tcase_add_test(tc, test_second_hangup_while_hanging_up_does_nothing_more);
    tcase_add_test(tc, test_pppd_ignoring_sigterm_is_sigkilled_after_grace_period);
    tcase_add_test(tc, test_pppd_ending_on_its_own_leaves_handle_disconnected_with_exit_error_until_hangup);
    tcase_add_test(tc, test_pppd_killed_without_exit_report_is_link_failure_and_lingers);
    tcase_add_test(tc, test_connection_notification_for_all_fires_on_connected_and_on_hangup);
    tcase_add_test(tc, test_invalid_notification_flags_are_einval);
    suite_add_tcase(s, tc);

    tc = tcase_create("who_may");
    tcase_add_test(tc, test_root_owner_and_hangup_group_may_hang_up_others_may_not);
    suite_add_tcase(s, tc);
    return s;
}
