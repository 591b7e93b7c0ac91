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
    const char *phone;
    const char *ifname;
    int phase;                  /* PHASE_*, < 0: unknown */
    const char *local;          /* dotted IPv4 while IP is up */
    const char *remote;
    uint32_t previous_pid;      /* pid whose registration this process continues (detach) */
} LinkInfo;

DBusMessage *link_report_register(const LinkInfo *info);
DBusMessage *link_report_phase(int phase);
DBusMessage *link_report_ip_up(const char *ifname, const char *local, const char *remote,
                               const char *dns1, const char *dns2);
DBusMessage *link_report_ip_down(void);
DBusMessage *link_report_exit(int status, bool peer_terminated);
