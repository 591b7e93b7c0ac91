/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Remote and local names of WNet connections: strict parsing into the
 * pieces a mount helper needs.  Every piece comes from a small safe
 * character set, so nothing a caller sends can become a mount option
 * (',' '='), a command-line option (leading '-'), a path escape ('..')
 * or a line break in a credentials or profile file. */

#include <stdbool.h>
#include <sys/types.h>

typedef enum NetProvider {
    NET_PROVIDER_CIFS,       /* \\server\share[\path] or //server/share[/path] */
    NET_PROVIDER_NFS,        /* server:/path */
    NET_PROVIDER_SSHFS,      /* ssh://[user@]host[:port][/path], sshfs://... */
    _NET_PROVIDER_MAX,
} NetProvider;

/* "cifs", "nfs", "sshfs": the provider names WNet calls show. */
const char *net_provider_to_string(NetProvider p);

typedef struct NetRemote {
    NetProvider provider;
    char *canonical;    /* how connections and profiles show it: \\host\share\path, host:/path, ssh://user@host:port/path */
    char *host;         /* lower case */
    char *user;         /* ssh://USER@...; NULL otherwise */
    unsigned port;      /* ssh port, 0 = default */
    char *source;       /* the mount source: //host/share/path, host:/path, [user@]host:path */
} NetRemote;

/* 0, or -EINVAL when s is not a remote name this module accepts. */
int net_remote_parse(const char *s, NetRemote *ret);
void net_remote_done(NetRemote *r);

typedef enum NetLocalKind {
    NET_LOCAL_NONE,          /* NULL or "": a deviceless connection */
    NET_LOCAL_DRIVE,         /* "A:" .. "Z:" (either case) */
    NET_LOCAL_PATH,          /* an absolute directory path */
} NetLocalKind;

/* Classifies and canonicalizes a local name ("z:" → "Z:", no trailing
 * '/').  *ret_canonical is NULL for NET_LOCAL_NONE.  -EINVAL: not a local
 * name (relative path, '..', '//', control characters, "AB:", ...). */
int net_local_parse(const char *s, NetLocalKind *ret_kind, char **ret_canonical);

/* User names: CIFS "name", "DOMAIN\name" or "name@realm"; ssh "name". */
bool net_user_is_valid(const char *user, NetProvider provider);

/* Passwords: at most 256 bytes, no NUL, CR or LF (they travel as one line). */
bool net_password_is_valid(const char *password, size_t size);
