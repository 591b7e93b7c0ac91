/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetEntryDialParams / RasSetEntryDialParams: the daemon keeps user,
 * password and domain per entry and per uid; the password never comes
 * back, only the "handle" Windows hands out in its place. */
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras-dial-params.h"
#include "ras.h"

static DWORD get_entry_dial_params(const void *phonebook, void *params, LPBOOL lpfPassword, bool wide) {
    _cleanup_(dial_request_done) DialRequest req = {};
    _cleanup_(client_saved_params_done) ClientSavedParams saved = {};
    DWORD code;

    if (!params || !lpfPassword)
        return ERROR_BUFFER_INVALID;

    code = dial_request_read(params, wide, &req);
    if (code != 0)
        return code;
    if (req.entry[0] == '\0')
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;

    code = client_get_dial_params(req.entry, &saved);
    if (code != 0)
        return code;

    dial_params_fill(params, wide, saved.user, saved.domain, saved.has_password);
    *lpfPassword = saved.has_password ? TRUE : FALSE;
    return ERROR_SUCCESS;
}

static DWORD set_entry_dial_params(const void *phonebook, const void *params, BOOL remove_password, bool wide) {
    _cleanup_(dial_request_done) DialRequest req = {};
    ClientDialParams save = {};
    DWORD code;

    if (!params)
        return ERROR_BUFFER_INVALID;

    code = dial_request_read(params, wide, &req);
    if (code != 0)
        return code;
    if (req.entry[0] == '\0')
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;

    save.user = req.user;
    save.domain = req.domain;
    /* fRemovePassword: szPassword is ignored.  The saved password's
     * handle given back means "keep what is saved". */
    if (!remove_password && strcmp(req.password, SAVED_PASSWORD_HANDLE) != 0)
        save.password = req.password;

    return client_set_dial_params(req.entry, &save, remove_password);
}

_public_ DWORD APIENTRY RasGetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA lprasdialparams, LPBOOL lpfPassword) {
    return get_entry_dial_params(lpszPhonebook, lprasdialparams, lpfPassword, false);
}

_public_ DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR lpszPhonebook, LPRASDIALPARAMSW lprasdialparams, LPBOOL lpfPassword) {
    return get_entry_dial_params(lpszPhonebook, lprasdialparams, lpfPassword, true);
}

_public_ DWORD APIENTRY RasSetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA lprasdialparams, BOOL fRemovePassword) {
    return set_entry_dial_params(lpszPhonebook, lprasdialparams, fRemovePassword, false);
}

_public_ DWORD APIENTRY RasSetEntryDialParamsW(LPCWSTR lpszPhonebook, LPRASDIALPARAMSW lprasdialparams, BOOL fRemovePassword) {
    return set_entry_dial_params(lpszPhonebook, lprasdialparams, fRemovePassword, true);
}
