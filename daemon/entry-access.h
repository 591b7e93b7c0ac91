/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Who may change the phonebook (RasSetEntryProperties, RasDeleteEntry,
 * RasRenameEntry): root and the members of EntryGroup= (default
 * "pppras").  Reading is everyone's. */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The group's gid, (gid_t) -1 for none ("" or no such group). */
gid_t entry_access_lookup_group(const char *name);

bool entry_access_may_write(uid_t uid, gid_t gid, const gid_t *groups, size_t n_groups, gid_t entry_gid);
