/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What RasEnumDevices lists: the serial ports a modem may sit on, one
 * PPPoE device per Ethernet interface, and the PPTP and L2TP "WAN
 * Miniport" devices, each named the way RasSetEntryProperties takes it
 * (docs/phonebook.md).  Read from ROOT/sys/class and ROOT/dev/serial/by-id,
 * ROOT "/" but for tests. */

#include <stddef.h>

typedef struct Device {
    const char *type;     /* RASDT_Modem, RASDT_PPPoE, RASDT_Vpn */
    char *name;
} Device;

typedef struct DeviceList {
    Device *items;
    size_t n;
} DeviceList;

/* Modems (by /dev/serial/by-id name where there is one, else the tty
 * name; then the by-id links to anything else that exists, such as a
 * pty, each device once), then PPPoE interfaces, then the VPN devices;
 * each group sorted.
 * 0 or -ENOMEM; unreadable directories are empty. */
int device_list(const char *root, DeviceList *ret);
void device_list_done(DeviceList *l);
