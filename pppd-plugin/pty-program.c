/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <string.h>

#include "pty-program.h"

#define BLANKS " \t\n"

void pty_program_name(const char *command, char *buf, size_t size) {
    assert(buf);
    assert(size > 0);

    buf[0] = '\0';
    if (!command)
        return;
    const char *p = command + strspn(command, BLANKS);
    if (strncmp(p, "exec", 4) == 0 && p[4] && strchr(BLANKS, p[4]))
        p += 4 + strspn(p + 4, BLANKS);

    size_t len;
    if (*p == '\'' || *p == '"') {
        const char *end = strchr(p + 1, *p);
        if (!end)
            return;
        p++;
        len = (size_t) (end - p);
    } else
        len = strcspn(p, BLANKS ";&|<>");

    /* the basename: after the word's last slash */
    for (size_t i = len; i > 0; i--)
        if (p[i - 1] == '/') {
            p += i;
            len -= i;
            break;
        }
    if (len == 0 || len >= size)
        return;
    memcpy(buf, p, len);
    buf[len] = '\0';
}
