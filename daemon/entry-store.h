/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Phonebook entries on disk: each is a peers file in the phonebook
 * directory, read and written through a descriptor of that directory (no
 * path is resolved twice), replaced atomically, mode 0644 (pppd reads
 * them as root; they hold no secrets -- passwords reach pppd through the
 * plugin).  Names must pass phonebook_entry_name_is_valid(); callers
 * check that first. */

#include "peers-entry.h"

/* The entry's mapping and the lines it keeps.  -ENOENT: no such entry
 * (or not a regular file); -EFBIG: larger than PEERS_FILE_MAX. */
int entry_store_read(const char *dir, const char *name, PeersEntry *ret, char ***ret_kept);

/* Writes e as name; an existing entry keeps its unmanaged lines.
 * -EINVAL: e does not validate. */
int entry_store_write(const char *dir, const char *name, const PeersEntry *e);

/* -ENOENT when there is no such entry. */
int entry_store_delete(const char *dir, const char *name);

/* -ENOENT: no entry old; -EEXIST: new_name exists. */
int entry_store_rename(const char *dir, const char *old_name, const char *new_name);

/* 1 if name is an entry, 0 if not, negative errno. */
int entry_store_exists(const char *dir, const char *name);

void entry_store_kept_free(char **kept);
