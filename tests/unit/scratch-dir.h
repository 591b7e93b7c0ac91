/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A private directory under $TMPDIR for unit tests that need real files
 * (rename, modes, directory listings).  Fails the running test on error. */

#include <stddef.h>

#define SCRATCH_PATH_MAX 4096

/* Creates a new empty directory; its path goes to path. */
void scratch_dir_new(char path[SCRATCH_PATH_MAX]);

/* dir/name in path; returns path. */
char *scratch_path(char path[SCRATCH_PATH_MAX], const char *dir, const char *name);

/* Writes contents to dir/name (0644). */
void scratch_write(const char *dir, const char *name, const char *contents);

/* The names in dir, excluding "." and "..": how many. */
size_t scratch_count(const char *dir);

/* Removes dir and everything below it.  Best effort. */
void scratch_dir_remove(const char *dir);
