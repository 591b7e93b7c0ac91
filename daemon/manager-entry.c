/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The phonebook methods of org.pppras.Ras1.Manager: GetEntryProperties,
 * SetEntryProperties, ValidateEntryName, DeleteEntry, RenameEntry. */
#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "bus-errors.h"
#include "bus-util.h"
#include "context.h"
#include "dial-params.h"
#include "entry-access.h"
#include "entry-store.h"
#include "log.h"
#include "manager-entry.h"
#include "phonebook.h"
#include "raserror.h"
#include "util.h"

/* The entry dictionary of docs/dbus-api.md: RASENTRY's fields with a
 * pppd meaning, under Windows' own values. */
typedef struct EntryDict {
    const char *device_type, *device_name, *phone_number;
    const char *ip_address, *dns_address, *dns_alt_address;
    uint32_t vpn_strategy, options, options2, net_protocols, framing_protocol, encryption_type;
    uint32_t idle_disconnect_seconds, redial_count, redial_pause;
} EntryDict;

#define STRING_KEY(name) { #name, 's', offsetof(EntryDict, name) }
#define U32_KEY(name)    { #name, 'u', offsetof(EntryDict, name) }

static const BusDictKey entry_keys[] = {
    STRING_KEY(device_type),
    STRING_KEY(device_name),
    STRING_KEY(phone_number),
    STRING_KEY(ip_address),
    STRING_KEY(dns_address),
    STRING_KEY(dns_alt_address),
    U32_KEY(vpn_strategy),
    U32_KEY(options),
    U32_KEY(options2),
    U32_KEY(net_protocols),
    U32_KEY(framing_protocol),
    U32_KEY(encryption_type),
    U32_KEY(idle_disconnect_seconds),
    U32_KEY(redial_count),
    U32_KEY(redial_pause),
};

/* Unknown keys are skipped; a known key with another type, or a string
 * with control characters or too long, is -EINVAL. */
static int read_entry_dict(sd_bus_message *m, EntryDict *ret) {
    assert(m);
    assert(ret);

    PeersEntry defaults;
    peers_entry_init(&defaults);
    *ret = (EntryDict) {
        .device_type = "", .device_name = "", .phone_number = "",
        .ip_address = "", .dns_address = "", .dns_alt_address = "",
        .options = defaults.options, .net_protocols = defaults.net_protocols,
        .encryption_type = defaults.encryption,
    };
    return bus_read_dict(m, entry_keys, ELEMENTSOF(entry_keys), ret);
}

static int copy_checked(char *dst, size_t size, const char *src) {
    if (strlen(src) >= size)
        return -EINVAL;
    strcpy(dst, src);
    return 0;
}

/* Dictionary → mapping: -EINVAL (bad value) or -EOPNOTSUPP (a Windows
 * setting pppras has no pppd for). */
static int entry_from_dict(const EntryDict *d, PeersEntry *ret) {
    assert(d);
    assert(ret);

    PeersEntry e;
    peers_entry_init(&e);
    int r = peers_device_from_ras(d->device_type, d->vpn_strategy, d->device_name, &e.device);
    if (r < 0)
        return r;
    if (d->framing_protocol != 0 && d->framing_protocol != 1 /* RASFP_Ppp */)
        return -EOPNOTSUPP;
    bool vpn = e.device == PEERS_DEVICE_PPTP || e.device == PEERS_DEVICE_L2TP;
    if (copy_checked(e.device_name, sizeof(e.device_name), vpn ? "" : d->device_name) < 0 ||
        copy_checked(e.phone, sizeof(e.phone), d->phone_number) < 0 ||
        copy_checked(e.ip, sizeof(e.ip), d->ip_address) < 0 ||
        copy_checked(e.dns, sizeof(e.dns), d->dns_address) < 0 ||
        copy_checked(e.dns_alt, sizeof(e.dns_alt), d->dns_alt_address) < 0)
        return -EINVAL;
    e.options = d->options & PEERS_MANAGED_OPTIONS;
    e.options2 = d->options2 & PEERS_MANAGED_OPTIONS2;
    e.net_protocols = d->net_protocols & (4 | 8);    /* RASNP_Ip | RASNP_Ipv6; the rest has no PPP here */
    e.encryption = d->encryption_type;
    e.idle_seconds = d->idle_disconnect_seconds;
    e.redial_count = d->redial_count;
    e.redial_pause = d->redial_pause;
    r = peers_entry_validate(&e);
    if (r < 0)
        return r;
    *ret = e;
    return 0;
}

static int reply_entry(sd_bus_message *m, const PeersEntry *e, unsigned links) {
    assert(m);
    assert(e);

    const char *device_name = peers_device_miniport(e->device) ?: e->device_name;
    return sd_bus_reply_method_return(m, "a{sv}", 16,
                                      "sub_entries", "u", (uint32_t) links,
                                      "device_type", "s", peers_device_ras_type(e->device),
                                      "device_name", "s", device_name,
                                      "phone_number", "s", e->phone,
                                      "ip_address", "s", e->ip,
                                      "dns_address", "s", e->dns,
                                      "dns_alt_address", "s", e->dns_alt,
                                      "vpn_strategy", "u", peers_device_vpn_strategy(e->device),
                                      "options", "u", e->options,
                                      "options2", "u", e->options2,
                                      "net_protocols", "u", e->net_protocols,
                                      "framing_protocol", "u", (uint32_t) 1,
                                      "encryption_type", "u", e->encryption,
                                      "idle_disconnect_seconds", "u", e->idle_seconds,
                                      "redial_count", "u", e->redial_count,
                                      "redial_pause", "u", e->redial_pause);
}

static int reply_entry_not_found(sd_bus_message *m) {
    return bus_reply_ras_error(m, PPPRAS_ERROR_ENTRY_NOT_FOUND, ERROR_CANNOT_FIND_PHONEBOOK_ENTRY);
}

static int reply_invalid_name(sd_bus_message *m) {
    return bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_NAME, ERROR_INVALID_NAME);
}

static int reply_write_failed(sd_bus_message *m, int error) {
    log_warning_errno(error, "Failed to write the phonebook: %m");
    if (error == -ENOMEM)
        return bus_reply_errno(m, error);
    return bus_reply_ras_error(m, PPPRAS_ERROR_CANNOT_WRITE, ERROR_CANNOT_WRITE_PHONEBOOK);
}

/* Root and EntryGroup.  > 0: go on; else the reply was sent. */
static int check_may_write(Context *ctx, sd_bus_message *m) {
    assert(ctx);
    assert(m);

    BusSender sender;
    int r = bus_sender_get(m, &sender);
    if (r < 0)
        return bus_reply_errno(m, r);
    bool allowed = entry_access_may_write(sender.euid, sender.egid, sender.groups, (size_t) sender.n_groups,
                                          ctx->entry_gid);
    uid_t uid = sender.euid;
    bus_sender_done(&sender);
    if (!allowed) {
        log_notice("%s by uid %u refused.", sd_bus_message_get_member(m), (unsigned) uid);
        r = bus_reply_access_denied(m);
        return r < 0 ? r : 0;
    }
    return 1;
}

int manager_method_get_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    if (!phonebook_entry_name_is_valid(entry))
        return reply_entry_not_found(m);
    PeersEntry e;
    r = entry_store_read(ctx->phonebook_dir, entry, &e, NULL);
    if (r == -ENOENT)
        return reply_entry_not_found(m);
    if (r < 0)
        return bus_reply_errno(m, r);
    unsigned links = 1;
    (void) entry_store_count_links(ctx->phonebook_dir, entry, &links);
    return reply_entry(m, &e, links);
}

int manager_method_set_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    EntryDict d;
    r = read_entry_dict(m, &d);
    if (r == -EINVAL)
        return bus_reply_invalid_parameter(m);
    if (r < 0)
        return r;

    r = check_may_write(ctx, m);
    if (r <= 0)
        return r;
    if (!phonebook_entry_name_is_valid(entry))
        return reply_invalid_name(m);
    PeersEntry e;
    r = entry_from_dict(&d, &e);
    if (r == -EOPNOTSUPP)
        return bus_reply_ras_error(m, PPPRAS_ERROR_NOT_SUPPORTED, ERROR_NOT_SUPPORTED);
    if (r < 0)
        return bus_reply_invalid_parameter(m);

    /* the links of a multilink entry stay in the bundle */
    unsigned links = 1;
    (void) entry_store_count_links(ctx->phonebook_dir, entry, &links);
    e.multilink = links > 1;
    r = entry_store_write(ctx->phonebook_dir, entry, &e);
    if (r < 0)
        return reply_write_failed(m, r);
    log_info("Phonebook entry \"%s\" written (%s).", entry, peers_device_ras_type(e.device));
    return sd_bus_reply_method_return(m, NULL);
}

int manager_method_validate_entry_name(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    if (!phonebook_entry_name_is_valid(entry))
        return reply_invalid_name(m);
    r = entry_store_exists(ctx->phonebook_dir, entry);
    if (r < 0)
        return bus_reply_errno(m, r);
    if (r > 0)
        return bus_reply_ras_error(m, PPPRAS_ERROR_ALREADY_EXISTS, ERROR_ALREADY_EXISTS);
    return sd_bus_reply_method_return(m, NULL);
}

/* The saved credentials follow their entry; failing that is logged, not
 * fatal: the entry itself already moved. */
static void move_dial_params(Context *ctx, const char *old, const char *new_name) {
    if (!ctx->state_dir)
        return;
    int r = dial_params_rename_saved(ctx->state_dir, old, new_name);
    if (r < 0)
        log_warning_errno(r, "Failed to update the saved dial parameters of \"%s\": %m", old);
}

int manager_method_delete_entry(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *entry;
    int r = sd_bus_message_read(m, "s", &entry);
    if (r < 0)
        return r;
    r = check_may_write(ctx, m);
    if (r <= 0)
        return r;
    if (!phonebook_entry_name_is_valid(entry))
        return reply_entry_not_found(m);
    r = entry_store_delete(ctx->phonebook_dir, entry);
    if (r == -ENOENT)
        return reply_entry_not_found(m);
    if (r < 0)
        return reply_write_failed(m, r);
    move_dial_params(ctx, entry, NULL);
    log_info("Phonebook entry \"%s\" deleted.", entry);
    return sd_bus_reply_method_return(m, NULL);
}

int manager_method_rename_entry(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    const char *old, *new_name;
    int r = sd_bus_message_read(m, "ss", &old, &new_name);
    if (r < 0)
        return r;
    r = check_may_write(ctx, m);
    if (r <= 0)
        return r;
    if (!phonebook_entry_name_is_valid(old))
        return reply_entry_not_found(m);
    if (!phonebook_entry_name_is_valid(new_name))
        return reply_invalid_name(m);
    r = entry_store_rename(ctx->phonebook_dir, old, new_name);
    if (r == -ENOENT)
        return reply_entry_not_found(m);
    if (r == -EEXIST)
        return bus_reply_ras_error(m, PPPRAS_ERROR_ALREADY_EXISTS, ERROR_ALREADY_EXISTS);
    if (r < 0)
        return reply_write_failed(m, r);
    move_dial_params(ctx, old, new_name);
    log_info("Phonebook entry \"%s\" renamed to \"%s\".", old, new_name);
    return sd_bus_reply_method_return(m, NULL);
}

/* The prologue of the subentry methods: entry and index read, the entry
 * checked.  NULL name: the reply was sent (*r is what to return). */
static const char *read_subentry_args(Context *ctx, sd_bus_message *m, uint32_t *ret_n, int *r) {
    const char *entry;
    *r = sd_bus_message_read(m, "su", &entry, ret_n);
    if (*r < 0)
        return NULL;
    if (!phonebook_entry_name_is_valid(entry) || phonebook_entry_check(ctx->phonebook_dir, entry) < 0) {
        *r = reply_entry_not_found(m);
        return NULL;
    }
    return entry;
}

int manager_method_get_sub_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    uint32_t n;
    int r;
    const char *entry = read_subentry_args(ctx, m, &n, &r);
    if (!entry)
        return r;
    PeersEntry e;
    r = entry_store_read_link(ctx->phonebook_dir, entry, n, &e);
    if (r == -ENOENT)
        return reply_entry_not_found(m);
    if (r < 0)
        return bus_reply_errno(m, r);
    const char *device_name = peers_device_miniport(e.device) ?: e.device_name;
    return sd_bus_reply_method_return(m, "a{sv}", 4,
                                      "device_type", "s", peers_device_ras_type(e.device),
                                      "device_name", "s", device_name,
                                      "phone_number", "s", e.phone,
                                      "vpn_strategy", "u", peers_device_vpn_strategy(e.device));
}

int manager_method_set_sub_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    uint32_t n;
    const char *entry;
    int r = sd_bus_message_read(m, "su", &entry, &n);
    if (r < 0)
        return r;
    EntryDict d;
    r = read_entry_dict(m, &d);
    if (r == -EINVAL)
        return bus_reply_invalid_parameter(m);
    if (r < 0)
        return r;
    r = check_may_write(ctx, m);
    if (r <= 0)
        return r;

    if (!phonebook_entry_name_is_valid(entry))
        return reply_entry_not_found(m);
    PeersEntry main_entry;
    r = entry_store_read(ctx->phonebook_dir, entry, &main_entry, NULL);
    if (r == -ENOENT)
        return reply_entry_not_found(m);
    if (r < 0)
        return bus_reply_errno(m, r);
    unsigned links;
    r = entry_store_count_links(ctx->phonebook_dir, entry, &links);
    if (r < 0)
        return bus_reply_errno(m, r);
    /* an existing link is changed, the one after the last is added */
    if (n == 0 || n > links + 1 || n > ENTRY_SUBENTRIES_MAX)
        return bus_reply_invalid_parameter(m);

    /* the link takes the entry's options with its own device and number */
    PeersEntry link = main_entry;
    r = peers_device_from_ras(d.device_type, d.vpn_strategy, d.device_name, &link.device);
    if (r == -EOPNOTSUPP)
        return bus_reply_ras_error(m, PPPRAS_ERROR_NOT_SUPPORTED, ERROR_NOT_SUPPORTED);
    bool vpn = link.device == PEERS_DEVICE_PPTP || link.device == PEERS_DEVICE_L2TP;
    if (r < 0 || copy_checked(link.device_name, sizeof(link.device_name), vpn ? "" : d.device_name) < 0 ||
        copy_checked(link.phone, sizeof(link.phone), d.phone_number) < 0 || peers_entry_validate(&link) < 0)
        return bus_reply_invalid_parameter(m);

    link.multilink = n > 1 || links > 1;
    if (n == 1)
        r = entry_store_write(ctx->phonebook_dir, entry, &link);
    else {
        r = entry_store_write_link(ctx->phonebook_dir, entry, n, &link);
        if (r >= 0 && !main_entry.multilink) {
            main_entry.multilink = true;
            r = entry_store_write(ctx->phonebook_dir, entry, &main_entry);
        }
    }
    if (r == -ENAMETOOLONG)
        return reply_invalid_name(m);
    if (r < 0)
        return reply_write_failed(m, r);
    log_info("Phonebook entry \"%s\": link %u written.", entry, (unsigned) n);
    return sd_bus_reply_method_return(m, NULL);
}
