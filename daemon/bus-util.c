/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "bus-errors.h"
#include "bus-util.h"
#include "log.h"
#include "ras-error-text.h"
#include "raserror.h"
#include "util.h"

/* The Windows text of code, so the message reads as the code does on Windows. */
static const char *error_text(uint32_t code) {
    return ras_error_text(code) ?: ras_error_text(ERROR_UNKNOWN) ?: "An unknown error occurred.";
}

int bus_reply_ras_error(sd_bus_message *m, const char *name, uint32_t code) {
    assert(m);
    assert(name);
    return sd_bus_reply_method_errorf(m, name, "%u: %s", code, error_text(code));
}

int bus_reply_invalid_handle(sd_bus_message *m) {
    return bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_HANDLE, ERROR_INVALID_HANDLE);
}

int bus_reply_access_denied(sd_bus_message *m) {
    return bus_reply_ras_error(m, PPPRAS_ERROR_ACCESS_DENIED, ERROR_ACCESS_DENIED);
}

int bus_reply_invalid_parameter(sd_bus_message *m) {
    return bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_PARAMETER, ERROR_INVALID_PARAMETER);
}

int bus_reply_errno(sd_bus_message *m, int error) {
    assert(m);
    if (error == -ENOMEM)
        return bus_reply_ras_error(m, PPPRAS_ERROR_NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY);
    log_error_errno(error, "%s.%s failed: %m", strempty(sd_bus_message_get_interface(m)),
                    strempty(sd_bus_message_get_member(m)));
    return bus_reply_ras_error(m, PPPRAS_ERROR_FAILED, ERROR_UNKNOWN);
}

bool bus_string_is_valid(const char *s) {
    if (!s)
        return false;
    size_t n = strnlen(s, BUS_STRING_MAX + 1);
    if (n > BUS_STRING_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char) s[i] < 0x20 || s[i] == 0x7f)
            return false;
    return true;
}

bool bus_ipv4_is_valid(const char *s) {
    struct in_addr a;
    return s && (*s == '\0' || inet_pton(AF_INET, s, &a) == 1);
}

int bus_sender_get(sd_bus_message *m, BusSender *ret) {
    assert(m);
    assert(ret);

    sd_bus_creds *creds = NULL;
    int r = sd_bus_query_sender_creds(m, SD_BUS_CREDS_PID | SD_BUS_CREDS_UID | SD_BUS_CREDS_EUID |
                                         SD_BUS_CREDS_EGID | SD_BUS_CREDS_SUPPLEMENTARY_GIDS |
                                         SD_BUS_CREDS_AUGMENT, &creds);
    if (r < 0)
        return r;

    BusSender s = { .creds = creds, .egid = (gid_t) -1, .uid = (uid_t) -1 };
    r = sd_bus_creds_get_pid(creds, &s.pid);
    if (r >= 0)
        r = sd_bus_creds_get_euid(creds, &s.euid);
    if (r < 0) {
        sd_bus_creds_unref(creds);
        return r;
    }
    /* the rest may be unknown: they only ever widen what a caller may do */
    (void) sd_bus_creds_get_uid(creds, &s.uid);
    (void) sd_bus_creds_get_egid(creds, &s.egid);
    s.n_groups = sd_bus_creds_get_supplementary_gids(creds, &s.groups);
    if (s.n_groups < 0) {
        s.n_groups = 0;
        s.groups = NULL;
    }
    *ret = s;
    return 0;
}

void bus_sender_done(BusSender *s) {
    assert(s);
    s->creds = sd_bus_creds_unref(s->creds);
    s->groups = NULL;
    s->n_groups = 0;
}
