/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The phonebook: entries are files in one directory (/etc/ppp/peers), and
 * an entry name is a plain file name in it — never a path. */

#include <stdbool.h>
#include <stddef.h>

#define PHONEBOOK_ENTRY_MAX 256

/* No '/', no leading '.', no control characters, 1..256 bytes. */
bool phonebook_entry_name_is_valid(const char *name);

/* 0 when name is valid and a regular file in dir; -ENOENT otherwise
 * (also for invalid names), other negative errno on I/O trouble. */
int phonebook_entry_check(const char *dir, const char *name);

/* The valid entry names in dir, sorted, NULL-terminated; *ret_n entries.
 * A missing directory is an empty phonebook. */
int phonebook_list(const char *dir, char ***ret, size_t *ret_n);

void strv_free(char **l);
