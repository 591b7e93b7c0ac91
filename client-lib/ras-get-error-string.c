/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdbool.h>
#include <string.h>

#include "lib-macro.h"
#include "ras-error-text.h"
#include "ras.h"
#include "text-convert.h"

/* Shared by A and W: the text is UTF-8 in the table and converted at the
 * buffer.  The buffer must hold all of it; a cut message helps nobody. */
static DWORD get_error_string(UINT code, void *buffer, DWORD chars, bool wide) {
    const char *text;
    size_t needed;

    if (!buffer)
        return ERROR_INVALID_PARAMETER;

    text = ras_error_text(code);
    if (!text)
        return ERROR_INVALID_PARAMETER;

    needed = (wide ? text_wide_length(text) : strlen(text)) + 1;
    if (chars < needed)
        return ERROR_INSUFFICIENT_BUFFER;

    text_copy(buffer, chars, wide, text);
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasGetErrorStringA(UINT uErrorValue, LPSTR lpszErrorString, DWORD cBufSize) {
    return get_error_string(uErrorValue, lpszErrorString, cBufSize, false);
}

_public_ DWORD APIENTRY RasGetErrorStringW(UINT uErrorValue, LPWSTR lpszErrorString, DWORD cBufSize) {
    return get_error_string(uErrorValue, lpszErrorString, cBufSize, true);
}
