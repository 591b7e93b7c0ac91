/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <time.h>

#include "connection-iface.h"
#include "context.h"
#include "exit-map.h"
#include "hangup.h"
#include "log.h"
#include "manager-iface.h"
#include "phase-map.h"
#include "process-watch.h"
#include "util.h"

static uint64_t now_usec(clockid_t clock) {
    struct timespec ts;
    if (clock_gettime(clock, &ts) < 0)
        return 0;
    return (uint64_t) ts.tv_sec * USEC_PER_SEC + (uint64_t) ts.tv_nsec / 1000;
}

static gid_t lookup_group(const char *name) {
    if (isempty(name))
        return (gid_t) -1;

    errno = 0;
    struct group *g = getgrnam(name);
    if (!g) {
        log_debug("Hang-up group \"%s\" does not exist; only root and owners may hang up.", name);
        return (gid_t) -1;
    }
    return g->gr_gid;
}

int context_init(Context *ctx, sd_event *event, const DaemonOptions *options) {
    assert(ctx);
    assert(event);
    assert(options);

    *ctx = (Context) {
        .event = sd_event_ref(event),
        .grace_usec = options->grace_usec,
        .linger_usec = options->linger_usec,
        .supervise_usec = options->supervise_usec,
        .hangup_gid = lookup_group(options->hangup_group),
    };
    /* Handles from the wall clock's µs: a restarted daemon counts on past
     * everything it handed out before (unless the clock jumped back). */
    handle_table_init(&ctx->connections, now_usec(CLOCK_REALTIME));
    return notify_registry_new(&ctx->notify);
}

void context_done(Context *ctx) {
    assert(ctx);

    handle_table_done(&ctx->connections);
    ctx->notify = notify_registry_free(ctx->notify);
    ctx->bus = sd_bus_flush_close_unref(ctx->bus);
    ctx->event = sd_event_unref(ctx->event);
}

/* ---- what a connection's state machine tells us ---- */

static void on_state_entered(Connection *c, void *userdata) {
    Context *ctx = userdata;
    assert(c);
    assert(ctx);

    log_connection(LOG_DEBUG, c, "State %s, error %u.", strempty(ras_state_name(c->state)), c->error);
    if (ctx->bus)
        manager_iface_emit_state_changed(ctx->bus, c);

    if (c->state == RASCS_Connected) {
        c->supervise_timer = sd_event_source_disable_unref(c->supervise_timer);
        log_connection(LOG_INFO, c, "Connected (%s, %s → %s).",
                       strempty(c->ifname), strempty(c->local), strempty(c->remote));
        if (!c->connected_notified)
            notify_registry_fire(ctx->notify, c->handle, RASCN_Connection);
        c->connected_notified = true;
        c->disconnected_notified = false;
    } else if (c->state == RASCS_Disconnected) {
        if (!c->disconnected_notified)
            notify_registry_fire(ctx->notify, c->handle, RASCN_Disconnection);
        c->disconnected_notified = true;
        c->connected_notified = false;
    }
}

static void on_properties_changed(Connection *c, unsigned mask, void *userdata) {
    Context *ctx = userdata;
    assert(c);
    assert(ctx);

    if (ctx->bus)
        connection_iface_emit_changed(ctx->bus, c, mask);
}

static const ConnectionObserver context_observer = {
    .state_entered = on_state_entered,
    .properties_changed = on_properties_changed,
};

/* ---- timers and the process ---- */

static int on_linger_over(sd_event_source *s, uint64_t usec, void *userdata) {
    Connection *c = userdata;
    assert(c);
    context_retire(c->userdata, c);
    return 0;
}

static int on_supervise_timeout(sd_event_source *s, uint64_t usec, void *userdata) {
    Connection *c = userdata;
    assert(c);

    Context *ctx = c->userdata;
    c->supervise_timer = sd_event_source_disable_unref(c->supervise_timer);
    if (c->state == RASCS_Connected || c->hanging_up || c->process_gone)
        return 0;
    log_connection(LOG_WARNING, c, "Not connected after the supervise timeout, hanging up.");
    int r = context_hang_up(ctx, c);
    if (r < 0)
        log_connection(LOG_ERR, c, "Failed to hang up: %s", strerror(-r));
    return 0;
}

static void on_process_gone(Connection *c) {
    assert(c);
    Context *ctx = c->userdata;

    handle_table_forget_pid(&ctx->connections, c);
    c->supervise_timer = sd_event_source_disable_unref(c->supervise_timer);
    c->kill_timer = sd_event_source_disable_unref(c->kill_timer);

    if (c->hanging_up) {
        /* We asked it to go: without an Exit report it still ended on our request. */
        connection_apply_process_gone(c, ERROR_USER_DISCONNECTION);
        log_connection(LOG_INFO, c, "pppd is gone, hang-up complete.");
        context_retire(ctx, c);
        return;
    }

    connection_apply_process_gone(c, RAS_ERROR_PPPD_KILLED);
    log_connection(LOG_INFO, c, "pppd is gone (error %u).", c->error);
    if (ctx->linger_usec == 0) {
        context_retire(ctx, c);
        return;
    }
    int r = sd_event_add_time_relative(ctx->event, &c->linger_timer, CLOCK_MONOTONIC,
                                       ctx->linger_usec, 0, on_linger_over, c);
    if (r < 0) {
        log_connection(LOG_ERR, c, "Failed to arm linger timer, retiring now: %s", strerror(-r));
        context_retire(ctx, c);
        return;
    }
    (void) sd_event_source_set_description(c->linger_timer, "linger");
}

/* ---- lifecycle ---- */

static int connection_create(Context *ctx, pid_t pid, uid_t owner, Connection **ret) {
    assert(ctx);
    assert(ret);

    Connection *c;
    int r = connection_new(&c, handle_table_new_handle(&ctx->connections), pid, owner,
                           now_usec(CLOCK_REALTIME));
    if (r < 0)
        return r;
    connection_set_observer(c, &context_observer, ctx);

    r = handle_table_add(&ctx->connections, c);
    if (r < 0) {
        connection_free(c);
        return r;
    }
    *ret = c;
    return 0;
}

int context_link_register(Context *ctx, pid_t pid, uid_t owner, const LinkInfo *info, Connection **ret) {
    assert(ctx);
    assert(info);
    assert(pid > 0);

    Connection *c = handle_table_get_by_pid(&ctx->connections, pid);
    if (c) {
        int r = connection_apply_register(c, info);
        if (r < 0)
            return r;
        if (ret)
            *ret = c;
        return 0;
    }

    int r = connection_create(ctx, pid, owner, &c);
    if (r < 0)
        return r;

    bool gone = false;
    r = process_watch_start(c, ctx->event, on_process_gone);
    if (r == -ESRCH)
        gone = true;   /* it reported and exited already: what it said still counts */
    else if (r < 0) {
        connection_free(handle_table_remove(&ctx->connections, c));
        return log_error_errno(r, "Failed to watch pppd process %i: %m", (int) pid);
    }

    if (ctx->supervise_usec > 0 && !gone) {
        r = sd_event_add_time_relative(ctx->event, &c->supervise_timer, CLOCK_MONOTONIC,
                                       ctx->supervise_usec, 0, on_supervise_timeout, c);
        if (r < 0)
            log_connection(LOG_WARNING, c, "Failed to arm supervise timer: %s", strerror(-r));
    }

    if (ctx->bus)
        connection_iface_emit_added(ctx->bus, c);
    on_state_entered(c, ctx);    /* followers see RASCS_OpenPort too */

    r = connection_apply_register(c, info);
    log_connection(LOG_INFO, c, "New connection for pppd %i (entry \"%s\").", (int) pid, c->entry_name);
    if (gone)
        on_process_gone(c);
    if (r < 0)
        return r;    /* the connection stands; the update was incomplete */
    if (ret)
        *ret = gone ? NULL : c;
    return 0;
}

Connection *context_link_connection(Context *ctx, pid_t pid) {
    assert(ctx);
    return handle_table_get_by_pid(&ctx->connections, pid);
}

Connection *context_get_connection(Context *ctx, uint64_t handle) {
    assert(ctx);
    return handle_table_get(&ctx->connections, handle);
}

int context_hang_up(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    int r = hangup_start(c, ctx->event, ctx->grace_usec);
    if (r < 0)
        return r;
    if (r == HANGUP_RETIRE_NOW)
        context_retire(ctx, c);
    return 0;
}

void context_retire(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    /* "hEvent is signaled when the hrasconn connection is terminated" —
     * also when it never reached Disconnected on the way. */
    if (!c->disconnected_notified)
        notify_registry_fire(ctx->notify, c->handle, RASCN_Disconnection);
    c->disconnected_notified = true;

    log_connection(LOG_INFO, c, "Handle retired.");
    if (ctx->bus) {
        connection_iface_emit_removed(ctx->bus, c);
        manager_iface_emit_connection_removed(ctx->bus, c->handle);
    }
    notify_registry_drop_handle(ctx->notify, c->handle);
    connection_free(handle_table_remove(&ctx->connections, c));
}
