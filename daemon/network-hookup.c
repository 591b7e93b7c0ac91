/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>

#include "log.h"
#include "network-hookup.h"
#include "network.h"

/* A user may bind a network drive only to a connection that exists and
 * is theirs (root: any). */
static int may_bind(uint64_t ras_handle, uid_t uid, void *userdata) {
    Context *ctx = userdata;
    assert(ctx);
    const Connection *c = handle_table_get(&ctx->connections, ras_handle);
    if (!c)
        return -ENOENT;
    return uid == 0 || c->owner == uid ? 0 : -EPERM;
}

/* Mounts on a server behind this link would hang every process that
 * touches them once the link is gone: detach them first. */
static void before_link_down(Context *ctx, uint64_t handle, void *userdata) {
    assert(ctx);
    int n = network_before_link_hangup(ctx->network, handle);
    if (n > 0)
        log_info("Detached %d network drive%s bound to connection %016" PRIx64 ".", n, n == 1 ? "" : "s", handle);
}

int context_attach_network(Context *ctx) {
    assert(ctx);
    assert(!ctx->network);

    NetworkConfig config;
    network_config_init(&config);
    if (ctx->state_dir)
        config.state_dir = ctx->state_dir;
    if (ctx->runtime_dir)
        config.runtime_dir = ctx->runtime_dir;
    config.ssh_config = ctx->ssh_config;
    if (ctx->mount_group)
        config.mount_group = ctx->mount_group;
    config.ras_handle_check = may_bind;
    config.userdata = ctx;

    int r = network_new(&ctx->network, ctx->bus, ctx->event, &config);
    if (r < 0)
        return log_error_errno(r, "Failed to set up network drives: %m");
    ctx->before_link_down = before_link_down;
    ctx->before_link_down_userdata = NULL;
    return 0;
}

void context_detach_network(Context *ctx) {
    assert(ctx);
    ctx->before_link_down = NULL;
    ctx->network = network_free(ctx->network);
}
