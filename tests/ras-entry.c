/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* ras-entry: phonebook entries and device names through the RAS API, for
 * the real-link scenarios (every entry they dial is made here, with
 * RasSetEntryProperties, as a Windows program would make it).
 *
 *   ras-entry set NAME KEY=VALUE...     RasSetEntryProperties; prints "set: CODE"
 *       type=modem|PPPoE|vpn  device=NAME  phone=STRING  vpn=pptp|l2tp|auto
 *       encryption=none|optional|require|max  auth=any|pap|chap|mschapv2
 *   ras-entry devices                   "TYPE<TAB>NAME" per RasEnumDevices entry
 *   ras-entry entries                   one name per RasEnumEntries entry
 *   ras-entry names ENTRY               "rasconn<TAB>TYPE<TAB>NAME" from RasEnumConnections and
 *                                       "status<TAB>TYPE<TAB>NAME" from RasGetConnectStatus
 *   ras-entry dial ENTRY USER PASSWORD [PHONE]
 *                                       synchronous RasDial (szPhoneNumber = PHONE);
 *                                       prints "dial: CODE HANDLE"
 *
 * Exit status: 0 when the call returned 0, 1 when it returned an error,
 * 2 on usage errors. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "windows.h"
#include "ras.h"
#include "raserror.h"

static int usage(void) {
    fprintf(stderr, "usage: see the comment at the top of tests/ras-entry.c\n");
    return 2;
}

static int copy_text(char *dst, size_t size, const char *src) {
    if (strlen(src) >= size) {
        fprintf(stderr, "ras-entry: \"%s\" is too long\n", src);
        return -1;
    }
    strcpy(dst, src);
    return 0;
}

typedef struct Word {
    const char *name;
    DWORD value;
} Word;

static int lookup(const Word *words, size_t n, const char *key, const char *value, DWORD *ret) {
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(words[i].name, value) == 0) {
            *ret = words[i].value;
            return 0;
        }
    fprintf(stderr, "ras-entry: unknown %s \"%s\"\n", key, value);
    return -1;
}

#define LOOKUP(words, key, value, ret) lookup(words, sizeof(words) / sizeof(words[0]), key, value, ret)

static const Word vpn_words[] = {
    { "pptp", VS_PptpOnly }, { "l2tp", VS_L2tpOnly }, { "auto", VS_Default },
};
static const Word encryption_words[] = {
    { "none", ET_None }, { "optional", ET_Optional }, { "require", ET_Require }, { "max", ET_RequireMax },
};
static const Word auth_words[] = {
    { "any", 0 }, { "pap", RASEO_RequirePAP }, { "chap", RASEO_RequireCHAP }, { "mschapv2", RASEO_RequireMsCHAP2 },
};

static int apply(RASENTRYA *e, const char *key, const char *value) {
    DWORD v;
    if (strcmp(key, "type") == 0)
        return copy_text(e->szDeviceType, sizeof(e->szDeviceType), value);
    if (strcmp(key, "device") == 0)
        return copy_text(e->szDeviceName, sizeof(e->szDeviceName), value);
    if (strcmp(key, "phone") == 0)
        return copy_text(e->szLocalPhoneNumber, sizeof(e->szLocalPhoneNumber), value);
    if (strcmp(key, "vpn") == 0 && LOOKUP(vpn_words, key, value, &v) == 0) {
        e->dwVpnStrategy = v;
        return 0;
    }
    if (strcmp(key, "encryption") == 0 && LOOKUP(encryption_words, key, value, &v) == 0) {
        e->dwEncryptionType = v;
        return 0;
    }
    if (strcmp(key, "auth") == 0 && LOOKUP(auth_words, key, value, &v) == 0) {
        e->dwfOptions |= v;
        return 0;
    }
    return -1;
}

static int cmd_set(const char *name, int argc, char **argv) {
    RASENTRYA e = {
        .dwSize = sizeof(e),
        .dwfNetProtocols = RASNP_Ip,
        .dwFramingProtocol = RASFP_Ppp,
        .dwEncryptionType = ET_Optional,
        .dwfOptions = RASEO_IpHeaderCompression | RASEO_SwCompression,
    };
    for (int i = 0; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq)
            return usage();
        *eq = '\0';
        if (apply(&e, argv[i], eq + 1) < 0) {
            fprintf(stderr, "ras-entry: bad setting %s=%s\n", argv[i], eq + 1);
            return 2;
        }
    }
    DWORD code = RasSetEntryPropertiesA(NULL, name, &e, sizeof(e), NULL, 0);
    printf("set: %lu\n", (unsigned long) code);
    return code == ERROR_SUCCESS ? 0 : 1;
}

static int cmd_devices(void) {
    DWORD cb = 0, n = 0;
    DWORD code = RasEnumDevicesA(NULL, &cb, &n);
    if (code != ERROR_SUCCESS && code != ERROR_BUFFER_TOO_SMALL) {
        printf("devices: %lu\n", (unsigned long) code);
        return 1;
    }
    /* the size asked for, in bytes, as Microsoft's sample reads it */
    size_t slots = cb / sizeof(RASDEVINFOA) + 1;
    RASDEVINFOA *dev = calloc(slots, sizeof(RASDEVINFOA));
    if (!dev)
        return 1;
    dev[0].dwSize = sizeof(RASDEVINFOA);
    cb = (DWORD) (slots * sizeof(RASDEVINFOA));
    code = RasEnumDevicesA(dev, &cb, &n);
    for (DWORD i = 0; code == ERROR_SUCCESS && i < n; i++)
        printf("%s\t%s\n", dev[i].szDeviceType, dev[i].szDeviceName);
    free(dev);
    if (code != ERROR_SUCCESS)
        printf("devices: %lu\n", (unsigned long) code);
    return code == ERROR_SUCCESS ? 0 : 1;
}

static int cmd_entries(void) {
    DWORD cb = 0, n = 0;
    DWORD code = RasEnumEntriesA(NULL, NULL, NULL, &cb, &n);
    if (code != ERROR_SUCCESS && code != ERROR_BUFFER_TOO_SMALL) {
        printf("entries: %lu\n", (unsigned long) code);
        return 1;
    }
    size_t slots = cb / sizeof(RASENTRYNAMEA) + 1;
    RASENTRYNAMEA *names = calloc(slots, sizeof(RASENTRYNAMEA));
    if (!names)
        return 1;
    names[0].dwSize = sizeof(RASENTRYNAMEA);
    cb = (DWORD) (slots * sizeof(RASENTRYNAMEA));
    code = RasEnumEntriesA(NULL, NULL, names, &cb, &n);
    for (DWORD i = 0; code == ERROR_SUCCESS && i < n; i++)
        printf("%s\n", names[i].szEntryName);
    free(names);
    if (code != ERROR_SUCCESS)
        printf("entries: %lu\n", (unsigned long) code);
    return code == ERROR_SUCCESS ? 0 : 1;
}

static int cmd_names(const char *entry) {
    RASCONNA conns[64] = { [0] = { .dwSize = sizeof(RASCONNA) } };
    DWORD cb = sizeof(conns), n = 0;
    DWORD code = RasEnumConnectionsA(conns, &cb, &n);
    if (code != ERROR_SUCCESS) {
        printf("names: %lu\n", (unsigned long) code);
        return 1;
    }
    for (DWORD i = 0; i < n; i++) {
        if (strcmp(conns[i].szEntryName, entry) != 0)
            continue;
        printf("rasconn\t%s\t%s\n", conns[i].szDeviceType, conns[i].szDeviceName);
        RASCONNSTATUSA st = { .dwSize = sizeof(st) };
        code = RasGetConnectStatusA(conns[i].hrasconn, &st);
        if (code != ERROR_SUCCESS) {
            printf("names: %lu\n", (unsigned long) code);
            return 1;
        }
        printf("status\t%s\t%s\n", st.szDeviceType, st.szDeviceName);
        return 0;
    }
    printf("names: no connection of \"%s\"\n", entry);
    return 1;
}

static int cmd_dial(int argc, char **argv) {
    RASDIALPARAMSA p = { .dwSize = sizeof(p) };
    if (copy_text(p.szEntryName, sizeof(p.szEntryName), argv[0]) < 0 ||
        copy_text(p.szUserName, sizeof(p.szUserName), argv[1]) < 0 ||
        copy_text(p.szPassword, sizeof(p.szPassword), argv[2]) < 0 ||
        (argc > 3 && copy_text(p.szPhoneNumber, sizeof(p.szPhoneNumber), argv[3]) < 0))
        return 2;
    HRASCONN h = NULL;
    DWORD code = RasDialA(NULL, NULL, &p, 0, NULL, &h);
    printf("dial: %lu %p\n", (unsigned long) code, (void *) h);
    /* A failed dial's handle is held until RasHangUp, as on Windows. */
    if (code != ERROR_SUCCESS && h)
        (void) RasHangUpA(h);
    return code == ERROR_SUCCESS ? 0 : 1;
}

int main(int argc, char **argv) {
    const char *cmd = argc > 1 ? argv[1] : "";
    if (strcmp(cmd, "set") == 0 && argc >= 3)
        return cmd_set(argv[2], argc - 3, argv + 3);
    if (strcmp(cmd, "devices") == 0 && argc == 2)
        return cmd_devices();
    if (strcmp(cmd, "entries") == 0 && argc == 2)
        return cmd_entries();
    if (strcmp(cmd, "names") == 0 && argc == 3)
        return cmd_names(argv[2]);
    if (strcmp(cmd, "dial") == 0 && (argc == 5 || argc == 6))
        return cmd_dial(argc - 2, argv + 2);
    return usage();
}
