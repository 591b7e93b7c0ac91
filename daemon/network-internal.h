/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What the files of the WNet half share (network.h is the outside view):
 * network.c the bus methods and lifecycle, network-table.c the
 * connections and their state file, network-mount.c the mount
 * choreography, network-adopt.c taking mounts back after a restart,
 * network-reply.c the error replies; mount-pin.c the fd-held mount and
 * unmount targets, uid-limits.c the per-user counts. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>

#include "mount-helper.h"
#include "network-name.h"
#include "network.h"
#include "uid-limits.h"
#include "u64-map.h"

typedef struct RestoreBatch RestoreBatch;
typedef struct NetConnection NetConnection;

struct NetConnection {
    Network *network;
    NetConnection *prev, *next;

    uid_t uid;
    gid_t gid;
    NetLocalKind local_kind;
    char *local;              /* canonical local name, "" for deviceless */
    NetRemote remote;
    char *user;               /* "" when none */
    char *mount_point;        /* where it was made; an absolute path may move later */
    bool made_mount_point;    /* ours to rmdir once unmounted */
    uint32_t flags;           /* CONNECT_* */
    uint64_t ras_handle;      /* 0: not bound to a RAS connection */
    bool mounted;
    uint64_t mnt_id;          /* once mounted: the only mount ever taken down for it */
    bool counted;             /* holds a deviceless or path slot of its uid */

    MountHelper *helper;      /* while mounting */
    bool counted_mounting;    /* holds a mounting slot of its uid */
    int target_fd;            /* absolute path: the pinned target, until the mount is moved onto it */
    char *stage;              /* absolute path: where the helper mounts (root-owned parent) */
    char *credentials_path;   /* CIFS credentials file, only while mounting */
    char *ssh_log_path;       /* ssh's own messages (ssh -E), only while mounting */
    int ssh_log_fd;           /* read through our fd: the file is the user's, and
                               * ppprasd runs without CAP_DAC_OVERRIDE */
    sd_bus_message *pending;  /* the AddConnection to answer */
    RestoreBatch *batch;      /* or the RestoreRemembered it belongs to */
};

struct RestoreBatch {
    sd_bus_message *message;
    unsigned pending, restored;
};

struct Network {
    sd_bus *bus;
    sd_event *event;
    sd_bus_slot *slot;
    char *state_dir, *runtime_dir, *ssh_config;
    uint64_t mount_timeout_usec;
    bool mount_anyone;        /* MountGroup= empty */
    gid_t mount_gid;          /* (gid_t) -1: no such group, root only */
    int (*ras_handle_check)(uint64_t ras_handle, uid_t uid, void *userdata);
    void *userdata;

    NetConnection *connections;
    uint64_t next_deviceless_id;
    uint64_t next_stage_id;
    UidLimits mounting;       /* mount helpers running, per uid */
    UidLimits deviceless;     /* connections without a local name, per uid */
    UidLimits paths;          /* connections on an absolute path, per uid */
};

/* The caller, as mount helpers and mount points need it. */
typedef struct Caller {
    uid_t uid;
    gid_t gid;
    char *name;              /* NULL when the uid has no passwd entry */
    char *home;
    bool may_mount_as_root;  /* in MountGroup (or root, or MountGroup= empty) */
} Caller;

/* network-reply.c */
int net_reply_code(sd_bus_message *m, uint32_t code);
int net_reply_profile_error(sd_bus_message *m, int error);
int net_reply_extended(sd_bus_message *m, NetProvider provider, int status, const char *text);

/* network-table.c */
int net_caller_get(Network *n, sd_bus_message *m, Caller *ret);
void net_caller_done(Caller *c);
/* -EDQUOT: the caller holds as many of this kind as allowed */
int net_connection_new(Network *n, const Caller *caller, NetLocalKind kind, const char *local,
                       NetRemote *remote, const char *user, uint32_t flags, uint64_t ras_handle,
                       NetConnection **ret);
NetConnection *net_connection_free(NetConnection *c);
NetConnection *net_find_local(Network *n, uid_t uid, const char *local);
NetConnection *net_find_mnt_id(Network *n, uint64_t mnt_id);
void net_save_state(Network *n);
/* Forgets connections whose mount went away: one read of the mount table. */
void net_prune_vanished(Network *n);
/* Whether provider runs as root and so needs MountGroup. */
bool net_provider_runs_as_root(NetProvider provider);

/* network-adopt.c: connections an earlier daemon recorded, taken back */
void net_adopt_recorded(Network *n);

/* network-mount.c */
/* Pins the target, starts the helper.  On failure the connection is
 * freed and the Win32 code to report is returned. */
uint32_t net_connection_start(Network *n, NetConnection *c, const Caller *caller, const char *password,
                              size_t password_size);
void net_restore_batch_step(RestoreBatch *b, bool restored);
/* Detaches whatever the connection has mounted (or half-mounted), now:
 * its link is about to go. */
void net_connection_abort(NetConnection *c);
int net_ensure_runtime_dir(Network *n);
