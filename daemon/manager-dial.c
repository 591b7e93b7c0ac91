/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stddef.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>

#include "bus-errors.h"
#include "bus-util.h"
#include "context.h"
#include "dial-params.h"
#include "entry-store.h"
#include "log.h"
#include "manager-dial.h"
#include "phonebook.h"
#include "raserror.h"
#include "util.h"

/* Dial / SetDialParams keys: user, password, domain, phone (s; phone
 * only for Dial).  Strings point into m.  Unknown keys are skipped; a
 * known key of another type or with control characters is -EINVAL. */
typedef struct DialDict {
    const char *user, *password, *domain, *phone;
} DialDict;

static const BusDictKey dial_keys[] = {
    { "user",     's', offsetof(DialDict, user) },
    { "password", 's', offsetof(DialDict, password) },
    { "domain",   's', offsetof(DialDict, domain) },
    { "phone",    's', offsetof(DialDict, phone) },
};

static int read_dial_dict(sd_bus_message *m, DialDict *ret) {
    assert(m);
    assert(ret);

    *ret = (DialDict) {};
    return bus_read_dict(m, dial_keys, ELEMENTSOF(dial_keys), ret);
}

/* Root, the hang-up group and the dial group.  > 0: go on, with
 * *ret_uid the caller; else the reply was sent. */
static int check_may_dial(Context *ctx, sd_bus_message *m, uid_t *ret_uid) {
    assert(ctx);
    assert(m);
    assert(ret_uid);

    BusSender sender;
    int r = bus_sender_get(m, &sender);
    if (r < 0)
        return bus_reply_errno(m, r);
    bool allowed = context_may_dial(ctx, sender.euid, sender.egid, sender.groups, (size_t) sender.n_groups);
    *ret_uid = sender.euid;
    bus_sender_done(&sender);
    if (!allowed) {
        log_notice("%s by uid %u refused.", sd_bus_message_get_member(m), (unsigned) *ret_uid);
        r = bus_reply_access_denied(m);
        return r < 0 ? r : 0;
    }
    return 1;
}

static int reply_entry_not_found(sd_bus_message *m) {
    return bus_reply_ras_error(m, PPPRAS_ERROR_ENTRY_NOT_FOUND, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}

/* A modem entry whose device is not there (an unplugged USB modem's
 * by-id link dangles): pppd will stop at the entry's device line with an
 * option error, which then means the modem is not available (633). */
static bool modem_device_missing(const PeersEntry *e) {
    char path[PATH_MAX];
    struct stat st;

    assert(e);
    if (e->device != PEERS_DEVICE_MODEM || peers_modem_device_path(e, path, sizeof(path)) < 0)
        return false;
    return stat(path, &st) < 0 && errno == ENOENT;
}

int manager_method_dial(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    DialDict params;
    r = read_dial_dict(m, &params);
    if (r == -EINVAL)
        return bus_reply_invalid_parameter(m);
    if (r < 0)
        return r;

    uid_t caller;
    r = check_may_dial(ctx, m, &caller);
    if (r <= 0)
        return r;
    if (!phonebook_entry_name_is_valid(entry))
        return reply_entry_not_found(m);

    /* RASDIALPARAMS' szPhoneNumber "replaces the number stored in the
     * phone-book entry": checked against what it replaces, then only
     * ever an option's argument (pppd-spawn.h). */
    bool pppoe_service = false;
    PeersEntry pe;
    r = entry_store_read(ctx->phonebook_dir, entry, &pe, NULL);
    if (r < 0 && !isempty(params.phone)) {
        if (r == -ENOENT)
            return reply_entry_not_found(m);
        return bus_reply_errno(m, r);
    }
    bool have_entry = r >= 0;
    if (!isempty(params.phone)) {
        if (!peers_dial_phone_is_valid(pe.device, params.phone)) {
            log_notice("Dial of \"%s\" by uid %u: phone number override refused.", entry, (unsigned) caller);
            return bus_reply_invalid_parameter(m);
        }
        pppoe_service = pe.device == PEERS_DEVICE_PPPOE;
    } else
        params.phone = NULL;

    /* Saved credentials fill in what the caller left out. */
    DialParamsList saved = {};
    if ((!params.user || !params.password) && ctx->state_dir) {
        r = dial_params_load(ctx->state_dir, &saved);
        if (r < 0)
            log_warning_errno(r, "Failed to read saved dial parameters: %m");
        DialParams *p = dial_params_find(&saved, caller, entry);
        if (p) {
            params.user = params.user ?: (isempty(p->user) ? NULL : p->user);
            params.domain = params.domain ?: (isempty(p->domain) ? NULL : p->domain);
            params.password = params.password ?: p->password;
        }
    }

    DialRequest req = {
        .entry = entry, .owner = caller,
        .user = params.user, .password = params.password, .domain = params.domain,
        .phone = params.phone, .pppoe_service = pppoe_service,
        .device_missing = have_entry && modem_device_missing(&pe),
        .dialler = sd_bus_message_get_sender(m),
    };
    Connection *c;
    r = context_dial(ctx, &req, &c);
    dial_params_list_done(&saved);
    if (r == -ENOENT)
        return reply_entry_not_found(m);
    if (r == -EBUSY)
        return bus_reply_ras_error(m, PPPRAS_ERROR_DIAL_IN_PROGRESS, ERROR_DIAL_ALREADY_IN_PROGRESS);
    if (r == -EDQUOT)
        return bus_reply_ras_error(m, PPPRAS_ERROR_LIMIT_EXCEEDED, ERROR_OUTOFMEMORY);
    if (r < 0)
        return bus_reply_errno(m, r);
    if (r > 0)
        log_info("Dial of \"%s\" by uid %u: connected already, handle %" PRIu64 " returned.", entry,
                 (unsigned) caller, c->handle);
    return sd_bus_reply_method_return(m, "t", c->handle);
}

int manager_method_enum_entries(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    char **entries;
    size_t n;
    int r = phonebook_list(ctx->phonebook_dir, &entries, &n);
    if (r < 0)
        return bus_reply_errno(m, r);
    _cleanup_(sd_bus_message_unrefp) sd_bus_message *reply = NULL;
    r = sd_bus_message_new_method_return(m, &reply);
    if (r >= 0)
        r = sd_bus_message_append_strv(reply, entries);
    strv_free(entries);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_send(NULL, reply, NULL);
}

int manager_method_set_dial_params(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    DialDict params;
    r = read_dial_dict(m, &params);
    if (r == -EINVAL)
        return bus_reply_invalid_parameter(m);
    if (r < 0)
        return r;
    int remove_password;
    r = sd_bus_message_read(m, "b", &remove_password);
    if (r < 0)
        return r;

    uid_t caller;
    r = check_may_dial(ctx, m, &caller);
    if (r <= 0)
        return r;
    if (phonebook_entry_check(ctx->phonebook_dir, entry) < 0)
        return reply_entry_not_found(m);
    if (!ctx->state_dir)
        return bus_reply_errno(m, -EROFS);

    DialParamsList l;
    r = dial_params_load(ctx->state_dir, &l);
    if (r >= 0)
        r = dial_params_set(&l, caller, entry, params.user, params.domain, params.password, remove_password);
    if (r >= 0)
        r = dial_params_save(ctx->state_dir, &l);
    dial_params_list_done(&l);
    if (r < 0)
        return bus_reply_errno(m, r);
    log_info("Dial parameters for entry \"%s\" saved for uid %u.", entry, (unsigned) caller);
    return sd_bus_reply_method_return(m, NULL);
}

int manager_method_get_dial_params(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    if (phonebook_entry_check(ctx->phonebook_dir, entry) < 0)
        return reply_entry_not_found(m);

    uid_t caller;
    r = bus_sender_euid(m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    DialParamsList l = {};
    if (ctx->state_dir) {
        r = dial_params_load(ctx->state_dir, &l);
        if (r < 0)
            return bus_reply_errno(m, r);
    }
    const DialParams *p = dial_params_find(&l, caller, entry);
    r = sd_bus_reply_method_return(m, "a{sv}b", 2,
                                   "user", "s", p ? p->user : "",
                                   "domain", "s", p ? p->domain : "",
                                   (int) (p && p->password));
    dial_params_list_done(&l);
    return r;
}
