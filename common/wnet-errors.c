/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "raserror.h"
#include "winerror.h"
#include "wnet-errors.h"

const BusErrorEntry wnet_errors[] = {
    { PPPRAS_ERROR_NOT_CONNECTED,       ERROR_NOT_CONNECTED },
    { PPPRAS_ERROR_OPEN_FILES,          ERROR_OPEN_FILES },
    { PPPRAS_ERROR_DEVICE_IN_USE,       ERROR_DEVICE_IN_USE },
    { PPPRAS_ERROR_CANNOT_OPEN_PROFILE, ERROR_CANNOT_OPEN_PROFILE },
    { PPPRAS_ERROR_BAD_PROFILE,         ERROR_BAD_PROFILE },
    { PPPRAS_ERROR_EXTENDED_ERROR,      ERROR_EXTENDED_ERROR },
    { PPPRAS_ERROR_ALREADY_ASSIGNED,    ERROR_ALREADY_ASSIGNED },
    { PPPRAS_ERROR_BAD_NET_NAME,        ERROR_BAD_NET_NAME },
    { PPPRAS_ERROR_BAD_DEVICE,          ERROR_BAD_DEVICE },
    { PPPRAS_ERROR_INVALID_PASSWORD,    ERROR_INVALID_PASSWORD },
    { PPPRAS_ERROR_BAD_USERNAME,        ERROR_BAD_USERNAME },
    { PPPRAS_ERROR_CONNECTION_UNAVAIL,  ERROR_CONNECTION_UNAVAIL },
    { PPPRAS_ERROR_NO_NET_OR_BAD_PATH,  ERROR_NO_NET_OR_BAD_PATH },
    { PPPRAS_ERROR_BAD_NETPATH,         ERROR_BAD_NETPATH },
    { PPPRAS_ERROR_NETWORK_UNREACHABLE, ERROR_NETWORK_UNREACHABLE },
    { PPPRAS_ERROR_NO_NETWORK,          ERROR_NO_NETWORK },
    { PPPRAS_ERROR_LOGON_FAILURE,       ERROR_LOGON_FAILURE },
    { PPPRAS_ERROR_SESSION_CREDENTIAL_CONFLICT, ERROR_SESSION_CREDENTIAL_CONFLICT },
    /* a per-user limit of network connections: Windows' quota error */
    { PPPRAS_ERROR_LIMIT_EXCEEDED,      ERROR_NOT_ENOUGH_QUOTA },
};
const unsigned wnet_errors_size = sizeof(wnet_errors) / sizeof(wnet_errors[0]);

uint32_t wnet_error_to_code(const char *name) {
    if (name)
        for (unsigned i = 0; i < wnet_errors_size; i++)
            if (strcmp(wnet_errors[i].name, name) == 0)
                return wnet_errors[i].code;

    uint32_t code = bus_error_to_code(name);
    return code == ERROR_RASMAN_CANNOT_INITIALIZE ? ERROR_NO_NETWORK : code;
}

const char *wnet_error_from_code(uint32_t code) {
    for (unsigned i = 0; i < wnet_errors_size; i++)
        if (wnet_errors[i].code == code)
            return wnet_errors[i].name;
    return bus_error_from_code(code);
}

static const struct {
    uint32_t code;
    const char *text;
} wnet_texts[] = {
    { ERROR_ACCESS_DENIED,        "Access is denied." },
    { ERROR_NOT_ENOUGH_MEMORY,    "Not enough memory resources are available to process this command." },
    { ERROR_BAD_NET_NAME,         "The network name cannot be found." },
    { ERROR_ALREADY_ASSIGNED,     "The local device name is already in use." },
    { ERROR_INVALID_PASSWORD,     "The specified network password is not correct." },
    { ERROR_INVALID_PARAMETER,    "The parameter is incorrect." },
    { ERROR_BAD_DEVICE,           "The specified device name is invalid." },
    { ERROR_CONNECTION_UNAVAIL,   "The device is not currently connected but it is a remembered connection." },
    { ERROR_NO_NET_OR_BAD_PATH,   "The network path was either typed incorrectly, does not exist, or the network provider is not currently available." },
    { ERROR_CANNOT_OPEN_PROFILE,  "Unable to open the network connection profile." },
    { ERROR_BAD_PROFILE,          "The network connection profile is corrupted." },
    { ERROR_EXTENDED_ERROR,       "An extended error has occurred." },
    { ERROR_NO_NETWORK,           "The network is not present or not started." },
    { ERROR_BAD_NETPATH,          "The network path was not found." },
    { ERROR_NETWORK_UNREACHABLE,  "The network location cannot be reached. For information about network troubleshooting, see Windows Help." },
    { ERROR_LOGON_FAILURE,        "The user name or password is incorrect." },
    { ERROR_SESSION_CREDENTIAL_CONFLICT, "Multiple connections to a server or shared resource by the same user, using more than one user name, are not allowed. Disconnect all previous connections to the server or shared resource and try again." },
    { ERROR_BAD_USERNAME,         "The user name could not be found." },
    { ERROR_NOT_CONNECTED,        "This network connection does not exist." },
    { ERROR_OPEN_FILES,           "This network connection has files open or requests pending." },
    { ERROR_DEVICE_IN_USE,        "The device is in use by an active process and cannot be disconnected." },
    { ERROR_NOT_ENOUGH_QUOTA,     "Not enough quota is available to process this command." },
};

const char *wnet_error_text(uint32_t code) {
    for (unsigned i = 0; i < sizeof(wnet_texts) / sizeof(wnet_texts[0]); i++)
        if (wnet_texts[i].code == code)
            return wnet_texts[i].text;
    return NULL;
}
