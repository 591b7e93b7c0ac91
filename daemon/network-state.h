/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The daemon's table of mounted WNet connections, kept in
 * RUNTIME_DIR/wnet/connections so that a restarted ppprasd takes its
 * users' mounts back instead of stranding them.  One line per connection:
 * UID GID LOCAL REMOTE USER MOUNT_POINT RAS_HANDLE FLAGS MOUNT_ID,
 * tab-separated, mode 0600: it names users' servers and accounts.
 * Written to a temporary file and renamed; RUNTIME_DIR is a tmpfs, so a
 * reboot (which also ends the mounts) starts empty. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct NetStateEntry {
    uid_t uid;
    gid_t gid;
    const char *local;        /* "" for deviceless */
    const char *remote;       /* canonical */
    const char *user;
    const char *mount_point;
    uint64_t ras_handle;
    uint32_t flags;
    uint64_t mnt_id;          /* the mount's id: the mount table must still have it */
} NetStateEntry;

int net_state_save(const char *runtime_dir, const NetStateEntry *entries, size_t n_entries);

/* Calls fn for every well-formed line (others are skipped: the file is
 * only a hint, the mount table decides).  A missing file is empty. */
int net_state_load(const char *runtime_dir, void (*fn)(const NetStateEntry *e, void *userdata), void *userdata);
