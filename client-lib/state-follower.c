/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <string.h>
#include <time.h>

#include "client-bus.h"
#include "lib-macro.h"
#include "pppras-bus.h"
#include "state-follower.h"

#define MATCH_MANAGER(member)                                                     \
    "type='signal',sender='" PPPRAS_BUS_NAME "',path='" PPPRAS_ROOT_PATH "',"     \
    "interface='" PPPRAS_MANAGER_IFACE "',member='" member "'"
#define MATCH_OWNER                                                               \
    "type='signal',sender='" DBUS_SERVICE_DBUS "',interface='" DBUS_INTERFACE_DBUS "'," \
    "member='NameOwnerChanged',arg0='" PPPRAS_BUS_NAME "'"

DWORD state_follower_open(StateFollower *f) {
    static const char *const matches[] = {
        MATCH_MANAGER("StateChanged"),
        MATCH_MANAGER("ConnectionRemoved"),
        MATCH_OWNER,
    };
    DWORD code;

    assert(f);

    *f = (StateFollower) {};
    code = client_bus_open_private(&f->bus);
    if (code != 0)
        return code;

    for (size_t i = 0; i < ELEMENTSOF(matches); i++) {
        DBusError error;

        /* blocking: the rule is in force at the bus once this returns */
        dbus_error_init(&error);
        dbus_bus_add_match(f->bus, matches[i], &error);
        if (dbus_error_is_set(&error)) {
            code = dbus_error_has_name(&error, DBUS_ERROR_NO_MEMORY) ? ERROR_NOT_ENOUGH_MEMORY
                                                                     : ERROR_RASMAN_CANNOT_INITIALIZE;
            dbus_error_free(&error);
            state_follower_close(f);
            return code;
        }
    }
    return 0;
}

void state_follower_close(StateFollower *f) {
    assert(f);

    client_bus_close_private(f->bus);
    *f = (StateFollower) {};
}

/* Queue e unless, for a followed handle, it repeats what went out last
 * (the replayed status usually equals the last signal). */
static void push(StateFollower *f, const StateEvent *e) {
    assert(f);
    assert(e);
    assert(f->n_pending < ELEMENTSOF(f->pending));

    if (f->handle != 0) {
        if (f->ended)
            return;
        if (f->have_last && f->last.state == e->state && f->last.error == e->error)
            return;
        f->have_last = true;
        f->last = *e;
    }
    f->pending[f->n_pending++] = *e;
}

static void push_replay(StateFollower *f) {
    assert(f);

    if (!f->replay_pending)
        return;
    f->replay_pending = false;
    push(f, &f->replay);
}

/* The handle's stream is over: make sure it ends Disconnected. */
static void end_stream(StateFollower *f, DWORD error) {
    StateEvent e = { .handle = f->handle, .state = RASCS_Disconnected };

    assert(f);

    if (f->ended)
        return;
    if (f->handle == 0) {
        /* watching every handle: the stream ends with the daemon */
        if (error == ERROR_RASMAN_CANNOT_INITIALIZE)
            f->ended = true;
        return;
    }
    push_replay(f);
    if (!f->have_last || f->last.state != RASCS_Disconnected) {
        e.error = f->have_last && f->last.error != 0 ? f->last.error : error;
        push(f, &e);
    }
    f->ended = true;
}

/* Turn one incoming message into at most two events. */
static void process(StateFollower *f, DBusMessage *m) {
    assert(f);
    assert(m);

    if (dbus_message_get_type(m) != DBUS_MESSAGE_TYPE_SIGNAL)
        return;

    if (dbus_message_is_signal(m, PPPRAS_MANAGER_IFACE, "StateChanged")) {
        dbus_uint64_t handle;
        dbus_uint32_t state, error;

        if (!dbus_message_get_args(m, NULL, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_UINT32, &state,
                                   DBUS_TYPE_UINT32, &error, DBUS_TYPE_INVALID))
            return;
        if (f->handle != 0 && handle != f->handle)
            return;
        /* the replayed status goes before signals the daemon sent after it */
        if (f->replay_pending && dbus_message_get_serial(m) > f->replay_serial)
            push_replay(f);
        push(f, &(StateEvent) { handle, (RASCONNSTATE) state, error });
        return;
    }

    if (dbus_message_is_signal(m, PPPRAS_MANAGER_IFACE, "ConnectionRemoved")) {
        dbus_uint64_t handle;

        if (f->handle == 0 ||
            !dbus_message_get_args(m, NULL, DBUS_TYPE_UINT64, &handle, DBUS_TYPE_INVALID) ||
            handle != f->handle)
            return;
        /* retired before we saw it end: somebody hung it up */
        end_stream(f, ERROR_USER_DISCONNECTION);
        return;
    }

    if (dbus_message_is_signal(m, DBUS_INTERFACE_DBUS, "NameOwnerChanged")) {
        const char *name, *old_owner, *new_owner;

        if (dbus_message_get_args(m, NULL, DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING, &old_owner,
                                  DBUS_TYPE_STRING, &new_owner, DBUS_TYPE_INVALID) &&
            strcmp(name, PPPRAS_BUS_NAME) == 0 && old_owner[0] != '\0')
            /* the daemon that knew this handle is gone, and its handles with it */
            end_stream(f, ERROR_RASMAN_CANNOT_INITIALIZE);
    }
}

DWORD state_follower_dial(StateFollower *f, const char *entry, const ClientDialParams *params, uint64_t *ret_handle) {
    _cleanup_(client_status_done) ClientStatus status = {};
    uint64_t handle;
    DWORD code;

    assert(f);
    assert(f->bus);
    assert(entry);
    assert(params);
    assert(ret_handle);

    /* Dial on the process's own connection, which lives as long as the
     * process: the daemon holds the handle for that connection
     * (RasHangUp, or the process's end, releases it).  The matches on
     * f->bus were in force before Dial went out, so every signal of the
     * new handle is queued there all the same. */
    code = client_dial(NULL, entry, params, &handle);
    if (code != 0)
        return code;
    f->handle = handle;
    *ret_handle = handle;

    /* The state now, in case a signal was lost on the way; its reply's
     * serial places it among the signals (sent before it or after it). */
    code = client_get_connect_status_on(f->bus, handle, &status);
    if (code == 0) {
        f->replay_pending = true;
        f->replay_serial = dbus_message_get_serial(status.reply);
        f->replay = (StateEvent) { handle, (RASCONNSTATE) status.state, status.error };
    } else if (code == ERROR_INVALID_HANDLE)
        /* already over and retired: the signals queued tell how */
        f->replay_pending = false;
    else
        return code;
    return 0;
}

static int64_t now_ms(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

DWORD state_follower_next(StateFollower *f, int timeout_ms, StateEvent *ret) {
    int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : -1;

    assert(f);
    assert(f->bus);
    assert(ret);

    for (;;) {
        DBusMessage *m;

        if (f->n_pending > 0) {
            *ret = f->pending[0];
            f->pending[0] = f->pending[1];
            f->n_pending--;
            return 0;
        }
        if (f->ended)
            return ERROR_RASMAN_CANNOT_INITIALIZE;

        m = dbus_connection_pop_message(f->bus);
        if (m) {
            process(f, m);
            dbus_message_unref(m);
            continue;
        }

        /* Everything sent before the replayed reply has been read by now. */
        if (f->replay_pending) {
            push_replay(f);
            continue;
        }

        int wait_ms = -1;
        if (deadline >= 0) {
            int64_t left = deadline - now_ms();
            if (left <= 0)
                return WAIT_TIMEOUT;
            wait_ms = left > INT32_MAX ? INT32_MAX : (int) left;
        }
        if (!dbus_connection_read_write(f->bus, wait_ms) || !dbus_connection_get_is_connected(f->bus)) {
            /* drain what arrived before the bus went */
            m = dbus_connection_pop_message(f->bus);
            if (m) {
                process(f, m);
                dbus_message_unref(m);
                continue;
            }
            end_stream(f, ERROR_RASMAN_CANNOT_INITIALIZE);
            if (f->n_pending > 0)
                continue;
            return ERROR_RASMAN_CANNOT_INITIALIZE;
        }
    }
}
