/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Link.GetSecrets: the credentials ppprasd holds for this pppd (given to
 * Dial or saved with SetDialParams).  The only call the plugin waits for,
 * and never longer than its timeout.  Pure libdbus: no pppd state. */

#include <stddef.h>

#include "bus-link.h"

#define LINK_SECRETS_TIMEOUT_MSEC 2000

/* Asks the daemon.  1: user (may be empty: keep pppd's) and password were
 * copied, NUL-terminated, into the buffers; 0: the daemon has none for us
 * (NoSecrets); < 0: no usable answer: -ETIMEDOUT, -ENOTCONN/-ECONNREFUSED,
 * -E2BIG (does not fit), -EBADMSG (malformed or unexpected reply),
 * -ENOMEM.  The buffers are wiped on every outcome but 1. */
int link_secrets_fetch(BusLink *bus, unsigned timeout_ms,
                       char *user, size_t user_size, char *password, size_t password_size);
