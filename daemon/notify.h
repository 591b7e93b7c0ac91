/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* RasConnectionNotification on the daemon side: eventfds registered by
 * bus clients, each signalled by adding 1 for each matching event.  Only
 * eventfds: polling or writing anything else (a FIFO, a file on the
 * caller's FUSE mount) could block the event loop.  A registration ends
 * when its client leaves the bus (tracked with sd_bus_track), when its
 * handle is retired, or when a write fails, a full counter included. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>

#define NOTIFY_ALL_CONNECTIONS UINT64_MAX
#define NOTIFY_VALID_FLAGS 0x0fu    /* RASCN_Connection .. RASCN_BandwidthRemoved */
/* Registrations one user (all its bus connections together) may hold:
 * each keeps an fd open in the daemon. */
#define NOTIFY_MAX_PER_UID 256
/* Registrations are refused while fewer than this many fds are free
 * below RLIMIT_NOFILE: pppd, the bus and the mounts need them. */
#define NOTIFY_FD_RESERVE 1024

typedef struct NotifyRegistry NotifyRegistry;

int notify_registry_new(NotifyRegistry **ret);
NotifyRegistry *notify_registry_free(NotifyRegistry *r);

/* Per-uid limit (0: none) and fd reserve; defaults NOTIFY_MAX_PER_UID
 * and NOTIFY_FD_RESERVE. */
void notify_registry_set_limits(NotifyRegistry *r, size_t per_uid, size_t fd_reserve);

/* Keeps a duplicate of fd for owner (a unique bus name) of user uid.
 * With a bus the owner is tracked and its registrations dropped when it
 * disconnects; without one (tests) only notify_registry_drop_owner()
 * drops them.  -EINVAL: flags zero or unknown bits; -EBADF: fd is not
 * an eventfd; -EDQUOT: uid holds its limit already, or the daemon is
 * down to its fd reserve. */
int notify_registry_add(NotifyRegistry *r, sd_bus *bus, const char *owner, uid_t uid,
                        uint64_t handle, uint32_t flags, int fd);

void notify_registry_drop_owner(NotifyRegistry *r, const char *owner);
void notify_registry_drop_handle(NotifyRegistry *r, uint64_t handle);

/* Signals every registration for handle (or for all connections) whose
 * flags contain event (one RASCN_* bit). */
void notify_registry_fire(NotifyRegistry *r, uint64_t handle, uint32_t event);

size_t notify_registry_count(const NotifyRegistry *r);

/* Registrations outlive a restart under systemd: each has an id, and the
 * hook hears of each new one (fd: the daemon's copy) and of each that
 * ends (fd -1) -- not of those freed with the registry when the daemon
 * exits.  Ids count on from first_id. */
typedef void (*NotifyChangedHook)(uint64_t id, int fd, void *userdata);
void notify_registry_set_hook(NotifyRegistry *r, uint64_t first_id, NotifyChangedHook hook, void *userdata);

/* Takes back a registration of an earlier daemon: fd is taken (closed on
 * failure too), owner tracked again (-ESRCH etc. when it left). */
int notify_registry_readd(NotifyRegistry *r, sd_bus *bus, const char *owner, uid_t uid,
                          uint64_t handle, uint32_t flags, int fd, uint64_t id);

typedef void (*NotifyForeach)(uint64_t id, const char *owner, uid_t uid, uint64_t handle, uint32_t flags,
                              void *userdata);
void notify_registry_foreach(const NotifyRegistry *r, NotifyForeach fn, void *userdata);
