/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* org.pppras.Ras1.Network on /org/pppras/Ras1: the WNet half of pppras.
 * Network drive connections (CIFS, NFS, sshfs) per calling user, with
 * remembered connections in a per-user profile, optionally bound to a RAS
 * connection so that hanging the link up detaches its mounts first.
 * docs/dbus-api.md describes the interface; everything here is
 * self-contained and keeps its state in one Network struct. */

#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>

typedef struct Network Network;

typedef struct NetworkConfig {
    const char *state_dir;        /* --state-dir: profiles in STATE_DIR/wnet/UID.profile */
    const char *runtime_dir;      /* mount points RUNTIME_DIR/wnet/UID/Z, credential files */
    const char *ssh_config;       /* ssh_config(5) file for sshfs (-F), NULL: the user's own */
    uint64_t mount_timeout_usec;  /* a mount helper is killed after this */
    const char *mount_group;      /* MountGroup: who may have root mount CIFS/NFS; "" everyone */
    /* Optional: may uid bind a connection to RAS handle (non-zero)?  0: yes,
     * negative: no (AddConnection fails with InvalidHandle).  NULL: any
     * handle is accepted. */
    int (*ras_handle_check)(uint64_t ras_handle, uid_t uid, void *userdata);
    void *userdata;
} NetworkConfig;

#define NETWORK_STATE_DIR_DEFAULT      "/var/lib/pppras"
#define NETWORK_RUNTIME_DIR_DEFAULT    "/run/pppras"
#define NETWORK_MOUNT_TIMEOUT_DEFAULT  (90ULL * 1000000ULL)
#define NETWORK_MOUNT_GROUP_DEFAULT    "pppras"

/* Per user, not per bus connection: beyond these AddConnection (and
 * RestoreRemembered for its entries) fails with LimitExceeded
 * (ERROR_NOT_ENOUGH_QUOTA in the library).  Drive letters need no limit
 * of their own: there are 23 of them. */
#define NETWORK_MOUNTING_MAX           8    /* mount helpers running at once */
#define NETWORK_DEVICELESS_MAX         64   /* connections without a local name */
#define NETWORK_PATH_MAX               64   /* connections on an absolute path */

/* The defaults above, no ssh config, no handle check. */
void network_config_init(NetworkConfig *config);

/* Installs the interface on bus (which may be NULL in tests that call
 * nothing over the bus).  config's strings are copied. */
int network_new(Network **ret, sd_bus *bus, sd_event *event, const NetworkConfig *config);

/* Kills mount helpers still running and fails their callers; mounts that
 * are up stay up (the kernel holds them). */
Network *network_free(Network *n);

/* Call before the daemon hangs up RAS connection ras_handle, or when the
 * link dropped: every mount bound to it is detached at once and requests
 * stuck on its server are aborted, so no process blocks on a server that
 * is no longer reachable.  Returns how many connections were dropped. */
int network_before_link_hangup(Network *n, uint64_t ras_handle);
