/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* rasdial: Windows' rasdial.exe for pppras, built on libpppras alone.
 *
 *   rasdial                                   list connected entries
 *   rasdial ENTRY [USER [PASSWORD|*]] [/DOMAIN:D] [/PHONEBOOK:DIR] [/PHONE:NUMBER]
 *                                             dial ENTRY, printing progress
 *   rasdial ENTRY /DISCONNECT                 hang up the connection of ENTRY
 *   rasdial /DISCONNECT                       hang up the only connection
 *   rasdial --status ENTRY|0xHANDLE           one connection's status
 *   rasdial --watch [--count N]               every state change as it happens
 *   --json                                    machine-readable output
 *
 * Exit status (rasdial.1): 0 success, 1 a RAS error, 2 bad usage, 3 the
 * service cannot be reached (711).  Errors go to stderr the way
 * rasdial.exe says them ("Remote Access error 623 - ..."); with --json
 * they are a JSON object on stdout instead. */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/signalfd.h>

#include <windows.h>
#include "ras.h"
#include "raserror.h"

/* Bad usage, not a RAS code: the message was printed already. */
#define EXIT_USAGE_ERROR 0xFFFFFFFFu

/* The exit statuses of rasdial.1 (wnet.1 uses the same). */
enum {
    EXIT_RAS_ERROR = 1,
    EXIT_BAD_USAGE = 2,
    EXIT_NO_SERVICE = 3,
};

static bool arg_json;
static bool json_printed;          /* the command's one JSON object is out already */
static uint64_t arg_count;         /* --watch: stop after this many changes; 0: never */

static void json_string(const char *s);

static void print_ras_error(DWORD code) {
    char text[512];

    if (RasGetErrorStringA(code, text, sizeof(text)) != ERROR_SUCCESS)
        snprintf(text, sizeof(text), "An error with no known description occurred.");
    if (arg_json) {
        if (json_printed)
            return;
        printf("{\"error\":%" PRIu32 ",\"error_text\":", code);
        json_string(text);
        printf("}\n");
        json_printed = true;
    } else
        fprintf(stderr, "Remote Access error %" PRIu32 " - %s\n", code, text);
}

static int finish(DWORD code) {
    if (code == ERROR_SUCCESS) {
        if (!arg_json)
            printf("Command completed successfully.\n");
        return EXIT_SUCCESS;
    }
    if (code == EXIT_USAGE_ERROR)
        return EXIT_BAD_USAGE;
    print_ras_error(code);
    return code == ERROR_RASMAN_CANNOT_INITIALIZE ? EXIT_NO_SERVICE : EXIT_RAS_ERROR;
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

/* ---------------------------------------------------------------- dialling */

/* Dial progress crosses from the library's notifier thread to main()
 * through a pipe: one fixed-size record per state change. */
typedef struct DialEventRecord {
    RASCONNSTATE state;
    DWORD error;
} DialEventRecord;

static int dial_event_pipe[2] = { -1, -1 };

static VOID WINAPI on_dial_event(HRASCONN h, UINT msg, RASCONNSTATE state, DWORD error, DWORD extended_error) {
    DialEventRecord r = { .state = state, .error = error };

    /* records are far below PIPE_BUF: each write is whole; main() reads
     * until the end, so the pipe cannot fill up with a dial's few states */
    while (write(dial_event_pipe[1], &r, sizeof(r)) < 0 && errno == EINTR)
        ;
}

/* The lines rasdial.exe prints while it dials (it is silent for the
 * other states). */
static const char *progress_text(RASCONNSTATE state) {
    switch (state) {
    case RASCS_Authenticate:
        return "Verifying username and password...";
    case RASCS_AuthProject:
        return "Registering your computer on the network...";
    default:
        return NULL;
    }
}

/* Read the password for "*" from the terminal, without echo. */
static DWORD prompt_password(const char *entry, const char *user, char *buf, size_t size) {
    struct termios old, quiet;
    bool restore = false;
    FILE *tty;
    size_t len;

    tty = fopen("/dev/tty", "r+e");
    if (!tty) {
        fprintf(stderr, "rasdial: no terminal to read the password from: %m\n");
        return EXIT_USAGE_ERROR;
    }
    fprintf(tty, "Enter the password for %s to connect to %s: ", user, entry);
    fflush(tty);
    if (tcgetattr(fileno(tty), &old) == 0) {
        quiet = old;
        quiet.c_lflag &= ~(tcflag_t) ECHO;
        quiet.c_lflag |= ECHONL;
        restore = tcsetattr(fileno(tty), TCSANOW, &quiet) == 0;
    }
    if (!fgets(buf, (int) size, tty))
        buf[0] = '\0';
    if (restore)
        tcsetattr(fileno(tty), TCSANOW, &old);
    fclose(tty);

    len = strcspn(buf, "\n");
    buf[len] = '\0';
    return ERROR_SUCCESS;
}

typedef struct DialArgs {
    const char *entry;
    const char *user;
    char *password;         /* our copy; wiped after use */
    bool prompt_password;
    const char *domain;
    const char *phonebook;
    const char *phone;
    const char *callback;
} DialArgs;

static bool copy_field(char *dst, size_t size, const char *src, const char *what) {
    if (!src)
        return true;
    if (strlen(src) >= size) {
        fprintf(stderr, "rasdial: the %s is longer than %zu characters.\n", what, size - 1);
        return false;
    }
    strcpy(dst, src);
    return true;
}

static void print_dial_json(const char *entry, HRASCONN h, DWORD code) {
    char text[512] = "";

    if (code != ERROR_SUCCESS && RasGetErrorStringA(code, text, sizeof(text)) != ERROR_SUCCESS)
        text[0] = '\0';
    printf("{\"entry_name\":");
    json_string(entry);
    printf(",\"handle\":");
    if (h)
        json_handle(h);
    else
        printf("null");
    printf(",\"connected\":%s,\"error\":%" PRIu32 ",\"error_text\":", code == ERROR_SUCCESS ? "true" : "false", code);
    json_string(text[0] ? text : NULL);
    printf("}\n");
}

/* Follow the dial until Connected, failure or a signal. */
static DWORD wait_for_dial(HRASCONN h, int signal_fd, const char *entry) {
    for (;;) {
        struct pollfd fds[2] = {
            { .fd = dial_event_pipe[0], .events = POLLIN },
            { .fd = signal_fd, .events = POLLIN },
        };
        DialEventRecord r;
        const char *text;

        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "rasdial: poll: %m\n");
            RasHangUpA(h);
            return ERROR_UNKNOWN;
        }
        if (fds[1].revents & POLLIN) {
            /* interrupted: give the attempt up, as closing rasdial.exe does */
            RasHangUpA(h);
            return ERROR_USER_DISCONNECTION;
        }
        if (!(fds[0].revents & POLLIN))
            continue;
        if (read(dial_event_pipe[0], &r, sizeof(r)) != (ssize_t) sizeof(r))
            continue;

        if (r.error != 0 || r.state == RASCS_Disconnected) {
            /* the handle must still be hung up (Windows' rule) */
            RasHangUpA(h);
            return r.error != 0 ? r.error : ERROR_DISCONNECTION;
        }
        if (r.state == RASCS_Connected) {
            if (!arg_json)
                printf("Successfully connected to %s.\n", entry);
            return ERROR_SUCCESS;
        }
        text = progress_text(r.state);
        if (text && !arg_json) {
            printf("%s\n", text);
            fflush(stdout);
        }
    }
}

static DWORD do_dial(DialArgs *a) {
    RASDIALPARAMSA params = { .dwSize = sizeof(params) };
    char typed[PWLEN + 2];
    RASCONNA *conns = NULL;
    HRASCONN h = NULL;
    sigset_t mask;
    int signal_fd;
    DWORD n = 0, r;

    /* a wrong /PHONEBOOK fails before anything else (621) */
    if (a->phonebook) {
        DWORD cb = 0, entries = 0;

        r = RasEnumEntriesA(NULL, a->phonebook, NULL, &cb, &entries);
        if (r != ERROR_SUCCESS && r != ERROR_BUFFER_TOO_SMALL)
            return r;
    }

    /* rasdial.exe: an entry that is up already is success */
    r = list_connections(&conns, &n);
    if (r == ERROR_SUCCESS && select_entry(conns, n, a->entry) > 0 && strcmp(conns[0].szEntryName, a->entry) == 0) {
        if (arg_json) {
            print_dial_json(a->entry, conns[0].hrasconn, ERROR_SUCCESS);
            json_printed = true;
        } else
            printf("You are already connected to %s.\n", a->entry);
        free(conns);
        return ERROR_SUCCESS;
    }
    free(conns);

    if (a->prompt_password) {
        r = prompt_password(a->entry, a->user, typed, sizeof(typed));
        if (r != ERROR_SUCCESS)
            return r;
        a->password = strdup(typed);
        explicit_bzero(typed, sizeof(typed));
        if (!a->password)
            return ERROR_NOT_ENOUGH_MEMORY;
    }

    if (!copy_field(params.szEntryName, sizeof(params.szEntryName), a->entry, "entry name") ||
        !copy_field(params.szUserName, sizeof(params.szUserName), a->user, "user name") ||
        !copy_field(params.szPassword, sizeof(params.szPassword), a->password, "password") ||
        !copy_field(params.szDomain, sizeof(params.szDomain), a->domain, "domain") ||
        !copy_field(params.szPhoneNumber, sizeof(params.szPhoneNumber), a->phone, "phone number") ||
        !copy_field(params.szCallbackNumber, sizeof(params.szCallbackNumber), a->callback, "callback number"))
        return EXIT_USAGE_ERROR;
    /* rasdial.exe with a user but no password: the saved one */
    if (!a->password && a->user)
        strcpy(params.szPassword, "****************");

    /* Signals become readable on a signalfd; blocked before RasDial starts
     * its thread, so that thread inherits the mask. */
    sigemptyset(&mask);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGHUP);
    if (sigprocmask(SIG_BLOCK, &mask, NULL) < 0 ||
        (signal_fd = signalfd(-1, &mask, SFD_CLOEXEC)) < 0 ||
        pipe2(dial_event_pipe, O_CLOEXEC) < 0) {
        fprintf(stderr, "rasdial: %m\n");
        return ERROR_UNKNOWN;
    }

    if (!arg_json) {
        printf("Connecting to %s...\n", a->entry);
        fflush(stdout);
    }

    r = RasDialA(NULL, a->phonebook, &params, 1, (LPVOID) on_dial_event, &h);
    explicit_bzero(params.szPassword, sizeof(params.szPassword));
    if (a->password)
        explicit_bzero(a->password, strlen(a->password));

    if (r != ERROR_SUCCESS) {
        if (h)
            RasHangUpA(h);
    } else
        r = wait_for_dial(h, signal_fd, a->entry);

    if (arg_json) {
        print_dial_json(a->entry, h, r);
        json_printed = true;
    }
    close(signal_fd);
    return r;
}

/* ---------------------------------------------------------------- --watch */

typedef struct WatchState {
    uint64_t seen;
} WatchState;

static BOOL WINAPI on_state_change(LPVOID context, HRASCONN h, RASCONNSTATE state, DWORD error) {
    WatchState *w = context;
    const char *name = PppRasConnStateName(state) ?: "unknown";
    char text[512] = "";

    if (error != 0 && RasGetErrorStringA(error, text, sizeof(text)) != ERROR_SUCCESS)
        text[0] = '\0';

    if (arg_json) {
        printf("{\"handle\":");
        json_handle(h);
        printf(",\"state\":");
        json_string(name);
        printf(",\"state_value\":%d,\"error\":%" PRIu32 ",\"error_text\":", (int) state, error);
        json_string(text[0] ? text : NULL);
        printf("}\n");
    } else if (error != 0)
        printf("0x%" PRIx64 " %s error %" PRIu32 " - %s\n", handle_value(h), name, error,
               text[0] ? text : "(no description)");
    else
        printf("0x%" PRIx64 " %s\n", handle_value(h), name);
    fflush(stdout);

    return arg_count == 0 || ++w->seen < arg_count;
}

static DWORD do_watch(void) {
    WatchState w = {};

    return PppRasWatchConnections(on_state_change, &w);
}

/* ---------------------------------------------------------------- main */

static void help(void) {
    printf("Usage: rasdial                      List the connected entries\n"
           "       rasdial ENTRY [USER [PASSWORD|*]] [/DOMAIN:DOMAIN] [/PHONEBOOK:DIR]\n"
           "              [/PHONE:NUMBER]\n"
           "                                    Dial ENTRY (a file in the phonebook, /etc/ppp/peers)\n"
           "       rasdial ENTRY /DISCONNECT    Hang up the connection of ENTRY\n"
           "       rasdial /DISCONNECT          Hang up the only connection\n"
           "       rasdial --status ENTRY|0xHANDLE\n"
           "                                    Show state, error, device and addresses\n"
           "       rasdial --watch [--count N]  Print every state change of every connection\n"
           "\n"
           "Options:\n"
           "  -s, --status=WHAT   show the status of a connection (entry name or handle)\n"
           "  -w, --watch         follow state changes until interrupted\n"
           "  -n, --count=N       with --watch: stop after N state changes\n"
           "  -j, --json          print the list, status, dial result or changes as JSON\n"
           "  -h, --help          show this help\n"
           "      --version       show the version\n"
           "\n"
           "PASSWORD * asks for the password on the terminal, without echo.  A USER\n"
           "without PASSWORD uses the password saved for the entry.  A password given\n"
           "on the command line is wiped from it at once, but may have been seen\n"
           "before: prefer *.  Put -- before a password that starts with '-'.\n"
           "/DISCONNECT may be written /d; switches are case-insensitive.\n"
           "/PHONEBOOK names the phonebook directory (only the daemon's is accepted).\n"
           "\n"
           "/PHONE:NUMBER dials NUMBER instead of the entry's number (a VPN entry's\n"
           "server, a PPPoE entry's service); /CALLBACK:NUMBER and /PREFIXSUFFIX are\n"
           "accepted and change nothing.\n"
           "\n"
           "Exit status: 0 success; 1 a RAS error (\"Remote Access error N - text\" on\n"
           "stderr, or {\"error\":N,\"error_text\":...} on stdout with --json); 2 bad\n"
           "usage; 3 the service (ppprasd) cannot be reached (error 711).\n");
}

static bool is_disconnect_switch(const char *s) {
    return strcasecmp(s, "/disconnect") == 0 || strcasecmp(s, "/d") == 0;
}

/* "/NAME:value" (case-insensitive NAME): the value, else NULL. */
static const char *switch_value(const char *arg, const char *name) {
    size_t len = strlen(name);

    if (arg[0] != '/' || strncasecmp(arg + 1, name, len) != 0 || arg[1 + len] != ':')
        return NULL;
    return arg + 2 + len;
}

int main(int argc, char *argv[]) {
    enum { ARG_VERSION = 0x100 };
    static const struct option options[] = {
        { "status",  required_argument, NULL, 's' },
        { "watch",   no_argument,       NULL, 'w' },
        { "count",   required_argument, NULL, 'n' },
        { "json",    no_argument,       NULL, 'j' },
        { "help",    no_argument,       NULL, 'h' },
        { "version", no_argument,       NULL, ARG_VERSION },
        {}
    };
    const char *status_target = NULL, *value;
    DialArgs dial = {};
    bool disconnect = false, watch = false;
    unsigned positional = 0;
    DWORD r;
    int c;

    while ((c = getopt_long(argc, argv, "s:wn:jh", options, NULL)) >= 0)
        switch (c) {
        case 's':
            status_target = optarg;
            break;
        case 'w':
            watch = true;
            break;
        case 'n': {
            char *end;

            errno = 0;
            arg_count = strtoull(optarg, &end, 10);
            if (errno != 0 || end == optarg || *end != '\0' || optarg[0] == '-' || arg_count == 0) {
                fprintf(stderr, "rasdial: --count needs a positive number, not \"%s\".\n", optarg);
                return EXIT_BAD_USAGE;
            }
            break;
        }
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
            return EXIT_BAD_USAGE;
        }

    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "/?") == 0) {
            help();
            return EXIT_SUCCESS;
        }
        if (is_disconnect_switch(argv[i]))
            disconnect = true;
        else if ((value = switch_value(argv[i], "domain")))
            dial.domain = value;
        else if ((value = switch_value(argv[i], "phonebook")))
            dial.phonebook = value;
        else if ((value = switch_value(argv[i], "phone")))
            dial.phone = value;
        else if ((value = switch_value(argv[i], "callback")))
            dial.callback = value;
        else if (strcasecmp(argv[i], "/prefixsuffix") == 0)
            ;   /* pppd's chat script owns the number: nothing to add */
        else if (argv[i][0] == '/' && positional != 2) {
            fprintf(stderr, "rasdial: unknown switch \"%s\"; see rasdial --help.\n", argv[i]);
            return EXIT_BAD_USAGE;
        } else if (positional == 0)
            dial.entry = argv[i], positional++;
        else if (positional == 1)
            dial.user = argv[i], positional++;
        else if (positional == 2) {
            if (strcmp(argv[i], "*") == 0)
                dial.prompt_password = true;
            else {
                dial.password = strdup(argv[i]);
                if (!dial.password) {
                    fprintf(stderr, "rasdial: out of memory\n");
                    return EXIT_RAS_ERROR;
                }
                /* out of ps and /proc/PID/cmdline from now on (as mount.cifs) */
                memset(argv[i], 0, strlen(argv[i]));
            }
            positional++;
        } else {
            fprintf(stderr, "rasdial: unexpected argument \"%s\"; see rasdial --help.\n", argv[i]);
            return EXIT_BAD_USAGE;
        }
    }

    if (watch) {
        if (status_target || positional > 0 || disconnect) {
            fprintf(stderr, "rasdial: --watch takes no other arguments; see rasdial --help.\n");
            return EXIT_BAD_USAGE;
        }
        return finish(do_watch());
    }
    if (arg_count > 0) {
        fprintf(stderr, "rasdial: --count goes with --watch; see rasdial --help.\n");
        return EXIT_BAD_USAGE;
    }
    if (status_target) {
        if (positional > 0 || disconnect) {
            fprintf(stderr, "rasdial: --status takes no other arguments; see rasdial --help.\n");
            return EXIT_BAD_USAGE;
        }
        return finish(do_status(status_target));
    }
    if (disconnect) {
        if (positional > 1) {
            fprintf(stderr, "rasdial: /DISCONNECT takes only the entry name; see rasdial --help.\n");
            return EXIT_BAD_USAGE;
        }
        return finish(do_disconnect(dial.entry));
    }
    if (dial.entry) {
        r = do_dial(&dial);
        if (dial.password) {
            explicit_bzero(dial.password, strlen(dial.password));
            free(dial.password);
        }
        return finish(r);
    }
    return finish(do_list());
}
