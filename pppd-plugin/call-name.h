/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The peers file pppd was started with ("pppd call NAME"), which is the
 * phonebook entry of the connection.  pppd keeps no record of it for
 * plugins, so it is read back from the command line. */

/* Sets *ret to a new string: 1 when found, 0 when pppd had no "call" on its
 * command line (*ret = NULL), negative errno on failure. */
int call_name_from_cmdline(const char *cmdline_path, char **ret);
