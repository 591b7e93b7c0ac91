/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Which program a "pty" link runs, for the daemon to tell a PPTP or L2TP
 * tunnel from any other pty: the basename of the command's first word.
 * Only that word leaves pppd, never the rest of the command (it may hold
 * a host, a user name, even a password). */

#include <stddef.h>

/* pppd runs the command with /bin/sh -c: leading blanks, an "exec " and
 * quotes around the first word are skipped.  buf gets "" when there is no
 * word or it does not fit. */
void pty_program_name(const char *command, char *buf, size_t size);
