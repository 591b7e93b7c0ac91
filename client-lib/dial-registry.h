/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The asynchronous dials of this process, so that RasHangUp can end their
 * notifications as Windows does ("notifications end when RasHangUp is
 * called on the connection").  The lock is held only inside these calls,
 * never while a notifier runs. */

#include <stdbool.h>
#include <stdint.h>

typedef struct DialTicket DialTicket;

/* Register an asynchronous dial of handle; NULL when out of memory. */
DialTicket *dial_registry_add(uint64_t handle);

/* Whether RasHangUp was called on the ticket's handle since. */
bool dial_ticket_cancelled(DialTicket *t);

/* Unregister and free the ticket. */
void dial_registry_remove(DialTicket *t);

/* RasHangUp(handle): mark every dial of handle cancelled. */
void dial_registry_cancel(uint64_t handle);
