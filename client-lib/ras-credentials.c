/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetCredentials / RasSetCredentials over the saved dial parameters
 * (the daemon's GetDialParams and SetDialParams): user, password and
 * domain per entry and per user.  The password never comes back, only
 * the handle Windows gives in its place, which Set and RasDial take as
 * "the saved password". */
#include <stdlib.h>
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras-dial-params.h"
#include "ras.h"
#include "text-convert.h"

#define RASCM_KEYS (RASCM_PreSharedKey | RASCM_ServerPreSharedKey | RASCM_DDMPreSharedKey)

static DWORD credentials_size(bool wide) {
    return wide ? sizeof(RASCREDENTIALSW) : sizeof(RASCREDENTIALSA);
}

/* The checks both calls make; *ret_name is the entry in UTF-8. */
static DWORD read_args(const void *phonebook, const void *entry, const void *creds, bool wide, char **ret_name) {
    *ret_name = NULL;
    if (!creds)
        return ERROR_INVALID_PARAMETER;
    if (*(const DWORD *) creds != credentials_size(wide))
        return ERROR_INVALID_SIZE;
    /* pre-shared keys belong to L2TP/IPsec and IKEv2, which pppras has not */
    if (((const DWORD *) creds)[1] & RASCM_KEYS)
        return ERROR_NOT_SUPPORTED;
    if (!entry)
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    char *name = text_dup(entry, SIZE_MAX, wide);
    if (!name)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (name[0] == '\0') {
        free(name);
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    }
    DWORD code = phonebook_check(phonebook, wide, NULL);
    if (code != 0) {
        free(name);
        return code;
    }
    *ret_name = name;
    return 0;
}

#define FILL_CREDENTIALS(p, wide, saved)                                                          \
    do {                                                                                          \
        DWORD want = (p)->dwMask, got = 0;                                                        \
        memset((p)->szUserName, 0, sizeof((p)->szUserName));                                      \
        memset((p)->szPassword, 0, sizeof((p)->szPassword));                                      \
        memset((p)->szDomain, 0, sizeof((p)->szDomain));                                          \
        if ((want & RASCM_UserName) && (saved)->user[0]) {                                        \
            text_copy((p)->szUserName, ELEMENTSOF((p)->szUserName), wide, (saved)->user);         \
            got |= RASCM_UserName;                                                                \
        }                                                                                         \
        if ((want & RASCM_Password) && (saved)->has_password) {                                   \
            text_copy((p)->szPassword, ELEMENTSOF((p)->szPassword), wide, SAVED_PASSWORD_HANDLE); \
            got |= RASCM_Password;                                                                \
        }                                                                                         \
        if ((want & RASCM_Domain) && (saved)->domain[0]) {                                        \
            text_copy((p)->szDomain, ELEMENTSOF((p)->szDomain), wide, (saved)->domain);           \
            got |= RASCM_Domain;                                                                  \
        }                                                                                         \
        (p)->dwMask = got;                                                                        \
    } while (0)

static DWORD get_credentials(const void *phonebook, const void *entry, void *creds, bool wide) {
    _cleanup_(client_saved_params_done) ClientSavedParams saved = {};
    _cleanup_(freep) char *name = NULL;

    DWORD code = read_args(phonebook, entry, creds, wide, &name);
    if (code != 0)
        return code;
    code = client_get_dial_params(name, &saved);
    if (code != 0)
        return code;
    if (wide) {
        RASCREDENTIALSW *p = creds;
        FILL_CREDENTIALS(p, true, &saved);
    } else {
        RASCREDENTIALSA *p = creds;
        FILL_CREDENTIALS(p, false, &saved);
    }
    return ERROR_SUCCESS;
}

#define READ_CREDENTIALS(p, wide, strings)                                                        \
    do {                                                                                          \
        (strings)[0] = text_dup((p)->szUserName, ELEMENTSOF((p)->szUserName), wide);              \
        (strings)[1] = text_dup((p)->szPassword, ELEMENTSOF((p)->szPassword), wide);              \
        (strings)[2] = text_dup((p)->szDomain, ELEMENTSOF((p)->szDomain), wide);                  \
    } while (0)

static DWORD set_credentials(const void *phonebook, const void *entry, const void *creds, BOOL clear, bool wide) {
    _cleanup_(freep) char *name = NULL;
    char *strings[3] = {};
    ClientDialParams save = {};

    DWORD code = read_args(phonebook, entry, creds, wide, &name);
    if (code != 0)
        return code;
    DWORD mask = ((const DWORD *) creds)[1];

    if (wide) {
        const RASCREDENTIALSW *p = creds;
        READ_CREDENTIALS(p, true, strings);
    } else {
        const RASCREDENTIALSA *p = creds;
        READ_CREDENTIALS(p, false, strings);
    }
    if (!strings[0] || !strings[1] || !strings[2])
        code = ERROR_NOT_ENOUGH_MEMORY;
    else if (clear) {
        /* "clear existing credentials by setting them to the empty string" */
        save.user = mask & RASCM_UserName ? "" : NULL;
        save.domain = mask & RASCM_Domain ? "" : NULL;
        code = client_set_dial_params(name, &save, mask & RASCM_Password);
    } else {
        save.user = mask & RASCM_UserName ? strings[0] : NULL;
        save.domain = mask & RASCM_Domain ? strings[2] : NULL;
        /* the handle Get gave back keeps the saved password */
        if ((mask & RASCM_Password) && strcmp(strings[1], SAVED_PASSWORD_HANDLE) != 0)
            save.password = strings[1];
        code = client_set_dial_params(name, &save, false);
    }
    for (size_t i = 0; i < ELEMENTSOF(strings); i++)
        text_free_secret(strings[i]);
    return code;
}

_public_ DWORD APIENTRY RasGetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASCREDENTIALSA lpCredentials) {
    return get_credentials(lpszPhonebook, lpszEntry, lpCredentials, false);
}

_public_ DWORD APIENTRY RasGetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASCREDENTIALSW lpCredentials) {
    return get_credentials(lpszPhonebook, lpszEntry, lpCredentials, true);
}

_public_ DWORD APIENTRY RasSetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASCREDENTIALSA lpCredentials,
                                           BOOL fClearCredentials) {
    return set_credentials(lpszPhonebook, lpszEntry, lpCredentials, fClearCredentials, false);
}

_public_ DWORD APIENTRY RasSetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASCREDENTIALSW lpCredentials,
                                           BOOL fClearCredentials) {
    return set_credentials(lpszPhonebook, lpszEntry, lpCredentials, fClearCredentials, true);
}
