/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Saved dial parameters (RasSetEntryDialParams): user, password, domain
 * per (uid, entry), in one root-only file, STATE_DIR/dialparams, mode
 * 0600, replaced atomically (temp file, fsync, rename).  One record a
 * line: "UID ENTRY USER DOMAIN PASSWORD", fields %-escaped.  Passwords are
 * wiped from memory (explicit_bzero) when a list is freed. */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

typedef struct DialParams {
    uid_t uid;
    char *entry;
    char *user;       /* "" when not saved */
    char *domain;
    char *password;   /* NULL: none saved */
} DialParams;

typedef struct DialParamsList {
    DialParams *items;
    size_t n;
} DialParamsList;

void dial_params_list_done(DialParamsList *l);

/* Parse / format the file's contents (pure, for tests).  Bad lines are
 * skipped with a warning. */
int dial_params_parse(FILE *f, DialParamsList *ret);
int dial_params_format(const DialParamsList *l, FILE *f);

/* Missing file: empty list. */
int dial_params_load(const char *state_dir, DialParamsList *ret);
int dial_params_save(const char *state_dir, const DialParamsList *l);

/* The record for (uid, entry), or NULL. */
DialParams *dial_params_find(const DialParamsList *l, uid_t uid, const char *entry);

/* Sets the record for (uid, entry): NULL members keep what is saved;
 * remove_password forgets the password. */
int dial_params_set(DialParamsList *l, uid_t uid, const char *entry, const char *user,
                    const char *domain, const char *password, bool remove_password);

/* Every uid's record for entry old moves to new_name (NULL: is dropped),
 * as the entry itself is renamed or deleted. */
void dial_params_rename_entry(DialParamsList *l, const char *old, const char *new_name);

/* The same on the saved file (no-op without one); 0 or negative errno. */
int dial_params_rename_saved(const char *state_dir, const char *old, const char *new_name);
