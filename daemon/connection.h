/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* One pppd and its RAS state: the connection state machine.  Pure C: the
 * functions here change the Connection and tell an observer what changed
 * (synchronously, in order); the bus side turns that into signals.  Event
 * sources and the pidfd live here too, but are driven by process-watch.c
 * and hangup.c. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>
#include <systemd/sd-event.h>

#include "process-tree.h"
#include "ras.h"

typedef struct Connection Connection;

/* Bits of Connection properties that changed (for PropertiesChanged). */
typedef enum ConnectionProperty {
    CONNECTION_PROPERTY_ENTRY_NAME     = 1u << 0,
    CONNECTION_PROPERTY_DEVICE_TYPE    = 1u << 1,
    CONNECTION_PROPERTY_DEVICE_NAME    = 1u << 2,
    CONNECTION_PROPERTY_PHONE_NUMBER   = 1u << 3,
    CONNECTION_PROPERTY_STATE          = 1u << 4,
    CONNECTION_PROPERTY_ERROR          = 1u << 5,
    CONNECTION_PROPERTY_INTERFACE      = 1u << 6,
    CONNECTION_PROPERTY_LOCAL_ADDRESS  = 1u << 7,
    CONNECTION_PROPERTY_REMOTE_ADDRESS = 1u << 8,
    CONNECTION_PROPERTY_PID            = 1u << 9,
    CONNECTION_PROPERTY_OWNER          = 1u << 10,
} ConnectionProperty;

typedef struct ConnectionObserver {
    /* c->state (and c->error) hold the state just entered.  Called once
     * per state, in order; also when a Disconnected connection learns its
     * dwError (state unchanged, error new), so followers see the error. */
    void (*state_entered)(Connection *c, void *userdata);
    /* mask: ConnectionProperty bits. */
    void (*properties_changed)(Connection *c, unsigned mask, void *userdata);
} ConnectionObserver;

/* What the plugin reports in Register / IpUp (all optional; NULL: not sent). */
typedef struct LinkInfo {
    const char *entry;
    const char *ipparam;
    const char *device;
    const char *device_type;
    const char *phone;
    const char *ifname;
    const char *local;
    const char *remote;
    const char *bundle;
    const char *dns1;
    const char *dns2;
    int phase;             /* -1: not sent */
    int multilink;         /* -1: not sent, else 0/1 */
    int previous_pid;      /* -1: not sent */
} LinkInfo;

#define LINK_INFO_INIT ((LinkInfo) { .phase = -1, .multilink = -1, .previous_pid = -1 })

/* pppd's counters (Link.Stats at exit, or the interface's while it is up). */
typedef struct LinkStats {
    uint64_t bytes_in, bytes_out, packets_in, packets_out;
    uint32_t connect_time_ms;
} LinkStats;

struct Connection {
    uint64_t handle;
    pid_t pid;
    uint64_t pid_start;          /* pid's start time (/proc/PID/stat field 22): (pid, pid_start)
                                  * names one process; 0 until process_watch_start() */
    uid_t owner;
    uint64_t started_at_usec;    /* CLOCK_REALTIME */
    uint64_t ended_at_usec;      /* CLOCK_REALTIME when pppd was found gone; 0: running */

    RASCONNSTATE state;
    RASCONNSUBSTATE substate;
    int last_phase;              /* pppd's phase as last applied; -1: none yet */
    uint32_t error;              /* dwError */

    char *entry, *ipparam, *device, *device_type, *phone;
    char *ifname, *local, *remote, *bundle;
    bool multilink;
    char *entry_name;            /* derived: entry, ipparam, "."+phone, "."+device */

    bool exit_reported;          /* the plugin sent Exit; exit_error holds its dwError */
    bool peer_terminated;        /* the plugin saw the peer's LCP Terminate-Request (Register) */
    bool auth_failed;            /* the plugin reported an authentication failure (Auth) */
    bool link_was_up;            /* this link (since the last dial or redial) reached Connected */
    uint32_t exit_error;
    uint32_t device_error;       /* what the device said of a failed dial (device-status.h); 0: none */
    bool device_missing;         /* dialled with its modem's device path absent (an unplugged modem) */
    bool process_gone;           /* the pidfd said so; the handle lingers or is retired */
    bool hanging_up;             /* HangUp started: SIGTERM sent, SIGKILL armed */
    bool connected_notified;     /* RASCN_Connection fired for the current Connected */
    bool disconnected_notified;  /* RASCN_Disconnection fired for the current Disconnected */

    /* Manager.Dial */
    bool dialled;                /* started by Dial: supervised, secrets possible */
    bool is_child;               /* we are pppd's parent: waitid() tells how it ended */
    int wait_code, wait_status;  /* CLD_EXITED/CLD_KILLED/... and code or signal; 0: unknown */
    bool supervisor_ended;       /* the supervise timeout hung it up: dwError 718 */
    char *dialler;               /* Dial's caller (unique bus name) holding the handle (dial-hold.h) */
    sd_bus_track *dialler_track;
    void (*dialler_gone)(Connection *c);
    char *secret_user, *secret_password, *secret_domain;   /* never logged, never written */
    ProcessId *escaped;          /* pppd's descendants that left its session */
    size_t n_escaped;

    /* IPCP / IPV6CP */
    bool ip_up;                  /* IpUp came (GetProjectionInfo works) */
    char *dns1, *dns2, *ip6_local, *ip6_remote;
    uint64_t connected_at_usec;  /* CLOCK_MONOTONIC at RASCS_Connected, 0 before */

    LinkStats final_stats;       /* Link.Stats */
    bool have_final_stats;
    LinkStats stats_base;        /* RasClearConnectionStatistics: the counters then, subtracted since */

    /* Multilink: a link that joined another pppd's bundle is a subentry
     * of that connection (the one whose pppd owns the interface). */
    uint64_t bundle_handle;      /* the bundle's main connection; 0: none (a main or single link) */
    uint64_t link_handle;        /* a bundle's main connection: the handle of its own link alone
                                  * (RasGetSubEntryHandle(h, 1)); 0 until asked for */
    uint64_t joined_seq;         /* order of joining, for GetSubEntryHandle */
    bool bundle_disconnect_pending;  /* main is down but links remain: RASCN_Disconnection later */

    /* Driven by process-watch.c / hangup.c / context.c. */
    int pidfd;
    sd_event_source *pidfd_source;
    void (*process_gone_handler)(Connection *c);
    sd_event_source *kill_timer;       /* grace period over: SIGKILL */
    sd_event_source *linger_timer;     /* retire a connection that ended on its own */
    sd_event_source *supervise_timer;  /* hang up a pppd that never connects */

    /* pppd is gone but its plugin's last reports may still be on the way:
     * the bus delivers them before it says the plugin's name is gone. */
    char *link_sender;                 /* the plugin's unique bus name (Register) */
    sd_bus_slot *exit_wait_slot;       /* NameOwnerChanged for link_sender */
    sd_bus_slot *exit_wait_query;      /* NameHasOwner: gone before we looked? */
    sd_event_source *exit_wait_timer;  /* don't wait for that forever */

    /* Creation order, for the handle table's oldest-first walk. */
    Connection *older, *newer;

    const ConnectionObserver *observer;
    void *userdata;              /* given to the observer and to event callbacks (the Context) */
};

/* A new connection in RASCS_OpenPort.  No observer calls. */
int connection_new(Connection **ret, uint64_t handle, pid_t pid, uid_t owner, uint64_t started_at_usec);
Connection *connection_free(Connection *c);

void connection_set_observer(Connection *c, const ConnectionObserver *observer, void *userdata);

/* Register (first or again): update what is known, then apply phase and,
 * for a daemon that restarted while the link was up, the IP state. */
int connection_apply_register(Connection *c, const LinkInfo *info);

/* pppd's new phase; unknown phase numbers are -EINVAL. */
int connection_apply_phase(Connection *c, int phase);

int connection_apply_ip_up(Connection *c, const LinkInfo *info);
void connection_apply_ip_down(Connection *c);

/* Whether a device's word (device_error) explains pppd exiting with
 * status: any failure, not an ending asked for (hang-up, idle, time). */
bool connection_device_error_applies(int status);

/* Whether the device's word (device_error) is the dwError for pppd
 * exiting with status: a failure that was not asked for, of a link that
 * never came up.  A link that was Connected ends as links do (629, 829),
 * and a refused password stays 691, whatever a tunnel program says as
 * the line closes. */
bool connection_device_error_explains(const Connection *c, int status);

/* pppd is about to exit with status. */
void connection_apply_exit(Connection *c, int status, bool peer_terminated);
/* PppdSaw flags for ras_error_for_pppd_exit(). */
unsigned connection_saw(const Connection *c);
/* dwError for pppd's exit status: what the device said (device_error)
 * when connection_device_error_explains(), else for "connect failed" (8)
 * what the device's kind means by it (link-device.h), else the exit map's. */
uint32_t connection_exit_error(const Connection *c, int status);

/* The process is gone (pidfd).  Enters RASCS_Disconnected with the Exit's
 * dwError, or fallback_error if no Exit came. */
void connection_apply_process_gone(Connection *c, uint32_t fallback_error);

/* A subentry joined the bundle on ifname: Connected, without addresses. */
int connection_apply_joined(Connection *c, const char *ifname);

/* Authentication finished: a success while authenticating is RASCS_Authenticated. */
void connection_apply_auth(Connection *c, bool success);

int connection_apply_ip6(Connection *c, const char *local, const char *remote);

/* Link.Stats at exit. */
void connection_apply_stats(Connection *c, const LinkStats *stats);

/* Dial's (or saved) credentials; copied.  NULL members stay unset. */
int connection_set_secrets(Connection *c, const char *user, const char *password, const char *domain);
/* Wipes and frees them (explicit_bzero). */
void connection_drop_secrets(Connection *c);

/* Enumerated: RASCS_Connected and not hanging up. */
bool connection_is_enumerable(const Connection *c);

/* The phonebook directory when the connection has an entry, else "". */
const char *connection_phonebook(const Connection *c);

/* Where phonebook entries live, for connection_phonebook() (default /etc/ppp/peers). */
void connection_set_phonebook_dir(const char *dir);
