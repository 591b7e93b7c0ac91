/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetEntryProperties / RasSetEntryProperties: a RASENTRY of any size
 * Windows defined, in and out of the daemon's entry dictionary.  The
 * daemon owns the mapping to pppd options; here only the structure is
 * read and written, field by field, as far as the caller's dwSize goes. */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras-entry.h"
#include "ras.h"
#include "text-convert.h"

/* Where each Windows version's RASENTRY ends: the first field the next
 * version added, and the whole structure for the newest. */
#define ENTRY_SIZES(T)                                                                         \
    { offsetof(T, dwSubEntries), offsetof(T, dwType), offsetof(T, dwfOptions2),                 \
      offsetof(T, ipv6addrDns), offsetof(T, ipv6addr), offsetof(T, szIDi), sizeof(T) }

static const DWORD entry_sizes_a[] = ENTRY_SIZES(RASENTRYA);
static const DWORD entry_sizes_w[] = ENTRY_SIZES(RASENTRYW);

size_t ras_entry_sizes(bool wide, DWORD *ret, size_t n) {
    const DWORD *sizes = wide ? entry_sizes_w : entry_sizes_a;
    for (size_t i = 0; i < n && i < ELEMENTSOF(entry_sizes_a); i++)
        ret[i] = sizes[i];
    return ELEMENTSOF(entry_sizes_a);
}

bool ras_entry_size_is_known(DWORD size, bool wide) {
    const DWORD *sizes = wide ? entry_sizes_w : entry_sizes_a;
    for (size_t i = 0; i < ELEMENTSOF(entry_sizes_a); i++)
        if (sizes[i] == size)
            return true;
    return false;
}

DWORD ras_entry_newest_size(bool wide) {
    return wide ? sizeof(RASENTRYW) : sizeof(RASENTRYA);
}

/* Does a structure of `size` bytes hold field? */
#define HAS(p, size, field) (offsetof(__typeof__(*(p)), field) + sizeof((p)->field) <= (size))

static void ip_to_text(const RASIPADDR *a, char *buf, size_t n) {
    if (a->a == 0 && a->b == 0 && a->c == 0 && a->d == 0)
        buf[0] = '\0';
    else
        snprintf(buf, n, "%u.%u.%u.%u", a->a, a->b, a->c, a->d);
}

static RASIPADDR ip_from_text(const char *s) {
    struct in_addr in;
    if (!s || inet_pton(AF_INET, s, &in) != 1)
        return (RASIPADDR) {};
    const BYTE *b = (const BYTE *) &in.s_addr;
    return (RASIPADDR) { b[0], b[1], b[2], b[3] };
}

static DWORD entry_type(const char *device_type) {
    if (strcasecmp(device_type, RASDT_Vpn) == 0)
        return RASET_Vpn;
    if (strcasecmp(device_type, RASDT_PPPoE) == 0)
        return RASET_Broadband;
    return RASET_Phone;
}

/* Fills the caller's structure (A or W alike: p's type decides) from e. */
#define FILL_ENTRY(p, size, wide, e)                                                              \
    do {                                                                                          \
        memset((p), 0, (size));                                                                   \
        (p)->dwSize = (size);                                                                     \
        (p)->dwfOptions = (e)->options;                                                           \
        text_copy((p)->szLocalPhoneNumber, ELEMENTSOF((p)->szLocalPhoneNumber), wide, (e)->phone_number); \
        (p)->ipaddr = ip_from_text((e)->ip_address);                                              \
        (p)->ipaddrDns = ip_from_text((e)->dns_address);                                          \
        (p)->ipaddrDnsAlt = ip_from_text((e)->dns_alt_address);                                   \
        (p)->dwfNetProtocols = (e)->net_protocols;                                                \
        (p)->dwFramingProtocol = (e)->framing_protocol;                                           \
        text_copy((p)->szDeviceType, ELEMENTSOF((p)->szDeviceType), wide, (e)->device_type);      \
        text_copy((p)->szDeviceName, ELEMENTSOF((p)->szDeviceName), wide, (e)->device_name);      \
        if (HAS(p, size, dwIdleDisconnectSeconds)) {                                              \
            (p)->dwSubEntries = (e)->sub_entries;                                                 \
            (p)->dwDialMode = RASEDM_DialAll;                                                     \
            (p)->dwIdleDisconnectSeconds = (e)->idle_disconnect_seconds;                          \
        }                                                                                         \
        if (HAS(p, size, dwVpnStrategy)) {                                                        \
            (p)->dwType = entry_type((e)->device_type);                                           \
            (p)->dwEncryptionType = (e)->encryption_type;                                         \
            (p)->dwVpnStrategy = (e)->vpn_strategy;                                               \
        }                                                                                         \
        if (HAS(p, size, dwRedialPause)) {                                                        \
            (p)->dwfOptions2 = (e)->options2;                                                     \
            (p)->dwRedialCount = (e)->redial_count;                                               \
            (p)->dwRedialPause = (e)->redial_pause;                                               \
        }                                                                                         \
    } while (0)

/* Reads the caller's structure into e; strings go to *strings (freed by
 * the caller, NULL entries when out of memory). */
#define READ_ENTRY(p, size, wide, e, strings)                                                     \
    do {                                                                                          \
        (e)->options = (p)->dwfOptions;                                                           \
        (strings)[0] = text_dup((p)->szDeviceType, ELEMENTSOF((p)->szDeviceType), wide);          \
        (strings)[1] = text_dup((p)->szDeviceName, ELEMENTSOF((p)->szDeviceName), wide);          \
        (strings)[2] = text_dup((p)->szLocalPhoneNumber, ELEMENTSOF((p)->szLocalPhoneNumber), wide); \
        ip_to_text(&(p)->ipaddr, ip[0], sizeof(ip[0]));                                          \
        ip_to_text(&(p)->ipaddrDns, ip[1], sizeof(ip[1]));                                       \
        ip_to_text(&(p)->ipaddrDnsAlt, ip[2], sizeof(ip[2]));                                    \
        (e)->net_protocols = (p)->dwfNetProtocols;                                                \
        (e)->framing_protocol = (p)->dwFramingProtocol;                                           \
        if (HAS(p, size, dwIdleDisconnectSeconds))                                                \
            (e)->idle_disconnect_seconds = (p)->dwIdleDisconnectSeconds;                          \
        if (HAS(p, size, dwVpnStrategy)) {                                                        \
            (e)->encryption_type = (p)->dwEncryptionType;                                         \
            (e)->vpn_strategy = (p)->dwVpnStrategy;                                               \
        }                                                                                         \
        if (HAS(p, size, dwRedialPause)) {                                                        \
            (e)->options2 = (p)->dwfOptions2;                                                     \
            (e)->redial_count = (p)->dwRedialCount;                                               \
            (e)->redial_pause = (p)->dwRedialPause;                                               \
        }                                                                                         \
    } while (0)

/* The entry name argument: NULL or "" gives *ret NULL. */
static DWORD read_name(const void *entry, bool wide, char **ret) {
    *ret = NULL;
    if (!entry)
        return 0;
    char *name = text_dup(entry, SIZE_MAX, wide);
    if (!name)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (name[0] == '\0')
        name = mfree(name);
    *ret = name;
    return 0;
}

static DWORD get_entry_properties(const void *phonebook, const void *entry, void *buf, LPDWORD lpdwEntryInfoSize,
                                  LPDWORD lpdwDeviceInfoSize, bool wide) {
    _cleanup_(client_entry_done) ClientEntry e = {};
    _cleanup_(freep) char *name = NULL;
    DWORD code, size;

    if (!lpdwEntryInfoSize)
        return ERROR_INVALID_PARAMETER;
    /* no device-specific blob on Linux */
    if (lpdwDeviceInfoSize)
        *lpdwDeviceInfoSize = 0;

    /* "If lpRasEntry is NULL, ... the function returns the required size" */
    if (!buf || *lpdwEntryInfoSize < sizeof(DWORD)) {
        *lpdwEntryInfoSize = ras_entry_newest_size(wide);
        return ERROR_BUFFER_TOO_SMALL;
    }
    size = *(const DWORD *) buf;
    if (!ras_entry_size_is_known(size, wide))
        return ERROR_INVALID_SIZE;
    if (*lpdwEntryInfoSize < size) {
        *lpdwEntryInfoSize = size;
        return ERROR_BUFFER_TOO_SMALL;
    }

    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;
    code = read_name(entry, wide, &name);
    if (code != 0)
        return code;
    /* "If this parameter is NULL or an empty string, the function returns
     * default values" */
    if (name)
        code = client_get_entry_properties(name, &e);
    else
        client_entry_defaults(&e);
    if (code != 0)
        return code;

    if (wide) {
        RASENTRYW *p = buf;
        FILL_ENTRY(p, size, true, &e);
    } else {
        RASENTRYA *p = buf;
        FILL_ENTRY(p, size, false, &e);
    }
    *lpdwEntryInfoSize = size;
    return ERROR_SUCCESS;
}

static DWORD set_entry_properties(const void *phonebook, const void *entry, const void *buf, DWORD cb, bool wide) {
    _cleanup_(freep) char *name = NULL;
    char *strings[3] = {};
    char ip[3][16];
    ClientEntry e;
    DWORD code, size;

    if (!buf || cb < sizeof(DWORD))
        return ERROR_BUFFER_INVALID;
    size = *(const DWORD *) buf;
    if (!ras_entry_size_is_known(size, wide))
        return ERROR_INVALID_SIZE;
    /* dwEntryInfoSize covers the structure (and Windows' alternate numbers after it) */
    if (cb < size)
        return ERROR_BUFFER_INVALID;

    code = read_name(entry, wide, &name);
    if (code != 0)
        return code;
    if (!name)
        return ERROR_INVALID_NAME;
    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;

    client_entry_defaults(&e);
    if (wide) {
        const RASENTRYW *p = buf;
        READ_ENTRY(p, size, true, &e, strings);
    } else {
        const RASENTRYA *p = buf;
        READ_ENTRY(p, size, false, &e, strings);
    }
    if (!strings[0] || !strings[1] || !strings[2])
        code = ERROR_NOT_ENOUGH_MEMORY;
    else {
        e.device_type = strings[0];
        e.device_name = strings[1];
        e.phone_number = strings[2];
        e.ip_address = ip[0];
        e.dns_address = ip[1];
        e.dns_alt_address = ip[2];
        code = client_set_entry_properties(name, &e);
    }
    for (size_t i = 0; i < ELEMENTSOF(strings); i++)
        free(strings[i]);
    return code;
}

_public_ DWORD APIENTRY RasGetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                               LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo,
                                               LPDWORD lpdwDeviceInfoSize) {
    return get_entry_properties(lpszPhonebook, lpszEntry, lpRasEntry, lpdwEntryInfoSize, lpdwDeviceInfoSize, false);
}

_public_ DWORD APIENTRY RasGetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                               LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo,
                                               LPDWORD lpdwDeviceInfoSize) {
    return get_entry_properties(lpszPhonebook, lpszEntry, lpRasEntry, lpdwEntryInfoSize, lpdwDeviceInfoSize, true);
}

_public_ DWORD APIENTRY RasSetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                               DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize) {
    return set_entry_properties(lpszPhonebook, lpszEntry, lpRasEntry, dwEntryInfoSize, false);
}

_public_ DWORD APIENTRY RasSetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                               DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize) {
    return set_entry_properties(lpszPhonebook, lpszEntry, lpRasEntry, dwEntryInfoSize, true);
}
