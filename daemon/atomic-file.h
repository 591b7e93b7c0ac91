/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Replacing a file whole or not at all: the new contents go to a hidden
 * temporary file beside it, which is renamed over the old one only once
 * everything was written.  A reader never sees half a file; a crash leaves
 * the old one. */

#include <stdio.h>
#include <sys/types.h>

typedef enum AtomicFileFlags {
    ATOMIC_FILE_DURABLE = 1 << 0,   /* fsync the file, and the directory after the rename */
    ATOMIC_FILE_SECRET  = 1 << 1,   /* stdio's buffer is ours and wiped afterwards */
} AtomicFileFlags;

/* Writes the contents; 0 or negative errno. */
typedef int (*AtomicFileFormat)(FILE *f, const void *userdata);

/* Writes path through format(f, userdata) with the given mode.  0 or
 * negative errno; on failure path is untouched and no temporary is left. */
int atomic_file_write(const char *path, mode_t mode, AtomicFileFlags flags, AtomicFileFormat format,
                      const void *userdata);

/* fsync()s a directory, so that a rename or unlink in it lasts. */
int fsync_directory(const char *dir);

/* The same inside the directory dir_fd, by name (no path is looked up
 * again): the temporary is created with O_EXCL|O_NOFOLLOW under a hidden
 * random name, and renamed over name with renameat().  With
 * ATOMIC_FILE_DURABLE dir_fd is fsync()ed after the rename. */
int atomic_file_write_at(int dir_fd, const char *name, mode_t mode, AtomicFileFlags flags,
                         AtomicFileFormat format, const void *userdata);
