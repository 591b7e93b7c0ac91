/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "network-name.h"
#include "atomic-file.h"
#include "network-profile.h"
#include "util.h"

#define PROFILE_SIZE_MAX (256 * 1024)

static int profile_dir(const char *state_dir, char **ret) {
    return asprintf(ret, "%s/wnet", state_dir) < 0 ? -ENOMEM : 0;
}

static int profile_path(const char *state_dir, uid_t uid, char **ret) {
    return asprintf(ret, "%s/wnet/%u.profile", state_dir, (unsigned) uid) < 0 ? -ENOMEM : 0;
}

static void entry_done(ProfileEntry *e) {
    free(e->local);
    free(e->remote);
    free(e->user);
}

void profile_done(Profile *p) {
    assert(p);
    for (size_t i = 0; i < p->n_entries; i++)
        entry_done(&p->entries[i]);
    free(p->entries);
    *p = (Profile) {};
}

const ProfileEntry *profile_find(const Profile *p, const char *local) {
    assert(p);
    assert(local);
    for (size_t i = 0; i < p->n_entries; i++)
        if (strcmp(p->entries[i].local, local) == 0)
            return &p->entries[i];
    return NULL;
}

int profile_set(Profile *p, const char *local, const char *remote, const char *user) {
    ProfileEntry e;

    assert(p);
    assert(local);
    assert(remote);

    e.local = strdup(local);
    e.remote = strdup(remote);
    e.user = strdup(strempty(user));
    if (!e.local || !e.remote || !e.user) {
        entry_done(&e);
        return -ENOMEM;
    }

    ProfileEntry *old = (ProfileEntry *) profile_find(p, local);
    if (old) {
        entry_done(old);
        *old = e;
        return 0;
    }

    ProfileEntry *n = realloc(p->entries, (p->n_entries + 1) * sizeof *n);
    if (!n) {
        entry_done(&e);
        return -ENOMEM;
    }
    p->entries = n;
    p->entries[p->n_entries++] = e;
    return 0;
}

int profile_remove(Profile *p, const char *local) {
    assert(p);
    assert(local);

    ProfileEntry *e = (ProfileEntry *) profile_find(p, local);
    if (!e)
        return 0;
    entry_done(e);
    size_t i = (size_t) (e - p->entries);
    memmove(e, e + 1, (p->n_entries - i - 1) * sizeof *e);
    p->n_entries--;
    return 1;
}

/* One "LOCAL\tREMOTE\tUSER" line; every field must be what AddConnection
 * would have accepted and stored (canonical form), else -EBADMSG. */
static int parse_line(Profile *p, char *line) {
    char *local = line, *remote, *user;
    NetLocalKind kind;
    _cleanup_(freep) char *canonical_local = NULL;
    NetRemote r;
    int k;

    remote = strchr(local, '\t');
    if (!remote)
        return -EBADMSG;
    *remote++ = '\0';
    user = strchr(remote, '\t');
    if (!user)
        return -EBADMSG;
    *user++ = '\0';
    if (strchr(user, '\t'))
        return -EBADMSG;

    k = net_local_parse(local, &kind, &canonical_local);
    if (k == -ENOMEM)
        return k;
    if (k < 0 || kind == NET_LOCAL_NONE || strcmp(canonical_local, local) != 0)
        return -EBADMSG;

    k = net_remote_parse(remote, &r);
    if (k == -ENOMEM)
        return k;
    if (k < 0)
        return -EBADMSG;
    bool ok = strcmp(r.canonical, remote) == 0 && (*user == '\0' || net_user_is_valid(user, r.provider));
    net_remote_done(&r);
    if (!ok)
        return -EBADMSG;
    if (profile_find(p, local))
        return -EBADMSG;          /* one line per device */

    return profile_set(p, local, remote, user);
}

int profile_load(const char *state_dir, uid_t uid, Profile *ret) {
    _cleanup_(freep) char *path = NULL, *data = NULL;
    _cleanup_(closep) int fd = -1;
    Profile p = {};
    struct stat st;
    ssize_t n;
    int r;

    assert(state_dir);
    assert(ret);

    r = profile_path(state_dir, uid, &path);
    if (r < 0)
        return r;

    fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) {
            *ret = p;
            return 0;
        }
        return -errno;
    }
    if (fstat(fd, &st) < 0)
        return -errno;
    if (!S_ISREG(st.st_mode))
        return S_ISDIR(st.st_mode) ? -EISDIR : -EBADF;
    if (st.st_size > PROFILE_SIZE_MAX)
        return -EFBIG;

    data = malloc((size_t) st.st_size + 1);
    if (!data)
        return -ENOMEM;
    n = pread(fd, data, (size_t) st.st_size, 0);
    if (n < 0)
        return -errno;
    data[n] = '\0';
    if (strlen(data) != (size_t) n)
        return -EBADMSG;        /* a NUL inside */

    for (char *line = data, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        if (*line == '\0' || *line == '#')
            continue;
        r = parse_line(&p, line);
        if (r < 0) {
            profile_done(&p);
            return r;
        }
    }
    *ret = p;
    return 0;
}

typedef struct ProfileText {
    uid_t uid;
    const Profile *profile;
} ProfileText;

static int format_profile(FILE *f, const void *userdata) {
    const ProfileText *t = userdata;
    if (fprintf(f, "# pppras remembered network connections of uid %u; written by ppprasd.\n"
                   "# LOCAL<TAB>REMOTE<TAB>USER\n", (unsigned) t->uid) < 0)
        return -EIO;
    for (size_t i = 0; i < t->profile->n_entries; i++) {
        const ProfileEntry *e = &t->profile->entries[i];
        if (fprintf(f, "%s\t%s\t%s\n", e->local, e->remote, e->user) < 0)
            return -EIO;
    }
    return 0;
}

int profile_save(const char *state_dir, uid_t uid, const Profile *p) {
    _cleanup_(freep) char *dir = NULL, *path = NULL;
    int r;

    assert(state_dir);
    assert(p);

    r = profile_dir(state_dir, &dir);
    if (r >= 0)
        r = profile_path(state_dir, uid, &path);
    if (r < 0)
        return r;
    /* the profiles name users' servers and accounts: root's alone */
    if (mkdir(state_dir, 0700) < 0 && errno != EEXIST)
        return -errno;
    if (mkdir(dir, 0700) < 0 && errno != EEXIST)
        return -errno;

    if (p->n_entries == 0) {
        if (unlink(path) < 0 && errno != ENOENT)
            return -errno;
        return fsync_directory(dir);
    }
    ProfileText text = { .uid = uid, .profile = p };
    return atomic_file_write(path, 0600, ATOMIC_FILE_DURABLE, format_profile, &text);
}
