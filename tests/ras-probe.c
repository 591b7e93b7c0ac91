/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* ras-probe: the RAS API as shell-sized steps, for the real-link scenarios.
 * Every wait is on a RAS notification event (or the bus), never a sleep.
 *
 *   ras-probe find ENTRY [SEC]            handle of ENTRY in any state (waits for it to exist)
 *   ras-probe wait-connected ENTRY SEC    waits for RASCN_Connection until ENTRY is enumerated; prints its handle
 *   ras-probe wait-connected-any SEC      waits until any connection is enumerated; prints its handle
 *   ras-probe wait-disconnected H SEC     waits for RASCN_Disconnection on H; prints "STATE ERROR"
 *   ras-probe wait-gone H SEC             the seed's RasGetConnectStatus loop until ERROR_INVALID_HANDLE
 *   ras-probe status H                    prints "STATE ERROR" (state name), or exits with the API error
 *   ras-probe hangup H                    RasHangUp, then exits at once (prints the result code)
 *   ras-probe hangup-wait H SEC           RasHangUp after registering RASCN_Disconnection on H;
 *                                         waits for it and prints "STATE ERROR" as seen then
 *   ras-probe dial ENTRY SEC              asynchronous RasDial; prints the handle at once
 *   ras-probe subentry H N                RasGetSubEntryHandle(H, N): prints the link's handle
 *   ras-probe wait-event H FLAGS SEC      registers FLAGS on H, prints "ready", then "fired" or "timeout"
 *   ras-probe enum                        prints "HANDLE ENTRY" per enumerated connection
 *   ras-probe expect-no-event H SEC FLAGS registers FLAGS on H and fails if the event fires within SEC
 *   ras-probe wnet-on-link H REMOTE LOCAL [USER]
 *                                         PppWNetAddConnectionOnLink bound to H, the password (if
 *                                         USER is given) read from stdin; prints the result code
 *
 * H is a handle in hex (0x...).  Exit status: 0 when the step did what it
 * says, 1 when it did not (timeout, wrong state), 2 on usage errors. */

#include <dbus/dbus.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pppras-bus.h"
#include "windows.h"
#include "ras.h"
#include "raserror.h"
#include "winnetwk.h"

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static HRASCONN parse_handle(const char *s) {
    return (HRASCONN) (uintptr_t) strtoull(s, NULL, 0);
}

static DWORD seconds_ms(const char *s) {
    return (DWORD) (strtod(s, NULL) * 1000);
}

/* All enumerated connections, as the seed sample does it: ask for the size
 * with a NULL buffer, then fetch.  NULL on error; *n is the count. */
static RASCONNA *enumerate_all(DWORD *n) {
    DWORD cb = 0, err;
    RASCONNA *conns = NULL;
    *n = 0;
    for (int attempt = 0; attempt < 5; attempt++) {
        err = RasEnumConnectionsA(conns, &cb, n);
        if (err == ERROR_SUCCESS)
            return conns ? conns : calloc(1, sizeof(RASCONNA));
        if (err != ERROR_BUFFER_TOO_SMALL)
            break;
        free(conns);                  /* more links came up meanwhile: again */
        conns = calloc(1, cb);
        if (!conns)
            return NULL;
        conns[0].dwSize = sizeof(RASCONNA);
    }
    free(conns);
    return NULL;
}

/* Finds ENTRY (NULL: any) among the enumerated (connected) connections. */
static HRASCONN enumerated(const char *entry) {
    DWORD n;
    HRASCONN h = NULL;
    RASCONNA *conns = enumerate_all(&n);
    for (DWORD i = 0; conns && i < n && !h; i++)
        if (!entry || strcmp(conns[i].szEntryName, entry) == 0)
            h = conns[i].hrasconn;
    free(conns);
    return h;
}

static int print_status(HRASCONN h) {
    RASCONNSTATUSA st = { .dwSize = sizeof st };
    DWORD err = RasGetConnectStatusA(h, &st);
    if (err != ERROR_SUCCESS) {
        printf("error %u\n", err);
        return 1;
    }
    printf("%s %u\n", PppRasConnStateName(st.rasconnstate), st.dwError);
    return 0;
}

/* A connection in any state: the library only enumerates connected ones,
 * so ask the daemon's object tree, as busctl would. */
static uint64_t find_any_state(DBusConnection *bus, const char *entry) {
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH,
                                                  "org.freedesktop.DBus.ObjectManager",
                                                  "GetManagedObjects");
    DBusMessage *r = dbus_connection_send_with_reply_and_block(bus, m, 5000, NULL);
    dbus_message_unref(m);
    if (!r)
        return 0;
    uint64_t found = 0;
    DBusMessageIter objs, obj, ifaces, iface, props, prop, v;
    dbus_message_iter_init(r, &objs);
    for (dbus_message_iter_recurse(&objs, &obj); !found && dbus_message_iter_get_arg_type(&obj) == DBUS_TYPE_DICT_ENTRY;
         dbus_message_iter_next(&obj)) {
        DBusMessageIter e;
        dbus_message_iter_recurse(&obj, &e);
        dbus_message_iter_next(&e);                          /* skip the path */
        uint64_t handle = 0;
        const char *name = NULL;
        for (dbus_message_iter_recurse(&e, &ifaces); dbus_message_iter_get_arg_type(&ifaces) == DBUS_TYPE_DICT_ENTRY;
             dbus_message_iter_next(&ifaces)) {
            const char *iname;
            dbus_message_iter_recurse(&ifaces, &iface);
            dbus_message_iter_get_basic(&iface, &iname);
            if (strcmp(iname, PPPRAS_CONNECTION_IFACE) != 0)
                continue;
            dbus_message_iter_next(&iface);
            for (dbus_message_iter_recurse(&iface, &props); dbus_message_iter_get_arg_type(&props) == DBUS_TYPE_DICT_ENTRY;
                 dbus_message_iter_next(&props)) {
                const char *pname;
                dbus_message_iter_recurse(&props, &prop);
                dbus_message_iter_get_basic(&prop, &pname);
                dbus_message_iter_next(&prop);
                dbus_message_iter_recurse(&prop, &v);
                if (strcmp(pname, "Handle") == 0 && dbus_message_iter_get_arg_type(&v) == DBUS_TYPE_UINT64)
                    dbus_message_iter_get_basic(&v, &handle);
                else if (strcmp(pname, "EntryName") == 0 && dbus_message_iter_get_arg_type(&v) == DBUS_TYPE_STRING)
                    dbus_message_iter_get_basic(&v, &name);
            }
        }
        if (name && strcmp(name, entry) == 0)
            found = handle;
    }
    dbus_message_unref(r);
    return found;
}

static int cmd_find(const char *entry, DWORD timeout_ms) {
    DBusConnection *bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, NULL);
    if (!bus)
        return 1;
    /* Connection objects appear with InterfacesAdded: wait on that signal. */
    dbus_bus_add_match(bus, "type='signal',sender='" PPPRAS_BUS_NAME "',interface='org.freedesktop.DBus.ObjectManager'", NULL);
    dbus_bus_add_match(bus, "type='signal',sender='" PPPRAS_BUS_NAME "',interface='org.freedesktop.DBus.Properties'", NULL);
    long long deadline = now_ms() + timeout_ms;
    uint64_t h;
    while (!(h = find_any_state(bus, entry)) && now_ms() < deadline) {
        if (!dbus_connection_read_write(bus, (int) (deadline - now_ms())))
            break;
        DBusMessage *m;
        while ((m = dbus_connection_pop_message(bus)))
            dbus_message_unref(m);
    }
    dbus_connection_close(bus);
    dbus_connection_unref(bus);
    if (!h)
        return 1;
    printf("0x%" PRIx64 "\n", h);
    return 0;
}

static int cmd_wait_connected(const char *entry, DWORD timeout_ms) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    long long deadline = now_ms() + timeout_ms;
    DWORD err;
    /* A daemon busy with a hundred new links may miss the library's call
     * timeout (711): try again until the deadline. */
    while ((err = RasConnectionNotificationA((HRASCONN) INVALID_HANDLE_VALUE, ev, RASCN_Connection)) ==
               ERROR_RASMAN_CANNOT_INITIALIZE && now_ms() < deadline)
        ;
    if (err != ERROR_SUCCESS) {
        fprintf(stderr, "RasConnectionNotification: %u\n", err);
        CloseHandle(ev);
        return 1;
    }
    HRASCONN h;
    /* Registered first, then looked: a connection cannot slip between. */
    while (!(h = enumerated(entry))) {
        long long left = deadline - now_ms();
        if (left <= 0 || WaitForSingleObject(ev, (DWORD) left) != WAIT_OBJECT_0)
            break;
    }
    CloseHandle(ev);
    if (!h)
        return 1;
    printf("%p\n", (void *) h);
    return 0;
}

static int cmd_wait_disconnected(HRASCONN h, DWORD timeout_ms) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    DWORD err = RasConnectionNotificationA(h, ev, RASCN_Disconnection);
    RASCONNSTATUSA st = { .dwSize = sizeof st };
    if (err == ERROR_SUCCESS && RasGetConnectStatusA(h, &st) == ERROR_SUCCESS &&
        st.rasconnstate != RASCS_Disconnected && WaitForSingleObject(ev, timeout_ms) != WAIT_OBJECT_0) {
        CloseHandle(ev);
        return 1;
    }
    CloseHandle(ev);
    return print_status(h);
}

static int cmd_hangup_wait(HRASCONN h, DWORD timeout_ms) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    DWORD err = RasConnectionNotificationA(h, ev, RASCN_Disconnection);
    if (err == ERROR_SUCCESS)
        err = RasHangUpA(h);
    if (err != ERROR_SUCCESS || WaitForSingleObject(ev, timeout_ms) != WAIT_OBJECT_0) {
        printf("error %u\n", err);
        CloseHandle(ev);
        return 1;
    }
    CloseHandle(ev);
    /* The handle may be retired by now: that is success too. */
    RASCONNSTATUSA st = { .dwSize = sizeof st };
    err = RasGetConnectStatusA(h, &st);
    if (err == ERROR_INVALID_HANDLE)
        printf("RASCS_Disconnected retired\n");
    else
        printf("%s %u\n", PppRasConnStateName(st.rasconnstate), st.dwError);
    return 0;
}

static int cmd_wait_gone(HRASCONN h, DWORD timeout_ms) {
    long long deadline = now_ms() + timeout_ms;
    unsigned calls = 0;
    DWORD err;
    do {
        RASCONNSTATUSA st = { .dwSize = sizeof st };
        err = RasGetConnectStatusA(h, &st);
        calls++;
        Sleep(0);
    } while (err != ERROR_INVALID_HANDLE && now_ms() < deadline);
    printf("%u calls\n", calls);
    return err == ERROR_INVALID_HANDLE ? 0 : 1;
}

static VOID WINAPI ignore_state(UINT msg, RASCONNSTATE state, DWORD error) {
    (void) msg, (void) state, (void) error;
}

static int cmd_dial(const char *entry) {
    RASDIALPARAMSA params = { .dwSize = sizeof params };
    HRASCONN h = NULL;
    snprintf(params.szEntryName, sizeof params.szEntryName, "%s", entry);
    DWORD err = RasDialA(NULL, NULL, &params, 0, (LPVOID) ignore_state, &h);
    if (err != ERROR_SUCCESS || !h) {
        fprintf(stderr, "RasDial: %u\n", err);
        return 1;
    }
    printf("%p\n", (void *) h);
    return 0;
}

static int cmd_subentry(HRASCONN h, DWORD n) {
    HRASCONN sub = NULL;
    DWORD err = RasGetSubEntryHandleA(h, n, &sub);
    if (err != ERROR_SUCCESS) {
        printf("error %u\n", err);
        return 1;
    }
    printf("%p\n", (void *) sub);
    return 0;
}

/* "ready" once registered, so a script can trigger the event only then. */
static int cmd_wait_event(HRASCONN h, DWORD flags, DWORD timeout_ms) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    DWORD err = RasConnectionNotificationA(h, ev, flags);
    if (err != ERROR_SUCCESS) {
        printf("error %u\n", err);
        CloseHandle(ev);
        return 1;
    }
    printf("ready\n");
    DWORD w = WaitForSingleObject(ev, timeout_ms);
    CloseHandle(ev);
    printf("%s\n", w == WAIT_OBJECT_0 ? "fired" : "timeout");
    return w == WAIT_OBJECT_0 ? 0 : 1;
}

static int cmd_expect_no_event(HRASCONN h, DWORD timeout_ms, DWORD flags) {
    HANDLE ev = CreateEventA(NULL, FALSE, FALSE, NULL);
    DWORD err = RasConnectionNotificationA(h, ev, flags);
    if (err != ERROR_SUCCESS)
        return 1;
    DWORD w = WaitForSingleObject(ev, timeout_ms);
    CloseHandle(ev);
    return w == WAIT_TIMEOUT ? 0 : 1;
}

/* A network drive that goes when H goes; the password never on a command line. */
static int cmd_wnet_on_link(HRASCONN h, const char *remote, const char *local, const char *user) {
    char password[PWLEN + 2] = "";
    NETRESOURCEA nr = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (LPSTR) local,
                        .lpRemoteName = (LPSTR) remote };

    if (user && fgets(password, sizeof password, stdin))
        password[strcspn(password, "\n")] = '\0';
    DWORD err = PppWNetAddConnectionOnLinkA(&nr, user ? password : NULL, user, 0, (HANDLE) h);
    explicit_bzero(password, sizeof password);
    printf("%u\n", err);
    return err == NO_ERROR ? 0 : 1;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *cmd = argc > 1 ? argv[1] : "";
    if (strcmp(cmd, "find") == 0 && argc >= 3)
        return cmd_find(argv[2], argc > 3 ? seconds_ms(argv[3]) : 10000);
    if (strcmp(cmd, "wait-connected") == 0 && argc == 4)
        return cmd_wait_connected(argv[2], seconds_ms(argv[3]));
    if (strcmp(cmd, "wait-connected-any") == 0 && argc == 3)
        return cmd_wait_connected(NULL, seconds_ms(argv[2]));
    if (strcmp(cmd, "wait-disconnected") == 0 && argc == 4)
        return cmd_wait_disconnected(parse_handle(argv[2]), seconds_ms(argv[3]));
    if (strcmp(cmd, "wait-gone") == 0 && argc == 4)
        return cmd_wait_gone(parse_handle(argv[2]), seconds_ms(argv[3]));
    if (strcmp(cmd, "status") == 0 && argc == 3)
        return print_status(parse_handle(argv[2]));
    if (strcmp(cmd, "hangup") == 0 && argc == 3) {
        DWORD err = RasHangUpA(parse_handle(argv[2]));
        printf("%u\n", err);
        return err == ERROR_SUCCESS ? 0 : 1;
    }
    if (strcmp(cmd, "subentry") == 0 && argc == 4)
        return cmd_subentry(parse_handle(argv[2]), (DWORD) strtoul(argv[3], NULL, 0));
    if (strcmp(cmd, "wait-event") == 0 && argc == 5)
        return cmd_wait_event(parse_handle(argv[2]), (DWORD) strtoul(argv[3], NULL, 0), seconds_ms(argv[4]));
    if (strcmp(cmd, "dial") == 0 && argc >= 3)
        return cmd_dial(argv[2]);
    if (strcmp(cmd, "hangup-wait") == 0 && argc == 4)
        return cmd_hangup_wait(parse_handle(argv[2]), seconds_ms(argv[3]));
    if (strcmp(cmd, "expect-no-event") == 0 && argc == 5)
        return cmd_expect_no_event(parse_handle(argv[2]), seconds_ms(argv[3]), (DWORD) strtoul(argv[4], NULL, 0));
    if (strcmp(cmd, "wnet-on-link") == 0 && (argc == 5 || argc == 6))
        return cmd_wnet_on_link(parse_handle(argv[2]), argv[3], argv[4], argc == 6 ? argv[5] : NULL);
    if (strcmp(cmd, "enum") == 0) {
        DWORD n;
        RASCONNA *conns = enumerate_all(&n);
        for (DWORD i = 0; conns && i < n; i++)
            printf("%p %s\n", (void *) conns[i].hrasconn, conns[i].szEntryName);
        free(conns);
        return conns ? 0 : 1;
    }
    fprintf(stderr, "usage: see the comment at the top of tests/ras-probe.c\n");
    return 2;
}
