/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bus-util.h"
#include "client-fd.h"
#include "log.h"
#include "mount-unmount.h"
#include "network-internal.h"
#include "network-profile.h"
#include "pppras-bus.h"
#include "util.h"
#include "winnetwk.h"

/* The org.pppras.Ras1.Network methods, their vtable, and the lifecycle
 * (taking mounts back after a restart, link hang-up).  Enumeration
 * scopes on the bus: RESOURCE_CONNECTED, RESOURCE_REMEMBERED. */

void network_config_init(NetworkConfig *config) {
    assert(config);
    *config = (NetworkConfig) {
        .state_dir = NETWORK_STATE_DIR_DEFAULT,
        .runtime_dir = NETWORK_RUNTIME_DIR_DEFAULT,
        .mount_timeout_usec = NETWORK_MOUNT_TIMEOUT_DEFAULT,
        .mount_group = NETWORK_MOUNT_GROUP_DEFAULT,
    };
}

/* ---------------------------------------------------------------- methods */

/* Another connection (anybody's) already made or making at path. */
static NetConnection *find_path(Network *n, const char *path) {
    for (NetConnection *c = n->connections; c; c = c->next)
        if (c->local_kind == NET_LOCAL_PATH && strcmp(c->local, path) == 0)
            return c;
    return NULL;
}

/* The password from the caller's pipe or socket: at most size bytes.
 * The client controls the fd (and shares its open file with us), so only
 * kinds that cannot stall us in the file system are read, and each read
 * is bounded (client-fd.h): a writer that keeps its end open and sends
 * nothing more ends the password where it stopped, it never holds the
 * event loop.  A file is refused: one on the caller's FUSE mount would
 * block a read until the server answers. */
static int read_password(int fd, char *buf, size_t size, size_t *ret_size) {
    ClientFdKind kind = client_fd_kind(fd);
    size_t got = 0;

    if (kind != CLIENT_FD_PIPE && kind != CLIENT_FD_SOCKET)
        return -EBADF;
    while (got < size) {
        ssize_t k = client_fd_read(fd, buf + got, size - got);
        if (k == -EAGAIN || k == 0)
            break;
        if (k < 0)
            return (int) k;
        got += (size_t) k;
    }
    *ret_size = got;
    return 0;
}

static char free_drive_letter(Network *n, uid_t uid) {
    for (char l = 'Z'; l >= 'D'; l--) {
        char name[3] = { l, ':', '\0' };
        if (!net_find_local(n, uid, name))
            return l;
    }
    return '\0';
}

static int method_add_connection(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    const char *remote_s, *local_s, *user_s;
    int password_fd;
    uint32_t flags;
    uint64_t ras_handle;
    _cleanup_(net_caller_done) Caller caller = {};
    _cleanup_(freep) char *local = NULL;
    NetLocalKind kind;
    NetRemote remote;
    NetConnection *c;
    char password[257];
    size_t password_size = 0;
    uint32_t code;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "ssshut", &remote_s, &local_s, &user_s, &password_fd, &flags, &ras_handle);
    if (r < 0)
        return r;
    r = net_caller_get(n, m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    net_prune_vanished(n);

    r = net_remote_parse(remote_s, &remote);
    if (r == -ENOMEM)
        return bus_reply_errno(m, r);
    if (r < 0)
        return net_reply_code(m, ERROR_BAD_NET_NAME);

    /* from here on remote is ours until a connection takes it */
    r = net_local_parse(local_s, &kind, &local);
    if (r < 0 || (kind == NET_LOCAL_NONE && (flags & CONNECT_REDIRECT))) {
        if (r >= 0) {
            char drive[3] = { free_drive_letter(n, caller.uid), ':', '\0' };
            if (drive[0] == '\0') {
                net_remote_done(&remote);
                return net_reply_code(m, ERROR_ALREADY_ASSIGNED);
            }
            local = strdup(drive);
            kind = NET_LOCAL_DRIVE;
            r = local ? 0 : -ENOMEM;
        }
        if (r < 0) {
            net_remote_done(&remote);
            return r == -ENOMEM ? bus_reply_errno(m, r) : net_reply_code(m, ERROR_BAD_DEVICE);
        }
    }

    code = 0;
    if (!isempty(user_s) && !net_user_is_valid(user_s, remote.provider))
        code = ERROR_BAD_USERNAME;
    else if (read_password(password_fd, password, sizeof password, &password_size) < 0 ||
             !net_password_is_valid(password, password_size))
        code = ERROR_INVALID_PASSWORD;
    else if (ras_handle != 0 && n->ras_handle_check && n->ras_handle_check(ras_handle, caller.uid, n->userdata) < 0)
        code = ERROR_INVALID_HANDLE;
    else if (kind != NET_LOCAL_NONE && net_find_local(n, caller.uid, local))
        code = ERROR_ALREADY_ASSIGNED;
    else if (kind == NET_LOCAL_PATH && find_path(n, local))
        code = ERROR_ALREADY_ASSIGNED;
    if (code != 0) {
        explicit_bzero(password, sizeof password);
        net_remote_done(&remote);
        return net_reply_code(m, code);
    }

    if (kind == NET_LOCAL_NONE)
        /* a deviceless connection to the same resource is shared, as on Windows */
        for (c = n->connections; c; c = c->next)
            if (c->uid == caller.uid && c->local_kind == NET_LOCAL_NONE &&
                strcmp(c->remote.canonical, remote.canonical) == 0 && c->mounted) {
                explicit_bzero(password, sizeof password);
                net_remote_done(&remote);
                return sd_bus_reply_method_return(m, "s", "");
            }

    /* the profile must be usable before anything is mounted */
    if ((flags & CONNECT_UPDATE_PROFILE) && kind != NET_LOCAL_NONE) {
        _cleanup_(profile_done) Profile p = {};
        r = profile_load(n->state_dir, caller.uid, &p);
        if (r < 0) {
            explicit_bzero(password, sizeof password);
            net_remote_done(&remote);
            return net_reply_profile_error(m, r);
        }
    }

    r = net_connection_new(n, &caller, kind, local, &remote,
                           !isempty(user_s) ? user_s : remote.user, flags, ras_handle, &c);
    if (r < 0) {
        explicit_bzero(password, sizeof password);
        net_remote_done(&remote);
        return r == -EDQUOT ? net_reply_code(m, ERROR_NOT_ENOUGH_QUOTA) : bus_reply_errno(m, r);
    }
    c->pending = sd_bus_message_ref(m);

    code = net_connection_start(n, c, &caller, password, password_size);
    explicit_bzero(password, sizeof password);
    if (code != 0)
        return net_reply_code(m, code);         /* c is gone */
    return 1;                               /* answered by on_mount_done */
}

static int method_cancel_connection(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    const char *name;
    uint32_t flags;
    int force;
    _cleanup_(net_caller_done) Caller caller = {};
    _cleanup_(freep) char *local = NULL;
    _cleanup_(profile_done) Profile profile = {};
    NetConnection *c = NULL;
    NetLocalKind kind = NET_LOCAL_NONE;
    bool forgotten = false;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "sub", &name, &flags, &force);
    if (r < 0)
        return r;
    r = net_caller_get(n, m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);
    if (isempty(name))
        return net_reply_code(m, ERROR_NOT_CONNECTED);

    net_prune_vanished(n);

    /* a local device cancels only that redirection; a remote name only
     * the connections without a device (seed page) */
    if (net_local_parse(name, &kind, &local) >= 0 && kind != NET_LOCAL_NONE) {
        c = net_find_local(n, caller.uid, local);
    } else {
        NetRemote remote;
        if (net_remote_parse(name, &remote) < 0)
            return net_reply_code(m, ERROR_NOT_CONNECTED);
        for (NetConnection *i = n->connections; i; i = i->next)
            if (i->uid == caller.uid && i->local_kind == NET_LOCAL_NONE &&
                strcmp(i->remote.canonical, remote.canonical) == 0) {
                c = i;
                break;
            }
        net_remote_done(&remote);
        kind = NET_LOCAL_NONE;
    }
    if (c && !c->mounted)
        c = NULL;                  /* still mounting: not a connection yet */

    if ((flags & CONNECT_UPDATE_PROFILE) && kind != NET_LOCAL_NONE) {
        r = profile_load(n->state_dir, caller.uid, &profile);
        if (r < 0)
            return net_reply_profile_error(m, r);
        forgotten = profile_find(&profile, local) != NULL;
    }

    if (!c && !forgotten)
        return net_reply_code(m, ERROR_NOT_CONNECTED);

    if (c) {
        MountUse use = MOUNT_USE_NONE;
        r = mount_unmount(c->mount_point, c->mnt_id, force, &use);
        if (r == -EBUSY)
            return net_reply_code(m, use == MOUNT_USE_OPEN_FILES ? ERROR_OPEN_FILES : ERROR_DEVICE_IN_USE);
        if (r < 0)
            return bus_reply_errno(m, r);
        log_info("Unmounted %s from %s for uid %u%s.", c->remote.canonical, c->mount_point,
                 (unsigned) c->uid, force ? " (forced)" : "");
        c->mounted = false;
        net_connection_free(c);
        net_save_state(n);
    }

    if (forgotten) {
        (void) profile_remove(&profile, local);
        r = profile_save(n->state_dir, caller.uid, &profile);
        if (r < 0)
            return net_reply_profile_error(m, r);
    }
    return sd_bus_reply_method_return(m, "");
}

static int method_get_connection(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    const char *name;
    _cleanup_(net_caller_done) Caller caller = {};
    _cleanup_(freep) char *local = NULL;
    _cleanup_(profile_done) Profile profile = {};
    NetLocalKind kind;
    NetConnection *c;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "s", &name);
    if (r < 0)
        return r;
    r = net_caller_get(n, m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    r = net_local_parse(name, &kind, &local);
    if (r == -ENOMEM)
        return bus_reply_errno(m, r);
    if (r < 0 || kind == NET_LOCAL_NONE)
        return net_reply_code(m, ERROR_BAD_DEVICE);

    net_prune_vanished(n);
    c = net_find_local(n, caller.uid, local);
    if (c && c->mounted)
        return sd_bus_reply_method_return(m, "sb", c->remote.canonical, 1);

    /* remembered but not connected: the caller still learns the name */
    if (profile_load(n->state_dir, caller.uid, &profile) >= 0) {
        const ProfileEntry *e = profile_find(&profile, local);
        if (e)
            return sd_bus_reply_method_return(m, "sb", e->remote, 0);
    }
    return net_reply_code(m, ERROR_NOT_CONNECTED);
}

static int append_entry(sd_bus_message *reply, const char *local, const char *remote, const char *user,
                        const char *provider, const char *mount_point) {
    return sd_bus_message_append(reply, "(sssss)", local, remote, user, provider, mount_point);
}

static int method_enum_connections(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    _cleanup_(sd_bus_message_unrefp) sd_bus_message *reply = NULL;
    _cleanup_(net_caller_done) Caller caller = {};
    _cleanup_(profile_done) Profile profile = {};
    uint32_t scope;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "u", &scope);
    if (r < 0)
        return r;
    if (scope != RESOURCE_CONNECTED && scope != RESOURCE_REMEMBERED)
        return bus_reply_invalid_parameter(m);
    r = net_caller_get(n, m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    if (scope == RESOURCE_REMEMBERED) {
        r = profile_load(n->state_dir, caller.uid, &profile);
        if (r < 0)
            return net_reply_profile_error(m, r);
    } else
        net_prune_vanished(n);

    r = sd_bus_message_new_method_return(m, &reply);
    if (r >= 0)
        r = sd_bus_message_open_container(reply, 'a', "(sssss)");

    if (scope == RESOURCE_CONNECTED) {
        /* oldest first: the list is newest first */
        NetConnection *last = n->connections;
        while (last && last->next)
            last = last->next;
        for (NetConnection *c = last; c && r >= 0; c = c->prev)
            if (c->uid == caller.uid && c->mounted)
                r = append_entry(reply, c->local, c->remote.canonical, c->user,
                                 net_provider_to_string(c->remote.provider), c->mount_point);
    } else
        for (size_t i = 0; i < profile.n_entries && r >= 0; i++) {
            NetRemote remote;
            const char *provider = "";
            if (net_remote_parse(profile.entries[i].remote, &remote) >= 0) {
                provider = net_provider_to_string(remote.provider);
                net_remote_done(&remote);
            }
            r = append_entry(reply, profile.entries[i].local, profile.entries[i].remote,
                             profile.entries[i].user, provider, "");
        }

    if (r >= 0)
        r = sd_bus_message_close_container(reply);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_send(NULL, reply, NULL);
}

static int method_restore_remembered(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    _cleanup_(net_caller_done) Caller caller = {};
    _cleanup_(profile_done) Profile profile = {};
    RestoreBatch *batch;
    int r;

    assert(m);
    assert(n);

    r = net_caller_get(n, m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);
    r = profile_load(n->state_dir, caller.uid, &profile);
    if (r < 0)
        return net_reply_profile_error(m, r);

    net_prune_vanished(n);

    batch = calloc(1, sizeof *batch);
    if (!batch)
        return bus_reply_errno(m, -ENOMEM);
    batch->message = sd_bus_message_ref(m);
    batch->pending = 1;          /* held until every mount has started */

    for (size_t i = 0; i < profile.n_entries; i++) {
        const ProfileEntry *e = &profile.entries[i];
        NetLocalKind kind;
        _cleanup_(freep) char *local = NULL;
        NetRemote remote;
        NetConnection *c;

        if (net_find_local(n, caller.uid, e->local))
            continue;                    /* connected (or connecting) already */
        if (net_local_parse(e->local, &kind, &local) < 0 || net_remote_parse(e->remote, &remote) < 0)
            continue;                    /* profile_load validated it: only ENOMEM */
        if (net_connection_new(n, &caller, kind, local, &remote, e->user, 0, 0, &c) < 0) {
            net_remote_done(&remote);
            continue;
        }
        c->batch = batch;
        batch->pending++;
        if (net_connection_start(n, c, &caller, NULL, 0) != 0)
            batch->pending--;            /* c is gone; logged */
    }
    net_restore_batch_step(batch, false);
    return 1;
}

static const sd_bus_vtable network_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD_WITH_NAMES("AddConnection", "ssshut",
                             SD_BUS_PARAM(remote) SD_BUS_PARAM(local) SD_BUS_PARAM(user)
                             SD_BUS_PARAM(password_fd) SD_BUS_PARAM(flags) SD_BUS_PARAM(ras_handle),
                             "s", SD_BUS_PARAM(local_assigned),
                             method_add_connection, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("CancelConnection", "sub",
                             SD_BUS_PARAM(name) SD_BUS_PARAM(flags) SD_BUS_PARAM(force),
                             "", , method_cancel_connection, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("GetConnection", "s", SD_BUS_PARAM(local),
                             "sb", SD_BUS_PARAM(remote) SD_BUS_PARAM(connected),
                             method_get_connection, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("EnumConnections", "u", SD_BUS_PARAM(scope),
                             "a(sssss)", SD_BUS_PARAM(connections),
                             method_enum_connections, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("RestoreRemembered", "", ,
                             "u", SD_BUS_PARAM(restored),
                             method_restore_remembered, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_VTABLE_END,
};

/* ---------------------------------------------------------------- lifecycle */

static gid_t lookup_group(const char *name) {
    if (isempty(name))
        return (gid_t) -1;
    struct group *g = getgrnam(name);
    if (!g) {
        log_debug("Group \"%s\" does not exist; only root may have CIFS and NFS drives mounted.", name);
        return (gid_t) -1;
    }
    return g->gr_gid;
}

int network_new(Network **ret, sd_bus *bus, sd_event *event, const NetworkConfig *config) {
    Network *n;
    int r;

    assert(ret);
    assert(event);
    assert(config);
    assert(config->state_dir);
    assert(config->runtime_dir);

    n = calloc(1, sizeof *n);
    if (!n)
        return -ENOMEM;
    n->event = sd_event_ref(event);
    n->bus = sd_bus_ref(bus);
    n->mount_timeout_usec = config->mount_timeout_usec;
    n->mount_anyone = config->mount_group && config->mount_group[0] == '\0';
    n->mount_gid = lookup_group(config->mount_group);
    n->mounting = UID_LIMITS_INIT(NETWORK_MOUNTING_MAX);
    n->deviceless = UID_LIMITS_INIT(NETWORK_DEVICELESS_MAX);
    n->paths = UID_LIMITS_INIT(NETWORK_PATH_MAX);
    n->ras_handle_check = config->ras_handle_check;
    n->userdata = config->userdata;
    n->state_dir = strdup(config->state_dir);
    n->runtime_dir = strdup(config->runtime_dir);
    n->ssh_config = config->ssh_config ? strdup(config->ssh_config) : NULL;
    if (!n->state_dir || !n->runtime_dir || (config->ssh_config && !n->ssh_config)) {
        network_free(n);
        return -ENOMEM;
    }

    net_adopt_recorded(n);

    if (bus) {
        r = sd_bus_add_object_vtable(bus, &n->slot, PPPRAS_ROOT_PATH, PPPRAS_NETWORK_IFACE, network_vtable, n);
        if (r < 0) {
            network_free(n);
            return r;
        }
    }
    *ret = n;
    return 0;
}

Network *network_free(Network *n) {
    if (!n)
        return NULL;
    while (n->connections) {
        NetConnection *c = n->connections;
        if (c->pending)
            (void) net_reply_code(c->pending, ERROR_NO_NETWORK);
        if (c->batch) {
            RestoreBatch *b = TAKE_PTR(c->batch);
            net_restore_batch_step(b, false);
        }
        net_connection_free(c);
    }
    uid_limits_done(&n->mounting);
    uid_limits_done(&n->deviceless);
    uid_limits_done(&n->paths);
    sd_bus_slot_unref(n->slot);
    sd_bus_unref(n->bus);
    sd_event_unref(n->event);
    free(n->state_dir);
    free(n->runtime_dir);
    free(n->ssh_config);
    free(n);
    return NULL;
}

int network_before_link_hangup(Network *n, uint64_t ras_handle) {
    int dropped = 0;

    assert(n);

    if (ras_handle == 0)
        return 0;
    for (NetConnection *c = n->connections, *next; c; c = next) {
        next = c->next;
        if (c->ras_handle != ras_handle)
            continue;
        if (c->helper) {
            /* still mounting over a link about to die: give up now */
            _cleanup_(sd_bus_message_unrefp) sd_bus_message *m = TAKE_PTR(c->pending);
            if (m)
                (void) net_reply_extended(m, c->remote.provider, -ENETDOWN, "the RAS connection was hung up");
            if (c->batch)
                net_restore_batch_step(TAKE_PTR(c->batch), false);
            c->helper = mount_helper_free(c->helper);
            net_connection_abort(c);
        } else if (c->mounted) {
            net_connection_abort(c);
            log_info("Detached %s from %s: its RAS connection is hanging up.", c->remote.canonical,
                     c->mount_point);
        }
        c->mounted = false;
        net_connection_free(c);
        dropped++;
    }
    if (dropped > 0)
        net_save_state(n);
    return dropped;
}

