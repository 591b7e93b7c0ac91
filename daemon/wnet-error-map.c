/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "winerror.h"
#include "wnet-error-map.h"

#define CIFS  NET_PROVIDER_CIFS
#define NFS   NET_PROVIDER_NFS
#define SSHFS NET_PROVIDER_SSHFS
#define ANY   WNET_ANY_PROVIDER

#define HELPER(p, e, c) { .provider = (p), .source = WNET_FROM_HELPER_ERRNO, .error = (e), .code = (c) }
#define DAEMON(e, c)    { .provider = ANY, .source = WNET_FROM_DAEMON_STATUS, .error = (e), .code = (c) }
#define TEXT(p, t, c)   { .provider = (p), .source = WNET_FROM_TEXT, .text = (t), .code = (c) }

const WnetErrorRule wnet_error_rules[] = {
    /* The daemon's own view: exit 127/126 of the helper means the
     * provider is not installed; no answer within the mount timeout is
     * a path that cannot be reached; a bound drive's link going down is
     * the network going away. */
    DAEMON(ENOENT,        ERROR_NO_NETWORK),
    DAEMON(EACCES,        ERROR_NO_NETWORK),
    DAEMON(ETIMEDOUT,     ERROR_BAD_NETPATH),
    DAEMON(ENETDOWN,      ERROR_NO_NETWORK),

    /* The kernel's cifs client: a refused session setup
     * (STATUS_LOGON_FAILURE) is EACCES, no credentials for a share that
     * needs them ENOKEY, a share the server does not have
     * (STATUS_BAD_NETWORK_NAME) ENOENT. */
    HELPER(CIFS, EACCES,       ERROR_LOGON_FAILURE),
    HELPER(CIFS, ENOKEY,       ERROR_LOGON_FAILURE),
    HELPER(CIFS, ENOENT,       ERROR_BAD_NET_NAME),
    HELPER(CIFS, EPERM,        ERROR_ACCESS_DENIED),
    HELPER(CIFS, ECONNREFUSED, ERROR_BAD_NETPATH),
    HELPER(CIFS, EHOSTDOWN,    ERROR_BAD_NETPATH),
    HELPER(CIFS, EHOSTUNREACH, ERROR_BAD_NETPATH),
    HELPER(CIFS, ETIMEDOUT,    ERROR_BAD_NETPATH),
    HELPER(CIFS, ENETUNREACH,  ERROR_NETWORK_UNREACHABLE),
    HELPER(CIFS, ENETDOWN,     ERROR_NO_NETWORK),
    HELPER(CIFS, ENODEV,       ERROR_NO_NETWORK),

    /* ssh (for sshfs) first: its reason leads the text, and what sshfs
     * adds after it ("read: Connection reset by peer") is a consequence. */
    TEXT(SSHFS, "Permission denied (",               ERROR_LOGON_FAILURE),
    TEXT(SSHFS, "Too many authentication failures",  ERROR_LOGON_FAILURE),
    TEXT(SSHFS, "Host key verification failed",      ERROR_EXTENDED_ERROR),
    /* names that do not resolve: ssh, mount.cifs, mount.nfs */
    TEXT(ANY,   "Could not resolve hostname",        ERROR_BAD_NETPATH),
    TEXT(ANY,   "could not resolve address",         ERROR_BAD_NETPATH),
    TEXT(ANY,   "Failed to resolve server",          ERROR_BAD_NETPATH),
    TEXT(ANY,   "Name or service not known",         ERROR_BAD_NETPATH),
    /* strerror() words, as ssh and mount.nfs print them */
    TEXT(ANY,   "Connection refused",                ERROR_BAD_NETPATH),
    TEXT(ANY,   "No route to host",                  ERROR_BAD_NETPATH),
    TEXT(ANY,   "Connection timed out",              ERROR_BAD_NETPATH),
    TEXT(ANY,   "Host is down",                      ERROR_BAD_NETPATH),
    TEXT(ANY,   "Network is unreachable",            ERROR_NETWORK_UNREACHABLE),
    TEXT(ANY,   "Network is down",                   ERROR_NO_NETWORK),
    TEXT(ANY,   "No such device",                    ERROR_NO_NETWORK),
    /* mountd refuses an export it does not have for this client the
     * same way as one it will not give it */
    TEXT(NFS,   "access denied by server",           ERROR_ACCESS_DENIED),
    TEXT(NFS,   "No such file or directory",         ERROR_BAD_NET_NAME),
    TEXT(SSHFS, "No such file or directory",         ERROR_BAD_NET_NAME),
    TEXT(NFS,   "Permission denied",                 ERROR_ACCESS_DENIED),
    TEXT(ANY,   "Operation not permitted",           ERROR_ACCESS_DENIED),
};
const unsigned wnet_error_rules_size = sizeof(wnet_error_rules) / sizeof(wnet_error_rules[0]);

/* mount.cifs: "mount error(13): Permission denied"; 0 if there is none. */
static int helper_errno(const char *text) {
    const char *p = text ? strstr(text, "mount error(") : NULL;
    char *end;
    long v;

    if (!p)
        return 0;
    p += strlen("mount error(");
    errno = 0;
    v = strtol(p, &end, 10);
    if (errno != 0 || end == p || *end != ')' || v <= 0 || v > 4095)
        return 0;
    return (int) v;
}

static bool provider_matches(const WnetErrorRule *r, NetProvider provider) {
    return r->provider == WNET_ANY_PROVIDER || r->provider == (int) provider;
}

uint32_t wnet_error_map(NetProvider provider, int status, const char *text) {
    int from_helper = helper_errno(text);

    for (unsigned i = 0; i < wnet_error_rules_size; i++) {
        const WnetErrorRule *r = &wnet_error_rules[i];

        if (!provider_matches(r, provider))
            continue;
        if ((r->source == WNET_FROM_HELPER_ERRNO && from_helper != 0 && r->error == from_helper) ||
            (r->source == WNET_FROM_DAEMON_STATUS && status < 0 && r->error == -status))
            return r->code;
    }

    /* mount.cifs named its errno: its words add nothing we may trust more */
    if (from_helper != 0 || !text)
        return ERROR_EXTENDED_ERROR;

    for (unsigned i = 0; i < wnet_error_rules_size; i++) {
        const WnetErrorRule *r = &wnet_error_rules[i];

        if (r->source == WNET_FROM_TEXT && provider_matches(r, provider) && strstr(text, r->text))
            return r->code;
    }
    return ERROR_EXTENDED_ERROR;
}
