/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "bus-errors.h"
#include "raserror.h"

const BusErrorEntry bus_errors[] = {
    { PPPRAS_ERROR_INVALID_HANDLE,    ERROR_INVALID_HANDLE },
    { PPPRAS_ERROR_ACCESS_DENIED,     ERROR_ACCESS_DENIED },
    { PPPRAS_ERROR_INVALID_PARAMETER, ERROR_INVALID_PARAMETER },
    { PPPRAS_ERROR_ENTRY_NOT_FOUND,   ERROR_CANNOT_FIND_PHONEBOOK_ENTRY },
    { PPPRAS_ERROR_DIAL_IN_PROGRESS,  ERROR_DIAL_ALREADY_IN_PROGRESS },
    { PPPRAS_ERROR_NO_MEMORY,         ERROR_NOT_ENOUGH_MEMORY },
    { PPPRAS_ERROR_NO_SECRETS,        ERROR_LOGON_FAILURE },
    { PPPRAS_ERROR_FAILED,            ERROR_UNKNOWN },
    { PPPRAS_ERROR_LIMIT_EXCEEDED,    ERROR_OUTOFMEMORY },
    { PPPRAS_ERROR_INVALID_NAME,      ERROR_INVALID_NAME },
    { PPPRAS_ERROR_ALREADY_EXISTS,    ERROR_ALREADY_EXISTS },
    { PPPRAS_ERROR_NOT_SUPPORTED,     ERROR_NOT_SUPPORTED },
    { PPPRAS_ERROR_CANNOT_WRITE,      ERROR_CANNOT_WRITE_PHONEBOOK },
};
const unsigned bus_errors_size = sizeof(bus_errors) / sizeof(bus_errors[0]);

/* What the bus says when nobody owns our name or the owner went away. */
static const char *const daemon_absent_errors[] = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.NoReply",
    "org.freedesktop.DBus.Error.Disconnected",
    "org.freedesktop.DBus.Error.NoServer",
    "org.freedesktop.DBus.Error.FileNotFound",
    "org.freedesktop.DBus.Error.Spawn.ServiceNotFound",
    "org.freedesktop.DBus.Error.Spawn.ChildExited",
    "org.freedesktop.DBus.Error.TimedOut",
    "org.freedesktop.DBus.Error.Timeout",
};

uint32_t bus_error_to_code(const char *name) {
    if (!name)
        return ERROR_UNKNOWN;
    for (unsigned i = 0; i < bus_errors_size; i++)
        if (strcmp(bus_errors[i].name, name) == 0)
            return bus_errors[i].code;
    for (unsigned i = 0; i < sizeof(daemon_absent_errors) / sizeof(daemon_absent_errors[0]); i++)
        if (strcmp(daemon_absent_errors[i], name) == 0)
            return ERROR_RASMAN_CANNOT_INITIALIZE;
    if (strcmp(name, "org.freedesktop.DBus.Error.AccessDenied") == 0)
        return ERROR_ACCESS_DENIED;
    if (strcmp(name, "org.freedesktop.DBus.Error.NoMemory") == 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (strcmp(name, "org.freedesktop.DBus.Error.InvalidArgs") == 0)
        return ERROR_INVALID_PARAMETER;
    return ERROR_UNKNOWN;
}

const char *bus_error_from_code(uint32_t code) {
    for (unsigned i = 0; i < bus_errors_size; i++)
        if (bus_errors[i].code == code)
            return bus_errors[i].name;
    return PPPRAS_ERROR_FAILED;
}
