/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call-name.h"

/* Enough for any sane pppd command line; a longer one is searched as far as it goes. */
#define CMDLINE_MAX 16384

int call_name_from_cmdline(const char *cmdline_path, char **ret) {
    assert(cmdline_path);
    assert(ret);

    *ret = NULL;
    FILE *f = fopen(cmdline_path, "re");
    if (!f)
        return -errno;
    char *buf = malloc(CMDLINE_MAX + 1);
    if (!buf) {
        fclose(f);
        return -ENOMEM;
    }
    size_t n = fread(buf, 1, CMDLINE_MAX, f);
    fclose(f);
    buf[n] = '\0';   /* the arguments are NUL-separated; this ends the last one */

    /* argv[0] is pppd itself; "call" takes the next argument as its file. */
    const char *end = buf + n;
    const char *arg = buf + strlen(buf) + 1;
    int r = 0;
    while (arg < end) {
        const char *next = arg + strlen(arg) + 1;
        if (strcmp(arg, "call") == 0 && next < end && *next) {
            *ret = strdup(next);
            r = *ret ? 1 : -ENOMEM;
            break;
        }
        arg = next;
    }
    free(buf);
    return r;
}
