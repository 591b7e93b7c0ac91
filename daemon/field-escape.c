/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "field-escape.h"

int field_write(FILE *f, const char *s) {
    assert(f);

    if (!s)
        return fputc('-', f) == EOF ? -EIO : 0;
    if (fputc('=', f) == EOF)
        return -EIO;
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        int r = (*p < '!' || *p > '~' || *p == '%') ? fprintf(f, "%%%02X", *p) : fputc(*p, f);
        if (r < 0)
            return -EIO;
    }
    return 0;
}

static int hex(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

int field_read(const char *word, char **ret) {
    assert(word);
    assert(ret);

    if (strcmp(word, "-") == 0) {
        *ret = NULL;
        return 0;
    }
    if (word[0] != '=')
        return -EINVAL;
    word++;
    char *s = malloc(strlen(word) + 1), *out = s;
    if (!s)
        return -ENOMEM;
    for (const char *p = word; *p; p++) {
        if (*p != '%') {
            *out++ = *p;
            continue;
        }
        int hi = hex(p[1]), lo = hi >= 0 ? hex(p[2]) : -1;
        if (lo < 0 || (hi == 0 && lo == 0)) {
            free(s);
            return -EINVAL;
        }
        *out++ = (char) (hi << 4 | lo);
        p += 2;
    }
    *out = '\0';
    *ret = s;
    return 0;
}

size_t field_split(char *line, char **words, size_t max) {
    assert(line);
    assert(words);

    size_t n = 0;
    for (char *save = NULL, *w = strtok_r(line, " \t\n", &save); w && n < max;
         w = strtok_r(NULL, " \t\n", &save))
        words[n++] = w;
    return n;
}
