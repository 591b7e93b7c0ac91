/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Named D-Bus errors of org.pppras.Ras1.Network ↔ the Win32 codes the WNet
 * calls return.  Like common/bus-errors.h, but for the WNet half: the
 * daemon replies with the name (message "CODE: text"), the library turns
 * the name back into the code.  Names not listed here fall back to
 * bus_error_to_code(); "the daemon is not there" becomes ERROR_NO_NETWORK. */

#include <stdint.h>

#include "bus-errors.h"

#define PPPRAS_ERROR_NOT_CONNECTED        "org.pppras.Ras1.Error.NotConnected"
#define PPPRAS_ERROR_OPEN_FILES           "org.pppras.Ras1.Error.OpenFiles"
#define PPPRAS_ERROR_DEVICE_IN_USE        "org.pppras.Ras1.Error.DeviceInUse"
#define PPPRAS_ERROR_CANNOT_OPEN_PROFILE  "org.pppras.Ras1.Error.CannotOpenProfile"
#define PPPRAS_ERROR_BAD_PROFILE          "org.pppras.Ras1.Error.BadProfile"
#define PPPRAS_ERROR_EXTENDED_ERROR       "org.pppras.Ras1.Error.ExtendedError"
#define PPPRAS_ERROR_ALREADY_ASSIGNED     "org.pppras.Ras1.Error.AlreadyAssigned"
#define PPPRAS_ERROR_BAD_NET_NAME         "org.pppras.Ras1.Error.BadNetName"
#define PPPRAS_ERROR_BAD_DEVICE           "org.pppras.Ras1.Error.BadDevice"
#define PPPRAS_ERROR_INVALID_PASSWORD     "org.pppras.Ras1.Error.InvalidPassword"
#define PPPRAS_ERROR_BAD_USERNAME         "org.pppras.Ras1.Error.BadUsername"
#define PPPRAS_ERROR_CONNECTION_UNAVAIL   "org.pppras.Ras1.Error.ConnectionUnavailable"
#define PPPRAS_ERROR_NO_NET_OR_BAD_PATH   "org.pppras.Ras1.Error.NoNetOrBadPath"
#define PPPRAS_ERROR_BAD_NETPATH          "org.pppras.Ras1.Error.BadNetPath"
#define PPPRAS_ERROR_NETWORK_UNREACHABLE  "org.pppras.Ras1.Error.NetworkUnreachable"
#define PPPRAS_ERROR_NO_NETWORK           "org.pppras.Ras1.Error.NoNetwork"
#define PPPRAS_ERROR_LOGON_FAILURE        "org.pppras.Ras1.Error.LogonFailure"
#define PPPRAS_ERROR_SESSION_CREDENTIAL_CONFLICT "org.pppras.Ras1.Error.SessionCredentialConflict"

extern const BusErrorEntry wnet_errors[];
extern const unsigned wnet_errors_size;

/* Code for an error name: the WNet names above, then bus_error_to_code();
 * ERROR_RASMAN_CANNOT_INITIALIZE (daemon unreachable) becomes
 * ERROR_NO_NETWORK (1222), the code WNet callers expect. */
uint32_t wnet_error_to_code(const char *name);

/* Name for a code: the WNet names, then bus_error_from_code(). */
const char *wnet_error_from_code(uint32_t code);

/* The Windows message of a WNet code ("This network connection does not
 * exist."), NULL for codes this table does not know. */
const char *wnet_error_text(uint32_t code);
