/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* rasdial: Windows' rasdial.exe for pppras, built on libpppras alone.
 *
 *   rasdial                      list connected entries
 *   rasdial ENTRY /DISCONNECT    hang up the connection of ENTRY
 *   rasdial /DISCONNECT          hang up the only connection
 *   rasdial --status ENTRY|0xHANDLE [--json]
 *   rasdial --json               the list as JSON
 *
 * Exit status 0 on success, 1 on failure; failures are reported on stderr
 * the way rasdial.exe does ("Remote Access error 623 - ..."). */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>

#include <windows.h>
#include "ras.h"
#include "raserror.h"

/* A failure that is not a RAS code: the message was printed already. */
#define EXIT_USAGE_ERROR 0xFFFFFFFFu

static bool arg_json;

static void print_ras_error(DWORD code) {
    char text[512];

    if (RasGetErrorStringA(code, text, sizeof(text)) != ERROR_SUCCESS)
        snprintf(text, sizeof(text), "An error with no known description occurred.");
    fprintf(stderr, "Remote Access error %" PRIu32 " - %s\n", code, text);
}

static int finish(DWORD code) {
    if (code == ERROR_SUCCESS) {
        if (!arg_json)
            printf("Command completed successfully.\n");
        return EXIT_SUCCESS;
    }
    if (code != EXIT_USAGE_ERROR)
        print_ras_error(code);
    return EXIT_FAILURE;
}

static uint64_t handle_value(HRASCONN h) {
    return (uint64_t) (uintptr_t) h;
}

/* All connected entries, with the documented two-call protocol; a
 * connection that comes up between the calls makes us ask again. */
static DWORD list_connections(RASCONNA **ret, DWORD *ret_n) {
    RASCONNA *conns = NULL;
    DWORD cb = 0, n = 0, r;

    for (unsigned attempt = 0; attempt < 8; attempt++) {
        r = RasEnumConnectionsA(conns, &cb, &n);
        if (r != ERROR_BUFFER_TOO_SMALL)
            break;

        free(conns);
        conns = calloc(1, cb);
        if (!conns)
            return ERROR_NOT_ENOUGH_MEMORY;
        conns[0].dwSize = sizeof(RASCONNA);
    }
    if (r != ERROR_SUCCESS) {
        free(conns);
        return r;
    }

    *ret = conns;
    *ret_n = n;
    return ERROR_SUCCESS;
}

/* Connections named entry: exact matches, or else (as entry names are
 * case-insensitive on Windows) those that match ignoring case.  Returns
 * how many were moved to the front of conns. */
static DWORD select_entry(RASCONNA *conns, DWORD n, const char *entry) {
    DWORD kept = 0;

    for (int pass = 0; pass < 2 && kept == 0; pass++)
        for (DWORD i = 0; i < n; i++) {
            const char *name = conns[i].szEntryName;

            if (pass == 0 ? strcmp(name, entry) == 0 : strcasecmp(name, entry) == 0) {
                RASCONNA tmp = conns[kept];

                conns[kept++] = conns[i];
                conns[i] = tmp;
            }
        }
    return kept;
}

static void json_string(const char *s) {
    if (!s) {
        fputs("null", stdout);
        return;
    }

    putchar('"');
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void json_handle(HRASCONN h) {
    printf("\"0x%" PRIx64 "\"", handle_value(h));
}

static DWORD do_list(void) {
    RASCONNA *conns = NULL;
    DWORD n = 0, r;

    r = list_connections(&conns, &n);
    if (r != ERROR_SUCCESS)
        return r;

    if (arg_json) {
        printf("{\"connections\":[");
        for (DWORD i = 0; i < n; i++) {
            printf("%s{\"handle\":", i > 0 ? "," : "");
            json_handle(conns[i].hrasconn);
            printf(",\"entry_name\":");
            json_string(conns[i].szEntryName);
            printf(",\"device_type\":");
            json_string(conns[i].szDeviceType);
            printf(",\"device_name\":");
            json_string(conns[i].szDeviceName);
            printf(",\"phonebook\":");
            json_string(conns[i].szPhonebook);
            printf(",\"sub_entry\":%" PRIu32 "}", conns[i].dwSubEntry);
        }
        printf("]}\n");
    } else if (n == 0)
        printf("No connections\n");
    else {
        printf("Connected to\n");
        for (DWORD i = 0; i < n; i++)
            printf("%s\n", conns[i].szEntryName);
    }

    free(conns);
    return ERROR_SUCCESS;
}

static DWORD do_disconnect(const char *entry) {
    RASCONNA *conns = NULL;
    DWORD n = 0, matched, r;

    r = list_connections(&conns, &n);
    if (r != ERROR_SUCCESS)
        return r;

    if (entry)
        matched = select_entry(conns, n, entry);
    else if (n > 1) {
        fprintf(stderr, "rasdial: %" PRIu32 " connections are up; name the entry to disconnect.\n", n);
        free(conns);
        return EXIT_USAGE_ERROR;
    } else
        matched = n;

    if (matched == 0) {
        free(conns);
        return ERROR_NO_CONNECTION;
    }

    for (DWORD i = 0; i < matched; i++) {
        DWORD q = RasHangUpA(conns[i].hrasconn);

        /* already gone by itself: that is what was asked for */
        if (q != ERROR_SUCCESS && q != ERROR_INVALID_HANDLE && r == ERROR_SUCCESS)
            r = q;
    }

    free(conns);
    return r;
}

/* "0x" and hex digits only: a handle, not an entry name. */
static bool parse_handle(const char *s, uint64_t *ret) {
    char *end;

    if (strncasecmp(s, "0x", 2) != 0 || s[2] == '\0' || strspn(s + 2, "0123456789abcdefABCDEF") != strlen(s + 2))
        return false;

    errno = 0;
    *ret = strtoull(s, &end, 16);
    return errno == 0 && *end == '\0';
}

static const char *address_string(const RASTUNNELENDPOINT *ep, char *buf, size_t size) {
    if (ep->dwType != RASTUNNELENDPOINT_IPv4 || !inet_ntop(AF_INET, &ep->ipv4, buf, size))
        return NULL;
    return buf;
}

static DWORD do_status(const char *target) {
    RASCONNSTATUSA status = { .dwSize = sizeof(status) };
    char local[INET_ADDRSTRLEN], remote[INET_ADDRSTRLEN], error_text[512];
    const char *entry_name = NULL, *state_name, *local_address, *remote_address;
    RASCONNA *conns = NULL;
    DWORD n = 0, r;
    uint64_t value;
    HRASCONN h = NULL;

    /* The list gives the entry name for a handle and the handle for a name. */
    r = list_connections(&conns, &n);
    if (r != ERROR_SUCCESS)
        return r;

    if (parse_handle(target, &value)) {
        h = (HRASCONN) (uintptr_t) value;
        for (DWORD i = 0; i < n; i++)
            if (conns[i].hrasconn == h)
                entry_name = conns[i].szEntryName;
    } else if (select_entry(conns, n, target) > 0) {
        h = conns[0].hrasconn;
        entry_name = conns[0].szEntryName;
    } else {
        free(conns);
        return ERROR_NO_CONNECTION;
    }

    r = RasGetConnectStatusA(h, &status);
    if (r != ERROR_SUCCESS) {
        free(conns);
        return r;
    }

    state_name = PppRasConnStateName(status.rasconnstate) ?: "unknown";
    local_address = address_string(&status.localEndPoint, local, sizeof(local));
    remote_address = address_string(&status.remoteEndPoint, remote, sizeof(remote));
    if (status.dwError == 0 ||
        RasGetErrorStringA(status.dwError, error_text, sizeof(error_text)) != ERROR_SUCCESS)
        error_text[0] = '\0';

    if (arg_json) {
        printf("{\"handle\":");
        json_handle(h);
        printf(",\"entry_name\":");
        json_string(entry_name);
        printf(",\"state\":");
        json_string(state_name);
        printf(",\"state_value\":%d,\"substate\":%d,\"error\":%" PRIu32 ",\"error_text\":",
               (int) status.rasconnstate, (int) status.rasconnsubstate, status.dwError);
        json_string(error_text[0] ? error_text : NULL);
        printf(",\"device_type\":");
        json_string(status.szDeviceType);
        printf(",\"device_name\":");
        json_string(status.szDeviceName);
        printf(",\"phone_number\":");
        json_string(status.szPhoneNumber);
        printf(",\"local_address\":");
        json_string(local_address);
        printf(",\"remote_address\":");
        json_string(remote_address);
        printf("}\n");
    } else {
        if (entry_name)
            printf("Entry name:     %s\n", entry_name);
        printf("Handle:         0x%" PRIx64 "\n", handle_value(h));
        printf("State:          %s\n", state_name);
        if (status.dwError == 0)
            printf("Error:          0\n");
        else
            printf("Error:          %" PRIu32 " - %s\n", status.dwError, error_text[0] ? error_text : "(no description)");
        printf("Device:         %s%s%s%s\n", status.szDeviceType,
               status.szDeviceType[0] && status.szDeviceName[0] ? " (" : "",
               status.szDeviceName, status.szDeviceType[0] && status.szDeviceName[0] ? ")" : "");
        if (status.szPhoneNumber[0])
            printf("Phone number:   %s\n", status.szPhoneNumber);
        printf("Local address:  %s\n", local_address ?: "-");
        printf("Remote address: %s\n", remote_address ?: "-");
    }

    free(conns);
    return ERROR_SUCCESS;
}

static void help(void) {
    printf("Usage: rasdial                      List the connected entries\n"
           "       rasdial ENTRY /DISCONNECT    Hang up the connection of ENTRY\n"
           "       rasdial /DISCONNECT          Hang up the only connection\n"
           "       rasdial --status ENTRY|0xHANDLE\n"
           "                                    Show state, error, device and addresses\n"
           "\n"
           "Options:\n"
           "  -s, --status=WHAT   show the status of a connection (entry name or handle)\n"
           "  -j, --json          print the list or the status as JSON\n"
           "  -h, --help          show this help\n"
           "      --version       show the version\n"
           "\n"
           "/DISCONNECT may be written /disconnect or /d.  Exit status is 0 on\n"
           "success and 1 on failure, with the Remote Access error on stderr.\n");
}

static bool is_disconnect_switch(const char *s) {
    return strcasecmp(s, "/disconnect") == 0 || strcasecmp(s, "/d") == 0;
}

int main(int argc, char *argv[]) {
    enum { ARG_VERSION = 0x100 };
    static const struct option options[] = {
        { "status",  required_argument, NULL, 's' },
        { "json",    no_argument,       NULL, 'j' },
        { "help",    no_argument,       NULL, 'h' },
        { "version", no_argument,       NULL, ARG_VERSION },
        {}
    };
    const char *status_target = NULL, *entry = NULL;
    bool disconnect = false;
    int c;

    while ((c = getopt_long(argc, argv, "s:jh", options, NULL)) >= 0)
        switch (c) {
        case 's':
            status_target = optarg;
            break;
        case 'j':
            arg_json = true;
            break;
        case 'h':
            help();
            return EXIT_SUCCESS;
        case ARG_VERSION:
            printf("rasdial (pppras) %s\n", PPPRAS_VERSION);
            return EXIT_SUCCESS;
        default:
            return EXIT_FAILURE;
        }

    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "/?") == 0) {
            help();
            return EXIT_SUCCESS;
        }
        if (is_disconnect_switch(argv[i]))
            disconnect = true;
        else if (!entry)
            entry = argv[i];
        else if (!disconnect) {
            /* rasdial ENTRY USER PASSWORD */
            fprintf(stderr, "rasdial: dialling is not available yet; start the link with \"pppd call %s\".\n", entry);
            return EXIT_FAILURE;
        } else {
            fprintf(stderr, "rasdial: unexpected argument \"%s\"; see rasdial --help.\n", argv[i]);
            return EXIT_FAILURE;
        }
    }

    if (status_target) {
        if (entry || disconnect) {
            fprintf(stderr, "rasdial: --status takes no other arguments; see rasdial --help.\n");
            return EXIT_FAILURE;
        }
        return finish(do_status(status_target));
    }
    if (disconnect)
        return finish(do_disconnect(entry));
    if (entry) {
        fprintf(stderr, "rasdial: dialling is not available yet; start the link with \"pppd call %s\".\n", entry);
        return EXIT_FAILURE;
    }
    return finish(do_list());
}
