/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A snapshot of the caller's connections as the daemon lists them
 * (org.pppras.Ras1.Network.EnumConnections), for the calls that look a
 * name up in them. */

#include <stddef.h>

#include "wintypes.h"

typedef struct WNetListEntry {
    char *local;          /* "Z:", a directory, or "" */
    char *remote;         /* canonical remote name */
    char *user;           /* "" when none was given */
    char *provider;       /* "cifs", "nfs", "sshfs" */
    char *mount_point;    /* "" for remembered connections */
} WNetListEntry;

typedef struct WNetList {
    WNetListEntry *entries;
    size_t n_entries;
} WNetList;

/* RESOURCE_CONNECTED or RESOURCE_REMEMBERED.  0 or a Win32 code. */
DWORD wnet_list_load(DWORD scope, WNetList *ret);
void wnet_list_done(WNetList *list);
