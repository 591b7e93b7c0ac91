/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetSubEntryProperties / RasSetSubEntryProperties: the links of a
 * multilink entry (docs/phonebook.md, "Subentries").  RASSUBENTRY has one
 * version; lpbDeviceConfig is not used. */
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras.h"
#include "text-convert.h"

static DWORD sub_entry_size(bool wide) {
    return wide ? sizeof(RASSUBENTRYW) : sizeof(RASSUBENTRYA);
}

#define FILL_SUB_ENTRY(p, wide, e)                                                                \
    do {                                                                                          \
        memset((p), 0, sizeof(*(p)));                                                             \
        (p)->dwSize = sizeof(*(p));                                                               \
        text_copy((p)->szDeviceType, ELEMENTSOF((p)->szDeviceType), wide, (e)->device_type);      \
        text_copy((p)->szDeviceName, ELEMENTSOF((p)->szDeviceName), wide, (e)->device_name);      \
        text_copy((p)->szLocalPhoneNumber, ELEMENTSOF((p)->szLocalPhoneNumber), wide, (e)->phone_number); \
    } while (0)

#define READ_SUB_ENTRY(p, wide, strings)                                                          \
    do {                                                                                          \
        (strings)[0] = text_dup((p)->szDeviceType, ELEMENTSOF((p)->szDeviceType), wide);          \
        (strings)[1] = text_dup((p)->szDeviceName, ELEMENTSOF((p)->szDeviceName), wide);          \
        (strings)[2] = text_dup((p)->szLocalPhoneNumber, ELEMENTSOF((p)->szLocalPhoneNumber), wide); \
    } while (0)

static DWORD get_sub_entry_properties(const void *phonebook, const void *entry, DWORD n, void *buf,
                                      LPDWORD lpdwcb, LPDWORD lpcbDeviceConfig, bool wide) {
    _cleanup_(client_entry_done) ClientEntry e = {};
    _cleanup_(freep) char *name = NULL;
    DWORD code;

    if (lpcbDeviceConfig)
        *lpcbDeviceConfig = 0;
    if (!lpdwcb)
        return ERROR_INVALID_PARAMETER;
    if (!buf || *lpdwcb < sizeof(DWORD)) {
        *lpdwcb = sub_entry_size(wide);
        return ERROR_BUFFER_TOO_SMALL;
    }
    if (*(const DWORD *) buf != sub_entry_size(wide))
        return ERROR_INVALID_SIZE;
    if (*lpdwcb < sub_entry_size(wide)) {
        *lpdwcb = sub_entry_size(wide);
        return ERROR_BUFFER_TOO_SMALL;
    }
    if (n == 0)
        return ERROR_INVALID_PARAMETER;
    if (!entry)
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    name = text_dup(entry, SIZE_MAX, wide);
    if (!name)
        return ERROR_NOT_ENOUGH_MEMORY;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;
    code = client_get_sub_entry_properties(name, n, &e);
    if (code != 0)
        return code;
    if (wide) {
        RASSUBENTRYW *p = buf;
        FILL_SUB_ENTRY(p, true, &e);
    } else {
        RASSUBENTRYA *p = buf;
        FILL_SUB_ENTRY(p, false, &e);
    }
    *lpdwcb = sub_entry_size(wide);
    return ERROR_SUCCESS;
}

static DWORD set_sub_entry_properties(const void *phonebook, const void *entry, DWORD n, const void *buf,
                                      DWORD cb, bool wide) {
    _cleanup_(freep) char *name = NULL;
    char *strings[3] = {};
    ClientEntry e;
    DWORD code;

    if (!buf || cb < sizeof(DWORD))
        return ERROR_BUFFER_INVALID;
    if (*(const DWORD *) buf != sub_entry_size(wide))
        return ERROR_INVALID_SIZE;
    if (cb < sub_entry_size(wide))
        return ERROR_BUFFER_INVALID;
    if (n == 0)
        return ERROR_INVALID_PARAMETER;
    if (!entry)
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    name = text_dup(entry, SIZE_MAX, wide);
    if (!name)
        return ERROR_NOT_ENOUGH_MEMORY;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;

    if (wide) {
        const RASSUBENTRYW *p = buf;
        READ_SUB_ENTRY(p, true, strings);
    } else {
        const RASSUBENTRYA *p = buf;
        READ_SUB_ENTRY(p, false, strings);
    }
    client_entry_defaults(&e);
    if (!strings[0] || !strings[1] || !strings[2])
        code = ERROR_NOT_ENOUGH_MEMORY;
    else {
        e.device_type = strings[0];
        e.device_name = strings[1];
        e.phone_number = strings[2];
        /* a VPN link takes its strategy from the miniport it names */
        code = client_set_sub_entry_properties(name, n, &e);
    }
    for (size_t i = 0; i < ELEMENTSOF(strings); i++)
        free(strings[i]);
    return code;
}

_public_ DWORD APIENTRY RasGetSubEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, DWORD dwSubEntry,
                                                  LPRASSUBENTRYA lpRasSubEntry, LPDWORD lpdwcb,
                                                  LPBYTE lpbDeviceConfig, LPDWORD lpcbDeviceConfig) {
    return get_sub_entry_properties(lpszPhonebook, lpszEntry, dwSubEntry, lpRasSubEntry, lpdwcb, lpcbDeviceConfig,
                                    false);
}

_public_ DWORD APIENTRY RasGetSubEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, DWORD dwSubEntry,
                                                  LPRASSUBENTRYW lpRasSubEntry, LPDWORD lpdwcb,
                                                  LPBYTE lpbDeviceConfig, LPDWORD lpcbDeviceConfig) {
    return get_sub_entry_properties(lpszPhonebook, lpszEntry, dwSubEntry, lpRasSubEntry, lpdwcb, lpcbDeviceConfig,
                                    true);
}

_public_ DWORD APIENTRY RasSetSubEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, DWORD dwSubEntry,
                                                  LPRASSUBENTRYA lpRasSubEntry, DWORD dwcbRasSubEntry,
                                                  LPBYTE lpbDeviceConfig, DWORD dwcbDeviceConfig) {
    return set_sub_entry_properties(lpszPhonebook, lpszEntry, dwSubEntry, lpRasSubEntry, dwcbRasSubEntry, false);
}

_public_ DWORD APIENTRY RasSetSubEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, DWORD dwSubEntry,
                                                  LPRASSUBENTRYW lpRasSubEntry, DWORD dwcbRasSubEntry,
                                                  LPBYTE lpbDeviceConfig, DWORD dwcbDeviceConfig) {
    return set_sub_entry_properties(lpszPhonebook, lpszEntry, dwSubEntry, lpRasSubEntry, dwcbRasSubEntry, true);
}
