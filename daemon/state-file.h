/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The connection table on disk (RUNTIME_DIR/connections), so that a
 * restarted ppprasd — after a crash or kill -9 too — finds every
 * connection under its handle, and never hands out a handle again.  One
 * line per connection, those whose pppd ended and whose handle is still
 * held too (gone=1), words "key=FIELD" (see field-escape.h); the file is
 * replaced by rename, never edited. */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "handle-table.h"

typedef struct StateFile {
    uint64_t next_handle;
    Connection **connections;     /* restored state, no observer, no event sources */
    size_t n_connections;
} StateFile;

void state_file_done(StateFile *s);

int state_file_format(const HandleTable *t, FILE *f);
/* Lines that do not parse are skipped with a warning. */
int state_file_parse(FILE *f, StateFile *ret);

/* Temp file + rename in dir (created 0755 if missing). */
int state_file_save(const char *dir, const HandleTable *t);
/* One record added to the end of the saved table with a single write(2):
 * a new handle is on disk before anyone learns it, at the cost of one
 * line, not the whole table.  A later record of a handle replaces an
 * earlier one on reading; the next save compacts.  -ENOENT: no table
 * saved yet (save it instead). */
int state_file_append(const char *dir, const Connection *c);
/* A missing file gives an empty StateFile (next_handle 0). */
int state_file_load(const char *dir, StateFile *ret);
