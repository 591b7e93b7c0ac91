/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* All state of ppprasd in one place, freed by context_done(): the event
 * loop, the bus, the handle table and the notification registry; and the
 * connection lifecycle that ties them: create on Dial or Register, follow
 * the process, hang up, linger, retire; multilink bundles; the connection
 * table kept on disk across restarts. */

#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>

#include "connection.h"
#include "handle-table.h"
#include "network.h"
#include "u64-map.h"
#include "notify.h"
#include "options.h"

typedef struct Context Context;

/* Called before a link goes down on purpose (before SIGTERM) and when a
 * link dropped on its own, for the bundle's / single link's handle: the
 * place where the WNet module detaches what is bound to the connection. */
typedef void (*ContextLinkDownHook)(Context *ctx, uint64_t handle, void *userdata);

struct Context {
    sd_event *event;
    sd_bus *bus;                 /* NULL when driven without a bus (unit tests) */
    HandleTable connections;
    U64Map by_sender;            /* plugin's unique bus name (bus_unique_name_key) → Connection */
    NotifyRegistry *notify;

    uint64_t grace_usec, linger_usec, supervise_usec;
    gid_t hangup_gid;            /* (gid_t) -1: the group does not exist */
    gid_t dial_gid;              /* (gid_t) -1: no such group; dial_anyone: "" configured */
    bool dial_anyone;
    gid_t entry_gid;             /* may write phonebook entries; (gid_t) -1: no such group */
    const char *device_root;     /* RasEnumDevices' "/" (tests: a fake one); NULL: "/"; main() owns it */
    bool allow_fake_pids;        /* --test-allow-fake-pids: Link.Register's test_pid */
    char *phonebook_dir, *state_dir, *runtime_dir, *pppd_path, *plugin_path;
    char *ssh_config;            /* NULL: sshfs uses each user's own ssh configuration */
    char *mount_group;             /* MountGroup for network drives; NULL: the default */
    Network *network;            /* the WNet half, NULL until the bus is set up */

    ContextLinkDownHook before_link_down;
    void *before_link_down_userdata;

    sd_event_source *flush_source;   /* 0-delay defer: state file + STATUS=, coalesced */
    bool notify_dirty;               /* the notification table (fd-store.h) wants writing */
    size_t last_status_count;
};

/* Takes a reference on event.  Looks up the groups. */
int context_init(Context *ctx, sd_event *event, const DaemonOptions *options);
void context_done(Context *ctx);

/* Link.Register from pid: creates the connection or updates it (also the
 * one registered by info->previous_pid, which pid now continues). */
int context_link_register(Context *ctx, pid_t pid, uid_t owner, const LinkInfo *info, Connection **ret);

/* The plugin's unique bus name ":A.B" as a map key ((A << 32) | B);
 * 0 for anything else.  The bus never hands a unique name out twice. */
uint64_t bus_unique_name_key(const char *name);

/* Link.Register from sender: later reports from the same bus connection
 * are routed by name, with no credentials round trip, and still arrive
 * after pppd is gone (its Exit report often does). */
int context_link_set_sender(Context *ctx, Connection *c, const char *sender);
Connection *context_link_connection_by_sender(Context *ctx, const char *sender);

/* Link.Exit arrived for c (after connection_apply_exit): if pppd is
 * already gone and we were waiting for this report, finish now. */
void context_exit_reported(Context *ctx, Connection *c);

/* Link.Joined: c becomes a subentry of the connection owning ifname.
 * -ENOENT when no connection owns it (c then stands alone, Connected). */
int context_link_joined(Context *ctx, Connection *c, const char *ifname);

/* Link.Phase / hang-up: note what pppd started outside its session. */
void context_note_escaped(Context *ctx, Connection *c);

/* The connection of a live pppd, NULL for unknown pids. */
Connection *context_link_connection(Context *ctx, pid_t pid);

Connection *context_get_connection(Context *ctx, uint64_t handle);

/* Manager.Dial after the caller was checked.  0: a new pppd; 1: the
 * entry is connected already and *ret is that connection (Windows'
 * answer); -ENOENT: no such entry (or an invalid name); -EBUSY: the
 * entry is being dialled; -EDQUOT: the owner holds DIAL_HOLD_MAX_PER_UID
 * handles from Dial. */
typedef struct DialRequest {
    const char *entry;
    uid_t owner;
    const char *user, *password, *domain;    /* NULL: none */
    const char *phone;       /* the dial's number, server or service; NULL: the entry's */
    bool pppoe_service;      /* phone is a PPPoE service name */
    bool device_missing;     /* a modem entry whose device path is not there */
    const char *dialler;     /* the caller's unique bus name: holds the handle (dial-hold.h); NULL: not held */
} DialRequest;
int context_dial(Context *ctx, const DialRequest *req, Connection **ret);

/* Manager.HangUp after the caller was checked: starts the hang-up state
 * machine (for a bundle: of all its links), or retires a connection whose
 * pppd already ended. */
int context_hang_up(Context *ctx, Connection *c);

/* HangUp by handle: like context_hang_up(), except that a bundle's own
 * link handle (RasGetSubEntryHandle(h, 1)) ends only that link. */
int context_hang_up_handle(Context *ctx, Connection *c, uint64_t handle);

/* The handle of link n (1-based) of the bundle main belongs to; -ENOENT
 * when there is no such link. */
int context_subentry_handle(Context *ctx, Connection *main, unsigned n, uint64_t *ret);

/* Removes the handle for good: notifications, signals, object, memory. */
void context_retire(Context *ctx, Connection *c);

/* Multilink: the bundle's main connection for c (c itself when it is not
 * a subentry), the number of live links, and link n (1-based, join order). */
Connection *context_bundle_main(Context *ctx, Connection *c);
unsigned context_bundle_links(Context *ctx, Connection *main);
Connection *context_bundle_link(Context *ctx, Connection *main, unsigned n);

/* Is the caller allowed to dial (root, hang-up group, dial group)? */
bool context_may_dial(const Context *ctx, uid_t uid, gid_t gid, const gid_t *groups, size_t n_groups);

/* Something worth keeping changed: write the state file (and STATUS=)
 * once the current event is handled. */
void context_state_changed(Context *ctx);

/* Writes the state file now (no-op without a runtime directory). */
int context_save_state(Context *ctx);

/* Reads the state file and takes back every connection under its handle:
 * those whose pppd still runs, and those that ended (before the restart
 * or meanwhile) and are still held or lingering; call before the bus is
 * set up. */
int context_restore(Context *ctx);

/* Once the bus is there: takes back the notification registrations whose
 * fds systemd kept (fd-store.h), and fires RASCN_Disconnection for links
 * that ended while the daemon was away. */
int context_attach_notifications(Context *ctx);

/* Once the bus is there: holds restored Dial handles for their diallers
 * again (retires the ended ones whose dialler left meanwhile). */
int context_attach_holds(Context *ctx);
