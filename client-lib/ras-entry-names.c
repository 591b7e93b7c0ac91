/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasValidateEntryName, RasDeleteEntry, RasRenameEntry: the daemon checks
 * the names and the caller; here the arguments are read. */
#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras.h"
#include "text-convert.h"

/* NULL stays NULL; *ret is the UTF-8 copy. */
static DWORD dup_name(const void *name, bool wide, char **ret) {
    *ret = NULL;
    if (!name)
        return 0;
    *ret = text_dup(name, SIZE_MAX, wide);
    return *ret ? 0 : ERROR_NOT_ENOUGH_MEMORY;
}

static DWORD validate_entry_name(const void *phonebook, const void *entry, bool wide) {
    _cleanup_(freep) char *name = NULL;
    DWORD code = dup_name(entry, wide, &name);
    if (code != 0)
        return code;
    if (!name)
        return ERROR_INVALID_NAME;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;
    return client_validate_entry_name(name);
}

static DWORD delete_entry(const void *phonebook, const void *entry, bool wide) {
    _cleanup_(freep) char *name = NULL;
    DWORD code = dup_name(entry, wide, &name);
    if (code != 0)
        return code;
    if (!name || name[0] == '\0')
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;
    return client_delete_entry(name);
}

static DWORD rename_entry(const void *phonebook, const void *old, const void *new_entry, bool wide) {
    _cleanup_(freep) char *old_name = NULL, *new_name = NULL;
    DWORD code = dup_name(old, wide, &old_name);
    if (code == 0)
        code = dup_name(new_entry, wide, &new_name);
    if (code != 0)
        return code;
    if (!old_name || old_name[0] == '\0')
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    if (!new_name)
        return ERROR_INVALID_NAME;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;
    return client_rename_entry(old_name, new_name);
}

_public_ DWORD APIENTRY RasValidateEntryNameA(LPCSTR lpszPhonebook, LPCSTR lpszEntry) {
    return validate_entry_name(lpszPhonebook, lpszEntry, false);
}

_public_ DWORD APIENTRY RasValidateEntryNameW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry) {
    return validate_entry_name(lpszPhonebook, lpszEntry, true);
}

_public_ DWORD APIENTRY RasDeleteEntryA(LPCSTR lpszPhonebook, LPCSTR lpszEntry) {
    return delete_entry(lpszPhonebook, lpszEntry, false);
}

_public_ DWORD APIENTRY RasDeleteEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry) {
    return delete_entry(lpszPhonebook, lpszEntry, true);
}

_public_ DWORD APIENTRY RasRenameEntryA(LPCSTR lpszPhonebook, LPCSTR lpszOldEntry, LPCSTR lpszNewEntry) {
    return rename_entry(lpszPhonebook, lpszOldEntry, lpszNewEntry, false);
}

_public_ DWORD APIENTRY RasRenameEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszOldEntry, LPCWSTR lpszNewEntry) {
    return rename_entry(lpszPhonebook, lpszOldEntry, lpszNewEntry, true);
}
