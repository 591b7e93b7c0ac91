/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Named D-Bus errors ↔ RAS/Win32 codes.  The daemon replies with the name
 * (message "CODE: text"); the library turns the name back into the code. */

#include <stdint.h>

typedef struct BusErrorEntry {
    const char *name;      /* full name: "org.pppras.Ras1.Error.InvalidHandle" */
    uint32_t code;
} BusErrorEntry;

extern const BusErrorEntry bus_errors[];
extern const unsigned bus_errors_size;

#define PPPRAS_ERROR_INVALID_HANDLE    "org.pppras.Ras1.Error.InvalidHandle"
#define PPPRAS_ERROR_ACCESS_DENIED     "org.pppras.Ras1.Error.AccessDenied"
#define PPPRAS_ERROR_INVALID_PARAMETER "org.pppras.Ras1.Error.InvalidParameter"
#define PPPRAS_ERROR_ENTRY_NOT_FOUND   "org.pppras.Ras1.Error.EntryNotFound"
#define PPPRAS_ERROR_DIAL_IN_PROGRESS  "org.pppras.Ras1.Error.DialInProgress"
#define PPPRAS_ERROR_NO_MEMORY         "org.pppras.Ras1.Error.NoMemory"
#define PPPRAS_ERROR_NO_SECRETS        "org.pppras.Ras1.Error.NoSecrets"
#define PPPRAS_ERROR_FAILED            "org.pppras.Ras1.Error.Failed"
#define PPPRAS_ERROR_LIMIT_EXCEEDED    "org.pppras.Ras1.Error.LimitExceeded"
/* the phonebook */
#define PPPRAS_ERROR_INVALID_NAME      "org.pppras.Ras1.Error.InvalidName"
#define PPPRAS_ERROR_ALREADY_EXISTS    "org.pppras.Ras1.Error.AlreadyExists"
#define PPPRAS_ERROR_NOT_SUPPORTED     "org.pppras.Ras1.Error.NotSupported"
#define PPPRAS_ERROR_CANNOT_WRITE      "org.pppras.Ras1.Error.CannotWritePhonebook"

/* Code for an error name.  Names of the bus itself that mean "the daemon
 * is not there" give ERROR_RASMAN_CANNOT_INITIALIZE (711); other unknown
 * names give ERROR_UNKNOWN (635). */
uint32_t bus_error_to_code(const char *name);

/* Name for a code; PPPRAS_ERROR_FAILED when no name carries it. */
const char *bus_error_from_code(uint32_t code);
