/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "wnet-match.h"

static bool is_sep(char c) {
    return c == '/' || c == '\\';
}

static bool is_drive(const char *s) {
    return isalpha((unsigned char) s[0]) && s[1] == ':';
}

bool wnet_local_path_is_valid(const char *path) {
    if (!path || !*path)
        return false;
    if (is_drive(path))
        return path[2] == '\0' || is_sep(path[2]);
    return path[0] == '/';
}

/* path is dir or lies below it; the length of dir then, else 0. */
static size_t dir_prefix(const char *path, const char *dir) {
    size_t n = strlen(dir);

    while (n > 1 && dir[n - 1] == '/')
        n--;
    if (n == 0 || dir[0] != '/' || strncmp(path, dir, n) != 0)
        return 0;
    return path[n] == '\0' || path[n] == '/' ? n : 0;
}

const WNetListEntry *wnet_match_local_path(const WNetList *list, const char *path, const char **ret_rest) {
    const WNetListEntry *best = NULL;
    size_t best_len = 0;

    assert(list);
    assert(path);
    assert(ret_rest);

    if (is_drive(path)) {
        for (size_t i = 0; i < list->n_entries; i++) {
            const char *l = list->entries[i].local;
            if (is_drive(l) && l[2] == '\0' && toupper((unsigned char) l[0]) == toupper((unsigned char) path[0])) {
                *ret_rest = path + 2;
                return &list->entries[i];
            }
        }
        return NULL;
    }
    for (size_t i = 0; i < list->n_entries; i++) {
        const WNetListEntry *e = &list->entries[i];
        size_t n = e->local[0] == '/' ? dir_prefix(path, e->local) : 0;
        size_t m = dir_prefix(path, e->mount_point);
        if (m > n)
            n = m;
        if (n > best_len) {
            best = e;
            best_len = n;
        }
    }
    if (best)
        *ret_rest = path + best_len;
    return best;
}

const WNetListEntry *wnet_match_local_name(const WNetList *list, const char *name) {
    assert(list);
    assert(name);

    for (size_t i = 0; i < list->n_entries; i++) {
        const char *l = list->entries[i].local;
        if (!*l)
            continue;
        if (is_drive(name) && name[2] == '\0' ? strcasecmp(l, name) == 0 : strcmp(l, name) == 0)
            return &list->entries[i];
    }
    return NULL;
}

/* How much of name the remote name covers, up to a separator; 0 if not. */
static size_t remote_prefix(const char *name, const char *remote, bool cifs) {
    size_t n = strlen(remote);

    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char a = name[i], b = remote[i];
        if (a == '\0')
            return 0;
        if (cifs ? !(is_sep(a) && is_sep(b)) && tolower((unsigned char) a) != tolower((unsigned char) b) : a != b)
            return 0;
    }
    if (name[n] == '\0' || is_sep(remote[n - 1]))
        return n;
    if (cifs ? is_sep(name[n]) : name[n] == '/')
        return n;
    return 0;
}

const WNetListEntry *wnet_match_remote(const WNetList *list, const char *name, const char **ret_rest) {
    const WNetListEntry *best = NULL;
    size_t best_len = 0;

    assert(list);
    assert(name);
    assert(ret_rest);

    for (size_t i = 0; i < list->n_entries; i++) {
        const WNetListEntry *e = &list->entries[i];
        size_t n = remote_prefix(name, e->remote, strcmp(e->provider, "cifs") == 0);
        if (n > best_len) {
            best = e;
            best_len = n;
        }
    }
    if (best)
        *ret_rest = name + best_len;
    return best;
}

char *wnet_rest_for_provider(const char *rest, const char *provider) {
    char sep = provider && strcmp(provider, "cifs") == 0 ? '\\' : '/';
    char *s;

    assert(rest);

    s = strdup(rest);
    if (!s)
        return NULL;
    for (char *p = s; *p; p++)
        if (is_sep(*p))
            *p = sep;
    return s;
}

char *wnet_universal_name(const char *remote, const char *rest) {
    size_t n;
    char *s;

    assert(remote);
    assert(rest);

    n = strlen(remote);
    if (n > 0 && is_sep(remote[n - 1]) && is_sep(rest[0]))
        rest++;
    if (asprintf(&s, "%s%s", remote, rest) < 0)
        return NULL;
    return s;
}
