/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* wnet: Windows' "net use" for pppras network connections, built on
 * libpppras's WNet calls alone.
 *
 *   wnet use                                   list connections (and remembered ones)
 *   wnet use DEVICE|* REMOTE [PASSWORD|*] [/user:NAME] [/persistent:yes|no]
 *   wnet use REMOTE [PASSWORD|*] [/user:NAME]  a connection without a device
 *   wnet use DEVICE|REMOTE /delete [/yes]      disconnect (and forget)
 *   wnet use /restore                          reconnect remembered connections
 *
 * DEVICE is a drive letter ("Z:") or an absolute directory; "*" picks a
 * free drive letter.  "*" as PASSWORD asks for it without echo.
 * --json prints results and errors as JSON on stdout.
 *
 * Exit status (wnet.1, the same as rasdial's): 0 success, 1 a WNet error,
 * 2 bad usage, 3 the service cannot be reached (ERROR_NO_NETWORK without a
 * provider's message). */

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include <windows.h>
#include "winnetwk.h"
#include "wnet-errors.h"

enum {
    EXIT_NET_ERROR = 1,
    EXIT_BAD_USAGE = 2,
    EXIT_NO_SERVICE = 3,
};

static bool arg_json;

static void json_string_to(FILE *f, const char *s) {
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static void json_string(const char *s) {
    json_string_to(stdout, s);
}

/* The error as net.exe says it, or as JSON; with the provider's own code
 * and words when the failure came with them (WNetGetLastError). */
static void print_error(DWORD code, bool *ret_from_provider) {
    const char *text = wnet_error_text(code) ?: "An error with no known description occurred.";
    char message[1024] = "", provider[64] = "";
    DWORD provider_code = 0;
    bool from_provider =
        WNetGetLastErrorA(&provider_code, message, sizeof message, provider, sizeof provider) == NO_ERROR &&
        *provider;

    *ret_from_provider = from_provider;
    if (arg_json) {
        printf("{\"error\":%" PRIu32 ",\"error_text\":", code);
        json_string(text);
        printf(",\"provider\":");
        json_string(from_provider ? provider : NULL);
        if (from_provider)
            printf(",\"provider_error\":%" PRIu32, provider_code);
        else
            printf(",\"provider_error\":null");
        printf(",\"provider_text\":");
        json_string(from_provider ? message : NULL);
        printf("}\n");
        return;
    }
    fprintf(stderr, "System error %" PRIu32 " has occurred.\n\n%s\n", code, text);
    if (from_provider && *message)
        fprintf(stderr, "%s error %" PRIu32 ": %s\n", provider, provider_code, message);
}

static int fail(DWORD code) {
    bool from_provider;

    print_error(code, &from_provider);
    /* the library says 1222 when ppprasd is not there; a mount that
     * failed for want of a network says it with the provider's words */
    return code == ERROR_NO_NETWORK && !from_provider ? EXIT_NO_SERVICE : EXIT_NET_ERROR;
}

static int finish(DWORD code) {
    if (code != NO_ERROR)
        return fail(code);
    if (!arg_json)
        printf("The command completed successfully.\n");
    return EXIT_SUCCESS;
}

static const char syntax[] =
    "wnet use [device | *] [remote [password | *]] [/user:name] [/persistent:{yes | no}]\n"
    "wnet use {device | remote} /delete [/yes]\n"
    "wnet use /restore\n";

static int usage(void) {
    fprintf(stderr, "The syntax of this command is:\n\n%s", syntax);
    return EXIT_BAD_USAGE;
}

static int help(void) {
    printf("The syntax of this command is:\n\n%s\n"
           "Options (anywhere on the line):\n"
           "  --json      print the list, the result or the error as one JSON object\n"
           "  -h, --help  show this help\n"
           "  --version   show the version\n"
           "\n"
           "Exit status: 0 success; 1 a WNet error (\"System error N has occurred.\" on\n"
           "stderr, or {\"error\":N,...} on stdout with --json); 2 bad usage; 3 the\n"
           "service (ppprasd) cannot be reached (error 1222).\n",
           syntax);
    return EXIT_SUCCESS;
}

/* One scope of the caller's connections, in the two-call protocol. */
static DWORD for_each_resource(DWORD scope, void (*fn)(const NETRESOURCEA *nr, void *userdata), void *userdata) {
    HANDLE h;
    DWORD r = WNetOpenEnumA(scope, RESOURCETYPE_DISK, 0, NULL, &h);
    if (r != NO_ERROR)
        return r;

    DWORD size = 16384;
    void *buf = malloc(size);
    for (;;) {
        DWORD count = 0xFFFFFFFF, bytes = size;
        if (!buf) {
            r = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        r = WNetEnumResourceA(h, &count, buf, &bytes);
        if (r == ERROR_MORE_DATA) {
            free(buf);
            size = bytes;
            buf = malloc(size);
            continue;
        }
        if (r != NO_ERROR)
            break;
        for (DWORD i = 0; i < count; i++)
            fn((const NETRESOURCEA *) buf + i, userdata);
    }
    free(buf);
    WNetCloseEnum(h);
    return r == ERROR_NO_MORE_ITEMS ? NO_ERROR : r;
}

typedef struct Listing {
    NETRESOURCEA *connected;
    size_t n_connected;
    bool header;            /* text: the header is out; JSON: an entry is */
    FILE *json;             /* --json: the entries, printed once all are read */
} Listing;

static void print_header(Listing *l) {
    if (l->header || arg_json)
        return;
    printf("%-13s %-10s %-40s %s\n", "Status", "Local", "Remote", "Network");
    printf("-------------------------------------------------------------------------------\n");
    l->header = true;
}

static void print_json_entry(Listing *l, const char *status, const NETRESOURCEA *nr) {
    fprintf(l->json, "%s{\"status\":", l->header ? "," : "");
    json_string_to(l->json, status);
    fputs(",\"local\":", l->json);
    json_string_to(l->json, nr->lpLocalName && *nr->lpLocalName ? nr->lpLocalName : NULL);
    fputs(",\"remote\":", l->json);
    json_string_to(l->json, nr->lpRemoteName);
    fputs(",\"provider\":", l->json);
    json_string_to(l->json, nr->lpProvider);
    fputs(",\"mount_point\":", l->json);
    json_string_to(l->json, nr->lpComment);
    fputc('}', l->json);
    l->header = true;
}

static void print_connected(const NETRESOURCEA *nr, void *userdata) {
    Listing *l = userdata;
    if (arg_json)
        print_json_entry(l, "OK", nr);
    else {
        print_header(l);
        printf("%-13s %-10s %-40s %s\n", "OK", nr->lpLocalName ?: "", nr->lpRemoteName ?: "", nr->lpProvider ?: "");
        if (nr->lpComment)
            printf("%-13s %-10s %s\n", "", "", nr->lpComment);
    }

    NETRESOURCEA *n = realloc(l->connected, (l->n_connected + 1) * sizeof *n);
    if (n) {
        l->connected = n;
        l->connected[l->n_connected] = (NETRESOURCEA) { .lpLocalName = nr->lpLocalName ? strdup(nr->lpLocalName) : NULL };
        l->n_connected++;
    }
}

static void print_remembered(const NETRESOURCEA *nr, void *userdata) {
    Listing *l = userdata;
    for (size_t i = 0; i < l->n_connected; i++)
        if (l->connected[i].lpLocalName && nr->lpLocalName && strcmp(l->connected[i].lpLocalName, nr->lpLocalName) == 0)
            return;
    if (arg_json) {
        print_json_entry(l, "Unavailable", nr);
        return;
    }
    print_header(l);
    printf("%-13s %-10s %-40s %s\n", "Unavailable", nr->lpLocalName ?: "", nr->lpRemoteName ?: "",
           nr->lpProvider ?: "");
}

static int list(void) {
    Listing l = {};
    char *buf = NULL;
    size_t size = 0;

    /* JSON: collected first, so that a failure half-way prints the error
     * object alone */
    if (arg_json && !(l.json = open_memstream(&buf, &size)))
        return fail(ERROR_NOT_ENOUGH_MEMORY);

    DWORD r = for_each_resource(RESOURCE_CONNECTED, print_connected, &l);
    if (r == NO_ERROR)
        r = for_each_resource(RESOURCE_REMEMBERED, print_remembered, &l);
    for (size_t i = 0; i < l.n_connected; i++)
        free(l.connected[i].lpLocalName);
    free(l.connected);

    if (arg_json) {
        fclose(l.json);
        if (r == NO_ERROR)
            printf("{\"connections\":[%s]}\n", buf ?: "");
        free(buf);
    } else if (r == NO_ERROR && !l.header)
        printf("There are no entries in the list.\n");
    return finish(r);
}

static bool is_device(const char *s) {
    return strcmp(s, "*") == 0 || s[0] == '/' ||
           (((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')) && s[1] == ':' && s[2] == '\0');
}

/* net.exe's password prompt: no echo, one line. */
static int read_password(const char *remote, char *buf, size_t size) {
    struct termios old, noecho;
    bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;

    fprintf(stderr, "Type the password for %s: ", remote);
    if (tty) {
        noecho = old;
        noecho.c_lflag &= ~(tcflag_t) ECHO;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &noecho);
    }
    char *line = fgets(buf, (int) size, stdin);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (!line)
        return -1;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

static int disconnect(const char *name, bool yes) {
    DWORD r = WNetCancelConnection2A(name, CONNECT_UPDATE_PROFILE, FALSE);
    if (r == ERROR_OPEN_FILES || r == ERROR_DEVICE_IN_USE) {
        bool force = yes;
        if (!force && isatty(STDIN_FILENO)) {
            char answer[16];
            fprintf(stderr, "There are open files and/or incomplete directory searches pending on the "
                            "connection to %s.\n\nIs it OK to continue disconnecting and force them closed? "
                            "(Y/N) [N]: ", name);
            force = fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y');
        }
        if (force)
            r = WNetCancelConnection2A(name, CONNECT_UPDATE_PROFILE, TRUE);
    }
    if (r != NO_ERROR)
        return fail(r);
    if (arg_json) {
        printf("{\"deleted\":");
        json_string(name);
        printf("}\n");
    } else
        printf("%s was deleted successfully.\n", name);
    return EXIT_SUCCESS;
}

static int connect_resource(const char *device, const char *remote, const char *password, const char *user,
                            bool persistent) {
    char prompted[PWLEN + 2];
    NETRESOURCEA nr = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = (LPSTR) remote };
    char assigned[MAX_PATH];
    DWORD size = sizeof assigned, result = 0, flags = persistent ? CONNECT_UPDATE_PROFILE : 0;

    if (password && strcmp(password, "*") == 0) {
        if (read_password(remote, prompted, sizeof prompted) < 0) {
            fprintf(stderr, "wnet: no password could be read.\n");
            return EXIT_BAD_USAGE;
        }
        password = prompted;
    }
    if (device && strcmp(device, "*") == 0)
        flags |= CONNECT_REDIRECT;
    else
        nr.lpLocalName = (LPSTR) device;

    DWORD r = WNetUseConnectionA(NULL, &nr, password, user, flags, assigned, &size, &result);
    explicit_bzero(prompted, sizeof prompted);
    if (r != NO_ERROR)
        return fail(r);
    if (arg_json) {
        printf("{\"local\":");
        json_string(size > 0 && *assigned ? assigned : NULL);
        printf(",\"remote\":");
        json_string(remote);
        printf("}\n");
        return EXIT_SUCCESS;
    }
    if (result & CONNECT_LOCALDRIVE)
        printf("Drive %s is now connected to %s.\n\n", assigned, remote);
    return finish(r);
}

int main(int argc, char *argv[]) {
    const char *positional[3] = {}, *user = NULL;
    bool del = false, yes = false, restore = false, persistent = false, use = false;
    int n = 0;

    /* the tool's own options, anywhere */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "/?") == 0)
            return help();
        if (strcmp(argv[i], "--version") == 0) {
            printf("wnet (pppras) %s\n", PPPRAS_VERSION);
            return EXIT_SUCCESS;
        }
        if (strcmp(argv[i], "--json") == 0)
            arg_json = true;
    }

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0)
            continue;
        if (!use) {
            if (strcasecmp(a, "use") != 0)
                return usage();
            use = true;
        } else if (a[0] == '-' && a[1] == '-')
            return usage();                          /* an option we do not know */
        else if (strncasecmp(a, "/user:", 6) == 0)
            user = a + 6;
        else if (strcasecmp(a, "/delete") == 0 || strcasecmp(a, "/d") == 0)
            del = true;
        else if (strcasecmp(a, "/yes") == 0 || strcasecmp(a, "/y") == 0)
            yes = true;
        else if (strcasecmp(a, "/restore") == 0)
            restore = true;
        else if (strcasecmp(a, "/persistent:yes") == 0 || strcasecmp(a, "/p:yes") == 0)
            persistent = true;
        else if (strcasecmp(a, "/persistent:no") == 0 || strcasecmp(a, "/p:no") == 0)
            persistent = false;
        else if (a[0] == '/' && a[1] != '/' && strchr(a + 1, '/') == NULL && strchr(a, ':'))
            return usage();                          /* an option we do not know */
        else if (n < 3)
            positional[n++] = a;
        else
            return usage();
    }

    if (!use)
        return usage();
    if (restore) {
        DWORD restored = 0;
        if (n > 0 || del)
            return usage();
        DWORD r = PppWNetRestoreConnections(&restored);
        if (r != NO_ERROR)
            return fail(r);
        if (arg_json) {
            printf("{\"restored\":%" PRIu32 "}\n", restored);
            return EXIT_SUCCESS;
        }
        printf("%" PRIu32 " remembered connection(s) restored.\n", restored);
        return finish(r);
    }
    if (del)
        return n == 1 ? disconnect(positional[0], yes) : usage();
    if (n == 0)
        return user ? usage() : list();

    /* "wnet use REMOTE [PASSWORD]": deviceless (a '/'-path device needs a remote after it) */
    if (is_device(positional[0]) && n >= 2)
        return connect_resource(positional[0], positional[1], n == 3 ? positional[2] : NULL, user, persistent);
    if (n <= 2 && !is_device(positional[0]))
        return connect_resource(NULL, positional[0], n == 2 ? positional[1] : NULL, user, false);
    return usage();
}
