/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The org.pppras.Ras1.Link method calls the plugin sends (docs/dbus-api.md),
 * built as fire-and-forget messages (NO_REPLY_EXPECTED).  Pure libdbus: no
 * pppd state is read here.  Each builder returns NULL only when out of
 * memory.  String values that are NULL, empty or not UTF-8 are left out. */

#include <stdbool.h>
#include <stdint.h>
#include <dbus/dbus.h>

/* What Register says about the link; unknown fields are NULL / negative / 0. */
typedef struct LinkInfo {
    const char *entry;
    const char *ipparam;
    const char *device;
    const char *device_type;
    const char *pty_program;    /* basename of the pty command's first word */
    const char *phone;
    const char *ifname;
    int phase;                  /* PHASE_*, < 0: unknown */
    const char *local;          /* dotted IPv4 while IP is up */
    const char *remote;
    bool multilink;             /* the multilink option is on */
    const char *bundle;         /* pppd's "bundle" option */
    const char *endpoint;       /* the peer's endpoint discriminator, pppd's notation */
    uint32_t idle_sec;          /* "idle" limit, 0: none */
    uint32_t maxconnect_sec;    /* "maxconnect" limit, 0: none */
    uint32_t previous_pid;      /* pid whose registration this process continues (detach) */
    bool peer_terminated;       /* the peer sent an LCP Terminate-Request on this link */
} LinkInfo;

/* Counters for Stats; connect_time_ms covers network up to down. */
typedef struct LinkStats {
    uint64_t bytes_in;
    uint64_t bytes_out;
    uint64_t packets_in;
    uint64_t packets_out;
    uint32_t connect_time_ms;
} LinkStats;

DBusMessage *link_report_register(const LinkInfo *info);
DBusMessage *link_report_phase(int phase);
DBusMessage *link_report_ip_up(const char *ifname, const char *local, const char *remote,
                               const char *dns1, const char *dns2);
DBusMessage *link_report_ip_down(void);
DBusMessage *link_report_exit(int status, bool peer_terminated);
/* side: "peer" (the peer authenticated to us) or "self"; protocol may be NULL. */
DBusMessage *link_report_auth(const char *side, const char *protocol, bool success);
DBusMessage *link_report_ip6_up(const char *ifname, const char *local, const char *remote);
DBusMessage *link_report_ip6_down(void);
DBusMessage *link_report_joined(const char *ifname, const char *bundle);
DBusMessage *link_report_stats(const LinkStats *stats);

/* GetSecrets: the one call that expects a reply. */
DBusMessage *link_request_get_secrets(void);
