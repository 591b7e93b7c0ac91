/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Which of the caller's connections a local path or a remote name lies
 * on, and the name's part past it.  Pure functions over a WNetList. */

#include <stdbool.h>
#include <stddef.h>

#include "wnet-list.h"

/* Is path a local name WNetGetUniversalName can take: "X:", "X:\..." or
 * "X:/..." (a drive), or an absolute directory? */
bool wnet_local_path_is_valid(const char *path);

/* The entry whose drive, directory or mount point path lies on (the
 * longest directory wins) and, in *ret_rest, where the rest of path
 * starts.  NULL when none. */
const WNetListEntry *wnet_match_local_path(const WNetList *list, const char *path, const char **ret_rest);

/* The entry whose local name is name: a drive (any case) or a directory. */
const WNetListEntry *wnet_match_local_name(const WNetList *list, const char *name);

/* The entry whose remote name name is, or starts with up to a separator
 * (CIFS names: any case, '/' for '\\'); the longest wins.  *ret_rest
 * gets the rest of name. */
const WNetListEntry *wnet_match_remote(const WNetList *list, const char *name, const char **ret_rest);

/* rest (a path below a connection, '/' or '\\' separated, maybe "") with
 * the provider's separator, '\\' for CIFS and '/' otherwise: malloc()ed. */
char *wnet_rest_for_provider(const char *rest, const char *provider);

/* remote followed by rest (as wnet_rest_for_provider makes it) without a
 * doubled separator: malloc()ed. */
char *wnet_universal_name(const char *remote, const char *rest);
