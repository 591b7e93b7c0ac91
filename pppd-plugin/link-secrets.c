/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <string.h>

#include "bus-errors.h"
#include "link-report.h"
#include "link-secrets.h"

/* libdbus hands out pointers into the message's own buffer: wipe the
 * password there too before the message is freed, so it outlives its use
 * in one place only, pppd's. */
static void wipe_in_message(const char *s) {
    if (s)
        explicit_bzero((char *) s, strlen(s));
}

static int copy_string(char *dst, size_t dst_size, const char *src) {
    assert(dst);
    assert(src);

    size_t n = strlen(src);
    if (n >= dst_size)
        return -E2BIG;
    memcpy(dst, src, n + 1);
    return 0;
}

static int secrets_from_reply(DBusMessage *reply, char *user, size_t user_size,
                              char *password, size_t password_size) {
    const char *u = NULL, *p = NULL;

    assert(reply);

    if (dbus_message_get_type(reply) == DBUS_MESSAGE_TYPE_ERROR)
        return dbus_message_is_error(reply, PPPRAS_ERROR_NO_SECRETS) ? 0 : -EBADMSG;

    if (!dbus_message_get_args(reply, NULL, DBUS_TYPE_STRING, &u, DBUS_TYPE_STRING, &p,
                               DBUS_TYPE_INVALID))
        return -EBADMSG;
    int r = copy_string(user, user_size, u);
    if (r >= 0)
        r = copy_string(password, password_size, p);
    wipe_in_message(p);
    return r < 0 ? r : 1;
}

int link_secrets_fetch(BusLink *bus, unsigned timeout_ms,
                       char *user, size_t user_size, char *password, size_t password_size) {
    DBusMessage *reply = NULL;

    assert(bus);
    assert(user);
    assert(password);
    assert(user_size > 0);
    assert(password_size > 0);

    DBusMessage *call = link_request_get_secrets();
    if (!call)
        return -ENOMEM;
    int r = bus_link_call(bus, call, timeout_ms, &reply);
    dbus_message_unref(call);
    if (r >= 0) {
        r = secrets_from_reply(reply, user, user_size, password, password_size);
        dbus_message_unref(reply);
    }
    if (r != 1) {
        explicit_bzero(user, user_size);
        explicit_bzero(password, password_size);
    }
    return r;
}
