/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What pppd looks up in a plugin (dlsym): the only exported symbols.
 * pppd refuses a plugin whose pppd_version differs from its own VERSION. */

#define PPPRAS_EXPORT __attribute__((visibility("default")))

PPPRAS_EXPORT extern char pppd_version[];
PPPRAS_EXPORT void plugin_init(void);
