/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasDial: the daemon starts pppd for a phonebook entry; this side
 * validates the call, follows the new handle's states and reports them
 * synchronously (return value) or asynchronously (notifier thread). */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "client-calls.h"
#include "dial-registry.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras-dial-params.h"
#include "ras-structs.h"
#include "ras.h"
#include "state-follower.h"

/* How long a RASCS_Disconnected that came without its dwError waits for
 * the daemon's follow-up with the code (pppd reports Exit after its last
 * phase change). */
#define FINAL_ERROR_WAIT_MS 3000

#define NOTIFIER_HWND 0xFFFFFFFFu

typedef struct Notifier {
    DWORD type;                  /* 0, 1, 2: RASDIALFUNC, RASDIALFUNC1, RASDIALFUNC2 */
    void *fn;
    ULONG_PTR callback_id;
    DWORD sub_entry;
} Notifier;

typedef struct AsyncDial {
    StateFollower follower;
    Notifier notifier;
    DialTicket *ticket;
} AsyncDial;

/* Give a RASCS_Disconnected without a code time to get one. */
static void await_final_error(StateFollower *f, StateEvent *e) {
    assert(f);
    assert(e);

    while (e->error == 0) {
        StateEvent later;

        if (state_follower_next(f, FINAL_ERROR_WAIT_MS, &later) != 0)
            break;
        if (later.state == RASCS_Disconnected)
            e->error = later.error;
    }
    if (e->error == 0)
        e->error = ERROR_DISCONNECTION;
}

static bool is_final(const StateEvent *e) {
    assert(e);
    return e->state == RASCS_Connected || e->state == RASCS_Disconnected || e->error != 0;
}

/* Synchronous RasDial: wait for the end of the attempt. */
static DWORD follow_sync(StateFollower *f) {
    assert(f);

    for (;;) {
        StateEvent e;
        DWORD code;

        code = state_follower_next(f, -1, &e);
        if (code != 0)
            return code;
        if (e.state == RASCS_Disconnected)
            await_final_error(f, &e);
        if (is_final(&e))
            return e.state == RASCS_Connected ? ERROR_SUCCESS : e.error;
    }
}

/* Call the application's notifier; false: it wants no more. */
static bool notify(const Notifier *n, HRASCONN h, const StateEvent *e) {
    assert(n);
    assert(e);

    switch (n->type) {
    case 0:
        ((RASDIALFUNC) n->fn)(WM_RASDIALEVENT, e->state, e->error);
        return true;
    case 1:
        ((RASDIALFUNC1) n->fn)(h, WM_RASDIALEVENT, e->state, e->error, 0);
        return true;
    default:
        return ((RASDIALFUNC2) n->fn)(n->callback_id, n->sub_entry, h, WM_RASDIALEVENT, e->state, e->error, 0) != 0;
    }
}

static void *async_dial_thread(void *userdata) {
    AsyncDial *d = userdata;
    HRASCONN h;

    assert(d);

    h = ras_handle_to_hrasconn(d->follower.handle);
    for (;;) {
        StateEvent e;

        if (state_follower_next(&d->follower, -1, &e) != 0)
            break;
        if (e.state == RASCS_Disconnected)
            await_final_error(&d->follower, &e);
        /* RasHangUp ends the notifications; checked right before each
         * call, without holding anything while the notifier runs */
        if (dial_ticket_cancelled(d->ticket))
            break;
        if (!notify(&d->notifier, h, &e) || is_final(&e))
            break;
    }

    dial_registry_remove(d->ticket);
    state_follower_close(&d->follower);
    free(d);
    return NULL;
}

static DWORD start_async(StateFollower *f, const Notifier *n) {
    _cleanup_(freep) AsyncDial *d = NULL;
    pthread_attr_t attr;
    pthread_t thread;
    int r;

    assert(f);
    assert(n);

    d = calloc(1, sizeof(*d));
    if (!d)
        return ERROR_NOT_ENOUGH_MEMORY;
    d->notifier = *n;
    d->ticket = dial_registry_add(f->handle);
    if (!d->ticket)
        return ERROR_NOT_ENOUGH_MEMORY;
    d->follower = *f;

    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    r = pthread_create(&thread, &attr, async_dial_thread, d);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        dial_registry_remove(d->ticket);
        return ERROR_NOT_ENOUGH_MEMORY;
    }

    /* the thread owns the follower and d now */
    *f = (StateFollower) {};
    TAKE_PTR(d);
    return 0;
}

/* Shared by A and W: wide says which strings and RASDIALPARAMS. */
static DWORD ras_dial(const RASDIALEXTENSIONS *extensions, const void *phonebook, const void *params,
                      DWORD notifier_type, void *notifier, LPHRASCONN lphRasConn, bool wide) {
    _cleanup_(dial_request_done) DialRequest req = {};
    _cleanup_(state_follower_close) StateFollower f = {};
    ClientDialParams dial = {};
    uint64_t handle = CLIENT_HANDLE_NONE;
    DWORD code;

    if (!params || !lphRasConn)
        return ERROR_INVALID_PARAMETER;
    /* a handle on input resumes a paused dial; pppras never pauses */
    if (*lphRasConn)
        return ERROR_INVALID_HANDLE;

    code = dial_extensions_check(extensions);
    if (code != 0)
        return code;
    code = dial_request_read(params, wide, &req);
    if (code != 0)
        return code;

    if (notifier) {
        if (notifier_type == NOTIFIER_HWND)
            return ERROR_NOT_SUPPORTED;     /* no window messages on Linux */
        if (notifier_type > 2)
            return ERROR_INVALID_PARAMETER;
    }

    /* "" would dial szPhoneNumber on the first modem: pppd needs an entry */
    if (req.entry[0] == '\0')
        return ERROR_CANNOT_FIND_PHONEBOOK_ENTRY;
    /* one entry is one pppd, one link: subentry 1 or "all" (0) */
    if (req.sub_entry > 1)
        return ERROR_INVALID_PARAMETER;

    code = phonebook_check(phonebook, wide, NULL);
    if (code != 0)
        return code;

    /* Empty fields, the saved password's handle and "*" for the domain
     * all mean "what is saved for the entry": leave them out. */
    if (req.user[0])
        dial.user = req.user;
    if (req.password[0] && strcmp(req.password, SAVED_PASSWORD_HANDLE) != 0)
        dial.password = req.password;
    if (req.domain[0] && strcmp(req.domain, "*") != 0)
        dial.domain = req.domain;
    /* "replaces the number stored in the phone-book entry"; the daemon
     * checks it against the entry's device (ERROR_INVALID_PARAMETER) */
    if (req.phone_number[0])
        dial.phone = req.phone_number;

    code = state_follower_open(&f);
    if (code != 0)
        return code;
    code = state_follower_dial(&f, req.entry, &dial, &handle);
    /* once the daemon made a handle the caller gets it, failure or not:
     * pppd is running and only RasHangUp(handle) ends it */
    if (handle != CLIENT_HANDLE_NONE)
        *lphRasConn = ras_handle_to_hrasconn(handle);
    if (code != 0)
        return code;

    if (!notifier)
        return follow_sync(&f);

    return start_async(&f, &(Notifier) {
        .type = notifier_type,
        .fn = notifier,
        .callback_id = req.callback_id,
        .sub_entry = req.sub_entry ?: 1,
    });
}

_public_ DWORD APIENTRY RasDialA(LPRASDIALEXTENSIONS lpRasDialExtensions, LPCSTR lpszPhonebook,
                                 LPRASDIALPARAMSA lpRasDialParams, DWORD dwNotifierType, LPVOID lpvNotifier,
                                 LPHRASCONN lphRasConn) {
    return ras_dial(lpRasDialExtensions, lpszPhonebook, lpRasDialParams, dwNotifierType, lpvNotifier,
                    lphRasConn, false);
}

_public_ DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS lpRasDialExtensions, LPCWSTR lpszPhonebook,
                                 LPRASDIALPARAMSW lpRasDialParams, DWORD dwNotifierType, LPVOID lpvNotifier,
                                 LPHRASCONN lphRasConn) {
    return ras_dial(lpRasDialExtensions, lpszPhonebook, lpRasDialParams, dwNotifierType, lpvNotifier,
                    lphRasConn, true);
}
