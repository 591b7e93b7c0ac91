/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A handle Manager.Dial returned is held for its caller, as Windows does:
 * "An application must eventually call RasHangUp whenever a non-NULL
 * connection handle is stored into *lphRasConn.  This applies even if
 * RasDial returns a nonzero (error) value."  Once its pppd ended the
 * handle stays RASCS_Disconnected with its dwError -- no linger timer --
 * until RasHangUp on it, or until the dialling bus client leaves (its
 * process ended: Windows frees a process's RAS resources then).  Each uid
 * holds at most DIAL_HOLD_MAX_PER_UID such handles. */

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <systemd/sd-bus.h>

#include "connection.h"
#include "handle-table.h"

#define DIAL_HOLD_MAX_PER_UID 64

/* Called when c's dialler left the bus (the hold is already stopped). */
typedef void (*DialHoldGone)(Connection *c);

/* Holds c for dialler (a unique bus name; c->dialler is set to it).
 * -ESRCH (or another negative errno) when the name is not on the bus. */
int dial_hold_start(Connection *c, sd_bus *bus, const char *dialler, DialHoldGone on_gone);

/* Ends the hold; c is then retired by the linger rule like any other. */
void dial_hold_stop(Connection *c);

static inline bool dial_hold_active(const Connection *c) {
    return c->dialler != NULL;
}

/* How many handles owner holds from Dial. */
size_t dial_hold_count(const HandleTable *t, uid_t owner);
