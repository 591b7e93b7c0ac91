/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* An interface's counters from /sys/class/net/IFNAME/statistics. */

#include "connection.h"

/* bytes_out = tx_bytes, bytes_in = rx_bytes, and the packet counts.
 * -ENOENT when the interface is not there (any more). */
int link_stats_read(const char *sysfs_net, const char *ifname, LinkStats *ret);
