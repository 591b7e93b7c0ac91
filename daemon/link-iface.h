/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* org.pppras.Ras1.Link at /org/pppras/Ras1: what the pppd plugin reports.
 * Root only, and always about the sender's own pid (from its bus
 * credentials, never from the message). */

#include <systemd/sd-bus.h>

extern const sd_bus_vtable link_vtable[];
