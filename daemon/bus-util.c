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

int bus_read_dict(sd_bus_message *m, const BusDictKey *keys, size_t n_keys, void *ret) {
    assert(m);
    assert(keys);
    assert(ret);

    int r = sd_bus_message_enter_container(m, 'a', "{sv}");
    if (r < 0)
        return r;
    while ((r = sd_bus_message_enter_container(m, 'e', "sv")) > 0) {
        const char *name;
        r = sd_bus_message_read(m, "s", &name);
        if (r < 0)
            return r;
        const BusDictKey *key = NULL;
        for (size_t i = 0; i < n_keys && !key; i++)
            if (streq_ptr(name, keys[i].key))
                key = &keys[i];
        if (!key)
            r = sd_bus_message_skip(m, "v");
        else {
            const char *contents;
            r = sd_bus_message_peek_type(m, NULL, &contents);
            if (r < 0)
                return r;
            char sig[2] = { key->type, '\0' };
            if (!streq_ptr(contents, sig))
                return -EINVAL;
            void *field = (char *) ret + key->offset;
            r = sd_bus_message_read(m, "v", sig, field);
            if (r >= 0 && key->type == 's' && !bus_string_is_valid(*(const char **) field))
                return -EINVAL;
        }
        if (r < 0)
            return r;
        r = sd_bus_message_exit_container(m);
        if (r < 0)
            return r;
    }
    if (r < 0)
        return r;
    return sd_bus_message_exit_container(m);
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

/* Reads GetConnectionCredentials' a{sv} into s: the uid, groups and pid
 * the bus daemon took from the socket when the client connected.  Keys
 * this code does not know are skipped. */
static int read_credentials(sd_bus_message *reply, BusSender *s) {
    assert(reply);
    assert(s);

    int r = sd_bus_message_enter_container(reply, 'a', "{sv}");
    if (r < 0)
        return r;
    while ((r = sd_bus_message_enter_container(reply, 'e', "sv")) > 0) {
        const char *key;
        r = sd_bus_message_read(reply, "s", &key);
        if (r < 0)
            return r;
        uint32_t u;
        if (strcmp(key, "UnixUserID") == 0 || strcmp(key, "ProcessID") == 0) {
            r = sd_bus_message_read(reply, "v", "u", &u);
            if (r >= 0 && key[0] == 'U')
                s->euid = (uid_t) u;
            else if (r >= 0)
                s->pid = (pid_t) u;
        } else if (strcmp(key, "UnixGroupIDs") == 0) {
            const void *gids;
            size_t size;
            r = sd_bus_message_enter_container(reply, 'v', "au");
            if (r >= 0)
                r = sd_bus_message_read_array(reply, 'u', &gids, &size);
            if (r >= 0) {
                free(s->owned_groups);
                s->owned_groups = size ? malloc(size) : NULL;
                if (size && !s->owned_groups)
                    return -ENOMEM;
                if (size)
                    memcpy(s->owned_groups, gids, size);
                s->n_groups = (int) (size / sizeof(uint32_t));
                s->groups = s->owned_groups;
                r = sd_bus_message_exit_container(reply);
            }
        } else
            r = sd_bus_message_skip(reply, "v");
        if (r < 0)
            return r;
        r = sd_bus_message_exit_container(reply);
        if (r < 0)
            return r;
    }
    if (r < 0)
        return r;
    return sd_bus_message_exit_container(reply);
}

int bus_sender_get(sd_bus_message *m, BusSender *ret) {
    assert(m);
    assert(ret);

    const char *name = sd_bus_message_get_sender(m);
    sd_bus *bus = sd_bus_message_get_bus(m);
    if (!name || !bus)
        return -ENXIO;

    /* Only what the bus daemon vouches for: it read the peer's uid and
     * groups from the socket at connect time.  Nothing from /proc/PID,
     * whose pid may belong to another process by now. */
    sd_bus_message *reply = NULL;
    int r = sd_bus_call_method(bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                               "GetConnectionCredentials", NULL, &reply, "s", name);
    if (r < 0)
        return r;

    BusSender s = { .euid = (uid_t) -1, .egid = (gid_t) -1, .uid = (uid_t) -1 };
    r = read_credentials(reply, &s);
    sd_bus_message_unref(reply);
    if (r >= 0 && (s.euid == (uid_t) -1 || s.pid <= 0))
        r = -ENODATA;
    if (r < 0) {
        bus_sender_done(&s);
        return r;
    }
    *ret = s;
    return 0;
}

void bus_sender_done(BusSender *s) {
    assert(s);
    free(s->owned_groups);
    s->owned_groups = NULL;
    s->groups = NULL;
    s->n_groups = 0;
}

int bus_sender_euid(sd_bus_message *m, uid_t *ret) {
    assert(ret);

    BusSender s;
    int r = bus_sender_get(m, &s);
    if (r < 0)
        return r;
    *ret = s.euid;
    bus_sender_done(&s);
    return 0;
}
