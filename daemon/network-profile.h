/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Remembered (persistent) WNet connections of one user, in
 * STATE_DIR/wnet/UID.profile.  Format (docs/dbus-api.md): UTF-8 text, one
 * connection per line, "LOCAL<TAB>REMOTE<TAB>USER" (USER may be empty),
 * '#' starts a comment line.  Never a password.  Written to a temporary
 * file, fsync()ed and renamed over the old one, so a reader sees the old
 * or the new profile, never half of one. */

#include <stddef.h>
#include <sys/types.h>

typedef struct ProfileEntry {
    char *local;      /* canonical local name: "Z:" or an absolute path */
    char *remote;     /* canonical remote name */
    char *user;       /* "" when none */
} ProfileEntry;

typedef struct Profile {
    ProfileEntry *entries;
    size_t n_entries;
} Profile;

/* A missing profile is an empty one.  -EBADMSG: the file does not parse
 * (ERROR_BAD_PROFILE); any other error: it cannot be read
 * (ERROR_CANNOT_OPEN_PROFILE). */
int profile_load(const char *state_dir, uid_t uid, Profile *ret);

/* An empty profile removes the file. */
int profile_save(const char *state_dir, uid_t uid, const Profile *p);

void profile_done(Profile *p);

/* Adds or replaces the entry for local. */
int profile_set(Profile *p, const char *local, const char *remote, const char *user);

/* 1 if an entry for local was removed, 0 if there was none. */
int profile_remove(Profile *p, const char *local);

const ProfileEntry *profile_find(const Profile *p, const char *local);
