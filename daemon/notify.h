/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* RasConnectionNotification on the daemon side: event fds registered by
 * bus clients, signalled with an 8-byte little-endian 1 for each matching
 * event.  A registration ends when its client leaves the bus (tracked with
 * sd_bus_track), when its handle is retired, or when a write fails with
 * anything but EAGAIN. */

#include <stddef.h>
#include <stdint.h>
#include <systemd/sd-bus.h>

#define NOTIFY_ALL_CONNECTIONS UINT64_MAX
#define NOTIFY_VALID_FLAGS 0x0fu    /* RASCN_Connection .. RASCN_BandwidthRemoved */
/* Registrations one bus client may hold: each keeps an fd open in the
 * daemon, and one client must not use up the fds every pppd needs. */
#define NOTIFY_MAX_PER_CLIENT 256

typedef struct NotifyRegistry NotifyRegistry;

int notify_registry_new(NotifyRegistry **ret);
NotifyRegistry *notify_registry_free(NotifyRegistry *r);

/* Keeps a duplicate of fd for owner (a unique bus name).  With a bus the
 * owner is tracked and its registrations dropped when it disconnects;
 * without one (tests) only notify_registry_drop_owner() drops them.
 * -EINVAL: flags zero or unknown bits; -EBADF: fd not open for writing;
 * -EDQUOT: owner holds NOTIFY_MAX_PER_CLIENT registrations already. */
int notify_registry_add(NotifyRegistry *r, sd_bus *bus, const char *owner,
                        uint64_t handle, uint32_t flags, int fd);

void notify_registry_drop_owner(NotifyRegistry *r, const char *owner);
void notify_registry_drop_handle(NotifyRegistry *r, uint64_t handle);

/* Signals every registration for handle (or for all connections) whose
 * flags contain event (one RASCN_* bit). */
void notify_registry_fire(NotifyRegistry *r, uint64_t handle, uint32_t event);

size_t notify_registry_count(const NotifyRegistry *r);
