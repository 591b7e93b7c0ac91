/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A link's device as RAS names it.  The plugin reports what pppd knows:
 * the channel ("modem", "pty", "pppoe", "l2tp"), the device (the tty pppd
 * opened, the pty's slave, the Ethernet interface) and, for a pty, the
 * basename of its command's first word.  RASCONN and RASCONNSTATUS must
 * show the same RASDT_* type and device name RasEnumDevices lists
 * (device-list.h) and RasSetEntryProperties takes, so the daemon turns
 * the report into that here, once, as it arrives:
 *
 *   modem             → "modem", the /dev/serial/by-id name pointing at the tty, else the tty's name
 *   pppoe             → "PPPoE", the interface
 *   l2tp, pty pppras-l2tp → "vpn", "WAN Miniport (L2TP)"
 *   pty pptp          → "vpn", "WAN Miniport (PPTP)"
 *   any other pty     → "pty", its /dev/pts/N (no RAS device: what pppd says)
 *
 * Anything else is kept as reported. */

#include <limits.h>
#include <stdint.h>

typedef enum LinkDeviceKind {
    LINK_DEVICE_OTHER,
    LINK_DEVICE_MODEM,
    LINK_DEVICE_PPPOE,
    LINK_DEVICE_PPTP,
    LINK_DEVICE_L2TP,
} LinkDeviceKind;

typedef struct LinkDevice {
    LinkDeviceKind kind;
    char type[32];
    char name[PATH_MAX];
} LinkDevice;

/* type and device may be NULL (not reported: the result's are "" then),
 * program too.  ROOT ("/" but for tests) is where /dev/serial/by-id is. */
void link_device_classify(const char *root, const char *type, const char *device, const char *program,
                          LinkDevice *ret);

/* The kind back from a type as classify writes it ("PPPoE", ...) and a
 * name: what a connection's stored fields say. */
LinkDeviceKind link_device_kind(const char *type, const char *name);

/* dwError when pppd says its device did not connect (exit 8) and nothing
 * more precise is known: PPPoE's "no server answered" is 651, as on
 * Windows 7 and later.  0: no device-specific code. */
uint32_t link_device_connect_error(LinkDeviceKind kind);
