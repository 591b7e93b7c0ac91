/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "network-name.h"
#include "util.h"

#define NET_HOST_MAX 253
#define NET_COMPONENT_MAX 255
#define NET_NAME_MAX 1024
#define NET_USER_MAX 128
#define NET_PASSWORD_MAX 256

static const char *const provider_names[_NET_PROVIDER_MAX] = {
    [NET_PROVIDER_CIFS]  = "cifs",
    [NET_PROVIDER_NFS]   = "nfs",
    [NET_PROVIDER_SSHFS] = "sshfs",
};

const char *net_provider_to_string(NetProvider p) {
    return p >= 0 && p < _NET_PROVIDER_MAX ? provider_names[p] : NULL;
}

static bool has_control_chars(const char *s) {
    for (; *s; s++)
        if ((unsigned char) *s < 0x20 || *s == 0x7f)
            return true;
    return false;
}

/* Host names and IPv4 addresses: letters, digits, '.', '-'; no leading
 * '-' (ssh would read an option) or '.', no empty label. */
static bool host_is_valid(const char *h, size_t n) {
    if (n == 0 || n > NET_HOST_MAX || h[0] == '-' || h[0] == '.' || h[n - 1] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isascii(h[i]) || !(isalnum(h[i]) || h[i] == '-' || h[i] == '.'))
            return false;
        if (h[i] == '.' && h[i + 1] == '.')
            return false;
    }
    return true;
}

/* One path component (also a CIFS share name): a conservative set that
 * still covers real share names ("C$", "Team Files", "data_2024.old"). */
static bool component_is_valid(const char *c, size_t n, bool allow_space) {
    if (n == 0 || n > NET_COMPONENT_MAX || c[0] == '-' || c[0] == ' ')
        return false;
    if ((n == 1 && c[0] == '.') || (n == 2 && c[0] == '.' && c[1] == '.'))
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = c[i];
        if (isascii(ch) && isalnum(ch))
            continue;
        if (strchr("._-+~@$", ch) && ch != '\0')
            continue;
        if (ch == ' ' && allow_space)
            continue;
        return false;
    }
    return true;
}

/* Validates sep-separated components of path (no leading separator) and
 * appends them to out with out_sep in front of each.  Empty input is fine. */
static int append_components(char *out, size_t size, const char *path, char sep, char out_sep,
                             bool allow_space) {
    const char *p = path;

    while (*p) {
        const char *e = strchr(p, sep);
        size_t n = e ? (size_t) (e - p) : strlen(p);

        if (!e || e[1] != '\0' || n > 0) {     /* one trailing separator is tolerated */
            if (!component_is_valid(p, n, allow_space))
                return -EINVAL;
            size_t l = strlen(out);
            if (l + 1 + n + 1 > size)
                return -EINVAL;
            out[l] = out_sep;
            memcpy(out + l + 1, p, n);
            out[l + 1 + n] = '\0';
        }
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

static void lowercase(char *s) {
    for (; *s; s++)
        *s = (char) tolower((unsigned char) *s);
}

static int parse_cifs(const char *s, NetRemote *r) {
    char sep = s[0];          /* '\\' or '/' — one kind throughout */
    const char *host = s + 2;
    const char *e = strchr(host, sep);
    char share_path[NET_NAME_MAX] = "";

    if (!e || !host_is_valid(host, (size_t) (e - host)))
        return -EINVAL;
    if (strchr(e, sep == '/' ? '\\' : '/'))
        return -EINVAL;
    if (e[1] == '\0' || e[1] == sep)          /* a share is required */
        return -EINVAL;

    r->host = strndup(host, (size_t) (e - host));
    if (!r->host)
        return -ENOMEM;
    lowercase(r->host);

    if (append_components(share_path, sizeof share_path, e + 1, sep, '/', true) < 0)
        return -EINVAL;

    r->provider = NET_PROVIDER_CIFS;
    if (asprintf(&r->source, "//%s%s", r->host, share_path) < 0 ||
        asprintf(&r->canonical, "\\\\%s%s", r->host, share_path) < 0) {
        r->canonical = NULL;
        return -ENOMEM;
    }
    for (char *c = r->canonical; *c; c++)
        if (*c == '/')
            *c = '\\';
    return 0;
}

static int parse_nfs(const char *s, NetRemote *r) {
    const char *colon = strchr(s, ':');
    char path[NET_NAME_MAX] = "";

    if (!colon || colon[1] != '/' || !host_is_valid(s, (size_t) (colon - s)))
        return -EINVAL;
    if (colon[2] != '\0' && append_components(path, sizeof path, colon + 2, '/', '/', false) < 0)
        return -EINVAL;
    if (path[0] == '\0')
        strcpy(path, "/");

    r->host = strndup(s, (size_t) (colon - s));
    if (!r->host)
        return -ENOMEM;
    lowercase(r->host);

    r->provider = NET_PROVIDER_NFS;
    if (asprintf(&r->source, "%s:%s", r->host, path) < 0) {
        r->source = NULL;
        return -ENOMEM;
    }
    r->canonical = strdup(r->source);
    return r->canonical ? 0 : -ENOMEM;
}

static int parse_ssh(const char *s, NetRemote *r) {
    const char *authority = strstr(s, "://") + 3;
    const char *slash = strchr(authority, '/');
    size_t alen = slash ? (size_t) (slash - authority) : strlen(authority);
    const char *at = memchr(authority, '@', alen);
    const char *host = at ? at + 1 : authority;
    const char *colon = memchr(host, ':', alen - (size_t) (host - authority));
    size_t hlen = colon ? (size_t) (colon - host) : alen - (size_t) (host - authority);
    char path[NET_NAME_MAX] = "";
    char port[16] = "";

    if (at) {
        r->user = strndup(authority, (size_t) (at - authority));
        if (!r->user)
            return -ENOMEM;
        if (!net_user_is_valid(r->user, NET_PROVIDER_SSHFS))
            return -EINVAL;
    }
    if (!host_is_valid(host, hlen))
        return -EINVAL;
    if (colon) {
        char *end;
        const char *pstart = colon + 1;
        size_t plen = alen - (size_t) (pstart - authority);
        if (plen == 0 || plen > 5 || !isdigit((unsigned char) *pstart))
            return -EINVAL;
        unsigned long v = strtoul(pstart, &end, 10);
        if ((size_t) (end - pstart) != plen || v == 0 || v > 65535)
            return -EINVAL;
        r->port = (unsigned) v;
        snprintf(port, sizeof port, ":%u", r->port);
    }
    /* no path: the remote user's home directory; "/x": that absolute path */
    if (slash) {
        if (slash[1] != '\0' && append_components(path, sizeof path, slash + 1, '/', '/', true) < 0)
            return -EINVAL;
        if (path[0] == '\0')
            strcpy(path, "/");
    }

    r->host = strndup(host, hlen);
    if (!r->host)
        return -ENOMEM;
    lowercase(r->host);

    r->provider = NET_PROVIDER_SSHFS;
    if (asprintf(&r->canonical, "ssh://%s%s%s%s%s", strempty(r->user), r->user ? "@" : "",
                 r->host, port, path) < 0) {
        r->canonical = NULL;
        return -ENOMEM;
    }
    /* the user travels separately (-o User / the caller's own name) */
    if (asprintf(&r->source, "%s:%s", r->host, path) < 0) {
        r->source = NULL;
        return -ENOMEM;
    }
    return 0;
}

int net_remote_parse(const char *s, NetRemote *ret) {
    NetRemote r = {};
    int k;

    assert(ret);

    if (!s || strlen(s) >= NET_NAME_MAX || has_control_chars(s) || strchr(s, ',') || strchr(s, '='))
        return -EINVAL;

    if ((s[0] == '\\' && s[1] == '\\') || (s[0] == '/' && s[1] == '/'))
        k = parse_cifs(s, &r);
    else if (strncmp(s, "ssh://", 6) == 0 || strncmp(s, "sshfs://", 8) == 0)
        k = parse_ssh(s, &r);
    else if (strchr(s, ':') && !strstr(s, "://"))
        k = parse_nfs(s, &r);
    else
        k = -EINVAL;

    if (k < 0) {
        net_remote_done(&r);
        return k;
    }
    *ret = r;
    return 0;
}

void net_remote_done(NetRemote *r) {
    assert(r);
    free(r->canonical);
    free(r->host);
    free(r->user);
    free(r->source);
    *r = (NetRemote) {};
}

int net_local_parse(const char *s, NetLocalKind *ret_kind, char **ret_canonical) {
    assert(ret_kind);
    assert(ret_canonical);

    if (isempty(s)) {
        *ret_kind = NET_LOCAL_NONE;
        *ret_canonical = NULL;
        return 0;
    }

    if (isascii(s[0]) && isalpha(s[0]) && s[1] == ':' && s[2] == '\0') {
        char drive[3] = { (char) toupper((unsigned char) s[0]), ':', '\0' };
        *ret_canonical = strdup(drive);
        if (!*ret_canonical)
            return -ENOMEM;
        *ret_kind = NET_LOCAL_DRIVE;
        return 0;
    }

    /* An absolute path: no "//", no "." or ".." components, no control
     * characters; whether it names a directory the caller owns is checked
     * when the mount point is prepared. */
    size_t n = strlen(s);
    if (s[0] != '/' || n >= NET_NAME_MAX || has_control_chars(s))
        return -EINVAL;
    while (n > 1 && s[n - 1] == '/')
        n--;
    if (n == 1)
        return -EINVAL;          /* never over "/" */
    for (const char *p = s; p < s + n;) {
        const char *c = p + 1;
        const char *e = memchr(c, '/', (size_t) (s + n - c)) ?: s + n;
        size_t len = (size_t) (e - c);
        if (len == 0 || (len == 1 && c[0] == '.') || (len == 2 && c[0] == '.' && c[1] == '.'))
            return -EINVAL;
        p = e;
    }

    *ret_canonical = strndup(s, n);
    if (!*ret_canonical)
        return -ENOMEM;
    *ret_kind = NET_LOCAL_PATH;
    return 0;
}

bool net_user_is_valid(const char *user, NetProvider provider) {
    size_t n;
    bool seen_backslash = false;

    if (!user)
        return false;
    n = strlen(user);
    if (n == 0 || n > NET_USER_MAX || user[0] == '-' || user[0] == '.')
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = user[i];
        if (isascii(c) && isalnum(c))
            continue;
        if (c == '_' || c == '.' || c == '-')
            continue;
        if (c == '@' && provider == NET_PROVIDER_CIFS)
            continue;
        if (c == '\\' && provider == NET_PROVIDER_CIFS && !seen_backslash && i > 0 && i + 1 < n) {
            seen_backslash = true;
            continue;
        }
        return false;
    }
    return true;
}

bool net_password_is_valid(const char *password, size_t size) {
    if (!password || size > NET_PASSWORD_MAX)
        return false;
    for (size_t i = 0; i < size; i++)
        if (password[i] == '\0' || password[i] == '\n' || password[i] == '\r')
            return false;
    return true;
}
