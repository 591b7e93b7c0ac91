/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bus-util.h"
#include "log.h"
#include "mount-pin.h"
#include "network-internal.h"
#include "network-state.h"
#include "util.h"

bool net_provider_runs_as_root(NetProvider provider) {
    /* sshfs runs as the caller: only what they could mount themselves */
    return provider == NET_PROVIDER_CIFS || provider == NET_PROVIDER_NFS;
}

static bool in_mount_group(Network *n, const BusSender *s) {
    if (s->euid == 0 || n->mount_anyone)
        return true;
    if (n->mount_gid == (gid_t) -1)
        return false;
    if (s->egid == n->mount_gid)
        return true;
    for (int i = 0; i < s->n_groups; i++)
        if (s->groups[i] == n->mount_gid)
            return true;
    return false;
}

int net_caller_get(Network *n, sd_bus_message *m, Caller *ret) {
    BusSender sender;
    struct passwd pw, *result = NULL;
    char buf[4096];
    int r;

    assert(n);
    assert(m);
    assert(ret);

    r = bus_sender_get(m, &sender);
    if (r < 0)
        return r;
    *ret = (Caller) { .uid = sender.euid, .gid = sender.egid, .may_mount_as_root = in_mount_group(n, &sender) };
    bus_sender_done(&sender);

    if (getpwuid_r(ret->uid, &pw, buf, sizeof buf, &result) == 0 && result) {
        ret->gid = pw.pw_gid;
        ret->name = strdup(pw.pw_name);
        ret->home = strdup(pw.pw_dir);
        if (!ret->name || !ret->home)
            return -ENOMEM;
    }
    if (ret->gid == (gid_t) -1)
        ret->gid = ret->uid == 0 ? 0 : (gid_t) 65534;
    return 0;
}

void net_caller_done(Caller *c) {
    free(c->name);
    free(c->home);
}

static UidLimits *limit_of(Network *n, NetLocalKind kind) {
    return kind == NET_LOCAL_PATH ? &n->paths : &n->deviceless;
}

static void connection_unlink(NetConnection *c) {
    Network *n = c->network;
    if (c->prev)
        c->prev->next = c->next;
    else if (n->connections == c)
        n->connections = c->next;
    if (c->next)
        c->next->prev = c->prev;
    c->prev = c->next = NULL;
}

NetConnection *net_connection_free(NetConnection *c) {
    if (!c)
        return NULL;
    connection_unlink(c);
    mount_helper_free(c->helper);
    if (c->counted_mounting)
        uid_limits_release(&c->network->mounting, c->uid);
    if (c->counted)
        uid_limits_release(limit_of(c->network, c->local_kind), c->uid);
    if (c->stage) {
        net_connection_abort(c);          /* a helper's mount left on the stage */
        (void) rmdir(c->stage);
    }
    safe_close(c->target_fd);
    if (c->credentials_path)
        (void) unlink(c->credentials_path);
    if (c->ssh_log_path)
        (void) unlink(c->ssh_log_path);
    safe_close(c->ssh_log_fd);
    if (c->made_mount_point && !c->mounted)
        (void) rmdir(c->mount_point);    /* fails while anything is mounted there */
    free(c->stage);
    free(c->credentials_path);
    free(c->ssh_log_path);
    sd_bus_message_unref(c->pending);
    free(c->local);
    net_remote_done(&c->remote);
    free(c->user);
    free(c->mount_point);
    free(c);
    return NULL;
}

int net_connection_new(Network *n, const Caller *caller, NetLocalKind kind, const char *local,
                       NetRemote *remote, const char *user, uint32_t flags, uint64_t ras_handle,
                       NetConnection **ret) {
    int r;

    /* drive letters are few by themselves; the rest is counted per user */
    if (kind != NET_LOCAL_DRIVE) {
        r = uid_limits_take(limit_of(n, kind), caller->uid);
        if (r < 0)
            return r;
    }
    NetConnection *c = calloc(1, sizeof *c);
    if (!c) {
        if (kind != NET_LOCAL_DRIVE)
            uid_limits_release(limit_of(n, kind), caller->uid);
        return -ENOMEM;
    }
    c->network = n;
    c->counted = kind != NET_LOCAL_DRIVE;
    c->ssh_log_fd = -1;
    c->target_fd = -1;
    c->uid = caller->uid;
    c->gid = caller->gid;
    c->local_kind = kind;
    c->local = strdup(strempty(local));
    c->user = strdup(strempty(user));
    c->flags = flags;
    c->ras_handle = ras_handle;
    c->remote = *remote;
    *remote = (NetRemote) {};
    c->next = n->connections;
    if (n->connections)
        n->connections->prev = c;
    n->connections = c;
    if (!c->local || !c->user) {
        net_connection_free(c);
        return -ENOMEM;
    }
    *ret = c;
    return 0;
}

NetConnection *net_find_local(Network *n, uid_t uid, const char *local) {
    for (NetConnection *c = n->connections; c; c = c->next)
        if (c->uid == uid && !isempty(c->local) && strcmp(c->local, local) == 0)
            return c;
    return NULL;
}

NetConnection *net_find_mnt_id(Network *n, uint64_t mnt_id) {
    for (NetConnection *c = n->connections; c; c = c->next)
        if (c->mounted && c->mnt_id == mnt_id)
            return c;
    return NULL;
}

/* Records the mounted connections for a restarted daemon to take back. */
void net_save_state(Network *n) {
    size_t count = 0, i = 0;
    for (NetConnection *c = n->connections; c; c = c->next)
        count += c->mounted;

    NetStateEntry *entries = calloc(count ?: 1, sizeof *entries);
    if (!entries) {
        log_oom();
        return;
    }
    for (NetConnection *c = n->connections; c; c = c->next)
        if (c->mounted)
            entries[i++] = (NetStateEntry) {
                .uid = c->uid, .gid = c->gid, .local = c->local, .remote = c->remote.canonical,
                .user = c->user, .mount_point = c->mount_point, .ras_handle = c->ras_handle,
                .flags = c->flags, .mnt_id = c->mnt_id,
            };
    /* absolute-path connections alone never made RUNTIME/wnet */
    int r = count > 0 ? net_ensure_runtime_dir(n) : 0;
    if (r >= 0)
        r = net_state_save(n->runtime_dir, entries, count);
    if (r < 0 && !(r == -ENOENT && count == 0))
        log_warning_errno(r, "Failed to record network connections in %s/wnet: %m", n->runtime_dir);
    free(entries);
}

/* Connections whose mount went away behind our back (fusermount -u,
 * sshfs died and someone cleaned up) are forgotten.  One read of the
 * mount table for all of them, by mount id: a renamed parent does not
 * make a mount vanish, and a mount that merely sits at the same path
 * does not keep a connection alive. */
void net_prune_vanished(Network *n) {
    _cleanup_(u64_map_done) U64Map ids = U64_MAP_INIT;
    bool changed = false, any = false;

    for (NetConnection *c = n->connections; c && !any; c = c->next)
        any = c->mounted;
    if (!any)
        return;
    if (mountinfo_ids(&ids) < 0)
        return;                          /* cannot tell: forget nothing */
    for (NetConnection *c = n->connections, *next; c; c = next) {
        next = c->next;
        if (c->mounted && !u64_map_get(&ids, c->mnt_id)) {
            log_info("Network connection %s on %s vanished.", c->remote.canonical, c->mount_point);
            c->mounted = false;
            net_connection_free(c);
            changed = true;
        }
    }
    if (changed)
        net_save_state(n);
}
