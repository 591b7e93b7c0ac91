/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A modem's stable name: the ROOT/dev/serial/by-id link whose target is
 * the tty (udev names it after the USB vendor, model and serial number,
 * so it survives reboots and plugging order; ttyUSB numbers do not).
 * RasEnumDevices and a connection's device name both come from here. */

#include <stddef.h>

/* The by-id name (no directory) whose link ends in tty, the first in
 * sorted order if several do; -ENOENT if none, -ENOMEM.  ROOT "" or "/"
 * is the real system. */
int serial_by_id_name(const char *root, const char *tty, char **ret);
