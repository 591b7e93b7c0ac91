/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* ppprasd: the Windows RAS connection API for pppd, on the system bus. */

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <systemd/sd-daemon.h>
#include <systemd/sd-event.h>

#include "bus-setup.h"
#include "context.h"
#include "entry-access.h"
#include "log.h"
#include "peers-entry.h"
#include "options.h"
#include "pppras-bus.h"
#include "uid-limits.h"
#include "util.h"

static int run(int argc, char *argv[]) {
    DaemonOptions options;
    daemon_options_init(&options);
    int r = daemon_options_parse(&options, argc, argv);
    if (r <= 0) {
        daemon_options_done(&options);
        return r;
    }
    log_set_max_level(options.log_level);
    if (peers_set_l2tp_helper(options.l2tp_helper) < 0) {
        log_error("Invalid --l2tp-helper (an absolute path ending in pppras-l2tp): %s", options.l2tp_helper);
        daemon_options_done(&options);
        return -EINVAL;
    }

    /* A client that closes its notification pipe must not kill us. */
    signal(SIGPIPE, SIG_IGN);
    /* Room for every user's notifications with the reserve kept free. */
    log_debug("File descriptor limit: %zu.", fd_limit_raise());

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGCHLD);    /* sd-event's child sources, when there are no pidfds */
    sigprocmask(SIG_BLOCK, &mask, NULL);

    sd_event *event = NULL;
    r = sd_event_default(&event);
    if (r < 0) {
        daemon_options_done(&options);
        return log_error_errno(r, "Failed to allocate the event loop: %m");
    }

    /* outlives ctx, which borrows it */
    _cleanup_(freep) char *device_root = TAKE_PTR(options.device_root);

    Context ctx;
    r = context_init(&ctx, event, &options);
    sd_event_unref(event);      /* the Context holds its own reference */
    if (r >= 0)
        ctx.entry_gid = entry_access_lookup_group(options.entry_group);
    ctx.device_root = device_root;
    daemon_options_done(&options);
    if (r < 0) {
        context_done(&ctx);
        return log_error_errno(r, "Failed to set up: %m");
    }

    /* NULL handler: sd_event_exit() */
    r = sd_event_add_signal(ctx.event, NULL, SIGTERM, NULL, NULL);
    if (r >= 0)
        r = sd_event_add_signal(ctx.event, NULL, SIGINT, NULL, NULL);
    if (r >= 0)
        r = sd_event_set_watchdog(ctx.event, true);   /* no-op without WATCHDOG_USEC */
    if (r < 0) {
        context_done(&ctx);
        return log_error_errno(r, "Failed to set up the event loop: %m");
    }

    /* Connections from before a restart come back before anyone can ask. */
    (void) context_restore(&ctx);

    r = bus_setup(&ctx);
    if (r < 0) {
        context_done(&ctx);
        return r;
    }

    log_info("ppprasd %s serving %s.", PPPRAS_VERSION, PPPRAS_BUS_NAME);
    ctx.last_status_count = handle_table_size(&ctx.connections);
    (void) sd_notifyf(false, "READY=1\nSTATUS=Serving %zu connection%s.",
                      ctx.last_status_count, ctx.last_status_count == 1 ? "" : "s");

    r = sd_event_loop(ctx.event);
    (void) sd_notify(false, "STOPPING=1\nSTATUS=Shutting down.");
    if (r < 0)
        log_error_errno(r, "Event loop failed: %m");
    else if (r > 0)
        log_error("Lost the bus connection, exiting.");   /* exit-on-disconnect's code */
    context_done(&ctx);
    return r > 0 ? -ENOTCONN : r;
}

int main(int argc, char *argv[]) {
    return run(argc, argv) < 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
