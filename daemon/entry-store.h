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

/* Multilink subentries: link 1 is the entry's own file; link n >= 2 is
 * the hidden peers file ".NAME.link-n" beside it (hidden: never listed as
 * an entry of its own), written with "multilink" so that
 * "pppd call .NAME.link-n" joins the entry's bundle.  They are numbered
 * without gaps and go with the entry on delete and rename. */
#define ENTRY_SUBENTRIES_MAX 32

/* The file name of link n (n >= 2); -ENAMETOOLONG if it cannot exist. */
int entry_store_subentry_name(const char *name, unsigned n, char *buf, size_t size);

/* How many links the entry has (1 + the subentry files), >= 1. */
int entry_store_count_links(const char *dir, const char *name, unsigned *ret);

/* Reads link n (1: the entry itself). -ENOENT when there is no such link. */
int entry_store_read_link(const char *dir, const char *name, unsigned n, PeersEntry *ret);

/* Writes link n (n >= 2; at most one past the last). */
int entry_store_write_link(const char *dir, const char *name, unsigned n, const PeersEntry *e);
