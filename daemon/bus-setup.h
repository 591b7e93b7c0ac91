/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Connects the Context to the system bus: the object tree first, then the
 * name, so nobody can call us before we can answer. */

#include "context.h"

int bus_setup(Context *ctx);
