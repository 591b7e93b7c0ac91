/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* e2e-link: one real PPP link seen and hung up through the RAS API.
 *
 *   e2e-link ENTRY PPPD-ARG...
 *
 * Starts `pppd PPPD-ARG...` (which must load pppras.so and report ENTRY),
 * then checks, through libpppras only, what the seed pages promise:
 *  - RasEnumConnections lists the link only once it is connected;
 *  - RasConnectionNotification(INVALID_HANDLE_VALUE, RASCN_Connection)
 *    signals the event when it connects;
 *  - RasGetConnectStatus says RASCS_Connected;
 *  - RasHangUp ends it: RASCN_Disconnection fires, RasGetConnectStatus in
 *    a loop ends with ERROR_INVALID_HANDLE, pppd exits with 5 (user request).
 * Prints PASS:/FAIL: lines; exit status 0 when all passed.  Waits are on
 * events and on waitpid, each with a generous deadline that only fails. */

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "windows.h"
#include "ras.h"
#include "raserror.h"

#define CONNECT_DEADLINE_MS 60000
#define HANGUP_DEADLINE_MS  30000

static unsigned failures;

__attribute__((format(printf, 2, 3)))
static void check(int ok, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs(ok ? "PASS: " : "FAIL: ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    va_end(ap);
    if (!ok)
        failures++;
}

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Enumerate into a fresh buffer; returns the count or -1 on error. */
static int enumerate(RASCONNA *out, DWORD max, DWORD *err) {
    DWORD cb = max * sizeof(RASCONNA), n = 0;
    out[0].dwSize = sizeof(RASCONNA);
    *err = RasEnumConnectionsA(out, &cb, &n);
    return *err == ERROR_SUCCESS ? (int) n : -1;
}

static pid_t start_pppd(char **argv) {
    pid_t pid = fork();
    if (pid == 0) {
        execvp("pppd", argv);
        perror("exec pppd");
        _exit(127);
    }
    return pid;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s ENTRY PPPD-ARG...\n", argv[0]);
        return 2;
    }
    const char *entry = argv[1];
    RASCONNA conns[16];
    DWORD err, cb = 0, n = 0;

    /* Nothing is up yet: the NULL-buffer size query succeeds with 0. */
    err = RasEnumConnectionsA(NULL, &cb, &n);
    check(err == ERROR_SUCCESS && cb == 0 && n == 0,
          "no connections before dialling (RasEnumConnections(NULL) = %u, cb %u, n %u)", err, cb, n);

    HANDLE connected = CreateEventA(NULL, FALSE, FALSE, NULL);
    err = RasConnectionNotificationA((HRASCONN) INVALID_HANDLE_VALUE, connected, RASCN_Connection);
    check(connected && err == ERROR_SUCCESS, "RasConnectionNotification(all, RASCN_Connection) = %u", err);

    argv[1] = "pppd";
    long long t0 = now_ms();
    pid_t pppd = start_pppd(argv + 1);

    /* Until the event fires, whatever is listed must already be connected. */
    int listed_early = 0, fired = 0;
    while (now_ms() - t0 < CONNECT_DEADLINE_MS) {
        if (WaitForSingleObject(connected, 50) == WAIT_OBJECT_0) {
            fired = 1;
            break;
        }
        int k = enumerate(conns, 16, &err);
        for (int i = 0; i < k; i++) {
            RASCONNSTATUSA st = { .dwSize = sizeof st };
            if (RasGetConnectStatusA(conns[i].hrasconn, &st) == ERROR_SUCCESS &&
                st.rasconnstate != RASCS_Connected)
                listed_early++;
        }
        if (waitpid(pppd, NULL, WNOHANG) == pppd) {
            pppd = -1;
            break;
        }
    }
    check(fired, "RASCN_Connection signalled %.1f s after pppd started", (now_ms() - t0) / 1000.0);
    check(listed_early == 0, "RasEnumConnections listed no connection before RASCS_Connected (%d seen)",
          listed_early);
    if (!fired) {
        if (pppd > 0)
            kill(pppd, SIGKILL);
        return 1;
    }

    int k = enumerate(conns, 16, &err);
    check(k == 1, "RasEnumConnections lists exactly one connection (%d, error %u)", k, err);
    if (k != 1)
        return 1;
    check(strcmp(conns[0].szEntryName, entry) == 0, "its entry name is '%s' (got '%s')", entry,
          conns[0].szEntryName);
    HRASCONN h = conns[0].hrasconn;
    check(h != NULL, "its handle is non-zero (%p)", (void *) h);

    RASCONNSTATUSA st = { .dwSize = sizeof st };
    err = RasGetConnectStatusA(h, &st);
    check(err == ERROR_SUCCESS && st.rasconnstate == RASCS_Connected && st.dwError == 0,
          "RasGetConnectStatus: error %u, state %#x (RASCS_Connected), dwError %u, device %s %s",
          err, (unsigned) st.rasconnstate, st.dwError, st.szDeviceType, st.szDeviceName);

    HANDLE disconnected = CreateEventA(NULL, FALSE, FALSE, NULL);
    err = RasConnectionNotificationA(h, disconnected, RASCN_Disconnection);
    check(err == ERROR_SUCCESS, "RasConnectionNotification(h, RASCN_Disconnection) = %u", err);

    long long t1 = now_ms();
    err = RasHangUpA(h);
    check(err == ERROR_SUCCESS, "RasHangUp = %u", err);
    DWORD w = WaitForSingleObject(disconnected, HANGUP_DEADLINE_MS);
    check(w == WAIT_OBJECT_0, "RASCN_Disconnection signalled %.2f s after RasHangUp",
          (now_ms() - t1) / 1000.0);

    /* The seed's pattern: RasGetConnectStatus and Sleep(0) in a loop until
     * ERROR_INVALID_HANDLE. */
    unsigned loops = 0;
    do {
        st.dwSize = sizeof st;
        err = RasGetConnectStatusA(h, &st);
        loops++;
        Sleep(0);
    } while (err != ERROR_INVALID_HANDLE && now_ms() - t1 < HANGUP_DEADLINE_MS);
    check(err == ERROR_INVALID_HANDLE, "RasGetConnectStatus gives ERROR_INVALID_HANDLE after %u calls, %.2f s",
          loops, (now_ms() - t1) / 1000.0);
    err = RasHangUpA(h);
    check(err == ERROR_INVALID_HANDLE, "RasHangUp on the retired handle = %u (ERROR_INVALID_HANDLE)", err);

    int status = -1;
    if (pppd > 0 && waitpid(pppd, &status, 0) == pppd)
        check(WIFEXITED(status) && WEXITSTATUS(status) == 5, "pppd exited with status %d (5, user request)",
              WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status));
    else
        check(0, "pppd was reaped");

    k = enumerate(conns, 16, &err);
    check(k == 0, "RasEnumConnections lists nothing after the hang-up (%d)", k);

    CloseHandle(connected);
    CloseHandle(disconnected);
    return failures ? 1 : 0;
}
