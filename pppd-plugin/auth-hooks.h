/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* pppd's password hooks, answered from ppprasd (Link.GetSecrets), so a
 * password given to RasDial reaches pppd without a command line or a
 * secrets file.  When the daemon has nothing for us (or does not answer
 * within LINK_SECRETS_TIMEOUT_MSEC) pppd behaves exactly as without the
 * plugin: another plugin's hook, else its pap-secrets / chap-secrets.
 *
 * Hooks set (2.4.9 and 2.5 share the semantics, auth.c):
 *  - pap_passwd_hook(user, passwd): 1 filled (or "could", passwd NULL),
 *    < 0 "look in pap-secrets".
 *  - chap_check_hook(): 1 when the daemon has secrets for us, else < 0
 *    "look in chap-secrets".
 *  - chap_passwd_hook(user, secret): pppd treats < 0 as failure, with no
 *    fallback to chap-secrets, so it is only in place while the daemon
 *    says it has secrets for this link.
 * pap_check_hook is left alone: it asks whether pppd could verify a
 * peer's PAP password, which our own credentials cannot answer. */

#include "bus-link.h"

typedef BusLink *(*AuthHooksBusFn)(void);

/* bus: returns the plugin's bus link (NULL when it cannot be had). */
void auth_hooks_install(AuthHooksBusFn bus);

/* A new link attempt (PHASE_ESTABLISH): ask the daemon again. */
void auth_hooks_new_link(void);
