/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "mount-pin.h"
#include "network-internal.h"
#include "network-state.h"
#include "util.h"

/* Taking back what an earlier ppprasd mounted (RUNTIME_DIR/wnet/connections),
 * so that drives survive a daemon restart: only mounts the kernel still
 * has under the recorded id, of the provider's file system type, and for
 * a drive letter right where this daemon would have made it. */

/* Mount ids come back after a mount is gone: the one we take back must
 * at least be of the file system its provider makes. */
static bool mount_is_providers(uint64_t mnt_id, NetProvider provider) {
    _cleanup_(freep) char *fstype = NULL;
    if (mountinfo_find(mnt_id, NULL, &fstype) < 0)
        return false;
    switch (provider) {
    case NET_PROVIDER_CIFS:  return streq_ptr(fstype, "cifs") || streq_ptr(fstype, "smb3");
    case NET_PROVIDER_NFS:   return streq_ptr(fstype, "nfs") || streq_ptr(fstype, "nfs4");
    case NET_PROVIDER_SSHFS: return streq_ptr(fstype, "fuse.sshfs");
    default:                 return false;
    }
}

/* A connection an earlier ppprasd mounted: taken back when its mount is
 * still there and every name still checks out. */
static void adopt_connection(const NetStateEntry *e, void *userdata) {
    Network *n = userdata;
    _cleanup_(freep) char *local = NULL, *expected = NULL;
    NetLocalKind kind;
    NetRemote remote;
    NetConnection *c;
    Caller caller = { .uid = e->uid, .gid = e->gid };

    if (net_local_parse(e->local, &kind, &local) < 0 || !streq_ptr(local ?: "", e->local))
        return;
    if (net_remote_parse(e->remote, &remote) < 0)
        return;
    if (strcmp(remote.canonical, e->remote) != 0 || (*e->user && !net_user_is_valid(e->user, remote.provider)) ||
        !mount_is_providers(e->mnt_id, remote.provider) || net_find_mnt_id(n, e->mnt_id) ||
        (kind != NET_LOCAL_NONE && net_find_local(n, e->uid, local))) {
        net_remote_done(&remote);
        return;
    }

    /* the mount point must be where this daemon would have put it */
    if (kind == NET_LOCAL_PATH)
        expected = strdup(local);
    else if (kind == NET_LOCAL_DRIVE) {
        if (asprintf(&expected, "%s/wnet/%u/%c", n->runtime_dir, (unsigned) e->uid, local[0]) < 0)
            expected = NULL;
    } else {
        const char *at = strrchr(e->mount_point, '@');
        unsigned long long id = at ? strtoull(at + 1, NULL, 10) : 0;
        if (asprintf(&expected, "%s/wnet/%u/@%llu", n->runtime_dir, (unsigned) e->uid, id) < 0)
            expected = NULL;
        if (id > n->next_deviceless_id)
            n->next_deviceless_id = id;
    }
    if (!expected || strcmp(expected, e->mount_point) != 0) {
        net_remote_done(&remote);
        return;
    }
    /* a drive must still be right where we made it; an absolute path may
     * have moved with a renamed parent, the mount id finds it */
    uint64_t id;
    if (kind != NET_LOCAL_PATH && (mount_root_id_at(expected, &id) < 0 || id != e->mnt_id)) {
        net_remote_done(&remote);
        return;
    }

    if (net_connection_new(n, &caller, kind, local, &remote, e->user, e->flags, e->ras_handle, &c) < 0) {
        net_remote_done(&remote);
        return;
    }
    c->mount_point = TAKE_PTR(expected);
    c->made_mount_point = kind != NET_LOCAL_PATH;
    c->mounted = true;
    c->mnt_id = e->mnt_id;
    log_info("Took back network connection %s on %s for uid %u.", c->remote.canonical, c->mount_point,
             (unsigned) c->uid);
}

void net_adopt_recorded(Network *n) {
    assert(n);
    int r = net_state_load(n->runtime_dir, adopt_connection, n);
    if (r < 0)
        log_warning_errno(r, "Failed to read %s/wnet/connections, not taking mounts back: %m", n->runtime_dir);
}
