/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "raserror.h"
#include "text-convert.h"

/* Whether a and b name the same directory: equal after dropping trailing
 * slashes, or equal once both are resolved (a symlink, "..", "//"). */
static bool same_directory(const char *a, const char *b) {
    _cleanup_(freep) char *ra = NULL, *rb = NULL;
    size_t la, lb;

    assert(a);
    assert(b);

    la = strlen(a), lb = strlen(b);
    while (la > 1 && a[la - 1] == '/')
        la--;
    while (lb > 1 && b[lb - 1] == '/')
        lb--;
    if (la == lb && memcmp(a, b, la) == 0)
        return true;

    ra = realpath(a, NULL);
    rb = realpath(b, NULL);
    return ra && rb && strcmp(ra, rb) == 0;
}

DWORD phonebook_check(const void *path, bool wide, char **ret_directory) {
    _cleanup_(freep) char *directory = NULL, *given = NULL;
    DWORD code;

    if (path) {
        given = text_dup(path, SIZE_MAX, wide);
        if (!given)
            return ERROR_NOT_ENOUGH_MEMORY;
        /* Windows reads "" like NULL: the default phonebook */
        if (given[0] == '\0')
            given = mfree(given);
    }

    if (!given && !ret_directory)
        return 0;

    code = client_get_phonebook_directory(&directory);
    if (code != 0)
        return code;

    if (given && !same_directory(given, directory))
        return ERROR_CANNOT_OPEN_PHONEBOOK;

    if (ret_directory)
        *ret_directory = TAKE_PTR(directory);
    return 0;
}
