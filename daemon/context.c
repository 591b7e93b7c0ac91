/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <grp.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <stdlib.h>
#include <systemd/sd-daemon.h>
#include <time.h>

#include "connection-iface.h"
#include "device-status.h"
#include "context.h"
#include "dial-hold.h"
#include "fd-store.h"
#include "network-hookup.h"
#include "exit-map.h"
#include "hangup.h"
#include "link-device.h"
#include "link-end-store.h"
#include "log.h"
#include "manager-iface.h"
#include "phase-map.h"
#include "phonebook.h"
#include "pppd-spawn.h"
#include "process-tree.h"
#include "process-watch.h"
#include "state-file.h"
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
        log_debug("Group \"%s\" does not exist; only root and owners may use what it grants.", name);
        return (gid_t) -1;
    }
    return g->gr_gid;
}

/* A registration began (fd) or ended (-1): systemd keeps its fd for the
 * next daemon, the runtime directory says whose it is. */
static void on_notify_changed(uint64_t id, int fd, void *userdata) {
    Context *ctx = userdata;
    assert(ctx);
    /* outside systemd there is nothing to keep, and nothing to write */
    if (!ctx->runtime_dir || !fd_store_enabled())
        return;
    if (fd >= 0)
        fd_store_put(id, fd);
    else
        fd_store_remove(id);
    ctx->notify_dirty = true;
    context_state_changed(ctx);
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
        .dial_gid = lookup_group(options->dial_group),
        .dial_anyone = options->dial_group && options->dial_group[0] == '\0',
        .allow_fake_pids = options->test_allow_fake_pids,
    };
    struct { char **field; const char *value; } strings[] = {
        { &ctx->phonebook_dir, options->phonebook_dir ?: DEFAULT_PHONEBOOK_DIR },
        { &ctx->state_dir,     options->state_dir },       /* NULL: no files (tests) */
        { &ctx->runtime_dir,   options->runtime_dir },
        { &ctx->pppd_path,     options->pppd_path ?: DEFAULT_PPPD_PATH },
        { &ctx->plugin_path,   options->plugin_path ?: PPPRAS_PLUGIN_PATH },
        { &ctx->ssh_config,    options->ssh_config },
        { &ctx->mount_group,   options->mount_group },
    };
    for (size_t i = 0; i < ELEMENTSOF(strings); i++)
        if (strings[i].value && !(*strings[i].field = strdup(strings[i].value)))
            return -ENOMEM;
    connection_set_phonebook_dir(ctx->phonebook_dir);

    /* Handles from the wall clock's µs: a restarted daemon counts on past
     * everything it handed out before, even without its state file. */
    handle_table_init(&ctx->connections, now_usec(CLOCK_REALTIME));
    int r = notify_registry_new(&ctx->notify);
    if (r < 0)
        return r;
    /* ids from the wall clock too: a restarted daemon's never meet its predecessor's */
    notify_registry_set_hook(ctx->notify, now_usec(CLOCK_REALTIME), on_notify_changed, ctx);
    return 0;
}

void context_done(Context *ctx) {
    assert(ctx);

    /* Keep what we know for the next start: pppd processes outlive us. */
    if (ctx->flush_source)
        (void) context_save_state(ctx);
    ctx->flush_source = sd_event_source_disable_unref(ctx->flush_source);
    handle_table_done(&ctx->connections);
    u64_map_done(&ctx->by_sender);
    ctx->notify = notify_registry_free(ctx->notify);
    context_detach_network(ctx);
    ctx->bus = sd_bus_flush_close_unref(ctx->bus);
    ctx->event = sd_event_unref(ctx->event);
    free(ctx->phonebook_dir);
    free(ctx->state_dir);
    free(ctx->runtime_dir);
    free(ctx->pppd_path);
    free(ctx->plugin_path);
    free(ctx->ssh_config);
    free(ctx->mount_group);
}

/* ---- persistence and STATUS= ---- */

int context_save_state(Context *ctx) {
    assert(ctx);

    if (!ctx->runtime_dir)
        return 0;
    if (ctx->notify_dirty) {
        int k = fd_store_save_table(ctx->runtime_dir, ctx->notify);
        if (k < 0)
            log_warning_errno(k, "Failed to write the notification table to %s: %m", ctx->runtime_dir);
        else
            ctx->notify_dirty = false;
    }
    int r = state_file_save(ctx->runtime_dir, &ctx->connections);
    if (r < 0)
        return log_warning_errno(r, "Failed to write the connection table to %s: %m", ctx->runtime_dir);
    return 0;
}

static size_t count_live(Context *ctx) {
    assert(ctx);
    size_t n = 0;
    HANDLE_TABLE_FOREACH(c, &ctx->connections)
        n += !c->process_gone;
    return n;
}

static int on_flush(sd_event_source *s, void *userdata) {
    Context *ctx = userdata;
    assert(ctx);

    (void) sd_event_source_set_enabled(s, SD_EVENT_OFF);
    (void) context_save_state(ctx);

    size_t n = count_live(ctx);
    if (n != ctx->last_status_count) {
        ctx->last_status_count = n;
        (void) sd_notifyf(false, "STATUS=Serving %zu connection%s.", n, n == 1 ? "" : "s");
    }
    return 0;
}

void context_state_changed(Context *ctx) {
    assert(ctx);

    /* One write per event-loop iteration, however many changes it made. */
    if (!ctx->flush_source) {
        int r = sd_event_add_defer(ctx->event, &ctx->flush_source, on_flush, ctx);
        if (r < 0) {
            log_warning_errno(r, "Failed to schedule a state write, writing now: %m");
            (void) context_save_state(ctx);
            return;
        }
        (void) sd_event_source_set_description(ctx->flush_source, "state-flush");
        /* after the bus work of this iteration */
        (void) sd_event_source_set_priority(ctx->flush_source, SD_EVENT_PRIORITY_IDLE);
    }
    (void) sd_event_source_set_enabled(ctx->flush_source, SD_EVENT_ONESHOT);
}

/* Network drives bound to a connection go before its link does: a mount
 * on a server that is no longer reachable would hang whoever touches it. */
static void link_down(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);
    /* Subentries leave the bundle's interface up: nothing bound to it goes. */
    if (ctx->before_link_down && c->bundle_handle == 0)
        ctx->before_link_down(ctx, c->handle, ctx->before_link_down_userdata);
}

/* ---- multilink ---- */

Connection *context_bundle_main(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);
    if (c->bundle_handle == 0)
        return c;
    return handle_table_get(&ctx->connections, c->bundle_handle) ?: c;
}

unsigned context_bundle_links(Context *ctx, Connection *main) {
    assert(ctx);
    assert(main);

    unsigned n = !main->process_gone;
    HANDLE_TABLE_FOREACH(c, &ctx->connections)
        n += c->bundle_handle == main->handle && !c->process_gone;
    return n;
}

Connection *context_bundle_link(Context *ctx, Connection *main, unsigned n) {
    assert(ctx);
    assert(main);

    if (n == 0)
        return NULL;
    if (n == 1)
        return main;
    /* the (n-1)-th subentry by join order */
    Connection *last = NULL;
    for (unsigned i = 2; i <= n; i++) {
        Connection *next = NULL;
        HANDLE_TABLE_FOREACH(c, &ctx->connections)
            if (c->bundle_handle == main->handle &&
                (!last || c->joined_seq > last->joined_seq) &&
                (!next || c->joined_seq < next->joined_seq))
                next = c;
        if (!next)
            return NULL;
        last = next;
    }
    return last;
}

static void bandwidth_changed(Context *ctx, Connection *main, bool added) {
    assert(ctx);
    assert(main);

    unsigned n = context_bundle_links(ctx, main);
    log_connection(LOG_INFO, main, "Bundle has %u link%s now.", n, n == 1 ? "" : "s");
    notify_registry_fire(ctx->notify, main->handle, added ? RASCN_BandwidthAdded : RASCN_BandwidthRemoved);
    if (ctx->bus)
        manager_iface_emit_bandwidth_changed(ctx->bus, main->handle, n, added);
    /* A bundle whose own pppd is gone is down once its last link is. */
    if (!added && n == 0 && main->bundle_disconnect_pending) {
        main->bundle_disconnect_pending = false;
        link_down(ctx, main);
        if (!main->disconnected_notified)
            notify_registry_fire(ctx->notify, main->handle, RASCN_Disconnection);
        main->disconnected_notified = true;
    }
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
        /* A bundle is down only when all its links are gone. */
        if (c->bundle_handle == 0 && context_bundle_links(ctx, c) > (c->process_gone ? 0u : 1u))
            c->bundle_disconnect_pending = true;
        else if (!c->disconnected_notified) {
            /* the link is down (peer, echo failure, pppd gone): detach first, so
             * whoever hears RASCN_Disconnection finds the drives gone */
            link_down(ctx, c);
            notify_registry_fire(ctx->notify, c->handle, RASCN_Disconnection);
            c->disconnected_notified = true;
        }
        c->connected_notified = false;
    }
    context_state_changed(ctx);
}

static void on_properties_changed(Connection *c, unsigned mask, void *userdata) {
    Context *ctx = userdata;
    assert(c);
    assert(ctx);

    if (ctx->bus)
        connection_iface_emit_changed(ctx->bus, c, mask);
    context_state_changed(ctx);
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
    /* ERROR_PPP_TIMEOUT, whatever pppd says about being terminated; but a
     * device still connecting never got as far as PPP: a PPPoE discovery
     * nobody answered is the device's error (651), however long it ran. */
    uint32_t device_error = c->state < RASCS_DeviceConnected ?
                            link_device_connect_error(link_device_kind(c->device_type, c->device)) : 0;
    c->supervisor_ended = true;
    c->exit_reported = true;
    c->exit_error = device_error ?: ERROR_PPP_TIMEOUT;
    int r = context_hang_up(ctx, c);
    if (r < 0)
        log_connection(LOG_ERR, c, "Failed to hang up: %s", strerror(-r));
    return 0;
}

void context_note_escaped(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);
    if (!c->dialled || c->process_gone)
        return;
    int r = process_tree_note_escaped(c->pid, &c->escaped, &c->n_escaped);
    if (r < 0)
        log_connection(LOG_DEBUG, c, "Could not scan pppd's processes: %s", strerror(-r));
}

/* Nothing pppd started outlives it (only for a pppd we started in its own
 * session: an adopted one may share its session with a login shell). */
static void kill_leftovers(Connection *c) {
    assert(c);
    if (!c->dialled)
        return;
    int n = process_tree_kill_session(c->pid) + process_tree_kill_listed(c->escaped, c->n_escaped);
    if (n > 0)
        log_connection(LOG_INFO, c, "Killed %i process%s pppd left behind.", n, n == 1 ? "" : "es");
    free(c->escaped);
    c->escaped = NULL;
    c->n_escaped = 0;
}

static uint32_t fallback_error(const Connection *c) {
    assert(c);
    if (c->hanging_up)
        return ERROR_USER_DISCONNECTION;
    if (c->wait_code == CLD_EXITED)
        return connection_exit_error(c, c->wait_status);
    /* No exit report: what the plugin saw -- an authentication failure,
     * or else the peer's orderly hang-up -- is the best account of how
     * the link ended. */
    if (c->auth_failed)
        return ERROR_AUTHENTICATION_FAILURE;
    if (c->peer_terminated)
        return ERROR_REMOTE_DISCONNECTION;
    return RAS_ERROR_PPPD_KILLED;
}

static void finish_process_gone(Connection *c);

/* A connection that ended on its own keeps its handle for usec more. */
static void linger(Context *ctx, Connection *c, uint64_t usec) {
    assert(ctx);
    assert(c);

    if (usec == 0) {
        context_retire(ctx, c);
        return;
    }
    int r = sd_event_add_time_relative(ctx->event, &c->linger_timer, CLOCK_MONOTONIC, usec, 0, on_linger_over, c);
    if (r < 0) {
        log_connection(LOG_ERR, c, "Failed to arm linger timer, retiring now: %s", strerror(-r));
        context_retire(ctx, c);
        return;
    }
    (void) sd_event_source_set_description(c->linger_timer, "linger");
}

/* What the plugin kept on disk of pppd's exit: the bus report may have
 * found no daemon. */
static bool apply_kept_exit(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    LinkEnd end;
    if (!ctx->runtime_dir || c->pid_start == 0 || c->exit_reported ||
        link_end_read(ctx->runtime_dir, c->pid, c->pid_start, &end) < 0)
        return false;
    if (end.auth_failed)
        c->auth_failed = true;
    connection_apply_exit(c, end.status, end.peer_terminated);
    if (end.ended_usec > 0)
        c->ended_at_usec = end.ended_usec;
    return true;
}

/* How long a vanished pppd's plugin may take to have its last reports
 * delivered.  Only a plugin that crashed mid-message comes near it. */
#define EXIT_WAIT_USEC (2 * USEC_PER_SEC)

static int on_exit_wait_over(sd_event_source *s, uint64_t usec, void *userdata) {
    finish_process_gone(userdata);
    return 0;
}

static int on_plugin_name_gone(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Connection *c = userdata;
    const char *name, *old_owner, *new_owner;
    if (sd_bus_message_read(m, "sss", &name, &old_owner, &new_owner) >= 0 && isempty(new_owner) &&
        streq_ptr(name, c->link_sender))
        finish_process_gone(c);
    return 0;
}

static int on_name_has_owner(sd_bus_message *reply, void *userdata, sd_bus_error *error) {
    Connection *c = userdata;
    int has = 1;
    c->exit_wait_query = sd_bus_slot_unref(c->exit_wait_query);
    if (sd_bus_message_is_method_error(reply, NULL) || sd_bus_message_read(reply, "b", &has) < 0 || !has)
        finish_process_gone(c);
    return 0;
}

/* pppd's Exit report and its process's end race each other to us: the
 * pidfd often wins.  Everything the plugin sent reaches us before the
 * bus's NameOwnerChanged for the plugin's connection, so wait for that
 * (bounded) before deciding the connection ended without a report. */
static int wait_for_last_reports(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    if (c->exit_reported || !c->link_sender || !ctx->bus)
        return -ENOENT;
    /* Only this plugin's name (arg0): any other client leaving the bus
     * meanwhile must not end the wait for this one's reports. */
    char match[256];
    snprintf(match, sizeof(match),
             "type='signal',sender='org.freedesktop.DBus',path='/org/freedesktop/DBus',"
             "interface='org.freedesktop.DBus',member='NameOwnerChanged',arg0='%s'", c->link_sender);
    int r = sd_bus_add_match(ctx->bus, &c->exit_wait_slot, match, on_plugin_name_gone, c);
    if (r >= 0)
        r = sd_event_add_time_relative(ctx->event, &c->exit_wait_timer, CLOCK_MONOTONIC,
                                       EXIT_WAIT_USEC, 0, on_exit_wait_over, c);
    if (r < 0) {
        c->exit_wait_slot = sd_bus_slot_unref(c->exit_wait_slot);
        return r;
    }
    log_connection(LOG_DEBUG, c, "pppd is gone; waiting for the last reports of %s.", c->link_sender);
    /* The name may be gone already: ask, after the match is in place. */
    r = sd_bus_call_method_async(ctx->bus, &c->exit_wait_query, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                 "org.freedesktop.DBus", "NameHasOwner", on_name_has_owner, c,
                                 "s", c->link_sender);
    return r < 0 ? r : 0;
}

static void on_process_gone(Connection *c) {
    assert(c);
    Context *ctx = c->userdata;

    if (!c->exit_wait_timer && wait_for_last_reports(ctx, c) >= 0)
        return;
    finish_process_gone(c);
}

/* The Exit report arrived while we waited for it. */
void context_exit_reported(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);
    if (c->exit_wait_timer)
        finish_process_gone(c);
}

static void finish_process_gone(Connection *c) {
    assert(c);
    Context *ctx = c->userdata;

    if (c->process_gone)
        return;
    /* A modem's chat status or a device program's error code
     * (device-status.h): read and removed whatever pppd's end, it names
     * the device's answer when pppd exited failing, reported or not. */
    if (c->dialled && ctx->runtime_dir) {
        uint32_t e = device_dial_error(ctx->runtime_dir, c->pid);
        c->device_error = c->device_error ?: e;
        if (c->wait_code == CLD_EXITED && connection_device_error_explains(c, c->wait_status) &&
            c->exit_reported)
            c->exit_error = c->device_error;
    }
    c->exit_wait_timer = sd_event_source_disable_unref(c->exit_wait_timer);
    c->exit_wait_slot = sd_bus_slot_unref(c->exit_wait_slot);
    c->exit_wait_query = sd_bus_slot_unref(c->exit_wait_query);
    handle_table_forget_pid(&ctx->connections, c);
    c->supervise_timer = sd_event_source_disable_unref(c->supervise_timer);
    c->kill_timer = sd_event_source_disable_unref(c->kill_timer);
    connection_drop_secrets(c);
    kill_leftovers(c);
    c->ended_at_usec = now_usec(CLOCK_REALTIME);
    if (!c->hanging_up)
        (void) apply_kept_exit(ctx, c);

    if (c->wait_code == CLD_EXITED)
        log_connection(LOG_DEBUG, c, "pppd exited with status %i.", c->wait_status);
    else if (c->wait_code != 0)
        log_connection(LOG_DEBUG, c, "pppd died of signal %i.", c->wait_status);

    /* Hung up on request: the caller knows, the handle goes.  Ended by the
     * supervisor: it lingers, so the dialler can read 718. */
    bool hung_up = c->hanging_up && !c->supervisor_ended;
    if (!c->hanging_up)
        link_down(ctx, c);
    connection_apply_process_gone(c, fallback_error(c));

    Connection *main = c->bundle_handle ? handle_table_get(&ctx->connections, c->bundle_handle) : NULL;
    if (main)
        bandwidth_changed(ctx, main, false);

    if (hung_up) {
        log_connection(LOG_INFO, c, "pppd is gone, hang-up complete.");
        context_retire(ctx, c);
        return;
    }

    log_connection(LOG_INFO, c, "pppd is gone (error %u).", c->error);
    if (dial_hold_active(c)) {
        log_connection(LOG_INFO, c, "Held for its dialler %s until RasHangUp.", c->dialler);
        return;
    }
    linger(ctx, c, ctx->linger_usec);
}

/* The process that dialled is gone: its ended handles go with it (a
 * live link carries on, and lingers when it ends). */
static void on_dialler_gone(Connection *c) {
    assert(c);
    Context *ctx = c->userdata;
    if (!c->process_gone)
        return;
    context_retire(ctx, c);
}

int context_attach_notifications(Context *ctx) {
    assert(ctx);
    assert(ctx->bus);

    if (ctx->runtime_dir) {
        StoredRegistrations s;
        int r = fd_store_load(ctx->runtime_dir, &s);
        if (r < 0)
            return log_warning_errno(r, "Failed to read the notification table: %m");
        size_t taken = 0;
        for (size_t i = 0; i < s.n; i++) {
            StoredRegistration *reg = &s.items[i];
            if (reg->fd < 0)
                continue;
            int fd = TAKE_FD(reg->fd);
            if (reg->handle != NOTIFY_ALL_CONNECTIONS && !context_get_connection(ctx, reg->handle))
                r = -ENOENT;    /* its handle was retired meanwhile */
            else
                r = notify_registry_readd(ctx->notify, ctx->bus, reg->owner, reg->uid, reg->handle, reg->flags, fd,
                                          reg->id);
            if (r < 0) {
                log_debug_errno(r, "Registration %" PRIu64 " of %s not taken back: %m", reg->id, reg->owner);
                fd_store_remove(reg->id);
                continue;
            }
            taken++;
        }
        if (s.n > 0)
            log_info("Took back %zu of %zu notification registration%s.", taken, s.n, s.n == 1 ? "" : "s");
        stored_registrations_done(&s);
        ctx->notify_dirty = true;
        context_state_changed(ctx);
    }

    /* Links that ended while we were away: RASCN_Disconnection now, to
     * whoever registered for it before the restart. */
    HANDLE_TABLE_FOREACH(c, &ctx->connections)
        if (c->process_gone && !c->disconnected_notified) {
            notify_registry_fire(ctx->notify, c->handle, RASCN_Disconnection);
            c->disconnected_notified = true;
        }
    return 0;
}

int context_attach_holds(Context *ctx) {
    assert(ctx);
    assert(ctx->bus);

    Connection *next;
    for (Connection *c = ctx->connections.oldest; c; c = next) {
        next = c->newer;
        if (!c->dialler || c->dialler_track)
            continue;
        _cleanup_(freep) char *dialler = TAKE_PTR(c->dialler);
        if (dial_hold_start(c, ctx->bus, dialler, on_dialler_gone) >= 0)
            continue;
        log_connection(LOG_INFO, c, "Its dialler %s left while we were away: the handle is no longer held.",
                       dialler);
        if (c->process_gone)
            linger(ctx, c, 0);
    }
    return 0;
}

/* ---- lifecycle ---- */

/* A new handle reaches the state file before the reply that hands it out:
 * the deferred write comes after the bus work, so a daemon killed in
 * between came back without the handle and gave the same pppd another.
 * One appended line, not the whole table: registering 10,000 links must
 * not write 10,000 tables. */
static void persist_new_handle(Context *ctx, const Connection *c) {
    assert(ctx);
    assert(c);

    if (!ctx->runtime_dir)
        return;
    int r = state_file_append(ctx->runtime_dir, c);
    if (r == -ENOENT)
        (void) context_save_state(ctx);
    else if (r < 0)
        log_warning_errno(r, "Failed to add connection %016" PRIx64 " to the table in %s: %m",
                          c->handle, ctx->runtime_dir);
}

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

static void arm_supervisor(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    if (ctx->supervise_usec == 0 || !c->dialled || c->state == RASCS_Connected || c->process_gone)
        return;
    int r = sd_event_add_time_relative(ctx->event, &c->supervise_timer, CLOCK_MONOTONIC,
                                       ctx->supervise_usec, 0, on_supervise_timeout, c);
    if (r < 0)
        log_connection(LOG_WARNING, c, "Failed to arm supervise timer: %s", strerror(-r));
    else
        (void) sd_event_source_set_description(c->supervise_timer, "supervise");
}

/* pppd forked to detach (updetach): the child carries on the link that the
 * parent registered.  Moves that connection to the new pid. */
static Connection *adopt_previous(Context *ctx, pid_t pid, pid_t previous) {
    assert(ctx);

    Connection *c = handle_table_get_by_pid(&ctx->connections, previous);
    if (!c)   /* the parent's exit may have been seen already */
        HANDLE_TABLE_FOREACH(i, &ctx->connections)
            if (i->pid == previous && i->process_gone && !i->exit_reported && !i->hanging_up) {
                c = i;
                break;
            }
    if (!c)
        return NULL;

    process_watch_stop(c);
    handle_table_forget_pid(&ctx->connections, c);
    c->linger_timer = sd_event_source_disable_unref(c->linger_timer);
    Connection *taken = handle_table_remove(&ctx->connections, c);
    taken->pid = pid;
    taken->pid_start = 0;    /* a new process: process_watch_start() records it */
    taken->process_gone = false;
    taken->is_child = false;
    taken->wait_code = taken->wait_status = 0;
    /* back in (at the end of the creation order; acceptable for a rare move) */
    if (handle_table_add(&ctx->connections, taken) < 0) {
        connection_free(taken);
        return NULL;
    }
    if (process_watch_start(taken, ctx->event, on_process_gone) < 0)
        log_connection(LOG_WARNING, taken, "Failed to watch pppd after it detached.");
    log_connection(LOG_INFO, taken, "pppd %i continues as %i.", (int) previous, (int) pid);
    if (ctx->bus)
        connection_iface_emit_changed(ctx->bus, taken, CONNECTION_PROPERTY_PID);
    context_state_changed(ctx);
    return taken;
}

int context_link_register(Context *ctx, pid_t pid, uid_t owner, const LinkInfo *info, Connection **ret) {
    assert(ctx);
    assert(info);
    assert(pid > 0);

    Connection *c = handle_table_get_by_pid(&ctx->connections, pid);
    if (!c && info->previous_pid > 1 && info->previous_pid != pid)
        c = adopt_previous(ctx, pid, info->previous_pid);
    if (c) {
        int r = connection_apply_register(c, info);
        if (r < 0)
            return r;
        context_note_escaped(ctx, c);
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

    if (ctx->bus)
        connection_iface_emit_added(ctx->bus, c);
    on_state_entered(c, ctx);    /* followers see RASCS_OpenPort too */

    r = connection_apply_register(c, info);
    log_connection(LOG_INFO, c, "New connection for pppd %i (entry \"%s\").", (int) pid, c->entry_name);
    persist_new_handle(ctx, c);
    if (gone)
        on_process_gone(c);
    if (r < 0)
        return r;    /* the connection stands; the update was incomplete */
    if (ret)
        *ret = gone ? NULL : c;
    return 0;
}

int context_link_joined(Context *ctx, Connection *c, const char *ifname) {
    assert(ctx);
    assert(c);

    Connection *main = NULL;
    if (!isempty(ifname))
        HANDLE_TABLE_FOREACH(i, &ctx->connections)
            if (i != c && !i->process_gone && i->bundle_handle == 0 && streq_ptr(i->ifname, ifname)) {
                main = i;
                break;
            }
    if (main && c->bundle_handle != main->handle) {
        c->bundle_handle = main->handle;
        c->joined_seq = now_usec(CLOCK_MONOTONIC);
        log_connection(LOG_INFO, c, "Joined the bundle of %016" PRIx64 " on %s.", main->handle, ifname);
    }
    int r = connection_apply_joined(c, ifname);
    if (r < 0)
        return r;
    if (main)
        bandwidth_changed(ctx, main, true);
    context_state_changed(ctx);
    return main ? 0 : -ENOENT;
}

Connection *context_link_connection(Context *ctx, pid_t pid) {
    assert(ctx);
    return handle_table_get_by_pid(&ctx->connections, pid);
}

Connection *context_get_connection(Context *ctx, uint64_t handle) {
    assert(ctx);
    return handle_table_get(&ctx->connections, handle);
}

bool context_may_dial(const Context *ctx, uid_t uid, gid_t gid, const gid_t *groups, size_t n_groups) {
    assert(ctx);
    assert(groups || n_groups == 0);

    if (uid == 0 || ctx->dial_anyone)
        return true;
    /* owner (gid_t) -1 never matches: only the groups count */
    return hangup_caller_allowed(uid, gid, groups, n_groups, (uid_t) -1, ctx->hangup_gid) ||
           hangup_caller_allowed(uid, gid, groups, n_groups, (uid_t) -1, ctx->dial_gid);
}

int context_dial(Context *ctx, const DialRequest *req, Connection **ret) {
    assert(ctx);
    assert(req);
    assert(ret);

    int r = phonebook_entry_check(ctx->phonebook_dir, req->entry);
    if (r < 0)
        return r == -ENOENT ? -ENOENT : log_error_errno(r, "Failed to look up entry in %s: %m", ctx->phonebook_dir);

    /* As Windows: an entry that is up already is success with the handle
     * of its connection; one still being dialled is ERROR_DIAL_ALREADY_IN_PROGRESS. */
    HANDLE_TABLE_FOREACH(i, &ctx->connections)
        if (!i->process_gone && !i->hanging_up && streq_ptr(i->entry, req->entry)) {
            if (i->state != RASCS_Connected)
                return -EBUSY;
            *ret = i;
            return 1;
        }
    if (req->dialler && dial_hold_count(&ctx->connections, req->owner) >= DIAL_HOLD_MAX_PER_UID)
        return -EDQUOT;

    /* pppd knows only its own peers directory by name; any other
     * phonebook's entries are read as option files, which pppd run by
     * root trusts like its own. */
    char *entry_file = NULL;
    if (!streq_ptr(ctx->phonebook_dir, PPPD_PEERS_DIR) && !streq_ptr(ctx->phonebook_dir, PPPD_PEERS_DIR "/") &&
        asprintf(&entry_file, "%s/%s", ctx->phonebook_dir, req->entry) < 0)
        return -ENOMEM;
    PppdSpawn spawn = { .pppd_path = ctx->pppd_path, .plugin_path = ctx->plugin_path, .entry = req->entry,
                        .entry_file = entry_file, .runtime_dir = ctx->runtime_dir,
                        .phone = req->phone, .pppoe_service = req->pppoe_service };
    pid_t pid;
    int pidfd;
    r = pppd_spawn(&spawn, &pid, &pidfd);
    free(entry_file);
    if (r < 0)
        return log_error_errno(r, "Failed to start %s: %m", ctx->pppd_path);

    Connection *c;
    r = connection_create(ctx, pid, req->owner, &c);
    if (r < 0) {
        (void) kill(pid, SIGKILL);
        safe_close(pidfd);
        return r;
    }
    c->dialled = c->is_child = true;
    c->pidfd = pidfd;
    c->device_missing = req->device_missing;
    if (ctx->runtime_dir) {
        r = device_status_prepare(ctx->runtime_dir, pid);
        if (r < 0)
            log_warning_errno(r, "Failed to prepare the device status of pid %i: %m", (int) pid);
    }
    LinkInfo info = LINK_INFO_INIT;
    info.entry = req->entry;
    r = connection_apply_register(c, &info);
    if (r >= 0)
        r = connection_set_secrets(c, req->user, req->password, req->domain);
    if (r >= 0)
        r = process_watch_start(c, ctx->event, on_process_gone);
    if (r < 0) {
        (void) process_signal(c, SIGKILL);
        connection_free(handle_table_remove(&ctx->connections, c));
        return r;
    }
    arm_supervisor(ctx, c);
    if (ctx->bus && req->dialler) {
        r = dial_hold_start(c, ctx->bus, req->dialler, on_dialler_gone);
        if (r < 0)    /* it left already: the linger rule, as for any link */
            log_connection(LOG_DEBUG, c, "Not held for %s: %s", req->dialler, strerror(-r));
    }

    if (ctx->bus)
        connection_iface_emit_added(ctx->bus, c);
    on_state_entered(c, ctx);    /* RASCS_OpenPort */
    log_connection(LOG_INFO, c, "Dialling: started %s as pid %i for uid %u.", ctx->pppd_path, (int) pid,
                   (unsigned) req->owner);
    persist_new_handle(ctx, c);
    *ret = c;
    return 0;
}

static int hang_up_one(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    if (!c->hanging_up && !c->process_gone) {
        link_down(ctx, c);
        context_note_escaped(ctx, c);
    }
    int r = hangup_start(c, ctx->event, ctx->grace_usec);
    if (r < 0)
        return r;
    if (r == HANGUP_RETIRE_NOW)
        context_retire(ctx, c);
    else if (!process_watch_check_gone(c))    /* gone already: over (retired) now */
        context_state_changed(ctx);
    return 0;
}

/* RasGetSubEntryHandle(h, n): Windows gives every subentry a handle of its
 * own, distinct from the connection's; link 1's is the main connection's
 * link_handle, the others' their own connection handle. */
int context_subentry_handle(Context *ctx, Connection *main, unsigned n, uint64_t *ret) {
    assert(ctx);
    assert(main);
    assert(ret);

    Connection *link = context_bundle_link(ctx, main, n);
    if (!link)
        return -ENOENT;
    if (link != main) {
        *ret = link->handle;
        return 0;
    }
    int r = handle_table_add_link_handle(&ctx->connections, main);
    if (r < 0)
        return r;
    *ret = main->link_handle;
    return 0;
}

/* HangUp on the bundle's own link only (its link_handle) while other
 * links are attached: SIGHUP ends that pppd's link but not the pppd, which
 * keeps the interface as the bundle master (PHASE_MASTER: still Connected);
 * SIGTERM would end the whole bundle. */
static int hang_up_master_link(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);
    if (c->process_gone || c->hanging_up)
        return 0;
    int r = process_signal(c, SIGHUP);
    if (r < 0 && r != -ESRCH)
        return r;
    log_connection(LOG_INFO, c, "Hanging up the bundle master's own link: SIGHUP sent.");
    bandwidth_changed(ctx, c, false);
    return 0;
}

int context_hang_up_handle(Context *ctx, Connection *c, uint64_t handle) {
    assert(ctx);
    assert(c);

    if (handle != 0 && handle == c->link_handle && context_bundle_links(ctx, c) > 1)
        return hang_up_master_link(ctx, c);
    return context_hang_up(ctx, c);
}

int context_hang_up(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    /* The bundle's handle ends every link; a subentry's only its own. */
    if (c->bundle_handle == 0) {
        Connection *next;
        for (Connection *i = ctx->connections.oldest; i; i = next) {
            next = i->newer;
            if (i->bundle_handle == c->handle && !i->process_gone && !i->hanging_up) {
                int r = hang_up_one(ctx, i);
                if (r < 0)
                    log_connection(LOG_ERR, i, "Failed to hang up bundle link: %s", strerror(-r));
            }
        }
    }
    return hang_up_one(ctx, c);
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
    uint64_t key = bus_unique_name_key(c->link_sender);
    if (key && u64_map_get(&ctx->by_sender, key) == c)
        u64_map_remove(&ctx->by_sender, key);
    log_connection_forget(c->handle);
    if (ctx->runtime_dir && c->pid_start != 0)
        link_end_remove(ctx->runtime_dir, c->pid, c->pid_start);
    connection_free(handle_table_remove(&ctx->connections, c));
    context_state_changed(ctx);
}

/* ---- the plugin's bus connection ---- */

uint64_t bus_unique_name_key(const char *name) {
    unsigned long a, b;
    int end = 0;
    if (!name || sscanf(name, ":%lu.%lu%n", &a, &b, &end) != 2 || name[end] != '\0' ||
        a > UINT32_MAX || b > UINT32_MAX || (a == 0 && b == 0))
        return 0;
    return ((uint64_t) a << 32) | b;
}

int context_link_set_sender(Context *ctx, Connection *c, const char *sender) {
    assert(ctx);
    assert(c);

    uint64_t key = bus_unique_name_key(sender);
    if (!key)
        return 0;             /* not a unique name: credentials every time */
    uint64_t old = bus_unique_name_key(c->link_sender);
    if (old == key)
        return 0;
    if (old && u64_map_get(&ctx->by_sender, old) == c)
        u64_map_remove(&ctx->by_sender, old);
    int r = free_and_strdup(&c->link_sender, sender);
    if (r < 0)
        return r;
    return u64_map_put(&ctx->by_sender, key, c);
}

Connection *context_link_connection_by_sender(Context *ctx, const char *sender) {
    assert(ctx);
    uint64_t key = bus_unique_name_key(sender);
    return key ? u64_map_get(&ctx->by_sender, key) : NULL;
}

/* ---- restart ---- */

/* The pppd of a saved connection still runs, and is that pppd: the same
 * start time (when known) and a pppd (not a recycled pid). */
static bool still_runs(Context *ctx, const Connection *c) {
    assert(ctx);
    assert(c);
    if (c->process_gone)
        return false;
    /* Only the pppd that was recorded, not whoever took its pid since:
     * the start time names it (process_watch_start() checks it again once
     * the pidfd holds the process).  Records from before start times were
     * kept only name a process the daemon's own user runs (root: pppd runs
     * as root); a user's process on a recycled pid never qualifies. */
    if (!process_is_pppd(c->pid, ctx->pppd_path))
        return false;
    if (c->pid_start != 0)
        return process_identity_check(c->pid, c->pid_start) >= 0;
    return process_runs_as(c->pid, geteuid());
}

/* A connection that ended before the restart, or while the daemon was
 * away: back as RASCS_Disconnected with the dwError it ended with (kept
 * by the plugin when the daemon could not hear it), for what is left of
 * its linger time. */
static int restore_ended(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    uint64_t now = now_usec(CLOCK_REALTIME);
    if (!c->process_gone) {
        /* Hung up on request: the caller knew, the handle was to go. */
        if (c->hanging_up)
            return -ESRCH;
        bool kept = apply_kept_exit(ctx, c);
        if (!kept)
            c->ended_at_usec = now;
        connection_apply_process_gone(c, fallback_error(c));
        log_connection(LOG_INFO, c, "pppd %i ended while we were away (%s, error %u).", (int) c->pid,
                       kept ? "its exit status was kept" : "no exit status", c->error);
        /* RASCN_Disconnection once the registrations are back
         * (context_attach_notifications) */
        c->disconnected_notified = false;
    } else
        c->disconnected_notified = true;    /* the old daemon told */
    c->connected_notified = false;
    connection_set_observer(c, &context_observer, ctx);
    int r = handle_table_add(&ctx->connections, c);
    if (r < 0)
        return r;

    uint64_t since = c->ended_at_usec && now > c->ended_at_usec ? now - c->ended_at_usec : 0;
    log_connection(LOG_INFO, c, "Restored, ended (error %u).", c->error);
    if (c->dialler)
        return 0;    /* held while its dialler is on the bus: context_attach_holds() */
    if (ctx->linger_usec > since)
        linger(ctx, c, ctx->linger_usec - since);
    else
        context_retire(ctx, c);    /* its time was over while we were away */
    return 0;
}

static int restore_one(Context *ctx, Connection *c) {
    assert(ctx);
    assert(c);

    if (handle_table_get(&ctx->connections, c->handle) ||
        (!c->process_gone && handle_table_get_by_pid(&ctx->connections, c->pid)))
        return -EEXIST;
    if (!still_runs(ctx, c))
        return restore_ended(ctx, c);

    bool hanging_up = c->hanging_up;
    c->hanging_up = false;
    c->is_child = false;    /* the old daemon was its parent: the pidfd tells its end */
    connection_set_observer(c, &context_observer, ctx);
    int r = handle_table_add(&ctx->connections, c);
    if (r < 0)
        return r;
    r = process_watch_start(c, ctx->event, on_process_gone);
    if (r < 0) {
        handle_table_remove(&ctx->connections, c);
        return r;
    }
    log_connection(LOG_INFO, c, "Restored (pppd %i, %s).", (int) c->pid, strempty(ras_state_name(c->state)));
    arm_supervisor(ctx, c);
    if (hanging_up) {
        /* the hang-up was under way: see it through */
        r = context_hang_up(ctx, c);
        if (r < 0)
            log_connection(LOG_ERR, c, "Failed to resume the hang-up: %s", strerror(-r));
    }
    return 0;
}

static bool keep_link_end(pid_t pid, uint64_t start_time, void *userdata) {
    Context *ctx = userdata;
    assert(ctx);
    HANDLE_TABLE_FOREACH(c, &ctx->connections)
        if (c->pid == pid && c->pid_start == start_time)
            return true;
    return false;
}

int context_restore(Context *ctx) {
    assert(ctx);

    if (!ctx->runtime_dir)
        return 0;
    StateFile s;
    int r = state_file_load(ctx->runtime_dir, &s);
    if (r < 0)
        return log_warning_errno(r, "Failed to read the connection table in %s: %m", ctx->runtime_dir);

    if (s.next_handle > ctx->connections.next_handle)
        ctx->connections.next_handle = s.next_handle;
    size_t restored = 0;
    for (size_t i = 0; i < s.n_connections; i++) {
        Connection *c = s.connections[i];
        if (c->handle >= ctx->connections.next_handle)
            ctx->connections.next_handle = c->handle + 1;
        r = restore_one(ctx, c);
        if (r < 0) {
            log_info("Connection %016" PRIx64 " (pppd %i) is gone, dropped.", c->handle, (int) c->pid);
            continue;
        }
        s.connections[i] = NULL;    /* the table owns it now */
        restored++;
    }
    for (size_t i = 0; i < s.n_connections; i++)
        connection_free(s.connections[i]);
    free(s.connections);
    /* pppd's endings kept for handles that are gone now: not needed */
    r = link_end_prune(ctx->runtime_dir, keep_link_end, ctx);
    if (r < 0)
        log_debug_errno(r, "Failed to clean up %s/" LINK_END_DIR ": %m", ctx->runtime_dir);

    if (s.n_connections > 0)
        log_info("Restored %zu of %zu connection%s.", restored, s.n_connections, s.n_connections == 1 ? "" : "s");
    context_state_changed(ctx);
    return 0;
}
