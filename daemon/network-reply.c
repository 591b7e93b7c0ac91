/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "network-internal.h"
#include "pppras-bus.h"
#include "util.h"
#include "winnetwk.h"
#include "wnet-error-map.h"
#include "wnet-errors.h"

int net_reply_code(sd_bus_message *m, uint32_t code) {
    assert(m);
    return sd_bus_reply_method_errorf(m, wnet_error_from_code(code), "%u: %s", code,
                                      wnet_error_text(code) ?: "The operation failed.");
}

/* Profile errors as the seed page names them. */
int net_reply_profile_error(sd_bus_message *m, int error) {
    if (error == -ENOMEM)
        return net_reply_code(m, ERROR_NOT_ENOUGH_MEMORY);
    log_warning_errno(error, "Network profile unusable: %m");
    return net_reply_code(m, error == -EBADMSG ? ERROR_BAD_PROFILE : ERROR_CANNOT_OPEN_PROFILE);
}

/* A failed mount: "CODE: PROVIDER STATUS: TEXT", the mapped code (1208
 * if none) then the provider's own code and words, which the library
 * hands to WNetGetLastError. */
int net_reply_extended(sd_bus_message *m, NetProvider provider, int status, const char *text) {
    char buf[64];

    assert(m);
    assert(text);

    /* WNet error map: the code Windows gives for the same cause
     * (daemon/wnet-error-map.c), 1208 when there is none; the provider's
     * words follow either way. */
    uint32_t code = wnet_error_map(provider, status, text);

    if (status < 0 && isempty(text))
        text = strerror_r(-status, buf, sizeof buf);
    return sd_bus_reply_method_errorf(m, wnet_error_from_code(code), "%u: %s %d: %s", code,
                                      net_provider_to_string(provider), status < 0 ? -status : status,
                                      isempty(text) ? "the mount helper failed without a message" : text);
}
