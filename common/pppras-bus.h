/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The names every component uses on the bus: one place, so the daemon,
 * the plugin and the client library can never disagree. */

#define PPPRAS_BUS_NAME            "org.pppras.Ras1"
#define PPPRAS_ROOT_PATH           "/org/pppras/Ras1"
#define PPPRAS_CONNECTION_PREFIX   "/org/pppras/Ras1/connection"

#define PPPRAS_MANAGER_IFACE       "org.pppras.Ras1.Manager"
#define PPPRAS_CONNECTION_IFACE    "org.pppras.Ras1.Connection"
#define PPPRAS_LINK_IFACE          "org.pppras.Ras1.Link"
#define PPPRAS_NETWORK_IFACE       "org.pppras.Ras1.Network"

#define PPPRAS_ERROR_PREFIX        "org.pppras.Ras1.Error."

/* Connection object path: prefix + "/" + 16 lower-case hex digits. */
#define PPPRAS_CONNECTION_PATH_MAX (sizeof(PPPRAS_CONNECTION_PREFIX) + 1 + 16)
