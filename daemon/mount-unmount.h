/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Taking a network mount down the way WNetCancelConnection describes:
 * politely (fails while in use, and says why), by force (lazy detach), or
 * hard (abort pending requests too: for a link that is about to die). */

#include <stdbool.h>
#include <stdint.h>

typedef enum MountUse {
    MOUNT_USE_NONE,            /* nothing found under the mount */
    MOUNT_USE_OPEN_FILES,      /* a process has a file open below it: ERROR_OPEN_FILES */
    MOUNT_USE_PROCESS,         /* only cwd, root or a mapping below it: ERROR_DEVICE_IN_USE */
} MountUse;

/* Unmounts the mount whose id is mnt_id, looked for at path first and
 * else wherever the mount table has it now (mount-pin.h): never a mount
 * that merely sits at path.  0: gone (also when it was not mounted any
 * more); -EBUSY: in use, *ret_use says how (force == false only); other
 * -errno. */
int mount_unmount(const char *path, uint64_t mnt_id, bool force, MountUse *ret_use);

/* MNT_FORCE | MNT_DETACH of mount mnt_id, through its fd: it vanishes
 * from the tree at once and requests stuck on a dead server are aborted. */
int mount_abort(const char *path, uint64_t mnt_id);

/* Scans /proc for processes using files below path. */
MountUse mount_scan_use(const char *path);
