/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Wires the WNet module (network.c) into the daemon: it shares the bus and
 * the event loop, may bind a mount to a RAS connection its user owns, and
 * detaches those mounts before their link goes down. */

#include "context.h"

/* After the daemon's own objects, before the bus name is taken. */
int context_attach_network(Context *ctx);
void context_detach_network(Context *ctx);
