/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Following connection states as they happen, from the daemon's
 * StateChanged signals, on a private bus connection owned by one thread.
 *
 * For a dial, the subscription is made before Dial is called, so no state
 * of the new handle can be missed; the current state from GetConnectStatus
 * is then replayed in its place in the stream (by message serial: the
 * daemon numbers what it sends in order), so an event is never missed,
 * repeated or delivered out of order.  Handles retired, or a daemon that
 * went away, end the stream with RASCS_Disconnected. */

#include <dbus/dbus.h>
#include <stdbool.h>
#include <stdint.h>

#include "client-calls.h"
#include "ras.h"

typedef struct StateEvent {
    uint64_t handle;
    RASCONNSTATE state;
    DWORD error;
} StateEvent;

typedef struct StateFollower {
    DBusConnection *bus;
    uint64_t handle;             /* the one handle followed; 0: every handle */
    bool ended;                  /* dial mode: the handle's stream is over */

    bool have_last;              /* dial mode: the last event handed out */
    StateEvent last;

    bool replay_pending;         /* GetConnectStatus' answer, not yet placed */
    dbus_uint32_t replay_serial;
    StateEvent replay;

    StateEvent pending[2];       /* produced, not yet handed out */
    unsigned n_pending;
} StateFollower;

/* Open the private connection and subscribe.  handle 0 follows every
 * connection (state_follower_dial must then not be used). */
DWORD state_follower_open(StateFollower *f);

/* Dial entry on the follower's connection and follow the new handle. */
DWORD state_follower_dial(StateFollower *f, const char *entry, const ClientDialParams *params, uint64_t *ret_handle);

/* The next event: 0, WAIT_TIMEOUT after timeout_ms (< 0: no limit), or
 * ERROR_RASMAN_CANNOT_INITIALIZE once the bus or the daemon is gone (in
 * dial mode that comes as a RASCS_Disconnected event first). */
DWORD state_follower_next(StateFollower *f, int timeout_ms, StateEvent *ret);

void state_follower_close(StateFollower *f);
