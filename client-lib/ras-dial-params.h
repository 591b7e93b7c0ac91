/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* RASDIALPARAMS in every version Windows defined (< 0x400, 0x400, 0x401,
 * 0x601), A and W, and RASDIALEXTENSIONS (0x400, 0x500, 0x601): reading
 * what a caller passed into UTF-8, and writing what RasGetEntryDialParams
 * returns.  The caller's dwSize picks the version. */

#include <stdbool.h>

#include "ras.h"

/* What RasGetEntryDialParams puts in szPassword when a password is saved:
 * Windows' "handle" of the saved password.  Given back to RasDial or
 * RasSetEntryDialParams it means "the saved password". */
#define SAVED_PASSWORD_HANDLE "****************"

typedef struct DialRequest {
    char *entry;
    char *phone_number;
    char *callback_number;
    char *user;
    char *password;          /* wiped when freed */
    char *domain;
    DWORD sub_entry;         /* 0 when the version has none */
    ULONG_PTR callback_id;
} DialRequest;

/* Validate params' dwSize (ERROR_INVALID_SIZE) and copy its strings. */
DWORD dial_request_read(const void *params, bool wide, DialRequest *ret);
void dial_request_done(DialRequest *r);

/* Validate a RASDIALEXTENSIONS' dwSize (NULL is fine). */
DWORD dial_extensions_check(const RASDIALEXTENSIONS *extensions);

/* RasGetEntryDialParams' output: entry name kept, szPhoneNumber and
 * szCallbackNumber emptied, user/domain as saved, szPassword the saved
 * password's handle or empty, dwSubEntry/dwCallbackId/dwIfIndex zero.
 * params' dwSize must have been accepted by dial_request_read(). */
void dial_params_fill(void *params, bool wide, const char *user, const char *domain, bool has_password);

/* The accepted sizes, oldest first (for tests); returns how many exist. */
size_t dial_params_sizes(bool wide, DWORD *ret, size_t n);
