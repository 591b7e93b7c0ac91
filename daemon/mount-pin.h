/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Mount and unmount targets held by file descriptor, never by a path a
 * caller could change between a check and the privileged operation.
 *
 * A target is opened once (openat2 with RESOLVE_NO_SYMLINKS, O_PATH: a
 * symlink anywhere on the path, the last component included, fails), its
 * owner checked on that fd, and the finished mount is moved onto that fd
 * (move_mount).  A mount is known by its mount id (fdinfo's mnt_id, as
 * statx STATX_MNT_ID gives it, without asking a possibly dead server);
 * it is taken down only through an fd whose mount id is the recorded one. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "u64-map.h"

/* Opens the directory path for a mount, through no symlink at all.
 * owner (uid_t) -1: any owner.  -EACCES: a symlink on the way or another
 * owner; -ENOENT, -ENOTDIR; -EEXIST: something is mounted there already. */
int mount_pin_dir(const char *path, uid_t owner, int *ret_fd);

/* The mount id of whatever fd refers to. */
int mount_id_of_fd(int fd, uint64_t *ret);

/* Moves the mount at staged (a root-controlled path: the daemon's own
 * staging directory) onto the directory target_fd refers to.  The mount
 * is cloned first (open_tree), so a shared parent does not matter; the
 * staged one is detached.  *ret_mnt_id: the id of the mount now on the
 * target. */
int mount_move_onto(const char *staged, int target_fd, uint64_t *ret_mnt_id);

/* The mount ids in /proc/self/mountinfo, read once (keys only). */
int mountinfo_ids(U64Map *ret);

/* Where mount mnt_id is mounted now and its file system type, from one
 * read of mountinfo.  -ENOENT: no such mount. */
int mountinfo_find(uint64_t mnt_id, char **ret_path, char **ret_fstype);

/* Opens mount mnt_id for taking down: first at path (where it was made),
 * else where the mount table says it is now, each time checking the id
 * on the opened fd.  *ret_path: the path it was found at.  -ENOENT: the
 * mount is gone; -ESTALE: it is there but not reachable by a path
 * without symlinks. */
int mount_open_recorded(const char *path, uint64_t mnt_id, int *ret_fd, char **ret_path);

/* umount2 of the mount fd refers to, reached through /proc/self/fd: lazy
 * (MNT_DETACH), plus MNT_FORCE when abort. */
int mount_detach_fd(int fd, bool abort);

/* A polite umount2 (fails with -EBUSY while in use) of the mount fd
 * refers to, found at path: reached as NAME in its pinned parent, with
 * UMOUNT_NOFOLLOW, after checking the id there once more.  Takes fd (and
 * closes it first: an fd on the mount keeps it busy). */
int mount_unmount_fd(int fd, const char *path, uint64_t mnt_id);

/* The id of the mount whose root is at path (reached without symlinks).
 * -ENOENT: nothing is mounted right there. */
int mount_root_id_at(const char *path, uint64_t *ret);
