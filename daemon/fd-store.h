/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* RasConnectionNotification's event fds kept by systemd across a restart
 * (FileDescriptorStoreMax= in ppprasd.service): each registration's fd
 * goes to the store as "reg-ID" and leaves it when the registration ends;
 * the next daemon gets them back (sd_listen_fds_with_names) and takes the
 * registrations up again from RUNTIME_DIR/notifications, which says whose
 * each is.  Outside systemd (no $NOTIFY_SOCKET) nothing is kept:
 * registrations end with the daemon. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "notify.h"

/* Under a service manager ($NOTIFY_SOCKET): else nothing is kept. */
bool fd_store_enabled(void);

void fd_store_put(uint64_t id, int fd);
void fd_store_remove(uint64_t id);

/* One registration as saved: its fd is filled in from the store (-1: none). */
typedef struct StoredRegistration {
    uint64_t id, handle;
    uint32_t flags;
    uid_t uid;
    char *owner;
    int fd;
} StoredRegistration;

typedef struct StoredRegistrations {
    StoredRegistration *items;
    size_t n;
} StoredRegistrations;

void stored_registrations_done(StoredRegistrations *s);

/* RUNTIME_DIR/notifications from the registry (replaced whole). */
int fd_store_save_table(const char *runtime_dir, const NotifyRegistry *r);

/* Reads the table and matches the fds systemd passed us (by name): every
 * passed fd that no record claims is closed and removed from the store. */
int fd_store_load(const char *runtime_dir, StoredRegistrations *ret);
