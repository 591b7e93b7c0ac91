/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* One word per field in ppprasd's own line-based files: "-" is NULL,
 * "=" followed by the value with every byte outside '!'..'~' and '%'
 * written as %XX.  So a field never holds a space, a tab or a newline. */

#include <stdio.h>

/* Writes the field for s (NULL allowed) to f. */
int field_write(FILE *f, const char *s);

/* Decodes word into a new string (*ret NULL for "-").  -EINVAL on bad input. */
int field_read(const char *word, char **ret);

/* Splits line (modified) at spaces into at most max words; returns the count. */
size_t field_split(char *line, char **words, size_t max);
